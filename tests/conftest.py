"""Shared helpers: real runs of the CLI and real measurements with ffprobe/ffmpeg."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from digitales.ffmpeg import ebur128_summary

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "digitales.cli"]

RU_SHORT = """Жили-были старик со старухой. Старуха испекла колобок и положила его на окошко.

Колобок полежал-полежал да и покатился по дорожке. Навстречу ему заяц.

— Колобок, колобок, я тебя съем! — сказал заяц. Но колобок спел песенку и укатился.
"""

EN_SHORT = """Once upon a time a small red fox lived at the edge of a dark forest.

One morning she crossed the river on three stepping stones and walked up to the castle gate.

"Who lives here?" she asked. A little dragon peeked out and smiled at her.
"""


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, env=full_env, timeout=timeout)


def probe(path: Path) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_format", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def loudness(path: Path) -> tuple[float, float]:
    """Integrated loudness (LUFS) and true peak (dBTP) as ffmpeg's ebur128 filter measures them."""
    err = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-map", "0:a", "-af", "ebur128=peak=true",
                          "-f", "null", "-"], capture_output=True, text=True).stderr
    m = ebur128_summary(err)
    return m["integrated"], m["true_peak"]


def srt_times(text: str) -> list[tuple[float, float]]:
    def secs(stamp: str) -> float:
        h, m, s = stamp.replace(",", ".").split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    return [(secs(a), secs(b)) for a, b in re.findall(r"(\d+:\d\d:\d\d[,.]\d+) --> (\d+:\d\d:\d\d[,.]\d+)", text)]


@pytest.fixture
def ru_text(tmp_path: Path) -> Path:
    path = tmp_path / "kolobok.txt"
    path.write_text(RU_SHORT, encoding="utf-8")
    return path


@pytest.fixture
def en_text(tmp_path: Path) -> Path:
    path = tmp_path / "fox.md"
    path.write_text("# The Fox\n\n" + EN_SHORT, encoding="utf-8")
    return path
