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
    # Shown by scripts only (core.css: .wb-scripted), its room kept while photos.js starts; it adds the photos,
    # the file choosers and, from a phone's storage, the line of how many more fit.
    collage = etree.SubElement(root, "div", {"class": "wb-photos wb-scripted", "data-search-exclude": ""})
    etree.SubElement(collage, "p", {"class": "wb-photos__intro"}).text = strings.t("photos.intro")
    etree.SubElement(collage, "p", {"class": "wb-photos__empty"}).text = strings.t("photos.empty")
    etree.SubElement(
        collage, "ol", {"class": "wb-photos__grid", "id": f"wb-photos-{ident}", "aria-label": strings.t("photos.grid")}
    ).text = ""
    actions = etree.SubElement(collage, "p", {"class": "wb-photos__actions wb-alert__actions"})
    for action, words, extra in (("add-photos", strings.t("photos.add_button"), ""),
                                 ("take-photo", strings.t("photos.camera_button"), " wb-photos__camera")):
        button = etree.SubElement(actions, "button", {"type": "button", "class": "wb-button" + extra, "data-wb-action": action})
        button.text = words
    actions[0].set("aria-describedby", f"wb-photos-usage-{ident}")
    etree.SubElement(collage, "p", {"class": "wb-photos__usage", "id": f"wb-photos-usage-{ident}"}).text = ""
    etree.SubElement(collage, "div", {"class": "wb-photos__message", "role": "status"}).text = ""
    etree.SubElement(root, "p", {"class": "wb-photos__no-script wb-no-script", "data-search-exclude": ""}).text = \
        strings.t("photos.no_script")
    words_box(root, f"wb-answer-{ident}", strings.t("photos.words_label"), 6, "text", prompt_id)


def render(body: Body) -> None:
    render_photos(body.root, body.ident, body.prompt_id, body.strings)
