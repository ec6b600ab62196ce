"""The site as an installable app that reads offline after a first visit.

Writes, at the end of a build (not for the offline folder, which has no web
address): `manifest.webmanifest` with two icons, and `sw.js`, a service worker
that keeps a copy of the site's own files. Its cache is named by the build's
content, so a new build replaces the old copy.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from pathlib import Path

import wb_brand

ICON_SIZES = (192, 512)
# What a reader needs to read and answer offline; the rest is cached as it is used.
SKIP = ("sw.js", "_headers", "sitemap.xml", "sitemap.xml.gz", "manifest.webmanifest")
SKIP_UNDER = ("assets/javascripts/lunr/",)
SKIP_SUFFIX = (".map", ".gz")


def icon(size: int, background: str, foreground: str) -> bytes:
    """A PNG: an open book in `foreground` on `background` (hex colours, the site's own)."""
    colour, paper = bytes(wb_brand.rgb(background)), bytes(wb_brand.rgb(foreground))
    left, right = round(size * 0.2), round(size * 0.8)
    top, bottom = round(size * 0.28), round(size * 0.72)
    gutter, inset = round(size * 0.03), round(size * 0.05)
    middle = size // 2
    page = middle - gutter - left  # the width of each page

    def row(ink: bool) -> bytes:
        """A row across both pages; with `ink`, a line of "text" on each."""
        one = paper * inset + colour * (page - 2 * inset) + paper * inset if ink else paper * page
        return b"\x00" + colour * left + one + colour * (2 * gutter) + one + colour * (size - right)

    plain, blank, text = b"\x00" + colour * size, row(False), row(True)
    step, ink = max(size // 16, 3), max(size // 64, 1)
    rows = [
        plain if not top <= y <= bottom
        else text if inset <= y - top <= bottom - top - inset and (y - top - inset) % step < ink
        else blank
        for y in range(size)
    ]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def manifest(name: str, description: str | None, colour: str, logo: wb_brand.Logo | None = None) -> str:
    icons = [{"src": logo.src, "sizes": logo.sizes, "type": logo.type, "purpose": "any"}] if logo else []
    if not (logo and logo.whole_icon):
        icons += [
            {"src": f"assets/wb/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
            for size in ICON_SIZES
        ]
    return json.dumps(
        {
            "name": name,
            "short_name": name if len(name) <= 20 else "Workbook",
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


def precached(site: Path, directory_urls: bool) -> list[str]:
    """The site's files a reader needs, as URLs relative to the site's root."""
    urls = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or relative in SKIP or relative.startswith(SKIP_UNDER) or relative.endswith(SKIP_SUFFIX):
            continue
        if directory_urls and relative.endswith("index.html"):
            relative = relative[: -len("index.html")] or "./"
        urls.append(relative)
    return urls


def version(site: Path) -> str:
    """Changes whenever any file of the build does."""
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and relative not in SKIP:
            digest.update(relative.encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def service_worker(namespace: str, build: str, urls: list[str], earlier: tuple[str, ...] = ()) -> str:
    """A service worker: pages from the network when it is there, else from the copy;
    other files from the copy first. Only this site's own GET requests are touched.

    Caches are "wb-<namespace>:<build>" (no namespace holds ":", so no other site's name
    starts the same). Earlier versions named them "wb-<namespace>-<build>": those of this
    namespace and of `earlier` ones are deleted, matched exactly.
    """
    names = "|".join(re.escape(name) for name in (namespace, *earlier))
    return f"""/* The workbook's service worker, written by hooks/wb_app.py at build time. */
'use strict';
var PREFIX = {json.dumps("wb-" + namespace + ":")};
var EARLIER = new RegExp({json.dumps("^wb-(?:" + names + ")-[0-9a-f]{12}$")});
var CACHE = PREFIX + {json.dumps(build)};
var OLD = new RegExp({json.dumps("^wb-" + namespace + "-[0-9a-f]{12}$")});
var FILES = {json.dumps(urls)};

self.addEventListener('install', function (event) {{
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {{
      return cache.addAll(FILES.map(function (file) {{
        return new Request(new URL(file, self.registration.scope), {{ cache: 'reload' }});
      }}));
    }}).then(function () {{
      return self.skipWaiting();
    }})
  );
}});

self.addEventListener('activate', function (event) {{
  event.waitUntil(
    caches.keys().then(function (names) {{
      return Promise.all(names.filter(function (name) {{
        return (name.indexOf(PREFIX) === 0 && name !== CACHE) || EARLIER.test(name);
      }}).map(function (name) {{
        return caches.delete(name);
      }}));
    }}).then(function () {{
      return self.clients.claim();
    }})
  );
}});

// Kept without the query: a search's words (?h=...) are never written to the copy.
function bare(request) {{
  var url = new URL(request.url);
  url.search = '';
  url.hash = '';
  return url.href;
}}

function keep(request, response) {{
  if (response && response.ok && response.type === 'basic') {{
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) {{
      return cache.put(bare(request), copy);
    }}).catch(function () {{}});
  }}
  return response;
}}

self.addEventListener('fetch', function (event) {{
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.url.indexOf(self.registration.scope) !== 0) return;
  if (request.mode === 'navigate') {{
    event.respondWith(
      fetch(request).then(function (response) {{
        return keep(request, response);
      }}).catch(function () {{
        return caches.match(bare(request), {{ cacheName: CACHE }}).then(function (found) {{
          return found || caches.match(new URL('./', self.registration.scope).href, {{ cacheName: CACHE }});
        }});
      }})
    );
    return;
  }}
  event.respondWith(
    caches.match(bare(request), {{ cacheName: CACHE }}).then(function (found) {{
      return found || fetch(request).then(function (response) {{
        return keep(request, response);
      }});
    }})
  );
}});
"""


def write_app(
    site: Path, name: str, description: str | None, namespace: str, directory_urls: bool,
    earlier: tuple[str, ...] = (), colour: str = "#4051b5", logo: wb_brand.Logo | None = None,
) -> None:
    """Write the manifest, its icons (in the site's colour) and the service worker into a built site."""
    for size in ICON_SIZES:
        (site / "assets" / "wb" / f"icon-{size}.png").write_bytes(icon(size, colour, wb_brand.ink_on(colour)))
    (site / "manifest.webmanifest").write_text(manifest(name, description, colour, logo), encoding="utf-8")
    urls = precached(site, directory_urls)
    (site / "sw.js").write_text(service_worker(namespace, version(site), urls, earlier), encoding="utf-8")
