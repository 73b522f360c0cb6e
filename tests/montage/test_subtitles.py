import numpy as np

from digitales.montage import subtitles
from digitales.tale import Line, Scene, Tale
from tests.conftest import srt_times

LONG = ("Колобок полежал-полежал, да вдруг и покатился с окна на лавку, с лавки на пол, по полу да к дверям, "
        "перепрыгнул через порог в сени, из сеней на крыльцо, с крыльца на двор, а там за ворота, дальше и дальше.")


def tale() -> Tale:
    return Tale(title="t", scenes=[Scene(index=1, text="", lines=[
        Line(text="Жили-были старик со старухой.", start=3.5, end=5.25),
        Line(text=LONG, start=5.6, end=17.1),
    ])])


def test_long_sentences_become_several_cues_spanning_the_sentence():
    cues = subtitles.cues(tale())
    assert cues[0].start == 3.5 and cues[0].end == 5.25
    long = cues[1:]
    assert len(long) >= 3
    assert long[0].start == 5.6 and long[-1].end == 17.1
    assert all(len(c.text) <= subtitles.MAX_CUE_CHARS for c in cues)
    assert " ".join(c.text for c in long) == LONG  # split only at spaces, nothing lost
    assert all(a.end == b.start for a, b in zip(long, long[1:]))


def test_srt_and_vtt_carry_the_same_times():
    cues = subtitles.cues(tale())
    srt, vtt = subtitles.to_srt(cues), subtitles.to_vtt(cues)
    assert vtt.startswith("WEBVTT")
    assert srt_times(srt) == srt_times(vtt) == [(c.start, c.end) for c in cues]
    assert all(len(line) <= 50 for line in srt.splitlines())  # two balanced lines per cue


def test_ass_escapes_braces_and_sets_size_from_the_frame():
    cues = [subtitles.Cue(1.0, 2.0, "{тег} текст")]
    ass = subtitles.to_ass(cues, (1920, 1080), "PT Sans")
    assert "PlayResY: 1080" in ass and "\\{тег\\}" in ass
    assert "Dialogue: 0,0:00:01.00,0:00:02.00" in ass


def test_the_band_is_where_the_subtitles_are_drawn(tmp_path):
    """The band is the one the burned subtitles really take: libass's pixels of a long cue lie in it."""
    import subprocess
    from digitales import subtitle_band
    from digitales.montage import subtitles
    from digitales.picture import fonts
    text = "Выкатился колобок на полянку, а там на пеньке сидит лиса — хвост пушистый, глаза хитрые."[:84]
    for w, h in [(1280, 720), (404, 720), (720, 720)]:
        (tmp_path / "s.ass").write_text(subtitles.to_ass([subtitles.Cue(0, 5, text)], (w, h), fonts.font_family("subtitle")))
        subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", f"color=black:s={w}x{h}:d=1", "-vf",
                        f"subtitles={tmp_path / 's.ass'}:fontsdir={fonts.font_path('subtitle').parent}", "-frames:v", "1",
                        "-f", "rawvideo", "-pix_fmt", "gray", str(tmp_path / "f.raw")], check=True)
        rows = np.flatnonzero((np.fromfile(tmp_path / "f.raw", np.uint8).reshape(h, w) > 8).any(axis=1))
        assert rows.size and rows[0] >= subtitle_band.band_top((w, h)), f"subtitles above the band at {w}x{h}"
