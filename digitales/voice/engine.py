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
                for line, (start, end) in zip(scene.lines, result["times"]):
                    line.start, line.end = start, end
                job.progress(n + 1, len(tale.scenes), f"scene {n + 1}")
        finally:
            if self._started:
                self.stop()
        for character in tale.characters:
            character.voice = voices.get(character.name, voices["narrator"]).label(self.name)
        tale.lay_out(job.settings.video.title_seconds)

    def _sentence(self, say: str, voice: Voice, clause_pause: float) -> np.ndarray:
        """One sentence, spoken in pieces the engine can take, levelled, without edge silence."""
        text = say if self.honours_stress else strip_stress(say)
        pieces = []
        for piece in chunks(text, self.chunk_limit):
            x, rate = self.speak(piece, voice.name)
            x = audio.shift(audio.resample(x, rate), audio.RATE, voice.pitch, voice.tempo)
            if pieces:
                pieces.append(audio.silence(clause_pause))
            pieces.append(audio.trim(x, audio.RATE))
        return audio.level(np.concatenate(pieces)) if pieces else audio.silence(0.0)

    def _render(self, lines, timing: dict, folder: Path) -> dict:
        if not self._started:
            self.start()
            self._started = True
        pieces = [audio.silence(timing["lead"])]
        cursor = timing["lead"]
        times = []
        for i, (line, voice) in enumerate(lines):
            if i:
                before = lines[i - 1][0]
                gap = ("turn" if line.speaker != before.speaker else
                       "paragraph" if line.paragraph != before.paragraph else "sentence")
                pieces.append(audio.silence(timing[gap]))
                cursor += len(pieces[-1]) / audio.RATE
            x = self._sentence(line.say, voice, timing["clause"])
            a, b = audio.speech_edges(x, audio.RATE)  # times are the speech itself, not the margins
            times.append((round(cursor + a / audio.RATE, 3), round(cursor + b / audio.RATE, 3)))
            pieces.append(x)
            cursor += len(x) / audio.RATE
        pieces.append(audio.silence(timing["tail"]))
        clip = np.concatenate(pieces)
        audio.write_wav(folder / "clip.wav", clip)
        return {"clip": "clip.wav", "duration": round(len(clip) / audio.RATE, 3), "times": times}
