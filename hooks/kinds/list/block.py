"""Lists as answers: `kind: list` on a prompt.

    /// prompt | 4.1
        kind: list
        items: 10
    List 10 positive things about your mentee
    ///

`items: N` gives N numbered lines; without it the list grows as the reader
adds lines. `columns: Positives, Negatives` gives one list per column.
Each line is a one-line text box that grows with its text, so it prints whole.
`list.js` (beside this file) adds, removes and reorders lines.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Any

from wb_errors import PromptError
from wb_i18n import Catalogue

if TYPE_CHECKING:
    from kinds.text.block import Body

MAX_ITEMS = 30
MAX_COLUMNS = 4
OPEN_LIST_LINES = 3  # lines shown at first in a list that grows


def list_options(prompt_id: str, items: Any, columns: Any) -> tuple[int | None, list[str]]:
    """Checked `items` (None: the list grows) and `columns` (names; [] for one list)."""
    if items is not None:
        if isinstance(items, bool) or not isinstance(items, int) or not 2 <= items <= MAX_ITEMS:
            raise PromptError(f"prompt {prompt_id}: items must be a whole number from 2 to {MAX_ITEMS}, not {items!r}")
    names: list[str] = []
    if columns is not None:
        names = [name.strip() for name in str(columns).split(",")]
        if not 2 <= len(names) <= MAX_COLUMNS or not all(names):
            raise PromptError(
                f"prompt {prompt_id}: columns must name 2 to {MAX_COLUMNS} lists, separated by commas "
                f"(for example 'columns: Positives, Negatives'), not {columns!r}"
            )
        if items is not None:
            raise PromptError(f"prompt {prompt_id}: a list with columns grows as the reader writes; leave out items")
    return items, names


def line(parent: etree.Element, ident: str, column: int, number: int, label: str) -> etree.Element:
    item = etree.SubElement(parent, "li", {"class": "wb-list__item"})
    box_id = f"wb-answer-{ident}-{column}-{number}"
    etree.SubElement(
        item, "label", {"class": "wb-visually-hidden", "for": box_id, "id": f"{box_id}-label", "data-search-exclude": ""}
    ).text = label
    # Its name starts with the prompt's words: "4.1 List 10 positive things… line 3 of 10".
    etree.SubElement(
        item,
        "textarea",
        {"class": "wb-list__input", "id": box_id, "rows": "1", "autocomplete": "off", "spellcheck": "true",
         "aria-labelledby": f"wb-prompt-{ident} {box_id}-label"},
    ).text = ""
    return item


def line_buttons(item: etree.Element, label: str, number: int, count: int, strings: Catalogue) -> None:
    """A growing list's line's buttons (up, down, remove), as list.js keeps them (core.css: .wb-scripted)."""
    row = etree.SubElement(item, "span", {"class": "wb-list__line-actions wb-scripted", "data-search-exclude": ""})
    for symbol, action, key, off in (("↑", "move-up", "list.move_up", number == 1),
                                     ("↓", "move-down", "list.move_down", number == count),
                                     ("✕", "remove-line", "list.remove_line", False)):
        button = etree.SubElement(row, "button", {
            "type": "button", "class": "wb-button wb-list__line-button", "data-wb-action": action,
            "aria-label": strings.t(key, line=label),
        })
        button.text = symbol
        if off:
            button.set("disabled", "disabled")


def line_label(strings: Catalogue, number: int, items: int | None, name: str) -> str:
    """What a line is called: "line 3 of 10", "line 3", "Positives, line 3" (as list.js names it)."""
    if items:
        return strings.t("list.line_of", number=number, total=items)
    if name:
        return strings.t("list.column_line", column=name, number=number)
    return strings.t("list.line", number=number)


def render_list(root: etree.Element, ident: str, items: int | None, names: list[str], strings: Catalogue) -> None:
    """The lines of a list prompt, complete without JavaScript (as writing space)."""
    root.set("data-module", "wb-list")
    root.set("role", "group")
    root.set("aria-labelledby", f"wb-prompt-{ident}")
    if items:
        root.set("data-wb-items", str(items))
    if names:
        root.set("data-wb-columns", "|".join(names))
    holder = etree.SubElement(root, "div", {"class": "wb-list" + (" wb-list--columns" if names else "")})
    for column, name in enumerate(names or [""], start=1):
        part = etree.SubElement(holder, "div", {"class": "wb-list__column"})
        if name:
            etree.SubElement(part, "p", {"class": "wb-list__title", "id": f"wb-list-{ident}-{column}"}).text = name
        count = items or OPEN_LIST_LINES
        lines = etree.SubElement(part, "ol" if items else "ul", {"class": "wb-list__items"})
        for number in range(1, count + 1):
            label = line_label(strings, number, items, name)
            item = line(lines, ident, column, number, label)
            if not items:
                line_buttons(item, label, number, count, strings)
        if items:
            etree.SubElement(part, "p", {"class": "wb-list__count", "aria-live": "off"})
        else:
            words = strings.t("list.add_line_to", column=name) if name else strings.t("list.add_line")
            etree.SubElement(part, "button", {"type": "button", "class": "wb-button wb-list__add wb-scripted",
                                              "data-wb-action": "add-line", "data-search-exclude": ""}).text = words


def check(prompt_id: str, options: dict[str, Any]) -> dict[str, Any]:
    """A list prompt's options, checked: `items` (None: the list grows) and `columns` (names; [] for one list)."""
    items, columns = list_options(prompt_id, options["items"], options["columns"])
    return {"items": items, "columns": columns}


def render(body: Body) -> None:
    render_list(body.root, body.ident, body.options["items"], body.options["columns"], body.strings)
