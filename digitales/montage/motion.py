"""Slow motion over stills (Ken Burns), crossfades and fades, rendered frame by frame.

Each frame is an affine resample of the still with sub-pixel precision (OpenCV,
bilinear), done directly on the Y, U and V planes, so there is no rounding of the
crop window (the jitter of ffmpeg's zoompan) and no colour conversion per frame.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import cv2
import numpy as np
from PIL import Image

if TYPE_CHECKING:
    from digitales.montage.puppets import Puppets

FADE_IN = 0.6  # from black at the very start
FADE_OUT = 1.0  # to black at the very end


@dataclass
class Shot:
    """One still on screen from `start` to `end` (crossfade overlaps included)."""

    image: Path
    start: float
    end: float
    zoom: tuple[float, float]  # window zoom at start and end (1 = whole still)
    centre: tuple[tuple[float, float], tuple[float, float]]  # window centre, as fractions of the room to move
    puppets: Callable[[], Puppets] | None = None  # the still as layers to act out (puppets.py), made when first shown

    def at(self, t: float) -> tuple[float, float, float]:
        """Zoom and centre offset (−1…1 of the free room) at time t, eased in and out."""
        u = min(1.0, max(0.0, (t - self.start) / max(1e-6, self.end - self.start)))
        u = 0.5 * u + 0.5 * (0.5 - 0.5 * math.cos(math.pi * u))  # half linear, half eased: never quite still
        z = self.zoom[0] + (self.zoom[1] - self.zoom[0]) * u
        (x0, y0), (x1, y1) = self.centre
        return z, x0 + (x1 - x0) * u, y0 + (y1 - y0) * u

    def seen(self, still: tuple[int, int], size: tuple[int, int]) -> tuple[float, float]:
        """The share of the still's width the camera shows all shot long: where its window at the
        start and at the end overlap (a figure carried across stays in view)."""
        sw, sh = still
        w, h = size
        left, right = 0.0, 1.0
        for t in (self.start, self.end):
            zoom, fx, _ = self.at(t)
            ww = w * min(sw / w, sh / h) / zoom  # the window's width, as _view makes it
            cx = sw / 2 + fx * (sw - ww) / 2
            left, right = max(left, (cx - ww / 2) / sw), min(right, (cx + ww / 2) / sw)
        return left, right


def plan_shots(images: list[Path], bounds: list[tuple[float, float]], zoom: float, crossfade: float, seed: int) -> list[Shot]:
    """A shot per still; consecutive shots overlap by `crossfade` seconds around their boundary."""
    rng = random.Random(seed)
    shots = []
    half = crossfade / 2
    for i, (image, (start, end)) in enumerate(zip(images, bounds)):
        a = start - (half if i else 0.0)
        b = end + (half if i < len(images) - 1 else 0.0)
        z = 1 + zoom
        kind = "in" if i == 0 else rng.choice(["in", "out", "left", "right", "up"])
        if kind == "in":
            shot = Shot(image, a, b, (1.0, z), ((0, 0), (rng.uniform(-.4, .4), rng.uniform(-.4, .2))))
        elif kind == "out":
            shot = Shot(image, a, b, (z, 1.0), ((rng.uniform(-.4, .4), rng.uniform(-.4, .2)), (0, 0)))
        else:
            dx, dy = {"left": (1, 0), "right": (-1, 0), "up": (0, 1)}[kind]
            shot = Shot(image, a, b, (1 + zoom * 0.7, 1 + zoom * 0.7), ((dx * .9, dy * .9), (-dx * .9, -dy * .9)))
        shots.append(shot)
    return shots


def yuv_planes(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """BT.709 limited-range Y, U, V of an RGB array (even height and width), U and V at half size, as float32."""
    a = rgb.astype(np.float32)
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    u = (b - y) / 1.8556
    v = (r - y) / 1.5748
    Y = 16 + y * (219 / 255)
    U = cv2.resize(128 + u * (224 / 255), None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    V = cv2.resize(128 + v * (224 / 255), None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    return Y, U, V


def rgb_to_yuv420(img: Image.Image) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """BT.709 limited-range Y, U, V planes (U, V at half size) of an RGB picture."""
    w, h = img.size
    planes = yuv_planes(np.asarray(img.convert("RGB").crop((0, 0, w - w % 2, h - h % 2))))
    return tuple(np.clip(p + 0.5, 0, 255).astype(np.uint8) for p in planes)  # type: ignore[return-value]


@dataclass
class Still:
    """A picture that does not change: the same planes at every moment."""

    planes: tuple[np.ndarray, ...]

    def at(self, t: float) -> tuple[np.ndarray, ...]:
        return self.planes


class FrameMaker:
    """Renders the frames of a timeline of shots as raw yuv420p bytes (a flat uint8 array each)."""

    def __init__(self, shots: list[Shot], size: tuple[int, int], fps: int, duration: float):
        self.shots, self.size, self.fps, self.duration = shots, size, fps, duration
        self.frames = int(round(duration * fps))
        self._planes: dict[int, Still | Puppets] = {}

    def _source(self, i: int, t: float) -> tuple[np.ndarray, ...]:
        if i not in self._planes:
            # Only the shots on screen now are kept in memory.
            for old in [k for k in self._planes if k < i - 1]:
                del self._planes[old]
            shot = self.shots[i]
            self._planes[i] = shot.puppets() if shot.puppets else Still(rgb_to_yuv420(Image.open(shot.image)))
        return self._planes[i].at(t)

    def _view(self, i: int, t: float, into: list[np.ndarray]) -> None:
        """Film shot i at time t into the Y, U and V planes `into`."""
        shot = self.shots[i]
        Y, U, V = self._source(i, t)
        sh, sw = Y.shape
        w, h = self.size
        zoom, fx, fy = shot.at(t)
        # The window keeps the video's aspect, is as large as the still allows at zoom 1.
        base = min(sw / w, sh / h)
        scale = base / zoom  # source pixels per output pixel
        ww, wh = w * scale, h * scale
        cx = sw / 2 + fx * (sw - ww) / 2
        cy = sh / 2 + fy * (sh - wh) / 2
        for plane, k, out in zip((Y, U, V), (1.0, 0.5, 0.5), into):
            # output pixel centre x+0.5 maps to source (cx - ww/2) + (x+0.5)*scale, in this plane's units
            tx = (cx - ww / 2) * k + 0.5 * scale - 0.5
            ty = (cy - wh / 2) * k + 0.5 * scale - 0.5
            m = np.array([[scale, 0, tx], [0, scale, ty]], dtype=np.float64)
            cv2.warpAffine(plane, m, out.shape[::-1], dst=out, flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                           borderMode=cv2.BORDER_REPLICATE)

    def frame(self, n: int) -> np.ndarray:
        t = (n + 0.5) / self.fps
        on = [i for i, s in enumerate(self.shots) if s.start <= t < s.end] or [len(self.shots) - 1]
        w, h = self.size
        out = np.empty(w * h * 3 // 2, np.uint8)  # the frame's bytes; each plane is written into its part
        planes = [out[: w * h].reshape(h, w), *(part.reshape(h // 2, w // 2) for part in np.split(out[w * h:], 2))]
        self._view(on[0], t, planes)
        if len(on) > 1:  # crossfade: the later shot fades in over the overlap
            nxt = self.shots[on[1]]
            alpha = (t - nxt.start) / max(1e-6, self.shots[on[0]].end - nxt.start)
            alpha = 0.5 - 0.5 * math.cos(math.pi * min(1.0, max(0.0, alpha)))
            other = [np.empty_like(p) for p in planes]
            self._view(on[1], t, other)
            for p, q in zip(planes, other):
                cv2.addWeighted(p, 1 - alpha, q, alpha, 0, dst=p)
        light = min(1.0, t / FADE_IN, (self.duration - t) / FADE_OUT)
        if light < 1.0:
            light = max(0.0, light)
            for p, black in zip(planes, (16, 128, 128)):
                cv2.addWeighted(p, light, p, 0, black * (1 - light), dst=p)
        return out
