"""A mystery whose title names a sound («Кто плачет в камышах», "The Whistle in the Woods") tells
that sound, growing round by round, and finds the one who makes it: nobody knocks in a crying
tale. Each telling has its own culprit (a duckling or an owlet, a knot-hole or a reed…); a title
that names a knock, or no sound, keeps the knocking."""

import random
import re

import pytest

from digitales.plot.kinds import kinds, trait_of
from digitales.plot.premise import read_title
from digitales.plot.story import planned_tale
from digitales.plot.telling import TELLINGS
from digitales.writer.embedded import write

# sound: (Russian title, English title)
TITLES = {
    "cry": ("Кто плачет за воротами", "Who Is Crying by the Gate"),  # in the reeds it is told there: test_outdoor_mystery
    "whistle": ("Кто свистит в трубе", "The Whistle in the Woods"),
    "creak": ("Кто скрипит на чердаке", "The Creak on the Stairs"),
    "rustle": ("Кто шуршит в траве", "The Rustle in the Leaves"),
    "howl": ("Кто воет за печкой", "The Howl in the Chimney"),
    "sigh": ("Кто вздыхает в сарае", "The Sigh in the Barn"),
}
# the sound heard, the verb the ending says it with, by language
SOUND_WORDS = {
    ("cry", "ru"): ["Хнык", "плакал"], ("cry", "en"): ["Boo-hoo", "crying"],
    ("whistle", "ru"): ["Фью", "свистел"], ("whistle", "en"): ["Wheee-oo", "whistl"],
    ("creak", "ru"): ["Скри-и-ип", "скрип"], ("creak", "en"): ["Cre-e-eak", "creak"],
    ("rustle", "ru"): ["Шур-шур", "шуршал"], ("rustle", "en"): ["Rustle-rustle", "rustling"],
    ("howl", "ru"): ["У-у-у", "выл"], ("howl", "en"): ["Ooo-ooo", "howl"],
    ("sigh", "ru"): ["Ох-х", "вздыхал"], ("sigh", "en"): ["Oh-h-h", "sighing"],
}
# who makes it, by telling (a crying one in the barn by the gate is from out of doors)
CULPRITS = {
    ("cry", "first"): ("утён", "duckling"), ("cry", "second"): ("совён", "owlet"),
    ("whistle", "first"): ("дырочк", "hole"), ("whistle", "second"): ("камышин", "reed"),
    ("creak", "first"): ("петл", "hinge"), ("creak", "second"): ("половиц", "board"),
    ("rustle", "first"): ("ёжик", "hedgehog"), ("rustle", "second"): ("мышат", "mice"),
    ("howl", "first"): ("заслонк", "damper"), ("howl", "second"): ("щен", "puppy"),
    ("sigh", "first"): ("мешок", "sack"), ("sigh", "second"): ("барсук", "badger"),
}
KNOCK = {"ru": re.compile(r"тук|грохот|гремел|\bбу[хм]", re.I),
         "en": re.compile(r"\btap\b|tap-tap|thump|\bboom|rumbl|\bbump", re.I)}


def _seed_for(title: str, telling: str) -> int:
    """A seed whose tale is told the given way (the telling is the seed's and the title's)."""
    return next(s for s in range(50) if random.Random(f"{s}:{title}:telling").choice(TELLINGS) == telling)


def _told(title: str, lang: str, seed: int) -> tuple[object, str]:
    tale = planned_tale(title, "horror", lang, seed=seed)
    return tale, "\n\n".join("\n\n".join(scene) for scene in write(tale))


@pytest.mark.parametrize("sound", list(TITLES))
@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("telling", TELLINGS)
def test_the_title_sound_is_heard_and_found_not_a_knock(sound, lang, telling):
    title = TITLES[sound][0 if lang == "ru" else 1]
    assert read_title(title, lang).sound == sound
    tale, text = _told(title, lang, _seed_for(title, telling))
    assert tale.plan.tale_type == "mystery"
    assert "{" not in text and "}" not in text
    assert all(word.lower() in text.lower() for word in SOUND_WORDS[sound, lang]), (SOUND_WORDS[sound, lang], text)
    for c in tale.characters:  # a friend's own voice is its own ("Thump-thump!" gasped the hare)
        voice = trait_of(kinds().get(c.kind), "sound", lang) if c.kind else ""
        text = re.sub(re.escape(voice), "", text, flags=re.I) if voice else text
    assert not KNOCK[lang].search(text), KNOCK[lang].search(text).group(0)
    culprit = CULPRITS[sound, telling][0 if lang == "ru" else 1]
    scenes = text.split("\n\n")
    assert culprit in text.lower() and culprit in "\n".join(scenes[-4:]).lower()  # found at the end, not before


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_sound_grows_round_by_round(lang):
    title = TITLES["cry"][0 if lang == "ru" else 1]
    _, text = _told(title, lang, _seed_for(title, "first"))
    heard = ["Хнык… хнык…", "Хнык-хнык! У-у-у…", "У-у-у-у! Хнык-хнык-хнык!"] if lang == "ru" \
        else ["Boo-hoo… boo-hoo…", "Boo-hoo! Sniff-sniff…", "BOO-HOO-HOO! Sniff!"]
    places = [text.find(h) for h in heard]
    assert all(p >= 0 for p in places) and places == sorted(places), places


@pytest.mark.parametrize("title, lang, culprits", [("Кто пищит на чердаке", "ru", ("летуч", "воробыш")),
                                                   ("Who Is Crying in the Attic", "en", ("bat", "sparrow"))])
def test_a_crying_one_under_a_roof_is_a_baby_bat_or_a_fledgling_taken_home(title, lang, culprits):
    assert read_title(title, lang).sound == "cry"
    for telling, culprit in zip(TELLINGS, culprits):
        _, text = _told(title, lang, _seed_for(title, telling))
        assert culprit in text.lower() and ("мам" in text if lang == "ru" else "mother" in text)
        assert "утён" not in text and "duckling" not in text  # no duckling in the attic


@pytest.mark.parametrize("title, lang, knock", [("Кто стучит в кладовке", "ru", ("Тук-тук", "Бух")),
                                                ("The Noise in the Attic", "en", ("Tap-tap", "Bump")),
                                                ("Тайна старого чердака", "ru", ("Тук-тук", "Бух"))])
def test_a_knock_or_no_sound_keeps_the_knocking(title, lang, knock):
    assert read_title(title, lang).sound in ("knock", "")
    for telling, word in zip(TELLINGS, knock):
        _, text = _told(title, lang, _seed_for(title, telling))
        assert word in text
