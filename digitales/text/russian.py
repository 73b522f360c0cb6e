"""Russian grammar the writer needs: a name or a place phrase in any case (pymorphy3).

"серый волк" → "серого волка", "Кощей Бессмертный" → "Кощею Бессмертному",
"тёмная чаща за болотом" → "тёмной чаще за болотом" (only the head noun phrase
changes), "дремучий лес" in the locative → "дремучем лесу".
"""

from __future__ import annotations

import re
from functools import lru_cache

from digitales.text.morph import morph

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@lru_cache(maxsize=4096)
def inflect_phrase(phrase: str, case: str, animate: bool | None = None) -> str:
    """The phrase with its head noun, the adjectives agreeing with it and a name's second word
    (an epithet or surname) put in `case`; everything after them kept as it is. `animate=False`
    (a place) takes the head's inanimate reading where it has one: «в курятник», not «в курятника»."""
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}")
    words = phrase.split(" ")
    parses = [_nominative(w, adjective_first=i + 1 < len(words)) for i, w in enumerate(words)]
    head = next((i for i, p in enumerate(parses) if p is not None and "NOUN" in p.tag), None)
    if head is None or case == "nomn":
        return phrase
    if animate is False and "anim" in parses[head].tag:
        parses[head] = next((q for q in morph().parse(re.sub(r"[^\w-]", "", words[head]))
                             if "NOUN" in q.tag and "inan" in q.tag and "nomn" in q.tag), parses[head])
    number, animacy, gender = parses[head].tag.number, parses[head].tag.animacy, parses[head].tag.gender
    end = head + 1
    while end < len(words) and parses[end] is not None and words[end][:1].isupper() and (
            "ADJF" in parses[end].tag or "NOUN" in parses[end].tag and "nomn" in parses[end].tag):
        end += 1  # "Кощей Бессмертный", "Илья Муромец"
    out = list(words)
    for i in range(head + 1):
        p = parses[i]
        if p is None or i < head and not ("ADJF" in p.tag or "NUMR" in p.tag or "PRTF" in p.tag):
            continue
        out[i] = _inflected(words[i], p, case, number, animacy, gender)
    for i in range(head + 1, end):
        out[i] = _inflected(words[i], parses[i], case, number, animacy, None)
    return " ".join(out)


def head_noun(phrase: str) -> str:
    """The dictionary form of a phrase's head noun: "тёмная чаща за болотом" → "чаща"."""
    words = phrase.split(" ")
    for i, w in enumerate(words):
        p = _nominative(w, adjective_first=i + 1 < len(words))
        if p is not None and "NOUN" in p.tag:
            return p.normal_form
    return ""


def _nominative(word: str, adjective_first: bool = False):
    """The word's parse as a nominative, if it has one (a phrase's words are given in the
    nominative); before another word, an adjective reading wins ("белые гуси")."""
    bare = re.sub(r"[^\w-]", "", word)
    if not bare:
        return None
    parses = [p for p in morph().parse(bare) if "nomn" in p.tag]
    if adjective_first:
        parses.sort(key=lambda p: "ADJF" not in p.tag)
    return parses[0] if parses else None


NO_LOC2 = {"холм", "дом", "дуб"}  # «на холме», «в доме», «на дубе»: the dictionary's second locative is rare in speech


def _inflected(word: str, parse, case: str, number: str | None, animacy: str | None, gender: str | None) -> str:
    """One word in `case`; an adjective also agrees with its noun's number, gender and (in the
    masculine accusative) animacy: "дремучий лес" → "дремучий лес", "серый волк" → "серого волка"."""
    wanted = {case, number} if number else {case}
    if "ADJF" in parse.tag and number == "sing" and gender:
        wanted.add(gender)
    if "ADJF" in parse.tag and case == "accs" and animacy and (gender == "masc" or number == "plur"):
        wanted.add(animacy)
    form = None
    if case == "loct" and parse.normal_form not in NO_LOC2:  # "в лесу", not "в лесе"
        form = parse.inflect({"loc2", number} if number else {"loc2"})
    if form is None and "NUMR" in parse.tag:
        form = parse.inflect({case})
    form = form or parse.inflect(wanted) or parse.inflect({case})
    if form is None:
        return word
    return _match_case(word, form.word)


def _match_case(original: str, form: str) -> str:
    parts, shapes = form.split("-"), original.split("-")
    return "-".join(p.capitalize() if s[:1].isupper() else p for p, s in zip(parts, shapes + shapes[-1:] * len(parts)))


def gendered(gender: str, male: str, female: str, neuter: str | None = None, plural: str | None = None) -> str:
    """The form that agrees with a character's gender: пошёл / пошла / пошло / пошли."""
    return {"female": female, "neuter": neuter or male, "plural": plural or male}.get(gender, male)
