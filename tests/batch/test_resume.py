"""A batch killed midway (the whole process group, as a crash would) resumes: finished tales
come from their cache, the half-made one carries on from its finished scenes."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from digitales.tale import Tale
from tests.conftest import CLI, run_cli
from tests.e2e.test_cache_and_resume import PARAGRAPHS, wait_for


def entries(folder: Path) -> int:
    return len([p for p in folder.glob("*") if not p.name.startswith(".")]) if folder.exists() else 0


def test_a_batch_killed_midway_resumes(tmp_path):
    text = tmp_path / "three.txt"
    text.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")  # three scenes: the voice stage has three steps
    (tmp_path / "tales.jsonl").write_text("\n".join(
        f'{{"title": "{title}", "text": "three.txt", "text.scene_min_seconds": 3, "text.scene_max_seconds": 12, '
        f'"video.aspect": "9:16", "video.fps": 10}}' for title in ("Первая", "Вторая", "Третья")), encoding="utf-8")
    args = ["batch", str(tmp_path / "tales.jsonl"), "--out", str(tmp_path / "out"), "--jobs", "1"]
    out = tmp_path / "out"
    proc = subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "200"}, start_new_session=True)
    try:
        second_voice = out / "vtoraya" / ".cache" / "voice"
        assert wait_for(lambda: entries(second_voice) >= 1, 600), "the second tale never got to its voices"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its renders, with no chance to clean up
        proc.communicate()
    voiced = entries(second_voice)
    assert (out / "pervaya" / "manifest.json").is_file()
    assert not (out / "vtoraya" / "manifest.json").exists() and not (out / "vtoraya" / "tale.mp4").exists()
    assert not (out / "tretya").exists()

    run = run_cli(*args, timeout=1800)
    assert run.returncode == 0, run.stdout + run.stderr
    first, second, third = (Tale.load(out / slug / "manifest.json") for slug in ("pervaya", "vtoraya", "tretya"))
    assert all(w["made"] == 0 for w in first.work.values()), "a finished tale comes from its cache"
    assert second.work["voice"]["reused"] >= voiced and second.work["plot"]["made"] == 0, "the half-made one resumes"
    assert third.work["montage"]["made"] == 1
    for slug in ("pervaya", "vtoraya", "tretya"):
        assert (out / slug / "tale.mp4").is_file()
        assert not list((out / slug).rglob(".*.part*")), "no half-written leftovers"
