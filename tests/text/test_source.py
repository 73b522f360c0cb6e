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
