"""The collage backend: the same character looks the same everywhere, the pictures follow the
text, any size renders, and the manifest says what each picture shows."""

from __future__ import annotations

import json

import numpy as np

from PIL import Image

from digitales.picture.collage import Looks, describe, plan_shots, render_shot
from digitales.picture.layout import Figure
from digitales.tale import Character, Line, Scene, Tale
from tests.conftest import run_cli


def kolobok_tale() -> Tale:
    tale = Tale(title="Колобок", genre="fairy_tale", lang="ru")
    tale.characters = [Character("Колобок", "hero", "male", kind="bun"), Character("Лиса", "antagonist", "female", kind="fox"),
                       Character("Иван", "helper", "male"), Character("Пётр", "donor", "male")]
    return tale


def test_a_character_looks_the_same_in_every_scene_and_two_people_differ():
    tale = kolobok_tale()
    looks = Looks(tale)
    texts = ["Колобок катился по лесу.", "Навстречу колобку лиса.", "Лиса съела колобка у реки.",
             "Иван и Пётр пошли в поле. Колобок катился следом."]
    seen = {}
    for i, text in enumerate(texts):
        for figure in describe(text, "ru", looks, []).figures:
            if figure.character:
                look = (figure.asset, figure.tint, figure.size)
                assert seen.setdefault(figure.key, look) == look, f"{figure.key} changed in scene {i + 1}"
    assert seen["Колобок"][0] == "slightly-smiling-face" and seen["Лиса"][0] == "fox"
    assert seen["Иван"] != seen["Пётр"], "two people drawn from one asset get tints of their own"


def test_a_speaking_character_is_in_the_picture_and_marked():
    looks = Looks(kolobok_tale())
    shot = describe("— Я тебя съем! — сказала она.", "ru", looks, ["Лиса"])
    assert [(f.key, f.speaking) for f in shot.figures if f.character] == [("Лиса", True)]


def test_a_scene_gets_a_second_picture_where_the_text_moves_on():
    scene = Scene(index=1, text="", mood="calm", place="дремучий лес")
    scene.lines = [Line("Колобок долго катился по тёмному лесу, мимо старых пней и высоких сосен, и пел свою песенку."),
                   Line("Катился он так до самого вечера, пока не устал и не остановился отдохнуть под кустом."),
                   Line("А у реки его уже ждала лиса с корзиной, и в корзине лежали яблоки и пирожки.")]
    shots = plan_shots(scene, "ru", Looks(kolobok_tale()), "field")
    assert [s.first_line for s in shots] == [0, 2]
    assert "лиса" in shots[1].shows and "лиса" not in shots[0].shows
    assert {f.asset for f in shots[1].figures} >= {"fox", "basket"}


def test_an_unknown_place_and_unknown_words_still_make_a_picture():
    shot = describe("Абырвалг глокой куздры.", "ru", Looks(kolobok_tale()), [], "Тмутаракань", "field")
    assert shot.place == "field" and shot.figures == [] and shot.shows == []
    img = render_shot(shot, (640, 360), "calm", "day", 1)
    assert img.size == (640, 360) and np.asarray(img).std() > 10, "a painted place, not a blank"


def test_renders_at_any_size_from_512_to_8192():
    shot = describe("Лиса несла яблоко через поле.", "ru", Looks(kolobok_tale()), [])
    for size in [(512, 512), (608, 1080), (8192, 8192)]:
        img = render_shot(shot, size, "joyful", "morning", 2)
        assert img.size == size
    # the figures are vector art drawn at full size: a line through them crosses sharp edges at 8K,
    # where a picture painted small and scaled up would change by a few levels per pixel
    rgb = np.asarray(img, np.int16)
    through_figures = rgb[round(size[1] * 0.85)]
    above_them = rgb[round(size[1] * 0.2)]
    assert np.abs(np.diff(through_figures, axis=0)).max() > 80
    assert np.abs(np.diff(above_them, axis=0)).max() < 20


def test_make_until_picture_writes_a_picture_per_part_and_says_what_it_shows(tmp_path, ru_text):
    run = run_cli("make", "Колобок", "--text", str(ru_text), "--until", "picture", "--out", str(tmp_path), "--quiet")
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "kolobok"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["backends"]["picture"]["name"] == "collage"
    images = [i for s in manifest["scenes"] for i in s["images"]]
    assert images and all((folder / i["path"]).is_file() for i in images)
    shows = {w.lower() for i in images for w in i["shows"]}
    assert {"колобок", "заяц"} <= shows
    with Image.open(folder / images[0]["path"]) as img:
        assert img.size[1] == round(720 * 1.12 / 2) * 2


def test_a_character_who_is_many_is_drawn_as_a_group_standing_on_one_line():
    from digitales.picture.layout import sprite

    tale = Tale(title="Гуси-лебеди", genre="fairy_tale", lang="ru")
    tale.characters = [Character("гуси-лебеди", "hero", "plural", kind="swan")]
    (figure,) = describe("Летели гуси-лебеди.", "ru", Looks(tale), []).figures
    assert figure.count == 3
    group, one = sprite(figure, 200), sprite(Figure(**{**figure.__dict__, "count": 1}), 200)
    assert group.height == one.height and group.width > 1.8 * one.width
    mask = np.asarray(group.getchannel("A")) > 24
    bottoms = [np.flatnonzero(mask[:, x])[-1] for x in np.flatnonzero(mask.any(axis=0))]
    assert max(bottoms) == group.height - 1 and sum(b >= group.height - 3 for b in bottoms) > one.width
