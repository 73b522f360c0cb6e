"""The music bed every music backend ends with: levelled, faded, exactly the tale's length.

Levelled to a fixed loudness so the montage's ducking works the same on any music.
"""

from __future__ import annotations

from pathlib import Path

from digitales import ffmpeg

BED = "music.flac"
SCORE = "music.mid"  # written only by backends that compose


def make_bed(source: Path, length: float, loudness: float, fade: float, out: Path, loop: bool) -> None:
    """`source` → `out` (FLAC, stereo 48 kHz): looped (a user's file) or padded with silence
    (a score) to `length` seconds, faded in and out."""
    fade = min(fade, length / 4)
    chain = (f"loudnorm=I={loudness}:TP=-3:LRA=11,aresample=48000,{'' if loop else 'apad,'}"
             f"afade=t=in:d={fade:.3f},afade=t=out:st={length - fade:.3f}:d={fade:.3f}")
    repeat = ["-stream_loop", "-1"] if loop else []
    ffmpeg.run([*repeat, "-i", str(source), "-t", f"{length:.3f}", "-af", chain,
                "-ac", "2", "-ar", "48000", "-c:a", "flac", str(out)], "levelling the music")
