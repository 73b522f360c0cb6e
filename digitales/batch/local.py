"""The local engine: up to `jobs` tales at once, each in its own spawned process.

A process per tale, not a shared pool: a render that crashes (or is killed for memory)
takes only its own tale down, and its memory (torch, models) goes back when it ends.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any, Callable

from digitales.batch.render import Outcome, render
from digitales.batch.rows import Row

OnEvent = Callable[[int, tuple], None]
OnDone = Callable[[Outcome], None]


def run_local(rows: list[Row], jobs: int, on_event: OnEvent, on_done: OnDone) -> None:
    context = multiprocessing.get_context("spawn")  # never fork a process with threads
    children: dict[int, Any] = {}
    stop = threading.Event()

    def one(row: Row) -> None:
        if stop.is_set():
            return
        events = context.Queue()
        child = context.Process(target=_child, args=(row.number, row.title, row.settings, row.text, events),
                                daemon=True, name=f"digitales-tale-{row.number}")
        children[row.number] = child
        child.start()
        outcome: Outcome | None = None
        while outcome is None:
            try:
                event = events.get(timeout=0.5)
            except queue.Empty:
                if not child.is_alive():
                    try:  # its last words may have arrived just as it ended
                        event = events.get(timeout=1.0)
                    except queue.Empty:
                        outcome = Outcome(row.number, row.title, "failed", row.slug,
                                          reason=f"the render stopped unexpectedly (exit code {child.exitcode})")
                        continue
                else:
                    continue
            if event[0] == "outcome":
                outcome = event[1]
            else:
                on_event(row.number, event)
        child.join(timeout=10)
        if child.is_alive():
            child.kill()
        children.pop(row.number, None)
        if not stop.is_set():
            on_done(outcome)

    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="digitales-batch")
    futures = [pool.submit(one, row) for row in rows]
    try:
        for future in as_completed(futures):
            future.result()
    except BaseException:  # Ctrl-C: stop the renders (they clean up), start no more
        stop.set()
        for child in list(children.values()):
            if child.is_alive():
                child.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _child(number: int, title: str, settings: dict, text: Path | None, events) -> None:
    signal.signal(signal.SIGTERM, _interrupt)  # a stop: unwind, so ffmpeg is stopped and temp files go
    try:
        outcome = render(number, title, settings, text, events.put)
    except KeyboardInterrupt:
        outcome = Outcome(number, title, "failed", reason="interrupted")
    events.put(("outcome", outcome))
