"""The stage a collage is set on: a painted place with depth, and the ground people stand on.

The soft parts (sky, far hills, water, haze) are painted at a small size and scaled up, as
the card's background is; the things that must stay sharp at 8K (a far castle, houses,
trees, the hut) are clip-art drawn at full size. Every place keeps the same two ground
lines, so the layout always knows where feet go: the back row at `BACK_Y` and the front
row at `FRONT_Y` (fractions of the height).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from digitales.picture import clipart
from digitales.picture.lexicon import PLACE_OF_WORD
from digitales.picture.paint import (WORK_WIDTH, _clouds, _gradient, _grain, _hill, _shade, _sky_object, _soft_layer,
                                     _vignette)
from digitales.picture.palette import Palette

PLACES = ("forest", "field", "village", "hut", "castle", "kingdom", "sea", "river", "mountains", "cave", "sky", "road")
HORIZON_Y = 0.6
BACK_Y, FRONT_Y = 0.8, 0.93  # where feet stand, far and near
BACK_SCALE = 0.7  # how much smaller a thing on the back row is drawn
WEATHER_WORDS = {"rain": r"дожд|ливн|ливен|rain|storm", "snow": r"снег|снеж|зим|вьюг|метел|мороз|snow|winter|blizzard|frost",
                 "fog": r"туман|мгл|fog|mist"}


@dataclass(frozen=True)
class Ground:
    """Where things stand: a baseline (y in pixels) and a scale for each row, far to near."""
    rows: tuple[tuple[float, float], ...]
    sky_bottom: float  # things in the sky stay above this y

    @property
    def front(self) -> tuple[float, float]:
        return self.rows[-1]

    @property
    def back(self) -> tuple[float, float]:
        return self.rows[0]


def place_kind(place: str, lemmas: list[str]) -> str | None:
    """The kind of place a scene is set in: from its place phrase, else from the words said."""
    for words in (re.findall(r"[\w-]+", place.lower()), lemmas):
        for word in words:
            kind = PLACE_OF_WORD.get(word) or next((k for w, k in PLACE_OF_WORD.items() if len(w) > 3 and word.startswith(w[:-1])), None)
            if kind:
                return kind
    return None


def weather_of(text: str) -> str | None:
    return next((w for w, pattern in WEATHER_WORDS.items() if re.search(pattern, text.lower())), None)


def paint_scenery(size: tuple[int, int], kind: str, palette: Palette, seed: int, time_of_day: str = "day",
                  weather: str | None = None) -> tuple[Image.Image, Ground]:
    width, height = size
    w = min(WORK_WIDTH, width)
    h = max(2, round(w * height / width))
    rng = random.Random(seed)
    img = _gradient((w, h), palette.sky_top, palette.sky_bottom)
    if kind != "cave":
        _sky_object(img, rng, time_of_day)
        if time_of_day != "night" and weather != "rain":
            _clouds(img, rng)
    if kind == "mountains" or (kind in ("castle", "kingdom") and rng.random() < 0.5):
        _peaks(img, rng, palette)
    hills = list(palette.hills)
    if weather == "snow":
        hills = [tuple(round(c + (238 - c) * 0.75) for c in hill) for hill in hills]
    if kind == "sky":
        _cloud_floor(img, rng)
    elif kind == "sea":
        _hill(img, rng, hills[0], h * HORIZON_Y * 0.95, 0, palette)
        _water(img, rng, h * HORIZON_Y, h * 0.76, palette)
        _band(img, (226, 205, 160) if weather != "snow" else (236, 236, 240), h * 0.74)
    else:
        for depth, colour in enumerate(hills):
            top = h * (HORIZON_Y + depth * 0.055)
            if kind == "field" or kind == "road":
                top = h * (HORIZON_Y + depth * 0.04)
            if kind == "cave":
                colour = _shade(colour, 0.45)
            _hill(img, rng, colour, top, depth, palette)
            if depth == 0 and kind == "river":
                _water(img, rng, h * 0.66, h * 0.71, palette)
        if kind == "road":
            _road(img, rng, palette)
    img = _vignette(_grain(img, rng))
    if kind == "cave":
        img = _cave_mouth(img, rng)
    img = img.resize((width, height), Image.BICUBIC)
    _crisp_props(img, rng, kind, palette, time_of_day)
    if weather in ("rain", "snow", "fog"):
        _weather(img, rng, weather)
    ground = Ground(rows=((height * BACK_Y, BACK_SCALE), (height * FRONT_Y, 1.0)), sky_bottom=height * HORIZON_Y * 0.85)
    return img, ground


def _peaks(img: Image.Image, rng: random.Random, palette: Palette) -> None:
    w, h = img.size
    colour = tuple(round(c * 0.55 + s * 0.45) for c, s in zip(palette.hills[0], palette.sky_bottom))

    def draw(d: ImageDraw.ImageDraw) -> None:
        x = -w * 0.1
        while x < w * 1.1:
            half, top = w * rng.uniform(0.1, 0.2), h * rng.uniform(0.22, 0.42)
            d.polygon([(x - half, h * HORIZON_Y + 4), (x, top), (x + half, h * HORIZON_Y + 4)], fill=(*colour, 255))
            d.polygon([(x - half * 0.25, top + (h * HORIZON_Y - top) * 0.25), (x, top),
                       (x + half * 0.25, top + (h * HORIZON_Y - top) * 0.25)], fill=(245, 245, 250, 230))
            x += half * rng.uniform(0.9, 1.5)

    _soft_layer(img, draw, 1.0)


def _water(img: Image.Image, rng: random.Random, top: float, bottom: float, palette: Palette) -> None:
    w, _ = img.size
    deep = tuple(round(c * 0.6 + s * 0.4) for c, s in zip((40, 110, 170), palette.sky_top))
    light = tuple(min(255, round(c * 1.25)) for c in deep)

    def draw(d: ImageDraw.ImageDraw) -> None:
        d.rectangle((0, top, w, bottom), fill=(*deep, 255))
        for _ in range(40):
            x, y = rng.uniform(0, w), rng.uniform(top + 3, bottom - 3)
            d.line((x, y, x + w * rng.uniform(0.02, 0.06), y), fill=(*light, 200), width=2)

    _soft_layer(img, draw, 0.8)


def _band(img: Image.Image, colour, top: float) -> None:
    w, h = img.size
    _soft_layer(img, lambda d: d.rectangle((0, top, w, h), fill=(*colour, 255)), 1.2)


def _cloud_floor(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size

    def draw(d: ImageDraw.ImageDraw) -> None:
        d.rectangle((0, h * 0.78, w, h), fill=(250, 250, 255, 255))
        for _ in range(30):
            x, r = rng.uniform(0, w), rng.uniform(0.04, 0.09) * w
            d.ellipse((x - r, h * 0.76 - r * 0.5, x + r, h * 0.76 + r * 0.6), fill=(250, 250, 255, 255))

    _soft_layer(img, draw, 2.0)


def _road(img: Image.Image, rng: random.Random, palette: Palette) -> None:
    w, h = img.size
    colour = (196, 170, 128)
    x = w * rng.uniform(0.35, 0.65)
    _soft_layer(img, lambda d: d.polygon([(x - w * 0.01, h * HORIZON_Y + 6), (x + w * 0.01, h * HORIZON_Y + 6),
                                          (w * 0.75, h), (w * 0.25, h)], fill=(*colour, 235)), 1.5)


def _cave_mouth(img: Image.Image, rng: random.Random) -> Image.Image:
    """Rock all round, an opening in the middle: we look out of the cave."""
    w, h = img.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r = np.sqrt(((xx - w / 2) / (w * 0.46)) ** 2 + ((yy - h * 0.62) / (h * 0.62)) ** 2)
    rock = np.clip((r - 0.85) * 5, 0, 1)[..., None]
    arr = np.asarray(img).astype(np.float32) * (1 - rock * 0.8) + np.array([40, 32, 30], np.float32) * rock * 0.8
    return Image.fromarray(arr.astype(np.uint8), "RGB")


# Clip-art the place is known by, drawn sharp at full size: (asset, how many, height as share of the frame, y as share)
PLACE_PROPS = {
    "forest": [("evergreen-tree", 7, 0.22, 0.66), ("deciduous-tree", 4, 0.26, 0.7)],
    "field": [("sheaf-of-rice", 2, 0.07, 0.72), ("blossom", 5, 0.035, 0.77)],
    "village": [("house", 3, 0.12, 0.66), ("house-with-garden", 1, 0.14, 0.68), ("deciduous-tree", 2, 0.16, 0.67)],
    "hut": [("hut", 1, 0.3, 0.74), ("evergreen-tree", 3, 0.2, 0.67)],
    "castle": [("castle", 1, 0.3, 0.64), ("deciduous-tree", 2, 0.14, 0.67)],
    "kingdom": [("castle", 1, 0.24, 0.62), ("house", 3, 0.09, 0.66)],
    "river": [("deciduous-tree", 3, 0.18, 0.66), ("rock", 2, 0.04, 0.72)],
    "mountains": [("evergreen-tree", 3, 0.12, 0.66), ("rock", 2, 0.05, 0.72)],
    "road": [("deciduous-tree", 3, 0.18, 0.66), ("evergreen-tree", 2, 0.16, 0.66)],
    "sea": [("sailboat", 1, 0.08, 0.62), ("spiral-shell", 2, 0.03, 0.8)],
    "cave": [("rock", 3, 0.08, 0.76)],
    "sky": [("rainbow", 1, 0.16, 0.45)],
}


def _crisp_props(img: Image.Image, rng: random.Random, kind: str, palette: Palette, time_of_day: str) -> None:
    w, h = img.size
    dim = 0.55 if time_of_day == "night" else 1.0
    haze = tuple(round(c * dim) for c in palette.sky_bottom)
    slots = sorted(rng.sample(range(12), 12))
    rng.shuffle(slots)
    for asset, count, height, y in PLACE_PROPS.get(kind, []):
        for _ in range(count):
            sprite = clipart.render(asset, round(h * height * rng.uniform(0.85, 1.15)), flip=rng.random() < 0.5)
            sprite = _hazed(sprite, haze, 0.25 if time_of_day != "night" else 0.5)
            # spread over the width, leaving the middle of the front free for the cast
            x = (slots.pop() + rng.random()) / 12 * w if slots else rng.uniform(0, w)
            img.paste(sprite, (round(x - sprite.width / 2), round(h * y - sprite.height)), sprite)


def _hazed(sprite: Image.Image, colour, amount: float) -> Image.Image:
    """Far things take on the colour of the air between (atmospheric perspective)."""
    a = np.asarray(sprite).astype(np.float32)
    a[..., :3] = a[..., :3] * (1 - amount) + np.array(colour, np.float32) * amount
    return Image.fromarray(a.astype(np.uint8), "RGBA")


def _weather(img: Image.Image, rng: random.Random, weather: str) -> None:
    w, h = img.size
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    unit = max(1, round(h / 540))
    if weather == "rain":
        for _ in range(400):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            d.line((x, y, x - 4 * unit, y + 18 * unit), fill=(220, 230, 255, 110), width=unit)
    elif weather == "snow":
        for _ in range(300):
            x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(1, 3) * unit
            d.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, 200))
    else:
        d.rectangle((0, round(h * 0.45), w, h), fill=(235, 235, 240, 70))
    img.paste(layer, (0, 0), layer)
