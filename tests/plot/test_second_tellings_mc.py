"""The mystery and the contest each have a second telling: the same steps (ids, roles, places,
time order) told with other events, images, guesses, refrains and payoffs, so that two tales of
one type from fresh titles do not read as one tale twice."""

import json
from collections import Counter
import random
import re

import pytest

import digitales.plot.telling as telling_module
from digitales.plot.schemas import schemas
from digitales.plot.story import planned_tale
from digitales.plot.telling import TELLINGS
from digitales.writer.embedded import write

# title, genre, language, words the tale must name (the title's place, thing or characters)
TITLES = [
    ("Кто гремит в сарае", "horror", "ru", ["сара"]),
    ("Кто шумит на чердаке", "horror", "ru", ["чердак"]),
    ("The Rustle in the Pantry", "horror", "en", ["pantry"]),
    ("The Knock Under the Stairs", "horror", "en", ["stairs"]),
    ("Привидение в сарае", "horror", "ru", ["привидени", "сара"]),
    ("The Ghost in the Attic", "horror", "en", ["ghost", "attic"]),
    ("Зайчонок, который боялся темноты", "fairy_tale", "ru", ["зайчон", "темнот"]),
    ("Девочка, которая боялась грозы", "fairy_tale", "ru", ["девочк", "гроз"]),
    ("The Owl Who Was Afraid of the Dark", "fairy_tale", "en", ["owl", "dark"]),
    ("Сорока и ёж", "comedy", "ru", ["сорок", "ёж"]),
    ("Лиса и ёж", "fable", "ru", ["лис", "ёж"]),
    ("The Goose and the Duck", "fable", "en", ["goose", "duck"]),
    ("The Mouse and the Frog", "comedy", "en", ["mouse", "frog"]),
]
SEEDS = [0, 3]


def _told(title: str, genre: str, lang: str, seed: int, telling: str, monkeypatch) -> str:
    monkeypatch.setattr(telling_module, "TELLINGS", (telling,))
    tale = planned_tale(title, genre, lang, seed=seed)
    assert tale.plan.tale_type in ("mystery", "contest"), tale.plan.tale_type
    return "\n\n".join(p for scene in write(tale) for p in scene)


def _sentences(text: str) -> set[str]:
    parts = re.split(r"(?<=[.!?…])[»\"”]?\s+|\n+", text)
    return {re.sub(r"[«»\"“”—–\-,:;.!?… ]+", " ", p).strip().lower() for p in parts if len(p.strip()) > 3}


@pytest.mark.parametrize("title, genre, lang, names", TITLES)
@pytest.mark.parametrize("seed", SEEDS)
def test_the_second_telling_is_another_tale(title, genre, lang, names, seed, monkeypatch):
    first = _told(title, genre, lang, seed, "first", monkeypatch)
    second = _told(title, genre, lang, seed, "second", monkeypatch)
    for text in (first, second):
        assert "{" not in text and "}" not in text
        assert all(name in text.lower() for name in names), (names, text[:300])
    a, b = _sentences(first), _sentences(second)
    assert len(b) >= 12
    shared = a & b
    assert len(shared) / len(b) < 0.2, sorted(shared)


def variants_by_telling(step: dict, lang: str) -> dict[str, Counter]:
    """How many variants each telling has of a step, by their `when`: every variant is labelled,
    or none is (a step told one way in either telling: the mystery out of doors)."""
    variants = step.get(lang, [])
    if not any(v.get("telling") for v in variants):
        variants = [v | {"telling": t} for v in variants for t in TELLINGS]
    assert all(v.get("telling") in TELLINGS for v in variants), (step["id"], lang)
    return {t: Counter(json.dumps(v.get("when", {}), sort_keys=True) for v in variants if v["telling"] == t)
            for t in TELLINGS}


@pytest.mark.parametrize("schema_id", ["mystery", "contest"])
def test_every_first_variant_has_a_second_twin(schema_id):
    for step in schemas()[schema_id].steps:
        for lang in ("ru", "en"):
            count = variants_by_telling(step, lang)
            assert set(count["first"]) == set(count["second"]), (step["id"], lang)
            if step.get("repeat"):  # a repeated step's variants go round by round: as many rounds in each
                for when in count["first"]:
                    assert count["first"][when] == count["second"][when] or step.get("last"), (step["id"], lang, when, count)


@pytest.mark.parametrize("title, genre, lang, names", TITLES[:4] + TITLES[9:10])
def test_both_tellings_come_up_by_seed_and_title(title, genre, lang, names):
    chosen = {random.Random(f"{seed}:{title}:telling").choice(TELLINGS) for seed in range(12)}
    assert chosen == set(TELLINGS)
