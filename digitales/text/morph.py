"""Words to their dictionary forms, in both languages: the one place that does it.

Russian goes through pymorphy3 (one analyser for the whole process); English has no
morphology package here, so plurals are undone by a short rule list that keeps
"grass" and "glass" whole, with irregular plurals given by the kinds table.
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

# Irregular English plurals tales use; the kinds table adds its own (kinds.toml: en_plural).
IRREGULAR_EN = {"mice": "mouse", "geese": "goose", "wolves": "wolf", "sheep": "sheep", "children": "child",
                "men": "man", "women": "woman", "feet": "foot", "teeth": "tooth", "leaves": "leaf", "calves": "calf",
                "elves": "elf", "knives": "knife", "wives": "wife", "loaves": "loaf", "halves": "half",
                "shelves": "shelf", "thieves": "thief", "fish": "fish", "deer": "deer", "oxen": "ox",
                "people": "person", "dwarves": "dwarf", "scarves": "scarf", "hooves": "hoof"}
_KEEP_S = ("ss", "us", "is", "os")  # grass, walrus, iris, dos: not plurals


@lru_cache(maxsize=1)
def morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def english_singular(word: str) -> str:
    """"foxes" → "fox", "bunnies" → "bunny", "mice" → "mouse", "grass" stays."""
    low = word.lower()
    if low in IRREGULAR_EN:
        return IRREGULAR_EN[low]
    if len(low) <= 3 or low.endswith(_KEEP_S):
        return low
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "xes", "sses", "zes")):
        return low[:-2]
    if low.endswith("s"):
        return low[:-1]
    return low


def russian_lemma(word: str) -> str:
    """The dictionary form, ё spelt е so that «ёж» and «еж» are one word."""
    return morph().parse(word)[0].normal_form.replace("ё", "е")


def lemma(word: str, lang: str) -> str:
    return russian_lemma(word) if lang == "ru" else english_singular(word)


def lemmas(text: str, lang: str) -> list[str]:
    """The dictionary forms of a text's words, in order."""
    return [lemma(w, lang) for w in WORD.findall(text)]
