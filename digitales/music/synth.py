"""MIDI → audio with a General MIDI soundfont.

FluidSynth (Debian's `fluidsynth` with the FluidR3_GM soundfont) by default: a full GM
set with reverb. When it is missing, TinySoundFont (a pip wheel) with the small
TimGM6mb soundfont that ships inside pretty_midi, so music works after a pip install.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pretty_midi

from digitales.errors import ToolMissing, UserError
from digitales.voice.audio import write_wav

RATE = 48000
TAIL = 2.0  # seconds after the last note-off, for release and reverb
FLUID_SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
TINY_SOUNDFONT = Path(pretty_midi.__file__).with_name("TimGM6mb.sf2")
SYNTHS = ("auto", "fluidsynth", "tinysoundfont")


def fluidsynth_problem() -> str | None:
    if shutil.which("fluidsynth") is None:
        return "FluidSynth is not installed: run `make install` (apt install fluidsynth fluid-soundfont-gm)"
    return None


def tinysoundfont_problem() -> str | None:
    try:
        import tinysoundfont  # noqa: F401
    except ImportError:
        return "TinySoundFont is not installed: run `make install` (pip install --no-deps tinysoundfont)"
    return None


def chosen(synth: str) -> str:
    """The synthesizer `auto` means here: FluidSynth when it and its soundfont are installed."""
    if synth == "auto":
        return "fluidsynth" if fluidsynth_problem() is None and FLUID_SOUNDFONT.is_file() else "tinysoundfont"
    if synth not in SYNTHS:
        raise UserError(f"unknown music synthesizer '{synth}': choose {', '.join(SYNTHS)}")
    return synth


def soundfont_for(synth: str, soundfont: str = "") -> Path:
    """The soundfont to use: the user's, else the synthesizer's default; it must exist."""
    path = Path(soundfont).expanduser() if soundfont else FLUID_SOUNDFONT if synth == "fluidsynth" else TINY_SOUNDFONT
    if not path.is_file():
        if soundfont:
            raise UserError(f"soundfont not found: {path}")
        raise ToolMissing(f"soundfont {path} is missing: run `make install` (apt install fluid-soundfont-gm)")
    return path


def problem(synth: str, soundfont: str = "") -> str | None:
    """Why music cannot be rendered with these settings, with the fix; None when it can."""
    try:
        name = chosen(synth)
        why = fluidsynth_problem() if name == "fluidsynth" else tinysoundfont_problem()
        if why:
            return why
        soundfont_for(name, soundfont)
    except UserError as e:
        return str(e)
    return None


def is_midi(path: Path) -> bool:
    if path.suffix.lower() in (".mid", ".midi"):
        return True
    with open(path, "rb") as f:
        return f.read(4) == b"MThd"


def check_midi(path: Path) -> None:
    """A MIDI file we can play: readable, with at least one pitched note."""
    try:
        midi = pretty_midi.PrettyMIDI(str(path))
    except Exception as e:  # mido/pretty_midi raise many kinds on a damaged file
        raise UserError(f"MIDI file {path} is not readable ({type(e).__name__}: {e})") from e
    if not any(n for inst in midi.instruments if not inst.is_drum for n in inst.notes):
        raise UserError(f"MIDI file {path} has no notes to play (drums are not played)")


def render(midi_path: Path, wav_path: Path, synth: str = "auto", soundfont: str = "") -> None:
    """Write the MIDI file's audio as a stereo 48 kHz WAV."""
    name = chosen(synth)
    font = soundfont_for(name, soundfont)
    if name == "fluidsynth":
        _fluidsynth(midi_path, wav_path, font)
    else:
        _tinysoundfont(midi_path, wav_path, font)


def _fluidsynth(midi_path: Path, wav_path: Path, font: Path) -> None:
    command = ["fluidsynth", "-ni", "-q", "-g", "0.6", "-r", str(RATE), "-T", "wav", "-F", str(wav_path), str(font), str(midi_path)]
    seconds = pretty_midi.PrettyMIDI(str(midi_path)).get_end_time()
    try:  # FluidSynth renders about 30 times faster than real time; a score it cannot finish must not fill the disk
        done = subprocess.run(command, capture_output=True, text=True, timeout=60 + seconds)
    except subprocess.TimeoutExpired:
        wav_path.unlink(missing_ok=True)
        raise UserError(f"FluidSynth did not finish the {seconds:.0f} s score in {60 + seconds:.0f} s") from None
    if done.returncode != 0 or not wav_path.is_file():
        raise UserError(f"FluidSynth could not render the music: {(done.stderr or done.stdout).strip()[-300:]}")


def _tinysoundfont(midi_path: Path, wav_path: Path, font: Path) -> None:
    import tinysoundfont

    midi = pretty_midi.PrettyMIDI(str(midi_path))
    synth = tinysoundfont.Synth(samplerate=RATE, gain=-3)
    try:
        font_id = synth.sfload(str(font))
    except Exception as e:  # tinysoundfont raises its own exception type on an unreadable file
        raise UserError(f"soundfont {font} is not readable: {e}") from e
    marks = []  # (time, off before on, channel, pitch, velocity)
    channels = [c for c in range(16) if c != 9]  # channel 10 is drums in General MIDI
    for channel, inst in zip(channels, (i for i in midi.instruments if not i.is_drum)):
        synth.program_select(channel, font_id, 0, inst.program)
        for n in inst.notes:
            marks += [(n.start, 1, channel, n.pitch, n.velocity), (n.end, 0, channel, n.pitch, 0)]
    marks.sort()
    blocks, done = [], 0
    for time, is_on, channel, pitch, velocity in marks:
        upto = round(time * RATE)
        if upto > done:
            blocks.append(np.frombuffer(synth.generate(upto - done), dtype=np.float32))
            done = upto
        if is_on:
            synth.noteon(channel, pitch, velocity)
        else:
            synth.noteoff(channel, pitch)
    blocks.append(np.frombuffer(synth.generate(round(TAIL * RATE)), dtype=np.float32))
    write_wav(wav_path, np.concatenate(blocks).reshape(-1, 2), RATE)
