"""`file`: the user's music (--music-file), looped and faded to the video's length.

Any audio ffmpeg reads, or a MIDI file, played with the same soundfont synthesizer as
the composer's scores.
"""

from __future__ import annotations

from pathlib import Path

from digitales import ffmpeg
from digitales.backend import Backend, Job
from digitales.cache import file_digest
from digitales.errors import UserError
from digitales.files import place
from digitales.music import synth
from digitales.music.bed import BED, SCORE, make_bed
from digitales.settings import MusicSettings
from digitales.tale import Music, Tale


class FileMusic(Backend):
    stage = "music"
    name = "file"
    description = "your own music file (--music-file: audio or MIDI), looped and faded to the tale's length"

    def source(self) -> Path:
        name = self.settings.music.file
        if not name:
            raise UserError("--music file needs a music file: pass --music-file PATH")
        path = Path(name).expanduser()
        if not path.is_file():
            raise UserError(f"music file not found: {path}")
        return path

    def key_settings(self) -> dict:
        m = self.settings.music
        return {"file": m.file, "loudness": m.loudness, "fade": m.fade, "synth": m.synth, "soundfont": m.soundfont}

    def preflight(self) -> None:
        """Fail early (before any stage runs) on a missing or unreadable file."""
        super().preflight()
        source = self.source()
        if synth.is_midi(source):
            synth.check_midi(source)
            if (why := synth.problem(self.settings.music.synth, self.settings.music.soundfont)) is not None:
                raise UserError(why)
        elif ffmpeg.audio_duration(source) <= 0.05:
            raise UserError(f"music file {source} is empty")

    def run(self, tale: Tale, job: Job) -> None:
        source = self.source()
        m = job.settings.music
        length = round(tale.duration, 3)
        key = {"file": file_digest(source), "length": length, **self.key_settings()}
        result, entry = job.cache.memo(key, lambda d: _render_bed(source, length, m, d))
        place(entry / result["audio"], job.path(BED))
        if synth.is_midi(source):
            place(source, job.path(SCORE))
        else:
            job.path(SCORE).unlink(missing_ok=True)  # from an earlier run with a score
        tale.music = Music(backend=self.name, audio=BED, midi=SCORE if synth.is_midi(source) else "")


def _render_bed(source: Path, length: float, m: MusicSettings, folder: Path) -> dict:
    if synth.is_midi(source):  # played by the soundfont first, then treated as any audio
        synth.render(source, folder / "played.wav", m.synth, m.soundfont)
        source = folder / "played.wav"
    make_bed(source, length, m.loudness, m.fade, folder / BED, loop=True)
    (folder / "played.wav").unlink(missing_ok=True)  # only ever our own temporary file, never one beside the user's
    return {"audio": BED}
