"""Ken Burns motion must be smooth: the picture moves by a steady sub-pixel amount per frame,
never in whole-pixel jumps (the jitter of rounding the crop window)."""

import cv2
import numpy as np
from PIL import Image

from digitales.montage.motion import FrameMaker, Shot, rgb_to_yuv420


def textured(path, size=(1434, 806)):
    rng = np.random.default_rng(0)
    noise = rng.integers(0, 255, size=(size[1] // 8, size[0] // 8, 3), dtype=np.uint8)
    img = Image.fromarray(noise).resize(size, Image.BICUBIC)  # smooth texture: trackable, no aliasing
    img.save(path)
    return path


def luma(frame: bytes, size) -> np.ndarray:
    w, h = size
    return np.frombuffer(frame, np.uint8, w * h).reshape(h, w).astype(np.float32)


def test_a_slow_pan_moves_by_steady_sub_pixel_steps(tmp_path):
    size = (1280, 720)
    shot = Shot(textured(tmp_path / "a.png"), 0.0, 20.0, (1.07, 1.07), ((-1, 0), (1, 0)))
    maker = FrameMaker([shot], size, 25, 20.0)
    frames = [luma(maker.frame(n), size) for n in range(200, 240)]
    shifts = [cv2.phaseCorrelate(a, b)[0][0] for a, b in zip(frames, frames[1:])]
    steps = np.array(shifts)
    assert np.all(np.abs(steps) < 1.0), "the pan is slow: under a pixel per frame"
    assert np.all(steps * np.sign(steps.mean()) > 0), "it never stops or steps back"
    assert steps.std() < 0.05, f"steady steps, no whole-pixel jumps: {steps}"


def test_crossfade_blends_and_the_ends_fade_from_and_to_black(tmp_path):
    size = (320, 180)
    red = tmp_path / "r.png"
    blue = tmp_path / "b.png"
    Image.new("RGB", (360, 202), (220, 30, 30)).save(red)
    Image.new("RGB", (360, 202), (30, 30, 220)).save(blue)
    shots = [Shot(red, 0.0, 5.5, (1, 1), ((0, 0), (0, 0))), Shot(blue, 4.5, 10.0, (1, 1), ((0, 0), (0, 0)))]
    maker = FrameMaker(shots, size, 10, 10.0)
    y_red, y_blue = (rgb_to_yuv420(Image.open(p))[0].mean() for p in (red, blue))
    assert luma(maker.frame(0), size).mean() < 40  # fading in from black (Y 16)
    assert abs(luma(maker.frame(30), size).mean() - y_red) < 1
    mid = luma(maker.frame(49), size).mean()  # t = 4.95, the middle of the crossfade
    assert abs(mid - (y_red + y_blue) / 2) < 3
    assert abs(luma(maker.frame(70), size).mean() - y_blue) < 1
    assert luma(maker.frame(99), size).mean() < 25  # fading out to black
