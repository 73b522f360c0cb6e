"""Russian stress marks for the voice: `+` before the stressed vowel (festival honours it).

The silero-stress model places stresses in context (за́мок / замо́к); a user's stress
dictionary (--stress-dict) wins over it. One-vowel words lose their mark (function
words like на, по must not be stressed), and ё is restored only where it is never
ambiguous.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from digitales.errors import UserError
from digitales.text.source import read_user_file

VOWELS = "аеёиоуыэюяАЕЁИОУЫЭЮЯ"
WORD = re.compile(r"[А-Яа-яЁё+]+(?:-[А-Яа-яЁё+]+)*")
# ё in these depends on meaning the model cannot see (все / всё): keep what the author wrote.
AMBIGUOUS_YO = {"все", "всё", "небо", "нёбо", "осел", "осёл", "совершенный", "совершённый"}


class StressDictionary:
    """User stresses: one word per line with `+` before its stressed vowel (`з+амок`); `#` comments."""

    def __init__(self, entries: dict[str, str] | None = None):
        self.entries = entries or {}

    @classmethod
    def load(cls, path: Path) -> "StressDictionary":
        try:
            lines = read_user_file(Path(path), "stress dictionary").decode("utf-8").splitlines()
        except UnicodeDecodeError:
            raise UserError(f"stress dictionary {path} is not UTF-8 text") from None
        entries = {}
        for number, raw in enumerate(lines, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if not re.fullmatch(r"[А-Яа-яЁё-]*\+[АЕЁИОУЫЭЮЯаеёиоуыэюя][А-Яа-яЁё-]*", line):
                raise UserError(f"{path}:{number}: '{raw.strip()}' is not a word with one + before its stressed vowel (e.g. з+амок)")
            entries[line.replace("+", "").lower()] = line.lower()
        return cls(entries)

    def __contains__(self, word: str) -> bool:
        return word.replace("+", "").lower() in self.entries

    def mark(self, word: str) -> str:
        """The word with the dictionary's stress, keeping the word's capital letters."""
        marked = self.entries[word.replace("+", "").lower()]
        plain = word.replace("+", "")
        out, i = [], 0
        for ch in marked:
            if ch == "+":
                out.append("+")
            else:
                out.append(ch.upper() if plain[i].isupper() else ch)
                i += 1
        return "".join(out)


@functools.lru_cache(maxsize=1)
def _accentor():
    try:
        from silero_stress import load_accentor
    except ImportError:
        raise UserError("Russian stress needs silero-stress: .venv/bin/pip install silero-stress (after torch==2.13.0)") from None
    return load_accentor()


def release_stress_model() -> None:
    _accentor.cache_clear()


def stress_problem() -> str | None:
    try:
        import silero_stress  # noqa: F401
    except ImportError:
        return "silero-stress is not installed: .venv/bin/pip install torch==2.13.0 silero-stress"
    return None


def vowel_count(word: str) -> int:
    return sum(ch in VOWELS for ch in word)


def _stressed(text: str) -> str:
    """The accentor's marks. Its TorchScript turns autograd off for the whole process and
    leaves it off, which breaks any training later in the same process (the studio, the
    tests): the grad mode is put back as it was."""
    import torch

    grad = torch.is_grad_enabled()
    try:
        return _accentor()(text)
    finally:
        torch.set_grad_enabled(grad)


def add_stress(text: str, dictionary: StressDictionary | None = None) -> str:
    """`text` with + before the stressed vowel of every word of two or more vowels."""
    model = _stressed(text) if any(vowel_count(w) > 1 for w in WORD.findall(text)) else text
    written = iter(WORD.findall(text))
    return WORD.sub(lambda m: _settle(m.group(), next(written, m.group()), dictionary), model)


def _settle(marked: str, written: str, dictionary: StressDictionary | None) -> str:
    if dictionary is not None and written in dictionary:
        return dictionary.mark(written)
    plain = marked.replace("+", "")
    if plain.lower() != written.lower() and written.lower() in AMBIGUOUS_YO:
        marked, plain = written, written  # the model changed е/ё where only the meaning tells
    if vowel_count(plain) <= 1 or "ё" in plain.lower():
        return plain  # one vowel: nothing to choose; ё: always stressed, no mark needed
    return marked


def strip_stress(text: str) -> str:
    return text.replace("+", "")
