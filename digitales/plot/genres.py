"""The eight genres of the tale contest, by their English and Russian names."""

from __future__ import annotations

from digitales.errors import UserError

GENRES = {
    "fable": ("басня",),
    "bylina": ("былина", "epic"),
    "fairy_tale": ("сказка", "fairy-tale", "fairytale", "tale"),
    "novella": ("новелла", "рассказ", "story"),
    "comedy": ("комедия",),
    "tragedy": ("трагедия",),
    "drama": ("драма",),
    "horror": ("ужасы", "хоррор", "страшилка"),
}

_ALIASES = {alias: name for name, aliases in GENRES.items() for alias in (name, *aliases)}


def genre_name(text: str) -> str:
    """The canonical genre for an English or Russian name, or a clear error."""
    key = text.strip().lower().replace(" ", "_")
    if key in _ALIASES:
        return _ALIASES[key]
    key = key.replace("_", "-")
    if key in _ALIASES:
        return _ALIASES[key]
    raise UserError(f"unknown genre '{text}': choose one of " + ", ".join(f"{n} ({a[0]})" for n, a in GENRES.items()))
