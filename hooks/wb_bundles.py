"""Our scripts as build-time bundles: a core every page loads, one per kind of answer, one for My answers.

The bundle lists below are the one place that says which script goes where and in which order
it runs: a new script goes into the bundle of the pages that use it. A page's <script> tags are
the core, then the bundles of the modules it holds (the prompts the blocks recorded, and My
answers), in the order of BUNDLES. The core carries a map of the other bundles' files
(`window.WB_BUNDLES`, by module): main.js loads from it what a page reached by Material's
instant navigation lacks (that navigation runs none of the new page's scripts), and the
contracts of kinds whose answers the navigation's "3 of 8" needs.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import rjsmin

from wb_i18n import Text

# Every page: the interface's words, storage, the lock (its bar shows on every page; unlocking
# converts stored photos too, hence the photo store), saving, text prompts, versions, the loader
# of other bundles (need.js), and main.js (which starts the modules), last.
CORE = (
    "i18n.js", "locked.js", "vault-crypto.js", "vault.js", "vault-session.js",
    "storage.js", "journal.js", "photostore.js", "saver.js", "answer.js",
    "versions.js", "versions-panel.js", "lock.js", "need.js", "main.js",
)
# The bundle of each module a page may hold (its data-module), in the order pages load them.
BUNDLES: dict[str, tuple[str, ...]] = {
    "wb-list": ("list.js",),
    "wb-drawing": ("drawing.js",),
    "wb-photos": ("photos.js",),
    "wb-ladder": ("ladder.js",),
    "wb-review": (
        "versions-review.js", "backup.js", "copies.js", "banner.js", "summary.js", "print.js", "review.js",
        "review-dialog.js", "review-list.js", "review-backup.js", "review-restore.js", "review-apply.js",
        "review-undo.js", "review-copies.js", "review-clear.js",
    ),
}
# Bundles a bundle needs loaded before it: My answers shows, restores and copies every kind of answer.
NEEDS: dict[str, tuple[str, ...]] = {"wb-review": ("wb-list", "wb-drawing", "wb-photos", "wb-ladder")}
SCRIPTS = CORE + tuple(name for names in BUNDLES.values() for name in names)
FOLDER = "assets/wb"
# A quoted word that may be a text's key ('saver.saved_today').
RE_QUOTED = re.compile(r"""['"]([a-z0-9_.]+)['"]""")
# Texts i18n.js reads itself (the rest through WB.t, WB.tn, WB.tf).
ALWAYS_SENT = ("locale",)


@dataclass(frozen=True)
class Bundle:
    """One file readers get: its minified text and its path in the site (named by its content)."""

    text: str
    path: str

    @property
    def file(self) -> str:
        return self.path.rsplit("/", 1)[-1]


def bundle(stem: str, parts: list[str]) -> Bundle:
    text = rjsmin.jsmin("\n".join(parts))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return Bundle(text, f"{FOLDER}/{stem}.{digest}.js")


def stem(module: str) -> str:
    """The file name of a module's bundle: "wb-list" -> "list"."""
    return module.removeprefix("wb-")


def order(modules: set[str]) -> list[str]:
    """The bundles for these modules and those they need, in load order (core left out)."""
    unknown = modules - set(BUNDLES) - {"wb-answer"}
    if unknown:
        raise ValueError(f"no bundle holds the module(s) {', '.join(sorted(unknown))}: add them to wb_bundles.BUNDLES")
    wanted = set(modules) | {need for module in modules for need in NEEDS.get(module, ())}
    return [module for module in BUNDLES if module in wanted]


@dataclass(frozen=True)
class Bundles:
    """The bundles of one build."""

    core: Bundle
    modules: dict[str, Bundle]

    def for_page(self, modules: set[str]) -> list[str]:
        """The paths of the bundles a page with these modules loads, core first."""
        return [self.core.path] + [self.modules[module].path for module in order(modules)]

    def all(self) -> list[Bundle]:
        return [self.core, *self.modules.values()]


def as_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).replace("<", "\\u003c")


def split_catalogue(texts: dict[str, Text], sources: dict[str, str]) -> dict[str, dict[str, Text]]:
    """The interface's words by bundle ("core" and each module): a text goes with the one bundle whose
    scripts alone name it (scripts name every text whole, which tests/test_i18n.py checks), a text several name
    stays in the core, and one no script names (the pages' own words) is not sent."""
    parts: dict[str, dict[str, Text]] = {"core": {}, **{module: {} for module in BUNDLES}}
    named = {name: set(RE_QUOTED.findall(code)) for name, code in sources.items()}
    for key, text in texts.items():
        users = [name for name, keys in named.items() if key in keys]
        if users or key in ALWAYS_SENT:
            parts[users[0] if len(users) == 1 else "core"][key] = text
    return parts


def make(texts: dict[str, Text], source: Path) -> Bundles:
    """Every bundle, from the scripts in `source` and the interface's words (i18n.js reads WB_STRINGS:
    the core's texts go in front of it, and each other bundle adds its own)."""
    def read(names: tuple[str, ...]) -> list[str]:
        return [(source / name).read_text(encoding="utf-8") for name in names]

    code = {"core": read(CORE), **{module: read(names) for module, names in BUNDLES.items()}}
    # `mkdocs serve` rebuilds: the same scripts and words make the same bundles (kept in this process only).
    key = (as_json(texts), json.dumps(code))
    if key in _made:
        return _made[key]
    _made.clear()
    _made[key] = made = _make(texts, code)
    return made


_made: dict[tuple[str, str], Bundles] = {}


def _make(texts: dict[str, Text], code: dict[str, list[str]]) -> Bundles:
    words = split_catalogue(texts, {name: "\n".join(parts) for name, parts in code.items()})
    modules = {
        module: bundle(stem(module), [f"Object.assign(window.WB_STRINGS=window.WB_STRINGS||{{}},{as_json(words[module])});\n", *code[module]])
        for module in BUNDLES
    }
    files = {module: [modules[other].file for other in order({module})] for module in BUNDLES}
    front = f"window.WB_STRINGS={as_json(words['core'])};\nwindow.WB_BUNDLES={as_json(files)};\n"
    return Bundles(bundle("core", [front, *code["core"]]), modules)
