"""Text as a voice should read it: numbers as words, one kind of quote and dash, tidy spaces."""

from __future__ import annotations

import re

from num2words import num2words

_NUM2WORDS_LANGS = {"ru", "en", "de", "fr", "es", "it", "uk", "pl", "cs", "pt", "nl", "tr"}


def spoken(text: str, lang: str) -> str:
    text = text.replace("\u00a0", " ").replace("…", "...")
    text = re.sub(r"[«»„“”]", '"', text)
    text = re.sub(r"\s*[—–]\s*", " — ", text)
    text = re.sub(r"\b\d{1,3}(?:[ \u202f]\d{3})+\b", lambda m: re.sub(r"\D", "", m.group()), text)  # 1 000 000
    if lang in _NUM2WORDS_LANGS:
        text = re.sub(r"\d+", lambda m: num2words(int(m.group()), lang=lang), text)
    return re.sub(r"\s+", " ", text).strip(" —")
