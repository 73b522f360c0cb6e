"""A CLIP model (transformers: CLIPModel, AltCLIP, SigLIP… any id or folder): how well a
picture matches a text. It ranks the diffusers backend's candidates and guides the
clip-guided generator; both go through `ClipModel`.
"""

from __future__ import annotations


from digitales.backend import model_source
from digitales.errors import ToolMissing, UserError

NEEDS = "the neural picture backends need torch, transformers and diffusers: pip install 'digitales[pictures]'"


def quiet() -> None:
    """Keep the libraries' notes and progress bars off the terminal (ours shows progress)."""
    import os

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("DIFFUSERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import transformers

    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    try:
        import diffusers

        diffusers.utils.logging.set_verbosity_error()
        diffusers.utils.logging.disable_progress_bar()
    except ImportError:
        pass


def load_source(spec: str, what: str, marker: str = "config.json", how: str = "") -> str:
    """A picture model's id or folder (backend.model_source), `how` to give one when missing."""
    return model_source(spec, what, marker, f"no {what} given: {how}")


class ClipModel:
    def __init__(self, spec: str):
        try:
            import torch  # noqa: F401
            from transformers import AutoModel, AutoProcessor
        except ImportError:
            raise ToolMissing(NEEDS) from None
        source = load_source(spec, "CLIP model", how="set picture.clip to an id or a folder")
        quiet()
        try:
            self.model = AutoModel.from_pretrained(source).eval()
            self.processor = AutoProcessor.from_pretrained(source)
        except (OSError, ValueError) as e:
            raise UserError(f"cannot load the CLIP model {spec}: {str(e).splitlines()[0]}") from None
        image_processor = self.processor.image_processor
        size = getattr(image_processor, "crop_size", None) or image_processor.size
        self.image_size = (size["height"], size["width"]) if "height" in size else (size["shortest_edge"],) * 2
        self.mean, self.std = image_processor.image_mean, image_processor.image_std

    def text_vector(self, text: str):
        import torch

        tokens = self.processor.tokenizer([text], padding=True, truncation=True, return_tensors="pt")
        with torch.no_grad():
            vector = _features(self.model.get_text_features(**tokens))
        return vector / vector.norm(dim=-1, keepdim=True)

    def image_vectors(self, pixels):
        """Unit vectors of images given as a float tensor (N, 3, H, W) in 0…1; differentiable."""
        import torch
        import torch.nn.functional as F

        x = F.interpolate(pixels, size=self.image_size, mode="bilinear", align_corners=False, antialias=True)
        mean = torch.tensor(self.mean, dtype=x.dtype).view(1, 3, 1, 1)
        std = torch.tensor(self.std, dtype=x.dtype).view(1, 3, 1, 1)
        vector = _features(self.model.get_image_features(pixel_values=(x - mean) / std))
        return vector / vector.norm(dim=-1, keepdim=True)

    def scores(self, images, text: str) -> list[float]:
        """Cosine similarity of each PIL image with the text."""
        import numpy as np
        import torch

        h, w = self.image_size
        pixels = torch.from_numpy(np.stack([np.asarray(i.convert("RGB").resize((w, h)), np.float32) / 255
                                            for i in images])).permute(0, 3, 1, 2)
        with torch.no_grad():
            return (self.image_vectors(pixels) @ self.text_vector(text).T).squeeze(1).tolist()


def _features(out):
    """transformers 5 returns model outputs where 4 returned tensors: take the pooled vector."""
    return out if hasattr(out, "norm") else out.pooler_output
