"""Unit: a prompt of `kind: photos`, Markdown in, HTML out."""

from __future__ import annotations

from markup import render_prompt as render


def test_photos_have_a_words_box_that_works_without_javascript_and_a_place_for_the_collage():
    soup = render("kind: photos", "Create a collage of photographs… how do these images make you feel?")
    root = soup.select_one("[data-wb-prompt]")
    assert root["data-module"] == "wb-photos" and "wb-prompt--photos" in root["class"]
    assert root.select_one("h3 label") is None, "the heading names the whole answer, not one box"
    assert "wb-scripted" in root.select_one(".wb-photos")["class"]  # not shown without scripts (core.css)
    assert root.select_one(".wb-photos ol.wb-photos__grid")["aria-label"] == "Your photos, in order"
    words = root.select_one("textarea")
    assert words["data-wb-field"] == "text" and soup.select_one(f'label[for="{words["id"]}"]').get_text() == "Your answer in words"
    assert words["aria-labelledby"] == f"{words['id']}-label wb-prompt-4-1"
    assert root["role"] == "group" and root["aria-labelledby"] == "wb-prompt-4-1"
    assert "needs JavaScript" in root.select_one(".wb-photos__no-script").get_text()
    assert root.select_one(".wb-prompt__status") is not None
