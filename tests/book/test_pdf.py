"""The picture book on a made-up tale: one page per scene however long its text, Cyrillic intact."""

import re

from PIL import Image
from pypdf import PdfReader

from digitales.backend import Job
from digitales.book import BACKENDS
from digitales.cache import StageCache
from digitales.settings import Settings
from digitales.tale import Image as Picture
from digitales.tale import Scene, Tale
from tests.conftest import RU_SHORT

LONG = " ".join([RU_SHORT.replace("\n", " ")] * 4)  # ~1,000 characters: more than the biggest type holds


def test_a_long_scene_keeps_one_page_with_smaller_type(tmp_path):
    for name, colour in (("00.png", "navy"), ("01.png", "green"), ("02.png", "orange")):
        Image.new("RGB", (1280, 720), colour).save(tmp_path / name)
    tale = Tale(title="Колобок", title_image="00.png", scenes=[
        Scene(index=1, text="Жили-были старик со старухой.", images=[Picture("01.png")]),
        Scene(index=2, text=LONG, images=[Picture("02.png")])])
    settings = Settings()
    BACKENDS["fpdf"](settings).run(tale, Job(tmp_path, settings, StageCache(tmp_path / ".cache", "book", {})))
    pdf = PdfReader(tmp_path / "book.pdf")
    assert len(pdf.pages) == 3 and tale.files["book"] == "book.pdf"
    flat = lambda s: " ".join(s.split())
    assert flat(LONG) in flat(pdf.pages[2].extract_text())
    # the type size each page sets (the Tf operator of its content stream)
    size = lambda page: max(float(x) for x in re.findall(r"/F\d+ ([\d.]+) Tf", page.get_contents().get_data().decode("latin-1")))
    assert size(pdf.pages[2]) < size(pdf.pages[1]) == 18
