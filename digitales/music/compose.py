"""Scoring a tale with the composer: one continuous piece, a part per scene.

Each part is sampled conditioned on its mood's mode and tempo tokens, allowed only
the notes of its key, and primed with the end of what came before, so the music runs
on through scene changes instead of starting over. The model was trained on windows
of `seq_len` events that begin with the mode and tempo tokens, so a long part is
sampled window by window, each primed with the tail of the music so far.
"""

from __future__ import annotations

import random
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pretty_midi
import torch

from digitales.errors import UserError
from digitales.music import events as ev
from digitales.music.model import ModelConfig, MusicTransformer
from digitales.music.style import Style, scale_pitches, tonic_chord

SHIPPED = Path(__file__).with_name("composer.pt")
PRIME = 96  # events of the music so far that start each window
TRANSITION = 1.5  # seconds at the end of a part that fade towards the next
PAD_EVERY = 4.0  # seconds between strokes of the pad's chord
PAD_VELOCITY = 38
LONGEST_NOTE = 4.0  # seconds; a note held longer is cut (a held note the model forgot)


@dataclass
class Part:
    seconds: float
    style: Style
    tonic: int


def load_composer(path: Path | None = None) -> MusicTransformer:
    """The model in a checkpoint (the shipped one by default), ready to sample."""
    path = Path(path).expanduser() if path else SHIPPED
    if not path.is_file():
        raise UserError(f"composer checkpoint not found: {path}")
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
        config = state["config"] if "config" in state else state["log"]["model"]  # a shipped file or a training checkpoint
        model = MusicTransformer(ModelConfig(**config))
        model.load_state_dict({k: v.float() for k, v in state["model"].items()})
    except Exception as e:  # torch raises many kinds on a damaged or foreign file
        raise UserError(f"composer checkpoint {path} is not readable ({type(e).__name__}): "
                        "use the shipped one (drop music.checkpoint) or train one with `digitales train-composer`") from e
    return model.eval()


def compose(model: MusicTransformer, parts: list[Part], seed: int = 0, temperature: float = 1.0, top_p: float = 0.95,
            progress: Callable[[float, float], None] = lambda done, total: None, steer: bool = True) -> list[int]:
    """The events of the whole score, part after part. `steer=False` samples the model as it
    is, conditioned by its mode and tempo tokens only (benchmarks/music.py compares the two)."""
    with _one_thread():
        return _compose(model, parts, seed, temperature, top_p, progress, steer)


@contextmanager
def _one_thread():
    """Sampling one event at a time from a small model is latency-bound: more threads only
    add synchronisation (measured 900 events/s on one thread, 140 on two with the other core busy)."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _compose(model: MusicTransformer, parts: list[Part], seed: int, temperature: float, top_p: float,
             progress: Callable[[float, float], None], steer: bool) -> list[int]:
    generator = torch.Generator().manual_seed(seed)
    window = model.cfg.max_len - 1
    recall = min(PRIME, (window - 2) // 2)  # a small model's window leaves half for new events
    history: list[int] = []
    guide = PartGuide()
    total = sum(p.seconds for p in parts)
    for part in parts:
        guide.next_part(part, steer)
        head = [ev.CONTROL[part.style.mode], ev.CONTROL[part.style.tempo]]
        while not guide.full():
            if history:
                closes = _notes_out_of_sight(history, recall)
                for token in closes:
                    guide.took(token)
                history += closes
            prime = head + (history[-recall:] if history else [ev.CONTROL["bos"]])
            history += model.generate(prime, window - len(prime), temperature, top_p, seed=generator, guide=guide)
            progress(min(guide.now, total), total)
    return history


class PartGuide:
    """Steers the composer through one part after another:
    - only the notes of the part's scale, in its register;
    - a pull towards the tonic chord, so the key heard is the one asked for, not its
      relative major or minor (they share every note);
    - no note held longer than HOLD seconds: past that, its note-off is the only choice
      (a note the model forgot would drone on);
    - time moves on: after STILL events without a time shift only time shifts may come
      (a poorly trained checkpoint could otherwise pile up notes at one instant forever);
    - stop when the part's time is full."""

    HOLD = LONGEST_NOTE - 1.0  # the next time shift may add up to a second
    STILL = 16  # a chord and its velocities; 60 notes struck at one instant jammed FluidSynth (its 219 s demo score rendered past 5 GB)
    PULL = (1.0, 0.7, 0.5)  # extra logits for the tonic chord's root, third and fifth

    def __init__(self) -> None:
        self.now, self.end = 0.0, 0.0
        self.sounding: dict[int, float] = {}  # pitch -> when it was struck
        self.still = 0  # events since the last time shift
        self.bias = torch.zeros(ev.VOCAB)
        self.steer = True

    def next_part(self, part: Part, steer: bool) -> None:
        """The next part's key and register; `steer=False` leaves only the stop at its end."""
        self.end += part.seconds
        self.steer = steer
        style = part.style
        self.bias = torch.zeros(ev.VOCAB)
        self.bias[ev.EVENTS:] = float("-inf")  # control tokens are given, never sampled
        if steer:
            allowed = scale_pitches(part.tonic, style.mode, style.lowest, style.highest)
            third = 4 if style.mode == "major" else 3  # the note that makes the mode
            pull = dict(zip((0, third, 7), self.PULL))
            for pitch in range(128):
                self.bias[ev.NOTE_ON + pitch] = pull.get((pitch - part.tonic) % 12, 0.0) if pitch in allowed else float("-inf")

    def full(self) -> bool:
        return self.now >= self.end - 1e-6

    def shape(self, logits: torch.Tensor) -> None:
        overdue = [p for p, t in self.sounding.items() if self.now - t >= self.HOLD] if self.steer else []
        if overdue:
            self._only(logits, [ev.NOTE_OFF + p for p in overdue])
        elif self.still >= self.STILL:
            self._only(logits, list(range(ev.TIME_SHIFT, ev.VELOCITY)))
        else:
            logits += self.bias

    @staticmethod
    def _only(logits: torch.Tensor, tokens: list[int]) -> None:
        keep = logits[tokens].clone()
        logits.fill_(float("-inf"))
        logits[tokens] = keep

    def took(self, token: int) -> bool:
        self.still += 1
        if ev.TIME_SHIFT <= token < ev.VELOCITY:
            self.now += (token - ev.TIME_SHIFT + 1) * ev.STEP
            self.still = 0
        elif ev.NOTE_ON <= token < ev.NOTE_OFF:
            self.sounding[token] = self.now
        elif ev.NOTE_OFF <= token < ev.TIME_SHIFT:
            self.sounding.pop(token - ev.NOTE_OFF, None)
        return self.full()


def _notes_out_of_sight(history: list[int], recall: int = PRIME) -> list[int]:
    """Note-offs for the notes still sounding whose note-on the next window (primed with the
    last `recall` events) will not see: the model would never end them. (Half of it back,
    so the offs themselves fit.)"""
    recent = history[-(recall // 2) :]
    hidden = _sounding(history[: len(history) - len(recent)]) - _touched(recent)
    return [ev.NOTE_OFF + p for p in sorted(hidden)]


def _sounding(events: list[int]) -> set[int]:
    on: set[int] = set()
    for e in events:
        if ev.NOTE_ON <= e < ev.NOTE_OFF:
            on.add(e)
        elif ev.NOTE_OFF <= e < ev.TIME_SHIFT:
            on.discard(e - ev.NOTE_OFF)
    return on


def _touched(events: list[int]) -> set[int]:
    """Pitches struck or released in `events` (a re-strike also ends the earlier note)."""
    return {e % 128 for e in events if ev.NOTE_ON <= e < ev.TIME_SHIFT}


def arrange(events: list[int], parts: list[Part]) -> pretty_midi.PrettyMIDI:
    """The score as MIDI: each part's instruments and loudness, a fade into the next part,
    nothing past the last part's end."""
    total = sum(p.seconds for p in parts)
    bounds, at = [], 0.0  # (start, end, part, whether the next part sounds different)
    for part, after in zip(parts, [*parts[1:], None]):
        changes = after is not None and (after.style, after.tonic) != (part.style, part.tonic)
        bounds.append((at, at + part.seconds, part, changes))
        at += part.seconds
    midi = pretty_midi.PrettyMIDI()
    instruments: dict[int, pretty_midi.Instrument] = {}
    for note in ev.decode(events):
        if note.start >= total:
            continue
        start, end, part, changes = next(b for b in bounds if b[0] <= note.start < b[1])
        gain = part.style.loudness
        if changes and note.start > end - TRANSITION:  # fade towards the next part
            gain *= 1 - 0.45 * (note.start - (end - TRANSITION)) / TRANSITION
        program = part.style.tune if note.pitch >= 60 else part.style.low
        inst = instruments.setdefault(program, pretty_midi.Instrument(program=program))
        inst.notes.append(pretty_midi.Note(velocity=max(1, min(127, round(note.velocity * gain))), pitch=note.pitch,
                                           start=note.start, end=min(note.end, note.start + LONGEST_NOTE, total)))
    for start, end, part, _ in bounds:  # the pad: the part's tonic chord, softly, stroke after stroke
        inst = instruments.setdefault(part.style.pad, pretty_midi.Instrument(program=part.style.pad))
        at = start
        while at < end - 0.5:
            until = min(at + PAD_EVERY, end)
            for pitch in tonic_chord(part.tonic, part.style.mode):
                inst.notes.append(pretty_midi.Note(velocity=round(PAD_VELOCITY * part.style.loudness), pitch=pitch,
                                                   start=at, end=until))
            at = until
    midi.instruments = [instruments[p] for p in sorted(instruments)]
    return midi


def plan_parts(moods_and_seconds: list[tuple[str, float]], seed: int, style_for: Callable[[str], Style]) -> list[Part]:
    """A part per stretch of the tale; a key per mood, kept while the mood stays."""
    rng = random.Random(seed)
    keys: dict[str, int] = {}
    parts = []
    for mood, seconds in moods_and_seconds:
        style = style_for(mood)
        if mood not in keys:
            keys[mood] = rng.choice(style.tonics)
        parts.append(Part(seconds, style, keys[mood]))
    return parts
