"""Festival's own word times reach the tale: read-along lights each word when festival says it."""

import subprocess

import numpy as np

from digitales.backend import Job
from digitales.cache import StageCache
from digitales.settings import Settings
from digitales.tale import Line, Scene, Tale
from digitales.text.words import spoken_words
from digitales.voice import BACKENDS
from digitales.voice.festival import festival_text
from tests.voice.test_voices import speech_spans

SENTENCES = ["Жили-были старик со старухой.", "Колобок полежал-полежал да и покатился по дорожке, прямо в лес."]


def festival_word_starts(text: str) -> list[float]:
    """Festival asked directly, without our engine: when each word starts in its own utterance."""
    script = (f'(voice_msu_ru_nsh_clunits)(set! u (SynthText "{festival_text(text)}"))'
              '(mapcar (lambda (w) (format t "%f\\n" (item.feat w "word_start"))) (utt.relation.items u \'Word))')
    out = subprocess.run(["festival", "--pipe"], input=script, capture_output=True, text=True, check=True).stdout
    return [float(x) for x in out.split()]


def test_festival_word_starts_reach_the_lines_within_50_ms(tmp_path):
    settings = Settings(lang="ru")
    lines = [Line(text=s, say=s) for s in SENTENCES]
    tale = Tale(title="t", lang="ru", scenes=[Scene(index=1, text=" ".join(SENTENCES), lines=lines)])
    BACKENDS["festival"](settings).run(tale, Job(tmp_path, settings, StageCache(tmp_path / ".cache", "voice", {})))
    title = settings.video.title_seconds
    spans = speech_spans(tmp_path / "scenes" / "01.wav")
    for line in tale.scenes[0].lines:
        assert len(line.words) == len(spoken_words(line.text))
        theirs = festival_word_starts(line.text)
        ours = [a for a, _ in line.words]
        # festival's times are of its own utterance, with its own lead-in: compare from the first word on
        assert all(abs((o - ours[0]) - (t - theirs[0])) <= 0.05 for o, t in zip(ours, theirs)), (ours, theirs)
        # and the first word starts where the speech does in the clip (ffmpeg's silencedetect)
        assert min(abs(ours[0] - title - a) for a, _ in spans) <= 0.05
        assert line.start - 0.05 <= ours[0] and line.words[-1][1] <= line.end + 0.05


def test_a_shifted_voices_words_stay_on_its_slower_speech(tmp_path):
    from digitales.voice import audio
    from digitales.voice.casting import Voice

    engine = BACKENDS["festival"](Settings(lang="ru"))
    engine.start()
    try:  # a character's voice: higher and slower, so festival's own times stretch by 1/tempo
        x, words = engine._sentence("Жили-были старик со старухой, и был у них колобок.",
                                    Voice(engine.voice_name(), pitch=1.3, tempo=0.8), 0.12)
    finally:
        engine.stop()
    audio.write_wav(tmp_path / "s.wav", np.concatenate([audio.silence(0.5), x, audio.silence(0.5)]))
    spans = speech_spans(tmp_path / "s.wav")  # the comma's pause may part it in two
    start, end = spans[0][0], spans[-1][1]
    assert len(words) == 9
    # festival's first boundary is its pause's end, not the first sound: a little later when slowed
    assert abs(words[0][0] + 0.5 - start) <= 0.1 and abs(words[-1][1] + 0.5 - end) <= 0.05, (words, start, end)
