"""The command line: `digitales make`, `write`, `batch`, `serve`, `doctor`, `voices`, `train-composer`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from digitales.errors import UserError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help="Narrated, illustrated video tales, offline.")
err = Console(stderr=True)


def fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


class RichReporter:
    """A bar per stage; scenes and frames advance it."""

    def __init__(self) -> None:
        columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
        self.progress = Progress(*columns, console=err)
        self.tasks: dict[str, Any] = {}

    def close(self) -> None:
        self.progress.stop()

    def stage_started(self, stage: str, backend: str) -> None:
        if not self.tasks:  # shown only once the inputs passed their checks and work begins
            self.progress.start()
        self.tasks[stage] = self.progress.add_task(f"{stage:<8} [dim]{backend}[/]", total=None)

    def advanced(self, stage: str, done: int, total: int, note: str) -> None:
        self.progress.update(self.tasks[stage], completed=done, total=total)

    def stage_finished(self, stage: str, seconds: float, made: int, reused: int) -> None:
        note = "cached" if made == 0 and reused else f"{seconds:.1f}s"
        self.progress.update(self.tasks[stage], total=1, completed=1,
                             description=f"{stage:<8} [dim]{note}[/]")


@app.command()
def make(
    title: str = typer.Argument(..., help="The tale's title, e.g. \"Колобок\"."),
    text: Optional[Path] = typer.Option(None, "--text", help="The tale's text: UTF-8 plain text or Markdown."),
    genre: Optional[str] = typer.Option(None, "--genre", help="fable, bylina, fairy_tale, novella, comedy, tragedy, drama, horror (or in Russian)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="ru, en, or any language espeak-ng knows."),
    seed: Optional[int] = typer.Option(None, "--seed"),
    out: Optional[Path] = typer.Option(None, "--out", help="Output root; the tale goes to OUT/<slug>/. Default: out"),
    aspect: Optional[str] = typer.Option(None, "--aspect", help="16:9, 9:16 or 1:1."),
    height: Optional[int] = typer.Option(None, "--height", help="Frame height in pixels: 720, 1080 or 2160."),
    config: Optional[Path] = typer.Option(None, "--config", help="A TOML settings file."),
    profile: Optional[str] = typer.Option(None, "--profile", help="A [profiles.NAME] table of the config file."),
    writer: Optional[str] = typer.Option(None, "--writer", help="Writer backend: embedded (from the title) or file (--text)."),
    minutes: Optional[float] = typer.Option(None, "--minutes", help="Length of a tale written from the title (default: the tale's own, about 2 minutes)."),
    voice: Optional[str] = typer.Option(None, "--voice", help="Voice backend, optionally with a voice: festival, piper[:MODEL.onnx], espeak[:VOICE]."),
    picture: Optional[str] = typer.Option(None, "--picture", help="Picture backend."),
    music: Optional[str] = typer.Option(None, "--music", help="Music backend: transformer (our composer, the default), file or none."),
    music_file: Optional[Path] = typer.Option(None, "--music-file", help="Audio or MIDI to loop under the tale (implies --music file)."),
    stress_dict: Optional[Path] = typer.Option(None, "--stress-dict", help="Your Russian stresses: one word per line, + before the stressed vowel (з+амок)."),
    burn_subtitles: Optional[bool] = typer.Option(None, "--burn-subtitles/--no-burn-subtitles", help="Draw subtitles into the picture (default on)."),
    read_along: Optional[bool] = typer.Option(None, "--read-along/--no-read-along", help="Light up each word as it is spoken: subtitles.ass, and in the burned subtitles (default off)."),
    book_size: Optional[str] = typer.Option(None, "--book-size", help="Page size of the picture book book.pdf: a4 (default) or letter."),
    until: Optional[str] = typer.Option(None, "--until", help="Stop after this stage: plot, writer, text, voice, picture, music."),
    redraw: Optional[list[int]] = typer.Option(None, "--redraw", help="Draw scene N's pictures anew (each --redraw N once more); every other picture comes from the cache."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display; only the final line."),
) -> None:
    """Make a video tale."""
    from digitales.pipeline import make_tale
    from digitales.settings import choices, load_settings

    overrides = choices(genre=genre, lang=lang, seed=seed, out=out, aspect=aspect, height=height,
                        burn_subtitles=burn_subtitles, read_along=read_along, book_size=book_size, stress_dict=stress_dict, writer=writer, minutes=minutes, voice=voice,
                        picture=picture, music=music, music_file=music_file, redraw=redraw)
    if text is not None and minutes is not None:
        fail("--minutes sets the length of a tale written from the title; with --text the text sets it")
    try:
        settings = load_settings(config, profile, overrides)
        reporter = None if quiet else RichReporter()
        try:
            tale, folder = make_tale(title, settings, text, until, reporter)
        finally:
            if reporter is not None:
                reporter.close()
    except UserError as e:
        fail(str(e))
    except KeyboardInterrupt:
        fail("interrupted; run the same command again to resume where it stopped", 130)
    except RuntimeError as e:  # a tool failed mid-way (ffmpeg, festival): say which, keep it short
        fail(f"{e}; finished stages are kept, run the same command again to retry", 1)
    stopped = f" (stopped after {until})" if until and until != "montage" else ""
    target = folder / "tale.mp4" if not stopped else folder / "manifest.json"
    total = tale.timings.get("total", 0.0)
    scenes = f"{len(tale.scenes)} scene" + ("" if len(tale.scenes) == 1 else "s")
    print(f"{target}  {tale.duration:.1f} s of tale, {scenes}, made in {total:.1f} s{stopped}")


@app.command()
def write(
    title: str = typer.Argument(..., help="The tale's title, e.g. \"Колобок\"."),
    genre: Optional[str] = typer.Option(None, "--genre", help="fable, bylina, fairy_tale, novella, comedy, tragedy, drama, horror (or in Russian)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="ru or en (the embedded writer's languages)."),
    minutes: Optional[float] = typer.Option(None, "--minutes", help="Length of the tale (default: the tale's own, about 2 minutes)."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Another seed, another tale."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the tale here (Markdown); default: print it."),
    writer: Optional[str] = typer.Option(None, "--writer", help="Writer backend (as for make)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A TOML settings file."),
    profile: Optional[str] = typer.Option(None, "--profile", help="A [profiles.NAME] table of the config file."),
) -> None:
    """Write the tale from its title, scene by scene, and render nothing: edit it, then
    `digitales make TITLE --text FILE` narrates exactly what the file says."""
    from digitales.draft import write_draft
    from digitales.files import write_text_atomic
    from digitales.settings import choices, load_settings

    try:
        settings = load_settings(config, profile, choices(genre=genre, lang=lang, seed=seed, minutes=minutes, writer=writer))
        draft = write_draft(title, settings)
    except UserError as e:
        fail(str(e))
    if output is None:
        sys.stdout.write(draft.text)
        return
    try:  # a temporary file renamed into place: the path never holds half a tale
        write_text_atomic(output, draft.text)
    except OSError as e:
        fail(f"cannot write {output}: {e.strerror or e}")
    err.print(f"{output}  {draft.scenes} scenes; "
              f"render it with: digitales make \"{draft.title}\" --text {output}", highlight=False, soft_wrap=True)


@app.command()
def batch(
    file: Path = typer.Argument(..., help="CSV, JSONL or TOML, one tale per row: title, genre, lang, minutes, text, "
                                          "and any setting by its dotted name (video.height, voice.rate…)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Output root; each tale goes to OUT/<slug>/. Default: out"),
    config: Optional[Path] = typer.Option(None, "--config", help="A TOML settings file for every row."),
    profile: Optional[str] = typer.Option(None, "--profile", help="A profile of the config file (its profiles.NAME table), for every row."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Tales at once. Default: what this machine's cores and "
                                                                  "memory hold (local); what the cluster takes (ray)."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or ray (Ray tasks)."),
    address: Optional[str] = typer.Option(None, "--address", help="An existing Ray cluster, HOST:PORT (or set RAY_ADDRESS); "
                                                                  "without it --engine ray starts a local Ray for the run."),
    files: str = typer.Option("auto", "--files", help="ray: how tales reach OUT: shared (every node sees OUT at the same "
                                                      "path), return (sent back by the worker), auto (shared if it is)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display; only the table."),
) -> None:
    """Make many tales: one per row of FILE, each in its own folder; a second run resumes."""
    from digitales.batch import ENGINES, FILES

    if engine not in ENGINES:
        fail(f"unknown engine '{engine}': choose {' or '.join(ENGINES)}")
    if files not in FILES:
        fail(f"unknown --files '{files}': choose {', '.join(FILES)}")
    if jobs is not None and jobs < 1:
        fail("--jobs must be at least 1")
    if address and engine != "ray":
        fail("--address names a Ray cluster: add --engine ray")
    from digitales.batch.rows import batch_root, read_rows
    from digitales.batch.run import exit_status, run_batch
    from digitales.batch.show import BatchProgress, table
    from digitales.settings import choices, load_settings

    try:
        rows = read_rows(file, config, profile, out)
        root = batch_root(load_settings(config, profile, choices(out=out)))
        with BatchProgress(rows, err, quiet) as shown:
            outcomes = run_batch(rows, root, engine, jobs, address, files, shown.event, shown.done)
    except UserError as e:
        fail(str(e))
    except KeyboardInterrupt:
        fail("interrupted; run the same command again to resume where it stopped", 130)
    Console(width=max(120, Console().width)).print(table(outcomes))
    raise typer.Exit(exit_status(outcomes))


@app.command("train-composer")
def train_composer(
    out: Path = typer.Option(Path("out/composer"), "--out", help="Where the checkpoint and log go; a run there resumes."),
    corpus: str = typer.Option("bach,oneills1850,ryansMammoth,airdsAirs", "--corpus", help="music21 collections (public domain ones only)."),
    cache: Path = typer.Option(Path("~/.cache/digitales/corpus"), "--cache", help="Parsed collections are kept here."),
    minutes: float = typer.Option(60.0, "--minutes", help="Stop after this long."),
    steps: int = typer.Option(20000, "--steps"),
    d_model: int = typer.Option(192, "--d-model"),
    layers: int = typer.Option(4, "--layers"),
    seq_len: int = typer.Option(256, "--seq-len"),
    batch: int = typer.Option(16, "--batch"),
) -> None:
    """Train the Music Transformer on music21's public-domain corpus; use it with music.checkpoint = OUT/checkpoint.pt."""
    from digitales.music.corpus import COLLECTIONS, load_collection
    from digitales.music.model import ModelConfig
    from digitales.music.train import TrainConfig, ship, train

    names = [n.strip() for n in corpus.split(",") if n.strip()]
    bad = [n for n in names if n not in COLLECTIONS]
    if bad or not names:
        fail(f"unknown or non-free collection(s) {', '.join(bad) or '(none)'}: choose from {', '.join(COLLECTIONS)}")
    if d_model % 2 or layers < 1 or seq_len < 8 or batch < 1 or steps < 1 or minutes <= 0:
        fail("--d-model must be even; --layers, --batch, --steps at least 1; --seq-len at least 8; --minutes above 0")
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err) as progress:
        pieces = []
        for name in names:
            task = progress.add_task(f"parse {name}", total=None)
            pieces += load_collection(name, cache.expanduser(), lambda d, t, k=task: progress.update(k, completed=d, total=t))
            progress.update(task, total=1, completed=1)
        if len(pieces) < 2:
            fail("the corpus has fewer than two pieces")
        task = progress.add_task("train", total=steps)
        heads = next(h for h in (8, 6, 4, 2, 1) if d_model % h == 0)
        model_cfg = ModelConfig(d_model=d_model, heads=heads, layers=layers, d_ff=4 * d_model, max_len=seq_len + 4)
        cfg = TrainConfig(seq_len=seq_len, batch=batch, steps=steps, minutes=minutes)

        def report(step: int, total: int, info: dict) -> None:
            progress.update(task, completed=step, description=f"train loss {info['loss']:.3f}")
            if "held_out_nll" in info and not err.is_terminal:  # a log file gets a line per evaluation
                err.print(f"step {step}/{total}  train loss {info['loss']:.3f}  held-out NLL {info['held_out_nll']}")

        log = train(pieces, out, model_cfg, cfg, report)
    shipped = ship(out, names)
    best = min((e["held_out_nll"] for e in log["evaluations"] if e["held_out_nll"] is not None), default=float("nan"))
    print(f"{shipped}  {log['evaluations'][-1]['step'] if log['evaluations'] else 0} steps, "
          f"{len(pieces)} pieces, best held-out NLL {best:.3f} per event; use it with music.checkpoint = \"{shipped}\"")


# What an optional backend needs beyond the default install: pip install 'digitales[EXTRA]' (pyproject.toml)
EXTRAS = {
    ("writer", "hf"): "lm",
    ("writer", "gguf"): "gguf or gemma",  # gemma: --writer gguf with no file
    ("picture", "diffusers"): "pictures",
    ("picture", "clip-guided"): "pictures",
    ("batch", "ray"): "cluster",
}


@app.command()
def doctor(
    config: Optional[Path] = typer.Option(None, "--config", help="Also check the backends this TOML settings file picks."),
    profile: Optional[str] = typer.Option(None, "--profile", help="A [profiles.NAME] table of the config file."),
) -> None:
    """Every stage's backends and whether each works on this machine (and the fix if not).

    The backends your settings pick (defaults, DIGITALES_* variables, --config) are also
    checked with those settings: a damaged checkpoint or a missing soundfont shows here."""
    from digitales.pipeline import GRAPH
    from digitales.settings import load_settings

    try:
        settings = load_settings(config, profile, {})
    except UserError as e:
        fail(str(e))
    from digitales.batch.cluster import ray_problem

    table = Table(title="DigiTales backends on this machine")
    table.add_column("stage")
    table.add_column("backend")
    table.add_column("works")
    table.add_column("extra")
    table.add_column("what it is / how to fix")
    broken = 0
    for stage in GRAPH:
        section = getattr(settings, stage.name, None)
        for name, backend in stage.backends.items():
            problem = backend.problem()
            if problem is None and section is not None and getattr(section, "backend", None) == name:
                try:  # the chosen one, with the user's settings
                    backend(settings).preflight()
                except UserError as e:
                    problem = str(e)
            broken += problem is not None
            table.add_row(stage.name, name, "[green]yes[/]" if problem is None else "[red]no[/]",
                          EXTRAS.get((stage.name, name), ""), backend.description if problem is None else f"[red]{problem}[/]")
    problem = ray_problem()  # not a stage: the engine of `digitales batch --engine ray`
    broken += problem is not None
    table.add_row("batch", "ray", "[green]yes[/]" if problem is None else "[red]no[/]", EXTRAS[("batch", "ray")],
                  "Ray tasks: many tales on a local Ray or a cluster" if problem is None else f"[red]{problem}[/]")
    Console(width=max(120, Console().width)).print(table)
    Console(width=max(120, Console().width)).print(
        "extra: what an optional backend needs, installed with .venv/bin/pip install 'digitales[EXTRA]' (make test installs all)",
        soft_wrap=True)
    if broken:
        raise typer.Exit(1)


@app.command("train-writer")
def train_writer_command(
    corpus: Path = typer.Argument(..., help="JSON Lines of {\"title\", \"genre\", \"text\"}."),
    base: str = typer.Option(..., "--base", help="A causal LM to start from: a Hugging Face id or a folder."),
    out: Path = typer.Option(..., "--out", help="Where the fine-tuned model goes; a run there resumes."),
    steps: int = typer.Option(1000, "--steps"),
    batch: int = typer.Option(4, "--batch"),
    block: int = typer.Option(256, "--block", help="Tokens per training row."),
    lr: float = typer.Option(5e-5, "--lr"),
    save_every: int = typer.Option(100, "--save-every", help="Steps between checkpoints."),
    minutes: float = typer.Option(60.0, "--minutes", help="Stop after this long."),
) -> None:
    """Fine-tune a language model on tales in the DigiTales tag format; write with it via --writer hf:OUT."""
    if steps < 1 or batch < 1 or block < 8 or lr <= 0 or save_every < 1 or minutes <= 0:
        fail("--steps, --batch, --save-every at least 1; --block at least 8; --lr and --minutes above 0")
    try:
        from digitales.writer.hf import HFWriter
        from digitales.writer.train import WriterTrainConfig, read_corpus, train_writer

        if (why := HFWriter.problem()) is not None:
            fail(why)
        records = read_corpus(corpus)
        cfg = WriterTrainConfig(steps=steps, batch=batch, block=block, lr=lr, save_every=save_every, minutes=minutes)
        columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err) as progress:
            task = progress.add_task("train", total=steps)
            log = train_writer(records, base, out, cfg, lambda step, total, loss: progress.update(
                task, completed=step, description=f"train loss {loss:.3f}"))
    except UserError as e:
        fail(str(e))
    last = log["losses"][-1] if log["losses"] else [0, float("nan")]
    print(f"{out}  {last[0]} steps on {log['records']} tales, last loss {last[1]:.3f}; "
          f"write with --writer hf:{out} and writer.tag_prompt = true")


@app.command()
def serve(
    out: Path = typer.Option(Path("out"), "--out", help="Output root: tales are made and listed here."),
    host: str = typer.Option("127.0.0.1", "--host", help="Listen address; 127.0.0.1 keeps the studio to this machine."),
    port: int = typer.Option(7860, "--port"),
    concurrency: int = typer.Option(1, "--concurrency", help="Renders at a time (one suits a 2-core machine)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A TOML settings file for every job."),
    profile: Optional[str] = typer.Option(None, "--profile"),
) -> None:
    """Start the web studio: make, watch and download tales in the browser."""
    if concurrency < 1 or not 0 < port < 65536:
        fail("--concurrency must be at least 1 and --port between 1 and 65535")
    try:
        from digitales.settings import load_settings

        load_settings(config, profile, {})  # a bad config fails here, not in every job
        from digitales.studio.app import serve as start

        start(out, host, port, concurrency, config, profile,
              ready=lambda url: err.print(f"DigiTales studio on {url}  (Ctrl-C stops it)"))
    except UserError as e:
        fail(str(e))
    except OSError as e:
        fail(f"cannot listen on {host}:{port}: {e.strerror or e}")


@app.command()
def voices() -> None:
    """Voices per language, and how characters get theirs."""
    from digitales.voice import BACKENDS, PREFERRED
    from digitales.voice.espeak import espeak_languages

    table = Table(title="Voices (the first that works for a language is the default)")
    table.add_column("languages")
    table.add_column("backend")
    table.add_column("works")
    table.add_column("voice")
    for name, backend in BACKENDS.items():
        problem = backend.problem()
        langs = list(backend.languages)
        if langs == ["*"]:
            codes = sorted(espeak_languages())
            langs = [f"{len(codes)} languages: " + " ".join(codes[:30]) + (" …" if len(codes) > 30 else "")]
        default = [lang for lang, b in PREFERRED.items() if b is backend]
        label = ", ".join(langs) + (f"  (default for {', '.join(default)})" if default else "")
        table.add_row(label, name, "yes" if problem is None else "no", backend.description if problem is None else problem)
    Console().print(table)
    Console().print("Characters: each gets another installed voice of the engine first (espeak-ng variants, "
                    "Silero speakers), else the narrator's voice shifted in pitch and tempo (see voice/casting.py).")


def main() -> None:
    """Entry point: a mistake on the command line is one line and exit status 2, like every bad input."""
    try:
        code = app(standalone_mode=False)
    except typer.Exit as e:
        code = e.exit_code
    except (typer.Abort, KeyboardInterrupt):
        fail_and_exit("interrupted; run the same command again to resume where it stopped", 130)
    except Exception as e:
        # Usage errors (typer's bundled click): they carry a message and exit code 2.
        if getattr(e, "exit_code", None) != 2 or not callable(getattr(e, "format_message", None)):
            raise
        if type(e).__name__ == "NoArgsIsHelpError":
            app(["--help"], standalone_mode=False)
            sys.exit(0)
        fail_and_exit(f"{e.format_message()} (see digitales --help)", 2)
    sys.exit(code if isinstance(code, int) else 0)


def fail_and_exit(message: str, code: int) -> None:
    try:
        fail(message, code)
    except typer.Exit:
        sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
