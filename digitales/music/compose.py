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
from digitales.music.style import Style, scale_pitches

SHIPPED = Path(__file__).with_name("composer.pt")
PRIME = 96  # events of the music so far that start each window
TRANSITION = 1.5  # seconds at the end of a part that fade towards the next
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
        model = MusicTransformer(ModelConfig(**state["config"]))
        model.load_state_dict({k: v.float() for k, v in state["model"].items()})
    except Exception as e:  # torch raises many kinds on a damaged or foreign file
        raise UserError(f"composer checkpoint {path} is not readable ({type(e).__name__}): "
                        "use the shipped one (drop music.checkpoint) or train one with `digitales train-composer`") from e
    return model.eval()


def ship(checkpoint: Path, out: Path) -> None:
    """A training checkpoint → the small file `make` loads: fp16 weights, config, training log."""
    state = torch.load(checkpoint, map_location="cpu", weights_only=False)
    config = state["log"]["model"]
    torch.save({"config": config, "model": {k: v.half() for k, v in state["model"].items()}, "log": state["log"]}, out)


def compose(model: MusicTransformer, parts: list[Part], seed: int = 0, temperature: float = 1.0, top_p: float = 0.95,
            progress: Callable[[float, float], None] = lambda done, total: None) -> list[int]:
    """The events of the whole score, part after part."""
    with _one_thread():
        return _compose(model, parts, seed, temperature, top_p, progress)


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
             progress: Callable[[float, float], None]) -> list[int]:
    generator = torch.Generator().manual_seed(seed)
    window = model.cfg.max_len - 1
    history: list[int] = []
    clock = _Clock()
    total = sum(p.seconds for p in parts)
    for part in parts:
        clock.end += part.seconds
        style = part.style
        allowed = scale_pitches(part.tonic, style.mode, style.lowest, style.highest)
        banned = [ev.NOTE_ON + p for p in range(128) if p not in allowed] + list(range(ev.EVENTS, ev.VOCAB))
        head = [ev.CONTROL[style.mode], ev.CONTROL[style.tempo]]
        while not clock.full():
            if history:
                history += _notes_out_of_sight(history)
            prime = head + (history[-PRIME:] if history else [ev.CONTROL["bos"]])
            history += model.generate(prime, window - len(prime), temperature, top_p, seed=generator, banned=banned,
                                      stop=clock.advance)
            progress(min(clock.now, total), total)
    return history


class _Clock:
    """Seconds of music sampled so far, and where the current part ends."""

    def __init__(self) -> None:
        self.now, self.end = 0.0, 0.0

    def full(self) -> bool:
        return self.now >= self.end - 1e-6

    def advance(self, token: int) -> bool:
        """Count a sampled token's time; True (stop) once the part is full."""
        if ev.TIME_SHIFT <= token < ev.VELOCITY:
            self.now += (token - ev.TIME_SHIFT + 1) * ev.STEP
        return self.full()


def _notes_out_of_sight(history: list[int]) -> list[int]:
    """Note-offs for the notes still sounding whose note-on the next window will not see:
    the model would never end them. (Half a prime back, so the offs themselves fit.)"""
    recent = history[-PRIME // 2 :]
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
