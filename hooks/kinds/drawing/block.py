"""Drawings as answers: `kind: drawing` on a prompt ("Draw…", "Design…").

Rendered as a text box for the answer in words and a description field, which
work without JavaScript; `drawing.js` (beside this file) adds the drawing
surface (finger, pen or mouse) above them. A drawing is kept as strokes, so it
redraws sharp at any width and a backup restores it exactly.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from wb_i18n import Catalogue

if TYPE_CHECKING:
    from kinds.text.block import Body


def words_box(parent: etree.Element, box_id: str, label_text: str, rows: int, field: str, prompt_id: str) -> None:
    """A labelled text box; its name goes on with the prompt it answers, as a page may have several.

    "Your answer in words 5.1 Draw, write or create…": the visible label first (WCAG 2.5.3).
    """
    label = etree.SubElement(parent, "label", {"class": "wb-prompt__field-label", "for": box_id, "id": f"{box_id}-label",
                                               "data-search-exclude": ""})
    label.text = label_text
    etree.SubElement(
        parent,
        "textarea",
        {"class": "wb-prompt__answer", "id": box_id, "rows": str(rows), "autocomplete": "off",
         "spellcheck": "true", "data-wb-field": field,
         "aria-labelledby": f"{box_id}-label wb-prompt-{prompt_id.replace('.', '-')}"},
    ).text = ""
    etree.SubElement(parent, "div", {"class": "wb-prompt__print", "aria-hidden": "true"})


def render_drawing(root: etree.Element, ident: str, prompt_id: str, strings: Catalogue) -> None:
    """The parts of a drawing prompt that work without JavaScript."""
    root.set("data-module", "wb-drawing")
    root.set("role", "group")
    root.set("aria-labelledby", f"wb-prompt-{ident}")
    # Shown by scripts only (core.css: .wb-scripted), its room kept while drawing.js starts.
    surface = etree.SubElement(root, "div", {"class": "wb-drawing wb-scripted"})
    etree.SubElement(surface, "div", {"class": "wb-drawing__tools", "role": "toolbar",
                                      "aria-label": strings.t("drawing.tools"), "aria-controls": f"wb-drawing-{ident}"})
    # An empty surface says what it is for; drawing.js hides this once there is a line.
    paper = etree.SubElement(surface, "div", {"class": "wb-drawing__paper"})
    hint = etree.SubElement(paper, "p", {"class": "wb-drawing__hint", "aria-hidden": "true", "data-search-exclude": ""})
    hint.text = strings.t("drawing.hint")
    etree.SubElement(
        paper, "canvas",
        {"class": "wb-drawing__canvas", "id": f"wb-drawing-{ident}", "role": "img",
         "aria-label": strings.t("drawing.canvas"), "width": "1000", "height": "750"},
    ).text = ""
    etree.SubElement(root, "p", {"class": "wb-drawing__no-script wb-no-script", "data-search-exclude": ""}).text = \
        strings.t("drawing.no_script")
    words_box(root, f"wb-answer-{ident}", strings.t("drawing.words_label"), 6, "text", prompt_id)
    words_box(root, f"wb-answer-{ident}-description", strings.t("drawing.description_label"), 2, "description", prompt_id)


def render(body: Body) -> None:
    render_drawing(body.root, body.ident, body.prompt_id, body.strings)
