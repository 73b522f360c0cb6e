"""Quality of a written tale, as numbers in the manifest (`metrics.writer`).

- hunspell_rejected: share of words Debian's hunspell dictionaries reject (spylls reads them);
- languagetool_per_100_words: LanguageTool's Russian rules (pylat-ru, no Java) per 100 words;
  English has no offline LanguageTool here, so it is None;
- distinct_2: distinct word bigrams over all bigrams (repetitiveness);
- scenes_with: in how many scenes each main character appears (by lemma for Russian);
- title_nouns_present: whether every noun of the title is in the story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from digitales.text.morph import morph
from digitales.text.spelling import hunspell

WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


@lru_cache(maxsize=1)
def languagetool_ru():
    from pylat_ru import LanguageToolRU

    return LanguageToolRU()


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def rejected_share(text: str, lang: str, names: tuple[str, ...] = ()) -> float | None:
    """Share of words hunspell rejects; the characters' own names (Koschei) do not count, in any case form."""
    dictionary = hunspell(lang)
    if dictionary is None:
        return None
    words = words_of(text)
    bad = [w for w in words if not is_name(w, names) and not spelled_right(dictionary, w)]
    return round(len(bad) / max(1, len(words)), 4)


def is_name(word: str, names: tuple[str, ...]) -> bool:
    """A word of a character's name, inflected or not ("Вольгу" of "Вольга", "Горынычем")."""
    low = word.lower()
    return any(low == part or len(part) > 4 and low.startswith(part[:-2])
               for name in names for part in (w.lower() for w in words_of(name)))


def spelled_right(dictionary, word: str) -> bool:
    """Each part of a hyphenated word is known; an English possessive by its noun ("geese's"); a
    Russian word pymorphy's dictionary holds («укачусь», «струночки»); and the folk shapes of tale
    speech: a sound said twice («кря-кря»), a vowel drawn out («ху-у», «му-у-у»), and the doubled
    intensive («глубокая-преглубокая», «длинный-предлинный»)."""
    parts = word.split("-")
    if len(parts) > 1 and (len({p.lower() for p in parts}) == 1 or all(re.fullmatch(r"[аеёиоуыэюяaeiou]+", p.lower())
                                                                        for p in parts[1:])):
        return True
    if len(parts) == 2 and parts[1].lower() in ("пре" + parts[0].lower(), "раз" + parts[0].lower()):
        parts = parts[:1]
    return all(_known_word(dictionary, part) for part in parts)


def _known_word(dictionary, part: str) -> bool:
    if dictionary.lookup(part) or part.endswith(("'s", "’s")) and dictionary.lookup(part[:-2]):
        return True
    return bool(re.search("[а-яё]", part.lower())) and morph().word_is_known(part.lower())


def languagetool_per_100(text: str, lang: str, names: tuple[str, ...] = ()) -> float | None:
    """pylat-ru's matches per 100 words; its spelling rule's matches on words hunspell accepts
    (it flags folk forms like "Жила-была" that are right) or on the characters' names are dropped."""
    if lang != "ru":
        return None
    dictionary = hunspell(lang)
    matches = [m for m in languagetool_ru().check(text)
               if not (m.rule_id.startswith("MORFOLOGIK") and dictionary is not None
                       and all(is_name(w, names) or spelled_right(dictionary, w)
                               for w in words_of(text[m.offset:m.offset + m.length])))]
    return round(100 * len(matches) / max(1, len(words_of(text))), 2)


def distinct_2(text: str) -> float:
    words = [w.lower() for w in words_of(text)]
    pairs = list(zip(words, words[1:]))
    return round(len(set(pairs)) / max(1, len(pairs)), 4)


def lemmas(text: str, lang: str) -> set[str]:
    words = [w.lower() for w in words_of(text)]
    if lang != "ru":
        return {w.rstrip("s") for w in words} | set(words)
    return {morph().parse(w)[0].normal_form for w in words} | set(words)


def appears(name: str, scene_lemmas: set[str], lang: str) -> bool:
    """A character is in a scene when the head noun of their name is there, in any form
    ("серый волк" by волк, "Кощей Бессмертный" by кощей, "Koschei the Deathless" by koschei)."""
    words = [w.lower() for w in words_of(name)]
    if not words:
        return False
    if lang == "ru":
        key = next((p.normal_form for p in (morph().parse(w)[0] for w in words) if "NOUN" in p.tag), words[0])
    else:
        key = words[0] if name[:1].isupper() else words[-1]
    return key in scene_lemmas


def title_nouns(title: str, lang: str) -> list[str]:
    if lang != "ru":  # no part-of-speech tagger for English here: every word but the small ones and adjectives
        small = {"the", "a", "an", "and", "of", "in", "on", "at", "to", "with", "how", "why", "little", "big", "small",
                 "old", "young", "brave", "wise", "grey", "gray", "red", "white", "black", "golden", "silver", "great"}
        return [w.lower() for w in words_of(re.sub(r"['’]s\b", "", title)) if w.lower() not in small]
    return [p.normal_form for p in (morph().parse(w)[0] for w in words_of(title)) if "NOUN" in p.tag]


def measure(title: str, lang: str, scenes: list[str], characters: dict[str, str], names: tuple[str, ...] = ()) -> dict:
    """`characters`: role → name for the main ones (hero, antagonist); `names`: everyone's."""
    text = "\n\n".join(scenes)
    per_scene = [lemmas(s, lang) for s in scenes]
    everything = set().union(*per_scene) if per_scene else set()
    nouns = title_nouns(title, lang)
    return {
        "words": len(words_of(text)),
        "hunspell_rejected": rejected_share(text, lang, names),
        "languagetool_per_100_words": languagetool_per_100(text, lang, names),
        "distinct_2": distinct_2(text),
        "scenes_with": {role: sum(appears(name, s, lang) for s in per_scene) for role, name in characters.items()},
        "title_nouns_present": all(n in everything for n in nouns),
    }
