"""The story's rules on 300 random plans: introduced before acting, things paid off, time forward."""

import random
import re

import pytest

from digitales.plot.genres import GENRES
from digitales.plot.story import planned_tale
from digitales.plot.world import TIMES
from digitales.text.morph import lemmas
from digitales.writer.embedded import write

WORDS = {"ru": "ёжик лиса заяц медвежонок мышка сова котёнок утёнок белка волк лягушка слонёнок".split(),
         "en": "hedgehog fox hare bear mouse owl kitten duckling squirrel wolf frog elephant".split()}
THINGS = {"ru": "весну маму сыр луну орешки дом солнышко морковку".split(), "en": "spring mother cheese moon nuts home sun carrot".split()}
SHAPES = {"ru": ["Как {a} искал {t}", "{A} и {b}", "Почему {a} боится {b}", "Как {a} учился плавать", "Тайна {a}",
                 "Последний день {a}", "{A} и {t}", "Большая тыква"],
          "en": ["How the {a} looked for the {t}", "The {A} and the {B}", "The {A} Who Was Afraid of the Dark",
                 "How the {a} learned to swim", "The Secret of the {A}", "The {A}'s Last Day", "The {A} and the {T}",
                 "The Giant Pumpkin"]}


def random_titles(n=300, seed=7):
    rng = random.Random(seed)
    for _ in range(n):
        lang = rng.choice(["ru", "en"])
        a, b = rng.sample(WORDS[lang], 2)
        t = rng.choice(THINGS[lang])
        shape = rng.choice(SHAPES[lang])
        title = shape.format(a=a, b=b, t=t, A=a.capitalize(), B=b.capitalize(), T=t.capitalize())
        yield title, rng.choice(list(GENRES)), lang, rng.randrange(1000)


def heads(name, lang):  # «белка» alone lemmatises to «белок»: the word as written counts too
    return {w for w in set(lemmas(name, lang)) | set(name.lower().split()) if w not in ("the", "a", "an", "old", "little")}


def assert_named_before_acting(tale, scenes: list[str], lang: str) -> None:
    """Nobody acts before the story has named them (`scenes`: one text per beat)."""
    said = set()
    for beat, scene in zip(tale.plan.beats, scenes):
        said |= set(lemmas(scene, lang))
        for event in beat.events:
            for who in event.who:
                assert heads(who, lang) & said, f"{who!r} acts in {beat.function!r} before being named"


def assert_things_said(tale, scenes: list[str], lang: str) -> None:
    """Every thing the plan binds as the goal or an object is said somewhere in the tale."""
    text = set(lemmas(" ".join(scenes), lang))
    for thing in tale.plan.things:
        if thing.role in ("goal", "object"):
            assert heads(thing.name, lang) & text, f"{thing.name!r} is bound but never said"


@pytest.mark.parametrize("title, genre, lang, seed", list(random_titles()))
def test_a_random_plan_keeps_the_storys_rules(title, genre, lang, seed):
    tale = planned_tale(title, genre, lang, seed)  # make_plan itself refuses a plan that breaks world.problems
    scenes = write(tale)
    texts = [" ".join(paragraphs) for paragraphs in scenes]
    assert_named_before_acting(tale, texts, lang)
    assert_things_said(tale, texts, lang)
    order = [TIMES.index(b.time_of_day) for b in tale.plan.beats]
    days = [any(e.slots.get("new_day") for e in b.events) for b in tale.plan.beats]
    for i in range(1, len(order)):
        assert order[i] >= order[i - 1] or days[i]
    assert not re.search(r"[{}]", " ".join(p for s in scenes for p in s))


@pytest.mark.parametrize("title, lang", [("Ёж и барсук", "ru"), ("The Hedgehog and the Badger", "en")])
@pytest.mark.parametrize("genre", ["fairy_tale", "fable", "comedy", "drama", "novella", "tragedy"])
def test_both_characters_a_title_names_have_a_part(title, lang, genre):
    tale = planned_tale(title, genre, lang, 0)
    text = set(lemmas(" ".join(p for s in write(tale) for p in s), lang))
    acting = {w for b in tale.plan.beats for e in b.events for w in e.who + [e.to]}
    for word in (["еж", "барсук"] if lang == "ru" else ["hedgehog", "badger"]):  # lemmas spell ё as е
        assert word in text and any(word in heads(w, lang) for w in acting), f"{word} has no part in {tale.plan.tale_type}"


def test_a_character_the_table_does_not_know_still_has_a_home():
    from digitales.plot.telling import Bound, fill

    unknown = {"hero": Bound("выхухоль", "female")}
    assert fill("Жила-была {hero.home:in} {hero}.", unknown, "ru") == "Жила-была в домике выхухоль."
    assert fill("{Hero} sang {hero.home:in}.", {"hero": Bound("Robin", "male", proper=True)}, "en") == "Robin sang in the little house."
