"""The Ray engine: each tale a Ray task, on a local Ray started for the run or on a cluster.

Every node needs DigiTales installed (same version, same Python, `digitales[cluster]`).
A task writes the tale straight into the output folder when its node sees that folder at
the same path (a shared mount: the driver leaves a marker file there and the task looks for
it); otherwise it renders in a temporary folder and returns the tale, cache included, as a
tar archive that the driver unpacks into place. The driver ships a tale's existing cache
with its task, so a half-made tale resumes on whichever node gets it.
"""

from __future__ import annotations

import io
import logging
import os
import socket
import tarfile
import tempfile
import uuid
from pathlib import Path
from typing import Any

from digitales.batch.local import OnDone, OnEvent
from digitales.batch.render import TALE_MEMORY, Outcome, render
from digitales.batch.rows import Row
from digitales.errors import UserError



def ray_problem() -> str | None:
    try:
        import ray  # noqa: F401
    except ImportError:
        return "Ray is not installed: pip install 'digitales[cluster]'"
    return None


def run_ray(rows: list[Row], jobs: int | None, address: str | None, files: str, out: Path,
            on_event: OnEvent, on_done: OnDone) -> None:
    """Run the rows as Ray tasks; at most `jobs` at once (None: as many as the cluster takes)."""
    if (why := ray_problem()) is not None:
        raise UserError(why)
    import ray
    from ray.util.queue import Empty, Queue

    target = address or os.environ.get("RAY_ADDRESS") or "local"  # "local": always a new Ray, never a stranger's
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.WARNING}
    if target == "local" and jobs:
        options["num_cpus"] = jobs
    elif target not in ("local", "auto"):  # auto: the cluster `ray start` made on this machine
        _reachable(target)
    try:
        ray.init(address=target, **options)
    except (ConnectionError, ValueError, RuntimeError) as e:
        raise UserError(f"cannot reach a Ray cluster at {target}: {' '.join(str(e).split())[:200]}") from None
    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    marker = out / f".digitales-batch-{uuid.uuid4().hex[:12]}"
    marker.write_bytes(b"")
    try:
        progress = Queue(actor_options={"num_cpus": 0})
        task = ray.remote(_task).options(num_cpus=1, memory=TALE_MEMORY, max_retries=1, retry_exceptions=False)
        todo, pending = list(rows), {}
        while todo or pending:
            while todo and (not jobs or len(pending) < jobs):
                row = todo.pop(0)
                text = (row.text.name, row.text.read_bytes()) if row.text is not None else None
                cache = _pack(out / row.slug, only=".cache") if files != "shared" else None
                ref = task.remote(row.number, row.title, row.slug, row.settings, text, str(marker), files, cache, progress)
                pending[ref] = row
            ready, _ = ray.wait(list(pending), num_returns=1, timeout=0.25)
            try:
                for number, event in progress.get_nowait_batch(progress.qsize()):
                    on_event(number, event)
            except Empty:
                pass
            for ref in ready:
                row = pending.pop(ref)
                try:
                    outcome, payload = ray.get(ref)
                    if payload is not None:
                        _unpack(payload, out, row.slug, whole=outcome.ok)
                except (ray.exceptions.RayError, UserError, OSError) as e:
                    outcome = Outcome(row.number, row.title, "failed", row.slug, reason=_one_line(e))
                on_done(outcome)
    finally:
        marker.unlink(missing_ok=True)
        ray.shutdown()


def _reachable(address: str) -> None:
    """ray.init waits for ever on an address where nothing listens: try it first, for a few seconds."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        raise UserError(f"a Ray cluster's address is HOST:PORT, not '{address}'")
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError as e:
        raise UserError(f"cannot reach a Ray cluster at {address}: {e.strerror or e}") from None


def _task(number: int, title: str, slug: str, settings: dict, text: tuple[str, bytes] | None, marker: str, files: str,
          cache: bytes | None, progress) -> tuple[Outcome, bytes | None]:
    """On a worker: render one tale; return its outcome, and the tale's folder when the output is not shared."""
    def send(event: tuple) -> None:
        progress.put((number, event))

    shared = Path(marker).is_file()
    if files == "shared" and not shared:
        return Outcome(number, title, "failed", slug, reason=f"node {socket.gethostname()} does not see {Path(marker).parent}: "
                       "mount the output folder at the same path on every node, or use --files return"), None
    with tempfile.TemporaryDirectory(prefix="digitales-tale-") as tmp:
        text_path = None
        if text is not None:  # the text travels with the task: its path may not exist on this node
            text_path = Path(tmp) / "text" / text[0]
            text_path.parent.mkdir()
            text_path.write_bytes(text[1])
        if shared and files != "return":
            return render(number, title, settings, text_path, send), None
        work = Path(tmp) / "out"
        if cache:
            with tarfile.open(fileobj=io.BytesIO(cache)) as tar:
                tar.extractall(work / slug, filter="data")
        outcome = render(number, title, settings, text_path, send, out=work)
        folder = work / slug
        return outcome, (_pack(folder) if folder.is_dir() else None)


def _pack(folder: Path, only: str | None = None) -> bytes | None:
    """A tale's folder (or one part of it) as a tar archive; hard links stay links."""
    root = folder / only if only else folder
    if not root.is_dir():
        return None
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.name != "lock" and not any(p.startswith(".") for p in path.relative_to(folder).parts[1:]):
                tar.add(path, arcname=str(path.relative_to(folder)), recursive=False)
    return buffer.getvalue()


def _unpack(payload: bytes, out: Path, slug: str, whole: bool) -> None:
    """Put a tale a worker returned into `out/slug`: cache entries first, then its files, the manifest
    last (a tale with a manifest is finished). Only the cache of a tale that failed."""
    from digitales.cache import TaleLock

    final = out / slug
    with TaleLock(final / ".cache"), tempfile.TemporaryDirectory(prefix=f".{slug}.incoming-", dir=out) as tmp:
        incoming = Path(tmp)
        with tarfile.open(fileobj=io.BytesIO(payload)) as tar:
            tar.extractall(incoming, filter="data")
        for entry in sorted((incoming / ".cache").glob("*/*")):
            target = final / ".cache" / entry.relative_to(incoming / ".cache")
            if not target.exists():  # an entry is named by the hash of what made it: one already there is the same
                target.parent.mkdir(parents=True, exist_ok=True)
                os.rename(entry, target)
        if not whole:
            return
        files = sorted((p for p in incoming.rglob("*") if p.is_file() and ".cache" not in p.relative_to(incoming).parts),
                       key=lambda p: p.name == "manifest.json")
        for path in files:
            target = final / path.relative_to(incoming)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        kept = {p.relative_to(incoming) for p in files}
        for path in (final / "scenes").glob("*"):  # scene files of an earlier, longer version would mislead
            if path.relative_to(final) not in kept:
                path.unlink()


def _one_line(error: BaseException) -> str:
    lines = [l.strip() for l in str(error).splitlines() if l.strip()]
    return f"{type(error).__name__}: {lines[-1] if lines else ''}"[:300]
