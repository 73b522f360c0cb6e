"""Well-known tales (data/known/*.toml): recognised from their title, told as they go.

A title matches a known tale when its content words are the same as one of the tale's
titles in any form, case, order, ё or е, in either language («Кот и петух» is «Кот,
петух и лиса»; "The Enormous Turnip" is «Репка»). A known tale's scenes are its events;
`--minutes` keeps or drops its optional (repeatable) scenes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from digitales.plot.kinds import DATA
from digitales.text.morph import WORD, english_singular, russian_lemma

KNOWN = DATA / "known"
TIMES = ("morning", "day", "evening", "night")

# Words that do not tell one title from another.
NOT_CONTENT = set("""и а о об про в во на с со у к из за под сказка басня история the a an and of in on at to with
tale story fable who её ее она его он их они свой his her their its""".split())  # «Собака и ее тень» is «…её тень»
NUMBERS = {"семеро": "7", "семь": "7", "seven": "7", "три": "3", "трое": "3", "three": "3", "два": "2", "двое": "2",
           "two": "2"}


@dataclass
class KnownTale:
    id: str
    tale_type: str
    genre: str
    titles: list[str]
    moral: dict[str, str]
    characters: dict[str, dict]
    objects: dict[str, dict]
    places: dict[str, dict]
    scenes: list[dict]


def load(path: Path) -> KnownTale:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return KnownTale(data["id"], data["tale_type"], data["genre"], data["titles"],
                     {"ru": data.get("moral_ru", ""), "en": data.get("moral_en", "")},
                     data.get("characters", {}), data.get("objects", {}), data.get("places", {}), data["scenes"])


@lru_cache(maxsize=1)
def known_tales() -> dict[str, KnownTale]:
    return {t.id: t for t in (load(p) for p in sorted(KNOWN.glob("*.toml")))}


def title_key(title: str) -> frozenset[str]:
    """The content words of a title as dictionary forms, whatever language each word is in."""
    key = set()
    for word in WORD.findall(title.replace("’", "'").replace("-", " ")):  # «Гуси-лебеди» is «гуси лебеди»
        word = re.sub(r"'s$", "", word.lower())
        base = russian_lemma(word) if re.search("[а-яё]", word) else english_singular(word)
        base = NUMBERS.get(base, base)
        if base not in NOT_CONTENT and base.replace("ё", "е") not in NOT_CONTENT:
            key.add(base)
    return frozenset(key)


@lru_cache(maxsize=1)
def _keys() -> list[tuple[frozenset[str], str]]:
    return [(title_key(t), tale.id) for tale in known_tales().values() for t in tale.titles]


def recognise(title: str) -> KnownTale | None:
    """The known tale this title names, or None. The same words in any order match; so does a
    part of a longer title that keeps all but one of its words («Кот и петух»)."""
    key = title_key(title)
    if not key:
        return None
    best, best_score = None, 0.0
    for known, tale_id in _keys():
        if key == known:
            return known_tales()[tale_id]
        if len(key) >= 2 and key <= known and len(known) - len(key) <= 1:
            score = len(key) / len(known)
            if score > best_score:
                best, best_score = tale_id, score
    return known_tales()[best] if best else None


def problems(tale: KnownTale) -> list[str]:
    """What breaks the rules of data/README.md in a known tale's file."""
    found = []
    ids = set(tale.characters) | set(tale.objects)
    acting, used = set(), {}
    for n, scene in enumerate(tale.scenes, 1):
        if scene.get("place") not in tale.places:
            found.append(f"scene {n}: unknown place {scene.get('place')!r}")
        if scene.get("time") not in TIMES:
            found.append(f"scene {n}: time {scene.get('time')!r} is not one of {TIMES}")
        for event in scene.get("events", []):
            for who in event.get("who", []) + ([event["to"]] if event.get("to") else []):
                if who not in tale.characters:
                    found.append(f"scene {n}: unknown character {who!r}")
                acting.add(who)
            for thing in event.get("objects", []):
                if thing not in ids:
                    found.append(f"scene {n}: unknown object {thing!r}")
                used[thing] = used.get(thing, 0) + 1
            for lang in ("ru", "en"):
                if not event.get(lang, "").strip():
                    found.append(f"scene {n}: event {event.get('action')!r} is not told in {lang}")
    found += [f"character {c!r} has no part in any event" for c in tale.characters if c not in acting]
    found += [f"object {o!r} is used in {used.get(o, 0)} events (introduced, then used: 2 at least)"
              for o in tale.objects if used.get(o, 0) < 2]
    day = 0
    for n, scene in enumerate(tale.scenes, 1):
        at = TIMES.index(scene["time"]) if scene.get("time") in TIMES else 0
        if scene.get("new_day"):
            day = at
        elif at < day:
            found.append(f"scene {n}: time goes back from {TIMES[day]} to {scene['time']} within a day")
        day = max(day, at)
    return found


def choose_scenes(tale: KnownTale, lang: str, target_seconds: float, seconds) -> list[int]:
    """The scenes to tell: every required one, then optional ones in order while the tale is
    shorter than asked (each is a whole episode: another encounter, another try)."""
    def length(indices: list[int]) -> float:
        return sum(seconds(_told(tale.scenes[i], lang)) for i in indices)

    chosen = [i for i, s in enumerate(tale.scenes) if not s.get("optional")]
    for i, scene in enumerate(tale.scenes):
        if scene.get("optional") and length(chosen) < target_seconds * 0.95:
            longer = sorted(chosen + [i])
            if length(longer) <= target_seconds * 1.1 or length(chosen) < target_seconds * 0.8:
                chosen = longer
    return chosen


def _told(scene: dict, lang: str) -> str:
    return "\n\n".join(e.get(lang, "") for e in scene.get("events", []))


def paragraphs(text: str) -> list[str]:
    """A telling's paragraphs: blank lines part them, and a line of dialogue (a dash) starts
    one; any other line break is a space."""
    found = []
    for block in re.split(r"\n\s*\n", text.strip()):
        for part in re.split(r"\n(?=\s*[—–])", block):
            if part.strip():
                found.append(" ".join(part.split()))
    return found
