"""The workbook's names in storage and in backups: the storage namespace (every key's own part) and the
workbook's id, set by the organisation (extra.workbook.namespace) or made from site_name and site_url."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

from mkdocs.exceptions import PluginError

# Storage keys are "wb:v1:<namespace>:<kind>:<id>".
RE_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# What a derived namespace may hold after the name: the site's path, percent-encoded (storage.js checks the same).
RE_DERIVED = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[A-Za-z0-9._~%-]+)*$")


def slug(text: str) -> str:
    return RE_NOT_SLUG.sub("-", text.lower()).strip("-")


def workbook_id(site_name: str, chosen: str | None = None) -> str:
    """The workbook's identity in its backups: the same online, in the offline folder and at any path.

    The namespace an organisation sets, else made from the workbook's name (never its address).
    """
    return chosen or slug(site_name) or "workbook"


def site_path(site_url: str | None) -> str:
    """The path of site_url without its outer slashes, percent-encoded one way only ("" at the root)."""
    path = urlsplit(site_url or "").path.strip("/")
    return quote(unquote(path), safe="/")


def storage_namespace(site_name: str, site_url: str | None, chosen: str | None = None) -> str:
    """The site's own part of every storage key, so that two workbooks never share answers.

    Set by the organisation, or derived: the workbook's id, then the path of site_url
    after a "/" (which a name never holds), so that "/cohort/2025/", "/cohort-2025/" and
    a workbook named "... Cohort" at "/2025/" all differ. The host is left out: the browser
    already keeps origins apart, and a changed port must not hide answers.
    """
    if chosen:
        return chosen
    path = site_path(site_url)
    found = workbook_id(site_name) + ("/" + path if path else "")
    if not RE_DERIVED.match(found):
        raise PluginError(f"the storage namespace made from site_name and site_url, {found!r}, is not one storage can use")
    return found


def legacy_namespace(site_name: str, site_url: str | None, chosen: str | None = None) -> str | None:
    """The namespace earlier versions derived (name and path slugs joined by dashes), where it differs.

    Answers saved under it are copied to the namespace of today when a page first opens (storage.js).
    """
    if chosen:
        return None
    path = urlsplit(site_url or "").path.strip("/")
    parts = [slug(site_name) or "workbook"]
    if path:
        parts.append(slug(path))
    old = "-".join(parts)
    return old if old != storage_namespace(site_name, site_url) else None
