"""The interface's words: one catalogue per language (hooks/locales), checked by the build.

Every key the code uses is in the English catalogue, and every key there is used: keys are
always written out whole (WB.t('saver.saved'), strings.t("prompt.label")), never built.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort, PluginError

import wb_i18n
from support import DOCS, ROOT, build_site

HOOKS = ROOT / "hooks"
LOCALES = HOOKS / "locales"
KINDS = HOOKS / "kinds"


def scripts() -> list[Path]:
    """Every script of ours: the core's, the lock's, and each kind's in its folder."""
    return sorted(HOOKS.glob("core/*.js")) + sorted(HOOKS.glob("lock/*.js")) + sorted(KINDS.glob("*/*.js"))
TEMPLATES = ROOT / "overrides"

RE_JS_KEY = re.compile(r"""\bWB\.t[nf]?\(\s*['"]([a-z0-9_.]+)['"]""")
RE_PY_KEY = re.compile(r"""\.(?:t|tn)\(\s*['"]([a-z0-9_.]+)['"]""")
RE_TEMPLATE_KEY = re.compile(r"""\bwb\.t\(\s*['"]([a-z0-9_.]+)['"]""")
RE_JS_COMMENT = re.compile(r"/\*[\s\S]*?\*/|^\s*//.*$", re.M)
RE_ANY_T = re.compile(r"""\bWB\.t[nf]?\(\s*(?!['"])""")


def english() -> dict:
    import wb_i18n

    return wb_i18n.load("en")[0].texts


def used_keys() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    sources = [(path, RE_JS_KEY, True) for path in scripts()]
    sources += [(path, RE_PY_KEY, False) for path in sorted(HOOKS.glob("*.py")) + sorted(KINDS.glob("*/block.py"))]
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
        for path in scripts()
        for text in [RE_JS_COMMENT.sub("", path.read_text(encoding="utf-8"))]
        for match in RE_ANY_T.finditer(text)
    ]
    assert not built


# The build: a catalogue is chosen by theme.language, checked against English, or English stands in.


def english_tree() -> dict:
    return yaml.safe_load((LOCALES / "en.yml").read_text(encoding="utf-8"))


def first(tree: dict, counted: bool) -> tuple[str, str]:
    """A group and key of the English catalogue holding a single text (or a count)."""
    for group, texts in tree.items():
        if not isinstance(texts, dict):
            continue
        for key, value in texts.items():
            if isinstance(value, dict) == counted and (not counted or set(value) <= {"zero", "one", "other"}):
                return group, key
    raise AssertionError("the English catalogue has no such text")


def build_in(tmp_path: Path, language: str, catalogues: dict[str, dict]):
    folder = tmp_path / "locales"
    folder.mkdir()
    for name, tree in catalogues.items():
        (folder / f"{name}.yml").write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    return build_site(
        DOCS, tmp_path / "site", None,
        theme={"language": language},
        extra={"generator": False, "workbook": {"locales": str(folder)}},
    )


def refused(tmp_path: Path, caplog, tree: dict) -> str:
    with pytest.raises((PluginError, Abort)) as error:
        build_in(tmp_path, "cy", {"cy": tree})
    return str(error.value) + caplog.text


def test_a_catalogue_edited_between_two_builds_gives_its_new_words(tmp_path):
    """Catalogues and bundles are made again only when their text changes (mkdocs serve rebuilds on each
    edit): an edit between two builds in one process shows, and a build's copy of the words is its own."""
    tree = english_tree()
    cores = []
    for name, words in (("one", "Heb ei gadw."), ("two", "Dim wedi'i gadw.")):
        tree["saver"]["not_saved"] = words  # a status line's words: in every page's core
        (tmp_path / name).mkdir()
        build_in(tmp_path / name, "cy", {"cy": tree})
        cores.append(next((tmp_path / name / "site" / "assets" / "wb").glob("core.*.js")).read_text(encoding="utf-8"))
    assert "Heb ei gadw." in cores[0] and "Dim wedi" in cores[1] and "Heb ei gadw." not in cores[1]
    one = wb_i18n.read(tmp_path / "two" / "locales" / "cy.yml", "cy")
    one.texts.clear()
    assert wb_i18n.read(tmp_path / "two" / "locales" / "cy.yml", "cy").texts["saver.not_saved"] == "Dim wedi'i gadw."


def test_a_catalogue_without_a_key_stops_the_build_naming_the_key(tmp_path, caplog):
    tree = english_tree()
    group, key = first(tree, counted=False)
    del tree[group][key]
    said = refused(tmp_path, caplog, tree)
    assert "cy.yml" in said and f"{group}.{key} is missing" in said


def test_a_catalogue_with_a_key_english_lacks_stops_the_build_naming_it(tmp_path, caplog):
    tree = english_tree()
    group, _ = first(tree, counted=False)
    tree[group]["saved_yesterday_maybe"] = "Wedi'i gadw"
    said = refused(tmp_path, caplog, tree)
    assert f"{group}.saved_yesterday_maybe is not a key English has" in said


def test_a_count_written_as_one_text_or_an_unknown_placeholder_is_refused(tmp_path, caplog):
    tree = english_tree()
    group, key = first(tree, counted=True)
    tree[group][key] = "{count} ateb"
    other_group, other = first(tree, counted=False)
    tree[other_group][other] = "Wedi'i gadw {when_exactly}"
    said = refused(tmp_path, caplog, tree)
    assert f"{group}.{key} must be a count (one:, other:), as in English" in said
    assert f"{other_group}.{other} uses {{when_exactly}}, which English does not" in said


def test_a_language_without_a_catalogue_gets_english_words_and_a_warning_not_an_error(tmp_path, caplog):
    caplog.set_level("INFO", logger="mkdocs.hooks.workbook")
    build_in(tmp_path, "cy", {})
    said = [r.getMessage() for r in caplog.records if r.name == "mkdocs.hooks.workbook"]
    assert any(m.startswith("Warning:") and "'cy'" in m and "copy hooks/locales/en.yml to cy.yml" in m for m in said)
    soup = BeautifulSoup((tmp_path / "site" / "beginnings" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "cy"
    assert soup.select_one(".md-search__input")["placeholder"] == "Chwilio"  # Material's own words, in Welsh
    script = next((tmp_path / "site" / "assets" / "wb").glob("core.*.js")).read_text(encoding="utf-8")
    assert 'locale:"en-GB"' in script  # English words, English dates (the minifier unquotes a plain key)


def test_a_welsh_catalogue_gives_the_pages_and_the_scripts_its_words(tmp_path):
    tree = english_tree()
    tree["locale"] = "cy-GB"
    tree["saver"]["saved_today"] = "Wedi'i gadw heddiw am {time}."
    tree["page"]["app_short_name"] = "Llyfr gwaith"
    tree["prompt"]["no_script_status"] = "Mae angen JavaScript i gadw atebion."
    build_in(tmp_path, "cy", {"cy": tree})
    script = next((tmp_path / "site" / "assets" / "wb").glob("core.*.js")).read_text(encoding="utf-8")
    assert 'locale:"cy-GB"' in script and '"saver.saved_today":"Wedi\'i gadw heddiw am {time}."' in script
    soup = BeautifulSoup((tmp_path / "site" / "beginnings" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("#wb-status-1-1").get_text() == "Mae angen JavaScript i gadw atebion."
    manifest = json.loads((tmp_path / "site" / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["short_name"] == "Llyfr gwaith"  # "Peer Mentoring in Criminal Justice" is too long


@pytest.mark.parametrize(("locale", "plain"), [
    ("en-GB", True), ("cy-GB, en-GB", True), ("hi", True), ("ar-EG", False), ("fa", False), ("en-GB, bn", False), ("not a tag!", False),
])
def test_small_numbers_skip_the_browsers_formatting_only_where_every_locale_writes_0_to_9(locale, plain):
    """The core says so (WB_LATIN_DIGITS) and i18n.js then writes 3 as "3" without waking Intl.NumberFormat."""
    from wb_i18n import latin_digits

    assert latin_digits({"locale": locale}) is plain


def test_a_counts_forms_the_same_as_other_are_sent_once_but_zero_always():
    """i18n.js takes "other" for a form it lacks, and "zero" for 0 before the locale's own form of 0."""
    import wb_bundles

    assert wb_bundles.sent({"one": "{count} of {total}", "other": "{count} of {total}"}) == {"other": "{count} of {total}"}
    assert wb_bundles.sent({"one": "{count} answer", "other": "{count} answers"}) == {"one": "{count} answer", "other": "{count} answers"}
    assert wb_bundles.sent({"zero": "none", "one": "none", "other": "none"}) == {"zero": "none", "other": "none"}
    assert wb_bundles.sent("Saved") == "Saved"
