"""`none`: narration only."""

from digitales.backend import Backend, Job
from digitales.music.bed import BED, SCORE
from digitales.tale import Music, Tale


class NoMusic(Backend):
    stage = "music"
    name = "none"
    description = "no music: narration only"

    def key_settings(self) -> dict:
        return {}

    def run(self, tale: Tale, job: Job) -> None:
        tale.music = Music(backend=self.name)
        for name in (BED, SCORE):  # from an earlier run with music
            job.path(name).unlink(missing_ok=True)
