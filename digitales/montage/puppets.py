"""A puppet theatre: a picture's figures acted out over its background, frame by frame.

The picture stage leaves each picture's layers beside it (picture/collage.py `save_layers`):
the background and every figure's sprite with where it stands and its stage directions.
Here each figure gets a pose for every moment, and the picture is composed from them:

- the speaker rises and stretches with the loudness of their own voice, line by line, and
  is still between their lines;
- one the text says rolls, runs, flies, hops or swims (or the plan's events say so, or that
  it walks) is carried across the picture over the shot, bouncing as that way of moving
  does (a rolling bun turns round as it goes), and never out of the camera's view;
- one the story brings in on a later line slides in from the nearer side as it is said, and
  one it takes away goes off as it is said: the way it is carried, else to the nearer side;
- everyone breathes: a slow stretch of a per cent, each at a phase of their own.

Poses are affine maps about the figure's feet (its centre when it rolls); each sprite is
resampled with sub-pixel precision into the Y, U and V planes, as the camera does
(motion.py), so the slow camera and the puppets move without jitter.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from digitales.montage.motion import yuv_planes
from digitales.picture import layers


@dataclass(frozen=True)
class Move:
    distance: float  # share of the picture's width crossed over the shot
    lift: float  # share of the figure's height it rises at the top of each bounce
    bounces: float  # bounces a second
    spin: bool = False  # turns round as it goes, as a ball rolls
    glide: float = 0.0  # share of its height it rises over the whole crossing (a flight's arc)


MOVES = {
    "roll": Move(0.35, 0.03, 2.5, spin=True),
    "run": Move(0.40, 0.06, 3.0),
    "fly": Move(0.45, 0.04, 1.5, glide=0.6),
    "hop": Move(0.30, 0.22, 1.2),
    "swim": Move(0.30, 0.04, 0.7),
    "walk": Move(0.22, 0.025, 1.8),  # the plan's events only: a slow stroll across
}
SPEAK_LIFT = 0.06  # share of its height the speaker rises at full loudness
SPEAK_STRETCH = 0.05  # and stretches
BREATH = 0.012  # the idle breath's stretch
BREATH_SECONDS = 3.4  # one breath
EDGE = 0.03  # share of the width a carried figure keeps from the edge of what the camera shows
ENTER_SECONDS = 1.2  # how long coming in takes
ENTER_HOPS = 2  # little hops on the way in
EXIT_SECONDS = 1.5  # how long going off takes


@dataclass
class Timing:
    """What the montage knows of time for one picture: when it is on screen, when each of the
    scene's lines is said, and how loud the narration is at each video frame."""

    start: float
    end: float
    lines: list[tuple[float, float]]  # the scene's lines, by index
    loudness: np.ndarray  # 0…1 per video frame of the whole tale
    fps: int
    view: tuple[float, float] = (0.0, 1.0)  # the share of the picture's width the camera shows all along


class Sprite:
    """One figure: its planes (Y and alpha at full size, U, V and alpha at half) and its part."""

    def __init__(self, rgba: np.ndarray, meta: dict):
        h, w = rgba.shape[:2]
        rgba = np.pad(rgba, ((0, h % 2), (0, w % 2), (0, 0)))  # even sizes, so the halves line up
        Y, U, V = yuv_planes(rgba[..., :3])
        A = rgba[..., 3].astype(np.float32) / 255
        A2 = cv2.resize(A, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        # premultiplied by alpha, so a resampled edge blends right; 8 bits in four channels, which
        # OpenCV resamples fastest (two channels take it nine times as long); one resampling per plane size
        nothing = np.zeros_like(A)
        self.full = _bytes(np.dstack([Y * A, A * 255, nothing, nothing]))  # Y, alpha
        self.half = _bytes(np.dstack([U * A2, V * A2, A2 * 255, nothing[::2, ::2]]))  # U, V, alpha at half size
        self.x, self.y, self.w, self.h = meta["x"], meta["y"], w, h
        self.meta = meta
        self.others: list[float] = []  # the middles of the other characters on stage (Puppets sets them)
        self.phase = zlib.crc32(meta["key"].encode()) % 1000 / 1000 * 2 * math.pi  # not hash(): the same every run

    def pose(self, t: float, timing: Timing, picture_width: int) -> np.ndarray:
        """The 3×3 map from sprite pixels to picture pixels at time t."""
        dx = dy = angle = 0.0
        stretch = 1 + BREATH * math.sin(2 * math.pi * t / BREATH_SECONDS + self.phase)
        loud = self.voice(t, timing)
        stretch += SPEAK_STRETCH * loud
        dy -= SPEAK_LIFT * loud * self.h
        move = MOVES.get(self.meta.get("moves", ""))
        if move:  # from the line that tells it (else the picture's start) to the picture's end
            told = self.meta.get("moves_at", -1)
            start = timing.lines[told][0] if 0 <= told < len(timing.lines) else timing.start
            u = min(1.0, max(0.0, (t - start) / max(1e-6, timing.end - start)))
            lift = move.lift * abs(math.sin(math.pi * move.bounces * (t - start))) if 0 < u < 1 else 0.0
            u = 0.5 - 0.5 * math.cos(math.pi * u)  # sets off and arrives gently
            dx = self.reach(move, picture_width, timing.view) * u
            dy -= self.h * (lift + move.glide * math.sin(math.pi * u))
        enters = self.meta.get("enters", -1)
        if 0 <= enters < len(timing.lines):
            u = min(1.0, max(0.0, (t - timing.lines[enters][0]) / ENTER_SECONDS))
            dx += self.offstage(picture_width) * (1 - u) ** 2  # off the picture until its line, then in
            dy -= 0.08 * self.h * abs(math.sin(math.pi * ENTER_HOPS * u))
        leaves = self.meta.get("leaves", -1)
        if 0 <= leaves < len(timing.lines):
            u = min(1.0, max(0.0, (t - timing.lines[leaves][0]) / EXIT_SECONDS))
            way = self.reach(move, picture_width, timing.view) if move else 0.0  # carried: on the way it goes
            dx += self.offstage(picture_width, dx, way) * u ** 2  # sets off slowly, then is gone for good
            dy -= 0.08 * self.h * abs(math.sin(math.pi * ENTER_HOPS * u))
        if move and move.spin:
            angle, stretch = dx / (self.w / 2), 1.0  # rolls without slipping
        pivot = (self.w / 2, self.h / 2) if angle else (self.w / 2, self.h)  # a roll turns round its middle
        c, s = math.cos(angle), math.sin(angle)
        place = np.array([[1, 0, self.x + pivot[0] + dx], [0, 1, self.y + pivot[1] + dy], [0, 0, 1]])
        turn = np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])
        scale = np.array([[1, 0, 0], [0, stretch, 0], [0, 0, 1]])
        back = np.array([[1, 0, -pivot[0]], [0, 1, -pivot[1]], [0, 0, 1]])
        return place @ turn @ scale @ back

    def reach(self, move: Move, picture_width: int, view: tuple[float, float] = (0.0, 1.0)) -> float:
        """How far it is carried: toward the side fewer others stand on (then the roomier one),
        never out of what the camera shows (`view`, shares of the picture's width)."""
        left = self.x - (view[0] + EDGE) * picture_width
        right = (view[1] - EDGE) * picture_width - self.x - self.w
        middle = self.x + self.w / 2
        crowd = sum(1 if c > middle else -1 for c in self.others)  # > 0: more stand on the right
        if crowd == 0:
            room = right if right >= left else -left
        else:
            room = -left if crowd > 0 else right
        return math.copysign(min(abs(room), move.distance * picture_width), room)

    def offstage(self, picture_width: int, dx: float = 0.0, way: float = 0.0) -> float:
        """How far it must go from `dx` off its place to be out of the picture: toward `way`'s
        side, or with none the nearer one (turned round as it rolls, its corners reach further)."""
        move = MOVES.get(self.meta.get("moves", ""))
        margin = 2 + ((math.hypot(self.w, self.h) - self.w) / 2 if move and move.spin else 0)
        left, right = self.x + dx + self.w + margin, picture_width - self.x - dx + margin
        to_left = way < 0 if way else left <= right
        return -left if to_left else right

    def voice(self, t: float, timing: Timing) -> float:
        """The loudness of this figure's own voice at t: nothing outside the lines it speaks."""
        spans = [timing.lines[i] for i in self.meta.get("lines", ()) if i < len(timing.lines)]
        if not any(a <= t < b for a, b in spans):
            return 0.0
        n = min(len(timing.loudness) - 1, int(t * timing.fps))
        return float(timing.loudness[n]) if n >= 0 else 0.0


class Puppets:
    """A picture composed anew for every moment from its layers."""

    def __init__(self, path: Path, timing: Timing):
        background, figures = layers.load(path)
        # the things (trees, props, the sun) never move: drawn into the background once; they
        # stand behind the characters (layout.py), so the order holds
        scenery = Image.fromarray(background).convert("RGBA")
        for rgba, part in figures:
            if not part.get("character"):
                scenery.alpha_composite(Image.fromarray(rgba), (part["x"], part["y"]))
        w, h = scenery.size
        rgb = np.asarray(scenery.convert("RGB"))[: h - h % 2, : w - w % 2]
        self.planes = [np.clip(p + 0.5, 0, 255).astype(np.uint8) for p in yuv_planes(rgb)]
        sprites = [Sprite(rgba, part) for rgba, part in figures if part.get("character")]
        for sprite in sprites:
            sprite.others = [o.x + o.w / 2 for o in sprites if o is not sprite]
        self.sprites = sorted(sprites, key=lambda sp: bool(sp.meta.get("moves")))  # who crosses passes in front
        self.timing = timing
        # the picture of the last moment: each moment puts back the background only where figures were
        self.canvas = [p.copy() for p in self.planes]
        self.drawn: list[tuple[int, slice, slice]] = []  # (plane, rows, columns) the figures covered

    def at(self, t: float) -> list[np.ndarray]:
        """The picture at t (the same arrays each time, redrawn: use them before asking again)."""
        for k, rows, cols in self.drawn:
            self.canvas[k][rows, cols] = self.planes[k][rows, cols]
        self.drawn = []
        Y, U, V = self.canvas
        for sprite in self.sprites:
            m = sprite.pose(t, self.timing, Y.shape[1])
            if box := _paste([Y], sprite.full, m):
                self.drawn.append((0, *box))
            if box := _paste([U, V], sprite.half, np.diag([0.5, 0.5, 1.0]) @ m @ np.diag([2.0, 2.0, 1.0])):  # at half size
                self.drawn += [(1, *box), (2, *box)]
        return self.canvas


def _paste(planes: list[np.ndarray], src: np.ndarray, m: np.ndarray) -> tuple[slice, slice] | None:
    """Blend `src` (premultiplied channels, one per plane, then alpha, then padding) into `planes`
    through the map m, touching only the rows and columns it covers; return those (None: off the picture)."""
    h, w = src.shape[:2]
    corners = m @ np.array([[0, w, 0, w], [0, 0, h, h], [1, 1, 1, 1]], dtype=np.float64)
    x0, y0 = (max(0, math.floor(v) - 1) for v in corners[:2].min(axis=1))
    height, width = planes[0].shape
    x1, y1 = min(width, math.ceil(corners[0].max()) + 1), min(height, math.ceil(corners[1].max()) + 1)
    if x1 <= x0 or y1 <= y0:
        return None
    local = (np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]]) @ m)[:2]
    warped = cv2.split(cv2.warpAffine(src, local, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR,
                                      borderMode=cv2.BORDER_CONSTANT))
    keep = cv2.subtract(255, warped[len(planes)])  # the share of the picture left showing, 0…255
    for plane, colour in zip(planes, warped):
        region = plane[y0:y1, x0:x1]  # in place, in 8 bits: as exact as in floats, the colour added is whole
        cv2.add(cv2.multiply(region, keep, scale=1 / 255), colour, dst=region)
    return slice(y0, y1), slice(x0, x1)


def _bytes(a: np.ndarray) -> np.ndarray:
    return np.clip(a + 0.5, 0, 255).astype(np.uint8)


def voice_loudness(clips: list[tuple[float, np.ndarray, int]], duration: float, fps: int) -> np.ndarray:
    """The narration's loudness per video frame, 0…1: each clip (start, samples, rate) measured
    in frame-long windows, scaled by its own loud end so a quiet voice moves its figure as much."""
    out = np.zeros(int(round(duration * fps)) + 1, np.float32)
    for start, x, rate in clips:
        step = rate / fps
        n = int(len(x) / step)
        if n == 0:
            continue
        rms = np.sqrt(np.array([np.mean(x[int(i * step):int((i + 1) * step)] ** 2) for i in range(n)], np.float32))
        top = np.percentile(rms, 95) or 1.0
        level = np.convolve(np.clip(rms / top, 0, 1), np.ones(3) / 3, mode="same")  # syllables, not samples
        first = int(round(start * fps))
        out[first:first + n] = level[: max(0, len(out) - first)]
    return out
