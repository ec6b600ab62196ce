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

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import minify
import rcssmin

import kinds
from wb_i18n import Text, latin_digits

# Every page: the interface's words, storage, saving, text prompts, the loader of other bundles
# (need.js), and main.js (which starts the modules), last.
CORE = ("i18n.js", "storage.js", "journal.js", "saver.js", "answer.js", "need.js", "main.js")
# In the core of a site whose answers may be under an earlier namespace (its pages name it), after storage.js.
MIGRATE = "migrate.js"
# Bundles no element names: why an answer is not saved and the ways out, with copying to the clipboard
# (saver.js and main.js load it when an answer cannot be saved or words are kept aside; the versions and My
# answers copy with it), the versions kept of answers (saver.js loads it where a prompt has some, or at the
# first "Keep this version"), the notes about keeping answers (main.js loads it when one is due: the backup
# reminder, WebKit's 7-day rule, the offline folder), the photo store (photos, the lock and My answers keep
# pictures in it), the lock (main.js loads it where the lock is on, or another tab turns it on), and keeping a
# question opened by its link in view as the page fills in (main.js loads it in WebKit, which has no scroll anchoring).
SHARED: dict[str, tuple[str, ...]] = {
    "wb-problems": ("problems.js",),
    "wb-versions": ("versions.js", "versions-panel.js"),
    "wb-notices": ("notices.js",),
    "wb-photostore": ("photostore.js",),
    "wb-lock": ("locked.js", "vault-crypto.js", "vault.js", "vault-session.js", "lock.js"),
    "wb-place": ("place.js",),
}
# The bundle of each module a page may hold (its data-module), in the order pages load them: the shared
# ones, then the kinds' scripts from their folders (hooks/kinds/__init__.py; the text kind's are in CORE).
BUNDLES: dict[str, tuple[str, ...]] = {**SHARED, **{kind.module: kind.scripts for kind in kinds.bundled()}}
# Bundles a bundle needs loaded before it (and what those need): the lock seals and opens the photos too;
# a kind's own needs are in its registry line (My answers: the lock's settings and every kind of answer).
NEEDS: dict[str, tuple[str, ...]] = {
    "wb-versions": ("wb-problems",),
    "wb-lock": ("wb-photostore",),
    **{kind.module: kind.needs for kind in kinds.bundled() if kind.needs},
}
# The core's scripts and styles (every page), and the lock's; each kind's are in its folder (hooks/kinds).
CORE_DIR = Path(__file__).resolve().parent / "core"
LOCK_DIR = Path(__file__).resolve().parent / "lock"
SCRIPTS = CORE + (MIGRATE,) + tuple(name for names in BUNDLES.values() for name in names)
FOLDER = "assets/wb"
# The name of a page's bundles joined into one file (one_file).
JOINED = "page"
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


@functools.lru_cache(maxsize=64)
def minified(joined: str, suffix: str) -> str:
    """A bundle's text, minified: made again only when its sources or words change (`mkdocs serve` rebuilds on each edit)."""
    return minify.string("application/javascript", joined) if suffix == "js" else rcssmin.cssmin(joined)


def bundle(stem: str, parts: list[str], suffix: str = "js") -> Bundle:
    return named(stem, minified("\n".join(parts), suffix), suffix)


def named(stem: str, text: str, suffix: str) -> Bundle:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return Bundle(text, f"{FOLDER}/{stem}.{digest}.{suffix}")


def is_joined(url: str) -> bool:
    """A file that joins a page's bundles (one_file): its scripts get no preload hint (wb_security), for instant
    navigation copies the next page's <head> into the page, and would fetch them for nothing (need.js loads bundles
    one by one); figures and checks that count each bundle once leave it out."""
    return url.rsplit("/", 1)[-1].startswith(f"{JOINED}.")


def one_file(made: dict[tuple[str, ...], Bundle], bundles: list[Bundle], suffix: str) -> list[Bundle]:
    """A page's bundles beyond the core, as one file where it has several (each made once a build, in `made`). On a
    slow phone connection every file is one more wait before the page shows: My answers had ten stylesheets and eleven
    scripts of ours, and one of each shows it about 0.3 s sooner in Lighthouse (slow 4G), its largest text 0.4 s. Each bundle's own file stays, for need.js, which loads
    what a page reached by instant navigation lacks; the joined file holds each bundle's last line (loaded_mark)."""
    if len(bundles) < 2:
        return bundles
    key = tuple(one.path for one in bundles)
    if key not in made:
        made[key] = named(JOINED, "\n".join(one.text for one in bundles), suffix)
    return [made[key]]


def scripts_by_name() -> dict[str, Path]:
    """Every script of ours by its name (names are unique): the core's, the lock's, each kind's."""
    found: dict[str, Path] = {}
    for folder in (CORE_DIR, LOCK_DIR, *(kind.folder for kind in kinds.KINDS)):
        for path in folder.glob("*.js"):
            if path.name in found:
                raise ValueError(f"two scripts are named {path.name}: {found[path.name]} and {path}")
            found[path.name] = path
    missing = set(SCRIPTS) - set(found)
    if missing:
        raise FileNotFoundError(f"no folder of hooks/core, hooks/lock or hooks/kinds holds {', '.join(sorted(missing))}")
    return found


def stem(module: str) -> str:
    """The file name of a module's bundle: "wb-list" -> "list"."""
    return module.removeprefix("wb-")


def order(modules: set[str]) -> list[str]:
    """The bundles for these modules and those they need, in load order (core left out)."""
    unknown = modules - set(BUNDLES) - {"wb-answer"}
    if unknown:
        raise ValueError(f"no bundle holds the module(s) {', '.join(sorted(unknown))}: add them to wb_bundles.BUNDLES")
    wanted = set(modules)
    while True:
        more = wanted | {need for module in wanted for need in NEEDS.get(module, ())}
        if more == wanted:
            break
        wanted = more
    return [module for module in BUNDLES if module in wanted]


@dataclass(frozen=True)
class Bundles:
    """The bundles of one build."""

    core: Bundle
    modules: dict[str, Bundle]
    styles: Styles
    joined: dict[tuple[str, ...], Bundle] = field(default_factory=dict)

    def for_page(self, modules: set[str]) -> list[str]:
        """The paths of the scripts a page with these modules loads: the core, then its bundles in order (one_file)."""
        return [self.core.path] + [one.path for one in one_file(self.joined, [self.modules[m] for m in order(modules)], "js")]

    def all(self) -> list[Bundle]:
        return [self.core, *self.modules.values(), *self.joined.values(), *self.styles.all()]


def as_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).replace("<", "\\u003c")


def split_catalogue(texts: dict[str, Text], sources: dict[str, str]) -> dict[str, dict[str, Text]]:
    """The interface's words by bundle ("core" and each module): a text goes with the one bundle whose
    scripts alone name it (scripts name every text whole, which tests/test_i18n.py checks), a text several name
    stays in the core, and one no script names (the pages' own words) is not sent."""
    parts: dict[str, dict[str, Text]] = {"core": {}, **{module: {} for module in BUNDLES}}
    named: dict[str, list[str]] = {}
    for name, code in sources.items():
        for key in quoted_words(code) & texts.keys():
            named.setdefault(key, []).append(name)
    for key, text in texts.items():
        users = named.get(key, [])
        if users or key in ALWAYS_SENT:
            parts[users[0] if len(users) == 1 else "core"][key] = sent(text)
    return parts


@functools.lru_cache(maxsize=64)
def quoted_words(code: str) -> frozenset[str]:
    """The quoted words of a bundle's scripts that may be texts' keys: read again only when they change."""
    return frozenset(RE_QUOTED.findall(code))


def sent(text: Text) -> Text:
    """A count's forms as sent: those the same as "other" left out (i18n.js takes "other" for a form it lacks),
    but "zero", which i18n.js prefers, for 0, to the locale's own form of 0."""
    if not isinstance(text, dict):
        return text
    return {form: words for form, words in text.items() if form in ("zero", "other") or words != text.get("other")}


def loaded_mark(module: str) -> str:
    """A bundle's last line: all its code has run (need.js then loads it no more)."""
    return f"(window.WB_LOADED=window.WB_LOADED||{{}})[{as_json(module)}]=true;"


def core_scripts(migrate: bool) -> tuple[str, ...]:
    """The core's scripts in load order; with `migrate` (the site had an earlier namespace), migrate.js after storage.js."""
    if not migrate:
        return CORE
    at = CORE.index("storage.js") + 1
    return CORE[:at] + (MIGRATE,) + CORE[at:]


def make(texts: dict[str, Text], migrate: bool = False) -> Bundles:
    """Every bundle, from the scripts in their folders and the interface's words (i18n.js reads WB_STRINGS:
    the core's texts go in front of it, and each other bundle adds its own); `migrate`: see core_scripts."""
    where = scripts_by_name()

    def read(names: tuple[str, ...]) -> list[str]:
        return [where[name].read_text(encoding="utf-8") for name in names]

    code = {"core": read(core_scripts(migrate)), **{module: read(names) for module, names in BUNDLES.items()}}
    words = split_catalogue(texts, {name: "\n".join(parts) for name, parts in code.items()})
    modules = {
        module: bundle(stem(module), [f"Object.assign(window.WB_STRINGS=window.WB_STRINGS||{{}},{as_json(words[module])});\n",
                                      *code[module], loaded_mark(module)])
        for module in BUNDLES
    }
    files = {module: [modules[other].file for other in order({module})] for module in BUNDLES}
    styles = make_styles()
    digits = "window.WB_LATIN_DIGITS=true;\n" if latin_digits(texts) else ""
    front = f"window.WB_STRINGS={as_json(words['core'])};\n{digits}window.WB_BUNDLES={as_json(files)};\n{styles.script()}\n"
    return Bundles(bundle("core", [front, *code["core"]]), modules, styles)


# ---- stylesheets: the core's (every page), and each kind's with its bundle -------------------------
CORE_STYLES = "core.css"
# The shared bundles' stylesheets (each kind's are in its registry line): linked with their bundle's code, loaded before it.
SHARED_STYLES: dict[str, tuple[Path, ...]] = {
    "wb-problems": (CORE_DIR / "problems.css",),
    "wb-versions": (CORE_DIR / "versions.css",),
    "wb-notices": (CORE_DIR / "notices.css",),
    "wb-lock": (LOCK_DIR / "lock.css",),
}


@dataclass(frozen=True)
class Styles:
    """The stylesheets of one build: the core's, and each bundle's that has styles (a kind's files, joined)."""

    core: Bundle
    modules: dict[str, Bundle]
    joined: dict[tuple[str, ...], Bundle] = field(default_factory=dict)

    def for_page(self, modules: set[str]) -> list[str]:
        """The paths of the stylesheets a page with these modules links: the core's, then its bundles' in the order
        of BUNDLES (one_file)."""
        own = [self.modules[module] for module in order(modules) if module in self.modules]
        return [self.core.path] + [one.path for one in one_file(self.joined, own, "css")]

    def all(self) -> list[Bundle]:
        return [self.core, *self.modules.values(), *self.joined.values()]

    def script(self) -> str:
        """For need.js: each module's stylesheets (with those of the bundles it needs), and the cascade's order."""
        files = {module: [self.modules[other].file for other in order({module}) if other in self.modules] for module in BUNDLES}
        files = {module: found for module, found in files.items() if found}  # none: need.js reads it as []
        ranked = [self.core.file, *(self.modules[module].file for module in BUNDLES if module in self.modules)]
        return f"window.WB_STYLES={as_json({'files': files, 'order': ranked})};"


def make_styles() -> Styles:
    """The core's stylesheet, the shared bundles' and each kind's (in its folder), minified, named by their content."""
    def read(kind: kinds.Kind) -> list[str]:
        return [(kind.folder / name).read_text(encoding="utf-8") for name in kind.styles]

    core = bundle("core", [(CORE_DIR / CORE_STYLES).read_text(encoding="utf-8")], "css")
    parts = {module: [path.read_text(encoding="utf-8") for path in paths] for module, paths in SHARED_STYLES.items()}
    parts.update({kind.module: read(kind) for kind in kinds.bundled() if kind.styles})
    return Styles(core, {module: bundle(stem(module), parts[module], "css") for module in BUNDLES if module in parts})
