"""More well-known tales (Andersen, the Grimms, Norwegian folk, Aesop's fables of the wind and the sun, the
thirsty crow, the dog and his reflection, the goose that laid golden eggs): recognised from each of
their titles, keeping the rules of their data, stretched and shortened by their repeatable episodes."""

import re

import pytest

from digitales.plot.known import known_tales, problems, recognise
from digitales.plot.story import planned_tale
from digitales.writer.embedded import write

SPELLINGS = {
    "ugly-duckling": ["The Ugly Duckling", "the ugly duckling", "Гадкий утёнок", "Гадкий утенок", "ГАДКИЙ УТЁНОК"],
    "bremen-musicians": ["The Bremen Town Musicians", "The Musicians of Bremen", "Бременские музыканты",
                         "бременские музыканты"],
    "frog-prince": ["The Frog Prince", "the frog prince", "Король-лягушонок", "Король лягушонок", "Принцесса и лягушка"],
    "why-the-sea-is-salt": ["Why the Sea Is Salt", "Why the Sea Is Salty", "Why is the sea salty",
                            "Почему море солёное", "Почему море соленое", "Отчего море солёное"],
    "fox-and-grapes": ["The Fox and the Grapes", "Лиса и виноград", "Лисица и виноград", "Виноград и лиса"],
    "wind-and-sun": ["The Wind and the Sun", "The North Wind and the Sun", "Ветер и Солнце", "Солнце и ветер",
                     "The Sun and the Wind", "ветер и солнце"],
    "crow-and-pitcher": ["The Crow and the Pitcher", "The Thirsty Crow", "Ворона и кувшин", "Кувшин и ворона"],
    "dog-and-shadow": ["The Dog and His Shadow", "The Dog and His Reflection", "The Greedy Dog", "Собака и её тень",
                       "Собака и тень", "Жадная собака", "собака и ее тень"],
    "goose-golden-eggs": ["The Goose That Laid the Golden Eggs", "The Goose Who Laid a Golden Egg", "Гусыня и золотые яйца",
                          "Золотые яйца", "Гусыня, которая несла золотые яйца"],
    "wolf-and-crane": ["Волк и журавль", "Волк и Журавль", "Журавль и волк", "The Wolf and the Crane",
                       "The Crane and the Wolf", "The Wolf and the Heron", "The Wolf and the Stork"],
}


def test_every_title_of_these_tales_is_listed_here():
    for tale_id, spellings in SPELLINGS.items():
        assert set(known_tales()[tale_id].titles) <= set(spellings)


@pytest.mark.parametrize("tale_id, title", [(t, s) for t, spellings in SPELLINGS.items() for s in spellings])
def test_the_tale_is_recognised_from_each_of_its_titles(tale_id, title):
    found = recognise(title)
    assert found is not None and found.id == tale_id


@pytest.mark.parametrize("title", ["The Frog Princess", "Царевна-лягушка", "The Frog", "Лягушка", "Утёнок",
                                   "The Little Duckling", "Почему море шумит", "The Sea", "Лиса", "The Fox and the Castle",
                                   "Лиса и волк", "Музыканты", "The Princess and the Pea",
                                   "The Crow", "The Clever Crow", "The Fox and the Crow", "The Dog", "Кот и пёс",
                                   "The Golden Egg", "Курочка Ряба", "The Sun", "Как мышка искала солнце"])
def test_a_near_title_is_not_taken_for_one_of_them(title):
    found = recognise(title)
    assert found is None or found.id not in SPELLINGS


@pytest.mark.parametrize("tale_id", sorted(SPELLINGS))
def test_it_keeps_the_rules_of_its_data(tale_id):
    assert problems(known_tales()[tale_id]) == []


@pytest.mark.parametrize("tale_id", sorted(SPELLINGS))
def test_it_has_repeatable_episodes_and_a_whole_tale_without_them(tale_id):
    scenes = known_tales()[tale_id].scenes
    assert any(s.get("optional") for s in scenes)
    assert sum(not s.get("optional") for s in scenes) >= 2


@pytest.mark.parametrize("tale_id", sorted(SPELLINGS))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_minutes_keep_or_drop_its_repeatable_scenes(tale_id, lang):
    known = known_tales()[tale_id]
    required = [f"{tale_id}:{i}.{j}" for i, s in enumerate(known.scenes) if not s.get("optional")
                for j, _ in enumerate(s.get("events", []))]
    everything = [f"{tale_id}:{i}.{j}" for i, s in enumerate(known.scenes) for j, _ in enumerate(s.get("events", []))]
    sizes = []
    for minutes in (0.5, 2, 6):
        tale = planned_tale(known.titles[0], known.genre, lang, minutes=minutes)
        assert tale.plan.known == tale_id
        steps = [e.step for b in tale.plan.beats for e in b.events if not e.step.endswith(":moral")]
        assert [s for s in steps if s in required] == required
        assert steps == sorted(steps, key=lambda s: tuple(int(x) for x in s.split(":")[1].split(".")))
        sizes.append(len(steps))
    assert sizes == sorted(sizes)
    assert sizes[0] == len(required) and sizes[-1] == len(everything)  # short: the bones; long: every episode


@pytest.mark.parametrize("tale_id", sorted(SPELLINGS))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_it_is_told_in_full_with_no_unfilled_braces(tale_id, lang):
    known = known_tales()[tale_id]
    tale = planned_tale(known.titles[0], known.genre, lang, seed=0)
    assert tale.plan.known == tale_id
    text = "\n\n".join("\n\n".join(s) for s in write(tale))
    assert not re.search(r"[{}]", text)
    last = known.scenes[-1]["events"][-1][lang].strip().split("\n")[-1].strip()
    assert last in text  # told to the end
    if known.moral[lang]:
        assert known.moral[lang] in text


def test_a_fable_says_its_moral_and_a_fairy_tale_does_not():
    assert known_tales()["fox-and-grapes"].genre == "fable" and known_tales()["fox-and-grapes"].moral["ru"]
    for tale_id in ("ugly-duckling", "bremen-musicians", "frog-prince", "why-the-sea-is-salt"):
        assert known_tales()[tale_id].genre == "fairy_tale" and not any(known_tales()[tale_id].moral.values())
