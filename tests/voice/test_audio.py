import numpy as np

from digitales.voice import audio


def tone(seconds: float, rate: int, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def test_speech_edges_find_the_sound_between_silences():
    rate = 24000
    x = np.concatenate([audio.silence(0.5, rate), tone(1.0, rate), audio.silence(0.7, rate)])
    a, b = audio.speech_edges(x, rate)
    assert abs(a / rate - 0.5) <= 0.01 and abs(b / rate - 1.5) <= 0.01


def test_trim_keeps_a_margin_and_level_caps_the_peak():
    rate = 24000
    x = np.concatenate([audio.silence(0.5, rate), tone(1.0, rate, 0.05), audio.silence(0.5, rate)])
    y = audio.trim(x, rate, margin=0.03)
    assert abs(len(y) / rate - 1.06) < 0.02
    z = audio.level(y, target_db=0.0)
    assert np.abs(z).max() <= 0.891


def test_resample_keeps_duration_and_pitch():
    x = tone(1.0, 22050)
    y = audio.resample(x, 22050, 24000)
    assert len(y) == 24000
    spectrum = np.abs(np.fft.rfft(y))
    assert abs(np.argmax(spectrum) * 24000 / len(y) - 220) < 2


def test_wav_round_trip(tmp_path):
    x = tone(0.3, 24000)
    audio.write_wav(tmp_path / "a.wav", x)
    y, rate = audio.read_wav(tmp_path / "a.wav")
    assert rate == 24000 and np.max(np.abs(x - y)) < 1e-4
