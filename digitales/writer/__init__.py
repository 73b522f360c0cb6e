"""Prose for each scene: `embedded` writes the planned tale; `file` cuts the user's text into scenes."""

from digitales.writer.embedded import EmbeddedWriter
from digitales.writer.textfile import TextFileWriter

BACKENDS = {EmbeddedWriter.name: EmbeddedWriter, TextFileWriter.name: TextFileWriter}
