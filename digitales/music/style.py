"""What a scene's mood asks of the music: mode, tempo class, key, instruments, loudness.

The composer is conditioned on mode and tempo class (its control tokens); the key
is enforced by allowing only the notes of that key's scale; the instruments (General
MIDI programs) give each mood its colour: the tune on one, everything below middle C
on another, and a soft pad holding the key's tonic chord under it — the chord says
major or minor plainly, which the melody alone often does not (benchmarks/music.py).
"""

from __future__ import annotations

from dataclasses import dataclass

# Semitones above the tonic. Minor allows both sevenths: the raised one is the leading
# note that makes a minor key sound (and analyse) minor.
SCALES = {"major": (0, 2, 4, 5, 7, 9, 11), "minor": (0, 2, 3, 5, 7, 8, 10, 11)}
NOTE_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")


@dataclass(frozen=True)
class Style:
    mode: str  # major | minor
    tempo: str  # slow | medium | fast
    tonics: tuple[int, ...]  # pitch classes to pick the key from
    tune: int  # GM program of notes from middle C up
    low: int  # GM program of notes below middle C
    loudness: float  # velocity scale
    pad: int = 48  # GM program of the soft tonic chord held under the part (string ensemble)
    lowest: int = 36  # the register the notes are kept in
    highest: int = 88


STYLES = {
    "calm": Style("major", "slow", (0, 5, 7), tune=73, low=46, loudness=0.75, pad=89),  # flute, harp, warm pad
    "joyful": Style("major", "fast", (2, 7, 0), tune=71, low=45, loudness=0.95, pad=48),  # clarinet, pizzicato, strings
    "sad": Style("minor", "slow", (9, 2, 4), tune=68, low=42, loudness=0.7, pad=49),  # oboe, cello, slow strings
    "tense": Style("minor", "fast", (4, 9, 2), tune=40, low=45, loudness=0.9, pad=44),  # violin, pizzicato, tremolo
    "scary": Style("minor", "slow", (2, 4, 9), tune=70, low=43, loudness=0.8, lowest=31, highest=76, pad=91),  # bassoon, contrabass, pad
    "magic": Style("major", "medium", (5, 10, 0), tune=8, low=46, loudness=0.8, pad=52),  # celesta, harp, choir
    "heroic": Style("major", "medium", (3, 10, 5), tune=60, low=48, loudness=1.0, pad=48),  # horn over strings
}


def style_for(mood: str) -> Style:
    return STYLES.get(mood, STYLES["calm"])


def key_name(tonic: int, mode: str) -> str:
    return f"{NOTE_NAMES[tonic % 12]} {mode}"


def tonic_chord(tonic: int, mode: str, around: int = 52) -> list[int]:
    """Root, third and fifth of the key's tonic chord, the root in the octave at or below `around`."""
    root = around - (around - tonic) % 12
    return [root, root + (4 if mode == "major" else 3), root + 7]


def scale_pitches(tonic: int, mode: str, lowest: int = 0, highest: int = 127) -> set[int]:
    steps = SCALES[mode]
    return {p for p in range(lowest, highest + 1) if (p - tonic) % 12 in steps}
