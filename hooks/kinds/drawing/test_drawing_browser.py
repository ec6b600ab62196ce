"""Browser: drawings (2.6, 3.9, 3.10, 5.1) by mouse and by touch, kept, undone, restored."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect
from my_answers import backup_clear_restore, expand
from pages import assert_accessible, CANVAS, draw_and_describe, draw_with_mouse, drawing_shows, PREFIX, scheme_page

pytestmark = pytest.mark.browser

PAGE = "mentoring-in-criminal-justice/"


def stored(page: Page):
    raw = page.evaluate("key => localStorage.getItem(key)", PREFIX + "answer:2.6")
    return None if raw is None else json.loads(raw)["value"]


def saved(page: Page):
    expect(page.locator("#wb-status-2-6")).to_contain_text("Saved today")


INK_AT = """([selector, x, y]) => {
    const canvas = document.querySelector(selector);
    return canvas.getContext('2d').getImageData(Math.round(x * canvas.width), Math.round(y * canvas.height), 1, 1).data[3] > 0;
}"""


def ink_at(page: Page, x: float, y: float, canvas: str = CANVAS) -> bool:
    """Is there ink at (x, y), as fractions of the canvas?"""
    return page.evaluate(INK_AT, [canvas, x, y])


def inked_soon(page: Page, x: float, y: float, canvas: str = CANVAS) -> None:
    """Scrolled to, the surface comes to show ink at (x, y): a drawing is painted as it nears the screen."""
    page.locator(canvas).scroll_into_view_if_needed()
    page.wait_for_function(INK_AT, arg=[canvas, x, y])


# A phone slow enough that each box starts in a slice of its own (main.js), and printing begins as the page has
# just started its first box: printing starts the rest (main.js), each drawing among them at once.
PRINT_AS_THE_PAGE_STARTS = """(() => {
  const now = Date.now.bind(Date);
  let later = 0;
  Date.now = () => now() + (later += 100);
  window.addEventListener('DOMContentLoaded', () => window.dispatchEvent(new Event('beforeprint')));
})()"""


def test_a_drawing_started_by_printing_itself_prints(page: Page, base_url):
    page.goto(base_url + "theory/")
    draw_with_mouse(page, [(0.2, 0.5), (0.8, 0.5)], "#wb-drawing-3-10")
    expect(page.locator("#wb-status-3-10")).to_contain_text("Saved today")
    page.add_init_script(PRINT_AS_THE_PAGE_STARTS)
    page.goto(base_url + "beginnings/")
    page.goto(base_url + "theory/")
    expect(page.locator("#wb-status-3-10")).to_contain_text("Saved today")
    assert page.evaluate("() => scrollY") == 0
    assert ink_at(page, 0.5, 0.5, "#wb-drawing-3-10")  # started as printing began: on paper too


def test_when_javascript_is_unavailable_the_words_box_is_the_answer(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    expect(page.locator(CANVAS)).to_be_hidden()
    expect(page.locator('[data-wb-prompt="2.6"] .wb-drawing__no-script')).to_contain_text("Drawing here needs JavaScript")
    expect(page.get_by_label("Your answer in words")).to_be_visible()
    context.close()


def test_a_mouse_drawing_is_kept_after_a_reload_and_scales_with_the_screen(page: Page, base_url):
    page.goto(base_url + PAGE)
    draw_with_mouse(page, [(0.1, 0.1), (0.5, 0.5), (0.9, 0.5)])
    page.get_by_label("Describe your drawing in words, for anyone who cannot see it").fill("A path in a park")
    saved(page)
    strokes = stored(page)["strokes"]
    assert len(strokes) == 1 and len(strokes[0]["p"]) >= 6
    assert all(0 <= n <= 1000 for n in strokes[0]["p"])
    page.reload()
    inked_soon(page, 0.5, 0.5)
    assert ink_at(page, 0.3, 0.3) and not ink_at(page, 0.1, 0.9)
    expect(page.locator(CANVAS)).to_have_attribute("aria-label", "Your drawing: A path in a park")
    wide = page.evaluate(f"() => document.querySelector('{CANVAS}').width")
    page.set_viewport_size({"width": 360, "height": 800})
    # Redrawn for the narrower screen: the canvas has fewer pixels, and the stroke is in them.
    page.wait_for_function(f"w => document.querySelector('{CANVAS}').width < w", arg=wide)
    assert ink_at(page, 0.5, 0.5) and ink_at(page, 0.3, 0.3)


def test_a_finger_drawing_is_kept(page: Page, base_url):
    page.goto(base_url + PAGE)
    page.locator(CANVAS).scroll_into_view_if_needed()
    page.evaluate(
        """selector => {
            const canvas = document.querySelector(selector);
            const box = canvas.getBoundingClientRect();
            const fire = (type, x, y) => canvas.dispatchEvent(new PointerEvent(type, {
                pointerType: 'touch', pointerId: 7, isPrimary: true, bubbles: true, cancelable: true,
                clientX: box.left + x * box.width, clientY: box.top + y * box.height}));
            fire('pointerdown', 0.2, 0.8);
            for (let i = 1; i <= 10; i++) fire('pointermove', 0.2 + i * 0.05, 0.8 - i * 0.05);
            fire('pointerup', 0.7, 0.3);
        }""",
        CANVAS,
    )
    saved(page)
    page.reload()
    inked_soon(page, 0.45, 0.55)


def test_undo_redo_eraser_and_clear(page: Page, base_url):
    page.goto(base_url + PAGE)
    draw_with_mouse(page, [(0.1, 0.2), (0.9, 0.2)])
    page.get_by_role("button", name="Red pen").click()
    page.get_by_role("button", name="Thick").click()
    draw_with_mouse(page, [(0.1, 0.6), (0.9, 0.6)])
    assert stored_soon(page, 2)[1]["c"] == "#c62828"
    page.get_by_role("button", name="Undo").click()
    assert not ink_at(page, 0.5, 0.6) and ink_at(page, 0.5, 0.2)
    page.get_by_role("button", name="Redo").click()
    assert ink_at(page, 0.5, 0.6)
    expect(page.get_by_role("button", name="Redo")).to_be_disabled()
    page.get_by_role("button", name="Eraser").click()
    expect(page.get_by_role("button", name="Eraser")).to_have_attribute("aria-pressed", "true")
    draw_with_mouse(page, [(0.5, 0.1), (0.5, 0.3)])
    assert not ink_at(page, 0.5, 0.2)
    page.get_by_role("button", name="Clear the drawing").click()
    page.get_by_role("button", name="No, keep it").click()
    assert ink_at(page, 0.2, 0.6)
    page.get_by_role("button", name="Clear the drawing").click()
    page.get_by_role("button", name="Yes, clear it").click()
    assert not ink_at(page, 0.2, 0.6)
    expect(page.get_by_role("button", name="Black pen")).to_be_focused()
    page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).value.strokes.length === 0", arg=PREFIX + "answer:2.6")


def stored_soon(page: Page, count: int):
    page.wait_for_function(
        "([key, n]) => { const r = localStorage.getItem(key); return r && JSON.parse(r).value.strokes.length === n; }",
        arg=[PREFIX + "answer:2.6", count],
    )
    return stored(page)["strokes"]


def test_a_drawing_comes_back_from_a_backup_pixel_for_pixel(page: Page, base_url):
    page.goto(base_url + PAGE)
    before = draw_and_describe(page)
    raw_before = page.evaluate("key => localStorage.getItem(key)", PREFIX + "answer:2.6")
    page.goto(base_url + "my-answers/")
    expand(page, 2)
    picture = page.locator('[data-wb-review-prompt="2.6"] img.wb-review__picture')
    expect(picture).to_be_visible()
    expect(picture).to_have_attribute("alt", "Your drawing (not described)")
    backup_clear_restore(page, base_url)
    assert page.evaluate("key => localStorage.getItem(key)", PREFIX + "answer:2.6") == raw_before
    page.goto(base_url + PAGE)
    drawing_shows(page, before)


def test_a_keyboard_user_answers_in_words_and_describes(page: Page, base_url):
    page.goto(base_url + PAGE)
    page.get_by_role("button", name="Eraser").focus()
    page.keyboard.press("Tab")  # Undo, Redo and Clear are disabled while there is nothing drawn
    page.keyboard.type("My mentee, smiling, with a job")
    page.keyboard.press("Tab")
    page.keyboard.type("A person at work")
    saved(page)
    # "Saved" may be the first words' save, on a busy machine: wait for the last words' save too.
    page.wait_for_function("([key, text]) => { const raw = localStorage.getItem(key);"
                           " return raw !== null && JSON.parse(raw).value.description === text; }",
                           arg=[PREFIX + "answer:2.6", "A person at work"])
    value = stored(page)
    assert value["text"] == "My mentee, smiling, with a job" and value["description"] == "A person at work"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_a_drawing(browser, base_url, scheme):
    context, page = scheme_page(browser, scheme)
    page.goto(base_url + PAGE)
    draw_with_mouse(page, [(0.1, 0.1), (0.9, 0.9)])
    page.get_by_role("button", name="Clear the drawing").click()
    assert_accessible(page)
    context.close()


def test_an_empty_surface_says_draw_here_and_the_black_pen_shows_in_dark_mode(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme="dark", reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + PAGE)
    hint = page.locator('[data-wb-prompt="2.6"] .wb-drawing__hint')
    expect(hint).to_have_text("Draw here")
    expect(hint).to_be_visible()
    # The black swatch sits on a white ring, as on the white paper, not black on the dark page.
    page.locator('[data-wb-prompt="2.6"]').get_by_role("button", name="Pen", exact=True).click()
    black = page.get_by_role("button", name="Black pen").first
    ring = black.evaluate("b => getComputedStyle(b, '::before').borderTopColor")
    assert ring == "rgb(255, 255, 255)", ring
    draw_with_mouse(page, [(0.2, 0.2), (0.6, 0.6)])
    expect(hint).to_be_hidden()
    page.reload()
    expect(page.locator('[data-wb-prompt="2.6"] .wb-drawing__hint')).to_be_hidden()
    context.close()


def test_on_a_phone_the_drawing_tools_take_one_row_and_pen_opens_colours_and_sizes(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + PAGE)
    tools = page.locator('[data-wb-prompt="2.6"] .wb-drawing__tools')
    pen = tools.get_by_role("button", name="Pen", exact=True)
    row = [pen] + [tools.get_by_role("button", name=name, exact=True) for name in ("Eraser", "Undo", "Redo", "Clear the drawing")]
    tops = {round(button.bounding_box()["y"]) for button in row}
    assert len(tops) == 1, f"the tools wrap onto {len(tops)} rows"
    for button in row:
        size = button.bounding_box()
        assert size["width"] >= 44 and size["height"] >= 44, size
    black = tools.get_by_role("button", name="Black pen")
    expect(black).to_be_hidden()
    expect(pen).to_have_attribute("aria-expanded", "false")
    pen.click()
    expect(pen).to_have_attribute("aria-expanded", "true")
    tools.get_by_role("button", name="Red pen").click()
    tools.get_by_role("button", name="Thick").click()
    expect(pen.locator(".wb-drawing__pen-colour")).to_have_css("background-color", "rgb(198, 40, 40)")
    draw_with_mouse(page, [(0.1, 0.5), (0.9, 0.5)])
    stroke = stored_soon(page, 1)[0]
    assert stroke["c"] == "#c62828" and stroke["w"] == 24
    pen.click()
    expect(black).to_be_hidden()
    assert_accessible(page)
    context.close()


def test_on_a_laptop_colours_and_sizes_sit_in_the_row_without_a_pen_button(page: Page, base_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + PAGE)
    tools = page.locator('[data-wb-prompt="2.6"] .wb-drawing__tools')
    expect(tools.get_by_role("button", name="Pen", exact=True)).to_be_hidden()
    names = ("Black pen", "Green pen", "Thin", "Thick", "Eraser", "Undo", "Redo", "Clear the drawing")
    tops = {round(tools.get_by_role("button", name=name, exact=True).bounding_box()["y"]) for name in names}
    assert len(tops) == 1, f"the tools wrap onto {len(tops)} rows"
    expect(tools.get_by_role("button", name="Undo")).to_contain_text("Undo")


def test_a_drawing_far_down_the_page_is_painted_as_it_nears_the_screen_or_the_page_prints(page: Page, base_url):
    """3.10 is near the end of theory/: the page opens without painting its surface, which shows the drawing
    when the page is printed before it is reached, and when it is scrolled to."""
    far = "#wb-drawing-3-10"
    page.goto(base_url + "theory/")
    draw_with_mouse(page, [(0.2, 0.5), (0.8, 0.5)], far)
    expect(page.locator("#wb-status-3-10")).to_contain_text("Saved today")

    for then in ("print", "scroll"):
        page.goto(base_url + "beginnings/")
        page.goto(base_url + "theory/")
        expect(page.locator("#wb-status-3-10")).to_contain_text("Saved today")
        assert page.evaluate("() => scrollY") == 0 and not ink_at(page, 0.5, 0.5, far)
        if then == "print":
            page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # as the browser does as printing begins
            assert ink_at(page, 0.5, 0.5, far)
        else:
            inked_soon(page, 0.5, 0.5, far)
