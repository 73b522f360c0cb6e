"""Sentence splitting: razdel's rules (built for Russian, sound on English punctuation too)."""

from __future__ import annotations

import re

from razdel import sentenize


def split_sentences(paragraph: str) -> list[str]:
    parts = [s.text.strip() for s in sentenize(paragraph)]
    merged: list[str] = []
    for part in parts:
        # razdel leaves a lone closing quote or dash-tag fragment now and then: glue it back.
        if merged and not re.search(r"\w", part):
            merged[-1] += part if part[:1] in "»”\"')" else " " + part
        elif part:
            merged.append(part)
    return merged
