"""The runner: a stage starts as soon as the stages it needs are done, two at a time; one
failure stops the run cleanly and is raised once; timings, work and reports stay as they were."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from digitales import pipeline
from digitales.backend import Backend
from digitales.errors import UserError
from digitales.pipeline import GRAPH, STAGES, Checked, make_tale
from digitales.settings import load_settings
from digitales.tale import Tale

SECONDS = {"plot": 0.02, "writer": 0.02, "text": 0.02, "voice": 0.6, "picture": 0.8, "music": 0.4, "montage": 0.3,
           "book": 0.1}


class Clocked(Backend):
    """A stage that only takes time, in small steps it reports, and writes down when it ran."""

    def __init__(self, settings, stage: str, log: dict, fail: bool = False):
        super().__init__(settings)
        self.stage, self.name, self.log, self.fail = stage, f"clocked-{stage}", log, fail

    def key_settings(self) -> dict:
        return {}

    def run(self, tale: Tale, job) -> None:
        start = time.monotonic()
        self.log[self.stage] = (start, None)
        for step in range(10):
            time.sleep(SECONDS[self.stage] / 10)
            job.progress(step + 1, 10, "")
            if self.fail and step == 1:
                raise UserError(f"{self.stage} failed")
        if self.stage == "picture":
            tale.title_image = "scenes/00.png"
        self.log[self.stage] = (start, time.monotonic())


class Calls:
    """A reporter that notices when two threads are inside it at once."""

    def __init__(self):
        self.inside, self.overlapped, self.calls = 0, False, []

    def _call(self, *what):
        self.inside += 1
        self.overlapped |= self.inside > 1
        time.sleep(0.001)
        self.calls.append(what)
        self.inside -= 1

    def stage_started(self, stage, backend):
        self._call("started", stage)

    def advanced(self, stage, done, total, note):
        self._call("advanced", stage)

    def stage_finished(self, stage, seconds, made, reused):
        self._call("finished", stage)


def clocked_run(tmp_path, monkeypatch, failing: str = "", until: str | None = None):
    settings = load_settings(overrides={"out": str(tmp_path)})
    log: dict = {}
    backends = {s.name: Clocked(settings, s.name, log, fail=s.name == failing) for s in GRAPH}
    monkeypatch.setattr(pipeline, "check_inputs", lambda *a, **k: Checked("Колобок", "fairy_tale", "", backends))
    reporter = Calls()
    try:
        tale, folder = make_tale("Колобок", settings, until=until, reporter=reporter)
    except UserError as e:
        return log, reporter, e
    return log, reporter, tale


def test_voice_and_picture_run_at_once_and_every_stage_waits_for_what_it_needs(tmp_path, monkeypatch):
    log, reporter, tale = clocked_run(tmp_path, monkeypatch)
    (v0, v1), (p0, p1), (m0, m1) = log["voice"], log["picture"], log["music"]
    assert v0 < p1 and p0 < v1  # the two overlap
    assert m0 >= v1  # the bed fits the narration: music after voice
    assert log["montage"][0] >= max(v1, p1, m1)
    assert log["book"][0] >= p1
    assert log["voice"][0] >= log["text"][1] and log["picture"][0] >= log["text"][1]
    assert list(tale.timings) == [*STAGES, "cached", "total"]
    assert tale.timings["total"] < sum(tale.timings[s] for s in STAGES)  # wall time, not the stages' sum
    assert all(tale.timings[s] >= SECONDS[s] * 0.9 for s in STAGES)
    assert list(tale.backends) == list(STAGES) and tale.backends["voice"]["name"] == "clocked-voice"
    assert not reporter.overlapped
    for stage in STAGES:
        mine = [kind for kind, s in reporter.calls if s == stage]
        assert mine[0] == "started" and mine[-1] == "finished" and mine.count("advanced") == 10


def test_until_runs_that_stage_and_all_before_it(tmp_path, monkeypatch):
    log, _, tale = clocked_run(tmp_path, monkeypatch, until="picture")
    assert set(log) == {"plot", "writer", "text", "voice", "picture"}
    assert list(tale.timings) == ["plot", "writer", "text", "voice", "picture", "cached", "total"]


def test_a_failing_stage_stops_the_run_and_the_other_running_stage_is_abandoned(tmp_path, monkeypatch):
    log, reporter, error = clocked_run(tmp_path, monkeypatch, failing="voice")
    assert isinstance(error, UserError) and str(error) == "voice failed"
    assert log["picture"][1] is None  # stopped at its next report, not run to its end
    assert not {"music", "montage", "book"} & set(log)  # what waited never started
    assert not (tmp_path / "kolobok" / "manifest.json").exists()
    assert not any(t.name.startswith("stage") for t in threading.enumerate())  # no stage left running


def test_a_cancel_while_two_stages_run_stops_both():
    """The studio cancels a render with SIGTERM, which its render process turns into KeyboardInterrupt:
    the stage in the main thread is interrupted at once, the helper's stops at its next report."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGUSR1, interrupt)
    seen: list[str] = []

    def run(stage, stop):
        try:
            for _ in range(300):
                if stop.is_set():
                    seen.append(f"{stage.name} stopped")
                    return
                time.sleep(0.01)
            seen.append(f"{stage.name} ran to the end")
        except KeyboardInterrupt:
            seen.append(f"{stage.name} interrupted")
            raise

    threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGUSR1)).start()
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            pipeline.run_graph([pipeline.Stage(n, {}, needs=()) for n in ("voice", "picture")], run)
    finally:
        signal.signal(signal.SIGUSR1, before)
    assert sorted(seen) == ["picture stopped", "voice interrupted"] and time.monotonic() - started < 2.5


def test_a_failure_in_the_helper_thread_stops_the_stage_in_the_main_thread_and_is_the_error_raised(tmp_path, monkeypatch):
    log, reporter, error = clocked_run(tmp_path, monkeypatch, failing="picture")  # picture runs beside voice
    assert isinstance(error, UserError) and str(error) == "picture failed"
    assert log["voice"][1] is None, "voice stopped at its next report"
    assert not {"music", "montage", "book"} & set(log)


def test_the_studio_hears_the_progress_of_each_of_two_stages_that_report_at_once():
    from digitales.studio.jobs import _QueueReporter

    class Events:
        def __init__(self):
            self.got = []

        def put(self, *event):
            self.got.append(event)

    events = Events()
    reporter = _QueueReporter(events)
    for done in range(1, 4):  # voice and picture report in turn, faster than the throttle
        reporter.advanced("voice", done, 10, "")
        reporter.advanced("picture", done, 10, "")
    assert {e[1] for e in events.got} == {"voice", "picture"}
