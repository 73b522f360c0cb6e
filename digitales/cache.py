"""A content-addressed cache of stage results, kept in `<tale dir>/.cache/`.

Each entry is a folder named by the hash of everything its result depends on (the
stage's input slice, backend name and version, the settings that matter, and a
hash of the package's source code, so that a fix in the code is never hidden by a
result the old code made). An entry is built in a temporary folder and renamed into place
when complete, so a killed run leaves only finished entries behind and the next
run picks up where it stopped.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable

from digitales.errors import UserError
from digitales.files import write_text_atomic

RESULT = "result.json"


def digest(value: Any) -> str:
    blob = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of this package's source: a cached result made by other code is never reused."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        h.update(str(path.relative_to(package)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:24]


class StageCache:
    """The cache entries of one stage; counts what it made and what it reused."""

    def __init__(self, root: Path, stage: str, salt: dict[str, Any]):
        self.dir = Path(root) / stage
        self.salt = salt
        self.made = 0
        self.reused = 0

    def memo(self, key: dict[str, Any], make: Callable[[Path], dict[str, Any]]) -> tuple[dict[str, Any], Path]:
        """Return (result, entry folder) for `key`, calling `make(folder)` only on a miss.

        `make` writes its files into the folder it is given and returns a JSON-able
        result that names those files relative to the folder.
        """
        entry = self.dir / digest({"salt": self.salt, "key": key})
        done = entry / RESULT
        if done.exists():
            self.reused += 1
            return json.loads(done.read_text(encoding="utf-8")), entry
        self.dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{entry.name}.", dir=self.dir))
        try:
            result = make(work)
            write_text_atomic(work / RESULT, json.dumps(result, ensure_ascii=False))
            try:
                os.rename(work, entry)
            except OSError:  # a finished twin got there first; keep it
                pass
        finally:
            shutil.rmtree(work, ignore_errors=True)
        self.made += 1
        return result, entry


class TaleLock:
    """One run at a time per tale folder; also sweeps temporary leftovers of killed runs."""

    def __init__(self, cache_root: Path):
        self.cache_root = Path(cache_root)
        self._fd: int | None = None

    def __enter__(self) -> "TaleLock":
        self.cache_root.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.cache_root / "lock", os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            raise UserError(f"another digitales run is writing to {self.cache_root.parent}; wait for it or use --out") from None
        for leftover in self.cache_root.glob("*/.*"):
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
        for leftover in self.cache_root.parent.rglob(".*.part*"):
            leftover.unlink(missing_ok=True)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
