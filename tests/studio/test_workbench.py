"""The page as a storyteller's workbench, in the real Chromium: it speaks the browser's language
(or the one `?lang=` forces); write a tale, edit it, make the video of exactly the edited text."""

from __future__ import annotations

import json
import re

import pytest

from tests.e2e.test_write import narrator_sentence, srt_words
from tests.studio.conftest import ARTIFACTS, wait_for

CHROMIUM = "/usr/bin/chromium"
TITLE = "Как ёжик искал весну"
RUSSIAN = ["Название", "Жанр", "Язык", "Длительность", "Написать сказку", "Другая сказка", "Сделать видео"]
ENGLISH = ["Title", "Genre", "Language", "Length", "Write the tale", "Another tale", "Make the video"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def open_page(browser, studio, locale: str, query: str = ""):
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(studio.url + query)
    return page


def labels(page) -> str:
    return " | ".join(page.locator(f"#{i}").inner_text() for i in ("title", "genre", "lang", "minutes", "write",
                                                                   "another", "make-video"))


@pytest.mark.parametrize("locale, query, words, absent", [
    ("ru-RU", "", RUSSIAN, "Title"),
    ("en-US", "", ENGLISH, "Название"),
    ("ru-RU", "?lang=en", ENGLISH, "Название"),
    ("en-US", "?lang=ru", RUSSIAN, "Title"),
])
def test_the_page_speaks_the_users_language(browser, studio, locale, query, words, absent):
    from playwright.sync_api import expect

    page = open_page(browser, studio, locale, query)
    for word, element in zip(words, ("title", "genre", "lang", "minutes", "write", "another", "make-video")):
        expect(page.locator(f"#{element}")).to_contain_text(word, timeout=30_000)
    assert absent not in labels(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"studio-{locale}{query.replace('?lang=', '-')}.png"), full_page=True)
    page.context.close()


def test_bad_text_gets_one_line_in_the_users_language_and_keeps_it(browser, studio):
    from playwright.sync_api import expect

    page = open_page(browser, studio, "ru-RU")
    expect(page.locator("#write")).to_contain_text("Написать сказку", timeout=30_000)
    box = page.locator("#draft textarea")
    page.locator("#title textarea, #title input").first.fill("Сказка")
    for typed, said in [("   \n  ", "нет ни слова"), ("--- ", "нет ни слова"), ("Жили-были. " * 100_000, "не больше 1 МБ")]:
        box.fill(typed)
        page.locator("#make-video").click()
        line = page.locator("#draft-message p")  # the message, not gradio's timer beside it
        expect(line).to_contain_text(said, timeout=30_000)
        expect(line).to_have_count(1)
        assert box.input_value() == typed  # what the user typed stays on the page
        box.fill("")
    page.context.close()


def test_write_edit_reload_make_speaks_the_edit(browser, studio):
    from playwright.sync_api import expect

    page = open_page(browser, studio, "ru-RU")
    expect(page.locator("#write")).to_contain_text("Написать сказку", timeout=30_000)
    page.locator("#title textarea, #title input").first.fill(TITLE)
    page.locator("#minutes input[type=number]").fill("0.5")
    page.locator("#minutes input[type=number]").press("Enter")
    page.locator("#write").click()
    box = page.locator("#draft textarea")
    expect(box).to_have_value(re.compile("^# " + TITLE), timeout=120_000)
    expect(page.locator("#cast")).to_contain_text("ёжик")
    written = box.input_value()
    page.screenshot(path=str(ARTIFACTS / "studio-written-ru.png"), full_page=True)

    page.locator("#another").click()  # the next seed: another tale of the same title
    expect(box).not_to_have_value(written, timeout=120_000)
    text = box.input_value()
    old = narrator_sentence(text.split("\n---\n")[1])
    assert text.count(old) == 1
    new = "Тут ёжик нашёл под снегом синий колокольчик."
    edited = text.replace(old, new)
    box.fill(edited)

    page.reload()  # the edit survives a reload, and so does the title it goes with
    expect(box).to_have_value(edited, timeout=30_000)
    expect(page.locator("#title textarea, #title input").first).to_have_value(TITLE)
    expect(page.locator("#cast")).to_contain_text("ёжик")
    page.locator("#make-video").click()
    expect(page.locator("#job")).to_have_attribute("data-status", "done", timeout=600_000)
    expect(page.locator("#job")).to_contain_text("готово")
    page.screenshot(path=str(ARTIFACTS / "studio-made-ru.png"), full_page=True)
    page.context.close()

    [srt] = studio.out.glob("*/subtitles.srt")  # this module's studio made one tale
    said = srt_words(srt)
    assert new in said
    assert old not in said


def test_the_api_writes_and_takes_the_edited_text(studio):
    client = studio.client()
    text = client.predict(TITLE, "fairy_tale", "ru", 0.5, 0, api_name="/write")
    assert text.startswith(f"# {TITLE}\n\n") and "\n---\n" in text
    assert client.predict(TITLE, "fairy_tale", "ru", 0.5, 1, api_name="/write") != text  # another seed, another tale
    edited = text.replace("Жил-был в норке ёжик.", "Жил-был в норке под сосной ёжик.")
    job = client.predict(TITLE, edited, "fairy_tale", "ru", until="text", api_name="/submit")
    state = wait_for(client, job)
    assert state["status"] == "done", state["error"]
    told = json.loads((studio.out / state["folder"] / "manifest.json").read_text(encoding="utf-8"))
    assert told["scenes"][0]["text"].startswith("Жил-был в норке под сосной ёжик.")
    with pytest.raises(Exception, match="title is empty"):
        client.predict("  ", "fairy_tale", "ru", 0.5, 0, api_name="/write")


REPKA = """# Репка

Посадил дед репку. Выросла репка большая-пребольшая.

---

Стал дед репку тянуть. Тянет-потянет, вытянуть не может. Позвал дед бабку.

---

Бабка за дедку, дедка за репку. Тянут-потянут — и вытянули репку!
"""


def picture_hashes(folder) -> dict[str, str]:
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((folder / "scenes").glob("*.png"))}


def test_redraw_draws_one_scene_anew_and_keeps_the_others(browser, studio):
    from playwright.sync_api import expect

    page = open_page(browser, studio, "ru-RU")
    expect(page.locator("#write")).to_contain_text("Написать сказку", timeout=30_000)
    page.locator("#title textarea, #title input").first.fill("Репка")
    page.locator("#draft textarea").fill(REPKA)
    page.locator("#read-along input").check()  # the read-along box goes with the job
    page.locator("#make-video").click()
    expect(page.locator("#job")).to_have_attribute("data-status", "done", timeout=600_000)
    again = page.locator("#redraw-2")
    expect(again).to_have_text("Перерисовать", timeout=30_000)
    expect(page.locator(".scene-row")).to_have_count(3)
    folder = studio.out / "repka"
    assert (folder / "subtitles.ass").is_file()
    before = picture_hashes(folder)
    page.screenshot(path=str(ARTIFACTS / "studio-scenes-ru.png"), full_page=True)

    again.click()
    expect(page.locator("#draft-message")).to_contain_text("Сцена 2 рисуется заново", timeout=30_000)
    job = re.search(r"`?([0-9a-f]{12})`?", page.locator("#draft-message").inner_text()).group(1)
    expect(page.locator("#job")).to_contain_text(job, timeout=30_000)
    expect(page.locator("#job")).to_have_attribute("data-status", "done", timeout=600_000)
    after = picture_hashes(folder)
    assert after["02.png"] != before["02.png"]
    assert {k: v for k, v in after.items() if not k.startswith("02")} == {k: v for k, v in before.items() if not k.startswith("02")}
    page.context.close()

    client = studio.client()
    with pytest.raises(Exception, match="no scene 9 to redraw: the tale has 3 scenes"):
        client.predict(job, 9, api_name="/redraw")
