"""What Material's search plugin reads of a page: the page less what it would find nothing in.

The search plugin parses all of a page's HTML to index it, and skips the parts marked
`data-search-exclude` only after reading them. On a section page the answer boxes (text areas,
status lines, versions panels, a drawing's canvas and hints) are most of the HTML and hold none
of the words it indexes, so they were most of the time search took. So:

- a Markdown treeprocessor (`Marks`) puts two comments around each element search would find
  nothing in (marked `data-search-exclude`, or without any text), unless it is or holds a heading
  (headings start the index's entries); around the insides of a marked element that holds one;
- just before the search plugin reads the page, `for_search` hands it the page with what lies
  between those comments cut out;
- just after, `restored` gives the page back whole, without the comments.

The index is what it was, less the empty entries Material made for headings inside marked parts
(My answers' tools). A plugin that changed the page between the search plugin and the workbook's
hook would see it short, so the hook stops the build then (hooks/workbook.py, on_page_context).
The search plugin also drops `data-search-*` attributes that have a value from
the page it writes; `restored` does the same, so the page written is what it was without this module.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

MARK = "wb-search-skip"
START, END = f"<!--{MARK}-->", f"<!--/{MARK}-->"
RE_INSIDE = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
# Material's search plugin (on_page_context) removes these from the page it writes (a search for the
# second first: scanning for the first is slow, and pages rarely have one).
RE_SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
RE_VALUED_SEARCH_ATTRIBUTE = re.compile(r"data-search-\w+=\"[^\"]")
EXCLUDED = "data-search-exclude"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class Marks(Treeprocessor):
    """START and END around each element search finds nothing in, or inside it if it holds a heading."""

    def run(self, root: etree.Element) -> None:
        mark(root)


def mark(element: etree.Element) -> None:
    for child in list(element):
        if not isinstance(child.tag, str):
            continue
        heading = any(inner.tag in HEADINGS for inner in child.iter())
        if not heading and (EXCLUDED in child.attrib or not has_text(child)):
            surround(element, child)
        elif EXCLUDED in child.attrib:
            wrap(child)
        else:
            mark(child)


def has_text(element: etree.Element) -> bool:
    """Any words in the element outside its marked parts (a placeholder for raw HTML counts: what it
    stands for is not known yet)."""
    if (element.text or "").strip():
        return True
    for child in element:
        if (child.tail or "").strip():
            return True
        if isinstance(child.tag, str) and EXCLUDED not in child.attrib and has_text(child):
            return True
    return False


def comment(text: str) -> etree.Element:
    return etree.Comment(AtomicString(text))


def surround(parent: etree.Element, child: etree.Element) -> None:
    """START before the child, END after it (and before its tail, which is the parent's text)."""
    end = comment("/" + MARK)
    end.tail, child.tail = child.tail, None
    index = list(parent).index(child)
    parent.insert(index + 1, end)
    parent.insert(index, comment(MARK))


def wrap(element: etree.Element) -> None:
    """START before the element's text and children, END after them."""
    start = comment(MARK)
    start.tail, element.text = element.text, None
    element.insert(0, start)
    element.append(comment("/" + MARK))


def for_search(html: str) -> str:
    return RE_INSIDE.sub("", html)


def restored(html: str) -> str:
    html = html.replace(START, "").replace(END, "")
    return RE_SEARCH_ATTRIBUTE.sub("", html) if RE_VALUED_SEARCH_ATTRIBUTE.search(html) else html


def register(md: Markdown) -> None:
    # After the inline patterns (20), attribute lists (8) and the table of contents (5), before unescaping (0).
    md.treeprocessors.register(Marks(md), "wb_search_marks", 1)
