"""The studio's API through gradio_client, as the README shows it; safety; a load of 20 jobs."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import EN_SHORT, RU_SHORT, probe
from tests.studio.conftest import wait_for


def test_submit_watch_and_download_a_tale(studio, tmp_path):
    client = studio.client()
    job = client.predict("Колобок", RU_SHORT, api_name="/submit")
    state = wait_for(client, job)
    assert state["status"] == "done", state
    assert set(state["stages"]) == {"plot", "writer", "text", "voice", "picture", "music", "montage", "book"}
    assert all(s["state"] in ("done", "cached") for s in state["stages"].values())
    files = client.predict(state["folder"], api_name="/files")
    names = {f.rsplit("/", 1)[-1] for f in files}
    assert {"tale.mp4", "subtitles.srt", "subtitles.vtt", "story.md", "storyboard.png"} <= names
    video = next(f for f in files if f.endswith("tale.mp4"))
    info = probe(video)
    assert float(info["format"]["duration"]) > 5 and {s["codec_type"] for s in info["streams"]} >= {"video", "audio"}
    assert any(t["name"] == "kolobok" for t in client.predict(api_name="/tales"))


def test_bad_input_gets_the_clis_message(studio):
    client = studio.client()
    for args, message in [(("",), "title is empty"), (("Сказка", RU_SHORT, "opera"), "unknown genre"),
                          (("Сказка", RU_SHORT, "fable", "xx"), "unknown language"),
                          (("Сказка", RU_SHORT, "fable", "ru", "4:3"), "aspect"),
                          (("Сказка " * 60, RU_SHORT), "title"),
                          (("Сказка", "x" * ((1 << 20) + 1)), "limit is 1 MB")]:
        with pytest.raises(Exception, match=message):
            client.predict(*args, api_name="/submit")


@pytest.mark.parametrize("name", ["..", "../..", "/etc", "../../etc/passwd", ".studio", "kolobok/../..", ""])
def test_no_path_leads_outside_the_output_root(studio, name):
    with pytest.raises(Exception, match="no tale named"):
        studio.client().predict(name, api_name="/files")


def test_the_file_route_serves_nothing_outside_the_output_root(studio):
    for path in ["/etc/passwd", str(studio.out / ".." / ".." / "etc" / "passwd"), str(studio.out / ".studio")]:
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(f"{studio.url}gradio_api/file={path}", timeout=10)
        assert e.value.code in (403, 404)


def test_uploads_over_the_limit_are_refused(studio):
    body = b"--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n\r\n" + b"a" * (61 << 20) + b"\r\n--x--\r\n"
    request = urllib.request.Request(f"{studio.url}gradio_api/upload", data=body, method="POST",
                                     headers={"Content-Type": "multipart/form-data; boundary=x"})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(request, timeout=60)
    assert e.value.code == 413


def test_cancel_a_queued_and_a_running_job(studio):
    client = studio.client()
    first = client.predict("Отмена раз", RU_SHORT, api_name="/submit")
    second = client.predict("Отмена два", RU_SHORT, api_name="/submit")
    assert client.predict(second, api_name="/cancel")["status"] == "cancelled"  # still queued behind the first
    deadline = time.monotonic() + 60
    while client.predict(first, api_name="/status")["status"] == "queued" and time.monotonic() < deadline:
        time.sleep(0.2)
    client.predict(first, api_name="/cancel")
    assert wait_for(client, first)["status"] == "cancelled"
    assert wait_for(client, second)["status"] == "cancelled"
    assert not (studio.out / "otmena-dva").exists()


def test_twenty_jobs_at_once_all_finish_and_the_page_keeps_answering(studio):
    client = studio.client()
    jobs = [client.predict(f"Fox {i}", EN_SHORT, "fable", "en", until="text", api_name="/submit") for i in range(20)]
    pending, answered = set(jobs), 0
    deadline = time.monotonic() + 600
    while pending and time.monotonic() < deadline:
        with urllib.request.urlopen(studio.url, timeout=10) as page:  # the page itself, while the queue works
            answered += page.status == 200
        for job in list(pending):
            if client.predict(job, api_name="/status")["status"] in ("done", "failed", "cancelled"):
                pending.discard(job)
        time.sleep(0.5)
    states = [client.predict(job, api_name="/status") for job in jobs]
    assert [s["status"] for s in states] == ["done"] * 20, [s["error"] for s in states if s["status"] != "done"]
    assert answered > 0
    saved = {json.loads(p.read_text())["id"] for p in (studio.out / ".studio" / "jobs").glob("*.json")}
    assert set(jobs) <= saved  # none lost: every job is on disk too


def test_a_tale_written_from_the_title_through_the_api(studio):
    client = studio.client()
    job = client.predict("Лиса и заяц", "", "fable", "ru", until="writer", minutes=1.0, api_name="/submit")
    state = wait_for(client, job)
    assert state["status"] == "done" and state["stages"]["writer"]["backend"] == "embedded"
    manifest = json.loads((studio.out / state["folder"] / "manifest.json").read_text())
    assert len(manifest["scenes"]) == len(manifest["plan"]["beats"]) >= 4  # a minute: about 14 s a scene
