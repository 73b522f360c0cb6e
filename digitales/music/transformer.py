"""`transformer`, the default: our own Music Transformer scores the tale scene by scene.

Each scene's mood picks mode, tempo, key and instruments (style.py); the composer
samples one continuous score through all the scenes (compose.py), written as
`music.mid`; a soundfont synthesizer plays it (synth.py) into the levelled bed.
"""

from __future__ import annotations

from digitales.backend import Backend, Job
from digitales.cache import file_digest
from digitales.errors import ToolMissing, UserError
from digitales.files import place
from digitales.music import synth
from digitales.music.bed import BED, SCORE, make_bed
from digitales.music.compose import SHIPPED, arrange, compose, load_composer, plan_parts
from digitales.music.style import key_name, style_for
from digitales.tale import Music, Tale


class TransformerMusic(Backend):
    stage = "music"
    name = "transformer"
    description = "our Music Transformer scores each scene's mood (FluidSynth, else TinySoundFont)"

    @classmethod
    def problem(cls) -> str | None:
        if not SHIPPED.is_file():
            return f"the shipped composer {SHIPPED} is missing: reinstall DigiTales (pip install -e .)"
        return synth.problem("auto")

    def preflight(self) -> None:
        super().preflight()
        m = self.settings.music
        if (why := synth.problem(m.synth, m.soundfont)) is not None:
            raise (UserError if m.soundfont else ToolMissing)(why)
        load_composer(m.checkpoint or None)  # a damaged checkpoint fails here, before any work

    def key_settings(self) -> dict:
        m = self.settings.music
        return {"checkpoint": m.checkpoint, "temperature": m.temperature, "top_p": m.top_p, "synth": m.synth,
                "soundfont": m.soundfont, "loudness": m.loudness, "fade": m.fade}

    def run(self, tale: Tale, job: Job) -> None:
        m = job.settings.music
        stretches = [(s.mood or "calm", s.duration) for s in tale.scenes]
        stretches[0] = (stretches[0][0], stretches[0][1] + tale.title_card)  # the title card opens the first scene
        checkpoint = m.checkpoint or str(SHIPPED)
        synth_name = synth.chosen(m.synth)
        font = synth.soundfont_for(synth_name, m.soundfont)
        key = {"stretches": stretches, "seed": tale.seed, "checkpoint": file_digest(checkpoint), "synth": synth_name,
               "soundfont": file_digest(font), **self.key_settings()}

        def score(folder):
            parts = plan_parts(stretches, tale.seed, style_for)
            model = load_composer(checkpoint)
            events = compose(model, parts, tale.seed, m.temperature, m.top_p,
                             lambda done, total: job.progress(round(done), round(total), "composing"))
            arrange(events, parts).write(str(folder / SCORE))
            synth.render(folder / SCORE, folder / "score.wav", synth_name, str(font))
            make_bed(folder / "score.wav", round(tale.duration, 3), m.loudness, m.fade, folder / BED, loop=False)
            (folder / "score.wav").unlink()
            at, summary = 0.0, []
            for (mood, _), part in zip(stretches, parts):
                summary.append({"start": round(at, 3), "end": round(at + part.seconds, 3), "mood": mood,
                                "key": key_name(part.tonic, part.style.mode), "tempo": part.style.tempo,
                                "instruments": [part.style.tune, part.style.low]})
                at += part.seconds
            return {"audio": BED, "midi": SCORE, "parts": summary}

        result, entry = job.cache.memo(key, score)
        place(entry / result["midi"], job.path(SCORE))
        place(entry / result["audio"], job.path(BED))
        tale.music = Music(backend=self.name, midi=SCORE, audio=BED, parts=result["parts"])
