"""Build: the site's colour and logo reach the header, the installed app's colour and its icons."""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import build_site, docs_with

import wb_brand


def build(tmp_path: Path, extra: dict | None = None, theme: dict | None = None, pages: dict | None = None) -> Path:
    site = tmp_path / "site"
    docs = docs_with(tmp_path, {})
    for name, data in (pages or {}).items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(data)
    build_site(docs, site, "http://127.0.0.1:8000/", extra={"generator": False, **(extra or {})}, theme=theme)
    return site


def manifest(site: Path) -> dict:
    return json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))


def head(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")


def corner_pixel(png: bytes) -> str:
    """The top-left pixel of one of our (8-bit, filter-free, palette) icons, as a hex colour."""
    assert png[25] == 3, "a palette image"
    length, = struct.unpack(">I", png[png.index(b"PLTE") - 4:png.index(b"PLTE")])
    palette = png[png.index(b"PLTE") + 4:png.index(b"PLTE") + 4 + length]
    data = zlib.decompress(png[png.index(b"IDAT") + 4:])
    return "#" + palette[3 * data[1]:3 * data[1] + 3].hex()


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x10\x60\x40" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_by_default_the_app_takes_materials_indigo_as_the_header_has_it(tmp_path):
    site = build(tmp_path)
    indigo = wb_brand.material_colour("indigo")
    assert re.fullmatch(r"#[0-9a-f]{6}", indigo)
    assert manifest(site)["theme_color"] == indigo
    assert head(site).select_one('meta[name="theme-color"]')["content"] == indigo
    assert corner_pixel((site / "assets/wb/icon-192.png").read_bytes()) == indigo
    assert not (site / wb_brand.CSS).exists()
    assert head(site).select_one('link[rel="apple-touch-icon"]')["href"].endswith("assets/wb/icon-192.png")


def test_a_named_palette_colour_reaches_the_app(tmp_path):
    site = build(tmp_path, theme={"palette": [{"scheme": "default", "primary": "teal"}, {"scheme": "slate", "primary": "teal"}]})
    assert manifest(site)["theme_color"] == wb_brand.material_colour("teal") == "#009485"
    assert corner_pixel((site / "assets/wb/icon-512.png").read_bytes()) == "#009485"


@pytest.mark.parametrize("colour", ["#0B6E4F", "#ffd500"])
def test_a_brands_own_hex_colour_colours_the_header_links_and_app_and_stays_readable(tmp_path, colour):
    site = build(tmp_path, extra={"workbook": {"colour": colour}})
    colour = colour.lower()
    assert manifest(site)["theme_color"] == colour
    assert corner_pixel((site / "assets/wb/icon-192.png").read_bytes()) == colour
    page = head(site)
    assert page.body["data-md-color-primary"] == "custom"
    assert page.select_one(f'link[href$="{wb_brand.CSS}"]') is not None
    css = (site / wb_brand.CSS).read_text(encoding="utf-8")
    assert f"--md-primary-fg-color: {colour};" in css
    ink = re.search(r"--md-primary-bg-color: (#[0-9a-f]{6});", css).group(1)
    assert wb_brand.contrast(ink, colour) >= 4.5, "the header's words read on the brand colour"
    light, dark = re.findall(r"--md-typeset-a-color: (#[0-9a-f]{6});", css)
    assert wb_brand.contrast(light, "#ffffff") >= 4.5 and wb_brand.contrast(dark, wb_brand.SLATE) >= 4.5
    # The icon's book is drawn in the header's ink: white on dark green, black on yellow.
    assert ink == ("#ffffff" if colour == "#0b6e4f" else "#000000")


def test_a_square_logo_becomes_the_apps_icon(tmp_path):
    site = build(tmp_path, theme={"logo": "brand/logo.png"}, pages={"brand/logo.png": png(512, 512)})
    assert manifest(site)["icons"] == [{"src": "brand/logo.png", "sizes": "512x512", "type": "image/png", "purpose": "any"}]


def test_a_small_logo_comes_first_with_the_book_icons_kept_for_larger_screens(tmp_path):
    site = build(tmp_path, theme={"logo": "brand/logo.png"}, pages={"brand/logo.png": png(120, 60)})
    icons = manifest(site)["icons"]
    assert icons[0]["src"] == "brand/logo.png" and icons[0]["sizes"] == "120x60"
    assert [icon["sizes"] for icon in icons[1:]] == ["192x192", "512x512"]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_in_the_browser_the_brand_colour_is_the_headers_and_axe_finds_nothing(tmp_path, browser, scheme):
    from support import free_port, serve
    from pages import assert_accessible

    port = free_port()
    site = tmp_path / "site"
    build_site(docs_with(tmp_path, {}), site, f"http://127.0.0.1:{port}/",
               extra={"generator": False, "workbook": {"colour": "#ffd500"}})
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    with serve(site, port) as url:
        for name in ("", "beginnings/"):
            page.goto(url + name)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(255, 213, 0)"
            assert_accessible(page)
    context.close()
