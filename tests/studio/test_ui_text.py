"""The page's words: both languages for every entry, and how the page's language is chosen."""

from __future__ import annotations

import string

import pytest

from digitales.studio.ui_text import LANGS, TEXT, cli_message, page_language


def test_every_entry_has_both_languages_and_the_same_blanks():
    for key, entry in TEXT.items():
        assert set(entry) == set(LANGS), key
        blanks = [{name for _, name, _, _ in string.Formatter().parse(entry[lang]) if name} for lang in LANGS]
        assert blanks[0] == blanks[1], key


@pytest.mark.parametrize("forced, accept, chosen", [
    (None, "ru-RU,ru;q=0.9,en;q=0.8", "ru"),
    (None, "en-US,en;q=0.9", "en"),
    (None, "de-DE,de;q=0.9,ru;q=0.5", "ru"),  # the first language we speak
    (None, "en;q=0.4,ru;q=0.8", "ru"),  # by weight, not by place
    (None, "", "en"),
    ("ru", "en-US", "ru"),  # ?lang= wins over the browser
    ("EN", "ru-RU", "en"),
    ("fr", "ru-RU", "ru"),  # a language we do not speak is ignored
])
def test_page_language(forced, accept, chosen):
    assert page_language(forced, accept) == chosen


def test_the_commonest_cli_messages_in_russian():
    assert cli_message("the title is empty: give the tale a name, e.g. digitales make \"Колобок\"", "ru").startswith(
        "Нет названия")
    assert cli_message("the title is 250 characters long; keep it under 200", "ru") == \
        "В названии 250 знаков, а можно не больше 200."
    assert cli_message("the title is empty: give the tale a name", "en") == "the title is empty: give the tale a name"
    assert cli_message("something new", "ru") == "something new"


def test_progress_in_russian_and_every_stage_has_words():
    from digitales.pipeline import STAGES
    from digitales.studio.app import progress_html
    from digitales.studio.jobs import Job, Request

    assert all(f"stage_{s}" in TEXT for s in STAGES)
    job = Job(id="abc", request=Request(title="t"), status="running",
              stages={"plot": {"backend": "planner", "done": 0, "total": 0, "seconds": 0.1, "state": "done"}})
    shown = progress_html(job, "ru")
    assert "сюжет" in shown and "идёт" in shown and "готово" in shown and "ждёт" in shown


def test_the_cast_panel_and_the_form_show_values_in_the_pages_language():
    from digitales.draft import CastMember, Draft
    from digitales.plot.genres import GENRES
    from digitales.studio.app import cast_html
    from digitales.studio.ui_text import named_choices

    assert all(f"genre_{g}" in TEXT for g in GENRES)
    assert ("сказка", "fairy_tale") in named_choices("genre_", list(GENRES), "ru")
    draft = Draft(title="Как ёжик искал весну", lang="ru", seed=0, text="", premise={"characters": ["ёжик"], "goal": "seek"},
                  cast=[CastMember("narrator", "narrator", "", "festival:x"),
                        CastMember("ёжик", "hero", "колючий", "festival:x pitch 1.12 tempo 1.05")])
    shown = cast_html(draft, "ru")
    assert "цель: найти" in shown and "seek" not in shown and "высота 1.12 темп 1.05" in shown and "pitch" not in shown
    assert "goal: to find" in cast_html(draft, "en")


def test_studio_checks_in_russian():
    from digitales.studio.app import text_problem

    assert text_problem("# Репка\n\nПосадил дед репку.\n\n---\n\n## Вторая\n\n---\n\nВытянули.", "ru") == \
        "В сцене 2 нечего рассказать: напишите её текст или уберите строку --- перед ней."
    assert text_problem("# Репка\n\nПосадил дед репку.\n\n---\n\nВытянули.", "ru") is None
    assert cli_message("there is no scene 9 to redraw: the tale has 3 scenes", "ru") == "Сцены 9 нет, перерисовать нечего: в сказке сцен 3."
    assert cli_message("--text /tmp/t.md is not UTF-8 text (bad byte at position 3); save it as UTF-8", "ru").startswith(
        "Файл с текстом не в кодировке UTF-8")
