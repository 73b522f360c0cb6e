"""The title read once: its characters, the hero's goal, the things and places it names."""

import pytest

from digitales.plot.premise import read_title

# title, language, characters (in order), goal, the goal's thing, objects, places
TITLES = [
    ("Как ёжик искал весну", "ru", ["ёжик"], "seek", "весна", [], []),
    ("Как медвежонок учился плавать", "ru", ["медвежонок"], "learn", "плавать", [], []),
    ("Почему у зайца длинные уши", "ru", ["заяц"], "why", "длинные уши", [], []),
    ("Почему заяц боится волка", "ru", ["заяц", "волк"], "why", None, [], []),
    ("Мышка и сыр", "ru", ["мышка"], "", "сыр", [], []),
    ("Лиса и заяц", "ru", ["лиса", "заяц"], "", None, [], []),
    ("Серый Волк и Иван-царевич", "ru", ["Серый Волк", "Иван-царевич"], "", None, [], []),
    ("Баба-яга", "ru", ["Баба-яга"], "", None, [], []),
    ("Кощей Бессмертный", "ru", ["Кощей Бессмертный"], "", None, [], []),
    ("Илья Муромец и Соловей-разбойник", "ru", ["Илья Муромец", "Соловей-разбойник"], "", None, [], []),
    ("Тайна старой мельницы", "ru", [], "mystery", None, [], ["старая мельница"]),
    ("Дедушкины часы", "ru", ["дедушка"], "", "часы", [], []),
    ("Как лисёнок искал маму", "ru", ["лисёнок"], "seek", "мама", [], []),
    ("Как слонёнок учился летать", "ru", ["слонёнок"], "learn", "летать", [], []),
    ("Последний день снеговика", "ru", ["снеговик"], "farewell", None, [], []),
    ("Волк и журавль", "ru", ["волк", "журавль"], "", None, [], []),
    ("Сундук в колодце", "ru", [], "", "сундук", [], ["колодец"]),
    ("Как белка потеряла орешек", "ru", ["белка"], "seek", "орешек", [], []),
    ("Ёжик в тумане", "ru", ["ёжик"], "fear", "туман", [], []),  # lost in the fog: a fear, not a thing to fetch or make
    ("Гуси-лебеди", "ru", ["гуси-лебеди"], "", None, [], []),
    ("Волк и семеро козлят", "ru", ["волк", "семеро козлят"], "", None, [], []),
    ("Как котёнок хотел поймать луну", "ru", ["котёнок"], "want", "луна", [], []),
    ("Маша и медведь", "ru", ["Маша", "медведь"], "", None, [], []),
    ("Храбрый заяц", "ru", ["храбрый заяц"], "", None, [], []),
    ("Кто живёт в лесу", "ru", [], "mystery", None, [], ["лес"]),  # a mystery of the forest at night
    ("Зайка и морковка", "ru", ["зайка"], "", "морковка", [], []),
    ("Как мышонок спас слона", "ru", ["мышонок", "слон"], "rescue", None, [], []),
    ("Ворона и лисица", "ru", ["ворона", "лисица"], "", None, [], []),
    ("Почему лиса рыжая", "ru", ["лиса"], "why", None, [], []),
    ("Медведь и пчёлы", "ru", ["медведь", "пчёлы"], "", None, [], []),
    ("The Owl Who Was Afraid of the Dark", "en", ["owl"], "fear", "dark", [], []),
    ("The Gingerbread Man", "en", ["gingerbread man"], "", None, [], []),
    ("How the Turtle Learned to Sing", "en", ["turtle"], "learn", "sing", [], []),
    ("The Snowman's Last Day", "en", ["snowman"], "farewell", None, [], []),
    ("The Fox Who Wanted the Moon", "en", ["fox"], "want", "moon", [], []),
    ("How the Zebra Got Its Stripes", "en", ["zebra"], "why", "stripes", [], []),
    ("The Kitten Who Could Not Purr", "en", ["kitten"], "learn", "purr", [], []),
    ("The Girl and the Lantern", "en", ["girl"], "magic", "lantern", [], []),  # a lantern that shows the way
    ("The Last Leaf of Autumn", "en", [], "farewell", "leaf", ["autumn"], []),
    ("The Shadow Under the Stairs", "en", [], "mystery", "shadow", [], ["stairs"]),
    ("The Fox and the Castle", "en", ["fox"], "", None, [], ["castle"]),
    ("Ivan and the Grey Wolf", "en", ["Ivan", "grey wolf"], "", None, [], []),
    ("The Three Little Pigs", "en", ["three little pigs"], "", None, [], []),
    ("The Lion and the Mouse", "en", ["lion", "mouse"], "", None, [], []),
    ("The Boy Who Cried Wolf", "en", ["boy", "wolf"], "", None, [], []),
    ("The Hedgehog Who Lost His Way", "en", ["hedgehog"], "seek", "way", [], []),
    ("The Mouse and the Cheese", "en", ["mouse"], "", "cheese", [], []),
    ("Why the Bear Has a Short Tail", "en", ["bear"], "why", "short tail", [], []),
    ("The Little Frog Who Wanted to Fly", "en", ["little frog"], "learn", "fly", [], []),
    ("The Secret of the Old Well", "en", [], "mystery", None, [], ["old well"]),
    ("Grandpa's Clock", "en", ["Grandpa"], "", "clock", [], []),
    ("The Rabbit Who Looked for Spring", "en", ["rabbit"], "seek", "spring", [], []),
    ("The Duckling Who Wanted the Stars", "en", ["duckling"], "want", "stars", [], []),
    ("The Bear and the Little Wren", "en", ["bear", "little wren"], "", None, [], []),
    ("Baba Yaga", "en", ["Baba Yaga"], "", None, [], []),
    ("The Frog Princess", "en", ["frog princess"], "", None, [], []),
    ("The Noise in the Attic", "en", [], "mystery", None, [], ["attic"]),
    ("The Ant and the Elephant", "en", ["ant", "elephant"], "", None, [], []),
    ("The Cat Who Wanted the Moon", "en", ["cat"], "want", "moon", [], []),
    ("Masha and the Bear", "en", ["Masha", "bear"], "", None, [], []),
    ("The Tortoise and the Hare", "en", ["tortoise", "hare"], "", None, [], []),
    ("The Brave Little Mouse", "en", ["brave little mouse"], "", None, [], []),
    ("Почему у белки пушистый хвост", "ru", ["белка"], "why", "пушистый хвост", [], []),
    ("Тайна тёмного чулана", "ru", [], "mystery", None, [], ["тёмный чулан"]),
    ("Пропавший ключ", "ru", [], "seek", "ключ", [], []),
    ("Последняя снежинка", "ru", [], "farewell", "снежинка", [], []),
    ("The Lost Red Mitten", "en", [], "seek", "red mitten", [], []),
    ("The Whisper in the Cellar", "en", [], "mystery", None, [], ["cellar"]),
    ("Тайна старого чердака", "ru", [], "mystery", None, [], ["старый чердак"]),
]

FUNCTION_WORDS = set("""the a an and of who was were is to in on at with how why what last day could not
как почему кто и в на с у о про""".split())


@pytest.mark.parametrize("title, lang, characters, goal, thing, objects, places", TITLES)
def test_a_title_reads_as_its_premise(title, lang, characters, goal, thing, objects, places):
    reading = read_title(title, lang)
    assert [c.name for c in reading.characters] == characters
    assert reading.goal == goal
    if thing is not None:
        assert reading.thing is not None and reading.thing.name == thing
    assert [o.name for o in reading.objects if not reading.thing or o.name != reading.thing.name] == objects
    assert [p.name for p in reading.places] == places


SOUNDS = [
    ("Кто плачет в камышах", "ru", "cry", ["камыши"]),
    ("Кто шуршит в траве", "ru", "rustle", ["трава"]),
    ("Кто воет в трубе", "ru", "howl", ["труба"]),
    ("Шорох в старом сарае", "ru", "rustle", ["старый сарай"]),
    ("The Whistle in the Woods", "en", "whistle", ["woods"]),
    ("Who Is Crying in the Reeds", "en", "cry", ["reeds"]),
    ("The Squeak Under the Old Bed", "en", "cry", ["old bed"]),
    ("The Noise in the Attic", "en", "knock", ["attic"]),
]


@pytest.mark.parametrize("title, lang, sound, places", SOUNDS)
def test_a_sound_in_the_title_is_what_the_mystery_is_about(title, lang, sound, places):
    """«Кто плачет в камышах»: a mystery about crying, heard in the reeds; the reeds are not feared."""
    reading = read_title(title, lang)
    assert (reading.goal, reading.sound) == ("mystery", sound)
    assert [p.name for p in reading.places] == places
    assert reading.thing is None and not reading.characters


@pytest.mark.parametrize("title, lang", [("The Girl Who Cried", "en"), ("The Magic Whistle", "en"),
                                         ("Волшебная дудочка", "ru"), ("Почему плачет ива", "ru")])
def test_a_sound_a_character_makes_or_a_thing_is_no_mystery(title, lang):
    assert read_title(title, lang).sound == ""


def test_a_first_noun_is_read_in_the_nominative():
    """«Волшебная ложка» is a spoon, not «ложок» (a gully's genitive)."""
    assert read_title("Волшебная ложка", "ru").thing.name == "волшебная ложка"
    assert read_title("Тайна старой мельницы", "ru").places[0].name == "старая мельница"


def test_there_are_sixty_titles_in_both_languages():
    assert len(TITLES) >= 60
    assert {lang for _, lang, *_ in TITLES} == {"ru", "en"}


@pytest.mark.parametrize("title, lang", [(t, lang) for t, lang, *_ in TITLES])
def test_no_function_word_is_ever_a_character(title, lang):
    for character in read_title(title, lang).characters:
        assert not set(character.name.lower().split()) <= FUNCTION_WORDS


def test_the_hero_of_an_unreadable_title_is_nobody_rather_than_nonsense():
    assert read_title("Was It Ever So", "en").characters == []
    assert read_title("И вот опять", "ru").characters == []


def test_kinds_and_genders_are_kept_from_the_title():
    reading = read_title("Как лисёнок искал маму", "ru")
    assert reading.hero.kind.name == "fox" and reading.hero.gender == "male"
    assert read_title("Мышка и сыр", "ru").hero.gender == "female"
    assert read_title("The Three Little Pigs", "en").hero.gender == "plural"


def test_after_a_preposition_a_character_is_one_not_many():
    squirrel = read_title("Почему у белки пушистый хвост", "ru").hero  # «белки» here is one squirrel's, not the squirrels
    assert squirrel.gender == "female" and squirrel.kind.name == "squirrel"


def test_a_lost_thing_is_something_to_find_not_a_house():
    for title, lang in [("The Lost Red Mitten", "en"), ("Потерянная варежка", "ru")]:
        reading = read_title(title, lang)
        assert reading.lost and reading.goal == "seek" and not reading.shelter


def test_a_hero_who_got_lost_looks_for_the_way_home_not_for_a_thing_called_lost():
    for title, lang, way in [("The Little Lamb Who Got Lost", "en", "way home"), ("Как зайчонок заблудился", "ru", "дорога домой")]:
        reading = read_title(title, lang)
        assert (reading.goal, reading.thing.name, reading.thing_class, reading.lost) == ("seek", way, "home", False)


@pytest.mark.parametrize("title, lang, hero, trait, goal", [
    ("Жадный хомяк", "ru", "хомяк", "greedy", "flaw"), ("Непослушная козочка", "ru", "козочка", "naughty", "flaw"),
    ("The Lazy Cub", "en", "cub", "lazy", "flaw"), ("The Greedy Hamster", "en", "hamster", "greedy", "flaw"),
    ("The Curious Little Elephant", "en", "little elephant", "curious", "flaw"),
    ("Как ленивый медвежонок учился плавать", "ru", "медвежонок", "lazy", "learn")])
def test_a_trait_before_the_hero_is_what_the_tale_turns_on_not_part_of_the_name(title, lang, hero, trait, goal):
    reading = read_title(title, lang)
    assert (reading.hero.name, reading.trait, reading.goal) == (hero, trait, goal)
    assert not reading.objects  # "greedy" was once a thing to look for


@pytest.mark.parametrize("title, lang, thing, magic", [
    ("Волшебная дудочка", "ru", "волшебная дудочка", "music"), ("Волшебный горшочек", "ru", "волшебный горшочек", "food"),
    ("Чудесная кисточка", "ru", "чудесная кисточка", "paint"), ("The Enchanted Ball of Yarn", "en", "enchanted ball", "way"),
    ("The Magic Key", "en", "magic key", "wish")])
def test_a_magic_thing_is_a_wonder_tales_gift_and_does_what_it_is(title, lang, thing, magic):
    reading = read_title(title, lang)
    assert (reading.goal, reading.thing.name, reading.magic) == ("magic", thing, magic)
    assert read_title("Как ёжик искал волшебный клубок", "ru").goal == "seek"  # the title's own goal comes first


def test_every_skill_is_a_skill_and_a_sound_in_a_why_title_is_the_voice():
    from digitales.plot.premise import words_table

    assert {"whistle", "dance", "skate", "bark", "quack"} <= set(words_table()["skills"])
    croaks = read_title("Почему лягушка квакает", "ru")  # the voice tale, ending with the title's own words
    assert (croaks.habit, croaks.thing.name) == ("call", "квакает")
    assert (read_title("Почему сорока трещит", "ru").habit, read_title("Why the Rooster Crows", "en").habit) == ("call", "call")
    assert read_title("Why the Robin Sings in the Morning", "en").thing.name == "song"  # its song, never "his sings"
    assert read_title("Why the Squirrel Has a Bushy Tail", "en").thing.name == "bushy tail"
    assert read_title("Любопытная сорока", "ru").hero.name == "сорока"  # a magpie before it is "of forty"


def test_a_storm_in_a_title_is_a_fear_to_make_friends_with_not_a_thing_to_fetch():
    assert read_title("The Goose and the Storm", "en").goal == "fear"
    assert read_title("Зайчик и гроза", "ru").goal == "fear"
    assert read_title("Ёжик в тумане", "ru").goal == "fear"


def test_a_sound_beside_a_hero_is_still_the_mystery():
    """«Зайчик и шорох в лесу»: the rustle is heard, not made by the hare."""
    reading = read_title("Зайчик и шорох в лесу", "ru")
    assert (reading.goal, reading.sound, [c.name for c in reading.characters]) == ("mystery", "rustle", ["зайчик"])


@pytest.mark.parametrize("title, lang, habit", [("Почему сова спит днём", "ru", "watch"), ("Why the Owl Hoots at Night", "en", "watch"),
                                                ("Почему медведь зимой спит", "ru", "sleep"), ("Why the Cat Washes Its Face", "en", "wash")])
def test_a_habit_by_night_is_keeping_watch(title, lang, habit):
    """An owl sleeps by day because it watches at night, not because it sleeps the winter through."""
    assert read_title(title, lang).habit == habit


def test_a_word_in_ed_before_a_noun_describes_it():
    """"The Buried Treasure" is a treasure, not a thing called "buried"."""
    reading = read_title("The Little Pig and the Buried Treasure", "en")
    assert (reading.thing.name, reading.thing_class) == ("buried treasure", "treasure")
    assert read_title("Последняя ягодка", "ru").thing_class == "food"


def test_a_capitalised_name_the_table_does_not_know_is_someone():
    """«Алёша Попович и Тугарин»: Tugarin is a name, not «тугарин»; «Как Тимошка учился рисовать»: Timoshka learns."""
    assert [(c.name, c.proper) for c in read_title("Алёша Попович и Тугарин", "ru").characters][1] == ("Тугарин", True)
    assert [c.name for c in read_title("Как Тимошка учился рисовать", "ru").characters] == ["Тимошка"]
