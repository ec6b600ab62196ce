"""The `/// prompt | 1.1` block: a workbook prompt rendered as a labelled answer box.

Authored in Markdown as

    /// prompt | 1.1
    What brought you to peer mentoring?
    ///

and rendered, without any JavaScript, as a heading whose label names a
multi-line answer box, a hidden copy of the answer for printing, and a status
line. `answer.js` (beside this file) enhances it (restore, save, status).
A prompt's `kind:` may ask for another kind of answer: the kind that answers it
(hooks/kinds/__init__.py) renders the body between heading and status.

Errors are raised, never swallowed: a malformed id, a prompt without words,
or an id used twice stops the build with a message that names the prompt.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Any

from pymdownx.blocks.block import Block, type_any, type_string

import kinds
from wb_errors import PromptError
from wb_i18n import Catalogue
from wb_prompts import dom_id, prompt_number, status_line, validate_id

# Text answers a prompt may ask for (option `kind`; "text" when not given), by the rows of their box.
# capitals: shown in capitals as typed, stored as typed; letter: a tall writing space.
TEXT_KINDS = {"text": 5, "capitals": 5, "letter": 16}


@dataclass(frozen=True)
class Body:
    """What a kind renders a prompt's body from: the prompt's element, ids, `kind:` and checked options."""

    root: etree.Element
    ident: str
    prompt_id: str
    kind: str
    strings: Catalogue
    options: dict[str, Any] = field(default_factory=dict)


def render_text(body: Body) -> None:
    """A text box the heading's label names, and its copy shown only in print."""
    box = etree.SubElement(
        body.root,
        "textarea",
        {
            "class": "wb-prompt__answer",
            "id": f"wb-answer-{body.ident}",
            "name": f"wb-answer-{body.ident}",
            "rows": str(TEXT_KINDS[body.kind]),
            "autocomplete": "off",
            "spellcheck": "true",
            "aria-describedby": f"wb-status-{body.ident}",
        },
    )
    box.text = ""
    if body.kind == "capitals":
        box.set("autocapitalize", "characters")
    etree.SubElement(body.root, "div", {"class": "wb-prompt__print", "aria-hidden": "true"})


def versions_row(root: etree.Element, ident: str, strings: Catalogue) -> None:
    """ "Keep this version", its spoken result and what it does, as versions-panel.js takes them over (it adds
    the versions kept). Written here so that nothing moves as the page's script starts (core.css: .wb-scripted)."""
    panel = etree.SubElement(root, "div", {"class": "wb-versions wb-scripted", "data-search-exclude": ""})
    row = etree.SubElement(panel, "p", {"class": "wb-versions__actions"})
    keep = etree.SubElement(row, "button", {
        "type": "button", "class": "wb-button", "data-wb-action": "keep-version",
        "aria-describedby": f"wb-versions-about-{ident}",
    })
    keep.text = strings.t("versions.keep_button")
    said = etree.SubElement(row, "span", {"class": "wb-versions__said", "role": "status"})
    said.text = ""
    about = etree.SubElement(panel, "p", {"class": "wb-versions__about", "id": f"wb-versions-about-{ident}"})
    about.text = strings.t("versions.about")


def checked(prompt_id: str, value: str, options: dict[str, Any]) -> tuple[kinds.Kind, dict[str, Any]]:
    """The kind that answers `kind: value`, and the options it took, checked."""
    kind = kinds.asked(value)
    if kind is None:
        raise PromptError(f"prompt {prompt_id}: kind {value!r} is not one of {', '.join(kinds.ASKED)}")
    if any(options.get(name) is not None for name in ("items", "columns") if name not in kind.options):
        raise PromptError(f"prompt {prompt_id}: items and columns go with 'kind: list' only")
    return kind, kind.check(prompt_id, options) if kind.check else {}


class Prompt(Block):
    """One prompt: its words label its answer box (or, for a list, its lines)."""

    NAME = "prompt"
    ARGUMENT = None  # checked in on_validate, so that a missing id gets a clear error
    OPTIONS = {"kind": ("text", type_string), "items": (None, type_any), "columns": (None, type_any)}

    def on_validate(self, parent: etree.Element) -> bool:
        self.prompt_id = validate_id(self.argument)
        self.kind = self.options["kind"]
        self.answers, self.checked = checked(self.prompt_id, self.kind, self.options)
        self.config["registry"].add(self.prompt_id)
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        ident = dom_id(self.prompt_id)
        classes = "wb-prompt" if self.kind == "text" else f"wb-prompt wb-prompt--{self.kind}"
        root = etree.SubElement(
            parent,
            "div",
            {"class": classes, "data-module": "wb-answer", "data-wb-prompt": self.prompt_id},
        )
        heading = etree.SubElement(
            root, "h3", {"class": "wb-prompt__heading", "id": f"wb-prompt-{ident}"}
        )
        # A text box is named by the label; other kinds' heading names the whole answer, not one box.
        if self.answers.name == "text":
            label = etree.SubElement(
                heading, "label", {"class": "wb-prompt__label", "for": f"wb-answer-{ident}"}
            )
        else:
            label = etree.SubElement(heading, "span", {"class": "wb-prompt__label"})
        prompt_number(label, self.prompt_id)
        # The authored words are parsed into this holder, then moved into the label.
        self.holder = etree.SubElement(label, "span", {"class": "wb-prompt__text"})
        self.answers.render(Body(root, ident, self.prompt_id, self.kind, self.config["strings"], self.checked))
        status_line(root, ident, self.config["strings"])
        if self.answers.versions:
            versions_row(root, ident, self.config["strings"])
        return root

    def on_markdown(self) -> str:
        return "block"

    def on_add(self, block: etree.Element) -> etree.Element:
        return self.holder

    def on_end(self, block: etree.Element) -> None:
        """Turn the parsed paragraphs into lines of the label (a label holds no <p>)."""
        paragraphs = list(self.holder)
        if not paragraphs and not (self.holder.text or "").strip():
            raise PromptError(f"prompt {self.prompt_id} has no words: write them inside the block")
        for index, child in enumerate(paragraphs):
            if child.tag != "p":
                raise PromptError(
                    f"prompt {self.prompt_id} may hold only plain paragraphs, "
                    f"not <{child.tag}>: keep lists and tables outside the block"
                )
            child.tag = "span"
            child.set("class", "wb-prompt__line")
            child.tail = " " if index < len(paragraphs) - 1 else None

    def on_inline_end(self, block: etree.Element) -> None:
        self.config["registry"].record(block, self.md)
