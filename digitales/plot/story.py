"""`planner`: the story engine — the title read once, then planned as events on a tracked world.

    title ─► known tale? ─► its scenes, as many optional episodes as the length asks
          └► premise (read_title) ─► tale type (choose_schema) ─► cast ─► a scene per step

Everything a later stage needs is in the plan: the premise, the tale type, the things
bound once (the goal, the places), and per scene its events with who, to whom, with
what and where. Deterministic for (title, genre, language, seed, minutes).
"""

from __future__ import annotations

import random

from digitales.backend import Backend, Job
from digitales.errors import UserError
from digitales.plot import known as known_tales
from digitales.plot.kinds import kinds, trait_of
from digitales.plot.premise import Reading, character_of, feature_class, found_at, read_title, words_table
from digitales.plot.schemas import (Cast, Schema, at_sea, cast_schema, choose_schema, feared_size, holds, indoor_kinds,
                                    is_indoor, outdoor_class, place_head, season_of)
from digitales.plot.telling import Bound, bindings, fill, phrases_for, tell
from digitales.plot.world import problems
from digitales.tale import Beat, Character, Event, Plan, Premise, Tale, Thing
from digitales.text.russian import inflect_phrase

SECONDS_PER_SCENE = 14  # a two-minute tale has about eight scenes
LANGUAGES = ("ru", "en")  # the languages the story data is written in


class Planner(Backend):
    stage = "plot"
    name = "planner"
    description = "the story engine: a known tale told as it goes, or the title's premise planned by its tale type"

    def key_settings(self) -> dict:
        return {"minutes": self.settings.writer.minutes}

    def preflight(self) -> None:
        super().preflight()
        if self.settings.lang not in LANGUAGES:
            raise UserError(f"the story engine writes Russian and English, not '{self.settings.lang}': "
                            "pass --text with your own tale for other languages")

    def run(self, tale: Tale, job: Job) -> None:
        from digitales.voice import narration_seconds

        minutes = job.settings.writer.minutes  # None: the tale's own length
        key = {"title": tale.title, "genre": tale.genre, "lang": tale.lang, "seed": tale.seed, "minutes": minutes}

        def planned(_dir) -> dict:
            v = job.settings.voice  # the silences round a scene and between its paragraphs count too

            def seconds(text: str) -> float:
                return (narration_seconds(text, tale.lang, job.settings) + v.scene_lead + v.scene_tail
                        + v.paragraph_pause * text.count("\n\n"))

            characters, plan = make_plan(tale.title, tale.genre, tale.lang, tale.seed, minutes, seconds)
            return {"characters": [c.__dict__ for c in characters], "plan": plan}

        result, _ = job.cache.memo(key, planned)
        planned_tale = Tale.from_dict({"title": tale.title, "characters": result["characters"], "plan": result["plan"]})
        tale.characters, tale.plan = planned_tale.characters, planned_tale.plan


def make_plan(title: str, genre: str, lang: str, seed: int, minutes: float | None = None, seconds=None):
    """The cast and the plan (as a dict, the manifest's form) for a title; `minutes` None tells a
    known tale whole and a new one three times round."""
    import dataclasses

    seconds = seconds or (lambda text: len(text) / (13.8 if lang == "ru" else 19.6))
    rng = random.Random(f"{seed}:{title}:{genre}:{lang}:plan")
    reading = read_title(title, lang)
    found = known_tales.recognise(title)
    if found is not None:
        characters, plan = plan_known(found, reading, lang, minutes * 60 if minutes else None, seconds, rng)
    else:
        characters, plan = plan_schema(reading, genre, lang, minutes, rng, seconds, title, seed)
    wrong = problems(characters, plan)
    if wrong:
        raise AssertionError(f"the plan for {title!r} breaks the story's rules: " + "; ".join(wrong))
    return characters, dataclasses.asdict(plan)


def planned_tale(title: str, genre: str = "fairy_tale", lang: str = "ru", seed: int = 0, minutes: float | None = None,
                 seconds=None) -> Tale:
    """A tale with its cast and plan, as the plot stage leaves it (for tests, benchmarks, the studio)."""
    characters, plan = make_plan(title, genre, lang, seed, minutes, seconds)
    return Tale.from_dict({"title": title, "genre": genre, "lang": lang, "seed": seed,
                           "characters": [c.__dict__ for c in characters], "plan": plan})


def premise_of(reading: Reading) -> Premise:
    return Premise(characters=[c.name for c in reading.characters], goal=reading.goal,
                   thing=reading.thing.name if reading.thing else "", owner=reading.owner,
                   objects=[o.name for o in reading.objects], places=[p.name for p in reading.places])


# A known tale ------------------------------------------------------------------------

def plan_known(tale: known_tales.KnownTale, reading: Reading, lang: str, target_seconds: float | None, seconds,
               rng: random.Random) -> tuple[list[Character], Plan]:
    chosen = (known_tales.choose_scenes(tale, lang, target_seconds, seconds) if target_seconds
              else list(range(len(tale.scenes))))
    name = {cid: _bare(c[lang], lang) for cid, c in tale.characters.items()}
    thing = {tid: _bare(t[lang], lang) for tid, t in {**tale.objects, **tale.places}.items()}
    beats = []
    for i in chosen:
        scene = tale.scenes[i]
        events = [Event(action=e.get("action", ""), who=[name[w] for w in e.get("who", [])],
                        to=name.get(e.get("to", ""), ""), objects=[thing[o] for o in e.get("objects", [])],
                        moves=e.get("moves", ""), summary=e.get(f"summary_{lang}", ""), step=f"{tale.id}:{i}.{j}")
                  for j, e in enumerate(scene.get("events", []))]
        cast = list(dict.fromkeys(w for e in events for w in e.who + ([e.to] if e.to else [])))
        beats.append(Beat(function=events[0].action if events else "scene", place=thing[scene["place"]],
                          time_of_day=scene["time"], mood=scene["mood"], cast=cast, events=events))
        if scene.get("new_day"):
            beats[-1].events[0].slots["new_day"] = "yes"
    if tale.moral[lang]:
        beats[-1].events.append(Event(action="moral", step=f"{tale.id}:moral", summary=tale.moral[lang]))
    acting = {w for b in beats for w in b.cast}
    characters = [Character(name="narrator", role="narrator")] + [
        Character(name=name[cid], role=c.get("role", "character"), gender=c.get(f"gender_{lang}", c.get("gender", "male")),
                  look=_look(c.get("kind", ""), lang, rng), kind=c.get("kind", ""), proper=_proper(c[lang], lang))
        for cid, c in tale.characters.items() if name[cid] in acting]
    uses = [o for b in beats for e in b.events for o in e.objects]
    used = set(uses) | {b.place for b in beats}

    def role(tid: str) -> str:  # a thing that only an optional scene pays off is a detail in a short telling
        return "place" if tid in tale.places else "object" if uses.count(thing[tid]) >= 2 else "detail"

    things = [Thing(thing[tid], t.get("kind", ""), t.get("gender", ""), role(tid))
              for tid, t in {**tale.objects, **tale.places}.items() if thing[tid] in used]
    plan = Plan(setting=tale.genre, tale_type=tale.tale_type, known=tale.id, premise=premise_of(reading),
                things=things, beats=beats)
    return characters, plan


def _bare(name: str, lang: str) -> str:
    """English names are kept without their article ("the old man" → "old man"); templates add it."""
    return name[4:] if lang == "en" and name.lower().startswith("the ") else name


def _proper(name: str, lang: str) -> bool:
    return name[:1].isupper() and not (lang == "en" and name.lower().startswith("the "))


def _look(kind: str, lang: str, rng: random.Random) -> str:
    k = kinds().get(kind)
    return rng.choice(k.looks(lang)) if k and k.looks(lang) else ""


# A tale type for a new title ----------------------------------------------------------

def repeats_for(schema: Schema, minutes: float) -> int:
    """Three times round in a two-minute tale, as tales go; another round per extra minute."""
    if minutes <= 1.0:
        return max(2, schema.repeat - 1)
    return min(schema.repeat + 3, schema.repeat + max(0, round(minutes - 2.4)))


def plan_schema(reading: Reading, genre: str, lang: str, minutes: float, rng: random.Random,
                seconds=None, title: str = "", seed: int = 0) -> tuple[list[Character], Plan]:
    """The tale type's plan with as many rounds of its repeated episode as bring the told tale
    nearest the length asked; three, the tale's own number, whenever three is near enough."""
    schema = choose_schema(reading, genre, rng)
    base = rng.random()
    if minutes is None or seconds is None:
        count = schema.repeat if minutes is None else repeats_for(schema, minutes)
        return _schema_plan(schema, reading, genre, lang, count, random.Random(base))
    target, options = minutes * 60, []
    for count in range(2, 8):
        characters, plan = _schema_plan(schema, reading, genre, lang, count, random.Random(base))
        length = told_seconds(characters, plan, lang, seconds, title, seed)
        options.append((abs(length / target - 1) > 0.1, count != schema.repeat, abs(length - target), count, characters, plan))
        if length > target * 1.1:
            break
    return min(options, key=lambda o: o[:4])[4:]


def told_seconds(characters: list[Character], plan: Plan, lang: str, seconds, title: str = "", seed: int = 0) -> float:
    """How long the plan takes to tell, scene by scene, as the embedded writer tells it (in
    the telling the tale will have: it is chosen by title and seed)."""
    tale = Tale(title=title, lang=lang, seed=seed, characters=characters, plan=plan)
    bound = bindings(tale)
    return sum(seconds("\n\n".join(tell(e, tale, bound) for e in beat.events)) for beat in plan.beats)


def _schema_plan(schema: Schema, reading: Reading, genre: str, lang: str, count: int,
                 rng: random.Random) -> tuple[list[Character], Plan]:
    cast = cast_schema(schema, reading, genre, lang, count, rng)
    characters, bound = _characters(cast, lang, rng)
    things, places = _things(schema, reading, cast, lang, bound)
    tags = _tags(reading, cast, genre, schema, lang) + [f"rounds={count}"]  # a two-round tale's last one met is helper2
    tag_map = dict(t.split("=", 1) for t in tags)
    phrases = phrases_for(schema.phrases, tags, lang)
    beats, place = [], ""
    for step, r in _expanded([s for s in schema.steps if holds(s.get("when", {}), tag_map)], count):
        slots = dict(bound)
        if cast.repeated:
            slots["helper"] = bound[f"helper{r + 1}"]
            if r:
                slots["before"] = bound[f"helper{r}"]
        place = place if step.get("place", "same") == "same" and place else _place(step.get("place", "home"), places, slots, lang)
        slots["place"] = Bound(place, _gender_of_place(place, lang))
        who = [slots[w].name for w in step.get("who", ["hero"]) if w in slots]
        objects = [slots[o].name for o in step.get("objects", []) if o in slots]
        summary = fill(step.get(f"summary_{lang}", ""), slots, lang, phrases, r) if step.get(
            f"summary_{lang}") else ""
        event = Event(action=step.get("action", step["id"]), who=who, to=slots[step["to"]].name if step.get("to") in slots else "",
                      objects=objects, moves=step.get("moves", ""), summary=summary, step=f"{schema.id}/{step['id']}",
                      slots={k: v.name for k, v in slots.items()} | {"_tags": ",".join(tags + _helper_tag(slots)),
                                                                      "_last": str(r == count - 1)}
                      | ({"new_day": "yes"} if step.get("new_day") else {}),  # "next autumn": the clock may start again
                      repeat=r)
        beats.append(Beat(function=step["id"], place=place, time_of_day=step.get("time", "day"), mood=step.get("mood", "calm"),
                          cast=list(dict.fromkeys(who + ([event.to] if event.to else []))), events=[event]))
    used = {o for b in beats for e in b.events for o in e.objects} | {b.place for b in beats}
    plan = Plan(setting=genre, tale_type=schema.id, premise=premise_of(reading),
                things=[t for t in things + places if t.name in used], beats=beats)
    acting = {w for b in beats for w in b.cast}
    return [c for c in characters if c.role == "narrator" or c.name in acting], plan


def _helper_tag(slots: dict[str, Bound]) -> list[str]:
    """This round's helper's kind, for a variant written for it (the heron stands on one leg)."""
    helper = slots.get("helper")
    return [f"helper={helper.kind.name}"] if helper is not None and helper.kind is not None else []


def _expanded(steps: list[dict], count: int):
    """Each step with the time round it is told: a repeated step once per round (its `last`
    flag keeps it to the last round or out of it), in runs of consecutive repeated steps."""
    i = 0
    while i < len(steps):
        if not steps[i].get("repeat"):
            yield steps[i], 0
            i += 1
            continue
        j = i
        while j < len(steps) and steps[j].get("repeat"):
            j += 1
        for r in range(count):
            for step in steps[i:j]:
                last = step.get("last")
                if last is None or last == (r == count - 1):
                    yield step, r
        i = j


def _characters(cast: Cast, lang: str, rng: random.Random) -> tuple[list[Character], dict[str, Bound]]:
    characters = [Character(name="narrator", role="narrator")]
    bound: dict[str, Bound] = {}
    entries = list(cast.roles.items()) + [(f"helper{i + 1}", c) for i, c in enumerate(cast.repeated)]
    for role, (kind, name, gender, proper) in entries:
        look = rng.choice(kind.looks(lang)) if kind and kind.looks(lang) else ""
        existing = next((c for c in characters if c.name == name), None)
        if existing is None:
            characters.append(Character(name=name, role=role, gender=gender, look=look, kind=kind.name if kind else "person",
                                        proper=proper))
        bound[role] = Bound(name, gender, proper, kind, existing.look if existing else look)
    if cast.repeated:  # the last one met: the one who saw how it ended (a witness at the end)
        bound["mentor"] = bound[f"helper{len(cast.repeated)}"]
    return characters, bound


def _things(schema: Schema, reading: Reading, cast: Cast, lang: str, bound: dict[str, Bound]):
    """The goal, the title's things and the tale type's own objects; the places the steps go."""
    things, places = [], []
    feared_tree = schema.id == "mystery" and reading.thing_class == "tree"  # "Who Lives in the Hollow Tree": the dark is feared
    if reading.thing is not None and not feared_tree:  # "spring", "happiness": no article in English
        bare = lang == "en" and reading.thing_class in ("season", "abstract", "skill", "feature")
        # a habit or a skill is said whole every time: «виляет хвостом», «печь пироги», never «хвостом»
        whole = bare or bool(reading.habit) or reading.thing_class == "skill"
        bound["goal"] = Bound(reading.thing.name, reading.thing.gender, proper=whole)
        things.append(Thing(reading.thing.name, reading.thing.name.split()[-1], reading.thing.gender, "goal", whole))
        if reading.thing_class == "feature":  # «короткий хвост»: the tale says «хвост» where it must, not «длинное»
            bound["part"] = Bound(reading.thing.name.split()[-1], reading.thing.gender)  # the noun agrees as its phrase does
    elif "goal" in schema.objects:
        spec = schema.objects["goal"]
        bound["goal"] = Bound(spec[lang], spec.get(f"gender_{lang}", spec.get("gender", "male")))
        things.append(Thing(spec[lang], spec.get("kind", ""), bound["goal"].gender, "goal"))
    if reading.wish:  # «стать большим», "be a lion": said as the title says it
        bound["wish"] = Bound(reading.wish, "neuter", proper=True)
    items = [o for o in reading.objects if reading.thing is None or o.name != reading.thing.name]
    if items:
        bound["item"] = Bound(items[0].name, items[0].gender)
        things.append(Thing(items[0].name, items[0].name.split()[-1], items[0].gender, "object"))
    for key, spec in schema.objects.items():
        if key not in bound:
            bound[key] = Bound(spec[lang], spec.get(f"gender_{lang}", spec.get("gender", "male")))
            things.append(Thing(spec[lang], spec.get("kind", key), bound[key].gender, "object"))
    for key, spec in schema.places.items():
        name = _resolve_place(spec, reading, bound, lang)
        bound[key] = Bound(name, _gender_of_place(name, lang))
        places.append(Thing(name, spec.get("kind", key), bound[key].gender, "place"))
    return things, places


HOUSE_PARTS = {"крыша": "чердак", "roof": "attic", "пол": "подпол", "floor": "cellar",  # no door: one goes to see from inside
               "печка": "чулан за печкой", "печь": "чулан за печкой", "stove": "cupboard behind the stove"}
BUILDINGS = {"мельница", "башня", "замок", "маяк", "дворец", "терем", "труба", "mill", "tower", "castle", "lighthouse", "palace"}


def _is_building(place: str, lang: str) -> bool:
    """A place with a door and a floor: the title's attic, mill or barn, not its well or hollow."""
    return is_indoor(place, lang) or place_head(place, lang) in BUILDINGS


def _resolve_place(spec: dict, reading: Reading, bound: dict[str, Bound], lang: str) -> str:
    """A place of the tale type: the title's own place when the spec takes it, a trait of a
    character's kind («нора» for a hedgehog), or the spec's own words."""
    if spec.get("title") and reading.places:
        place = reading.places[0].name
        if spec.get("building") and place_head(place, lang) in HOUSE_PARTS:  # «Кто топает на крыше»: up in the attic
            return HOUSE_PARTS[place_head(place, lang)]
        hero = bound["hero"].kind if "hero" in bound else None
        if spec.get("building") and outdoor_class(reading, hero, lang):  # «Тайна старого колодца»: at the well itself
            return place
        if spec.get("building") and not _is_building(place, lang):  # "The Creak by the Gate": the old barn by the gate
            return f"{spec[lang]} у {inflect_phrase(place, 'gent', animate=False)}" if lang == "ru" else f"{spec[lang]} by the {place}"
        return place
    if spec.get("found_at") and reading.thing_class == "food" and reading.thing is not None:
        return found_at(reading.thing.name, lang)  # honey is found where the bees live, not at home
    trait = spec.get("trait", "")
    if trait:
        role, _, name = trait.partition(".")
        kind = bound[role].kind if role in bound else None
        if kind is not None and kind.trait(name, lang):
            return kind.trait(name, lang)
    return spec[lang]


def _place(name: str, places: dict[str, Thing], slots: dict[str, Bound], lang: str) -> str:
    if "." in name:  # "helper.likes": where this helper goes looking
        role, _, trait = name.partition(".")
        kind = slots[role].kind if role in slots else None
        return trait_of(kind, trait, lang) if role in slots else slots.get("away", Bound("лес")).name
    return slots[name].name if name in slots else name


def _gender_of_place(name: str, lang: str) -> str:
    if lang != "ru":
        return "neuter"
    from digitales.plot.premise import GENDERS
    from digitales.text.russian import head_noun
    from digitales.text.morph import morph

    head = head_noun(name) or name.split()[-1]
    parse = next((p for p in morph().parse(head) if "NOUN" in p.tag), None)
    return GENDERS.get(parse.tag.gender, "male") if parse else "male"




FRIENDS = {"друг", "подруга", "друзья", "дружок", "friend", "friends"}


def _tags(reading: Reading, cast: Cast, genre: str, schema: Schema, lang: str) -> list[str]:
    """What a template variant may ask of the tale (its `when`): the thing's class, the skill,
    the hero's kind and nature, whether the hero is a person, the genre."""
    hero = cast.roles.get("hero", (None,))[0]
    thing_class = reading.thing_class
    if thing_class == "family" and reading.goal in ("seek", "want") and reading.thing is not None \
            and reading.thing.name.split()[-1].lower() in FRIENDS:
        thing_class = "friend"  # a friend is found in those met on the way, not by calling like mother does
    tags = [f"genre={genre}", f"goal={reading.goal}", f"thing={thing_class}", f"skill={reading.skill}",
            f"trait={reading.trait}", f"magic={reading.magic}", f"sound={reading.sound}",
            f"indoor={'no' if indoor_kinds(reading, lang) is None else 'yes'}",
            f"out={outdoor_class(reading, hero, lang)}",  # a mystery told out of doors: by the well, under the bridge
            f"item={'yes' if any(o for o in reading.objects if not reading.thing or o.name != reading.thing.name) else 'no'}",
            f"owner={'yes' if reading.lost or reading.owner and 'elder' in cast.roles and cast.roles['elder'][1] == reading.owner else 'no'}",
            f"loser={'hero' if reading.lost and not reading.owner and reading.characters else 'elder'}"]  # "The Girl Who Lost Her Doll": hers
    tags.append(f"sea={'yes' if at_sea(hero) else 'no'}")
    if "feared" in cast.roles:
        tags.append(f"feared={feared_size(cast.roles['feared'][0])}")
    if reading.habit:  # «Почему дятел стучит»: what the hero does, not what it has
        tags += [f"feature={'voice' if reading.habit == 'call' else 'habit'}", f"habit={reading.habit}"]  # a call: the voice tale
        character = character_of(reading.thing.name.split()[-1], lang) if reading.habit == "other" else ""
        if character:  # «Почему лиса хитрая»: what she is, not what she does
            tags.append(f"character={character}")
    elif reading.thing_class == "feature" and reading.thing is not None:  # a porcupine the table does not know still has quills
        tags.append(f"feature={feature_class(reading.thing.name, lang)}")
    skill = words_table()["skills"].get(reading.skill, {})
    if reading.skill:  # «Как Тимошка учился рисовать»: a craft whoever the hero is
        tags.append(f"craft={'yes' if skill.get('craft') else 'no'}")  # fishing, drawing: tools and patience, not speed
    if hero is not None:
        tags += [f"hero={hero.name}", f"nature={hero.nature}", f"person={'yes' if hero.person else 'no'}",
                 f"moves={hero.moves}"]
        if reading.skill:  # an elephant may learn to swim, but it will not fly like a bird
            only = skill.get("only_moves", [])
            tags.append(f"can={'no' if only and hero.moves not in only else 'yes'}")
            if skill.get("voice") and hero.trait("sound", lang):  # a voice of its own: "quack" comes when needed
                tags.append("voice=yes")
            if reading.skill == "swim" and (hero.moves == "swim" or hero.name in skill.get("masters", [])):
                tags.append("native=yes")  # a duckling swims from its first day: this one is afraid of the water
    elif reading.skill:
        tags.append(f"can={'no' if skill.get('only_moves') else 'yes'}")
    if thing_class == "sky" and reading.thing is not None:  # the sun is looked for by day, the moon by night
        by_day = reading.thing.name.split()[-1].lower() in words_table()["day_sky"]["words"][lang]
        tags.append(f"sky={'day' if by_day else 'night'}")
    season = season_of(reading, schema, lang)
    if season:  # a season's keepsakes (a farewell's jar): strawberries in summer, an icicle in winter
        tags.append(f"season={season}")
    head = reading.thing.name.split()[-1].lower() if reading.thing is not None else ""
    flower = next((k for k, ws in words_table()["flowers"].items() if head in ws[lang]), "")
    if flower:  # the last dandelion leaves its parachutes, not a bud on a branch
        tags.append(f"flower={flower}")
    if head in words_table()["footwear"]["words"][lang]:
        tags.append("den=basket")  # lost boots are not found in the kitten's old boot
    if cast.repeated and cast.repeated[-1][0] is not None:  # a grandmother who solves it lives in the house from the start
        tags.append(f"mentor={cast.repeated[-1][0].name}")
    return tags
