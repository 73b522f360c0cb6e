"""Read-along subtitles: karaoke \\k timing in the ASS, from the voice's word times or estimated."""

import re

import pytest

from digitales.montage import subtitles
from digitales.tale import Line, Scene, Tale
from digitales.text.words import spoken_words, syllables
from tests.montage.test_subtitles import LONG

FRAME = 1 / 25


def dialogues(ass: str) -> list[tuple[float, float, str]]:
    def secs(stamp: str) -> float:
        h, m, s = stamp.split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    return [(secs(a), secs(b), text) for a, b, text in
            re.findall(r"^Dialogue: 0,([\d:.]+),([\d:.]+),Tale,,0,0,0,,(.*)$", ass, flags=re.M)]


def tale(voiced: bool) -> Tale:
    short = Line(text="Жили-были старик со старухой.", start=3.5, end=5.25)
    if voiced:  # as the voice stage leaves them: one [start, end] per spoken word
        short.words = [[3.52, 4.1], [4.1, 4.5], [4.5, 4.62], [4.62, 5.2]]
    return Tale(title="t", scenes=[Scene(index=1, text="", lines=[
        short, Line(text=LONG, start=5.6, end=17.1), Line(text="— Ой! — сказал заяц.", start=17.5, end=19.0)])])


@pytest.mark.parametrize("voiced", [True, False])
def test_one_karaoke_dialogue_per_cue_whose_k_durations_fill_the_cue(voiced):
    cues = subtitles.cues(tale(voiced))
    events = dialogues(subtitles.to_ass(cues, (1280, 720), "PT Sans", read_along=True))
    assert len(events) == len(cues)
    for cue, (start, end, text) in zip(cues, events):
        ks = [int(k) for k in re.findall(r"\{\\k(\d+)\}", text)]
        assert len(ks) >= len(spoken_words(cue.text))
        assert abs(sum(ks) / 100 - (end - start)) <= FRAME
        assert abs(sum(ks) / 100 - (cue.end - cue.start)) <= FRAME
        shown = re.sub(r"\{\\k\d+\}", "", text).replace("\\N", " ")
        assert shown == cue.text  # every word shown once, in order, nothing added


def test_voice_word_times_lead_the_highlighting_and_the_rest_is_estimated_by_syllables():
    cues = subtitles.cues(tale(voiced=True))
    assert cues[0].timed_by == "voice" and [t for _, t in cues[0].words] == [3.52, 4.1, 4.5, 4.62]
    first = dialogues(subtitles.to_ass(cues, (1280, 720), "PT Sans", read_along=True))[0][2]
    assert first.startswith("{\\k2}{\\k58}Жили-были {\\k40}старик {\\k12}со {\\k63}старухой.")
    long = [c for c in cues if c.timed_by == "estimated" and len(c.words) > 3][0]
    durations = [b - a for (_, a), (_, b) in zip(long.words, long.words[1:])]
    per_syllable = [d / syllables(w) for d, (w, _) in zip(durations, long.words)]
    assert max(per_syllable) - min(per_syllable) < 0.01  # each syllable gets the same share of the cue


def test_manifest_word_timing_says_where_the_times_came_from():
    assert subtitles.word_timing(tale(voiced=True)) == {"word_times": "mixed", "lines_timed_by_voice": 1,
                                                         "lines_estimated": 2}
    assert subtitles.word_timing(tale(voiced=False))["word_times"] == "estimated"


def test_without_read_along_the_ass_has_no_karaoke_and_white_text():
    ass = subtitles.to_ass(subtitles.cues(tale(True)), (1280, 720), "PT Sans")
    assert "\\k" not in ass and subtitles.HIGHLIGHT not in ass


def test_dashes_ride_with_a_spoken_word():
    assert spoken_words("— Ой! — сказал заяц.") == ["— Ой! —", "сказал", "заяц."]
    assert spoken_words("…") == ["…"]
