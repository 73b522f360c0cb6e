"""`embedded`, the default when there is no --text: writes the plan's beats as prose.

A scene per beat: an opening drawn from the phrase bank for the beat's function, then
(as the length asks) a character's line, the time of day, the mood, a character's
look, a transition — added round the scenes until the narration, estimated with the
chosen voice's speed, reaches the --minutes asked for. Names and places are inflected
for Russian (writer/russian.py); speech is written so the text stage attributes it.
"""

from __future__ import annotations

import random
import re
from types import ModuleType
from typing import Callable

from digitales.backend import Backend, Job
from digitales.errors import UserError
from digitales.tale import Beat, Scene, Tale
from digitales.text.sentences import split_sentences
from digitales.voice import narration_seconds
from digitales.writer.banks import en, ru
from digitales.writer.quality import appears, lemmas, measure, title_nouns
from digitales.writer.templates import Who, cast_of, fill, roles_in

BANKS = {"ru": ru, "en": en}


class EmbeddedWriter(Backend):
    stage = "writer"
    name = "embedded"
    description = "writes the planned tale in Russian or English from phrase banks (pymorphy3 agreement), --minutes long"

    def key_settings(self) -> dict:
        return {"minutes": self.settings.writer.minutes}

    def run(self, tale: Tale, job: Job) -> None:
        if not tale.plan.beats:
            raise UserError("the embedded writer writes from a plan: drop --text (or choose --writer file)")
        if tale.lang not in BANKS:
            raise UserError(f"the embedded writer writes Russian and English, not '{tale.lang}': pass --text for other languages")
        minutes = job.settings.writer.minutes
        key = {"plan": tale.plan, "characters": tale.characters, "lang": tale.lang, "seed": tale.seed, "minutes": minutes,
               "voice": job.settings.voice.model_dump()}
        v = job.settings.voice

        def written(_dir) -> dict:
            scenes = write(tale, minutes * 60, lambda text: narration_seconds(text, tale.lang, job.settings),
                           scene_pauses=v.scene_lead + v.scene_tail, paragraph_pause=v.paragraph_pause)
            main = {c.role: c.name for c in tale.characters if c.role in ("hero", "antagonist")}
            names = tuple(c.name for c in tale.characters)
            return {"scenes": scenes, "metrics": measure(tale.title, tale.lang, ["\n\n".join(s) for s in scenes], main, names)}

        result, _ = job.cache.memo(key, written)
        tale.metrics["writer"] = {**result["metrics"], "target_seconds": minutes * 60}
        self.place_scenes(tale, result["scenes"])

    @staticmethod
    def place_scenes(tale: Tale, scenes: list[list[str]]) -> None:
        """A scene per beat, its paragraphs, and the beat's mood, place and time of day."""
        tale.scenes = [Scene(index=i + 1, text="\n\n".join(paragraphs), mood=beat.mood, place=beat.place,
                             time_of_day=beat.time_of_day)
                       for i, (beat, paragraphs) in enumerate(zip(tale.plan.beats, scenes))]


def write(tale: Tale, target_seconds: float, seconds: Callable[[str], float], scene_pauses: float = 1.0,
          paragraph_pause: float = 0.7) -> list[list[str]]:
    """The paragraphs of each beat's scene, about `target_seconds` of narration in all (the
    silences around scenes and between paragraphs included)."""
    bank = BANKS[tale.lang]
    rng = random.Random(f"{tale.seed}:{tale.title}:write")

    def narrated(scenes: list[list[str]]) -> float:  # a pause around each scene, and between its paragraphs
        return sum(seconds(p) for s in scenes for p in s) + sum(scene_pauses + paragraph_pause * (len(s) - 1) for s in scenes)

    cast = cast_of(tale)
    beats = tale.plan.beats
    # The fullest telling that fits: every opening as drawn and everyone in the plan named;
    # for a short tale the shortest openings with the main characters only; then a sentence a beat.
    for way, main_only in (("drawn", False), ("shortest", True), ("sentence", True)):
        openings = [_opening(beat, bank, cast, rng, tale.lang, way) for beat in beats]
        presence = bank.PRESENCE if way == "drawn" else [min(bank.PRESENCE, key=len)]
        scenes = [[opening] + [fill(rng.choice(presence), {**cast, "hero": cast[role]}, beat.place, tale.lang)
                               for role in _missing(beat, opening, cast, tale.lang, main_only)]
                  for beat, opening in zip(beats, openings)]
        if narrated(scenes) <= target_seconds:
            break
    _name_the_titles_place(tale, scenes, bank, cast, rng)
    _say_the_title(tale, scenes, bank, rng)
    extras = [[e for e in _extras(i, beat, beats, bank, cast, rng, tale.lang) if e not in scene]
              for i, (beat, scene) in enumerate(zip(beats, scenes))]
    total = narrated(scenes)
    said = {p for scene in scenes for p in scene}  # no sentence twice in one tale
    # Round the scenes, one extra at a time, while it brings the length nearer the target.
    while total < target_seconds * 0.97 and any(extras):
        for i, pool in enumerate(extras):
            if not pool or total >= target_seconds * 0.97:
                continue
            candidate = pool.pop(0)
            added = seconds(candidate) + paragraph_pause
            if candidate in said or total + added > target_seconds * 1.08:
                continue
            scenes[i].append(candidate)
            said.add(candidate)
            total += added
    return scenes


def _name_the_titles_place(tale: Tale, scenes: list[list[str]], bank: ModuleType, cast: dict[str, Who],
                           rng: random.Random) -> None:
    """A place the title names ("The Fox and the Castle") is said, at the first beat set there."""
    nouns = set(title_nouns(tale.title, tale.lang))
    for beat, scene in zip(tale.plan.beats, scenes):
        place_words = lemmas(beat.place, tale.lang) & nouns
        if place_words:
            if not place_words & lemmas(" ".join(scene), tale.lang):
                scene.append(fill(rng.choice(bank.PLACE), cast, beat.place, tale.lang))
            return


def _say_the_title(tale: Tale, scenes: list[list[str]], bank: ModuleType, rng: random.Random) -> None:
    """A title noun that is nobody and nowhere ("The Hedgehog's Journey") is said once, up front."""
    said = lemmas(" ".join(p for scene in scenes for p in scene), tale.lang)
    if any(noun not in said for noun in title_nouns(tale.title, tale.lang)):
        title = tale.title if tale.lang == "ru" else re.sub(r"^The\b", "the", tale.title)
        scenes[0].insert(0, rng.choice(bank.TITLE_LINE).replace("{title}", title))


def _missing(beat: Beat, text: str, cast: dict[str, Who], lang: str, main_only: bool = False) -> list[str]:
    """Roles of the beat's cast whose name the text does not mention."""
    present = lemmas(text, lang)
    return [role for role, who in cast.items() if who.name in beat.cast and not appears(who.name, present, lang)
            and (role in ("hero", "antagonist") or not main_only)]


def _usable(templates: list[str], cast: dict[str, Who]) -> list[str]:
    return [t for t in templates if roles_in(t) <= set(cast)]


def _opening(beat: Beat, bank: ModuleType, cast: dict[str, Who], rng: random.Random, lang: str, way: str = "drawn") -> str:
    """The first paragraph of a beat's scene: drawn at random, the shortest, or the shortest first sentence."""
    options = _usable(bank.FUNCTIONS.get(beat.function, []), cast) or _usable(bank.TRANSITIONS, cast)
    filled = [fill(t, cast, beat.place, lang) for t in options]
    if way == "sentence":
        filled = [split_sentences(f)[0] for f in filled]
    if way == "drawn":
        return rng.choice(filled)
    # the shortest once the main characters it leaves out are named too (about 30 characters each)
    return min(filled, key=lambda f: len(f) + 30 * len(_missing(beat, f, cast, lang, main_only=True)))


def _extras(i: int, beat: Beat, beats: list[Beat], bank: ModuleType, cast: dict[str, Who], rng: random.Random,
            lang: str) -> list[str]:
    """What may be added to a beat's scene, the most telling first."""
    pool = []
    talk = _usable(bank.DIALOGUE.get(beat.function, []), cast)
    lines = rng.sample(talk, min(2, len(talk)))
    pool += lines[:1]  # a character's line per scene
    if i == 0 or beats[i - 1].time_of_day != beat.time_of_day:
        pool.append(rng.choice(bank.TIME[beat.time_of_day]))
    if i == 0 and "hero" in cast:
        pool.append(rng.choice(bank.LOOK))
    pool += rng.sample(bank.MOOD.get(beat.mood, bank.MOOD["calm"]), 2)  # the second only for long tales
    # (no second telling of the beat's own step: two tellings drawn apart may not agree)
    if i:
        pool.append(rng.choice(bank.TRANSITIONS))
    pool += lines[1:]  # for long tales, a second line of the same talk
    return [fill(t, cast, beat.place, lang) for t in dict.fromkeys(pool)]
