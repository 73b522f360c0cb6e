"""The puppet theatre: figures drawn from a real collage's layers move as the story says.

A still camera (zoom 0) films a picture the collage drew and layered; frames come from the
montage's own FrameMaker. The speaker's box changes with the loudness of their voice and is
still when they are silent; a figure the text sends running ends the shot elsewhere.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from digitales.montage.motion import FrameMaker, Shot
from digitales.montage.puppets import Puppets, Timing, voice_loudness
from digitales.picture import layers
from digitales.picture.collage import Looks, describe, render_layers, save_layers
from digitales.tale import Character, Tale

FPS = 25
SIZE = (640, 360)


def layered(tmp_path, text: str, speakers: list[str], parts: dict[str, dict] = {}):
    """A collage of `text` and its layers; `parts` sets figures' stage directions by key."""
    tale = Tale(title="t", lang="ru")
    tale.characters = [Character("Заяц", "hero", "male", kind="hare"), Character("Волк", "other", "male", kind="wolf"),
                       Character("Лиса", "other", "female", kind="fox")]
    shot = describe(text, "ru", Looks(tale), speakers)
    shot.figures = [replace(f, **parts.get(f.key, {})) for f in shot.figures]
    background, placed = render_layers(shot, (716, 402), "calm", "day", 3, floor=0.72)
    path = tmp_path / "01.png"
    save_layers(background, placed, layers.path_of(path))
    return path, {p.figure.key: p for p in placed}


def film(path, timing: Timing, seconds: float) -> list[np.ndarray]:
    shot = Shot(path, 0.0, seconds, (1.0, 1.0), ((0, 0), (0, 0)), puppets=lambda: Puppets(layers.path_of(path), timing))
    maker = FrameMaker([shot], SIZE, FPS, seconds)
    w, h = SIZE
    return [np.frombuffer(maker.frame(n), np.uint8, w * h).reshape(h, w).astype(np.float32) for n in range(maker.frames)]


def box_in_frame(p, picture=(716, 402)):
    k = SIZE[1] / picture[1]  # picture pixels to frame pixels (the camera holds the whole picture)
    return (slice(int(p.y * k), int((p.y + p.image.height) * k)), slice(int(p.x * k), int((p.x + p.image.width) * k)))


def test_the_speaker_moves_with_their_voice_and_is_still_when_silent(tmp_path):
    path, placed = layered(tmp_path, "Заяц говорит волку.", ["Заяц"], {"Заяц": {"lines": (0,)}})
    seconds = 8.0
    # a voice clip: a syllable rhythm at 4 Hz from 1 s to 4 s (the hare's line), silence after
    rate = 8000
    t = np.arange(int(seconds * rate)) / rate
    clip = np.where((t >= 1) & (t < 4), np.sin(2 * math.pi * 220 * t) * (0.5 + 0.5 * np.sin(2 * math.pi * 4 * t)), 0)
    loudness = voice_loudness([(0.0, clip.astype(np.float32), rate)], seconds, FPS)
    frames = film(path, Timing(0.0, seconds, [(1.0, 4.0)], loudness, FPS), seconds)
    change = [np.abs(b - a) for a, b in zip(frames, frames[1:])]

    def moved(key, first, last):
        box = box_in_frame(placed[key])
        return float(np.mean([c[box].mean() for c in change[int(first * FPS):int(last * FPS)]]))

    speaking, silent = moved("Заяц", 1.2, 3.8), moved("Заяц", 4.5, 6.8)  # the film fades out in its last second
    assert speaking > 4 * silent, (speaking, silent)
    assert moved("Волк", 1.2, 3.8) < speaking / 4, "the one listening only breathes"
    assert silent < 0.5, "silent, the speaker only breathes"


def test_a_figure_told_to_run_ends_the_shot_displaced(tmp_path):
    path, placed = layered(tmp_path, "Лиса бежит по лесу, а волк стоит.", [])
    assert placed["Лиса"].figure.moves == "run" and not placed["Волк"].figure.moves
    seconds = 6.0
    timing = Timing(0.0, seconds, [], np.zeros(int(seconds * FPS) + 1, np.float32), FPS)
    puppets = Puppets(layers.path_of(path), timing)
    fox = next(s for s in puppets.sprites if s.meta["key"] == "Лиса")
    wolf = next(s for s in puppets.sprites if s.meta["key"] == "Волк")
    start, end = fox.pose(0.0, timing, 716), fox.pose(seconds, timing, 716)
    assert abs(end[0, 2] - start[0, 2]) > 0.15 * 716, "carried a good way across the picture"
    assert abs(wolf.pose(seconds, timing, 716)[0, 2] - wolf.pose(0.0, timing, 716)[0, 2]) < 1, "the wolf stays"
    frames = film(path, timing, seconds)
    first, last = frames[int(0.7 * FPS)], frames[int(4.9 * FPS)]  # after the fade in, before the fade out
    box = box_in_frame(placed["Лиса"])
    assert np.abs(last[box] - first[box]).mean() > 10, "the fox is no longer where it stood"


def test_one_the_story_brings_in_later_comes_in_on_their_line(tmp_path):
    path, placed = layered(tmp_path, "Лиса сидит. Навстречу ей волк.", [], {"Волк": {"enters": 1}})
    seconds = 6.0
    timing = Timing(0.0, seconds, [(0.5, 2.0), (3.0, 5.0)], np.zeros(int(seconds * FPS) + 1, np.float32), FPS)
    frames = film(path, timing, seconds)
    box = box_in_frame(placed["Волк"])
    before, during, after = frames[int(2.5 * FPS)], frames[int(3.4 * FPS)], frames[int(4.8 * FPS)]
    assert np.abs(after[box] - before[box]).mean() > 10, "not there before its line, there after"
    assert np.abs(during[box] - after[box]).mean() > 1, "on its way in while the line begins"


def test_one_the_story_takes_away_is_in_the_picture_before_their_line_and_out_of_it_at_the_end(tmp_path):
    path, placed = layered(tmp_path, "Лиса сидит, и волк сидит. Волк убежал.", [], {"Волк": {"leaves": 1, "moves": ""}})
    seconds = 6.0
    timing = Timing(0.0, seconds, [(0.5, 2.0), (3.0, 4.0)], np.zeros(int(seconds * FPS) + 1, np.float32), FPS)
    wolf = next(s for s in Puppets(layers.path_of(path), timing).sprites if s.meta["key"] == "Волк")

    def span(t):  # the wolf's left and right edges in the picture at t
        xs = (wolf.pose(t, timing, 716) @ np.array([[0, wolf.w, 0, wolf.w], [0, 0, wolf.h, wolf.h], [1, 1, 1, 1]]))[0]
        return xs.min(), xs.max()

    assert span(2.9) == span(0.0) and 0 <= span(0.0)[0] and span(0.0)[1] <= 716, "in its place until its line"
    assert span(seconds)[1] < 0 or span(seconds)[0] > 716, "off the picture at the shot's end"
    frames = film(path, timing, seconds)
    box = box_in_frame(placed["Волк"])
    before, after = frames[int(2.8 * FPS)], frames[int(4.9 * FPS)]
    assert np.abs(after[box] - before[box]).mean() > 10, "where the wolf stood is empty"
    fox = box_in_frame(placed["Лиса"])
    assert np.abs(after[fox] - before[fox]).mean() < 2, "the fox stays"


def test_stage_directions_send_off_one_the_narration_or_the_plan_takes_away_but_not_one_who_sings_of_it():
    from digitales.picture.collage import plan_shots
    from digitales.tale import Event, Line, Scene

    tale = Tale(title="t", lang="ru")
    tale.characters = [Character("Волк", "other", "male", kind="wolf"), Character("Лиса", "other", "female", kind="fox")]
    scene = Scene(index=1, text="", mood="calm", place="лес")
    scene.lines = [Line("Волк и лиса сидят на поляне."), Line("Я от зайца ушёл!", speaker="Волк"),
                   Line("Волк убежал в лес.")]
    (shot,) = plan_shots(scene, "ru", Looks(tale), "field")
    assert {f.key: f.leaves for f in shot.figures if f.character} == {"Волк": 2, "Лиса": -1}
    scene.lines = [Line("Волк и лиса сидят на поляне."), Line("Я от зайца ушёл!", speaker="Волк"),
                   Line("Волк прилёг.")]
    (shot,) = plan_shots(scene, "ru", Looks(tale), "field")
    assert {f.key: f.leaves for f in shot.figures if f.character} == {"Волк": -1, "Лиса": -1}, "a song is not a going"
    scene.lines = [Line("Волк и лиса сидят на поляне."), Line("От зайца волк убежал, от лисы убежал, а от медведя не убежал.")]
    (shot,) = plan_shots(scene, "ru", Looks(tale), "field")
    assert {f.key: f.leaves for f in shot.figures if f.character} == {"Волк": -1, "Лиса": -1}, "the last word: not gone"
    # the plan's events first: the fox leaves where she is last told of, though no verb says it
    scene.lines = [Line("Волк и лиса сидят на поляне."), Line("Волк убежал бы, да лень."), Line("Лиса пошла домой.")]
    (shot,) = plan_shots(scene, "ru", Looks(tale), "field", [Event("leave", who=["Лиса"])])
    assert {f.key: f.leaves for f in shot.figures if f.character} == {"Волк": -1, "Лиса": 2}


def test_the_plans_events_carry_one_no_verb_sets_moving_in_the_picture_as_far_along_as_the_event():
    from digitales.picture.collage import plan_shots
    from digitales.tale import Event, Line, Scene

    tale = Tale(title="t", lang="ru")
    tale.characters = [Character("Колобок", "hero", "male", kind="bun"), Character("Заяц", "other", "male", kind="hare")]
    scene = Scene(index=1, text="", mood="calm", place="лес")
    scene.lines = [Line("Колобок на дорожке, а навстречу ему заяц."), Line("Я тебя съем!", speaker="Заяц"),
                   Line("Не ешь меня, я тебе песенку спою.", speaker="Колобок")]
    events = [Event("meet", who=["Заяц", "Колобок"], moves="hop"), Event("sing", who=["Колобок", "Заяц"], moves="roll")]
    (shot,) = plan_shots(scene, "ru", Looks(tale), "field", events)
    assert {f.key: f.moves for f in shot.figures if f.character} == {"Заяц": "hop", "Колобок": "roll"}
    scene.lines[0] = Line("Колобок катится по дорожке, а навстречу ему заяц.")
    (shot,) = plan_shots(scene, "ru", Looks(tale), "field", [Event("meet", who=["Заяц"], moves="walk")])
    assert {f.key: f.moves for f in shot.figures if f.character} == {"Заяц": "walk", "Колобок": "roll"}, "the verb said wins"
    # two pictures: the event at the scene's end moves its one in the last picture, not the first
    scene.lines = [Line("Жил-был колобок, румяный бок, и лежал он на окошке у деда с бабой, и было ему скучно."),
                   Line("Лежал он, лежал, да и подумал, что пора бы ему посмотреть, какой он, белый свет."),
                   Line("Тут прискакал заяц, серый, ушастый, и сел под окошком у самой завалинки."),
                   Line("Заяц поглядел на колобка и облизнулся, а колобок на зайца поглядел.")]
    shots = plan_shots(scene, "ru", Looks(tale), "field", [Event("look", who=["Колобок"]), Event("go", who=["Колобок"], moves="roll")])
    assert len(shots) == 2
    assert [{f.key: f.moves for f in s.figures if f.character}.get("Колобок") for s in shots] == ["", "roll"]


def test_a_figure_the_plan_sends_walking_strolls_across_and_the_others_stay(tmp_path):
    path, placed = layered(tmp_path, "Лиса сидит, и волк сидит.", [], {"Волк": {"moves": "walk"}})
    seconds = 6.0
    timing = Timing(0.0, seconds, [], np.zeros(int(seconds * FPS) + 1, np.float32), FPS)
    puppets = Puppets(layers.path_of(path), timing)
    wolf = next(s for s in puppets.sprites if s.meta["key"] == "Волк")
    fox = next(s for s in puppets.sprites if s.meta["key"] == "Лиса")
    assert abs(wolf.pose(seconds, timing, 716)[0, 2] - wolf.pose(0.0, timing, 716)[0, 2]) > 0.1 * 716
    assert abs(fox.pose(seconds, timing, 716)[0, 2] - fox.pose(0.0, timing, 716)[0, 2]) < 1


def test_a_figure_carried_across_stays_inside_what_the_camera_shows(tmp_path):
    from digitales.montage.motion import Shot as CameraShot
    from digitales.montage.puppets import EDGE

    path, placed = layered(tmp_path, "Лиса бежит по лесу, а волк стоит.", [])
    seconds = 6.0
    camera = CameraShot(path, 0.0, seconds, (1.1, 1.2), ((0.8, 0.0), (-0.6, 0.0)))  # zoomed in, panning across
    left, right = camera.seen((716, 402), (640, 360))
    assert 0 < left < right < 1
    timing = Timing(0.0, seconds, [], np.zeros(int(seconds * FPS) + 1, np.float32), FPS, view=(left, right))
    fox = next(s for s in Puppets(layers.path_of(path), timing).sprites if s.meta["key"] == "Лиса")
    end = fox.pose(seconds, timing, 716)[0, 2]  # where the sprite's left edge is at the end
    assert (left + EDGE) * 716 - 1 <= end and end + fox.w <= (right - EDGE) * 716 + 1
    assert abs(fox.pose(seconds, timing, 716)[0, 2] - fox.pose(0.0, timing, 716)[0, 2]) > 0.05 * 716, "still carried"
