"""MIDI → events → MIDI is lossless up to the 10 ms grid and the velocity bins, through real MIDI files."""

import random

import pretty_midi
from hypothesis import given, settings
from hypothesis import strategies as st

from digitales.music import events as ev


def random_midi(seed: int, count: int) -> pretty_midi.PrettyMIDI:
    rng = random.Random(seed)
    midi = pretty_midi.PrettyMIDI()
    for program in (0, 40):
        inst = pretty_midi.Instrument(program=program)
        t = 0.0
        for _ in range(count):
            t += rng.choice([0.0, 0.013, 0.25, 0.5, 1.7, 3.2])  # chords, tiny gaps, and gaps over a second
            pitch = rng.randrange(21, 109)
            inst.notes.append(pretty_midi.Note(velocity=rng.randrange(1, 128), pitch=pitch, start=t,
                                               end=t + rng.choice([0.02, 0.3, 1.0, 2.5])))
        midi.instruments.append(inst)
    return midi


def distinct_pitch_times(notes):
    return sorted((n.pitch, round(n.start, 2)) for n in notes)


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 40))
def test_round_trip_through_a_midi_file_is_exact_up_to_grid_and_bins(tmp_path_factory, seed, count):
    original = ev.notes_of(random_midi(seed, count))
    tokens = ev.encode(original)
    assert all(0 <= t < ev.EVENTS for t in tokens)
    path = tmp_path_factory.mktemp("midi") / "x.mid"
    ev.to_midi(ev.decode(tokens)).write(str(path))
    back = ev.notes_of(pretty_midi.PrettyMIDI(str(path)))
    # Same pitch struck twice on the same step sounds once; otherwise every note comes back.
    starts = {(n.pitch, round(n.start / ev.STEP)) for n in original}
    assert len(back) == len(starts)
    by_key = {}
    for n in original:
        by_key.setdefault((n.pitch, round(n.start / ev.STEP)), []).append(n)
    for n in back:
        twins = by_key[(n.pitch, round(n.start / ev.STEP))]
        assert abs(n.start - twins[0].start) <= 0.0051 + 1e-3
        assert any(abs(n.velocity - t.velocity) <= 2 for t in twins)
        alone = len(twins) == 1 and not any(o.pitch == n.pitch and o is not twins[0] and o.start < twins[0].end + 0.01
                                            and o.end > twins[0].start - 0.01 for o in original)
        if alone:  # a note no other note of its pitch overlaps keeps its end too
            assert abs(n.end - max(twins[0].end, twins[0].start + ev.STEP)) <= 0.0051 + 1e-3


def test_time_shifts_split_long_gaps_and_velocity_is_sent_only_on_change():
    notes = [ev.Note(60, 100, 0.0, 0.5), ev.Note(64, 100, 2.5, 3.0), ev.Note(67, 20, 2.5, 3.0)]
    tokens = ev.encode(notes)
    shifts = [t - ev.TIME_SHIFT + 1 for t in tokens if ev.TIME_SHIFT <= t < ev.VELOCITY]
    assert max(shifts) <= ev.SHIFT_STEPS and sum(shifts) == 300
    assert sum(ev.VELOCITY <= t < ev.EVENTS for t in tokens) == 2
    assert ev.VOCAB == 388 + len(ev.CONTROLS)
    back = ev.decode(tokens)
    assert [(n.pitch, n.start, n.end) for n in back] == [(60, 0.0, 0.5), (64, 2.5, 3.0), (67, 2.5, 3.0)]
