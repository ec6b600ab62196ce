"""Browser: what several kinds share — every field of a compound answer named with its prompt — and the footer on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from pages import line

pytestmark = pytest.mark.browser


def test_every_field_of_a_compound_answer_is_named_with_its_prompt_at_360_px(browser, base_url):
    """Moving from field to field, a screen reader hears the prompt: "4.1 List 10 positive things… line 3 of 10"."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + "identity/")
    expect(line(page, "4.1", 1, 3)).to_have_accessible_name("4.1 List 10 positive things about your mentee line 3 of 10")
    expect(page.get_by_role("group", name="4.1 List 10 positive things about your mentee")).to_be_visible()
    page.goto(base_url + "change/")
    expect(line(page, "7.5", 2, 1)).to_have_accessible_name(
        re.compile(r"^7\.5 List all the positives and negatives of sharing .* Negatives, line 1$"))
    page.locator('[data-wb-prompt="7.5"] .wb-list__add').first.click()
    expect(line(page, "7.5", 1, 4)).to_have_accessible_name(
        re.compile(r"^7\.5 List all the positives and negatives of sharing .* Positives, line 4$"))
    page.goto(base_url + "self-confidence/")
    expect(page.locator("#wb-answer-5-1")).to_have_accessible_name(
        re.compile(r"^Your answer in words 5\.1 Draw, write or create a personal support"))
    expect(page.locator("#wb-answer-5-1-description")).to_have_accessible_name(re.compile(
        r"^Describe your drawing in words, for anyone who cannot see it 5\.1 Draw, write or create a personal support"))
    expect(page.locator("#wb-answer-5-4")).to_have_accessible_name(
        re.compile(r"^Your answer in words 5\.4 Create a collage of photographs"))
    page.goto(base_url + "power/")
    expect(page.get_by_role("textbox", name=re.compile(r"^Are you happy with your position\? 8\.6 Think about your role"))).to_be_visible()
    expect(page.locator("#wb-ladder-8-6-help")).to_have_accessible_name(re.compile(r"What would help you move up a rung\?.* 8\.6 Think about your role"))
    context.close()


def test_at_360_px_the_footers_support_links_are_44_px_targets(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + "identity/")
    links = page.locator(".wb-footer a").all()
    assert len(links) >= 2
    for link in links:
        link.scroll_into_view_if_needed()
        size = link.bounding_box()
        assert size["width"] >= 44 and size["height"] >= 44, (link.inner_text(), size)
    context.close()
