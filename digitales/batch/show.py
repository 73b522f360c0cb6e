"""What a batch shows: a bar for the whole batch and one per tale being made; a line as
each tale ends (a log file gets those too); the table at the end."""

from __future__ import annotations

import threading

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from digitales.batch.render import Outcome
from digitales.batch.rows import Row


class BatchProgress:
    def __init__(self, rows: list[Row], console: Console, quiet: bool = False) -> None:
        from digitales.pipeline import STAGES

        self.stages = STAGES
        self.console, self.quiet = console, quiet
        self.names = {row.number: row.slug or row.label for row in rows}
        self.lock = threading.Lock()  # the engines report from their own threads
        columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
        self.progress = Progress(*columns, console=console, disable=quiet)
        self.total = self.progress.add_task("tales", total=len(rows))
        self.tales: dict[int, TaskID] = {}
        self.done_stages: dict[int, int] = {}
        self.failed = 0
        self.ended: set[int] = set()

    def __enter__(self) -> "BatchProgress":
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def event(self, number: int, event: tuple) -> None:
        with self.lock:
            if number in self.ended:  # Ray's progress can arrive after the tale's end
                return
            if number not in self.tales:
                self.tales[number] = self.progress.add_task(self.names[number], total=len(self.stages))
                self.done_stages[number] = 0
            task, kind, stage = self.tales[number], event[0], event[1]
            finished = self.done_stages[number]
            if kind == "started":
                self.progress.update(task, description=f"{self.names[number]}  [dim]{stage}[/]", completed=finished)
            elif kind == "advanced" and event[3]:
                self.progress.update(task, completed=finished + min(1.0, event[2] / event[3]))
            elif kind == "finished":
                self.done_stages[number] = finished + 1
                self.progress.update(task, completed=finished + 1)

    def done(self, outcome: Outcome) -> None:
        with self.lock:
            self.ended.add(outcome.number)
            if outcome.number in self.tales:
                self.progress.remove_task(self.tales.pop(outcome.number))
            self.failed += not outcome.ok
            self.progress.update(self.total, advance=1, description="tales" + (f" [red]{self.failed} failed[/]" if self.failed else ""))
            if not self.quiet:
                self.console.print(line(outcome), highlight=False, soft_wrap=True)


def line(outcome: Outcome) -> str:
    """One tale's end, in one line."""
    name = f"row {outcome.number}" + (f" «{outcome.title}»" if outcome.title != f"row {outcome.number}" else "")
    if outcome.ok:
        return f"{outcome.status:<9} {name}: {outcome.folder}/tale.mp4, {outcome.duration:.1f} s of tale, in {outcome.seconds:.1f} s"
    return f"{outcome.status:<9} {name}: {outcome.reason}"


def table(outcomes: list[Outcome]) -> Table:
    summary = Table(title="Batch")
    for name, justify in (("#", "right"), ("tale", "left"), ("status", "left"), ("length", "right"),
                          ("seconds", "right"), ("reason", "left")):
        summary.add_column(name, justify=justify)
    for o in outcomes:
        colour = {"done": "green", "cached": "cyan"}.get(o.status, "red")
        length = f"{int(o.duration // 60)}:{o.duration % 60:04.1f}" if o.ok else ""
        summary.add_row(str(o.number), o.title, f"[{colour}]{o.status}[/]", length,
                        f"{o.seconds:.1f}" if o.seconds else "", o.reason)
    return summary
