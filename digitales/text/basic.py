"""The first text backend: sentences, speakable text, mood and time of day per scene."""

from __future__ import annotations

from pathlib import Path

from digitales.backend import Backend, Job
from digitales.tale import Line, Tale
from digitales.text.mood import guess_mood, guess_time_of_day
from digitales.text.sentences import split_sentences
from digitales.text.source import paragraphs
from digitales.text.speech import spoken
from digitales.text.stress import StressDictionary, add_stress, stress_problem


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
        self.dictionary()

    def dictionary(self) -> StressDictionary:
        path = self.settings.text.stress_dict
        return StressDictionary.load(Path(path).expanduser()) if path else StressDictionary()

    def key_settings(self) -> dict:
        return {"stress": self.settings.text.stress, "dictionary": self.dictionary().entries}

    def run(self, tale: Tale, job: Job) -> None:
        stress = tale.lang == "ru" and job.settings.text.stress
        dictionary = self.dictionary()
        for n, scene in enumerate(tale.scenes):
            key = {"text": scene.text, "lang": tale.lang, "mood": scene.mood, "time": scene.time_of_day}
            result, _ = job.cache.memo(key, lambda _dir, s=scene: _prepare(s.text, tale.lang, stress, dictionary))
            scene.lines = [Line(**line) for line in result["lines"]]
            # A plan's mood and time of day win over guesses from the words.
            scene.mood = scene.mood or result["mood"]
            scene.time_of_day = scene.time_of_day or result["time_of_day"]
            job.progress(n + 1, len(tale.scenes), f"scene {n + 1}")


def _prepare(text: str, lang: str, stress: bool, dictionary: StressDictionary) -> dict:
    lines = []
    for p, paragraph in enumerate(paragraphs(text)):
        for sentence in split_sentences(paragraph):
            say = spoken(sentence, lang)
            if stress:
                say = add_stress(say, dictionary)
            if any(ch.isalnum() for ch in say):
                lines.append({"text": sentence, "say": say, "paragraph": p})
    return {"lines": lines, "mood": guess_mood(text), "time_of_day": guess_time_of_day(text)}
