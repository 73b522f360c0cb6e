from digitales.text.dialogue import NARRATOR, Conversation
from digitales.text.source import paragraphs

RU = """Жили-были старик со старухой. Вот и просит старик:
— Испеки мне, старая, колобок.
— Да из чего испечь-то? Муки нет.
— Эх, старуха! По коробу поскреби, по сусеку помети — вот и наберётся.

Катится колобок по дороге, а навстречу ему заяц:
— Колобок, колобок! Я тебя съем!
— Не ешь меня, косой зайчик! Я тебе песенку спою.
И покатился по дорожке.

— Ах, какая славная песенка! — сказала лиса. — Да только я стара стала, плохо слышу.
"""

EN = """Once there was a small red fox named Rowan.

"Who lives in that castle?" she asked the old owl.
"Nobody has been inside for years," said the owl. "They say a dragon lives there."
"Why are you crying?" asked Rowan.
"I am so lonely," sobbed the little dragon.
"""


def turns(text: str, lang: str) -> list[tuple[str, str]]:
    talk = Conversation(lang)
    return [(s.speaker, s.text) for p in paragraphs(text) for s in talk.paragraph(p)]


def test_russian_dialogue_with_five_speakers_tagged_introduced_and_alternating():
    got = turns(RU, "ru")
    speakers = [s for s, _ in got]
    assert speakers == [NARRATOR, "Старик", "Старуха", "Старик", NARRATOR, "Заяц", "Колобок", NARRATOR,
                        "Лиса", NARRATOR, "Лиса"]
    assert got[3][1].endswith("помети — вот и наберётся.")  # a dash inside speech does not switch speakers
    assert got[9][1] == "сказала лиса."


def test_english_quotes_with_said_tags_and_pronouns():
    got = turns(EN, "en")
    speech = [(s, t) for s, t in got if s != NARRATOR]
    assert [s for s, _ in speech] == ["Rowan", "Owl", "Owl", "Rowan", "Dragon"]
    assert speech[0][1] == "Who lives in that castle?"


def test_a_speaker_whose_word_is_first_something_else_is_still_found():
    """«рысь» is first read as a trot, «сорока» as forty, «мышь» as accusative, «невестки» as
    one sister-in-law's: beside a speech verb a nominative animal wins, and the tale's own
    cast wins over any other reading."""
    text = "— Ну, — сказала рысь.\n\n— Ой, — сказала сорока.\n\n— Хорошо, — ответила мышь.\n\n— Кто там? — спросили невестки."
    talk = Conversation("ru")
    assert [s.speaker for p in paragraphs(text) for s in talk.paragraph(p) if s.speaker != NARRATOR] == \
        ["Рысь", "Сорока", "Мышь", "Невестка"]
    talk = Conversation("ru", ["рысь", "сорока", "мышь", "невестки"])
    assert [s.speaker for p in paragraphs(text) for s in talk.paragraph(p) if s.speaker != NARRATOR] == \
        ["Рысь", "Сорока", "Мышь", "Невестки"]  # the plan's «невестки», all of them


def test_a_sound_in_quotes_is_the_narrators_and_a_gasp_is_the_one_who_gasps():
    """A rendered mystery (Тайна старого колодца) gave «Тук-тук…» to a 'someone' who was then drawn
    as a stranger, the turkey's gasp to the grandmother, and the frog's line to a speaker «И»."""
    from digitales.text.dialogue import Conversation

    talk = Conversation("ru", ["девочка", "бабушка", "индюк", "волк", "барсук"])
    said = []
    for paragraph in ["— С огоньком всё видно таким, какое оно есть, — сказала бабушка.",
                      "Девочка пошла к колодцу, а навстречу индюк. И тут у старого колодца: «Тук-тук…»",
                      "— Бал-бал-бал! — ахнул индюк. — Там чудище зубами щёлкает!",
                      "— Это Баба-яга в ступе пляшет! — зашептал барсук.",
                      "— Ква, — смутился лягушонок. — Я учусь играть на барабане."]:
        said += [(s.speaker, s.text) for s in talk.paragraph(paragraph)]
    speakers = {text: who for who, text in said}
    assert speakers["Тук-тук…"] == "narrator"
    assert speakers["Бал-бал-бал!"].lower() == "индюк" and speakers["Это Баба-яга в ступе пляшет!"].lower() == "барсук"
    assert speakers["Ква"].lower() == "лягушонок"
    assert not any(len(who) == 1 for who, _ in said)

    english = Conversation("en", ["girl", "eagle"])
    lines = [(s.speaker, s.text) for s in english.paragraph("Just then, from the old well: \"Tap-tap! Tap-tap!\"")]
    assert all(who == "narrator" for who, _ in lines)

