"""The core flows again in WebKit (every browser on an iPhone) and Firefox.

Each test runs once per engine (`-m webkit`, `-m firefox`), in a new session with
empty storage, on the real site plus the examples page, served with a probe that
records script errors and policy violations (tests/engines.py).
"""

from __future__ import annotations

import base64
import json

import pytest
from engines import Reader
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.common.keys import Keys
from test_browser import PAGES, PREFIX

NO_PROBLEMS = {"errors": [], "csp": []}


def assert_no_problems(reader: Reader) -> None:
    assert reader.problems() == NO_PROBLEMS, f"{reader.engine} on {reader.driver.current_url}"


# ---- typing, leaving, coming back ------------------------------------------------


def test_words_typed_just_before_leaving_for_another_page_are_kept(reader: Reader):
    reader.goto("beginnings/")
    reader.box("1.1").send_keys("Typed, then straight to the next page")
    # Leave at once (well within the save delay): the page's pagehide flush must save it.
    reader.js("location.href = arguments[0]", reader.base + "theory/")
    reader.until(lambda: reader.driver.current_url.endswith("/theory/"), "the next page")
    reader.goto("beginnings/")
    assert reader.value("#wb-answer-1-1") == "Typed, then straight to the next page"
    assert reader.stored(PREFIX, "1.1") == "Typed, then straight to the next page"
    assert_no_problems(reader)


def test_words_typed_just_before_the_tab_is_closed_are_kept(reader: Reader):
    reader.goto("theory/")
    first = reader.driver.current_window_handle
    reader.driver.switch_to.new_window("tab")
    reader.goto("beginnings/")
    reader.box("1.2").send_keys("Written, then the tab closed")
    reader.driver.close()
    reader.driver.switch_to.window(first)
    reader.goto("beginnings/")
    assert reader.value("#wb-answer-1-2") == "Written, then the tab closed"


def test_text_capitals_and_letter_keep_their_words_after_a_reload(reader: Reader):
    reader.goto("beginnings/")
    reader.box("1.1").send_keys("First line ✓ “quoted”", Keys.ENTER, "second line")
    # WebDriver cannot type characters beyond the first plane (emoji): paste them, as a phone's keyboard does.
    reader.js("var box = arguments[0]; box.setRangeText(' 😀', box.value.length, box.value.length, 'end');"
              " box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}))", reader.box("1.1"))
    reader.wait_text("#wb-status-1-1", "Saved today")
    reader.goto("theory/")
    reader.type_and_wait("3.3", "i am proud")
    assert reader.js("return getComputedStyle(arguments[0]).textTransform", reader.box("3.3")) == "uppercase"
    reader.goto("change/")
    reader.box("7.2").send_keys("Dear me,", Keys.ENTER, "I made it.")
    reader.wait_text("#wb-status-7-2", "Saved today")
    assert reader.js("return arguments[0].getBoundingClientRect().height", reader.box("7.2")) > 300
    reader.goto("beginnings/")
    assert reader.value("#wb-answer-1-1") == "First line ✓ “quoted”\nsecond line 😀"
    reader.goto("theory/")
    assert reader.value("#wb-answer-3-3") == "i am proud", "kept as typed, shown in capitals"
    reader.goto("change/")
    assert reader.value("#wb-answer-7-2") == "Dear me,\nI made it."
    assert_no_problems(reader)


def test_a_growing_list_by_keyboard_adds_and_reorders_lines(reader: Reader):
    reader.goto("peer-mentoring-approach/")
    lines = '[data-wb-prompt="6.3"] .wb-list__input'
    start = len(reader.all(lines))
    reader.find("#wb-answer-6-3-1-1").send_keys("Listening", Keys.ENTER)
    reader.until(lambda: reader.js("return document.activeElement.id") == "wb-answer-6-3-1-2", "the next line")
    reader.driver.switch_to.active_element.send_keys("Patience", Keys.ENTER)
    reader.driver.switch_to.active_element.send_keys("Time")
    reader.until(lambda: len(reader.all(lines)) == max(start, 3), "a line for each")
    ActionChains(reader.driver).key_down(Keys.ALT).send_keys(Keys.ARROW_UP).key_up(Keys.ALT).perform()
    reader.until(lambda: reader.stored(PREFIX, "6.3")["lists"][0][:3] == ["Listening", "Time", "Patience"], "the new order saved")
    assert reader.js("return document.activeElement.id") == "wb-answer-6-3-1-2", "focus moves with the line"
    reader.reload()
    assert [reader.js("return arguments[0].value", line) for line in reader.all(lines)][:3] == ["Listening", "Time", "Patience"]
    assert_no_problems(reader)


def test_the_ladder_is_placed_kept_and_back_after_a_reload(reader: Reader):
    reader.goto("power/")
    reader.find('input[name="wb-ladder-8-6-now"][value="3"]').click()
    reader.find('input[name="wb-ladder-8-6-hope"][value="6"]').click()
    reader.wait_text(".wb-ladder__summary", "You are on rung 3 (Informing) and would like to be on rung 6 (Partnership)")
    reader.button("Keep today’s placement").click()
    reader.until(lambda: len(reader.all(".wb-ladder__entries li")) == 1, "the kept placement")
    reader.until(lambda: len((reader.stored(PREFIX, "8.6") or {}).get("history", [])) == 1, "the placement saved")
    reader.reload()
    assert reader.find('input[name="wb-ladder-8-6-now"][value="3"]').is_selected()
    assert reader.find('input[name="wb-ladder-8-6-hope"][value="6"]').is_selected()
    assert len(reader.all(".wb-ladder__entries li")) == 1
    value = reader.stored(PREFIX, "8.6")
    assert (value["now"], value["hope"], value["history"][0]["now"]) == (3, 6, 3)
    assert_no_problems(reader)


INK_AT = """
var canvas = document.querySelector('#wb-drawing-2-6');
var d = canvas.getContext('2d').getImageData(Math.round(arguments[0] * canvas.width), Math.round(arguments[1] * canvas.height), 1, 1).data;
return d[3] > 0;
"""


@pytest.mark.parametrize("kind", ["mouse", "touch"])
def test_a_drawing_by_pointer_is_kept_and_redrawn_after_a_reload(reader: Reader, kind):
    reader.goto("mentoring-in-criminal-justice/")
    canvas = reader.find("#wb-drawing-2-6")
    reader.js("arguments[0].scrollIntoView({block: 'center'})", canvas)
    rect = reader.js("var r = arguments[0].getBoundingClientRect(); return {w: r.width, h: r.height}", canvas)
    builder = ActionBuilder(reader.driver, mouse=PointerInput(kind, kind))
    pointer = builder.pointer_action
    # Offsets are from the canvas's centre: a stroke from the upper left, through the middle, to the right.
    pointer.move_to(canvas, int(-0.4 * rect["w"]), int(-0.4 * rect["h"]))
    pointer.pointer_down()
    for fx, fy in ((-0.2, -0.2), (0, 0), (0.2, 0), (0.4, 0)):
        pointer.move_to(canvas, int(fx * rect["w"]), int(fy * rect["h"]))
    pointer.pointer_up()
    builder.perform()
    reader.wait_text("#wb-status-2-6", "Saved today")
    strokes = reader.stored(PREFIX, "2.6")["strokes"]
    assert len(strokes) == 1 and len(strokes[0]["p"]) >= 6
    reader.reload()
    reader.until(lambda: reader.js(INK_AT, 0.5, 0.5), "the stroke redrawn")
    assert not reader.js(INK_AT, 0.1, 0.9)
    assert_no_problems(reader)
