"""`clip-guided`: a generator's latents optimised toward the CLIP vector of the words, as
big-sleep (BigGAN + CLIP) and VQGAN+CLIP did. The generator is a diffusers image decoder —
an AutoencoderKL or VQModel id or folder, or a whole pipeline's `vae` — and the judge a
CLIP model (picture.clip).

    digitales make "Колобок" --picture clip-guided:stabilityai/sd-vae-ft-mse
    [picture] clip = "openai/clip-vit-base-patch32"   steps = 200

Each step decodes the latents, cuts a few random crops of the picture (so the whole
frame, not one corner, has to match the words), and moves the latents to raise CLIP's
cosine similarity between the crops and the prompt. Slow on a CPU: minutes a picture.
"""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from digitales.errors import UserError
from digitales.picture.clip import ClipModel, load_source, quiet
from digitales.picture.collage import PicturePerShot, Shot
from digitales.picture.diffusion import DiffusersPicture
from digitales.tale import Scene, Tale

CUTS = 4  # random crops per step
LEARNING_RATE = 0.08
WORK_HEIGHT = 256  # pixels decoded per step; the result is scaled to the picture size


class ClipGuidedPicture(DiffusersPicture):
    name = "clip-guided"
    version = "1"
    description = "a generator's latents optimised toward CLIP's vector of the words: --picture clip-guided:VAE"

    def preflight(self) -> None:
        PicturePerShot.preflight(self)  # the tools are there; the models are checked here, not as a pipeline's
        generator_folder(self.settings.picture.model)
        if not self.settings.picture.clip:
            raise UserError("--picture clip-guided needs a CLIP model: set picture.clip (an id or a folder)")
        load_source(self.settings.picture.clip, "CLIP model")

    def prepare(self, tale: Tale, job) -> None:
        quiet()
        import diffusers

        source, subfolder, class_name = generator_folder(self.settings.picture.model)
        try:
            cls = getattr(diffusers, class_name)
            self.generator = cls.from_pretrained(source, subfolder=subfolder).eval()
        except (OSError, ValueError, AttributeError, EnvironmentError) as e:
            raise UserError(f"cannot load the generator {source}: {str(e).splitlines()[0]}") from None
        self.generator.requires_grad_(False)
        self.clip = ClipModel(self.settings.picture.clip)
        self.clip.model.requires_grad_(False)

    def draw(self, shot: Shot, scene: Scene, tale: Tale, size: tuple[int, int], seed: int) -> Image.Image:
        latents, _ = self.optimise(self.prompt(shot, scene, tale), size, seed)
        return self.decode(latents).resize(size, Image.LANCZOS)

    def optimise(self, prompt: str, size: tuple[int, int], seed: int, steps: int | None = None):
        """The latents after `steps` of gradient ascent, and CLIP's score at each step."""
        import torch

        chance = torch.Generator().manual_seed(seed)  # its own: music may draw from torch's global one meanwhile
        target = self.clip.text_vector(prompt)
        factor = 2 ** (len(self.generator.config.block_out_channels) - 1)
        h = max(8, WORK_HEIGHT // factor)
        w = max(8, round(h * size[0] / size[1]))
        latents = torch.randn(1, self.generator.config.latent_channels, h, w, generator=chance).requires_grad_(True)
        optimiser = torch.optim.Adam([latents], lr=LEARNING_RATE)
        scores = []
        for _ in range(steps or self.settings.picture.steps):
            pixels = self._pixels(latents)
            score = (self.clip.image_vectors(_cutouts(pixels, chance)) @ target.T).mean()
            optimiser.zero_grad()
            (-score).backward()
            optimiser.step()
            scores.append(float(score.detach()))
        return latents.detach(), scores

    def score(self, latents, prompt: str) -> float:
        import torch

        with torch.no_grad():
            return float(self.clip.image_vectors(self._pixels(latents)) @ self.clip.text_vector(prompt).T)

    def _pixels(self, latents):
        return (self.generator.decode(latents).sample.clamp(-1, 1) + 1) / 2

    def decode(self, latents) -> Image.Image:
        import torch

        with torch.no_grad():
            pixels = self._pixels(latents)[0].permute(1, 2, 0).numpy()
        return Image.fromarray((pixels * 255).round().astype("uint8"), "RGB")


def _cutouts(pixels, chance):
    """The whole picture and a few random square crops of it (a third to all of its height)."""
    import torch
    import torch.nn.functional as F

    _, _, h, w = pixels.shape
    side = min(h, w)
    cuts = [pixels]
    for _ in range(CUTS - 1):
        size = max(4, int(side * float(torch.empty(1).uniform_(0.34, 1.0, generator=chance))))
        y, x = int(torch.randint(0, h - size + 1, (), generator=chance)), int(torch.randint(0, w - size + 1, (), generator=chance))
        cuts.append(pixels[:, :, y:y + size, x:x + size])
    return torch.cat([F.interpolate(c, size=(side, side), mode="bilinear", align_corners=False) for c in cuts])


def generator_folder(spec: str) -> tuple[str, str | None, str]:
    """(source, subfolder, class) of the image decoder: a VAE folder or a pipeline's `vae`."""
    source = spec if _pipeline(spec) else load_source(spec, "generator", "config.json", "--picture clip-guided:VAE_ID_OR_FOLDER")
    path = Path(source)
    if not path.exists():
        return source, None, "AutoencoderKL"  # a hub id: the usual image decoder
    subfolder = "vae" if (path / "model_index.json").is_file() else None
    config = json.loads(((path / subfolder) if subfolder else path).joinpath("config.json").read_text(encoding="utf-8"))
    class_name = config.get("_class_name") or (config.get("architectures") or ["a model diffusers cannot load"])[0]
    if class_name not in ("AutoencoderKL", "VQModel", "AutoencoderTiny"):
        raise UserError(f"{spec} is a {class_name}, not an image decoder (AutoencoderKL or VQModel)")
    return source, subfolder, class_name


def _pipeline(spec: str) -> bool:
    path = Path(spec).expanduser()
    return (path / "model_index.json").is_file() and (path / "vae" / "config.json").is_file()
