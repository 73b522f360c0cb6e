"""The first text backend: sentences, speakable text, mood and time of day per scene."""

from __future__ import annotations

import functools
from pathlib import Path

from digitales.backend import Backend, Job
from digitales.errors import UserError
from digitales.tale import Character, Line, Tale
from digitales.text.dialogue import Conversation
from digitales.text.mood import guess_mood, guess_time_of_day
from digitales.text.sentences import split_sentences
from digitales.text.source import paragraphs
from digitales.text.speech import spoken
from digitales.text.stress import StressDictionary, add_stress, release_stress_model, stress_problem
from digitales.voice.casting import sex


class BasicText(Backend):
    stage = "text"
    name = "basic"
    description = "sentences (razdel), numbers to words (num2words), Russian stress (silero-stress + your dictionary), mood"

    @classmethod
    def problem(cls) -> str | None:
        return stress_problem()

    def preflight(self) -> None:
        if self.settings.lang == "ru" and self.settings.text.stress:
            super().preflight()
        _ = self.dictionary  # loading it checks every line of the user's file

    @functools.cached_property
    def dictionary(self) -> StressDictionary:
        path = self.settings.text.stress_dict
        return StressDictionary.load(Path(path).expanduser()) if path else StressDictionary()

    def key_settings(self) -> dict:
        return {"stress": self.settings.text.stress, "dictionary": self.dictionary.entries}

    def run(self, tale: Tale, job: Job) -> None:
        # The first stage whose scenes are final: a redraw of a scene the tale lacks stops here, before any is spoken or drawn.
        missing = sorted(n for n in job.settings.picture.redraw if n > len(tale.scenes))
        if missing:
            raise UserError(f"there is no scene {missing[0]} to redraw: the tale has {len(tale.scenes)} scenes")
        stress = tale.lang == "ru" and job.settings.text.stress
        dictionary = self.dictionary
        cast = [c.name for c in tale.characters if c.role != "narrator"]
        talk = Conversation(tale.lang, cast)  # one conversation through the whole tale: dialogue crosses scenes
        for n, scene in enumerate(tale.scenes):
            segments = [(seg.speaker, seg.text, p) for p, paragraph in enumerate(paragraphs(scene.text))
                        for seg in talk.paragraph(paragraph)]
            key = {"segments": segments, "lang": tale.lang, "mood": scene.mood, "time": scene.time_of_day}
            result, _ = job.cache.memo(key, lambda _dir, s=scene, g=segments: _prepare(s.text, g, tale.lang, stress, dictionary))
            scene.lines = [Line(**line) for line in result["lines"]]
            # A plan's mood and time of day win over guesses from the words.
            scene.mood = scene.mood or result["mood"]
            scene.time_of_day = scene.time_of_day or result["time_of_day"]
            job.progress(n + 1, len(tale.scenes), f"scene {n + 1}")
        release_stress_model()  # the later stages need the memory more
        from digitales.plot.kinds import kind_of  # here: the kinds table itself reads words with text.morph

        known = {c.name for c in tale.characters}
        planned = speaker_names(tale.characters)
        for line in (l for s in tale.scenes for l in s.lines):  # the cast, in order of first words
            line.speaker = planned.get(line.speaker.lower(), line.speaker)  # «Заяц» who speaks is the plan's заяц
            if line.speaker not in known:
                known.add(line.speaker)
                kind = kind_of(line.speaker, tale.lang)  # «Лягушонок» who speaks is drawn as a frog, not a stranger
                tale.characters.append(Character(name=line.speaker, gender=sex(talk.genders.get(line.speaker, "")),
                                                 kind=kind.name if kind is not None else ""))


def speaker_names(characters: list[Character]) -> dict[str, str]:
    """The plan's characters by the words the dialogue reader names a speaker with (the lemma
    of any word of the name: «Баба» is «баба», "Hen" is "little red hen"); a word two
    characters share names neither."""
    from digitales.text.morph import lemma

    found: dict[str, set[str]] = {}
    for c in characters:
        if c.role == "narrator":
            continue
        lang = "ru" if any("а" <= ch <= "я" for ch in c.name.lower()) else "en"
        for word in {c.name.lower(), *c.name.lower().split(), *(lemma(w, lang) for w in c.name.split())}:
            found.setdefault(word, set()).add(c.name)
    return {word: next(iter(names)) for word, names in found.items() if len(names) == 1}


def _prepare(text: str, segments: list, lang: str, stress: bool, dictionary: StressDictionary) -> dict:
    lines = []
    for speaker, words, p in segments:
        for sentence in split_sentences(words):
            say = spoken(sentence, lang)
            if stress:
                say = add_stress(say, dictionary)
            if any(ch.isalnum() for ch in say):
                lines.append({"text": sentence, "say": say, "speaker": speaker, "paragraph": p})
    return {"lines": lines, "mood": guess_mood(text), "time_of_day": guess_time_of_day(text)}
