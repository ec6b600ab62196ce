"""Browser: how a page's boxes come alive (main.js). They start a few at a time, each few in a task
of its own, so that a slow phone answers a tap between them; a box the reader reaches first is
ready at once, with its saved answer in it; printing starts them all."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pages import box, PREFIX, stored, type_and_wait

pytestmark = pytest.mark.browser

# Makes the page's start as slow as a cheap phone's and holds it there: every reading of the clock is
# 10 ms later than the last (so each slice of the start has room for one box), and once the page has
# been read, a task asked for "as soon as possible" waits until the test lets it go (window.wbLetGo).
SLOW_START = """(() => {
  const now = Date.now.bind(Date);
  let later = 0;
  Date.now = () => now() + (later += 10);
  const setTimeout = window.setTimeout.bind(window);
  const held = [];
  window.setTimeout = (fn, ms, ...args) => {
    if (document.readyState !== 'loading' && !ms && held) return held.push(() => fn(...args)), -1;
    return setTimeout(fn, ms, ...args);
  };
  window.wbLetGo = () => { const tasks = held.splice(0); window.setTimeout = setTimeout; tasks.forEach(f => f()); };
})()"""


def started(page: Page) -> list[str]:
    return page.eval_on_selector_all("[data-wb-prompt][data-wb-init]", "els => els.map(el => el.dataset.wbPrompt)")


def open_slowly(page: Page, base_url: str, last_answer: str) -> None:
    """Theory, with an answer saved in its last box (3.11), opened again with the start held after its first box."""
    page.goto(base_url + "theory/")
    type_and_wait(page, "3.11", last_answer)
    page.add_init_script(SLOW_START)
    page.reload()
    expect(page.locator("[data-wb-prompt='3.1'][data-wb-init]")).to_have_count(1)
    assert "3.11" not in started(page)


def test_the_boxes_start_a_few_at_a_time_and_all_of_them_do(page: Page, base_url):
    open_slowly(page, base_url, "Saved on the last box")
    expect(box(page, "3.11")).to_have_value("")  # not shown yet: its start waits its turn
    page.evaluate("() => window.wbLetGo()")
    expect(page.locator("[data-wb-prompt][data-wb-init='']")).to_have_count(11)
    expect(box(page, "3.11")).to_have_value("Saved on the last box")
    expect(page.locator(".wb-progress")).to_contain_text("1 of 11 answered")


def test_a_box_reached_before_its_turn_shows_its_answer_first_and_keeps_what_is_typed(page: Page, base_url):
    open_slowly(page, base_url, "Saved on the last box.")
    box(page, "3.11").focus()  # the reader tabs or taps straight to it
    assert "3.11" in started(page)
    expect(box(page, "3.11")).to_have_value("Saved on the last box.")
    page.keyboard.press("End")
    page.keyboard.type(" And more.")
    page.evaluate("() => window.wbLetGo()")
    page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).value.endsWith(' And more.')", arg=PREFIX + "answer:3.11")
    expect(box(page, "3.11")).to_have_value("Saved on the last box. And more.")
    assert stored(page, "3.11")["value"] == "Saved on the last box. And more."


def test_printing_before_the_boxes_have_all_started_prints_every_answer(page: Page, base_url):
    open_slowly(page, base_url, "Printed from the last box")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # as the browser does as printing begins
    assert len(started(page)) == 11
    assert page.locator("[data-wb-prompt='3.11'] .wb-prompt__print").text_content() == "Printed from the last box"
