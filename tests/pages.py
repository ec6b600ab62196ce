"""What tests of several files use: the page's parts a reader works with (the ladder's radios, a drawing's
surface, the photo collage, a list's lines), and the actions on them. Shared here, so that a kind's tests
(in hooks/kinds/<kind>/) and the tests of storage and backups (in tests/) import no test file of another."""

from __future__ import annotations

import base64
import json

from playwright.sync_api import Page, expect
from test_browser import PREFIX

# ---- the ladder (8.6) ----------------------------------------------------------


def radio(page: Page, question: str, rung: int | str):
    return page.locator(f'input[name="wb-ladder-8-6-{question}"][value="{rung}"]')


# ---- a drawing (2.6) -------------------------------------------------------------

CANVAS = "#wb-drawing-2-6"


def draw_with_mouse(page: Page, points: list[tuple[float, float]]) -> None:
    """A stroke through points given as fractions of the canvas."""
    page.locator(CANVAS).scroll_into_view_if_needed()
    box_ = page.locator(CANVAS).bounding_box()
    at = [(box_["x"] + x * box_["width"], box_["y"] + y * box_["height"]) for x, y in points]
    page.mouse.move(*at[0])
    page.mouse.down()
    for point in at[1:]:
        page.mouse.move(*point, steps=5)
    page.mouse.up()


# ---- the photo collage (5.4) -----------------------------------------------------

PHOTOS_PAGE = "self-confidence/"
ROOT = '[data-wb-prompt="5.4"]'
DATABASE = "wb:v1:" + PREFIX.split(":")[2]

# A test photo drawn in the page: a gradient with words, as JPEG or PNG, base64.
MAKE_PHOTO = """([w, h, type, words, noise]) => new Promise(resolve => {
  const c = document.createElement('canvas'); c.width = w; c.height = h;
  const x = c.getContext('2d');
  const g = x.createLinearGradient(0, 0, w, h); g.addColorStop(0, '#d9480f'); g.addColorStop(1, '#1864ab');
  x.fillStyle = g; x.fillRect(0, 0, w, h);
  if (noise) {  // random pixels: a picture that stays large as JPEG
    const d = x.getImageData(0, 0, w, h); for (let i = 0; i < d.data.length; i++) d.data[i] = Math.random() * 256;
    x.putImageData(d, 0, 0);
  }
  x.fillStyle = '#fff'; x.font = Math.round(h / 6) + 'px sans-serif'; x.fillText(words, w / 10, h / 2);
  c.toBlob(b => { const r = new FileReader(); r.onload = () => resolve(r.result.split(',')[1]); r.readAsDataURL(b); }, type, 0.92);
})"""

# The photos as stored in IndexedDB, read without the workbook's own code: [{id, type, size, data (base64)}].
STORED_PHOTOS = """name => new Promise((resolve, reject) => {
  const open = indexedDB.open(name);
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('photos')) { db.close(); resolve([]); return; }
    const all = db.transaction('photos').objectStore('photos').getAll();
    all.onsuccess = async () => {
      const out = [];
      for (const entry of all.result) {
        const bytes = new Uint8Array(await entry.blob.arrayBuffer());
        let text = ''; for (const b of bytes) text += String.fromCharCode(b);
        out.push({id: entry.id, type: entry.blob.type, size: entry.blob.size, data: btoa(text)});
      }
      db.close();
      resolve(out.sort((a, b) => a.id < b.id ? -1 : 1));
    };
  };
})"""


def make_photo(page: Page, width: int, height: int, kind: str = "image/jpeg", words: str = "Test",
               noise: bool = False) -> dict:
    data = page.evaluate(MAKE_PHOTO, [width, height, kind, words, noise])
    suffix = "png" if kind == "image/png" else "jpg"
    return {"name": f"{words.lower().replace(' ', '-')}.{suffix}", "mimeType": kind, "buffer": base64.b64decode(data)}


def choose(page: Page, files: list[dict], button: str = "Add photos", keyboard: bool = False) -> None:
    """Add photos the way a reader does: the button opens the device's file chooser."""
    with page.expect_file_chooser() as chooser:
        if keyboard:
            page.locator(ROOT).get_by_role("button", name=button).focus()
            page.keyboard.press("Enter")
        else:
            page.locator(ROOT).get_by_role("button", name=button).click()
    assert chooser.value.is_multiple() == (button == "Add photos")
    chooser.value.set_files(files)


def stored_photos_answer(page: Page):
    raw = page.evaluate("key => localStorage.getItem(key)", PREFIX + "answer:5.4")
    return None if raw is None else json.loads(raw)["value"]


def stored_count(page: Page, count: int) -> dict:
    page.wait_for_function(
        "([key, n]) => { const r = localStorage.getItem(key); return r && JSON.parse(r).value.photos.length === n; }",
        arg=[PREFIX + "answer:5.4", count],
    )
    return stored_photos_answer(page)


def pictures(page: Page) -> list[dict]:
    return page.evaluate(STORED_PHOTOS, DATABASE)


def add_two(page: Page, base_url: str) -> dict:
    page.goto(base_url + PHOTOS_PAGE)
    choose(page, [make_photo(page, 3200, 2400, words="Library"), make_photo(page, 900, 1200, "image/png", "Park")])
    expect(page.locator(f"{ROOT} .wb-photos__message")).to_have_text("2 photos added. You can give each a caption.")
    return stored_count(page, 2)


# ---- a list ----------------------------------------------------------------------


def line(page: Page, prompt: str, column: int, number: int):
    return page.locator(f"#wb-answer-{prompt.replace('.', '-')}-{column}-{number}")
