"""What blind read 15 found: a farewell to the last dandelion told as a leaf on a branch, "the last
warm" as a thing, rain looked for by the signs of spring, an acorn that "nobody has made yet",
the lost boots in an old boot (test_title_shapes_reads_11_14)."""

import re

import pytest

from digitales.plot.premise import read_title
from tests.plot.test_title_shapes import told


@pytest.mark.parametrize("title, lang, seeds, no_leaf", [("Последний одуванчик", "ru", "парашютик", "на ветке"),
                                                         ("The Last Dandelion", "en", "parachutes", "branch"),
                                                         ("Последняя ромашка", "ru", "семена", "на ветке"),
                                                         ("The Last Rose of Summer", "en", "seeds", "branch")])
def test_the_last_flower_leaves_its_seeds_and_comes_back_in_spring(title, lang, seeds, no_leaf):
    for seed in range(3):
        tale, text = told(title, "tragedy", lang, seed)
        assert tale.plan.tale_type == "farewell"
        assert seeds in text and no_leaf not in text, seed
        assert ("Весной" if lang == "ru" else "In spring") in text


@pytest.mark.parametrize("title, lang, warmth", [("The Last Warm Day", "en", "warmth"), ("Последний тёплый день", "ru", "тепло")])
def test_the_last_warm_day_is_warmth_saying_goodbye(title, lang, warmth):
    reading = read_title(title, lang)
    assert (reading.goal, reading.thing.name, reading.thing_class) == ("farewell", warmth, "season")
    _, text = told(title, "tragedy", lang)
    assert "the last warm " not in text and "a warm " not in text


@pytest.mark.parametrize("title, lang, dry, signs", [("The Hedgehog Who Looked for the Rain", "en", "dry spell", "swallows were flying low"),
                                                     ("Как зайчонок искал дождик", "ru", "сушь", "ласточки летают низко")])
def test_rain_is_looked_for_in_a_dry_spell_and_found_by_its_signs(title, lang, dry, signs):
    for seed in range(3):
        tale, text = told(title, "fairy_tale", lang, seed)
        assert tale.plan.tale_type == "quest"
        if dry in text:  # the telling that is born in a season and goes home by its signs
            assert signs in text and "snow" not in text and "снег" not in text


@pytest.mark.parametrize("title, lang, wood", [("Как кабанчик искал жёлудь", "ru", "дубрав"), ("Как белка искала шишку", "ru", "бор")])
def test_food_that_grows_in_the_wood_is_found_where_it_grows(title, lang, wood):
    assert read_title(title, lang).thing_class == "food"
    texts = [told(title, "fairy_tale", lang, seed)[1] for seed in range(4)]
    assert not any("никто не сделал" in text for text in texts)  # an acorn grows on an oak: nobody makes it
    assert any(wood in text for text in texts)  # found where it grows: the oak wood, the pine wood


@pytest.mark.parametrize("title, lang, afraid", [("Как утёнок учился плавать", "ru", "воды боя|воды побаива"),
                                                 ("How the Little Beaver Learned to Swim", "en", "afraid of the water")])
def test_one_of_a_swimming_kind_learns_to_swim_because_it_is_afraid(title, lang, afraid):
    """A duckling swims from its first day: the tale says why this one must learn (read 15: a false premise)."""
    for seed in range(4):
        _, text = told(title, "fairy_tale", lang, seed)
        opening = " ".join(text.split("\n\n")[:2])
        assert any(a in opening for a in afraid.split("|")), seed  # afraid of the water (a little afraid, in the second telling)
        assert "had never learned to swim" not in text and "плавать он не умел" not in text


@pytest.mark.parametrize("title, lang, short", [("Why the Bear Has No Tail", "en", "short tail"),
                                                ("Почему у медведя нет хвоста", "ru", "короткий хвост")])
def test_no_tail_is_the_tail_left_in_the_ice_not_a_tail_given(title, lang, short):
    """Read 16: "Why the Bear Has No Tail" ended "ever since, the bear has had a tail"."""
    reading = read_title(title, lang)
    assert (reading.thing.name, reading.thing_class) == (short, "feature")
    _, text = told(title, "fairy_tale", lang)
    assert short in text.split("\n\n")[-1]
    assert "has had a tail" not in text


def test_a_mystery_ends_without_listing_its_noises_again():
    """Read 16 called «Вот и вся тайна камышей: и стук, и огромная тень» a recap of what was just seen."""
    for title, lang in (("Кто шумит в камышах", "ru"), ("The Noise Under the Bridge", "en"), ("Тайна старой мельницы", "ru")):
        for seed in range(3):
            _, text = told(title, "horror", lang, seed)
            assert not re.search(r"вся тайна [^!.]*: и |whole secret of the [a-z ]+: the ", text)


def test_a_lost_things_culprit_is_a_clue_not_given_away_and_no_nest_is_searched():
    """Read 16: the kitten was named as the thief in the first paragraph; a ball was found in a
    swallow's nest, and a boy looked into a mouse hole."""
    for title, lang in (("Бабушкин платок", "ru"), ("Grandma's Silver Thimble", "en"), ("Дедушкины часы", "ru")):
        for seed in range(4):
            tale, text = told(title, "novella", lang, seed)
            opening = text.split("\n\n")[0]
            assert "утащит" not in opening and "carried off" not in opening
            kinds = {c.kind for c in tale.characters if c.role.startswith("helper")}
            assert not kinds & {"swallow", "sparrow", "pigeon", "mouse", "rat"}, (seed, kinds)
