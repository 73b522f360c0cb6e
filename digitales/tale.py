"""The tale as data: one dataclass tree that every stage reads and enriches.

`Tale.to_dict()` / `Tale.from_dict()` round-trip exactly; the JSON form is
`manifest.json`. All times are seconds on the video's timeline.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from digitales.files import write_text_atomic

VERSION = "0.1.0"


@dataclass
class Character:
    name: str
    role: str = "character"
    gender: str = "unknown"  # male | female | neuter | plural | unknown
    voice: str = ""
    look: str = ""  # how they look, the same all tale long (pictures and prompts use it)
    kind: str = ""  # fox, hare, girl, koschei… (plot/data/kinds.toml): what pictures draw
    proper: bool = False  # a proper name (Баба-яга, Ivan): capitalised, no article in English


@dataclass
class Event:
    """One thing that happens: who does it, to whom, with what. The plot decides it; the
    writer tells it (from the known tale's own telling or the tale type's templates)."""

    action: str  # a verb-like label: meet, pull, ask, find…
    who: list[str] = field(default_factory=list)  # character names, the one acting first
    to: str = ""  # the one spoken to or acted on
    objects: list[str] = field(default_factory=list)  # names of the plan's things it uses
    moves: str = ""  # roll | run | fly | hop | swim | walk: how the one acting moves
    summary: str = ""  # what happens, one plain sentence in the tale's language (LM prompts read it)
    step: str = ""  # where its telling is: "<known tale>:<scene>.<event>" or the tale type's step
    slots: dict[str, str] = field(default_factory=dict)  # template slot → the name bound to it
    repeat: int = 0  # which time round a repeated step this is (0, 1, 2…): refrains grow with it


@dataclass
class Beat:
    """One scene of the plan: where, when, in what mood, who is there, and what happens."""

    function: str  # the step of the tale type this scene tells
    place: str
    time_of_day: str
    mood: str
    cast: list[str] = field(default_factory=list)  # character names, the one who acts first
    events: list[Event] = field(default_factory=list)


@dataclass
class Thing:
    """An object or a place, bound once per tale: every event that uses it uses this one."""

    name: str  # as the tale calls it (nominative; English without an article)
    kind: str = ""  # what the pictures draw: turnip, well, pond…
    gender: str = ""  # Russian agreement: male | female | neuter | plural
    role: str = "object"  # object | goal | place | detail (a known tale's thing only an optional scene pays off)
    proper: bool = False  # said without an article in English ("spring", "long ears")


@dataclass
class Premise:
    """What the title promises: who, what they want or ask, with what, where."""

    characters: list[str] = field(default_factory=list)  # the names the title gives
    goal: str = ""  # seek | want | learn | fear | why | rescue | farewell | mystery | contest | "" (none named)
    thing: str = ""  # what the goal is about, as the tale says it: весна, плавать, stripes
    owner: str = ""  # whose thing it is: у зайца (уши), the zebra's (stripes), дедушкины (часы)
    objects: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


@dataclass
class Plan:
    setting: str = ""
    tale_type: str = ""  # quest, learning, chain, shelter… (plot/schemas)
    known: str = ""  # the known tale told, by its id (plot/data/known), or ""
    premise: Premise = field(default_factory=Premise)
    things: list[Thing] = field(default_factory=list)
    beats: list[Beat] = field(default_factory=list)


@dataclass
class Line:
    """One spoken sentence: who says it and when."""

    text: str  # as written (subtitles show this)
    say: str = ""  # as the voice reads it (numbers as words; stress marks later)
    speaker: str = "narrator"
    paragraph: int = 0  # paragraph number inside the scene: a longer pause between paragraphs
    start: float = 0.0
    end: float = 0.0
    words: list[list[float]] = field(default_factory=list)  # [start, end] of each of text.words.spoken_words(text)
    # as the voice engine timed them (read-along subtitles); empty when the engine does not say


@dataclass
class Image:
    path: str
    shows: list[str] = field(default_factory=list)  # the words of the text it depicts
    line: int = 0  # the scene's line it comes in at: a scene may have a picture per part of its text


@dataclass
class Scene:
    index: int
    text: str
    mood: str = ""  # calm | joyful | sad | tense | scary | magic | heroic
    place: str = ""
    time_of_day: str = ""
    lines: list[Line] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    audio: str = ""
    duration: float = 0.0  # length of this scene's narration clip, pauses included
    start: float = 0.0
    end: float = 0.0

    def image_times(self):
        """Each picture with when it is on screen: from the line it comes in at to the next picture."""
        starts = [self.start] + [self.lines[i.line].start if i.line < len(self.lines) else self.start
                                 for i in self.images[1:]]
        return list(zip(self.images, starts, starts[1:] + [self.end]))


@dataclass
class Music:
    backend: str = "none"
    midi: str = ""
    audio: str = ""
    parts: list[dict] = field(default_factory=list)  # a scored tale: each stretch's mood, key, tempo, instruments


@dataclass
class Tale:
    title: str
    genre: str = "fairy_tale"
    lang: str = "ru"
    seed: int = 0
    version: str = VERSION
    slug: str = ""
    source_text: str = ""  # the user's text (--text), before it is cut into scenes
    title_card: float = 0.0  # seconds the title card is on screen before the narration
    title_image: str = ""
    characters: list[Character] = field(default_factory=list)
    plan: Plan = field(default_factory=Plan)  # empty when the user's text is the tale
    scenes: list[Scene] = field(default_factory=list)
    music: Music = field(default_factory=Music)
    backends: dict[str, dict[str, Any]] = field(default_factory=dict)
    timings: dict[str, Any] = field(default_factory=dict)  # seconds per stage; "cached": stages that reused all;
    # "total": the run's wall time, less than the stages' sum as voice, picture and music overlap
    work: dict[str, dict[str, int]] = field(default_factory=dict)  # per stage: made / reused cache entries
    metrics: dict[str, Any] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)

    @property
    def duration(self) -> float:
        return self.title_card + sum(s.duration for s in self.scenes)

    def lay_out(self, title_card: float) -> None:
        """Place scenes and their lines on the video's timeline from the clip durations.

        Line times inside a scene are stored relative to the scene clip by the voice
        stage (`Line.start/end` while `Scene.start == 0`); here they become absolute.
        """
        offset = self.title_card = title_card
        for scene in self.scenes:
            shift = offset - scene.start
            scene.start, scene.end = round(offset, 3), round(offset + scene.duration, 3)
            for line in scene.lines:
                line.start = round(line.start + shift, 3)
                line.end = round(line.end + shift, 3)
                line.words = [[round(a + shift, 3), round(b + shift, 3)] for a, b in line.words]
            offset += scene.duration

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Tale":
        return _build(cls, data)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def save(self, path: Path) -> None:
        write_text_atomic(path, self.to_json() + "\n")

    @classmethod
    def load(cls, path: Path) -> "Tale":
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def _build(cls: type, data: Any) -> Any:
    """Rebuild a dataclass (and nested dataclasses in lists) from plain JSON data."""
    hints = get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _value(hints[f.name], data[f.name])
    return cls(**kwargs)


def _value(hint: Any, value: Any) -> Any:
    if dataclasses.is_dataclass(hint):
        return _build(hint, value)
    if get_origin(hint) is list:
        (item,) = get_args(hint)
        return [_value(item, v) for v in value]
    return value
