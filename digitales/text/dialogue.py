"""Who says what: a paragraph cut into the narrator's words and characters' speech.

Russian: a paragraph opening with a dash is a turn of dialogue ("— Не ешь меня, —
сказал Колобок"), its dashes alternate speech and the author's words; «…» quotes are
speech inside narration. English: "…" quotes with said-tags. The speaker is the noun
beside a speech verb in the author's words; an untagged turn goes to whoever spoke
before the last speaker (two people talking take turns), or to the one a colon
introduced ("навстречу ему заяц:").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

NARRATOR = "narrator"

SPEECH_VERBS_RU = set("""сказать говорить ответить отвечать спросить спрашивать закричать кричать крикнуть
запеть петь пропеть воскликнуть прошептать шептать проворчать молвить зарычать рычать пропищать пищать
заплакать засмеяться рассмеяться попросить просить велеть приказать подумать позвать звать взмолиться
промолвить вздохнуть буркнуть пробормотать удивиться обрадоваться согласиться возразить продолжить
квакнуть пискнуть ухнуть прорычать крякнуть каркнуть мяукнуть фыркнуть хрюкнуть прокаркать окликнуть улыбнуться
запищать заворчать проворковать прожужжать заржать замычать заблеять прокукарекать похвалить повторить
радоваться радоваться крикнуть взмолиться предложить добавить объяснить
ахнуть охнуть зашептать шепнуть смутиться всхлипнуть пропыхтеть прошипеть прокричать пробурчать простонать
пожаловаться перебить подхватить хихикнуть зевнуть заохать пролепетать прохрипеть""".split())
SPEECH_VERBS_EN = set("""say said says ask asked asks reply replied answer answered cry cried shout shouted sing sang
whisper whispered sob sobbed laugh laughed call called growl growled squeak squeaked exclaim exclaimed
murmur murmured add added begin began continue continued croak croaked hoot hooted quack quacked caw cawed
smile smiled sigh sighed peep peeped chirp chirped roar roared grunt grunted mew mewed bark barked buzz buzzed
squeal squealed snap snapped beg begged boast boasted tell told call called yell yelled wail wailed gasp gasped
puffed sniffed sniffled chimed squawked spluttered muttered grumbled mumbled panted piped giggled chuckled groaned
moaned""".split())
# «Тук-тук…», "Tap-tap! Tap-tap!", «ТУК-ТУК-ТУК!»: a sound in quotes is the narrator's, nobody's line
SOUND = re.compile(r"^(?:\W*(\w+)(?:-\1)+\W*)+$", re.I)
PRONOUNS_EN = {"he", "she", "it", "they", "i", "we", "you"}


@dataclass
class Segment:
    text: str
    speaker: str = NARRATOR  # a character's name, or narrator
    gender: str = "unknown"


@functools.lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


class Conversation:
    """Reads a scene's paragraphs in order, remembering who spoke, for untagged turns."""

    def __init__(self, lang: str, cast: tuple[str, ...] | list[str] = ()):
        self.lang = lang
        # The tale's own characters by the lemma of their last word: «сказала рысь» is the lynx,
        # though «рысь» is first a trot, «сорока» first forty and «невестки» first one's.
        self.cast = {_morph().parse(name.split()[-1].lower())[0].normal_form: name
                     for name in cast if lang == "ru" and name.split()}
        self.recent: list[str] = []  # speakers, most recent last
        self.introduced: tuple[str, str] | None = None  # named before a colon: speaks next
        self.partner: tuple[str, str] | None = None  # the other one in that sentence: answers
        self.mentioned: list[tuple[str, str]] = []  # nouns of the narration, for a first untagged turn
        self.genders: dict[str, str] = {}

    def paragraph(self, text: str) -> list[Segment]:
        text = text.strip()
        if self.lang == "ru" and re.match(r"[—–-]\s", text):
            segments = self._dash_turn(text)
        else:
            segments = self._quotes(text)
        if segments and segments[-1].speaker == NARRATOR:
            self._remember_nouns(segments[-1].text)
        return [s for s in segments if re.search(r"\w", s.text)]

    # Russian dialogue lines ----------------------------------------------------------
    def _dash_turn(self, text: str) -> list[Segment]:
        parts = [p.strip() for p in re.split(r"(?:^|\s)[—–-]\s+", text) if p.strip()]
        # Speech and the author's words alternate; a dash inside speech ("помети — вот") is
        # not a switch: a part is the author's only if it names who speaks.
        plan: list[tuple[bool, str]] = []  # (is speech, text)
        speech, tag = parts[:1], None
        for part in parts[1:]:
            found = self._tag_speaker(part) if speech else None
            if found:
                tag = tag or found
                plan += [(True, " — ".join(speech)), (False, part)]
                speech = []
            else:
                speech.append(part)
        if speech:
            plan.append((True, " — ".join(speech)))
        speaker = tag or self._untagged_speaker()
        segments = [Segment(body.rstrip(", ").strip(), *speaker) if is_speech else Segment(body, NARRATOR)
                    for is_speech, body in plan]
        self._spoke(speaker[0])
        return segments

    # Quotations inside narration (both languages) ---------------------------------------
    def _quotes(self, text: str) -> list[Segment]:
        pattern = r"«([^»]+)»" if self.lang == "ru" else r"[\"“]([^\"”]+)[\"”]"
        pieces = re.split(pattern, text)
        if len(pieces) == 1:
            return [Segment(text)]
        segments = []
        for i, piece in enumerate(pieces):
            piece = piece.strip()
            if i % 2 == 0:
                if re.search(r"\w", piece):
                    segments.append(Segment(piece.strip(" ,:"), NARRATOR))
                continue
            if SOUND.match(piece):  # a knock or a drip heard, told by the narrator
                segments.append(Segment(piece, NARRATOR))
                continue
            # a quote's tag is in the author's words right after it, else right before it
            after, before = pieces[i + 1] if i + 1 < len(pieces) else "", pieces[i - 1]
            after = re.split(r"(?<=[.!?])\s", after.strip(), maxsplit=1)[0]
            speaker = self._tag_speaker(after) or self._tag_speaker(before) or self._untagged_speaker()
            segments.append(Segment(piece, *speaker))
            self._spoke(speaker[0])
        return segments

    # Finding the speaker -------------------------------------------------------------
    def _tag_speaker(self, author_words: str) -> tuple[str, str] | None:
        words = re.findall(r"[\w-]+", author_words)
        if self.lang == "ru":
            return self._tag_speaker_ru(words)
        lower = [w.lower() for w in words]
        for i, w in enumerate(lower):
            if w in SPEECH_VERBS_EN:
                if i > 0 and lower[i - 1] in PRONOUNS_EN:  # "she asked the owl": she speaks
                    return self._by_pronoun(lower[i - 1])
                after = [x for x in words[i + 1 : i + 5] if x.lower() not in {"the", "a", "an", "old", "little", "small", "young", "big"}]
                if i > 0 and lower[i - 1] not in PRONOUNS_EN and words[i - 1][:1].isupper():
                    return self._known(words[i - 1], "unknown")
                if after and after[0].lower() not in PRONOUNS_EN and (after[0][:1].isupper() or i + 1 < len(words)):
                    if after[0].lower() not in {"to", "and", "but", "in", "at", "with", "one", "that"}:
                        return self._known(after[0], "unknown")
        return None

    def _tag_speaker_ru(self, words: list[str]) -> tuple[str, str] | None:
        morph = _morph()
        parsed = [morph.parse(w)[0] for w in words]
        verbs = [i for i, p in enumerate(parsed) if p.tag.POS in {"VERB", "INFN"} and p.normal_form in SPEECH_VERBS_RU]
        for v in verbs:
            # the subject: the nearest nominative noun after the verb (Russian inverts: «сказал заяц»), else before it
            order = list(range(v + 1, len(parsed))) + list(range(v - 1, -1, -1))
            for i in order:
                nominative = [p for p in morph.parse(words[i]) if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
                ours = next((p for p in nominative if p.normal_form in self.cast), None)
                if ours is not None:
                    return self._known(self.cast[ours.normal_form], str(ours.tag.gender or "unknown"))
                p = parsed[i] if parsed[i] in nominative else next((q for q in nominative if "anim" in q.tag), None)
                if p is not None:  # «сказала сорока»: a magpie speaks, not the number forty
                    return self._known(p.normal_form, str(p.tag.gender or "unknown"))
        return None

    def _colon_speaker(self, text: str) -> tuple[str, str] | None:
        if not text.rstrip().endswith(":"):
            return None
        if self.lang != "ru":
            return self._tag_speaker(text)
        morph = _morph()
        for word in reversed(re.findall(r"[\w-]+", text)):
            p = morph.parse(word)[0]
            if p.tag.POS == "NOUN" and p.tag.case == "nomn":
                return self._known(p.normal_form, str(p.tag.gender or "unknown"))
        return None

    def _untagged_speaker(self) -> tuple[str, str]:
        last = self.recent[-1] if self.recent else None
        if self.introduced and self.introduced[0] != last:
            return self.introduced
        if self.partner and self.partner[0] != last:
            return self.partner
        others = [s for s in self.recent if s != last]
        if others:
            return others[-1], self.genders.get(others[-1], "unknown")
        for name, gender in reversed(self.mentioned):  # a first reply: someone the story just named
            if name != last:
                return self._known(name, gender)
        return "someone", "unknown"

    def _remember_nouns(self, text: str) -> None:
        """Nouns (nominative) of a narration paragraph; before a colon, the last one speaks next
        and the first one is who answers ("Катится колобок, а навстречу ему заяц:")."""
        if self.lang != "ru":  # names: capitalised words not opening a sentence
            names = re.findall(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+)", text)
            self.mentioned = (self.mentioned + [(n, self.genders.get(n, "unknown")) for n in names])[-8:]
            self.introduced = self._colon_speaker(text)
            self.partner = None
            return
        morph = _morph()
        nouns = []
        for word in re.findall(r"[\w-]{2,}", text):  # no one-letter «И» taken for a name
            for p in morph.parse(word)[:2]:
                if p.tag.POS == "NOUN" and p.tag.case in {"nomn", "ablt"} and p.score > 0.1 and "anim" in p.tag or \
                        p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.score > 0.3:
                    nouns.append((p.normal_form[:1].upper() + p.normal_form[1:], str(p.tag.gender or "unknown")))
                    break
        self.mentioned = (self.mentioned + nouns)[-8:]
        if text.rstrip().endswith(":") and nouns:
            self.introduced = self._known(*nouns[-1])
            self.partner = self._known(*nouns[0]) if nouns[0][0] != nouns[-1][0] else None
        else:
            self.introduced = None

    def _by_pronoun(self, pronoun: str) -> tuple[str, str] | None:
        gender = {"he": "masc", "she": "femn"}.get(pronoun)
        if gender is None:
            return None
        for name in reversed(self.recent):
            if self.genders.get(name) == gender:
                return name, gender
        for name, _ in reversed(self.mentioned):  # the last one named in the story: now we know the gender
            if self.genders.get(name, "unknown") in ("unknown", gender):
                self.genders[name] = gender
                return name, gender
        return None

    def _known(self, name: str, gender: str) -> tuple[str, str]:
        name = name[:1].upper() + name[1:]
        if gender != "unknown" or name not in self.genders:
            self.genders[name] = gender
        return name, self.genders[name]

    def _spoke(self, name: str) -> None:
        if self.recent and self.recent[-1] == name:
            return
        self.recent = [s for s in self.recent if s != name] + [name]
