"""Finished tales in the output root, and the only way the studio turns a name into a path.

Every name from a page or an API call goes through `tale_folder`, which refuses anything
that would lead outside the output root (`..`, absolute paths, links).
"""

from __future__ import annotations

import json
from pathlib import Path

from digitales.errors import UserError

DOWNLOADS = ("tale.mp4", "subtitles.srt", "subtitles.vtt", "story.md", "storyboard.png", "music.mid")


def tale_folder(out: Path, name: str) -> Path:
    root = Path(out).resolve()
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise UserError(f"no tale named {name!r}")
    folder = (root / name).resolve()
    if folder.parent != root or not (folder / "manifest.json").is_file():
        raise UserError(f"no tale named {name!r}")
    return folder


def tale_files(folder: Path) -> list[Path]:
    return [folder / n for n in DOWNLOADS if (folder / n).is_file()]


def earlier_tales(out: Path) -> list[dict]:
    """Finished tales (a video is there), newest first: name, title, duration, picture, caption."""
    tales = []
    for manifest in Path(out).glob("*/manifest.json"):
        folder = manifest.parent
        if folder.name.startswith(".") or not (folder / "tale.mp4").is_file():
            continue
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        duration = data.get("title_card", 0) + sum(s.get("duration", 0) for s in data.get("scenes", []))
        image = folder / "storyboard.png" if (folder / "storyboard.png").is_file() else folder / "scenes" / "00.png"
        tales.append({"name": folder.name, "title": data.get("title", folder.name), "duration": round(duration, 1),
                      "image": image, "caption": f"{data.get('title', folder.name)} · {duration:.0f} s",
                      "made": (folder / "tale.mp4").stat().st_mtime})
    return sorted(tales, key=lambda t: -t["made"])
