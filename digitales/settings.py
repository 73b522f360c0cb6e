"""Settings: defaults here, overridden by a TOML file (`--config`), a profile in it
(`--profile`), environment variables (`DIGITALES_VIDEO__HEIGHT=1080`), and CLI flags,
in that order of priority from lowest to highest.

A TOML file mirrors these models:

    lang = "ru"
    [video]
    height = 1080
    [profiles.draft.video]     # chosen with --profile draft
    height = 720
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from digitales.errors import UserError


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlotSettings(Section):
    backend: str = "auto"  # auto: `planner` from the title, `given` when --text gives the tale


class WriterSettings(Section):
    backend: str = "auto"  # auto: `embedded` from the plan, `file` when --text gives the tale
    minutes: float | None = Field(None, ge=0.5, le=30)  # length of a tale written from the title; None: as long
    # as the tale is (a known tale told whole, a new one three times round, about two minutes)
    model: str = ""  # hf: a model id or folder; gguf: a .gguf file; openai: URL#MODEL
    candidates: int = Field(3, ge=1, le=8)  # a language model's tries per beat; the best is kept
    temperature: float = Field(0.8, gt=0, le=2.0)
    max_tokens: int = Field(200, ge=16, le=2000)
    tag_prompt: bool = False  # hf: DigiTales tag prompts ("Имя: … Жанр: … Текст:") for ruGPT-3 fine-tunes


class TextSettings(Section):
    backend: str = "basic"
    stress: bool = True  # Russian: + before stressed vowels for voices that honour it (festival)
    stress_dict: str = ""  # a file of words with the user's stresses (з+амок), one per line
    scene_min_seconds: float = Field(10.0, gt=0)  # scenes are cut from the text at about
    scene_max_seconds: float = Field(25.0, gt=0)  # this much narration each


class VoiceSettings(Section):
    backend: str = "auto"  # auto: festival for ru, piper for en, espeak-ng otherwise
    voice: str = ""  # backend-specific: a piper .onnx path, an espeak-ng voice name…
    rate: float = Field(1.0, gt=0.3, lt=3.0)  # speaking-rate multiplier (1 = the voice's own)
    clause_pause: float = Field(0.12, ge=0)  # between the pieces of a sentence too long for the engine
    sentence_pause: float = Field(0.35, ge=0)
    turn_pause: float = Field(0.3, ge=0)  # when another character (or the narrator) takes over
    paragraph_pause: float = Field(0.7, ge=0)
    scene_lead: float = Field(0.35, ge=0)  # silence before a scene's first sentence
    scene_tail: float = Field(0.65, ge=0)  # and after its last


class PictureSettings(Section):
    backend: str = "collage"  # collage (vector clip-art on a painted place), card, diffusers, clip-guided
    height: int = Field(0, ge=0, le=8192)  # the pictures' height in pixels; 0: the video's (with room for the zoom)
    model: str = ""  # diffusers: a text-to-image pipeline id or folder; clip-guided: a generator (VAE) id or folder
    clip: str = ""  # a CLIP model id or folder (transformers CLIPModel) that ranks candidates or guides the generator
    candidates: int = Field(4, ge=1, le=16)  # diffusers: pictures made per scene; the CLIP model keeps the best
    steps: int = Field(25, ge=1, le=500)  # diffusers: denoising steps; clip-guided: optimisation steps
    style: str = "a children's picture-book illustration, soft watercolour"  # added to every prompt
    # {scene: times}: a scene drawn anew that many times (--redraw); every other picture keeps its seed and cache
    redraw: dict[int, int] = Field(default_factory=dict)

    @field_validator("redraw")
    @classmethod
    def _redraw(cls, value: dict[int, int]) -> dict[int, int]:
        if any(scene < 1 or times < 0 for scene, times in value.items()):
            raise ValueError("picture.redraw maps scene numbers (1, 2, …) to how many times each was redrawn (0, 1, …)")
        return {scene: times for scene, times in value.items() if times}

    def shot_seed(self, tale_seed: int, scene: int, shot: int) -> int:
        """The seed of a scene's picture: the same as long as the scene is not redrawn (so caches hold)."""
        times = self.redraw.get(scene, 0)
        text = f"{tale_seed}:{scene}:{shot}" + (f":redraw{times}" if times else "")
        return int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)

    @field_validator("height")
    @classmethod
    def _height(cls, value: int) -> int:
        if value and not 512 <= value <= 8192:
            raise ValueError("picture.height is 0 (the video's) or 512 to 8192 pixels")
        return value


class MusicSettings(Section):
    backend: str = "transformer"
    file: str = ""  # for the `file` backend
    checkpoint: str = ""  # the composer's weights (`transformer`); empty = the shipped model
    temperature: float = Field(1.0, gt=0, le=2.0)
    top_p: float = Field(0.95, gt=0, le=1.0)
    synth: Literal["auto", "fluidsynth", "tinysoundfont"] = "auto"
    soundfont: str = ""  # a .sf2 file; empty = FluidR3_GM for FluidSynth, TimGM6mb for TinySoundFont
    loudness: float = -24.0  # LUFS of the music bed before ducking
    fade: float = Field(3.0, ge=0)  # seconds of fade-in and fade-out


class VideoSettings(Section):
    aspect: Literal["16:9", "9:16", "1:1"] = "16:9"
    height: Literal[720, 1080, 2160] = 720
    fps: int = Field(25, ge=10, le=60)
    title_seconds: float = Field(3.5, ge=1.0, le=20.0)
    crossfade: float = Field(0.7, ge=0.0, le=3.0)
    zoom: float = Field(0.10, ge=0.0, le=0.5)  # Ken Burns: how far each still zooms
    burn_subtitles: bool = True
    preset: str = "veryfast"  # x264
    crf: int = Field(21, ge=0, le=51)
    loudness: float = -16.0  # LUFS of the final mix
    true_peak: float = -2.0  # dBTP ceiling given to loudnorm (AAC adds a few tenths)
    duck_db: float = Field(12.0, ge=0, le=40)  # how far music dips under speech
    read_along: bool = False  # karaoke subtitles: each word lights up as it is spoken (subtitles.ass, and burned in)

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) in pixels, both even as H.264 wants."""
        num, den = (int(x) for x in self.aspect.split(":"))
        width = round(self.height * num / den / 2) * 2
        return width, self.height


class BookSettings(Section):
    backend: str = "fpdf"  # the picture book, book.pdf: a title page, then each scene's picture and text
    size: Literal["a4", "letter"] = "a4"  # portrait


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        extra="forbid", env_prefix="DIGITALES_", env_nested_delimiter="__"
    )

    lang: str = "ru"
    genre: str = "fairy_tale"
    seed: int = 0
    out: str = "out"
    plot: PlotSettings = PlotSettings()
    writer: WriterSettings = WriterSettings()
    text: TextSettings = TextSettings()
    voice: VoiceSettings = VoiceSettings()
    picture: PictureSettings = PictureSettings()
    music: MusicSettings = MusicSettings()
    video: VideoSettings = VideoSettings()
    book: BookSettings = BookSettings()

    def stage(self, name: str) -> Section:
        return getattr(self, name)


def load_settings(
    config: Path | None = None, profile: str | None = None, overrides: dict[str, Any] | None = None
) -> Settings:
    """Build settings from a TOML file, one of its profiles and flag overrides."""
    data: dict[str, Any] = {}
    where = "settings"
    if config is not None:
        where = str(config)
        try:
            data = tomllib.loads(Path(config).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UserError(f"config file not found: {config}") from None
        except (OSError, UnicodeDecodeError) as e:
            raise UserError(f"cannot read config file {config}: {e}") from None
        except tomllib.TOMLDecodeError as e:
            raise UserError(f"{config} is not valid TOML: {e}") from None
    profiles = data.pop("profiles", {})
    if profile:
        if profile not in profiles:
            known = ", ".join(sorted(profiles)) or "none"
            raise UserError(f"no profile '{profile}' in {where} (profiles there: {known})")
        data = _merge(data, profiles[profile])
    data = _merge(data, overrides or {})
    try:
        return Settings(**data)
    except ValidationError as e:
        err = e.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            raise UserError(f"{where}: unknown setting '{key}'") from None
        raise UserError(f"{where}: bad value for '{key}': {err['msg']}") from None


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def choices(*, genre: str | None = None, lang: str | None = None, seed: int | None = None, out: Path | str | None = None,
            aspect: str | None = None, height: int | None = None, burn_subtitles: bool | None = None,
            read_along: bool | None = None, book_size: str | None = None,
            stress_dict: Path | str | None = None, writer: str | None = None, minutes: float | None = None,
            voice: str | None = None,
            picture: str | None = None, music: str | None = None, music_file: Path | str | None = None,
            redraw: list[int] | None = None) -> dict[str, Any]:
    """Settings overrides from the choices a user makes on the command line or in the studio
    (None = not chosen). `voice` may name a voice: "piper:MODEL.onnx"; a music file implies
    the `file` music backend; each scene number in `redraw` draws that scene once more anew."""
    overrides: dict[str, Any] = {}

    def put(path: str, value: Any) -> None:
        if value is None:
            return
        node = overrides
        *parents, leaf = path.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[leaf] = str(value) if isinstance(value, Path) else value

    put("genre", genre)
    put("lang", lang)
    put("seed", seed)
    put("out", out)
    put("video.aspect", aspect)
    put("video.height", height)
    put("video.burn_subtitles", burn_subtitles)
    put("video.read_along", read_along)
    put("book.size", book_size.lower() if book_size else book_size)
    put("text.stress_dict", stress_dict)
    if writer is not None:
        name, _, model = writer.partition(":")  # "hf:MODEL", "gguf:PATH", "openai:URL#MODEL"
        put("writer.backend", name)
        put("writer.model", model or None)
    put("writer.minutes", minutes)
    if voice is not None:
        name, _, choice = voice.partition(":")
        put("voice.backend", name)
        put("voice.voice", choice or None)
    if picture is not None:
        name, _, model = picture.partition(":")  # "diffusers:MODEL", "clip-guided:GENERATOR"
        put("picture.backend", name)
        put("picture.model", model or None)
    if redraw:
        put("picture.redraw", {scene: redraw.count(scene) for scene in sorted(set(redraw))})
    if music_file is not None:
        put("music.file", music_file)
        put("music.backend", music or "file")
    else:
        put("music.backend", music)
    return overrides
