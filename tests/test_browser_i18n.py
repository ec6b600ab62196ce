"""Browser: with the pseudo-locale (every catalogue text wrapped in ⟦…⟧), no interface text is left unwrapped.

What may show unwrapped: the workbook's own words (docs/, the examples page, the workbook's source
text), the settings in mkdocs.yml, Material's own interface (it translates itself), what the reader
typed, numbers and punctuation. Anything else is interface text written into the code.
Every page is read without JavaScript, then with it in the states the other browser tests reach:
every kind answered, versions, My answers opened out, its dialogs and banners, print, the lock,
storage that is full or blocked, an answer changed in another tab.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString
from playwright.sync_api import Page, expect
from pseudo import write_pseudo
from pages import FULL_STORAGE
from support import CONFIG, DOCS, FIXTURES, SOURCE, build_site, docs_with, free_port, serve

pytestmark = pytest.mark.browser

EXAMPLES = (FIXTURES / "examples.md").read_text(encoding="utf-8")
MATERIAL_EN = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages" / "en.html"
TYPED = ["Mentoring matters", "A LETTER TO MYSELF", "First thing", "Helps here", "Hinders there",
         "Caption by me", "Words from another tab", "Training", "Passphrase for tests 42"]

WRAPPED = re.compile(r"⟦[^⟦⟧]*⟧")
OPEN_TO_END = re.compile(r"⟦[^⟧]*$")
START_TO_CLOSE = re.compile(r"^[^⟦]*⟧")
NOTHING_TO_SAY = re.compile(r"^[\W\d_]*$")
# Where one text node joins texts of different sources: sentences, "Label: value", a prompt's number.
RE_JOINS = re.compile(r"(?<=[.?!…])\s+|:\s+|^\d+(?:\.\d+)*\s+")
PAGES = ["", "beginnings/", "mentoring-in-criminal-justice/", "theory/", "identity/", "self-confidence/",
         "peer-mentoring-approach/", "change/", "power/", "endings/", "examples/", "my-answers/"]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def corpus() -> str:
    """Where content may come from: the pages' Markdown, mkdocs.yml, the workbook's source text."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(DOCS.glob("*.md"))]
    texts += [EXAMPLES, CONFIG.read_text(encoding="utf-8"), SOURCE.read_text(encoding="utf-8")]
    markdown = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", "\n".join(texts))  # [words](link): the words
    return flat(markdown.replace("*", ""))


def material_texts() -> set[str]:
    """Material's own interface words in English, and the one its 404 page writes into its template."""
    found = re.findall(r'^\s*"[\w.-]+": "(.*)",?$', MATERIAL_EN.read_text(encoding="utf-8"), re.M)
    return {flat(text) for text in found} | {"404 - Not found"}


CORPUS = corpus()
MATERIAL = material_texts()


def unwrapped(texts: list[str]) -> list[str]:
    """The parts of `texts` that are interface text not from the catalogue."""
    bad = []
    for text in texts:
        rest = text
        while WRAPPED.search(rest):
            rest = WRAPPED.sub("\x00", rest)
        # A text holding a link or button is split around it: its first node opens, its last closes.
        rest = START_TO_CLOSE.sub("\x00", OPEN_TO_END.sub("\x00", rest))
        for piece in rest.split("\x00"):
            piece = flat(piece)
            if not known(piece) and not all(known(part) for part in RE_JOINS.split(piece)):
                bad.append(piece)
    return sorted(set(bad))


def known(text: str) -> bool:
    """Punctuation or numbers, Material's words, what the reader typed, or the workbook's own words."""
    text = re.sub(r"^\W+|\W+$", "", text)  # punctuation at either end: separators, brackets
    if NOTHING_TO_SAY.match(text) or text in MATERIAL or any(typed in text for typed in TYPED):
        return True
    return re.search(r"(?<!\w)" + re.escape(text) + r"(?!\w)", CORPUS) is not None


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("pseudo")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    folder = tmp / "locales"
    write_pseudo(folder)
    docs = docs_with(tmp, {"examples.md": EXAMPLES})
    build_site(docs, tmp / "site", base, extra_nav=[{"Examples": "examples.md"}],
               extra={"generator": False, "workbook": {"locales": str(folder)}})
    with serve(tmp / "site", port) as url:
        yield tmp / "site", url


# Every text node and every attribute a reader sees or hears, and text that CSS puts on the page.
READ_PAGE = """() => {
  const out = [];
  const skip = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);
  // The whole text of each element that holds text of its own: a text with a link or a button in
  // it (WB.tf) is read whole, its wrapping around the parts.
  for (const el of [document.body, ...document.body.querySelectorAll('*')]) {
    if (skip.has(el.tagName)) continue;
    if ([...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.data.trim())) out.push(el.textContent);
  }
  const named = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext'];
  for (const el of document.body.querySelectorAll('*')) {
    for (const name of named) if (el.hasAttribute(name)) out.push(el.getAttribute(name));
    if (el.matches('input[type=button], input[type=submit], input[type=reset]')) out.push(el.value);
    if (el.matches('textarea, input')) continue;
    for (const where of ['::before', '::after']) {
      const content = getComputedStyle(el, where).content;
      if (content && content.startsWith('"')) out.push(JSON.parse(content));
    }
  }
  return out;
}"""


class Sweep:
    """Reads a page in each state and gathers what is not from the catalogue, naming the state."""

    def __init__(self, page: Page, base: str):
        self.page, self.base, self.found, self.states = page, base, {}, []
        page.on("dialog", self.dialog)

    def dialog(self, dialog) -> None:
        self.note("a browser dialog", [dialog.message])
        dialog.dismiss()

    def note(self, state: str, texts: list[str]) -> None:
        for piece in unwrapped(texts):
            self.found.setdefault(piece, state)

    def read(self, state: str) -> None:
        self.page.wait_for_load_state()
        texts = self.page.evaluate(READ_PAGE)
        assert any("⟦" in text for text in texts), f"{state}: none of our interface on the page"
        self.states.append(state)
        self.note(state, texts)

    def go(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_function("() => window.WB && document.readyState === 'complete'")


def test_without_javascript_every_page_shows_only_catalogue_and_workbook_text(pseudo_site):
    site, _ = pseudo_site
    found = {}
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        body = soup.body
        for tag in body.select("script, style, template"):
            tag.decompose()
        texts = [tag.get_text() for tag in [body, *body.find_all(True)]
                 if any(isinstance(child, NavigableString) and child.strip() for child in tag.children)]
        for tag in body.find_all(True):
            texts += [tag[name] for name in ("aria-label", "title", "placeholder", "alt") if tag.has_attr(name)]
        for piece in unwrapped(texts):
            found.setdefault(piece, str(path.relative_to(site)))
    assert found == {}, "\n".join(f"{where}: {piece}" for piece, where in sorted(found.items()))


def saved(page: Page, prompt_id: str) -> None:
    expect(page.locator(f"#wb-status-{prompt_id.replace('.', '-')}")).to_contain_text("⟦Saved")


def answer_every_kind(sweep: Sweep) -> None:
    page = sweep.page
    sweep.go("examples/")
    page.locator("#wb-answer-99-1").fill(TYPED[0])
    saved(page, "99.1")
    page.locator('[data-wb-prompt="99.1"]').get_by_role("button", name="Keep this version").click()
    page.locator("#wb-answer-99-1").fill(TYPED[0] + " again")
    page.locator("#wb-answer-99-6").fill(TYPED[1])
    page.locator('[data-wb-prompt="99.7"] input, [data-wb-prompt="99.7"] textarea').first.fill(TYPED[2])
    fields = page.locator('[data-wb-prompt="99.8"] input, [data-wb-prompt="99.8"] textarea')
    fields.nth(0).fill(TYPED[3])
    fields.nth(1).fill(TYPED[4])
    canvas = page.locator('[data-wb-prompt="99.9"] canvas')
    canvas.scroll_into_view_if_needed()
    area = canvas.bounding_box()
    page.mouse.move(area["x"] + 20, area["y"] + 20)
    page.mouse.down()
    page.mouse.move(area["x"] + 120, area["y"] + 90, steps=5)
    page.mouse.up()
    page.locator('[data-wb-prompt="99.10"] input[type=file]').set_input_files(
        files=[{"name": "park.png", "mimeType": "image/png", "buffer": tiny_png()}])
    expect(page.locator('[data-wb-prompt="99.10"] img')).to_have_count(1)
    page.locator('[data-wb-prompt="99.10"]').get_by_label(re.compile("Caption")).first.fill(TYPED[5])
    page.locator('input[name="wb-ladder-99-4-now"][value="3"]').check()
    page.locator('input[name="wb-ladder-99-4-hope"][value="6"]').check()
    page.locator('[data-wb-prompt="99.4"]').get_by_role("button", name="Keep").first.click()
    saved(page, "99.6")
    sweep.read("the examples page, every kind answered")


def tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xd9\x48\x0f" * 16 for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def open_everything(page: Page) -> None:
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")


def test_with_javascript_every_state_shows_only_catalogue_and_workbook_text(browser, pseudo_site):
    _, base = pseudo_site
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    sweep = Sweep(page, base)
    for path in PAGES:
        sweep.go(path)
        sweep.read(f"{path or 'home'}, nothing answered")
    answer_every_kind(sweep)
    page.locator('[data-wb-prompt="99.9"]').get_by_role("button", name="Pen").click()
    sweep.read("the examples page, the pen's colours open")

    other = context.new_page()
    Sweep(other, base).go("examples/")
    other.locator("#wb-answer-99-1").fill(TYPED[6])
    saved(other, "99.1")
    expect(page.locator("#wb-status-99-1")).to_contain_text("another")
    sweep.read("the examples page after another tab changed an answer")
    other.close()

    sweep.go("my-answers/")
    open_everything(page)
    sweep.read("My answers, every kind answered, opened out")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download a backup").click()
    backup = Path(info.value.path()).read_bytes()
    expect(page.locator(".wb-banner")).to_be_visible()
    sweep.read("My answers, after a backup")
    page.set_input_files("#wb-review-file", files=[{"name": "broken.json", "mimeType": "application/json", "buffer": b"{not json"}])
    expect(page.locator(".wb-banner")).to_be_visible()
    sweep.read("My answers, a broken backup refused")
    page.set_input_files("#wb-review-file", files=[{"name": "backup.json", "mimeType": "application/json", "buffer": backup}])
    dialog = page.locator("dialog.wb-review__dialog")
    expect(dialog).to_be_visible()
    sweep.read("My answers, the restore dialog")
    dialog.get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_be_visible()
    sweep.read("My answers, after a restore")
    page.get_by_role("button", name="Clear all my answers").click()
    expect(dialog).to_be_visible()
    sweep.read("My answers, the clear-all dialog")
    dialog.get_by_role("button", name="Cancel").click()
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    sweep.read("My answers, printing")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")

    page.get_by_label("Choose a passphrase").fill(TYPED[8])
    page.get_by_label("Type the passphrase again").fill(TYPED[8])
    page.get_by_role("button", name="Turn on the lock").click()
    expect(page.locator(".wb-lock__said")).to_be_visible(timeout=20000)
    sweep.read("My answers, the lock on")
    page.locator(".wb-lockbar").get_by_role("button", name="Lock now").click()
    expect(page.locator(".wb-lockbar h2")).to_be_visible()
    sweep.read("My answers, locked")
    sweep.go("examples/")
    sweep.read("the examples page, locked")
    page.locator(".wb-lockbar").get_by_label("Passphrase").fill("not the passphrase")
    page.locator(".wb-lockbar").get_by_role("button", name="Unlock").click()
    expect(page.locator("#wb-lock-passphrase-error")).to_be_visible(timeout=20000)
    sweep.read("the examples page, a wrong passphrase")
    context.close()

    full = browser.new_context(viewport={"width": 360, "height": 740})
    full.add_init_script(f"({FULL_STORAGE})()")
    page = full.new_page()
    sweep.page = page
    page.on("dialog", sweep.dialog)
    sweep.go("examples/")
    page.locator("#wb-answer-99-1").fill("Cannot be saved")
    expect(page.get_by_role("alert").first).to_be_visible()
    sweep.read("the examples page, storage full")
    page.locator("a.md-footer__link--prev").click()  # leaving asks first (the dialog is read)
    full.close()

    blocked = browser.new_context()
    blocked.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});")
    page = blocked.new_page()
    sweep.page = page
    for path in ("theory/", "my-answers/"):
        sweep.go(path)
        expect(page.locator(".wb-page-alert, [role=alert]").first).to_be_visible()
        sweep.read(f"{path}, storage blocked")
    blocked.close()
    assert len(sweep.states) == len(PAGES) + 17, sweep.states
    assert sweep.found == {}, "\n".join(f"{where}: {piece}" for piece, where in sorted(sweep.found.items()))


# ---- right to left ------------------------------------------------------------


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory) -> str:
    """The site in Arabic (Material's chrome right to left), our words from the pseudo-locale."""
    tmp = tmp_path_factory.mktemp("rtl")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    folder = tmp / "locales"
    catalogue = write_pseudo(folder, "ar")
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("locale: en-GB", "locale: ar-EG"), encoding="utf-8")
    docs = docs_with(tmp, {"examples.md": EXAMPLES})
    build_site(docs, tmp / "site", base, extra_nav=[{"Examples": "examples.md"}], theme={"language": "ar"},
               extra={"generator": False, "workbook": {"locales": str(folder)}})
    with serve(tmp / "site", port) as url:
        yield url


# The inline edges of an element's text (a Range, not the box, which is full width).
TEXT_EDGES = """el => { const r = document.createRange(); r.selectNodeContents(el); const b = [...r.getClientRects()];
  return [Math.min(...b.map(x => x.left)), Math.max(...b.map(x => x.right))]; }"""
NO_SIDEWAYS_SCROLL = "() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"


def test_a_right_to_left_language_lays_the_workbook_out_from_the_right(browser, rtl_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(rtl_site + "examples/")
    assert page.evaluate("() => [document.documentElement.lang, getComputedStyle(document.body).direction]") == ["ar", "rtl"]
    answer = page.locator("#wb-answer-99-1")
    answer.fill("نص الإجابة")
    status = page.locator("#wb-status-99-1")
    expect(status).to_contain_text("⟦Saved")
    edge = answer.bounding_box()["x"] + answer.bounding_box()["width"]
    for element in (page.locator('[data-wb-prompt="99.1"] .wb-prompt__number'), status):
        left, right = element.evaluate(TEXT_EDGES)
        assert abs(right - edge) < 16 and left > answer.bounding_box()["x"] + 40, "text starts at the right"
    keep = page.locator('[data-wb-prompt="99.1"] .wb-versions__keep, [data-wb-prompt="99.1"] button').first
    assert keep.bounding_box()["x"] + keep.bounding_box()["width"] > edge - 16, "the first button sits at the right"
    # The ladder's columns read from the right: "now" is the right-hand column.
    now = page.locator('input[name="wb-ladder-99-4-now"]').first.bounding_box()
    hope = page.locator('input[name="wb-ladder-99-4-hope"]').first.bounding_box()
    assert now["x"] > hope["x"]
    # Numbers in the locale's own digits (Egyptian Arabic's are not 0-9, so the browser's formatting is woken).
    assert page.evaluate("() => [WB.number(3), WB.number(1234)]") == page.evaluate(
        "() => [3, 1234].map(n => new Intl.NumberFormat('ar-EG').format(n))") != ["3", "1,234"]
    for path in ("examples/", "my-answers/", "power/"):
        page.goto(rtl_site + path)
        assert page.evaluate(NO_SIDEWAYS_SCROLL), path
    context.close()


def test_dates_follow_the_catalogues_first_locale_the_browser_knows(browser, tmp_path):
    """A Welsh catalogue ("cy-GB, en-GB"): Welsh dates where the browser has Welsh, else British ones, never its own default."""
    import yaml

    folder = tmp_path / "locales"
    catalogue = write_pseudo(folder, "cy")
    tree = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    tree["locale"] = "cy-GB, en-GB"
    catalogue.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    port = free_port()
    build_site(docs_with(tmp_path, {}), tmp_path / "site", f"http://127.0.0.1:{port}/", theme={"language": "cy"},
               extra={"generator": False, "workbook": {"locales": str(folder)}})
    with serve(tmp_path / "site", port) as base:
        page = browser.new_page()
        page.goto(base + "beginnings/")
        page.wait_for_function("() => window.WB && WB.store")
        shown, expected, known = page.evaluate("""() => {
            const day = new Date(2026, 9, 3);
            const known = Intl.DateTimeFormat.supportedLocalesOf(['cy-GB', 'en-GB'])[0];
            return [WB.day(day), new Intl.DateTimeFormat(known, {day: 'numeric', month: 'long', year: 'numeric'}).format(day), known];
        }""")
        assert known in ("cy-GB", "en-GB") and shown == expected
        numbers = page.evaluate("() => [WB.number(7), WB.number(1234), WB.tn('main.progress', 1, {total: 8})]")
        assert numbers[:2] == ["7", "1,234"] and "1 of 8 answered" in numbers[2]
        if known == "en-GB":  # Debian's Chromium has no Welsh: British, not its own en-US
            assert shown == "3 October 2026"
        page.close()
