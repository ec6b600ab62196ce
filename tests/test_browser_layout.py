"""Browser: nothing on the page moves while its scripts start (cumulative layout shift 0).

What scripts fill in (the progress line under the title, the lock's settings on My answers, the
statuses, the ladder's dated line, My answers' counts) has its room in the HTML as built, so that
text a reader has started to read never jumps. Measured as Lighthouse does on a phone: the Layout
Instability API (every 'layout-shift' entry not caused by the reader's own input), on a slowed CPU,
at 360 px and at Lighthouse's 412 x 823.
"""

from __future__ import annotations

import re
import threading

import pytest
from playwright.sync_api import Browser, Page, expect
from pages import box
from support import QuietHandler, serve

pytestmark = pytest.mark.browser

# Every layout shift since the page began, kept by the page itself (buffered: those before this script too).
OBSERVE = """
window.__wbShifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) {
    if (entry.hadRecentInput) return;
    window.__wbShifts.push({value: entry.value, moved: (entry.sources || []).map(function (source) {
      var node = source.node;
      return node ? node.nodeName + '.' + (node.className || '') + ' "' + (node.textContent || '').trim().slice(0, 50) + '"' : '?';
    })});
  });
}).observe({type: 'layout-shift', buffered: true});
"""
# Every module started (and, on a page of prompts, its progress filled; on My answers, the lock's settings made).
STARTED = """() => {
  const modules = [...document.querySelectorAll('[data-module^="wb-"]')];
  if (!modules.every(el => el.getAttribute('data-wb-init') === '')) return false;
  if (document.querySelector('.md-content [data-wb-prompt]') && !(document.querySelector('.wb-progress') || {}).textContent) return false;
  return !document.querySelector('.wb-review') || !!document.querySelector('.wb-lock[data-wb-state]');
}"""
# Two frames after: layout shifts are reported once the frame that made them is drawn.
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"
WIDTHS = (360, 412)
PAGES = {
    "home": "",
    "a plain section": "beginnings/",
    "theory": "theory/",
    "the ladder's page": "power/",
    "my answers": "my-answers/",
}


def slow_device(browser: Browser, width: int) -> Page:
    """A page in a window `width` px wide (a phone's, or a computer's at 1280) on a CPU four times slower
    (Lighthouse's mobile setting), at a phone's pixel ratio."""
    context = browser.new_context(viewport={"width": width, "height": 823}, device_scale_factor=1.75,
                                  reduced_motion="reduce")
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    return page


def shifts(page: Page, path: str) -> list[dict]:
    page.goto(path)
    page.wait_for_function(STARTED)
    page.wait_for_function(TWO_FRAMES)
    return page.evaluate("() => window.__wbShifts")


def with_answers(page: Page, base_url: str) -> None:
    """A reader who has written an answer, placed themself on the ladder, and put off the backup reminder.

    Put off, because the reminder itself still moves the page as it appears under the title (its due date
    is known only once the scripts read storage): a known gap, said in the closing note, not tested here."""
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill("Someone once listened to me, and it changed what I did next.")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved")
    page.goto(base_url + "power/")
    ladder = page.locator('[data-module="wb-ladder"]')
    ladder.locator('input[type="radio"]').first.check()
    page.reload()
    page.locator(".wb-reminder").get_by_role("button", name="Not now").click()
    expect(page.locator(".wb-reminder")).to_have_count(0)


# A page opened at a prompt (a reload part-way down, a link from My answers or from search): every kind's
# prompt in view as its script starts. What the scripts make work is in the HTML as built, its room kept;
# at 320 px too, where a drawing's buttons and a status line take two lines.
AT_PROMPTS = {
    "a text answer": "beginnings/#wb-prompt-1-2",
    "a list that grows": "peer-mentoring-approach/#wb-prompt-6-3",
    "a list of ten lines": "identity/#wb-prompt-4-1",
    "a list in two columns": "change/#wb-prompt-7-5",
    "a drawing": "theory/#wb-prompt-3-9",
    "photos": "self-confidence/#wb-prompt-5-4",
    "the ladder": "power/#wb-prompt-8-6",
}
STARTS = [(name, path, width) for name, path in PAGES.items() for width in WIDTHS] + [
    (f"{name}, opened at it", path, width) for name, path in AT_PROMPTS.items() for width in (320, 412)]


@pytest.mark.parametrize(("name", "path", "width"), STARTS, ids=[f"{n}-{w}" for n, _, w in STARTS])
def test_nothing_moves_while_a_page_starts(browser: Browser, base_url, name, path, width):
    page = slow_device(browser, width)
    page.add_init_script(OBSERVE)
    found = shifts(page, base_url + path)
    assert found == [], f"{name} at {width} px moved as it started: {found}"
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS + (1280,))  # and on a computer, the counts in the navigation shown
@pytest.mark.parametrize("name", ("a plain section", "the ladder's page", "my answers"))
def test_nothing_moves_while_a_page_starts_with_answers_saved(browser: Browser, base_url, name, width):
    page = slow_device(browser, width)
    with_answers(page, base_url)
    page.add_init_script(OBSERVE)
    found = shifts(page, base_url + PAGES[name])
    assert found == [], f"{name} with answers at {width} px moved as it started: {found}"
    if name == "my answers":  # and what was filled in says so
        expect(page.locator('section[data-wb-section="1"] .wb-review__progress')).to_have_text("1 of 8 answered")
    page.context.close()


class HeldAfterFirstNumber(QuietHandler):
    """Sends each page up to the words after its first prompt's number, then the rest once `go` is set:
    a phone's connection that stalls there (the page is drawn as far as it has come, then grows)."""

    go = threading.Event()

    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if not path.endswith("index.html") and not path.endswith("/"):
            return super().do_GET()
        with open(path if path.endswith(".html") else path + "index.html", "rb") as file:
            body = file.read()
        number = body.index(b'class="wb-prompt__number"')
        cut = body.index(b"<", body.index(b"</span>", number) + len(b"</span>"))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:cut])
        self.wfile.flush()
        self.go.wait(30)
        self.wfile.write(body[cut:])


# Pages whose first prompt is on the first screen at that width (823 px high).
ARRIVING = (("theory/", 360), ("theory/", 412), ("endings/", 412), ("beginnings/", 1280))


@pytest.mark.parametrize(("path", "width"), ARRIVING, ids=[f"{p}{w}" for p, w in ARRIVING])
def test_a_page_that_arrives_in_two_parts_does_not_move_as_the_second_comes(browser: Browser, site_dir, path, width):
    """The first prompt's number is on screen, its words not yet come: when they come, nothing drawn moves.
    (A plain space after the number moved 2 px as they came: 1 run in 15 of the test above on a slow CPU.)"""
    HeldAfterFirstNumber.go.clear()
    with serve(site_dir, handler_class=HeldAfterFirstNumber) as url:
        context = browser.new_context(viewport={"width": width, "height": 823}, device_scale_factor=1.75,
                                      reduced_motion="reduce")
        page = context.new_page()
        page.add_init_script(OBSERVE)
        try:
            page.goto(url + path, wait_until="commit")
            page.wait_for_function("() => !!document.querySelector('.md-content .wb-prompt__number')")
            page.wait_for_function(TWO_FRAMES)  # the first part drawn
            top = page.evaluate("() => document.querySelector('.md-content .wb-prompt__number').getBoundingClientRect().top")
            assert 0 < top < 823, "the first prompt's number is on screen while the page waits for the rest"
        finally:
            HeldAfterFirstNumber.go.set()
        page.wait_for_function(STARTED)
        page.wait_for_function(TWO_FRAMES)
        assert page.evaluate("() => window.__wbShifts") == [], f"{path} at {width} px moved as its words came"
        context.close()


def test_the_room_kept_for_scripts_is_not_there_without_javascript(browser: Browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 823})
    page = context.new_page()
    page.goto(base_url + "theory/")
    title, first = page.locator("h1"), page.get_by_text("Peer mentoring involves role modelling.")
    expect(page.locator(".wb-progress")).to_be_hidden()
    # The first paragraph follows the title as closely as on a page that never had a progress line.
    gap = first.bounding_box()["y"] - (title.bounding_box()["y"] + title.bounding_box()["height"])
    page.goto(base_url + "my-answers/")
    expect(page.locator(".wb-lock")).to_be_hidden()
    expect(page.locator(".wb-review__no-script")).to_be_visible()
    page.goto(base_url)  # the home page has no prompts: its title, then a paragraph
    home_title, home_first = page.locator("h1"), page.locator(".md-content__inner > p").first
    assert gap == pytest.approx(
        home_first.bounding_box()["y"] - (home_title.bounding_box()["y"] + home_title.bounding_box()["height"]), abs=0.5)
    context.close()


def test_the_progress_line_says_its_count_in_the_room_kept_for_it(browser: Browser, base_url):
    page = slow_device(browser, 360)
    page.goto(base_url + "theory/")
    line = page.locator(".wb-progress")
    expect(line).to_have_text("0 of 11 answered on this page.")
    # One line, right under the title, before the page's first paragraph.
    assert page.evaluate("() => document.querySelector('.md-content__inner h1').nextElementSibling.className") == "wb-progress"
    assert line.bounding_box()["height"] == pytest.approx(
        page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.wb-progress')).lineHeight)"), abs=1)
    page.context.close()



def test_without_javascript_the_parts_only_scripts_make_work_are_not_offered(browser: Browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 823})
    page = context.new_page()
    for path, words in (("beginnings/", None), ("peer-mentoring-approach/", None),
                        ("theory/", "Drawing here needs JavaScript."), ("self-confidence/", "Adding photos needs JavaScript.")):
        page.goto(base_url + path)
        for name in ("Keep this version", "Add a line", "Pen", "Add photos", "Take a photo"):
            expect(page.get_by_role("button", name=name, exact=True)).to_have_count(0)
        expect(page.locator(".md-content .wb-scripted:visible")).to_have_count(0)
        if words:
            expect(page.get_by_text(words).first).to_be_visible()
    context.close()


def test_a_kind_whose_script_cannot_start_says_what_to_do_instead(page: Page, base_url):
    """The drawing's code is there but fails as it starts: its surface and buttons go, the words for that case show."""
    page.route("**/assets/wb/drawing.*.js", lambda route: route.fulfill(
        content_type="text/javascript",
        body="window.WB.modules['wb-drawing'] = function () { throw new Error('a drawing that cannot start'); };"))
    page.goto(base_url + "theory/")
    drawing = page.locator('[data-wb-prompt="3.9"]')
    expect(drawing).to_have_attribute("data-wb-init", "failed")
    expect(drawing.get_by_text("Drawing here needs JavaScript.")).to_be_visible()
    expect(drawing.locator(".wb-drawing")).to_be_hidden()
    expect(drawing.get_by_role("button", name="Keep this version")).to_have_count(0)
    expect(page.locator('[data-wb-prompt="3.1"]').get_by_role("button", name="Keep this version")).to_be_visible()


def test_when_the_workbooks_code_cannot_be_fetched_the_page_is_as_without_javascript(page: Page, base_url):
    """A phone that loses the network as the page loads: Material's code runs, ours never comes. Nothing is
    left waiting for it: once loaded, the page says what will not be kept, as it does with scripts off."""
    page.route("**/assets/wb/core.*.js", lambda route: route.abort())
    page.goto(base_url + "theory/")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bwb-js\b"))
    expect(page.locator("#wb-status-3-1")).to_contain_text("Saving answers needs JavaScript")
    expect(page.locator("#wb-status-3-1")).to_be_visible()
    expect(page.locator('[data-wb-prompt="3.9"]').get_by_text("Drawing here needs JavaScript.")).to_be_visible()
    expect(page.get_by_role("button", name="Keep this version")).to_have_count(0)
    expect(page.locator(".md-content .wb-scripted:visible")).to_have_count(0)
