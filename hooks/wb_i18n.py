"""The workbook's own interface words, one catalogue per language (Material translates its own).

The catalogue is chosen by Material's `theme.language`: `<language>.yml` from the folder named by
`extra.workbook.locales` (an organisation's own, kept apart from the code), else from
`hooks/locales/`. English (`en.yml`) is the reference: a catalogue with a key English lacks, or
without one English has, stops the build naming the key. A language with no catalogue falls back
to English, with a warning.

A catalogue is YAML, grouped by the part of the site that shows the words:

    saver:
      saved_today: "Saved today at {time}."
      answered:                 # a count: one form per plural category of the language
        one: "{count} answer"
        other: "{count} answers"

Placeholders are `{name}`; a translation may use only those the English uses. Counts, dates and
plurals are made by the browser's `Intl` for the page's language (`i18n.js`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml
from babel import Locale, UnknownLocaleError
from markdown.util import AtomicString
from mkdocs.exceptions import PluginError

HERE = Path(__file__).resolve().parent / "locales"
ENGLISH = "en"
# The CLDR plural categories Intl.PluralRules gives.
PLURAL = frozenset(("zero", "one", "two", "few", "many", "other"))
RE_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
RE_KEY = re.compile(r"^[a-z][a-z0-9_]*$")

Text = Union[str, dict]


class CatalogueError(PluginError):
    pass


@dataclass(frozen=True)
class Catalogue:
    """Flat keys ("saver.saved_today") to a text, or to {plural category: text}."""

    language: str
    texts: dict[str, Text] = field(default_factory=dict)

    def t(self, key: str, **values: Any) -> str:
        """The text of `key` with its placeholders filled; an unknown key is a mistake in the code."""
        found = self.texts.get(key)
        if not isinstance(found, str):
            raise KeyError(f"no interface text {key!r} in the {self.language!r} catalogue")
        # Interface words are text, not Markdown (scripts show them as they are): an AtomicString, which
        # Markdown's inline patterns leave alone, so the blocks' labels and buttons cost no inline parsing.
        return AtomicString(fill(found, values))

    def tn(self, key: str, count: int, **values: Any) -> str:
        """A count's text ({one: …, other: …}) in the plural form of the catalogue's locale, {count} filled."""
        forms = self.texts.get(key)
        if not isinstance(forms, dict):
            raise KeyError(f"no counted interface text {key!r} in the {self.language!r} catalogue")
        form = forms.get("zero") if count == 0 and "zero" in forms else forms.get(plural_form(self.texts, count))
        return AtomicString(fill(form if isinstance(form, str) else forms["other"], {**values, "count": count}))


def plural_form(texts: dict[str, Text], count: int) -> str:
    """CLDR's plural category of `count` in the catalogue's locale (as Intl.PluralRules gives it in the browser)."""
    tag = texts.get("locale")
    try:
        first = tag.split(",")[0].strip() if isinstance(tag, str) else ENGLISH  # "cy-GB, en-GB": the first
        return Locale.parse(first, sep="-").plural_form(count)
    except (UnknownLocaleError, ValueError):
        return Locale("en").plural_form(count)


def latin_digits(texts: dict[str, Text]) -> bool:
    """Do the catalogue's locales (each of "cy-GB, en-GB") write numbers in 0-9 by default? Then the browser
    need not wake its number formatting (tens of milliseconds on a slow phone) for a small whole number."""
    tag = texts.get("locale")
    tags = [part.strip() for part in tag.split(",")] if isinstance(tag, str) else [ENGLISH]
    try:
        return all(Locale.parse(one, sep="-").default_numbering_system == "latn" for one in tags)
    except (UnknownLocaleError, ValueError):
        return False


def fill(text: str, values: dict[str, Any]) -> str:
    def one(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"the text {text!r} needs a value for {{{name}}}")
        return str(values[name])

    return RE_PLACEHOLDER.sub(one, text)


def flatten(tree: Any, where: str, prefix: str = "") -> dict[str, Text]:
    """{"saver": {"saved": "…"}} as {"saver.saved": "…"}; a mapping of plural categories is one text."""
    if not isinstance(tree, dict):
        raise CatalogueError(f"{where}: must be groups of texts (YAML keys), found {type(tree).__name__}")
    flat: dict[str, Text] = {}
    for name, value in tree.items():
        key = f"{prefix}{name}"
        if not isinstance(name, str) or not RE_KEY.match(name):
            raise CatalogueError(f"{where}: {key!r} is not a key (lower-case letters, digits and _)")
        if isinstance(value, str):
            flat[key] = value
        elif isinstance(value, dict) and value and set(value) <= PLURAL:
            if "other" not in value or not all(isinstance(form, str) for form in value.values()):
                raise CatalogueError(f"{where}: {key} is a count, and needs an 'other' text (and texts only)")
            flat[key] = dict(value)
        elif isinstance(value, dict):
            flat.update(flatten(value, where, key + "."))
        else:
            raise CatalogueError(f"{where}: {key} must be a text (in quotes if it holds a colon)")
    return flat


def read(path: Path, language: str) -> Catalogue:
    return Catalogue(language, dict(parsed(path.read_text(encoding="utf-8"), str(path))))


@functools.lru_cache(maxsize=16)
def parsed(text: str, where: str) -> dict[str, Text]:
    """A catalogue's texts by key: read again only when its file changes (`mkdocs serve` rebuilds on each edit).
    Callers copy it (read); its count texts are not changed by anyone."""
    try:
        # libyaml's safe loader where PyYAML has it (ten times faster), else PyYAML's own.
        tree = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise CatalogueError(f"{where}: is not readable YAML: {error}") from None
    return flatten(tree or {}, where)


def placeholders(text: Text) -> set[str]:
    forms = text.values() if isinstance(text, dict) else (text,)
    return {name for form in forms for name in RE_PLACEHOLDER.findall(form)}


def check(found: Catalogue, english: Catalogue, where: Path) -> None:
    """Refuse a catalogue that differs from English in its keys, kinds or placeholders, naming each."""
    problems = [f"{key} is missing" for key in english.texts if key not in found.texts]
    problems += [f"{key} is not a key English has" for key in found.texts if key not in english.texts]
    for key, text in found.texts.items():
        if key not in english.texts:
            continue
        if isinstance(text, dict) != isinstance(english.texts[key], dict):
            kind = "a count (one:, other:)" if isinstance(english.texts[key], dict) else "a single text"
            problems.append(f"{key} must be {kind}, as in English")
        extra = placeholders(text) - placeholders(english.texts[key])
        if extra:
            problems.append(f"{key} uses {', '.join('{' + n + '}' for n in sorted(extra))}, which English does not")
    if problems:
        raise CatalogueError(f"{where}: the catalogue does not match English (en.yml): " + "; ".join(problems))


def folders(own: Path | None) -> list[Path]:
    return [own, HERE] if own else [HERE]


def find(language: str, own: Path | None) -> Path | None:
    for folder in folders(own):
        if (folder / f"{language}.yml").is_file():
            return folder / f"{language}.yml"
    return None


def load(language: str, own: Path | None = None) -> tuple[Catalogue, str | None]:
    """The catalogue for `language`, checked against English, and a warning when English stands in."""
    english_path = find(ENGLISH, own)
    if english_path is None:
        raise CatalogueError(f"no English catalogue (en.yml) in {', '.join(map(str, folders(own)))}")
    english = read(english_path, ENGLISH)
    if english_path != HERE / "en.yml":
        check(english, read(HERE / "en.yml", ENGLISH), english_path)
    if language == ENGLISH:
        return english, None
    path = find(language, own)
    if path is None:
        return Catalogue(ENGLISH, english.texts), (
            f"there is no catalogue of the workbook's interface words for theme.language {language!r}, so they "
            f"are in English. To translate them, copy hooks/locales/en.yml to {language}.yml "
            f"(in {own or HERE}) and translate each text."
        )
    found = read(path, language)
    check(found, english, path)
    return found, None


_english: list[Catalogue] = []


def english() -> Catalogue:
    """The English catalogue, for Markdown rendered outside a build (unit tests)."""
    if not _english:
        _english.append(load(ENGLISH)[0])
    return _english[0]
