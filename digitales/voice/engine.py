"""The shared voice backend: a scene is spoken sentence by sentence, so every sentence's
start and end on the clip are known exactly (the subtitles and cuts rely on them).

A backend file only says how to start its engine and how to speak one sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import numpy as np

from digitales.backend import Backend, Job
from digitales.files import place
from digitales.tale import Tale
from digitales.text.chunks import chunks
from digitales.text.stress import strip_stress
from digitales.text.words import spoken_words
from digitales.voice import audio
from digitales.voice.casting import Voice, cast


class SentenceVoice(Backend):
    stage = "voice"
    chars_per_second: ClassVar[float] = 13.0  # speaking rate at rate=1, for length estimates
    chunk_limit: ClassVar[int] = 300  # longest text the engine reads well in one go
    honours_stress: ClassVar[bool] = False  # reads "+" before a vowel as its stress

    def __init__(self, settings):
        super().__init__(settings)
        self._started = False
        self.lang = ""

    # What a backend file provides -------------------------------------------------
    def start(self) -> None:
        """Load the engine (once per run, only if something must be spoken)."""

    def stop(self) -> None:
        """Release the engine."""

    def voice_name(self) -> str:
        """Which of the engine's voices speaks (for the manifest's casting)."""
        return self.settings.voice.voice

    def prepare(self, job: Job) -> None:
        """Learn what casting needs (the engine's voices) before any sentence is spoken."""

    def voice_pools(self) -> dict[str, list[str]]:
        """The engine's other voices, by kind (female, male, unknown), given to characters before shifts."""
        return {}

    def speak(self, text: str, voice: str) -> tuple[np.ndarray, int]:
        """Samples (mono float32) and sample rate for one sentence in `voice` (the cast voice name)."""
        raise NotImplementedError

    def speak_words(self, text: str, voice: str) -> tuple[np.ndarray, int, list[tuple[float, float]] | None]:
        """As speak(), with each word's (start, end) in seconds of those samples where the engine
        tells them (festival); None where it does not, and read-along estimates them instead."""
        x, rate = self.speak(text, voice)
        return x, rate, None

    # Shared -------------------------------------------------------------------------
    def key_settings(self) -> dict:
        v = self.settings.voice
        return {"voice": v.voice, "rate": v.rate}

    def run(self, tale: Tale, job: Job) -> None:
        self.lang = tale.lang
        self.prepare(job)
        v = job.settings.voice
        timing = {"clause": v.clause_pause, "sentence": v.sentence_pause, "paragraph": v.paragraph_pause,
                  "turn": v.turn_pause, "lead": v.scene_lead, "tail": v.scene_tail}
        voices = cast(tale.characters, self.voice_name(), self.voice_pools())
        try:
            for n, scene in enumerate(tale.scenes):
                cast_lines = [(l, voices.get(l.speaker, voices["narrator"])) for l in scene.lines]
                key = {"lines": [(l.say, l.paragraph, l.speaker, who.key()) for l, who in cast_lines], "timing": timing,
                       "voice": self.key_settings(), "lang": tale.lang}
                result, entry = job.cache.memo(key, lambda d, c=cast_lines: self._render(c, timing, d))
                scene.audio = f"scenes/{scene.index:02d}.wav"
                place(entry / result["clip"], job.path(scene.audio))
                scene.duration = result["duration"]
                scene.start = 0.0  # line times below are relative to the clip until lay_out()
                for line, (start, end), words in zip(scene.lines, result["times"], result["words"]):
                    line.start, line.end, line.words = start, end, words
                job.progress(n + 1, len(tale.scenes), f"scene {n + 1}")
        finally:
            if self._started:
                self.stop()
        for character in tale.characters:
            character.voice = voices.get(character.name, voices["narrator"]).label(self.name)
        tale.lay_out(job.settings.video.title_seconds)

    def _sentence(self, say: str, voice: Voice, clause_pause: float) -> tuple[np.ndarray, list | None]:
        """One sentence, spoken in pieces the engine can take, levelled, without edge silence;
        with its words' (start, end) on it when the engine timed them."""
        text = say if self.honours_stress else strip_stress(say)
        pieces: list[np.ndarray] = []
        words: list | None = []
        cursor = 0.0
        for piece in chunks(text, self.chunk_limit):
            x, rate, timed = self.speak_words(piece, voice.name)
            x = audio.shift(audio.resample(x, rate), audio.RATE, voice.pitch, voice.tempo)
            if pieces:
                pieces.append(audio.silence(clause_pause))
                cursor += len(pieces[-1]) / audio.RATE
            lo, hi = audio.trim_bounds(x, audio.RATE)
            pieces.append(x[lo:hi])
            length = (hi - lo) / audio.RATE
            if words is not None and timed is not None:
                # pitch's resample and atempo together change the length by 1/tempo only; trim cut `lo` off the start
                at = [min(length, max(0.0, t / voice.tempo - lo / audio.RATE)) for w in timed for t in w]
                words += [(cursor + a, cursor + b) for a, b in zip(at[::2], at[1::2])]
            else:
                words = None
            cursor += length
        if not pieces:
            return audio.silence(0.0), None
        return audio.level(np.concatenate(pieces)), words

    def _render(self, lines, timing: dict, folder: Path) -> dict:
        if not self._started:
            self.start()
            self._started = True
        pieces = [audio.silence(timing["lead"])]
        cursor = timing["lead"]
        times, words = [], []
        for i, (line, voice) in enumerate(lines):
            if i:
                before = lines[i - 1][0]
                gap = ("turn" if line.speaker != before.speaker else
                       "paragraph" if line.paragraph != before.paragraph else "sentence")
                pieces.append(audio.silence(timing[gap]))
                cursor += len(pieces[-1]) / audio.RATE
            x, timed = self._sentence(line.say, voice, timing["clause"])
            a, b = audio.speech_edges(x, audio.RATE)  # times are the speech itself, not the margins
            times.append((round(cursor + a / audio.RATE, 3), round(cursor + b / audio.RATE, 3)))
            # the engine's words are the spoken text's (`say`); they time the written words only one for one
            fits = timed is not None and len(timed) == len(spoken_words(line.text))
            words.append([[round(cursor + s, 3), round(cursor + e, 3)] for s, e in timed] if fits else [])
            pieces.append(x)
            cursor += len(x) / audio.RATE
        pieces.append(audio.silence(timing["tail"]))
        clip = np.concatenate(pieces)
        audio.write_wav(folder / "clip.wav", clip)
        return {"clip": "clip.wav", "duration": round(len(clip) / audio.RATE, 3), "times": times, "words": words}
