"""`collage`, the default: a picture-book scene from clip-art on a painted place.

Per scene: where it happens (the plan's place, else the place words said) painted with
depth, time of day, weather and the mood's palette; on it, the characters named or
speaking and the things said, each found from the nouns of the sentences said over the
picture (matching.py). When the text moves on to other things, the scene gets another
picture from the line where it does. A character looks the same in every picture: one
asset, tint and size, fixed once per tale (`Looks`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

import numpy as np

from PIL import Image, ImageDraw, ImageFilter

from digitales import subtitle_band
from digitales.backend import Backend, Job
from digitales.files import place
from digitales.picture import clipart, fonts, layers
from digitales.picture.card import picture_size, place_title_card, saved
from digitales.picture.layout import Figure, Placed, arrange, contact_shadow
from digitales.picture.lexicon import KIND_ASSETS, SKY_ASSETS
from digitales.picture.acting import MOVES_DRAWN, move_of, movers
from digitales.picture.matching import LIVING, WORD, Match, Noun, kind_of, match, nouns
from digitales.picture.palette import palette_for
from digitales.picture.presence import called, going_away, leavers_of, narration_and_speech, nominative, on_stage_text
from digitales.picture.scenery import paint_scenery, place_kind, weather_of
from digitales.plot.kinds import kinds
from digitales.tale import Image as TaleImage
from digitales.tale import Event, Line, Scene, Tale

MIN_SHOT_CHARS = 110  # about 7 s of narration: a picture stays at least this long
MAX_SHOTS = 3  # pictures per scene
# Sizes of things, relative to a grown-up, by the clip-art's category; some by name.
PROP_SIZES = {"Travel & Places": 1.3, "Animals & Nature": 0.6, "Food & Drink": 0.22, "Objects": 0.3, "Activities": 0.3,
              "People & Body": 1.0, "Smileys & Emotion": 0.6}
PROP_SIZE_OF = {"castle": 2.2, "hut": 1.6, "house": 1.5, "house-with-garden": 1.6, "deciduous-tree": 1.8,
                "evergreen-tree": 1.8, "classical-building": 1.8, "mountain": 2.0, "sailboat": 1.2, "canoe": 0.8,
                "fire": 0.45, "rock": 0.5, "door": 0.9, "window": 0.5, "bed": 0.7, "chair": 0.5, "package": 0.35}
PEOPLE_TINTS = [(200, 80, 70), (70, 120, 200), (90, 160, 90), (190, 150, 60), (150, 90, 170), (80, 170, 170)]


@dataclass
class Shot:
    """A picture: the lines said over it, who and what it shows, and where."""
    first_line: int
    text: str
    figures: list[Figure] = field(default_factory=list)
    shows: list[str] = field(default_factory=list)
    place: str = "field"


class Looks:
    """What each character of a tale looks like, fixed for the whole tale."""

    def __init__(self, tale: Tale):
        self.lang = tale.lang
        self.by_key: dict[str, Figure] = {}
        self.names: dict[str, str] = {}  # a lemma of a character's name -> the character's key
        self.aliases: dict[str, str] = {}  # another name of a character already drawn -> its key
        self.kinds: dict[str, str] = {}  # the character's key -> its kind
        self.things = things_drawn(tale)  # a lemma of a thing the plan binds (the turnip, the well) -> its clip-art
        for character in tale.characters:
            if character.role == "narrator":
                continue
            kind = character.kind or kind_of(character.name.lower(), tale.lang)
            if not kind:
                found = [match(n, tale.lang) for n in nouns(character.name, tale.lang)]
                kind = next((m.kind for m in found if m and m.kind), None)
            same = self._same_as(character.name, kind, bool(character.kind))
            if same:  # "Заяц" who speaks is the hare of the plan, not a second hare
                self.aliases[character.name] = same
                continue
            self._add(character.name, kind or "person", count=3 if character.gender == "plural" else 1)
            for word in re.findall(r"[\w-]+", character.name):
                for noun in nouns(word, tale.lang, frozenset([word.lower()])) or [Noun(word, word.lower())]:
                    self.names.setdefault(noun.lemma, character.name)
                self.names.setdefault(word.lower(), character.name)

    def _same_as(self, name: str, kind: str | None, planned: bool) -> str | None:
        for key in self.by_key:
            if key.lower() == name.lower() or (not planned and kind and self.kinds.get(key) == kind):
                return key
        return None

    def _add(self, key: str, kind: str, asset: str | None = None, count: int = 1) -> Figure:
        asset_name, tint, size = KIND_ASSETS.get(kind, (asset or "person-standing", None, 0.8))
        asset_name = asset or asset_name
        if any(f.asset == asset_name and f.tint == tint for f in self.by_key.values()):
            # two characters drawn from one asset are told apart by a tint of their own
            tint = PEOPLE_TINTS[int(hashlib.sha1(key.encode()).hexdigest(), 16) % len(PEOPLE_TINTS)]
        figure = Figure(key, asset_name, size, tint, character=True, count=count)
        self.by_key[key] = figure
        self.kinds[key] = kind
        return figure

    def character_for(self, noun: Noun) -> Figure | None:
        """The character a noun names: a cast member, or an animal or person said in passing."""
        key = self.names.get(noun.lemma) or self.names.get(noun.word.lower())
        if key:
            return self.by_key[key]
        m = match(noun, self.lang)
        if m and m.kind:  # "зайчик" is the hare of the tale, if it has one
            same = [key for key, kind in self.kinds.items() if kind == m.kind]
            return self.by_key[same[0]] if same else self._add(noun.lemma, m.kind)
        asset = clipart.library().get(m.asset) if m else None
        if asset and noun.animate and asset.category in LIVING and m.asset not in SKY_ASSETS:
            return self.by_key.get(noun.lemma) or self._add(noun.lemma, "", m.asset)
        return None

    def speaker(self, name: str) -> Figure | None:
        key = self.aliases.get(name, name)
        return self.by_key.get(key) or self.by_key.get(self.names.get(name.lower(), ""))


def plan_shots(scene: Scene, lang: str, looks: Looks, last_place: str, events: Sequence[Event] = ()) -> list[Shot]:
    """A scene's pictures: a new one from the line that brings things not shown yet, once the
    picture before has been on screen for MIN_SHOT_CHARS of text and enough text is left.
    `events` are the plan's for this scene (who they send away leaves the picture)."""
    lines = scene.lines or [Line(text=s) for s in re.split(r"(?<=[.!?…])\s+", scene.text) if s]
    parts: list[list[int]] = [[]]
    seen: set[str] = set()
    for i, line in enumerate(lines):
        said = {m.asset for n in nouns(line.text, lang, frozenset(looks.names)) if (m := match(n, lang))}
        current = "".join(lines[j].text for j in parts[-1])
        rest = "".join(l.text for l in lines[i:])
        if (parts[-1] and said - seen and len(current) >= MIN_SHOT_CHARS and len(rest) >= MIN_SHOT_CHARS * 0.6
                and len(parts) < MAX_SHOTS):
            parts.append([])
            seen = set()
        parts[-1].append(i)
        seen |= said
    shots = []
    for part in parts:
        text = " ".join(lines[i].text for i in part)
        spoken = [i for i in part if lines[i].speaker not in ("", "narrator")]
        speakers = [lines[i].speaker for i in spoken]
        shot = describe(text, lang, looks, speakers, scene.place, last_place, scene.time_of_day,
                        speech=[lines[i].text for i in spoken])
        direct(shot, part, lines, lang, looks, shots[-1] if shots else None, leavers_of(events))
        shot.first_line = part[0]
        last_place = shot.place
        shots.append(shot)
    carry_by_events(shots, parts, lines, events, lang, looks)
    return shots


def carry_by_events(shots: list[Shot], parts: list[list[int]], lines: list[Line], events: Sequence[Event],
                    lang: str, looks: Looks) -> None:
    """Motion the plan's events tell (Event.moves: how the one acting goes), for one no verb of
    the narration sets moving: in the picture of the scene as far along as the event is among
    the scene's events, from the first line there that tells of it. A verb said wins: it says
    when; an event only says how."""
    for n, event in enumerate(events):
        if event.moves not in MOVES_DRAWN or not event.who:
            continue
        holding = [k for k, shot in enumerate(shots) if any(f.key == event.who[0] and f.character for f in shot.figures)]
        if not holding:
            continue
        k = holding[round(n / max(1, len(events) - 1) * (len(holding) - 1))]
        shot, part = shots[k], parts[k]
        for i, figure in enumerate(shot.figures):
            if figure.key != event.who[0] or figure.moves or (figure.enters >= 0 and figure.leaves >= 0):  # in and out: enough
                continue
            if not _goes_so(looks.kinds.get(figure.key, ""), event.moves):
                continue
            told = next((j for j in part if lines[j].speaker in ("", "narrator")
                         and figure.key in _named(lines[j], lang, looks)), part[0])
            shot.figures[i] = replace(figure, moves=event.moves, moves_at=told if told > part[0] else -1)


def direct(shot: Shot, part: list[int], lines: list[Line], lang: str, looks: Looks, before: Shot | None,
           gone: set[str] = frozenset()) -> None:
    """The stage directions of a picture of the scene's lines `part` (acting.py; the montage acts
    them out): who speaks which lines, who comes in on a later line, from which line one told to
    move moves, and after which one goes off. A speaker with no one named to talk to talks to
    whoever was on stage."""
    spoken = [i for i in part if lines[i].speaker not in ("", "narrator")]
    was_there = {f.key for f in before.figures} if before else set()
    for n, figure in enumerate(shot.figures):
        said_by = tuple(i for i in spoken if (f := looks.speaker(lines[i].speaker)) and f.key == figure.key)
        first = next((i for i in part if figure.key in _named(lines[i], lang, looks)), part[0])
        enters = first if figure.character and first > part[0] and figure.key not in was_there else -1
        told = next((i for i in part if figure.moves and i not in spoken
                     and any(move_of(w) == figure.moves for w in WORD.findall(lines[i].text))), -1)
        leaves = _leaves(figure, part, lines, lang, looks, gone) if figure.character else -1
        shot.figures[n] = replace(figure, lines=said_by, enters=enters, moves_at=told if told > part[0] else -1,
                                  leaves=leaves if leaves >= max(enters, 0) else -1)
    if before and spoken and not any(f.character and not f.speaking for f in shot.figures):
        partner = next((f for f in before.figures if f.character and f.key not in {g.key for g in shot.figures}), None)
        if partner:
            shot.figures.append(replace(partner, speaking=False, lines=(), moves="", moves_at=-1, enters=-1, leaves=-1))


def _goes_so(kind_name: str, way: str) -> bool:
    """Whether one of this kind can be carried across the picture so: its own way of moving, or
    walking and running for anyone on foot. An event's way may belong to another in it: the old
    woman who calls after the bun does not roll."""
    kind = kinds().get(kind_name)
    own = kind.moves if kind else "walk"
    return way == own or way in ("walk", "run") and own in ("walk", "run", "hop")


def _leaves(figure: Figure, part: list[int], lines: list[Line], lang: str, looks: Looks, gone: set[str]) -> int:
    """The line after which a character goes off: the picture's last line that brings it, when the
    narrator tells it and the plan's events send it away (`gone`), or, with no such event, when
    that line says it goes (presence.going_away). -1: it stays."""
    last = max((i for i in part if figure.key in _named(lines[i], lang, looks)), default=-1)
    if last < 0 or lines[last].speaker not in ("", "narrator"):
        return -1
    if gone:
        return last if figure.key in gone else -1
    narrated = on_stage_text(narration_and_speech(lines[last].text, [], lang)[0], lang)  # not «от бабы»: she stays
    return last if figure.key in going_away(narrated, lambda w: _acting(w, lang, looks), lang) else -1


def _acting(word: str, lang: str, looks: Looks) -> str | None:
    """The character a word names as the one doing something (a Russian one in the nominative)."""
    if not (nominative(word, lang) or word.lower() in looks.names):
        return None
    return next((f.key for n in nouns(word, lang, frozenset(looks.names)) if (f := looks.character_for(n))), None)


def _named(line: Line, lang: str, looks: Looks) -> set[str]:
    """The characters a line brings: its speaker and those it names."""
    found = {f.key for n in nouns(line.text, lang, frozenset(looks.names)) if (f := looks.character_for(n))}
    speaker = looks.speaker(line.speaker) if line.speaker not in ("", "narrator") else None
    return found | ({speaker.key} if speaker else set())


def describe(text: str, lang: str, looks: Looks, speakers: list[str], place_phrase: str = "", last_place: str = "field",
             time_of_day: str = "day", speech: list[str] = ()) -> Shot:
    """Who and what a picture of `text` shows, and where; `shows` lists only the words drawn.
    `speech` are the parts of `text` characters say: who is only named in them is not drawn,
    the one they call is (presence.py). The plan's own things come first among the props."""
    known = frozenset(looks.names)
    said = nouns(text, lang, known)
    said.sort(key=lambda n: n.lemma not in looks.things)  # stable: the plan's things first, else in order
    narrated, spoken = narration_and_speech(text, list(speech), lang)
    addressed = [n.lemma for part in spoken for n in called(part, lang, known)]
    present = {n.lemma for n in nouns(on_stage_text(narrated, lang), lang, known)} | set(addressed)
    kind = place_kind(place_phrase, [n.lemma for n in said])
    shot = Shot(0, text, place=kind or last_place)
    if kind:
        shot.shows += [n.word for n in said if place_kind("", [n.lemma]) == kind][:1] or [place_phrase]
    painted = painted_by_background(time_of_day, weather_of(text))
    figures: dict[str, Figure] = {}
    for name in speakers:
        figure = looks.speaker(name)
        if figure:
            figures[figure.key] = replace(figure, speaking=True)
    for noun in said:  # the ones spoken to stand right after the speakers: the last to be left out
        figure = looks.character_for(noun) if noun.lemma in addressed else None
        if figure:
            figures.setdefault(figure.key, figure)
    props = 0
    for noun in said:
        figure = looks.character_for(noun)
        if figure:
            if noun.lemma in present:  # only talked about: not on stage
                figures.setdefault(figure.key, figure)
                shot.shows.append(noun.word)
            continue
        m = match(noun, lang)
        if noun.lemma in looks.things:  # the plan's own thing: drawn as the plan says it is
            m = Match(noun, looks.things[noun.lemma], "plan")
        if not m or m.asset not in clipart.library():
            continue
        if m.asset in painted:
            shot.shows.append(noun.word)
        elif props < 4 and m.asset not in {f.asset for f in figures.values()}:
            category = clipart.library()[m.asset].category
            size = PROP_SIZE_OF.get(m.asset, PROP_SIZES.get(category, 0.4))
            figures[noun.lemma] = Figure(noun.lemma, m.asset, size, sky=m.asset in SKY_ASSETS)
            shot.shows.append(noun.word)
            props += 1
    # who moves: by the narration's verbs only («я от деда укатился» is sung, not done), and only
    # one named as the subject can be doing it («от бабы укатился» is the bun, not the old woman)
    subjects = {}
    for word in set(WORD.findall(narrated)):
        if nominative(word, lang) or word.lower() in known:
            for noun in nouns(word, lang, known):
                figure = looks.character_for(noun)
                if figure and figure.key in figures:
                    subjects[word.lower()] = figure.key
    moving = movers(narrated, subjects)
    shot.figures = [replace(f, moves=moving.get(f.key, "")) for f in figures.values()]
    shot.shows = list(dict.fromkeys(w for w in shot.shows if w))
    return shot


def things_drawn(tale: Tale) -> dict[str, str]:
    """The clip-art of each thing the plan binds, found by its name in the tale or else by its
    kind's English word ("репка" has no picture of its own; its kind "turnip" finds one)."""
    found = {}
    for thing in tale.plan.things:
        if thing.role not in ("goal", "object", "detail"):
            continue
        said = nouns(thing.name, tale.lang)
        if not said:
            continue
        head = said[-1]
        m = match(head, tale.lang)
        for word in ([thing.kind] if thing.kind else []):
            m = m if m and m.asset in clipart.library() else next(
                (x for n in nouns(word.replace("-", " "), "en", frozenset([word])) if (x := match(n, "en"))), None)
        if m and m.asset in clipart.library() and not m.kind:
            found[head.lemma] = m.asset
    return found


def painted_by_background(time_of_day: str, weather: str | None) -> set[str]:
    """What the painted sky already shows (scenery.py), so no clip-art doubles it."""
    painted = {"crescent-moon", "star"} if time_of_day == "night" else {"sun"}
    return painted | {"snow": {"snowflake"}, "rain": {"cloud-with-rain"}}.get(weather or "", set())


def render_layers(shot: Shot, size: tuple[int, int], mood: str, time_of_day: str, seed: int,
                  floor: float | None = None) -> tuple[Image.Image, list[Placed]]:
    """The painted place, with the shadows of the figures that stay put, and the figures placed
    on it; with `floor` (a share of the height) no figure is drawn below it (the subtitles' band)."""
    palette = palette_for(mood, time_of_day)
    img, ground = paint_scenery(size, shot.place, palette, seed, time_of_day, weather_of(shot.text))
    placed = arrange(shot.figures, size, ground, seed, floor)
    shadows = Image.new("L", size, 0)
    draw = ImageDraw.Draw(shadows)
    for p in placed:
        if p.row != "sky" and not p.figure.moves and p.figure.enters < 0 and p.figure.leaves < 0:  # none where one is not yet or no more
            draw.ellipse(contact_shadow(p), fill=90)
    shadows = shadows.filter(ImageFilter.GaussianBlur(max(1, size[1] / 300)))
    img.paste((20, 20, 30), (0, 0), shadows)
    return img, placed


def render_shot(shot: Shot, size: tuple[int, int], mood: str, time_of_day: str, seed: int,
                floor: float | None = None) -> Image.Image:
    return composite(*render_layers(shot, size, mood, time_of_day, seed, floor))


def composite(background: Image.Image, placed: list[Placed]) -> Image.Image:
    img = background.copy()
    for p in placed:
        img.paste(p.image, (p.x, p.y), p.image)
    return img


def save_layers(background: Image.Image, placed: list[Placed], path: Path) -> None:
    layers.save(path, np.asarray(background.convert("RGB")), [
        (np.asarray(p.image.convert("RGBA")), {"key": p.figure.key, "x": p.x, "y": p.y, "row": p.row,
                                               "character": p.figure.character, "speaking": p.figure.speaking,
                                               "lines": list(p.figure.lines), "moves": p.figure.moves,
                                               "moves_at": p.figure.moves_at, "enters": p.figure.enters,
                                               "leaves": p.figure.leaves})
        for p in placed])


class PicturePerShot(Backend):
    """What every picture backend shares: the title card, then a picture per part of each
    scene (plan_shots), cached under what it depends on; subclasses draw one picture."""

    stage = "picture"

    def shot_key(self, shot: Shot, scene: Scene, tale: Tale) -> dict:
        raise NotImplementedError

    def draw(self, shot: Shot, scene: Scene, tale: Tale, size: tuple[int, int], seed: int) -> Image.Image:
        raise NotImplementedError

    def prepare(self, tale: Tale, job: Job) -> None:
        """Load models and the like once, before the first picture that is not cached."""

    def save(self, shot: Shot, scene: Scene, tale: Tale, size: tuple[int, int], seed: int, folder: Path) -> dict:
        """The picture written into its cache entry; a backend that keeps layers writes them too."""
        return saved(self.draw(shot, scene, tale, size, seed), folder)

    def run(self, tale: Tale, job: Job) -> None:
        size = picture_size(job.settings)
        place_title_card(tale, job, size)
        self.looks = Looks(tale)
        prepared = False
        last_place = "field"
        for n, scene in enumerate(tale.scenes):
            beats = tale.plan.beats if len(tale.plan.beats) == len(tale.scenes) else []  # a scene per beat, as written
            shots = plan_shots(scene, tale.lang, self.looks, last_place, beats[n].events if beats else [])
            last_place = shots[-1].place
            scene.images = []
            for k, shot in enumerate(shots):
                seed = job.settings.picture.shot_seed(tale.seed, scene.index, k)  # a redrawn scene gets seeds of its own
                key = {"v": self.version, "backend": self.name, "settings": self.key_settings(), "seed": seed, "size": size,
                       **self.shot_key(shot, scene, tale)}

                def make(folder, shot=shot, scene=scene, seed=seed):
                    nonlocal prepared
                    if not prepared:
                        self.prepare(tale, job)
                        prepared = True
                    return self.save(shot, scene, tale, size, seed, folder)

                result, entry = job.cache.memo(key, make)
                path = f"scenes/{scene.index:02d}.png" if k == 0 else f"scenes/{scene.index:02d}-{k + 1}.png"
                place(entry / result["image"], job.path(path))
                layers.put_beside(job.path(path), entry / result["layers"] if "layers" in result else None)
                scene.images.append(TaleImage(path=path, shows=shot.shows, line=shot.first_line))
            job.progress(n + 1, len(tale.scenes), f"scene {n + 1}")


class CollagePicture(PicturePerShot):
    name = "collage"
    version = "2"  # 2: the subtitles' band kept clear, who is on stage, layers for the montage
    description = "a picture-book scene: Fluent Emoji clip-art (MIT) for the words said, on a painted place"

    @classmethod
    def problem(cls) -> str | None:
        return clipart.problem() or fonts.problem()

    def key_settings(self) -> dict:
        return {"size": picture_size(self.settings), "floor": self.floor()}

    def floor(self) -> float:
        """The highest picture row the camera can carry into the subtitles' band."""
        v = self.settings.video
        return round(subtitle_band.picture_band_top(v.size, v.zoom), 4)

    def shot_key(self, shot: Shot, scene: Scene, tale: Tale) -> dict:
        return {"place": shot.place, "figures": [(f.asset, f.size, f.tint, f.speaking, f.sky, f.character, f.count)
                                                 for f in shot.figures],
                "mood": scene.mood, "time": scene.time_of_day, "text": shot.text,
                "acting": [(f.key, f.moves, f.moves_at, f.lines, f.enters, f.leaves) for f in shot.figures]}

    def draw(self, shot: Shot, scene: Scene, tale: Tale, size: tuple[int, int], seed: int) -> Image.Image:
        return render_shot(shot, size, scene.mood, scene.time_of_day, seed, self.floor())

    def save(self, shot: Shot, scene: Scene, tale: Tale, size: tuple[int, int], seed: int, folder: Path) -> dict:
        background, placed = render_layers(shot, size, scene.mood, scene.time_of_day, seed, self.floor())
        save_layers(background, placed, folder / "layers.npz")
        return saved(composite(background, placed), folder, layers="layers.npz")
