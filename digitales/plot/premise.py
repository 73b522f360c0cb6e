"""The title read once: who is in it, what the hero wants or asks, with what, where.

    «Как ёжик искал весну»            → ёжик; seek весна (a season)
    «Почему у зайца длинные уши»      → заяц; why «длинные уши», the hare's
    «Дедушкины часы»                  → дедушка (the owner); the clock
    "The Owl Who Was Afraid of the Dark" → owl; fear "the dark"
    "How the Zebra Got Its Stripes"   → zebra; why "stripes"
    "The Snowman's Last Day"          → snowman; farewell

Characters are animate nouns or kinds of the characters table, never function words,
adjectives or verbs; an adjective before a name ("серый волк") and a capitalised epithet
after it ("Кощей Бессмертный") stay part of it; "Gingerbread Man" and "Баба-яга" are one
name. What the words promise is looked up in data/title_words.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from digitales.plot.kinds import DATA, Kind, is_plural_en, kind_of
from digitales.text.morph import english_singular, morph

GENDERS = {"masc": "male", "femn": "female", "neut": "neuter"}
SKY_KINDS = {"star", "cloud"}  # someone when the title's subject («Маленькая звёздочка»), something when wanted ("wanted the star")


@dataclass
class Named:
    """Someone or something the title names."""

    name: str  # nominative, lower case for a common noun ("ёжик", "owl"), a proper name as written
    gender: str = "male"  # male | female | neuter | plural
    kind: Kind | None = None
    proper: bool = False


@dataclass
class Reading:
    characters: list[Named] = field(default_factory=list)
    goal: str = ""  # seek want learn fear why rescue help contest build farewell mystery befriend
    thing: Named | None = None  # what the goal is about (весна, the moon, stripes)
    thing_class: str = ""  # season sky family home food abstract skill feature (title_words.toml [things])
    skill: str = ""  # the skill's key (swim, fly…) when the goal is to learn one
    owner: str = ""  # the character whose thing it is
    objects: list[Named] = field(default_factory=list)
    places: list[Named] = field(default_factory=list)
    shelter: bool = False  # the title names a dwelling the tale can be about (Теремок, The Mitten)
    big: bool = False  # the title calls its thing big (a cumulative chain to move it)
    lost: bool = False  # the title's thing is lost («Потерянная варежка», "The Lost Key"): a quest to find it for its owner
    magic: str = ""  # what the title's magic thing does: music food paint way wish (title_words.toml [magic])
    trait: str = ""  # the hero's trait the tale turns on («Жадный хомяк» → greedy), title_words.toml [traits]
    virtue: str = ""  # a virtue the hero is named by («Храбрый зайчонок» → brave), title_words.toml [virtues]
    wish: str = ""  # what a small hero wants to become, as the title says it: «стать большим», "be a lion"
    sound: str = ""  # the sound a mystery is about («Кто плачет…» → cry), title_words.toml [sounds]
    habit: str = ""  # the habit a why-tale explains («Почему дятел стучит» → drum), title_words.toml [habits]

    @property
    def hero(self) -> Named | None:
        return self.characters[0] if self.characters else None


@lru_cache(maxsize=1)
def words_table() -> dict:
    return tomllib.loads((DATA / "title_words.toml").read_text(encoding="utf-8"))


def _index(section: str, lang: str) -> dict[str, str]:
    return {w.replace("ё", "е"): key for key, words in words_table()[section].items() for w in words[lang]}


def skill_of(word: str, lang: str) -> str:
    return next((key for key, s in words_table()["skills"].items() if word in s[lang]), "")


def thing_class(word: str, lang: str) -> str:
    return _index("things", lang).get(word.replace("ё", "е"), "")


def found_at(food: str, lang: str) -> str:
    """Where a food the hero seeks is found («мёд» → the old lime tree where the bees live)."""
    table = words_table()["found_at"]
    head = food.lower().split()[-1]
    lemma = morph().parse(head)[0].normal_form if lang == "ru" else english_singular(head)
    return table.get(lemma, table.get(head, table["_other"]))[lang]


def feature_class(feature: str, lang: str) -> str:
    """What kind of feature a why-tale explains: long (ears, neck), short (a tail), pattern
    (stripes, spots), colour (red, white), or other (a hump, a voice)."""
    words = [w.replace("ё", "е") for w in feature.lower().split()]
    base = [morph().parse(w)[0].normal_form.replace("ё", "е") if lang == "ru" else english_singular(w) for w in words]
    for name, listed in words_table()["features"].items():
        if set(base) & set(listed[lang]) or set(words) & set(listed[lang]):
            return name
    return "other"


def habit_of(word: str, lang: str) -> str:
    return _index("habits", lang).get(word.replace("ё", "е"), "")


NIGHT = re.compile(r"\b(?:ночью|ночам|ночами|по ночам|at night|by night|all night)\b", re.I)
DAY = re.compile(r"\b(?:днём|днем|by day|all day|in the day(?:time)?)\b", re.I)


def _habit(reading: Reading, title: str, lang: str) -> None:
    """«Почему дятел стучит по деревьям», "Why the Woodpecker Drums on Trees": a why-tale about
    what the hero does, said as the title says it («стучит по деревьям», "drums on trees").
    One awake at night and asleep by day keeps watch («Почему сова спит днём», "…Hoots at Night")."""
    if reading.goal != "why" or reading.hero is None:
        return
    words = re.findall(r"[A-Za-zА-Яа-яЁё]+", title)
    hero = reading.hero.name.split()[-1].lower()
    after = next((j + 1 for j, w in enumerate(words) if w.lower() == hero), None)  # the words after the hero

    def found(habit: str, said: list[str]) -> None:  # said as the title says it: «зимой спит», "drums on trees"
        reading.habit, reading.thing = habit, Named(" ".join(said).lower(), "neuter")
        reading.thing_class, reading.owner, reading.objects = "feature", reading.hero.name, []

    if reading.thing_class == "feature" and reading.thing is not None and character_of(reading.thing.name.split()[0], lang):
        return found("other", words[after or 1:])  # «Почему лиса хитрая»: her own work, not a sly coat
    if NIGHT.search(title) or DAY.search(title) and re.search(r"\b(?:спит|спят|спать|sleeps?)\b", title, re.I):
        return found("watch", words[after or 1:])
    verb_things = _index("verb_things", lang)
    for i, word in enumerate(words):
        if lang == "ru":
            verbs = [p for p in morph().parse(word) if p.tag.POS in ("VERB", "INFN")]
            habit = next((habit_of(p.normal_form, "ru") for p in verbs if habit_of(p.normal_form, "ru")), "")
            had = next((verb_things[p.normal_form] for p in verbs if p.normal_form in verb_things), "")
        else:
            habit = habit_of(word.lower(), "en") if i > 0 and words[i - 1].lower() == hero else ""
            had = verb_things.get(word.lower(), "") if i > 0 and words[i - 1].lower() == hero else ""
        if habit:
            return found(habit, words[min(after or i, i):])
        if had:  # "Why the Robin Sings": why it has its song, not its "sings"
            en, ru, gender = had.split("|")
            reading.thing = Named(en if lang == "en" else ru, "neuter" if lang == "en" else gender)
            reading.thing_class, reading.owner, reading.objects = "feature", reading.hero.name, []
            return
    if after is not None and after < len(words) and _a_doing(words, after, lang):
        found("other", words[after:])  # "Why the Cat Chases Mice": its own work, given out when the world was new
        reading.characters = reading.characters[:1]  # the mice are in what it does, not in the cast


NOT_DOINGS = {"ru": {"быть", "стать", "иметь", "любить", "бояться", "ненавидеть", "хотеть", "знать", "мочь", "уметь",
                     "становиться", "являться", "дружить", "не"},
              "en": {"has", "have", "is", "are", "was", "were", "does", "did", "got", "gets", "became", "becomes", "lost",
                     "loves", "likes", "hates", "fears", "wants", "needs", "knows", "can", "cannot", "never", "and"}}


def character_of(word: str, lang: str) -> str:
    """The flaw or the virtue a word names («хитрая» → clever, "timid"), "" for a colour or a look."""
    if lang == "ru":
        word = next((p.normal_form for p in morph().parse(word) if p.tag.POS in ("ADJF", "ADJS")), word)
    return trait_of(word, lang) or virtue_of(word, lang)


def _a_doing(words: list[str], at: int, lang: str) -> bool:
    """The word after a why-title's hero is something it does that no habit of ours names
    («гоняется», "chases"), not what it has, is, feels or wants."""
    word = words[at].lower()
    if lang == "en":
        return word.endswith("s") and not word.endswith("ss") and word not in NOT_DOINGS["en"] and kind_of(word, "en") is None
    verbs = [p for p in morph().parse(word) if p.tag.POS == "VERB" and "pres" in p.tag or p.tag.POS == "VERB" and "futr" in p.tag]
    return bool(verbs) and verbs[0].normal_form not in NOT_DOINGS["ru"] and word not in NOT_DOINGS["ru"]


def sound_of(word: str, lang: str) -> str:
    sounds = _index("sounds", lang)
    word = word.replace("ё", "е")
    return sounds.get(word) or (sounds.get(english_singular(word), "") if lang == "en" else "")


def _heard(reading: Reading, sound: str, who_asks: bool) -> None:
    """A sound in the title: the tale is a mystery about it when nobody else's goal is named
    («Кто плачет в камышах», "The Whistle in the Woods"), not when a hero does it ("The Girl Who Cried")."""
    if reading.sound or reading.goal not in ("", "mystery"):
        return
    if who_asks or not reading.characters:
        reading.sound, reading.goal = sound, "mystery"


def trait_of(word: str, lang: str) -> str:
    return _index("traits", lang).get(word.replace("ё", "е"), "")


def virtue_of(word: str, lang: str) -> str:
    return _index("virtues", lang).get(word.replace("ё", "е"), "")


TALE_OF = {"ru": re.compile(r"^\s*(?:сказка|история|басня|сказочка|рассказ)\s+(?=(?:про|о|об|обо)\s)", re.I),
           "en": re.compile(r"^\s*(?:the|a)?\s*(?:story|tale)\s+(?:of|about)\s+", re.I)}


WHO_LIVES = {"ru": re.compile(r"^\s*кто\s+(?:живёт|живет|поселился|прячется)\b", re.I),
             "en": re.compile(r"^\s*who\s+(?:lives|is living|hides)\b", re.I)}
LOST_SELF = {"en": re.compile(r"\b(?:who|that)\s+(?:got|gets|was|is|became)\s+lost\b", re.I),
             "ru": re.compile(r"\b(?:заблудил|потерял)(?:ся|ась|ось|ись)\b", re.I)}
WAY_HOME = {"en": Named("way home", "neuter"), "ru": Named("дорога домой", "female")}


def _lost_self(reading: Reading, title: str, lang: str) -> None:
    """"The Little Lamb Who Got Lost", «Как зайчонок заблудился»: the hero is lost, and looks for
    the way home (not for a thing called "the lost")."""
    if reading.characters and reading.goal != "why" and LOST_SELF[lang].search(title):
        reading.goal, reading.thing, reading.thing_class, reading.lost = "seek", WAY_HOME[lang], "home", False


def read_title(title: str, lang: str) -> Reading:
    title = TALE_OF[lang].sub("", title)  # «Сказка про храброго зайца» is a tale about the hare, not a search for a tale
    reading = _read_russian(title) if lang == "ru" else _read_english(title)
    if reading.lost and reading.thing_class == "home":
        reading.lost = False  # "The Hedgehog Who Lost His Way" is lost himself: a way home, not a thing in the house
    if reading.lost or reading.owner and reading.owner in FAMILY_OWNERS:
        reading.shelter = False  # a lost mitten, Grandpa's old boots: something to find, not a house to move into
    _lost_self(reading, title, lang)
    if WHO_LIVES[lang].search(title) and not reading.characters and reading.thing is not None and not reading.places:
        reading.goal = "mystery"  # «Кто живёт за печкой»: a mystery of that place, not a fear of the stove
        reading.places, reading.objects = [reading.thing], [o for o in reading.objects if o is not reading.thing]
        reading.thing, reading.thing_class = None, ""
    elif WHO_LIVES[lang].search(title) and not reading.characters and not reading.goal and reading.places:
        reading.goal = "mystery"  # «Кто живёт под мостом»: a mystery of the place the title names
    if reading.goal == "mystery" and reading.thing_class == "tree":  # "The Secret of the Old Oak": where, not what is feared
        reading.places = reading.places or [reading.thing]
        reading.objects = [o for o in reading.objects if o is not reading.thing]  # a place, not a thing to carry
        reading.thing, reading.thing_class = None, ""
    _hero_trait(reading, lang)
    _became(reading, title, lang)
    _magic_thing(reading, lang)
    _lost_tail(reading, title, lang)
    _wish_to_be_big(reading, title, lang)
    _habit(reading, title, lang)
    hero = reading.hero
    if hero is not None and hero.kind is not None and hero.kind.name == "snowman" and reading.thing_class == "season" \
            and reading.goal == "farewell" and reading.thing.name.split()[-1].lower() in WINTER:
        reading.thing = SPRING[lang]  # "The Last Snowman of Winter": winter goes, and he goes with it, when spring comes
        reading.goal = ""
    if hero is not None and hero.kind is not None and hero.kind.name == "snowman" and reading.thing_class == "season" \
            and (reading.goal in ("want", "seek") or reading.goal == "" and reading.thing.name.split()[-1].lower() in MELTING):
        # a snowman who wants summer meets it the only way a snowman can; «Снеговик и весна»: spring comes, he goes
        reading.objects.insert(0, reading.thing)  # summer stays in the tale, as what he wished for
        reading.goal, reading.thing, reading.thing_class = "farewell", None, ""  # he sees it as a cloud
    if reading.goal == "why" and NO_PART[lang].search(title):  # "Why the Bear Has No Tail": the tail left in the ice
        reading.thing, reading.thing_class = _short_part(NO_PART[lang].search(title).group(1), lang), "feature"
        reading.owner = reading.owner or (reading.characters[0].name if reading.characters else "")
        reading.objects = []
    clouds = [c for c in reading.characters[1:] if c.kind is not None and c.kind.name == "cloud"]
    if clouds and reading.goal in ("", "seek", "want"):  # «Ёжик и тучка»: the hedgehog's tale, the cloud a thing of the sky
        reading.characters.remove(clouds[0])
        cloud = Named(clouds[0].name, clouds[0].gender)
        reading.objects.append(cloud)
        if reading.thing is None:
            reading.thing, reading.thing_class = cloud, "sky"
    if reading.goal == "farewell" and WARM_DAY.search(title) and (reading.thing is None or reading.thing.name in ("warm", "тёплый")):
        reading.thing, reading.thing_class = WARMTH[lang], "season"  # "The Last Warm Day": warmth says goodbye, not "a warm"
        reading.objects = [reading.thing]
    if reading.thing_class == "weather" and reading.goal == "" and reading.characters:
        reading.goal = "fear"  # "The Goose and the Storm": a storm is not a thing to fetch, but one to stop fearing
    return reading


FAMILY_OWNERS = {"Papa", "Mama", "Dad", "Mum", "Mom", "Grandpa", "Grandma", "Granny", "Grandad", "Daddy", "Mummy", "Mommy",
                 "папа", "мама", "дедушка", "бабушка", "дед", "баба"}  # their thing is theirs, not a house for animals
NO_PART = {"en": re.compile(r"\bha(?:s|ve)\s+no\s+([A-Za-z]+)", re.I),
           "ru": re.compile(r"\b(?:нет|без)\s+([а-яё]+)\s*$", re.I)}


def _short_part(word: str, lang: str) -> Named:
    """A part a why-title says the hero has none of is told as the short stump of it ("a short tail")."""
    if lang == "en":
        return Named(f"short {word.lower()}", "plural" if english_singular(word.lower()) != word.lower() else "neuter")
    parses = morph().parse(word.lower())
    noun = next((p for p in parses if "NOUN" in p.tag), parses[0])
    plural = noun.tag.number == "plur" or noun.normal_form.endswith(("уши", "рога"))
    gender = "plural" if plural else GENDERS.get(noun.tag.gender, "male")
    head = noun.inflect({"nomn", "plur"}).word if plural else noun.normal_form
    short = morph().parse("короткий")[0].inflect({"nomn", "plur"} if plural else {"nomn", {"male": "masc", "female": "femn"}.get(gender, "neut")})
    return Named(f"{short.word} {head}", gender)


WARM_DAY = re.compile(r"\bwarm\s+days?\b|\bт[её]пл\w*\s+(?:день|денёк|денек|дни|деньки)\b", re.I)
WARMTH = {"ru": Named("тепло", "neuter"), "en": Named("warmth", "neuter")}
MELTING = {"весна", "лето", "тепло", "spring", "summer", "warmth"}  # what a snowman does not live through
WINTER = {"зима", "winter"}
SPRING = {"ru": Named("весна", "female"), "en": Named("spring", "neuter")}
WISH = {"ru": re.compile(r"(?:хотел|хотела|хотело|хотели|мечтал|мечтала|мечтали)\s+((?:стать|быть)\s+.+)$", re.I),
        "en": re.compile(r"\b(?:wanted|wants|wished|longed|dreamed)\s+to\s+(be\s+.+)$", re.I)}


def _wish_to_be_big(reading: Reading, title: str, lang: str) -> None:
    """«Мышонок, который хотел стать большим», "The Mouse Who Wanted to Be a Lion": a small one's
    wish to be big is the tale's flaw (envy), and its smallness the thing that saves the day."""
    found = WISH[lang].search(title.strip().rstrip(".!?"))
    hero = reading.hero
    if not found or hero is None or hero.kind is None or hero.kind.scale > 2:
        return
    wish = found.group(1)
    words = wish.lower().split()[1:]
    lemmas = [morph().parse(w)[0].normal_form.replace("ё", "е") if lang == "ru" else english_singular(w) for w in words]
    big_kind = any((kind_of(lemma, lang) or Kind("", (), ())).scale >= 3 for lemma in lemmas)
    if not ((set(lemmas) | set(words)) & set(words_table()["wish_big"][lang]) or big_kind):
        return
    reading.wish, reading.trait, reading.goal = wish.lower(), "envy", "flaw"  # "Be a Lion" in a title is "be a lion" in a line
    reading.thing, reading.thing_class = None, ""
    reading.characters = [hero]  # "a lion" is what it wants to be, not who is in the tale
    reading.objects = []


def _lost_tail(reading: Reading, title: str, lang: str) -> None:
    """"How the Bear Lost His Tail", «Как медведь хвост потерял»: not a search, but how the bear
    came to have the short tail it has — a why-tale."""
    tail = {"ru": "хвост", "en": "tail"}[lang]
    how = title.lower().startswith(("how ", "как ")) and reading.lost  # the title's verb was "lost" / «потерял»
    if how and reading.goal == "seek" and reading.thing is not None and reading.thing.name.split()[-1] == tail \
            and reading.characters:
        reading.lost = False
        reading.goal, reading.thing_class, reading.owner = "why", "feature", reading.characters[0].name
        reading.thing = Named("короткий хвост" if lang == "ru" else "short tail", "male" if lang == "ru" else "neuter")


def _magic_thing(reading: Reading, lang: str) -> None:
    """«Волшебная дудочка», "The Magic Pot": a wonder tale about the gift, unless the title
    gives the hero another goal («Как ёжик искал волшебный клубок» is a quest)."""
    table = words_table()["magic"]
    for thing in ([reading.thing] if reading.thing else []) + reading.objects:
        words = thing.name.lower().replace("ё", "е").split()
        lemmas = [morph().parse(w)[0].normal_form.replace("ё", "е") if lang == "ru" else english_singular(w) for w in words]
        wonder = any(lemmas[-1] in table[key][lang] for key in ("music", "food", "paint", "way"))
        if not set(lemmas) & {w.replace("ё", "е") for w in table["words"][lang]} and not (
                wonder and reading.goal == "" and reading.characters):  # "The Girl and the Lantern": a lantern that shows the way
            continue
        reading.magic = next((key for key, listed in table.items() if key != "words" and set(lemmas) & set(listed[lang])),
                             "wish")
        if not reading.goal:
            reading.goal, reading.thing, reading.thing_class = "magic", thing, "magic"
        return


BECAME = {"ru": re.compile(r"\bстал[аио]?\s+([А-Яа-яЁё-]+)", re.I),
          "en": re.compile(r"\bbec(?:ame|omes?)\s+(?:a\s+|an\s+)?([A-Za-z-]+)", re.I)}


def _became(reading: Reading, title: str, lang: str) -> None:
    """«Как заяц стал храбрым», "How the Hare Became Brave": the tale of the flaw the hero grows
    out of (title_words.toml [became]), not a hare and a character called "brave"."""
    m = BECAME[lang].search(title)
    if not m or reading.hero is None or reading.trait or reading.goal not in ("", "why"):
        return
    word = m.group(1)
    lemma = morph().parse(word)[0].normal_form.replace("ё", "е") if lang == "ru" else word.lower()
    became = _index("became", lang)
    flaw = became.get(lemma) or became.get(word.lower().replace("ё", "е"), "")
    said = {word.lower(), lemma}  # what one became is never someone else in the tale («стал чистюлей»)
    reading.characters = [c for c in reading.characters if c.name.lower().replace("ё", "е") not in said]
    if flaw:
        reading.trait, reading.goal, reading.thing, reading.thing_class = flaw, "flaw", None, ""


def _hero_trait(reading: Reading, lang: str) -> None:
    """«Жадный хомяк»: the hero is «хомяк», and greedy; a title with no other goal is a tale of that flaw."""
    hero = reading.hero
    if hero is not None and "-" in hero.name and (not hero.proper or any(kind_of(w, lang) for w in hero.name.split("-"))):
        parts = hero.name.split("-")  # «Заяц-хвастун»: a hare, and a boaster; «Соня-мышка»: a sleepy mouse, no Sonya
        lemmas = [morph().parse(w)[0].normal_form if lang == "ru" else w.lower() for w in parts]
        trait = next((trait_of(lemma, lang) for lemma in lemmas if trait_of(lemma, lang)), "")
        if trait:
            hero.name = next(w for w, lemma in zip(parts, lemmas) if not trait_of(lemma, lang))
            hero.kind = hero.kind or kind_of(hero.name, lang)
            hero.proper = hero.proper and hero.kind is None
            reading.trait, reading.goal = trait, reading.goal or "flaw"
            return
    if hero is None or hero.proper or " " not in hero.name:
        return
    words = hero.name.split()
    lemmas = [morph().parse(w)[0].normal_form if lang == "ru" else w.lower() for w in words[:-1]]
    found = [(w, trait_of(lemma, lang)) for w, lemma in zip(words, lemmas) if trait_of(lemma, lang)]
    if not found:  # «Храбрый зайчонок»: a virtue stays in the name, as an epithet, and is shown, not mended
        reading.virtue = next((virtue_of(lemma, lang) for lemma in lemmas if virtue_of(lemma, lang)), "")
        return
    reading.trait = found[0][1]
    hero.name = " ".join(w for w in words if w not in {f[0] for f in found})
    reading.goal = reading.goal or "flaw"


# Russian ----------------------------------------------------------------------------

PLACES_RU = {"пол", "лес", "поле", "река", "море", "озеро", "пруд", "болото", "гора", "пещера", "мельница", "замок", "башня",
             "деревня", "сад", "огород", "луг", "поляна", "остров", "колодец", "мост", "чердак", "подвал", "лестница",
             "чаща", "дорога", "город", "царство", "берег", "овраг", "сарай", "двор", "хлев", "чулан", "кладовка",
             "погреб", "подпол", "амбар", "баня", "кухня", "маяк", "библиотека", "пустырь", "роща", "долина", "дупло",
             "пещерка", "омут", "труба", "дымоход"}
NOT_THINGS_RU = {"день", "ночь", "утро", "вечер", "год", "раз", "время", "жизнь"}
LAST_RU = {"последний", "прощальный"}  # what kind of tale («Последняя снежинка»), not part of the thing's name
PLACE_PREPOSITIONS_RU = {"в", "во", "на", "под", "за", "у", "над"}
LOST_RU = {"потерянный", "потерять", "пропавший", "пропасть", "потеряться", "пропажа"}
NOT_CHARACTERS_RU = {"тень", "сон", "голос", "душа", "сказка", "чудо", "лицо"}  # pymorphy calls them animate or they are nouns of feeling


def _read_russian(title: str) -> Reading:
    words = re.findall(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", title)
    parses = [morph().parse(w) for w in words]
    for i in range(len(words) - 1):  # «старого чердака»: before a noun, an adjective, not «старое» the noun
        adjective = [q for q in parses[i] if "ADJF" in q.tag]
        if adjective and "NOUN" in parses[i][0].tag and any("NOUN" in q.tag for q in parses[i + 1]):
            parses[i] = adjective + [q for q in parses[i] if "ADJF" not in q.tag]
    verbs, types = _index("goal_verbs", "ru"), _index("type_words", "ru")
    reading = Reading()
    lemma = [_best(p).normal_form.replace("ё", "е") for p in parses]
    if lemma and types.get(lemma[0]) == "why":
        reading.goal = "why"
    i = 0
    while i < len(words):
        p = _best(parses[i], after_preposition=i > 0 and "PREP" in _best(parses[i - 1]).tag)
        low = p.normal_form.replace("ё", "е")
        if p.tag.POS in ("VERB", "INFN", "PRTS", "ADJS") and low in verbs and not reading.goal or (
                low in verbs and verbs[low] in ("learn", "fear") and reading.goal == "why"):
            _russian_goal(reading, verbs[low], words, parses, i)
            reading.lost = reading.lost or low in LOST_RU  # «Как зайчонок потерял варежку»: his own, lost at home
            i += 1
            continue
        if sound_of(low, "ru") and p.tag.POS in ("VERB", "INFN", "NOUN"):  # «Кто плачет…», «Шорох в траве»
            _heard(reading, sound_of(low, "ru"), who_asks=lemma[0] in ("кто", "что") or p.tag.POS == "NOUN")  # «Зайчик и шорох»
            if reading.sound:
                i += 1
                continue
        if reading.sound and p.tag.POS == "NOUN" and i > 0 and words[i - 1].lower() in PLACE_PREPOSITIONS_RU \
                and "anim" not in p.tag and kind_of(low, "ru") is None:  # «в камышах»: where the sound is heard
            start, end = _name_span(words, parses, i, p)
            reading.places.append(thing_named(_phrase_nominative(words, parses, start, i), p))
            i = end
            continue
        if low in LOST_RU and p.tag.POS in ("ADJF", "PRTF"):  # «пропавший ключ»: a thing to find
            reading.goal, reading.lost = reading.goal or "seek", True
            i += 1
            continue
        if types.get(low) in ("mystery", "farewell") and not reading.goal:
            reading.goal = types[low]
        if types.get(low) == "big":
            reading.big = True
        if "ADJF" in p.tag and "Poss" in p.tag:  # «дедушкины часы», «заюшкина избушка»
            owner = _possessor(p.normal_form)
            if owner:
                reading.characters.append(owner)
                reading.owner = owner.name
            i += 1
            continue
        if p.tag.POS != "NOUN":
            i += 1
            continue
        kind = kind_of(low, "ru")
        start, end = _name_span(words, parses, i, p)
        if start < i:  # «летучая мышь» is a bat, whatever a мышь is
            kind = kind_of(_phrase_nominative(words, parses, start, i), "ru") or kind
        if reading.thing is not None and _phrase_nominative(words, parses, start, i) == reading.thing.name:
            i = end  # the goal's thing, read with its verb («искал маму»)
            continue
        named_so = i > 0 and words[i][:1].isupper() and any("anim" in q.tag for q in parses[i])  # «Как Тимошка…»
        if ("anim" in p.tag or kind is not None or named_so) and low not in NOT_CHARACTERS_RU and low not in PLACES_RU \
                and thing_class(low, "ru") != "tree":  # «старого дуба» is an oak, not a dullard
            reading.characters.append(_named(words, parses, start, end, p, kind))
        elif low in PLACES_RU:
            reading.places.append(thing_named(_phrase_nominative(words, parses, start, i), p))
        elif types.get(low) not in ("mystery", "farewell", "why") and low not in NOT_THINGS_RU:
            thing = thing_named(_phrase_nominative(words, parses, start, i), p)
            reading.objects.append(thing)
            if types.get(low) == "shelter":
                reading.shelter = True
        i = end
    if reading.thing_class == "skill" and " " in reading.thing.name:  # «ловить рыбу»: the fish is what is caught
        said = {morph().parse(w)[0].normal_form for w in reading.thing.name.split()} | set(reading.thing.name.split())
        reading.characters = [c for c in reading.characters if c.name not in said]
        reading.objects = [o for o in reading.objects if not set(o.name.split()) & said]
    if reading.goal == "why" and reading.thing is None:
        _russian_feature(reading, words, parses)
    if reading.thing is None and reading.objects and reading.goal in ("seek", "want", "rescue", "fear", "mystery",
                                                                      "farewell", ""):
        reading.thing = reading.objects[0]  # «Мышка и сыр», «Дедушкины часы»: the tale is about the thing named
    if reading.thing is not None and not reading.thing_class:
        reading.thing_class = thing_class(reading.thing.name.split()[-1], "ru")
    return reading


def _best(parses, after_preposition: bool = False):
    """A title names its characters in the nominative: «Змей» is a serpent, not "of snakes";
    after a preposition the oblique reading stands («у зайца»)."""
    possessive = next((p for p in parses if {"ADJF", "Poss"} in p.tag), None)
    if possessive is not None:  # «Бабушкина корзинка»: grandmother's, not a woman called Babushkina
        return possessive
    if after_preposition and "ADJF" not in parses[0].tag and any("NOUN" in p.tag for p in parses):
        # «у белки» is one squirrel's, not «белки» the squirrels: no nominative after a preposition;
        # «у рыси» is a lynx's, though pymorphy reads «рыси» first as a verb
        oblique = [p for p in parses if "NOUN" in p.tag and "nomn" not in p.tag]
        return next((p for p in oblique if kind_of(p.normal_form, "ru")), oblique[0] if oblique else parses[0])
    if "NOUN" not in parses[0].tag:  # «сорока» is a magpie before it is "of forty"
        return next((p for p in parses if "NOUN" in p.tag and "nomn" in p.tag and kind_of(p.normal_form, "ru")),
                    parses[0])
    nominative = next((p for p in parses if "nomn" in p.tag and "NOUN" in p.tag), parses[0])
    if not kind_of(nominative.normal_form, "ru"):  # «боялся мышей»: mice, not a noun «мышей» nobody knows
        return next((p for p in parses if "NOUN" in p.tag and kind_of(p.normal_form, "ru")), nominative)
    return nominative


def _gender(p) -> str:
    return "plural" if p.tag.number == "plur" else GENDERS.get(p.tag.gender, "male")


def thing_named(nominative: str, p) -> Named:
    """A thing with the gender and number of its own nominative: «лета» in «день лета» is
    «лето» (neuter, not the river Лета); «старой мельницы» is one mill, «грибы» are many."""
    head = nominative.split()[-1]
    own = next((q for q in morph().parse(head) if "NOUN" in q.tag and "nomn" in q.tag and q.word == head), None)
    return Named(nominative, _gender(own if own is not None else p))


def _name_span(words, parses, i, p) -> tuple[int, int]:
    start, end = i, i + 1
    while start > 0 and ("ADJF" in _best(parses[start - 1]).tag and "Poss" not in _best(parses[start - 1]).tag
                         and _best(parses[start - 1]).normal_form not in LOST_RU | LAST_RU or "NUMR" in _best(parses[start - 1]).tag):
        start -= 1  # «серый волк», «семеро козлят», «старой мельницы»
    while end < len(words) and words[end][0].isupper() and (
            "ADJF" in _best(parses[end]).tag or "NOUN" in _best(parses[end]).tag and (
            "Name" in p.tag or {"Name", "Patr", "Surn"} & _best(parses[end]).tag.grammemes)):
        end += 1  # «Кощей Бессмертный», «Илья Муромец», «Курочка Ряба»
    return start, end


def _named(words, parses, start, end, p, kind) -> Named:
    if start < i_of(parses, start, end) and "NUMR" in _best(parses[start]).tag:
        return Named(" ".join(words[start:end]).lower(), "plural", kind)  # «семеро козлят» as the title says
    nominative = "nomn" in p.tag and all("nomn" in _best(parses[j]).tag or "NUMR" in _best(parses[j]).tag
                                         for j in range(start, end))
    name = " ".join(words[start:end]) if nominative else _phrase_nominative(words, parses, start, end - 1)
    named_so = start > 0 and kind is None and words[start][:1].isupper()  # «Алёша Попович и Тугарин»: a name
    proper = "Name" in p.tag or named_so or (end - start > 1 and words[end - 1][0].isupper() and start > 0) or bool(
        kind and any(w[:1].isupper() for w in kind.ru if w.lower() == name.lower()))
    if not ("Name" in p.tag or named_so or "-" in name and name[0].isupper() and start > 0
            or any(w[0].isupper() for w in words[start + 1:end])):
        name = name[0].lower() + name[1:]  # a common noun: lower case inside sentences («лиса»)
        proper = False
    return Named(name, _gender(p), kind, proper)


def i_of(parses, start, end) -> int:
    """The head noun's place in a span: its last noun."""
    return max((j for j in range(start, end) if "NOUN" in _best(parses[j]).tag), default=start)


def _phrase_nominative(words, parses, start, head) -> str:
    """«старой мельницы» → «старая мельница»: the head noun in the nominative, its adjectives agreeing."""
    # «у рыси», «тайна мельницы»: after a preposition or a noun, oblique; first, «ложка» is a spoon, not «ложок»
    before = [_best(q).tag.POS for q in parses[max(0, start - 2):start]]
    oblique = bool(before) and (before[-1] in ("PREP", "VERB", "INFN") or before[-1] == "NOUN" and before[:1] != ["PREP"])
    p = _best(parses[head], after_preposition=oblique)
    if "nomn" in p.tag:
        return " ".join(words[start:head + 1]).lower()
    number = p.tag.number or "sing"
    out = []
    for j in range(start, head + 1):
        q = _best(parses[j], after_preposition=oblique)
        wanted = {"nomn", number} | ({p.tag.gender} if number == "sing" and "ADJF" in q.tag and p.tag.gender else set())
        form = q.inflect(wanted) or q.inflect({"nomn"})
        out.append(form.word if form else words[j].lower())
    return " ".join(out)


def _possessor(adjective: str) -> Named | None:
    """«дедушкин» → дедушка, «заюшкин» → заюшка (a hare)."""
    stem = re.sub(r"(ин|ов|ев)$", "", adjective)
    for ending in ("а", "я", ""):
        word = stem + ending
        for q in morph().parse(word):
            if "NOUN" in q.tag and "nomn" in q.tag and q.normal_form == word and ("anim" in q.tag or kind_of(word, "ru")):
                return Named(word, _gender(q), kind_of(word, "ru"))
    return None


def _russian_goal(reading: Reading, goal: str, words, parses, i: int) -> None:
    """The verb's goal, and what it is about: the noun or infinitive after it."""
    reading.goal = {"cannot": "learn", "help": "help"}.get(goal, goal) if reading.goal != "why" else "why"
    for j in range(i + 1, len(words)):
        q = _best(parses[j], after_preposition=True)
        two = " ".join(words[j:j + 2]).lower()
        if j + 1 < len(words) and skill_of(two, "ru"):  # «ловить рыбу», «печь пироги» (not the stove)
            reading.skill, reading.thing, reading.thing_class = skill_of(two, "ru"), Named(two, "neuter"), "skill"
            reading.goal = "learn" if reading.goal != "why" else "why"
            return
        if q.tag.POS == "INFN":
            skill = skill_of(q.normal_form, "ru")
            if not skill and goal != "learn":
                continue  # «хотел поймать луну»: the thing wanted comes after
            reading.skill = skill or q.normal_form
            reading.thing = Named(q.normal_form, "neuter")
            reading.thing_class = "skill"
            if reading.goal != "why":
                reading.goal = "learn"
            return
        if q.tag.POS == "NOUN":
            start, _ = _name_span(words, parses, j, q)
            low = q.normal_form.replace("ё", "е")
            if goal in ("rescue", "help", "fear", "befriend") and ("anim" in q.tag or kind_of(low, "ru")):
                return  # the friend to rescue or the one feared is a character: read as such
            reading.thing = Named(_phrase_nominative(words, parses, start, j), _gender(q))
            reading.thing_class = thing_class(low, "ru")
            return


def _russian_feature(reading: Reading, words, parses) -> None:
    """«Почему у зайца длинные уши»: the feature is the noun phrase that is not the owner."""
    owner = reading.characters[0].name if reading.characters else ""
    for j, parse in enumerate(parses):
        q = _best(parse)
        if q.tag.POS == "NOUN" and q.normal_form != owner and not kind_of(q.normal_form, "ru") and "nomn" in q.tag:
            start, _ = _name_span(words, parses, j, q)
            reading.thing = Named(" ".join(words[start:j + 1]).lower(), _gender(q))
            reading.thing_class = "feature"
            reading.owner = owner
            reading.objects = [o for o in reading.objects if o.name != reading.thing.name]
            return
    for parse in parses:  # «Почему лягушка квакает»: a sound of its own — the voice is what the tale explains
        q = parse[0]
        if q.tag.POS == "VERB" and skill_of(q.normal_form, "ru") and words_table()["skills"][skill_of(q.normal_form, "ru")].get("voice"):
            reading.thing, reading.thing_class, reading.owner = Named("голос", "male"), "feature", owner
            return
    for parse in parses:  # «Почему лиса рыжая»: a colour, no noun — the hare's coat is
        q = parse[0]
        if q.tag.POS in ("ADJF", "ADJS") and q.normal_form not in words_table()["type_words"]["why"]["ru"]:
            reading.thing = _covered(q.normal_form, reading.hero, "ru")
            reading.thing_class, reading.owner = "feature", owner
            return


COVERS = {"ru": {"fly": ("перья", "plural"), "swim": ("чешуя", "female"), "": ("шубка", "female")},
          "en": {"fly": ("feathers", "plural"), "swim": ("scales", "plural"), "": ("coat", "neuter")}}


def _covered(adjective: str, owner: Named | None, lang: str) -> Named:
    """A colour is the colour of something: a bird's feathers, a fish's scales, anyone else's coat
    («рыжая шубка», "black feathers"), so the tale can say what was painted."""
    moves = owner.kind.moves if owner and owner.kind else ""
    noun, gender = COVERS[lang].get(moves, COVERS[lang][""])
    if lang == "en":
        return Named(f"{adjective} {noun}", gender)
    parse = next((p for p in morph().parse(adjective) if "ADJF" in p.tag), None)
    wanted = {"nomn", "plur"} if gender == "plural" else {"nomn", "sing", {"female": "femn", "male": "masc"}.get(gender, "neut")}
    form = parse.inflect(wanted) if parse else None
    return Named(f"{form.word if form else adjective} {noun}", gender)


# English ----------------------------------------------------------------------------

SMALL_EN = set("""the a an and or of in on at to with from for by how why who what where when which that this
his her its their my your our is was were be been being had has have do did does not no never ever
tale story under over into out up down off through behind beside near far very so too once upon""".split())
ADJECTIVES_EN = set("""little big small old young grey gray brave wise red white black golden silver great clever
silly kind tiny giant enormous huge last first lonely sleepy hungry lazy busy proud shy curious magic
magical happy sad angry dark bright secret strange lost new tall short long fat thin poor rich good bad
green blue yellow brown pink purple orange bushy fluffy furry woolly shaggy soft thick prickly spiky loud
hoarse""".split()) | {w for t in words_table()["traits"].values() for w in t["en"]} | set(
    words_table()["magic"]["words"]["en"])
NUMBERS_EN = set("one two three four five six seven eight nine ten eleven twelve".split())
PLACES_EN = {"forest", "wood", "woods", "field", "river", "sea", "lake", "pond", "marsh", "swamp", "mountain", "hill",
             "cave", "mill", "castle", "tower", "village", "garden", "meadow", "island", "well", "bridge", "attic",
             "cellar", "stairs", "staircase", "city", "town", "kingdom", "shore", "barn", "farm", "road", "wall",
             "palace", "valley", "desert", "jungle", "orchard", "school", "shed", "loft", "basement", "pantry", "closet",
             "lighthouse", "library", "grove", "meadow", "hollow", "chimney"}
PARENTS_EN = {"papa": "male", "dad": "male", "daddy": "male", "father": "male", "mama": "female", "mom": "female",
              "mum": "female", "mummy": "female", "mommy": "female", "mother": "female"}  # no kind of their own: said as names
FAMILY_EN = {"grandpa", "grandma", "granny", "grandad", "grandfather", "grandmother", "mother", "father", "mum", "mom", "dad"}
NOT_THINGS_EN = {"day", "night", "morning", "evening", "year", "time", "life"}
FEATURES_EN = {"stripes", "spots", "trunk", "neck", "tail", "ears", "shell", "horn", "horns", "hump", "spines",
               "quills", "voice", "colours", "colors", "feathers", "mane", "pouch", "legs", "nose", "whiskers", "fur",
               "wool", "coat", "fleece", "eyes", "prickles", "claws", "beak", "wings"}


def _read_english(title: str) -> Reading:
    reading = Reading()
    owner_of = re.search(r"\b([A-Za-z]+)['’]s\b", title)  # "The Snowman's Last Day"
    text = re.sub(r"['’]s\b", "", title)
    words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)
    low = [w.lower() for w in words]
    verbs, types = _index("goal_verbs", "en"), _index("type_words", "en")
    if low and low[0] == "why" or re.match(r"how\b.*\b(got|get|gets|came to have)\b", " ".join(low)):
        reading.goal = "why"
    i, after_verb = 0, ""
    while i < len(words):
        word, w = words[i], low[i]
        if i > 0 and low[i - 1] in ("who", "that") and w not in verbs and not (i == 1 and sound_of(w, "en")):
            i += 1  # "The Boy Who Cried Wolf": a verb of the hero's, not a thing ("Who Knocks…" asks about a sound)
            continue
        if w in ADJECTIVES_EN and i == len(words) - 1 and (after_verb or reading.goal == "why"):
            reading.thing = reading.thing or Named(w, "neuter")  # "afraid of the dark": the dark
            reading.objects.append(reading.thing)
            i += 1
            continue
        if owner_of and w == owner_of.group(1).lower() and w in PARENTS_EN:  # "Papa's Old Umbrella": Papa owns it
            reading.characters.append(Named(w.capitalize(), PARENTS_EN[w], None, proper=True))
            reading.owner = reading.characters[-1].name
            i += 1
            continue
        span = _english_kind_span(words, i) if not (i > 0 and low[i - 1] == "to") else None
        if span and span[1].name in SKY_KINDS and after_verb:
            span = None  # "The Fox Who Wanted the Star": a thing to want
        if span:
            end, kind, name = span
            plural = is_plural_en(words[end - 1]) and not (  # "the moose", "a sheep": one; "afraid of sheep": many
                english_singular(words[end - 1].lower()) == words[end - 1].lower() and i > 0 and low[i - 1] in ("the", "a", "an", "one"))
            previous = reading.characters[-1] if reading.characters else None
            if reading.goal == "why" and previous and previous.kind and i > 0 and previous.name.split()[-1].lower() == low[i - 1]:
                i = end  # "Why the Bat Flies at Night": what the bat does, not a "bat fly"
                continue
            if previous and previous.kind and i > 0 and previous.name.split()[-1].lower() == low[i - 1]:
                previous.name = f"{previous.name} {name}"  # "the frog princess": one character
            else:
                reading.characters.append(Named(name, "plural" if plural else kind.gender_en, kind, proper=name[:1].isupper()))
            if owner_of and owner_of.group(1).lower() in name.lower():
                if name in FAMILY_EN:  # "Grandpa's Clock": said as a name, "lived with Grandpa"
                    reading.characters[-1].name, reading.characters[-1].proper = name.capitalize(), True
                reading.owner = reading.characters[-1].name
            i = end
            continue
        if w == "lost" and reading.characters and i > 0 and (
                low[i - 1] == reading.characters[-1].name.split()[-1].lower() or low[i - 1] in ("who", "that")):
            reading.goal, after_verb = reading.goal or "seek", "seek"  # "The Bunny Who Lost His Hat": his own, lost
            reading.lost = True
            i += 1
            continue
        if w == "lost" and not (i > 0 and low[i - 1] in ("who", "that", "to")):  # "The Lost Key": a thing to find
            reading.goal, reading.lost = reading.goal or "seek", True
            i += 1
            continue
        if w == "friends" and not (i > 0 and low[i - 1] in ("made", "make", "makes", "became", "become")):
            pass  # "The Three Friends" are friends; "made friends with" is a goal
        elif w in verbs and (w not in ("long", "found", "lost", "look", "free") or i > 0 and low[i - 1] in ("who", "that", "to")) \
                and not (after_verb == "learn" and skill_of(w, "en")):
            goal = verbs[w]
            if goal == "got" and reading.goal == "why":
                after_verb = "why"
            elif goal == "cannot":
                reading.goal, after_verb = "learn", "learn"
            elif reading.goal != "why" or goal in ("learn",):
                reading.goal = reading.goal if reading.goal == "why" else goal
                after_verb = goal
            i += 1
            continue
        if sound_of(w, "en") and not (i > 0 and low[i - 1] in ("magic", "silver", "golden", "tin", "little")):
            _heard(reading, sound_of(w, "en"), who_asks=low[0] in ("who", "what"))  # "The Whistle in the Woods"
            if reading.sound:  # a sound heard, not a thing to fetch ("The Magic Whistle" is one)
                i += 1
                continue
        if w in types and types[w] in ("mystery", "farewell") and not reading.goal:
            reading.goal = types[w]
        if w in types and types[w] == "big":
            reading.big = True
        a_skill = after_verb == "learn" and skill_of(w, "en")  # "Learned to Build": a skill, not a goal
        if w in SMALL_EN or w in ADJECTIVES_EN or w in NUMBERS_EN or w in types and types[w] in ("why",) or w in verbs and not a_skill or (
                _participle(w) and i + 1 < len(words)):  # "the Buried Treasure": buried says which treasure
            i += 1
            continue
        skill = skill_of(w, "en")
        if not reading.thing and (after_verb == "learn" or after_verb == "want" and skill and low[i - 1] == "to"):
            reading.skill = skill or w  # "learned to sing", "could not purr", "wanted to fly"
            reading.thing, reading.thing_class, reading.goal = Named(w, "neuter"), "skill", "learn"
            i += 1
            continue
        if after_verb == "want" and low[i - 1] == "to":
            i += 1  # "wanted to catch the moon": the thing wanted comes after
            continue
        previous = reading.characters[-1] if reading.characters else None
        if word[:1].isupper() and previous and previous.kind and previous.kind.person and not previous.proper \
                and i > 0 and low[i - 1] == previous.name.split()[-1]:
            previous.name, previous.proper = f"{words[i - 1]} {word}", True  # "Princess Mila", "King Bob": one person
            i += 1
            continue
        if word[:1].isupper() and not _common_en(w):  # a proper name: Ivan, Masha, Baba Yaga
            previous = reading.characters[-1] if reading.characters else None
            if previous and previous.proper and previous.kind is None and words[i - 1] == previous.name.split()[-1]:
                previous.name = f"{previous.name} {word}"

            else:
                reading.characters.append(Named(word, "female" if w.endswith(("a", "ie", "y")) else "male", None, True))
            i += 1
            continue
        if w in NOT_THINGS_EN or reading.sound and w == "night":
            i += 1
            continue
        before = [x for x in low[:i] if x not in ("the", "a", "an", "old", "dark", "little", "big")]
        if reading.sound and before and before[-1] in ("in", "under", "behind", "on", "by", "at", "inside") \
                and w not in ADJECTIVES_EN:  # "Crying in the Reeds": where the sound is heard
            reading.places.append(Named(_with_adjectives(low, i), "plural" if english_singular(w) != w else "neuter"))
            i += 1
            continue
        phrase = _with_adjectives(low, i)
        thing = Named(phrase, "plural" if english_singular(w) != w and w not in ("glass",) else "neuter")
        if w in PLACES_EN:
            reading.places.append(thing)
        elif w in types and types[w] in ("mystery", "farewell") and w not in ("shadow", "ghost", "monster", "noise", "dark",
                                                                              "whisper", "creak", "knock"):
            pass  # "secret", "last", "farewell": what kind of tale, not a thing in it
        else:
            reading.objects.append(thing)
            if types.get(w) == "shelter" or types.get(english_singular(w)) == "shelter":
                reading.shelter = True
            if after_verb and not reading.thing:
                reading.thing = thing
            elif reading.goal == "why" and w in FEATURES_EN and not reading.thing:
                reading.thing = thing
        i += 1
    if reading.thing is None and reading.objects and reading.goal in ("seek", "want", "fear", "mystery", "farewell", "why", ""):
        reading.thing = reading.objects[0]
    if reading.thing is not None and not reading.thing_class:
        head = english_singular(reading.thing.name.split()[-1])
        reading.thing_class = "feature" if reading.goal == "why" else thing_class(head, "en")
    if reading.goal == "why" and not reading.characters and len(reading.objects) >= 2 and reading.thing is not None \
            and reading.objects[0] is not reading.thing:  # "Why the Porcupine Has Quills": the one it has them is someone
        first = reading.objects.pop(0)
        reading.characters.append(Named(first.name, "male", None))
    if reading.goal == "why" and reading.characters and not reading.owner:
        reading.owner = reading.characters[0].name
    if reading.goal == "why" and reading.thing is not None and reading.thing.name in ADJECTIVES_EN:
        reading.thing = _covered(reading.thing.name, reading.hero, "en")  # "Why the Crow Is Black": black feathers
    return reading


def _english_kind_span(words: list[str], i: int) -> tuple[int, Kind, str] | None:
    """A kind starting at word i, longest first ("gingerbread man", "fox cub"), with the
    adjectives and numbers before it that belong to its name ("the seven kids")."""
    for n in (3, 2, 1):
        if i + n > len(words):
            continue
        phrase = " ".join(words[i:i + n]).lower()
        kind = kind_of(phrase, "en")
        if kind is None:
            continue
        start = i
        while start > 0 and words[start - 1].lower() in ADJECTIVES_EN | NUMBERS_EN and words[start - 1].lower() != "last":
            start -= 1
        before = words[start - 1] if start > 0 else ""
        if before[:1].isupper() and before.lower() not in SMALL_EN | ADJECTIVES_EN and not kind_of(before, "en") \
                and not _common_en(before.lower()):
            start -= 1  # "Baba Yaga", "Tsar Saltan"
        name_words = words[start:i + n]
        if any(w[:1].isupper() and w.lower() not in ADJECTIVES_EN and not _common_en(w.lower()) for w in name_words):
            return i + n, kind, " ".join(name_words)  # "Baba Yaga", "Tsar Saltan": a proper name as written
        return i + n, kind, " ".join(w.lower() for w in name_words)
    return None


@lru_cache(maxsize=4096)
def _common_en(word: str) -> bool:
    """A word of the English dictionary in lower case (a proper name is not): hunspell's en_US."""
    from digitales.text.spelling import hunspell

    checker = hunspell("en")
    if checker is None:
        return word in SMALL_EN | ADJECTIVES_EN | PLACES_EN
    return bool(checker.lookup(word.lower()))


def _participle(word: str) -> bool:
    """"buried", "hidden", "painted": an -ed or -en word before a noun describes it."""
    return len(word) > 4 and word.endswith(("ed", "den")) and word not in _index("goal_verbs", "en")


def _with_adjectives(low: list[str], i: int) -> str:
    start = i
    while start > 0 and (low[start - 1] in ADJECTIVES_EN - {"last", "secret", "first", "lost"} or _participle(low[start - 1])):
        start -= 1
    return " ".join(low[start:i + 1])
