"""The site as an installable app that reads offline after a first visit.

Writes, at the end of a build (not for the offline folder, which has no web
address): `manifest.webmanifest` with two icons (hooks/app/icon-*.png in the
site's colour), and `sw.js` (hooks/app/sw.js), a service worker that keeps a
copy of the site's own files. Its cache is named by the build's content, so a
new build replaces the old copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import zlib
from pathlib import Path

import wb_brand

# The service worker and the app's icons (an open book: icon.svg, drawn as PNG in two sizes).
APP = Path(__file__).resolve().parent / "app"
ICON_SIZES = (192, 512)
# What a reader needs to read and answer offline; the rest is cached as it is used.
SKIP = ("sw.js", "_headers", "sitemap.xml", "sitemap.xml.gz", "manifest.webmanifest")
SKIP_UNDER = ("assets/javascripts/lunr/",)
SKIP_SUFFIX = (".map", ".gz")


def recoloured(png: bytes, background: str, ink: str) -> bytes:
    """One of our icons (hooks/app/icon-*.png: two colours, a palette) in the site's colour and its ink."""
    found, at = [png[:8]], 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        data = png[at + 8:at + 8 + length]
        if kind == b"PLTE":
            data = bytes(wb_brand.rgb(background)) + bytes(wb_brand.rgb(ink))
        found.append(struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
        at += 12 + length
    return b"".join(found)


def manifest(name: str, description: str | None, colour: str, logo: wb_brand.Logo | None = None,
             short_name: str = "Workbook") -> str:
    icons = [{"src": logo.src, "sizes": logo.sizes, "type": logo.type, "purpose": "any"}] if logo else []
    if not (logo and logo.whole_icon):
        icons += [
            {"src": f"assets/wb/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
            for size in ICON_SIZES
        ]
    return json.dumps(
        {
            "name": name,
            "short_name": name if len(name) <= 20 else short_name,
            "description": description or name,
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": colour,
            "icons": icons,
        },
        indent=2,
        ensure_ascii=False,
    )


def files(site: Path) -> list[tuple[str, Path]]:
    """Every file of the built site but those in SKIP, as (path relative to the site, path), in order: one walk."""
    found = []
    # os.walk tells files from folders without a stat() of each; the order is that of sorted paths.
    for folder, _, names in os.walk(site):
        for name in names:
            path = Path(folder, name)
            relative = path.relative_to(site).as_posix()
            if relative not in SKIP:
                found.append((relative, path))
    return sorted(found, key=lambda item: item[0].split("/"))


def kept_ahead(relative: str) -> bool:
    """Is this file of the site (relative to its root) one the service worker copies as it installs?"""
    return not (relative.startswith(SKIP_UNDER) or relative.endswith(SKIP_SUFFIX))


def precached(found: list[tuple[str, Path]], directory_urls: bool) -> list[str]:
    """The site's files (`files`) a reader needs, as URLs relative to the site's root."""
    urls = []
    for relative, _ in found:
        if not kept_ahead(relative):
            continue
        if directory_urls and relative.endswith("index.html"):
            relative = relative[: -len("index.html")] or "./"
        urls.append(relative)
    return urls


def version(found: list[tuple[str, Path]]) -> str:
    """Changes whenever any of the site's files (`files`) does: by their contents, and for the files copied
    only as they are used (search's languages, source maps: two thirds of the bytes, all of them Material's),
    by their names and sizes."""
    digest = hashlib.sha256()
    for relative, path in found:
        digest.update(relative.encode("utf-8"))
        digest.update(path.read_bytes() if kept_ahead(relative) else str(path.stat().st_size).encode())
    return digest.hexdigest()[:12]


def service_worker(namespace: str, build: str, urls: list[str], earlier: tuple[str, ...] = ()) -> str:
    """A service worker: pages from the network when it is there, else from the copy;
    other files from the copy first. Only this site's own GET requests are touched.

    Caches are "wb-<namespace>:<build>" (no namespace holds ":", so no other site's name
    starts the same). Earlier versions named them "wb-<namespace>-<build>": those of this
    namespace and of `earlier` ones are deleted, matched exactly.
    """
    names = "|".join(re.escape(name) for name in (namespace, *earlier))
    settings = (
        f"/* The workbook's service worker: hooks/app/sw.js, with this build's settings. */\n"
        f"var PREFIX = {json.dumps('wb-' + namespace + ':')};\n"
        f"var EARLIER = new RegExp({json.dumps('^wb-(?:' + names + ')-[0-9a-f]{12}$')});\n"
        f"var CACHE = PREFIX + {json.dumps(build)};\n"
        f"var FILES = {json.dumps(urls)};\n"
    )
    return settings + (APP / "sw.js").read_text(encoding="utf-8")


def write_app(
    site: Path, name: str, description: str | None, namespace: str, directory_urls: bool,
    earlier: tuple[str, ...] = (), colour: str = "#4051b5", logo: wb_brand.Logo | None = None,
    short_name: str = "Workbook",
) -> None:
    """Write the manifest, its icons (in the site's colour) and the service worker into a built site."""
    for size in ICON_SIZES:
        book = (APP / f"icon-{size}.png").read_bytes()
        (site / "assets" / "wb" / f"icon-{size}.png").write_bytes(recoloured(book, colour, wb_brand.ink_on(colour)))
    (site / "manifest.webmanifest").write_text(manifest(name, description, colour, logo, short_name), encoding="utf-8")
    found = files(site)
    urls = precached(found, directory_urls)
    (site / "sw.js").write_text(service_worker(namespace, version(found), urls, earlier), encoding="utf-8")
