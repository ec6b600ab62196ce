"""Photos as answers: `kind: photos` on a prompt ("Create a collage of photographs…").

Rendered as a text box for the answer in words, which works without
JavaScript; `photos.js` (beside this file) adds the collage above it: photos
from the device or its camera, made smaller before they are kept (in the
browser's IndexedDB, see `photostore.js`), with captions, in the reader's order.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from kinds.drawing.block import words_box
from wb_i18n import Catalogue

if TYPE_CHECKING:
    from kinds.text.block import Body


def render_photos(root: etree.Element, ident: str, prompt_id: str, strings: Catalogue) -> None:
    """The parts of a photo prompt that work without JavaScript, and the place of the collage."""
    root.set("data-module", "wb-photos")
    root.set("role", "group")
    root.set("aria-labelledby", f"wb-prompt-{ident}")
    collage = etree.SubElement(root, "div", {"class": "wb-photos", "hidden": "hidden"})
    etree.SubElement(
        collage, "ol", {"class": "wb-photos__grid", "id": f"wb-photos-{ident}", "aria-label": strings.t("photos.grid")}
    ).text = ""
    etree.SubElement(root, "p", {"class": "wb-photos__no-script", "data-search-exclude": ""}).text = strings.t("photos.no_script")
    words_box(root, f"wb-answer-{ident}", strings.t("photos.words_label"), 6, "text", prompt_id)


def render(body: Body) -> None:
    render_photos(body.root, body.ident, body.prompt_id, body.strings)
