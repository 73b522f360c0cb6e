"""Tale types for new titles (data/schemas/*.toml): choose one from the premise, cast it, lay out its events.

A schema is a fixed list of steps — some repeated once per helper, try or visitor,
the way children's tales go in threes — each a scene with its place, time, mood, who
takes part and what they use. The schema names its roles (hero, helper, wise, foe…);
casting fills them from the title first, then from the characters table by nature
(a helper is no one who would eat the hero; a mentor is a master of the skill). The
templates that tell each step live in the same file; the writer fills them. A step may
say `new_day = true` when the tale moves on to another day or season ("next autumn"), so
its time of day may come before the last step's.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from digitales.plot.kinds import DATA, Kind, kinds
from digitales.plot.premise import SKY_KINDS, Reading, feature_class, words_table

SCHEMAS = DATA / "schemas"


@dataclass
class Schema:
    id: str
    genres: list[str]
    goals: list[str]
    needs: list[str]  # what the premise must give: thing, two, skill, shelter, feature, foe
    repeat: int  # the repeated episode's count in a two-minute tale
    roles: dict[str, str]
    places: dict[str, dict]
    objects: dict[str, dict]
    steps: list[dict]
    phrases: dict[str, dict] = field(default_factory=dict)
    moral: dict[str, list] = field(default_factory=dict)
    say_in_full: list[str] = field(default_factory=list)  # slots never shortened after their first mention


@lru_cache(maxsize=1)
def schemas() -> dict[str, Schema]:
    found = {}
    for path in sorted(SCHEMAS.glob("*.toml")):
        d = tomllib.loads(path.read_text(encoding="utf-8"))
        found[d["id"]] = Schema(d["id"], d.get("genres", []), d.get("goals", []), d.get("needs", []), d.get("repeat", 3),
                                d.get("roles", {}), d.get("places", {}), d.get("objects", {}), d["steps"],
                                d.get("phrases", {}), {"ru": d.get("moral_ru", []), "en": d.get("moral_en", [])},
                                d.get("say_in_full", []))
    return found


# Which tale type a premise asks for: its goal first, then what the title is made of, then the genre.
GOAL_SCHEMAS = {"seek": "quest", "want": "quest", "learn": "learning", "why": "why", "fear": "mystery",
                "mystery": "mystery", "farewell": "farewell", "rescue": "rescue", "help": "gratitude",
                "contest": "contest", "build": "chain", "befriend": "gratitude", "flaw": "flaw",
                "magic": "magic"}
GENRE_SCHEMAS = {"fairy_tale": ("quest", "rescue", "gratitude"), "fable": ("trickster", "contest", "gratitude"),
                 "bylina": ("duel",), "novella": ("quest", "gratitude", "learning"),
                 "comedy": ("contest", "learning", "chain"), "tragedy": ("farewell",), "drama": ("farewell", "rescue"),
                 "horror": ("mystery",)}
CAST_TWO = {"contest", "gratitude", "rescue", "trickster", "duel", "fallen", "feared"}  # the tale types with a part for the title's second character


FALLEN = {"star"}  # the one the fallen tale helps home (a cloud is a sky kind too, but it does not fall and shine)


def choose_schema(reading: Reading, genre: str, rng: random.Random) -> Schema:
    """The tale type the title's premise decides; the genre chooses among those that fit."""
    table = schemas()
    wanted = []
    if not reading.goal and any(c.kind and c.kind.name in FALLEN for c in reading.characters):
        wanted.append("fallen")  # «Маленькая звёздочка», «Ёжик и звёздочка»: a star fallen and helped home
    pair = _pair_schema(reading, genre)
    if reading.goal == "fear" and _feared_harmless(reading):
        wanted.append("feared")  # "The Dragon Who Was Afraid of Mice": a fear of someone, met and befriended
    elif reading.goal == "fear" and pair:
        wanted.append(pair)  # afraid of ducks: a duck is no crumb-sized thing in a crack; a good turn instead
    if reading.goal in GOAL_SCHEMAS:
        wanted.append(GOAL_SCHEMAS[reading.goal])
    if genre == "bylina":
        wanted.insert(0, "duel")
    if reading.shelter:
        wanted.append("shelter")
    if reading.big:
        wanted.append("chain")
    if pair:
        wanted.append(pair)
    if reading.virtue and not reading.goal and reading.thing is None:
        wanted.append("rescue")  # «Храбрый зайчонок», "The Kind Giant": a virtue is shown by saving a friend
    if reading.thing is not None and not reading.goal:  # «Мышка и сыр»: the hero is after the thing the title names
        wanted.append({"horror": "mystery", "tragedy": "farewell"}.get(genre, "quest"))
    genre_fit = [s for s in GENRE_SCHEMAS.get(genre, ("quest",)) if s in table]
    wanted += genre_fit if not wanted else []
    if not reading.goal and len([c for c in reading.characters if c.name != reading.owner]) >= 2:
        wanted = [s for s in wanted if s in CAST_TWO] or [pair or "rescue"]  # «Ёж и барсук»: both have a part
    for name in wanted:
        if name in table and _fits(table[name], reading):
            return table[name]
    fitting = [table[s] for s in genre_fit if _fits(table[s], reading)] or [s for s in table.values() if _fits(s, reading)]
    return rng.choice(fitting) if fitting else table["quest"]


def _feared_harmless(reading: Reading) -> bool:
    """The title's second character is the one feared, and it hunts nobody in the title:
    a mouse is a fear to get over, a wolf is not."""
    if len(reading.characters) < 2 or reading.characters[0].kind is None or reading.characters[1].kind is None:
        return False
    hero, feared = reading.characters[0].kind, reading.characters[1].kind
    on_land = feared.moves != "swim" or hero.moves == "swim"  # a bear afraid of a fish meets it by no path
    return hero.name not in feared.eats and feared.nature != "villain" and hero.scale >= feared.scale and on_land


def at_sea(kind) -> bool:
    """A hero who lives in the sea (a whale, a dolphin): its tale is told at sea, not in the wood."""
    return bool(lands_of(kind) & AT_SEA)  # a penguin swims for its fish too


def feared_size(kind) -> str:
    """A tiny feared one fits a crack and lives on a crumb; a small one (a sheep for a wolf, a
    duck for a hippo) meets the hero nose to nose at the stream (feared.toml `when = { feared = … }`)."""
    return "tiny" if kind is not None and (kind.scale == 0 or kind.name == "frog") else "small"


def _pair_schema(reading: Reading, genre: str) -> str | None:
    """Two creatures in the title: a hunter and its prey is a trick; a big one and a small one, a
    good turn returned; two of a size, a contest."""
    kinds_in = [c.kind for c in reading.characters if c.kind is not None]
    if len(kinds_in) < 2:
        return None
    a, b = kinds_in[:2]
    if b.name in a.eats or a.name in b.eats:
        return "trickster"  # the hunted one outwits the hunter, whatever the genre: a fox is nobody's rescuer
    if abs(a.scale - b.scale) >= 2:
        return "gratitude"
    return "contest" if genre in ("comedy", "fable") else "rescue"  # two of a size: one saves the other


def _fits(schema: Schema, reading: Reading) -> bool:
    has = {"thing": reading.thing is not None, "skill": bool(reading.skill), "shelter": reading.shelter,
           "feature": reading.thing_class == "feature", "two": len(reading.characters) >= 2, "trait": bool(reading.trait),
           "magic": bool(reading.magic)}
    return all(has.get(n, True) for n in schema.needs)


@lru_cache(maxsize=1)
def bodies() -> dict:
    return tomllib.loads((DATA / "bodies.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def whereabouts() -> dict:
    return tomllib.loads((DATA / "whereabouts.toml").read_text(encoding="utf-8"))


def indoor_kinds(reading: Reading, lang: str) -> set[str] | None:
    """Who may be met where the title's place is under a roof («Тайна старого чердака»,
    "The Shadow Under the Stairs"), or None when the tale is out of doors."""
    table = whereabouts()["indoor"]
    for place in reading.places:
        if is_indoor(place.name, lang):
            return set(table["house"]) | (set(table["yard"]) if place_head(place.name, lang) in table["yard_places"] else set())
    return None


def place_head(place: str, lang: str) -> str:
    """A place's head noun as a dictionary word: «старого чердака» → «чердак», "the stairs" → "stair"."""
    from digitales.text.morph import english_singular, morph

    head = place.lower().split()[-1]
    return morph().parse(head)[0].normal_form if lang == "ru" else english_singular(head)


def is_indoor(place: str, lang: str) -> bool:
    """Under a roof (whereabouts.toml [indoor]): an attic, a shed, the stairs."""
    head = place_head(place, lang)
    return head in whereabouts()["indoor"][lang] or head == "stair"


def outdoor_class(reading: Reading, hero: Kind | None, lang: str) -> str:
    """Where a mystery of the title's place is told out of doors (whereabouts.toml [outdoor]):
    water, bridge, tree, forest, cave or field; "" when it is told in a barn or an attic, for a
    sound that needs boards and a door, or for a ghost, who haunts a barn."""
    table = whereabouts()["outdoor"]
    if not reading.places or reading.sound not in table["sounds"] or hero is not None and hero.name == "ghost":
        return ""
    head = place_head(reading.places[0].name, lang).replace("ё", "е")
    return next((cls for cls, words in table.items() if cls != "sounds"
                 and head in {w.replace("ё", "е") for w in words[lang]}), "")


def season_of(reading: Reading, schema: Schema, lang: str) -> str:
    """The season a tale is set in, or "" for any: from the title's words («осенний лист»,
    "The Last Icicle"), a quest for a season set in the one before, a farewell of its own
    making (the last leaf) in late autumn."""
    from digitales.text.morph import english_singular, morph

    table = whereabouts()
    named = [n.name for n in reading.characters + reading.objects + reading.places]
    words = [w.replace("ё", "е") for name in named for w in name.lower().split()]
    lemmas = {morph().parse(w)[0].normal_form.replace("ё", "е") if lang == "ru" else english_singular(w) for w in words}
    if reading.goal in ("seek", "want") and reading.thing_class == "season" and reading.thing is not None:
        sought = next((s for s, ws in table["words"].items()
                       if set(reading.thing.name.lower().replace("ё", "е").split()) & set(ws[lang])), "")
        return table["sought"].get(sought, "winter")  # warmth and sunshine are looked for in winter too
    for season, ws in table["words"].items():
        if lemmas & {w.replace("ё", "е") for w in ws[lang]}:
            return season
    if schema.id == "farewell" and reading.thing is None:
        return "autumn"
    if schema.id == "flaw":
        return table["trait_season"].get(reading.trait, "")
    if schema.id == "why" and reading.thing is not None:
        return table["feature_season"].get(feature_class(reading.thing.name, lang), "")
    return ""


def holds(when: dict, tags: dict[str, str]) -> bool:
    """A step's or a variant's `when`: every key has one of the values given."""
    return all(str(tags.get(k, "")) in ([str(x) for x in v] if isinstance(v, list) else [str(v)]) for k, v in when.items())


# Casting ----------------------------------------------------------------------------

STOCK_HEROES = {"fairy_tale": ("hedgehog", "hare", "girl", "boy", "duck", "mouse"), "fable": ("crow", "hare", "goat", "mouse"),
                "bylina": ("hero",), "novella": ("girl", "boy", "cat"), "comedy": ("pig", "goat", "bear", "hare"),
                "tragedy": ("girl", "boy", "snowman"), "drama": ("girl", "boy", "squirrel"),
                "horror": ("boy", "girl", "mouse", "hare")}
REGIONS = {  # animals of far-off lands meet the neighbours of their own land, not the hedgehog, and no polar bear in the savanna
    "savanna": {"lion", "elephant", "zebra", "giraffe", "monkey", "crocodile", "camel", "hippo", "ostrich", "rhino", "parrot",
                "peacock", "tiger", "tortoise", "turtle"},
    "ice": {"polar_bear", "penguin", "seal", "walrus", "whale"},
    "sea": {"whale", "dolphin", "octopus", "crab", "seal", "turtle", "seagull", "penguin"},
    "far_east": {"panda", "tiger", "monkey", "peacock"},
    "australia": {"kangaroo", "koala", "parrot"},
}
FAR_AWAY = set().union(*REGIONS.values())
AT_SEA = {"sea", "ice"}  # no bee or ladybird far out at sea: a whale's friends are the sea's
EVERYWHERE = {"sparrow", "swallow", "crow", "stork", "pigeon", "bee", "butterfly", "dragonfly", "fly", "ladybird"}  # they fly to far lands too
FARM = {"cow", "bull", "sheep", "pig", "horse", "donkey", "turkey", "goat", "hen", "rooster"}  # they live in the yard: no forest animal meets them
CREATURES = {"giant", "gnome", "snowman", "bun", "gingerbread", "scarecrow", "troll", "mermaid", "unicorn", "fairy",
             "water_spirit", "father_frost", "firebird", "dragon", "ghost", "koschei", "witch", "star", "cloud"}  # never a passing helper
WISE = ("owl", "tortoise", "crow", "mole", "grandfather", "grandmother")  # no chattering magpie as the slow wise one
FOES = {"bylina": ("dragon", "robber"), "fairy_tale": ("wolf", "fox", "witch", "koschei"),
        "fable": ("fox", "wolf", "cat")}


@dataclass
class Cast:
    """Who plays each role: the kind, and the title's own name where the title gave one."""

    roles: dict[str, tuple[Kind | None, str, str, bool]] = field(default_factory=dict)  # role → (kind, name, gender, proper)
    repeated: list[tuple[Kind, str, str, bool]] = field(default_factory=list)  # the repeated role, in order
    from_title: set[str] = field(default_factory=set)


def animals_only(hero: Kind | None) -> bool:
    return not (hero and hero.person)


def cast_schema(schema: Schema, reading: Reading, genre: str, lang: str, count: int, rng: random.Random) -> Cast:
    table = kinds()
    cast = Cast()
    named = list(reading.characters)
    used: set[str] = set()

    def take(role: str, character) -> None:
        name, gender = character.name, character.gender
        if gender == "plural" and character.kind and role != "hero" and " " not in name:
            name, gender = character.kind.word(lang), _gender(character.kind, lang)  # "made friends with the bees": one bee plays the part
        cast.roles[role] = (character.kind, name, gender, character.proper)
        cast.from_title.add(role)
        if character.kind:
            used.add(character.kind.name)

    def stock(role: str, options) -> None:
        options = [table[k] for k in options if k in table and k not in used] or [table[k] for k in options if k in table]
        kind = rng.choice(options)
        used.add(kind.name)
        word = kind.word(lang)
        cast.roles[role] = (kind, word, _gender(kind, lang), word[:1].isupper())  # "Koschei the Deathless", no article

    season = season_of(reading, schema, lang)
    owner = next((c for c in named if reading.owner and c.name == reading.owner), None)
    if owner is not None and "elder" in schema.roles and reading.goal != "why":
        take("elder", owner)  # «Дедушкины часы»: grandfather's clock; a grandchild is the one who sets out
        named.remove(owner)
        if not named:
            stock("hero", ("girl", "boy"))
    for role, rule in schema.roles.items():
        if rule == "sky":  # the star is cast first: the hero is the one who finds it
            star = next((c for c in named if c.kind and c.kind.name in FALLEN), None)
            if star is not None:
                take(role, star)
                named.remove(star)
            else:
                stock(role, sorted(FALLEN))
    hero_first = named if reading.goal else [c for c in named if not (c.kind and c.kind.nature in ("villain",))]  # "The Dragon Who Was Afraid…": the title's subject, villain or not
    villains = [c for c in named if c.kind and c.kind.nature == "villain"]
    hero = (hero_first or named or [None])[0]
    if "hero" in cast.roles:
        pass
    elif schema.roles.get("hero") and hero is not None:
        take("hero", hero)
        named.remove(hero)
    elif "hero" in schema.roles:
        heroes = STOCK_HEROES.get(genre, STOCK_HEROES["fairy_tale"])
        if season != "winter" or reading.thing_class == "season":  # a snowman keeps the last apple of autumn? no;
            heroes = tuple(h for h in heroes if h != "snowman")  # nor sees winter off and stays: he would go with it
        stock("hero", heroes)
    hero_kind = cast.roles.get("hero", (None,))[0]
    away = set(whereabouts()["away"].get(season, []))
    house = indoor_kinds(reading, lang)
    if house is None and reading.goal in ("seek", "want", "") and (reading.lost or reading.owner):
        indoor = whereabouts()["indoor"]  # Granny's spoon is looked for in the house and the yard
        house = set(indoor["house"]) - set(indoor["no_search"]) | set(indoor["yard"])
    if house is not None:  # under a roof the friends are those who live there: no swan on the stairs
        away |= {name for name, kind in table.items() if not kind.person and name not in house}
    else:  # and out of doors, no cockroach with a basket, no fly who sends the hero to the kitchen
        indoor = whereabouts()["indoor"]
        away |= set(indoor["only_indoors"])
        if any(step.get("place") == "helper.likes" for step in schema.steps):  # the hero goes where each helper likes to be
            away |= {name for name, kind in table.items() if kind.trait("likes", "ru") and is_indoor(kind.trait("likes", "ru"), "ru")}

    def options_for(rule: str) -> list[str]:  # a starling has flown south by the last leaf; an ant sleeps under the snow
        return _options(rule, hero_kind, reading, genre, table, used | away) or _options(
            rule, hero_kind, reading, genre, table, used) or _anyone(hero_kind, table, used)

    for role, rule in schema.roles.items():
        if role in cast.roles or rule == "repeat" or role.startswith("repeat_"):
            continue  # repeat_as, repeat_last, repeat_order say how the repeated role is cast
        if rule in ("foe",) and named:
            foe = next((c for c in villains if c in named), named[0])  # a villain not already cast as the hero
            take(role, foe)
            named.remove(foe)
        elif rule in ("second", "friend", "small", "big", "counterpart", "owner") and (friend := next(
                (c for c in named if c not in villains or "foe" not in schema.roles.values()), None)):
            take(role, friend)  # a dragon in the title is the foe, not the friend a witch carries off
            named.remove(friend)
        elif rule == "owner" and reading.owner:
            continue
        elif rule == "elder" and role not in cast.roles:
            cast.roles[role] = _elder(hero_kind, lang)
            if hero_kind is not None and hero_kind.person and cast.roles[role][0] is not None:
                used.add(cast.roles[role][0].name)  # one granny in a tale: the wise one is someone else
        else:
            stock(role, options_for(rule))
    if "repeat" in schema.roles.values():
        each = [r.strip() for r in schema.roles.get("repeat_each", "").split(",") if r.strip()]
        for n in range(count):  # the last one round may be of another sort: the wise one who knows
            passing = schema.roles.get(f"repeat_as_{reading.habit}", schema.roles.get("repeat_as", "helper"))  # a habit's own
            rule = schema.roles.get("repeat_last", "helper") if n == count - 1 else (
                each[n % len(each)] if each else passing)  # each round asks its own body
            kind = rng.choice([table[k] for k in options_for(rule) if k in table])
            used.add(kind.name)
            cast.repeated.append((kind, *_family_name(kind, cast, lang)))
        order = schema.roles.get("repeat_order", "")
        if order in ("smaller", "bigger"):  # Репка: each smaller than the last; Теремок: each bigger
            first, last = cast.repeated[:-1], cast.repeated[-1:]
            first.sort(key=lambda c: c[0].scale, reverse=order == "smaller")
            cast.repeated = first + last
    return cast


FAMILY_NAMES_EN = {"grandfather": "Grandpa", "grandmother": "Grandma"}


def _family_name(kind: Kind, cast: Cast, lang: str) -> tuple[str, str, bool]:
    """A grandparent's name, gender and properness: "Grandpa" in a house where the other one is
    "Grandma" (lived with Grandma and Grandpa, not "and the grandfather")."""
    family = {name for _, name, _, proper in cast.roles.values() if proper}
    if lang == "en" and kind.name in FAMILY_NAMES_EN and family & set(FAMILY_NAMES_EN.values()):
        return FAMILY_NAMES_EN[kind.name], _gender(kind, lang), True
    return kind.word(lang), _gender(kind, lang), False


def lands_of(kind: Kind | None) -> set[str]:
    """The far-off lands (REGIONS) a kind lives in; none for the hedgehog of our own wood."""
    return {r for r, members in REGIONS.items() if kind is not None and kind.name in members}


def _anyone(hero: Kind | None, table: dict[str, Kind], used: set[str]) -> list[str]:
    """When no one fits a role's rule: a neighbour of the hero's own land (a seal for a penguin),
    never a star, a dragon or a farm bull far from its yard."""
    pool = [k for k in table if not table[k].person and k not in used and k not in CREATURES and k not in SKY_KINDS]
    lands = lands_of(hero)
    near = [k for k in pool if any(k in REGIONS[r] for r in lands)] if lands else [k for k in pool if k not in FAR_AWAY]
    return near or pool


def _options(rule: str, hero: Kind | None, reading: Reading, genre: str, table: dict[str, Kind], used: set[str]) -> list[str]:
    """Kinds that may play a role, true to their nature; never one already in the tale."""
    def free(names):
        return [n for n in names if n in table and n not in used]

    lands = lands_of(hero)  # a giraffe's neighbours are the savanna's
    neighbours = set().union(*(REGIONS[r] for r in lands)) if lands else None
    animals = [k for k in table.values() if not k.person and k.nature not in ("villain", "magic") and k.name not in CREATURES
               and ((k.name in neighbours if neighbours is not None else k.name not in FAR_AWAY)  # a crocodile is no forest neighbour,
                    or k.moves == "fly" and k.name not in FAR_AWAY and (neighbours is None or k.name in EVERYWHERE
                                                                          and not lands & AT_SEA))  # a swallow
               # winters in Africa, a parrot stays home, and no grouse is seen in the savanna
               and not (hero and not hero.person and hero.name not in FARM and k.name in FARM)  # no cow in the forest
               and (k.moves != "swim" or hero is not None and hero.moves == "swim")]  # a fish stays in its river
    named = [c.kind for c in reading.characters if c.kind]  # no stork to tell a bear cub about the frog it eats
    safe = [k.name for k in animals if not (hero and (hero.name in k.eats or k.name in hero.eats))
            and not any(n.name in k.eats or k.name in n.eats for n in named)]
    awake = [n for n in safe if n not in whereabouts()["night"]["kinds"]]  # an owl sleeps by day: no passer-by
    if rule == "wise":  # an animal asks an owl; a child may ask grandfather
        wise = [w for w in WISE if hero is not None and hero.person or w in safe]  # no owl to advise a mouse
        return free(wise) or free(safe)
    teachers = [m for m in words_table()["skills"].get(reading.skill, {}).get("masters", [])
                if not (hero and m in table and hero.name in table[m].eats)  # no heron teaches a frog to fish
                and (m not in FAR_AWAY or neighbours is not None and m in neighbours)]  # no monkey in a bear's wood
    if rule == "mentor":
        return free(teachers) or free([w for w in WISE if w in safe]) or free(safe)
    if rule == "foe":
        hunters = [k.name for k in animals if hero and hero.name in k.eats]
        foes = list(FOES.get(genre, FOES["fairy_tale"]))
        if hero is not None and not hero.person:  # animals fear a wolf or a fox, not Koschei
            foes = [f for f in foes if f in table and not table[f].person and f not in CREATURES] or ["wolf", "fox"]
        by_day = [h for h in hunters if h not in whereabouts()["night"]["kinds"]]
        on_foot = [h for h in by_day if table[h].moves != "fly"]  # one who leads a friend off and bolts the door
        return free(on_foot) or free(by_day) or free(foes) or free(hunters)
    if rule == "master":  # those who can do the skill the hero wants to learn
        skill = words_table()["skills"].get(reading.skill, {})
        return free(words_table()["voices"]["kinds"] if skill.get("voice") else teachers) or free(safe)
    if rule == "tiny":
        return free([k.name for k in animals if k.scale == 0 and k.name in safe]) or free(
            [k.name for k in animals if k.scale <= 1])
    if rule == "huge":
        return free([k.name for k in animals if k.scale >= 4]) or free([k.name for k in animals if k.scale >= 3])
    if rule in bodies():  # a round that asks something of the body: fur for a bramble, stores to spill
        body = bodies()[rule]
        fits = [k.name for k in animals if k.name in safe and k.name not in body.get("not", []) and (
            k.name in body["kinds"] if "kinds" in body else k.moves in body["moves"] and body.get("least", 0) <= k.scale <= body.get("most", 4))]
        return free(fits) or _options("small", hero, reading, genre, table, used)
    if rule == "friend" and hero is not None and hero.person:  # a child's or a tailor's best friend is a pet, not a beetle
        return free(["cat", "dog", "goat", "duck", "hen"]) or _options("small", hero, reading, genre, table, used)
    if rule == "friend":  # led off and bolted in: one who walks, not a beetle that would fly out
        return free([k.name for k in animals if k.scale <= 2 and k.name in safe and k.moves in ("run", "walk", "hop")]) or free(safe)
    if rule == "small":  # small ones in trouble on the ground (a bramble, a fallen branch): walkers, not birds
        return free([k.name for k in animals if k.scale <= 1 and k.name in safe and k.moves != "fly"]) or free(
            [k.name for k in animals if k.scale <= 1 and k.name in safe]) or free(safe)
    if rule == "big":
        return free([k.name for k in animals if k.scale >= 3 and k.name in safe]) or free(safe)
    if rule == "singer":  # one whose song the hero can sing along to and keep: a bird's, not a dog's «гав»
        singers = words_table()["skills"]["sing"]["masters"]
        return free([n for n in singers if n in awake]) or _options("helper", hero, reading, genre, table, used)
    if rule == "counterpart":  # the other one of a big-and-small pair: a big one for a small hero
        small_hero = hero is not None and not hero.person and hero.scale <= 1
        return _options("big" if small_hero else "small", hero, reading, genre, table, used)
    if rule == "visitor":  # the ones who come to a shelter: from the smallest up
        return free([k.name for k in animals if k.scale <= 3]) or free(safe)
    if rule == "bogatyr":
        return free(["hero"])
    if rule == "horse":
        return free(["horse"]) or free(safe)
    helpers = [n for n in awake if table[n].trait("likes", "ru") and table[n].trait("likes", "en")]
    return free(helpers) or free(awake) or free(safe)


def _gender(kind: Kind, lang: str) -> str:
    if lang == "en":
        return kind.gender_en
    from digitales.plot.premise import GENDERS
    from digitales.text.morph import morph

    parses = morph().parse(kind.ru[0].split()[-1])  # «белка» is also «белок» in the genitive: the word as its own lemma; «белый медведь» is a медведь
    parse = next((p for p in parses if "NOUN" in p.tag and "nomn" in p.tag and p.normal_form == kind.ru[0].split()[-1]),
                 next((p for p in parses if "NOUN" in p.tag), parses[0]))
    return GENDERS.get(parse.tag.gender, "male")


def _elder(hero: Kind | None, lang: str) -> tuple[Kind | None, str, str, bool]:
    """The one at home who warns and waits: a mother for a young animal, a grandmother for a child."""
    if hero is not None and hero.person:
        kind = kinds().get("grandmother")
        return kind, ("бабушка" if lang == "ru" else "Granny"), "female", lang == "en"  # "said Granny", not "the grandmother"
    if lang == "ru":
        return hero, "мама", "female", False
    animal = hero.en[0] if hero else "mouse"
    return hero, f"Mother {animal.title()}", "female", True
