"""The studio across crashes: jobs kept on disk finish after any restart; a render process that dies
as it starts is tried again; a second server on the same output folder is refused."""

from __future__ import annotations

import json
import logging
import random

import pytest

from digitales.errors import UserError
from digitales.studio.child import StudioProcess, crash_and_restart, free_port
from digitales.studio.jobs import RENDER_TRIES, Job, JobQueue, Request
from tests.conftest import EN_SHORT, RU_SHORT, probe, run_cli

# Small, fast videos: the kills and restarts are what is tested, not the picture.
FAST = """[video]
fps = 10
preset = "ultrafast"
title_seconds = 1.0
crossfade = 0.3
"""


def fox_job(tmp_path, title: str = "The Fox") -> tuple[JobQueue, str]:
    text = tmp_path / "fox.txt"
    text.write_text(EN_SHORT, encoding="utf-8")
    queue = JobQueue(tmp_path / "out")
    job = queue.submit(Request(title=title, text_file=str(text), lang="en", until="text"))
    return queue, job.id


def dies_at_start(tmp_path, monkeypatch, times: int) -> None:
    """Render processes (fresh interpreters, they read PYTHONPATH) die at start-up the first `times` times."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(f"""import os, pathlib, sys
starts = pathlib.Path({str(tmp_path / "starts")!r})
count = len(starts.read_text()) if starts.exists() else 0
starts.write_text("x" * (count + 1))
if count < {times}:
    print("a broken start, number", count + 1, file=sys.stderr)
    sys.stderr.flush()
    os._exit(1)
""")
    monkeypatch.setenv("PYTHONPATH", str(hook))


def test_a_render_process_that_dies_as_it_starts_is_started_again_and_the_job_finishes(tmp_path, monkeypatch, caplog):
    dies_at_start(tmp_path, monkeypatch, times=RENDER_TRIES - 1)
    queue, job_id = fox_job(tmp_path)
    with caplog.at_level(logging.WARNING, logger="digitales.studio"):
        queue.start()
        job = queue.wait(job_id, timeout=300)
    queue.close()
    assert job.status == "done", job.error
    assert (tmp_path / "out" / "the-fox" / "manifest.json").is_file()
    retries = [r.getMessage() for r in caplog.records if job_id in r.getMessage()]
    assert len(retries) == RENDER_TRIES - 1, retries
    assert all("died as it started (exit code 1): a broken start, number" in m for m in retries), retries


def test_a_render_process_that_always_dies_as_it_starts_fails_the_job_with_one_line(tmp_path, monkeypatch):
    dies_at_start(tmp_path, monkeypatch, times=RENDER_TRIES)
    queue, job_id = fox_job(tmp_path)
    queue.start()
    job = queue.wait(job_id, timeout=300)
    queue.close()
    assert job.status == "failed"
    assert "died as it started" in job.error and f"tried {RENDER_TRIES} times" in job.error and "\n" not in job.error
    assert (tmp_path / "starts").read_text() == "x" * RENDER_TRIES  # and not one more


def test_a_render_process_does_not_inherit_the_servers_import_path(tmp_path, monkeypatch):
    """opencv puts its own folder, with a `typing` package in it, first on sys.path while it loads."""
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "typing.py").write_text("raise ImportError('the server import path leaked into a render')\n")
    monkeypatch.syspath_prepend(str(shadow))
    queue, job_id = fox_job(tmp_path)
    queue.start()
    job = queue.wait(job_id, timeout=300)
    queue.close()
    assert job.status == "done", job.error


def test_a_job_cancelled_as_it_ran_stays_cancelled_after_a_crash(tmp_path):
    folder = tmp_path / "out" / ".studio" / "jobs"
    folder.mkdir(parents=True)
    crashed = Job(id="c1", request=Request(title="Fox"), status="running", started=1.0, folder="fox", cancelling=True)
    (folder / "c1.json").write_text(json.dumps(crashed.to_dict()))
    queue = JobQueue(tmp_path / "out")
    assert queue.get("c1").status == "cancelled"
    assert json.loads((folder / "c1.json").read_text())["status"] == "cancelled"
    queue.close()


def test_two_queues_on_one_output_folder_are_refused(tmp_path):
    first = JobQueue(tmp_path / "out")
    with pytest.raises(UserError, match="already serving"):
        JobQueue(tmp_path / "out")
    first.close()
    JobQueue(tmp_path / "out").close()  # free again once the first is closed


def test_a_second_studio_on_the_same_output_folder_refuses_in_one_line(tmp_path):
    studio = StudioProcess(tmp_path / "out")
    try:
        second = run_cli("serve", "--out", str(tmp_path / "out"), "--port", str(free_port()), timeout=120)
    finally:
        studio.stop()
    assert second.returncode == 2
    assert second.stderr.strip().count("\n") == 0 and "another studio" in second.stderr, second.stderr


def test_every_job_finishes_though_the_studio_is_killed_at_random_moments(tmp_path):
    """Three jobs in (one runs, two wait; a fourth is cancelled), the whole studio killed mid-render, again within the
    first second of its start-up, and again while it starts or resumes; then a fifth job. All end done, with videos."""
    moments = random.Random()
    kills = [round(moments.uniform(1, 35), 2), round(moments.uniform(0, 1), 2), round(moments.uniform(1, 25), 2)]
    config = tmp_path / "fast.toml"
    config.write_text(FAST)
    texts = [RU_SHORT, EN_SHORT, RU_SHORT, EN_SHORT]
    jobs = [dict(title=f"Сказка {i}" if text == RU_SHORT else f"Tale {i}", text=text, lang="ru" if text == RU_SHORT else "en",
                 aspect="9:16", music="none") for i, text in enumerate(texts)]
    cancel = dict(title="Cancelled", text=EN_SHORT, lang="en", aspect="9:16", music="none")
    states = crash_and_restart(tmp_path / "out", jobs, kills, "--config", str(config), cancel=cancel)
    assert [s["status"] for s in states] == ["done"] * 4 + ["cancelled"], (kills, [s["error"] for s in states])
    assert not (tmp_path / "out" / "cancelled").exists()
    for state in states[:4]:
        info = probe(tmp_path / "out" / state["folder"] / "tale.mp4")
        assert float(info["format"]["duration"]) > 5, (kills, state)
        assert {s["codec_type"] for s in info["streams"]} >= {"video", "audio"}, (kills, state)
