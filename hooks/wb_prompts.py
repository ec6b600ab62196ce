"""Prompts, whatever their kind: their ids, and the registry of each page's prompts the blocks fill as they render.

The `/// prompt` block itself is the text kind's (hooks/kinds/text/block.py); the kinds are listed in
hooks/kinds/__init__.py. Errors are raised, never swallowed: a malformed id or an id used twice stops
the build with a message that names the prompt.
"""

from __future__ import annotations

import html as htmlmod
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Markdown

from wb_errors import PromptError
from wb_i18n import Catalogue

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


def prompt_number(parent: etree.Element, prompt_id: str) -> etree.Element:
    """A prompt's number, with the space before its words inside it, kept by core.css (white-space: pre):
    a space between the two, if the page stopped arriving for a moment just there, was the last thing on
    its line, and Chromium counted the words' coming as a move of that space (a layout shift on a slow phone)."""
    span = etree.SubElement(parent, "span", {"class": "wb-prompt__number"})
    span.text = prompt_id + " "
    return span


def status_line(root: etree.Element, ident: str, strings: Catalogue) -> None:
    """A prompt's status line: where scripts are off (or its script could not start), what will not be kept;
    where they run, a line's room, kept until the prompt's script says whether the answer is saved (core.css)."""
    status = etree.SubElement(root, "p", {"class": "wb-prompt__status", "id": f"wb-status-{ident}", "data-search-exclude": ""})
    etree.SubElement(status, "span", {"class": "wb-no-script"}).text = strings.t("prompt.no_script_status")


def validate_id(argument: str | None) -> str:
    prompt_id = (argument or "").strip()
    if not RE_PROMPT_ID.match(prompt_id):
        raise PromptError(
            f"prompt id {prompt_id!r} is not a workbook number: write it as "
            "'/// prompt | 1.1' (section, a dot, then the prompt's number)"
        )
    return prompt_id


# A block that was not recognised (unknown name, bad options) is left as text.
RE_LITERAL_BLOCK = re.compile(r"<p>\s*/{3,}")


def find_literal_block(html: str) -> str | None:
    """The first `///` line that fell through as text, or None."""
    match = RE_LITERAL_BLOCK.search(html)
    if match is None:
        return None
    line_end = html.find("\n", match.start())
    return html[match.start() : line_end if line_end != -1 else None]
