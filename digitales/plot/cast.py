"""The cast: the characters a title names, then the roles its genre still needs.

Russian titles are read with pymorphy3: animate nouns (and the fairy-tale folk it
calls inanimate, like Колобок) become characters with their grammatical gender;
an adjective before a noun ("серый волк") or a capitalised epithet after it
("Кощей Бессмертный") stays part of the name. English titles are read against the
same lexicon of kinds. Each character gets a look, drawn once by the seed, that
stays the same all tale long.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache

from digitales.plot.title_places import is_place_en


@dataclass(frozen=True)
class Kind:
    """A kind of character: its Russian lemmas, English words, gender in English, and looks."""

    name: str
    ru: tuple[str, ...]
    en: tuple[str, ...]
    gender: str  # the English default; Russian takes the noun's grammatical gender
    looks_ru: tuple[str, ...]
    looks_en: tuple[str, ...]


def _kind(name: str, ru: str, en: str, gender: str, looks_ru: str, looks_en: str) -> Kind:
    return Kind(name, tuple(ru.split(",")), tuple(en.split(",")), gender, tuple(looks_ru.split(";")), tuple(looks_en.split(";")))


KINDS = [
    _kind("fox", "лиса,лисица,лисичка,лис", "fox,vixen", "female",
          "рыжая, с пушистым белым кончиком хвоста;огненно-рыжая, в зелёном платочке;рыжая, с хитрыми жёлтыми глазами",
          "red, with a fluffy white-tipped tail;flame-red, in a green headscarf;red, with sly yellow eyes"),
    _kind("hare", "заяц,зайка,зайчик,заяц-беляк", "hare,rabbit,bunny", "male",
          "серый, с длинными ушами;белый, с чёрными кончиками ушей;серый, в синей жилетке",
          "gray, with long ears;white, with black-tipped ears;gray, in a blue waistcoat"),
    _kind("wolf", "волк,волчок,волчище", "wolf", "male",
          "серый, с жёлтыми глазами;тёмно-серый, с рваным ухом;серый, худой и зубастый",
          "gray, with yellow eyes;dark gray, with a torn ear;gray, lean and toothy"),
    _kind("bear", "медведь,мишка,медвежонок", "bear", "male",
          "бурый и косолапый;бурый, с мёдом на усах;огромный, тёмно-бурый",
          "brown and pigeon-toed;brown, with honey on his whiskers;huge and dark brown"),
    _kind("bun", "колобок", "bun,gingerbread", "male",
          "круглый, румяный, с весёлыми глазками;золотистый, поджаристый бочок",
          "round and rosy, with merry little eyes;golden, with a crispy side"),
    _kind("hen", "курочка,курица,ряба", "hen,chicken", "female",
          "пёстрая, в рябую крапинку;белая, с красным гребешком", "speckled all over;white, with a red comb"),
    _kind("cat", "кот,кошка,котик,котофей", "cat,kitten", "male",
          "рыжий, полосатый;чёрный, с белой манишкой;серый, пушистый", "ginger and striped;black, with a white bib;gray and fluffy"),
    _kind("dog", "пёс,собака,жучка,щенок", "dog,puppy", "male",
          "лохматый, с белым пятном на боку;маленький, чёрный и звонкий", "shaggy, with a white patch;small, black and loud"),
    _kind("mouse", "мышь,мышка,мышонок", "mouse", "female",
          "серенькая, с длинным хвостиком;маленькая, с розовым носиком", "small and gray, with a long tail;tiny, with a pink nose"),
    _kind("crow", "ворона,ворон", "crow,raven", "female",
          "чёрная, с блестящими перьями;серая, с крепким клювом", "black, with shiny feathers;gray, with a strong beak"),
    _kind("owl", "сова,филин,совушка", "owl", "female",
          "большая, с круглыми глазами;серая, мудрая, в очках", "big, with round eyes;gray and wise, wearing spectacles"),
    _kind("frog", "лягушка,жаба,царевна-лягушка,лягушонок", "frog,toad", "female",
          "зелёная, с золотой короной;маленькая, пятнистая", "green, with a little golden crown;small and spotted"),
    _kind("goat", "коза,козёл,козлёнок,козочка", "goat,kid", "female",
          "белая, с колокольчиком;серая, рогатая", "white, with a little bell;gray, with horns"),
    _kind("hedgehog", "ёж,ёжик", "hedgehog", "male", "колючий, с яблоком на спине", "prickly, with an apple on his back"),
    _kind("horse", "конь,лошадь,конёк,конёк-горбунок", "horse,pony", "male",
          "белый, с длинной гривой;вороной, быстрый как ветер", "white, with a long mane;jet black and swift as the wind"),
    _kind("swan", "лебедь,гусь,гусь-лебедь,гуси-лебеди", "swan,goose", "female",
          "белоснежный, с гордой шеей", "snow-white, with a proud neck"),
    _kind("firebird", "жар-птица", "firebird", "female", "золотая, с огненным хвостом", "golden, with a tail of fire"),
    _kind("dragon", "Змей Горыныч,змей,змей-горыныч,горыныч,дракон", "dragon,serpent", "male",
          "зелёный, трёхголовый;огромный, с медной чешуёй", "green and three-headed;huge, with copper scales"),
    _kind("koschei", "Кощей Бессмертный,кощей", "Koschei the Deathless,koschei", "male", "худой, в чёрном плаще и железной короне", "thin, in a black cloak and an iron crown"),
    _kind("witch", "Баба-яга,баба-яга,яга,ведьма,колдунья", "witch,hag", "female",
          "с длинным носом, в лоскутном платке, в ступе;старая, с костяной ногой и метлой",
          "long-nosed, in a patchwork shawl, riding a mortar;old, with a bony leg and a broom"),
    _kind("grandfather", "дед,дедушка,старик,старичок", "grandfather,old man,grandpa", "male",
          "седой, с длинной бородой;в валенках и тулупе", "white-haired, with a long beard;in felt boots and a sheepskin coat"),
    _kind("grandmother", "бабушка,баба,бабка,старуха,старушка", "grandmother,old woman,grandma", "female",
          "в цветастом платке;добрая, в очках и переднике", "in a flowery headscarf;kind, in spectacles and an apron"),
    _kind("girl", "девочка,маша,машенька,алёнушка,девица,снегурочка,внучка", "girl,maiden", "female",
          "с длинной русой косой;в красном сарафане;в голубой шубке", "with a long fair braid;in a red sarafan;in a pale blue coat"),
    _kind("boy", "мальчик,иван,иванушка,ваня,емеля,мальчик-с-пальчик", "boy,lad", "male",
          "в красной рубахе;вихрастый, в лаптях", "in a red shirt;tousle-haired, in bast shoes"),
    _kind("hero", "богатырь,илья,муромец,добрыня,алёша,витязь", "hero,knight,warrior", "male",
          "в кольчуге, с тяжёлой палицей;в шлеме, на белом коне", "in chain mail, with a heavy mace;in a helmet, on a white horse"),
    _kind("tsar", "князь Владимир,царь,король,князь", "king,tsar,prince", "male", "в золотой короне и красном плаще", "in a golden crown and a red cloak"),
    _kind("tsarevna", "царевна,королевна,принцесса,василиса", "princess,tsarevna", "female",
          "в жемчужном кокошнике;в серебряном платье", "in a pearl headdress;in a silver dress"),
    _kind("robber", "разбойник,соловей-разбойник,боярин", "robber,bandit,lord", "male",
          "с чёрной бородой и свистом как буря;в богатой шубе, хвастливый", "black-bearded, with a whistle like a storm;in a rich fur coat, boastful"),
    _kind("ghost", "призрак,привидение,тень,домовой,леший", "ghost,shadow,goblin", "male",
          "лохматый, с глазами-угольками;прозрачный, как туман", "shaggy, with eyes like embers;see-through, like mist"),
]

# Who fills a role when the title names nobody for it: a kind per role, per genre flavour.
STOCK = {
    "hero": ("boy", "girl", "hare", "hedgehog"),
    "antagonist": ("wolf", "fox", "koschei", "dragon", "witch", "bear"),
    "donor": ("grandmother", "owl", "grandfather"),
    "helper": ("crow", "mouse", "horse", "cat", "dog"),
    "false_hero": ("robber",),
    "princess": ("tsarevna",),
    "prince": ("tsar",),
}
GENRE_STOCK = {  # genres that want other people than the fairy tale's
    "bylina": {"hero": ("hero",), "antagonist": ("robber", "dragon"), "helper": ("horse",)},
    "horror": {"antagonist": ("ghost", "owl")},
    "fable": {"hero": ("crow", "hare", "goat", "mouse"), "antagonist": ("fox", "wolf", "cat")},
}

VILLAINS = {"koschei", "dragon", "witch", "robber", "ghost"}  # always the antagonist
TRICKSTERS = {"fox", "wolf", "bear", "cat"}  # the antagonist next to an innocent ("Лиса и заяц"); alone, the hero
# Stock people get a name of their own (drawn by the seed), so two tales with a stock hero differ.
STOCK_NAMES = {
    "girl": ("Машенька Алёнушка Настенька Дарьюшка Василиса Любава", "Molly Anna Lucy Kate Rose Ella"),
    "boy": ("Ванюша Петя Федя Иванушка Егорка Никита", "Tom Jack Peter Sam Ben Oliver"),
    "hero": ("Добрыня Никитич|Алёша Попович|Микула Селянинович|Вольга Святославович|Василий Буслаевич|Иван Годинович",
             "Dobrynya|Alyosha|Mikula|Volga|Vasily|Ivan"),
}
_KIND_OF_RU = {lemma.lower(): k for k in KINDS for lemma in k.ru}
_KIND_OF_EN = {word.lower(): k for k in KINDS for word in k.en}
GENDERS = {"masc": "male", "femn": "female", "neut": "neuter"}


@dataclass
class CastMember:
    name: str  # as the tale calls them: nominative (Russian), without an article (English)
    proper: bool  # a proper name (Баба-яга, Ivan): capitalised, no article in English
    role: str
    gender: str
    kind: str
    look: str
    from_title: bool


@lru_cache(maxsize=1)
def morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def title_characters(title: str, lang: str) -> list[tuple[str, str, Kind | None]]:
    """(name, gender, kind) for each character the title names, in order; a common noun's
    name is in lower case ("лиса", "fox"), a proper name as written."""
    return _russian(title) if lang == "ru" else _english(title)


def _russian(title: str) -> list[tuple[str, str, Kind | None]]:
    words = re.findall(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", title)
    parses = [_nominative(w) for w in words]
    found, i = [], 0
    while i < len(words):
        p = parses[i]
        kind = _KIND_OF_RU.get(p.normal_form.replace("ё", "е")) or _KIND_OF_RU.get(p.normal_form)
        if "NOUN" in p.tag and ("anim" in p.tag or kind is not None):
            start, end = i, i + 1
            while start > 0 and ("ADJF" in parses[start - 1].tag and parses[start - 1].tag.gender == p.tag.gender
                                 or "NUMR" in parses[start - 1].tag):
                start -= 1  # "серый волк", "семеро козлят"
            while end < len(words) and words[end][0].isupper() and (
                    "ADJF" in parses[end].tag or "NOUN" in parses[end].tag and (
                        "Name" in p.tag or {"Name", "Patr", "Surn"} & parses[end].tag.grammemes)):
                end += 1  # "Кощей Бессмертный", "Илья Муромец", "Курочка Ряба", "Змей Горыныч"
            name = " ".join(words[start:end])
            gender = GENDERS.get(p.tag.gender, "unknown")
            if p.tag.number == "plur":
                gender = "plural"
            if start == 0 and "Name" not in p.tag and end == i + 1:
                name = name[0].lower() + name[1:]  # a common noun: lower case inside sentences ("лиса")
            found.append((name, gender, kind))
            i = end
        else:
            i += 1
    return found


def _nominative(word: str):
    """A title names its characters in the nominative: "Змей" is a serpent, not "of snakes"."""
    parses = morph().parse(word)
    if "NOUN" not in parses[0].tag:
        return parses[0]  # "и" is a conjunction, whatever rarer readings it has
    return next((p for p in parses if "nomn" in p.tag and "NOUN" in p.tag), parses[0])


ENGLISH_SMALL_WORDS = set("the a an and of in on at to with from for by how why who what where when tale story".split())


# Capitalised title words that are not anyone's name.
ENGLISH_NOT_NAMES = set("journey adventure adventures secret gift song dream treasure wish riddle promise night day "
                        "winter summer spring autumn morning evening magic lesson".split())
# Words before a kind that belong to its name, in lower case: "the seven kids", "the gray wolf".
ENGLISH_EPITHETS = set("one two three four five six seven eight nine ten eleven twelve little big small old young grey gray "
                       "brave wise red white black golden silver great clever silly kind".split())


def _kind_en(word: str) -> Kind | None:
    return _KIND_OF_EN.get(word.lower()) or _KIND_OF_EN.get(word.lower().rstrip("s"))


def _english(title: str) -> list[tuple[str, str, Kind | None]]:
    words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", re.sub(r"['’]s\b", "", title))  # "The Hedgehog's Journey"
    found = []
    for i, word in enumerate(words):
        kind = _kind_en(word)
        following = _kind_en(words[i + 1]) if i + 1 < len(words) else None
        low = word.lower()
        if kind is None and word[0].isupper() and following is None and low not in ENGLISH_SMALL_WORDS | ENGLISH_NOT_NAMES \
                | ENGLISH_EPITHETS and not is_place_en(word):
            found.append((word, "female" if low.endswith(("a", "ie", "y")) else "male", None))  # a name: Ivan, Masha
        elif kind is not None:
            before = words[i - 1].lower() if i else ""
            plural = low not in (kind.en if kind else ()) and low.endswith("s")
            if before in ENGLISH_EPITHETS:
                name = f"{before} {low}"
            elif i > 0 and before not in ENGLISH_SMALL_WORDS and words[i - 1][0].isupper() and _kind_en(words[i - 1]) is None:
                name = f"{words[i - 1]} {word}"  # "Baba Yaga", "Tsar Saltan"
            else:
                name = low
            if found and found[-1][2] is None and found[-1][0] == words[i - 1]:
                found.pop()  # the word before was part of this name
            elif found and i > 0 and found[-1][0].split()[-1] == words[i - 1].lower() and _kind_en(words[i - 1]):
                name = f"{found.pop()[0]} {low}"  # "the frog princess": one character
            found.append((name, "plural" if plural else kind.gender, kind))
    return found


def cast_for(title: str, lang: str, genre: str, roles: tuple[str, ...], seed: int) -> list[CastMember]:
    """The title's characters take their roles; stock characters fill the rest.

    "Лиса и заяц": the hare is the hero, the fox the antagonist. "Кощей Бессмертный":
    Koschei is the antagonist and a stock hero sets out against him."""
    rng = random.Random(f"{seed}:{title}:cast")
    named = title_characters(title, lang)
    innocent = any(k is None or k.name not in VILLAINS | TRICKSTERS for _, _, k in named)
    bad = VILLAINS | (TRICKSTERS if innocent else set())
    heroes = [c for c in named if not (c[2] and c[2].name in bad)]
    villains = [c for c in named if c[2] and c[2].name in bad]
    chosen_for = {"hero": heroes[:1], "antagonist": villains[:1] if "antagonist" in roles else []}
    others = heroes[1:] + villains[1 if "antagonist" in roles else 0:]  # everyone the title names takes a role
    members: list[CastMember] = []
    used_kinds = {k.name for _, _, k in named if k}
    for role in roles:
        if chosen_for.get(role):
            name, gender, kind = chosen_for[role][0]
            from_title = True
        elif others and role != "hero":  # a title character before any stock one
            name, gender, kind = others.pop(0)
            from_title = True
        else:
            options = [k for k in GENRE_STOCK.get(genre, {}).get(role, STOCK[role]) if k not in used_kinds] or list(STOCK[role])
            picked = rng.choice(options)
            kind = next(k for k in KINDS if k.name == picked)
            name, gender, from_title = (kind.ru[0] if lang == "ru" else kind.en[0]), _stock_gender(kind, lang), False
            if kind.name in STOCK_NAMES:
                names = STOCK_NAMES[kind.name][0 if lang == "ru" else 1]
                name = rng.choice(names.split("|") if "|" in names else names.split())
        if kind:
            used_kinds.add(kind.name)
        look = _look(kind, lang, rng)
        if lang == "ru" and gender == "plural":
            look = _plural_look(look)
        members.append(CastMember(name, name[0].isupper(), role, gender, kind.name if kind else "person",
                                  look, from_title))
    return members


def _look(kind: Kind | None, lang: str, rng: random.Random) -> str:
    if kind is None:
        return rng.choice(["в дорожном плаще", "в вышитой рубахе"] if lang == "ru" else ["in a traveling cloak", "in an embroidered shirt"])
    return rng.choice(kind.looks_ru if lang == "ru" else kind.looks_en)


def _plural_look(look: str) -> str:
    """A look written for one ("белоснежный, с гордой шеей") said of many ("Гуси-лебеди"):
    adjectives standing alone go to the plural; phrases with a preposition or a noun
    ("с золотой короной", "поджаристый бочок") stay as they are."""
    parts = []
    for part in look.split(", "):
        words = part.split(" ")
        if "PREP" not in morph().parse(words[0])[0].tag:
            for i, word in enumerate(words):
                before_noun = i + 1 < len(words) and "NOUN" in morph().parse(words[i + 1])[0].tag
                parse = next((p for p in morph().parse(word) if {"ADJF", "nomn", "sing"} in p.tag), None)
                plural = parse.inflect({"plur", "nomn"}) if parse and not before_noun else None
                words[i] = plural.word if plural else word
        parts.append(" ".join(words))
    return ", ".join(parts)


def _stock_gender(kind: Kind, lang: str) -> str:
    if lang != "ru":
        return kind.gender
    return GENDERS.get(morph().parse(kind.ru[0])[0].tag.gender, kind.gender)
