"""Pictures for each scene: the collage (default), a card, and the neural backends."""

from digitales.picture.card import CardPicture
from digitales.picture.clip_guided import ClipGuidedPicture
from digitales.picture.collage import CollagePicture
from digitales.picture.diffusion import DiffusersPicture

BACKENDS = {b.name: b for b in (CollagePicture, CardPicture, DiffusersPicture, ClipGuidedPicture)}
