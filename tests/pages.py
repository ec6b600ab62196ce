"""What tests of several files use: the workbook's storage keys, the boxes a reader types in, the checks of
a whole page (axe-core), the page's parts a reader works with (a box's versions, the ladder's radios, a drawing's
surface, the photo collage, a list's lines). Shared here, so that no test file imports another: a kind's
tests (in hooks/kinds/<kind>/) and the tests of storage and backups (in tests/) import this; the actions
on My answers are in my_answers.py."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from playwright.sync_api import Page, expect

NAMESPACE = "peer-mentoring-in-criminal-justice"
PREFIX = f"wb:v1:{NAMESPACE}:"
PAGES = [
    "",
    "beginnings/",
    "mentoring-in-criminal-justice/",
    "theory/",
    "identity/",
    "self-confidence/",
    "peer-mentoring-approach/",
    "change/",
    "power/",
    "endings/",
    "my-answers/",
    "examples/",
]
# npm's axe-core (tests/package.json; scripts/test installs it), newer than the copy in axe-playwright-python.
AXE_PATH = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
AXE = AXE_PATH.read_text(encoding="utf-8") if AXE_PATH.exists() else ""
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def box(page: Page, prompt_id: str):
    return page.locator(f"#wb-answer-{prompt_id.replace('.', '-')}")


def status(page: Page, prompt_id: str):
    return page.locator(f"#wb-status-{prompt_id.replace('.', '-')}")


def stored(page: Page, prompt_id: str):
    raw = page.evaluate("key => localStorage.getItem(key)", PREFIX + "answer:" + prompt_id)
    return None if raw is None else json.loads(raw)


def saved(page: Page, prompt_id: str) -> None:
    expect(page.locator(f"#wb-status-{prompt_id.replace('.', '-')}")).to_contain_text("Saved today")


def type_and_wait(page: Page, prompt_id: str, text: str) -> None:
    box(page, prompt_id).fill(text)
    expect(status(page, prompt_id)).to_contain_text("Saved today")


def assert_accessible(page: Page) -> None:
    """axe-core finds no violation of WCAG 2.2 AA or best practice on the page as it is now."""
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def axe_violations(page: Page) -> list[str]:
    # Colours measured mid-fade are neither colour: wait until nothing moves (e.g. Material's "Back to top").
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    assert AXE, f"axe-core is missing at {AXE_PATH}: run scripts/test, which installs it (npm ci in tests/)"
    page.evaluate(AXE)
    assert page.evaluate("axe.version").startswith("4.14."), page.evaluate("axe.version")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]} {v['nodes'][0].get('failureSummary', '')[:300]}"
        for v in result["violations"]
    ]


# ---- failures the tests cause -------------------------------------------------

FULL_STORAGE = """() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
        if (String(key).startsWith('wb:') && window.wbFull !== false) throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
    };
}"""

VISIBLE_CONTROLS = """() => [...document.querySelectorAll(
    '.md-content button, .md-content [role=button], .md-content input[type=file], .md-content .wb-ladder__choice--none'
)].filter(e => e.getClientRects().length).map(e => (e.textContent || e.getAttribute('aria-label') || e.className).trim())"""


# ---- a box's versions kept ------------------------------------------------------


def panel(page: Page, prompt_id: str):
    return page.locator(f'[data-wb-prompt="{prompt_id}"] .wb-versions')


def keep(page: Page, prompt_id: str, text: str) -> None:
    box(page, prompt_id).fill(text)
    panel(page, prompt_id).get_by_role("button", name="Keep this version").click()
    expect(panel(page, prompt_id).get_by_role("status")).to_contain_text("Version kept")


# ---- the ladder (8.6) ----------------------------------------------------------


def radio(page: Page, question: str, rung: int | str):
    return page.locator(f'input[name="wb-ladder-8-6-{question}"][value="{rung}"]')


# ---- a drawing (2.6) -------------------------------------------------------------

CANVAS = "#wb-drawing-2-6"


def draw_with_mouse(page: Page, points: list[tuple[float, float]], canvas: str = CANVAS) -> None:
    """A stroke through points given as fractions of the canvas (2.6's unless another is named)."""
    page.locator(canvas).scroll_into_view_if_needed()
    box_ = page.locator(canvas).bounding_box()
    at = [(box_["x"] + x * box_["width"], box_["y"] + y * box_["height"]) for x, y in points]
    page.mouse.move(*at[0])
    page.mouse.down()
    for point in at[1:]:
        page.mouse.move(*point, steps=5)
    page.mouse.up()


def scheme_page(browser, scheme: str):
    """A new context in the light or dark scheme, with motion reduced (as axe and screenshots want): it and a page."""
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    return context, context.new_page()


def draw_and_describe(page: Page) -> str:
    """On 2.6's page: a stroke, and words in its box, stored; the canvas as a data URL."""
    draw_with_mouse(page, [(0.2, 0.2), (0.4, 0.7), (0.8, 0.3)])
    box(page, "2.6").fill("A story in words")
    page.wait_for_function(
        "key => (JSON.parse(localStorage.getItem(key) || 'null') || {value: {}}).value.text === 'A story in words'",
        arg=PREFIX + "answer:2.6",
    )
    return page.evaluate("s => document.querySelector(s).toDataURL()", CANVAS)


def drawing_shows(page: Page, data_url: str) -> None:
    """Scrolled to, 2.6's surface comes to show `data_url` (a drawing is painted as it nears the screen)."""
    page.locator(CANVAS).scroll_into_view_if_needed()
    page.wait_for_function("([s, want]) => document.querySelector(s).toDataURL() === want", arg=[CANVAS, data_url])


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


DIGESTS = """name => new Promise((resolve, reject) => {
  const open = indexedDB.open(name);
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('photos')) { db.close(); resolve({}); return; }
    const all = db.transaction('photos').objectStore('photos').getAll();
    all.onsuccess = async () => {
      const out = {};
      for (const entry of all.result) {
        const digest = await crypto.subtle.digest('SHA-256', await entry.blob.arrayBuffer());
        out[entry.id] = [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('');
      }
      db.close();
      resolve(out);
    };
  };
})"""
PUT_PHOTO = """async ([id, data, added]) => {
  await (WB.need(['wb-photostore']) || Promise.resolve());  // a page without photos has no photo store until wanted
  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
  return WB.photos.put([{id, blob: new Blob([bytes], {type: 'image/jpeg'}), added}]);
}"""


def jpeg(page: Page, words: str) -> str:
    return page.evaluate(MAKE_PHOTO, [320, 240, "image/jpeg", words, False])


def digests(page: Page) -> dict:
    return page.evaluate(DIGESTS, DATABASE)


def sha(data: str) -> str:
    return hashlib.sha256(base64.b64decode(data)).hexdigest()


def photo_answer(*ids: str, text: str = "") -> dict:
    return {"text": text, "photos": [{"id": i, "caption": "", "w": 320, "h": 240} for i in ids]}


# ---- a list ----------------------------------------------------------------------


def line(page: Page, prompt: str, column: int, number: int):
    return page.locator(f"#wb-answer-{prompt.replace('.', '-')}-{column}-{number}")


def lines(page: Page, prompt: str, column: int = 1) -> list[str]:
    return page.locator(f'[data-wb-prompt="{prompt}"] .wb-list__column >> nth={column - 1}').locator(
        ".wb-list__input").evaluate_all("els => els.map(el => el.value)")
