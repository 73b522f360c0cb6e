"""Each voice really speaks (festival, piper, espeak-ng) and reports where each sentence is.

The check of the times is independent of our own edge finder: ffmpeg's silencedetect
finds the speech in the written clip.
"""

import re
import subprocess
from pathlib import Path

import pytest

from digitales.backend import Job
from digitales.cache import StageCache
from digitales.settings import Settings
from digitales.tale import Line, Scene, Tale
from digitales.voice import BACKENDS, audio

SENTENCES = {
    "ru": ["Жили-были старик со старухой.", "Испекла старуха колобок.", "Колобок покатился по дорожке."],
    "en": ["Once upon a time there was a fox.", "She lived by the river.", "Every morning she went for a walk."],
    "de": ["Es war einmal ein Fuchs.", "Er wohnte am Fluss."],
}


def speech_spans(path: Path) -> list[tuple[float, float]]:
    err = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af",
                          "silencedetect=noise=-45dB:d=0.15", "-f", "null", "-"], capture_output=True, text=True).stderr
    starts = [float(x) for x in re.findall(r"silence_start: (-?[\d.]+)", err)]
    ends = [float(x) for x in re.findall(r"silence_end: ([\d.]+)", err)]
    # The clip opens and closes with silence: speech lies between one silence's end and the next one's start.
    return [(ends[i], starts[i + 1]) for i in range(len(starts) - 1)]


@pytest.mark.parametrize("backend, lang", [("festival", "ru"), ("piper", "en"), ("espeak", "de")])
def test_voice_speaks_a_scene_and_its_sentence_times_match_the_audio(tmp_path, backend, lang):
    settings = Settings(lang=lang)
    lines = [Line(text=s, say=s, paragraph=i // 2) for i, s in enumerate(SENTENCES[lang])]
    tale = Tale(title="t", lang=lang, scenes=[Scene(index=1, text=" ".join(SENTENCES[lang]), lines=lines)])
    job = Job(tmp_path, settings, StageCache(tmp_path / ".cache", "voice", {"b": backend}))
    BACKENDS[backend](settings).run(tale, job)
    clip = tmp_path / "scenes" / "01.wav"
    x, rate = audio.read_wav(clip)
    assert rate == audio.RATE and abs(x.size / rate - tale.scenes[0].duration) < 0.01
    spans = speech_spans(clip)
    title = settings.video.title_seconds
    for line in tale.scenes[0].lines:
        start, end = line.start - title, line.end - title  # lay_out put them on the video's timeline
        assert min(abs(start - a) for a, _ in spans) <= 0.05, (line.text, start, spans)
        assert min(abs(end - b) for _, b in spans) <= 0.05, (line.text, end, spans)
    # all detected speech lies inside some reported sentence
    for a, b in spans:
        assert any(l.start - title - 0.05 <= a and b <= l.end - title + 0.05 for l in tale.scenes[0].lines), (a, b)
