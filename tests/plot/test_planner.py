"""The plan from a title: cast with grammatical gender, roles, arcs, determinism."""

import pytest

from digitales.plot.arcs import ARCS, ROLES
from digitales.plot.cast import cast_for, title_characters
from digitales.plot.genres import GENRES
from digitales.plot.planner import MAX_BEATS, MIN_BEATS, make_plan


def roles(title, lang="ru", genre="fairy_tale"):
    return {m.role: (m.name, m.gender, m.kind) for m in cast_for(title, lang, genre, ROLES[genre], 0)}


def test_a_vixen_and_a_hare():
    cast = roles("Лиса и заяц", genre="fable")
    assert cast["hero"] == ("заяц", "male", "hare")
    assert cast["antagonist"] == ("лиса", "female", "fox")


@pytest.mark.parametrize("title, names", [
    ("Кощей Бессмертный", ["Кощей Бессмертный"]),
    ("Илья Муромец и Соловей-разбойник", ["Илья Муромец", "Соловей-разбойник"]),
    ("Серый волк и Иван-царевич", ["серый волк", "Иван-царевич"]),
    ("Колобок", ["колобок"]),
    ("Волк и семеро козлят", ["волк", "семеро козлят"]),
    ("Гуси-лебеди", ["гуси-лебеди"]),
])
def test_names_keep_their_epithets(title, names):
    assert [name for name, _, _ in title_characters(title, "ru")] == names


def test_genders_come_from_the_grammar():
    found = {name: gender for name, gender, _ in title_characters("Курочка Ряба и Медведь и Баба-яга", "ru")}
    assert found == {"Курочка Ряба": "female", "Медведь": "male", "Баба-яга": "female"}


def test_a_villain_in_the_title_gets_a_hero_to_face_him():
    cast = roles("Кощей Бессмертный")
    assert cast["antagonist"][0] == "Кощей Бессмертный" and cast["hero"][2] not in ("koschei",)


def test_english_titles():
    cast = roles("The Fox and the Castle", "en")
    assert cast["hero"][:3] == ("fox", "female", "fox")
    assert roles("Ivan and the Grey Wolf", "en")["hero"][0] == "Ivan"


@pytest.mark.parametrize("genre", list(GENRES))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_genre_gives_8_to_16_beats_in_arc_order(genre, lang):
    for seed in range(5):
        plan = make_plan("Лиса и заяц" if lang == "ru" else "The Fox and the Hare", genre, lang, seed)
        functions = [b["function"] for b in plan["beats"]]
        assert MIN_BEATS <= len(functions) <= MAX_BEATS
        order = [s.function for s in ARCS[genre]]
        assert functions == sorted(functions, key=order.index)
        assert all(not s.optional and s.function in functions or s.optional for s in ARCS[genre])
        names = {c["name"] for c in plan["characters"]}
        assert all(set(b["cast"]) <= names and b["mood"] and b["place"] and b["time_of_day"] for b in plan["beats"])


def test_the_same_inputs_give_the_same_plan_and_others_another():
    one = make_plan("Лиса и заяц", "fairy_tale", "ru", 1)
    assert one == make_plan("Лиса и заяц", "fairy_tale", "ru", 1)
    assert any(make_plan("Лиса и заяц", "fairy_tale", "ru", s) != one for s in range(2, 6))
    assert make_plan("Кот и петух", "fairy_tale", "ru", 1)["characters"] != one["characters"]


def test_looks_stay_fixed_for_a_seed():
    a = cast_for("Лиса и заяц", "ru", "fable", ROLES["fable"], 3)
    b = cast_for("Лиса и заяц", "ru", "fable", ROLES["fable"], 3)
    assert [m.look for m in a] == [m.look for m in b] and all(m.look for m in a)
