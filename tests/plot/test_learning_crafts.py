"""A craft (fishing, drawing, counting, baking…) is learned by its tools and its patience, not by
speed: its tale is set in the craft's own world, its masters are those who can do it, and no
mentor tells the hero to say its own sound and do a craft or a movement "to it"."""

import re

import pytest

import digitales.plot.telling as telling_module
from digitales.plot.kinds import kinds
from digitales.plot.premise import words_table
from digitales.plot.story import planned_tale
from digitales.plot.telling import bindings, tell
from digitales.writer.embedded import write

# title, lang, skill, words of the craft's own world: every group must be named (any word of it)
CRAFTS = [
    ("Как лисёнок учился рыбачить", "ru", "fish", [("речк", "рек", "вод"), ("рыб",)]),
    ("Как медвежонок учился рыбачить", "ru", "fish", [("речк", "рек", "вод"), ("рыб",)]),
    ("Как девочка училась рыбачить", "ru", "fish", [("речк", "рек", "вод"), ("рыб",)]),
    ("How the Little Bear Learned to Fish", "en", "fish", [("river", "water"), ("fish",)]),
    ("The Kitten Who Learned to Fish", "en", "fish", [("river", "water"), ("fish",)]),
    ("Как медвежонок учился рисовать", "ru", "draw", [("краск", "кисточк"), ("рисун", "нарисова")]),
    ("The Piglet Who Learned to Paint", "en", "draw", [("paint",), ("brush", "picture", "colour")]),
    ("Как мышонок учился считать", "ru", "count", [("орешк",), ("десять", "сосчита")]),
    ("The Mouse Who Learned to Count", "en", "count", [("nut",), ("ten", "count")]),
    ("The Bunny Who Learned to Bake", "en", "bake", [("dough", "flour"), ("pie",)]),
    ("How the Hedgehog Learned to Knit", "en", "sew", [("wool", "needle", "stitch"), ("mitten",)]),
    ("Как бобрёнок учился строить", "ru", "build", [("глин", "палочк", "камешк"), ("скамеечк",)]),
]

# skills of movement: the mentor speaks of pace and paws, never of the hero's sound
MOVEMENTS = [("How the Kitten Learned to Climb", "en"), ("Как котёнок учился лазить", "ru"),
             ("Как зайчонок учился прыгать", "ru"), ("The Bear Who Learned to Dance", "en"),
             ("Как ёжик учился танцевать", "ru"), ("The Puppy Who Learned to Dig", "en"),
             ("Как поросёнок учился бегать", "ru")] + [(t, lang) for t, lang, _, _ in CRAFTS]


def told(title: str, lang: str, seed: int, telling: str, monkeypatch):
    monkeypatch.setattr(telling_module, "TELLINGS", (telling,))
    tale = planned_tale(title, "comedy", lang, seed=seed)
    return tale, "\n\n".join(p for scene in write(tale) for p in scene)


@pytest.mark.parametrize("title, lang, skill, world", CRAFTS)
@pytest.mark.parametrize("telling", ["first", "second"])
def test_a_craft_tale_names_the_crafts_own_world(title, lang, skill, world, telling, monkeypatch):
    for seed in (0, 1, 2):
        tale, text = told(title, lang, seed, telling, monkeypatch)
        assert tale.plan.tale_type == "learning"
        low = text.lower()
        for group in world:
            assert any(w in low for w in group), (group, text)
        assert not re.search(r"[{}]", text), text
        assert not re.search(r"\b(\w+) \1\b", text, re.I), text
        assert "быстро-быстро" not in text and "so fast you could hardly see" not in text  # no race in a craft
        assert "собственных ногах" not in text and "own feet" not in text


@pytest.mark.parametrize("title, lang, skill, world", CRAFTS)
def test_a_crafts_masters_can_do_it(title, lang, skill, world):
    masters = set(words_table()["skills"][skill]["masters"])
    for seed in range(6):
        tale = planned_tale(title, "comedy", lang, seed=seed)
        teachers = [c.kind for c in tale.characters if c.role.startswith("helper")]
        assert teachers and set(teachers) <= masters, (teachers, masters)
        assert not {"swift", "snail"} & set(teachers) or skill == "draw"  # a snail draws silver lines; it does not fish


def test_fishing_masters_are_the_ones_who_fish():
    table = kinds()
    for kind in words_table()["skills"]["fish"]["masters"]:
        assert "fish" in table[kind].eats, kind


@pytest.mark.parametrize("title, lang", MOVEMENTS)
@pytest.mark.parametrize("telling", ["first", "second"])
def test_no_mentor_tells_the_hero_to_do_it_to_its_own_sound(title, lang, telling, monkeypatch):
    for seed in (0, 1, 2):
        tale, _ = told(title, lang, seed, telling, monkeypatch)
        assert "voice=yes" not in tale.plan.beats[0].events[0].slots["_tags"]
        hero = next(c for c in tale.characters if c.role == "hero")
        sound = kinds()[hero.kind].trait("sound", lang)
        bound = bindings(tale)
        mentor = [tell(e, tale, bound) for b in tale.plan.beats for e in b.events if e.step == "learning/own_way"]
        assert mentor
        for text in mentor:
            assert not sound or sound.lower() not in text.lower(), (sound, text)
            assert "под него" not in text and "to it —" not in text


def test_a_cat_comes_home_to_a_warm_corner_not_into_the_hearth(monkeypatch):
    for lang, title in (("en", "How the Kitten Learned to Climb"), ("ru", "Как котёнок учился лазить")):
        for seed in range(4):
            _, text = told(title, lang, seed, "first", monkeypatch)
            assert "into the hearth" not in text and "in the hearth" not in text
            assert "на печку, а с" not in text
