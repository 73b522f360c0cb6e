"""The template language tale types are told in, one syntax for both languages.

    {hero}  {Hero}          the one bound to a slot, as the tale calls them ("ёжик" / "the hedgehog"); capitalised
    {hero:datv}             Russian: in a case (nomn gent datv accs ablt loct) — "ёжику"
    {hero:in} {hero:to}     a place with its preposition: «в норе» / «в нору», "in the burrow" / "into the burrow"
    {hero:from}             «из норы» / «с поляны», "out of the burrow"
    {hero:a} {hero:bare}    English: a first mention ("a hedgehog"), the bare word ("hedgehog")
    {hero:poss}             English: "the hedgehog's"
    {hero~пошёл/пошла/пошло/пошли}   the form for the slot's gender (male/female/neuter/plural);
                            English: {hero~he/she/it/they}; fewer forms fall back to the first
    {hero~побежал/побежала|полетел/полетела}   groups by how the slot's kind moves: walkers|flyers (a fledgling walks)
                            ("{hero~ran|flew}"); fewer groups fall back to the first
    {hero.home} {hero.likes:to} {hero.gift:accs}   a trait of the slot's kind (kinds.toml) — a noun
                            phrase, inflected like any slot; {hero.sound} {hero.likes_why} {hero.good_at}
                            are said as they are; {helper.gasp}: its voice as a cry of surprise,
                            «Ой» for one whose sound is a noise
    {look:hero}             how the character looks, fixed for the tale
    {@again}                a phrase of the tale type's [phrases], the one for this time round

A slot names a character or a thing bound in the plan (Event.slots): the template never
guesses a word's grammar again; the gender and the noun are kept from when it was bound.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from digitales.errors import UserError
from digitales.plot.kinds import Kind, kinds, trait_of
from digitales.plot.known import known_tales
from digitales.plot.premise import ADJECTIVES_EN, thing_named
from digitales.plot.schemas import holds, schemas
from digitales.tale import Event, Tale
from digitales.text.morph import morph
from digitales.text.russian import head_noun, inflect_phrase

GENDER_INDEX = {"male": 0, "female": 1, "neuter": 2, "plural": 3}
MOVES_INDEX = {"fly": 1}  # which |-group of forms: {hero~побежал/побежала|полетел/полетела}
SLOT = re.compile(r"\{(look:)?(@)?([A-Za-z_][A-Za-z_0-9]*)(?:\.([a-z_]+))?(?::(\w+))?(?:~([^}]*))?\}")


@dataclass(frozen=True)
class Bound:
    """What a slot is bound to: a character or a thing, with the grammar kept from binding."""

    name: str
    gender: str = "male"
    proper: bool = False
    kind: Kind | None = None
    look: str = ""


class MissingSlot(KeyError):
    """A template names a slot the event did not bind."""


ONLY_ONE_EN = {"sky", "sea", "sun", "moon", "wind", "dark", "forest floor"}  # said with "the" even at first mention
SHORTENED = {"goal", "item"}
TELLINGS = ("first", "second")  # a tale type's alternative tellings, labelled `telling = "second"` on its variants  # things said in full once a scene, then by their noun: «волшебная дудочка», then «дудочка»


def fill(template: str, slots: dict[str, Bound], lang: str, phrases: dict[str, list[str]] | None = None,
         repeat: int = 0, in_full: set[str] | frozenset = frozenset()) -> str:
    mentioned: set[str] = set()  # which slots this scene has named already

    def replace(m: re.Match) -> str:
        look, phrase, key, trait, case, forms = m.groups()
        capital = key[0].isupper()
        key = key.lower()
        if phrase:
            options = (phrases or {}).get(key, [""])
            text = fill(options[min(repeat, len(options) - 1)], slots, lang, phrases, repeat, in_full)
            return text[:1].upper() + text[1:] if capital else text
        if key not in slots:
            raise MissingSlot(key)
        bound = slots[key]
        if look:
            return bound.look
        if forms is not None and trait is None:
            groups = forms.split("|")  # walkers|flyers: a sparrow flies off where a hare runs
            options = groups[min(MOVES_INDEX.get(_moves(bound), 0), len(groups) - 1)].split("/")
            return options[min(GENDER_INDEX.get(bound.gender, 0), len(options) - 1)]
        if trait == "gasp":  # a cry of surprise: the kind's own voice, else a plain «Ой» (no ant cries «топ-топ»)
            voiced = bound.kind is not None and not bound.kind.noise and not bound.kind.person
            text = (trait_of(bound.kind, "sound", lang) if voiced else "") or ("Ой" if lang == "ru" else "Oh")
        elif trait:
            value = trait_of(bound.kind, trait, lang)
            if trait == "sound" and not value:  # people make no sound of their own: they call out
                value = "Эй" if lang == "ru" else "Hello"
            if trait in ("sound", "likes_why", "good_at", "speech"):
                text = value
            else:  # a home, a place, a gift: a thing, «перерыли курятник», not «курятника»
                text = _said(value, case, lang, proper=False, animate=False)
        else:
            name = bound.name
            if key in mentioned and case != "bare" and key not in in_full and (
                    key in SHORTENED or bound.proper or _epithet(bound, lang)):
                name = _short(bound, lang)
            mentioned.add(key)
            if case == "a" and lang == "en" and bound.gender == "plural" and not bound.proper:
                case = None  # "the spectacles", never "a spectacles"
            text = _said(name, case, lang, bound.proper)
        return text[:1].upper() + text[1:] if capital and text else text

    text = SLOT.sub(replace, template)
    return russian_euphony(text) if lang == "ru" else _english_articles(text)


YOUNG = re.compile(r"(ёнок|онок|енец|ling|chick|owlet)$")  # утёнок, птенец, duckling: too young to fly yet


def _moves(bound: Bound) -> str:
    moves = bound.kind.moves if bound.kind else ""
    return "walk" if moves == "fly" and YOUNG.search(bound.name.split()[-1].lower()) else moves


def _epithet(bound: Bound, lang: str) -> bool:
    """A character named with an adjective («храбрый зайчонок», "the clever crow") is called so
    once a scene, then by the noun: said every time, the epithet drones."""
    words = bound.name.split()
    if bound.kind is None or len(words) not in (2, 3) or "-" in bound.name or bound.name.lower() in bound.kind.ru + bound.kind.en:
        return False  # «летучая мышь» is a bat, not a mouse, all through the tale
    if lang == "ru":
        return all("ADJF" in morph().parse(w)[0].tag for w in words[:-1])
    return all(w.lower() in ADJECTIVES_EN for w in words[:-1])  # "the brave little tailor", then "the tailor"


def _short(bound: Bound, lang: str) -> str:
    """A name after its first mention in a scene: a thing by its noun ("the magic flute", then
    "the flute"); a name by itself without its epithet («Кощей Бессмертный», then «Кощей»)."""
    words = bound.name.split()
    if bound.proper:
        if lang == "en" and " the " in bound.name:
            return bound.name.split(" the ")[0]  # "Koschei the Deathless"
        epithet = lang == "ru" and len(words) == 2 and "ADJF" in morph().parse(words[1])[0].tag \
            and "ADJF" not in morph().parse(words[0])[0].tag  # «Кощей Бессмертный», not «Серый Волк»
        return words[0] if epithet else bound.name
    if len(words) != 2 and not _epithet(bound, lang) or "-" in bound.name:
        return bound.name
    return words[-1]


def _unbound(name: str, lang: str) -> Bound:
    """A word the plan does not list among its things (a why-tale's part, «уши»): its grammar
    from its own nominative, so «уши вытянулись», not «уши вытянулся»."""
    if lang != "ru" or not name:
        return Bound(name)
    return Bound(name, thing_named(name, morph().parse(name.split()[-1])[0]).gender)


def slots_in(template: str) -> set[str]:
    return {m.group(3).lower() for m in SLOT.finditer(template) if not m.group(2)}


def _said(name: str, case: str | None, lang: str, proper: bool, animate: bool | None = None) -> str:
    if case in ("in", "to", "from"):
        return with_preposition(name, case, lang)
    if lang == "ru":
        return inflect_phrase(name, case, animate) if case else name
    bare = name if proper or name.startswith(("the ", "a ", "an ")) else f"the {name}"
    if case == "bare":
        return name
    if case == "poss":
        return bare + ("'" if bare.endswith("s") else "'s")
    if case == "a":
        if proper:
            return name
        if name in ONLY_ONE_EN:  # "try the sky", not "a sky"
            return f"the {name}"
        return ("an " if name[:1].lower() in "aeiou" else "a ") + name
    return bare


def bindings(tale: Tale) -> dict[str, Bound]:
    """Every name the plan binds, with the grammar kept from when it was bound."""
    table = kinds()
    bound = {c.name: Bound(c.name, c.gender, c.proper, table.get(c.kind), c.look) for c in tale.characters}
    for thing in tale.plan.things:
        bound.setdefault(thing.name, Bound(thing.name, thing.gender or "male", thing.proper))
    return bound


def tell(event: Event, tale: Tale, bound: dict[str, Bound]) -> str:
    """One event in words: a known tale's own telling, or its tale type's template filled."""
    if ":" in event.step:  # a known tale's own telling
        tale_id, _, where = event.step.partition(":")
        known = known_tales()[tale_id]
        if where == "moral":
            return known.moral[tale.lang]
        scene, _, n = where.partition(".")
        return known.scenes[int(scene)]["events"][int(n)][tale.lang]
    schema_id, _, step_id = event.step.partition("/")
    schema = schemas()[schema_id]
    step = next(s for s in schema.steps if s["id"] == step_id)
    rng = random.Random(f"{tale.seed}:{tale.title}:{event.step}:{event.repeat}")
    telling = random.Random(f"{tale.seed}:{tale.title}:telling").choice(TELLINGS)
    template = choose_variant(step.get(tale.lang, []), event, rng, ordered=bool(step.get("repeat")), telling=telling)
    slots = {role: bound.get(name) or _unbound(name, tale.lang) for role, name in event.slots.items() if not role.startswith("_")}
    phrases = phrases_for(schema.phrases, event.slots.get("_tags", "").split(","), tale.lang)
    return fill(template, slots, tale.lang, phrases, event.repeat, frozenset(schema.say_in_full))


def phrases_for(table: dict[str, dict], tags: set[str] | list[str], lang: str) -> dict[str, list[str]]:
    """A tale type's phrases in the tale's language; a phrase written for a tag the tale has
    (`[phrases."knock|sound=cry"]`) stands in for the plain one («хнык-хнык», not «тук-тук»)."""
    tags = set(tags)
    phrases = {k: v.get(lang, [""]) for k, v in table.items() if "|" not in k}
    for key, value in table.items():
        name, _, tag = key.partition("|")
        if tag and tag in tags:
            phrases[name] = value.get(lang, [""])
    return phrases


def choose_variant(variants: list[dict], event: Event, rng: random.Random, ordered: bool = False,
                   telling: str = "") -> str:
    """The most specific variant whose `when` all holds; among those, the one for this time
    round (a repeated step's variants go in order, so a refrain can grow) or one by the seed.
    Variants marked with a `telling` belong together across steps (the wise one asks about the
    wind, and the hero then follows the wind): the tale keeps to the telling it was given."""
    tags = dict(t.split("=", 1) for t in event.slots.get("_tags", "").split(",") if "=" in t)
    tags["last"] = "yes" if event.slots.get("_last") == "True" else "no"

    fitting = [v for v in variants if holds(v.get("when", {}), tags)]
    labelled = sorted({v["telling"] for v in fitting if v.get("telling")})
    if labelled:
        keep = telling if telling in labelled else labelled[0]
        fitting = [v for v in fitting if v.get("telling", keep) == keep]
    if not fitting:
        raise UserError(f"no telling of step {event.step!r} fits this tale")
    most = max(len(v.get("when", {})) for v in fitting)
    best = [v["text"] for v in fitting if len(v.get("when", {})) == most]
    return best[event.repeat % len(best)] if ordered else rng.choice(best)


# Places one is "on" rather than "in": на поляне, on the path.
ON_RU = {"опушка", "луг", "поляна", "площадь", "дорога", "дорожка", "тропинка", "улочка", "застава", "поле", "мельница",
         "край", "берег", "остров", "гора", "горка", "кочка", "крыша", "чердак", "печь", "печка", "двор", "пруд", "озеро",
         "река", "речка", "болото", "ветка", "луна", "небо", "пень", "пенёк", "лужайка", "огород", "пасека", "море",
         "рябина", "ель", "ёлка", "сосна", "дуб", "берёза", "липа", "клён", "дерево", "ярмарка", "лестница", "пустырь",
         "плетень", "грядка", "рынок", "пастбище", "мост", "крыльцо", "опушка", "вершина", "верхушка", "полянка", "лужок", "отмель", "скала",
         "полка", "утёс", "льдина", "завалинка", "печурка", "кухня", "почта", "станция", "просека", "вырубка",
         "камень", "камушек", "валун", "холм", "пригорок", "водопой", "выгон", "кормушка", "куча", "листок", "лист",
         "мелководье", "окошко", "окно", "пальма", "перекрёсток", "развилка", "травинка", "цветок"}  # на рябине, на ярмарке, на тёплом камне
IN_RU = {"тёплые края", "теплые края", "дальние края", "края"}  # «в тёплых краях», though «на краю»
ON_EN = {"path", "road", "lane", "square", "steppe", "edge", "shore", "island", "hill", "roof",
         "branch", "stump", "bank", "farm", "stairs", "staircase"}


def with_preposition(place: str, case: str, lang: str) -> str:
    head = head_noun(place) if lang == "ru" else _english_head(place)
    if lang == "ru":
        on = head in ON_RU and place.lower() not in IN_RU
        if case == "from":
            return ("с " if on else "из ") + inflect_phrase(place, "gent", animate=False)
        return ("на " if on else "в ") + inflect_phrase(place, "loct" if case == "in" else "accs", animate=False)
    on = head in ON_EN
    prep = {"in": "on" if on else "in", "to": "onto" if on else "into", "from": "off" if on else "out of"}[case]
    return f"{prep} {_said(place, None, lang, proper=place[:1].isupper())}"


def _english_head(place: str) -> str:
    before = re.split(r" (?:of|at|by|beyond|under|near) ", place.lower())[0]
    words = [w for w in re.findall(r"[a-z-]+", before) if w not in ("the", "a", "an")]
    return words[-1] if words else ""


# A preposition takes its euphonic form before some words: «со змеем», «об ёжике», «во власти», «ко мне».
_EUPHONY = [(re.compile(r"\b([Сс]) (?=[сзшж][бвгджзклмнпрстфхцчшщ]|щ)", re.I), "со"),
            (re.compile(r"\b([Оо]) (?=[аоиуэыАОИУЭЫ])"), "об"),
            (re.compile(r"\b([Вв]) (?=[вф][бвгджзклмнпрстфхцчшщ])", re.I), "во"),
            (re.compile(r"\b([Кк]) (?=мне\b)"), "ко")]


def russian_euphony(text: str) -> str:
    for pattern, form in _EUPHONY:
        text = pattern.sub(lambda m, form=form: (form.capitalize() if m.group(0)[0].isupper() else form) + " ", text)
    return text


def _english_articles(text: str) -> str:
    """"a owl" → "an owl" when a slot's word follows a written article; "the the" never."""
    text = re.sub(r"\b([Aa]) (?=[aeiouAEIOU]|(?:hour|honest|honou?r|heir))", lambda m: m.group(1) + "n ", text)
    text = re.sub(r"\b([Aa])n (?=[^aeiouAEIOU\W])(?!hour|honest|honou?r|heir)", lambda m: m.group(1) + " ", text)
    return re.sub(r"\b([Tt]he) the\b", r"\1", text)
