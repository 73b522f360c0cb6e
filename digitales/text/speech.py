"""Text as a voice should read it: numbers as words, one kind of quote and dash, tidy spaces."""

from __future__ import annotations

import re

from num2words import num2words

_NUM2WORDS_LANGS = {"ru", "en", "de", "fr", "es", "it", "uk", "pl", "cs", "pt", "nl", "tr"}


def spoken(text: str, lang: str) -> str:
    text = text.replace("\u00a0", " ").replace("…", "...")
    text = re.sub(r"[«»„“”]", '"', text)
    text = re.sub(r"\s*[—–]\s*", " — ", text)
    if lang in _NUM2WORDS_LANGS:
        text = re.sub(r"\d+", lambda m: num2words(int(m.group()), lang=lang), text)
    return re.sub(r"\s+", " ", text).strip(" —")
