"""The sound track: narration on the timeline, music ducked under it, loudness normalised.

Ducking is a sidechain compressor keyed by the narration. The key is first squared
off, so every stretch of speech, loud or soft, pushes the compressor equally hard: the
music dips by about `duck_db` under any voice and comes back in the pauses. Loudness is normalised in two passes (measure with ebur128, then apply with
loudnorm in linear mode), as a single loudnorm pass misses the target.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from digitales import ffmpeg
from digitales.tale import Tale
from digitales.voice import audio

KEY_LEVEL_DB = -6.0  # the squared-off key's level during speech
RATIO = 20.0


def narration_track(tale: Tale, tale_dir: Path, out: Path) -> None:
    """All scene clips end to end after the title card's silence, as one WAV."""
    pieces = [audio.silence(tale.title_card)]
    for scene in tale.scenes:
        x, rate = audio.read_wav(tale_dir / scene.audio)
        pieces.append(audio.resample(x, rate))
    audio.write_wav(out, np.concatenate(pieces))


def duck_filter(duck_db: float, voice: str = "voice") -> str:
    """Filter graph: [voice][bed] in → [ducked] out (the bed dipped under the voice)."""
    # The key is the voice amplified 60 dB and hard-clipped: a square wave of fixed level
    # wherever anyone speaks, whatever the voice's own level or waveform. The compressor
    # then cuts by (key − threshold)(1 − 1/ratio) dB: exactly duck_db.
    threshold = 10 ** ((KEY_LEVEL_DB - duck_db / (1 - 1 / RATIO)) / 20)
    return (f"[{voice}]aformat=sample_fmts=fltp:channel_layouts=stereo,volume=60dB,"
            f"asoftclip=type=hard:threshold={10 ** (KEY_LEVEL_DB / 20):.4f}[key];"
            f"[bed][key]sidechaincompress=threshold={threshold:.5f}:ratio={RATIO}:attack=25:release=450:"
            f"knee=1:detection=peak:makeup=1[ducked]")


def mix_graph(has_music: bool, duck_db: float) -> str:
    """Inputs: 0 narration (mono), 1 music bed (stereo, optional). Output label [mix]."""
    voice = "[0:a]aresample=48000,aformat=channel_layouts=stereo"
    if not has_music:
        return f"{voice}[mix]"
    return (f"{voice},asplit=2[voice][voicekey];"
            f"[1:a]aresample=48000,aformat=channel_layouts=stereo[bed];"
            + duck_filter(duck_db, voice="voicekey")
            + ";[voice][ducked]amix=inputs=2:normalize=0:duration=first[mix]")


def render_mix(narration: Path, music: Path | None, out: Path, loudness: float, true_peak: float, duck_db: float) -> dict:
    """Write the final track to `out` (48 kHz stereo WAV); return the loudness measured before normalising."""
    inputs = ["-i", str(narration)] + (["-i", str(music)] if music else [])
    graph = mix_graph(music is not None, duck_db)
    # Pass 1 measures with ebur128 (5× faster than a loudnorm pass that also renders).
    stderr = ffmpeg.run([*inputs, "-filter_complex", f"{graph};[mix]ebur128=peak=true[out]",
                         "-map", "[out]", "-f", "null", "-"], "measuring loudness")
    m = ffmpeg.ebur128_summary(stderr)
    if m["integrated"] == float("-inf"):
        raise RuntimeError("the sound track is silent: the voice produced no audio")
    second = (f"loudnorm=I={loudness}:TP={true_peak}:LRA=11:measured_I={m['integrated']}:"
              f"measured_TP={m['true_peak']}:measured_LRA={m['range']}:measured_thresh={m['threshold']}:linear=true")
    # loudnorm works at 192 kHz; resample on output (an aresample filter after it fails to
    # reinitialise when loudnorm falls back to dynamic mode mid-stream).
    ffmpeg.run([*inputs, "-filter_complex", f"{graph};[mix]{second}[out]",
                "-map", "[out]", "-ar", "48000", "-c:a", "pcm_s16le", str(out)], "normalising loudness")
    return m
