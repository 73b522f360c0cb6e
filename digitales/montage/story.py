"""`story.md`: the tale's text, scene by scene, with times."""

from __future__ import annotations

from digitales.montage.storyboard import clock
from digitales.picture.card import genre_label
from digitales.tale import Tale


def story_markdown(tale: Tale) -> str:
    parts = [f"# {tale.title}", ""]
    label = genre_label(tale.genre, tale.lang)
    if label:
        parts += [f"*{label}*", ""]
    for scene in tale.scenes:
        parts += [f"## {scene.index} · {clock(scene.start)}–{clock(scene.end)}", "", scene.text, ""]
    return "\n".join(parts)
