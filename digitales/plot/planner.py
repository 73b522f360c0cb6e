"""`planner`: a plan from the title alone — cast, setting, and 8–16 beats along the genre's arc.

Deterministic for (title, genre, language, seed): the same inputs give the same plan,
another title another cast, another seed another path through the arc.
"""

from __future__ import annotations

import random
import re

from digitales.backend import Backend, Job
from digitales.plot.arcs import ARCS, CAST_OF, ROLES, Step
from digitales.plot.cast import cast_for, morph
from digitales.plot.title_places import PLACE_WORD, TITLE_PLACES
from digitales.tale import Beat, Character, Plan, Tale

MIN_BEATS, MAX_BEATS = 8, 16

# Places by kind, per setting; the planner draws one of each kind per tale.
SETTINGS = {
    "village": {"home": ("изба на краю деревни", "a hut at the edge of the village"),
                "road": ("лесная дорожка", "the forest path"),
                "wild": ("дремучий лес", "the deep forest"),
                "lair": ("тёмная чаща за болотом", "the dark thicket beyond the marsh"),
                "court": ("деревенская площадь", "the village square")},
    "kingdom": {"home": ("царский терем", "the royal palace"),
                "road": ("дорога в тридевятое царство", "the road to the thrice-ninth kingdom"),
                "wild": ("заколдованный лес", "the enchanted forest"),
                "lair": ("замок за огненной рекой", "the castle beyond the river of fire"),
                "court": ("пиршественная палата", "the great feasting hall")},
    "steppe": {"home": ("село Карачарово", "the village of Karacharovo"),
               "road": ("прямоезжая дорога", "the straight road across the steppe"),
               "wild": ("чистое поле", "the open steppe"),
               "lair": ("застава на семи дубах", "the nest in the seven oaks"),
               "court": ("стольный Киев-град", "the capital city of Kiev")},
    "meadow": {"home": ("опушка у ручья", "the edge of the wood by the brook"),
               "road": ("тропинка через луг", "the path across the meadow"),
               "wild": ("цветущий луг", "the flowering meadow"),
               "lair": ("старый дуб у оврага", "the old oak by the ravine"),
               "court": ("большая поляна", "the big clearing")},
    "town": {"home": ("домик с зелёными ставнями", "a little house with green shutters"),
             "road": ("мощёная улочка", "the cobbled lane"),
             "wild": ("старый парк", "the old park"),
             "lair": ("заброшенная мельница", "the abandoned mill"),
             "court": ("ярмарочная площадь", "the market square")},
}
SETTING_OF_GENRE = {"fairy_tale": ("village", "kingdom"), "fable": ("meadow",), "bylina": ("steppe",),
                    "novella": ("town", "village"), "comedy": ("town", "village"), "tragedy": ("kingdom", "village"),
                    "drama": ("village", "town"), "horror": ("village", "town")}


class Planner(Backend):
    stage = "plot"
    name = "planner"
    description = "a plan from the title: cast (pymorphy3 for Russian), setting, 8–16 beats along the genre's arc"

    def key_settings(self) -> dict:
        return {"minutes": self.settings.writer.minutes}

    def run(self, tale: Tale, job: Job) -> None:
        minutes = job.settings.writer.minutes
        key = {"title": tale.title, "genre": tale.genre, "lang": tale.lang, "seed": tale.seed, "minutes": minutes}
        plan, _ = job.cache.memo(key, lambda _dir: make_plan(tale.title, tale.genre, tale.lang, tale.seed, minutes))
        tale.characters = [Character(**c) for c in plan["characters"]]
        tale.plan = Plan(setting=plan["setting"], beats=[Beat(**b) for b in plan["beats"]])


SECONDS_PER_BEAT = 10  # a beat's scene is about this long: the plan's size follows the length asked for


def make_plan(title: str, genre: str, lang: str, seed: int, minutes: float = 2.0) -> dict:
    rng = random.Random(f"{seed}:{title}:{genre}:{lang}:plan")
    cast = cast_for(title, lang, genre, ROLES[genre], seed)
    by_role = {m.role: m.name for m in cast}
    setting = rng.choice(SETTING_OF_GENRE[genre])
    places = {kind: names[0 if lang == "ru" else 1] for kind, names in SETTINGS[setting].items()}
    steps = choose_steps(ARCS[genre], rng, round(minutes * 60 / SECONDS_PER_BEAT))
    for word, kind in TITLE_PLACES.items():  # a place the title names is where that part of the tale happens
        found = re.search(rf"\b{word}\w*", title.lower())
        if found and _is_place_word(found.group(0), word, lang):
            used = [s.place for s in steps if s.place != "same"]
            places[kind if kind in used else max(set(used), key=used.count)] = _title_place(found.group(0), word, lang)
    beats, place = [], places["home"]
    for i, step in enumerate(steps):
        place = place if step.place == "same" else places[step.place]
        who = [by_role[r] for r in CAST_OF.get(step.function, ("hero",)) if r in by_role]
        beats.append({"function": step.function, "place": place, "time_of_day": _time_of_day(i, len(steps), genre),
                      "mood": step.mood, "cast": who})
    _keep_in_sight(beats, by_role.get("antagonist"))
    for member in cast:  # whoever the title names is seen, whatever their role
        if member.from_title and member.role not in ("hero", "antagonist"):
            _keep_in_sight(beats, member.name, least=2)
    characters = [{"name": "narrator", "role": "narrator"}] + [
        {"name": m.name, "role": m.role, "gender": m.gender, "look": m.look, "kind": m.kind, "proper": m.proper}
        for m in cast]
    return {"setting": setting, "characters": characters, "beats": beats}


def _keep_in_sight(beats: list[dict], antagonist: str | None, least: int = 3) -> None:
    """A main character is in at least `least` beats: the antagonist joins the tensest beats
    after their first appearance (the writer then names them there)."""
    if antagonist is None or sum(antagonist in b["cast"] for b in beats) >= least:
        return
    first = next((i for i, b in enumerate(beats) if antagonist in b["cast"]), len(beats) // 3)
    order = sorted(range(len(beats)), key=lambda i: (i < first, beats[i]["mood"] not in ("tense", "scary", "sad"), i))
    for i in order:
        if sum(antagonist in b["cast"] for b in beats) >= least:
            break
        if antagonist not in beats[i]["cast"]:
            beats[i]["cast"].append(antagonist)


def choose_steps(arc: tuple[Step, ...], rng: random.Random, wanted: int = 12) -> list[Step]:
    """Every required step, and optional ones drawn at random up to about `wanted` (8–16 in all)."""
    required = [s for s in arc if not s.optional]
    optional = [s for s in arc if s.optional]
    low, high = max(MIN_BEATS, len(required)), min(MAX_BEATS, len(arc))
    aim = min(high, max(low, wanted))
    count = rng.randint(max(low, aim - 1), min(high, aim + 1)) if high >= low else len(arc)
    keep = set(rng.sample(range(len(optional)), min(len(optional), max(0, count - len(required)))))
    chosen = [s for s in arc if not s.optional or optional.index(s) in keep]
    return chosen


def _time_of_day(i: int, n: int, genre: str) -> str:
    """Morning at the start, evening towards the climax (night in a scary tale), morning at the end."""
    at = i / max(1, n - 1)
    if at < 0.2:
        return "morning"
    if at < 0.5:
        return "day"
    if at < 0.8:
        return "night" if genre == "horror" else "evening"
    return "morning" if genre in ("horror", "fairy_tale") else "day"


def _is_place_word(found: str, start: str, lang: str) -> bool:
    """"лесу" is a forest, "лесник" is not; "woods" is, "woodcutter" is not."""
    if lang != "ru":
        return found.rstrip("s") == start
    return any(p.normal_form == PLACE_WORD.get(start, start) for p in morph().parse(found))


def _title_place(found: str, start: str, lang: str) -> str:
    return PLACE_WORD.get(start, start) if lang == "ru" else f"the {found}"
