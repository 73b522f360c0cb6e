"""The writer's quality numbers react to what they measure."""

from digitales.writer.quality import distinct_2, languagetool_per_100, measure, rejected_share


def test_hunspell_counts_misspelt_words_but_not_the_characters_names():
    assert rejected_share("Жила-была лиса в лесу.", "ru") == 0.0
    assert rejected_share("Жила-была лиса в лесуу.", "ru") == 0.25  # four words, "Жила-была" one of them
    assert rejected_share("Koschei met the fox.", "en", names=("Koschei the Deathless",)) == 0.0
    assert rejected_share("Koschei met the foxx.", "en", names=("Koschei the Deathless",)) == 0.25


def test_languagetool_finds_russian_mistakes():
    assert languagetool_per_100("Лиса жила в лесу.", "ru") == 0.0
    assert languagetool_per_100("В лесу жила лиса , и заяц.", "ru") > 0
    assert languagetool_per_100("The fox lived here.", "en") is None


def test_distinct_2_falls_with_repetition():
    assert distinct_2("one two three four") == 1.0
    assert distinct_2("la la la la la") == 0.25


def test_characters_are_found_in_any_case_and_title_nouns_checked():
    scenes = ["Жил-был серый волк.", "Встретил заяц серого волка.", "Заяц убежал."]
    m = measure("Волк и заяц", "ru", scenes, {"antagonist": "серый волк", "hero": "заяц"})
    assert m["scenes_with"] == {"antagonist": 2, "hero": 2} and m["title_nouns_present"]
    assert not measure("Волк и лиса", "ru", scenes, {})["title_nouns_present"]


def test_a_characters_name_counts_as_known_in_any_case_form():
    names = ("Вольга Святославович", "Змей Горыныч")
    assert rejected_share("Поклонились Вольге, и Горынычу стало стыдно.", "ru", names) == 0.0
    assert rejected_share("Поклонились Вольге, и Горынычу стало стыднаа.", "ru", names) == 0.1667
    assert languagetool_per_100("Поклонился князь Вольге Святославовичу.", "ru", names) == 0.0
