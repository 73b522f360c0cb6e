"""Who is on stage in a picture: the narration's characters, the speakers, and the ones spoken to,
but not those only talked about.

A song that names everyone the hero ran away from («я от зайца ушёл, я от волка ушёл…»)
does not bring them back: a character named only inside speech is not there. The one
spoken to is, found by the vocative: a name set off by commas or ending a call in the
character's own words («и от тебя, лиса, уйду!», "Stop, Fox!").

Speech is what the text stage gave to a character (a dash turn or a quote is its own line),
plus, inside the narrator's lines, «…»/"…" quotes and what follows a speech verb and a colon
(«Колобок и запел: я от дедушки ушёл…»).
"""

from __future__ import annotations

import re

from digitales.picture.matching import WORD, Noun, nouns
from digitales.text.dialogue import SPEECH_VERBS_EN, SPEECH_VERBS_RU
from digitales.text.morph import morph

# words after which a name is only talked about even in the narration: «убежал от деда», «вспомнил про волка»
ABOUT = {"ru": ("от", "про", "о", "об", "обо", "без"), "en": ("from", "about", "without")}
QUOTES = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
# a word set off as a call: after the start, a comma or a dash, and before a comma, ! ? or the end
CALL = re.compile(r"(?:^|[,—–!?]\s*)(" + WORD.pattern + r")\s*(?=[,!?…]|$)")


def narration_and_speech(text: str, speech: list[str], lang: str) -> tuple[str, list[str]]:
    """The text cut into what the narrator tells and what characters say. `speech` are lines
    the text stage already gave to a speaker; the rest is searched for quotes and colons."""
    rest = text
    said = list(speech)
    for part in speech:
        rest = rest.replace(part, " ")
    said += [q[1:-1] for q in QUOTES.findall(rest)]
    rest = QUOTES.sub(" ", rest)
    narrated = []
    for sentence in re.split(r"(?<=[.!?…])\s+", rest):
        lead, colon, after = sentence.partition(":")
        if colon and after.strip() and _has_speech_verb(lead, lang):
            narrated.append(lead)
            said.append(after)
        else:
            narrated.append(sentence)
    return " ".join(narrated), said


def on_stage_text(narrated: str, lang: str) -> str:
    """The narration without the names it only talks about («от бабы укатился»): what is left
    names those who are there."""
    about = ABOUT.get(lang, ())
    if not about:
        return narrated
    return re.sub(rf"\b(?:{'|'.join(about)})\s+(?:{WORD.pattern})", " ", narrated, flags=re.IGNORECASE)


def nominative(word: str, lang: str) -> bool:
    """Whether a word may be the one doing something: any English word, a Russian noun in the nominative."""
    return lang != "ru" or _nominative(word)


def called(speech: str, lang: str, known: frozenset[str] = frozenset()) -> list[Noun]:
    """The nouns a speech calls by name (the vocative): «Стой, колобок!», «от тебя, лиса, уйду»."""
    out = []
    for m in CALL.finditer(speech.strip()):
        for noun in nouns(m.group(1), lang, known):
            if lang != "ru" or _nominative(noun.word) or noun.lemma in known:
                out.append(noun)
    return out


def _nominative(word: str) -> bool:
    return any("NOUN" in p.tag and "nomn" in p.tag for p in morph().parse(word)[:3])


def _has_speech_verb(clause: str, lang: str) -> bool:
    words = WORD.findall(clause.lower())
    if lang == "ru":
        return any(p.normal_form in SPEECH_VERBS_RU for w in words for p in morph().parse(w)[:2] if "VERB" in p.tag)
    return any(w in SPEECH_VERBS_EN for w in words)
