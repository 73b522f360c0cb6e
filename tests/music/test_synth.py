"""Both synthesizers play a MIDI file into audio of the right length and pitch."""

import numpy as np
import pretty_midi
import pytest

from digitales.errors import UserError
from digitales.music import synth
from digitales.voice.audio import read_wav


def one_note(path, pitch=69, start=0.5, end=2.5, program=0):
    midi = pretty_midi.PrettyMIDI()
    inst = pretty_midi.Instrument(program=program)
    inst.notes.append(pretty_midi.Note(velocity=100, pitch=pitch, start=start, end=end))
    midi.instruments.append(inst)
    midi.write(str(path))
    return path


def dominant_frequency(x, rate):
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return np.fft.rfftfreq(len(x), 1 / rate)[int(np.argmax(spectrum))]


@pytest.mark.parametrize("name", ["fluidsynth", "tinysoundfont"])
def test_a_note_sounds_at_its_time_and_pitch(tmp_path, name):
    wav = tmp_path / "a.wav"
    synth.render(one_note(tmp_path / "a.mid"), wav, name)
    x, rate = read_wav(wav)
    assert rate == synth.RATE
    assert 2.5 <= len(x) / rate <= 2.5 + 3.5  # the note, then its release and reverb
    before, during = x[: int(0.4 * rate)], x[int(0.8 * rate): int(2.2 * rate)]
    assert np.abs(before).max() < 1e-3 < np.abs(during).max()
    assert abs(dominant_frequency(during, rate) - 440.0) < 8.0  # A4 (fundamental or its nearest bin)


def test_auto_prefers_fluidsynth_and_unknown_names_are_refused():
    assert synth.chosen("auto") == "fluidsynth"
    with pytest.raises(UserError, match="unknown music synthesizer"):
        synth.chosen("moog")


def test_a_missing_soundfont_is_a_clear_error(tmp_path):
    with pytest.raises(UserError, match="soundfont not found"):
        synth.render(one_note(tmp_path / "a.mid"), tmp_path / "a.wav", "tinysoundfont", str(tmp_path / "none.sf2"))
    assert "soundfont not found" in synth.problem("auto", str(tmp_path / "none.sf2"))


def test_midi_without_notes_or_not_midi_at_all_is_refused(tmp_path):
    empty = tmp_path / "empty.mid"
    pretty_midi.PrettyMIDI().write(str(empty))
    with pytest.raises(UserError, match="no notes"):
        synth.check_midi(empty)
    broken = tmp_path / "broken.mid"
    broken.write_bytes(b"MThd" + b"\x00" * 50)
    with pytest.raises(UserError, match="not readable"):
        synth.check_midi(broken)
