"""A hero afraid of someone smaller who is not tiny («Волк, который боялся овец», "The Hippo Who Was
Afraid of Ducks"): the same tale type as the mouse's, told with the small one's own variants (the
tag `feared=small`). No crack to squeeze into, no crumb to live on, no toe to measure by: the two
meet nose to nose over the apple or at the stream, and the small one comes up to the hero's knee."""

import re

import pytest

from digitales.plot.kinds import kinds
from digitales.plot.schemas import schemas
from digitales.plot.story import planned_tale
from digitales.plot.telling import Bound, fill
from digitales.text.dialogue import Conversation
from digitales.writer.embedded import write

SMALL = [("The Wolf Who Was Afraid of Sheep", "en", "wolf", "sheep"),
         ("Волк, который боялся овец", "ru", "wolf", "sheep"),
         ("Медведь, который боялся ёжика", "ru", "bear", "hedgehog"),
         ("The Bear Who Was Afraid of a Hedgehog", "en", "bear", "hedgehog"),
         ("The Hippo Who Was Afraid of Ducks", "en", "hippo", "duck"),
         ("Бегемот, который боялся уток", "ru", "hippo", "duck"),
         ("Лев, который боялся козы", "ru", "lion", "goat"),
         ("The Lion Who Was Afraid of a Goat", "en", "lion", "goat"),
         ("Слон, который боялся зайца", "ru", "elephant", "hare"),
         ("The Elephant Who Was Afraid of a Hare", "en", "elephant", "hare")]
PEOPLE = [("Девочка, которая боялась петуха", "ru", "girl", "rooster"),
          ("The Girl Who Was Afraid of the Rooster", "en", "girl", "rooster")]
TINY = [("Дракон, который боялся мышей", "ru"), ("Медведь, который боялся лягушек", "ru"),
        ("The Dragon Who Was Afraid of Mice", "en"), ("The Lion Who Was Scared of the Mouse", "en")]
GENRES = [("fairy_tale", 0), ("comedy", 1), ("fable", 2), ("novella", 3)]

# What only a tiny one is: it squeezes into a crack, lives on a crumb, is as big as a toe,
# rides home on a back or a palm, and begs not to be squashed or stepped on.
TINY_WORDS = {"ru": re.compile(r"щел|крош|мизин|пятк|ладошк|раздав|наступит|пролез|на спине", re.I),
              "en": re.compile(r"\b(cracks?|crumbs?|toes?|tiny|squeeze|squash|step on|little finger|palm|riding)\b", re.I)}
KNEE = {"ru": "по колено", "en": "up to my knee"}
CLOSE = {"ru": "близко", "en": "close up"}
EAT = {"ru": "не ешьте", "en": "don't eat"}


def scenes_of(tale) -> list[str]:
    return ["\n\n".join(paragraphs) for paragraphs in write(tale)]


def tags_of(tale) -> dict[str, str]:
    event = tale.plan.beats[0].events[0]
    return dict(t.split("=", 1) for t in event.slots["_tags"].split(",") if "=" in t)


@pytest.mark.parametrize("title, lang, hero, feared", SMALL + PEOPLE)
@pytest.mark.parametrize("genre, seed", GENRES)
def test_a_small_feared_one_is_told_without_the_tiny_ones_words(title, lang, hero, feared, genre, seed):
    tale = planned_tale(title, genre, lang, seed=seed)
    assert tale.plan.tale_type == "feared"
    assert tags_of(tale)["feared"] == "small"
    roles = {c.role: c for c in tale.characters}
    assert roles["hero"].kind == hero and roles["feared"].kind == feared
    scenes = scenes_of(tale)
    text = "\n".join(scenes)
    assert not TINY_WORDS[lang].search(text), TINY_WORDS[lang].search(text).group(0)
    assert not re.search(r"[{}]", text) and "  " not in text and " ," not in text and " ." not in text
    assert CLOSE[lang] in scenes[0] and CLOSE[lang] in scenes[-1]  # the elder's question, asked and answered
    assert KNEE[lang] in scenes[-1]  # it only comes up to the hero's knee
    meet = [b.function for b in tale.plan.beats].index("meet")
    assert EAT[lang] in scenes[meet]
    apple = "яблок" if lang == "ru" else "apple"
    for n in (0, meet, meet + 1):  # the apple is given, rolls away, and is shared
        assert apple in scenes[n].lower(), scenes[n]


@pytest.mark.parametrize("title, lang", TINY)
def test_a_tiny_feared_one_still_squeezes_into_the_crack_and_wants_a_crumb(title, lang):
    for genre, seed in GENRES:
        tale = planned_tale(title, genre, lang, seed=seed)
        assert tags_of(tale)["feared"] == "tiny"
        text = "\n".join(scenes_of(tale))
        assert ("щел" if lang == "ru" else "crack") in text
        assert ("крош" if lang == "ru" else "crumb") in text
        assert KNEE[lang] not in text


@pytest.mark.parametrize("title, lang, hero, feared", SMALL[:4])
def test_the_meeting_and_the_laugh_are_told_as_one_telling(title, lang, hero, feared):
    """The apple rolls round the oak and both reach for it, then they laugh holding it; or it rolls
    to the stream, the hero sees two faces in the water, then they eat it on the two banks."""
    stream = "руч" if lang == "ru" else "stream"
    seen = set()
    for seed in range(8):
        tale = planned_tale(title, "comedy", lang, seed=seed)
        functions = [b.function for b in tale.plan.beats]
        scenes = scenes_of(tale)
        meet, laugh = scenes[functions.index("meet")], scenes[functions.index("laugh")]
        assert (stream in meet) == (stream in laugh), (meet, laugh)
        seen.add(stream in meet)
    assert seen == {True, False}  # both tellings come up


@pytest.mark.parametrize("title, lang, hero, feared", [SMALL[0], SMALL[1], SMALL[4], SMALL[8]])
def test_every_round_of_a_long_tale_tells_a_new_thing(title, lang, hero, feared):
    for seed in range(4):
        for minutes in (1.0, 4.0, 6.0):
            tale = planned_tale(title, "fairy_tale", lang, seed=seed, minutes=minutes)
            scenes = scenes_of(tale)
            asks = [s for s, b in zip(scenes, tale.plan.beats) if b.function == "ask"]
            questions = [s.split("\n\n")[1] for s in asks]  # the hero's question to this round's friend
            for character in tale.characters:
                questions = [q.replace(character.name, "") for q in questions]
            assert len(set(questions)) == len(questions), questions
            text = "\n".join(scenes)
            assert not TINY_WORDS[lang].search(text) and not re.search(r"[{}]", text)


@pytest.mark.parametrize("title, lang, hero, feared", PEOPLE)
def test_a_child_jumps_onto_the_bench_and_brings_the_small_one_an_apple(title, lang, hero, feared):
    tale = planned_tale(title, "fairy_tale", lang, seed=0)
    scenes = scenes_of(tale)
    bench = "лавк" if lang == "ru" else "bench"
    assert bench in scenes[0] and bench in scenes[-1]


@pytest.mark.parametrize("title, lang", [("Волк, который боялся овец", "ru"), ("The Hippo Who Was Afraid of Ducks", "en")])
def test_the_small_one_begs_and_the_hero_laughs(title, lang):
    """The voice stage reads who speaks from the speech verbs: "please don't eat me" is the small
    one's, the laugh of relief the hero's."""
    for seed in range(4):
        tale = planned_tale(title, "comedy", lang, seed=seed)
        roles = {c.role: c.name.split()[0].lower() for c in tale.characters}
        talk = Conversation(lang)
        said = [(seg.speaker.lower(), seg.text) for scene in write(tale) for p in scene for seg in talk.paragraph(p)]
        beg = next(speaker for speaker, text in said if EAT[lang] in text)
        assert beg == roles["feared"]
        relief = re.compile(r"меня съешь|собирал[аи]?с[ья] .* есть|going to eat ME|wasn't going to eat", re.I)
        assert next(speaker for speaker, text in said if relief.search(text)) == roles["hero"]


def _bound(lang: str, feared: str, gender: str) -> dict[str, Bound]:
    table = kinds()
    look = table["duck"].looks(lang)[0]
    return {"hero": Bound("волк" if lang == "ru" else "wolf", "male", kind=table["wolf"]),
            "feared": Bound(feared, gender, kind=table["duck"], look=look),
            "elder": Bound("мама" if lang == "ru" else "Mother Wolf", "female", proper=lang == "en", kind=table["wolf"]),
            "helper": Bound("белка" if lang == "ru" else "squirrel", "female", kind=table["squirrel"]),
            "apple": Bound("яблоко" if lang == "ru" else "apple", "neuter")}


@pytest.mark.parametrize("lang, feared, expected, wrong", [
    ("ru", "утки", ["утки сами боялись волка", "утки сами боятся волка", "не ешьте нас", "Мы ведь совсем невкусные",
                    "они мне по колено", "Заходите в гости", "они от всех бегают"], ["утки боится", "утки ест", "Она "]),
    ("en", "ducks", ["the ducks were afraid of the wolf", "don't eat us", "We're not even tasty",
                     "they only come up to my knee", "They run away from everybody"], ["ducks was", "ducks is", "she "])])
def test_many_small_ones_agree_as_many(lang, feared, expected, wrong):
    """«Волк, который боялся уток», told of the ducks: every word about them is plural."""
    schema = schemas()["feared"]
    phrases = {k: v[lang] for k, v in schema.phrases.items()}
    bound = _bound(lang, feared, "plural")
    told = "\n".join(fill(v["text"], bound, lang, phrases, 1) for step in schema.steps for v in step[lang]
                     if v.get("when", {}).get("feared") == "small")
    for phrase in expected:
        assert phrase in told, phrase
    for phrase in wrong:
        assert phrase not in told, phrase
