"""Batch files read into rows: three formats, dotted settings, a profile for all, and each bad row
with its own one-line reason while the rest stay good."""

from __future__ import annotations

import json

import pytest

from digitales.batch.rows import read_rows
from digitales.errors import UserError
from tests.conftest import run_cli


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "kolobok.txt").write_text("Жили-были старик со старухой.", encoding="utf-8")
    (tmp_path / "settings.toml").write_text('[profiles.small.video]\naspect = "1:1"\nfps = 12\n', encoding="utf-8")
    return tmp_path


def test_csv_jsonl_and_toml_give_the_same_rows(folder):
    (folder / "b.csv").write_text(
        "title,lang,genre,text,video.height,voice.rate,picture.style,minutes\n"
        "Колобок,ru,сказка,texts/kolobok.txt,1080,0.9,linocut,\n"
        "The Fox and the Crow,en,fable,,,,,1.5\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"title": "Колобок", "lang": "ru", "genre": "сказка", "text": "texts/kolobok.txt",
                    "video": {"height": 1080}, "voice.rate": 0.9, "picture.style": "linocut"}, ensure_ascii=False) + "\n\n"
        + json.dumps({"title": "The Fox and the Crow", "lang": "en", "genre": "fable", "minutes": 1.5}) + "\n", encoding="utf-8")
    (folder / "b.toml").write_text(
        '[[tale]]\ntitle = "Колобок"\nlang = "ru"\ngenre = "сказка"\ntext = "texts/kolobok.txt"\nvoice.rate = 0.9\n'
        'picture.style = "linocut"\n[tale.video]\nheight = 1080\n\n'
        '[[tale]]\ntitle = "The Fox and the Crow"\nlang = "en"\ngenre = "fable"\nminutes = 1.5\n', encoding="utf-8")
    read = [read_rows(folder / f"b.{kind}", out=folder / "out") for kind in ("csv", "jsonl", "toml")]
    assert read[0] == read[1] == read[2]
    ru, en = read[0]
    assert ru.problem is None and en.problem is None
    assert ru.text == folder / "texts" / "kolobok.txt"  # relative to the batch file, not the working folder
    assert (ru.settings["video"]["height"], ru.settings["voice"]["rate"], ru.settings["picture"]["style"]) == (1080, 0.9, "linocut")
    assert (ru.settings["lang"], ru.settings["genre"], ru.slug) == ("ru", "сказка", "kolobok")
    assert en.settings["writer"]["minutes"] == 1.5 and en.settings["video"]["height"] == 720 and en.text is None
    assert ru.settings["out"] == en.settings["out"] == str((folder / "out").resolve())


def test_a_profile_applies_to_every_row_and_a_row_wins_over_it(folder):
    (folder / "b.csv").write_text("title,video.fps\nОдин,\nДва,25\n", encoding="utf-8")
    one, two = read_rows(folder / "b.csv", folder / "settings.toml", "small")
    assert (one.settings["video"]["aspect"], one.settings["video"]["fps"]) == ("1:1", 12)
    assert (two.settings["video"]["aspect"], two.settings["video"]["fps"]) == ("1:1", 25)


def test_each_bad_row_says_why_in_one_line_and_the_others_stay_good(folder):
    (folder / "b.csv").write_text(
        "title,lang,text,minutes,video.height\n"
        "Колобок,ru,texts/kolobok.txt,,\n"
        "Репка,ru,,,900\n"            # not a height we make
        ",ru,,,\n"                    # no title
        "Колобок,ru,,,\n"             # the same folder as row 1
        "Теремок,ru,texts/kolobok.txt,2,\n"  # a text sets the length
        "Морозко,ru,texts/missing.txt,,\n"
        "Гуси-лебеди,ru,,,,extra\n"
        "Маша и медведь,ru,,,\n", encoding="utf-8")
    rows = read_rows(folder / "b.csv")
    problems = {row.number: row.problem for row in rows}
    assert problems[1] is None and problems[8] is None
    assert "video.height" in problems[2] and "720" in problems[2]
    assert "title is empty" in problems[3]
    assert "same folder 'kolobok' as row 1" in problems[4]
    assert "minutes" in problems[5]
    assert "missing.txt" in problems[6]
    assert "more cells" in problems[7] and rows[6].title == "Гуси-лебеди"
    assert all("\n" not in p for p in problems.values() if p)


def test_an_unknown_setting_is_named_with_the_nearest_real_one(folder):
    (folder / "b.jsonl").write_text('{"title": "Колобок", "video.hieght": 720}\n{"title": "Репка", "out": "/etc"}\n'
                                    'not json\n[1, 2]\n', encoding="utf-8")
    rows = read_rows(folder / "b.jsonl")
    assert rows[0].problem == "unknown setting 'video.hieght' (did you mean 'video.height'?)"
    assert "cannot set 'out'" in rows[1].problem
    assert rows[2].problem.startswith("not JSON") and rows[3].problem.startswith("not a JSON object")


@pytest.mark.parametrize("name, content, message", [
    ("b.xlsx", "", "use .csv, .jsonl or .toml"),
    ("b.csv", "title,lang\n\n", "has no tales"),
    ("b.csv", "name,lang\nКолобок,ru\n", "'title' among them"),
    ("b.toml", 'title = "Колобок"\n', "[[tale]]"),
    ("b.toml", "[[tale]\n", "not valid TOML"),
])
def test_a_batch_file_that_cannot_be_read_is_one_error(folder, name, content, message):
    (folder / name).write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message.replace("[", r"\[").replace(".", r"\.")):
        read_rows(folder / name)


def test_the_cli_refuses_a_bad_batch_file_with_one_line_and_status_2(folder):
    for args in (["batch", str(folder / "none.csv")], ["batch", str(folder / "b.txt")],
                 ["batch", str(folder / "none.csv"), "--engine", "spark"], ["batch", str(folder / "none.csv"), "--jobs", "0"]):
        run = run_cli(*args)
        assert run.returncode == 2, args
        assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr, run.stderr
