"""`embedded`, the default when there is no --text: tells the plan's events, scene by scene.

A known tale's event is told in its own words (plot/data/known); a tale type's step by
its templates (plot/data/schemas), filled with the characters and things the plan bound
to its slots, in the variant whose conditions fit the tale best. The plot chose how many
episodes the length asks for; the writer adds nothing that is not an event.
"""

from __future__ import annotations

from digitales.backend import Backend, Job
from digitales.errors import UserError
from digitales.plot.known import paragraphs
from digitales.plot.story import LANGUAGES
from digitales.plot.telling import bindings, tell
from digitales.tale import Scene, Tale
from digitales.writer.quality import measure


class EmbeddedWriter(Backend):
    stage = "writer"
    name = "embedded"
    description = "tells the planned events in Russian or English: known tales in their own words, tale types by templates"

    def key_settings(self) -> dict:
        return {}

    def run(self, tale: Tale, job: Job) -> None:
        if not tale.plan.beats:
            raise UserError("the embedded writer writes from a plan: drop --text (or choose --writer file)")
        if tale.lang not in LANGUAGES:
            raise UserError(f"the embedded writer writes Russian and English, not '{tale.lang}': pass --text for other languages")
        key = {"plan": tale.plan, "characters": tale.characters, "lang": tale.lang, "seed": tale.seed}

        def written(_dir) -> dict:
            scenes = write(tale)
            main = {c.role: c.name for c in tale.characters if c.role in ("hero", "antagonist")}
            names = tuple(c.name for c in tale.characters)
            return {"scenes": scenes, "metrics": measure(tale.title, tale.lang, ["\n\n".join(s) for s in scenes], main, names)}

        result, _ = job.cache.memo(key, written)
        minutes = job.settings.writer.minutes
        tale.metrics["writer"] = {**result["metrics"], "target_seconds": minutes * 60 if minutes else None}
        self.place_scenes(tale, result["scenes"])

    @staticmethod
    def place_scenes(tale: Tale, scenes: list[list[str]]) -> None:
        """A scene per beat, its paragraphs, and the beat's mood, place and time of day."""
        tale.scenes = [Scene(index=i + 1, text="\n\n".join(paragraphs), mood=beat.mood, place=beat.place,
                             time_of_day=beat.time_of_day)
                       for i, (beat, paragraphs) in enumerate(zip(tale.plan.beats, scenes))]


def write(tale: Tale) -> list[list[str]]:
    """The paragraphs of each scene of the plan."""
    bound = bindings(tale)
    return [[p for event in beat.events for p in paragraphs(tell(event, tale, bound))] for beat in tale.plan.beats]
