"""The characters table (data/kinds.toml): who fox, hare, owl… are, and how to find them.

A kind carries its names in both languages, its looks, and its nature: the story
engine casts by it (who eats whom, who is big and who small, who is wise) and the
templates tell by it (where it lives, what it is good at, the sound it makes).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from digitales.text.morph import english_singular

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Kind:
    name: str
    ru: tuple[str, ...]
    en: tuple[str, ...]
    gender_en: str = "male"
    asset: str = ""
    tint: tuple[int, ...] = ()
    size: float = 0.6
    scale: int = 2  # 0 tiny … 4 huge
    person: bool = False
    nature: str = ""
    eats: tuple[str, ...] = ()
    moves: str = "walk"
    traits: dict = field(default_factory=dict, hash=False, compare=False)  # sound/home/likes/good_at/gift, per language
    looks_ru: tuple[str, ...] = ()
    looks_en: tuple[str, ...] = ()
    en_plural: dict = field(default_factory=dict, hash=False, compare=False)
    noise: bool = False  # its sound is a noise it makes (an ant's «топ-топ»), not a voice to cry out with

    def trait(self, name: str, lang: str) -> str:
        return self.traits.get(f"{name}_{lang}", "")

    def looks(self, lang: str) -> tuple[str, ...]:
        return self.looks_ru if lang == "ru" else self.looks_en

    def word(self, lang: str) -> str:
        """What a stock one of this kind is called."""
        return self.ru[0] if lang == "ru" else self.en[0]


def trait_of(kind: Kind | None, name: str, lang: str) -> str:
    """A kind's trait; for one the table does not know (or a trait it lacks), plain words that fit anyone."""
    return (kind.trait(name, lang) if kind else "") or (anyone().trait(name, lang) if name != "sound" else "")


TRAITS = ("sound", "home", "likes", "likes_why", "good_at", "gift", "speech")


@lru_cache(maxsize=1)
def kinds() -> dict[str, Kind]:
    return {name: kind for name, kind in _table().items() if not name.startswith("_")}


def anyone() -> Kind:
    """The traits of someone the table does not know (kinds.toml [_anyone]); not a kind to cast."""
    return _table()["_anyone"]


@lru_cache(maxsize=1)
def _table() -> dict[str, Kind]:
    data = tomllib.loads((DATA / "kinds.toml").read_text(encoding="utf-8"))
    table = {}
    for name, k in data.items():
        traits = {f"{t}_{lang}": k.get(f"{t}_{lang}", "") for t in TRAITS for lang in ("ru", "en")}
        traits["speech"] = k.get("speech", "")
        table[name] = Kind(name, tuple(k["ru"]), tuple(k["en"]), k.get("gender_en", "male"), k.get("asset", ""),
                           tuple(k.get("tint", ())), float(k.get("size", 0.6)), int(k.get("scale", 2)),
                           bool(k.get("person", False)), k.get("nature", ""), tuple(k.get("eats", ())),
                           k.get("moves", "walk"), traits, tuple(k.get("looks_ru", ())), tuple(k.get("looks_en", ())),
                           dict(k.get("en_plural", {})), bool(k.get("noise", False)))
    return table


@lru_cache(maxsize=1)
def _by_word() -> tuple[dict[str, Kind], dict[str, Kind], dict[str, Kind]]:
    ru, en, en_plural = {}, {}, {}
    for kind in kinds().values():
        for lemma in kind.ru:
            ru.setdefault(lemma.lower().replace("ё", "е"), kind)
        for word in kind.en:
            en.setdefault(word.lower(), kind)
        for plural in kind.en_plural.values():
            en_plural.setdefault(plural.lower(), kind)
    return ru, en, en_plural


def kind_of(word: str, lang: str) -> Kind | None:
    """The kind a word names: a Russian lemma («лисёнок» → fox) or an English word, singular or
    plural ("mice" → mouse); multiword names too ("gingerbread man", "Баба-яга")."""
    ru, en, en_plural = _by_word()
    low = word.lower().replace("ё", "е") if lang == "ru" else word.lower()
    if lang == "ru":
        return ru.get(low)
    return en.get(low) or en_plural.get(low) or en.get(english_singular(low))


def is_plural_en(word: str) -> bool:
    """"foxes", "mice", "sheep"? (the word, not its kind, is plural)."""
    _, en, en_plural = _by_word()
    low = word.lower()
    return low in en_plural or (low not in en and english_singular(low) != low)


@lru_cache(maxsize=1)
def english_kind_words() -> frozenset[str]:
    """Every English word a kind goes by, plurals too: the pictures know these are nouns."""
    _, en, en_plural = _by_word()
    return frozenset(w for w in set(en) | set(en_plural) if " " not in w)


def assets() -> dict[str, tuple[str, tuple[int, ...] | None, float]]:
    """kind → (clip-art icon, tint or None, drawn height relative to a grown-up standing)."""
    return {k.name: (k.asset, tuple(k.tint) or None, k.size) for k in kinds().values() if k.asset}
