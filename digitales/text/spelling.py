"""Spelling repair for language-model output: only words neither hunspell nor pymorphy3
knows are touched; the replacement is pyspellchecker's candidate at the smallest edit
distance (a swap of neighbours is one edit), the most frequent among those."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+")
DICTIONARIES = {"ru": Path("/usr/share/hunspell/ru_RU"), "en": Path("/usr/share/hunspell/en_US")}


@lru_cache(maxsize=2)
def hunspell(lang: str):
    """Debian's hunspell dictionary for a language, read by spylls; None when it is not installed."""
    from spylls.hunspell import Dictionary

    path = DICTIONARIES.get(lang)
    if path is None or not path.with_suffix(".dic").is_file():
        return None
    return Dictionary.from_files(str(path))


@lru_cache(maxsize=2)
def _checker(lang: str):
    from spellchecker import SpellChecker

    return SpellChecker(language=lang)


def known(word: str, lang: str) -> bool:
    dictionary = hunspell(lang)
    if dictionary is not None and dictionary.lookup(word):
        return True
    if lang == "ru":
        from digitales.text.morph import morph

        return morph().word_is_known(word.lower())
    return dictionary is None  # no dictionary: nothing can be judged wrong


def repair(text: str, lang: str, keep: set[str] = frozenset()) -> tuple[str, int]:
    """The text with unknown words corrected, and how many were; words in `keep` (the
    characters' names) are left alone."""
    if lang not in ("ru", "en"):
        return text, 0
    fixed = 0

    def fix(m: re.Match) -> str:
        nonlocal fixed
        word = m.group(0)
        if word.lower() in keep or len(word) < 3 or known(word, lang):
            return word
        candidates = _checker(lang).candidates(word.lower()) or set()
        if not candidates:
            return word
        best = min(candidates, key=lambda c: (_distance(word.lower(), c), -_checker(lang).word_usage_frequency(c), c))
        if _distance(word.lower(), best) > (1 if len(word) < 7 else 2):
            return word  # a far guess would do more harm than the typo
        fixed += 1
        return best.capitalize() if word[0].isupper() else best

    return WORD.sub(fix, text), fixed


def _distance(a: str, b: str) -> int:
    """Edit distance counting a swap of neighbours as one edit (castel → castle)."""
    d = [[max(i, j) if min(i, j) == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]
