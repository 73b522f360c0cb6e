"""Festival with festvox-ru (msu_ru_nsh_clunits): one long-lived process for a whole tale.

Festival takes ~2.5 s to start, so sentences go to one `festival --pipe` over stdin;
`stdbuf -o0` makes it answer each command at once instead of at exit.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from digitales.errors import UserError
from digitales.voice import audio
from digitales.voice.engine import SentenceVoice

VOICES = {"ru": ("msu_ru_nsh_clunits", "/usr/share/festival/voices/russian/msu_ru_nsh_clunits")}
DONE = "DIGITALES-DONE"
VOICE_ROOT = "/usr/share/festival/voices"
# Each word's start and end in the utterance just spoken (seconds): festival's own segment times.
WORD_TIMES = ("(mapcar (lambda (w) (format t \"WORD %f %f\\n\" (item.feat w \"word_start\") (item.feat w \"word_end\")))"
              " (utt.relation.items digitales_utt 'Word))")


def festival_text(text: str) -> str:
    """What festvox-ru's letter-to-sound rules accept: Cyrillic words, + stress marks,
    and punctuation stuck to a word. Anything else (dashes, quotes, brackets, Latin
    letters, a lone '.') makes it drop the whole sentence."""
    text = re.sub(r"\s*[—–]\s*|\s+-\s+", ", ", text)  # a dash is a pause
    text = re.sub(r"\.{2,}|…", ".", text)
    text = re.sub(r"[^А-Яа-яЁё+\s,.!?:;-]", " ", text)
    text = re.sub(r"(?<![А-Яа-яЁё])-|-(?![А-Яа-яЁё])", " ", text)  # hyphens only inside words
    text = re.sub(r"\+(?![АЕЁИОУЫЭЮЯаеёиоуыэюя])", "", text)  # + only before a vowel
    text = re.sub(r"\s+([,.!?:;])", r"\1", text)
    text = re.sub(r"([,.!?:;])[,.!?:;]+", r"\1", text)
    return re.sub(r"\s+", " ", text).lstrip(" ,.!?:;").rstrip(" ,;:")


class FestivalVoice(SentenceVoice):
    name = "festival"
    description = "Festival + festvox-ru: Russian male voice, 16 kHz, honours + before a stressed vowel"
    languages = ("ru",)
    chars_per_second = 13.8  # measured: benchmarks/writer.py --voiced (tales of 1 minute, 4 voiced)
    chunk_limit = 220
    honours_stress = True

    @classmethod
    def problem(cls) -> str | None:
        if not shutil.which("festival"):
            return "festival is not installed: apt-get install festival festvox-ru"
        if not Path(VOICES["ru"][1]).is_dir():
            return "the Russian festival voice is missing: apt-get install festvox-ru"
        if not shutil.which("stdbuf"):
            return "stdbuf is missing: apt-get install coreutils"
        return None

    def preflight(self) -> None:
        super().preflight()
        name = self.voice_name()
        if not list(Path(VOICE_ROOT).glob(f"*/{name}")):
            known = sorted(p.name for p in Path(VOICE_ROOT).glob("*/*"))
            raise UserError(f"unknown festival voice '{name}': installed are {', '.join(known) or 'none'}")

    def voice_name(self) -> str:
        return self.settings.voice.voice or VOICES["ru"][0]

    def start(self) -> None:
        self._tmp = Path(tempfile.mkdtemp(prefix="digitales-festival-"))
        self._proc = subprocess.Popen(
            ["stdbuf", "-o0", "festival", "--pipe"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, encoding="utf-8", bufsize=1,
        )
        voice = self.voice_name()
        stretch = 1.0 / self.settings.voice.rate
        self._send(f"(voice_{voice})\n(Parameter.set 'Duration_Stretch {stretch:.3f})")

    def stop(self) -> None:
        proc = getattr(self, "_proc", None)
        if proc and proc.poll() is None:
            proc.stdin.close()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(getattr(self, "_tmp", ""), ignore_errors=True)

    def speak(self, text: str, voice: str) -> tuple:
        x, rate, _ = self.speak_words(text, voice)
        return x, rate

    def speak_words(self, text: str, voice: str) -> tuple:
        wav = self._tmp / "sentence.wav"
        said = self._send(f'(set! digitales_utt (SynthText "{festival_text(text)}"))\n'
                          f'(utt.save.wave digitales_utt "{wav}" \'riff)\n{WORD_TIMES}')
        if not wav.exists():
            raise UserError(f"festival could not speak this sentence: {text[:80]}")
        x, rate = audio.read_wav(wav)
        wav.unlink()
        words = [(float(a), float(b)) for _, a, b in (l.split() for l in said if l.startswith("WORD "))]
        return x, rate, words

    def _send(self, command: str) -> list[str]:
        """Run Scheme commands and wait until festival has finished them; return what they printed."""
        self._proc.stdin.write(f'{command}\n(format t "{DONE}\\n")\n')
        self._proc.stdin.flush()
        said = []
        while True:
            line = self._proc.stdout.readline()
            if not line:
                raise UserError(f"festival stopped unexpectedly (exit {self._proc.poll()}) while speaking")
            if line.strip() == DONE:
                return said
            said.append(line.strip())
