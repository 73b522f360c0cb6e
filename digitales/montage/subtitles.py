"""Subtitle cues from the sentence times, written as SRT, WebVTT and styled ASS (for burning in).

A sentence too long for two lines is shown as several cues, split at word boundaries
with its time shared out by length: the first cue starts when the sentence starts,
the last ends when it ends.

Read-along: each cue also knows when each of its words is spoken, from the voice engine's
own word times where it gave them (`Line.words`), otherwise estimated by syllables within
the cue; the ASS then lights each word up with a karaoke `\\k` tag as it is said.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from digitales import subtitle_band
from digitales.tale import Line, Tale
from digitales.text.words import spoken_words, syllables

MAX_CUE_CHARS = subtitle_band.CUE_CHARS  # two lines of ~42 characters, the usual subtitle limit


HIGHLIGHT = "&H0000D6FF"  # ASS colours are &HAABBGGRR: a warm yellow for words already spoken


@dataclass
class Cue:
    start: float
    end: float
    text: str
    words: list[tuple[str, float]] = field(default_factory=list)  # each spoken word and when it starts
    timed_by: str = "estimated"  # "voice" when the words' times are the voice engine's own


def cues(tale: Tale) -> list[Cue]:
    out: list[Cue] = []
    for scene in tale.scenes:
        for line in scene.lines:
            parts = split_text(line.text, MAX_CUE_CHARS)
            total = sum(len(p) for p in parts)
            voiced = len(line.words) == len(spoken_words(line.text)) and bool(line.words)
            t, taken = line.start, 0
            for i, part in enumerate(parts):
                end = line.end if i == len(parts) - 1 else t + (line.end - line.start) * len(part) / total
                cue = Cue(round(t, 3), round(end, 3), part)
                words = spoken_words(part)
                if voiced:  # the voice's times, held inside the cue so none is lit before or after it
                    starts = [min(cue.end, max(cue.start, a)) for a, _ in line.words[taken : taken + len(words)]]
                    cue.words, cue.timed_by = list(zip(words, starts)), "voice"
                    taken += len(words)
                else:
                    cue.words = list(zip(words, estimate_starts(words, cue.start, cue.end)))
                out.append(cue)
                t = end
    return out


def estimate_starts(words: list[str], start: float, end: float) -> list[float]:
    """When each word starts if the time is shared out by syllables."""
    weights = [syllables(w) for w in words]
    total, at, out = sum(weights) or 1, start, []
    for w in weights:
        out.append(round(at, 3))
        at += (end - start) * w / total
    return out


def word_timing(tale: Tale) -> dict:
    """Where the read-along word times came from, for the manifest."""
    lines: list[Line] = [l for s in tale.scenes for l in s.lines]
    voiced = sum(1 for l in lines if l.words and len(l.words) == len(spoken_words(l.text)))
    source = "voice" if voiced == len(lines) else "estimated" if voiced == 0 else "mixed"
    return {"word_times": source, "lines_timed_by_voice": voiced, "lines_estimated": len(lines) - voiced}


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


def set_lines(text: str, size: tuple[int, int]) -> list[str]:
    """A cue as the burned subtitles set it: as few balanced lines as fit the frame's width (two
    on a wide frame, up to three on a narrow one), so it never spills above the band."""
    n = max(1, min(subtitle_band.lines(size), -(-len(text) // subtitle_band.line_chars(size))))
    if n <= 2:
        return two_lines(text)
    out, rest = [], text
    for k in range(n, 1, -1):  # cut at the space nearest an even share of what is left
        spaces = [i for i, ch in enumerate(rest) if ch == " "]
        if not spaces:
            break
        cut = min(spaces, key=lambda i: abs(i - len(rest) / k))
        out.append(rest[:cut])
        rest = rest[cut + 1:]
    return out + [rest]


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


def to_ass(items: list[Cue], size: tuple[int, int], font: str, read_along: bool = False) -> str:
    """Burn-in style: a bold sans with a dark outline and soft shadow, low in the frame, inside
    the band the pictures keep clear (subtitle_band.py).
    `read_along`: each word turns from white to yellow as it is spoken (karaoke \\k tags)."""
    w, h = size
    fontsize = subtitle_band.font_size(size)
    side, margin = subtitle_band.margins(size)

    def stamp(t: float) -> str:
        cs = round(t * 100)
        hh, cs = divmod(cs, 360000)
        mm, cs = divmod(cs, 6000)
        ss, cs = divmod(cs, 100)
        return f"{hh}:{mm:02d}:{ss:02d}.{cs:02d}"

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")

    newline = "\\N"  # ASS's hard line break

    def karaoke(c: Cue) -> str:
        """The cue's words, each led by {\\kN}: centiseconds from its start to the next word's,
        counted on the same rounded clock as the stamps so they add up to the cue exactly."""
        first, last = round(c.start * 100), round(c.end * 100)
        starts = []
        for _, t in c.words:
            starts.append(min(last, max(first, starts[-1] if starts else first, round(t * 100))))
        breaks = set(itertools.accumulate(len(l.split()) for l in set_lines(c.text, size)))  # tokens before each break
        tokens_all = len(c.text.split())
        pieces, n = [], 0
        if starts and starts[0] > first:
            pieces.append(f"{{\\k{starts[0] - first}}}")  # silence before the first word
        for (word, _), a, b in zip(c.words, starts, starts[1:] + [last]):
            tokens = []
            for token in word.split():
                n += 1
                tokens.append(escape(token))
                tokens.append(newline if n in breaks and n < tokens_all else " ")
            pieces.append(f"{{\\k{b - a}}}" + "".join(tokens))
        return "".join(pieces).rstrip(" ")

    def text(c: Cue) -> str:
        if read_along and c.words:
            return karaoke(c)
        return newline.join(escape(l) for l in set_lines(c.text, size))

    events = [f"Dialogue: 0,{stamp(c.start)},{stamp(c.end)},Tale,,0,0,0,,{text(c)}" for c in items]
    primary = HIGHLIGHT if read_along else "&H00FFFFFF"  # \k turns a word from secondary (white) to primary
    return "\n".join([
        "[Script Info]", "ScriptType: v4.00+", f"PlayResX: {w}", f"PlayResY: {h}",
        "WrapStyle: 0", "ScaledBorderAndShadow: yes", "YCbCr Matrix: TV.709", "",
        "[V4+ Styles]",
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
        "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, "
        "MarginR, MarginV, Encoding",
        f"Style: Tale,{font},{fontsize},{primary},&H00FFFFFF,&H00201810,&H96000000,-1,0,0,0,100,100,0,0,1,"
        f"{max(2, fontsize // 14)},{max(1, fontsize // 24)},2,{side},{side},{margin},1",
        "", "[Events]",
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
        *events, "",
    ])
