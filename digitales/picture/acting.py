"""Stage directions for a picture's figures: which lines each one speaks, and how the text
says one moves (катится, бежит, летит, прыгает, плывёт; rolls, runs, flies, hops, swims) or,
where no verb says it, how the plan's events say one goes (collage.carry_by_events).

The picture stage writes them beside each picture's layers; the montage acts them out
(montage/puppets.py). The one who moves is the character named nearest the verb in its
sentence («колобок укатился», «из-за куста — прыг! — заяц»).
"""

from __future__ import annotations

import re

from digitales.picture.matching import WORD

# how each way of moving is said: a pattern on the lower-cased word (Russian stems take any prefix)
MOVE_WORDS = {
    "roll": r"\w*кат(?:и|я|ил|ит|ыв)\w*|roll(?:s|ed|ing)?",
    "run": r"\w*беж(?:а|и|ит|ал|ат)\w*|\w*бега\w*|run(?:s|ning)?|ran|dash(?:es|ed)?",
    "fly": r"\w*лет(?:е|и|ит|ят|ал|ел|ает)\w*|fl(?:y|ies|ew|ying)",
    "hop": r"\w*пры[гж]\w*|\w*скак\w*|\w*скоч\w*|hop(?:s|ped|ping)?|jump(?:s|ed|ing)?",
    "swim": r"\w*плы(?:в|л|ть)\w*|\w*плава\w*|swim(?:s|ming)?|swam",
}
MOVES_DRAWN = (*MOVE_WORDS, "walk")  # a plan's event may also say one walks (no verb finds it: too common)
_MOVES = [(kind, re.compile(rf"^(?:{pattern})$")) for kind, pattern in MOVE_WORDS.items()]
CLAUSE_BREAK = re.compile(r"[,;:—–]")
NOT_MOVES = {"катя", "убежище", "прибежище", "плывун"}  # look alike, move nothing


def move_of(word: str) -> str:
    w = word.lower()
    if w in NOT_MOVES:
        return ""
    return next((kind for kind, pattern in _MOVES if pattern.match(w)), "")


def movers(text: str, names: dict[str, str]) -> dict[str, str]:
    """Who moves how in `text`: {character key: roll|run|fly|hop|swim}. `names` maps each word
    form of a character who can act (a Russian one in the nominative) to its key."""
    out: dict[str, str] = {}
    for sentence in re.split(r"(?<=[.!?…])\s+(?=[A-ZА-ЯЁ«\"])", text):  # "прыг! — заяц" goes on
        words = [(m.group().lower(), len(CLAUSE_BREAK.findall(sentence, 0, m.start()))) for m in WORD.finditer(sentence)]
        for i, (word, clause) in enumerate(words):
            kind = move_of(word)
            if kind and (key := _subject(words, i, names)):
                out.setdefault(key, kind)
    return out


def _subject(words: list[tuple[str, int]], i: int, names: dict[str, str]) -> str | None:
    """Who does the i-th word: one named right after it («прыг! — заяц», «катится колобок»),
    else the nearest in its clause, else the nearest before it (a subject said once for
    two verbs: «от деда укатился, от бабы укатился»), else any."""
    who = [(j, names[w], clause) for j, (w, clause) in enumerate(words) if w in names]
    if not who:
        return None
    if i + 1 < len(words) and words[i + 1][0] in names:
        return names[words[i + 1][0]]
    clause = words[i][1]
    for pool in ([x for x in who if x[2] == clause], [x for x in who if x[0] < i], who):
        if pool:
            return min(pool, key=lambda x: abs(x[0] - i))[1]
    return None
