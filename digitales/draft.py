"""A tale's text before its render: written from the title, read and edited as the Markdown `--text` reads.

`digitales write`, the studio's "Write the tale" and the API's `write` all come here. The text they
hand back, given to `make --text`, is narrated word for word: the title as a heading (the title card
shows it, and --text drops a first paragraph that is the title), then each scene's paragraphs, the
scenes set apart by a rule (`---`): --text keeps the scenes the rules mark, as the user left them.
Last comes the cast as a Markdown comment (never narrated): --text casts those characters first and
in that order, so an edit leaves every other character their voice and look.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from digitales.settings import Settings
from digitales.tale import Character, Tale
from digitales.text.source import cast_comment

SCENE_BREAK = "---"
CAST_HEADER = {  # the cast comment's first line, for the reader; the columns are text/source.py's CAST_FIELDS
    "ru": "кто есть кто (имя | роль | род | вид | облик); пока строка здесь, у героя его голос и облик",
    "en": "who is who (name | role | gender | kind | look); while a line is here, that character keeps their voice and look"}


@dataclass
class CastMember:
    """One character as the page shows them: who, what they are, how they look, who speaks them."""

    name: str
    role: str
    look: str
    voice: str


@dataclass
class Draft:
    title: str
    lang: str
    seed: int
    text: str  # the Markdown --text reads
    scenes: int = 0
    cast: list[CastMember] = field(default_factory=list)
    premise: dict = field(default_factory=dict)  # hero, goal, objects… where the story engine gives them


def tale_markdown(title: str, scenes: list[str], characters: list[Character] = (), lang: str = "en") -> str:
    """The title as a heading, then the scenes (each its paragraphs), a rule between two scenes; the cast last."""
    text = f"# {title}\n\n" + f"\n\n{SCENE_BREAK}\n\n".join(s.strip() for s in scenes) + "\n"
    if any(c.role != "narrator" for c in characters):
        text += "\n" + cast_comment(characters, CAST_HEADER.get(lang, CAST_HEADER["en"])) + "\n"
    return text


def write_draft(title: str, settings: Settings, with_cast: bool = False) -> Draft:
    """Plan and write the tale from its title, as `make` would, and render nothing.

    The run goes through `make_tale` (so every option is checked as make checks it) into a
    scratch folder that is thrown away: writing leaves no tale folder behind. `with_cast` also
    reads the written text as `make --text` will, to name the voice each character will get."""
    from digitales.pipeline import make_tale

    with tempfile.TemporaryDirectory(prefix="digitales-write-") as scratch:
        scratch_settings = settings.model_copy(update={"out": scratch})
        tale, _ = make_tale(title, scratch_settings, None, "writer")
        text = tale_markdown(tale.title, [s.text for s in tale.scenes], tale.characters, tale.lang)
        cast = []
        if with_cast:
            source = Path(scratch) / "tale.md"
            source.write_text(text, encoding="utf-8")
            told, _ = make_tale(title, scratch_settings, source, "text")
            cast = cast_of(tale.characters, told, settings)
    premise = {k: v for k, v in vars(tale.plan.premise).items() if v}
    return Draft(title=tale.title, lang=tale.lang, seed=tale.seed, text=text, scenes=len(tale.scenes), cast=cast,
                 premise=premise)


def cast_of(planned: list[Character], told: Tale, settings: Settings) -> list[CastMember]:
    """The plan's characters (and anyone else who speaks) with the voice the render of the text gives them.

    The voices are those of `told`, the written text read as `make --text` reads it (its cast comment
    first, then anyone else who speaks); one who never speaks is heard in the narrator's voice."""
    from digitales.voice import voice_for
    from digitales.voice.casting import cast

    engine = voice_for(settings, told.lang)(settings)
    engine.lang = told.lang  # espeak-ng names its voice by the language
    try:
        voices = {name.casefold(): v.label(engine.name)
                  for name, v in cast(told.characters, engine.voice_name(), engine.voice_pools()).items()}
    except Exception:  # an engine that must load its model to name its voices (Silero): names only
        voices = {}
    narrator = voices.get("narrator", "")
    members = [CastMember(c.name, c.role, c.look, voices.get(c.name.casefold(), narrator)) for c in planned]
    known = {c.name.casefold() for c in planned}
    members += [CastMember(c.name, c.role, c.look, voices.get(c.name.casefold(), narrator))
                for c in told.characters if c.name.casefold() not in known]
    return members
