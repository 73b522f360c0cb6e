"""Colours per mood and time of day: the palette a scene is painted in."""

from __future__ import annotations

from dataclasses import dataclass

RGB = tuple[int, int, int]


def hex_rgb(code: str) -> RGB:
    code = code.lstrip("#")
    return tuple(int(code[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


@dataclass(frozen=True)
class Palette:
    sky_top: RGB
    sky_bottom: RGB
    hills: tuple[RGB, ...]  # far to near
    accents: tuple[RGB, ...]  # soft paint blobs
    ink: RGB  # text colour
    panel: RGB  # behind the text


def _p(sky_top, sky_bottom, hills, accents, ink, panel) -> Palette:
    return Palette(hex_rgb(sky_top), hex_rgb(sky_bottom), tuple(map(hex_rgb, hills)),
                   tuple(map(hex_rgb, accents)), hex_rgb(ink), hex_rgb(panel))


MOOD_PALETTES = {
    "calm": _p("#8ec5e8", "#f3e7c9", ["#9fc49a", "#77a77a", "#4f8460"], ["#fff3c4", "#cfe8f3", "#e8d3ef"], "#2d2a32", "#fbf6ea"),
    "joyful": _p("#7fd0f5", "#fff1b8", ["#b6dd7d", "#86c46a", "#5aa552"], ["#ffd166", "#ff9f80", "#fff3a0"], "#3a2618", "#fffaf0"),
    "sad": _p("#7d8ea8", "#c9cfd8", ["#8c9aa3", "#6f7e88", "#52616b"], ["#b9c4d6", "#a3afc2", "#d5dbe4"], "#1f2530", "#eef1f5"),
    "tense": _p("#c9704f", "#f2c48d", ["#a8795a", "#84583f", "#5e3b2a"], ["#f29e4c", "#d8574a", "#f7d08a"], "#2b160e", "#fff4e6"),
    "scary": _p("#1d1b3a", "#4d3b6b", ["#3a3458", "#2a2543", "#1b172e"], ["#6b4f9a", "#2f6b6b", "#8f3b5b"], "#f3ecff", "#1c1830"),
    "magic": _p("#5b4bb7", "#f0b3d6", ["#7b6cc4", "#5d4fa6", "#3f3585"], ["#ffe08a", "#9fe3ff", "#ffb3e6"], "#24163d", "#fbf3ff"),
    "heroic": _p("#3f7cc4", "#f6d186", ["#b08a4f", "#8a6a3a", "#5f4a2a"], ["#f4c542", "#e76f51", "#fff0b3"], "#241a0c", "#fff8e8"),
}

# Time of day tints the sky; night skies also switch ink and panel for contrast.
TIME_SKIES = {
    "night": ("#0f1836", "#2d3d6b"),
    "evening": ("#6b4f8f", "#f2a66b"),
    "morning": ("#a6d1f0", "#ffd9b3"),
}


def palette_for(mood: str, time_of_day: str = "day") -> Palette:
    base = MOOD_PALETTES.get(mood, MOOD_PALETTES["calm"])
    if time_of_day not in TIME_SKIES:
        return base
    top, bottom = (hex_rgb(c) for c in TIME_SKIES[time_of_day])
    sky_top, sky_bottom = _mix(base.sky_top, top, 0.7), _mix(base.sky_bottom, bottom, 0.6)
    hills = base.hills
    if time_of_day == "night":
        hills = tuple(_mix(h, (20, 24, 48), 0.6) for h in base.hills)
    return Palette(sky_top, sky_bottom, hills, base.accents, base.ink, base.panel)


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]
