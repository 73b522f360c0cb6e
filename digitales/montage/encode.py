"""The one ffmpeg run that makes the MP4: frames from a pipe, the finished sound track,
burned-in subtitles (libass), a soft subtitle track, H.264 + AAC, +faststart."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

from digitales import ffmpeg
from digitales.montage.motion import FrameMaker

LANG3 = {"ru": "rus", "en": "eng", "de": "deu", "fr": "fra", "es": "spa", "uk": "ukr", "it": "ita"}


def encode_command(frames_from: str, size: tuple[int, int], fps: int, sound: Path, srt: Path, ass: Path | None,
                   out: Path, *, preset: str, crf: int, title: str, lang: str) -> list[str]:
    """The ffmpeg command line; `frames_from` is raw yuv420p video ('pipe:0' or a file).

    Filter arguments are parsed by ffmpeg: `ass` must be a path free of ':' and quotes.
    """
    w, h = size
    video = "[0:v]null[v]" if ass is None else f"[0:v]subtitles=filename={ass}[v]"
    lang3 = LANG3.get(lang, "und")
    return [
        ffmpeg.ffmpeg_bin(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", f"{w}x{h}", "-r", str(fps), "-i", frames_from,
        "-i", str(sound), "-i", str(srt),
        "-filter_complex", video, "-map", "[v]", "-map", "1:a", "-map", "2:s",
        "-c:v", "libx264", "-preset", preset, "-crf", str(crf), "-pix_fmt", "yuv420p",
        "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
        "-c:a", "aac", "-b:a", "160k", "-c:s", "mov_text",
        "-metadata", f"title={title}", "-metadata:s:a:0", f"language={lang3}", "-metadata:s:s:0", f"language={lang3}",
        "-movflags", "+faststart", "-f", "mp4", str(out),
    ]


def encode(frames: FrameMaker, sound: Path, srt: Path, ass: Path | None, out: Path, *, preset: str, crf: int,
           title: str, lang: str, progress: Callable[[int, int], None] = lambda done, total: None) -> None:
    work = Path(tempfile.mkdtemp(prefix="digitales-encode-"))
    try:
        burn = None
        if ass is not None:  # a copy at a plain temporary path, safe inside a filter argument
            burn = work / "burn.ass"
            shutil.copyfile(ass, burn)
        cmd = encode_command("pipe:0", frames.size, frames.fps, sound, srt, burn, out,
                             preset=preset, crf=crf, title=title, lang=lang)
        with open(work / "log", "w+") as log:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=log)
            try:
                for n in range(frames.frames):
                    proc.stdin.write(frames.frame(n))
                    if n % frames.fps == 0:
                        progress(n, frames.frames)
                proc.stdin.close()
                code = proc.wait()
            except BaseException:
                proc.kill()
                proc.wait()
                raise
            if code != 0:
                log.seek(0)
                tail = " | ".join(log.read().strip().splitlines()[-3:])
                raise RuntimeError(f"ffmpeg failed while encoding the video: {tail}")
        progress(frames.frames, frames.frames)
    finally:
        shutil.rmtree(work, ignore_errors=True)
