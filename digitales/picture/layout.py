"""Where each figure of a collage goes: feet on the ground, far things smaller, no character
hiding another, the one who speaks in front.

Rules, each tested in tests/picture/test_layout.py:
- ground contact: the lowest drawn pixel of a standing figure (its visible outline, not
  its box) sits on its row's baseline;
- depth: the back row is `BACK_SCALE` of the front row's size and higher up the frame;
- the characters that matter stand side by side on the front row and never overlap:
  when they do not fit, all of them are drawn smaller (the same factor for all, so sizes
  keep their proportions), and only past a limit do the extra ones drop out;
- the speaker is drawn last, so nothing is in front of them;
- props stand on the back row behind the characters, or in the sky;
- nothing is drawn below `floor` (the subtitles' band, subtitle_band.py): the rows move up
  to stand above it, the back row lifted in proportion so it stays behind the front.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
from PIL import Image

from digitales.picture import clipart
from digitales.picture.scenery import Ground

PERSON_HEIGHT = 0.4  # a grown-up on the front row is this share of the frame's height
MARGIN = 0.04  # of the width, kept free at each side
MIN_FIT = 0.55  # characters are never drawn smaller than this to fit; past it, the least needed drop out
MAX_CHARACTERS = 5
SKY_SIZE = 0.11  # of the frame's height: a bird, a star, the moon
SHADOW_ROOM = 0.02  # of the height, kept between the feet and the floor for the contact shadow


@dataclass(frozen=True)
class Figure:
    key: str  # who or what: a character's name, a noun's lemma
    asset: str
    size: float  # relative to a grown-up person
    tint: tuple[int, int, int] | None = None
    character: bool = False  # matters to the story: kept whole, never overlapped by another character
    speaking: bool = False
    sky: bool = False  # the sun, the moon, a bird in flight
    flip: bool = False
    count: int = 1  # a character who is many ("Гуси-лебеди") is drawn as a little group
    moves: str = ""  # roll | run | fly | hop | swim: the text carries it across the picture (acting.py)
    moves_at: int = -1  # the scene's line that tells it (-1: from the picture's start)
    lines: tuple[int, ...] = ()  # the scene's lines it speaks: the montage moves it with its voice
    enters: int = -1  # the scene's line that brings it in, when it is not there from the picture's start
    leaves: int = -1  # the scene's line that takes it away: it goes off as it is said


@dataclass
class Placed:
    figure: Figure
    image: Image.Image  # RGBA, cropped to its visible outline
    x: int  # left
    y: int  # top
    row: str  # "front", "back" or "sky"

    @property
    def mask(self) -> np.ndarray:
        return clipart.visible_mask(self.image)


def arrange(figures: list[Figure], size: tuple[int, int], ground: Ground, seed: int, floor: float | None = None) -> list[Placed]:
    """Every figure placed, in drawing order (far to near, the speaker last); with `floor` (a
    share of the height), every drawn pixel and its shadow stays above that row."""
    rng = random.Random(seed)
    w, h = size
    if floor is not None:
        ground = above(ground, floor * h - h * SHADOW_ROOM)
    characters = sorted((f for f in figures if f.character and not f.sky), key=lambda f: not f.speaking)[:MAX_CHARACTERS]
    placed = _sky([f for f in figures if f.sky], size, ground, rng)
    placed += _back_row([f for f in figures if not f.character and not f.sky], size, ground, rng)
    front, scale = _fit_front(characters, w, h, ground)
    while front is None:  # too many to fit even small: the last non-speaker goes
        characters = characters[:-1]
        front, scale = _fit_front(characters, w, h, ground)
    placed += _spread(front, w, ground.front[0], rng, "front")
    return sorted(placed, key=lambda p: ({"sky": 0, "back": 1, "front": 2}[p.row], p.figure.speaking))


def above(ground: Ground, limit: float) -> Ground:
    """The ground with its front row lifted to `limit` (pixels) if it stood lower, the back row
    lifted in proportion, so it stays behind the front but near the horizon."""
    if ground.front[0] <= limit:
        return ground
    squeeze = limit / ground.front[0]
    return Ground(rows=tuple((y * squeeze, scale) for y, scale in ground.rows), sky_bottom=ground.sky_bottom)


def sprite(figure: Figure, height: float) -> Image.Image:
    one = clipart.render(figure.asset, round(height), figure.tint, figure.flip)
    if figure.count == 1:
        return one
    # a group: the others a little smaller, behind and to the side, feet on the same line
    back = clipart.render(figure.asset, round(height * 0.8), figure.tint, not figure.flip)
    step = round(one.width * 0.55)
    group = Image.new("RGBA", (one.width + step * (figure.count - 1), one.height), (0, 0, 0, 0))
    for k in range(figure.count - 1, 0, -1):
        group.alpha_composite(back, (step * k, one.height - back.height))
    group.alpha_composite(one, (0, 0))
    return group


def _fit_front(characters: list[Figure], w: int, h: int, ground: Ground):
    if not characters:
        return [], 1.0
    base = h * PERSON_HEIGHT * ground.front[1]
    room = w * (1 - 2 * MARGIN)
    sprites = [sprite(f, base * f.size) for f in characters]
    need = sum(s.width for s in sprites) * 1.08  # a little air between them
    if need <= room:
        return list(zip(characters, sprites)), 1.0
    scale = room / need
    if scale < MIN_FIT and len(characters) > 1:
        return None, scale
    return [(f, sprite(f, base * f.size * scale * 0.98)) for f in characters], scale


def _spread(items, w: int, baseline: float, rng: random.Random, row: str) -> list[Placed]:
    """Side by side over the width with even gaps, each foot on the baseline."""
    if not items:
        return []
    room = w * (1 - 2 * MARGIN)
    total = sum(s.width for _, s in items)
    gap = max(0.0, (room - total) / (len(items) + 1))
    order = _speaker_in_middle(items)
    x = w * MARGIN + gap
    out = []
    for figure, image in order:
        jitter = rng.uniform(-0.25, 0.25) * gap
        feet = int(np.flatnonzero(clipart.visible_mask(image).any(axis=1))[-1])  # resampling can leave faint last rows
        out.append(Placed(figure, image, round(x + jitter), round(baseline) - 1 - feet, row))
        x += image.width + gap
    return out


def _speaker_in_middle(items):
    speakers = [i for i in items if i[0].speaking]
    rest = [i for i in items if not i[0].speaking]
    middle = len(rest) // 2
    return rest[:middle] + speakers + rest[middle:]


def _back_row(props: list[Figure], size: tuple[int, int], ground: Ground, rng: random.Random) -> list[Placed]:
    w, h = size
    baseline, scale = ground.back
    items = [(f, sprite(f, h * PERSON_HEIGHT * scale * f.size)) for f in props[:4]]
    # props spread over the width too, but at their own positions so they peek out between the cast
    out = []
    for figure, image in items:
        x = rng.uniform(w * MARGIN, w * (1 - MARGIN) - image.width)
        out.append(Placed(figure, image, round(x), round(baseline - image.height), "back"))
    return out


def _sky(things: list[Figure], size: tuple[int, int], ground: Ground, rng: random.Random) -> list[Placed]:
    w, h = size
    out, taken = [], []
    for figure in things[:3]:
        image = sprite(figure, h * SKY_SIZE)
        for _ in range(20):  # a free spot in the sky
            x, y = rng.uniform(w * 0.05, w * 0.95 - image.width), rng.uniform(h * 0.04, max(h * 0.05, ground.sky_bottom - image.height))
            box = (x, y, x + image.width, y + image.height)
            if not any(_overlaps(box, t) for t in taken):
                break
        taken.append(box)
        out.append(Placed(figure, image, round(x), round(y), "sky"))
    return out


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def contact_shadow(placed: Placed) -> tuple[float, float, float, float]:
    """The ellipse of a standing figure's shadow: under the drawn pixels of its lowest rows."""
    mask = placed.mask
    rows = max(1, mask.shape[0] // 12)
    columns = np.flatnonzero(mask[-rows:].any(axis=0))
    left, right = placed.x + columns[0], placed.x + columns[-1]
    bottom = placed.y + placed.image.height
    pad = (right - left) * 0.15 + 2
    return left - pad, bottom - placed.image.height * 0.03, right + pad, bottom + placed.image.height * 0.03
