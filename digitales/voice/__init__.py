"""Narration: each scene spoken to a clip, with every sentence's times.

`auto` picks the best installed voice for the tale's language.
"""

from __future__ import annotations

from digitales.errors import UserError
from digitales.voice.espeak import EspeakVoice, espeak_languages
from digitales.voice.festival import FestivalVoice
from digitales.voice.piper import PiperVoice
from digitales.voice.silero import SileroVoice

BACKENDS = {b.name: b for b in (FestivalVoice, PiperVoice, EspeakVoice, SileroVoice)}
PREFERRED = {"ru": FestivalVoice, "en": PiperVoice}


def voice_for(settings, lang: str) -> type:
    """The voice backend class a run will use for `lang` (resolving `auto`)."""
    name = settings.voice.backend
    if name == "auto":
        return PREFERRED.get(lang, EspeakVoice)
    if name not in BACKENDS:
        raise UserError(f"unknown voice backend '{name}': choose auto, " + ", ".join(BACKENDS))
    return BACKENDS[name]


def check_language(lang: str) -> None:
    if lang in PREFERRED or lang in espeak_languages():
        return
    if not espeak_languages():
        raise UserError(f"no voice for language '{lang}': install espeak-ng (apt-get install espeak-ng) or use ru or en")
    raise UserError(f"unknown language '{lang}': use ru, en or a language espeak-ng knows (espeak-ng --voices)")


def narration_seconds(text: str, lang: str, settings) -> float:
    """How long `text` will take to narrate: characters over the voice's speaking rate, plus pauses."""
    backend = voice_for(settings, lang)
    speech = len(text) / (backend.chars_per_second * settings.voice.rate)
    sentences = max(1, sum(text.count(p) for p in ".!?…"))
    return speech + sentences * settings.voice.sentence_pause
