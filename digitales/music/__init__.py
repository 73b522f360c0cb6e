"""A music bed for the whole tale: our Music Transformer's score, the user's file, or none."""

from digitales.music.audiofile import FileMusic
from digitales.music.silent import NoMusic
from digitales.music.transformer import TransformerMusic

BACKENDS = {b.name: b for b in (TransformerMusic, FileMusic, NoMusic)}
