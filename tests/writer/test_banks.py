"""Every phrase-bank template, filled for a character of each gender (and a plural one),
gives words the dictionary knows: a gendered ending glued to the wrong stem ("Шёла",
"однин", "обиделсясь") shows up here before any tale is written."""

from __future__ import annotations

import pytest

from digitales.text.spelling import hunspell
from digitales.writer.banks import en, ru
from digitales.writer.quality import spelled_right, words_of
from digitales.writer.templates import Who, fill

CASTS = {
    "ru": [("заяц", "male"), ("лиса", "female"), ("чудище", "neuter"), ("гуси", "plural")],
    "en": [("hare", "male"), ("fox", "female"), ("thing", "neuter"), ("geese", "plural")],
}
# Folk and epic words the dictionaries lack but the genres need (bylina formulae, fairy-tale speech).
FOLK = {"гой", "еси", "почестен", "послушанье", "калики", "перехожие", "избыть", "трёхголовый"}


def templates(bank) -> list[str]:
    found = [t for group in (bank.FUNCTIONS, bank.DIALOGUE, bank.TIME, bank.MOOD) for ts in group.values() for t in ts]
    return found + bank.LOOK + bank.TRANSITIONS + bank.PRESENCE + bank.PLACE


@pytest.mark.parametrize("lang,bank", [("ru", ru), ("en", en)])
def test_every_template_spells_right_for_every_gender(lang, bank):
    dictionary = hunspell(lang)
    wrong = set()
    for name, gender in CASTS[lang]:
        cast = {role: Who(name, gender, "серый" if lang == "ru" else "gray", False)
                for role in ("hero", "antagonist", "donor", "helper", "false_hero", "princess", "prince")}
        for template in templates(bank):
            text = fill(template, cast, "дремучий лес" if lang == "ru" else "the deep forest", lang)
            wrong |= {(w, gender, template) for w in words_of(text)
                      if w.lower() not in FOLK and not spelled_right(dictionary, w)}
    assert not wrong, sorted(wrong)[:20]
