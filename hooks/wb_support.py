"""The `/// support` block: the organisation's support contacts (mkdocs.yml, extra.workbook.support).

As a list (one contact a line, with when to call):

    /// support
    ///

As the end of a sentence the page begins, e.g. the home page's note:

    /// support | sentence
    If you find you need additional, confidential support,
    ///

gives "…confidential support, call the Samaritans free on 116 123 or visit
https://hubofhope.co.uk" with the workbook's own contacts (its own words), and
"…confidential support, contact Samaritans on 116 123 or Example Trust helpline."
with an organisation's.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block

from wb_config import DEFAULT_SUPPORT, Contact
from wb_prompts import PromptError


def contact_item(parent: etree.Element, contact: Contact) -> None:
    item = etree.SubElement(parent, "li", {"class": "wb-support__contact"})
    if contact.url:
        name = etree.SubElement(etree.SubElement(item, "strong"), "a", {"href": contact.url})
    else:
        name = etree.SubElement(item, "strong")
    name.text = contact.name
    if contact.phone:
        name_holder = item[-1]
        name_holder.tail = ": call "
        etree.SubElement(item, "a", {"href": contact.tel}).text = contact.phone
    if contact.when:
        etree.SubElement(item, "span", {"class": "wb-support__when"}).text = f" ({contact.when})"


def workbook_sentence(parent: etree.Element) -> None:
    """The workbook's own words for its own contacts."""
    append_text(parent, " call the Samaritans free on ")
    etree.SubElement(parent, "a", {"href": "tel:116123"}).text = "116 123"
    parent[-1].tail = " or visit "
    etree.SubElement(parent, "a", {"href": "https://hubofhope.co.uk"}).text = "https://hubofhope.co.uk"


def contacts_sentence(parent: etree.Element, contacts: tuple[Contact, ...]) -> None:
    """" contact A on 0800 123 456, B or C." with their links."""
    append_text(parent, " contact ")
    for n, contact in enumerate(contacts):
        if n:
            append_text(parent, " or " if n == len(contacts) - 1 else ", ")
        if contact.url:
            etree.SubElement(parent, "a", {"href": contact.url}).text = contact.name
        else:
            append_text(parent, contact.name)
        if contact.phone:
            append_text(parent, " on ")
            etree.SubElement(parent, "a", {"href": contact.tel}).text = contact.phone
    append_text(parent, ".")


def append_text(parent: etree.Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class Support(Block):
    """Whom to contact for support, from the site's settings: a list, or the end of a sentence."""

    NAME = "support"
    ARGUMENT = None
    OPTIONS = {}

    def on_validate(self, parent: etree.Element) -> bool:
        if self.argument not in (None, "", "sentence"):
            raise PromptError(f"'/// support | {self.argument}': the only form is '/// support | sentence'")
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        if self.argument == "sentence":
            return etree.SubElement(parent, "div", {"class": "wb-support-sentence"})
        root = etree.SubElement(parent, "ul", {"class": "wb-support"})
        for contact in self.config["settings"].support:
            contact_item(root, contact)
        return root

    def on_end(self, block: etree.Element) -> None:
        contacts = self.config["settings"].support
        if self.argument != "sentence":
            if len(block) != len(contacts):
                raise PromptError("'/// support' takes no content: its contacts come from mkdocs.yml (extra.workbook.support)")
            return
        paragraphs = block.findall("p")
        if len(block) != 1 or len(paragraphs) != 1:
            raise PromptError("'/// support | sentence' takes one paragraph: the start of the sentence its contacts end")
        paragraph = paragraphs[0]
        block.remove(paragraph)
        block.tag, block.attrib, block.text = paragraph.tag, dict(paragraph.attrib), paragraph.text
        block.set("class", "wb-support-sentence")
        for child in list(paragraph):
            block.append(child)
        if contacts == DEFAULT_SUPPORT:
            workbook_sentence(block)
        else:
            contacts_sentence(block, contacts)
