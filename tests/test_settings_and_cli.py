
import pytest

from digitales.errors import UserError
from digitales.pipeline import GRAPH, slugify
from digitales.plot.genres import genre_name
from digitales.settings import load_settings
from tests.conftest import run_cli


def test_config_profile_and_flags_layer_in_order(tmp_path, monkeypatch):
    config = tmp_path / "c.toml"
    config.write_text('lang = "en"\n[video]\nheight = 1080\n[profiles.small.video]\nheight = 720\naspect = "1:1"\n')
    assert load_settings(config).video.height == 1080
    small = load_settings(config, "small")
    assert (small.video.height, small.video.aspect, small.lang) == (720, "1:1", "en")
    assert load_settings(config, "small", {"video": {"height": 2160}}).video.height == 2160
    monkeypatch.setenv("DIGITALES_VIDEO__FPS", "30")
    assert load_settings(config).video.fps == 30
    with pytest.raises(UserError, match="no profile 'big'"):
        load_settings(config, "big")


def test_video_size_follows_aspect_and_height():
    assert load_settings(overrides={"video": {"aspect": "9:16", "height": 1080}}).video.size == (608, 1080)
    assert load_settings(overrides={"video": {"aspect": "16:9", "height": 2160}}).video.size == (3840, 2160)


def test_genres_in_english_and_russian():
    assert genre_name("сказка") == genre_name("fairy_tale") == genre_name("Fairy tale") == "fairy_tale"
    assert genre_name("Былина") == "bylina"
    with pytest.raises(UserError):
        genre_name("opera")


def test_slugs():
    assert slugify("Колобок") == "kolobok"
    assert slugify("Лиса и заяц") == "lisa-i-zayac"
    assert slugify("The Fox and the Castle!") == "the-fox-and-the-castle"
    assert slugify("🦊") == "tale"


def test_doctor_lists_every_stage_and_backend_and_all_work_here():
    run = run_cli("doctor")
    assert run.returncode == 0, run.stdout + run.stderr
    for stage in GRAPH:
        assert stage.name in run.stdout
        for name in stage.backends:
            assert name in run.stdout
    works = [row.split("│")[3].strip() for row in run.stdout.splitlines() if row.startswith("│")]
    assert works and set(works) <= {"yes", ""}


def test_voices_lists_languages():
    run = run_cli("voices")
    assert run.returncode == 0 and "festival" in run.stdout and "piper" in run.stdout and "espeak" in run.stdout
