"""A pseudo-locale for tests: every interface text of the English catalogue wrapped in ⟦…⟧.

A page built with it shows any text that does not come from a catalogue unwrapped: the sweep in
test_browser_i18n.py finds those. By hand: `python tests/pseudo.py /tmp/pseudo-site` builds the
site with it (then serve that folder and look).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
import wb_i18n  # noqa: E402

OPEN, CLOSE = "⟦", "⟧"


def wrapped(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


def pseudo_tree(tree: dict) -> dict:
    """The catalogue's tree with every text wrapped (its locale kept: Intl needs a real one)."""
    out: dict = {}
    for name, value in tree.items():
        if name == "locale" and isinstance(value, str):
            out[name] = value
        elif isinstance(value, str):
            out[name] = wrapped(value)
        else:
            out[name] = pseudo_tree(value)
    return out


def write_pseudo(folder: Path, language: str = "en") -> Path:
    """`<language>.yml` in `folder`: the English catalogue, every text wrapped."""
    tree = yaml.safe_load((wb_i18n.HERE / "en.yml").read_text(encoding="utf-8")) or {}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{language}.yml"
    path.write_text(yaml.safe_dump(pseudo_tree(tree), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_pseudo(site: Path, language: str = "en", site_url: str | None = None, **overrides):
    from support import DOCS, build_site

    folder = site.parent / f"{site.name}-locales"
    write_pseudo(folder, language)
    theme = {"language": language} if language != "en" else None
    extra = {"generator": False, "workbook": {"locales": str(folder)}}
    return build_site(DOCS, site, site_url, theme=theme, extra=extra, **overrides)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    build_pseudo(Path(sys.argv[1]).resolve(), *(sys.argv[2:3] or ["en"]))
    print(f"built {sys.argv[1]} with the pseudo-locale")
