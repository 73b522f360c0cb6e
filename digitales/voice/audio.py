"""Audio pieces every voice backend shares: WAV I/O, resampling, trimming, assembly."""

from __future__ import annotations

import io
import subprocess
import wave
from math import gcd
from pathlib import Path

import numpy as np
from scipy.signal import resample_poly

RATE = 24000  # every narration clip is mono 16-bit at this rate, whatever the engine's own


def read_wav(source: Path | bytes) -> tuple[np.ndarray, int]:
    """Mono float32 samples in [-1, 1] and the sample rate of a 16-bit PCM WAV."""
    f = wave.open(io.BytesIO(source) if isinstance(source, bytes) else str(source), "rb")
    with f:
        rate, channels, width = f.getframerate(), f.getnchannels(), f.getsampwidth()
        data = f.readframes(f.getnframes())
    if width != 2:
        raise ValueError(f"expected 16-bit WAV, got {8 * width}-bit")
    x = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
    if channels > 1:
        x = x.reshape(-1, channels).mean(axis=1)
    return x, rate


def write_wav(path: Path, x: np.ndarray, rate: int = RATE) -> None:
    """16-bit PCM; `x` is (samples,) for mono or (samples, channels)."""
    pcm = (np.clip(x, -1.0, 1.0) * 32767.0).astype("<i2")
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1 if x.ndim == 1 else x.shape[1])
        f.setsampwidth(2)
        f.setframerate(rate)
        f.writeframes(pcm.tobytes())


def resample(x: np.ndarray, rate: int, to: int = RATE) -> np.ndarray:
    if rate == to:
        return x.astype(np.float32)
    g = gcd(rate, to)
    return resample_poly(x, to // g, rate // g).astype(np.float32)


def speech_edges(x: np.ndarray, rate: int, floor_db: float = -40.0, frame: float = 0.01) -> tuple[int, int]:
    """First and last sample of speech: 10 ms frames louder than `floor_db` below the peak frame."""
    n = max(1, int(rate * frame))
    frames = len(x) // n
    if frames == 0:
        return 0, len(x)
    rms = np.sqrt(np.mean(x[: frames * n].reshape(frames, n) ** 2, axis=1) + 1e-12)
    loud = np.nonzero(20 * np.log10(rms / rms.max()) > floor_db)[0]
    if len(loud) == 0:
        return 0, 0
    return int(loud[0] * n), int(min(len(x), (loud[-1] + 1) * n))


def trim(x: np.ndarray, rate: int, margin: float = 0.03) -> np.ndarray:
    """Cut leading and trailing silence, keeping a short margin so consonants are not clipped."""
    lo, hi = trim_bounds(x, rate, margin)
    return x[lo:hi]


def trim_bounds(x: np.ndarray, rate: int, margin: float = 0.03) -> tuple[int, int]:
    """The samples trim() keeps, as [lo, hi): word times move by `lo`."""
    a, b = speech_edges(x, rate)
    m = int(margin * rate)
    return max(0, a - m), min(len(x), b + m)


def level(x: np.ndarray, target_db: float = -20.0, peak: float = 0.89) -> np.ndarray:
    """Scale speech to a common RMS level, never above `peak` (−1 dBFS)."""
    if not len(x):
        return x
    rms = float(np.sqrt(np.mean(x**2)))
    if rms < 1e-6:
        return x
    gain = min(10 ** (target_db / 20) / rms, peak / float(np.abs(x).max()))
    return (x * gain).astype(np.float32)


def shift(x: np.ndarray, rate: int, pitch: float, tempo: float) -> np.ndarray:
    """Pitch and formants moved by `pitch` (a resample), speed by `tempo` (ffmpeg's WSOLA atempo)."""
    if (pitch, tempo) == (1.0, 1.0) or not len(x):
        return x
    from digitales import ffmpeg

    chain = f"asetrate={round(rate * pitch)},aresample={rate},atempo={tempo / pitch:.5f}"
    proc = subprocess.run([ffmpeg.ffmpeg_bin(), "-nostdin", "-loglevel", "error", "-f", "f32le", "-ar", str(rate),
                           "-ac", "1", "-i", "pipe:0", "-af", chain, "-f", "f32le", "pipe:1"],
                          input=x.astype("<f4").tobytes(), capture_output=True)
    if proc.returncode != 0:
        raise RuntimeError(f"ffmpeg failed while shifting a voice: {proc.stderr.decode(errors='replace').strip()}")
    return np.frombuffer(proc.stdout, dtype="<f4").astype(np.float32)


def silence(seconds: float, rate: int = RATE) -> np.ndarray:
    return np.zeros(int(round(seconds * rate)), dtype=np.float32)
