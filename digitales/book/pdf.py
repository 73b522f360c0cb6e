"""`fpdf`: book.pdf, a title page and then one page per scene (its picture, its text beneath),
with the project's own Cyrillic fonts embedded so the book prints the same anywhere."""

from __future__ import annotations

from pathlib import Path

from digitales.backend import Backend, Job
from digitales.cache import digest, file_digest
from digitales.files import place
from digitales.picture import fonts
from digitales.tale import Tale

MARGIN = 15  # mm on every side
TEXT_SIZES = (18, 16, 15, 14, 13, 12, 11, 10, 9, 8)  # pt: the largest that fits under the picture wins (children read big type)
MAX_PIXELS = 1600  # picture width kept in the PDF: ~220 dpi at A4's 180 mm, enough to print


class PdfBook(Backend):
    stage = "book"
    name = "fpdf"
    version = "1"
    description = "book.pdf with fpdf2: title page, each scene's picture with its text, fonts embedded; A4 or letter"

    @classmethod
    def problem(cls) -> str | None:
        try:
            import fpdf  # noqa: F401
        except ImportError:
            return "fpdf2 is not installed: .venv/bin/pip install fpdf2"
        return fonts.problem()

    def run(self, tale: Tale, job: Job) -> None:
        pages = [(s.images[0].path if s.images else "", s.text) for s in tale.scenes]
        inputs = {"title": tale.title, "lang": tale.lang, "title_image": file_digest(job.path(tale.title_image)),
                  "pages": [(file_digest(job.path(p)) if p else "", t) for p, t in pages],
                  "fonts": [str(fonts.font_path(u)) for u in ("title", "text")], "size": self.settings.book.size}
        result, entry = job.cache.memo({"inputs": digest(inputs)}, lambda d: self._write(tale, job.tale_dir, pages, d))
        place(entry / result["book"], job.path("book.pdf"))
        tale.files["book"] = "book.pdf"
        tale.metrics["book"] = {"pages": result["pages"], "size": self.settings.book.size}

    def _write(self, tale: Tale, tale_dir: Path, pages: list[tuple[str, str]], folder: Path) -> dict:
        from fpdf import FPDF

        pdf = FPDF(orientation="portrait", unit="mm", format=self.settings.book.size)
        pdf.set_auto_page_break(False)  # each page is laid out by hand: the text is sized to fit
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_image_filter("DCTDecode")  # JPEG: pictures at a tenth of the lossless size
        pdf.set_title(tale.title)
        pdf.set_lang(tale.lang)
        pdf.set_creator("DigiTales")
        pdf.add_font("title", fname=str(fonts.font_path("title")))
        pdf.add_font("text", fname=str(fonts.font_path("text")))
        width = pdf.w - 2 * MARGIN

        pdf.add_page()
        pdf.set_font("title", size=30)
        pdf.set_y(MARGIN + 20)
        pdf.multi_cell(width, 13, tale.title, align="C")
        if tale.title_image:
            self._picture(pdf, tale_dir / tale.title_image, pdf.get_y() + 12, width, pdf.h - MARGIN - pdf.get_y() - 12)

        for picture, text in pages:
            pdf.add_page()
            bottom = MARGIN
            if picture:
                bottom = self._picture(pdf, tale_dir / picture, MARGIN, width, (pdf.h - 2 * MARGIN) * 0.55)
            self._text(pdf, text, bottom + 8, width, pdf.h - MARGIN - bottom - 8)
        pdf.output(str(folder / "book.pdf"))
        return {"book": "book.pdf", "pages": pdf.pages_count}

    @staticmethod
    def _picture(pdf, path: Path, top: float, width: float, height: float) -> float:
        """Draw the picture as large as fits the box, centred; return its bottom edge."""
        from PIL import Image

        with Image.open(path) as im:
            im = im.convert("RGB")
            if im.width > MAX_PIXELS:
                im = im.resize((MAX_PIXELS, round(im.height * MAX_PIXELS / im.width)), Image.LANCZOS)
            scale = min(width / im.width, height / im.height)
            w, h = im.width * scale, im.height * scale
            pdf.image(im, x=(pdf.w - w) / 2, y=top, w=w, h=h)
        return top + h

    @staticmethod
    def _text(pdf, text: str, top: float, width: float, height: float) -> None:
        paragraphs = "\n".join(p.strip() for p in text.split("\n") if p.strip())
        for size in TEXT_SIZES:  # a long scene gets smaller type rather than a second page
            pdf.set_font("text", size=size)
            leading = size * 0.5  # mm per line: 1.4 × the size in points
            lines = pdf.multi_cell(width, leading, paragraphs, dry_run=True, output="LINES")
            if len(lines) * leading <= height:
                break
        pdf.set_xy(MARGIN, top)
        pdf.multi_cell(width, leading, paragraphs, align="J")
