"""What every language-model writer shares: beat-by-beat prompts with a rolling summary,
several candidates per beat, clean-up, and choosing the best by the quality checks.

No model keeps a whole tale in mind, so each beat is asked for on its own, told the
plan (what happens in it, who, where, when, in what mood) and what happened so far
in a few sentences. Each candidate is cleaned (whole sentences only, the children's
filter, spelling repair) and scored: the beat's characters named, the share of words
hunspell knows, the length the beat should have. A beat whose candidates all fail is
told by the embedded writer instead (counted in the metrics).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Callable, Protocol

from digitales.backend import Backend, Job
from digitales.errors import UserError
from digitales.tale import Beat, Tale
from digitales.text.childsafe import unsafe
from digitales.text.sentences import split_sentences
from digitales.text.spelling import repair
from digitales.writer.quality import distinct_2, measure, rejected_share, words_of

GENRE_NAMES = {"ru": {"fairy_tale": "сказка", "fable": "басня", "bylina": "былина", "novella": "новелла",
                      "comedy": "комедия", "tragedy": "трагедия", "drama": "драма", "horror": "страшилка"}}


SAMPLE = {"ru": "Жила-была на опушке леса маленькая лиса, и каждое утро она бегала к ручью умываться.",
          "en": "Once upon a time a little fox lived at the edge of the forest and ran to the brook every morning."}


@dataclass
class Prompt:
    system: str
    user: str

    @property
    def plain(self) -> str:
        """One text, for models without a chat template."""
        return f"{self.system}\n\n{self.user}\n\n"


class LanguageModel(Protocol):
    def complete(self, prompt: Prompt, n: int, seed: int) -> list[str]:
        """`n` continuations of the prompt."""


def beat_prompt(tale: Tale, beat: Beat, so_far: list[str], words: int, tag_prompt: bool = False) -> Prompt:
    """The request for one beat. `tag_prompt`: the DigiTales tag format ruGPT-3 fine-tunes
    were trained on ("Имя: … Жанр: … Текст:"), continued from the story so far."""
    cast = {c.name: c for c in tale.characters if c.role != "narrator"}
    if tag_prompt:
        genre = GENRE_NAMES.get(tale.lang, {}).get(tale.genre, tale.genre)
        return Prompt("", f"Имя: {tale.title}. Жанр: {genre}. Текст: " + " ".join(so_far[-3:]))
    people = "; ".join(f"{n} ({cast[n].look})" if cast[n].look else n for n in beat.cast if n in cast)
    events = " ".join(e.summary for e in beat.events if e.summary) or beat.function.replace("_", " ")
    if tale.lang == "ru":
        system = ("Ты пишешь добрую детскую сказку на русском языке: простые предложения, без грубых слов, "
                  "только текст сцены, без заголовков и пояснений. Рассказывай только то, что происходит в сцене.")
        user = (f"Сказка «{tale.title}», жанр: {GENRE_NAMES['ru'].get(tale.genre, tale.genre)}.\n"
                f"Что было раньше: {' '.join(so_far[-3:]) or 'сказка только начинается'}\n"
                f"Что происходит в этой сцене: {events}\nМесто: {beat.place}. Время: {beat.time_of_day}. "
                f"Настроение: {beat.mood}. Герои: {people}.\n"
                f"Напиши эту сцену: {max(2, words // 12)}–{max(3, words // 8)} предложения, около {words} слов.")
    else:
        system = ("You write a gentle children's tale in English: simple sentences, nothing rude, "
                  "only the scene's text, no titles or notes. Tell only what happens in the scene.")
        user = (f"The tale \"{tale.title}\", genre: {tale.genre.replace('_', ' ')}.\n"
                f"So far: {' '.join(so_far[-3:]) or 'the tale is just beginning'}\n"
                f"What happens in this scene: {events}\nPlace: {beat.place}. Time: {beat.time_of_day}. "
                f"Mood: {beat.mood}. Characters: {people}.\n"
                f"Write this scene: {max(2, words // 12)} to {max(3, words // 8)} sentences, about {words} words.")
    return Prompt(system, user)


# What small models echo from the request instead of telling the story.
ECHO = re.compile(r"предложени|что было раньше|что происходит|what happens|настроение:|герои:|\bслов\b|\bсцен|жанр|заголов|"
                  r"so far:|mood:|characters:|\bsentences?\b|\bwords\b|\bscene\b|\bgenre\b|\btitle\b|"
                  r"^\s*(?:\d+[.)]|[-*#•])|\d+\s*[–-]\s*\d+", re.IGNORECASE)


def clean(text: str, lang: str, names: set[str], told: tuple[str, ...] = ()) -> tuple[str, int]:
    """Whole, safe sentences with spelling repaired; and how many sentences were dropped:
    unsafe ones, echoes of the request, list items, and sentences said before."""
    text = text.strip().split("\n\n\n")[0]
    sentences = split_sentences(" ".join(line for line in text.splitlines() if line.strip()))
    if sentences and sentences[-1][-1:] not in ".!?…»\"”":
        sentences = sentences[:-1]  # cut off mid-sentence by the token limit
    seen = {s.lower() for s in told}
    kept = []
    for sentence in sentences:
        key = sentence.lower()
        if unsafe(sentence, lang) or ECHO.search(sentence) or key in seen or len(words_of(sentence)) < 2:
            continue
        seen.add(key)
        kept.append(sentence)
    fixed, _ = repair(" ".join(kept), lang, names)
    return fixed, len(sentences) - len(kept)


def score(text: str, beat: Beat, lang: str, words: int, names: tuple[str, ...]) -> float:
    """Higher is better; below 0 is unusable."""
    if not text:
        return -1.0
    count = len(text.split())
    rejected = rejected_share(text, lang, names) or 0.0
    if rejected > 0.2 or count < 3 or (count >= 12 and distinct_2(text) < 0.6):  # nonsense, or going round in circles
        return -1.0
    named = sum(any(part.lower()[:4] in text.lower() for part in n.split()) for n in beat.cast) / max(1, len(beat.cast))
    length = 1 - min(1.0, abs(count - words) / max(words, 1))
    return named + length - 3 * rejected


def write_with(model: LanguageModel, tale: Tale, target_seconds: float, seconds: Callable[[str], float],
               fallback: Callable[[int], str], candidates: int = 3, tag_prompt: bool = False,
               progress: Callable[[int, int], None] = lambda done, total: None) -> tuple[list[list[str]], dict]:
    """Scenes (one paragraph each) and what happened: beats told by the embedded writer, sentences filtered."""
    rng = random.Random(f"{tale.seed}:{tale.title}:lm")
    beats = tale.plan.beats
    sample = SAMPLE[tale.lang] if tale.lang in SAMPLE else SAMPLE["en"]
    words_per_second = len(sample.split()) / seconds(sample)  # the chosen voice's pace
    words = max(12, round(target_seconds / max(1, len(beats)) * words_per_second))
    names = tuple(c.name for c in tale.characters)
    keep = {w.lower() for n in names for w in n.split()}
    scenes, so_far, told = [], [], ()
    stats = {"beats_from_fallback": 0, "sentences_filtered": 0, "candidates": candidates}
    for i, beat in enumerate(beats):
        prompt = beat_prompt(tale, beat, so_far, words, tag_prompt)
        best, best_score = "", -1.0
        for text in model.complete(prompt, candidates, rng.randrange(1 << 30)):
            cleaned, dropped = clean(text, tale.lang, keep, told)
            stats["sentences_filtered"] += dropped
            value = score(cleaned, beat, tale.lang, words, names)
            if value > best_score:
                best, best_score = cleaned, value
        if best_score < 0:
            best = fallback(i)
            stats["beats_from_fallback"] += 1
        scenes.append([best])
        sentences = split_sentences(best)
        told += tuple(sentences)
        so_far.append(sentences[0] if sentences else "")
        progress(i + 1, len(beats))
    return scenes, stats


DEFAULT_MINUTES = 2.0  # a model is asked for this much when --minutes is not given


class LMWriterBase(Backend):
    """A writer that asks a language model for each beat (subclasses say which model)."""

    stage = "writer"

    def source(self):
        """Where the model is: checked before any stage runs, so a wrong path is one clear line."""
        raise NotImplementedError

    def model(self) -> LanguageModel:
        raise NotImplementedError

    def preflight(self) -> None:
        super().preflight()
        self.source()

    def key_settings(self) -> dict:
        w = self.settings.writer
        return {"model": w.model, "minutes": w.minutes, "candidates": w.candidates, "temperature": w.temperature,
                "max_tokens": w.max_tokens, "tag_prompt": w.tag_prompt}

    def run(self, tale: Tale, job: Job) -> None:
        from digitales.voice import narration_seconds
        from digitales.writer.embedded import EmbeddedWriter, write

        if not tale.plan.beats:
            raise UserError(f"the {self.name} writer writes from a plan: drop --text")
        w = job.settings.writer
        seconds = lambda text: narration_seconds(text, tale.lang, job.settings)  # noqa: E731
        key = {"plan": tale.plan, "characters": tale.characters, "lang": tale.lang, "seed": tale.seed,
               **self.key_settings()}

        def written(_dir) -> dict:
            told = write(tale) if tale.lang in ("ru", "en") else []
            fallback = lambda i: " ".join(told[i]) if told else ""  # noqa: E731
            scenes, stats = write_with(self.model(), tale, (w.minutes or DEFAULT_MINUTES) * 60, seconds, fallback, w.candidates,
                                       w.tag_prompt, lambda done, total: job.progress(done, total, "writing"))
            main = {c.role: c.name for c in tale.characters if c.role in ("hero", "antagonist")}
            names = tuple(c.name for c in tale.characters)
            return {"scenes": scenes, "metrics": {**measure(tale.title, tale.lang, [s[0] for s in scenes], main, names),
                                                  **stats}}

        result, _ = job.cache.memo(key, written)
        tale.metrics["writer"] = {**result["metrics"], "target_seconds": (w.minutes or DEFAULT_MINUTES) * 60}
        EmbeddedWriter.place_scenes(tale, result["scenes"])
