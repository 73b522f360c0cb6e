"""Re-running does no work; an edited scene redoes only itself; a killed run resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from digitales.pipeline import STAGES
from digitales.tale import Tale
from tests.conftest import CLI, ROOT, run_cli

PARAGRAPHS = [
    "Жили-были старик со старухой. Старуха испекла колобок и положила его на окошко.",
    "Колобок полежал-полежал да и покатился по дорожке. Навстречу ему заяц.",
    "Колобок спел зайцу песенку и укатился дальше. Навстречу ему волк.",
]


def make(tmp_path: Path, text: Path) -> Tale:
    config = tmp_path / "scenes.toml"
    config.write_text("[text]\nscene_min_seconds = 3\nscene_max_seconds = 12\n", encoding="utf-8")
    run = run_cli("make", "Колобок", "--text", str(text), "--config", str(config), "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 0, run.stderr
    return Tale.load(tmp_path / "out" / "kolobok" / "manifest.json")


def test_second_run_does_no_work_and_an_edit_redoes_one_scene(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    first = make(tmp_path, text)
    assert len(first.scenes) == 3
    video = tmp_path / "out" / "kolobok" / "tale.mp4"
    mtime = video.stat().st_mtime_ns

    again = make(tmp_path, text)
    assert again.timings["cached"] == list(STAGES)
    assert all(w["made"] == 0 for w in again.work.values())

    edited = PARAGRAPHS[:]
    edited[1] = edited[1].replace("дорожке", "тропинке")  # in the card's key sentence too
    text.write_text("\n\n".join(edited), encoding="utf-8")
    third = make(tmp_path, text)
    assert len(third.scenes) == 3
    assert third.work["voice"] == {"made": 1, "reused": 2}
    assert third.work["picture"] == {"made": 1, "reused": 3}  # the title card is the fourth picture
    assert third.work["text"] == {"made": 1, "reused": 2}
    assert third.work["montage"]["made"] == 1
    assert "тропинке" in third.scenes[1].text and video.stat().st_mtime_ns != mtime


def wait_for(predicate, timeout: float) -> bool:
    end = time.time() + timeout
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "200"})


def kolobok(tmp_path: Path) -> tuple[list[str], Path]:
    """The command for the full example tale, and the folder it writes."""
    text = ROOT / "examples" / "kolobok.txt"
    return ["make", "Колобок", "--text", str(text), "--out", str(tmp_path / "out"), "--quiet"], tmp_path / "out" / "kolobok"


def test_a_run_killed_mid_way_resumes_without_redoing_finished_work(tmp_path):
    args, folder = kolobok(tmp_path)
    voice = folder / ".cache" / "voice"
    proc = start(args)
    done_scenes = lambda: len([p for p in voice.glob("*") if not p.name.startswith(".")]) if voice.exists() else 0
    assert wait_for(lambda: done_scenes() >= 3, 120), "voice stage never got going"
    proc.send_signal(signal.SIGKILL)  # no chance to clean up
    proc.wait()
    finished = done_scenes()
    assert not (folder / "tale.mp4").exists() and not (folder / "manifest.json").exists()

    run = run_cli(*args)
    assert run.returncode == 0, run.stderr
    tale = Tale.load(folder / "manifest.json")
    assert tale.work["voice"]["reused"] >= finished and tale.work["voice"]["made"] == len(tale.scenes) - tale.work["voice"]["reused"]
    assert (folder / "tale.mp4").is_file()
    assert not list(folder.rglob(".*.part*")), "no half-written leftovers"


def test_ctrl_c_during_the_video_stops_cleanly_and_resumes(tmp_path):
    args, folder = kolobok(tmp_path)
    montage = folder / ".cache" / "montage"
    proc = start(args)
    assert wait_for(lambda: montage.exists() and any(montage.glob(".*")), 300), "montage never started"
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "resume" in err and "Traceback" not in err
    assert not (folder / "tale.mp4").exists()

    run = run_cli(*args)
    assert run.returncode == 0, run.stderr
    tale = Tale.load(folder / "manifest.json")
    assert tale.work["voice"]["made"] == 0 and tale.work["picture"]["made"] == 0
    assert tale.work["montage"]["made"] == 1


def test_until_stops_after_a_stage(tmp_path, ru_text):
    run = run_cli("make", "Колобок", "--text", str(ru_text), "--until", "text", "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "out" / "kolobok"
    tale = Tale.load(folder / "manifest.json")
    assert list(tale.timings) == ["plot", "writer", "text", "cached", "total"]
    assert tale.scenes and tale.scenes[0].lines and not tale.scenes[0].audio
    assert not (folder / "tale.mp4").exists()


def test_a_second_run_on_the_same_folder_is_refused_while_the_first_works(tmp_path, ru_text):
    from digitales.cache import TaleLock

    with TaleLock(tmp_path / "out" / "kolobok" / ".cache"):
        run = run_cli("make", "Колобок", "--text", str(ru_text), "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 2 and "another digitales run" in run.stderr
