"""Finding and running ffmpeg: Debian's when installed, else the static one inside imageio-ffmpeg."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from pathlib import Path

from digitales.errors import ToolMissing, UserError

FIX = "apt-get install ffmpeg (or .venv/bin/pip install imageio-ffmpeg)"


@functools.lru_cache(maxsize=1)
def ffmpeg_bin() -> str:
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except Exception:  # the package is missing or ships no binary for this platform
        raise ToolMissing(f"ffmpeg not found: {FIX}") from None


@functools.lru_cache(maxsize=1)
def filters() -> frozenset[str]:
    out = subprocess.run([ffmpeg_bin(), "-hide_banner", "-filters"], capture_output=True, text=True).stdout
    return frozenset(m.group(1) for m in re.finditer(r"^ \S+ (\w+)\s", out, re.M))


def run(args: list[str], what: str) -> str:
    """Run ffmpeg with `args`; return its stderr (where it reports); raise with its last words on failure."""
    cmd = [ffmpeg_bin(), "-hide_banner", "-nostdin", "-y", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    if proc.returncode != 0:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"ffmpeg failed while {what}: {tail}")
    return proc.stderr


def audio_duration(path: Path) -> float:
    """Seconds of audio in a file, or a clear error if it has none."""
    proc = subprocess.run([ffmpeg_bin(), "-hide_banner", "-nostdin", "-i", str(path)], capture_output=True, text=True, errors="replace")
    if "Audio:" not in proc.stderr:
        raise UserError(f"{path} has no audio that ffmpeg can read")
    m = re.search(r"Duration: (\d+):(\d+):(\d+\.\d+)", proc.stderr)
    if not m:
        return 0.0
    h, mi, s = m.groups()
    return int(h) * 3600 + int(mi) * 60 + float(s)


def ebur128_summary(stderr: str) -> dict[str, float]:
    """Integrated loudness (LUFS), its gating threshold, loudness range (LU) and true peak (dBTP)
    from the summary ffmpeg's `ebur128=peak=true` filter prints at the end."""
    summary = stderr[stderr.rindex("Summary:"):]

    def number(pattern: str) -> float:
        value = re.search(pattern, summary, re.S).group(1)
        return float("-inf") if value == "-inf" else float(value)

    return {
        "integrated": number(r"I:\s+(-?[\d.]+|-inf) LUFS"),
        "threshold": number(r"I:.*?Threshold:\s+(-?[\d.]+|-inf) LUFS"),
        "range": number(r"LRA:\s+(-?[\d.]+) LU"),
        "true_peak": number(r"Peak:\s+(-?[\d.]+|-inf) dBFS"),
    }
