"""The studio under load: N jobs submitted at once through the API while the page is
fetched every 0.2 s. Prints how many finished, how many were lost, and how fast the
page and the status call answered meanwhile (target: the page within a second).

    .venv/bin/python benchmarks/studio.py [--jobs 20] [--full]

By default each job stops after the text stage (the queue, not the renders, is what is
measured); --full makes whole videos.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from digitales.studio.child import StudioProcess

TEXT = ("Once upon a time a small red fox lived at the edge of a dark forest.\n\n"
        "One morning she crossed the river and walked up to the castle gate.\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=20)
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args()
    studio = StudioProcess(Path(tempfile.mkdtemp(prefix="digitales-studio-bench-")) / "out")
    page_times: list[float] = []
    status_times: list[float] = []
    done = threading.Event()

    def fetch_page() -> None:
        while not done.is_set():
            t = time.perf_counter()
            urllib.request.urlopen(studio.url, timeout=30).read()
            page_times.append(time.perf_counter() - t)
            time.sleep(0.2)

    try:
        client = studio.client()
        watcher = threading.Thread(target=fetch_page, daemon=True)
        watcher.start()
        started = time.perf_counter()
        until = "" if args.full else "text"
        jobs = [client.predict(f"Fox {i}", TEXT, "fable", "en", until=until, api_name="/submit") for i in range(args.jobs)]
        submitted = time.perf_counter() - started
        states: dict[str, dict] = {}
        while len([s for s in states.values() if s["status"] in ("done", "failed", "cancelled")]) < len(jobs):
            for job in jobs:
                t = time.perf_counter()
                states[job] = client.predict(job, api_name="/status")
                status_times.append(time.perf_counter() - t)
            time.sleep(0.5)
        wall = time.perf_counter() - started
        done.set()
        watcher.join()
    finally:
        studio.stop()
    finished = sum(s["status"] == "done" for s in states.values())
    failed = sum(s["status"] == "failed" for s in states.values())

    def ms(xs: list[float], q: float) -> str:
        return f"{1000 * statistics.quantiles(xs, n=100)[int(q) - 1]:.0f}" if len(xs) > 1 else "-"

    print("| jobs | submitted in s | done | failed | lost | wall s | page fetches | page p50 ms | page p95 ms | page max ms "
          "| status p95 ms |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {len(jobs)} | {submitted:.1f} | {finished} | {failed} | {len(jobs) - finished - failed} | {wall:.0f} "
          f"| {len(page_times)} | {ms(page_times, 50)} | {ms(page_times, 95)} | {1000 * max(page_times):.0f} "
          f"| {ms(status_times, 95)} |")


if __name__ == "__main__":
    main()
