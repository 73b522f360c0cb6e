import pytest

from digitales.errors import UserError
from digitales.text.source import paragraphs, read_text_file, strip_markdown


def test_markdown_becomes_plain_paragraphs():
    md = "# Колобок\n\nЖили-были **старик** со [старухой](http://x).\n\n* один\n* два\n\n```\ncode()\n```\n> Цитата"
    text = strip_markdown(md)
    assert "**" not in text and "http" not in text and "code()" not in text and "#" not in text
    assert paragraphs(text) == ["Колобок", "Жили-были старик со старухой.", "один два", "Цитата"]


def test_dialogue_dash_lines_are_their_own_paragraphs():
    assert paragraphs("Заяц сказал:\n— Я тебя съем!\n— Не ешь меня!") == ["Заяц сказал:", "— Я тебя съем!", "— Не ешь меня!"]


@pytest.mark.parametrize("content, words", [
    (b"", "no words"),
    (b"   \n\n  ", "no words"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("Колобок".encode("cp1251"), "not UTF-8"),
    (b"!!! ... ---", "no words"),
])
def test_unusable_files_give_one_clear_error(tmp_path, content, words):
    path = tmp_path / "t.txt"
    path.write_bytes(content)
    with pytest.raises(UserError, match=words):
        read_text_file(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UserError, match="not found"):
        read_text_file(tmp_path / "nope.txt")
    with pytest.raises(UserError, match="folder"):
        read_text_file(tmp_path)


def test_utf8_with_bom_reads(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes("\ufeffЖили-были.".encode("utf-8"))
    assert read_text_file(path) == "Жили-были."


def test_rules_mark_scenes_and_a_heading_underline_does_not(tmp_path):
    """A rule ends a scene even right under a line (one typed just above it); `===` underlines a heading."""
    from digitales.text.source import SCENE_MARK
    from digitales.writer.textfile import marked_scenes

    path = tmp_path / "t.md"
    path.write_text("# Репка\n\nПосадил дед репку.\n---\n\nГлава\n===\n\nВыросла репка большая.\n\n***\n\nВытянули репку!\n",
                    encoding="utf-8")
    text = read_text_file(path)
    assert text.count(SCENE_MARK) == 2
    assert marked_scenes(text, "Репка") == ["Посадил дед репку.", "Глава\n\nВыросла репка большая.", "Вытянули репку!"]


@pytest.mark.parametrize("scene2", ["", "## Вторая сцена", "<!-- позже -->"])
def test_a_scene_with_nothing_to_say_is_one_clear_error(tmp_path, scene2):
    path = tmp_path / "t.md"
    path.write_text(f"# Репка\n\nПосадил дед репку.\n\n---\n\n{scene2}\n\n---\n\nВытянули репку!\n", encoding="utf-8")
    with pytest.raises(UserError, match="scene 2 has nothing to say"):
        read_text_file(path)


def test_the_cast_comment_travels_apart_from_the_narration(tmp_path):
    from digitales.tale import Character
    from digitales.text.source import cast_comment, split_cast

    cast = [Character("narrator", role="narrator"), Character("лиса", "antagonist", "female", kind="fox", look="рыжая | хитрая")]
    path = tmp_path / "t.md"
    path.write_text("# Лиса\n\nЖила-была лиса.\n\n" + cast_comment(cast, "кто есть кто (имя | роль | род | вид | облик)") + "\n", encoding="utf-8")
    narration, read = split_cast(read_text_file(path))
    assert paragraphs(narration) == ["Лиса", "Жила-была лиса."]
    assert read == [Character("лиса", "antagonist", "female", kind="fox", look="рыжая / хитрая")]
