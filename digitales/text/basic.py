"""The first text backend: sentences, speakable text, mood and time of day per scene."""

from __future__ import annotations

from digitales.backend import Backend, Job
from digitales.tale import Line, Tale
from digitales.text.mood import guess_mood, guess_time_of_day
from digitales.text.sentences import split_sentences
from digitales.text.source import paragraphs
from digitales.text.speech import spoken


class BasicText(Backend):
    stage = "text"
    name = "basic"
    description = "sentence split (razdel), numbers to words (num2words), mood from word stems"

    def key_settings(self) -> dict:
        return {}

    def run(self, tale: Tale, job: Job) -> None:
        for n, scene in enumerate(tale.scenes):
            key = {"text": scene.text, "lang": tale.lang, "mood": scene.mood, "time": scene.time_of_day}
            result, _ = job.cache.memo(key, lambda _dir, s=scene: _prepare(s.text, tale.lang))
            scene.lines = [Line(**line) for line in result["lines"]]
            # A plan's mood and time of day win over guesses from the words.
            scene.mood = scene.mood or result["mood"]
            scene.time_of_day = scene.time_of_day or result["time_of_day"]
            job.progress(n + 1, len(tale.scenes), f"scene {n + 1}")


def _prepare(text: str, lang: str) -> dict:
    lines = []
    for p, paragraph in enumerate(paragraphs(text)):
        for sentence in split_sentences(paragraph):
            say = spoken(sentence, lang)
            if any(ch.isalnum() for ch in say):
                lines.append({"text": sentence, "say": say, "paragraph": p})
    return {"lines": lines, "mood": guess_mood(text), "time_of_day": guess_time_of_day(text)}
