"""A real `digitales serve` in a child process, on a free port, with its own output root."""

from __future__ import annotations

import time

import pytest

from digitales.studio.child import StudioProcess
from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def studio(tmp_path_factory):
    server = StudioProcess(tmp_path_factory.mktemp("studio") / "out")
    yield server
    server.stop()


def wait_for(client, job: str, timeout: float = 300) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = client.predict(job, api_name="/status")
        if state["status"] in ("done", "failed", "cancelled"):
            return state
        time.sleep(0.5)
    raise TimeoutError(job)
