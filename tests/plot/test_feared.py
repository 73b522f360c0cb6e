"""The hero afraid of someone small («Дракон, который боялся мышей», "The Lion Who Was Scared of the Mouse"):
the title's second character is the one feared, met nose to nose, and befriended."""

import re

import pytest

from digitales.plot.kinds import kinds
from digitales.plot.schemas import schemas
from digitales.plot.story import planned_tale
from digitales.plot.telling import SLOT, Bound, fill
from digitales.text.dialogue import Conversation
from digitales.text.morph import lemmas
from digitales.writer.embedded import write

TITLES = [("Дракон, который боялся мышей", "ru", "dragon", "mouse"),
          ("Слонёнок, который боялся мышки", "ru", "elephant", "mouse"),
          ("Медведь, который боялся лягушек", "ru", "bear", "frog"),
          ("Девочка, которая боялась лягушек", "ru", "girl", "frog"),
          ("The Lion Who Was Scared of the Mouse", "en", "lion", "mouse"),
          ("The Dragon Who Was Afraid of Mice", "en", "dragon", "mouse"),
          ("The Elephant Who Was Afraid of Bees", "en", "elephant", "bee"),
          ("The Girl Who Was Afraid of Spiders", "en", "girl", "spider")]


def text_of(tale) -> list[str]:
    return ["\n\n".join(paragraphs) for paragraphs in write(tale)]


@pytest.mark.parametrize("title, lang, hero, feared", TITLES)
@pytest.mark.parametrize("genre, seed", [("fairy_tale", 0), ("comedy", 1), ("fable", 2), ("horror", 3)])
def test_the_hero_is_afraid_of_the_titles_second_character_and_meets_it(title, lang, hero, feared, genre, seed):
    tale = planned_tale(title, genre, lang, seed=seed)  # make_plan refuses a plan that breaks the story's rules
    assert tale.plan.tale_type == "feared"
    roles = {c.role: c for c in tale.characters}
    assert roles["hero"].kind == hero and roles["feared"].kind == feared
    beats = tale.plan.beats
    assert [b.function for b in beats] == ["afraid", "ask", "ask", "ask", "meet", "laugh", "friends"]
    first, meet, last = beats[0], next(b for b in beats if b.function == "meet"), beats[-1]
    for beat in (first, meet, last):  # the feared one is seen at home, met, and brought home
        assert roles["feared"].name in beat.cast and roles["hero"].name in beat.cast
    scenes = text_of(tale)
    name = lemmas(roles["feared"].name, lang)[-1]
    for n in (0, beats.index(meet), len(beats) - 1):
        assert name in lemmas(scenes[n], lang), (n, scenes[n])
    close = "близко" if lang == "ru" else "close up"
    assert close in scenes[0] and close in scenes[-1]  # the elder's question, asked and answered


@pytest.mark.parametrize("title, lang, hero, feared", TITLES)
def test_every_seed_is_told_in_full(title, lang, hero, feared):
    for seed in range(6):
        for minutes in (None, 1.0, 4.0):
            tale = planned_tale(title, "fairy_tale", lang, seed=seed, minutes=minutes)
            text = "\n".join(text_of(tale))
            assert not re.search(r"[{}]", text), text
            assert "  " not in text and " ," not in text and " ." not in text
            assert not re.search(r"\b(\w+) \1\b", text, re.I)  # no word twice in a row


def test_every_gendered_form_has_all_four():
    """{feared~боится/боится/боится/боятся}: a feared one may be one or many, a hero he or she."""
    schema = schemas()["feared"]
    templates = [v["text"] for step in schema.steps for lang in ("ru", "en") for v in step.get(lang, [])]
    templates += [step[f"summary_{lang}"] for step in schema.steps for lang in ("ru", "en")]
    for template in templates:
        for m in SLOT.finditer(template):
            for group in (m.group(6) or "").split("|"):
                assert "/" not in group or group.count("/") == 3, m.group(0)


def _bound(lang: str, feared: str, gender: str) -> dict[str, Bound]:
    table = kinds()
    return {"hero": Bound("дракон" if lang == "ru" else "dragon", "male", kind=table["dragon"]),
            "feared": Bound(feared, gender, kind=table["mouse"]),
            "elder": Bound("мама" if lang == "ru" else "Mother Dragon", "female", proper=lang == "en", kind=table["dragon"]),
            "helper": Bound("белка" if lang == "ru" else "squirrel", "female", kind=table["squirrel"]),
            "apple": Bound("яблоко" if lang == "ru" else "apple", "neuter")}


@pytest.mark.parametrize("lang, feared, expected", [
    ("ru", "мыши", ["мыши сами боялись дракона", "Вы меня боитесь", "А они — с мою пятку", "мыши ест"]),
    ("en", "mice", ["the mice were", "We'll", "they are as small as my toe", "mice was"])])
def test_many_feared_ones_agree_as_many(lang, feared, expected):
    """«Дракон, который боялся мышей»: told of the mice, every word about them is plural."""
    schema = schemas()["feared"]
    phrases = {k: v[lang] for k, v in schema.phrases.items()}
    bound = _bound(lang, feared, "plural")
    told = {step["id"]: [fill(v["text"], bound, lang, phrases, 1) for v in step[lang]] for step in schema.steps}
    everything = "\n".join(t for ts in told.values() for t in ts)
    *present, wrong = expected
    assert wrong not in everything
    for phrase in present:
        assert phrase in everything, phrase
    for text in told["meet"]:
        assert ("мыши" if lang == "ru" else "the mice") in text.lower()


@pytest.mark.parametrize("title, lang", [("Медведь, который боялся лягушек", "ru"), ("The Lion Who Was Scared of the Mouse", "en")])
def test_the_hero_the_feared_one_and_the_elder_speak_their_own_lines(title, lang):
    """The voice stage reads who speaks from the speech verbs: the hero's fright and the feared
    one's "please don't squash me" are theirs, not the narrator's or a friend's."""
    tale = planned_tale(title, "fairy_tale", lang, seed=0)
    roles = {c.role: c.name.split()[0].lower() for c in tale.characters}
    talk = Conversation(lang)
    said = [(seg.speaker.lower(), seg.text) for scene in write(tale) for p in scene for seg in talk.paragraph(p)]
    for role in ("hero", "feared", "elder"):
        assert any(speaker == roles[role] for speaker, _ in said), (role, said)
    squash = next(speaker for speaker, text in said if "раздавите" in text or "наступите" in text or "squash" in text
                  or "step on" in text)
    assert squash == roles["feared"]
