"""A why-tale about what the hero does («Почему дятел стучит по деревьям», "Why the Cat Washes
Its Face"): long ago the hero did not do it, someone else's trouble came, the others tried, the
hero did it for the first time and it helped, and ever since — said in the title's own words."""

import random
import re

import pytest

from digitales.plot.premise import read_title
from digitales.plot.schemas import schemas
from digitales.plot.story import _schema_plan, planned_tale
from digitales.plot.world import TIMES, problems
from digitales.tale import Tale
from digitales.text.morph import lemmas
from digitales.writer.embedded import write
from tests.plot.test_world import assert_named_before_acting

# title, language, the habit as the title says it (after the hero)
TITLES = [("Почему дятел стучит по деревьям", "ru", "стучит по деревьям"),
          ("Почему кошка умывается", "ru", "умывается"),
          ("Почему собака виляет хвостом", "ru", "виляет хвостом"),
          ("Почему ёж сворачивается клубком", "ru", "сворачивается клубком"),
          ("Почему медведь зимой спит", "ru", "зимой спит"),
          ("Почему белка прячет орехи", "ru", "прячет орехи"),
          ("Why the Woodpecker Drums on Trees", "en", "drums on trees"),
          ("Why the Cat Washes Its Face", "en", "washes its face"),
          ("Why the Dog Wags Its Tail", "en", "wags its tail"),
          ("Why the Bear Sleeps All Winter", "en", "sleeps all winter"),
          ("Why the Squirrel Hides Nuts", "en", "hides nuts"),
          # a hero with a habit it does not usually have: the plain shape of the habit
          ("Почему заяц стучит лапами", "ru", "стучит лапами"),
          ("Why the Hare Drums", "en", "drums"),
          ("Почему лиса виляет хвостом", "ru", "виляет хвостом"),
          ("Why the Fox Washes Its Face", "en", "washes its face"),
          ("Почему ласточки улетают на юг", "ru", "улетают на юг"),
          # many heroes at once: the verbs agree
          ("Почему белки прячут орехи", "ru", "прячут орехи"),
          ("Why Dogs Wag Their Tails", "en", "wag their tails")]
GENRES = ["fairy_tale", "fable", "comedy"]
SEEDS = [0, 3]


def told(title, genre, lang, seed, minutes=None):
    tale = planned_tale(title, genre, lang, seed, minutes)
    return tale, ["\n\n".join(paragraphs) for paragraphs in write(tale)]


@pytest.mark.parametrize("title, lang, habit", TITLES)
@pytest.mark.parametrize("genre", GENRES)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_habit_why_tale_is_told_whole_and_keeps_the_storys_rules(title, lang, habit, genre, seed):
    tale, scenes = told(title, genre, lang, seed)
    assert tale.plan.tale_type == "why"
    steps = [e.step for b in tale.plan.beats for e in b.events]
    assert steps and all(s.startswith("why/habit_") for s in steps), steps
    assert steps[0] == "why/habit_before" and steps[-1] == "why/habit_ever"
    assert sum(s == "why/habit_try" for s in steps) == 2 and steps.count("why/habit_deed") == 1
    assert not problems(tale.characters, tale.plan)
    text = "\n\n".join(scenes)
    assert len(text) > (1100 if lang == "ru" else 1500), text
    assert not re.search(r"[{}]", text) and not re.search(r"\b(\w+) \1\b", text, re.I), text
    # the habit is said in the title's words in the first scene and answered in the last
    assert habit in scenes[0].lower(), scenes[0]
    hero = next(c.name for c in tale.characters if c.role == "hero")
    answer = f"вот почему {hero} {habit}" if lang == "ru" else f"that is why the {hero} {habit}"
    assert answer in scenes[-1].lower(), scenes[-1]
    # nobody acts before being named; the goal is said; time goes forward
    assert_named_before_acting(tale, scenes, lang)
    order = [TIMES.index(b.time_of_day) for b in tale.plan.beats]
    assert order == sorted(order)


@pytest.mark.parametrize("title, lang, habit", TITLES)
def test_the_wise_one_comes_last_and_the_first_helper_comes_back_at_the_end(title, lang, habit):
    tale, scenes = told(title, "fairy_tale", lang, 1)
    helpers = sorted((c for c in tale.characters if c.role.startswith("helper")), key=lambda c: c.role)
    wise, first = helpers[-1], helpers[0]
    by_step = {b.events[0].step: b for b in tale.plan.beats}
    assert wise.name in by_step["why/habit_wise"].cast and wise.name in by_step["why/habit_deed"].cast
    assert first.name in by_step["why/habit_ever"].cast
    assert set(lemmas(first.name, lang)) <= set(lemmas(scenes[-1], lang))


@pytest.mark.parametrize("title, lang, words, never", [
    ("Почему дятел стучит по деревьям", "ru", ["клюв", "тук-тук", "короед"], ["лапами", "бревно"]),
    ("Why the Woodpecker Drums on Trees", "en", ["beak", "tap-tap", "beetles"], ["paws", "log"]),
    ("Почему заяц стучит лапами", "ru", ["бревно", "тук-тук-тук", "туман"], ["клюв"]),
    ("Why the Hare Drums", "en", ["log", "thump-thump-thump", "fog"], ["beak"]),
    ("Почему кошка умывается", "ru", ["Лизнула", "лисёнок", "чистой"], ["кошка чистый"]),
    ("Why the Cat Washes Its Face", "en", ["Lick and wipe", "fox cub"], []),
    ("Почему собака виляет хвостом", "ru", ["виль-виль", "оленёнок"], []),
    ("Почему ёж сворачивается клубком", "ru", ["иголки наружу", "мышата"], []),
    ("Why the Dog Wags Its Tail", "en", ["wag-wag", "fawn"], []),
    ("Почему медведь зимой спит", "ru", ["Хр-р-р", "кладовую"], []),
    ("Why the Bear Sleeps All Winter", "en", ["Snore", "storehouse"], []),
    ("Почему белка прячет орехи", "ru", ["Один орешек — сюда, другой — туда", "лесная кладовщица"], ["лесной кладовщик"]),
    ("Why the Squirrel Hides Nuts", "en", ["One nut here, one nut there"], []),
])
def test_each_habit_is_told_by_its_own_trouble_and_deed_and_by_the_body_that_does_it(title, lang, words, never):
    for seed in (0, 5):
        _, scenes = told(title, "fairy_tale", lang, seed)
        text = "\n\n".join(scenes)
        assert all(w in text for w in words), (words, text)
        assert not any(w in text for w in never), (never, text)


@pytest.mark.parametrize("title, lang", [("Почему дятел стучит по деревьям", "ru"), ("Why the Dog Wags Its Tail", "en"),
                                         ("Почему медведь зимой спит", "ru"), ("Why the Squirrel Hides Nuts", "en"),
                                         ("Почему ласточки улетают на юг", "ru"), ("Why the Hare Drums", "en")])
def test_a_longer_habit_tale_tries_more_and_never_tells_one_try_twice(title, lang):
    characters, plan = _schema_plan(schemas()["why"], read_title(title, lang), "fairy_tale", lang, 6, random.Random(2))
    assert not problems(characters, plan)  # six rounds: five tries, then the wise one
    tale = Tale(title=title, lang=lang, seed=2, characters=characters, plan=plan)
    scenes = ["\n\n".join(paragraphs) for paragraphs in write(tale)]
    assert not re.search(r"[{}]", " ".join(scenes))
    tries = []
    for beat, scene in zip(tale.plan.beats, scenes):
        if beat.function == "habit_try":
            helper = set(lemmas(beat.events[0].slots["helper"], lang))
            tries.append(tuple(w for w in lemmas(scene, lang) if w not in helper))
    assert len(tries) == 5
    assert len(set(tries)) == len(tries)


@pytest.mark.parametrize("title, lang, habit", [("Почему кошка умывается", "ru", "wash"), ("Why the Dog Wags Its Tail", "en", "wag")])
def test_a_habit_with_no_trouble_of_its_own_is_told_by_the_plain_shape(title, lang, habit):
    tale = planned_tale(title, "fairy_tale", lang, 4)
    for beat in tale.plan.beats:  # a habit the table may list one day, with no variants written for it yet
        for event in beat.events:
            event.slots["_tags"] = event.slots["_tags"].replace(f"habit={habit}", "habit=hum")
    scenes = ["\n\n".join(paragraphs) for paragraphs in write(tale)]
    text = "\n\n".join(scenes)
    assert ("бельчонок" if lang == "ru" else "baby squirrel") in text
    assert not re.search(r"[{}]", text) and not re.search(r"\b(\w+) \1\b", text, re.I), text
    goal = "умывается" if lang == "ru" else "wags its tail"
    assert goal in scenes[0] and goal in scenes[-2] and goal in scenes[-1]


@pytest.mark.parametrize("title, lang, wrong", [
    ("Почему дятлы стучат по деревьям", "ru", ["дятлы так и летает", "они лес лечит", "я, кажется, могу"]),
    ("Почему белки прячут орехи", "ru", ["белки прячет", "Завтра ещё найду"]),
    ("Почему кошки умываются", "ru", ["Соберётся кошки", "Ну и парочка", "испачкаюсь"]),
    ("Почему медведи зимой спят", "ru", ["Я спать", "Вставай,"]),
    ("Why Woodpeckers Drum on Trees", "en", ["woodpeckers finds", "I think I could", "their beak "]),
    ("Why Cats Wash Their Faces", "en", ["cats is ", "cats was ", "What a pair", "I'll only", "clean pair"]),
    ("Why Dogs Wag Their Tails", "en", ["dogs meets", "their tail "]),
])
def test_many_heroes_at_once_are_told_in_the_plural(title, lang, wrong):
    _, scenes = told(title, "fable", lang, 1)
    text = "\n\n".join(scenes)
    assert not [w for w in wrong if w in text], text
