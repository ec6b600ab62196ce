"""The `//// ladder | 8.6` block: the ladder of participation as a self-placement widget.

Authored as the workbook's own table inside the block (rows top to bottom are
rungs 8 to 1; the right-hand column names each band on its first row):

    //// ladder | 8.6
    Think about your role as a mentor ... Are you happy with your position?

    | Rung | What happens | Level |
    | ---: | --- | --- |
    | 8 | People with lived experience control and run ... | Degrees of citizen power |
    | 7 | People with lived experience have power delegated ... | |
    ...

    /// caption
    Table 1. Adapted from Arnstein’s ladder of citizen participation (1969).
    ///
    ////

Rendered without JavaScript as a fieldset of rungs, grouped by band, each rung
with two native radio buttons ("now" and "would like to be"), then two answer
boxes. `ladder.js` (beside this file) saves it and keeps dated placements.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block

from wb_i18n import Catalogue
from wb_prompts import PromptError, dom_id, prompt_number, status_line, validate_id

RUNGS = 8
BANDS = 3
QUESTIONS = ("now", "hope")
ANSWERS = ("happy", "help")
# The second question is this site's, not the workbook's: it says so under its own heading.
EXTRA = ("help",)


def arnstein(strings: Catalogue) -> dict[int, str]:
    """Arnstein's (1969) names of rungs 1 to 8: the site's addition, so in the catalogue."""
    return {
        1: strings.t("ladder.arnstein.manipulation"),
        2: strings.t("ladder.arnstein.therapy"),
        3: strings.t("ladder.arnstein.informing"),
        4: strings.t("ladder.arnstein.consultation"),
        5: strings.t("ladder.arnstein.placation"),
        6: strings.t("ladder.arnstein.partnership"),
        7: strings.t("ladder.arnstein.delegated_power"),
        8: strings.t("ladder.arnstein.citizen_control"),
    }


def question(strings: Catalogue, key: str) -> str:
    return {
        "now": strings.t("ladder.now_question"),
        "hope": strings.t("ladder.hope_question"),
        "happy": strings.t("ladder.happy_question"),
        "help": strings.t("ladder.help_question"),
    }[key]


def short(strings: Catalogue, key: str) -> str:
    """What each radio says beside it, at every width (its column heading scrolls away on a phone)."""
    return {"now": strings.t("ladder.now_short"), "hope": strings.t("ladder.hope_short")}[key]


def cell_text(cell: etree.Element) -> str:
    return "".join(cell.itertext()).strip()


def read_table(prompt_id: str, container: etree.Element) -> tuple[list[tuple[int, etree.Element, str]], etree.Element | None]:
    """The rungs (number, text cell, band name or '') and the caption, checked."""
    figure = container.find("figure")
    table = figure.find("table") if figure is not None else container.find("table")
    if table is None:
        raise PromptError(f"ladder {prompt_id} has no table: write its rungs as a Markdown table inside the block")
    rows = table.findall("./tbody/tr")
    if len(rows) != RUNGS:
        raise PromptError(f"ladder {prompt_id} has {len(rows)} rungs; it needs exactly {RUNGS} (rows 8 down to 1)")
    rungs = []
    for expected, row in zip(range(RUNGS, 0, -1), rows):
        cells = row.findall("td")
        if len(cells) != 3:
            raise PromptError(f"ladder {prompt_id}: each row needs 3 cells (rung, words, band); row {expected} has {len(cells)}")
        number, words, band = cells
        if cell_text(number) != str(expected):
            raise PromptError(
                f"ladder {prompt_id}: rows must be rungs 8 down to 1 in order; found {cell_text(number)!r} "
                f"where rung {expected} should be"
            )
        if not cell_text(words):
            raise PromptError(f"ladder {prompt_id}: rung {expected} has no words")
        rungs.append((expected, words, cell_text(band)))
    bands = [band for _, _, band in rungs if band]
    if not rungs[0][2]:
        raise PromptError(f"ladder {prompt_id}: the top rung must name its band in the third column")
    if len(bands) != BANDS:
        raise PromptError(f"ladder {prompt_id} names {len(bands)} bands; it needs exactly {BANDS}, each on its first rung")
    caption = figure.find("figcaption") if figure is not None else None
    return rungs, caption


def move_children(source: etree.Element, target: etree.Element) -> None:
    target.text = source.text
    for child in list(source):
        target.append(child)


def answer_box(root: etree.Element, ident: str, key: str, strings: Catalogue) -> None:
    field = etree.SubElement(root, "div", {"class": "wb-ladder__answer"})
    extra = key in EXTRA
    if extra:
        field.set("class", "wb-ladder__answer wb-ladder__answer--extra")
        etree.SubElement(field, "h4", {"class": "wb-ladder__extra-heading", "id": f"wb-ladder-{ident}-{key}-extra",
                                       "data-search-exclude": ""}).text = strings.t("ladder.extra_heading")
        etree.SubElement(field, "p", {"class": "wb-ladder__extra-note", "id": f"wb-ladder-{ident}-{key}-note",
                                      "data-search-exclude": ""}).text = strings.t("ladder.extra_note")
    label = etree.SubElement(field, "label", {"class": "wb-ladder__answer-label", "for": f"wb-ladder-{ident}-{key}",
                                              "id": f"wb-ladder-{ident}-{key}-label", "data-search-exclude": ""})
    label.text = question(strings, key)
    etree.SubElement(
        field,
        "textarea",
        {
            "class": "wb-prompt__answer wb-ladder__text",
            "id": f"wb-ladder-{ident}-{key}",
            "name": f"wb-ladder-{ident}-{key}",
            "rows": "3",
            "autocomplete": "off",
            "data-wb-field": key,
            "aria-labelledby": f"wb-ladder-{ident}-{key}-label wb-prompt-{ident}",
        },
    ).text = ""
    if extra:
        field[-1].set("aria-describedby", f"wb-ladder-{ident}-{key}-note")
    etree.SubElement(field, "div", {"class": "wb-prompt__print", "aria-hidden": "true"})


def radio(parent: etree.Element, ident: str, question: str, value: str, label_text: str, row: int, shown_text: str) -> None:
    """A radio whose label shows its question ("Now") beside it; the rest of its name is for screen readers."""
    none = "" if value else " wb-ladder__choice--none"
    label = etree.SubElement(parent, "label", {"class": f"wb-ladder__choice{none} wb-ladder__row-{row}"})
    attrs = {
        "type": "radio",
        "class": "wb-ladder__radio",
        "name": f"wb-ladder-{ident}-{question}",
        "value": value,
        "data-wb-field": question,
    }
    if not value:
        attrs["checked"] = "checked"
    etree.SubElement(label, "input", attrs)
    shown = etree.SubElement(label, "span", {"class": "wb-ladder__choice-text"})
    shown.text = shown_text
    # Inside the same box, so that the name reads "Now: rung 6…" with no gap.
    etree.SubElement(shown, "span", {"class": "wb-visually-hidden"}).text = label_text


def layout(rungs: list[tuple[int, etree.Element, str]]) -> list[tuple[int, int, str]]:
    """Grid rows of the drawing: (row, rung or 0 for a band's name, band). Row 1 is the head."""
    rows, row = [], 1
    for number, _, band in rungs:
        if band:
            row += 1
            rows.append((row, 0, band))
        row += 1
        rows.append((row, number, band or rows[-1][2]))
    return rows


def marks(rung: etree.Element, strings: Catalogue) -> None:
    """The words CSS shows on a chosen rung (content: attr(...)), from the catalogue."""
    rung.set("data-wb-now-mark", strings.t("ladder.mark_now"))
    rung.set("data-wb-hope-mark", strings.t("ladder.mark_hope"))
    rung.set("data-wb-both-mark", strings.t("ladder.mark_both"))


def ladder_fieldset(block: etree.Element, ident: str, rungs: list[tuple[int, etree.Element, str]], strings: Catalogue) -> None:
    """Both radio groups, each in one piece (so Tab visits each once), then the drawing.

    CSS lays the three out side by side on shared grid rows: a rung's two radios
    sit beside its words.
    """
    rows = layout(rungs)
    last = rows[-1][0] + 1
    words = {number: cell for number, cell, _ in rungs}
    names = arnstein(strings)
    fieldset = etree.SubElement(
        block, "fieldset", {"class": "wb-ladder__ladder", "aria-describedby": f"wb-ladder-{ident}-caption"}
    )
    legend = etree.SubElement(fieldset, "legend", {"class": "wb-ladder__legend", "data-search-exclude": ""})
    legend.text = strings.t("ladder.legend")
    head = etree.SubElement(fieldset, "div", {"class": "wb-ladder__head wb-ladder__row-1", "aria-hidden": "true",
                                                  "data-search-exclude": ""})
    for text in (short(strings, "now"), short(strings, "hope"), strings.t("ladder.rung_heading")):
        etree.SubElement(head, "span", {"class": "wb-ladder__col"}).text = text

    for key in QUESTIONS:
        group = etree.SubElement(
            fieldset, "div", {"class": f"wb-ladder__group wb-ladder__group--{key}", "role": "radiogroup",
                              "aria-label": question(strings, key),
                          "data-search-exclude": ""}
        )
        for row, number, band in rows:
            if number:
                words_text = cell_text(words[number]).rstrip(".")
                label = strings.t("ladder.radio_rung", number=number, total=RUNGS, words=words_text,
                                  arnstein=strings.t("ladder.arnstein_name", name=names[number]), band=band)
                radio(group, ident, key, str(number), label, row, short(strings, key))
        radio(group, ident, key, "", strings.t("ladder.radio_not_placed"), last, short(strings, key))

    drawing = etree.SubElement(fieldset, "div", {"class": "wb-ladder__drawing", "aria-hidden": "true"})
    for row, number, band in rows:
        if not number:
            etree.SubElement(drawing, "p", {"class": f"wb-ladder__band-name wb-ladder__row-{row}"}).text = band
            continue
        rung = etree.SubElement(drawing, "div", {"class": f"wb-ladder__rung wb-ladder__row-{row}", "data-wb-rung": str(number)})
        marks(rung, strings)
        # Spaces between the parts (and rungs) keep their words apart in the search index.
        etree.SubElement(rung, "span", {"class": "wb-ladder__number"}).text = str(number)
        rung[-1].tail = " "
        move_children(words[number], etree.SubElement(rung, "span", {"class": "wb-ladder__words"}))
        rung[-1].tail = " "
        # Arnstein's names are the site's addition, not the workbook's words: say whose they are.
        etree.SubElement(rung, "span", {"class": "wb-ladder__arnstein", "data-wb-name": names[number]}).text = (
            strings.t("ladder.arnstein_name", name=names[number]))
        rung.tail = " "
    none = etree.SubElement(
        drawing, "div", {"class": f"wb-ladder__rung wb-ladder__rung--none wb-ladder__row-{last}", "data-wb-rung": "",
                         "data-search-exclude": ""}
    )
    marks(none, strings)
    etree.SubElement(none, "span", {"class": "wb-ladder__words"}).text = strings.t("ladder.not_placed")


class Ladder(Block):
    """The ladder of participation; its words, rungs and caption come from the block."""

    NAME = "ladder"
    ARGUMENT = None
    OPTIONS = {}

    def on_markdown(self) -> str:
        return "block"

    def on_validate(self, parent: etree.Element) -> bool:
        self.prompt_id = validate_id(self.argument)
        self.config["registry"].add(self.prompt_id)
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(
            parent,
            "div",
            {"class": "wb-ladder", "data-module": "wb-ladder", "data-wb-prompt": self.prompt_id, "role": "group",
             "aria-labelledby": f"wb-prompt-{dom_id(self.prompt_id)}"},
        )

    def on_end(self, block: etree.Element) -> None:
        ident = dom_id(self.prompt_id)
        words = [child for child in block if child.tag == "p"]
        if not words:
            raise PromptError(f"ladder {self.prompt_id} has no words: write the prompt above its table")
        rungs, caption = read_table(self.prompt_id, block)
        for child in list(block):
            block.remove(child)

        heading = etree.SubElement(block, "h3", {"class": "wb-prompt__heading", "id": f"wb-prompt-{ident}"})
        prompt_number(heading, self.prompt_id)
        text = etree.SubElement(heading, "span", {"class": "wb-prompt__text"})
        for index, paragraph in enumerate(words):
            line = etree.SubElement(text, "span", {"class": "wb-prompt__line"})
            move_children(paragraph, line)
            line.tail = " " if index < len(words) - 1 else None

        strings = self.config["strings"]
        ladder_fieldset(block, ident, rungs, strings)

        described = etree.SubElement(block, "div", {"class": "wb-ladder__caption", "id": f"wb-ladder-{ident}-caption"})
        if caption is not None:
            move_children(caption, described)
        etree.SubElement(block, "p", {"class": "wb-ladder__summary"})

        for key in ANSWERS:
            answer_box(block, ident, key, strings)

        actions = etree.SubElement(block, "div", {"class": "wb-ladder__actions", "hidden": "hidden", "data-search-exclude": ""})
        keep = etree.SubElement(actions, "button", {"type": "button", "class": "wb-button", "data-wb-action": "keep"})
        keep.text = strings.t("ladder.keep_button")
        history = etree.SubElement(block, "section", {"class": "wb-ladder__history", "hidden": "hidden", "aria-labelledby": f"wb-ladder-{ident}-history",
                                                        "data-search-exclude": ""})
        etree.SubElement(history, "h4", {"id": f"wb-ladder-{ident}-history", "tabindex": "-1", "data-search-exclude": ""}).text = strings.t("ladder.history_heading")
        etree.SubElement(history, "ol", {"class": "wb-ladder__entries"})
        status_line(block, ident, strings)

    def on_inline_end(self, block: etree.Element) -> None:
        self.config["registry"].record(block, self.md)
