"""The graph: which stages run, in what order, on what — all in one place.

    title, genre, lang ─► plot ─► writer ─► text ─┬─► voice ─► music ─┐
                                                   │     └─────────────┤
                                                   └─► picture ────────┴─► montage ─► tale.mp4
                                                          └─► book ─► book.pdf (the picture book)

Every stage reads the `Tale` and enriches it. Each has named backends (one per
file in its folder), picked by settings. A stage's work is cached by a hash of
its inputs (see cache.py), so re-running redoes only what changed and a killed
run resumes.

A stage starts as soon as the stages it `needs` are done, two at a time: voice (a
festival process), picture (numpy) and then music (torch) overlap on two cores.
Stages that run together write disjoint parts of the tale (voice: the clips and
times; picture: the images; music: the bed; book: the book's file and metric).
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from digitales import book, montage, music, picture, plot, text, voice, writer
from digitales.backend import Backend, Job
from digitales.cache import StageCache, TaleLock, code_digest
from digitales.errors import UserError
from digitales.picture import layers
from digitales.plot.genres import genre_name
from digitales.settings import Settings
from digitales.tale import VERSION, Tale
from digitales.text.source import read_text_file


@dataclass(frozen=True)
class Stage:
    name: str
    backends: dict[str, type[Backend]]
    needs: tuple[str, ...]


GRAPH = (
    Stage("plot", plot.BACKENDS, needs=()),
    Stage("writer", writer.BACKENDS, needs=("plot",)),
    Stage("text", text.BACKENDS, needs=("writer",)),
    Stage("voice", voice.BACKENDS, needs=("text",)),
    Stage("picture", picture.BACKENDS, needs=("text",)),
    Stage("music", music.BACKENDS, needs=("voice",)),  # the bed must fit the narration's length
    Stage("montage", montage.BACKENDS, needs=("voice", "picture", "music")),
    Stage("book", book.BACKENDS, needs=("picture",)),
)
STAGES = tuple(s.name for s in GRAPH)
WORKERS = 2  # stages run at once: the two cores

MAX_TITLE = 200
MAX_MINUTES = 30


class Reporter(Protocol):
    def stage_started(self, stage: str, backend: str) -> None: ...
    def advanced(self, stage: str, done: int, total: int, note: str) -> None: ...
    def stage_finished(self, stage: str, seconds: float, made: int, reused: int) -> None: ...


class Silent:
    def stage_started(self, stage: str, backend: str) -> None: ...
    def advanced(self, stage: str, done: int, total: int, note: str) -> None: ...
    def stage_finished(self, stage: str, seconds: float, made: int, reused: int) -> None: ...


class OneAtATime:
    """A reporter told by stages running at once, one call at a time (no reporter need lock)."""

    def __init__(self, reporter: Reporter) -> None:
        self.reporter, self.lock = reporter, threading.Lock()

    def stage_started(self, stage: str, backend: str) -> None:
        with self.lock:
            self.reporter.stage_started(stage, backend)

    def advanced(self, stage: str, done: int, total: int, note: str) -> None:
        with self.lock:
            self.reporter.advanced(stage, done, total, note)

    def stage_finished(self, stage: str, seconds: float, made: int, reused: int) -> None:
        with self.lock:
            self.reporter.stage_finished(stage, seconds, made, reused)


class Abandoned(BaseException):
    """Raised in a stage's progress report once another stage has failed: it unwinds as an
    interrupt does (temporary files go, ffmpeg is stopped), and the run raises the failure."""


def run_graph(stages: list[Stage], run: Callable[[Stage, threading.Event], None], workers: int = WORKERS) -> None:
    """Call `run(stage, stop)` for each stage as soon as the stages it needs are done, `workers` at
    a time: one in this thread (an interrupt stops it at once, ffmpeg and all, as before), the
    others in helper threads. The first error, here or in a helper, or an interrupt, stops the run:
    waiting stages never start, running ones find `stop` set at their next progress report and
    are waited for, and that error is raised, once."""
    stop = threading.Event()
    done: set[str] = set()
    waiting, helping = list(stages), {}

    def helper(stage: Stage) -> None:
        try:
            run(stage, stop)
        except BaseException:
            stop.set()  # the stage in this thread stops at its next report
            raise

    with ThreadPoolExecutor(workers - 1, thread_name_prefix="stage") as pool:
        try:
            while waiting or helping:
                ready = [s for s in waiting if done.issuperset(s.needs)]
                assert ready or helping, "a stage needs one that is not run"
                waiting = [s for s in waiting if s not in ready]
                for stage in ready[1:]:
                    helping[pool.submit(helper, stage)] = stage
                if ready:
                    run(ready[0], stop)
                    done.add(ready[0].name)
                else:
                    wait(helping, return_when=FIRST_COMPLETED)
                for future in [f for f in helping if f.done()]:
                    future.result()
                    done.add(helping.pop(future).name)
        except BaseException as error:
            stop.set()
            pool.shutdown(wait=True, cancel_futures=True)
            failed = [e for f in helping if not f.cancelled() and (e := f.exception()) and not isinstance(e, Abandoned)]
            if isinstance(error, Abandoned) and failed:  # stopped here because a helper's stage failed
                raise failed[0] from None
            raise


AUTO = {"plot": ("given", "planner"), "writer": ("file", "embedded")}  # (with the user's text, from the title)


def backend_for(stage: Stage, settings: Settings, lang: str, has_text: bool = False) -> Backend:
    if stage.name == "voice":
        return voice.voice_for(settings, lang)(settings)
    section = getattr(settings, stage.name, None)
    name = section.backend if section is not None else next(iter(stage.backends))
    if name == "auto" and stage.name in AUTO:
        name = AUTO[stage.name][0 if has_text else 1]
    if name not in stage.backends:
        raise UserError(f"unknown {stage.name} backend '{name}': choose " + ", ".join(stage.backends))
    return stage.backends[name](settings)


def slugify(title: str) -> str:
    """A folder name from a title, Cyrillic transliterated: «Колобок» → kolobok."""
    table = dict(zip("абвгдеёзийклмнопрстуфхцыэ", "abvgdeeziyklmnoprstufhcye"))
    table.update({"ж": "zh", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya", "ъ": "", "ь": ""})
    latin = "".join(table.get(ch, ch) for ch in title.lower())
    latin = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-")[:60] or "tale"


def check_title(title: str) -> str:
    title = " ".join(title.split())
    if not any(ch.isalnum() for ch in title):
        raise UserError("the title is empty: give the tale a name, e.g. digitales make \"Колобок\"")
    if len(title) > MAX_TITLE:
        raise UserError(f"the title is {len(title)} characters long; keep it under {MAX_TITLE}")
    return title


def prepare_folder(out: Path, slug: str) -> Path:
    folder = Path(out).expanduser() / slug
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".digitales-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as e:
        raise UserError(f"cannot write to the output folder {folder}: {e.strerror}") from None
    return folder


@dataclass
class Checked:
    """A run's inputs after every check: what make_tale needs to start writing."""

    title: str
    genre: str
    source: str
    backends: dict[str, Backend]


def check_inputs(title: str, settings: Settings, text_file: Path | None = None, until: str | None = None) -> Checked:
    """Every check a run makes before it writes anything; raises UserError with the message."""
    title = check_title(title)
    genre = genre_name(settings.genre)
    voice.check_language(settings.lang)
    if until is not None and until not in STAGES:
        raise UserError(f"unknown stage '{until}' for --until: choose " + ", ".join(STAGES))
    source = read_text_file(text_file) if text_file is not None else ""
    if source:
        minutes = voice.narration_seconds(source, settings.lang, settings) / 60
        if minutes > MAX_MINUTES:
            raise UserError(f"the text would take about {minutes:.0f} minutes to narrate; the limit is {MAX_MINUTES}")
    backends = {stage.name: backend_for(stage, settings, settings.lang, bool(source)) for stage in GRAPH}
    for backend in backends.values():
        backend.preflight()
    return Checked(title, genre, source, backends)


def make_tale(title: str, settings: Settings, text_file: Path | None = None, until: str | None = None,
              reporter: Reporter | None = None) -> tuple[Tale, Path]:
    """Run the graph for one tale; return it and its folder. Inputs are all checked before anything is written."""
    reporter = reporter or Silent()
    checked = check_inputs(title, settings, text_file, until)
    title, genre, source, backends = checked.title, checked.genre, checked.source, checked.backends

    tale = Tale(title=title, genre=genre, lang=settings.lang, seed=settings.seed, version=VERSION,
                slug=slugify(title), source_text=source)
    folder = prepare_folder(Path(settings.out), tale.slug)
    cache_root = folder / ".cache"
    with TaleLock(cache_root):
        reporter = OneAtATime(reporter)
        made: dict[str, tuple[float, StageCache, dict]] = {}  # stage → seconds, its cache's counts, backend used

        def run(stage: Stage, stop: threading.Event) -> None:
            backend = backends[stage.name]
            used = {"name": backend.name, "version": backend.version, "settings": backend.key_settings()}
            salt = {**used, "package": VERSION, "code": code_digest()}

            def progress(done: int, total: int, note: str) -> None:
                if stop.is_set():
                    raise Abandoned
                reporter.advanced(stage.name, done, total, note)

            job = Job(folder, settings, StageCache(cache_root, stage.name, salt), progress)
            reporter.stage_started(stage.name, backend.name)
            started = time.perf_counter()
            backend.run(tale, job)
            made[stage.name] = (round(time.perf_counter() - started, 3), job.cache, used)
            reporter.stage_finished(stage.name, made[stage.name][0], job.cache.made, job.cache.reused)

        todo = [s for s in GRAPH if until is None or STAGES.index(s.name) <= STAGES.index(until)]  # it and all before it
        started = time.perf_counter()
        run_graph(todo, run)
        ran = {name: made[name] for name in STAGES if name in made}  # in the graph's order, not as they ended
        for name, (seconds, cache, used) in ran.items():
            tale.timings[name] = seconds
            tale.work[name] = {"made": cache.made, "reused": cache.reused}
            tale.backends[name] = used
        target = tale.metrics.get("writer", {}).get("target_seconds")
        if target and any(s.duration for s in tale.scenes):  # the length asked for against the narration made
            tale.metrics["writer"]["length_vs_target"] = round(sum(s.duration for s in tale.scenes) / target, 3)
        tale.timings["cached"] = [name for name, (_, cache, _) in ran.items() if cache.made == 0]
        tale.timings["total"] = round(time.perf_counter() - started, 3)  # wall time: stages overlap
        if until in (None, "montage", "book"):
            _remove_stale_scene_files(folder, tale)
        tale.save(folder / "manifest.json")
    return tale, folder


def _remove_stale_scene_files(folder: Path, tale: Tale) -> None:
    """Scene files of an earlier, longer version of this tale would mislead: remove them."""
    keep = {s.audio for s in tale.scenes} | {i.path for s in tale.scenes for i in s.images} | {tale.title_image}
    keep |= {str(layers.path_of(Path(p))) for p in keep}  # a picture's layers stay beside it (picture/layers.py)
    for path in (folder / "scenes").glob("*"):
        if f"scenes/{path.name}" not in keep:
            path.unlink()
