"""Layout rules of the collage: feet on the ground, no character over another, depth, the speaker in front."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from digitales.picture.layout import Figure, arrange
from digitales.picture.lexicon import KIND_ASSETS
from digitales.picture.scenery import Ground, paint_scenery
from digitales.picture.palette import palette_for

KINDS = sorted(KIND_ASSETS)


def cast(rng: random.Random, n: int) -> list[Figure]:
    figures = []
    for i, kind in enumerate(rng.sample(KINDS, n)):
        asset, tint, size = KIND_ASSETS[kind]
        figures.append(Figure(f"c{i}", asset, size, tint, character=True, speaking=i == 0))
    return figures


def ground_for(size) -> Ground:
    return paint_scenery(size, "field", palette_for("calm"), 1)[1]


@pytest.mark.parametrize("size", [(1920, 1080), (608, 1080), (512, 512)])
def test_characters_stand_on_the_front_line_by_their_drawn_pixels_and_never_overlap(size):
    rng = random.Random(size[0])
    ground = ground_for(size)
    for trial in range(12):
        figures = cast(rng, rng.randint(1, 5)) + [Figure("tree", "deciduous-tree", 1.8), Figure("sun", "sun", 0.5, sky=True)]
        placed = arrange(figures, size, ground, trial)
        people = [p for p in placed if p.figure.character]
        assert people, "at least the speaker is drawn"
        for p in people:
            mask = p.mask
            lowest = p.y + np.flatnonzero(mask.any(axis=1))[-1]
            assert lowest == round(ground.front[0]) - 1, "the lowest drawn pixel touches the ground line"
            assert 0 <= p.x and p.x + p.image.width <= size[0], "inside the frame"
        for a, b in itertools.combinations(people, 2):
            canvas = np.zeros((size[1] + 1, size[0] + 1), np.uint8)
            for p in (a, b):
                region = canvas[p.y:p.y + p.image.height, p.x:p.x + p.image.width]
                region += p.mask[: region.shape[0], : region.shape[1]].astype(np.uint8)
            assert canvas.max() == 1, f"{a.figure.asset} and {b.figure.asset} overlap"


def test_the_speaker_is_drawn_last_and_far_things_are_smaller_and_higher():
    size = (1920, 1080)
    ground = ground_for(size)
    figures = [Figure("fox", "fox", 0.6, character=True), Figure("hare", "rabbit", 0.6, character=True, speaking=True),
               Figure("oak", "deciduous-tree", 0.6)]
    placed = arrange(figures, size, ground, 3)
    assert placed[-1].figure.key == "hare"
    tree, fox = next(p for p in placed if p.figure.key == "oak"), next(p for p in placed if p.figure.key == "fox")
    assert tree.row == "back" and fox.row == "front"
    assert tree.image.height < fox.image.height, "the same size further away is drawn smaller"
    assert tree.y + tree.image.height < fox.y + fox.image.height, "and stands higher up the frame"


def test_a_crowd_is_drawn_smaller_all_alike_so_proportions_hold():
    size = (608, 1080)  # a tall frame has little width for five characters
    ground = ground_for(size)
    figures = [Figure(f"p{i}", "person-standing", 0.9, character=True) for i in range(3)] + [
        Figure("bear", "bear", 0.8, character=True)]
    placed = {p.figure.key: p for p in arrange(figures, size, ground, 0)}
    roomy = {p.figure.key: p for p in arrange(figures[:1] + figures[3:], (3000, 1080), ground_for((3000, 1080)), 0)}
    assert placed["p0"].image.height < roomy["p0"].image.height
    ratio, roomy_ratio = (placed["bear"].image.height / placed["p0"].image.height,
                          roomy["bear"].image.height / roomy["p0"].image.height)
    assert abs(ratio - roomy_ratio) < 0.03


@pytest.mark.parametrize("aspect", ["16:9", "9:16", "1:1"])
def test_no_figure_pixel_falls_in_the_subtitle_band_at_any_aspect(aspect):
    from digitales import subtitle_band
    from digitales.settings import Settings
    settings = Settings(video={"aspect": aspect})
    video = settings.video.size
    floor = subtitle_band.picture_band_top(video, settings.video.zoom)
    size = (round(video[0] * 1.12 / 2) * 2, round(video[1] * 1.12 / 2) * 2)  # the picture, with the camera's room
    ground = ground_for(size)
    rng = random.Random(aspect)
    for trial in range(12):  # 12 casts per aspect, 36 in all
        figures = cast(rng, rng.randint(1, 5)) + [Figure("tree", "deciduous-tree", 1.8), Figure("well", "house", 1.5),
                                                  Figure("sun", "sun", 0.5, sky=True)]
        placed = arrange(figures, size, ground, trial, floor)
        assert any(p.figure.character for p in placed)
        for p in placed:
            lowest = p.y + np.flatnonzero(p.mask.any(axis=1))[-1]
            assert lowest < floor * size[1], f"{p.figure.asset} reaches into the subtitles' band"

