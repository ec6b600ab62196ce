"""Browser: the ladder of participation (8.6), by mouse, by keyboard, over time."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect
from pages import assert_accessible, FULL_STORAGE, PREFIX, radio, VISIBLE_CONTROLS, scheme_page

pytestmark = pytest.mark.browser

KEY = PREFIX + "answer:8.6"


QUESTION = {"now": "Where are you now?", "hope": "Where would you like to be?"}


def rung(page: Page, number: int):
    return page.locator(f'[data-wb-prompt="8.6"] .wb-ladder__rung[data-wb-rung="{number}"]')


def marks(page: Page, number: int) -> set[str]:
    """How rung `number` is marked on the drawing: "now", "hope", "between"."""
    classes = rung(page, number).get_attribute("class").split()
    return {c.split("--")[1] for c in classes if c.startswith("wb-ladder__rung--")}


def stored(page: Page):
    raw = page.evaluate("key => localStorage.getItem(key)", KEY)
    return None if raw is None else json.loads(raw)["value"]


def saved(page: Page):
    expect(page.locator("#wb-status-8-6")).to_contain_text("Saved today")


def test_when_javascript_is_unavailable_the_ladder_reads_and_its_radios_work(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "power/")
    expect(page.locator(".wb-ladder__band-name").first).to_have_text("Degrees of citizen power")
    expect(rung(page, 6)).to_contain_text("People with lived experience work in partnership with power holders")
    expect(rung(page, 6)).to_contain_text("Partnership")
    radio(page, "now", 6).check()
    expect(radio(page, "now", 6)).to_be_checked()
    expect(page.get_by_role("button", name="Keep today’s placement")).to_be_hidden()
    expect(page.locator("#wb-status-8-6")).to_contain_text("needs JavaScript")
    context.close()


def test_choosing_by_mouse_marks_the_ladder_and_is_kept_after_a_reload(page: Page, base_url):
    page.goto(base_url + "power/")
    expect(page.locator(".wb-ladder__summary")).to_have_text("You have not placed yourself on the ladder yet.")
    radio(page, "now", 3).click()
    radio(page, "hope", 6).click()
    page.get_by_role("textbox", name=re.compile(r"^Are you happy with your position\?")).fill("Not yet.")
    saved(page)
    assert marks(page, 3) == {"now"}
    assert marks(page, 6) == {"hope"}
    assert marks(page, 4) == {"between"}
    assert marks(page, 5) == {"between"}
    expect(page.locator(".wb-ladder__summary")).to_have_text(
        "You are on rung 3 (Informing) and would like to be on rung 6 (Partnership): 3 rungs up."
    )
    page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).value.happy === 'Not yet.'", arg=PREFIX + "answer:8.6")
    page.reload()
    expect(radio(page, "now", 3)).to_be_checked()
    expect(radio(page, "hope", 6)).to_be_checked()
    expect(page.get_by_role("textbox", name=re.compile(r"^Are you happy with your position\?"))).to_have_value("Not yet.")
    assert marks(page, 4) == {"between"}
    assert stored(page) == {"now": 3, "hope": 6, "happy": "Not yet.", "help": "", "history": []}


def test_either_question_can_be_left_or_put_back_to_not_placed(page: Page, base_url):
    page.goto(base_url + "power/")
    radio(page, "hope", 7).click()
    saved(page)
    expect(page.locator(".wb-ladder__summary")).to_have_text("You would like to be on rung 7 (Delegated power).")
    radio(page, "hope", "").click()
    page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).value.hope === null", arg=PREFIX + "answer:8.6")
    assert stored(page)["hope"] is None and stored(page)["now"] is None
    expect(page.locator(".wb-ladder__rung--hope")).to_have_count(0)


def test_keyboard_alone_places_both_and_keeps_the_placement(page: Page, base_url):
    page.goto(base_url + "power/")
    page.evaluate("() => { window.wbNoReload = true; }")
    radio(page, "now", 8).focus()
    page.keyboard.press("Shift+Tab")
    # Tab enters the "now" group on its chosen radio ("not placed yet").
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "wb-ladder-8-6-now"
    assert page.evaluate("() => document.activeElement.value") == ""
    page.keyboard.press("ArrowUp")  # up the page: rung 1
    page.keyboard.press("ArrowUp")  # rung 2
    expect(radio(page, "now", 2)).to_be_checked()
    # Tab moves to the next group, where Space chooses the focused rung.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "wb-ladder-8-6-hope"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Space")
    expect(radio(page, "hope", 3)).to_be_checked()
    expect(page.locator(".wb-ladder__summary")).to_contain_text("rung 2 (Therapy) and would like to be on rung 3")
    # Material's single-key shortcuts typed on a rung do nothing.
    for key in ["n", "p", "f", "s", "/", ",", ".", "N", "P"]:
        page.keyboard.press(key)
    page.wait_for_load_state("networkidle")  # no page was asked for
    expect(page).to_have_url(base_url + "power/")
    assert page.evaluate("() => window.wbNoReload") is True
    expect(page.locator(".md-search__input")).not_to_be_focused()
    assert page.evaluate("() => document.activeElement.name") == "wb-ladder-8-6-hope"
    # On to the answers and the button, by Tab; Enter keeps the placement.
    page.keyboard.press("Tab")
    page.keyboard.type("Not happy")
    page.keyboard.press("Tab")
    page.keyboard.type("Training")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Keep today’s placement")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".wb-ladder__entries li")).to_have_count(1)
    value = stored(page)
    assert (value["now"], value["hope"], value["happy"], value["help"]) == (2, 3, "Not happy", "Training")
    assert [(e["now"], e["hope"], e["happy"], e["help"]) for e in value["history"]] == [(2, 3, "Not happy", "Training")]


def test_kept_placements_make_a_timeline_and_can_be_deleted_after_confirming(page: Page, base_url):
    page.goto(base_url + "power/")
    radio(page, "now", 2).click()
    radio(page, "hope", 5).click()
    keep = page.get_by_role("button", name="Keep today’s placement")
    keep.click()
    radio(page, "now", 4).click()
    page.get_by_role("textbox", name=re.compile(r"^What would help you move up a rung\?")).fill("Being asked earlier")
    keep.click()
    entries = page.locator(".wb-ladder__entries li")
    expect(entries).to_have_count(2)
    # Each kept placement is a dated line in words, newest first, written as the catalogue's locale (en-GB) writes
    # dates and times: "27 November 2026, 14:02", whatever the browser's own language.
    today = page.evaluate("new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'long', year: 'numeric'}).format(new Date())")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", today)
    expect(entries.nth(0).locator(".wb-ladder__entry-line")).to_have_text(
        re.compile("^" + re.escape(today) + r", \d\d:\d\d: now rung 4 Consultation, would like to be rung 5 Placation\.$"))
    expect(entries.nth(0)).to_contain_text("What would help: Being asked earlier")
    expect(entries.nth(1)).to_contain_text("now rung 2 Therapy, would like to be rung 5 Placation.")
    page.reload()
    expect(entries).to_have_count(2)
    # Delete asks first; "No" keeps it.
    entries.nth(1).get_by_role("button", name="Delete").click()
    expect(entries.nth(1)).to_contain_text("Delete the placement of")
    page.get_by_role("button", name="No, keep it").click()
    expect(entries).to_have_count(2)
    entries.nth(1).get_by_role("button", name="Delete").click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(entries).to_have_count(1)
    expect(entries.nth(0)).to_contain_text("now rung 4 Consultation")
    page.reload()
    expect(entries).to_have_count(1)
    assert [e["now"] for e in stored(page)["history"]] == [4]


def test_a_ladder_that_cannot_save_says_so_and_keeps_what_was_stored(page: Page, base_url):
    page.goto(base_url + "power/")
    radio(page, "now", 5).click()
    saved(page)
    page.evaluate(FULL_STORAGE)
    radio(page, "now", 6).click()
    expect(page.get_by_role("alert")).to_contain_text("Your answer is not saved.")
    assert stored(page)["now"] == 5


def test_a_damaged_ladder_value_is_kept_aside(page: Page, base_url):
    page.goto(base_url + "power/")
    page.evaluate("key => localStorage.setItem(key, JSON.stringify({v: 1, value: {now: 42}, saved: new Date().toISOString()}))", KEY)
    page.reload()
    expect(page.locator(".wb-notice")).to_contain_text("could not be read")
    radio(page, "now", 1).click()
    saved(page)
    kept = page.evaluate("p => Object.keys(localStorage).filter(k => k.startsWith(p))", PREFIX + "aside:answer:8.6:")
    assert len(kept) == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_before_and_after_placing(browser, base_url, scheme):
    context, page = scheme_page(browser, scheme)
    page.goto(base_url + "power/")
    assert_accessible(page)
    radio(page, "now", 3).click()
    radio(page, "hope", 3).click()
    page.get_by_role("button", name="Keep today’s placement").click()
    page.locator(".wb-ladder__entries button").first.click()
    expect(page.get_by_role("button", name="Yes, delete it")).to_be_focused()
    assert_accessible(page)
    context.close()


@pytest.mark.parametrize("width", [320, 360])
def test_the_ladder_fits_a_small_phone_and_its_targets_are_big_enough(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(base_url + "power/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    for question in ("now", "hope"):
        target = radio(page, question, 4).locator("xpath=..").bounding_box()
        assert target["width"] >= 24 and target["height"] >= 24
    context.close()


def test_at_400_percent_zoom_the_ladder_still_fits_without_sideways_scrolling(browser, base_url):
    # 1280 px wide at 400% zoom is a 320 CSS px viewport.
    context = browser.new_context(viewport={"width": 320, "height": 256}, device_scale_factor=4)
    page = context.new_page()
    page.goto(base_url + "power/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    radio(page, "now", 8).click()
    assert marks(page, 8) == {"now"}
    context.close()


def test_at_360_px_every_radio_says_beside_it_which_question_it_answers(browser, base_url):
    """On a phone the column headings scroll away: each rung's radios are labelled "Now" / "Would like to be"."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + "power/")
    for question, words in (("now", "Now"), ("hope", "Would like to be")):
        for number in [*range(1, 9), ""]:
            choice = radio(page, question, number).locator("xpath=..")
            text = choice.locator(".wb-ladder__choice-text")
            expect(text).to_have_text(re.compile("^" + words + ": "))
            assert text.evaluate("el => el.firstChild.textContent") == words
            expect(text).to_be_visible()
            rung(page, 6 if number == "" else number).scroll_into_view_if_needed()
            box, mark = text.bounding_box(), radio(page, question, number).bounding_box()
            # The words sit with their radio, inside the screen, on the rung's row.
            assert 0 <= box["x"] and box["x"] + box["width"] <= 360, box
            assert abs((box["x"] + box["width"] / 2) - (mark["x"] + mark["width"] / 2)) < 4, (box, mark)
            assert 0 <= box["y"] - (mark["y"] + mark["height"]) < 12, (box, mark)
        expect(radio(page, question, 6)).to_have_accessible_name(re.compile(
            # (Chromium puts a space where the visually hidden part starts: "Now : rung 6…")
            "^" + words + r" ?: rung 6 of 8, People with lived experience work in partnership with power holders\. "
            r"Arnstein’s name: Partnership\. Degrees of citizen power\.$"))
        expect(page.get_by_role("radiogroup", name=QUESTION[question])).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "nothing wider than the screen"
    # Before placing, "not placed yet" is a small grey dot, quieter than a rung's radio.
    quiet, rung_radio = radio(page, "now", ""), radio(page, "now", 4)
    assert quiet.bounding_box()["width"] < rung_radio.bounding_box()["width"]
    accent = quiet.evaluate("el => getComputedStyle(el).accentColor")
    assert accent != rung_radio.evaluate("el => getComputedStyle(el).accentColor")
    # Arnstein's names and the extra question are marked as this site's, not the author's.
    expect(rung(page, 5).locator(".wb-ladder__arnstein")).to_have_text("Arnstein’s name: Placation")
    extra = page.locator("#wb-ladder-8-6-help-extra")
    expect(extra).to_have_text("An extra question")
    expect(extra).to_be_visible()
    expect(page.locator("#wb-ladder-8-6-help")).to_have_accessible_description(re.compile("Added by this website, not by the workbook’s author"))
    context.close()



def test_nothing_to_press_prints_but_the_kept_placements_do(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + "power/")
    radio(page, "now", 5).check()
    radio(page, "hope", 7).check()
    page.get_by_role("button", name="Keep today’s placement").click()
    entry = page.locator(".wb-ladder__entry-line")
    expect(entry).to_contain_text("now rung 5")
    expect(page.get_by_role("button", name=re.compile("^Delete the placement of"))).to_be_visible()
    page.emulate_media(media="print")
    assert page.evaluate(VISIBLE_CONTROLS) == []
    expect(entry).to_be_visible()
    expect(page.locator(".wb-ladder__rung--none")).to_be_hidden()
    expect(radio(page, "now", 5)).to_be_visible()
    context.close()
