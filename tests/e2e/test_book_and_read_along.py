"""The picture book (book.pdf) and read-along subtitles, on a short real tale made twice in one
folder: first with the defaults, then with --book-size letter --read-along."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader

from digitales.montage.subtitles import cues as subtitle_cues
from digitales.tale import Tale
from tests.conftest import RU_SHORT, run_cli, srt_times
from tests.montage.test_read_along import FRAME, dialogues

A4, LETTER = (595.28, 841.89), (612.0, 792.0)  # points


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("book")
    text = root / "kolobok.txt"
    text.write_text(RU_SHORT, encoding="utf-8")
    folder = root / "out" / "kolobok"
    runs = {}
    for name, flags in (("plain", []), ("read_along", ["--book-size", "letter", "--read-along"])):
        run = run_cli("make", "Колобок", "--text", str(text), "--lang", "ru", "--music", "none",
                      "--out", str(root / "out"), "--quiet", *flags)
        assert run.returncode == 0, run.stderr
        kept = root / name
        kept.mkdir()
        for f in ("tale.mp4", "book.pdf", "manifest.json"):
            shutil.copyfile(folder / f, kept / f)
        runs[name] = kept
    runs["folder"] = folder
    return runs


def check_book(path: Path, tale: Tale, size: tuple[float, float]) -> None:
    pdf = PdfReader(path)
    assert len(pdf.pages) == 1 + len(tale.scenes)
    for page in pdf.pages:
        box = page.mediabox
        assert abs(float(box.width) - size[0]) < 1 and abs(float(box.height) - size[1]) < 1
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"{font['/BaseFont']} is not embedded"
    flat = lambda s: " ".join(s.split())
    assert flat(tale.title) in flat(pdf.pages[0].extract_text())
    for scene, page in zip(tale.scenes, pdf.pages[1:]):
        assert flat(scene.text) in flat(page.extract_text())
        images = [x for x in page["/Resources"]["/XObject"].values() if x.get_object()["/Subtype"] == "/Image"]
        assert len(images) == 1


def test_every_tale_gets_an_a4_picture_book_with_its_fonts_and_text(made):
    tale = Tale.load(made["plain"] / "manifest.json")
    check_book(made["plain"] / "book.pdf", tale, A4)
    assert tale.files["book"] == "book.pdf" and tale.backends["book"]["settings"]["size"] == "a4"
    assert "ass" not in tale.files and "read_along" not in tale.metrics


def test_book_size_letter_makes_a_letter_book_and_nothing_is_left_half_written(made):
    tale = Tale.load(made["read_along"] / "manifest.json")
    check_book(made["read_along"] / "book.pdf", tale, LETTER)
    assert tale.work["book"]["made"] == 1 and tale.backends["book"]["settings"]["size"] == "letter"
    assert [s for s in ("plot", "text", "picture") if tale.work[s]["made"]] == []  # the second run redid only what changed
    assert not [p.name for p in made["folder"].rglob(".*") if p.is_file() and ".part" in p.name]


def test_read_along_ass_times_every_cue_with_the_voices_word_times(made):
    folder = made["folder"]
    tale = Tale.load(made["read_along"] / "manifest.json")
    assert tale.files["ass"] == "subtitles.ass"
    assert tale.metrics["read_along"]["word_times"] == "voice"  # festival tells its word times
    srt = srt_times((folder / "subtitles.srt").read_text(encoding="utf-8"))
    events = dialogues((folder / "subtitles.ass").read_text(encoding="utf-8"))
    assert len(events) == len(srt) == len(subtitle_cues(tale))
    for (start, end, text), (a, b) in zip(events, srt):
        ks = [int(k) for k in re.findall(r"\{\\k(\d+)\}", text)]
        assert ks and abs(sum(ks) / 100 - (b - a)) <= FRAME and abs(start - a) <= FRAME


def frame(video: Path, t: float) -> np.ndarray:
    raw = subprocess.run(["ffmpeg", "-v", "error", "-ss", f"{t:.3f}", "-i", str(video), "-frames:v", "1",
                          "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], capture_output=True, check=True).stdout
    return np.frombuffer(raw, dtype=np.uint8).reshape(720, 1280, 3).astype(int)


def test_read_along_lights_up_the_spoken_words_in_the_burned_subtitles(made):
    tale = Tale.load(made["read_along"] / "manifest.json")
    line = tale.scenes[0].lines[0]
    t = line.words[1][0] + 0.1  # the first two words have been said, the rest not yet
    plain, lit = frame(made["plain"] / "tale.mp4", t), frame(made["read_along"] / "tale.mp4", t)
    band, above = slice(720 * 4 // 5, 720), slice(0, 720 * 3 // 5)  # the subtitle band; the picture above it
    white = (plain[band] > 215).all(axis=2)  # plain subtitle letters
    yellow = (lit[band, :, 0] > 200) & (lit[band, :, 1] > 150) & (lit[band, :, 2] < 100)  # subtitles.HIGHLIGHT
    assert np.sum(white & yellow) > 300, np.sum(white & yellow)  # letters that turned from white to yellow
    changed = lambda part: int((np.abs(lit[part] - plain[part]) > 60).any(axis=2).sum())
    assert changed(band) > 300 and changed(above) < 20, (changed(band), changed(above))
