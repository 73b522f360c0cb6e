"""Music ducks ~12 dB under speech of any level and comes back in the pauses; the final mix
meets the loudness target."""


import numpy as np

from digitales import ffmpeg
from digitales.montage.mix import duck_filter, render_mix
from digitales.voice import audio
from tests.conftest import loudness

RATE = 48000
# (start, end, level dBFS) of "speech": noisy bursts at three very different levels
SPEECH = [(2.0, 5.0, -30.0), (7.0, 10.0, -20.0), (12.0, 15.0, -10.0)]
LENGTH = 18.0


def speechlike(rng) -> np.ndarray:
    x = np.zeros(int(LENGTH * RATE), np.float32)
    for a, b, db in SPEECH:
        n = int((b - a) * RATE)
        t = np.arange(n) / RATE
        syllables = 0.55 + 0.45 * np.sin(2 * np.pi * 4 * t)  # 4 syllables a second
        burst = rng.normal(size=n) * syllables * np.sin(2 * np.pi * 180 * t)
        burst *= 10 ** (db / 20) / np.sqrt(np.mean(burst**2))
        x[int(a * RATE): int(a * RATE) + n] = burst
    return x


def bed() -> np.ndarray:
    t = np.arange(int(LENGTH * RATE)) / RATE
    return (0.1 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def rms_db(x: np.ndarray) -> float:
    return 20 * np.log10(np.sqrt(np.mean(x**2)) + 1e-12)


def test_music_dips_about_12_db_under_speech_of_any_level(tmp_path):
    audio.write_wav(tmp_path / "voice.wav", speechlike(np.random.default_rng(1)), RATE)
    audio.write_wav(tmp_path / "bed.wav", bed(), RATE)
    graph = ("[0:a]aformat=channel_layouts=stereo[voice];[1:a]pan=stereo|c0=c0|c1=c0[bed];"
             + duck_filter(12.0) + ";[ducked]pan=mono|c0=c0[left]")
    ffmpeg.run(["-i", str(tmp_path / "voice.wav"), "-i", str(tmp_path / "bed.wav"), "-filter_complex", graph,
                "-map", "[left]", "-c:a", "pcm_s16le", str(tmp_path / "ducked.wav")], "test")
    ducked, rate = audio.read_wav(tmp_path / "ducked.wav")
    free = rms_db(ducked[int(0.5 * rate): int(1.8 * rate)])  # before any speech
    assert abs(free - rms_db(bed()[: rate])) < 0.5, "untouched when nobody speaks"
    for a, b, db in SPEECH:
        under = rms_db(ducked[int((a + 0.4) * rate): int((b - 0.1) * rate)])
        assert 10.5 <= free - under <= 13.5, f"speech at {db} dBFS ducked by {free - under:.1f} dB"
        after = rms_db(ducked[int((b + 1.2) * rate): int((b + 1.9) * rate)])
        assert free - after < 1.5, "comes back in the pause"


def test_mix_meets_loudness_and_true_peak_targets(tmp_path):
    audio.write_wav(tmp_path / "voice.wav", speechlike(np.random.default_rng(2)), 24000 * 2)
    audio.write_wav(tmp_path / "bed.wav", bed(), RATE)
    render_mix(tmp_path / "voice.wav", tmp_path / "bed.wav", tmp_path / "mix.wav", -16.0, -2.0, 12.0)
    i, tp = loudness(tmp_path / "mix.wav")
    assert abs(i + 16) <= 1.0 and tp <= -1.5
    x, rate = audio.read_wav(tmp_path / "mix.wav")
    assert rate == 48000 and abs(x.size / rate - LENGTH) < 0.05
