"""Who is on stage in a picture: the narration's characters, the speakers, and the ones spoken to,
but not those only talked about.

A song that names everyone the hero ran away from («я от зайца ушёл, я от волка ушёл…»)
does not bring them back: a character named only inside speech is not there. The one
spoken to is, found by the vocative: a name set off by commas or ending a call in the
character's own words («и от тебя, лиса, уйду!», "Stop, Fox!").

Speech is what the text stage gave to a character (a dash turn or a quote is its own line),
plus, inside the narrator's lines, «…»/"…" quotes and what follows a speech verb and a colon
(«Колобок и запел: я от дедушки ушёл…»).

And who leaves: one the story's events send away (leave, flee, run_off; drive_out sends the
one acted on), else one the narration says goes («колобок укатился дальше», «и был таков»,
"the fox ran off") — never one who only sings of it («я от деда ушёл»).
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from digitales.picture.matching import WORD, Noun, nouns
from digitales.text.dialogue import SPEECH_VERBS_EN, SPEECH_VERBS_RU
from digitales.text.morph import morph

# words after which a name is only talked about even in the narration: «убежал от деда», «вспомнил про волка»
ABOUT = {"ru": ("от", "про", "о", "об", "обо", "без"), "en": ("from", "about", "without")}
QUOTES = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
# a word set off as a call: after the start, a comma or a dash, and before a comma, ! ? or the end
CALL = re.compile(r"(?:^|[,—–!?]\s*)(" + WORD.pattern + r")\s*(?=[,!?…]|$)")


# the plan's actions (plot/data) after which the one acting is gone, and those that send the one acted on
LEAVING_ACTIONS = {"leave", "flee", "go", "go_home", "go_out", "run_off", "set_off", "set_out"}
SENDING_ACTIONS = {"drive_out", "throw_out"}
# going away, said of the one going: у- and a way of moving (ушёл, убежал, укатился, улетел, уплыл,
# ускакал, уполз, уехал), and the words for being gone; not «уйду» (a boast) nor «выкатился» (comes out)
AWAY_RU = re.compile(r"^(?:у(?:ш[её]л|шл[аои]|ход(?:ит|ят|ил)\w*|беж(?:ал|ит|ат)\w*|бега\w*|кат(?:ил|ыва|ит)\w*|лет(?:ел|ает|ают|ит)\w*|"
                     r"плы(?:л|ва)\w*|полз\w*|скака\w*|скач\w*|ехал\w*|езжа\w*|дра(?:л|ла|ли)|мчал\w*|нес(?:ся|лась|лись))|"
                     r"скрыл(?:ся|ась|ись)|исчез\w*|таков[аы]?)$")
AWAY_EN = re.compile(r"\b(?:(?:went|goes|go|ran|runs|run|rolled|rolls|flew|flies|swam|swims|hopped|hops|walked|walks|hurried|"
                     r"dashed|raced|crept|trotted|galloped|scurried|waddled)\s+(?:\w+\s+)?(?:away|off)|vanished|disappeared|"
                     r"was gone|were gone|left(?=[.!,;]|\s+(?:the|home|for)\b))\b")
NOT = {"не", "not", "never", "t"}  # a going taken back ("didn't" is cut at its apostrophe: "didn", "t")


def going_away(sentence: str, who: Callable[[str], str | None], lang: str) -> set[str]:
    """Who a narrated sentence says goes away: the character named nearest before the word that
    says so (else nearest after it), unless a later «не …» takes it back. `who` gives the
    character a word names as the one acting, or None."""
    words = [(m.start(), m.group()) for m in WORD.finditer(sentence)]
    named = [(at, key) for at, w in words if (key := who(w))]
    if not named:
        return set()
    if lang == "ru":
        away = [at for at, w in words if AWAY_RU.match(w.lower())]
    else:
        away = [m.start() for m in AWAY_EN.finditer(sentence.lower())]
    before = {at: w.lower() for (_, w), (at, _) in zip(words, words[1:])}  # the word before each
    going: dict[str, bool] = {}
    for at in away:  # the last said of each counts: «от деда укатился, … а от лисы не укатился»
        earlier = [key for a, key in named if a < at]
        going[earlier[-1] if earlier else min(named, key=lambda x: x[0] - at)[1]] = before.get(at) not in NOT
    return {key for key, gone in going.items() if gone}


def leavers_of(events: Iterable) -> set[str]:
    """Who the story's events (tale.Event) send off the stage."""
    return ({e.who[0] for e in events if e.action in LEAVING_ACTIONS and e.who}
            | {e.to for e in events if e.action in SENDING_ACTIONS and e.to})


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
