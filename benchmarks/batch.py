"""Eight one-minute tales through `digitales batch`: --jobs 1, --jobs 2 and a local Ray.
Prints wall time, tales per hour and peak memory (the whole process tree) for each.

    .venv/bin/python benchmarks/batch.py [--tales 8] [--runs jobs1 jobs2 ray] [--height 720]

Every run starts from an empty output folder: nothing comes from a cache.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
TEXT = HERE / "one_minute_ru.txt"
RUNS = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"], "ray": ["--engine", "ray", "--jobs", "2"]}


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:  # it ended between the listing and the reading
            continue
    return total


def run(name: str, batch: Path, out: Path) -> tuple[float, int, str]:
    cmd = [sys.executable, "-m", "digitales.cli", "batch", str(batch), "--out", str(out), "--quiet", *RUNS[name]]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        watched = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                peak = max(peak, tree_rss(watched))
            except psutil.Error:
                return
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"{name} failed ({proc.returncode}):\n{stdout[-2000:]}{stderr[-2000:]}")
    return seconds, peak, stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tales", type=int, default=8)
    parser.add_argument("--runs", nargs="+", choices=list(RUNS), default=list(RUNS))
    parser.add_argument("--height", type=int, default=720)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="digitales-bench-batch-"))
    try:
        batch = work / "tales.csv"
        rows = [f"Сказка {i + 1},ru,{TEXT},{args.height}" for i in range(args.tales)]
        batch.write_text("title,lang,text,video.height\n" + "\n".join(rows) + "\n", encoding="utf-8")
        print(f"{args.tales} tales of {TEXT.name} at {args.height}p, {psutil.cpu_count()} cores, "
              f"{psutil.virtual_memory().total / 2**30:.0f} GB")
        print(f"{'run':<8} {'wall s':>8} {'tales/hour':>11} {'peak MB':>9}")
        for name in args.runs:
            seconds, peak, _ = run(name, batch, work / name)
            print(f"{name:<8} {seconds:>8.1f} {args.tales * 3600 / seconds:>11.1f} {peak / 2**20:>9.0f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
