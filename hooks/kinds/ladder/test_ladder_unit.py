"""Unit: the ladder block, Markdown in, HTML out, and its validation errors."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from wb_extension import WorkbookExtension
from wb_prompts import PromptError, PromptRegistry

ROWS = [
    ("8", "People control and run it", "Degrees of citizen power"),
    ("7", "Power is delegated", ""),
    ("6", "Partnership with power holders", ""),
    ("5", "Advice, but others decide", "Degrees of tokenism"),
    ("4", "Asked opinions", ""),
    ("3", "Informed of decisions", ""),
    ("2", "Cured or corrected", "Nonparticipation"),
    ("1", "Educated or controlled", ""),
]


def ladder(rows=ROWS, words="Can you see yourself on the ladder?", caption="Table 1. A caption.") -> str:
    table = "| Rung | What happens | Level |\n| ---: | --- | --- |\n"
    table += "".join(f"| {' | '.join(row)} |\n" for row in rows)
    text = f"//// ladder | 8.6\n{words}\n\n{table}\n"
    if caption:
        text += f"/// caption\n{caption}\n///\n"
    return text + "////\n"


def render(text: str) -> BeautifulSoup:
    md = markdown.Markdown(
        extensions=[WorkbookExtension(registry=PromptRegistry()), "pymdownx.blocks.caption", "tables"]
    )
    return BeautifulSoup(md.convert(text), "html.parser")


def test_the_ladder_renders_rungs_8_to_1_in_their_bands_with_arnsteins_names():
    soup = render(ladder())
    root = soup.select_one("div.wb-ladder[data-module=wb-ladder]")
    assert root["data-wb-prompt"] == "8.6"
    assert root.select_one("h3#wb-prompt-8-6").get_text(" ", strip=True) == "8.6 Can you see yourself on the ladder?"
    drawing = root.select_one(".wb-ladder__drawing")
    order = [el.get_text(" ", strip=True) for el in drawing.find_all(recursive=False)]
    assert [text.split(" ")[0] for text in order] == [
        "Degrees", "8", "7", "6", "Degrees", "5", "4", "3", "Nonparticipation", "2", "1", "Not"]
    assert [b.get_text() for b in drawing.select(".wb-ladder__band-name")] == [
        "Degrees of citizen power", "Degrees of tokenism", "Nonparticipation"]
    names = [r.select_one(".wb-ladder__arnstein")["data-wb-name"] for r in root.select(".wb-ladder__rung")[:8]]
    assert all(r.select_one(".wb-ladder__arnstein").get_text() == "Arnstein’s name: " + n
               for r, n in zip(root.select(".wb-ladder__rung"), names))
    assert names == ["Citizen control", "Delegated power", "Partnership", "Placation",
                     "Consultation", "Informing", "Therapy", "Manipulation"]
    assert root.select_one(".wb-ladder__caption").get_text(strip=True) == "Table 1. A caption."
    assert root.select_one("fieldset")["aria-describedby"] == root.select_one(".wb-ladder__caption")["id"]


def test_each_radio_group_is_in_one_piece_and_shares_grid_rows_with_the_drawing():
    soup = render(ladder())
    groups = soup.select(".wb-ladder__group[role=radiogroup]")
    assert [g["aria-label"] for g in groups] == ["Where are you now?", "Where would you like to be?"]
    for group, name in zip(groups, ["now", "hope"]):
        radios = group.select("input[type=radio]")
        assert {r["name"] for r in radios} == {f"wb-ladder-8-6-{name}"}
        assert [r["value"] for r in radios] == ["8", "7", "6", "5", "4", "3", "2", "1", ""]
    rows = lambda els: [c for el in els for c in el["class"] if c.startswith("wb-ladder__row-")]
    assert rows(groups[0].select("label")) == rows(groups[1].select("label")) == rows(soup.select(".wb-ladder__rung"))
    assert rows(soup.select(".wb-ladder__band-name")) == ["wb-ladder__row-2", "wb-ladder__row-6", "wb-ladder__row-10"]


def test_each_rung_has_a_now_and_a_hoped_for_radio_naming_its_text_band_and_position():
    soup = render(ladder())
    radio = soup.select_one('input[name="wb-ladder-8-6-hope"][value="4"]')
    assert radio["type"] == "radio"
    assert radio.find_parent("label").get_text() == (
        "Would like to be: rung 4 of 8, Asked opinions. Arnstein’s name: Consultation. Degrees of tokenism."
    )
    nobody = soup.select('input[value=""]')
    assert [r["name"] for r in nobody] == ["wb-ladder-8-6-now", "wb-ladder-8-6-hope"]
    assert all(r.has_attr("checked") for r in nobody)


def test_without_javascript_the_ladder_reads_and_says_saving_needs_it():
    soup = render(ladder())
    assert "needs JavaScript" in soup.select_one(".wb-prompt__status").get_text()
    assert soup.select_one(".wb-ladder__actions").has_attr("hidden")
    assert soup.select_one(".wb-ladder__history").has_attr("hidden")
    assert [w.get_text() for w in soup.select(".wb-ladder__words")][:2] == [
        "People control and run it", "Power is delegated"]


def test_an_organisation_may_reword_rungs_and_leave_out_the_caption():
    rows = [(n, f"Our words for rung {n}", band) for n, _, band in ROWS]
    soup = render(ladder(rows=rows, caption=None))
    assert soup.select(".wb-ladder__words")[0].get_text() == "Our words for rung 8"
    assert soup.select_one(".wb-ladder__caption").get_text() == ""


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (ROWS[:7], "has 7 rungs; it needs exactly 8"),
        (ROWS + [("0", "Extra", "")], "has 9 rungs; it needs exactly 8"),
        ([ROWS[1], ROWS[0]] + ROWS[2:], "rows must be rungs 8 down to 1"),
        ([(n, w, "") for n, w, _ in ROWS[:1]] + ROWS[1:], "the top rung must name its band"),
        ([ROWS[0]] + [(n, w, "") for n, w, _ in ROWS[1:]], "names 1 bands; it needs exactly 3"),
        (ROWS[:3] + [("5", "x", "")] + ROWS[4:], "names 2 bands"),
        ([(n, w, b or ("Extra" if n == "3" else "")) for n, w, b in ROWS], "names 4 bands"),
        (ROWS[:2] + [("6", " ", "")] + ROWS[3:], "rung 6 has no words"),
    ],
)
def test_a_ladder_that_is_not_eight_rungs_in_three_bands_is_an_error(rows, message):
    with pytest.raises(PromptError, match=message):
        render(ladder(rows=rows))


def test_a_ladder_without_a_table_is_an_error():
    with pytest.raises(PromptError, match="has no table"):
        render("//// ladder | 8.6\nWords only.\n////\n")


def test_a_ladder_without_words_is_an_error():
    text = ladder().replace("Can you see yourself on the ladder?\n\n", "")
    with pytest.raises(PromptError, match="has no words"):
        render(text)


def test_a_table_of_two_columns_is_an_error():
    table = "| Rung | What happens |\n| --- | --- |\n" + "".join(f"| {n} | {w} |\n" for n, w, _ in ROWS)
    with pytest.raises(PromptError, match="each row needs 3 cells"):
        render(f"//// ladder | 8.6\nWords\n\n{table}\n////\n")


def test_a_ladder_id_that_is_not_a_workbook_number_is_an_error():
    with pytest.raises(PromptError, match="not a workbook number"):
        render("//// ladder | eight\nWords\n////\n")


def test_the_ladder_id_shares_the_prompt_ids_registry():
    with pytest.raises(PromptError, match="used twice"):
        render("/// prompt | 8.6\nA prompt\n///\n\n" + ladder())
