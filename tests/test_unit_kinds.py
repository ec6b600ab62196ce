"""Unit: a prompt's `kind` option and its checks, over every kind (each kind's own block is tested in its folder,
hooks/kinds/<kind>/test_<kind>_unit.py)."""

from __future__ import annotations

import pytest
from wb_prompts import PromptError

import wb_search
from bs4 import BeautifulSoup

from markup import prompt_html
from markup import render_prompt as render


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


@pytest.mark.parametrize(("options", "columns"), [
    ("", ""), ("kind: capitals", ""), ("kind: list", ""), ("kind: list\nitems: 4", ""), ("kind: drawing", ""),
    ("kind: photos", ""), ("kind: list\ncolumns: Strengths, Worries", " Strengths Worries")])
def test_search_reads_a_prompt_as_its_words_and_the_page_keeps_the_whole_box(options, columns):
    """What Material's search parses of a prompt (hooks/wb_search.py) is its words (and a list's column names):
    no text areas, buttons or interface words. The page written is the box as rendered, without the marks."""
    html = prompt_html(options, "List 10 *positive* things about your mentee")
    assert wb_search.START in html
    searched = BeautifulSoup(wb_search.for_search(html), "html.parser")
    assert searched.select_one("h3").get_text(" ", strip=True) == "4.1 List 10 positive things about your mentee"
    assert searched.get_text(" ", strip=True) == "4.1 List 10 positive things about your mentee" + columns
    assert not searched.select("textarea, button, canvas, input")
    written = wb_search.restored(html)
    assert "wb-search-skip" not in written
    assert BeautifulSoup(written, "html.parser").select("textarea") and written == html.replace(
        wb_search.START, "").replace(wb_search.END, "")
