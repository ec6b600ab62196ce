"""The `/// my-answers` block: one page with every prompt of the workbook and its answer.

The block marks where the list goes; the hook fills it in once every page has
been read (the list needs all of them), from the prompts the blocks recorded (wb_prompts.PromptRegistry).
`review.js` (beside this file) shows the answers and holds the tools: back up,
restore, readable copies, print, clear.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.serializers import to_xhtml_string
from pymdownx.blocks.block import Block

from wb_i18n import Catalogue
from wb_prompts import Listed, PromptError, prompt_number

MARKER = '<div class="wb-review__catalogue"></div>'


def picture_frame(strings: Catalogue, kind: str) -> str | None:
    """On a blank printed workbook, the words of a frame to draw in or stick photos on, above the lines."""
    return {"wb-drawing": strings.t("review.blank.draw_here"),
            "wb-photos": strings.t("review.blank.photos_here")}.get(kind)


def catalogue(sections: list[tuple[str, str, list[Listed]]], strings: Catalogue) -> str:
    """The HTML of the list: sections (title, link to the page, prompts) in workbook order.

    Each section is a row of a summary (its title and its status, which review.js
    fills), then its questions folded in a <details>: without JavaScript every
    question is there to open; with it, the answered ones, and the others behind a
    count. Everything starts folded, so filling in the answers moves nothing.
    """
    root = etree.Element("div", {"class": "wb-review__list"})
    for number, (title, href, prompts) in enumerate(sections, start=1):
        section = etree.SubElement(root, "section", {"class": "wb-review__section", "data-wb-section": str(number),
                                                     "aria-labelledby": f"wb-review-section-{number}"})
        row = etree.SubElement(section, "div", {"class": "wb-review__row"})
        heading = etree.SubElement(row, "h2", {"id": f"wb-review-section-{number}", "class": "wb-review__section-title"})
        etree.SubElement(heading, "a", {"href": href}).text = title
        etree.SubElement(row, "p", {"class": "wb-review__progress"}).text = strings.tn("review.section.questions", len(prompts))
        answers = etree.SubElement(section, "details", {"class": "wb-review__answers"})
        etree.SubElement(answers, "summary", {"class": "wb-review__summary"}).text = strings.t("review.section.show_questions")
        for prompt in prompts:
            listed_prompt(answers, prompt, href, strings)
        actions = etree.SubElement(answers, "p", {"class": "wb-review__section-actions", "hidden": "hidden"})
        clear = etree.SubElement(
            actions, "button", {"type": "button", "class": "wb-button wb-button--secondary",
                                "data-wb-action": "clear-section", "data-wb-section": str(number)}
        )
        clear.text = strings.t("review.section.clear_button")
        todo = etree.SubElement(section, "details", {"class": "wb-review__unanswered", "hidden": "hidden"})
        etree.SubElement(todo, "summary", {"class": "wb-review__summary"}).text = strings.t("review.section.not_answered_yet")
        # Filled by summary.js as it opens, from the questions above: the page does not carry each question twice.
        etree.SubElement(todo, "ul", {"class": "wb-review__todo"})
    kept_section(root, "orphan", strings.t("review.orphans.title"), strings.t("review.orphans.text"))
    kept_section(root, "aside", strings.t("review.asides.title"), strings.t("review.asides.text"))
    exclude_from_search(root)
    # Markdown's own writer, as for the rest of the page (twice as fast as ElementTree's).
    return to_xhtml_string(root)


def exclude_from_search(element: etree.Element) -> None:
    """Keep a part of the page out of the search index (`data-search-exclude`).

    Material's search parser stops excluding at the first closing tag of the same
    name inside the excluded element (it compares elements by tag), so the mark
    goes on the highest elements with no descendant of their own tag.
    """
    if all(inner.tag != element.tag for inner in element.iter() if inner is not element):
        element.set("data-search-exclude", "")
        return
    if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
        raise PromptError(f"<{element.tag}> holds text beside elements of its own kind: it cannot be kept out of search")
    for child in element:
        exclude_from_search(child)


def listed_prompt(parent: etree.Element, prompt: Listed, href: str, strings: Catalogue) -> None:
    """One question: a link back to it, its answer (review.js fills it) and, for a blank printout, room to write
    (a frame's or the ladder's words; "Print a blank workbook" adds the lines, review-copies.js)."""
    item = etree.SubElement(
        parent, "div",
        {"class": "wb-review__prompt", "data-wb-review-prompt": prompt.id, "data-wb-kind": prompt.kind,
         **dict(prompt.options)},
    )
    h3 = etree.SubElement(item, "h3", {"class": "wb-review__question"})
    link = etree.SubElement(h3, "a", {"href": f"{href}#{prompt.anchor}"})
    prompt_number(link, prompt.id)
    words = etree.SubElement(link, "span", {"class": "wb-review__words"})
    words.text = prompt.text
    etree.SubElement(item, "div", {"class": "wb-review__answer"})
    blank = etree.SubElement(item, "div", {"class": "wb-review__blank", "aria-hidden": "true"})
    frame = picture_frame(strings, prompt.kind)
    if prompt.kind == "wb-ladder":
        etree.SubElement(blank, "p").text = strings.t("review.blank.ladder_rungs")
    elif frame is not None:
        etree.SubElement(blank, "div", {"class": "wb-review__frame"}).text = frame


def kept_section(root: etree.Element, name: str, title: str, text: str) -> None:
    """A section at the end for answers kept without a question to show them under; review.js fills and shows it."""
    section = etree.SubElement(root, "section", {"class": f"wb-review__{name}s", "hidden": "hidden"})
    etree.SubElement(section, "h2", {"id": f"wb-review-{name}s"}).text = title
    etree.SubElement(section, "p").text = text
    etree.SubElement(section, "div", {"class": f"wb-review__{name}-list"})


def groups(strings: Catalogue) -> tuple:
    """The tools of the page: (id, title, buttons (action, words, style)); the first is each group's main action."""
    return (
        ("wb-review-backup", strings.t("review.tools.backup_title"), (
            ("backup", strings.t("review.tools.backup_button"), "primary"),
            ("share", strings.t("review.tools.share_button"), "secondary"),
        )),
        ("wb-review-copy", strings.t("review.tools.copy_title"), (
            ("copy-text", strings.t("review.tools.copy_button"), "primary"),
            ("download-text", strings.t("review.tools.text_button"), "secondary"),
            ("download-markdown", strings.t("review.tools.markdown_button"), "secondary"),
            ("download-html", strings.t("review.tools.html_button"), "secondary"),
        )),
        ("wb-review-print", strings.t("review.tools.print_title"), (
            ("print", strings.t("review.tools.print_button"), "primary"),
            ("print-blank", strings.t("review.tools.print_blank_button"), "secondary"),
        )),
        ("wb-review-clear", strings.t("review.tools.clear_title"), (
            ("clear-all", strings.t("review.tools.clear_all_button"), "warning"),
        )),
    )


def tools(parent: etree.Element, strings: Catalogue) -> None:
    """The buttons of the page. They show from the start, so that nothing moves as the page's script starts;
    without JavaScript (no "wb-js" class on the page) CSS hides them (they need it) and shows the no-script paragraph instead."""
    box = etree.SubElement(parent, "div", {"class": "wb-review__tools"})
    for ident, title, buttons in groups(strings):
        group = etree.SubElement(box, "div", {"class": "wb-review__group", "role": "group", "aria-labelledby": ident})
        etree.SubElement(group, "h2", {"id": ident, "class": "wb-review__group-title"}).text = title
        if ident == "wb-review-copy":
            label = etree.SubElement(group, "label", {"for": "wb-review-scope", "class": "wb-review__scope-label"})
            label.text = strings.t("review.tools.scope_label")
            etree.SubElement(group, "select", {"id": "wb-review-scope", "class": "wb-review__scope"})
            checkbox(group, "wb-review-copy-all", strings.t("review.tools.copy_all_checkbox"))
        if ident == "wb-review-print":
            label = etree.SubElement(group, "label", {"for": "wb-review-print-name", "class": "wb-review__lock-label"})
            label.text = strings.t("review.tools.print_name_label")
            etree.SubElement(group, "p", {"class": "wb-review__hint", "id": "wb-review-print-name-hint"}).text = (
                strings.t("review.tools.print_name_hint")
            )
            etree.SubElement(group, "input", {
                "type": "text", "id": "wb-review-print-name", "class": "wb-review__passphrase", "autocomplete": "name",
                "spellcheck": "false", "maxlength": "100", "aria-describedby": "wb-review-print-name-hint",
            })
            checkbox(group, "wb-review-print-all", strings.t("review.tools.print_all_checkbox"))
        if ident == "wb-review-backup":
            passphrase(group, strings)
        row = etree.SubElement(group, "p", {"class": "wb-alert__actions"})
        for action, text, style in buttons:
            button = etree.SubElement(row, "button", {"type": "button", "class": f"wb-button wb-button--{style}",
                                                      "data-wb-action": action})
            button.text = text
            if action == "share":
                button.set("hidden", "hidden")  # review.js shows it where the browser can share files
        if ident == "wb-review-backup":
            restore = etree.SubElement(row, "label", {"class": "wb-button wb-button--secondary wb-review__restore",
                                                      "for": "wb-review-file"})
            restore.text = strings.t("review.tools.restore_button")
            etree.SubElement(
                row, "input",
                {"type": "file", "id": "wb-review-file", "class": "wb-visually-hidden",
                 "accept": ".json,.txt,application/json,text/plain"},
            )
            etree.SubElement(group, "p", {"class": "wb-review__usage"})
            etree.SubElement(group, "p", {"class": "wb-review__last-backup"})
            etree.SubElement(group, "p", {"class": "wb-review__keeping"})
    dialog = etree.SubElement(box, "dialog", {"class": "wb-review__dialog", "aria-labelledby": "wb-review-dialog-title"})
    # Its heading (#wb-review-dialog-title) is made by review.js: an empty heading here
    # would land in the page's table of contents.
    etree.SubElement(dialog, "div", {"class": "wb-review__dialog-body"})


def checkbox(parent: etree.Element, ident: str, text: str) -> None:
    label = etree.SubElement(parent, "label", {"class": "wb-review__show wb-review__option"})
    etree.SubElement(label, "input", {"type": "checkbox", "id": ident}).tail = " " + text


def passphrase(parent: etree.Element, strings: Catalogue) -> None:
    """The optional passphrase that locks a backup; review.js hides it where the browser cannot encrypt."""
    box = etree.SubElement(parent, "div", {"class": "wb-review__lock"})
    label = etree.SubElement(box, "label", {"for": "wb-review-passphrase", "class": "wb-review__lock-label"})
    label.text = strings.t("review.tools.passphrase_label")
    etree.SubElement(box, "p", {"class": "wb-review__hint", "id": "wb-review-passphrase-hint"}).text = (
        strings.t("review.tools.passphrase_hint")
    )
    etree.SubElement(box, "p", {"class": "wb-review__error", "id": "wb-review-passphrase-error", "hidden": "hidden"})
    etree.SubElement(box, "input", {
        "type": "password", "id": "wb-review-passphrase", "class": "wb-review__passphrase",
        "autocomplete": "new-password", "spellcheck": "false", "autocapitalize": "none",
        "aria-describedby": "wb-review-passphrase-hint",
    })
    show = etree.SubElement(box, "label", {"class": "wb-review__show"})
    etree.SubElement(show, "input", {"type": "checkbox", "id": "wb-review-passphrase-show"}).tail = " " + strings.t("review.show_passphrase")


class Review(Block):
    """Where the My answers list goes; the hook fills it in."""

    NAME = "my-answers"
    ARGUMENT = False
    OPTIONS = {}

    def on_validate(self, parent: etree.Element) -> bool:
        if self.tracker.get("seen"):
            raise PromptError("a page may hold only one '/// my-answers' block")
        self.tracker["seen"] = True
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        root = etree.SubElement(parent, "div", {"class": "wb-review", "data-module": "wb-review"})
        no_script = etree.SubElement(root, "p", {"class": "wb-review__no-script"})
        strings: Catalogue = self.config["strings"]
        no_script.text = strings.t("review.no_script")
        # Where lock.js puts the lock's settings (it replaces this): their room is kept from the first paint.
        etree.SubElement(root, "section", {"class": "wb-lock"})
        tools(root, strings)
        # On paper only: the workbook's name, the date and the reader's name (review.js fills it as it prints).
        etree.SubElement(root, "p", {"class": "wb-review__print-header"})
        # The page's interface stays out of search (and so do the questions, filled in later: see catalogue()).
        exclude_from_search(root)
        etree.SubElement(root, "div", {"class": "wb-review__catalogue"})
        return root

    def on_end(self, block: etree.Element) -> None:
        if len(block) != 5:
            raise PromptError("'/// my-answers' takes no content: write text above or below the block")
