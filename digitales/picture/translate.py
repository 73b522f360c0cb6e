"""Russian words to English for picture prompts, with the writer's language model when the
tale is written by one (`--writer hf|gguf|openai`); None when there is none to ask."""

from __future__ import annotations

from typing import Callable

from digitales.settings import Settings
from digitales.tale import Tale

LM_WRITERS = ("hf", "gguf", "openai")


def translator_for(settings: Settings, tale: Tale) -> Callable[[str], str] | None:
    if tale.lang == "en" or settings.writer.backend not in LM_WRITERS:
        return None
    from digitales.writer import BACKENDS
    from digitales.writer.lm import Prompt

    writer = BACKENDS[settings.writer.backend](settings)
    model = None

    def translate(text: str) -> str:
        nonlocal model
        model = model or writer.model()
        prompt = Prompt("You translate Russian into plain English. Answer with the translation only.",
                        f"Russian: {text}\nEnglish:")
        return (model.complete(prompt, 1, tale.seed) or [""])[0]

    return translate
