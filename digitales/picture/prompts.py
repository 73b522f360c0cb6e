"""English prompts for the neural picture backends, built from what a picture shows.

Most text-to-image and CLIP models read English only. An English tale's prompt starts with
the words said; a Russian tale's is put together from what the collage would draw (the
characters' kinds and fixed looks, the things said, by the clip-art's English names), or,
when the writer is a language model (`--writer hf|gguf|openai`), that model translates
the words said and the result is used when it reads as English.
"""

from __future__ import annotations

import re
from typing import Callable

from digitales.picture import clipart
from digitales.picture.collage import Looks, Shot
from digitales.plot.kinds import kinds
from digitales.tale import Scene, Tale

PLACE_EN = {"forest": "in a deep forest", "field": "in an open meadow", "village": "in an old Russian village",
            "hut": "by a little wooden hut", "castle": "before a fairy-tale castle", "kingdom": "in a fairy-tale kingdom",
            "sea": "on the seashore", "river": "by a river", "mountains": "in the mountains", "cave": "in a cave",
            "sky": "high in the clouds", "road": "on a winding road"}
TIME_EN = {"night": "at night, under the moon and stars", "evening": "in the evening glow", "morning": "in the early morning",
           "day": "in daylight"}
MOOD_EN = {"calm": "peaceful", "joyful": "cheerful", "sad": "wistful", "tense": "tense", "scary": "mysterious but gentle",
           "magic": "magical", "heroic": "heroic"}
_LOOKS_EN = {look: en for kind in kinds().values() for look, en in zip(kind.looks_ru, kind.looks_en)}
_KIND_EN = {kind.name: kind.en[0] for kind in kinds().values()}


def english_prompt(shot: Shot, scene: Scene, tale: Tale, looks: Looks, style: str,
                   translate: Callable[[str], str] | None = None) -> str:
    said = shot.text.strip()
    if tale.lang != "en":
        said = translated(said, translate) if translate else ""
    who = [_describe(f.key, f.asset, tale) for f in shot.figures if f.character]
    things = [_asset_words(f.asset) for f in shot.figures if not f.character]
    scene_words = ", ".join(filter(None, [" and ".join(who), ", ".join(things)]))
    setting = f"{PLACE_EN.get(shot.place, '')} {TIME_EN.get(scene.time_of_day, '')}".strip()
    parts = [said[:300], f"{scene_words} {setting}".strip(), f"{MOOD_EN.get(scene.mood, 'gentle')} mood", style]
    return ". ".join(p.rstrip(". ") for p in parts if p)


def translated(text: str, translate: Callable[[str], str]) -> str:
    """The LM's English for `text`, or "" when what comes back is not English."""
    english = translate(text).strip().split("\n")[0]
    letters = re.findall(r"[^\W\d_]", english)
    return english if letters and sum(ch.isascii() for ch in letters) / len(letters) > 0.9 else ""


def _describe(key: str, asset: str, tale: Tale) -> str:
    character = next((c for c in tale.characters if c.name == key), None)
    kind = character.kind if character else ""
    noun = _KIND_EN.get(kind) or _asset_words(asset)
    look = character.look if character else ""
    look = look if tale.lang == "en" else _LOOKS_EN.get(look, "")
    return f"a {noun}" + (f" ({look})" if look else "")


def _asset_words(asset: str) -> str:
    info = clipart.library().get(asset)
    return min(info.en, key=len) if info and info.en else asset.replace("-", " ")
