"""The embedded writer: every tale type and known tale told in both languages, with the
grammar kept from binding (case, gender, articles) and speech the text stage attributes."""

import re

import pytest

from digitales.plot.known import known_tales
from digitales.plot.kinds import kinds
from digitales.plot.schemas import schemas
from digitales.plot.story import planned_tale
from digitales.plot.telling import Bound, fill
from digitales.text.dialogue import Conversation
from digitales.writer.embedded import write

FRESH = {"ru": [("Как ёжик искал весну", "fairy_tale"), ("Мышка и сыр", "comedy"), ("Почему у зайца длинные уши", "fable"),
                ("Как медвежонок учился плавать", "fairy_tale"), ("Тайна старого колодца", "horror"),
                ("Последний день снеговика", "tragedy"), ("Лесная избушка", "fairy_tale"), ("Волк и ягнёнок", "fable"),
                ("Добрыня и Змей", "bylina"), ("Большая тыква", "comedy"), ("Лев и мышонок", "novella")],
         "en": [("The Owl Who Was Afraid of the Dark", "fairy_tale"), ("How the Zebra Got Its Stripes", "fable"),
                ("The Kitten Who Could Not Purr", "comedy"), ("The Snowman's Last Day", "tragedy"),
                ("The Rabbit Who Looked for Spring", "fairy_tale"), ("The Fox and the Hen", "fable"),
                ("The Giant Pumpkin", "comedy"), ("The Hut in the Woods", "fairy_tale"), ("The Knight and the Dragon", "bylina"),
                ("The Bear and the Little Wren", "novella")]}


@pytest.mark.parametrize("lang, title, genre", [(lang, t, g) for lang, ts in FRESH.items() for t, g in ts])
def test_a_fresh_title_is_told_scene_by_scene_with_every_slot_filled(lang, title, genre):
    tale = planned_tale(title, genre, lang)
    scenes = write(tale)
    assert len(scenes) == len(tale.plan.beats) and all(scenes)
    text = "\n\n".join(p for s in scenes for p in s)
    assert not re.search(r"[{}]", text)
    assert not re.search(r"\b(\w+) \1\b", text, re.I)  # no word twice in a row ("там там")


@pytest.mark.parametrize("tale_id", sorted(known_tales()))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_known_tale_is_told_in_its_own_words(tale_id, lang):
    known = known_tales()[tale_id]
    tale = planned_tale(known.titles[0], known.genre, lang)
    assert tale.plan.known == tale_id
    text = "\n\n".join(p for s in write(tale) for p in s)
    assert len(text) > 800 and not re.search(r"[{}]", text)
    assert bool(re.search("[а-яё]", text, re.I)) == (lang == "ru")


def test_every_tale_type_in_the_issue_is_there():
    assert {"quest", "learning", "chain", "shelter", "rescue", "trickster", "why", "gratitude", "contest", "mystery",
            "farewell", "duel"} <= set(schemas())


def test_russian_slots_agree_in_case_and_gender():
    slots = {"hero": Bound("мышка", "female", kind=kinds()["mouse"]), "helper": Bound("Кощей Бессмертный", "male", True),
             "home": Bound("норка", "female"), "goal": Bound("весна", "female")}
    out = fill("{Helper} {helper~подарил/подарила} {hero:datv} {goal:accs}, а {hero} {hero~ушёл/ушла} {home:to}.", slots, "ru")
    assert out == "Кощей Бессмертный подарил мышке весну, а мышка ушла в норку."
    assert fill("{Hero~Он/Она} вышла {home:from} на {hero.likes:accs}.", slots, "ru").startswith("Она вышла из норки на ")


def test_english_articles_pronouns_and_traits():
    slots = {"hero": Bound("owl", "female", kind=kinds()["owl"]), "helper": Bound("Ivan", "male", True),
             "goal": Bound("spring", "neuter", True)}
    assert fill("Once there was {hero:a}. {Hero~He/She} met {helper} and looked for {goal}.", slots, "en") == \
        "Once there was an owl. She met Ivan and looked for spring."
    assert fill("{Hero:poss} {hero.home:bare}", slots, "en") == f"The owl's {kinds()['owl'].trait('home', 'en')}"


def test_russian_prepositions_take_their_euphonic_forms():
    slots = {"hero": Bound("змей", "male"), "helper": Bound("Иван", "male", True)}
    assert fill("{Helper} поделился с {hero:ablt} хлебом, и пошла слава о {helper:loct}.", slots, "ru") == \
        "Иван поделился со змеем хлебом, и пошла слава об Иване."


@pytest.mark.parametrize("title, lang", [("Как ёжик искал весну", "ru"), ("Колобок", "ru"), ("The Lion and the Mouse", "en")])
def test_the_text_stage_gives_the_characters_their_own_lines(title, lang):
    tale = planned_tale(title, "fairy_tale", lang)
    talk = Conversation(lang)
    speakers = {seg.speaker.lower() for s in write(tale) for p in s for seg in talk.paragraph(p)}
    cast = {c.name.lower().split()[-1] for c in tale.characters if c.role != "narrator"}
    assert len(speakers & cast) >= 2, (speakers, cast)


def test_a_bird_flies_where_a_hare_runs_and_a_fledgling_walks():
    form = "{Hero} {hero~побежал/побежала|полетел/полетела} домой."
    assert fill(form, {"hero": Bound("заяц", "male", kind=kinds()["hare"])}, "ru") == "Заяц побежал домой."
    assert fill(form, {"hero": Bound("синица", "female", kind=kinds()["titmouse"])}, "ru") == "Синица полетела домой."
    assert fill(form, {"hero": Bound("утёнок", "male", kind=kinds()["duck"])}, "ru") == "Утёнок побежал домой."
    assert fill("{Hero} {hero~ran|flew} home.", {"hero": Bound("sparrow", "male", kind=kinds()["sparrow"])}, "en") == "The sparrow flew home."


def test_a_place_is_never_read_as_someone():
    from digitales.plot.telling import with_preposition

    assert with_preposition("курятник", "to", "ru") == "в курятник"  # pymorphy's first reading is a chicken thief
    assert with_preposition("тёплый курятник", "from", "ru") == "из тёплого курятника"


@pytest.mark.parametrize("title, lang, own", [("The Duckling Who Could Not Quack", "en", "Quack!"),
                                               ("Как щенок учился лаять", "ru", "Гав-гав!")])
def test_a_voice_is_not_taught_the_teachers_offer_their_own_and_the_heros_comes_when_called(title, lang, own):
    from digitales.plot.premise import words_table

    voices = set(words_table()["voices"]["kinds"])
    for seed in range(4):
        tale = planned_tale(title, "comedy", lang, seed=seed)
        teachers = [c for c in tale.characters if c.role.startswith("helper")][:-1]  # the last is the wise one
        assert teachers and all(c.kind in voices for c in teachers)
        text = "\n\n".join(p for s in write(tale) for p in s)
        assert own in text and "woodpecker began to quack" not in text


@pytest.mark.parametrize("title, lang, place", [("Как ёжик искал грибы", "ru", "берёзовая роща"),
                                                ("The Little Bear Who Looked for Honey", "en", "old lime tree where the bees live")])
def test_a_food_is_found_where_it_grows_not_at_home_where_mother_had_it_all_along(title, lang, place):
    tale = planned_tale(title, "fairy_tale", lang)
    found = next(b for b in tale.plan.beats if b.function == "found")
    assert found.place == place
    text = "\n\n".join(p for s in write(tale) for p in s)
    assert ("берёзовую рощу" in text or "bees live" in text) and "all morning" not in text and "с утра" not in text


@pytest.mark.parametrize("title, lang, words", [("Волшебный горшочек", "ru", "накорми голодных"),
                                                ("The Magic Bell", "en", "dance"),
                                                ("The Girl and the Lantern", "en", "show")])
def test_a_wonder_tales_gift_does_what_it_is_and_goes_wrong_for_the_greedy_one(title, lang, words):
    tale = planned_tale(title, "fairy_tale", lang)
    assert tale.plan.tale_type == "magic"
    text = "\n\n".join(p for s in write(tale) for p in s)
    assert words in text.lower() and not re.search(r"\bthe Koschei\b", text)


def test_a_things_number_and_gender_and_a_names_epithet_are_said_right():
    tale = planned_tale("The Little Hedgehog Who Looked for Apples", "fairy_tale", "en")
    text = "\n\n".join(p for s in write(tale) for p in s)
    assert "no apples" in text and "was no apples" not in text and "Where can it be" not in text and "a sky" not in text
    summer = planned_tale("Последний день лета", "tragedy", "ru")
    assert next(t for t in summer.plan.things if t.name == "лето").gender == "neuter"
    said = fill("{Foe} пришёл. {Foe} ушёл. {E} came, and {e} left.",
                {"foe": Bound("Кощей Бессмертный", "male", True), "e": Bound("Koschei the Deathless", "male", True)}, "ru")
    assert said.startswith("Кощей Бессмертный пришёл. Кощей ушёл.")


def test_no_cockroach_out_of_doors():
    for seed in range(10):
        tale = planned_tale("The Badger and the Heron", "drama", "en", seed=seed)
        assert "cockroach" not in {c.kind for c in tale.characters}


def test_a_why_tale_names_the_part_and_a_magic_thing_is_named_the_same_in_its_words():
    for title, lang, part in (("Почему у зайца короткий хвост", "ru", "хвост"), ("Why the Bear Has a Short Tail", "en", "tail")):
        text = "\n\n".join(p for s in write(planned_tale(title, "fable", lang)) for p in s)
        assert text.count(part) >= 4 and "длинное" not in text and "long, fine thing" not in text
    text = "\n\n".join(p for s in write(planned_tale("Волшебная скрипка", "fairy_tale", "ru")) for p in s)
    assert "Играй, волшебная скрипка" in text and "Играй, скрипка" not in text


def test_an_old_trees_last_autumn_ends_with_its_acorn_not_in_a_book():
    for title, lang, sign in (("The Old Oak's Last Autumn", "en", "acorn"), ("Последняя осень старого дуба", "ru", "жёлудь")):
        tale = planned_tale(title, "tragedy", lang)
        text = "\n\n".join(p for s in write(tale) for p in s)
        assert sign in text and "book" not in text and "книжк" not in text
        assert not [c for c in tale.characters if c.role == "hero" and "дуб" in c.name]
