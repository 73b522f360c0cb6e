"""The neural picture backends with tiny random models of the real classes, loaded the way a
user's models are: the diffusers pipeline with CLIP ranking, the CLIP-guided generator,
English prompts for a Russian tale, and broken model folders."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from digitales.picture.clip_guided import ClipGuidedPicture
from digitales.picture.collage import Looks, describe
from digitales.picture.diffusion import NEGATIVE, DiffusersPicture
from digitales.picture.prompts import english_prompt
from digitales.picture.translate import translator_for
from digitales.settings import load_settings
from digitales.tale import Character, Scene, Tale
from tests.chat_endpoint import ChatEndpoint, serving
from tests.conftest import EN_SHORT, run_cli
from tests.picture.tiny_models import write_tiny_clip, write_tiny_stable_diffusion


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny-picture-models")
    return {"clip": write_tiny_clip(root / "clip"), "sd": write_tiny_stable_diffusion(root / "sd")}


def fox_tale(lang: str = "en") -> Tale:
    tale = Tale(title="The Fox and the Castle", genre="fairy_tale", lang=lang, seed=3)
    name = "fox" if lang == "en" else "лиса"
    look = "red, with a white tip to her tail" if lang == "en" else "рыжая, с пушистым белым кончиком хвоста"
    tale.characters = [Character(name, "hero", "female", look=look, kind="fox")]
    return tale


def settings_for(picture: dict, **more):
    return load_settings(None, None, {"picture": picture, **more})


def test_the_diffusers_backend_keeps_the_candidate_clip_likes_best(tiny):
    backend = DiffusersPicture(settings_for({"backend": "diffusers", "model": str(tiny["sd"]), "clip": str(tiny["clip"]),
                                             "candidates": 3, "steps": 2}))
    backend.preflight()
    tale = fox_tale()
    backend.looks = Looks(tale)
    scene = Scene(index=1, text="", mood="calm", time_of_day="night")
    shot = describe("The fox walked up to the castle gate with an apple.", "en", backend.looks, [], "the castle")
    backend.prepare(tale, None)
    prompt = backend.prompt(shot, scene, tale)
    assert prompt.startswith("The fox walked up to the castle gate") and "red, with a white tip" in prompt
    assert "at night" in prompt and "apple" in prompt

    picture = backend.draw(shot, scene, tale, (96, 54), seed=7)
    assert picture.size == (96, 54)
    import torch

    width, height = backend.model_size((96, 54))
    candidates = backend.pipe(prompt=prompt, negative_prompt=NEGATIVE, num_inference_steps=2, width=width, height=height,
                              num_images_per_prompt=3, generator=[torch.Generator().manual_seed(7 + i) for i in range(3)]).images
    scores = backend.clip.scores(candidates, prompt)
    assert len(set(np.round(scores, 6))) == 3, "the candidates differ, so the choice means something"
    best = candidates[int(np.argmax(scores))].convert("RGB").resize((96, 54), Image.LANCZOS)
    assert np.array_equal(np.asarray(picture), np.asarray(best))


def test_clip_guidance_raises_clips_score_for_the_words(tiny):
    backend = ClipGuidedPicture(settings_for({"backend": "clip-guided", "model": str(tiny["sd"]), "clip": str(tiny["clip"]),
                                              "steps": 12}))
    backend.preflight()
    backend.prepare(fox_tale(), None)
    prompt = "a red fox before a castle at night"
    latents, scores = backend.optimise(prompt, (64, 36), seed=1)
    assert scores[-1] > scores[0] + 0.01, scores
    import torch

    torch.manual_seed(1)
    start = torch.randn_like(latents)
    assert backend.score(latents, prompt) > backend.score(start, prompt)
    assert backend.decode(latents).size == (latents.shape[3] * 2, latents.shape[2] * 2)


def test_make_with_the_diffusers_and_clip_guided_backends(tmp_path, tiny):
    text = tmp_path / "fox.md"
    text.write_text(EN_SHORT, encoding="utf-8")
    for backend, extra in (("diffusers", "candidates = 2\nsteps = 2\n"), ("clip-guided", "steps = 2\n")):
        config = tmp_path / f"{backend}.toml"
        config.write_text(f'[picture]\nclip = "{tiny["clip"]}"\n{extra}', encoding="utf-8")
        run = run_cli("make", "The Fox and the Castle", "--text", str(text), "--lang", "en", "--picture",
                      f"{backend}:{tiny['sd']}", "--config", str(config), "--until", "picture", "--out", str(tmp_path / backend),
                      "--quiet")
        assert run.returncode == 0, run.stderr
        assert "Loading" not in run.stderr and "Warning" not in run.stderr, run.stderr
        manifest = json.loads((tmp_path / backend / "the-fox-and-the-castle" / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["backends"]["picture"]["name"] == backend
        images = [i for s in manifest["scenes"] for i in s["images"]]
        assert images and all((tmp_path / backend / "the-fox-and-the-castle" / i["path"]).is_file() for i in images)


@pytest.mark.parametrize("picture, config, message", [
    ("diffusers:{empty}", "", "is not a diffusers pipeline folder"),
    ("diffusers:{clip}", "", "is not a diffusers pipeline folder"),
    ("clip-guided:{sd}", "", "needs a CLIP model"),
    ("clip-guided:{sd}", 'clip = "{empty}"', "is not a CLIP model folder"),
    ("clip-guided:{clip}", 'clip = "{clip}"', "not an image decoder"),
])
def test_a_broken_model_folder_is_one_clear_line(tmp_path, tiny, picture, config, message):
    empty = tmp_path / "empty"
    empty.mkdir()
    names = {"empty": empty, "clip": tiny["clip"], "sd": tiny["sd"]}
    settings = tmp_path / "p.toml"
    settings.write_text("[picture]\n" + config.format(**names), encoding="utf-8")
    text = tmp_path / "fox.md"
    text.write_text(EN_SHORT, encoding="utf-8")
    run = run_cli("make", "Fox", "--text", str(text), "--lang", "en", "--picture", picture.format(**names),
                  "--config", str(settings), "--out", str(tmp_path / "out"))
    assert run.returncode == 2, run.stderr
    assert message in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "fox" / "tale.mp4").exists()


class Translator(ChatEndpoint):
    """Translates like a small model would: right for the fox, in Russian for anything else."""

    def answer(self, body: dict) -> str:
        user = body["messages"][-1]["content"]
        return "The fox went into the dark forest." if "Лиса" in user else "Лиса пошла в лес."


def test_a_russian_scene_gets_an_english_prompt_from_the_writers_model_or_the_lexicon():
    with serving(Translator) as url:
        tale = fox_tale("ru")
        looks = Looks(tale)
        scene = Scene(index=1, text="", mood="scary", place="дремучий лес", time_of_day="evening")
        shot = describe("Лиса пошла в тёмный лес с корзинкой.", "ru", looks, [], scene.place)
        settings = load_settings(None, None, {"writer": {"backend": "openai",
                                                         "model": f"{url}#tiny"}})
        translate = translator_for(settings, tale)
        with_lm = english_prompt(shot, scene, tale, looks, "watercolour", translate)
        assert with_lm.startswith("The fox went into the dark forest")
        without = english_prompt(shot, scene, tale, looks, "watercolour", None)
        assert without.startswith("a fox (red, with a fluffy white-tipped tail), basket in a deep forest in the evening glow")
        assert all(ch.isascii() for ch in without), "the Russian look is told in English, from the cast's table"
        # an answer that is not English is not used
        assert english_prompt(shot, scene, tale, looks, "watercolour", lambda s: "Лиса пошла в лес.") == without
