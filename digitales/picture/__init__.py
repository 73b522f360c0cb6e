"""Pictures for each scene. The first backend paints a card per scene."""

from digitales.picture.card import CardPicture

BACKENDS = {CardPicture.name: CardPicture}
