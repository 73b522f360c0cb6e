"""The user's own text (--text): its scenes as the user marked them, or cut by length.

A text with scene rules (`---`, as `digitales write` writes them) keeps its scenes exactly: the
user chose them, and Redraw names them by number. A text without any is cut into scenes of about
10–25 s of narration: cuts fall at paragraph ends when a scene is long enough or the next
paragraph would make it too long; inside a paragraph only when that paragraph alone is too long,
and then at sentence ends; never inside a sentence. A text `digitales write` wrote also lists its
cast (text/source.py): those characters join the tale's, first and in that order.
"""

from __future__ import annotations

from digitales.backend import Backend, Job
from digitales.errors import UserError
from digitales.tale import Scene, Tale
from digitales.text.sentences import split_sentences
from digitales.text.source import SCENE_MARK, paragraphs, split_cast
from digitales.voice import narration_seconds


class TextFileWriter(Backend):
    stage = "writer"
    name = "file"
    description = "the user's text from --text: its own scenes (--- rules), or cut at paragraph and sentence ends"

    def run(self, tale: Tale, job: Job) -> None:
        if not tale.source_text.strip():
            raise UserError("a text is needed: pass --text FILE (writing a tale from the title alone comes with the writer stage)")
        cfg = job.settings.text
        key = {"text": tale.source_text, "title": tale.title, "lang": tale.lang, "min": cfg.scene_min_seconds,
               "max": cfg.scene_max_seconds, "voice": job.settings.voice.model_dump()}
        text, cast = split_cast(tale.source_text)
        # The cast a written tale lists comes first, in its order, as the plan made it: voices are cast
        # in this order, so an edit cannot move them from one character to another, and looks stay.
        known = {c.name for c in tale.characters}
        tale.characters += [c for c in cast if c.name not in known]

        def scenes(_dir) -> dict:
            if SCENE_MARK in text:
                return {"scenes": marked_scenes(text, tale.title)}
            return {"scenes": cut_scenes(without_title(text, tale.title),
                                         lambda t: narration_seconds(t, tale.lang, job.settings),
                                         cfg.scene_min_seconds, cfg.scene_max_seconds)}

        result, _ = job.cache.memo(key, scenes)
        tale.scenes = [Scene(index=i + 1, text=said) for i, said in enumerate(result["scenes"])]


def without_title(text: str, title: str) -> str:
    """A Markdown file often starts with the title as a heading: the title card shows it already."""
    paras = paragraphs(text)
    if paras and paras[0].strip(" .!").casefold() == title.strip(" .!").casefold():
        return "\n\n".join(paras[1:])
    return text


def marked_scenes(text: str, title: str) -> list[str]:
    """The scenes between the rules, each its paragraphs; the title heading before the first is the title card's."""
    parts = text.split(SCENE_MARK)
    parts[0] = without_title(parts[0], title)
    scenes = ["\n\n".join(paragraphs(part)) for part in parts]
    if not scenes[0]:
        scenes.pop(0)
    empty = next((n for n, scene in enumerate(scenes, 1) if not scene), 0)
    if empty:  # read_text_file refuses such a text; a tale made otherwise is checked here too
        raise UserError(f"scene {empty} of the text has nothing to say; write its text or remove the --- line before it")
    return scenes


def cut_scenes(text: str, seconds, least: float, most: float) -> list[str]:
    """Scenes as texts whose paragraphs are separated by blank lines."""
    scenes: list[list[str]] = []  # each scene: its paragraphs
    current: list[str] = []  # paragraphs of the scene being filled
    para: list[str] = []  # sentences of the paragraph being filled
    length = 0.0

    def close_scene() -> None:
        nonlocal current, length
        if para:
            current.append(" ".join(para))
            para.clear()
        if current:
            scenes.append(current)
        current, length = [], 0.0

    for paragraph in paragraphs(text):
        if length and length + seconds(paragraph) > most:
            close_scene()  # a paragraph that fits a scene of its own is not cut: a speaker's turn stays whole
        for sentence in split_sentences(paragraph):
            t = seconds(sentence)
            if length and length + t > most:
                close_scene()
            para.append(sentence)
            length += t
        current.append(" ".join(para))
        para.clear()
        if length >= least:
            close_scene()
    close_scene()
    # A short last scene joins the one before it when they fit together.
    if len(scenes) > 1 and seconds(" ".join(scenes[-1])) < least / 2:
        if seconds(" ".join(scenes[-2] + scenes[-1])) <= most * 1.2:
            tail = scenes.pop()
            scenes[-1] += tail
    return ["\n\n".join(s) for s in scenes]
