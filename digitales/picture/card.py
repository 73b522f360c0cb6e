"""`card`: a painted background in the scene's mood with the scene's key sentence set on it."""

from __future__ import annotations

import re

from digitales.backend import Backend, Job
from digitales.cache import digest
from digitales.files import place
from digitales.picture import fonts, layers
from digitales.picture.lettering import draw_block, fit
from digitales.picture.paint import paint_background
from digitales.picture.palette import palette_for
from digitales.plot.genres import GENRES
from digitales.tale import Image as TaleImage
from digitales.tale import Tale

OVERSCAN = 1.12  # pictures are this much larger than the video so the slow zoom stays sharp
KEY_SENTENCE_CHARS = 150


def picture_size(settings) -> tuple[int, int]:
    """The pictures' size: the video's with room for the slow zoom, or `picture.height` tall."""
    w, h = settings.video.size
    if settings.picture.height:
        return round(settings.picture.height * w / h / 2) * 2, settings.picture.height
    return round(w * OVERSCAN / 2) * 2, round(h * OVERSCAN / 2) * 2


def key_sentence(sentences: list[str]) -> str:
    """The sentence that best sums a scene up on a card: the fullest one that fits."""
    fitting = [s for s in sentences if len(s) <= KEY_SENTENCE_CHARS and len(re.findall(r"\w+", s)) >= 3]
    if fitting:
        return max(fitting, key=lambda s: len(re.findall(r"\w{3,}", s)))
    first = sentences[0] if sentences else ""
    if len(first) <= KEY_SENTENCE_CHARS:
        return first
    return first[: KEY_SENTENCE_CHARS].rsplit(" ", 1)[0].rstrip(",;:—– ") + "…"


class CardPicture(Backend):
    stage = "picture"
    name = "card"
    version = "1"
    description = "painted background in the scene's mood palette with its key sentence (PT Serif)"

    @classmethod
    def problem(cls) -> str | None:
        return fonts.problem()

    def key_settings(self) -> dict:
        return {"size": picture_size(self.settings)}

    def run(self, tale: Tale, job: Job) -> None:
        size = picture_size(job.settings)
        seed = tale.seed
        place_title_card(tale, job, size)
        for n, scene in enumerate(tale.scenes):
            sentence = key_sentence([line.text for line in scene.lines])
            key = {"sentence": sentence, "mood": scene.mood, "time": scene.time_of_day, "seed": seed, "size": size}
            result, entry = job.cache.memo(key, lambda d, s=scene, k=sentence: self._scene(s, k, size, seed, d))
            path = f"scenes/{scene.index:02d}.png"
            place(entry / result["image"], job.path(path))
            layers.put_beside(job.path(path), None)
            scene.images = [TaleImage(path=path, shows=result["shows"])]
            job.progress(n + 1, len(tale.scenes), f"scene {n + 1}")

    def _scene(self, scene, sentence: str, size, seed: int, folder) -> dict:
        palette = palette_for(scene.mood, scene.time_of_day)
        img = paint_background(size, palette, _seed(seed, sentence), scene.time_of_day)
        w, h = size
        font, lines = fit(sentence, lambda s: fonts.font("text", s), w * 0.62, round(h * 0.058), 4)
        draw_block(img, lines, font, (w / 2, h * 0.33), palette.ink, palette.panel, 205)
        return saved(img, folder, shows=re.findall(r"\w+(?:-\w+)*", sentence.lower()))


def saved(img, folder, **more) -> dict:
    """A picture written into a cache entry, as every picture backend keeps them."""
    img.convert("RGB").save(folder / "image.png", optimize=False, compress_level=1)
    return {"image": "image.png", **more}


def place_title_card(tale: Tale, job: Job, size: tuple[int, int]) -> None:
    """`scenes/00.png`, made once per title, genre, language, seed and size."""
    key = {"title": tale.title, "genre": tale.genre, "lang": tale.lang, "seed": tale.seed, "size": size}
    result, entry = job.cache.memo(key, lambda d: saved(title_card(tale, size), d))
    tale.title_image = "scenes/00.png"
    place(entry / result["image"], job.path(tale.title_image))


def title_card(tale: Tale, size: tuple[int, int]):
    """The first picture of every tale: its title and genre on an evening sky."""
    palette = palette_for("magic", "evening")
    img = paint_background(size, palette, _seed(tale.seed, tale.title), "evening")
    w, h = size
    font, lines = fit(tale.title, lambda s: fonts.font("title", s), w * 0.7, round(h * 0.12), 3)
    draw_block(img, lines, font, (w / 2, h * 0.42), (255, 250, 240))
    label = genre_label(tale.genre, tale.lang)
    if label:
        small = fonts.font("text", round(h * 0.045))
        draw_block(img, [label], small, (w / 2, h * 0.42 + len(lines) * h * 0.08 + h * 0.06), (255, 244, 220))
    return img


def genre_label(genre: str, lang: str) -> str:
    if lang == "ru" and genre in GENRES:
        return GENRES[genre][0].capitalize()
    return genre.replace("_", " ").capitalize() if lang == "en" else ""


def _seed(seed: int, text: str) -> int:
    return int(digest([seed, text])[:8], 16)


