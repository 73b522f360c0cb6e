"""A why-tale of the night watch («Почему сова спит днём», "Why the Owl Hoots at Night"): long ago
the hero slept at night like everybody; a fox crept about in the dark and the little ones could not
sleep; the others kept watch and each nodded off in its own way; the wise one asked for eyes for
the dark and ears for the smallest rustle; the hero kept watch all night, calling its own sound into
the dark, and slept all the next day — and ever since sleeps by day and keeps watch at night."""

import random
import re

import pytest

from digitales.plot.kinds import kinds, trait_of
from digitales.plot.premise import read_title
from digitales.plot.schemas import schemas
from digitales.plot.story import _schema_plan, planned_tale
from digitales.plot.world import TIMES, problems
from digitales.tale import Tale
from digitales.writer.embedded import write
from tests.plot.test_why_habits import told
from tests.plot.test_world import assert_named_before_acting

# title, language, the habit as the title says it (after the hero)
TITLES = [("Почему сова спит днём", "ru", "спит днём"),
          ("Почему сова ухает по ночам", "ru", "ухает по ночам"),
          ("Почему филин не спит ночью", "ru", "не спит ночью"),
          ("Why the Owl Sleeps by Day", "en", "sleeps by day"),
          ("Why the Owl Hoots at Night", "en", "hoots at night"),
          ("Why the Bat Flies at Night", "en", "flies at night"),
          ("Why the Hedgehog Comes Out at Night", "en", "comes out at night")]
GENRES = ["fairy_tale", "fable", "comedy"]


def night_call(tale):
    """The hero's own sound, called into the dark: «Угу! Всё спокойно!», "Hoo-hoo! All's well!"."""
    hero = next(c for c in tale.characters if c.role == "hero")
    sound = trait_of(kinds().get(hero.kind), "sound", tale.lang) or ("Эй" if tale.lang == "ru" else "Hello")
    return sound[:1].upper() + sound[1:] + ("! Всё спокойно!" if tale.lang == "ru" else "! All's well!")


@pytest.mark.parametrize("title, lang, habit", TITLES)
def test_a_night_habit_is_read_as_the_watch(title, lang, habit):
    reading = read_title(title, lang)
    assert reading.habit == "watch" and reading.thing_class == "feature"


@pytest.mark.parametrize("title, lang, habit", TITLES)
@pytest.mark.parametrize("genre", GENRES)
@pytest.mark.parametrize("seed", [0, 3])
def test_a_watch_why_tale_is_told_whole_and_keeps_the_storys_rules(title, lang, habit, genre, seed):
    tale, scenes = told(title, genre, lang, seed)
    assert tale.plan.tale_type == "why"
    steps = [e.step for b in tale.plan.beats for e in b.events]
    assert steps and all(s.startswith("why/habit_") for s in steps), steps
    assert steps[0] == "why/habit_before" and steps[-1] == "why/habit_ever"
    assert sum(s == "why/habit_try" for s in steps) == 2 and steps.count("why/habit_deed") == 1
    assert all("habit=watch" in e.slots.get("_tags", "") for b in tale.plan.beats for e in b.events)
    assert not problems(tale.characters, tale.plan)
    text = "\n\n".join(scenes)
    assert len(text) > (1100 if lang == "ru" else 1500), text
    assert not re.search(r"[{}]", text) and not re.search(r"\b(\w+) \1\b", text, re.I), text
    # the title's habit in its own words, first and last; the answer says why
    assert habit in scenes[0].lower(), scenes[0]
    hero = next(c.name for c in tale.characters if c.role == "hero")
    answer = f"вот почему {hero} {habit}" if lang == "ru" else f"that is why the {hero} {habit}"
    assert answer in scenes[-1].lower(), scenes[-1]
    # the hero's own night call, in the deed and again at the end for the little ones to join in
    call = night_call(tale)
    by_step = {b.function: s for b, s in zip(tale.plan.beats, scenes)}
    assert by_step["habit_deed"].count(call) >= 2 and call in scenes[-1], (call, text)
    # the watchers nod off, and the refrain grows
    nod = "и уснул" if lang == "ru" else "and nodded off"
    tries = [s for b, s in zip(tale.plan.beats, scenes) if b.function == "habit_try"]
    assert len(tries) == 2 and all(nod in s for s in tries)
    # nobody acts before being named; time goes forward
    assert_named_before_acting(tale, scenes, lang)
    order = [TIMES.index(b.time_of_day) for b in tale.plan.beats]
    assert order == sorted(order)


@pytest.mark.parametrize("title, lang, habit", TITLES)
def test_the_watch_is_not_the_winter_sleep(title, lang, habit):
    for seed in (0, 5):
        _, scenes = told(title, "fairy_tale", lang, seed)
        text = "\n\n".join(scenes)
        never = ["Хр-р-р", "кладов", "зим", "до самой весны"] if lang == "ru" else ["Snore", "storehouse", "winter", "till spring"]
        assert not any(w in text for w in never), text
        night = ["лиса", "темнот", "ночью"] if lang == "ru" else ["fox", "dark", "night"]
        assert all(w in text for w in night), text


@pytest.mark.parametrize("title, lang", [("Почему сова спит днём", "ru"), ("Why the Owl Hoots at Night", "en")])
def test_a_longer_watch_tale_nods_off_five_ways_and_the_refrain_grows(title, lang):
    characters, plan = _schema_plan(schemas()["why"], read_title(title, lang), "fairy_tale", lang, 6, random.Random(2))
    assert not problems(characters, plan)  # six rounds: five nights of watching, then the wise one
    tale = Tale(title=title, lang=lang, seed=2, characters=characters, plan=plan)
    scenes = ["\n\n".join(paragraphs) for paragraphs in write(tale)]
    text = "\n\n".join(scenes)
    assert not re.search(r"[{}]", text) and not re.search(r"\b(\w+) \1\b", text, re.I), text
    tries = [s for b, s in zip(tale.plan.beats, scenes) if b.function == "habit_try"]
    assert len(tries) == 5
    refrain = re.compile(r"Сторожил\w?, сторожил\w?[^—]*— и уснул" if lang == "ru" else r"watched and watched[^—]*— and nodded off")
    said = [refrain.search(s).group(0) for s in tries]
    assert all(len(a) < len(b) for a, b in zip(said, said[1:])), said


@pytest.mark.parametrize("title, lang, wrong", [
    ("Почему совы спят днём", "ru", ["совы спит", "совы жил ", "Кажется, у меня", "Вижу тебя", "Ты у нас", "Постережёшь", "он лес", "совы видит", "совы каждую травинку видит", "и спит до"]),
    ("Why Owls Hoot at Night", "en", ["owls was ", "owls goes", "she keeps", "I can see you", "I do,", "their life"]),
])
def test_many_watchers_at_once_are_told_in_the_plural(title, lang, wrong):
    tale = planned_tale(title, "fable", lang, 1)
    for beat in tale.plan.beats:  # a plural title the premise may not yet read as the watch
        for event in beat.events:
            event.slots["_tags"] = re.sub(r"habit=\w+", "habit=watch", event.slots["_tags"])
    text = "\n\n".join("\n\n".join(paragraphs) for paragraphs in write(tale))
    assert night_call(tale) in text
    assert not re.search(r"[{}]", text) and not re.search(r"\b(\w+) \1\b", text, re.I), text
    assert not [w for w in wrong if w in text], text
