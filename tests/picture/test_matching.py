"""From words to clip-art: Russian lemmas, synonyms, meaning, places, and words nothing fits."""

from __future__ import annotations

import pytest

from digitales.picture.matching import match, nouns
from digitales.picture.scenery import place_kind


def assets(text: str, lang: str) -> dict[str, str]:
    return {n.lemma: m.asset for n in nouns(text, lang) if (m := match(n, lang))}


def test_russian_nouns_are_found_in_any_case_form_by_lemma():
    found = assets("Заяц увидел лисицу, сапоги и колесо, а волку дал яблочко.", "ru")
    assert found["заяц"] == "rabbit" and found["лисица"] == "fox" and found["волк"] == "wolf"
    assert found["сапог"] == "womans-boot"  # by the emoji's own Russian name, «сапог»
    assert found["колесо"] == "wheel"
    assert found["яблочко"] == "red-apple"  # the lexicon's diminutive


@pytest.mark.parametrize("word, asset", [("котишка", "cat"), ("лисонька", "fox")])  # young ones (котёнок, лисёнок) are in the table now
def test_living_things_no_table_names_are_matched_by_meaning(word, asset):
    (noun,) = nouns(f"Вот {word}.", "ru")
    found = match(noun, "ru")
    assert (found.asset, found.how) == (asset, "meaning")


def test_things_are_not_matched_by_meaning_where_the_small_model_guesses():
    # its nearest assets for these are raising hands, blueberries and a fox
    assert assets("Урок, голубчик и сила.", "ru") == {}


def test_fairy_tale_lexicon():
    found = assets("Колобок, Баба-яга, Кощей, Змей Горыныч, жар-птица и печь.", "ru")
    assert found["колобок"] == "slightly-smiling-face"
    assert found["баба-яга"] == "woman-mage"
    assert found["кощей"] == "man-mage"
    assert found["змей"] == "dragon"
    assert found["жар-птица"] == "phoenix-bird"
    assert found["печь"] == "fire"


def test_english_nouns_and_plurals():
    found = assets("The fox saw two geese, a kitten and some boots by the castle.", "en")
    assert found == {"fox": "fox", "goose": "goose", "kitten": "cat", "boot": "womans-boot"}
    assert "castle" not in found, "a place word is painted as the background, not drawn as a prop"


def test_words_spelt_like_an_asset_are_not_matched_by_their_letters():
    assert assets("Он упал на пол, и мука рассыпалась.", "ru") == {}
    assert assets("She kneaded the dough.", "en") == {}


def test_a_net_is_a_fishermans_and_a_sack_is_not_a_money_bag():
    found = assets("Старик закинул невод, а старуха взяла мешок.", "ru")
    assert found == {"старик": found["старик"], "невод": "fishing-pole", "старуха": found["старуха"]}
    assert assets("He cast his net and filled a sack.", "en") == {"net": "fishing-pole"}


def test_unknown_words_give_nothing_and_do_not_fail():
    assert assets("Абырвалг глокой куздры.", "ru") == {}
    assert nouns("", "ru") == [] and nouns("🙂 !!!", "en") == []


@pytest.mark.parametrize("place, said, kind", [
    ("дремучий лес", [], "forest"), ("избушка на краю деревни", [], "hut"), ("замок за огненной рекой", [], "castle"),
    ("", ["море", "лодка"], "sea"), ("the deep forest", [], "forest"), ("the straight road across the steppe", [], "road"),
    ("", ["абырвалг"], None)])
def test_the_place_is_read_from_the_plan_or_the_words_said(place, said, kind):
    assert place_kind(place, said) == kind


def test_every_asset_the_lexicon_and_the_cast_name_can_be_drawn():
    from digitales.picture import clipart
    from digitales.picture.lexicon import KIND_ASSETS, WORD_ASSET

    library = clipart.library()
    assert {a for a in WORD_ASSET.values() if a not in library} == set()
    assert {a for a, _, _ in KIND_ASSETS.values() if a not in library} == set()
    assert assets("Он взял лук и стрелу.", "ru")["стрела"] == "bow-and-arrow"


def test_a_mysterys_outdoor_place_is_painted_as_its_place():
    """A rendered «Тайна старого колодца» put the well on a seashore with a sailboat (the text
    said «берег»): a well is in a village, a bridge and reeds are by a river, a hollow in a forest."""
    from digitales.picture.scenery import place_kind

    assert [place_kind(p, ["берег"]) for p in ("старый колодец", "мост", "камыши", "дупло", "hollow", "bridge")] == \
        ["village", "river", "river", "forest", "forest", "river"]
    assert place_kind("the old well", ["well", "never"]) is None  # "Well I never!" paints no village
