"""What blind read 8 found a title promised and the tale did not keep: a treasure is dug up,
not made; a small hero's good turn comes from a big one; a farewell song is a bird's."""

import pytest

from digitales.plot.kinds import kinds
from digitales.plot.premise import words_table
from digitales.plot.story import planned_tale
from digitales.writer.embedded import write


def told(title: str, genre: str, lang: str, seed: int) -> tuple[object, str]:
    tale = planned_tale(title, genre, lang, seed=seed)
    return tale, "\n".join("\n".join(scene) for scene in write(tale))


@pytest.mark.parametrize("title, lang, dug, made", [
    ("Как кабанчик искал клад", "ru", "копать", "мастерили"),
    ("The Bear Who Looked for Treasure", "en", "dig", "hammered"),
])
@pytest.mark.parametrize("seed", range(3))
def test_a_treasure_is_dug_up_and_shared_not_made(title, lang, dug, made, seed):
    tale, text = told(title, "comedy", lang, seed)
    assert tale.plan.tale_type == "quest"
    assert dug in text and made not in text
    assert ("бусин" if lang == "ru" else "bead") in text  # shared with the friends of the road


@pytest.mark.parametrize("title, lang", [("The Shy Little Hedgehog", "en"), ("Застенчивый ёжик", "ru")])
@pytest.mark.parametrize("seed", range(4))
def test_a_small_heros_good_turn_is_with_a_big_one(title, lang, seed):
    tale = planned_tale(title, "novella", lang, seed=seed)
    if tale.plan.tale_type != "gratitude":
        pytest.fail(f"{title} is told as {tale.plan.tale_type}")
    second = next(c for c in tale.characters if c.role == "second")
    assert kinds()[second.kind].scale >= 3, second


@pytest.mark.parametrize("title, lang", [("The Last Swallow of Summer", "en"), ("Последний день лета", "ru")])
@pytest.mark.parametrize("seed", range(4))
def test_the_farewell_song_is_a_singers(title, lang, seed):
    tale = planned_tale(title, "drama", lang, seed=seed)
    first = next(c for c in tale.characters if c.role == "helper1")
    assert first.kind in words_table()["skills"]["sing"]["masters"], first  # a lark's song, never a dog's «гав»


@pytest.mark.parametrize("seed", range(4))
def test_a_penguins_friends_are_of_the_sea_never_a_star_or_a_bull(seed):
    """When no one fits a round's rule, a neighbour of the hero's own land comes, not anyone at all."""
    tale = planned_tale("The Lonely Little Penguin", "novella", "en", seed=seed)
    helpers = [c.kind for c in tale.characters if c.role.startswith("helper")]
    assert helpers and all(k not in ("star", "bull", "beetle", "dragon") for k in helpers), helpers


def test_what_blind_read_10_found():
    """A fox afraid of geese is afraid of them (a goose is no smaller than a fox, and hunts no fox);
    a dormouse is a mouse, and a sleepy one; spectacles are never 'a spectacles'; a fox cub
    looks in the warm lands, «в тёплых краях», not «на тёплых краях»."""
    from digitales.plot.premise import read_title
    from digitales.plot.telling import with_preposition

    assert planned_tale("The Fox Who Was Afraid of Geese", "comedy", "en", seed=0).plan.tale_type == "feared"
    dormouse = read_title("The Sleepy Little Dormouse", "en")
    assert (dormouse.hero.kind.name, dormouse.trait) == ("mouse", "sleepy")
    for seed in range(3):
        _, text = told("The Badger Who Lost His Spectacles", "fairy_tale", "en", seed)
        assert "a spectacles" not in text.lower()
    assert with_preposition("тёплые края", "in", "ru") == "в тёплых краях"
    assert with_preposition("край леса", "in", "ru") == "на краю леса"


@pytest.mark.parametrize("place, said", [("тёплый камень", "на тёплом камне"), ("зелёный холм", "на зелёном холме"),
                                         ("цветок", "на цветке"), ("кормушка", "на кормушке"), ("лес", "в лесу"),
                                         ("дом", "в доме"), ("мост", "на мосту")])
def test_a_helpers_favourite_place_takes_its_own_preposition(place, said):
    """A lizard likes it «на тёплом камне», not «в тёплом камне» (a quest's advice), and a hill is
    «на холме», not the dictionary's rare «на холму»."""
    from digitales.plot.telling import with_preposition

    assert with_preposition(place, "in", "ru") == said
