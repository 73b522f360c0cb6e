"""A sentence's words as read-along subtitles light them up, and their syllables (for estimated timing)."""

from __future__ import annotations

import re

VOWELS = re.compile(r"[aeiouyàáâäåæèéêëìíîïòóôöøùúûüýаеёиоуыэюяіїєў]+", re.IGNORECASE)


def spoken_words(text: str) -> list[str]:
    """The text's words split at spaces; a token with no letter or digit (a dash, «…») rides with
    the word before it (or the first word), since no voice says it."""
    out: list[str] = []
    pending = ""
    for token in text.split():
        if not any(ch.isalnum() for ch in token):
            if out:
                out[-1] += " " + token
            else:
                pending = f"{pending} {token}".strip()
            continue
        out.append(f"{pending} {token}".strip() if pending else token)
        pending = ""
    if pending:  # nothing but punctuation: one piece, so the text is never lost
        out.append(pending)
    return out


def syllables(word: str) -> int:
    """Vowel groups, at least one: the length a word takes to say, near enough for timing."""
    return max(1, len(VOWELS.findall(word.replace("+", ""))))
