"""espeak-ng: a formant voice for every language it knows; fast, and the fallback."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from digitales.errors import UserError
from digitales.voice import audio
from digitales.voice.engine import SentenceVoice

WORDS_PER_MINUTE = 150
VARIANTS = {"female": ["f2", "f4", "f1", "f3", "f5"], "male": ["m3", "m2", "m5", "m7", "m1"], "unknown": ["m4", "m6", "f5"]}


@functools.lru_cache(maxsize=1)
def _voice_table() -> list[list[str]]:
    if not shutil.which("espeak-ng"):
        return []
    out = subprocess.run(["espeak-ng", "--voices"], capture_output=True, text=True).stdout
    return [row.split() for row in out.splitlines()[1:] if len(row.split()) > 4]


def espeak_languages() -> frozenset[str]:
    """Language codes espeak-ng has voices for (`en`, `en-us`, `de`, …)."""
    codes = {cols[1].lower() for cols in _voice_table()}
    return frozenset(codes | {c.split("-")[0] for c in codes})


def espeak_voice_known(voice: str) -> bool:
    """Whether espeak-ng knows `voice` (a language code, voice name or file, optionally +variant).

    espeak-ng itself silently falls back to its default voice for a name it does not know.
    """
    base, _, variant = voice.partition("+")
    names = set(espeak_languages())
    for cols in _voice_table():
        names |= {cols[3].lower(), cols[4].lower(), cols[4].rsplit("/", 1)[-1].lower()}
    if base.lower() not in names:
        return False
    if not variant:
        return True
    version = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True).stdout
    data = version.split("Data at:")[-1].strip()
    variants = Path(data) / "voices" / "!v"  # voice+variant, e.g. en+f3
    return any(p.name.lower() == variant.lower() for p in variants.iterdir()) if variants.is_dir() else True


class EspeakVoice(SentenceVoice):
    name = "espeak"
    description = "espeak-ng formant voice: any of its ~100 languages; voice = an espeak-ng voice name"
    languages = ("*",)
    chars_per_second = 12.5

    @classmethod
    def problem(cls) -> str | None:
        return None if shutil.which("espeak-ng") else "espeak-ng is not installed: apt-get install espeak-ng"

    def preflight(self) -> None:
        super().preflight()
        voice = self.settings.voice.voice
        if voice and shutil.which("espeak-ng") and not espeak_voice_known(voice):
            raise UserError(f"unknown espeak-ng voice '{voice}': see espeak-ng --voices")

    def voice_name(self) -> str:
        return self.settings.voice.voice or self.lang

    def voice_pools(self) -> dict[str, list[str]]:
        base = self.voice_name().split("+")[0]
        return {kind: [f"{base}+{v}" for v in variants] for kind, variants in VARIANTS.items()}

    def speak(self, text: str, voice: str) -> tuple:
        wpm = str(int(WORDS_PER_MINUTE * self.settings.voice.rate))
        run = subprocess.run(["espeak-ng", "-v", voice, "-s", wpm, "--stdout", text], capture_output=True)
        if run.returncode != 0 or not run.stdout:
            raise UserError(f"espeak-ng failed for voice '{voice}': {run.stderr.decode(errors='replace').strip()}")
        return audio.read_wav(_fix_stream_header(run.stdout))


def _fix_stream_header(wav: bytes) -> bytes:
    """espeak-ng writes to stdout before it knows the length: patch the RIFF sizes."""
    data_at = wav.find(b"data") + 8
    size = len(wav) - data_at
    return wav[:4] + (len(wav) - 8).to_bytes(4, "little") + wav[8 : data_at - 4] + size.to_bytes(4, "little") + wav[data_at:]
