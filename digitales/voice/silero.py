"""Silero TTS (torch): a neural voice with several speakers per language.

`--voice silero:MODEL.pt` loads a downloaded Silero model file (a torch.package, as
the project publishes them); `--voice silero:ru` (or `en`, `de`, …) asks torch.hub for
the newest one, which needs the internet the first time. Each character gets one of
the model's own speakers before any pitch shifting.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from digitales.cache import file_digest
from digitales.errors import UserError
from digitales.voice.engine import SentenceVoice

SAMPLE_RATE = 48000
HUB = "snakers4/silero-models"
HUB_SPEAKERS = {"ru": "v4_ru", "en": "v3_en", "de": "v3_de", "es": "v3_es", "fr": "v3_fr", "uk": "v4_uk"}
FEMALE = {"baya", "kseniya", "xenia", "mykyta_f", "eva_k", "karlsson_f"}
MALE = {"aidar", "eugene", "mykyta", "hokuspokus", "bernd_ungerer", "friedrich"}


class SileroVoice(SentenceVoice):
    name = "silero"
    description = "Silero neural TTS (torch): silero:MODEL.pt, or silero:LANG from torch.hub (online once)"
    languages = tuple(HUB_SPEAKERS)
    chars_per_second = 14.0
    chunk_limit = 800  # Silero refuses texts over ~1000 characters
    honours_stress = True  # + before a vowel, as in its own training data

    @classmethod
    def problem(cls) -> str | None:
        try:
            import torch  # noqa: F401
        except ImportError:
            return "torch is not installed: .venv/bin/pip install torch==2.13.0"
        return None

    def source(self) -> str:
        return self.settings.voice.voice or self.settings.lang

    def preflight(self) -> None:
        super().preflight()
        source = self.source()
        if source.endswith(".pt") and not Path(source).expanduser().is_file():
            raise UserError(f"silero model file not found: {source}")
        if not source.endswith(".pt") and source not in HUB_SPEAKERS:
            raise UserError(f"silero has no model for '{source}': give a model file (.pt) or one of {', '.join(HUB_SPEAKERS)}")

    def key_settings(self) -> dict:
        return {**super().key_settings(), "model": self.source()}

    def start(self) -> None:
        import torch

        source = self.source()
        try:
            if source.endswith(".pt"):
                importer = torch.package.PackageImporter(str(Path(source).expanduser()))
                self._model = importer.load_pickle("tts_models", "model")
            else:
                self._model, _ = torch.hub.load(HUB, "silero_tts", language=source, speaker=HUB_SPEAKERS[source])
        except (OSError, RuntimeError, ValueError) as e:
            raise UserError(f"cannot load the silero model '{source}': {str(e).splitlines()[0][:200]}") from None
        self._model.to(torch.device("cpu"))
        if not [s for s in getattr(self._model, "speakers", []) if s != "random"]:
            raise UserError(f"the silero model '{source}' lists no speakers")

    def prepare(self, job) -> None:
        # The model's speakers decide the casting; remember them so a cached run needs no model.
        source = self.source()
        key = {"speakers": source, "file": file_digest(Path(source).expanduser()) if source.endswith(".pt") else ""}
        result, _ = job.cache.memo(key, lambda _dir: {"speakers": self._load_speakers()})
        self._speakers = result["speakers"]

    def _load_speakers(self) -> list[str]:
        if getattr(self, "_model", None) is None:
            self.start()
            self._started = True
        return [s for s in getattr(self._model, "speakers", []) if s != "random"]

    def speakers(self) -> list[str]:
        return getattr(self, "_speakers", None) or self._load_speakers()

    def voice_name(self) -> str:
        return self.speakers()[0] if self.speakers() else ""

    def voice_pools(self) -> dict[str, list[str]]:
        others = self.speakers()[1:]
        return {"female": [s for s in others if s in FEMALE], "male": [s for s in others if s in MALE],
                "unknown": [s for s in others if s not in FEMALE | MALE]}

    def speak(self, text: str, voice: str) -> tuple:
        import torch

        with torch.inference_mode():
            out = self._model.apply_tts(text=text, speaker=voice or self.voice_name(), sample_rate=SAMPLE_RATE)
        return np.asarray(out, dtype=np.float32).reshape(-1), SAMPLE_RATE

    def stop(self) -> None:
        self._model = None

