"""Pictures for each scene: the collage (default), a card, and the neural backends."""

from digitales.picture.card import CardPicture
from digitales.picture.collage import CollagePicture

BACKENDS = {b.name: b for b in (CollagePicture, CardPicture)}
