"""An organisation's own settings, under `extra.workbook` in mkdocs.yml, checked.

    extra:
      workbook:
        organisation:
          name: Example Mentoring Trust
          url: https://example.org
        support:
          - name: Samaritans
            phone: 116 123
            when: Free, any time, day or night
        about: Questions about this workbook? Ask your mentoring coordinator.
        namespace: example-trust-workbook
        colour: "#0b6e4f"
        locales: locales                 # a folder of interface catalogues (cy.yml, ...), beside mkdocs.yml

Every key is optional. A mistake stops the build with a message naming the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from mkdocs.exceptions import PluginError

RE_NAMESPACE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RE_PHONE = re.compile(r"^\+?[0-9][0-9 ]{2,19}$")
RE_URL = re.compile(r"^https?://[^\s\"'<>]+$")
RE_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str | None = None
    url: str | None = None
    when: str | None = None

    @property
    def tel(self) -> str | None:
        return "tel:" + self.phone.replace(" ", "") if self.phone else None


# The workbook's own: "call the Samaritans free on 116 123 or visit https://hubofhope.co.uk".
# When to call each is in the interface's catalogue (support.samaritans_when, support.hub_of_hope_when).
DEFAULT_SUPPORT = (
    Contact(name="Samaritans", phone="116 123", url="https://www.samaritans.org"),
    Contact(name="Hub of Hope", url="https://hubofhope.co.uk"),
)


@dataclass(frozen=True)
class Settings:
    organisation_name: str | None = None
    organisation_url: str | None = None
    support: tuple[Contact, ...] = DEFAULT_SUPPORT
    # False while `support` is the workbook's own contacts (extra.workbook.support not set).
    own_support: bool = False
    about: str | None = None
    namespace: str | None = None
    colour: str | None = None
    locales: str | None = None


def with_default_whens(settings: Settings, samaritans: str, hub_of_hope: str) -> Settings:
    """The settings with when to call the workbook's own contacts, in the site's language."""
    if settings.own_support:
        return settings
    named = dict(zip(DEFAULT_SUPPORT, (samaritans, hub_of_hope)))
    return replace(settings, support=tuple(replace(c, when=named.get(c, c.when)) for c in settings.support))


def fail(key: str, problem: str) -> PluginError:
    return PluginError(f"mkdocs.yml, extra.workbook.{key}: {problem}")


def text(value: Any, key: str, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, (str, int, float)) or not str(value).strip():
        raise fail(key, "needs some text" if required else "must be text")
    return str(value).strip()


def only(mapping: Any, allowed: tuple[str, ...], key: str) -> dict:
    if not isinstance(mapping, dict):
        raise fail(key, f"must be a set of keys ({', '.join(allowed)})")
    for name in mapping:
        if name not in allowed:
            raise fail(f"{key}.{name}" if key else str(name), f"is not a setting this workbook knows (known: {', '.join(allowed)})")
    return mapping


def url(value: Any, key: str) -> str | None:
    found = text(value, key)
    if found is not None and not RE_URL.match(found):
        raise fail(key, f"{found!r} is not a web address starting with https:// or http://")
    return found


def contact(value: Any, key: str) -> Contact:
    entry = only(value, ("name", "phone", "url", "when"), key)
    phone = text(entry.get("phone"), f"{key}.phone")
    if phone is not None and not RE_PHONE.match(phone):
        raise fail(f"{key}.phone", f"{phone!r} is not a phone number (digits and spaces, may start with +)")
    found = Contact(
        name=text(entry.get("name"), f"{key}.name", required=True),
        phone=phone,
        url=url(entry.get("url"), f"{key}.url"),
        when=text(entry.get("when"), f"{key}.when"),
    )
    if not found.phone and not found.url:
        raise fail(key, f"the contact {found.name!r} needs a phone number or a web address")
    return found


def read_settings(extra: dict) -> Settings:
    """`extra.workbook` of mkdocs.yml as Settings; the defaults where it is missing."""
    if "analytics" in extra:
        # Material would add Google Analytics (and its feedback widget) to every page.
        raise PluginError("mkdocs.yml, extra.analytics: the workbook promises readers that nothing is sent "
                          "anywhere, so it has no analytics; remove extra.analytics")
    raw = extra.get("workbook")
    if raw is None:
        return Settings()
    settings = only(raw, ("organisation", "support", "about", "namespace", "colour", "locales"), "")
    organisation = only(settings.get("organisation") or {}, ("name", "url"), "organisation")
    support = settings.get("support", None)
    if support is not None and (not isinstance(support, list) or not support):
        raise fail("support", "must be a list of contacts, each with a name and a phone number or web address")
    namespace = text(settings.get("namespace"), "namespace")
    if namespace is not None and not RE_NAMESPACE.match(namespace):
        raise fail("namespace", f"{namespace!r} may hold only lower-case letters, digits and single dashes")
    colour = text(settings.get("colour"), "colour")
    if colour is not None and not RE_COLOUR.match(colour):
        raise fail("colour", f"{colour!r} is not a colour written like \"#0b6e4f\" (# and six digits or letters a to f, in quotes)")
    return Settings(
        organisation_name=text(organisation.get("name"), "organisation.name", required="url" in organisation),
        organisation_url=url(organisation.get("url"), "organisation.url"),
        support=tuple(contact(item, f"support[{n}]") for n, item in enumerate(support)) if support else DEFAULT_SUPPORT,
        own_support=bool(support),
        about=text(settings.get("about"), "about"),
        namespace=namespace,
        colour=colour.lower() if colour else None,
        locales=text(settings.get("locales"), "locales"),
    )
