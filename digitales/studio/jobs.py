"""The studio's jobs: a queue with bounded concurrency; each render in its own process.

A job is a JSON file under `<out>/.studio/jobs/`, so a page reload (or a restart of the
server) finds it again. Each render runs `make_tale` in a spawned child process: a
cancel stops that process (the pipeline's atomic writes and cache make a stopped run
safe to resume), and the render's memory (torch, models) goes back when it ends.
Inputs are checked when a job is submitted, with the CLI's own checks and messages.
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import signal
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from digitales.errors import UserError
from digitales.files import write_text_atomic

STATUSES = ("queued", "running", "done", "failed", "cancelled")
FINISHED = ("done", "failed", "cancelled")


@dataclass
class Request:
    """What a user asked for: the studio form's fields (None = the default)."""

    title: str
    text_file: str | None = None  # a path the server saved the upload to
    music_file: str | None = None
    genre: str | None = None
    lang: str | None = None
    aspect: str | None = None
    height: int | None = None
    voice: str | None = None
    picture: str | None = None
    music: str | None = None
    seed: int | None = None
    minutes: float | None = None  # a tale written from the title; ignored when there is a text
    until: str | None = None  # stop after a stage (the API's; the page always makes the video)

    def overrides(self, out: Path) -> dict[str, Any]:
        from digitales.settings import choices

        return choices(genre=self.genre, lang=self.lang, seed=self.seed, out=out, aspect=self.aspect, height=self.height,
                       voice=self.voice, picture=self.picture, music=self.music, music_file=self.music_file,
                       minutes=None if self.text_file else self.minutes)


@dataclass
class Job:
    id: str
    request: Request
    status: str = "queued"
    created: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None
    stages: dict[str, dict] = field(default_factory=dict)  # stage -> {backend, done, total, seconds, state}
    folder: str | None = None  # the tale's folder, relative to the output root
    error: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Job":
        return cls(**{**data, "request": Request(**data["request"])})


class JobQueue:
    """Submit, watch, cancel; at most `concurrency` renders at a time, first come first served
    (two jobs for the same tale folder never run together: they share its cache)."""

    def __init__(self, out: Path, concurrency: int = 1, config: Path | None = None, profile: str | None = None):
        self.out = Path(out).expanduser().resolve()
        self.config, self.profile = config, profile
        self.folder = self.out / ".studio" / "jobs"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.wake = threading.Condition(self.lock)
        self.children: dict[str, multiprocessing.Process] = {}
        self.cancelled: set[str] = set()
        for path in sorted(self.folder.glob("*.json")):  # jobs from before a restart
            job = Job.from_dict(json.loads(path.read_text(encoding="utf-8")))
            if job.status == "running":  # its process died with the old server: run it again (the cache resumes it)
                job.status, job.started = "queued", None
            self.jobs[job.id] = job
        self.workers = [threading.Thread(target=self._work, daemon=True, name=f"studio-worker-{i}") for i in range(concurrency)]
        for w in self.workers:
            w.start()

    # -- what the page and the API call --------------------------------------------------

    def settings_for(self, request: Request):
        from digitales.settings import load_settings

        return load_settings(self.config, self.profile, request.overrides(self.out))

    def submit(self, request: Request) -> Job:
        """Check the inputs as `digitales make` would (UserError with its message), then queue."""
        from digitales.pipeline import check_inputs, slugify

        settings = self.settings_for(request)
        checked = check_inputs(request.title, settings, Path(request.text_file) if request.text_file else None, request.until)
        job = Job(id=uuid.uuid4().hex[:12], request=request, folder=slugify(checked.title))
        with self.lock:
            self.jobs[job.id] = job
            self._save(job)
            self.wake.notify_all()
        return job

    def get(self, job_id: str) -> Job:
        with self.lock:
            if job_id not in self.jobs:
                raise UserError(f"no job {job_id!r}")
            return Job.from_dict(self.jobs[job_id].to_dict())  # a copy: the worker keeps changing the original

    def list(self) -> list[Job]:
        with self.lock:
            return sorted((Job.from_dict(j.to_dict()) for j in self.jobs.values()), key=lambda j: j.created)

    def cancel(self, job_id: str) -> Job:
        with self.lock:
            job = self.jobs.get(job_id)
            if job is None:
                raise UserError(f"no job {job_id!r}")
            if job.status == "queued":
                job.status, job.finished = "cancelled", time.time()
                self._save(job)
            elif job.status == "running":
                self.cancelled.add(job_id)
                child = self.children.get(job_id)
                if child is not None and child.pid is not None:
                    child.terminate()  # SIGTERM: the child turns it into KeyboardInterrupt and cleans up
        return self.get(job_id)

    def wait(self, job_id: str, timeout: float = 600) -> Job:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(job_id)
            if job.status in FINISHED:
                return job
            time.sleep(0.2)
        raise TimeoutError(f"job {job_id} did not finish in {timeout} s")

    # -- the workers ------------------------------------------------------------------------

    def _next(self) -> Job:
        with self.lock:
            while True:
                busy = {j.folder for j in self.jobs.values() if j.status == "running"}
                waiting = sorted((j for j in self.jobs.values() if j.status == "queued" and j.folder not in busy),
                                 key=lambda j: j.created)
                if waiting:
                    job = waiting[0]
                    job.status, job.started = "running", time.time()
                    self._save(job)
                    return job
                self.wake.wait(timeout=1.0)

    def _work(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a threaded server
        while True:
            job = self._next()
            events = context.Queue()
            child = context.Process(target=_render, args=(job.request, self.out, self.config, self.profile, events),
                                    daemon=True, name=f"digitales-job-{job.id}")
            with self.lock:
                self.children[job.id] = child
            child.start()
            outcome: tuple | None = None
            while outcome is None:
                try:
                    event = events.get(timeout=0.5)
                except queue.Empty:
                    if not child.is_alive():
                        outcome = ("failed", f"the render stopped unexpectedly (exit code {child.exitcode})")
                    continue
                if event[0] in ("done", "failed"):
                    outcome = event
                else:
                    self._progress(job, event)
            child.join(timeout=10)
            if child.is_alive():
                child.kill()
            with self.lock:
                self.children.pop(job.id, None)
                if job.id in self.cancelled:
                    job.status, job.error = "cancelled", None
                    self.cancelled.discard(job.id)
                else:
                    job.status = outcome[0]
                    job.error = outcome[1] if outcome[0] == "failed" else None
                job.finished = time.time()
                self._save(job)
                self.wake.notify_all()

    def _progress(self, job: Job, event: tuple) -> None:
        kind, stage, *rest = event
        with self.lock:
            entry = job.stages.setdefault(stage, {"backend": "", "done": 0, "total": 0, "seconds": None, "state": "running"})
            if kind == "started":
                entry["backend"] = rest[0]
            elif kind == "advanced":
                entry["done"], entry["total"] = rest[0], rest[1]
            elif kind == "finished":
                entry["seconds"], entry["state"] = rest[0], "cached" if rest[1] == 0 and rest[2] else "done"
            self._save(job)

    def _save(self, job: Job) -> None:
        write_text_atomic(self.folder / f"{job.id}.json", json.dumps(job.to_dict(), ensure_ascii=False) + "\n")


class _QueueReporter:
    """The pipeline's progress, sent to the server (at most ~5 updates a second per stage)."""

    def __init__(self, events) -> None:
        self.events, self.last = events, 0.0

    def stage_started(self, stage: str, backend: str) -> None:
        self.events.put(("started", stage, backend))

    def advanced(self, stage: str, done: int, total: int, note: str) -> None:
        now = time.monotonic()
        if now - self.last >= 0.2 or done >= total:
            self.last = now
            self.events.put(("advanced", stage, done, total))

    def stage_finished(self, stage: str, seconds: float, made: int, reused: int) -> None:
        self.events.put(("finished", stage, seconds, made, reused))


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _render(request: Request, out: Path, config: Path | None, profile: str | None, events) -> None:
    """The child process: one `make_tale`, its outcome sent back as ("done", folder) or ("failed", message)."""
    signal.signal(signal.SIGTERM, _interrupt)  # a cancel: unwind, so ffmpeg is stopped and temp files go
    from digitales.pipeline import make_tale
    from digitales.settings import load_settings

    try:
        settings = load_settings(config, profile, request.overrides(out))
        text = Path(request.text_file) if request.text_file else None
        _, folder = make_tale(request.title, settings, text, request.until, _QueueReporter(events))
        events.put(("done", folder.name))
    except UserError as e:
        events.put(("failed", str(e)))
    except KeyboardInterrupt:
        events.put(("failed", "cancelled"))
    except Exception as e:  # a tool failed mid-way: say which, keep it short (finished stages are kept)
        events.put(("failed", f"{type(e).__name__}: {e}"[:500]))
