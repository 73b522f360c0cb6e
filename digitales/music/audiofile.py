"""`file`: the user's music (--music-file), looped and faded to the video's length.

The bed is levelled to a fixed loudness so the montage's ducking works the same on
any file.
"""

from __future__ import annotations

from pathlib import Path

from digitales import ffmpeg
from digitales.backend import Backend, Job
from digitales.cache import file_digest
from digitales.errors import UserError
from digitales.files import place
from digitales.tale import Music, Tale

BED = "music.flac"


class FileMusic(Backend):
    stage = "music"
    name = "file"
    description = "your own music file (--music-file), looped and faded to the tale's length"

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
        return {"file": m.file, "loudness": m.loudness, "fade": m.fade}

    def preflight(self) -> None:
        """Fail early (before any stage runs) on a missing or unreadable file."""
        super().preflight()
        if ffmpeg.audio_duration(self.source()) <= 0.05:
            raise UserError(f"music file {self.source()} is empty")

    def run(self, tale: Tale, job: Job) -> None:
        source = self.source()
        m = job.settings.music
        length = round(tale.duration, 3)
        key = {"file": file_digest(source), "length": length, "loudness": m.loudness, "fade": m.fade}
        result, entry = job.cache.memo(key, lambda d: _render_bed(source, length, m.loudness, m.fade, d))
        place(entry / result["audio"], job.path(BED))
        tale.music = Music(backend=self.name, audio=BED)


def _render_bed(source: Path, length: float, loudness: float, fade: float, folder: Path) -> dict:
    fade = min(fade, length / 4)
    chain = (f"loudnorm=I={loudness}:TP=-3:LRA=11,aresample=48000,"
             f"afade=t=in:d={fade:.3f},afade=t=out:st={length - fade:.3f}:d={fade:.3f}")
    ffmpeg.run(["-stream_loop", "-1", "-i", str(source), "-t", f"{length:.3f}", "-af", chain,
                "-ac", "2", "-ar", "48000", "-c:a", "flac", str(folder / BED)], "preparing the music file")
    return {"audio": BED}
