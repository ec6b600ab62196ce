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
with an organisation's. The words are the catalogue's (hooks/locales, group "support"); the
links go where its placeholders are.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Union

from markdown.serializers import to_xhtml_string
from markupsafe import Markup
from pymdownx.blocks.block import Block

from wb_config import Contact, Settings
from wb_i18n import RE_PLACEHOLDER, Catalogue
from wb_prompts import PromptError

# Text and elements, in order: what a catalogue text becomes once its placeholders hold links.
Pieces = list
Value = Union[str, etree.Element, Pieces]

# strings.t(key, **SLOTS): a catalogue text with its placeholders left in, for filled().
SLOTS = {name: "{" + name + "}" for name in ("name", "phone", "website", "contacts", "first", "second", "rest", "organisation")}


def filled(template: str, **values: Value) -> Pieces:
    """A text with placeholders as pieces, each placeholder replaced by its value (text, an element, or pieces)."""
    pieces: Pieces = []
    for n, part in enumerate(RE_PLACEHOLDER.split(template)):
        if n % 2 == 0:
            if part:
                pieces.append(part)
        else:
            value = values[part]
            pieces.extend(value if isinstance(value, list) else [value])
    return pieces


def append_pieces(parent: etree.Element, pieces: Pieces) -> None:
    for piece in pieces:
        if isinstance(piece, str):
            append_text(parent, piece)
        else:
            parent.append(piece)


def link(href: str, text: str) -> etree.Element:
    node = etree.Element("a", {"href": href})
    node.text = text
    return node


def contact_item(parent: etree.Element, contact: Contact, strings: Catalogue) -> None:
    item = etree.SubElement(parent, "li", {"class": "wb-support__contact"})
    name = etree.Element("strong")
    if contact.url:
        etree.SubElement(name, "a", {"href": contact.url}).text = contact.name
    else:
        name.text = contact.name
    if contact.phone:
        phone = link(contact.tel, contact.phone)
        append_pieces(item, filled(strings.t("support.contact_phone", **SLOTS), name=name, phone=phone))
    else:
        item.append(name)
    if contact.when:
        when = strings.t("support.contact_when", when=contact.when)
        etree.SubElement(item, "span", {"class": "wb-support__when"}).text = " " + when


def workbook_sentence(parent: etree.Element, strings: Catalogue) -> None:
    """The workbook's own words for its own contacts."""
    website = "https://hubofhope.co.uk"
    phone = link("tel:116123", "116 123")
    pieces = filled(strings.t("support.workbook_sentence", **SLOTS), phone=phone, website=link(website, website))
    append_pieces(parent, [" ", *pieces])


def contact_name(contact: Contact) -> Value:
    """A contact's name, a link to its website where it has one."""
    return link(contact.url, contact.name) if contact.url else contact.name


def contact_pieces(contact: Contact, strings: Catalogue) -> Pieces:
    name = contact_name(contact)
    if not contact.phone:
        return [name]
    return filled(strings.t("support.contact_on_phone", **SLOTS), name=name, phone=link(contact.tel, contact.phone))


def either(items: list[Pieces], strings: Catalogue) -> Pieces:
    """"A", "A or B", "A, B or C": any one of them will do."""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return filled(strings.t("support.either_two", **SLOTS), first=items[0], second=items[1])
    return filled(strings.t("support.either_more", **SLOTS), first=items[0], rest=either(items[1:], strings))


def contacts_sentence(parent: etree.Element, contacts: tuple[Contact, ...], strings: Catalogue) -> None:
    """" contact A on 0800 123 456, B or C." with their links."""
    listed = either([contact_pieces(contact, strings) for contact in contacts], strings)
    append_pieces(parent, [" ", *filled(strings.t("support.contacts_sentence", **SLOTS), contacts=listed)])


def footer(settings: Settings, strings: Catalogue) -> Markup:
    """The footer's text on every page (overrides/partials/copyright.html): who offers the workbook, whom
    to call for support, and the organisation's note. The same on every page, so made once a build, here
    rather than in the template: compiling a template of this much logic took longer than all the pages' use of it."""
    parts = []
    if settings.organisation_name:
        organisation: Value = settings.organisation_name
        if settings.organisation_url:
            organisation = link(settings.organisation_url, settings.organisation_name)
        offered = etree.Element("p", {"class": "wb-footer__organisation"})
        append_pieces(offered, filled(strings.t("page.offered_by", **SLOTS), organisation=organisation))
        parts.append(offered)
    support = etree.Element("p", {"class": "wb-footer__support"})
    etree.SubElement(support, "strong").text = strings.t("page.support_heading")
    for n, contact in enumerate(settings.support):
        # Each contact in a span of its own, a space between them.
        support[-1].tail = " "
        line = etree.SubElement(support, "span", {"class": "wb-footer__contact"})
        name = contact_name(contact)
        if contact.phone:
            phone = link(contact.tel, contact.phone)
            append_pieces(line, filled(strings.t("page.contact_phone", **SLOTS), name=name, phone=phone))
        else:
            append_pieces(line, [name])
        if contact.when:
            append_text(line, " " + strings.t("page.contact_when", when=contact.when))
        if n < len(settings.support) - 1:
            append_text(line, strings.t("page.contact_separator"))
    parts.append(support)
    if settings.about:
        about = etree.Element("p", {"class": "wb-footer__about"})
        about.text = settings.about
        parts.append(about)
    return Markup("\n".join(to_xhtml_string(part) for part in parts))


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
            contact_item(root, contact, self.config["strings"])
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
        if not self.config["settings"].own_support:
            workbook_sentence(block, self.config["strings"])
        else:
            contacts_sentence(block, contacts, self.config["strings"])
