"""What every stage backend looks like, and what it is handed when it runs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, ClassVar

from digitales.cache import StageCache
from digitales.errors import ToolMissing, UserError
from digitales.settings import Settings
from digitales.tale import Tale


@dataclass
class Job:
    """Everything a backend may use besides the tale: where to write, its cache, progress."""

    tale_dir: Path
    settings: Settings
    cache: StageCache
    progress: Callable[[int, int, str], None] = lambda done, total, note: None

    def path(self, relative: str) -> Path:
        return self.tale_dir / relative


class Backend:
    """A named way to do one stage. Subclasses live one per file in the stage's folder."""

    stage: ClassVar[str] = ""
    name: ClassVar[str] = ""
    version: ClassVar[str] = "1"  # bump when the output for the same input changes
    description: ClassVar[str] = ""

    def __init__(self, settings: Settings):
        self.settings = settings

    @classmethod
    def problem(cls) -> str | None:
        """Why this backend cannot work on this machine, with the fix; None when it can."""
        return None

    def preflight(self) -> None:
        """Check, before anything is written, that this backend can run here and its inputs
        (files, names) are sound; raise UserError (ToolMissing for a missing tool) if not."""
        if (why := self.problem()) is not None:
            raise ToolMissing(why)

    def key_settings(self) -> dict[str, Any]:
        """The settings that change this backend's output (they go into cache keys and the manifest)."""
        return self.settings.stage(self.stage).model_dump()

    def run(self, tale: Tale, job: Job) -> None:
        raise NotImplementedError


def model_source(spec: str, folder_of: str, marker: str, missing: str) -> str:
    """A model as a backend is given it: a hub id as written, or a local folder (a path, or a
    name that exists here) that must hold `marker`. Nothing given, or a folder without it:
    one clear line."""
    if not spec:
        raise UserError(missing)
    path = Path(spec).expanduser()
    if spec.startswith((".", "/", "~")) or path.exists():
        if not (path / marker).is_file():
            raise UserError(f"{spec} is not a {folder_of} folder (no {marker})")
        return str(path)
    return spec
