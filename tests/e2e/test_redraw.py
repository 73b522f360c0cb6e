"""`--redraw N` draws scene N's pictures anew and takes every other picture from the cache, byte for byte."""

from __future__ import annotations

import hashlib

from tests.conftest import run_cli

TALE = """# Репка

Посадил дед репку. Выросла репка большая-пребольшая.

---

Стал дед репку тянуть. Тянет-потянет, вытянуть не может. Позвал дед бабку.

---

Бабка за дедку, дедка за репку. Тянут-потянут — и вытянули репку!
"""


def pictures(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((folder / "scenes").glob("*.png"))}


def make(tmp_path, *args):
    return run_cli("make", "Репка", "--text", str(tmp_path / "repka.md"), "--until", "picture", "--out", str(tmp_path / "out"),
                   "--quiet", *args)


def test_redraw_changes_that_scene_alone(tmp_path):
    (tmp_path / "repka.md").write_text(TALE, encoding="utf-8")
    assert (run := make(tmp_path)).returncode == 0, run.stderr
    folder = tmp_path / "out" / "repka"
    before = pictures(folder)
    assert {"01.png", "02.png", "03.png"} <= set(before)

    assert (run := make(tmp_path, "--redraw", "2")).returncode == 0, run.stderr
    once = pictures(folder)
    assert once["02.png"] != before["02.png"]
    assert {k: v for k, v in once.items() if not k.startswith("02")} == {k: v for k, v in before.items() if not k.startswith("02")}

    assert (run := make(tmp_path, "--redraw", "2", "--redraw", "2")).returncode == 0, run.stderr
    assert pictures(folder)["02.png"] not in (before["02.png"], once["02.png"])  # each --redraw once more: another picture

    assert (run := make(tmp_path)).returncode == 0, run.stderr
    assert pictures(folder) == before  # without --redraw the first pictures come back, from the cache


def test_redraw_of_a_scene_the_tale_lacks_is_one_line(tmp_path):
    (tmp_path / "repka.md").write_text(TALE, encoding="utf-8")
    run = make(tmp_path, "--redraw", "9")
    assert run.returncode == 2
    assert "no scene 9 to redraw: the tale has 3 scenes" in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "repka" / "scenes" / "01.png").exists()
