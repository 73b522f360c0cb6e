"""The Music Transformer's event vocabulary (Oore et al. 2018; Huang et al. 2018):

    0–127    NOTE_ON  pitch
    128–255  NOTE_OFF pitch
    256–355  TIME_SHIFT of 10 ms … 1 s (in 10 ms steps)
    356–387  VELOCITY in 32 bins (the next note-ons play at it)

388 events, then a few control tokens that condition a piece on a scene's mood:
mode (major, minor), tempo class (slow, medium, fast), and PAD / BOS / EOS.

MIDI → events → MIDI is lossless up to the 10 ms grid and the velocity bins.
(Work in progress for issue 5: the codec only; model, training and scoring come next.)
"""

from __future__ import annotations

from dataclasses import dataclass

import pretty_midi

NOTE_ON, NOTE_OFF, TIME_SHIFT, VELOCITY = 0, 128, 256, 356
SHIFT_STEPS, VELOCITY_BINS = 100, 32
STEP = 0.01  # seconds per time-shift step
EVENTS = VELOCITY + VELOCITY_BINS  # 388
CONTROLS = ("major", "minor", "slow", "medium", "fast", "pad", "bos", "eos")
CONTROL = {name: EVENTS + i for i, name in enumerate(CONTROLS)}
VOCAB = EVENTS + len(CONTROLS)


@dataclass(frozen=True)
class Note:
    pitch: int
    velocity: int
    start: float
    end: float


def velocity_bin(velocity: int) -> int:
    return min(VELOCITY_BINS - 1, max(0, velocity) * VELOCITY_BINS // 128)


def bin_velocity(b: int) -> int:
    """The velocity a bin stands for: its middle."""
    return b * (128 // VELOCITY_BINS) + 128 // VELOCITY_BINS // 2


def notes_of(midi: pretty_midi.PrettyMIDI) -> list[Note]:
    """Every pitched note of every non-drum instrument, in time order."""
    notes = [Note(n.pitch, n.velocity, n.start, n.end) for inst in midi.instruments if not inst.is_drum for n in inst.notes]
    return sorted(notes, key=lambda n: (n.start, n.pitch))


def encode(notes: list[Note]) -> list[int]:
    """Events for notes; a note shorter than one step lasts one step."""
    marks = []  # (step, order, kind, pitch, velocity): offs before ons at the same step
    for n in notes:
        on = round(n.start / STEP)
        off = max(on + 1, round(n.end / STEP))
        marks.append((on, 1, "on", n.pitch, n.velocity))
        marks.append((off, 0, "off", n.pitch, 0))
    marks.sort(key=lambda m: (m[0], m[1], m[3]))
    events, now, velocity = [], 0, None
    sounding: dict[int, int] = {}  # pitch -> how many overlapping notes of it are on
    struck: dict[int, int] = {}  # pitch -> step of its latest note-on
    for step, _, kind, pitch, vel in marks:
        while step > now:
            shift = min(SHIFT_STEPS, step - now)
            events.append(TIME_SHIFT + shift - 1)
            now += shift
        if kind == "on":
            if sounding.get(pitch) and struck[pitch] == step:
                sounding[pitch] += 1  # the same pitch twice at once (two instruments) sounds once
                continue
            b = velocity_bin(vel)
            if b != velocity:
                events.append(VELOCITY + b)
                velocity = b
            if sounding.get(pitch):
                events.append(NOTE_OFF + pitch)  # a re-struck pitch ends the note that still sounds
            sounding[pitch] = sounding.get(pitch, 0) + 1
            struck[pitch] = step
            events.append(NOTE_ON + pitch)
        elif sounding.get(pitch):
            sounding[pitch] -= 1
            if sounding[pitch] == 0:
                events.append(NOTE_OFF + pitch)
    return events


def decode(events: list[int]) -> list[Note]:
    """Notes from events; control tokens are skipped; notes still on at the end end there."""
    notes, now, velocity = [], 0, bin_velocity(VELOCITY_BINS // 2)
    open_notes: dict[int, tuple[int, int]] = {}  # pitch -> (start step, velocity)

    def close(pitch: int) -> None:
        start, vel = open_notes.pop(pitch)
        notes.append(Note(pitch, vel, start * STEP, max(now, start + 1) * STEP))

    for e in events:
        if NOTE_ON <= e < NOTE_OFF:
            if e in open_notes:
                close(e)
            open_notes[e] = (now, velocity)
        elif NOTE_OFF <= e < TIME_SHIFT:
            if e - NOTE_OFF in open_notes:
                close(e - NOTE_OFF)
        elif TIME_SHIFT <= e < VELOCITY:
            now += e - TIME_SHIFT + 1
        elif VELOCITY <= e < EVENTS:
            velocity = bin_velocity(e - VELOCITY)
    for pitch in list(open_notes):
        close(pitch)
    return sorted(notes, key=lambda n: (n.start, n.pitch))


def to_midi(notes: list[Note], program: int = 0) -> pretty_midi.PrettyMIDI:
    midi = pretty_midi.PrettyMIDI()
    inst = pretty_midi.Instrument(program=program)
    inst.notes = [pretty_midi.Note(velocity=n.velocity, pitch=n.pitch, start=n.start, end=n.end) for n in notes]
    midi.instruments.append(inst)
    return midi
