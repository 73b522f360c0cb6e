"""Filling the phrase banks' templates with the tale's cast and places.

    {hero}            the name as it stands: "лиса" / "the fox", "Ivan"
    {Hero}            the same, capitalised (a sentence starts with it)
    {hero:datv}       Russian: in a case (nomn gent datv accs ablt loct) — "лисе"
    {hero:poss}       English: possessive — "the fox's"
    {hero:a}          English: a first mention — "a fox", "an owl", "Ivan"
    {hero~пошёл/пошла/пошло/пошли}   the form for the character's gender (male/female/neuter/plural;
                      English: {hero~he/she/it/they}); fewer forms fall back to the first
    {look:hero}       how the character looks (plot/cast.py), fixed for the tale
    {place}, {place:loct}, {Place}   where the beat happens
    {place:in}, {place:to}  with the right preposition: "в дремучем лесу" / "на опушку", "in the
                      deep forest" / "onto the forest path"

Roles are hero, antagonist, donor, helper, false_hero, princess, prince.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digitales.writer.russian import head_noun, inflect_phrase

GENDER_INDEX = {"male": 0, "female": 1, "neuter": 2, "plural": 3}
PLACEHOLDER = re.compile(r"\{(look:)?([A-Za-z_]+)(?::(\w+))?(?:~([^}]*))?\}")


@dataclass(frozen=True)
class Who:
    name: str
    gender: str
    look: str
    proper: bool


def cast_of(tale) -> dict[str, Who]:
    """The tale's characters by role, as templates use them."""
    return {c.role: Who(c.name, c.gender, c.look, c.proper) for c in tale.characters if c.role != "narrator"}


def fill(template: str, cast: dict[str, Who], place: str, lang: str) -> str:
    """The template with every placeholder replaced; KeyError names a role the beat lacks."""

    def replace(m: re.Match) -> str:
        look, key, case, forms = m.group(1), m.group(2), m.group(3), m.group(4)
        capital = key[0].isupper()
        key = key.lower()
        if look:
            return cast[key].look
        if forms is not None:
            options = forms.split("/")
            gender = cast[key].gender if key in cast else "neuter"
            return options[min(GENDER_INDEX.get(gender, 0), len(options) - 1)]
        if key == "place" and case in ("in", "to"):
            text = _place_with_preposition(place, case, lang)
        elif key == "place":
            text = _phrase(place, case, lang, proper=place[:1].isupper())
        else:
            who = cast[key]
            text = _phrase(who.name, case, lang, who.proper)
        return text[0].upper() + text[1:] if capital and text else text

    text = PLACEHOLDER.sub(replace, template)
    return _russian_prepositions(text) if lang == "ru" else text


# A preposition takes its euphonic form before some words: "со змеем", "об Иване", "во власти", "ко мне".
_EUPHONY = [(re.compile(r"\b([Сс]) (?=[сзшж][бвгджзклмнпрстфхцчшщ]|щ)", re.I), "со"),
            (re.compile(r"\b([Оо]) (?=[аоиуэыАОИУЭЫ])"), "об"),
            (re.compile(r"\b([Вв]) (?=[вф][бвгджзклмнпрстфхцчшщ])", re.I), "во")]


def _russian_prepositions(text: str) -> str:
    for pattern, form in _EUPHONY:
        text = pattern.sub(lambda m, form=form: (form.capitalize() if m.group(0)[0].isupper() else form) + " ", text)
    return text


def _phrase(name: str, case: str | None, lang: str, proper: bool) -> str:
    if lang == "ru":
        return inflect_phrase(name, case) if case else name
    bare = name if proper or name.startswith(("the ", "a ", "an ")) else f"the {name}"
    if case == "bare":
        return name
    if case == "poss":
        return bare + ("'" if bare.endswith("s") else "'s")
    if case == "a":
        return bare if bare == name and proper else ("an " if name[:1].lower() in "aeiou" else "a ") + name
    return bare


# Places one is "on" rather than "in": на поляне, on the path.
ON_RU = {"опушка", "луг", "поляна", "площадь", "дорога", "дорожка", "тропинка", "улочка", "застава", "поле", "мельница",
         "край", "берег", "остров", "гора"}
ON_EN = {"path", "road", "lane", "square", "meadow", "steppe", "edge", "shore", "island", "hill", "field"}


def _place_with_preposition(place: str, case: str, lang: str) -> str:
    head = _head_word(place, lang)
    if lang == "ru":
        on = head in ON_RU
        return ("на " if on else "в ") + inflect_phrase(place, "loct" if case == "in" else "accs")
    on = head in ON_EN
    prep = ("on" if on else "in") if case == "in" else ("onto" if on else "into")
    return f"{prep} {_phrase(place, None, lang, proper=place[:1].isupper())}"


def _head_word(place: str, lang: str) -> str:
    if lang == "ru":
        return head_noun(place)
    words = [w for w in re.findall(r"[a-z-]+", place.lower()) if w not in ("the", "a", "an")]
    before_of = place.lower().split(" of ")[0].split(" at ")[0].split(" by ")[0].split(" beyond ")[0]
    head = re.findall(r"[a-z-]+", before_of)
    return head[-1] if head else (words[-1] if words else "")


def roles_in(template: str) -> set[str]:
    """The roles a template needs (to skip templates whose roles the beat does not have)."""
    return {m.group(2).lower() for m in PLACEHOLDER.finditer(template)} - {"place"}
