"""A mystery whose title place has no door (a well, a bridge, a hollow tree, a forest, a cave,
a field) is told there under the moon, not in "the old barn by" it: blind reads 12–14 gave such
tales F = 2. Each place has its own small night-time culprit; a cry is a little one of that
place taken home, and lights that blink are fireflies."""

import re

import pytest

from digitales.plot.premise import read_title
from digitales.plot.story import planned_tale
from tests.plot.test_title_shapes import told

BUILDING_WORDS = {"ru": r"стар\w+ сара|двер|стен[аеуы]|щёлк[ауеи]\b|щел[ьи]\b|доск|порог|потол|крыльц|балк",
                  "en": r"\bold barn|\bdoor|\bwalls?\b|\bcrack\b|\bboards\b|\bfloor|\bceiling|\bbeam\b|\bporch"}


@pytest.mark.parametrize("title, lang, place, culprit", [
    ("Тайна старого колодца", "ru", "старый колодец", "лягушонок"),
    ("The Secret of the Old Well", "en", "old well", "frog"),
    ("Кто живёт под мостом", "ru", "мост", "бобрёнок"),
    ("Who Lives Under the Bridge", "en", "bridge", "beaver"),
    ("Загадка старого дуба", "ru", "старый дуб", "дятлёнок"),
    ("The Secret of the Old Oak", "en", "old oak", "woodpecker"),
    ("Кто стучит в овраге", "ru", "овраг", "ежат"),
    ("Who Knocks in the Garden", "en", "garden", "hedgehog"),
    ("Тайна тёмной пещеры", "ru", "тёмная пещера", "медвежонок"),
    ("Something in the Cave", "en", "cave", "bear cub"),
])
def test_a_mystery_out_of_doors_is_told_at_the_place_itself(title, lang, place, culprit):
    for seed in range(3):
        tale, text = told(title, "horror", lang, seed)
        assert tale.plan.tale_type == "mystery"
        assert place in {t.name for t in tale.plan.things}, seed  # the well itself, not "the old barn by the well"
        assert not re.search(BUILDING_WORDS[lang], text, re.I), (seed, re.search(BUILDING_WORDS[lang], text, re.I))
        assert culprit in text, seed


@pytest.mark.parametrize("title, lang, fireflies", [("Огоньки в лесу", "ru", "светлячок"),
                                                    ("Что светится на болоте", "ru", "светлячок"),
                                                    ("The Strange Light in the Forest", "en", "firefly")])
def test_lights_that_blink_out_of_doors_are_fireflies_who_go_out_in_the_lantern(title, lang, fireflies):
    assert read_title(title, lang).sound == "glow"
    tale, text = told(title, "fairy_tale", lang)
    assert tale.plan.tale_type == "mystery"
    assert fireflies in text
    assert ("огоньки разом погасли" if lang == "ru" else "lights went out at once") in text
    assert ("Тук-тук" if lang == "ru" else "Tap-tap") not in text  # the lights blink, nobody knocks


@pytest.mark.parametrize("title, lang, little_one, home", [("Кто плачет в пещере", "ru", "медвежонок", "мама-медведица"),
                                                           ("Кто плачет у пруда", "ru", "утёнок", "мама-утка"),
                                                           ("Crying in the Forest", "en", "baby hare", "his mother")])
def test_a_cry_out_of_doors_is_a_little_one_of_that_place_taken_home(title, lang, little_one, home):
    assert read_title(title, lang).sound == "cry"
    tale, text = told(title, "fairy_tale", lang)
    assert little_one in text and home in text
    assert not re.search(BUILDING_WORDS[lang], text, re.I)


@pytest.mark.parametrize("title, lang, barn", [("Тайна старого чердака", "ru", "чердак"),
                                               ("Кто свистит у колодца", "ru", "сарай"),  # a whistle is a knot-hole's
                                               ("The Ghost by the Pond", "en", "barn")])  # a ghost haunts a barn
def test_a_place_under_a_roof_or_a_sound_of_boards_stays_indoors(title, lang, barn):
    tale = planned_tale(title, "horror", lang, seed=0)
    spot = [t.name for t in tale.plan.things if t.role == "place"]
    assert any(barn in name for name in spot), spot
