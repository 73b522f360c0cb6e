"""Prose for each scene. The first backend cuts a given text into scenes."""

from digitales.writer.textfile import TextFileWriter

BACKENDS = {TextFileWriter.name: TextFileWriter}
