"""`storyboard.png`: every scene's picture with its time and first words, for a quick look."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from digitales.picture import fonts
from digitales.picture.lettering import wrap
from digitales.tale import Tale

THUMB_WIDTH = 400
COLUMNS = 4


def clock(t: float) -> str:
    return f"{int(t // 60)}:{int(t % 60):02d}"


def render_storyboard(tale: Tale, tale_dir: Path, out: Path) -> None:
    frames = [(tale.title_image, f"0:00  {tale.title}")] if tale.title_image else []
    for scene in tale.scenes:
        for image, start, _ in scene.image_times():
            said = " ".join(l.text for l in scene.lines[image.line:]) if scene.lines else scene.text
            frames.append((image.path, f"{clock(start)}  {' '.join(said.split()[:12])}…"))
    first_img = Image.open(tale_dir / frames[0][0])
    tw = THUMB_WIDTH
    th = round(tw * first_img.height / first_img.width)
    caption = fonts.font("text", 17)
    text_h = 3 * 22 + 10
    cols = min(COLUMNS, len(frames))
    rows = -(-len(frames) // cols)
    pad = 16
    sheet = Image.new("RGB", (pad + cols * (tw + pad), pad + rows * (th + text_h + pad)), (247, 243, 235))
    draw = ImageDraw.Draw(sheet)
    for i, (path, label) in enumerate(frames):
        x = pad + (i % cols) * (tw + pad)
        y = pad + (i // cols) * (th + text_h + pad)
        with Image.open(tale_dir / path) as img:
            sheet.paste(img.convert("RGB").resize((tw, th), Image.LANCZOS), (x, y))
        for j, line in enumerate(wrap(label, caption, tw)[:3]):
            draw.text((x, y + th + 6 + j * 22), line, font=caption, fill=(40, 34, 30))
    sheet.save(out)
