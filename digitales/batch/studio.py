"""A batch file in the web studio: each row queued as a job, like one made with the form.

The studio's jobs take the form's fields, so a row may name those (title, text, genre, lang,
minutes, seed, aspect, height, voice, picture, music, and video.aspect, video.height,
writer.minutes); any other setting is for `digitales batch`. A row's `text` names a file
uploaded together with the batch file (by its name): a web page never reads paths on the server.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Callable

from digitales.batch.rows import PROBLEM, scalar, read_records
from digitales.errors import UserError

FIELDS = {"title": "title", "genre": "genre", "lang": "lang", "minutes": "minutes", "writer.minutes": "minutes",
          "seed": "seed", "aspect": "aspect", "video.aspect": "aspect", "height": "height", "video.height": "height",
          "voice": "voice", "picture": "picture", "music": "music"}
TYPES = {"minutes": float, "seed": int, "height": int}


def queue_batch(queue, files: list[str], keep: Callable[[str], str | None]) -> tuple[list[str], list[str]]:
    """Queue one job per good row of the batch file among `files` (the others are its texts).
    `keep` copies an uploaded text where the job will find it. Returns (job ids, one line per bad row)."""
    from digitales.studio.jobs import Request

    batches = [Path(f) for f in files if Path(f).suffix.lower() in (".csv", ".jsonl", ".ndjson", ".toml")]
    if len(batches) != 1:
        raise UserError("upload one batch file (.csv, .jsonl or .toml) and, if its rows name texts, those texts")
    texts = {Path(f).name: f for f in files if Path(f) != batches[0]}
    queued, problems = [], []
    for number, record in enumerate(read_records(batches[0]), 1):
        title = str(record.get("title", "")).strip()
        try:
            if PROBLEM in record:
                raise UserError(record[PROBLEM])
            fields = {}
            for key, value in record.items():
                if key == "text":
                    continue
                if key not in FIELDS:
                    raise UserError(f"the studio takes {', '.join(sorted(set(FIELDS) | {'text'}))}; "
                                    f"use digitales batch for '{key}'")
                name = FIELDS[key]
                fields[name] = value if name == "title" else scalar(value, TYPES.get(name, str))
            request = Request(**{"title": "", **fields})
            if record.get("text"):
                name = Path(str(record["text"])).name
                if name not in texts:
                    raise UserError(f"its text {name} was not uploaded with the batch file")
                request.text_file = keep(texts[name])
                request.minutes = None
            queued.append(queue.submit(request).id)
        except (UserError, TypeError, ValueError) as e:
            problems.append(f"row {number}" + (f" «{title}»" if title else "") + f": {e}")
    return queued, problems


def jobs_html(jobs) -> str:
    """Every job of the studio, oldest first: title, status, folder, and why a failed one failed."""
    rows = "".join(
        f"<tr data-job='{j.id}' data-status='{j.status}'><td>{html.escape(j.request.title)}</td><td>{j.status}</td>"
        f"<td>{html.escape(j.folder or '')}</td><td>{html.escape(j.error or '')}</td></tr>" for j in jobs)
    return ("<table id='jobs-table'><tr><th>tale</th><th>status</th><th>folder</th><th></th></tr>" + rows + "</table>"
            if rows else "<p>No jobs yet.</p>")
