"""Names and places in every case, as the writer inserts them."""

import pytest

from digitales.text.russian import gendered, inflect_phrase


@pytest.mark.parametrize("phrase, case, want", [
    ("серый волк", "accs", "серого волка"),
    ("дремучий лес", "accs", "дремучий лес"),
    ("дремучий лес", "loct", "дремучем лесу"),
    ("тёмная чаща за болотом", "accs", "тёмную чащу за болотом"),
    ("Кощей Бессмертный", "datv", "Кощею Бессмертному"),
    ("Баба-яга", "ablt", "Бабой-ягой"),
    ("Соловей-разбойник", "gent", "Соловья-разбойника"),
    ("Курочка Ряба", "accs", "Курочку Рябу"),
    ("белые гуси", "datv", "белым гусям"),
    ("ёж", "datv", "ежу"),
    ("изба на краю деревни", "loct", "избе на краю деревни"),
    ("лиса", "nomn", "лиса"),
])
def test_inflection(phrase, case, want):
    assert inflect_phrase(phrase, case) == want


def test_verbs_agree_with_gender():
    assert [gendered(g, "пошёл", "пошла", "пошло", "пошли") for g in ("male", "female", "neuter", "plural", "unknown")] == \
        ["пошёл", "пошла", "пошло", "пошли", "пошёл"]


def test_unknown_case_is_a_programming_error():
    with pytest.raises(ValueError):
        inflect_phrase("лиса", "vocative")
