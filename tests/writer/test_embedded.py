"""The embedded writer: every beat becomes a scene, names agree, speech is attributed, length follows --minutes."""

import pytest

from digitales.plot.planner import make_plan
from digitales.settings import load_settings
from digitales.tale import Beat, Character, Plan, Tale
from digitales.text.dialogue import Conversation
from digitales.voice import narration_seconds
from digitales.writer.embedded import write
from digitales.writer.templates import Who, fill


def planned(title, genre, lang, seed=0, minutes=2.0):
    plan = make_plan(title, genre, lang, seed, minutes)
    return Tale(title=title, genre=genre, lang=lang, seed=seed, characters=[Character(**c) for c in plan["characters"]],
                plan=Plan(plan["setting"], [Beat(**b) for b in plan["beats"]]))


@pytest.mark.parametrize("lang, title", [("ru", "Лиса и заяц"), ("en", "The Fox and the Hare")])
@pytest.mark.parametrize("genre", ["fairy_tale", "fable", "bylina", "novella", "comedy", "tragedy", "drama", "horror"])
def test_every_genre_writes_a_scene_per_beat_without_leftover_placeholders(lang, title, genre):
    tale = planned(title, genre, lang)
    settings = load_settings(None, None, {"lang": lang})
    scenes = write(tale, 120, lambda t: narration_seconds(t, lang, settings))
    assert len(scenes) == len(tale.plan.beats)
    text = " ".join(p for s in scenes for p in s)
    assert "{" not in text and "}" not in text and "~" not in text
    hero = next(c for c in tale.characters if c.role == "hero")
    assert sum(hero.name.split()[-1][:3].lower() in " ".join(s).lower() for s in scenes) >= 3  # the hero is in the story


@pytest.mark.parametrize("title, genre, minutes", [("Лиса и заяц", "fable", 1.0), ("Кощей Бессмертный", "fairy_tale", 2.0),
                                                    ("Илья Муромец", "bylina", 2.0)])
def test_the_estimated_length_follows_the_minutes_asked(title, genre, minutes):
    tale = planned(title, genre, "ru", minutes=minutes)
    settings = load_settings(None, None, {})
    seconds = lambda t: narration_seconds(t, "ru", settings)  # noqa: E731
    scenes = write(tale, minutes * 60, seconds, scene_pauses=1.0, paragraph_pause=0.7)
    total = sum(seconds(p) for s in scenes for p in s) + len(scenes) + 0.7 * sum(len(s) - 1 for s in scenes)
    assert abs(total - minutes * 60) <= 0.1 * minutes * 60


def test_russian_names_agree_in_case_and_gender():
    cast = {"hero": Who("лиса", "female", "рыжая", False), "donor": Who("Кощей Бессмертный", "male", "худой", True)}
    out = fill("{Donor} {donor~подарил/подарила} {hero:datv} клубок, а {hero} {hero~ушёл/ушла} {place:to}.", cast,
               "дремучий лес", "ru")
    assert out == "Кощей Бессмертный подарил лисе клубок, а лиса ушла в дремучий лес."
    assert fill("{Hero~Он/Она} сидит {place:in}.", cast, "опушка у ручья", "ru") == "Она сидит на опушке у ручья."


def test_english_articles_and_pronouns():
    cast = {"hero": Who("fox", "female", "red", False), "helper": Who("Ivan", "male", "tall", True)}
    assert fill("Once there lived {hero:a}. {Hero~He/She} met {helper} {place:in}.", cast, "the forest path", "en") == \
        "Once there lived a fox. She met Ivan on the forest path."
    assert fill("{Hero:poss} tail", cast, "x", "en") == "The fox's tail"


def test_the_text_stage_attributes_the_writers_speech():
    tale = planned("Лиса и заяц", "fable", "ru")
    settings = load_settings(None, None, {})
    scenes = write(tale, 120, lambda t: narration_seconds(t, "ru", settings))
    talk = Conversation("ru")
    speakers = {seg.speaker for s in scenes for p in s for seg in talk.paragraph(p)}
    assert {"лиса", "заяц"} & {s.lower() for s in speakers}


def test_russian_prepositions_take_their_euphonic_forms():
    cast = {"hero": Who("змей", "male", "", False), "helper": Who("Иван", "male", "", True)}
    assert fill("{Helper} поделился с {hero:ablt} хлебом, и пошла слава о {helper:loct}.", cast, "x", "ru") == \
        "Иван поделился со змеем хлебом, и пошла слава об Иване."
    assert fill("с {hero:ablt} и с шапкой", {"hero": Who("сестра", "female", "", False)}, "x", "ru") == "с сестрой и с шапкой"
