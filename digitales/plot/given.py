"""No planning: the tale's text was given (--text); the narrator tells it all."""

from __future__ import annotations

from digitales.backend import Backend, Job
from digitales.tale import Character, Tale


class GivenPlot(Backend):
    stage = "plot"
    name = "given"
    description = "no plan: the user's text is the tale (needs --text)"

    def run(self, tale: Tale, job: Job) -> None:
        if not tale.characters:
            tale.characters = [Character(name="narrator", role="narrator")]
        job.cache.memo({"title": tale.title}, lambda _dir: {})  # nothing to compute; counted as reuse after the first run
