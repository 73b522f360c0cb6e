"""The silero backend loads a model file the way a user's downloaded Silero model loads
(a torch.package with `tts_models/model`), here a tiny random network built in the test."""

import sys
import textwrap

import numpy as np
import pytest
import torch

from digitales.backend import Job
from digitales.cache import StageCache
from digitales.errors import UserError
from digitales.settings import load_settings
from digitales.tale import Character, Line, Scene, Tale
from digitales.voice import BACKENDS, audio

TINY_TTS = textwrap.dedent('''
    import torch

    class TinyTTS(torch.nn.Module):
        """Characters -> embeddings -> a small conv net -> 400 samples each, pitched per speaker."""
        speakers = ["xenia", "aidar", "baya", "random"]

        def __init__(self):
            super().__init__()
            torch.manual_seed(0)
            self.embed = torch.nn.Embedding(2048, 8)
            self.net = torch.nn.Sequential(torch.nn.Conv1d(8, 16, 3, padding=1), torch.nn.Tanh(), torch.nn.Conv1d(16, 1, 1))

        def apply_tts(self, text, speaker, sample_rate=48000):
            assert speaker in self.speakers and len(text) < 1000
            ids = torch.tensor([min(ord(c), 2047) for c in text])
            amp = self.net(self.embed(ids).T.unsqueeze(0))[0, 0].abs() + 0.2
            t = torch.arange(400) / sample_rate
            f0 = 120.0 * (1 + self.speakers.index(speaker) * 0.5)
            wave = torch.sin(2 * torch.pi * f0 * t)
            return (amp[:, None] * wave[None, :]).reshape(-1) * 0.3
''')


@pytest.fixture
def tiny_model(tmp_path, monkeypatch):
    (tmp_path / "tiny_tts.py").write_text(TINY_TTS)
    monkeypatch.syspath_prepend(str(tmp_path))
    import tiny_tts

    path = tmp_path / "tiny.pt"
    with torch.package.PackageExporter(str(path)) as exporter:
        exporter.intern("tiny_tts")
        exporter.extern(["torch", "torch.**"])
        exporter.save_pickle("tts_models", "model", tiny_tts.TinyTTS())
    sys.modules.pop("tiny_tts")  # the backend must load the class from the package, not from here
    return path


def test_silero_model_file_speaks_with_a_speaker_per_character(tmp_path, tiny_model):
    settings = load_settings(overrides={"lang": "ru", "voice": {"backend": "silero", "voice": str(tiny_model)}})
    say = "Жили-были старик со старухой."
    lines = [Line(text=say, say="Ж+или-б+ыли стар+ик со стар+ухой."), Line(text=say, say=say, speaker="Лиса")]
    tale = Tale(title="t", lang="ru", scenes=[Scene(index=1, text=say, lines=lines)],
                characters=[Character("narrator", role="narrator"), Character("Лиса", gender="female")])
    backend = BACKENDS["silero"](settings)
    backend.preflight()
    backend.run(tale, Job(tmp_path, settings, StageCache(tmp_path / ".cache", "voice", {})))
    voices = {c.name: c.voice for c in tale.characters}
    assert voices == {"narrator": "silero:xenia", "Лиса": "silero:baya"}  # its own speakers, no shifts
    x, rate = audio.read_wav(tmp_path / "scenes" / "01.wav")
    for line in tale.scenes[0].lines:
        a, b = (int((t - tale.scenes[0].start) * rate) for t in (line.start, line.end))
        assert b - a > 0.15 * rate and np.sqrt(np.mean(x[a:b] ** 2)) > 0.01


def test_missing_or_unknown_silero_model_is_a_clear_error(tmp_path):
    missing = load_settings(overrides={"lang": "ru", "voice": {"backend": "silero", "voice": str(tmp_path / "no.pt")}})
    with pytest.raises(UserError, match="not found"):
        BACKENDS["silero"](missing).preflight()
    unknown = load_settings(overrides={"lang": "xx", "voice": {"backend": "silero"}})
    with pytest.raises(UserError, match="no model for 'xx'"):
        BACKENDS["silero"](unknown).preflight()
