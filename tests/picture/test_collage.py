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


def song_tale() -> Tale:
    tale = Tale(title="Колобок", genre="fairy_tale", lang="ru")
    tale.characters = [Character("Колобок", "hero", "male", kind="bun"), Character("Дед", "family", "male", kind="old-man"),
                       Character("Баба", "family", "female", kind="old-woman"), Character("Заяц", "other", "male", kind="hare"),
                       Character("Волк", "other", "male", kind="wolf"), Character("Медведь", "other", "male", kind="bear"),
                       Character("Лиса", "antagonist", "female", kind="fox")]
    return tale


def on_stage(shot) -> set[str]:
    return {f.key for f in shot.figures if f.character}


def test_the_one_sung_to_is_drawn_and_those_only_named_in_the_song_are_not():
    looks = Looks(song_tale())
    # the demo's bug: the song names everyone he ran from, and he sings it to the fox
    song = ("Колобок и запел: я от дедушки ушёл, я от бабушки ушёл, я от зайца ушёл, я от волка ушёл, "
            "от медведя ушёл, а от тебя, лиса, и подавно уйду!")
    assert on_stage(describe(song, "ru", looks, [])) == {"Колобок", "Лиса"}
    # the same as a dash turn, which the text stage gives to the singer
    turn = "Я колобок, румяный бок! Я от деда укатился, я от бабы укатился, я от зайца укатился, и от тебя, волк, укачусь!"
    shot = describe(turn + " запел колобок.", "ru", looks, ["Колобок"], speech=[turn])
    assert on_stage(shot) == {"Колобок", "Волк"}
    assert [f.key for f in shot.figures if f.speaking] == ["Колобок"]


def test_a_speaker_talks_to_whoever_was_on_stage_and_the_narrations_characters_stay():
    scene = Scene(index=1, text="", mood="calm", place="лес")
    scene.lines = [Line("Выкатился колобок на полянку, а там на пеньке сидит лиса, хвост пушистый, глаза хитрые, а рядом корзинка."),
                   Line("Колобок покатился к ней поближе, да и говорит ей, что песенку знает хорошую и длинную, про всех."),
                   Line("Я от деда ушёл, я от бабы ушёл, я от зайца ушёл, а от тебя и подавно уйду!", speaker="Колобок")]
    shots = plan_shots(scene, "ru", Looks(song_tale()), "field")
    assert "Лиса" in on_stage(shots[0])
    assert on_stage(shots[-1]) >= {"Колобок", "Лиса"} and not on_stage(shots[-1]) & {"Дед", "Баба", "Заяц"}


def test_the_plans_things_are_drawn_before_other_props():
    from digitales.tale import Thing
    tale = song_tale()
    tale.plan.things = [Thing("репка", kind="turnip", role="goal")]
    looks = Looks(tale)
    shot = describe("Дед взял ведро, лопату, корзину, грабли и пошёл к репке.", "ru", looks, [])
    assert looks.things["репка"] in {f.asset for f in shot.figures}


def test_those_the_narration_only_talks_about_are_not_drawn_and_only_the_one_acting_moves():
    looks = Looks(song_tale())
    shot = describe("От деда колобок укатился, от бабы укатился, а лиса его хап — и съела.", "ru", looks, [])
    assert on_stage(shot) == {"Колобок", "Лиса"}
    moves = {f.key: f.moves for f in shot.figures if f.character}
    assert moves == {"Колобок": "roll", "Лиса": ""}
    shot = describe("Катится колобок по лесу, а из-за куста — прыг! — заяц.", "ru", looks, [])
    assert {f.key: f.moves for f in shot.figures if f.character} == {"Колобок": "roll", "Заяц": "hop"}


def test_the_ways_of_moving_are_read_from_the_verbs_in_any_form():
    from digitales.picture.acting import move_of
    said = {"покатился": "roll", "катится": "roll", "убежал": "run", "бегает": "run", "полетела": "fly", "летят": "fly",
            "прыгнул": "hop", "поскакал": "hop", "плывёт": "swim", "уплыла": "swim", "rolled": "roll", "runs": "run",
            "flew": "fly", "hopped": "hop", "swims": "swim"}
    assert {w: move_of(w) for w in said} == said
    assert not any(move_of(w) for w in ["лето", "закат", "убежище", "бегемот", "летний", "пошёл", "walked"])


def test_stage_directions_say_who_comes_in_on_which_line_and_when_one_sets_off():
    scene = Scene(index=1, text="", mood="calm", place="лес")
    scene.lines = [Line("Лиса сидит на пеньке."), Line("Вдруг навстречу ей волк."),
                   Line("Куда ты, волк?", speaker="Лиса"), Line("Волк убежал в лес.")]
    (shot,) = plan_shots(scene, "ru", Looks(song_tale()), "field")
    parts = {f.key: (f.enters, f.moves, f.moves_at, f.lines) for f in shot.figures if f.character}
    assert parts == {"Лиса": (-1, "", -1, (2,)), "Волк": (1, "run", 3, ())}
