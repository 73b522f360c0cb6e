"""Phrase banks of the embedded writer, one module per language."""
