"""A picture's layers, kept beside it for the montage to act out (montage/puppets.py): the
background, and each figure's RGBA sprite with where it stands, who it is and its stage
directions (the lines it speaks, how it moves). One file, written by the collage and read by
the montage, so its format is told here only.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from digitales.files import place

SUFFIX = ".layers.npz"  # scenes/03.png → scenes/03.layers.npz


def path_of(picture: Path) -> Path:
    return picture.with_suffix(SUFFIX)


def save(path: Path, background: np.ndarray, figures: list[tuple[np.ndarray, dict]]) -> None:
    """`background` RGB; `figures` in drawing order, each an RGBA sprite and its part: key, x, y
    (its top left in the picture), row, character, speaking, lines, moves, moves_at, enters, leaves."""
    arrays = {f"figure{i}": sprite for i, (sprite, _) in enumerate(figures)}
    meta = json.dumps([part for _, part in figures], ensure_ascii=False)
    with open(path, "wb") as f:
        np.savez_compressed(f, background=background, meta=np.array(meta), **arrays)


def load(path: Path) -> tuple[np.ndarray, list[tuple[np.ndarray, dict]]]:
    with np.load(path) as data:
        meta = json.loads(str(data["meta"]))
        return data["background"], [(data[f"figure{i}"], part) for i, part in enumerate(meta)]


def put_beside(picture: Path, source: Path | None) -> None:
    """Put a picture's layers beside it, or, for a picture drawn without layers, take away any an
    earlier run left there (the montage would act out an old picture)."""
    if source:
        place(source, path_of(picture))
    else:
        path_of(picture).unlink(missing_ok=True)
