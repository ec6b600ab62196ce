"""Unit: a prompt of `kind: drawing`, Markdown in, HTML out."""

from __future__ import annotations

from markup import render_prompt as render


def test_a_drawing_has_a_words_box_and_a_description_that_work_without_javascript():
    soup = render("kind: drawing", "Draw your mentee in two years’ time feeling happy.")
    root = soup.select_one("[data-wb-prompt]")
    assert root["data-module"] == "wb-drawing"
    assert "wb-scripted" in root.select_one(".wb-drawing")["class"]  # not shown without scripts (core.css)
    canvas = root.select_one("canvas")
    assert canvas["role"] == "img" and canvas["id"] == "wb-drawing-4-1"
    labels = {soup.select_one(f'label[for="{b["id"]}"]').get_text(): b["data-wb-field"] for b in root.select("textarea")}
    assert labels == {
        "Your answer in words": "text",
        "Describe your drawing in words, for anyone who cannot see it": "description",
    }
    # Each box is named by its visible label, then by the prompt it answers (a page may have several).
    for box in root.select("textarea"):
        first, prompt = box["aria-labelledby"].split()
        assert soup.select_one(f"#{first}")["for"] == box["id"] and prompt == "wb-prompt-4-1"
    assert root["role"] == "group" and root["aria-labelledby"] == "wb-prompt-4-1"
    assert "needs JavaScript" in root.select_one(".wb-drawing__no-script").get_text()
