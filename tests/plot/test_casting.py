"""Casting true to the world: no one who is away in the tale's season, no night bird by day."""

import pytest

from digitales.plot.schemas import whereabouts
from digitales.plot.story import planned_tale


@pytest.mark.parametrize("title, lang, season", [("Последний осенний лист", "ru", "autumn"), ("The Last Icicle", "en", "winter"),
                                                 ("Как ёжик искал весну", "ru", "winter"), ("Последняя снежинка", "ru", "winter")])
def test_no_one_away_in_the_tales_season_is_cast(title, lang, season):
    away = set(whereabouts()["away"][season])
    for seed in range(8):
        tale = planned_tale(title, "tragedy" if "ёжик" not in title else "fairy_tale", lang, seed=seed)
        helpers = {c.kind for c in tale.characters if c.role not in ("hero", "narrator", "elder")}  # the hero's mother is of its kind
        assert not helpers & away, (seed, helpers & away)


def test_passers_by_are_awake_by_day_and_a_foe_on_foot_bolts_the_door():
    night = set(whereabouts()["night"]["kinds"])
    for seed in range(12):
        quest = planned_tale("Как зайчонок искал морковку", "fairy_tale", "ru", seed=seed)
        passers_by = {c.kind for c in quest.characters if c.role in ("helper1", "helper2")}  # the last is the wise one
        assert not passers_by & night
        rescue = planned_tale("The Mole and the Robin", "drama", "en", seed=seed)
        foe = next(c for c in rescue.characters if c.role == "foe")
        assert foe.kind not in night and foe.kind not in ("eagle", "hawk", "crow")


def test_under_a_roof_the_friends_are_those_who_live_in_a_house():
    from digitales.plot.schemas import whereabouts

    table = whereabouts()["indoor"]
    for seed in range(8):
        for title, lang in (("The Shadow Under the Stairs", "en"), ("Тайна старого чердака", "ru"), ("Кто стучит в сарае", "ru")):
            tale = planned_tale(title, "horror", lang, seed=seed)
            met = {c.kind for c in tale.characters if c.role.startswith("helper")}
            assert met <= set(table["house"]) | set(table["yard"]), (title, seed, met)
            assert "yes" in tale.plan.beats[0].events[0].slots["_tags"].split("indoor=")[1][:3]


def test_a_thing_lost_at_home_is_looked_for_in_the_house_and_yard_with_one_granny():
    from digitales.plot.schemas import whereabouts

    table = whereabouts()["indoor"]
    for seed in range(8):
        for title, lang in (("The Lost Silver Spoon", "en"), ("Бабушкины очки", "ru")):
            tale = planned_tale(title, "novella", lang, seed=seed)
            searched = [b for b in tale.plan.beats if b.function == "search_home"]
            assert searched and not [b for b in tale.plan.beats if b.function == "wrong_way"]
            kinds = [c.kind for c in tale.characters if c.role.startswith("helper")][:-1]
            assert set(kinds) <= set(table["house"]) | set(table["yard"]), (title, seed, kinds)
            assert [c.kind for c in tale.characters].count("grandmother") <= 1
