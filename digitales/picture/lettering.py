"""Setting text on a picture: wrapping to a width and drawing it on a soft panel."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from digitales.picture.palette import RGB


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def fit(text: str, use_font, width: float, size: int, max_lines: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest font (from `size` down) that sets `text` in at most `max_lines` lines."""
    while True:
        font = use_font(size)
        lines = wrap(text, font, width)
        if len(lines) <= max_lines or size <= 12:
            return font, lines
        size = int(size * 0.9)


def draw_block(img: Image.Image, lines: list[str], font: ImageFont.FreeTypeFont, centre: tuple[float, float],
               ink: RGB, panel: RGB | None = None, panel_alpha: int = 200) -> None:
    """Centred lines of text, on a rounded translucent panel when `panel` is given, with a soft shadow."""
    ascent, descent = font.getmetrics()
    step = (ascent + descent) * 1.12
    block_w = max(font.getlength(l) for l in lines)
    block_h = step * len(lines)
    x0, y0 = centre[0] - block_w / 2, centre[1] - block_h / 2
    if panel is not None:
        pad = step * 0.55
        box = (x0 - pad, y0 - pad * 0.8, x0 + block_w + pad, y0 + block_h + pad * 0.8)
        shadow = Image.new("RGBA", img.size, (0, 0, 0, 0))
        ImageDraw.Draw(shadow).rounded_rectangle(_shift(box, pad * 0.15), radius=pad, fill=(0, 0, 0, 70))
        shadow = shadow.filter(ImageFilter.GaussianBlur(pad * 0.4))
        img.paste(shadow, (0, 0), shadow)
        layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
        ImageDraw.Draw(layer).rounded_rectangle(box, radius=pad, fill=(*panel, panel_alpha))
        img.paste(layer, (0, 0), layer)
    else:  # no panel: a blurred dark halo keeps light text readable on any sky
        halo = Image.new("RGBA", img.size, (0, 0, 0, 0))
        d = ImageDraw.Draw(halo)
        for i, line in enumerate(lines):
            d.text((centre[0] - font.getlength(line) / 2, y0 + i * step), line, font=font, fill=(0, 0, 0, 150))
        halo = halo.filter(ImageFilter.GaussianBlur(step * 0.12))
        img.paste(halo, (0, 0), halo)
    d = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        d.text((centre[0] - font.getlength(line) / 2, y0 + i * step), line, font=font, fill=ink)


def _shift(box: tuple[float, float, float, float], by: float) -> tuple[float, float, float, float]:
    return (box[0] + by, box[1] + by, box[2] + by, box[3] + by)
