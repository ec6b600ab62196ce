"""Unit: a prompt's `kind` option (capitals, letter, list, drawing, photos) and its checks."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from wb_extension import WorkbookExtension
from wb_prompts import PromptError, PromptRegistry


def render(options: str, words: str = "List 10 positive things about your mentee") -> BeautifulSoup:
    md = markdown.Markdown(extensions=[WorkbookExtension(registry=PromptRegistry())])
    indented = "".join(f"    {line}\n" for line in options.splitlines())
    return BeautifulSoup(md.convert(f"/// prompt | 4.1\n{indented}{words}\n///\n"), "html.parser")


def test_capitals_is_a_text_box_shown_in_capitals():
    soup = render("kind: capitals", "SHOUT IT IN CAPITALS…")
    root = soup.select_one("[data-wb-prompt]")
    assert root["data-module"] == "wb-answer" and "wb-prompt--capitals" in root["class"]
    assert soup.select_one("textarea")["autocapitalize"] == "characters"
    assert soup.select_one("label")["for"] == soup.select_one("textarea")["id"]


def test_a_letter_is_a_tall_text_box():
    soup = render("kind: letter", "write a letter of reassurance")
    assert "wb-prompt--letter" in soup.select_one("[data-wb-prompt]")["class"]
    assert soup.select_one("textarea")["rows"] == "16"


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


def test_a_drawing_has_a_words_box_and_a_description_that_work_without_javascript():
    soup = render("kind: drawing", "Draw your mentee in two years’ time feeling happy.")
    root = soup.select_one("[data-wb-prompt]")
    assert root["data-module"] == "wb-drawing"
    assert root.select_one(".wb-drawing").has_attr("hidden")
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


def test_photos_have_a_words_box_that_works_without_javascript_and_a_place_for_the_collage():
    soup = render("kind: photos", "Create a collage of photographs… how do these images make you feel?")
    root = soup.select_one("[data-wb-prompt]")
    assert root["data-module"] == "wb-photos" and "wb-prompt--photos" in root["class"]
    assert root.select_one("h3 label") is None, "the heading names the whole answer, not one box"
    assert root.select_one(".wb-photos").has_attr("hidden")
    assert root.select_one(".wb-photos ol.wb-photos__grid")["aria-label"] == "Your photos, in order"
    words = root.select_one("textarea")
    assert words["data-wb-field"] == "text" and soup.select_one(f'label[for="{words["id"]}"]').get_text() == "Your answer in words"
    assert words["aria-labelledby"] == f"{words['id']}-label wb-prompt-4-1"
    assert root["role"] == "group" and root["aria-labelledby"] == "wb-prompt-4-1"
    assert "needs JavaScript" in root.select_one(".wb-photos__no-script").get_text()
    assert root.select_one(".wb-prompt__status") is not None


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("kind: drawing-board", "kind 'drawing-board' is not one of text, capitals, letter, list, drawing, photos"),
        ("items: 10", "items and columns go with 'kind: list' only"),
        ("kind: letter\ncolumns: A, B", "items and columns go with 'kind: list' only"),
        ("kind: photos\nitems: 6", "items and columns go with 'kind: list' only"),
        ("kind: photo", "kind 'photo' is not one of"),
        ("kind: list\nitems: 1", "items must be a whole number from 2 to 30"),
        ("kind: list\nitems: 31", "items must be a whole number from 2 to 30"),
        ("kind: list\nitems: ten", "items must be a whole number"),
        ("kind: list\nitems: true", "items must be a whole number"),
        ("kind: list\ncolumns: Positives", "columns must name 2 to 4 lists"),
        ("kind: list\ncolumns: A, , B", "columns must name 2 to 4 lists"),
        ("kind: list\ncolumns: A, B\nitems: 4", "a list with columns grows as the reader writes"),
    ],
)
def test_a_kind_with_wrong_options_is_an_error(options, message):
    with pytest.raises(PromptError, match=message):
        render(options)
