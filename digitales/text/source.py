"""Reading a tale's text from a file the user hands over (--text): plain text or Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from digitales.errors import UserError

MAX_BYTES = 2_000_000  # far beyond 30 minutes of narration; refuse before reading more


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
    text = strip_markdown(text)
    if not re.search(r"\w", text):
        raise UserError(f"--text {path} has no words to narrate")
    return text


def strip_markdown(text: str) -> str:
    """Markdown to plain paragraphs; headings become paragraphs of their own."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"^```.*?^```[^\n]*$", "", text, flags=re.S | re.M)  # code blocks say nothing
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"</?[A-Za-z][^>\n]*>", "", text)  # inline HTML tags
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their words
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if re.fullmatch(r"([-*_=]\s*){3,}", stripped):  # rules and setext underlines
            lines.append("")
            continue
        heading = re.match(r"#{1,6}\s+(.*?)\s*#*$", stripped)
        if heading:
            lines += ["", heading.group(1), ""]
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
