"""Whole runs of `digitales make`: real voices, real ffmpeg, checked with ffprobe and ebur128."""

from __future__ import annotations

import json
import re
import struct
import subprocess
from pathlib import Path

import pytest

from digitales.montage.subtitles import cues as subtitle_cues
from digitales.tale import Tale
from tests.conftest import loudness, probe, run_cli, srt_times

CONTRACT_FILES = ["tale.mp4", "story.md", "subtitles.srt", "subtitles.vtt", "storyboard.png", "book.pdf", "manifest.json"]


def top_level_boxes(path: Path) -> list[str]:
    names, offset, size = [], 0, path.stat().st_size
    with open(path, "rb") as f:
        while offset < size:
            f.seek(offset)
            length, kind = struct.unpack(">I4s", f.read(8))
            if length == 1:
                length = struct.unpack(">Q", f.read(8))[0]
            names.append(kind.decode())
            offset += length
    return names


def check_video(folder: Path, size: tuple[int, int]) -> Tale:
    for name in CONTRACT_FILES:
        assert (folder / name).is_file(), name
    tale = Tale.load(folder / "manifest.json")
    for scene in tale.scenes:
        assert (folder / scene.audio).is_file() and (folder / scene.images[0].path).is_file()
    info = probe(folder / "tale.mp4")
    kinds = {s["codec_type"]: s for s in info["streams"]}
    assert kinds["video"]["codec_name"] == "h264" and kinds["audio"]["codec_name"] == "aac"
    assert kinds["subtitle"]["codec_name"] == "mov_text"
    assert (kinds["video"]["width"], kinds["video"]["height"]) == size
    narration = sum(s.duration for s in tale.scenes)
    assert abs(float(info["format"]["duration"]) - (tale.title_card + narration)) <= 0.5
    boxes = top_level_boxes(folder / "tale.mp4")
    assert boxes.index("moov") < boxes.index("mdat"), "+faststart puts the index first"
    # the soft subtitle track inside the MP4 and the .srt/.vtt files follow the sentence times
    wanted = [(c.start, c.end) for c in subtitle_cues(tale)]
    inside = subprocess.run(["ffmpeg", "-v", "error", "-i", str(folder / "tale.mp4"), "-map", "0:s:0", "-f", "srt", "-"],
                            capture_output=True, text=True, check=True).stdout
    for found in (srt_times(inside), srt_times((folder / "subtitles.srt").read_text()),
                  srt_times((folder / "subtitles.vtt").read_text())):
        assert len(found) == len(wanted)
        assert all(abs(a - c) <= 0.05 and abs(b - d) <= 0.05 for (a, b), (c, d) in zip(found, wanted))
    starts = {round(c.start, 2) for c in subtitle_cues(tale)}
    assert all(round(l.start, 2) in starts for s in tale.scenes for l in s.lines), "a cue opens with every sentence"
    i, tp = loudness(folder / "tale.mp4")
    assert abs(i + 16) <= 1.0, f"integrated loudness {i} LUFS"
    assert tp <= -1.5, f"true peak {tp} dBTP"
    return tale


def test_russian_tale_from_a_text(tmp_path, ru_text):
    run = run_cli("make", "Колобок", "--text", str(ru_text), "--lang", "ru", "--out", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "out" / "kolobok"
    assert str(folder / "tale.mp4") in run.stdout
    tale = check_video(folder, (1280, 720))
    data = json.loads((folder / "manifest.json").read_text())
    for key in ("title", "genre", "lang", "seed", "version", "characters", "scenes", "music", "backends", "timings",
                "metrics", "files"):
        assert key in data
    assert data["backends"]["voice"]["name"] == "festival"
    scene = data["scenes"][0]
    assert {"index", "text", "start", "end", "mood", "place", "time_of_day", "lines", "images", "audio"} <= set(scene)
    assert scene["images"][0]["shows"] and all(w in scene["text"].lower() for w in scene["images"][0]["shows"])
    lines = [l for s in tale.scenes for l in s.lines]
    assert all(a.end <= b.start for a, b in zip(lines, lines[1:])), "sentences follow each other"
    assert lines[0].start >= tale.title_card
    assert "Колобок" in (folder / "story.md").read_text()
    # the composer scored it: a part per scene in that scene's mood, end to end, audible under the title card
    assert tale.music.backend == "transformer" and (folder / "music.mid").is_file()
    parts = tale.music.parts
    assert [p["mood"] for p in parts] == [s.mood for s in tale.scenes]
    assert parts[0]["start"] == 0 and abs(parts[-1]["end"] - tale.duration) < 0.01
    assert all(abs(a["end"] - b["start"]) < 1e-6 for a, b in zip(parts, parts[1:]))
    assert mean_volume(folder / "tale.mp4", 0.8, tale.title_card - 0.8) > -40


def test_english_tale_vertical_with_music_under_it(tmp_path, en_text):
    music = tmp_path / "tune.ogg"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=330:duration=4", "-f", "lavfi", "-i",
                    "sine=frequency=440:duration=4", "-filter_complex", "[0][1]concat=n=2:v=0:a=1", "-c:a", "libvorbis",
                    str(music)], check=True)
    run = run_cli("make", "The Fox", "--text", str(en_text), "--lang", "en", "--aspect", "9:16", "--height", "1080",
                  "--music-file", str(music), "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "out" / "the-fox"
    tale = check_video(folder, (608, 1080))
    assert tale.backends["voice"]["name"] == "piper" and tale.music.backend == "file"
    # the music plays under the silent title card (the narration has not started yet)
    assert mean_volume(folder / "tale.mp4", 0.8, 2.5) > -40


def test_a_midi_file_is_played_by_the_fallback_synthesizer(tmp_path, en_text):
    import pretty_midi

    midi = pretty_midi.PrettyMIDI()
    piano = pretty_midi.Instrument(program=0)
    piano.notes = [pretty_midi.Note(velocity=90, pitch=60 + i % 8, start=i * 0.25, end=i * 0.25 + 0.2) for i in range(16)]
    midi.instruments.append(piano)
    midi.write(str(tmp_path / "tune.mid"))
    run = run_cli("make", "The Fox", "--text", str(en_text), "--lang", "en", "--music-file", str(tmp_path / "tune.mid"),
                  "--until", "music", "--out", str(tmp_path / "out"), "--quiet", env={"DIGITALES_MUSIC__SYNTH": "tinysoundfont"})
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "out" / "the-fox"
    tale = Tale.load(folder / "manifest.json")
    assert tale.music.midi == "music.mid" and (folder / "music.mid").read_bytes() == (tmp_path / "tune.mid").read_bytes()
    info = probe(folder / "music.flac")
    assert abs(float(info["format"]["duration"]) - tale.duration) < 0.05
    assert mean_volume(folder / "music.flac", 5.0, 4.0) > -45  # looped: still playing long after its 4 s


def mean_volume(path: Path, start: float, length: float) -> float:
    err = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-ss", f"{start:.2f}", "-t", f"{length:.2f}", "-i", str(path),
                          "-af", "volumedetect", "-f", "null", "-"], capture_output=True, text=True).stderr
    return float(re.search(r"mean_volume: (-?[\d.]+) dB", err).group(1))


@pytest.mark.parametrize("aspect, height, size", [("1:1", 720, (720, 720)), ("16:9", 2160, (3840, 2160))])
def test_aspect_and_height(tmp_path, aspect, height, size):
    text = tmp_path / "t.txt"
    text.write_text("Жили-были старик со старухой.", encoding="utf-8")
    run = run_cli("make", "Сказка", "--text", str(text), "--aspect", aspect, "--height", str(height),
                  "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 0, run.stderr
    info = probe(tmp_path / "out" / "skazka" / "tale.mp4")
    video = next(s for s in info["streams"] if s["codec_type"] == "video")
    assert (video["width"], video["height"]) == size


def test_burned_subtitles_can_be_turned_off(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("Жили-были старик со старухой, и была у них курочка ряба.", encoding="utf-8")

    def bottom_strip(flag: str) -> bytes:
        out = tmp_path / flag
        run = run_cli("make", "Ряба", "--text", str(text), flag, "--out", str(out), "--quiet")
        assert run.returncode == 0, run.stderr
        tale = Tale.load(out / "ryaba" / "manifest.json")
        t = (tale.scenes[0].lines[0].start + tale.scenes[0].lines[0].end) / 2
        return subprocess.run(["ffmpeg", "-v", "error", "-ss", f"{t:.2f}", "-i", str(out / "ryaba" / "tale.mp4"),
                               "-frames:v", "1", "-vf", "crop=iw:ih/5:0:ih*4/5,format=gray", "-f", "rawvideo", "-"],
                              capture_output=True, check=True).stdout

    with_subs, without = bottom_strip("--burn-subtitles"), bottom_strip("--no-burn-subtitles")
    # the same picture at the same moment: what differs is the subtitle (the picture itself may
    # have white in it there, a white hen say, so brightness alone does not tell)
    changed = sum(1 for a, b in zip(with_subs, without) if abs(a - b) > 60)
    bright = lambda frame: sum(1 for b in frame if b > 235)  # white subtitle letters
    assert changed > 2000, changed
    assert bright(with_subs) > bright(without) + changed // 4


def test_a_tale_from_the_title_alone(tmp_path):
    # a new title whose tale type fits a minute and a half: a known tale cannot be shorter than its required
    # scenes («Лиса и заяц» is «Заюшкина избушка», 2.5 minutes), nor a contest than its two rounds
    run = run_cli("make", "Кот и мышонок", "--genre", "fable", "--minutes", "1.5", "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "out" / "kot-i-myshonok"
    tale = check_video(folder, (1280, 720))
    assert tale.backends["plot"]["name"] == "planner" and tale.backends["writer"]["name"] == "embedded"
    roles = {c.role: c.name for c in tale.characters}
    assert tale.plan.tale_type == "trickster" and roles["hero"] == "кот" and roles["foe"] == "мышонок"
    assert [s.mood for s in tale.scenes] == [b.mood for b in tale.plan.beats]
    narration = sum(s.duration for s in tale.scenes)
    assert 0.85 * 90 <= narration <= 1.15 * 90, narration
    speakers = {l.speaker for s in tale.scenes for l in s.lines}
    assert "narrator" in speakers and len(speakers) >= 2  # the characters speak in their own voices
