"""The job queue on its own: jobs on disk come back after a restart; names never escape the root."""

from __future__ import annotations

import json

import pytest

from digitales.errors import UserError
from digitales.studio.jobs import Job, JobQueue, Request
from digitales.studio.tales import tale_folder
from tests.conftest import EN_SHORT


def test_a_job_running_when_the_server_died_runs_again_after_a_restart(tmp_path):
    out = tmp_path / "out"
    text = tmp_path / "fox.txt"
    text.write_text(EN_SHORT, encoding="utf-8")
    folder = out / ".studio" / "jobs"
    folder.mkdir(parents=True)
    interrupted = Job(id="a1", request=Request(title="The Fox", text_file=str(text), lang="en", until="text"),
                      status="running", started=1.0, folder="the-fox")
    (folder / "a1.json").write_text(json.dumps(interrupted.to_dict()))
    queue = JobQueue(out)
    queue.start()
    job = queue.wait("a1", timeout=300)
    queue.close()
    assert job.status == "done" and (out / "the-fox" / "manifest.json").is_file()
    assert json.loads((folder / "a1.json").read_text())["status"] == "done"


def test_tale_names_cannot_lead_outside_the_root(tmp_path):
    (tmp_path / "out" / "fox").mkdir(parents=True)
    (tmp_path / "out" / "fox" / "manifest.json").write_text("{}")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "manifest.json").write_text("{}")
    (tmp_path / "out" / "link").symlink_to(tmp_path / "secret")
    assert tale_folder(tmp_path / "out", "fox") == (tmp_path / "out" / "fox").resolve()
    for name in ["../secret", "link", "/etc", "fox/..", "..", ".", ""]:
        with pytest.raises(UserError):
            tale_folder(tmp_path / "out", name)


def test_a_request_maps_to_the_same_settings_as_the_command_line(tmp_path):
    request = Request(title="Fox", music_file="/x/tune.mid", music="file", voice="piper:/v/joe.onnx", height=1080,
                      text_file="/x/fox.txt", minutes=3.0)
    o = request.overrides(tmp_path)
    assert o["music"] == {"backend": "file", "file": "/x/tune.mid"} and o["voice"] == {"backend": "piper", "voice": "/v/joe.onnx"}
    assert o["video"]["height"] == 1080 and "writer" not in o  # minutes mean nothing when a text is given
    assert Request(title="Fox", minutes=3.0).overrides(tmp_path)["writer"] == {"minutes": 3.0}
