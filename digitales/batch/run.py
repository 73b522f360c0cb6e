"""A batch from rows to outcomes: bad rows reported, good ones given to an engine."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from digitales.batch.render import TALE_MEMORY, Outcome
from digitales.batch.rows import Row


def default_jobs() -> int:
    """Tales at once that this machine holds: one per core, as many as the free memory allows."""
    import psutil

    cores = len(os.sched_getaffinity(0))
    fits = psutil.virtual_memory().available // int(1.5 * TALE_MEMORY)  # headroom for the rest of the machine
    return max(1, min(cores, fits))


def run_batch(rows: list[Row], out: Path, engine: str = "local", jobs: int | None = None, address: str | None = None,
              files: str = "auto", on_event: Callable[[int, tuple], None] = lambda number, event: None,
              on_done: Callable[[Outcome], None] = lambda outcome: None) -> list[Outcome]:
    """Render the good rows; return every row's outcome in the file's order (bad rows as "bad input")."""
    outcomes: dict[int, Outcome] = {}

    def done(outcome: Outcome) -> None:
        outcomes[outcome.number] = outcome
        on_done(outcome)

    for row in rows:
        if row.problem is not None:
            done(Outcome(row.number, row.label, "bad input", row.slug, reason=row.problem))
    good = [row for row in rows if row.problem is None]
    if good and engine == "ray":
        from digitales.batch.cluster import run_ray

        run_ray(good, jobs, address, files, out, on_event, done)
    elif good:
        from digitales.batch.local import run_local

        run_local(good, jobs or default_jobs(), on_event, done)
    return [outcomes[row.number] for row in rows if row.number in outcomes]


def exit_status(outcomes: list[Outcome]) -> int:
    """0 when every tale was made; 2 when a row was bad input; 1 when a render failed."""
    if any(o.status == "bad input" for o in outcomes):
        return 2
    return 1 if any(not o.ok for o in outcomes) else 0
