"""The grumpy, the lonely and the sleepy hero: each trait told by its own plot of the flaw
schema — the trait named in the first scene, the change in the last, the friends of the first
round coming back in the same order in the second, and the story's rules kept."""

import pytest

from digitales.plot.premise import read_title, words_table
from digitales.plot.schemas import schemas
from digitales.plot.story import planned_tale
from digitales.plot.world import TIMES
from digitales.text.morph import lemmas
from digitales.writer.embedded import write
from tests.plot.test_world import assert_named_before_acting, assert_things_said

TITLES = [  # (title, language, trait)
    ("Ворчливый ёжик", "ru", "grumpy"), ("Сердитый барсук", "ru", "grumpy"),
    ("The Grumpy Badger", "en", "grumpy"), ("The Cross Old Goose", "en", "grumpy"),
    ("Грустный слонёнок", "ru", "lonely"), ("Одинокий волчонок", "ru", "lonely"),
    ("Одинокий китёнок", "ru", "lonely"), ("The Lonely Whale", "en", "lonely"),
    ("Сонный медвежонок", "ru", "sleepy"), ("Мышка-соня", "ru", "sleepy"),
    ("The Sleepy Bear", "en", "sleepy"), ("The Sleepy Little Owl", "en", "sleepy"),
]
GENRES = ["comedy", "fairy_tale", "fable", "novella"]
CHANGE = {  # the words the last scene answers the first with
    ("grumpy", "ru"): "Заходите!", ("grumpy", "en"): "Come in!",
    ("lonely", "ru"): "Доброе утро!", ("lonely", "en"): "Good morning!",
    ("sleepy", "ru"): "ещё минуточку поспит", ("sleepy", "en"): "just one more minute",
}
REPEATED = {"grumpy": ("grumpy-round", "grumpy-come"), "lonely": ("lonely-round", "lonely-found"),
            "lonely-sea": ("lonely-sea-round", "lonely-sea-found"), "sleepy": ("sleepy-round", "sleepy-wake")}


def told(title, genre, lang, seed, minutes=None):
    tale = planned_tale(title, genre, lang, seed, minutes)
    return tale, write(tale)


@pytest.mark.parametrize("title, lang, trait", TITLES)
def test_a_mood_in_the_title_is_the_heros_flaw(title, lang, trait):
    reading = read_title(title, lang)
    assert (reading.goal, reading.trait) == ("flaw", trait)


@pytest.mark.parametrize("genre", GENRES)
@pytest.mark.parametrize("title, lang, trait", TITLES)
def test_the_trait_is_named_first_and_the_change_is_told_last(title, lang, trait, genre):
    for seed in (0, 1):
        tale, scenes = told(title, genre, lang, seed)
        assert tale.plan.tale_type == "flaw"
        assert all(b.function.startswith(trait) for b in tale.plan.beats), [b.function for b in tale.plan.beats]
        first, last = " ".join(scenes[0]), " ".join(scenes[-1])  # «сонный-пресонный»: the word before the hyphen
        words = {w for word in words_table()["traits"][trait][lang] for w in lemmas(word, lang)}
        assert words & set(lemmas(first.replace("-", " "), lang)), f"no word of {trait!r} in the first scene: {first[:120]}"
        assert CHANGE[trait, lang] in last


@pytest.mark.parametrize("genre", GENRES)
@pytest.mark.parametrize("title, lang, trait", TITLES)
def test_a_mood_tale_keeps_the_storys_rules(title, lang, trait, genre):
    for seed, minutes in ((2, None), (3, 1.0), (4, 3.5), (5, 5.0)):
        tale, scenes = told(title, genre, lang, seed, minutes)
        texts = [" ".join(paragraphs) for paragraphs in scenes]
        assert_named_before_acting(tale, texts, lang)
        assert_things_said(tale, texts, lang)
        text = " ".join(texts)
        order = [TIMES.index(b.time_of_day) for b in tale.plan.beats]
        days = [any(e.slots.get("new_day") for e in b.events) for b in tale.plan.beats]
        assert all(order[i] >= order[i - 1] or days[i] for i in range(1, len(order)))
        assert "{" not in text and "}" not in text


@pytest.mark.parametrize("title, lang, trait", TITLES)
def test_the_same_friends_come_back_in_the_same_order(title, lang, trait):
    for seed, minutes in ((0, None), (5, 1.0), (6, 3.5)):
        tale, _ = told(title, "comedy", lang, seed, minutes)
        plot = "lonely-sea" if tale.plan.beats[0].function.startswith("lonely-sea") else trait
        first, second = REPEATED[plot]

        def friends(step):
            return [e.slots["helper"] for b in tale.plan.beats for e in b.events if e.step.split("/")[1] in (step, step + "-last")]

        assert len(friends(first)) >= 2 and friends(first) == friends(second)


@pytest.mark.parametrize("title, lang", [("Одинокий китёнок", "ru"), ("The Lonely Whale", "en")])
def test_a_lonely_whale_is_told_at_sea_not_in_the_wood(title, lang):
    for seed in range(4):
        tale, scenes = told(title, "fairy_tale", lang, seed)
        assert {b.place for b in tale.plan.beats} == {"синее море" if lang == "ru" else "open sea"}
        words = set(lemmas(" ".join(p for s in scenes for p in s), lang))
        assert not words & ({"лес", "лапа", "пригорок", "опушка"} if lang == "ru" else {"wood", "paw", "hill", "hillside"})


@pytest.mark.parametrize("title, lang", [("Ворчливый ёжик", "ru"), ("The Grumpy Badger", "en"), ("Грустный слонёнок", "ru"),
                                         ("The Lonely Whale", "en"), ("Сонный медвежонок", "ru"), ("The Sleepy Bear", "en")])
def test_a_fable_ends_with_the_traits_moral(title, lang):
    tale, scenes = told(title, "fable", lang, 0)
    step = next(s for s in schemas()["flaw"].steps if s["id"] == tale.plan.beats[-1].function)
    fable = next(v["text"] for v in step[lang] if v.get("when") == {"genre": "fable"})
    assert scenes[-1][-1] == fable.strip().split("\n\n")[-1]
    plain, plain_scenes = told(title, "comedy", lang, 0)
    assert scenes[-1][-1] not in plain_scenes[-1]


def test_a_dormouse_name_before_the_animal_is_its_sleepiness():
    reading = read_title("Соня-мышка", "ru")  # «соня» before an animal is its sleepiness, as in «Мышка-соня», no Sonya
    assert (reading.trait, reading.hero.name, reading.hero.kind.name, reading.hero.proper) == ("sleepy", "мышка", "mouse", False)
    assert read_title("Соня и мышка", "ru").characters[0].name == "Соня"  # a girl called Sonya stays a girl


def test_a_sad_little_cloud_is_a_lonely_hero():
    reading = read_title("The Sad Little Cloud", "en")  # a cloud is a kind (kinds.toml [cloud]), drawn as a cloud
    assert (reading.trait, reading.hero.kind.name) == ("lonely", "cloud")
    assert read_title("Как ёжик искал тучку", "ru").thing.name == "тучка"  # wanted, it is a thing, as a star is


@pytest.mark.parametrize("title, lang, rain, shade", [("Грустное облачко", "ru", "дождиком", "в прохладной тени"),
                                                      ("The Sad Little Cloud", "en", "warm little rain", "in cool shade")])
def test_a_lonely_cloud_helps_as_a_cloud_can(title, lang, rain, shade):
    _, scenes = told(title, "drama", lang, 0)
    text = "\n\n".join(p for scene in scenes for p in scene)
    assert rain in text and shade in text  # it rains on the garden and shades the hot road
    assert "орехи собирать" not in text and "one nut, two nuts" not in text  # no cloud picks up nuts
