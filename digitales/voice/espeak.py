"""espeak-ng: a formant voice for every language it knows; fast, and the fallback."""

from __future__ import annotations

import functools
import shutil
import subprocess

from digitales.errors import ToolMissing, UserError
from digitales.voice import audio
from digitales.voice.engine import SentenceVoice

WORDS_PER_MINUTE = 150


@functools.lru_cache(maxsize=1)
def espeak_languages() -> frozenset[str]:
    """Language codes espeak-ng has voices for (`en`, `en-us`, `de`, …)."""
    if not shutil.which("espeak-ng"):
        return frozenset()
    out = subprocess.run(["espeak-ng", "--voices"], capture_output=True, text=True).stdout
    codes = set()
    for row in out.splitlines()[1:]:
        cols = row.split()
        if len(cols) > 1:
            codes.add(cols[1].lower())
            codes.add(cols[1].split("-")[0].lower())
    return frozenset(codes)


class EspeakVoice(SentenceVoice):
    name = "espeak"
    description = "espeak-ng formant voice: any of its ~100 languages; voice = an espeak-ng voice name"
    languages = ("*",)
    chars_per_second = 12.5

    @classmethod
    def problem(cls) -> str | None:
        return None if shutil.which("espeak-ng") else "espeak-ng is not installed: apt-get install espeak-ng"

    def start(self) -> None:
        if (why := self.problem()) is not None:
            raise ToolMissing(why)

    def speak(self, text: str) -> tuple:
        voice = self.settings.voice.voice or self.lang
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
