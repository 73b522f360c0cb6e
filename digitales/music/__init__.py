"""A music bed for the whole tale. First backends: none, and a user's file."""

from digitales.music.audiofile import FileMusic
from digitales.music.silent import NoMusic

BACKENDS = {b.name: b for b in (NoMusic, FileMusic)}
