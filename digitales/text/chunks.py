"""Cutting a sentence into pieces a TTS engine can take, at the gentlest boundary that fits:
clause punctuation first, then spaces between words — never inside a word, and not inside
a quotation or between the groups of a number unless nothing else fits."""

from __future__ import annotations

import re

CLAUSE_END = re.compile(r"[,;:]$|^[—–]$")


def chunks(sentence: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters (a single longer word stays whole); joined with
    spaces they give back the sentence, its whitespace collapsed."""
    words = sentence.split()
    if not words:
        return []
    if len(" ".join(words)) <= limit:
        return [" ".join(words)]
    atoms: list[str] = []
    for clause in _groups(words, _clause_breaks(words)):
        if len(clause) <= limit:
            atoms.append(clause)
            continue
        glued = _groups(clause.split(), _safe_breaks(clause.split()))
        for group in glued:  # a quotation or number longer than the limit is cut at its spaces after all
            atoms += group.split() if len(group) > limit else [group]
    return _merge(atoms, limit)


def _groups(words: list[str], breaks: list[bool]) -> list[str]:
    """Join words into groups, starting a new group after every word whose break is True."""
    groups, current = [], []
    for word, brk in zip(words, breaks):
        current.append(word)
        if brk:
            groups.append(" ".join(current))
            current = []
    if current:
        groups.append(" ".join(current))
    return groups


def _clause_breaks(words: list[str]) -> list[bool]:
    safe = _safe_breaks(words)
    ends = [bool(CLAUSE_END.search(w)) or (i + 1 < len(words) and words[i + 1] in "—–") for i, w in enumerate(words)]
    return [e and s for e, s in zip(ends, safe)]


def _safe_breaks(words: list[str]) -> list[bool]:
    """Whether a cut after each word is outside quotes and not inside a number like 1 000 000."""
    out, depth, straight = [], 0, 0
    for i, word in enumerate(words):
        depth += word.count("«") + word.count("“") - word.count("»") - word.count("”")
        straight += word.count('"')
        nxt = words[i + 1] if i + 1 < len(words) else ""
        number = bool(re.fullmatch(r"\d[\d.,]*", word) and re.fullmatch(r"\d{3}\D*", nxt))
        out.append(depth <= 0 and straight % 2 == 0 and not number)
    return out


def _merge(atoms: list[str], limit: int) -> list[str]:
    pieces: list[str] = []
    for atom in atoms:
        if pieces and len(pieces[-1]) + 1 + len(atom) <= limit:
            pieces[-1] += " " + atom
        else:
            pieces.append(atom)
    return pieces
