"""Training music from music21's own corpus, public-domain parts only: Bach chorales,
O'Neill's Music of Ireland (1850), Ryan's Mammoth Collection, Aird's Airs. (The Essen
folk songs are non-commercial: never used.) Parsed once and cached as JSON: music21
takes minutes over these collections.

A piece is its notes in quarter lengths (so tempo can be chosen at training time) and
its mode (music21's key analysis).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Callable

from digitales.files import write_bytes_atomic

COLLECTIONS = ("bach", "oneills1850", "ryansMammoth", "airdsAirs")
NOT_ALLOWED = ("essenFolksong",)


def collection_paths(name: str) -> list[Path]:
    from music21 import corpus

    if name in NOT_ALLOWED or name not in COLLECTIONS:
        raise ValueError(f"collection {name} is not one we may train on: choose from {', '.join(COLLECTIONS)}")
    paths = [Path(p) for p in corpus.getPaths() if f"/corpus/{name}/" in str(p).replace("\\", "/")]
    if name == "bach":  # chorales only: the four-part harmonisations
        paths = [p for p in paths if p.suffix in {".mxl", ".xml", ".krn"} and "bwv" in p.name.lower()]
    return sorted(paths)


def piece_of(score) -> dict | None:
    """Notes [pitch, start, length, velocity] in quarter lengths, and the mode; None when empty."""
    notes = []
    for element in score.flatten().notes:
        velocity = element.volume.velocity if element.volume.velocity else (90 if element.beatStrength >= 1 else 72)
        for pitch in element.pitches:
            notes.append([pitch.midi, float(element.offset), float(element.quarterLength) or 0.25, int(velocity)])
    if len(notes) < 8:
        return None
    try:
        mode = score.analyze("key").mode
    except Exception:  # music21 raises several kinds on odd scores; such a piece has no clear key
        return None
    return {"mode": mode if mode in ("major", "minor") else "major", "notes": sorted(notes, key=lambda n: (n[1], n[0]))}


def parse_file(path: Path) -> list[dict]:
    from music21 import converter, stream

    parsed = converter.parse(str(path))
    scores = parsed.scores if isinstance(parsed, stream.Opus) else [parsed]
    return [p for p in (piece_of(s) for s in scores) if p is not None]


def load_collection(name: str, cache_dir: Path, progress: Callable[[int, int], None] = lambda done, total: None) -> list[dict]:
    """The pieces of a collection, from the cache when it is there."""
    cache = Path(cache_dir) / f"{name}.json.gz"
    if cache.exists():
        return json.loads(gzip.decompress(cache.read_bytes()))
    pieces: list[dict] = []
    paths = collection_paths(name)
    for i, path in enumerate(paths):
        try:
            pieces += parse_file(path)
        except Exception:  # a file music21 cannot read is skipped, not fatal
            pass
        progress(i + 1, len(paths))
    write_bytes_atomic(cache, gzip.compress(json.dumps(pieces).encode()))
    return pieces
