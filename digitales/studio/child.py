"""A studio in a child process, for tests, benchmarks and scripts: started on a free port,
in a process group of its own (it and its renders), ready once its page answers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StudioProcess:
    """`digitales serve` on `out`; `wait=False` returns at once (call `wait_ready` later)."""

    def __init__(self, out: Path, *args: str, log: Path | None = None, ready_within: float = 90, wait: bool = True):
        self.out = Path(out)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = log or self.out.parent / f"serve-{self.port}.log"
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([sys.executable, "-m", "digitales.cli", "serve", "--out", str(out), "--port",
                                      str(self.port), *args], stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        if wait:
            self.wait_ready(ready_within)

    def wait_ready(self, within: float = 90) -> None:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url, timeout=2)
                return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"the studio did not start: {self.log_path.read_text()[-2000:]}")

    def client(self):
        from gradio_client import Client

        return Client(self.url, verbose=False)

    def crash(self) -> None:
        """SIGKILL to the whole group, as a power cut would: the server and its renders die at once."""
        self._signal_group(signal.SIGKILL)
        self.proc.wait()
        self.log.close()

    def stop(self) -> None:
        self._signal_group(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._signal_group(signal.SIGKILL)
            self.proc.wait()
        self.log.close()

    def _signal_group(self, signum: int) -> None:
        if self.proc.poll() is None:  # not reaped yet, so its group id is still ours
            os.killpg(self.proc.pid, signum)


def crash_and_restart(out: Path, jobs: list[dict], kills: list[float], *serve_args: str, cancel: dict | None = None,
                      timeout: float = 1200) -> list[dict]:
    """A studio killed (the whole group, SIGKILL) at each moment of `kills` and started again each time, on one `out`.

    Every job but the last (API keyword arguments of /submit) is submitted at once, and `cancel`, if given, is
    submitted and cancelled while it waits; the first kill comes that many seconds after the submits, each later one
    that many seconds after the studio was started again (a small one lands in its start-up). After the last restart
    the last job is submitted, and all are waited for. Returns each job's final state (the cancelled one last)."""
    studio = StudioProcess(out, *serve_args)
    client = studio.client()
    ids = [client.predict(**job, api_name="/submit") for job in jobs[:-1]]
    if cancel is not None:
        ids.append(client.predict(**cancel, api_name="/submit"))
        client.predict(ids[-1], api_name="/cancel")
    for moment in kills:
        time.sleep(moment)
        studio.crash()
        studio = StudioProcess(out, *serve_args, wait=False)
    try:
        studio.wait_ready()
        client = studio.client()
        ids.insert(len(jobs) - 1, client.predict(**jobs[-1], api_name="/submit"))
        deadline = time.monotonic() + timeout
        states = [client.predict(i, api_name="/status") for i in ids]
        while any(s["status"] not in ("done", "failed", "cancelled") for s in states) and time.monotonic() < deadline:
            time.sleep(1)
            states = [client.predict(i, api_name="/status") for i in ids]
        return states
    finally:
        studio.stop()
