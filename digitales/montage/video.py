"""`ffmpeg`: the finished video, subtitles, story and storyboard."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PIL import Image

from digitales import ffmpeg
from digitales.backend import Backend, Job
from digitales.cache import digest, file_digest
from digitales.errors import ToolMissing
from digitales.files import place, write_text_atomic
from digitales.montage import subtitles
from digitales.montage.encode import encode
from digitales.montage.mix import narration_track, render_mix
from digitales.montage.motion import FrameMaker, plan_shots
from digitales.montage.puppets import Puppets, Timing, voice_loudness
from digitales.montage.story import story_markdown
from digitales.montage.storyboard import render_storyboard
from digitales.picture import fonts, layers
from digitales.tale import Tale
from digitales.voice import audio

NEEDED_FILTERS = ("subtitles", "sidechaincompress", "loudnorm", "asoftclip")


def frame_maker(tale: Tale, tale_dir: Path, video) -> FrameMaker:
    """The frames of the video: the title card, then each scene's picture for as long as it is told,
    its figures acted out (puppets.py) when the picture stage left its layers beside it."""
    images, bounds = [tale_dir / tale.title_image], [(0.0, tale.title_card)]
    timings: list[Timing | None] = [None]
    loudness = voice_loudness([(s.start, *audio.read_wav(tale_dir / s.audio)) for s in tale.scenes if s.audio],
                              tale.duration, video.fps)
    for scene in tale.scenes:
        for image, start, end in scene.image_times():
            images.append(tale_dir / image.path)
            bounds.append((start, end))
            timings.append(Timing(start, end, [(l.start, l.end) for l in scene.lines], loudness, video.fps))
    shots = plan_shots(images, bounds, video.zoom, video.crossfade, tale.seed)
    for shot, timing in zip(shots, timings):
        kept = layers.path_of(shot.image)
        if timing and kept.exists():
            with Image.open(shot.image) as still:  # the header only: its size
                timing.view = shot.seen(still.size, video.size)  # one carried across stays in the camera's view
            shot.puppets = partial(Puppets, kept, timing)
    return FrameMaker(shots, video.size, video.fps, tale.duration)


def layers_digest(picture: Path) -> str | None:
    kept = layers.path_of(picture)
    return file_digest(kept) if kept.exists() else None


class FfmpegMontage(Backend):
    stage = "montage"
    name = "ffmpeg"
    version = "3"  # 2: the figures act (puppets.py); 3: one carried across stays in the camera's view
    description = "Ken Burns motion, crossfades, subtitles, ducked music, loudness −16 LUFS; one x264 run"

    @classmethod
    def problem(cls) -> str | None:
        try:
            have = ffmpeg.filters()
        except ToolMissing as e:
            return str(e)
        missing = [f for f in NEEDED_FILTERS if f not in have]
        if missing:
            return f"this ffmpeg lacks the {', '.join(missing)} filter(s): apt-get install ffmpeg"
        return None

    def key_settings(self) -> dict:
        return self.settings.video.model_dump()

    def run(self, tale: Tale, job: Job) -> None:
        cues = subtitles.cues(tale)
        srt, vtt = subtitles.to_srt(cues), subtitles.to_vtt(cues)
        write_text_atomic(job.path("subtitles.srt"), srt)
        write_text_atomic(job.path("subtitles.vtt"), vtt)
        v = self.settings.video
        ass = None
        if v.read_along or v.burn_subtitles:
            ass = subtitles.to_ass(cues, v.size, fonts.font_family("subtitle"), read_along=v.read_along)
        if v.read_along:
            write_text_atomic(job.path("subtitles.ass"), ass)
        else:  # one left by an earlier read-along run would no longer match the video
            job.path("subtitles.ass").unlink(missing_ok=True)
        write_text_atomic(job.path("story.md"), story_markdown(tale))
        inputs = {
            "audio": [file_digest(job.path(s.audio)) for s in tale.scenes],
            "images": [(file_digest(job.path(i.path)), i.line, layers_digest(job.path(i.path)))
                       for s in tale.scenes for i in s.images],
            "title_image": file_digest(job.path(tale.title_image)),
            "music": file_digest(job.path(tale.music.audio)) if tale.music.audio else None,
            "timeline": [(s.start, s.end, [(l.start, l.end, l.text, l.words) for l in s.lines]) for s in tale.scenes],
            "title": tale.title, "seed": tale.seed, "video": self.key_settings(),
        }
        result, entry = job.cache.memo({"inputs": digest(inputs)}, lambda d: self._render(tale, job, srt, ass, d))
        place(entry / result["video"], job.path("tale.mp4"))
        place(entry / result["storyboard"], job.path("storyboard.png"))
        tale.metrics["loudness_before_normalising"] = result["loudness_in"]
        tale.files.update({"video": "tale.mp4", "story": "story.md", "srt": "subtitles.srt",  # the book may be in
                           "vtt": "subtitles.vtt", "storyboard": "storyboard.png", "manifest": "manifest.json"})
        if v.read_along:
            tale.files["ass"] = "subtitles.ass"
            tale.metrics["read_along"] = subtitles.word_timing(tale)

    def _render(self, tale: Tale, job: Job, srt: str, ass_text: str | None, folder: Path) -> dict:
        v = job.settings.video
        narration_track(tale, job.tale_dir, folder / "narration.wav")
        music = job.path(tale.music.audio) if tale.music.audio else None
        measured = render_mix(folder / "narration.wav", music, folder / "sound.wav", v.loudness, v.true_peak, v.duck_db)
        (folder / "narration.wav").unlink()
        (folder / "subtitles.srt").write_text(srt, encoding="utf-8")
        ass = None
        if v.burn_subtitles:  # read-along's karaoke highlighting is burned in too when it is on
            ass = folder / "burn.ass"
            ass.write_text(ass_text, encoding="utf-8")
        frames = frame_maker(tale, job.tale_dir, v)
        encode(frames, folder / "sound.wav", folder / "subtitles.srt", ass, folder / "tale.mp4",
               preset=v.preset, crf=v.crf, title=tale.title, lang=tale.lang,
               progress=lambda done, total: job.progress(done, total, "frames"))
        (folder / "sound.wav").unlink()
        render_storyboard(tale, job.tale_dir, folder / "storyboard.png")
        return {"video": "tale.mp4", "storyboard": "storyboard.png",
                "loudness_in": {"integrated": measured["integrated"], "true_peak": measured["true_peak"]}}
