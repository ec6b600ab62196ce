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
boxes. `overrides/assets/wb/ladder.js` saves it and keeps dated placements.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block

from wb_prompts import NO_SCRIPT_STATUS, PromptError, dom_id, validate_id

RUNGS = 8
BANDS = 3
# Arnstein (1969), rungs 1 to 8.
ARNSTEIN = {
    1: "Manipulation",
    2: "Therapy",
    3: "Informing",
    4: "Consultation",
    5: "Placation",
    6: "Partnership",
    7: "Delegated power",
    8: "Citizen control",
}
ARNSTEIN_NAME = "Arnstein’s name: "
QUESTIONS = (("now", "Where are you now?"), ("hope", "Where would you like to be?"))
# What each radio says beside it, at every width (its column heading scrolls away on a phone).
SHORT = {"now": "Now", "hope": "Would like to be"}
NOT_PLACED = "Not placed yet"
ANSWERS = (
    ("happy", "Are you happy with your position?"),
    ("help", "What would help you move up a rung?"),
)
# The second question is this site's, not the workbook's: it says so under its own heading.
EXTRA = {"help": ("An extra question", "Added by this website, not by the workbook’s author: "
                  "groups that use the ladder often ask it.")}


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


def answer_box(root: etree.Element, ident: str, key: str, question: str) -> None:
    field = etree.SubElement(root, "div", {"class": "wb-ladder__answer"})
    extra = EXTRA.get(key)
    if extra:
        field.set("class", "wb-ladder__answer wb-ladder__answer--extra")
        etree.SubElement(field, "h4", {"class": "wb-ladder__extra-heading", "id": f"wb-ladder-{ident}-{key}-extra",
                                       "data-search-exclude": ""}).text = extra[0]
        etree.SubElement(field, "p", {"class": "wb-ladder__extra-note", "id": f"wb-ladder-{ident}-{key}-note",
                                      "data-search-exclude": ""}).text = extra[1]
    label = etree.SubElement(field, "label", {"class": "wb-ladder__answer-label", "for": f"wb-ladder-{ident}-{key}",
                                              "id": f"wb-ladder-{ident}-{key}-label", "data-search-exclude": ""})
    label.text = question
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


def radio(parent: etree.Element, ident: str, question: str, value: str, label_text: str, row: int) -> None:
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
    shown.text = SHORT[question]
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


def ladder_fieldset(block: etree.Element, ident: str, rungs: list[tuple[int, etree.Element, str]]) -> None:
    """Both radio groups, each in one piece (so Tab visits each once), then the drawing.

    CSS lays the three out side by side on shared grid rows: a rung's two radios
    sit beside its words.
    """
    rows = layout(rungs)
    last = rows[-1][0] + 1
    words = {number: cell for number, cell, _ in rungs}
    fieldset = etree.SubElement(
        block, "fieldset", {"class": "wb-ladder__ladder", "aria-describedby": f"wb-ladder-{ident}-caption"}
    )
    legend = etree.SubElement(fieldset, "legend", {"class": "wb-ladder__legend", "data-search-exclude": ""})
    legend.text = "Where are you now, and where would you like to be? Choose a rung in each column."
    head = etree.SubElement(fieldset, "div", {"class": "wb-ladder__head wb-ladder__row-1", "aria-hidden": "true",
                                                  "data-search-exclude": ""})
    for text in ("Now", "Would like to be", "Rung"):
        etree.SubElement(head, "span", {"class": "wb-ladder__col"}).text = text

    for key, question in QUESTIONS:
        group = etree.SubElement(
            fieldset, "div", {"class": f"wb-ladder__group wb-ladder__group--{key}", "role": "radiogroup", "aria-label": question,
                          "data-search-exclude": ""}
        )
        for row, number, band in rows:
            if number:
                words_text = cell_text(words[number]).rstrip(".")
                label = f": rung {number} of {RUNGS}, {words_text}. {ARNSTEIN_NAME}{ARNSTEIN[number]}. {band}."
                radio(group, ident, key, str(number), label, row)
        radio(group, ident, key, "", f": {NOT_PLACED.lower()}", last)

    drawing = etree.SubElement(fieldset, "div", {"class": "wb-ladder__drawing", "aria-hidden": "true"})
    for row, number, band in rows:
        if not number:
            etree.SubElement(drawing, "p", {"class": f"wb-ladder__band-name wb-ladder__row-{row}"}).text = band
            continue
        rung = etree.SubElement(drawing, "div", {"class": f"wb-ladder__rung wb-ladder__row-{row}", "data-wb-rung": str(number)})
        # Spaces between the parts (and rungs) keep their words apart in the search index.
        etree.SubElement(rung, "span", {"class": "wb-ladder__number"}).text = str(number)
        rung[-1].tail = " "
        move_children(words[number], etree.SubElement(rung, "span", {"class": "wb-ladder__words"}))
        rung[-1].tail = " "
        # Arnstein's names are the site's addition, not the workbook's words: say whose they are.
        etree.SubElement(rung, "span", {"class": "wb-ladder__arnstein", "data-wb-name": ARNSTEIN[number]}).text = (
            f"{ARNSTEIN_NAME}{ARNSTEIN[number]}")
        rung.tail = " "
    none = etree.SubElement(
        drawing, "div", {"class": f"wb-ladder__rung wb-ladder__rung--none wb-ladder__row-{last}", "data-wb-rung": "",
                         "data-search-exclude": ""}
    )
    etree.SubElement(none, "span", {"class": "wb-ladder__words"}).text = NOT_PLACED


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
        number = etree.SubElement(heading, "span", {"class": "wb-prompt__number"})
        number.text = self.prompt_id
        number.tail = " "
        text = etree.SubElement(heading, "span", {"class": "wb-prompt__text"})
        for index, paragraph in enumerate(words):
            line = etree.SubElement(text, "span", {"class": "wb-prompt__line"})
            move_children(paragraph, line)
            line.tail = " " if index < len(words) - 1 else None

        ladder_fieldset(block, ident, rungs)

        described = etree.SubElement(block, "div", {"class": "wb-ladder__caption", "id": f"wb-ladder-{ident}-caption"})
        if caption is not None:
            move_children(caption, described)
        etree.SubElement(block, "p", {"class": "wb-ladder__summary"})

        for key, question in ANSWERS:
            answer_box(block, ident, key, question)

        actions = etree.SubElement(block, "div", {"class": "wb-ladder__actions", "hidden": "hidden", "data-search-exclude": ""})
        keep = etree.SubElement(actions, "button", {"type": "button", "class": "wb-button", "data-wb-action": "keep"})
        keep.text = "Keep today’s placement"
        history = etree.SubElement(block, "section", {"class": "wb-ladder__history", "hidden": "hidden", "aria-labelledby": f"wb-ladder-{ident}-history",
                                                        "data-search-exclude": ""})
        etree.SubElement(history, "h4", {"id": f"wb-ladder-{ident}-history", "tabindex": "-1", "data-search-exclude": ""}).text = "Placements you have kept"
        etree.SubElement(history, "ol", {"class": "wb-ladder__entries"})
        status = etree.SubElement(block, "p", {"class": "wb-prompt__status", "id": f"wb-status-{ident}", "data-search-exclude": ""})
        status.text = NO_SCRIPT_STATUS
