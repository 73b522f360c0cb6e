"""A batch file read into rows, each checked on its own: one bad row fails alone.

    title,genre,lang,minutes,text,video.height,voice.rate
    Колобок,сказка,ru,,texts/kolobok.txt,720,
    The Fox and the Crow,fable,en,1,,,0.9

CSV (a header row), JSON Lines (one object a line) or TOML (`[[tale]]` tables). A row
holds `title`, `text` (a path, relative to the batch file), the names of `make`'s
flags (genre, lang, minutes, seed, aspect, height, voice, picture, music, writer,
music_file, stress_dict) and any setting by its dotted name (`video.height`).
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
import typing
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from digitales.errors import UserError
from digitales.settings import Settings, _merge, choices, load_settings
from digitales.text.source import read_user_file

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".toml": "toml"}
MAX_BATCH_BYTES = 20 << 20
FLAGS = ("genre", "lang", "seed", "aspect", "height", "burn_subtitles", "stress_dict", "writer", "minutes", "voice",
         "picture", "music", "music_file")  # `make`'s flags, as settings.choices() takes them
PATH_FLAGS = ("stress_dict", "music_file")
PROBLEM = "\0problem"  # a record that could not be parsed carries why under this key (no column can have it)
PATH_SETTINGS = ("text.stress_dict", "music.file", "music.checkpoint", "music.soundfont")  # relative to the batch file


@dataclass
class Row:
    """One tale of the batch: where it came from, what to make, or why it cannot be made."""

    number: int  # 1-based, as a person counts the tales in the file
    title: str
    settings: dict[str, Any] = field(default_factory=dict)  # a full Settings dump: what the worker renders with
    text: Path | None = None
    slug: str = ""
    problem: str | None = None  # set: the row is bad input and is not rendered

    @property
    def label(self) -> str:
        return self.title or f"row {self.number}"


def read_rows(path: Path, config: Path | None = None, profile: str | None = None,
              out: Path | None = None) -> list[Row]:
    """The rows of a batch file. A file that cannot be read at all raises UserError; a bad row
    comes back with its `problem` set, so the rest still run."""
    path = Path(path)
    records = read_records(path)
    base = load_settings(config, profile, {"out": str(out)} if out is not None else {})
    base = base.model_copy(update={"out": str(batch_root(base))})  # a Ray worker's working folder is not ours
    rows = [_row(n, record, path.resolve().parent, base) for n, record in enumerate(records, 1)]
    seen: dict[str, Row] = {}
    for row in rows:  # two tales in one folder would overwrite each other
        if row.problem is None:
            if row.slug in seen:
                row.problem = f"makes the same folder '{row.slug}' as row {seen[row.slug].number}; give it another title"
            else:
                seen[row.slug] = row
    return rows


def read_records(path: Path) -> list[dict[str, Any]]:
    """The file's rows as they are written, names dotted; a row that cannot be parsed says why
    under PROBLEM. A file that cannot be read at all raises UserError."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise UserError(f"batch file {path}: use .csv, .jsonl or .toml (one tale per row)")
    raw = read_user_file(path, "batch file", MAX_BATCH_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UserError(f"batch file {path} is not UTF-8 text (bad byte at position {e.start})") from None
    records = _records(kind, text, path)
    if not records:
        raise UserError(f"batch file {path} has no tales in it")
    return records


def batch_root(settings: Settings) -> Path:
    return Path(settings.out).expanduser().resolve()


def _records(kind: str, text: str, path: Path) -> list[dict[str, Any]]:
    """Each row as a dict; one that could not be parsed says why under PROBLEM."""
    if kind == "csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if not reader.fieldnames or "title" not in [f.strip() for f in reader.fieldnames]:
            raise UserError(f"batch file {path}: the first line must name the columns, 'title' among them")
        records: list[dict[str, Any]] = []
        for cells in reader:
            if None in cells:
                records.append({"title": cells.get("title") or "",
                                PROBLEM: f"more cells than the {len(reader.fieldnames)} columns named in the first line"})
                continue
            record = {k.strip(): v.strip() for k, v in cells.items() if v is not None and v.strip()}
            if record:  # a blank line is no tale
                records.append(record)
        return records
    if kind == "jsonl":
        records = []
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as e:
                records.append({PROBLEM: f"not JSON: {e.msg} at column {e.colno}"})
                continue
            records.append(_flatten(value) if isinstance(value, dict) else {PROBLEM: "not a JSON object {\"title\": …}"})
        return records
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise UserError(f"batch file {path} is not valid TOML: {e}") from None
    tales = data.get("tale")
    if not isinstance(tales, list) or set(data) != {"tale"}:
        raise UserError(f"batch file {path}: write each tale as a [[tale]] table (nothing else at the top)")
    return [_flatten(t) for t in tales]


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested tables ([tale.video] height = 720, {"video": {"height": 720}}) to dotted names, as CSV has them."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _row(number: int, record: dict[str, Any], here: Path, base: Settings) -> Row:
    from digitales.pipeline import check_title, slugify

    title = str(record.get("title", "")).strip()
    row = Row(number, title)
    if PROBLEM in record:
        row.problem = record[PROBLEM]
        return row
    try:
        title = check_title(title)
        overrides = _overrides(record, here)
        if record.get("text") not in (None, "") and "writer.minutes" in _dotted(overrides):
            raise UserError("minutes sets the length of a tale written from the title; with a text the text sets it")
        try:
            settings = load_settings(None, None, _merge(base.model_dump(), overrides))
        except UserError as e:  # the message names "settings"; here it is the row's
            raise UserError(str(e).removeprefix("settings: ")) from None
        row.settings = settings.model_dump()
        row.text = _path(record["text"], here) if record.get("text") not in (None, "") else None
        if row.text is not None and not row.text.is_file():
            raise UserError(f"text file not found: {row.text}")
        row.slug = slugify(title)
    except UserError as e:
        row.problem = str(e)
    return row


def _overrides(record: dict[str, Any], here: Path) -> dict[str, Any]:
    """A row's values as settings overrides: flags through choices(), dotted names as they are."""
    flags: dict[str, Any] = {}
    dotted: dict[str, Any] = {}
    for key, value in record.items():
        name = key.strip().replace("-", "_")
        if name in ("title", "text"):
            continue
        if name == "out":
            raise UserError("a row cannot set 'out': every tale goes to its own folder under the batch's --out")
        if name in FLAGS:
            flags[name] = str(_path(value, here)) if name in PATH_FLAGS else scalar(value, _flag_type(name))
            continue
        where = _setting(name)
        if where is None:
            near = get_close_matches(name, [*FLAGS, *_all_settings()], n=1)
            raise UserError(f"unknown setting '{key}'" + (f" (did you mean '{near[0]}'?)" if near else ""))
        value = str(_path(value, here)) if name in PATH_SETTINGS and value != "" else scalar(value, where)
        node = dotted
        *parents, leaf = name.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[leaf] = value
    return _merge(choices(**flags), dotted)


def _dotted(tree: dict[str, Any], prefix: str = "") -> set[str]:
    names = set()
    for key, value in tree.items():
        names |= _dotted(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}"}
    return names


def _path(value: Any, here: Path) -> Path:
    path = Path(str(value)).expanduser()
    return path if path.is_absolute() else here / path


def _setting(name: str) -> Any | None:
    """The type of a setting by its dotted name (video.height), or None when there is no such setting."""
    model: type[BaseModel] = Settings
    *parents, leaf = name.split(".")
    for part in parents:
        info = model.model_fields.get(part)
        if info is None or not (isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel)):
            return None
        model = info.annotation
    info = model.model_fields.get(leaf)
    if info is None or (isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel)):
        return None
    return info.annotation


def _all_settings(model: type[BaseModel] = Settings, prefix: str = "") -> list[str]:
    names = []
    for key, info in model.model_fields.items():
        if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel):
            names += _all_settings(info.annotation, f"{prefix}{key}.")
        else:
            names.append(f"{prefix}{key}")
    return names


def _flag_type(name: str) -> Any:
    return {"seed": int, "height": int, "minutes": float, "burn_subtitles": bool}.get(name, str)


def scalar(value: Any, kind: Any) -> Any:
    """A CSV cell is text: read it as a TOML value (720, 0.9, true) unless the setting wants text."""
    if not isinstance(value, str) or kind is str or str in typing.get_args(kind):
        return value
    try:
        return tomllib.loads(f"v = {value}")["v"]
    except tomllib.TOMLDecodeError:
        return value  # pydantic says what is wrong with it
