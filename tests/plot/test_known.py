"""Known tales: recognised from their titles in any spelling, told as they go, stretched by their episodes."""

import pytest

from digitales.plot.known import known_tales, problems, recognise
from digitales.plot.story import planned_tale

# The tales the issue names, with spellings a user may type (either language, any case, ё or е, word order).
SPELLINGS = {
    "repka": ["Репка", "РЕПКА", "The Enormous Turnip", "the giant turnip"],
    "kolobok": ["Колобок", "колобок", "Kolobok"],
    "teremok": ["Теремок", "теремок"],
    "kurochka-ryaba": ["Курочка Ряба", "курочка ряба", "Ryaba the Hen"],
    "kot-petukh-i-lisa": ["Кот, петух и лиса", "Кот и петух", "Петух и кот", "The Cat and the Rooster"],
    "gusi-lebedi": ["Гуси-лебеди", "гуси лебеди", "The Swan Geese"],
    "lisa-i-zhuravl": ["Лиса и журавль", "Журавль и лиса", "The Fox and the Crane"],
    "volk-i-semero-kozlyat": ["Волк и семеро козлят", "Волк и семь козлят", "The Wolf and the Seven Little Kids"],
    "masha-i-medved": ["Маша и медведь", "Маша и Медведь", "Masha and the Bear"],
    "morozko": ["Морозко", "Father Frost"],
    "zayushkina-izbushka": ["Заюшкина избушка", "Лиса и заяц", "Лубяная избушка"],
    "vorona-i-lisitsa": ["Ворона и лисица", "Лисица и ворона", "Ворона и лиса", "The Fox and the Crow"],
    "strekoza-i-muravey": ["Стрекоза и муравей", "стрекоза и муравей", "The Dragonfly and the Ant"],
    "gingerbread-man": ["The Gingerbread Man", "gingerbread man", "Пряничный человечек"],
    "three-little-pigs": ["The Three Little Pigs", "Three little pigs", "Три поросёнка", "Три поросенка"],
    "goldilocks": ["Goldilocks and the Three Bears", "The Three Bears", "Три медведя"],
    "little-red-hen": ["The Little Red Hen", "the little red hen"],
    "tortoise-and-hare": ["The Tortoise and the Hare", "The Hare and the Tortoise", "Черепаха и заяц"],
    "ant-and-grasshopper": ["The Ant and the Grasshopper", "The Grasshopper and the Ant", "Муравей и кузнечик"],
    "boy-who-cried-wolf": ["The Boy Who Cried Wolf", "the boy who cried wolf"],
    "town-mouse-country-mouse": ["The Town Mouse and the Country Mouse", "The Country Mouse and the Town Mouse"],
    "lion-and-mouse": ["The Lion and the Mouse", "The Mouse and the Lion", "Лев и мышь"],
    "little-red-riding-hood": ["Little Red Riding Hood", "little red riding hood", "Красная Шапочка"],
}


def test_the_24_tales_of_the_issue_are_known():
    assert len(SPELLINGS) >= 23 and set(SPELLINGS) <= set(known_tales())
    assert len(known_tales()) >= 24  # the 23 above and «Рукавичка»


@pytest.mark.parametrize("tale_id, title", [(t, s) for t, spellings in SPELLINGS.items() for s in spellings])
def test_a_known_tale_is_recognised_in_any_spelling(tale_id, title):
    found = recognise(title)
    assert found is not None and found.id == tale_id


@pytest.mark.parametrize("title", ["Лиса", "Кот", "The Fox", "Как ёжик искал весну", "The Fox and the Castle",
                                   "Волк и заяц", "The Owl Who Was Afraid of the Dark", "Мышка и сыр", "Сказка"])
def test_a_fresh_title_is_not_taken_for_a_known_tale(title):
    assert recognise(title) is None


@pytest.mark.parametrize("tale_id", sorted(known_tales()))
def test_a_known_tale_keeps_the_rules_of_its_data(tale_id):
    assert problems(known_tales()[tale_id]) == []


@pytest.mark.parametrize("tale_id", sorted(known_tales()))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_its_key_events_come_in_order_at_every_length(tale_id, lang):
    known = known_tales()[tale_id]
    required = [f"{tale_id}:{i}.{j}" for i, s in enumerate(known.scenes) if not s.get("optional")
                for j, _ in enumerate(s.get("events", []))]
    sizes = []
    for minutes in (0.5, 2, 6):
        tale = planned_tale(known.titles[0], known.genre, lang, minutes=minutes)
        steps = [e.step for b in tale.plan.beats for e in b.events if not e.step.endswith(":moral")]
        assert [s for s in steps if s in required] == required
        assert steps == sorted(steps, key=lambda s: tuple(int(x) for x in s.split(":")[1].split(".")))
        sizes.append(len(steps))
    assert sizes == sorted(sizes)
    if any(s.get("optional") for s in known.scenes):
        assert sizes[-1] > sizes[0]  # --minutes stretches a tale by its repeatable episodes


def test_lisa_i_zayats_is_the_hares_hut_with_its_own_roles():
    tale = planned_tale("Лиса и заяц", "fable", "ru", 0, 1.5)
    roles = {c.role: c.name for c in tale.characters}
    assert tale.plan.known == "zayushkina-izbushka"
    assert roles["victim"] == "заяц" and roles["antagonist"] == "лиса" and roles["hero"] == "петух"
