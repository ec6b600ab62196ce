"""Unit: a prompt's `kind` option and its checks, over every kind (each kind's own block is tested in its folder,
hooks/kinds/<kind>/test_<kind>_unit.py)."""

from __future__ import annotations

import pytest
from wb_prompts import PromptError

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
