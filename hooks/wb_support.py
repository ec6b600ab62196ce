"""The `/// support` block: the organisation's support contacts (mkdocs.yml, extra.workbook.support)."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks.block import Block

from wb_config import Contact
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


class Support(Block):
    """A list of whom to contact for support, from the site's settings."""

    NAME = "support"
    ARGUMENT = False
    OPTIONS = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        root = etree.SubElement(parent, "ul", {"class": "wb-support"})
        for contact in self.config["settings"].support:
            contact_item(root, contact)
        return root

    def on_end(self, block: etree.Element) -> None:
        if len(block) != len(self.config["settings"].support):
            raise PromptError("'/// support' takes no content: its contacts come from mkdocs.yml (extra.workbook.support)")
