"""The offline folder: built from mkdocs.offline.yml, opened from disk (file://) with no network."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from support import ROOT
from pages import box


@pytest.fixture(scope="module")
def folder(offline_folder) -> Path:
    return offline_folder


def test_the_documented_command_makes_a_folder_and_a_zip(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([str(ROOT / "scripts" / "offline"), str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out / "workbook" / "index.html").exists()
    with zipfile.ZipFile(out / "workbook.zip") as archive:
        names = archive.namelist()
    assert "workbook/index.html" in names and "workbook/theory.html" in names
    for bundle in ("core", "list", "drawing", "photos", "ladder", "review"):
        assert any(re.match(rf"workbook/assets/wb/{bundle}\.[0-9a-f]+\.js$", n) for n in names), bundle


def test_no_page_of_the_folder_refers_to_the_internet(folder):
    for page in folder.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html and "fonts.googleapis" not in html, page.name
        assert 'rel="canonical"' not in html, page.name
        for url in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', html):
            assert not re.match(r"^(https?:)?//", url), (page.name, url)
    assert (folder / "search" / "search_index.js").exists()
    # A policy of 'self' does not match pages opened from disk: none here.
    assert "Content-Security-Policy" not in (folder / "index.html").read_text(encoding="utf-8")
    assert not (folder / "_headers").exists()
    assert '"navigation.instant"' not in (folder / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_opened_from_disk_it_navigates_saves_searches_keeps_photos_and_asks_nothing_outside(page: Page, folder):
    start = folder.resolve().as_uri() + "/"
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(start + "index.html")
    expect(page.locator(".wb-offline-note")).to_contain_text("from a folder on this computer")
    page.get_by_role("link", name="Section one: Reflections on Beginnings").click()
    expect(page).to_have_url(start + "beginnings.html")
    box(page, "1.1").fill("Written with no internet")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    expect(page.locator(".md-nav--primary .wb-nav-progress").first).to_have_text("1 of 8 answered")
    page.reload()
    expect(box(page, "1.1")).to_have_value("Written with no internet")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("capitals")
    result = page.locator(".md-search-result__item").first
    expect(result).to_contain_text("SHOUT IT IN CAPITALS")
    result.locator("a").first.click()
    expect(page).to_have_url(re.compile(re.escape(start + "theory.html")))
    page.goto(start + "power.html")
    page.locator('input[name="wb-ladder-8-6-now"][value="5"]').click()
    page.get_by_role("button", name="Keep today’s placement").click()
    expect(page.locator(".wb-ladder__entries li")).to_have_count(1)
    page.goto(start + "identity.html")
    page.locator("#wb-answer-4-1-1-1").fill("Kind")
    expect(page.locator("#wb-status-4-1")).to_contain_text("Saved today")
    page.goto(start + "self-confidence.html")
    photo = page.evaluate("""() => new Promise(resolve => {
      const c = document.createElement('canvas'); c.width = 2400; c.height = 1800;
      const x = c.getContext('2d'); x.fillStyle = '#1864ab'; x.fillRect(0, 0, 2400, 1800);
      c.toBlob(b => b.arrayBuffer().then(a => resolve([...new Uint8Array(a)])), 'image/jpeg');
    })""")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Add photos").click()
    chooser.value.set_files([{"name": "room.jpg", "mimeType": "image/jpeg", "buffer": bytes(photo)}])
    expect(page.locator("#wb-status-5-4")).to_contain_text("Saved today")
    page.reload()
    image = page.locator('[data-wb-prompt="5.4"] .wb-photos__image')
    expect(image).to_have_js_property("naturalWidth", 1600)
    page.goto(start + "my-answers.html")
    expect(page.locator('[data-wb-review-prompt="5.4"] .wb-photos__image')).to_have_js_property("naturalWidth", 1600)
    expect(page.locator('[data-wb-review-prompt="1.1"] .wb-review__text')).to_have_text("Written with no internet")
    expect(page.locator('[data-wb-review-prompt="8.6"] .wb-review__text')).to_contain_text("rung 5 of 8")
    expect(page.locator('[data-wb-review-prompt="4.1"] ol li')).to_have_text(["Kind"])
    # Pictures shown from the browser's own storage (blob:) and drawings (data:) are not requests to a host.
    outside = [url for url in requests if not url.startswith((start, "about:", "blob:", "data:"))]
    assert outside == []


@pytest.mark.browser
def test_the_folders_404_page_loads_its_own_files_and_the_home_page_tells_the_truth(page: Page, folder):
    start = folder.resolve().as_uri() + "/"
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(start + "404.html")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".md-header")).to_have_css("position", "sticky")  # Material's own styles loaded
    page.get_by_role("link", name="My answers").first.click()
    expect(page).to_have_url(start + "my-answers.html")
    assert failed == []
    page.goto(start + "index.html")
    note = page.locator(".wb-offline-note")
    expect(note).to_contain_text("a copy of this folder shows the same answers")
    expect(note).to_contain_text("any other web page file opened in this browser could read or change them")
    expect(note).to_contain_text("use the workbook online instead")
    expect(note).not_to_contain_text("will not show")
