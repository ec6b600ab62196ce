"""The site's colour and logo, for the installed app and for an organisation's own hex colour.

The colour is Material's named primary colour (`theme.palette`, read from Material's
own stylesheet so that it follows an upgrade), or `extra.workbook.colour`, a hex
colour such as "#0b6e4f". A hex colour turns every palette's primary to "custom"
and writes `assets/wb/brand.css`: the header in that colour, with white or black
text (whichever reads better), and links in a shade that reads on the page (4.5:1,
light and dark).
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

import material
from mkdocs.exceptions import PluginError

STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
DEFAULT_PRIMARY = "indigo"
WHITE, BLACK = "#ffffff", "#000000"
SLATE = "#1e2029"  # Material's dark page, hsl(232, 15%, 14%)
CSS = "assets/wb/brand.css"


@dataclass(frozen=True)
class Logo:
    src: str  # relative to the site's root
    type: str
    sizes: str

    @property
    def whole_icon(self) -> bool:
        """Square and large enough to stand for the app on its own."""
        if self.type == "image/svg+xml":
            return True
        width, _, height = self.sizes.partition("x")
        return width == height and int(width) >= 512


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def hex_of(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{round(max(0, min(255, c))):02x}" for c in (red, green, blue))


def luminance(colour: str) -> float:
    def linear(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_on(colour: str) -> str:
    """White or black, whichever reads better on `colour`."""
    return WHITE if contrast(WHITE, colour) >= contrast(BLACK, colour) else BLACK


def readable(colour: str, page: str, ratio: float = 4.5) -> str:
    """`colour`, mixed towards black (on a light page) or white (on a dark one) until it reads on `page`."""
    target = rgb(BLACK if luminance(page) > 0.5 else WHITE)
    for step in range(0, 101):
        mixed = hex_of(*(c + (t - c) * step / 100 for c, t in zip(rgb(colour), target)))
        if contrast(mixed, page) >= ratio:
            return mixed
    return hex_of(*target)


def material_colour(name: str) -> str:
    """The hex of one of Material's named primary colours, as its stylesheet sets it."""
    key = name.lower().replace(" ", "-")
    pattern = re.compile(r"\[data-md-color-primary=" + re.escape(key) + r"\]\{[^}]*--md-primary-fg-color:(#[0-9a-fA-F]{6})")
    for sheet in sorted(STYLESHEETS.glob("palette.*.css")):
        found = pattern.search(sheet.read_text(encoding="utf-8"))
        if found:
            return found.group(1).lower()
    raise PluginError(f"mkdocs.yml, theme.palette.primary: {name!r} is not one of Material's colours")


def palettes(theme) -> list[dict]:
    palette = theme.get("palette") or {}
    return [palette] if isinstance(palette, dict) else [entry for entry in palette if isinstance(entry, dict)]


def use_custom(theme) -> None:
    """Every palette (light and dark) takes the custom primary colour that brand.css sets."""
    entries = palettes(theme)
    if not entries:
        theme["palette"] = entries = [{}]
    for entry in entries:
        entry["primary"] = "custom"


def site_colour(theme, custom: str | None) -> str:
    if custom:
        return custom.lower()
    entries = palettes(theme)
    primary = str(entries[0].get("primary") or DEFAULT_PRIMARY) if entries else DEFAULT_PRIMARY
    return material_colour(DEFAULT_PRIMARY if primary == "custom" else primary)


def brand_css(colour: str) -> str:
    ink = ink_on(colour)
    faded = "#ffffffb3" if ink == WHITE else "#0000008a"
    return (
        "/* Written by hooks/wb_brand.py from extra.workbook.colour in mkdocs.yml. */\n"
        "[data-md-color-primary=custom] {\n"
        f"  --md-primary-fg-color: {colour};\n"
        f"  --md-primary-fg-color--light: {colour};\n"
        f"  --md-primary-fg-color--dark: {readable(colour, WHITE, 3)};\n"
        f"  --md-primary-bg-color: {ink};\n"
        f"  --md-primary-bg-color--light: {faded};\n"
        f"  --md-typeset-a-color: {readable(colour, WHITE)};\n"
        "}\n"
        "[data-md-color-scheme=slate][data-md-color-primary=custom] {\n"
        f"  --md-typeset-a-color: {readable(colour, SLATE)};\n"
        "}\n"
    )


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise PluginError(f"mkdocs.yml, theme.logo: {path.name} is not a PNG file")
    return struct.unpack(">II", head[16:24])


def logo(theme, docs_dir: str) -> Logo | None:
    """The site's logo as an app icon, when it is a PNG or SVG file in docs/."""
    src = theme.get("logo")
    if not src or "://" in src:
        return None
    path = Path(docs_dir) / src
    if not path.is_file():
        raise PluginError(f"mkdocs.yml, theme.logo: {src} is not a file in {docs_dir}")
    if path.suffix.lower() == ".svg":
        return Logo(src, "image/svg+xml", "any")
    if path.suffix.lower() == ".png":
        width, height = png_size(path)
        return Logo(src, "image/png", f"{width}x{height}")
    return None
