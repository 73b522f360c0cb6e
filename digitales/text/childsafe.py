"""A children's-content filter for language-model output: sentences with words from these
lists are dropped (the writer then tries another candidate). Stems, matched at word starts."""

from __future__ import annotations

import re

_STEMS = {
    "ru": """бля хуй хуе хуя пизд ебат ебан ебал ёбан сука сучк мудак мудил гандон шлюх проститут
             секс эрот порн наркот героин кокаин водк пьян самоуби расчлен кишк изнасил пытк выпотрош""",
    "en": """fuck shit bitch cunt dick cock pussy whore slut sex porn nude naked drug cocaine heroin
             vodka drunk suicide gore disembowel rape torture behead""",
}
STEMS = {lang: tuple(s.split()) for lang, s in _STEMS.items()}


def unsafe(sentence: str, lang: str) -> bool:
    words = re.findall(r"[^\W\d_]+", sentence.lower().replace("ё", "е"))
    stems = tuple(s.replace("ё", "е") for s in STEMS.get(lang, ()))
    return any(w.startswith(stems) for w in words)
