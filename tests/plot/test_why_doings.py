"""A why-title about something the hero does that no habit of ours names ("Why the Cat Chases
Mice", «Почему крот живёт под землёй») is the tale of the work given out when the world was
new: the hero tries the others' work, none fits, and its own is the title's doing. Read 14 found
"the cat had no chases"."""

import pytest

from digitales.plot.premise import read_title
from tests.plot.test_title_shapes import told


@pytest.mark.parametrize("title, lang, hero, doing", [
    ("Why the Cat Chases Mice", "en", "cat", "chases mice"),
    ("Почему кот гоняется за мышами", "ru", "кот", "гоняется за мышами"),
    ("Почему крот живёт под землёй", "ru", "крот", "живёт под землёй"),
    ("Why the Spider Spins Webs", "en", "spider", "spins webs"),
])
def test_a_doing_no_habit_names_is_the_heros_own_work(title, lang, hero, doing):
    reading = read_title(title, lang)
    assert (reading.goal, reading.habit, reading.thing.name) == ("why", "other", doing)
    assert [c.name for c in reading.characters] == [hero]  # the mice are what it does, not a second character
    for seed in range(3):
        tale, text = told(title, "fairy_tale", lang, seed)
        assert tale.plan.tale_type == "why"
        last = text.strip().split("\n\n")[-1]
        assert (f"Вот почему {hero} {doing}" if lang == "ru" else f"that is why the {hero} {doing}") in last, last
        tried = [c for c in tale.characters if c.role.startswith("helper")]
        assert len(tried) >= 2
        assert ("не моё дело" if lang == "ru" else "isn't my work") in text  # the others' work tried, and not the hero's


@pytest.mark.parametrize("title, lang", [("Why the Dog Hates the Cat", "en"), ("Почему заяц боится волка", "ru"),
                                         ("Why the Bear Has a Short Tail", "en"), ("Почему дятел стучит по деревьям", "ru"),
                                         ("Почему собака не любит кошку", "ru")])
def test_a_feeling_a_feature_or_a_known_habit_is_not_a_work_given_out(title, lang):
    assert read_title(title, lang).habit != "other"


@pytest.mark.parametrize("title, lang, hero, said, work", [
    ("Почему заяц трусливый", "ru", "заяц", "трусливый", "первым слышать беду"),
    ("Why the Owl Is Wise", "en", "owl", "is wise", "find a way out"),
    ("Почему лиса хитрая", "ru", "лиса", "хитрая", "находить выход"),
])
def test_what_the_hero_is_is_its_own_work_not_a_coat(title, lang, hero, said, work):
    reading = read_title(title, lang)
    assert (reading.habit, reading.thing.name) == ("other", said)  # never «хитрая шубка», "wise feathers"
    tale, text = told(title, "fairy_tale", lang)
    last = text.strip().split("\n\n")[-1]
    assert (f"Вот почему {hero} {said}" if lang == "ru" else f"that is why the {hero} {said}") in last
    assert work in last  # the answer says what that character is good for
    assert "шубк" not in text and "feathers" not in text


@pytest.mark.parametrize("title, lang, hero", [("Почему лягушка прыгает", "ru", "лягушка"), ("Why the Frog Jumps", "en", "frog"),
                                               ("Почему заяц прыгает", "ru", "заяц")])
def test_a_jump_is_the_strong_legs_that_saved_one_cut_off_by_the_flood(title, lang, hero):
    """Read 15 gave «Почему лягушка прыгает» the blank work-given-out tale: a jump is a habit of its own."""
    from digitales.plot.kinds import kinds

    assert read_title(title, lang).habit == "jump"
    for seed in range(3):
        tale, text = told(title, "fairy_tale", lang, seed)
        assert ("мышонок" if lang == "ru" else "mouse") in text and ("прыг!" if lang == "ru" else "JUMP!") in text
        tried = [c for c in tale.characters if c.role in ("helper1", "helper2")]
        assert all(kinds()[c.kind].moves in ("run", "walk") for c in tried)  # on foot: a bird would just fly over
        assert "бугорок" in text or "hump" in text
