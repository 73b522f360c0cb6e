"""Whole batches: Russian and English, from a title and from texts, one bad row; run again they
do no work; through a real Ray cluster (a head and two workers on loopback) the same files."""

from __future__ import annotations

import json
import re
import socket
import subprocess
from pathlib import Path

import pytest

from digitales.tale import Tale
from tests.conftest import EN_SHORT, RU_SHORT, probe, run_cli

GOOD = {1: "kolobok", 2: "the-fox-and-the-castle", 3: "kot-i-myshonok"}
NARRATED = {".wav", ".flac", ".mid", ".mp4", ".srt", ".vtt"}  # follow the narration's exact length


def batch_folder(root: Path) -> Path:
    (root / "texts").mkdir(parents=True)
    (root / "texts" / "kolobok.txt").write_text(RU_SHORT, encoding="utf-8")
    (root / "texts" / "fox.md").write_text("# The Fox\n\n" + EN_SHORT, encoding="utf-8")
    # small, quick videos for every row: the profile applies to all
    (root / "quick.toml").write_text('[profiles.quick.video]\naspect = "9:16"\nfps = 10\n', encoding="utf-8")
    (root / "tales.csv").write_text(
        "title,lang,text,minutes,voice.rate\n"
        "Колобок,ru,texts/kolobok.txt,,\n"
        "The Fox and the Castle,en,texts/fox.md,,0.95\n"
        "Кот и мышонок,ru,,0.5,\n"
        "Дракон,klingon,,,\n", encoding="utf-8")
    return root


def run_batch(root: Path, out: str, *args: str) -> subprocess.CompletedProcess:
    return run_cli("batch", str(root / "tales.csv"), "--config", str(root / "quick.toml"), "--profile", "quick",
                   "--out", str(root / out), *args, timeout=1800)


def statuses(stdout: str) -> dict[int, str]:
    """The final table's status column, by row number."""
    cells = [[c.strip() for c in line.split("│")[1:-1]] for line in stdout.splitlines() if line.startswith("│")]
    return {int(c[0]): c[2] for c in cells if c and c[0].isdigit()}


def tale_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and ".cache" not in p.parts)


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    root = batch_folder(tmp_path_factory.mktemp("batch"))
    return root, run_batch(root, "out", "--jobs", "2")


def test_a_mixed_batch_renders_the_good_rows_and_reports_the_bad_one_in_one_line(local):
    root, run = local
    assert run.returncode == 2, run.stderr  # a row was bad input
    assert statuses(run.stdout) == {1: "done", 2: "done", 3: "done", 4: "bad input"}, run.stdout
    said = [line for line in run.stderr.splitlines() if "row 4" in line]
    assert len(said) == 1 and "klingon" in said[0] and "Traceback" not in run.stderr
    for number, slug in GOOD.items():
        folder = root / "out" / slug
        video = {s["codec_type"]: s for s in probe(folder / "tale.mp4")["streams"]}["video"]
        assert (video["height"], video["r_frame_rate"]) == (720, "10/1") and video["width"] < 720, slug  # the profile
        assert f"{slug}/tale.mp4" in run.stderr  # its own line as it ended
    fox = Tale.load(root / "out" / GOOD[2] / "manifest.json")
    assert fox.lang == "en" and fox.backends["writer"]["name"] == "file" and fox.backends["voice"]["settings"]["rate"] == 0.95
    kot = Tale.load(root / "out" / GOOD[3] / "manifest.json")
    assert kot.backends["writer"]["name"] == "embedded" and kot.backends["voice"]["name"] == "festival"
    assert not (root / "out" / "drakon").exists(), "a bad row writes nothing"


def test_a_second_run_does_no_work(local):
    root, _ = local
    made = {slug: (root / "out" / slug / "tale.mp4").stat().st_mtime_ns for slug in GOOD.values()}
    run = run_batch(root, "out")
    assert run.returncode == 2
    assert statuses(run.stdout) == {1: "cached", 2: "cached", 3: "cached", 4: "bad input"}, run.stdout
    for slug, mtime in made.items():
        tale = Tale.load(root / "out" / slug / "manifest.json")
        assert all(w["made"] == 0 for w in tale.work.values()), (slug, tale.work)
        assert (root / "out" / slug / "tale.mp4").stat().st_mtime_ns == mtime


def content(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".pdf":  # a PDF carries the time it was written, and an /ID made from it
        data = re.sub(rb"/CreationDate \(D:[0-9Z+\-']+\)|/ID \[<[0-9A-Fa-f]+><[0-9A-Fa-f]+>\]", b"", data)
    return data


def assert_same_tale(a: Path, b: Path) -> None:
    assert tale_files(a) == tale_files(b)
    first, second = (json.loads((f / "manifest.json").read_text(encoding="utf-8")) for f in (a, b))
    # Piper's neural voice differs a little from run to run; festival (and all the rest) are exact
    exact = first["backends"]["voice"]["name"] != "piper"
    for rel in tale_files(a):
        if rel == "manifest.json":
            keep = ("title", "lang", "characters", "plan") if not exact else tuple(k for k in first if k not in ("timings", "work"))
            assert {k: first.get(k) for k in keep} == {k: second.get(k) for k in keep}
            assert [(s["text"], [i["path"] for i in s["images"]]) for s in first["scenes"]] == \
                   [(s["text"], [i["path"] for i in s["images"]]) for s in second["scenes"]]
        elif exact or (Path(rel).suffix not in NARRATED and rel != "storyboard.png"):
            assert content(a / rel) == content(b / rel), f"{a.name}/{rel}"
    length = lambda folder: float(probe(folder / "tale.mp4")["format"]["duration"])
    assert abs(length(a) - length(b)) <= 0.03 * length(a)


def test_an_unreachable_ray_cluster_is_one_line_not_a_wait(tmp_path):
    with socket.socket() as s:  # a port where nothing listens
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "tales.csv").write_text("title\nКолобок\n", encoding="utf-8")
    run = run_cli("batch", str(tmp_path / "tales.csv"), "--engine", "ray", "--address", f"127.0.0.1:{port}",
                  "--out", str(tmp_path / "out"))
    assert run.returncode == 2 and f"cannot reach a Ray cluster at 127.0.0.1:{port}" in run.stderr
    assert not (tmp_path / "out" / "kolobok").exists()


def test_the_same_batch_through_a_ray_cluster_gives_the_same_files(local):
    from ray.cluster_utils import Cluster

    root, _ = local
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 0, "include_dashboard": False})
    try:
        for _ in range(2):  # the head has no CPUs: the tales run on the two workers
            cluster.add_node(num_cpus=1)
        cluster.wait_for_nodes()
        # the workers send each tale back (as they would from other machines)
        run = run_batch(root, "out-ray", "--engine", "ray", "--address", cluster.address, "--files", "return")
        assert run.returncode == 2, run.stderr
        assert statuses(run.stdout) == {1: "done", 2: "done", 3: "done", 4: "bad input"}, run.stdout
        assert len([line for line in run.stderr.splitlines() if "row 4" in line]) == 1
        for slug in GOOD.values():
            assert_same_tale(root / "out" / slug, root / "out-ray" / slug)
        assert not [p for p in (root / "out-ray").iterdir() if p.name.startswith(".")], "no marker or half-unpacked tale left"

        # the cache came back with each tale: run again (the folder is shared here: written in place), nothing to do
        again = run_batch(root, "out-ray", "--engine", "ray", "--address", cluster.address)
        assert statuses(again.stdout) == {1: "cached", 2: "cached", 3: "cached", 4: "bad input"}, again.stdout + again.stderr
    finally:
        cluster.shutdown()
