"""Browser: the text box (the `wb-answer` kind): a plain answer typed, saved, restored; any script, any length;
the box grows, takes the keyboard, keeps what was typed before the script ran; capitals (3.3), a letter (7.2)."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, expect
from my_answers import value
from pages import box, saved, status, stored, type_and_wait

pytestmark = pytest.mark.browser


def test_an_answer_typed_is_there_after_a_reload(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    expect(status(page, "1.1")).to_have_text("Your answer is saved in this browser as you type.")
    box(page, "1.1").press_sequentially("I wanted to give back.", delay=5)
    expect(status(page, "1.1")).to_contain_text("Saved today at")
    page.reload()
    expect(box(page, "1.1")).to_have_value("I wanted to give back.")
    expect(status(page, "1.1")).to_contain_text("Saved today at")
    expect(box(page, "1.2")).to_have_value("")


def test_long_answers_in_any_script_are_kept_exactly(page: Page, base_url):
    text = ("Ünïcödé ✓ 😀👩🏽‍🤝‍👩🏻 العربية עברית 中文 e\u0301 \t tabs\r\nand lines\n" * 800)[:50000]
    page.goto(base_url + "examples/")
    box(page, "99.1").fill(text)
    expect(status(page, "99.1")).to_contain_text("Saved today")
    page.reload()
    assert box(page, "99.1").input_value() == text.replace("\r\n", "\n")
    assert stored(page, "99.1")["value"] == text.replace("\r\n", "\n")


def test_the_box_grows_with_its_text(page: Page, base_url):
    page.goto(base_url + "examples/")
    answer = box(page, "99.1")
    before = answer.bounding_box()["height"]
    answer.fill("\n".join(f"Line {n}" for n in range(30)))
    after = answer.bounding_box()["height"]
    assert after > before * 2
    assert answer.evaluate("el => el.scrollHeight <= el.clientHeight + 1")


@pytest.mark.parametrize("stored", [None, "Saved before"])
def test_words_typed_before_the_script_starts_are_kept_when_it_does(browser, base_url, stored):
    """On a slow connection the box shows before the script runs: what the reader types then is saved."""
    context = browser.new_context(service_workers="block")  # so that the script's request can be held
    page = context.new_page()
    if stored:
        page.goto(base_url + "theory/")
        type_and_wait(page, "3.4", stored)
    held = []
    page.route("**/assets/wb/core.*.js", lambda route: held.append(route))
    page.goto(base_url + "theory/", wait_until="commit")
    box(page, "3.4").fill("Typed while the page was loading")
    expect(status(page, "3.4")).to_contain_text("Saving answers needs JavaScript")
    deadline = time.monotonic() + 10
    while not held and time.monotonic() < deadline:  # each call to the page lets the held request reach the route
        page.evaluate("() => 0")
    assert held, "the workbook's script was never requested"
    held[0].continue_()
    expect(status(page, "3.4")).to_contain_text("Saved today")
    expected = (stored + "\n\n" if stored else "") + "Typed while the page was loading"
    expect(box(page, "3.4")).to_have_value(expected)
    assert stored_value(page, "3.4") == expected
    context.close()


def stored_value(page: Page, prompt_id: str):
    record = stored(page, prompt_id)
    return record and record["value"]


def test_typing_material_shortcut_keys_in_a_box_stays_on_the_page(page: Page, base_url):
    page.goto(base_url + "theory/")
    page.evaluate("() => { window.wbNoReload = true; }")
    box(page, "3.5").click()
    page.keyboard.type("n p . , f s / N P")
    expect(page.locator("#wb-status-3-5")).to_contain_text("Saved today")
    page.wait_for_load_state("networkidle")  # no page was asked for
    expect(page).to_have_url(base_url + "theory/")
    assert page.evaluate("() => window.wbNoReload") is True
    expect(box(page, "3.5")).to_have_value("n p . , f s / N P")
    assert page.evaluate("() => document.activeElement.id") == "wb-answer-3-5"
    assert page.evaluate("() => window.wbNoReload") is True


def test_a_keyboard_user_tabs_from_one_box_to_the_next(page: Page, base_url):
    page.goto(base_url + "examples/")
    box(page, "99.1").focus()
    page.keyboard.type("First")
    page.keyboard.press("Tab")  # the box's own "Keep this version" (versions-panel.js)
    assert page.evaluate("() => document.activeElement.textContent") == "Keep this version"
    page.keyboard.press("Tab")  # the link in the next prompt's words
    assert page.evaluate("() => document.activeElement.textContent") == "the introduction"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "wb-answer-99-2"
    page.keyboard.type("Second")
    expect(status(page, "99.2")).to_contain_text("Saved today")


def test_capitals_show_as_capitals_and_are_kept_as_typed(page: Page, base_url):
    page.goto(base_url + "theory/")
    box(page, "3.3").fill("never give up")
    assert box(page, "3.3").evaluate("el => getComputedStyle(el).textTransform") == "uppercase"
    saved(page, "3.3")
    assert value(page, "3.3") == "never give up"


def test_a_letter_has_room_to_write(page: Page, base_url):
    page.goto(base_url + "change/")
    letter = box(page, "7.2")
    other = box(page, "7.3")
    assert letter.bounding_box()["height"] > 2 * other.bounding_box()["height"]
