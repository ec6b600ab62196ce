"""Security headers: a Content-Security-Policy that allows only the site's own files.

Each page gets the policy as a <meta> tag (for hosts that cannot set headers),
with the hash of each of Material's small inline scripts; `_headers` (Netlify,
Cloudflare Pages) carries the same policy, plus what only a header can say.

Chromium's preload scanner, which asks for a page's files as soon as the page starts to
arrive, stops at a policy <meta> tag. So before the tag, each page names its stylesheets
and scripts (`<link rel="preload">`): without them, each file was asked for only once the
parser reached it, one after another, the scripts at the end of the page last.
"""

from __future__ import annotations

import base64
import hashlib
import re

import wb_bundles

RE_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
RE_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
# The page's own files, as Material's templates and ours write them.
RE_FILE = re.compile(r'<link rel="stylesheet" href="([^"]+)">|<script src="([^"]+)"></script>')

# Only the site's own files; no plugins, no frames, no forms sent anywhere.
BASE_POLICY = (
    ("default-src", "'self'"),
    ("img-src", "'self' data: blob:"),
    ("style-src", "'self'"),
    # Markdown tables align their columns with style="" attributes.
    ("style-src-attr", "'unsafe-inline'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    # No manifest-src: WebKit does not know it and says so on every page; default-src covers the manifest.
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
)
# Only a header can forbid framing; a <meta> tag with it is ignored (with a console warning).
HEADER_ONLY = (("frame-ancestors", "'none'"),)
OTHER_HEADERS = (
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)


def script_hashes(html: str) -> list[str]:
    """CSP hashes of a page's inline scripts (JSON data blocks have attributes and are not run)."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for body in RE_INLINE_SCRIPT.findall(html)
    ]


def policy(hashes: list[str], header: bool = False) -> str:
    script = ("script-src", " ".join(["'self'", *sorted(set(hashes))]))
    parts = [*BASE_POLICY, script, *(HEADER_ONLY if header else ())]
    return "; ".join(f"{name} {value}" for name, value in parts)


def preloads(html: str) -> str:
    """A preload hint for each stylesheet and script of the page, in the page's order; none for a page's joined
    scripts (wb_bundles.is_joined), found soon enough at the end of the page."""
    return "".join(
        f'\n    <link rel="preload" href="{style or script}" as="{"style" if style else "script"}">'
        for style, script in RE_FILE.findall(html)
        if not (script and wb_bundles.is_joined(script))
    )


def with_meta_policy(html: str) -> tuple[str, list[str]]:
    """The page with no-referrer, its files' preload hints, then its policy, first in <head>; its hashes."""
    hashes = script_hashes(html)
    tags = (
        '<meta charset="utf-8">\n    <meta name="referrer" content="no-referrer">'
        f'{preloads(html)}\n    <meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    )
    found, count = RE_CHARSET.subn(tags, html, count=1)
    if count != 1:
        raise ValueError("a page without <meta charset=\"utf-8\"> cannot carry its security policy")
    return found, hashes


def headers_file(hashes: list[str]) -> str:
    """`_headers` for Netlify and Cloudflare Pages: the policy for every page of the site."""
    lines = ["/*", f"  Content-Security-Policy: {policy(hashes, header=True)}"]
    lines += [f"  {name}: {value}" for name, value in OTHER_HEADERS]
    return "\n".join(lines) + "\n"
