"""`digitales write`: the tale's text in the format --text reads; edited, `make --text` narrates the edit."""

from __future__ import annotations

import json
import re

import pytest

from digitales.draft import SCENE_BREAK, write_draft
from digitales.settings import choices, load_settings
from digitales.text.sentences import split_sentences
from digitales.text.source import paragraphs, strip_markdown
from digitales.writer.textfile import without_title
from tests.conftest import run_cli

TITLE = "Как ёжик искал весну"


def srt_words(path) -> str:
    """The subtitles' text as one line: cues split long sentences at word boundaries."""
    lines = [l for l in path.read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.strip().isdigit() and "-->" not in l]
    return " ".join(" ".join(lines).split())


def narrator_sentence(scene: str) -> str:
    """The first sentence of a paragraph the narrator says alone (no dialogue in it)."""
    for paragraph in paragraphs(scene):
        if not re.search(r"[—«»\"]", paragraph):
            return split_sentences(paragraph)[0]
    raise AssertionError(f"no narrator's paragraph in {scene!r}")


@pytest.mark.parametrize("title, lang", [(TITLE, "ru"), ("Колобок", "ru"), ("The Kitten Who Could Not Purr", "en")])
def test_written_text_reads_back_as_the_same_paragraphs(title, lang):
    settings = load_settings(None, None, choices(lang=lang, minutes=0.5))
    draft = write_draft(title, settings, with_cast=True)
    scenes = draft.text.split(f"\n{SCENE_BREAK}\n")
    assert len(scenes) == draft.scenes > 1
    written = [p for s in scenes for p in paragraphs(strip_markdown(s))][1:]  # the heading is the title
    read = paragraphs(without_title(strip_markdown(draft.text), draft.title))  # as --text reads it
    assert read == written
    assert draft.cast[0].name == "narrator" and len(draft.cast) > 1 and all(c.voice for c in draft.cast)


def manifest(folder) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def test_write_edit_make_speaks_the_edit(tmp_path):
    tale = tmp_path / "tale.md"
    run = run_cli("write", TITLE, "--minutes", "0.5", "-o", str(tale))
    assert run.returncode == 0, run.stderr
    text = tale.read_text(encoding="utf-8")
    run = run_cli("make", TITLE, "--text", str(tale), "--until", "voice", "--out", str(tmp_path / "unedited"), "--quiet")
    assert run.returncode == 0, run.stderr
    old = narrator_sentence(text.split(f"\n{SCENE_BREAK}\n")[1])
    assert text.count(old) == 1
    new = "Тут ёжик нашёл под снегом синий колокольчик."
    tale.write_text(text.replace(old, new), encoding="utf-8")

    run = run_cli("make", TITLE, "--text", str(tale), "--music", "none", "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 0, run.stderr
    [folder] = (tmp_path / "out").iterdir()
    said = srt_words(folder / "subtitles.srt")
    assert new in said
    assert old not in said
    assert "Жил-был в норке ёжик." in said  # the rest of the tale is told as written
    # every character keeps the voice (and the kind pictures draw) the unedited tale gave them
    [before] = (tmp_path / "unedited").iterdir()
    who = lambda m: {c["name"]: (c["voice"], c["kind"]) for c in m["characters"]}  # noqa: E731
    assert who(manifest(folder)) == who(manifest(before)) and len(who(manifest(before))) > 2


def test_an_edit_that_silences_the_first_speaker_moves_no_voice(tmp_path):
    """Voices are cast in the order of the cast the file lists, not in the order of first words."""
    tale = tmp_path / "tale.md"
    assert run_cli("write", "Колобок", "--minutes", "0.5", "-o", str(tale)).returncode == 0
    text = tale.read_text(encoding="utf-8")
    first_line = next(p for p in paragraphs(text) if p.startswith("—"))  # the first to speak says it
    edited = tmp_path / "edited.md"
    edited.write_text(text.replace(first_line, "Дед промолчал."), encoding="utf-8")
    voices = []
    for name, path in (("a", tale), ("b", edited)):
        run = run_cli("make", "Колобок", "--text", str(path), "--until", "voice", "--out", str(tmp_path / name), "--quiet")
        assert run.returncode == 0, run.stderr
        [folder] = (tmp_path / name).iterdir()
        voices.append({c["name"]: c["voice"] for c in manifest(folder)["characters"]})
    assert voices[0] == voices[1] and len(set(voices[0].values())) == len(voices[0]) > 3


def test_make_text_keeps_the_scenes_as_written(tmp_path):
    tale = tmp_path / "tale.md"
    assert run_cli("write", TITLE, "--minutes", "0.5", "-o", str(tale)).returncode == 0
    scenes = tale.read_text(encoding="utf-8").split(f"\n{SCENE_BREAK}\n")
    scenes[1] += "\n\n" + "И долго-долго ёжик шёл по лесу, и шёл, и шёл, и всё смотрел по сторонам. " * 6
    scenes[2:4] = [scenes[2] + "\n\nА потом." ]  # two short scenes become one
    tale.write_text(f"\n{SCENE_BREAK}\n".join(scenes), encoding="utf-8")
    run = run_cli("make", TITLE, "--text", str(tale), "--until", "writer", "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 0, run.stderr
    [folder] = (tmp_path / "out").iterdir()
    made = [s["text"] for s in manifest(folder)["scenes"]]
    written = [paragraphs(strip_markdown(s)) for s in scenes]
    written[0] = written[0][1:]  # the title heading is the title card's
    assert [paragraphs(s) for s in made] == written


def test_a_scene_left_with_nothing_to_say_is_one_line(tmp_path):
    tale = tmp_path / "tale.md"
    assert run_cli("write", TITLE, "--minutes", "0.5", "-o", str(tale)).returncode == 0
    scenes = tale.read_text(encoding="utf-8").split(f"\n{SCENE_BREAK}\n")
    scenes[1] = "\n## Вторая сцена\n"
    tale.write_text(f"\n{SCENE_BREAK}\n".join(scenes), encoding="utf-8")
    run = run_cli("make", TITLE, "--text", str(tale), "--until", "writer", "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 2
    assert "scene 2 has nothing to say" in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_write_prints_the_tale_without_o():
    run = run_cli("write", "Колобок")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("# Колобок\n\n") and f"\n{SCENE_BREAK}\n" in run.stdout


@pytest.mark.parametrize("args, message", [
    (["", ], "the title is empty"),
    (["Колобок", "--genre", "nope"], "unknown genre 'nope'"),
    (["Колобок", "--minutes", "99"], "writer.minutes"),
    (["Колобок", "--lang", "xx"], "unknown language 'xx'"),
])
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, args, message):
    target = tmp_path / "tale.md"
    run = run_cli("write", *args, "-o", str(target))
    assert run.returncode == 2
    assert message in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
