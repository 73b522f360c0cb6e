"""Where the burned-in subtitles sit in the video frame, told once for the two stages that care:
the montage sets its subtitle style from it, and the picture stage keeps every figure out of it.

The band is the bottom strip of the frame that two lines of subtitles, their outline and
the margin under them take. A picture is seen through the slow camera (montage/motion.py),
which may zoom in by up to `1 + zoom` and pan anywhere, so a picture row can reach the band
from higher up than the band's own share of the frame: `picture_band_top` is the highest
picture row any camera window can carry into the band.

Imports nothing from the project, so both stages can read it.
"""

from __future__ import annotations

FONT = 0.052  # the subtitles' font size, as a share of min(height, 1.2 × width)
MARGIN_BOTTOM = 0.06  # of the height, under the last line
MARGIN_SIDE = 0.06  # of the width, at each side
CUE_CHARS = 84  # the longest cue (montage/subtitles.py cuts longer sentences into several)
GLYPH = 0.5  # the subtitle sans's mean advance per character of ordinary text, in font sizes (0.45 measured)
LINE_HEIGHT = 1.3  # a line's height in font sizes: ascent and descent of the sans, with room for ё and й
AIR = 0.012  # of the height, kept free above the text for its outline and a breath of space


def font_size(size: tuple[int, int]) -> int:
    w, h = size
    return round(min(h, w * 1.2) * FONT)


def margins(size: tuple[int, int]) -> tuple[int, int]:
    """(side, bottom) margins in pixels, as the ASS style takes them."""
    w, h = size
    return round(w * MARGIN_SIDE), round(h * MARGIN_BOTTOM)


def line_chars(size: tuple[int, int]) -> int:
    """How many characters fit on one subtitle line at this width."""
    return int((size[0] - 2 * margins(size)[0]) / (GLYPH * font_size(size)))


def lines(size: tuple[int, int]) -> int:
    """How many lines the longest cue is set in at this width: two on a wide frame, three on a
    square or tall one (the montage breaks each cue into lines of `line_chars` itself)."""
    return max(2, -(-CUE_CHARS // line_chars(size)))


def band_top(size: tuple[int, int]) -> int:
    """The first row of the video frame (in pixels) that burned subtitles may cover."""
    h = size[1]
    return int(h - margins(size)[1] - lines(size) * LINE_HEIGHT * font_size(size) - AIR * h)


def picture_band_top(video_size: tuple[int, int], zoom: float) -> float:
    """The highest row of a picture, as a share of its height, that the camera can bring into the
    band. The window is at most the whole picture tall and at least 1/(1+zoom) of it; at its
    top-most, a frame row at share b of the window is the picture row b/(1+zoom)."""
    return band_top(video_size) / video_size[1] / (1 + zoom)
