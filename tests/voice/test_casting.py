"""Casting: every character gets its own voice, kept all tale long, and it really sounds
different: the measured pitch of a character's speech follows its cast shift."""

import numpy as np

from digitales.backend import Job
from digitales.cache import StageCache
from digitales.settings import Settings
from digitales.tale import Character, Line, Scene, Tale
from digitales.voice import BACKENDS, audio
from digitales.voice.casting import cast


def median_f0(x: np.ndarray, rate: int) -> float:
    """Median fundamental frequency of the voiced 40 ms frames (autocorrelation, 60–500 Hz)."""
    n = int(0.04 * rate)
    f0s = []
    for i in range(0, len(x) - n, n // 2):
        frame = x[i : i + n] - x[i : i + n].mean()
        if np.sqrt(np.mean(frame**2)) < 0.02:
            continue
        ac = np.correlate(frame, frame, "full")[n - 1 :]
        lo, hi = rate // 500, rate // 60
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] > 0.5 * ac[0]:
            f0s.append(rate / lag)
    return float(np.median(f0s))


def test_every_character_gets_a_different_voice_and_big_ones_sound_deeper():
    people = [Character("Старик", gender="male"), Character("Медведь", gender="male"), Character("Заяц", gender="male"),
              Character("Лиса", gender="female"), Character("Старуха", gender="female"), Character("Кто-то")]
    voices = cast(people, "v")
    shifts = [(voices[p.name].pitch, voices[p.name].tempo) for p in people]
    assert len(set(shifts)) == len(shifts) and (1.0, 1.0) not in shifts  # nobody sounds like the narrator
    assert voices["Медведь"].pitch < voices["Старик"].pitch < voices["Заяц"].pitch
    assert voices["Лиса"].pitch > 1.2 and voices["Старуха"].pitch > 1.2
    assert cast(people, "v") == voices  # the same cast in the same order is always cast the same


def test_installed_voices_come_first_then_shifts():
    from digitales.voice.espeak import EspeakVoice

    espeak = EspeakVoice(Settings(lang="en"))
    espeak.lang = "en"
    voices = cast([Character("Fox", gender="female"), Character("Owl", gender="male")], "en", espeak.voice_pools())
    assert voices["Fox"].name == "en+f2" and voices["Owl"].name == "en+m3"
    assert voices["Fox"].pitch == voices["Owl"].pitch == 1.0
    two = cast([Character("A", gender="female"), Character("B", gender="female")], "x", {"female": ["y"]})
    assert two["A"] == cast([], "y")["narrator"] and two["B"].name == "x" and two["B"].pitch != 1.0


def test_festival_character_speech_is_shifted_and_casting_holds_across_scenes(tmp_path):
    settings = Settings(lang="ru")
    say = "Жили-были старик со старухой, и была у них курочка ряба."
    scenes = [Scene(index=i, text=say, lines=[Line(text=say, say=say), Line(text=say, say=say, speaker="Лиса")])
              for i in (1, 2)]
    tale = Tale(title="t", lang="ru", scenes=scenes,
                characters=[Character("narrator", role="narrator"), Character("Лиса", gender="female")])
    job = Job(tmp_path, settings, StageCache(tmp_path / ".cache", "voice", {}))
    BACKENDS["festival"](settings).run(tale, job)
    fox = next(c for c in tale.characters if c.name == "Лиса")
    assert "pitch 1.30" in fox.voice
    for scene in tale.scenes:
        x, rate = audio.read_wav(tmp_path / scene.audio)
        narrator, character = ((int((l.start - scene.start) * rate), int((l.end - scene.start) * rate))
                               for l in scene.lines)
        f_narrator = median_f0(x[narrator[0]:narrator[1]], rate)
        f_character = median_f0(x[character[0]:character[1]], rate)
        assert 1.15 < f_character / f_narrator < 1.45, (f_narrator, f_character)
