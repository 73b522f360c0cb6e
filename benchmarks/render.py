"""Render a fixed one-minute Russian text at 720p and 1080p; print seconds per stage, total,
peak memory of the whole process tree, and the floor: ffmpeg alone encoding the same frames
and sound with the same settings (frames read from a raw file instead of the pipe); and the
seconds to make the frames with the figures acted out and as stills.

    .venv/bin/python benchmarks/render.py [--heights 720 1080]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from digitales.montage import subtitles
from digitales.montage.encode import encode_command
from digitales.montage.mix import narration_track, render_mix
from digitales.montage.video import frame_maker
from digitales.picture import fonts
from digitales.pipeline import STAGES
from digitales.settings import load_settings
from digitales.tale import Tale

HERE = Path(__file__).resolve().parent
TEXT = HERE / "one_minute_ru.txt"


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(l.split()[1]) * 1024 for l in f if l.startswith("VmRSS:"))
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, StopIteration):
            continue
    return total


def render(height: int, out: Path) -> tuple[Tale, float, int]:
    cmd = [sys.executable, "-m", "digitales.cli", "make", "Колобок", "--text", str(TEXT), "--lang", "ru",
           "--height", str(height), "--out", str(out), "--quiet"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"render failed: {err}")
    return Tale.load(out / "kolobok" / "manifest.json"), wall, peak


def frame_seconds(tale: Tale, folder: Path, v, acted: bool, sink) -> float:
    """Seconds to make every frame: with the figures acted out (puppets), or as stills."""
    frames = frame_maker(tale, folder, v)
    if not acted:
        for shot in frames.shots:
            shot.puppets = None
    started = time.perf_counter()
    for n in range(frames.frames):
        sink(frames.frame(n))
    return time.perf_counter() - started


def floor(tale: Tale, folder: Path, height: int) -> tuple[float, float, float]:
    """ffmpeg alone: the same frames (from a raw file), sound, subtitles and encoder settings;
    with the seconds to make the frames acted and as stills."""
    settings = load_settings(overrides={"video": {"height": height}})
    v = settings.video
    work = Path(tempfile.mkdtemp(prefix="digitales-floor-"))
    try:
        with open(work / "frames.yuv", "wb") as f:
            acted = frame_seconds(tale, folder, v, True, f.write)
        stills = frame_seconds(tale, folder, v, False, lambda frame: None)
        narration_track(tale, folder, work / "narration.wav")
        render_mix(work / "narration.wav", None, work / "sound.wav", v.loudness, v.true_peak, v.duck_db)
        cues = subtitles.cues(tale)
        (work / "burn.ass").write_text(subtitles.to_ass(cues, v.size, fonts.font_family("subtitle")), encoding="utf-8")
        cmd = encode_command(str(work / "frames.yuv"), v.size, v.fps, work / "sound.wav", folder / "subtitles.srt",
                             work / "burn.ass", work / "floor.mp4", preset=v.preset, crf=v.crf, title=tale.title, lang="ru")
        started = time.perf_counter()
        subprocess.run(cmd, check=True)
        return time.perf_counter() - started, acted, stills
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--heights", type=int, nargs="+", default=[720, 1080])
    args = parser.parse_args()
    rows = []
    for height in args.heights:
        out = Path(tempfile.mkdtemp(prefix="digitales-bench-"))
        try:
            tale, wall, peak = render(height, out)
            rows.append((height, tale, wall, peak, floor(tale, out / "kolobok", height)))
        finally:
            shutil.rmtree(out, ignore_errors=True)
    narration = sum(s.duration for s in rows[0][1].scenes)
    print(f"one-minute Russian text: {narration:.1f} s of narration + {rows[0][1].title_card:.1f} s title card, "
          f"{len(rows[0][1].scenes)} scenes, {os.cpu_count()} CPUs\n")
    head = ["height", *STAGES, "stages' sum", "stages (wall)", "wall (with start-up)", "peak memory", "ffmpeg floor",
            "montage / floor",
            "frames acted", "frames as stills"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for height, tale, wall, peak, (floor_s, acted, stills) in rows:
        cells = [f"{height}p", *(f"{tale.timings[s]:.1f}" for s in STAGES), f"{sum(tale.timings[s] for s in STAGES):.1f}",
                 f"{tale.timings['total']:.1f}",
                 f"{wall:.1f}", f"{peak / 2**20:.0f} MiB", f"{floor_s:.1f}", f"{tale.timings['montage'] / floor_s:.2f}×",
                 f"{acted:.1f}", f"{stills:.1f}"]
        print("| " + " | ".join(cells) + " |")
    print("\nseconds; targets: whole 1080p video ≤ 60 s, montage ≤ 1.5× the floor; stages (wall) is less than their sum\n"
          "as voice, picture and music overlap; the last two columns: making every frame in Python with the figures\n"
          "acted out (puppets) and as stills, the puppets' cost")


if __name__ == "__main__":
    main()
