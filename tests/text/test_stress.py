import pytest

from digitales.errors import UserError
from digitales.text.stress import StressDictionary, add_stress


@pytest.mark.parametrize("sentence, word", [
    ("Девочка открыла замок ключом.", "зам+ок"),
    ("Король жил в старом замке на высокой горе.", "з+амке"),
    ("Мука для блинов лежала в мешке.", "Мук+а"),
    ("Это была страшная мука.", "м+ука"),
])
def test_homographs_get_their_stress_from_context(sentence, word):
    assert word in add_stress(sentence)


def test_one_vowel_words_stay_unmarked_and_ambiguous_yo_is_kept():
    marked = add_stress("Все стоят на горе, а он сидит.")
    assert marked.startswith("Все ") and " на " in marked and " он " in marked
    assert "сто+ят" in marked and "сид+ит" in marked


def test_the_users_dictionary_wins_over_the_model(tmp_path):
    path = tmp_path / "stress.txt"
    path.write_text("# колобок по-северному\nкол+обок\n\nз+амок  # always the castle\n", encoding="utf-8")
    d = StressDictionary.load(path)
    marked = add_stress("Колобок открыл замок.", d)
    assert "Кол+обок" in marked and "з+амок" in marked


@pytest.mark.parametrize("line", ["замок", "з+ам+ок", "+з", "castle+", "з+амок ключ"])
def test_broken_dictionary_lines_are_reported_with_their_number(tmp_path, line):
    path = tmp_path / "stress.txt"
    path.write_text(f"кол+обок\n{line}\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"stress.txt:2:"):
        StressDictionary.load(path)
