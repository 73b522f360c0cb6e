"""The studio's jobs: a queue with bounded concurrency; each render in its own process.

A job is a JSON file under `<out>/.studio/jobs/`, so a page reload (or a restart of the
server) finds it again; a lock on `<out>/.studio/lock` keeps a second server off the same
jobs. Each render runs `make_tale` in a fresh interpreter (`python -m digitales.studio.jobs`),
never a copy of the server: a spawned child would inherit the server's `sys.path` as it is
at that moment, and opencv rewrites it while it imports. The render reads its job on stdin
and writes its progress to stdout as JSON lines; its stderr goes to
`<out>/.studio/logs/<job>.log`. A cancel stops that process (the pipeline's atomic writes
and cache make a stopped run safe to resume), and the render's memory (torch, models) goes
back when it ends. A render process that dies without an outcome is the server's trouble,
not the tale's: it is started again, a bounded number of times.
Inputs are checked when a job is submitted, with the CLI's own checks and messages.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from digitales.errors import UserError
from digitales.files import write_text_atomic

STATUSES = ("queued", "running", "done", "failed", "cancelled")
FINISHED = ("done", "failed", "cancelled")
RENDER_TRIES = 3  # starts of a render process per job, when it dies before it has an outcome
log = logging.getLogger("digitales.studio")


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
    read_along: bool | None = None  # each word of the subtitles lit up as it is spoken
    redraw: dict[int, int] | None = None  # {scene: times} drawn anew (the Redraw button); a job file keeps the keys as text

    def overrides(self, out: Path) -> dict[str, Any]:
        from digitales.settings import choices

        redraw = [int(scene) for scene, times in (self.redraw or {}).items() for _ in range(times)]
        return choices(genre=self.genre, lang=self.lang, seed=self.seed, out=out, aspect=self.aspect, height=self.height,
                       voice=self.voice, picture=self.picture, music=self.music, music_file=self.music_file,
                       minutes=None if self.text_file else self.minutes, read_along=self.read_along, redraw=redraw)


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
    cancelling: bool = False  # a cancel asked for while it runs: kept on disk, so a restart does not run it again

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Job":
        return cls(**{**data, "request": Request(**data["request"])})


class JobQueue:
    """Submit, watch, cancel; at most `concurrency` renders at a time, first come first served
    (two jobs for the same tale folder never run together: they share its cache).
    Renders begin with `start()`, once the server is up; `close()` stops them and leaves their
    jobs to the next start."""

    def __init__(self, out: Path, concurrency: int = 1, config: Path | None = None, profile: str | None = None):
        self.out = Path(out).expanduser().resolve()
        self.config, self.profile = config, profile
        self.folder = self.out / ".studio" / "jobs"
        self.logs = self.out / ".studio" / "logs"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.logs.mkdir(exist_ok=True)
        self._server_lock = _lock_for_one_server(self.out)
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.wake = threading.Condition(self.lock)
        self.children: dict[str, subprocess.Popen] = {}
        self.closing = False
        for path in sorted(self.folder.glob("*.json")):  # jobs from before a restart
            try:
                job = Job.from_dict(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError, KeyError) as e:  # e.g. emptied by a power cut: the others still run
                log.warning("skipped the unreadable job file %s: %s", path, e)
                continue
            if job.status == "running" and job.cancelling:
                job.status, job.finished, job.cancelling = "cancelled", time.time(), False
                self._save(job)
            elif job.status == "running":  # its process died with the old server: run it again (the cache resumes it)
                job.status, job.started, job.stages = "queued", None, {}
                self._save(job)
            self.jobs[job.id] = job
        self.workers = [threading.Thread(target=self._work, daemon=True, name=f"studio-worker-{i}") for i in range(concurrency)]

    def start(self) -> None:
        for w in self.workers:
            w.start()

    def close(self) -> None:
        """Stop the renders; their jobs stay `running` on disk, so the next start runs them again."""
        with self.lock:
            self.closing = True
            for child in self.children.values():
                child.terminate()
            self.wake.notify_all()
        os.close(self._server_lock)

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
                job.cancelling = True
                self._save(job)
                child = self.children.get(job_id)
                if child is not None:
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

    def _next(self) -> Job | None:
        with self.lock:
            while not self.closing:
                busy = {j.folder for j in self.jobs.values() if j.status == "running"}
                waiting = sorted((j for j in self.jobs.values() if j.status == "queued" and j.folder not in busy),
                                 key=lambda j: j.created)
                if waiting:
                    job = waiting[0]
                    job.status, job.started = "running", time.time()
                    self._save(job)
                    return job
                self.wake.wait(timeout=1.0)
            return None

    def _work(self) -> None:
        while (job := self._next()) is not None:
            status, error = self._render(job)
            with self.lock:
                if self.closing:  # the job stays `running` on disk: the next start runs it again
                    return
                if job.cancelling:
                    status, error = "cancelled", None
                job.status, job.error, job.cancelling, job.finished = status, error, False, time.time()
                self._save(job)
                self.wake.notify_all()

    def _render(self, job: Job) -> tuple[str, str | None]:
        """Run the job's render process until it has an outcome; start it again when it dies without one."""
        for attempt in range(1, RENDER_TRIES + 1):
            outcome, trouble = self._render_once(job)
            if outcome is not None:
                return outcome
            with self.lock:
                if job.cancelling or self.closing:
                    return "cancelled", None
            again = "starting it again" if attempt < RENDER_TRIES else "giving up"
            log.warning("job %s: %s (try %d of %d; %s)", job.id, trouble, attempt, RENDER_TRIES, again)
            if attempt < RENDER_TRIES:
                time.sleep(attempt)  # a moment for whatever got in its way
        return "failed", f"{trouble}; tried {RENDER_TRIES} times (its log: .studio/logs/{job.id}.log)"

    def _render_once(self, job: Job) -> tuple[tuple[str, str | None] | None, str]:
        """One render process: its outcome ("done" or "failed", error), or None and why it has none."""
        log_path = self.logs / f"{job.id}.log"
        with open(log_path, "ab") as log_file:
            log_start = log_file.tell()
            child = subprocess.Popen([sys.executable, "-m", "digitales.studio.jobs"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=log_file)
        with self.lock:
            self.children[job.id] = child
            if job.cancelling or self.closing:  # asked for while the process was starting
                child.terminate()
        task = {"request": asdict(job.request), "out": str(self.out), "profile": self.profile,
                "config": str(self.config) if self.config else None}
        try:
            child.stdin.write(json.dumps(task).encode() + b"\n")
            child.stdin.flush()  # and it stays open: the child stops when it closes, i.e. when this server dies
        except OSError:
            pass  # it died before it read its job: its exit code and log say why
        outcome, ready, stopped = None, False, False
        for line in child.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue  # half a line, written as it died
            if event[0] == "ready":
                ready = True
            elif event[0] in ("done", "failed"):
                outcome = (event[0], event[1] if event[0] == "failed" else None)
            elif event[0] == "stopped":
                stopped = True
            else:
                self._progress(job, event)
        child.stdin.close()
        code = child.wait()
        with self.lock:
            self.children.pop(job.id, None)
        if outcome is not None:
            return outcome, ""
        how = f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
        what = "was interrupted" if stopped else "stopped unexpectedly" if ready else "died as it started"
        last = _last_line(log_path, log_start)
        return None, f"the render process {what} ({how})" + (f": {last}" if last else "")

    def _progress(self, job: Job, event: list) -> None:
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


def _lock_for_one_server(out: Path) -> int:
    """Hold `<out>/.studio/lock` for the server's life; a second server on the same --out is refused.
    The kernel drops the lock when the process dies, however it dies."""
    fd = os.open(out / ".studio" / "lock", os.O_CREAT | os.O_RDWR, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 32).decode(errors="replace").strip() or "?"
        os.close(fd)
        raise UserError(f"another studio (pid {holder}) is already serving {out}; stop it or choose another --out") from None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def _last_line(path: Path, start: int) -> str:
    """The last line a render process wrote to its log since `start`: usually why it died."""
    with open(path, "rb") as f:
        f.seek(start)
        lines = f.read().decode(errors="replace").strip().splitlines()
    return lines[-1].strip()[:300] if lines else ""


# -- the render process ------------------------------------------------------------------------


class _Events:
    """Events to the server, one JSON line each; the pipeline may report from several threads."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream, self.lock = stream, threading.Lock()

    def put(self, *event: Any) -> None:
        with self.lock:
            try:
                self.stream.write(json.dumps(event) + "\n")
                self.stream.flush()
            except BrokenPipeError:
                pass  # the server is gone; _stop_when_the_server_is_gone stops this render


class _QueueReporter:
    """The pipeline's progress, sent to the server (at most ~5 updates a second per stage)."""

    def __init__(self, events: _Events) -> None:
        self.events, self.last = events, {}  # stage → when it last reported: stages run at once

    def stage_started(self, stage: str, backend: str) -> None:
        self.events.put("started", stage, backend)

    def advanced(self, stage: str, done: int, total: int, note: str) -> None:
        now = time.monotonic()
        if now - self.last.get(stage, 0.0) >= 0.2 or done >= total:
            self.last[stage] = now
            self.events.put("advanced", stage, done, total)

    def stage_finished(self, stage: str, seconds: float, made: int, reused: int) -> None:
        self.events.put("finished", stage, seconds, made, reused)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _stop_when_the_server_is_gone(from_server: IO[bytes], finished: threading.Event) -> None:
    from_server.read()  # returns at end of file: the server closed the pipe, or died
    if finished.is_set():  # the server closes it once the outcome is in
        return
    os.kill(os.getpid(), signal.SIGTERM)  # unwind as a cancel does
    time.sleep(30)
    os._exit(1)  # still here: something swallowed the interrupt


def _render_process() -> None:
    """`python -m digitales.studio.jobs`: one `make_tale`, its outcome sent back as
    ["done", folder], ["failed", message] or ["stopped"] (interrupted)."""
    signal.signal(signal.SIGTERM, _interrupt)  # a cancel: unwind, so ffmpeg is stopped and temp files go
    # The server's pipes, moved off fds 0 and 1 (dup'ed fds are not inherited): the tools a render starts
    # neither read the job pipe (ffmpeg reads stdin) nor write into the event stream.
    from_server = os.fdopen(os.dup(0), "rb")
    events = _Events(os.fdopen(os.dup(1), "w", encoding="utf-8"))
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(2, 1)
    finished = threading.Event()
    try:
        task = json.loads(from_server.readline())
        threading.Thread(target=_stop_when_the_server_is_gone, args=(from_server, finished), daemon=True).start()
        from digitales.pipeline import make_tale
        from digitales.settings import load_settings

        events.put("ready")  # until here a failure is the start's (the server tries again); from here, the tale's
        try:
            request = Request(**task["request"])
            settings = load_settings(Path(task["config"]) if task["config"] else None, task["profile"],
                                     request.overrides(Path(task["out"])))
            text = Path(request.text_file) if request.text_file else None
            _, folder = make_tale(request.title, settings, text, request.until, _QueueReporter(events))
            events.put("done", folder.name)
        except UserError as e:
            events.put("failed", str(e))
        except Exception as e:  # a tool failed mid-way: say which, keep it short (finished stages are kept)
            events.put("failed", f"{type(e).__name__}: {e}"[:500])
    except KeyboardInterrupt:
        events.put("stopped")
    finally:
        finished.set()


if __name__ == "__main__":
    _render_process()
