"""Browser: each page loads only the code it uses, and a page reached any way starts every module it holds.

A page's own <script> tags load the core and the bundles of its kinds (hooks/wb_bundles.py).
Material's instant navigation runs none of the new page's scripts: need.js loads what is missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pages import PREFIX, box, status, stored, type_and_wait
from pages import choose, draw_with_mouse, line, make_photo, radio, stored_count

pytestmark = pytest.mark.browser

RE_OURS = re.compile(r"/assets/wb/([a-z]+)\.[0-9a-f]{10}\.js$")


def bundles_fetched(page: Page) -> list[str]:
    """Our script files this page has asked for so far, by name ("core", "list", ...)."""
    urls = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    return [m.group(1) for m in (RE_OURS.search(url.split("?")[0]) for url in urls) if m]


def bundles_in_page(page: Page) -> list[str]:
    """Our script files the page holds (its own tags, and those need.js added): from file:// no resource timing is kept."""
    urls = page.evaluate("() => [...document.querySelectorAll('script[src]')].map(s => s.src)")
    return [m.group(1) for m in (RE_OURS.search(url) for url in urls) if m]


def saved(page: Page, prompt_id: str) -> None:
    expect(status(page, prompt_id)).to_contain_text("Saved today")


def draw(page: Page, canvas: str) -> None:
    """A stroke across the canvas by mouse."""
    draw_with_mouse(page, [(0.2, 0.2), (0.7, 0.6)], canvas)


def kept(page: Page, prompt_id: str, field: str, text: str) -> None:
    """Wait until the stored answer's field holds the text (saving follows typing)."""
    page.wait_for_function(
        "([key, field, text]) => { const r = localStorage.getItem(key); return !!r && JSON.parse(r).value[field] === text; }",
        arg=[PREFIX + "answer:" + prompt_id, field, text],
    )


def go_by_instant_navigation(page: Page, base: str, link: str, path: str) -> None:
    page.evaluate("() => { window.wbNoReload = true; }")
    page.locator("nav.md-nav--primary a", has_text=link).first.click()
    expect(page).to_have_url(base + path)
    assert page.evaluate("() => window.wbNoReload") is True, "the click reloaded the page"
    # Until its code has come, each module is held (inert): then every one has started.
    page.wait_for_function("() => [...document.querySelectorAll('[data-module^=\"wb-\"]')].every("
                           "el => el.hasAttribute('data-wb-init') && !el.inert)")


def test_a_plain_section_page_loads_no_code_of_the_kinds_or_my_answers(page: Page, base_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill("Only text here")
    saved(page, "1.1")
    expect(page.locator(".md-nav--primary .wb-nav-progress").first).to_have_text("1 of 8 answered")
    ours = [m.group(1) for m in (RE_OURS.search(url) for url in requests) if m]
    assert ours == ["core"]
    assert page.evaluate("() => Object.keys(WB.modules).sort()") == ["wb-answer"]


def test_by_instant_navigation_each_kind_and_my_answers_start_and_keep_what_is_done(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    go_by_instant_navigation(page, base_url, "4. Reflections on Identity", "identity/")
    line(page, "4.1", 1, 1).fill("Listening")
    saved(page, "4.1")
    assert stored(page, "4.1")["value"]["lists"][0][0] == "Listening"

    go_by_instant_navigation(page, base_url, "3. Reflections on Theory", "theory/")
    draw(page, "#wb-drawing-3-9")
    box(page, "3.9").fill("Housing, money")
    kept(page, "3.9", "text", "Housing, money")
    assert stored(page, "3.9")["value"]["strokes"]

    go_by_instant_navigation(page, base_url, "5. Reflections on Self Confidence", "self-confidence/")
    choose(page, [make_photo(page, 800, 600, words="Library")])
    stored_count(page, 1)

    go_by_instant_navigation(page, base_url, "8. Reflections on Power", "power/")
    radio(page, "now", 3).click()
    saved(page, "8.6")
    assert stored(page, "8.6")["value"]["now"] == 3

    go_by_instant_navigation(page, base_url, "My answers", "my-answers/")
    expect(page.locator('[data-wb-review-prompt="4.1"]')).to_contain_text("Listening")
    expect(page.locator('[data-wb-review-prompt="3.9"]')).to_contain_text("Housing, money")
    expect(page.locator('[data-wb-review-prompt="5.4"] .wb-photos__image')).to_have_count(1)
    expect(page.locator('[data-wb-review-prompt="8.6"]')).to_contain_text("rung 3")
    assert page.evaluate("() => window.wbNoReload") is True
    # Each file runs once (one <script> each), in the order each needs: the kinds before My answers. The notes'
    # code came with the backup reminder, due on theory/ once an answer was saved and no backup made; My answers
    # copies with the code that also says why an answer is not saved (problems). (The files are fetched in
    # another order: instant navigation copies each new page's preload hints into the head.)
    ran = ["core", "list", "drawing", "notices", "photostore", "photos", "ladder", "problems", "versions", "lock", "review"]
    assert bundles_in_page(page) == ran
    assert set(bundles_fetched(page)) == set(ran)

    page.reload()
    expect(page.locator('[data-wb-review-prompt="8.6"]')).to_contain_text("rung 3")
    page.goto(base_url + "identity/")
    expect(line(page, "4.1", 1, 1)).to_have_value("Listening")


def test_a_plain_page_counts_an_answer_of_a_kind_without_fetching_its_code(page: Page, base_url):
    """The "3 of 8" beside each page knows a ladder (say) is answered without the ladder's code (WB.written)."""
    page.goto(base_url + "power/")
    radio(page, "now", 2).click()
    saved(page, "8.6")
    # The offline copy's worker, installed by this first page, takes charge of the pages open. Waited for:
    # if it takes charge of the next page while it loads, that page's core is asked for twice (the preload
    # hint before, the script after; the second from the worker's copy): 14 loads in 25 in a loop.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.goto(base_url + "beginnings/")
    power = page.locator("nav.md-nav--primary a", has_text="8. Reflections on Power").first
    expect(power.locator(".wb-nav-progress")).to_contain_text("1 of")
    # No kind's code: only the notes', for the backup reminder (an answer saved, no backup made).
    expect(page.locator(".wb-reminder")).to_be_visible()
    assert bundles_fetched(page) == ["core", "notices"]


def test_from_disk_each_kind_and_my_answers_start_and_the_plain_page_counts_them_without_their_code(page: Page, offline_folder: Path):
    start = offline_folder.resolve().as_uri() + "/"
    page.goto(start + "beginnings.html")
    assert bundles_in_page(page) == ["core"]
    page.goto(start + "identity.html")
    line(page, "4.1", 1, 1).fill("From the folder")
    saved(page, "4.1")
    page.goto(start + "theory.html")
    box(page, "3.9").fill("Drawn from disk")
    kept(page, "3.9", "text", "Drawn from disk")
    page.goto(start + "power.html")
    radio(page, "now", 4).click()
    saved(page, "8.6")
    page.goto(start + "self-confidence.html")
    choose(page, [make_photo(page, 640, 480, words="Park")])
    stored_count(page, 1)
    # A plain page counts every page's answers in the navigation without loading their kinds' code.
    page.goto(start + "beginnings.html")
    for section in ("4. Reflections on Identity", "3. Reflections on Theory", "8. Reflections on Power",
                    "5. Reflections on Self Confidence"):
        mark = page.locator("nav.md-nav--primary a", has_text=section).first.locator(".wb-nav-progress")
        expect(mark).to_contain_text("1 of")
    expect(page.locator(".wb-reminder")).to_be_visible()  # no backup made: the notes' code came for it, no kind's
    assert bundles_in_page(page) == ["core", "notices"]
    page.get_by_role("link", name="My answers").first.click()
    expect(page.locator('[data-wb-review-prompt="4.1"]')).to_contain_text("From the folder")
    expect(page.locator('[data-wb-review-prompt="3.9"]')).to_contain_text("Drawn from disk")
    expect(page.locator('[data-wb-review-prompt="5.4"] .wb-photos__image')).to_have_count(1)
    expect(page.locator('[data-wb-review-prompt="8.6"]')).to_contain_text("rung 4")


def to_identity_holding(page: Page, base_url: str, held_file: str) -> list:
    """From beginnings/ to identity/ by instant navigation, with the file matching held_file held back (the routes)."""
    page.goto(base_url + "beginnings/")
    held = []
    page.route(re.compile(held_file), lambda route: held.append(route))
    page.evaluate("() => { window.wbNoReload = true; }")
    with page.expect_request(re.compile(held_file)):
        page.locator("nav.md-nav--primary a", has_text="4. Reflections on Identity").first.click()
    expect(page).to_have_url(base_url + "identity/")
    return held


@pytest.fixture
def unserved_page(browser):
    """A page whose files no service worker serves (page.route could not hold them back), as in test_browser.py."""
    context = browser.new_context(service_workers="block", reduced_motion="reduce")
    yield context.new_page()
    context.close()


def test_a_pages_files_are_all_on_their_way_at_once_not_one_after_another(unserved_page: Page, base_url):
    """On a slow connection a page's scripts are asked for while its first stylesheet is still coming (the preload
    hints before the policy tag: Chromium's own look-ahead stops at that tag). Each was asked for only once the one
    before it had come, the scripts at the end of the page last: a second or more on a phone."""
    page = unserved_page
    held = []
    page.route(re.compile(r"/assets/stylesheets/main\.[0-9a-f]+\.min\.css$"), lambda route: held.append(route))
    asked = []
    page.on("request", lambda request: asked.append(request.url.rsplit("/", 1)[-1]))
    with page.expect_request(re.compile(r"/assets/wb/drawing\.[0-9a-f]{10}\.js$")):
        page.goto(base_url + "theory/", wait_until="commit")
    assert held, "Material's stylesheet is held back"
    files = {(name.split(".")[0], name.rsplit(".", 1)[-1]) for name in asked}
    assert {("palette", "css"), ("core", "css"), ("drawing", "css"), ("bundle", "js"), ("core", "js"), ("drawing", "js")} <= files
    held[0].continue_()
    type_and_wait(page, "3.1", "Words typed once the page has come")
    assert stored(page, "3.1")["value"] == "Words typed once the page has come"


def test_while_a_kinds_code_is_on_its_way_nothing_can_be_typed_into_it(unserved_page: Page, base_url):
    """On a slow connection the list's code comes after the page: a line typed meanwhile would be shown over."""
    page = unserved_page
    held = to_identity_holding(page, base_url, r"/assets/wb/list\.[0-9a-f]+\.js$")
    root = page.locator('[data-wb-prompt="4.1"]')
    expect(root).to_have_attribute("aria-busy", "true")
    assert root.evaluate("el => el.inert") is True
    assert held, "the list's code is held back"
    held[0].continue_()
    expect(root).not_to_have_attribute("aria-busy", "true")
    line(page, "4.1", 1, 1).fill("Typed once it was ready")
    saved(page, "4.1")
    assert stored(page, "4.1")["value"]["lists"][0][0] == "Typed once it was ready"


RE_STYLE = re.compile(r"/assets/wb/([a-z]+)\.[0-9a-f]{10}\.css$")


def styles_in_head(page: Page) -> list[str]:
    """Our stylesheets in the page's <head>, in the cascade's order, by name ("core", "list", ...)."""
    urls = page.evaluate("() => [...document.head.querySelectorAll('link[rel=stylesheet]')].map(l => l.href)")
    return [m.group(1) for m in (RE_STYLE.search(url) for url in urls) if m]


def test_by_instant_navigation_a_kinds_styles_come_with_its_code_in_the_cascades_order(page: Page, base_url):
    """A list's lines are laid out by the list's own stylesheet, linked after the core's (whose rules it builds on)."""
    page.goto(base_url + "power/")
    assert styles_in_head(page) == ["core", "ladder"]
    go_by_instant_navigation(page, base_url, "4. Reflections on Identity", "identity/")
    expect(page.locator('[data-wb-prompt="4.1"] .wb-list__item').first).to_have_css("display", "flex")
    assert styles_in_head(page)[0] == "core" and "list" in styles_in_head(page)
    go_by_instant_navigation(page, base_url, "My answers", "my-answers/")
    expect(page.locator(".wb-review__tools")).to_have_css("border-top-style", "solid")
    # My answers links its bundles' styles as one file ("page"), which the navigation brings, last; those loaded with
    # the code it lacked go between the core's and it, so the cascade is the same as where My answers is opened.
    names = styles_in_head(page)
    assert names[0] == "core" and names[-1] == "page" and names.count("page") == 1
    assert {"problems", "versions", "notices", "lock", "drawing", "photos", "review"} <= set(names) <= {
        "core", "problems", "versions", "notices", "lock", "list", "drawing", "photos", "ladder", "review", "page"}


def test_while_a_kinds_styles_are_on_their_way_its_prompts_are_held(unserved_page: Page, base_url):
    """The code alone is not enough: a list shown unstyled would move as its styles come, so it waits for both."""
    page = unserved_page
    held = to_identity_holding(page, base_url, r"/assets/wb/list\.[0-9a-f]+\.css$")
    root = page.locator('[data-wb-prompt="4.1"]')
    expect(root).to_have_attribute("aria-busy", "true")
    assert held, "the list's styles are held back"
    held[0].continue_()
    expect(root).not_to_have_attribute("aria-busy", "true")
    expect(root.locator(".wb-list__item").first).to_have_css("display", "flex")
