"""Subtitle cues from the sentence times, written as SRT, WebVTT and styled ASS (for burning in).

A sentence too long for two lines is shown as several cues, split at word boundaries
with its time shared out by length: the first cue starts when the sentence starts,
the last ends when it ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from digitales.tale import Tale

MAX_CUE_CHARS = 84  # two lines of ~42 characters, the usual subtitle limit


@dataclass
class Cue:
    start: float
    end: float
    text: str


def cues(tale: Tale) -> list[Cue]:
    out: list[Cue] = []
    for scene in tale.scenes:
        for line in scene.lines:
            parts = split_text(line.text, MAX_CUE_CHARS)
            total = sum(len(p) for p in parts)
            t = line.start
            for i, part in enumerate(parts):
                end = line.end if i == len(parts) - 1 else t + (line.end - line.start) * len(part) / total
                out.append(Cue(round(t, 3), round(end, 3), part))
                t = end
    return out


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters at word boundaries, as even in length as possible."""
    words = text.split()
    if len(text) <= limit or len(words) < 2:
        return [text]
    pieces = -(-len(text) // limit)
    target = len(text) / pieces
    out, current = [], ""
    for word in words:
        if current and (len(current) + 1 + len(word) > limit or len(current) >= target):
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    out.append(current)
    return out


def two_lines(text: str) -> list[str]:
    """Break a cue into two balanced lines at a space near the middle."""
    if len(text) <= MAX_CUE_CHARS // 2:
        return [text]
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return [text]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return [text[:cut], text[cut + 1 :]]


def _stamp(t: float, sep: str) -> str:
    ms = round(t * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def to_srt(items: list[Cue]) -> str:
    blocks = [f"{i}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n" + "\n".join(two_lines(c.text))
              for i, c in enumerate(items, 1)]
    return "\n\n".join(blocks) + "\n"


def to_vtt(items: list[Cue]) -> str:
    blocks = [f"{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n" + "\n".join(two_lines(c.text)) for c in items]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def to_ass(items: list[Cue], size: tuple[int, int], font: str) -> str:
    """Burn-in style: a bold sans with a dark outline and soft shadow, low in the frame."""
    w, h = size
    fontsize = round(min(h, w * 1.2) * 0.052)
    margin = round(h * 0.06)
    side = round(w * 0.06)

    def stamp(t: float) -> str:
        cs = round(t * 100)
        hh, cs = divmod(cs, 360000)
        mm, cs = divmod(cs, 6000)
        ss, cs = divmod(cs, 100)
        return f"{hh}:{mm:02d}:{ss:02d}.{cs:02d}"

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")

    newline = "\\N"  # ASS's hard line break
    events = [f"Dialogue: 0,{stamp(c.start)},{stamp(c.end)},Tale,,0,0,0,,{newline.join(escape(l) for l in two_lines(c.text))}"
              for c in items]
    return "\n".join([
        "[Script Info]", "ScriptType: v4.00+", f"PlayResX: {w}", f"PlayResY: {h}",
        "WrapStyle: 0", "ScaledBorderAndShadow: yes", "YCbCr Matrix: TV.709", "",
        "[V4+ Styles]",
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
        "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, "
        "MarginR, MarginV, Encoding",
        f"Style: Tale,{font},{fontsize},&H00FFFFFF,&H00FFFFFF,&H00201810,&H96000000,-1,0,0,0,100,100,0,0,1,"
        f"{max(2, fontsize // 14)},{max(1, fontsize // 24)},2,{side},{side},{margin},1",
        "", "[Events]",
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
        *events, "",
    ])
