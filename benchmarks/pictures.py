"""The collage: seconds per picture at 1080p, 2160p and 8192², and over 100 Russian and 100
English scenes (written from the benchmark titles by the planner and the embedded writer)
how many pictures show at least one noun of their text, and whether the main characters a
scene names are in its pictures.

    .venv/bin/python benchmarks/pictures.py [--scenes 100] [--repeat 5]

Targets: ≤ 0.5 s per picture at 1080p; ≥ 90% of pictures show a noun of their text; the
main characters named in a scene are drawn in it (100%).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from writer import TITLES, planned  # noqa: E402  (benchmarks/writer.py: the same 20 titles per language)

from digitales.picture.collage import Looks, plan_shots, render_shot  # noqa: E402
from digitales.picture.matching import match, nouns  # noqa: E402
from digitales.plot.genres import GENRES  # noqa: E402
from digitales.tale import Line  # noqa: E402
from digitales.text.sentences import split_sentences  # noqa: E402
from digitales.writer.embedded import EmbeddedWriter  # noqa: E402

SIZES = {"1080p": (1920, 1080), "1080p + zoom room": (2150, 1210), "2160p": (3840, 2160), "8192²": (8192, 8192)}


def written_scenes(lang: str, count: int):
    """(tale, scene) pairs from tales written by the embedded writer, a genre per title in turn."""
    from digitales.backend import Job
    from digitales.cache import StageCache
    from digitales.settings import load_settings
    import tempfile

    settings = load_settings(None, None, {"lang": lang})
    scratch = Path(tempfile.mkdtemp(prefix="digitales-pictures-bench-"))
    out = []
    for title, genre in zip(itertools.cycle(TITLES[lang]), itertools.cycle(list(GENRES)[::-1])):
        tale = planned(title, genre, lang, 1.0)
        EmbeddedWriter(settings).run(tale, Job(scratch, settings, StageCache(scratch / ".cache", "writer", {"b": 1})))
        for scene in tale.scenes:
            scene.lines = [Line(s) for p in scene.text.split("\n\n") for s in split_sentences(p)]
            out.append((tale, scene))
        if len(out) >= count:
            return out[:count]


def coverage(lang: str, count: int) -> dict:
    shown, named_drawn, named_total, pictures, hows = 0, 0, 0, 0, collections.Counter()
    looks_of = {}
    for tale, scene in written_scenes(lang, count):
        looks = looks_of.setdefault(id(tale), Looks(tale))
        shots = plan_shots(scene, lang, looks, "field")
        for shot in shots:
            pictures += 1
            said = {n.word.lower() for n in nouns(shot.text, lang, frozenset(looks.names))}
            shown += bool(said & {w.lower() for w in shot.shows})
        for n in nouns(scene.text, lang, frozenset(looks.names)):
            m = match(n, lang)
            hows[m.how if m else "none"] += 1
        drawn = {f.key for shot in shots for f in shot.figures if f.character}
        for c in tale.characters:
            if c.role in ("hero", "antagonist") and _named(c.name, scene.text, lang, looks):
                named_total += 1
                named_drawn += looks.speaker(c.name).key in drawn if looks.speaker(c.name) else 0
    total = sum(hows.values())
    return {"lang": lang, "scenes": count, "pictures": pictures,
            "show a noun of their text": f"{100 * shown / pictures:.0f}%",
            "named main characters drawn": f"{100 * named_drawn / max(1, named_total):.0f}% of {named_total}",
            "nouns matched by kind / lexicon / name / meaning / none":
                " / ".join(f"{100 * hows[h] / total:.0f}%" for h in ("kind", "lexicon", "name", "meaning", "none"))}


def _named(name: str, text: str, lang: str, looks: Looks) -> bool:
    key = looks.speaker(name).key if looks.speaker(name) else name
    lemmas = {n.lemma for n in nouns(text, lang, frozenset(looks.names))} | {w.lower() for w in re.findall(r"[\w-]+", text)}
    return any(lemma in lemmas and looks.names[lemma] == key for lemma in looks.names)


def speed(repeat: int) -> list[dict]:
    tale, scene = written_scenes("ru", 3)[2]
    looks = Looks(tale)
    shot = plan_shots(scene, "ru", looks, "forest")[0]
    rows = []
    for label, size in SIZES.items():
        times = []
        for i in range(repeat if size[0] < 8000 else 2):
            started = time.perf_counter()
            render_shot(shot, size, scene.mood, scene.time_of_day, i)
            times.append(time.perf_counter() - started)
        rows.append({"size": f"{label} ({size[0]}×{size[1]})", "first picture, s": f"{times[0]:.2f}",
                     "next pictures, s (mean)": f"{statistics.mean(times[1:]):.2f}",
                     "figures": len(shot.figures)})
    return rows


def table(rows: list[dict]) -> None:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r.get(k, "")) for k in keys) + " |")
    print()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenes", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    table(speed(args.repeat))
    table([coverage(lang, args.scenes) for lang in ("ru", "en")])


if __name__ == "__main__":
    main()
