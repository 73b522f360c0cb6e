"""Fonts with Cyrillic from Debian packages (fonts-paratype, fonts-comfortaa, fonts-dejavu)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from digitales.errors import ToolMissing

FONT_DIRS = ("/usr/share/fonts/truetype",)
# By use, best first; DejaVu is the last resort that every Debian has.
FONTS = {
    "title": ("comfortaa/Comfortaa-Bold.ttf", "paratype/PTS75F.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "text": ("paratype/PTF55F.ttf", "paratype/PTS55F.ttf", "dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSans.ttf"),
    "subtitle": ("paratype/PTS75F.ttf", "dejavu/DejaVuSans-Bold.ttf"),
}
FIX = "apt-get install fonts-paratype fonts-comfortaa fonts-dejavu-core"


def font_path(use: str) -> Path:
    for name in FONTS[use]:
        for root in FONT_DIRS:
            path = Path(root) / name
            if path.is_file():
                return path
    raise ToolMissing(f"no font with Cyrillic found for {use}: {FIX}")


@lru_cache(maxsize=64)
def font(use: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(use)), size)


def font_family(use: str) -> str:
    """The family name libass should ask fontconfig for."""
    f = font(use, 12)
    return f.getname()[0]


def problem() -> str | None:
    """Why pictures with lettering cannot be made here, or None."""
    try:
        for use in FONTS:
            font_path(use)
    except ToolMissing as e:
        return str(e)
    return None
