"""Without Debian's ffmpeg, the static binary inside imageio-ffmpeg does the whole job."""

import shutil

import numpy as np

from digitales import ffmpeg
from digitales.montage.mix import render_mix
from digitales.voice import audio
from tests.conftest import loudness


def test_imageio_ffmpeg_binary_is_used_when_debian_ffmpeg_is_missing(tmp_path, monkeypatch):
    real_which = shutil.which
    monkeypatch.setattr(ffmpeg.shutil, "which", lambda name: None if name == "ffmpeg" else real_which(name))
    ffmpeg.ffmpeg_bin.cache_clear()
    ffmpeg.filters.cache_clear()
    try:
        binary = ffmpeg.ffmpeg_bin()
        assert "imageio_ffmpeg" in binary
        assert {"subtitles", "sidechaincompress", "loudnorm", "asoftclip"} <= ffmpeg.filters()
        t = np.arange(24000 * 6) / 24000
        voice = (0.3 * np.sin(2 * np.pi * 200 * t) * (np.sin(2 * np.pi * 0.5 * t) > 0)).astype(np.float32)
        audio.write_wav(tmp_path / "voice.wav", voice)
        audio.write_wav(tmp_path / "bed.wav", (0.1 * np.sin(2 * np.pi * 440 * t)).astype(np.float32))
        render_mix(tmp_path / "voice.wav", tmp_path / "bed.wav", tmp_path / "mix.wav", -16.0, -2.0, 12.0)
    finally:
        ffmpeg.ffmpeg_bin.cache_clear()
        ffmpeg.filters.cache_clear()
    i, tp = loudness(tmp_path / "mix.wav")
    assert abs(i + 16) <= 1.0 and tp <= -1.5
