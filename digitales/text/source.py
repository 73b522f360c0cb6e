"""Reading a tale's text from a file the user hands over (--text): plain text or Markdown.

Two marks of the format `digitales write` writes survive the reading, for the writer and plot
stages: a rule (`---`, `***`, `___` on a line of its own) ends a scene, kept as a form feed line
(SCENE_MARK); and the cast comment (`<!-- cast … -->`, one character a line:
name | role | gender | kind | look) is kept as it is after the narration, so that each
character keeps the voice and the look the written tale gave them.
"""

from __future__ import annotations

import re
from pathlib import Path

from digitales.errors import UserError
from digitales.tale import Character

MAX_BYTES = 2_000_000  # far beyond 30 minutes of narration; refuse before reading more
SCENE_MARK = "\f"  # a page break: where the user's text ends one scene and begins the next
CAST_FIELDS = ("name", "role", "gender", "kind", "look")
CAST_COMMENT = re.compile(r"<!--\s*cast\b[^\n]*\n(.*?)-->", re.S)
GENDERS = ("male", "female", "neuter", "plural", "unknown")
HEADING = "\x01"  # marks a heading while the scenes are checked: a heading alone says nothing
RULE = re.compile(r"([-*_]\s*){3,}")  # a scene's end; `===` underlines a heading


def read_user_file(path: Path, what: str, limit: int | None = None) -> bytes:
    """The bytes of a file the user named; one clear error when it is missing, a folder,
    unreadable or over `limit` bytes. `what` names it in the message ("--text file")."""
    try:
        if path.is_dir():
            raise UserError(f"{what} {path} is a folder, not a file")
        size = path.stat().st_size
        if limit is not None and size > limit:
            raise UserError(f"{what} {path} is {size // 1000} kB: too long (limit {limit // 1000} kB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{what} not found: {path}") from None
    except PermissionError:
        raise UserError(f"{what} is not readable: {path}") from None
    except OSError as e:
        raise UserError(f"cannot read {what} {path}: {e.strerror}") from None


def read_text_file(path: Path) -> str:
    """The file's text with Markdown markup removed; one clear error for anything unusable."""
    path = Path(path)
    raw = read_user_file(path, "--text file", MAX_BYTES)
    if b"\x00" in raw[:65536]:
        raise UserError(f"--text {path} looks like a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UserError(f"--text {path} is not UTF-8 text (bad byte at position {e.start}); save it as UTF-8") from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise UserError(f"--text {path} looks like a binary file, not text")
    cast = CAST_COMMENT.search(text)
    marked = strip_markdown(text, heading=HEADING)
    text = marked.replace(HEADING, "")
    if not re.search(r"\w", text):
        raise UserError(f"--text {path} has no words to narrate")
    if SCENE_MARK in text and (empty := empty_scene(marked)):
        raise UserError(f"--text {path}: scene {empty} has nothing to say; write its text or remove the --- line before it")
    return text + (f"\n\n{cast.group(0)}\n" if cast else "")


def empty_scene(marked: str) -> int:
    """The number of the first scene with no words but its headings (0: none), in a text whose headings
    strip_markdown marked with HEADING. Headings alone before the first rule are the title, not a scene."""
    scenes = [[p for p in paragraphs(part) if not p.startswith(HEADING) and re.search(r"\w", p)]
              for part in marked.split(SCENE_MARK)]
    if not scenes[0]:
        scenes.pop(0)
    return next((n for n, words in enumerate(scenes, 1) if not words), 0)


def split_cast(source: str) -> tuple[str, list[Character]]:
    """A text read by read_text_file without its cast comment, and the characters the comment lists."""
    found = CAST_COMMENT.search(source)
    if not found:
        return source, []
    cast = []
    for line in found.group(1).splitlines():
        values = [v.strip() for v in line.split("|")]
        if not values[0]:
            continue
        fields = dict(zip(CAST_FIELDS, values))
        gender = fields.get("gender", "unknown")
        cast.append(Character(name=fields["name"], role=fields.get("role") or "character",
                              gender=gender if gender in GENDERS else "unknown", kind=fields.get("kind", ""),
                              look=fields.get("look", "")))
    return (source[:found.start()] + source[found.end():]).rstrip() + "\n", cast


def cast_comment(characters: list[Character], header: str = " | ".join(CAST_FIELDS)) -> str:
    """The cast comment for a written tale: every character but the narrator, in the cast's order,
    under a first line for the reader (`header`, the columns in the tale's language)."""
    rows = [" | ".join([c.name, c.role, c.gender, c.kind, " ".join(c.look.split()).replace("|", "/")])
            for c in characters if c.role != "narrator"]
    return f"<!-- cast: {header}\n" + "\n".join(rows) + "\n-->"


def strip_markdown(text: str, heading: str = "") -> str:
    """Markdown to plain paragraphs; headings become paragraphs of their own, starting with `heading`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"^```.*?^```[^\n]*$", "", text, flags=re.S | re.M)  # code blocks say nothing
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"</?[A-Za-z][^>\n]*>", "", text)  # inline HTML tags
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their words
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if RULE.fullmatch(stripped):  # even right under a line: one typed just above the rule is no heading
            lines += ["", SCENE_MARK, ""]
            continue
        if re.fullmatch(r"(=\s*){3,}", stripped):  # the underline of a heading
            lines.append("")
            continue
        found = re.match(r"#{1,6}\s+(.*?)\s*#*$", stripped)
        if found:
            lines += ["", heading + found.group(1), ""]
            continue
        line = re.sub(r"^\s*>\s?", "", line)  # block quotes
        line = re.sub(r"^\s*(?:[*+]|\d+[.)])\s+", "", line)  # list markers (not dialogue dashes)
        line = re.sub(r"(\*\*|__|\*|`)(\S.*?\S|\S)\1", r"\2", line)  # emphasis, inline code
        lines.append(line)
    return "\n".join(lines)


def paragraphs(text: str) -> list[str]:
    """Paragraphs split at blank lines, single newlines joined with a space.

    A line that starts with a dialogue dash is a paragraph of its own, and so is the
    line after it: in Russian books every speaker's turn is its own line.
    """
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if current and (re.match(r"[—–-]\s", line) or re.match(r"[—–-]\s", current[0])):
                out.append(" ".join(current))
                current = []
            current.append(line)
        if current:
            out.append(re.sub(r"\s+", " ", " ".join(current)))
    return out
