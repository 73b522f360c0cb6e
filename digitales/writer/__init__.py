"""Prose for each scene: `embedded` writes the planned tale from phrase banks; `hf`, `gguf`
and `openai` ask a language model beat by beat; `file` cuts the user's text into scenes."""

from digitales.writer.embedded import EmbeddedWriter
from digitales.writer.gguf import GGUFWriter
from digitales.writer.hf import HFWriter
from digitales.writer.openai import OpenAIWriter
from digitales.writer.textfile import TextFileWriter

BACKENDS = {b.name: b for b in (EmbeddedWriter, HFWriter, GGUFWriter, OpenAIWriter, TextFileWriter)}
