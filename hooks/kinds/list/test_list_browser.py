"""Browser: lists (4.1 ten numbered lines, 6.3 a growing list, 7.5 two columns), by keyboard and by buttons,
on My answers, in copies and backups, on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from my_answers import backup_clear_restore, value as stored
from pages import assert_accessible, box, line, lines, PREFIX, saved, scheme_page

pytestmark = pytest.mark.browser


def test_when_javascript_is_unavailable_lists_are_lines_to_write_on(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "identity/")
    expect(page.locator('[data-wb-prompt="4.1"] .wb-list__input')).to_have_count(10)
    expect(page.get_by_label("line 1 of 10")).to_be_visible()
    page.goto(base_url + "change/")
    expect(page.locator('[data-wb-prompt="7.5"] .wb-list__title')).to_have_text(["Positives", "Negatives"])
    expect(page.get_by_role("button", name="Add a line")).to_have_count(0)  # built, not offered (core.css: .wb-scripted)
    context.close()


def test_ten_numbered_lines_count_what_is_written_and_come_back(page: Page, base_url):
    page.goto(base_url + "identity/")
    count = page.locator('[data-wb-prompt="4.1"] .wb-list__count')
    expect(count).to_have_text("0 of 10 written.")
    line(page, "4.1", 1, 1).click()
    page.keyboard.type("Funny, even on bad days")
    page.keyboard.press("Enter")  # on to the next line
    page.keyboard.type("Turns up on time")
    expect(count).to_have_text("2 of 10 written.")
    saved(page, "4.1")
    page.reload()
    assert lines(page, "4.1")[:3] == ["Funny, even on bad days", "Turns up on time", ""]
    value = stored(page, "4.1")
    assert len(value["lists"][0]) == 10 and value["lists"][0][1] == "Turns up on time"
    expect(page.locator(".wb-progress")).to_have_text("1 of 6 answered on this page.")


def test_a_growing_list_by_keyboard_alone(page: Page, base_url):
    page.goto(base_url + "peer-mentoring-approach/")
    line(page, "6.3", 1, 1).click()
    page.keyboard.type("Remind them of progress")
    page.keyboard.press("Enter")
    page.keyboard.type("Talk it through")
    page.keyboard.press("Enter")
    page.keyboard.type("Plan the next small step")
    page.keyboard.press("Enter")
    page.keyboard.type("Say it happens to many")
    assert lines(page, "6.3") == ["Remind them of progress", "Talk it through", "Plan the next small step",
                                  "Say it happens to many"]
    page.keyboard.press("Alt+ArrowUp")  # move the last line up
    page.keyboard.press("Alt+ArrowUp")
    assert lines(page, "6.3") == ["Remind them of progress", "Say it happens to many", "Talk it through",
                                  "Plan the next small step"]
    expect(page.get_by_label("line 2", exact=True)).to_be_focused()
    page.keyboard.press("Enter")  # a new empty line after it...
    expect(page.get_by_label("line 3", exact=True)).to_be_focused()
    assert len(lines(page, "6.3")) == 5 and lines(page, "6.3")[2] == ""
    page.keyboard.press("Backspace")  # ...removed again, back on line 2
    expect(page.get_by_label("line 2", exact=True)).to_be_focused()
    assert len(lines(page, "6.3")) == 4
    saved(page, "6.3")
    page.reload()
    assert lines(page, "6.3")[1] == "Say it happens to many"
    assert stored(page, "6.3")["lists"][0][3] == "Plan the next small step"


def test_a_growing_list_by_its_buttons(page: Page, base_url):
    page.goto(base_url + "peer-mentoring-approach/")
    line(page, "6.3", 1, 1).fill("First")
    line(page, "6.3", 1, 2).fill("Second")
    page.get_by_role("button", name="Move line 2 up").click()
    assert lines(page, "6.3")[:2] == ["Second", "First"]
    page.get_by_role("button", name="Add a line", exact=True).click()
    expect(page.get_by_label("line 4", exact=True)).to_be_focused()
    page.keyboard.type("Fourth")
    page.get_by_role("button", name="Remove line 3").click()
    assert lines(page, "6.3") == ["Second", "First", "Fourth"]
    expect(page.get_by_role("button", name="Move line 1 up")).to_be_disabled()
    saved(page, "6.3")
    page.reload()
    assert lines(page, "6.3") == ["Second", "First", "Fourth"]


def test_two_columns_keep_their_own_lines(page: Page, base_url):
    page.goto(base_url + "change/")
    line(page, "7.5", 1, 1).fill("Builds trust quickly")
    line(page, "7.5", 2, 1).fill("Can bring back painful memories")
    page.get_by_role("button", name="Add a line to Negatives").click()
    page.keyboard.type("Others may judge")
    saved(page, "7.5")
    page.reload()
    assert lines(page, "7.5", 1)[0] == "Builds trust quickly"
    assert lines(page, "7.5", 2) == ["Can bring back painful memories", "", "", "Others may judge"]
    page.goto(base_url + "my-answers/")
    answer = page.locator('[data-wb-review-prompt="7.5"] .wb-review__answer')
    expect(answer.locator(".wb-review__list-title")).to_have_text(["Positives", "Negatives"])
    # Empty lines are not shown.
    expect(answer.locator("ul").nth(1).locator("li")).to_have_text(["Can bring back painful memories", "Others may judge"])


def test_my_answers_and_copies_show_a_numbered_list_as_a_list(page: Page, base_url):
    page.goto(base_url + "identity/")
    line(page, "4.1", 1, 1).fill("Kind")
    line(page, "4.1", 1, 3).fill("Brave")
    saved(page, "4.1")
    page.goto(base_url + "my-answers/")
    items = page.locator('[data-wb-review-prompt="4.1"] ol li')
    expect(items).to_have_text(["Kind", "Brave"])
    assert items.nth(1).evaluate("li => li.value") == 3
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as text").click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert "4.1 List 10 positive things about your mentee\n\n1. Kind\n3. Brave\n" in text


def test_lists_round_trip_through_a_backup(page: Page, base_url):
    page.goto(base_url + "change/")
    line(page, "7.5", 1, 1).fill("Trust")
    line(page, "7.5", 2, 2).fill("Memories")
    saved(page, "7.5")
    before = page.evaluate("key => localStorage.getItem(key)", PREFIX + "answer:7.5")
    backup_clear_restore(page, base_url)
    assert page.evaluate("key => localStorage.getItem(key)", PREFIX + "answer:7.5") == before


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_lists_in_use(browser, base_url, scheme):
    context, page = scheme_page(browser, scheme)
    page.goto(base_url + "change/")
    line(page, "7.5", 1, 1).fill("Trust")
    page.get_by_role("button", name="Add a line to Positives").click()
    box(page, "7.2").fill("Dear friend,")
    assert_accessible(page)
    context.close()


def test_lists_fit_a_small_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    page.goto(base_url + "change/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    button = page.get_by_role("button", name="Remove Positives, line 1").bounding_box()
    assert button["width"] >= 24 and button["height"] >= 24
    context.close()


def test_at_360_px_a_growing_lists_lines_take_the_width_with_44_px_buttons_under_them(browser, base_url):
    """7.5 on a phone: one sentence fits a line box that is not squeezed beside its buttons."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + "change/")
    first = line(page, "7.5", 1, 1)
    first.fill("Sharing helps build trust quickly with a new mentee")
    column = page.locator('[data-wb-prompt="7.5"] .wb-list__column').first.bounding_box()
    boxed = first.bounding_box()
    assert boxed["width"] >= 0.75 * column["width"], (boxed, column)
    up = page.locator('[data-wb-prompt="7.5"] .wb-list__line-button').first.bounding_box()
    assert up["y"] >= boxed["y"] + boxed["height"], "its buttons are under the line, not beside it"
    negatives = page.locator('[data-wb-prompt="7.5"] .wb-list__column').nth(1).bounding_box()
    assert negatives["y"] >= column["y"] + column["height"] - 1, "the two lists stack"
    for button in page.locator('[data-wb-prompt="7.5"] .wb-list__line-button').all():
        size = button.bounding_box()
        assert size["width"] >= 44 and size["height"] >= 44, size
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
