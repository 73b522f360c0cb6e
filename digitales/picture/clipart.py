"""The clip-art the collage is made of: Microsoft's Fluent Emoji (flat), MIT, as vector shapes.

The set-up installs the npm package `@iconify-json/fluent-emoji-flat` into
`.venv/share/digitales/`; each icon is an SVG body on a 32×32 grid, rendered here by
cairosvg at whatever pixel size the picture needs, so an 8K frame is as sharp as a 720p
one. Each asset has English words (its name, its emoji's CLDR name) and Russian words
(the emoji's Russian CLDR name from the `emoji` package) for matching the tale's nouns.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from digitales.errors import ToolMissing

PACKAGE = "@iconify-json/fluent-emoji-flat"
VERSION = "1.2.6"
INSTALL_HINT = (f"the clip-art is missing: run `make install` (or `npm install --prefix .venv/share/digitales "
                f"{PACKAGE}@{VERSION}`), or point DIGITALES_CLIPART at the package's folder")
# The categories that can stand in a picture-book scene (not flags, symbols, keycaps, gestures).
SCENE_CATEGORIES = {"Animals & Nature", "Food & Drink", "Objects", "Travel & Places", "Activities", "People & Body",
                    "Smileys & Emotion"}
# (direction arrows are Symbols, left out by category: "-arrow" here would also lose the bow and arrow)
_NOT_IN_SCENES = re.compile(r"-(dark|light|medium|medium-dark|medium-light)$|^(flag|keycap)|-(button|sign|symbol|"
                            r"oclock|thirty|hand|finger|fist|heart|mark)$|^(japanese|backhand|index-pointing)|"
                            r"(^|-)(face|cat)-with-|^(smiling|grinning|winking|kissing|frowning|crying|pouting|weary)-")
BODY_PARTS = {"nose", "ear", "eye", "eyes", "mouth", "tongue", "leg", "foot", "tooth", "brain", "lungs", "anatomical-heart",
              "biting-lip", "bone", "flexed-biceps", "mechanical-arm", "mechanical-leg", "ear-with-hearing-aid", "footprints"}
KEEP_SMILEYS = {"ghost", "ogre", "goblin", "skull", "alien", "robot", "jack-o-lantern", "clown-face",
                "slightly-smiling-face", "sun-with-face", "full-moon-face", "new-moon-face"}


@dataclass(frozen=True)
class Asset:
    name: str  # the icon's name in the set: "fox", "deciduous-tree"
    en: tuple[str, ...]  # English words that name it
    ru: tuple[str, ...]  # Russian words that name it (CLDR), as written
    category: str


def clipart_dir() -> Path:
    where = os.environ.get("DIGITALES_CLIPART")
    return Path(where) if where else Path(sys.prefix) / "share" / "digitales" / "node_modules" / PACKAGE


def problem() -> str | None:
    return None if (clipart_dir() / "icons.json").is_file() else INSTALL_HINT


@lru_cache(maxsize=1)
def _icon_set() -> dict:
    path = clipart_dir() / "icons.json"
    if not path.is_file():
        raise ToolMissing(INSTALL_HINT)
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def library() -> dict[str, Asset]:
    """Every asset that can appear in a scene, by name."""
    import emoji

    emoji.config.load_language("ru")
    folder = clipart_dir()
    icons = _icon_set()["icons"]
    chars = {name: "".join(chr(int(c, 16)) for c in code.split("-")) for code, name in
             json.loads((folder / "chars.json").read_text(encoding="utf-8")).items()}
    categories = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))["categories"]
    assets = {}
    for category, names in categories.items():
        if category not in SCENE_CATEGORIES:
            continue
        for name in names:
            if (name not in icons or _NOT_IN_SCENES.search(name) or name in BODY_PARTS
                    or (category == "Smileys & Emotion" and name not in KEEP_SMILEYS)):
                continue
            char = chars.get(name, "")
            data = emoji.EMOJI_DATA.get(char) or emoji.EMOJI_DATA.get(char.replace("\ufe0f", "")) or {}
            en = {name.replace("-", " ")} | {data.get("en", "").strip(":").replace("_", " ")} - {""}
            ru = data.get("ru", "").strip(":").replace("_", " ")
            assets[name] = Asset(name, tuple(sorted(en)), (ru,) if ru else (), category)
    return assets


def render(name: str, height: int, tint: tuple[int, int, int] | None = None, flip: bool = False) -> Image.Image:
    """The asset as RGBA, cropped to its visible outline (no transparent margin), `height` pixels tall."""
    return _render(name, max(4, int(height)), tint, flip).copy()


@lru_cache(maxsize=256)
def _render(name: str, height: int, tint: tuple[int, int, int] | None, flip: bool) -> Image.Image:
    import cairosvg

    icon_set = _icon_set()
    icon = icon_set["icons"][name]
    size = icon.get("width", icon_set.get("width", 32))
    # Draw on a canvas a bit larger than asked, then crop to the visible pixels and scale to the height.
    canvas = round(height * 1.25)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{canvas}" height="{canvas}" '
           f'viewBox="0 0 {size} {icon.get("height", size)}">{icon["body"]}</svg>')
    img = Image.open(io.BytesIO(cairosvg.svg2png(bytestring=svg.encode()))).convert("RGBA")
    box = img.getchannel("A").point(lambda a: 255 if a > 24 else 0).getbbox()
    img = img.crop(box) if box else img
    scale = height / img.height
    img = img.resize((max(1, round(img.width * scale)), height), Image.LANCZOS)
    if tint:
        img = _tinted(img, tint)
    return img.transpose(Image.FLIP_LEFT_RIGHT) if flip else img


def _tinted(img: Image.Image, tint: tuple[int, int, int], amount: float = 0.45) -> Image.Image:
    """Shift the colours toward `tint`, keeping light and shade (so a grey wolf stays a wolf)."""
    rgba = np.asarray(img, np.float32)
    light = rgba[..., :3].mean(axis=2, keepdims=True) / 255.0
    shaded = np.array(tint, np.float32) * (0.35 + 0.9 * light)
    rgba[..., :3] = rgba[..., :3] * (1 - amount) + np.clip(shaded, 0, 255) * amount
    return Image.fromarray(rgba.astype(np.uint8), "RGBA")


def visible_mask(img: Image.Image) -> np.ndarray:
    """Which pixels of a rendered asset are drawn: its outline, not its box."""
    return np.asarray(img.getchannel("A")) > 24
