"""Unit: the prompt block, Markdown in, HTML out, and every error it raises."""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup

import wb_prompts
from wb_extension import WorkbookExtension
from wb_prompts import PromptError, PromptRegistry
from markup import render_prompt


def render(text: str, registry: PromptRegistry | None = None) -> BeautifulSoup:
    md = markdown.Markdown(
        extensions=[WorkbookExtension(registry=registry or PromptRegistry()), "pymdownx.blocks.caption", "tables"]
    )
    return BeautifulSoup(md.convert(text), "html.parser")


def test_a_prompt_becomes_a_heading_that_labels_its_answer_box():
    soup = render("/// prompt | 1.1\nWhat brought you to peer mentoring?\n///\n")
    root = soup.select_one("div.wb-prompt")
    assert root["data-module"] == "wb-answer"
    assert root["data-wb-prompt"] == "1.1"
    heading = root.select_one("h3#wb-prompt-1-1")
    label = heading.select_one("label")
    box = root.select_one("textarea")
    assert label["for"] == box["id"] == "wb-answer-1-1"
    assert label.get_text(" ", strip=True) == "1.1 What brought you to peer mentoring?"
    assert box["aria-describedby"] == "wb-status-1-1"
    assert root.select_one("#wb-status-1-1").name == "p"


def test_without_javascript_the_box_says_that_saving_needs_it():
    soup = render("/// prompt | 2.4\nWhat local services?\n///\n")
    status = soup.select_one(".wb-prompt__status").get_text()
    assert "needs JavaScript" in status and "will not be kept" in status


def test_ids_come_from_the_prompt_number_and_dots_become_dashes():
    soup = render("/// prompt | 3.10\nDesign your support system\n///\n")
    assert soup.select_one("textarea")["id"] == "wb-answer-3-10"
    assert soup.select_one("h3")["id"] == "wb-prompt-3-10"


def test_two_paragraphs_become_two_lines_of_one_label_with_inline_markdown():
    soup = render(
        "/// prompt | 3.3\nWhat is the *most* important lesson?\n\nSHOUT IT IN CAPITALS…\n///\n"
    )
    label = soup.select_one("label")
    lines = label.select(".wb-prompt__line")
    assert [line.get_text() for line in lines] == ["What is the most important lesson?", "SHOUT IT IN CAPITALS…"]
    assert label.select_one("em").get_text() == "most"
    assert not label.select("p"), "a label holds phrasing content only"
    # Read aloud or copied, the two lines do not run together.
    assert "lesson? SHOUT" in label.get_text()


def test_words_are_escaped():
    soup = render('/// prompt | 1.2\nIs 3 < 4 & "this" fine?\n///\n')
    assert soup.select_one(".wb-prompt__text").get_text() == 'Is 3 < 4 & "this" fine?'


def test_text_around_a_prompt_stays_where_it_was():
    soup = render("Before.\n\n/// prompt | 1.3\nAllies?\n///\n\nAfter.\n")
    assert [p.get_text() for p in soup.find_all("p", recursive=False)] == ["Before.", "After."]


@pytest.mark.parametrize(
    "argument",
    ["", "1", "1.", "1.1.", "a.b", "0.1", "1.01", "1.1 extra", "1,1", "1.1a"],
)
def test_a_malformed_id_is_an_error(argument):
    with pytest.raises(PromptError, match="not a workbook number"):
        render(f"/// prompt | {argument}\nWords\n///\n")


def test_a_missing_id_is_an_error():
    with pytest.raises(PromptError, match="not a workbook number"):
        render("/// prompt\nWords\n///\n")


def test_an_id_used_twice_is_an_error_naming_both_pages():
    registry = PromptRegistry()
    registry.page = "beginnings.md"
    render("/// prompt | 1.1\nOne\n///\n", registry)
    registry.page = "theory.md"
    with pytest.raises(PromptError, match=r"'1\.1' is used twice \(on beginnings\.md and on theory\.md\)"):
        render("/// prompt | 1.1\nTwo\n///\n", registry)


def test_an_id_used_twice_on_one_page_is_an_error():
    with pytest.raises(PromptError, match="used twice"):
        render("/// prompt | 1.1\nOne\n///\n\n/// prompt | 1.1\nTwo\n///\n")


def test_a_prompt_without_words_is_an_error():
    with pytest.raises(PromptError, match="has no words"):
        render("/// prompt | 1.4\n///\n")


def test_a_list_inside_a_prompt_is_an_error():
    with pytest.raises(PromptError, match="only plain paragraphs"):
        render("/// prompt | 1.5\n- one\n- two\n///\n")


@pytest.mark.parametrize(
    "text",
    [
        "/// promt | 1.1\nMisspelt block name\n///\n",
        "/// prompt | 1.1\n    colour: red\nAn unknown option\n///\n",
        "/// prompt | 1.1\n    attrs: 7\nA bad option value\n///\n",
    ],
)
def test_a_block_that_falls_through_as_text_is_found(text):
    html = str(render(text))
    assert wb_prompts.find_literal_block(html) is not None


def test_a_page_without_stray_blocks_passes_the_check():
    html = str(render("/// prompt | 1.1\nFine\n///\n\nA line with // two slashes.\n"))
    assert wb_prompts.find_literal_block(html) is None


# ---- /// support ------------------------------------------------------------------


def test_support_as_a_sentence_ends_the_workbooks_own_words_with_its_own_contacts():
    soup = render("/// support | sentence\nIf you need support,\n///\n")
    sentence = soup.select_one("p.wb-support-sentence")
    assert sentence.get_text() == "If you need support, call the Samaritans free on 116 123 or visit https://hubofhope.co.uk"
    assert [a["href"] for a in sentence.select("a")] == ["tel:116123", "https://hubofhope.co.uk"]


@pytest.mark.parametrize("text, message", [
    ("/// support | list\n///\n", "the only form is '/// support | sentence'"),
    ("/// support | sentence\nOne.\n\nTwo.\n///\n", "takes one paragraph"),
    ("/// support\nCall us\n///\n", "takes no content"),
])
def test_support_refuses_what_it_does_not_know(text, message):
    with pytest.raises(PromptError, match=re.escape(message)):
        render(text)


def test_the_registry_keeps_each_pages_prompts_as_rendered_with_their_plain_words():
    """What My answers and the navigation list: kind, id, anchor, words (markup and entities resolved), options."""
    registry = PromptRegistry(page="one.md")
    render(
        "/// prompt | 1.1\nWhat *brought* you here &amp; <em>why</em>? See [the guide](x.md).\n///\n\n"
        "/// prompt | 1.2\n    kind: list\n    columns: Now, Later\nTwo lists\n///\n\n"
        "/// prompt | 1.3\n    kind: capitals\nYour name\n///\n",
        registry,
    )
    registry.page = "two.md"
    render("/// prompt | 2.1\n    kind: photos\nPlaces\n///\n", registry)
    assert registry.prompts("one.md") == [
        wb_prompts.Listed("wb-answer", "1.1", "wb-prompt-1-1", "What brought you here & why? See the guide."),
        wb_prompts.Listed("wb-list", "1.2", "wb-prompt-1-2", "Two lists",
                          (("data-wb-columns", "Now|Later"),)),
        wb_prompts.Listed("wb-answer", "1.3", "wb-prompt-1-3", "Your name", (("data-wb-style", "capitals"),)),
    ]
    assert registry.modules("two.md") == {"wb-photos"} and registry.prompts("three.md") == []
    registry.clear()
    assert registry.prompts("one.md") == [] and not registry.seen


# ---- `kind: capitals` and `kind: letter`: text boxes of another shape --------------------


def test_capitals_is_a_text_box_shown_in_capitals():
    soup = render_prompt("kind: capitals", "SHOUT IT IN CAPITALS…")
    root = soup.select_one("[data-wb-prompt]")
    assert root["data-module"] == "wb-answer" and "wb-prompt--capitals" in root["class"]
    assert soup.select_one("textarea")["autocapitalize"] == "characters"
    assert soup.select_one("label")["for"] == soup.select_one("textarea")["id"]


def test_a_letter_is_a_tall_text_box():
    soup = render_prompt("kind: letter", "write a letter of reassurance")
    assert "wb-prompt--letter" in soup.select_one("[data-wb-prompt]")["class"]
    assert soup.select_one("textarea")["rows"] == "16"
