"""The studio killed at random moments. Each round: three jobs submitted (one runs, two wait)
and a fourth cancelled while it waits; the whole studio killed with SIGKILL one to three times
(first mid-render, then at a random moment in the first 40 s after each restart, a third of them
within the first second of start-up); then a fifth job submitted and all waited for. Prints a row
per round: the kill moments, how many of the four jobs ended done with a video ffprobe reads, how
many failed or were lost, and whether the cancelled one stayed cancelled.

    .venv/bin/python benchmarks/restart.py [--rounds 10] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import tempfile
import time
from pathlib import Path

from digitales.studio.child import crash_and_restart

RU = ("Жили-были старик со старухой. Старуха испекла колобок и положила его на окошко.\n\n"
      "Колобок полежал-полежал да и покатился по дорожке. Навстречу ему заяц.\n")
EN = ("Once upon a time a small red fox lived at the edge of a dark forest.\n\n"
      "One morning she crossed the river and walked up to the castle gate.\n")
FAST = '[video]\nfps = 10\npreset = "ultrafast"\ntitle_seconds = 1.0\ncrossfade = 0.3\n'  # small videos: the restarts are measured


def plays(video: Path) -> bool:
    """ffprobe reads it, with a video and an audio stream (and the soft subtitles)."""
    run = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", str(video)],
                         capture_output=True, text=True)
    return run.returncode == 0 and {s["codec_type"] for s in json.loads(run.stdout)["streams"]} >= {"video", "audio"}


def kill_moments(rng: random.Random) -> list[float]:
    later = [rng.uniform(0, 1) if rng.random() < 1 / 3 else rng.uniform(1, 40) for _ in range(rng.randint(0, 2))]
    return [round(m, 2) for m in [rng.uniform(1, 35), *later]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print(f"seed {seed}\n")
    print("| round | kills (s) | done with video | failed | lost | cancelled kept | minutes |")
    print("|---|---|---|---|---|---|---|")
    totals = [0, 0, 0]
    for n in range(1, args.rounds + 1):
        root = Path(tempfile.mkdtemp(prefix="digitales-restart-"))
        (root / "fast.toml").write_text(FAST)
        jobs = [dict(title=f"Tale {n}-{i}", text=text, lang=lang, aspect="9:16", music="none")
                for i, (text, lang) in enumerate([(RU, "ru"), (EN, "en"), (RU, "ru"), (EN, "en")])]
        cancel = dict(title="Cancelled", text=EN, lang="en", aspect="9:16", music="none")
        kills = kill_moments(rng)
        started = time.monotonic()
        states = crash_and_restart(root / "out", jobs, kills, "--config", str(root / "fast.toml"), cancel=cancel)
        done = sum(s["status"] == "done" and plays(root / "out" / s["folder"] / "tale.mp4") for s in states[:4])
        failed = [s["error"] for s in states[:4] if s["status"] == "failed"]
        kept = states[4]["status"] == "cancelled" and not (root / "out" / "cancelled").exists()
        totals = [totals[0] + done, totals[1] + len(failed), totals[2] + 4]
        print(f"| {n} | {', '.join(map(str, kills))} | {done}/4 | {len(failed)} | {4 - done - len(failed)} | "
              f"{'yes' if kept else 'NO'} | {(time.monotonic() - started) / 60:.1f} |", flush=True)
        for error in failed:
            print(f"|  | failed: {error} |||||", flush=True)
        print(f"<!-- round {n}: {root} -->", flush=True)
    print(f"\n{totals[0]} of {totals[2]} jobs done with a video, {totals[1]} failed, in {args.rounds} rounds (seed {seed})")


if __name__ == "__main__":
    main()
