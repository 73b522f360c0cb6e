"""Scoring with the shipped composer: lengths, keys, instruments, transitions, no stuck notes."""

import pretty_midi
import pytest

from digitales.music import events as ev
from digitales.music.compose import (LONGEST_NOTE, PRIME, Part, _notes_out_of_sight, arrange, compose, load_composer,
                                     plan_parts)
from digitales.music.style import SCALES, STYLES, style_for, tonic_chord


@pytest.fixture(scope="module")
def composer():
    return load_composer()


def test_the_score_fills_every_part_and_each_part_keeps_to_its_key(composer):
    parts = plan_parts([("calm", 12.0), ("scary", 9.0), ("joyful", 10.0)], seed=4, style_for=style_for)
    events = compose(composer, parts, seed=4)
    notes = ev.decode(events)
    assert sum((e - ev.TIME_SHIFT + 1) * ev.STEP for e in events if ev.TIME_SHIFT <= e < ev.VELOCITY) >= 31.0 - 1e-6
    at = 0.0
    for part in parts:
        inside = [n for n in notes if at <= n.start < at + part.seconds]
        assert len(inside) >= 5, f"a {part.seconds}-second part with {len(inside)} notes"
        steps = SCALES[part.style.mode]
        assert all((n.pitch - part.tonic) % 12 in steps for n in inside)
        assert all(part.style.lowest <= n.pitch <= part.style.highest for n in inside)
        at += part.seconds
    assert max(n.end - n.start for n in notes) <= LONGEST_NOTE + 1e-6  # no note is left droning on


def test_the_same_seed_gives_the_same_score_and_another_seed_another(composer):
    parts = plan_parts([("magic", 6.0)], seed=1, style_for=style_for)
    assert compose(composer, parts, seed=1) == compose(composer, parts, seed=1)
    assert compose(composer, parts, seed=1) != compose(composer, parts, seed=2)


def test_arrangement_gives_each_part_its_instruments_and_ends_with_the_tale(composer, tmp_path):
    parts = plan_parts([("sad", 8.0), ("heroic", 8.0)], seed=3, style_for=style_for)
    midi = arrange(compose(composer, parts, seed=3), parts)
    midi.write(str(tmp_path / "s.mid"))
    midi = pretty_midi.PrettyMIDI(str(tmp_path / "s.mid"))
    assert midi.get_end_time() <= 16.0 + 1e-3
    pads = {p.style.pad for p in parts}
    for inst in midi.instruments:
        for n in inst.notes:
            part = parts[0] if n.start < 8.0 else parts[1]
            if inst.program in pads and n.pitch in tonic_chord(part.tonic, part.style.mode):
                continue  # the pad's chord
            assert inst.program == (part.style.tune if n.pitch >= 60 else part.style.low)
            assert n.end - n.start <= LONGEST_NOTE + 1e-3
    for part, at in zip(parts, (0.0, 8.0)):  # the pad holds each part's tonic chord all through it
        chord = {n.pitch for i in midi.instruments if i.program == part.style.pad for n in i.notes if at <= n.start < at + 8}
        assert chord == set(tonic_chord(part.tonic, part.style.mode))
    # the last notes before a change of mood are softer than that part's loudness allows
    sad = [n for i in midi.instruments if i.program not in pads for n in i.notes if n.start < 8.0]
    late = [n.velocity for n in sad if n.start > 7.3]
    early = [n.velocity for n in sad if n.start < 6.0]
    if late and early:
        assert max(late) < max(early)


def test_notes_the_next_window_cannot_see_are_ended():
    held = [ev.NOTE_ON + 60, ev.NOTE_ON + 64]  # struck long ago
    filler = [ev.TIME_SHIFT + 9] * PRIME  # a long stretch of time shifts
    recent = [ev.NOTE_OFF + 64]  # 64 is ended where the model can see it
    assert _notes_out_of_sight(held + filler + recent) == [ev.NOTE_OFF + 60]
    assert _notes_out_of_sight([ev.NOTE_ON + 60, ev.TIME_SHIFT]) == []  # still in sight


def test_every_mood_has_a_style_whose_instruments_exist_in_general_midi():
    for mood, style in STYLES.items():
        assert style.mode in SCALES and style.tempo in ("slow", "medium", "fast"), mood
        assert 0 <= style.tune < 128 and 0 <= style.low < 128 and style.tonics
    assert style_for("unheard-of") == STYLES["calm"]
    parts = plan_parts([("sad", 1), ("calm", 1), ("sad", 1)], seed=0, style_for=style_for)
    assert parts[0].tonic == parts[2].tonic  # a mood that returns comes back in its key
    assert isinstance(parts[0], Part)
