"""One tale of a batch, rendered where a worker runs it (a local child process or a Ray task)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from digitales.errors import UserError

TALE_MEMORY = 1 << 30  # one render at 720p peaks near 0.8 GB (benchmarks/render.py): the budget per tale
Send = Callable[[tuple], None]  # ("started", stage, backend) | ("advanced", stage, done, total) | ("finished", stage, seconds, made, reused)


@dataclass
class Outcome:
    """How one row ended: status done (made now), cached (nothing to redo), failed or bad input."""

    number: int
    title: str
    status: str
    folder: str = ""
    duration: float = 0.0  # seconds of tale
    seconds: float = 0.0  # wall time of the render
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status in ("done", "cached")


class EventReporter:
    """The pipeline's progress as plain tuples (at most ~5 updates a second per stage)."""

    def __init__(self, send: Send) -> None:
        self.send, self.last = send, 0.0

    def stage_started(self, stage: str, backend: str) -> None:
        self.send(("started", stage, backend))

    def advanced(self, stage: str, done: int, total: int, note: str) -> None:
        now = time.monotonic()
        if now - self.last >= 0.2 or done >= total:
            self.last = now
            self.send(("advanced", stage, done, total))

    def stage_finished(self, stage: str, seconds: float, made: int, reused: int) -> None:
        self.send(("finished", stage, seconds, made, reused))


def render(number: int, title: str, settings: dict[str, Any], text: Path | None, send: Send,
           out: Path | None = None) -> Outcome:
    """Make one tale with `settings` (a Settings dump), into `out` if given, else settings' own out."""
    from digitales.pipeline import make_tale
    from digitales.settings import load_settings

    started = time.perf_counter()
    outcome = Outcome(number, title, "failed")
    try:
        chosen = load_settings(None, None, {**settings, "out": str(out)} if out is not None else settings)
        tale, folder = make_tale(title, chosen, text, None, EventReporter(send))
        made = sum(w["made"] for w in tale.work.values())
        outcome.status, outcome.folder, outcome.duration = ("cached" if made == 0 else "done"), folder.name, tale.duration
    except UserError as e:
        outcome.status, outcome.reason = "bad input", str(e)
    except Exception as e:  # a tool failed mid-way (ffmpeg, festival): one line; finished stages are kept
        outcome.reason = " ".join(f"{type(e).__name__}: {e}".split())[:300]
    outcome.seconds = round(time.perf_counter() - started, 1)
    return outcome
