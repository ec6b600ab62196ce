"""Unit: a prompt of `kind: list` (numbered lines, a growing list, columns), Markdown in, HTML out."""

from __future__ import annotations

from markup import render_prompt as render


def test_a_list_of_ten_is_ten_numbered_labelled_lines():
    soup = render("kind: list\nitems: 10")
    root = soup.select_one("[data-wb-prompt]")
    assert root["data-module"] == "wb-list" and root["data-wb-items"] == "10"
    lines = root.select("ol.wb-list__items > li textarea")
    assert len(lines) == 10
    labels = [soup.select_one(f'label[for="{line["id"]}"]').get_text() for line in lines]
    assert labels[0] == "line 1 of 10" and labels[9] == "line 10 of 10"
    # Each line's name starts with the prompt heading ("4.1 List…"), then "line 3 of 10"; the lines are one group.
    assert [line["aria-labelledby"] for line in lines][2] == "wb-prompt-4-1 wb-answer-4-1-1-3-label"
    assert soup.select_one("#wb-answer-4-1-1-3-label").get_text() == "line 3 of 10"
    assert root["role"] == "group" and root["aria-labelledby"] == "wb-prompt-4-1"
    assert root.select_one("h3 label") is None, "the heading labels no single box"
    assert root.select_one(".wb-list__count") is not None


def test_a_growing_list_starts_with_three_lines_and_columns_name_their_lists():
    soup = render("kind: list")
    assert len(soup.select("ul.wb-list__items > li")) == 3
    soup = render("kind: list\ncolumns: Positives, Negatives")
    root = soup.select_one("[data-wb-prompt]")
    assert root["data-wb-columns"] == "Positives|Negatives"
    assert [t.get_text() for t in root.select(".wb-list__title")] == ["Positives", "Negatives"]
    assert soup.select_one('label[for="wb-answer-4-1-2-1"]').get_text() == "Negatives, line 1"
