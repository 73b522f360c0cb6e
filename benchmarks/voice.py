"""Voice backends: seconds of compute per second of speech, and how many Russian words got a
stress mark. Runs the pipeline up to the voice stage on the example tales.

    .venv/bin/python benchmarks/voice.py [--silero MODEL.pt]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from digitales.pipeline import make_tale
from digitales.settings import load_settings
from digitales.text.stress import WORD, vowel_count

ROOT = Path(__file__).resolve().parents[1]
TALES = {"ru": ("Колобок", ROOT / "examples" / "kolobok.txt"), "en": ("The Fox", ROOT / "examples" / "fox-and-castle.md")}


def stressed_share(lines) -> tuple[int, int]:
    """(marked, needing a mark): words of two or more vowels without ё."""
    words = [w for line in lines for w in WORD.findall(line.say)]
    need = [w for w in words if vowel_count(w.replace("+", "")) > 1 and "ё" not in w.lower()]
    return sum("+" in w for w in need), len(need)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--silero", help="a Silero model file (.pt) to include")
    args = parser.parse_args()
    runs = [("festival", "", "ru"), ("espeak", "", "ru"), ("piper", "", "en"), ("espeak", "", "en")]
    if args.silero:
        runs.append(("silero", args.silero, "ru"))
    print("| backend | language | speech s | compute s | compute per speech s | characters | stress marks |")
    print("|---|---|---|---|---|---|---|")
    for backend, voice, lang in runs:
        out = Path(tempfile.mkdtemp(prefix="digitales-voice-bench-"))
        try:
            title, text = TALES[lang]
            settings = load_settings(overrides={"lang": lang, "out": str(out), "voice": {"backend": backend, "voice": voice}})
            tale, _ = make_tale(title, settings, text, until="voice")
            lines = [l for s in tale.scenes for l in s.lines]
            speech = sum(l.end - l.start for l in lines)
            marked, need = stressed_share(lines)
            share = f"{marked}/{need} = {marked / need:.0%}" if lang == "ru" and need else "—"
            compute = tale.timings["voice"]
            cast = len({l.speaker for l in lines})
            print(f"| {backend} | {lang} | {speech:.1f} | {compute:.1f} | {compute / speech:.3f} | {cast} | {share} |")
        finally:
            shutil.rmtree(out, ignore_errors=True)
    print("\ncompute includes starting the engine; speech is the sum of sentence lengths (pauses excluded)")


if __name__ == "__main__":
    main()
