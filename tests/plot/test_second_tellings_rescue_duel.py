"""The rescue and the bylina duel each have a second telling: the same steps, roles and tags,
told with other events (the rescue: a servant carried off, a strawberry trail, snares, a broom;
the duel: a dammed river, an arrow, an oak, the river's water), so that two tales of one type in
one evening do not read as one tale twice. Each telling is told whole, never mixed with the other."""

import random
import re

import pytest

import digitales.plot.telling as telling_module
from digitales.plot.schemas import schemas
from digitales.plot.story import planned_tale
from digitales.plot.telling import TELLINGS
from digitales.writer.embedded import write
from tests.plot.test_second_tellings_mc import variants_by_telling

# title, genre, language, tale type, words the tale must name (its characters, the one saved)
TITLES = [
    ("Как зайчик спас ёжика", "fairy_tale", "ru", "rescue", ["зайч", "ёжик"]),
    ("Как котёнок спас щенка", "fairy_tale", "ru", "rescue", ["котён", "щен"]),
    ("Маша и Баба-яга", "fairy_tale", "ru", "rescue", ["маш", "баб"]),
    ("The Rabbit Who Saved the Duck", "fairy_tale", "en", "rescue", ["rabbit", "duck"]),
    ("The Girl Who Saved Her Brother", "fairy_tale", "en", "rescue", ["girl", "her brother"]),
    ("Богатырь и Змей", "bylina", "ru", "duel", ["богатыр", "змей"]),
    ("Добрыня и Змей", "bylina", "ru", "duel", ["добрын", "змей"]),
    ("The Knight and the Giant", "bylina", "en", "duel", ["knight", "giant"]),
]
SEEDS = [0, 3]

# Words only one telling uses (patterns): a tale told one way must not borrow the other's events.
OWN = {
    ("rescue", "ru"): {"first": ["колюч", "засов"], "second": ["ягод", "веник", "петл", "Добро за добро"]},
    ("rescue", "en"): {"first": ["thorn", "bolt"], "second": ["strawberr", "broom", "snare", "One good turn"]},
    ("duel", "ru"): {"first": ["палиц", "сыра земля"], "second": ["запруд", "мельниц", "Бух!"]},
    ("duel", "en"): {"first": ["mace", "damp mother earth"], "second": [r"\bdam\b", "mill", "Boom!"]},
}


def _told(title: str, genre: str, lang: str, seed: int, telling: str, monkeypatch, minutes=None) -> tuple[str, str]:
    monkeypatch.setattr(telling_module, "TELLINGS", (telling,))
    tale = planned_tale(title, genre, lang, seed=seed, minutes=minutes)
    return tale.plan.tale_type, "\n\n".join(p for scene in write(tale) for p in scene)


def _sentences(text: str) -> set[str]:
    parts = re.split(r"(?<=[.!?…])[»\"”]?\s+|\n+", text)
    return {re.sub(r"[«»\"“”—–\-,:;.!?… ]+", " ", p).strip().lower() for p in parts if len(p.strip()) > 3}


def _clean(text: str) -> bool:
    """No slot left unfilled, no word said twice running ("the the"; "had had" is English)."""
    doubled = [m.group(0) for m in re.finditer(r"\b(\w+) \1\b", text, re.I) if m.group(1).lower() != "had"]
    return not re.search(r"[{}]", text) and not doubled


@pytest.mark.parametrize("title, genre, lang, kind, names", TITLES)
def test_both_tellings_come_up_by_seed_and_title(title, genre, lang, kind, names):
    chosen = {random.Random(f"{seed}:{title}:telling").choice(TELLINGS) for seed in range(12)}
    assert chosen == set(TELLINGS)


@pytest.mark.parametrize("title, genre, lang, kind, names", TITLES)
@pytest.mark.parametrize("seed", SEEDS)
def test_the_second_telling_is_another_tale(title, genre, lang, kind, names, seed, monkeypatch):
    kind1, first = _told(title, genre, lang, seed, "first", monkeypatch)
    kind2, second = _told(title, genre, lang, seed, "second", monkeypatch)
    assert kind1 == kind2 == kind
    for telling, text in (("first", first), ("second", second)):
        assert _clean(text), text
        assert all(name in text.lower() for name in names), (names, text[:300])
        other = "second" if telling == "first" else "first"
        assert all(re.search(w, text, re.I) for w in OWN[kind, lang][telling]), (telling, text)
        assert not any(re.search(w, text, re.I) for w in OWN[kind, lang][other]), (telling, text)
    a, b = _sentences(first), _sentences(second)
    assert len(b) >= 20
    shared = a & b
    assert len(shared) / len(b) < 0.2, sorted(shared)


@pytest.mark.parametrize("title, genre, lang, kind, names", [TITLES[0], TITLES[3], TITLES[4], TITLES[5], TITLES[7]])
@pytest.mark.parametrize("minutes", [1.0, 3.4])
def test_a_short_or_a_long_second_telling_stays_whole(title, genre, lang, kind, names, minutes, monkeypatch):
    """Two rounds or five: every round has its own event, and the payoffs still come."""
    _, second = _told(title, genre, lang, 1, "second", monkeypatch, minutes=minutes)
    assert _clean(second)
    assert all(re.search(w, second, re.I) for w in OWN[kind, lang]["second"])
    paragraphs = [p for p in second.split("\n\n") if len(p) > 40]
    assert len(paragraphs) == len(set(paragraphs))  # no round told twice over


@pytest.mark.parametrize("schema_id", ["rescue", "duel"])
def test_every_first_variant_has_a_second_twin(schema_id):
    for step in schemas()[schema_id].steps:
        for lang in ("ru", "en"):
            count = variants_by_telling(step, lang)
            assert set(count["first"]) == set(count["second"]), (step["id"], lang)
            if step.get("repeat"):  # round by round: the second has a variant for each round the first has
                for when in count["first"]:
                    assert count["second"][when] >= count["first"][when], (step["id"], lang, when, count)


def test_the_rescue_rounds_keep_the_bodies_they_are_cast_for():
    """Casting gives each round a body (repeat_each: bramble, stores, pit, stream): the second
    telling's rounds go in the same order, so round n's trouble is one its helper can have."""
    schema = schemas()["rescue"]
    assert [r.strip() for r in schema.roles["repeat_each"].split(",")] == ["bramble", "stores", "pit", "stream"]
    step = next(s for s in schema.steps if s["id"] == "kindness")
    second = [v["text"] for v in step["ru"] if v["telling"] == "second" and not v.get("when")]
    for text, sign in zip(second, ["петлю", "запасов", "глине", "ручья"]):
        assert sign in text
