"""`diffusers`: any text-to-image pipeline diffusers can load — a Hugging Face id (downloaded
once at run time) or a local folder — with N candidates per picture ranked by a CLIP model.

    digitales make "Колобок" --picture diffusers:stabilityai/sd-turbo
    [picture] clip = "openai/clip-vit-base-patch32"   candidates = 4   steps = 25

The prompt says who is there with their fixed looks, the place, time and mood, and a
style (prompts.py), so a character is drawn alike from scene to scene as far as the
model allows. Pictures are made at the model's own resolution in the video's aspect and
scaled to the picture size.
"""

from __future__ import annotations

from PIL import Image

from digitales.errors import ToolMissing, UserError
from digitales.picture.clip import NEEDS, ClipModel, load_source, quiet
from digitales.picture.collage import PicturePerShot, Shot
from digitales.picture.prompts import english_prompt
from digitales.picture.translate import translator_for
from digitales.tale import Scene, Tale

PIPELINE_HOW = "--picture diffusers:MODEL_ID_OR_FOLDER"
NEGATIVE = "text, letters, watermark, frightening, gore, blurry"


class DiffusersPicture(PicturePerShot):
    name = "diffusers"
    version = "1"
    description = "a diffusers text-to-image pipeline (id or folder), candidates ranked by CLIP: --picture diffusers:MODEL"

    @classmethod
    def problem(cls) -> str | None:
        try:
            import diffusers  # noqa: F401
            import torch  # noqa: F401
            import transformers  # noqa: F401
        except ImportError:
            return NEEDS
        return None

    def preflight(self) -> None:
        super().preflight()
        load_source(self.settings.picture.model, "diffusers pipeline", "model_index.json", PIPELINE_HOW)
        if self.settings.picture.clip:
            load_source(self.settings.picture.clip, "CLIP model")

    def key_settings(self) -> dict:
        p = self.settings.picture
        return {"model": p.model, "clip": p.clip, "candidates": p.candidates, "steps": p.steps, "style": p.style,
                "height": p.height, "size": self.settings.video.size}

    def shot_key(self, shot: Shot, scene: Scene, tale: Tale) -> dict:
        return {"prompt": self.prompt(shot, scene, tale)}

    def prompt(self, shot: Shot, scene: Scene, tale: Tale) -> str:
        if not hasattr(self, "_translate"):
            self._translate = translator_for(self.settings, tale)
        return english_prompt(shot, scene, tale, self.looks, self.settings.picture.style, self._translate)

    def prepare(self, tale: Tale, job) -> None:
        quiet()
        import torch
        from diffusers import AutoPipelineForText2Image

        source = load_source(self.settings.picture.model, "diffusers pipeline", "model_index.json", PIPELINE_HOW)
        try:
            self.pipe = AutoPipelineForText2Image.from_pretrained(source, dtype=torch.float32)
        except (OSError, ValueError, KeyError) as e:
            raise UserError(f"cannot load the diffusers pipeline {source}: {str(e).splitlines()[0]}") from None
        self.pipe.set_progress_bar_config(disable=True)
        self.clip = ClipModel(self.settings.picture.clip) if self.settings.picture.clip else None

    def draw(self, shot: Shot, scene: Scene, tale: Tale, size: tuple[int, int], seed: int) -> Image.Image:
        import torch

        p = self.settings.picture
        prompt = self.prompt(shot, scene, tale)
        width, height = self.model_size(size)
        generators = [torch.Generator().manual_seed(seed + i) for i in range(p.candidates)]
        try:
            images = self.pipe(prompt=prompt, negative_prompt=NEGATIVE, num_inference_steps=p.steps, width=width,
                               height=height, num_images_per_prompt=p.candidates, generator=generators).images
        except (RuntimeError, ValueError) as e:
            raise ToolMissing(f"the diffusers pipeline failed: {str(e).splitlines()[0]}") from None
        best = images[0]
        if self.clip is not None and len(images) > 1:
            scores = self.clip.scores(images, prompt)
            best = images[max(range(len(images)), key=scores.__getitem__)]
        return best.convert("RGB").resize(size, Image.LANCZOS)

    def model_size(self, size: tuple[int, int]) -> tuple[int, int]:
        """The model's own resolution, in the picture's aspect, in multiples of 8 latent pixels."""
        factor = getattr(self.pipe, "vae_scale_factor", 8)
        native = self.pipe.unet.config.sample_size * factor if hasattr(self.pipe, "unet") else 512
        step = factor * 8
        w, h = size
        if w >= h:
            return max(step, round(native * w / h / step) * step), native
        return native, max(step, round(native * h / w / step) * step)
