"""The interface's words: one catalogue per language (hooks/locales), checked by the build.

Every key the code uses is in the English catalogue, and every key there is used: keys are
always written out whole (WB.t('saver.saved'), strings.t("prompt.label")), never built.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort, PluginError

from support import DOCS, ROOT, build_site

HOOKS = ROOT / "hooks"
LOCALES = HOOKS / "locales"
SCRIPTS = ROOT / "overrides" / "assets" / "wb"
TEMPLATES = ROOT / "overrides"

RE_JS_KEY = re.compile(r"""\bWB\.t[nf]?\(\s*['"]([a-z0-9_.]+)['"]""")
RE_PY_KEY = re.compile(r"""\.(?:t|html)\(\s*['"]([a-z0-9_.]+)['"]""")
RE_TEMPLATE_KEY = re.compile(r"""\bwb\.t\(\s*['"]([a-z0-9_.]+)['"]""")
RE_JS_COMMENT = re.compile(r"/\*[\s\S]*?\*/|^\s*//.*$", re.M)
RE_ANY_T = re.compile(r"""\bWB\.t[nf]?\(\s*(?!['"])""")


def english() -> dict:
    import wb_i18n

    return wb_i18n.load("en")[0].texts


def used_keys() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    sources = [(path, RE_JS_KEY, True) for path in sorted(SCRIPTS.glob("*.js"))]
    sources += [(path, RE_PY_KEY, False) for path in sorted(HOOKS.glob("*.py"))]
    sources += [(path, RE_TEMPLATE_KEY, False) for path in sorted(TEMPLATES.rglob("*.html"))]
    for path, pattern, script in sources:
        text = path.read_text(encoding="utf-8")
        for key in pattern.findall(RE_JS_COMMENT.sub("", text) if script else text):
            found.setdefault(key, set()).add(path.name)
    return found


def test_every_key_the_code_uses_is_in_the_english_catalogue():
    texts = english()
    missing = {key: sorted(where) for key, where in used_keys().items() if key not in texts}
    assert not missing


def test_every_key_in_the_english_catalogue_is_used():
    used = used_keys()
    unused = sorted(key for key in english() if key != "locale" and key not in used)
    assert not unused


def test_keys_are_written_out_whole_in_the_scripts():
    built = [
        f"{path.name}:{text[: match.start()].count(chr(10)) + 1}"
        for path in sorted(SCRIPTS.glob("*.js"))
        for text in [RE_JS_COMMENT.sub("", path.read_text(encoding="utf-8"))]
        for match in RE_ANY_T.finditer(text)
    ]
    assert not built
