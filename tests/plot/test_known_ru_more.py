"""More well-known folk tales: «По щучьему велению», «Сказка о рыбаке и рыбке», «Лисичка-сестричка
и серый волк», «Снегурочка», «Лисичка со скалочкой» — recognised from every title they go by,
keeping the rules of their data, told whole in both languages, stretched by their episodes."""

import re

import pytest

from digitales.plot.known import known_tales, problems, recognise
from digitales.plot.story import planned_tale
from digitales.writer.embedded import write

# Every title each tale goes by, and spellings a user may type (case, ё or е, word order).
SPELLINGS = {
    "po-shchuchyemu-veleniyu": ["По щучьему велению", "по щучьему велению", "Емеля и щука", "Щука и Емеля", "Емеля",
                                "At the Pike's Command", "Emelya and the Pike", "emelya"],
    "rybak-i-rybka": ["Сказка о рыбаке и рыбке", "Золотая рыбка", "золотая рыбка", "Рыбак и рыбка", "Рыбка и рыбак",
                      "Рыбак и золотая рыбка", "Старик и золотая рыбка", "The Fisherman and the Golden Fish",
                      "The Golden Fish", "The Fisherman and the Goldfish"],
    "lisichka-sestrichka-i-volk": ["Лисичка-сестричка и серый волк", "Лисичка сестричка и серый волк", "Лиса и волк",
                                   "Волк и лиса", "Как волк рыбу ловил", "The Fox and the Wolf", "The Wolf and the Fox",
                                   "How the Wolf Went Fishing"],
    "snegurochka": ["Снегурочка", "СНЕГУРОЧКА", "Снегурка", "The Snow Maiden", "the snow maiden", "Snegurochka"],
}
# «Лисичка со скалочкой» is written (lisichka-so-skalochkoy.toml) but waits outside data/known while
# tests/plot/test_title_shapes.py still uses its title as a fresh one; once it is in, it is tested here too.
if "lisichka-so-skalochkoy" in known_tales():
    SPELLINGS["lisichka-so-skalochkoy"] = ["Лисичка со скалочкой", "Лиса со скалочкой", "The Fox and the Rolling Pin"]
MINE = sorted(SPELLINGS)


@pytest.mark.parametrize("tale_id", MINE)
def test_every_title_of_the_tale_finds_it(tale_id):
    for title in known_tales()[tale_id].titles:
        found = recognise(title)
        assert found is not None and found.id == tale_id, title


@pytest.mark.parametrize("tale_id, title", [(t, s) for t, spellings in SPELLINGS.items() for s in spellings])
def test_the_tale_is_recognised_in_any_spelling(tale_id, title):
    found = recognise(title)
    assert found is not None and found.id == tale_id


@pytest.mark.parametrize("title", ["Щука", "Рыбка", "Волк", "Снеговик", "The Snowman's Last Day", "Волк и ягнёнок",
                                   "The Fox and the Hen", "Золотой ключик", "The Pike", "Как ёжик рыбу ловил",
                                   "The Golden Goose", "Лиса и скалка в лесу"])
def test_a_near_title_is_not_taken_for_one_of_these_tales(title):
    found = recognise(title)
    assert found is None or found.id not in MINE


@pytest.mark.parametrize("tale_id", MINE)
def test_the_tale_keeps_the_rules_of_its_data(tale_id):
    assert problems(known_tales()[tale_id]) == []


@pytest.mark.parametrize("tale_id", MINE)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_tale_is_told_in_its_own_words_with_no_slot_left(tale_id, lang):
    known = known_tales()[tale_id]
    tale = planned_tale(known.titles[0], known.genre, lang, seed=0)
    assert tale.plan.known == tale_id and tale.plan.tale_type == known.tale_type
    text = "\n\n".join(p for s in write(tale) for p in s)
    assert len(text) > 1500 and not re.search(r"[{}]", text)
    assert bool(re.search("[а-яё]", text, re.I)) == (lang == "ru")
    if lang == "en":
        assert not re.search("[«»—]", text)  # English quotes and no Russian dialogue dashes


@pytest.mark.parametrize("tale_id", MINE)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_minutes_keep_or_drop_the_repeatable_scenes(tale_id, lang):
    known = known_tales()[tale_id]
    required = [i for i, s in enumerate(known.scenes) if not s.get("optional")]
    told = {}
    for minutes in (0.5, 2, 6):
        tale = planned_tale(known.titles[0], known.genre, lang, minutes=minutes)
        scenes = [int(b.events[0].step.split(":")[1].split(".")[0]) for b in tale.plan.beats]
        assert set(required) <= set(scenes) and scenes == sorted(scenes)
        text = "\n\n".join(p for s in write(tale) for p in s)
        assert not re.search(r"[{}]", text)
        told[minutes] = scenes
    if len(required) < len(known.scenes):
        assert told[0.5] == required  # a short telling keeps only the tale's own events
        assert len(told[6]) == len(known.scenes)  # a long one tells every episode
    else:
        assert told[0.5] == told[6] == required


def test_the_golden_fish_sea_grows_darker_and_the_trough_comes_back():
    known = known_tales()["rybak-i-rybka"]
    assert [s.get("optional", False) for s in known.scenes if s["place"] == "sea"] == [False, False, True, True, True, False]
    tale = planned_tale("Золотая рыбка", "fairy_tale", "ru", minutes=0.5)
    text = "\n\n".join(p for s in write(tale) for p in s)
    assert text.count("Рыбка-рыбка, золотой бочок") == 2 and "буря" in text and text.rstrip().endswith("синим и тихим.")
    assert "корыт" in text.split("\n\n")[-3]


def test_emelya_says_the_pikes_words_for_every_wonder():
    known = known_tales()["po-shchuchyemu-veleniyu"]
    for lang, words in (("ru", "По щучьему велению, по моему хотению"), ("en", "At the pike's command, and as I wish it")):
        text = "\n\n".join(p for s in write(planned_tale(known.titles[0], "fairy_tale", lang)) for p in s)
        assert text.count(words) >= 5  # the pike gives them; buckets, axe, sledge, stove


def test_the_snow_maiden_comes_back_with_the_first_snow():
    for lang, ending in (("ru", "первым снегом"), ("en", "first snow")):
        tale = planned_tale("Снегурочка", "fairy_tale", lang, minutes=0.5)
        last = write(tale)[-1]
        assert any(ending in p for p in last)
