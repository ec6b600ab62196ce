"""The `/// prompt | 1.1` block: a workbook prompt rendered as a labelled answer box.

Authored in Markdown as

    /// prompt | 1.1
    What brought you to peer mentoring?
    ///

and rendered, without any JavaScript, as a heading whose label names a
multi-line answer box, a hidden copy of the answer for printing, and a status
line. `overrides/assets/wb/answer.js` enhances it (restore, save, status).

Errors are raised, never swallowed: a malformed id, a prompt without words,
or an id used twice stops the build with a message that names the prompt.
"""

from __future__ import annotations

import html as htmlmod
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Markdown

from pymdownx.blocks.block import Block, type_any, type_string

from wb_drawing import render_drawing
from wb_errors import PromptError
from wb_list import list_options, render_list
from wb_photos import render_photos

# A prompt id is its workbook number: "1.1", "3.10", "12.4.2".
RE_PROMPT_ID = re.compile(r"^[1-9][0-9]*(?:\.[1-9][0-9]*)+$")

# Raw HTML and entities inside a prompt's words wait in Markdown's stash until the page is written.
RE_STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")
RE_TAG = re.compile(r"<[^>]+>")
# What the My answers page needs to know of a prompt's options, to show its answer.
CARRIED = ("data-wb-items", "data-wb-columns")


@dataclass(frozen=True)
class Listed:
    """A prompt as the My answers page lists it: its module (kind), id, heading's anchor, words and options."""

    kind: str
    id: str
    anchor: str
    text: str
    options: tuple[tuple[str, str], ...] = ()


@dataclass
class PromptRegistry:
    """Every prompt id seen in one build, with the page it is on, and each page's prompts as the blocks render them."""

    page: str = "<markdown>"
    seen: dict[str, str] = field(default_factory=dict)
    pages: dict[str, list[Listed]] = field(default_factory=dict)

    def add(self, prompt_id: str) -> None:
        if prompt_id in self.seen:
            where = self.seen[prompt_id]
            raise PromptError(
                f"prompt id {prompt_id!r} is used twice (on {where} and on {self.page}); "
                "each prompt needs its own id, because the id is the key of the answers "
                "readers have saved"
            )
        self.seen[prompt_id] = self.page

    def record(self, root: etree.Element, md: Markdown) -> None:
        """Keep a rendered prompt (after inline parsing, so that its words are final) for the page being read."""
        heading = root.find("h3")
        if heading is None:
            raise PromptError(f"prompt {root.get('data-wb-prompt')!r} was rendered without its heading")
        self.pages.setdefault(self.page, []).append(listed(root, heading, md))

    def prompts(self, page: str) -> list[Listed]:
        """The prompts of one page, in page order ([] for a page without any)."""
        return self.pages.get(page, [])

    def modules(self, page: str) -> set[str]:
        """The modules (data-module) of the prompts on one page."""
        return {prompt.kind for prompt in self.prompts(page)}

    def clear(self) -> None:
        self.seen.clear()
        self.pages.clear()


def words(heading: etree.Element, md: Markdown) -> str:
    """The plain words of a heading, with what Markdown stashed put back and its tags taken out."""
    def unstash(match: re.Match) -> str:
        index = int(match.group(1))
        stash = md.htmlStash.rawHtmlBlocks
        return RE_TAG.sub("", str(stash[index])) if index < len(stash) else ""

    text = RE_STASHED.sub(unstash, "".join(heading.itertext()))
    return re.sub(r"\s+", " ", htmlmod.unescape(text)).strip()


def listed(root: etree.Element, heading: etree.Element, md: Markdown) -> Listed:
    prompt_id = root.get("data-wb-prompt", "")
    text = words(heading, md)
    prefix = prompt_id + " "
    capitals = "wb-prompt--capitals" in (root.get("class") or "").split()
    return Listed(
        kind=root.get("data-module", ""),
        id=prompt_id,
        anchor=heading.get("id", ""),
        text=text[len(prefix):] if text.startswith(prefix) else text,
        options=tuple((name, root.get(name, "")) for name in CARRIED if root.get(name) is not None)
        + ((("data-wb-style", "capitals"),) if capitals else ()),
    )


def dom_id(prompt_id: str) -> str:
    """The HTML id fragment of a prompt: "3.10" -> "3-10"."""
    return prompt_id.replace(".", "-")


def validate_id(argument: str | None) -> str:
    prompt_id = (argument or "").strip()
    if not RE_PROMPT_ID.match(prompt_id):
        raise PromptError(
            f"prompt id {prompt_id!r} is not a workbook number: write it as "
            "'/// prompt | 1.1' (section, a dot, then the prompt's number)"
        )
    return prompt_id


# Kinds of answer a prompt may ask for (option `kind`); "text" when not given.
# capitals: shown in capitals as typed, stored as typed; letter: a tall writing space.
TEXT_KINDS = {"text": 5, "capitals": 5, "letter": 16}
# list: lines (wb_list); drawing: a drawing surface beside a text box (wb_drawing);
# photos: a collage of the reader's photos beside a text box (wb_photos).
# Their heading names the whole answer, not one box.
WIDGET_KINDS = ("list", "drawing", "photos")
KINDS = (*TEXT_KINDS, *WIDGET_KINDS)


class Prompt(Block):
    """One prompt: its words label its answer box (or, for a list, its lines)."""

    NAME = "prompt"
    ARGUMENT = None  # checked in on_validate, so that a missing id gets a clear error
    OPTIONS = {"kind": ("text", type_string), "items": (None, type_any), "columns": (None, type_any)}

    def on_validate(self, parent: etree.Element) -> bool:
        self.prompt_id = validate_id(self.argument)
        self.kind = self.options["kind"]
        if self.kind not in KINDS:
            raise PromptError(f"prompt {self.prompt_id}: kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if self.kind == "list":
            self.items, self.columns = list_options(self.prompt_id, self.options["items"], self.options["columns"])
        elif self.options["items"] is not None or self.options["columns"] is not None:
            raise PromptError(f"prompt {self.prompt_id}: items and columns go with 'kind: list' only")
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
        if self.kind in WIDGET_KINDS:
            label = etree.SubElement(heading, "span", {"class": "wb-prompt__label"})
        else:
            label = etree.SubElement(
                heading, "label", {"class": "wb-prompt__label", "for": f"wb-answer-{ident}"}
            )
        number = etree.SubElement(label, "span", {"class": "wb-prompt__number"})
        number.text = self.prompt_id
        number.tail = " "
        # The authored words are parsed into this holder, then moved into the label.
        self.holder = etree.SubElement(label, "span", {"class": "wb-prompt__text"})

        if self.kind == "list":
            render_list(root, ident, self.items, self.columns, self.config["strings"])
        elif self.kind == "drawing":
            render_drawing(root, ident, self.prompt_id, self.config["strings"])
        elif self.kind == "photos":
            render_photos(root, ident, self.prompt_id, self.config["strings"])
        else:
            box = etree.SubElement(
                root,
                "textarea",
                {
                    "class": "wb-prompt__answer",
                    "id": f"wb-answer-{ident}",
                    "name": f"wb-answer-{ident}",
                    "rows": str(TEXT_KINDS[self.kind]),
                    "autocomplete": "off",
                    "spellcheck": "true",
                    "aria-describedby": f"wb-status-{ident}",
                },
            )
            box.text = ""
            if self.kind == "capitals":
                box.set("autocapitalize", "characters")
            etree.SubElement(root, "div", {"class": "wb-prompt__print", "aria-hidden": "true"})
        status = etree.SubElement(
            root, "p", {"class": "wb-prompt__status", "id": f"wb-status-{ident}", "data-search-exclude": ""}
        )
        # Until answer.js runs, and for good where scripts are off: say what will not be kept.
        status.text = self.config["strings"].t("prompt.no_script_status")
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


# A block that was not recognised (unknown name, bad options) is left as text.
RE_LITERAL_BLOCK = re.compile(r"<p>\s*/{3,}")


def find_literal_block(html: str) -> str | None:
    """The first `///` line that fell through as text, or None."""
    match = RE_LITERAL_BLOCK.search(html)
    if match is None:
        return None
    line_end = html.find("\n", match.start())
    return html[match.start() : line_end if line_end != -1 else None]
