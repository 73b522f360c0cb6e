"""The real page in headless Chromium (Debian's, driven by Playwright): fill the form, make a
tale, watch it, download it; a reload finds the job again; nothing is fetched from other hosts."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from tests.conftest import RU_SHORT, probe
from tests.studio.conftest import ARTIFACTS

CHROMIUM = "/usr/bin/chromium"


def test_make_a_tale_in_the_browser(studio, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    text = tmp_path / "ryaba.txt"
    text.write_text(RU_SHORT, encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
        hosts = set()
        page.on("request", lambda r: hosts.add(urlparse(r.url).hostname) if r.url.startswith("http") else None)
        page.goto(studio.url)
        page.locator("#start").click()  # no title yet: the CLI's message, in the page
        expect(page.locator("#message")).to_contain_text("the title is empty", timeout=30_000)
        page.locator("#title textarea, #title input").first.fill("Курочка Ряба")
        page.locator("#text-upload input[type=file]").set_input_files(str(text))
        expect(page.locator("#text-upload")).to_contain_text("ryaba.txt", timeout=30_000)
        page.locator("#start").click()
        expect(page.locator("#job")).to_have_attribute("data-status", re.compile("running|queued|done"), timeout=30_000)

        page.reload()  # the job is found again after a reload
        expect(page.locator("#job")).to_have_attribute("data-status", "done", timeout=300_000)
        video = page.locator("#video video")
        expect(video).to_have_count(1, timeout=30_000)
        duration = video.evaluate("v => new Promise(ok => v.readyState >= 1 ? ok(v.duration) : "
                                  "v.addEventListener('loadedmetadata', () => ok(v.duration)))")
        assert duration > 1.0
        expect(page.locator("#story")).to_contain_text("Колобок", timeout=10_000)
        link = page.locator("#downloads a[download='tale.mp4']")
        with page.expect_download() as download:
            link.click()
        saved = tmp_path / "downloaded.mp4"
        download.value.save_as(saved)
        info = probe(saved)
        assert abs(float(info["format"]["duration"]) - duration) < 0.5
        expect(page.locator("#gallery img")).to_have_count(1, timeout=10_000)  # the gallery lists it
        page.screenshot(path=str(ARTIFACTS / "studio.png"), full_page=True)
        browser.close()
    assert hosts == {"127.0.0.1"}, f"the page fetched from other hosts: {hosts}"
