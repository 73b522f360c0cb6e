"""A painted picture-book background: sky, sun or moon, clouds, layered hills, trees.

Painted at a small size and scaled up (it is soft anyway), so it costs the same at
720p as at 8K. Deterministic for a seed.
"""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from digitales.picture.palette import RGB, Palette

WORK_WIDTH = 960  # painting resolution; the result is resized to the asked size


def paint_background(size: tuple[int, int], palette: Palette, seed: int, time_of_day: str = "day") -> Image.Image:
    width, height = size
    w = min(WORK_WIDTH, width)
    h = max(2, round(w * height / width))
    rng = random.Random(seed)
    img = _gradient((w, h), palette.sky_top, palette.sky_bottom)
    _sky_object(img, rng, time_of_day)
    _blobs(img, rng, palette.accents)
    if time_of_day != "night":
        _clouds(img, rng)
    horizon = h * rng.uniform(0.55, 0.68)
    for depth, colour in enumerate(palette.hills):
        _hill(img, rng, colour, horizon + depth * h * 0.09, depth, palette)
        if depth == 1:
            _trees(img, rng, _shade(colour, 0.75), horizon + depth * h * 0.09)
    img = _vignette(_grain(img, rng))
    return img.resize((width, height), Image.BICUBIC)


def _gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    w, h = size
    t = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None] ** 1.2
    col = np.array(top, np.float32) * (1 - t) + np.array(bottom, np.float32) * t
    return Image.fromarray(np.broadcast_to(col, (h, w, 3)).astype(np.uint8), "RGB")


def _soft_layer(img: Image.Image, draw_fn, blur: float) -> None:
    """Draw shapes on a transparent layer, blur it, and paint it over `img`."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    draw_fn(ImageDraw.Draw(layer))
    if blur:  # blur premultiplied, or edges darken toward the transparent black around shapes
        layer = layer.convert("RGBa").filter(ImageFilter.GaussianBlur(blur)).convert("RGBA")
    img.paste(layer, (0, 0), layer)


def _sky_object(img: Image.Image, rng: random.Random, time_of_day: str) -> None:
    w, h = img.size
    x = w * rng.uniform(0.12, 0.88)
    size = min(w, h * 16 / 9)  # things in the sky keep their size in a tall frame
    if time_of_day == "night":
        y, r, colour = h * rng.uniform(0.12, 0.25), size * 0.04, (246, 240, 210)

        def stars(d: ImageDraw.ImageDraw) -> None:
            for _ in range(70):
                sx, sy, s = rng.uniform(0, w), rng.uniform(0, h * 0.55), rng.uniform(0.6, 1.8)
                d.ellipse((sx - s, sy - s, sx + s, sy + s), fill=(255, 255, 235, rng.randint(120, 255)))

        _soft_layer(img, stars, 0.6)
    elif time_of_day == "evening":
        y, r, colour = h * 0.5, size * 0.062, (255, 170, 90)
    else:
        y, r, colour = h * rng.uniform(0.12, 0.24), size * 0.042, (255, 236, 150)
    _soft_layer(img, lambda d: d.ellipse((x - 3 * r, y - 3 * r, x + 3 * r, y + 3 * r), fill=(*colour, 70)), r)
    _soft_layer(img, lambda d: d.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, 255)), 1.2)


def _blobs(img: Image.Image, rng: random.Random, accents: tuple[RGB, ...]) -> None:
    w, h = img.size

    def draw(d: ImageDraw.ImageDraw) -> None:
        for _ in range(7):
            c = rng.choice(accents)
            cx, cy = rng.uniform(0, w), rng.uniform(0, h * 0.7)
            rx, ry = rng.uniform(0.1, 0.3) * w, rng.uniform(0.06, 0.18) * h
            d.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=(*c, rng.randint(40, 90)))

    _soft_layer(img, draw, w * 0.05)


def _clouds(img: Image.Image, rng: random.Random) -> None:
    w, h = img.size

    def draw(d: ImageDraw.ImageDraw) -> None:
        for _ in range(rng.randint(2, 4)):
            cx, cy, s = rng.uniform(0, w), rng.uniform(0.08, 0.35) * h, rng.uniform(0.03, 0.06) * w
            for _ in range(6):
                px, py = cx + rng.uniform(-2.2, 2.2) * s, cy + rng.uniform(-0.5, 0.4) * s
                r = s * rng.uniform(0.7, 1.3)
                d.ellipse((px - r, py - r * 0.75, px + r, py + r * 0.75), fill=(255, 255, 255, 150))

    _soft_layer(img, draw, w * 0.006)


def _hill(img: Image.Image, rng: random.Random, colour: RGB, base: float, depth: int, palette: Palette) -> None:
    w, h = img.size
    # Far hills fade toward the sky: atmospheric perspective gives depth.
    haze = (2 - depth) * 0.22
    colour = tuple(round(c + (s - c) * haze) for c, s in zip(colour, palette.sky_bottom))
    waves = [(rng.uniform(0.5, 3.0), rng.uniform(0, 6.283), rng.uniform(0.015, 0.05) * h) for _ in range(3)]
    xs = np.linspace(0, w, 64)
    ys = base + sum(a * np.sin(f * 6.283 * xs / w + p) for f, p, a in waves)
    points = [(0, h)] + list(zip(xs.tolist(), ys.tolist())) + [(w, h)]
    _soft_layer(img, lambda d: d.polygon(points, fill=(*colour, 255)), max(0.6, (2 - depth) * 1.2))


def _trees(img: Image.Image, rng: random.Random, colour: RGB, base: float) -> None:
    w, h = img.size

    def draw(d: ImageDraw.ImageDraw) -> None:
        for _ in range(rng.randint(3, 7)):
            x, s = rng.uniform(0, w), rng.uniform(0.025, 0.05) * min(h, w * 9 / 16)
            y = base + rng.uniform(-0.01, 0.03) * h
            d.rectangle((x - s * 0.12, y - s * 1.4, x + s * 0.12, y), fill=(*_shade(colour, 0.6), 255))
            d.ellipse((x - s, y - s * 2.6, x + s, y - s * 0.9), fill=(*colour, 255))

    _soft_layer(img, draw, 0.8)


def _grain(img: Image.Image, rng: random.Random) -> Image.Image:
    a = np.asarray(img).astype(np.int16)
    noise = np.random.default_rng(rng.randrange(1 << 30)).integers(-5, 6, size=a.shape[:2], dtype=np.int16)
    return Image.fromarray(np.clip(a + noise[..., None], 0, 255).astype(np.uint8), "RGB")


def _vignette(img: Image.Image) -> Image.Image:
    w, h = img.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r = np.sqrt(((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2)
    shade = 1.0 - 0.28 * np.clip(r - 0.55, 0, None) ** 1.5
    return Image.fromarray((np.asarray(img).astype(np.float32) * shade[..., None]).astype(np.uint8), "RGB")


def _shade(c: RGB, k: float) -> RGB:
    return tuple(round(x * k) for x in c)  # type: ignore[return-value]
