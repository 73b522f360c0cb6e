"""Bad input: one clear line on stderr, exit status 2, no traceback, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli


def bad(tmp_path: Path, *args: str, expect: str, env: dict | None = None) -> None:
    out = tmp_path / "out"
    run = run_cli("make", *args, "--out", str(out), "--quiet", env=env)
    assert run.returncode == 2, (run.stdout, run.stderr)
    lines = [l for l in run.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, run.stderr
    assert "Traceback" not in run.stderr and expect.lower() in lines[0].lower(), lines[0]
    assert not out.exists() or not any(out.rglob("*.mp4")) and not any(out.rglob("manifest.json"))


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_empty_text(tmp_path):
    bad(tmp_path, "Колобок", "--text", write(tmp_path, "e.txt", b""), expect="no words")


def test_binary_text(tmp_path):
    bad(tmp_path, "Колобок", "--text", write(tmp_path, "b.txt", bytes(range(256)) * 20), expect="binary")


def test_non_utf8_text(tmp_path):
    bad(tmp_path, "Колобок", "--text", write(tmp_path, "c.txt", "Жили-были старик со старухой.".encode("cp1251")), expect="UTF-8")


def test_absurdly_long_text(tmp_path):
    text = ("Жили-были старик со старухой, и жили они долго и счастливо у самого синего моря. " * 400).encode()
    bad(tmp_path, "Колобок", "--text", write(tmp_path, "l.txt", text), expect="minutes")


def test_missing_text_file(tmp_path):
    bad(tmp_path, "Колобок", "--text", str(tmp_path / "none.txt"), expect="not found")


def test_minutes_with_a_text(tmp_path, ru_text):
    bad(tmp_path, "Колобок", "--text", str(ru_text), "--minutes", "3", expect="--minutes")


@pytest.mark.parametrize("minutes", ["0.1", "31"])
def test_minutes_out_of_range(tmp_path, minutes):
    bad(tmp_path, "Колобок", "--minutes", minutes, expect="writer.minutes")


def test_a_language_the_embedded_writer_does_not_write(tmp_path):
    bad(tmp_path, "Le renard", "--lang", "fr", expect="Russian and English")


@pytest.mark.parametrize("args, expect", [
    (["--lang", "xx"], "unknown language"),
    (["--aspect", "4:3"], "aspect"),
    (["--height", "1000"], "height"),
    (["--genre", "opera"], "unknown genre"),
    (["--voice", "robot"], "unknown voice backend"),
    (["--picture", "oil"], "unknown picture backend"),
    (["--until", "dinner"], "unknown stage"),
    (["--book-size", "a5"], "book.size"),
    (["--music-file", "/no/such/tune.mp3"], "not found"),
])
def test_bad_choices(tmp_path, ru_text, args, expect):
    bad(tmp_path, "Колобок", "--text", str(ru_text), *args, expect=expect)


@pytest.mark.parametrize("title", ["", "   ", "!!! ???"])
def test_empty_title(tmp_path, ru_text, title):
    bad(tmp_path, title, "--text", str(ru_text), expect="title")


def test_huge_title(tmp_path, ru_text):
    bad(tmp_path, "Колобок " * 60, "--text", str(ru_text), expect="title")


def test_config_with_a_wrong_key(tmp_path, ru_text):
    config = write(tmp_path, "c.toml", b"[video]\nheigth = 1080\n")
    bad(tmp_path, "Колобок", "--text", str(ru_text), "--config", config, expect="unknown setting 'video.heigth'")


def test_config_that_is_not_toml(tmp_path, ru_text):
    bad(tmp_path, "Колобок", "--text", str(ru_text), "--config", write(tmp_path, "c.toml", b"[video\n"), expect="TOML")


def test_music_file_that_is_not_audio(tmp_path, ru_text):
    bad(tmp_path, "Колобок", "--text", str(ru_text), "--music-file", write(tmp_path, "m.mp3", b"not music" * 100),
        expect="no audio")


def test_unwritable_output_folder(tmp_path, ru_text):
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    run = run_cli("make", "Колобок", "--text", str(ru_text), "--out", str(blocker / "out"), "--quiet")
    assert run.returncode == 2 and "cannot write to the output folder" in run.stderr
    assert len([l for l in run.stderr.splitlines() if l.strip()]) == 1


def test_unknown_espeak_voice(tmp_path, ru_text):
    bad(tmp_path, "Колобок", "--text", str(ru_text), "--voice", "espeak:no-such-voice", expect="unknown espeak-ng voice")


def test_missing_piper_model(tmp_path, en_text):
    bad(tmp_path, "Fox", "--text", str(en_text), "--lang", "en", "--voice", "piper:/no/voice.onnx", expect="piper voice not found")


def test_command_line_mistakes_are_one_line_too(tmp_path):
    run = run_cli("make", "Колобок", "--height", "tall")
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1 and "--height" in run.stderr


def test_stress_dictionary_with_a_broken_line(tmp_path, ru_text):
    broken = write(tmp_path, "stress.txt", "з+амок\nкол+об+ок\n".encode())
    bad(tmp_path, "Колобок", "--text", str(ru_text), "--stress-dict", broken, expect="stress.txt:2:")


def test_text_of_punctuation_only(tmp_path):
    bad(tmp_path, "Колобок", "--text", write(tmp_path, "p.txt", "… — !!! «» ?".encode()), expect="no words")


def test_unknown_festival_voice(tmp_path, ru_text):
    bad(tmp_path, "Колобок", "--text", str(ru_text), "--voice", "festival:kal_diphone", expect="unknown festival voice")


def test_corrupt_composer_checkpoint(tmp_path, ru_text):
    broken = write(tmp_path, "composer.pt", b"PK\x03\x04 half a zip file" * 10)
    bad(tmp_path, "Колобок", "--text", str(ru_text), expect="composer checkpoint",
        env={"DIGITALES_MUSIC__CHECKPOINT": broken})
    doctor = run_cli("doctor", env={"DIGITALES_MUSIC__CHECKPOINT": broken})
    assert doctor.returncode == 1 and "train-composer" in doctor.stdout  # it names the fix


def test_missing_soundfont(tmp_path, ru_text):
    bad(tmp_path, "Колобок", "--text", str(ru_text), expect="soundfont not found",
        env={"DIGITALES_MUSIC__SOUNDFONT": str(tmp_path / "gone.sf2")})


def test_midi_without_notes(tmp_path, ru_text):
    import pretty_midi

    pretty_midi.PrettyMIDI().write(str(tmp_path / "silence.mid"))
    bad(tmp_path, "Колобок", "--text", str(ru_text), "--music-file", str(tmp_path / "silence.mid"), expect="no notes")


def test_a_music_file_leaves_the_files_beside_it_alone(tmp_path, ru_text):
    import subprocess

    folder = tmp_path / "music"
    folder.mkdir()
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=330:duration=2", str(folder / "tune.ogg")],
                   check=True)
    (folder / "played.wav").write_bytes(b"the user's own file")
    run = run_cli("make", "Колобок", "--text", str(ru_text), "--music-file", str(folder / "tune.ogg"), "--until", "music",
                  "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 0, run.stderr
    assert (folder / "played.wav").read_bytes() == b"the user's own file"
