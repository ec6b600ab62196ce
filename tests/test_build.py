"""Build: the real mkdocs.yml builds strict, and the HTML holds the whole workbook."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort, PluginError
from support import CONFIG, ROOT, SOURCE, build_site, docs_with

import wb_bundles
import wb_namespace
import wb_prompts

SECTION_PAGES = [
    "beginnings",
    "mentoring-in-criminal-justice",
    "theory",
    "identity",
    "self-confidence",
    "peer-mentoring-approach",
    "change",
    "power",
    "endings",
]
RE_SOURCE_PROMPT = re.compile(r"^\s*(\d+\.\d+)\.?\s+(\S.*?)\s*$")


def source_prompts() -> dict[str, str]:
    """Prompt number -> its first line of words, read from the workbook's own text."""
    prompts = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        match = RE_SOURCE_PROMPT.match(line)
        if match:
            assert match.group(1) not in prompts, f"source repeats {match.group(1)}"
            prompts[match.group(1)] = match.group(2)
    return prompts


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("real") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(CONFIG), "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    return site


def page(site: Path, name: str) -> BeautifulSoup:
    path = site / name / "index.html" if name else site / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def all_pages(site: Path) -> dict[str, BeautifulSoup]:
    return {name: page(site, name) for name in ["", *SECTION_PAGES]}


def test_the_source_has_59_prompts():
    assert len(source_prompts()) == 59


def test_every_prompt_of_the_workbook_is_on_the_site_once_as_a_labelled_box(built):
    expected = source_prompts()
    found = Counter()
    for name, soup in all_pages(built).items():
        for root in soup.select("[data-wb-prompt]"):
            prompt_id = root["data-wb-prompt"]
            found[prompt_id] += 1
            words = squash(root.select_one("h3.wb-prompt__heading").get_text(" "))
            assert words.startswith(f"{prompt_id} {squash(expected[prompt_id])}"), (prompt_id, words)
            for box in root.select("textarea, input"):
                label = box.find_parent("label") or soup.select_one(f'label[for="{box["id"]}"]')
                assert label is not None and squash(label.get_text(" ")), (prompt_id, box)
            if root["data-module"] == "wb-answer":
                box = root.select_one("textarea")
                label = soup.select(f'label[for="{box["id"]}"]')
                assert len(label) == 1 and squash(label[0].get_text(" ")) == words, prompt_id
    assert sorted(found) == sorted(expected)
    assert set(found.values()) == {1}


# What each prompt's words ask for (issue: answers that fit the prompt); all others are text boxes.
FITTING = {
    "2.6": "drawing", "3.9": "drawing", "3.10": "drawing", "5.1": "drawing", "3.3": "capitals", "7.2": "letter",
    "4.1": "list", "6.3": "list", "7.5": "list", "5.4": "photos", "8.6": "ladder",
}


def test_every_prompt_offers_the_answer_its_words_ask_for(built):
    kinds = {}
    for soup in all_pages(built).values():
        for root in soup.select("[data-wb-prompt]"):
            modifier = [c.removeprefix("wb-prompt--") for c in root["class"] if c.startswith("wb-prompt--")]
            kinds[root["data-wb-prompt"]] = modifier[0] if modifier else root["data-module"].removeprefix("wb-")
    assert {k: v for k, v in kinds.items() if v != "answer"} == FITTING
    photos = page(built, "self-confidence").select_one('[data-wb-prompt="5.4"]')
    assert photos["data-module"] == "wb-photos" and photos.select_one("ol.wb-photos__grid") is not None
    assert page(built, "my-answers").select_one('[data-wb-review-prompt="5.4"]')["data-wb-kind"] == "wb-photos"


def test_every_page_knows_which_prompts_each_page_holds_for_the_navigation(built):
    for name in ["", "theory", "my-answers"]:
        data = json.loads(page(built, name).select_one('script#wb-sections[type="application/json"]').string)
        assert [prompt for prompts in data.values() for prompt, _ in prompts] == list(source_prompts())
        assert data["self-confidence/"][3] == ["5.4", "wb-photos"]


def test_each_page_of_prompts_has_an_empty_mark_for_its_count_in_the_navigation(built):
    """main.js writes "3 of 8" into it; the room is kept from the first paint, so no title re-wraps as it comes."""
    links = page(built, "beginnings").select("nav.md-nav--primary > ul > li > a")
    marked = [squash(a.select_one(".md-ellipsis").get_text()) for a in links if a.select_one(".md-status--wb-progress")]
    assert marked == [squash(a.get_text()) for a in links][1:10]  # the nine sections, not Home nor My answers
    assert all(mark.get_text() == "" for mark in page(built, "beginnings").select(".md-status--wb-progress"))


def test_a_page_of_prompts_with_its_own_status_fails_the_build(tmp_path, caplog):
    with pytest.raises((PluginError, Abort)) as error:
        build_with(tmp_path, {"extra.md": "---\nstatus: new\n---\n# A\n\n/// prompt | 99.1\nWhat now?\n///\n"})
    assert "remove 'status: new'" in str(error.value) + caplog.text


def test_prompts_are_in_workbook_order_on_their_section_pages(built):
    for number, name in enumerate(SECTION_PAGES, start=1):
        ids = [el["data-wb-prompt"] for el in page(built, name).select("[data-wb-prompt]")]
        expected = sorted((i for i in source_prompts() if i.startswith(f"{number}.")),
                          key=lambda i: int(i.split(".")[1]))
        assert ids == expected, name


def test_no_block_fell_through_as_literal_text(built):
    for name, soup in all_pages(built).items():
        article = soup.select_one("article")
        assert "///" not in article.get_text(), name


def test_ids_are_unique_on_every_page_and_prompt_ids_across_the_site(built):
    site_wide = Counter()
    for name, soup in all_pages(built).items():
        ids = Counter(el["id"] for el in soup.select("[id]"))
        assert [i for i, n in ids.items() if n > 1] == [], name
        site_wide.update(el["id"] for el in soup.select("[data-wb-prompt] [id]"))
    assert [i for i, n in site_wide.items() if n > 1] == []


def test_the_workbook_words_are_all_there(built):
    """Every line of the source, less conversion debris, is in the site's text."""
    site_text = " ".join(
        squash(soup.select_one("article").get_text(" ")) for soup in all_pages(built).values()
    )
    site_text = squash(site_text)
    missing = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        text = re.sub(r"\[bookmark: [^\]]*\]", "", line)
        text = re.sub(r"\t\d+\s*$", "", text)  # Contents page numbers
        text = squash(text)
        match = RE_SOURCE_PROMPT.match(text)
        if match:
            text = match.group(2)
        if not text or set(text) <= {"_"} or text == "Contents":
            continue
        if text.startswith(("Section One", "Section Three")) or "Reflections on" in text:
            text = text.replace(" – ", " ").replace(":", "")
            if squash(text) in site_text.replace(" – ", " ").replace(":", ""):
                continue
        if text not in site_text:
            missing.append(text)
    assert missing == []


def test_no_debris_is_left(built):
    for name, soup in all_pages(built).items():
        text = soup.select_one("article").get_text()
        assert "[bookmark" not in text and "\t" not in text, name
        assert "  " not in squash(text), name


def test_section_pages_have_their_titles_in_navigation(built):
    soup = page(built, "")
    titles = [squash(a.get_text()) for a in soup.select("nav.md-nav--primary > ul > li > a")]
    assert titles[0] == "Home"
    assert len(titles) == 11
    assert titles[1] == "1. Reflections on Beginnings"
    assert titles[9] == "9. Reflections on Endings"
    assert titles[10] == "My answers"
    h1s = [squash(page(built, n).select_one("article h1").get_text()) for n in SECTION_PAGES]
    assert h1s[1] == "Section Two – Reflections on Mentoring in Criminal Justice"
    assert h1s[6] == "Section Seven – Reflections on Change"


def test_the_links_of_the_workbook_are_real_links(built):
    hrefs = {a["href"] for soup in all_pages(built).values() for a in soup.select("article a[href]")}
    for href in ["https://www.clinks.org", "https://www.crimvol.org/", "https://www.lexmovement.org",
                 "https://hubofhope.co.uk", "tel:116123"]:
        assert href in hrefs


def test_the_home_page_says_where_answers_live_and_where_to_get_support(built):
    text = squash(page(built, "").select_one("article").get_text(" "))
    assert "call the Samaritans free on 116 123" in text
    assert "only in this browser on this device" in text
    assert "private or incognito window" in text and "Safari" in text


def test_the_ladder_is_a_widget_of_eight_rungs_in_three_bands_with_its_caption(built):
    ladder = page(built, "power").select_one("[data-module=wb-ladder]")
    assert ladder["data-wb-prompt"] == "8.6"
    assert [squash(b.get_text()) for b in ladder.select(".wb-ladder__band-name")] == [
        "Degrees of citizen power", "Degrees of tokenism", "Nonparticipation"]
    rungs = ladder.select(".wb-ladder__rung[data-wb-rung]:not(.wb-ladder__rung--none)")
    assert [r["data-wb-rung"] for r in rungs] == ["8", "7", "6", "5", "4", "3", "2", "1"]
    assert squash(rungs[0].select_one(".wb-ladder__words").get_text()).startswith(
        "People with lived experience control and run")
    assert [squash(r.select_one(".wb-ladder__arnstein").get_text()).removeprefix("Arnstein’s name: ")
            for r in rungs] == [
        "Citizen control", "Delegated power", "Partnership", "Placation",
        "Consultation", "Informing", "Therapy", "Manipulation"]
    assert squash(ladder.select_one(".wb-ladder__caption").get_text()) == (
        "Table 1. Adapted from Arnstein’s ladder of citizen participation (1969)."
    )
    # Two native radio groups of 8 rungs plus "not placed yet", which is chosen at first.
    for question in ("now", "hope"):
        radios = ladder.select(f'input[type=radio][name="wb-ladder-8-6-{question}"]')
        assert [r["value"] for r in radios] == ["8", "7", "6", "5", "4", "3", "2", "1", ""]
        assert [r.has_attr("checked") for r in radios] == [False] * 8 + [True]
    label = ladder.select_one('input[name="wb-ladder-8-6-now"][value="6"]').find_parent("label")
    assert squash(label.get_text()) == (
        "Now: rung 6 of 8, People with lived experience work in partnership with power holders. "
        "Arnstein’s name: Partnership. Degrees of citizen power."
    )
    assert [squash(l.get_text()) for l in ladder.select(".wb-ladder__answer-label")] == [
        "Are you happy with your position?", "What would help you move up a rung?"]


def test_search_finds_prompts_by_their_words(built):
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {doc["location"]: doc for doc in index["docs"]}
    shout = entries["theory/#wb-prompt-3-3"]
    assert "SHOUT IT IN CAPITALS" in shout["title"]
    assert any("allies" in doc["title"].lower() for doc in index["docs"])


def test_search_indexes_the_workbooks_words_not_the_interface(built):
    """A result's snippet is the workbook's words: no "needs JavaScript", no field labels, no ladder controls."""
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {doc["location"]: doc for doc in index["docs"]}
    interface = ("needs JavaScript", "what you type here will not be kept", "Your answer in words",
                 "Describe your drawing", "line 1", "Where are you now", "Not placed yet",
                 "Placements you have kept", "Keep today", "Choose a rung", "What would help you move up",
                 "↑", "✕", "Add a line")
    for doc in index["docs"]:
        if doc["location"].startswith("my-answers/"):
            continue  # the My answers page is all interface (its own issue)
        for words in interface:
            assert words not in doc["text"] and words not in doc["title"], (doc["location"], words)
    assert "wb-ladder-8-6-history" not in " ".join(entries)
    # The ladder's table is indexed once, its cells' words apart.
    ladder = squash(re.sub(r"<[^>]+>", " ", entries["power/#wb-prompt-8-6"]["text"]))
    assert "experienceTherapy" not in ladder and "experience Arnstein’s name: Therapy" in ladder
    assert "Power holders cure/ correct those with lived experience" in ladder
    assert "2 Power holders cure/ correct" in ladder
    assert ladder.count("control and run the organisation") == 1
    assert "Table 1. Adapted from Arnstein’s ladder of citizen participation (1969)." in ladder
    for doc in index["docs"]:
        if not doc["location"].startswith("my-answers/"):
            text = re.sub(r"<[^>]+>", " ", doc["text"]).replace("JavaScript", "")
            assert not re.search(r"[a-z][A-Z]", text), (doc["location"], text[:200])


def test_search_has_an_entry_for_each_heading_the_reader_can_search_for(built):
    """No entry for a heading inside a part kept out of search (My answers' tools): it would be a result
    named "My answers" with no words, leading to a button. Every entry has a title or words of its own."""
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert not doc["location"].startswith("my-answers/#"), doc
        assert "#" not in doc["location"] or doc["title"].strip() not in ("", "My answers"), doc
    assert [doc["location"] for doc in index["docs"] if doc["location"].startswith("my-answers/")] == ["my-answers/"]


def test_pages_are_written_whole_after_search_has_read_them(built):
    """Search reads a page without its answer boxes' insides (hooks/wb_search.py); the page written has them all,
    and none of the marks that showed search what to skip."""
    for name, soup in all_pages(built).items():
        assert "wb-search-skip" not in str(soup), name
    theory = page(built, "theory")
    assert len(theory.select(".wb-prompt__status .wb-no-script")) == 11
    assert len(theory.select(".wb-versions button")) == 11
    assert theory.select_one(".wb-drawing__hint") is not None


@pytest.mark.parametrize("first", [True, False])
def test_a_plugin_that_changes_pages_where_search_reads_them_is_stopped_not_undone(tmp_path, caplog, first):
    """Between Material's search and the workbook's hook, a page is short of its answer boxes' insides: a plugin
    changing it there would lose them, or have its change undone, so the build stops and says where to do it.
    After the workbook's hook, a change is kept."""
    hook = tmp_path / "renamer.py"
    hook.write_text("def on_page_context(context, page, config, nav):\n"
                    "    page.content = page.content.replace('Things to reflect on', 'Questions')\n"
                    "    return context\n", encoding="utf-8")
    ours = str(ROOT / "hooks" / "workbook.py")
    hooks = [str(hook), ours] if first else [ours, str(hook)]
    if first:
        with pytest.raises((PluginError, Abort)) as error:
            build_site(docs_with(tmp_path, {}), tmp_path / "site", None, hooks=hooks)
        assert "a plugin changed the page in on_page_context" in str(error.value) + caplog.text
        return
    build_site(docs_with(tmp_path, {}), tmp_path / "site", None, hooks=hooks)
    theory = page(tmp_path / "site", "theory")
    assert theory.select_one("h2#things-to-reflect-on").get_text() == "Questions"
    assert len(theory.select(".wb-prompt__status .wb-no-script")) == 11


def test_pages_ask_for_nothing_from_another_host(built):
    for name, soup in all_pages(built).items():
        for el in soup.select("script[src], link[href], img[src], iframe, source[src]"):
            url = el.get("src") or el.get("href")
            if el.name == "link" and el.get("rel") in (["canonical"], ["prev"], ["next"]):
                continue
            assert not re.match(r"^(https?:)?//", url), (name, url)
        assert "fonts.googleapis" not in str(soup), name


def test_every_page_carries_the_storage_namespace(built):
    for name, soup in all_pages(built).items():
        assert soup.select_one('meta[name="wb-namespace"]')["content"] == "peer-mentoring-in-criminal-justice"


# ---- a broken page stops the build ------------------------------------------


def build_with(tmp_path: Path, pages: dict[str, str]) -> None:
    build_site(docs_with(tmp_path, pages), tmp_path / "site", "http://127.0.0.1:8000/")


def test_a_duplicate_id_across_pages_fails_the_build(tmp_path, caplog):
    duplicate = "# Extra\n\n/// prompt | 1.1\nA second 1.1\n///\n"
    with pytest.raises(Exception) as error:
        build_with(tmp_path, {"extra.md": duplicate})
    messages = str(error.value) + caplog.text
    assert "'1.1' is used twice" in messages


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("/// prompt | one\nWords\n///\n", "not a workbook number"),
        ("/// prompt | 11.1\n///\n", "has no words"),
        ("/// promt | 11.1\nWords\n///\n", "was not recognised"),
        ("/// prompt | 11.1\n    colour: red\nWords\n///\n", "was not recognised"),
    ],
)
def test_a_broken_block_fails_the_build_with_a_message(tmp_path, caplog, text, message):
    with pytest.raises((PluginError, Abort, wb_prompts.PromptError)) as error:
        build_with(tmp_path, {"extra.md": "# Extra\n\n" + text})
    assert message in str(error.value) + caplog.text


def test_the_storage_namespace_differs_by_name_and_path():
    assert wb_namespace.storage_namespace("Peer Mentoring", "https://example.org/") == "peer-mentoring"
    # The path after a "/", which no name holds (was "peer-mentoring-a-workbook", a rule that let sites collide).
    assert wb_namespace.storage_namespace("Peer Mentoring", "https://example.org/a/workbook/") == "peer-mentoring/a/workbook"
    assert wb_namespace.storage_namespace("Peer Mentoring", "http://127.0.0.1:9999/") == "peer-mentoring"
    assert wb_namespace.storage_namespace("£££", None) == "workbook"


def test_derived_namespaces_of_different_sites_never_collide():
    sites = [
        ("Peer Mentoring", "https://example.org/cohort/2025/"),
        ("Peer Mentoring", "https://example.org/cohort-2025/"),
        ("Peer Mentoring Cohort", "https://example.org/2025/"),
        ("Peer Mentoring Cohort 2025", "https://example.org/"),
        ("Peer Mentoring", "https://example.org/Cohort-2025/"),
        ("Peer Mentoring", "https://example.org/cohort_2025/"),
        ("Peer Mentoring", "https://example.org/cohort%202025/"),
        ("Peer Mentoring", "https://example.org/cohort 2025/"),
        ("Peer Mentoring", "https://example.org/cohort.2025/"),
        ("Peer Mentoring", "https://example.org/caf%C3%A9/"),
        ("Peer Mentoring", "https://example.org/café/"),
    ]
    found = [wb_namespace.storage_namespace(name, url) for name, url in sites]
    # "cohort%202025" and "cohort 2025" are one address, as are the two spellings of "café".
    assert found[6] == found[7] and found[9] == found[10]
    distinct = found[:7] + found[8:10]
    assert len(set(distinct)) == len(distinct), found
    assert found[:3] == ["peer-mentoring/cohort/2025", "peer-mentoring/cohort-2025", "peer-mentoring-cohort/2025"]
    # Each namespace is one storage.js accepts.
    rule = re.search(r"var RE_NAMESPACE = /(.+)/;", (ROOT / "hooks/core/storage.js").read_text()).group(1)
    assert all(re.fullmatch(rule.replace("\\/", "/"), namespace) for namespace in found)


def test_the_workbook_id_is_the_same_wherever_it_is_built_and_earlier_namespaces_are_known():
    for url in (None, "https://example.org/", "https://example.org/workbook/", "http://127.0.0.1:8000/a/b/"):
        assert wb_namespace.workbook_id("Peer Mentoring in Criminal Justice") == "peer-mentoring-in-criminal-justice"
        assert wb_namespace.legacy_namespace("Peer Mentoring in Criminal Justice", url, "set-by-us") is None
    assert wb_namespace.workbook_id("Anything", "set-by-us") == "set-by-us"
    # Where the old rule gave the same namespace, nothing needs copying.
    assert wb_namespace.legacy_namespace("Peer Mentoring", None) is None
    assert wb_namespace.legacy_namespace("Peer Mentoring", "https://example.org/") is None
    assert wb_namespace.legacy_namespace("Peer Mentoring", "https://example.org/cohort/2025/") == "peer-mentoring-cohort-2025"
    assert wb_namespace.legacy_namespace("Peer Mentoring", "https://example.org/workbook/") == "peer-mentoring-workbook"


def test_a_derived_namespace_is_said_at_build_time_and_a_set_one_is_not(tmp_path, caplog):
    caplog.set_level("INFO", logger="mkdocs.hooks.workbook")
    build_site(docs_with(tmp_path / "a", {}), tmp_path / "a" / "site", "https://example.org/cohort/2025/")
    said = [r.getMessage() for r in caplog.records if r.name == "mkdocs.hooks.workbook"]
    assert len(said) == 1 and "extra.workbook.namespace is not set" in said[0]
    assert "'peer-mentoring-in-criminal-justice/cohort/2025'" in said[0]
    caplog.clear()
    build_site(docs_with(tmp_path / "b", {}), tmp_path / "b" / "site", "https://example.org/cohort/2025/",
               extra={"workbook": {"namespace": "cohort-2025"}})
    assert not [r for r in caplog.records if r.name == "mkdocs.hooks.workbook"]


def our_scripts(built, name: str) -> list[str]:
    soup = page(built, name)
    return [s["src"] for s in soup.select("script[src]") if "/wb/" in s["src"]]


@pytest.mark.parametrize("name, bundles", [
    ("beginnings", ["core"]),  # text prompts only
    ("theory", ["core", "drawing"]),
    ("identity", ["core", "list"]),
    ("self-confidence", ["core", "photostore", "drawing", "photos"]),  # the photo store: photos' own bundle
    ("power", ["core", "ladder"]),
    # Shows every kind of answer, the versions kept and how long this browser keeps answers; holds the lock's settings.
    # Copies answers with the code that also says why an answer is not saved (problems.js).
    ("my-answers", ["core", "problems", "versions", "notices", "photostore", "lock", "list", "drawing", "photos", "ladder",
                    "review"]),
])
def test_each_page_loads_the_core_and_the_code_of_what_it_holds_named_by_content(built, name, bundles):
    """A page with several bundles gets them as one file (each file is one more wait on a slow connection), which
    holds each bundle's last line (its loaded mark), in order."""
    ours = our_scripts(built, name)
    assert all((built / name / src).resolve().exists() for src in ours)
    assert re.search(r"assets/wb/core\.[0-9a-f]{10}\.js$", ours[0]) and len(ours) <= 2
    held = ["core"] + [module.removeprefix("wb-") for src in ours[1:] for module in re.findall(
        r'\(window\.WB_LOADED=window\.WB_LOADED\|\|\{\}\)\["(wb-[a-z]+)"\]', (built / name / src).resolve().read_text(encoding="utf-8"))]
    assert held == bundles
    named = [re.search(r"assets/wb/([a-z]+)\.[0-9a-f]{10}\.js$", src).group(1) for src in ours]
    assert named == (bundles if len(bundles) <= 2 else ["core", wb_bundles.JOINED])


def test_what_a_page_loads_runs_in_order(built):
    """The catalogue, the store, the registry, text prompts, main.js last in the core; then each kind; then My answers."""
    text = "".join((built / "my-answers" / src).resolve().read_text(encoding="utf-8") for src in our_scripts(built, "my-answers"))
    # Marks that survive the minifier, which shortens local names (WB.Store=Store is n.Store=t).
    parts = ("window.WB_STRINGS=", ".Store=", ".register=function", '.register("wb-answer"', ".need=function",
             ".start=", '.register("wb-list"', '.register("wb-photos"', '.register("wb-ladder"', '.register("wb-review"')
    assert all(text.count(part) == 1 for part in parts if part.startswith(".register")), "each kind registers once"
    assert [text.index(part) for part in parts] == sorted(text.index(part) for part in parts), "in the order they run"


def test_each_bundle_says_it_has_loaded_as_its_last_line(built):
    """need.js loads a bundle no more once its last line has run (a bundle that failed half-way is not marked)."""
    found = json.loads(re.search(r"window\.WB_BUNDLES=(\{.*?\})[;,]window\.", (built / "beginnings" / our_scripts(
        built, "beginnings")[0]).resolve().read_text(encoding="utf-8")).group(1))
    for module, files in found.items():
        text = (built / "assets" / "wb" / files[-1]).read_text(encoding="utf-8")
        assert text.rstrip(";\n").endswith(f'(window.WB_LOADED=window.WB_LOADED||{{}})["{module}"]=!0'), module


def test_a_plain_page_carries_no_code_or_words_of_the_kinds_or_my_answers(built):
    core = (built / "beginnings" / our_scripts(built, "beginnings")[0]).resolve().read_text(encoding="utf-8")
    assert '.register("wb-answer"' in core and ".Store=" in core  # as the minifier writes them
    for absent in ('.register("wb-list"', '.register("wb-drawing"', '.register("wb-photos"',
                   '.register("wb-ladder"', '.register("wb-review"', '"review.tools.restore_button"', '"ladder.keep_button"',
                   ".Vault=", ".locked={", ".PhotoStore=", '"lock.bar.title"', ".VersionPanel=", '"versions.heading"',
                   # Nor what says why an answer is not saved (loaded when one is not), nor the lock's note in a box.
                   ".problems={", '"saver.reason_quota"', '"main.storage_full"', ".copyText=", '"saver.locked_note"'):
        assert absent not in core, absent
    # Where the other bundles are, for pages reached by instant navigation (main.js loads them).
    found = json.loads(re.search(r"window\.WB_BUNDLES=(\{.*?\})[;,]window\.", core).group(1))
    assert found["wb-ladder"] == [our_scripts(built, "power")[1].split("/")[-1]]
    # My answers' one file of bundles is what need.js would load for it, file by file.
    joined = (built / "my-answers" / our_scripts(built, "my-answers")[1]).resolve().read_text(encoding="utf-8")
    assert joined == "\n".join((built / "assets" / "wb" / file).read_text(encoding="utf-8") for file in found["wb-review"])
    # Its one stylesheet of ours has no rules for what shows only when asked for or when something is wrong
    # (versions kept, the lock, the notes about keeping answers, words kept aside), nor for My answers.
    links = [link["href"] for link in page(built, "beginnings").select('link[rel="stylesheet"]') if "/wb/" in link["href"]]
    assert len(links) == 1 and re.search(r"/wb/core\.[0-9a-f]{10}\.css$", links[0])
    css = (built / "beginnings" / links[0]).resolve().read_text(encoding="utf-8")
    assert ".wb-prompt__status" in css and ".wb-versions__actions" in css  # what the build writes in every box
    for absent in (".wb-versions__entries", ".wb-lockbar", ".wb-sealed", ".md-typeset .wb-reminder{", ".wb-notice", ".wb-banner",
                   "--wb-primary-bg"):
        assert absent not in css, absent


def test_the_prompts_of_each_page_are_recorded_as_the_blocks_render_them(built):
    """The navigation's map of prompts (from the registry) names every prompt of the page, with its kind."""
    sections = json.loads(page(built, "theory").select_one("#wb-sections").get_text())
    rendered = [(el["data-wb-prompt"], el["data-module"]) for el in page(built, "power").select("[data-wb-prompt]")]
    assert [tuple(p) for p in sections["power/"]] == rendered and ("8.6", "wb-ladder") in rendered
    assert sum(len(prompts) for prompts in sections.values()) == 59


def test_readers_get_our_scripts_and_styles_minified(built):
    """Smaller than their sources, with no comments; the browser tests run on this minified code."""
    # Each bundle once: a page's joined file is bundles written as they are.
    bundles = [path.read_text(encoding="utf-8") for path in (built / "assets" / "wb").glob("*.js") if not wb_bundles.is_joined(path.name)]
    # Each bundle's code, after the words in front of it (the first script: "(function (window) {" as written).
    code = "".join(text[re.search(r"[;,]\n?\(?function\(", text).start():] for text in bundles)
    where = wb_bundles.scripts_by_name()
    sources = sum(len(where[name].read_text(encoding="utf-8")) for name in wb_bundles.SCRIPTS)
    assert len(bundles) == 12 and len(code) < 0.7 * sources
    assert "/*" not in re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", "", code) and "\n  " not in code
    styles = "".join(path.read_text(encoding="utf-8") for path in (built / "assets" / "wb").glob("*.css") if not wb_bundles.is_joined(path.name))
    shared = [path for paths in wb_bundles.SHARED_STYLES.values() for path in paths]
    source = (wb_bundles.CORE_DIR / wb_bundles.CORE_STYLES).read_text(encoding="utf-8") + "".join(
        path.read_text(encoding="utf-8") for path in [*shared, *(ROOT / "hooks" / "kinds").glob("*/*.css")])
    assert len(styles) < 0.8 * len(source) and "/*" not in styles


def test_my_answers_lists_every_prompt_in_workbook_order_with_a_link_to_it(built):
    soup = page(built, "my-answers")
    sections = soup.select(".wb-review__section")
    assert [squash(s.select_one("h2").get_text()) for s in sections] == [
        "1. Reflections on Beginnings", "2. Reflections on Mentoring in Criminal Justice", "3. Reflections on Theory",
        "4. Reflections on Identity", "5. Reflections on Self Confidence",
        "6. Reflections on the Peer Mentoring Approach", "7. Reflections on Change", "8. Reflections on Power",
        "9. Reflections on Endings"]
    listed = [el["data-wb-review-prompt"] for el in soup.select("[data-wb-review-prompt]")]
    assert listed == [i for i in source_prompts()]
    expected = source_prompts()
    for item in soup.select("[data-wb-review-prompt]"):
        prompt_id = item["data-wb-review-prompt"]
        link = item.select_one("h3 a")
        target, anchor = link["href"].split("#")
        assert (built / "my-answers" / target / "index.html").resolve().exists(), link["href"]
        assert page(built, target.strip("./").strip("/")).select_one(f"#{anchor}") is not None
        assert squash(link.get_text(" ")).startswith(f"{prompt_id} {squash(expected[prompt_id])}")
    assert soup.select_one('[data-wb-review-prompt="8.6"]')["data-wb-kind"] == "wb-ladder"
    # Every page links to it, for the backup reminder.
    assert page(built, "theory").select_one('meta[name="wb-answers-url"]')["content"] == "../my-answers/"


@pytest.mark.parametrize(
    ("pages", "message"),
    [
        ({"extra.md": "# A\n\n/// my-answers\n///\n"}, "only one page may hold '/// my-answers'"),
        ({"extra.md": "# A\n\n/// my-answers\nSome words\n///\n"}, "takes no content"),
        ({"extra.md": "# A\n\n/// my-answers\n///\n\n/// my-answers\n///\n"}, "only one '/// my-answers' block"),
    ],
)
def test_a_misplaced_my_answers_block_fails_the_build(tmp_path, caplog, pages, message):
    with pytest.raises((PluginError, Abort)) as error:
        build_with(tmp_path, pages)
    assert message in str(error.value) + caplog.text


def test_pages_carry_a_strict_policy_and_headers_for_hosts_that_read_headers(built):
    for name in ["", "theory", "my-answers"]:
        soup = page(built, name)
        head = list(soup.head.find_all(True))
        policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
        # First after the charset, before any script runs.
        assert head.index(policy) < min(head.index(s) for s in soup.head.select("script"))
        content = policy["content"]
        assert "default-src 'self'" in content and "object-src 'none'" in content
        assert "frame-ancestors" not in content  # ignored in a <meta>, with a console warning
        assert "'unsafe-inline'" not in content.split("script-src")[1].split(";")[0]
        inline = [s for s in soup.select("script:not([src])") if not s.get("type")]
        assert len(re.findall(r"'sha256-", content)) == len(inline) > 0
        assert soup.select_one('meta[name="referrer"]')["content"] == "no-referrer"
        # Before the policy (where Chromium's look-ahead stops), a preload hint for each of the page's own files; but
        # for My answers' joined scripts, which instant navigation would fetch for nothing (it copies <head>).
        files = [(el.get("href") or el.get("src"), "style" if el.name == "link" else "script")
                 for el in soup.select('link[rel="stylesheet"], script[src]') if not wb_bundles.is_joined(el.get("src", ""))]
        hints = soup.head.select('link[rel="preload"]')
        assert [(hint["href"], hint["as"]) for hint in hints] == files and len(files) >= 5
        assert all(head.index(hint) < head.index(policy) for hint in hints)
    headers = (built / "_headers").read_text(encoding="utf-8")
    assert headers.startswith("/*\n  Content-Security-Policy: default-src 'self';")
    assert "frame-ancestors 'none'" in headers
    assert "  Referrer-Policy: no-referrer\n" in headers
    assert "  Permissions-Policy: camera=()" in headers
    assert 'http-equiv="Content-Security-Policy"' in (built / "404.html").read_text(encoding="utf-8")


def test_a_new_build_gets_a_new_offline_copy_and_the_old_one_is_replaced(tmp_path):
    def cache_name(name: str, pages: dict[str, str]) -> str:
        site = tmp_path / name / "site"
        build_site(docs_with(tmp_path / name, pages), site, "http://127.0.0.1:8000/")
        worker = (site / "sw.js").read_text(encoding="utf-8")
        files = json.loads(re.search(r"var FILES = (\[.*?\]);", worker).group(1))
        for url in files:
            path = site / url / "index.html" if url.endswith("/") else site / url
            assert path.exists(), url
        assert "assets/wb/storage.js" not in files and not any(u.endswith(".map") for u in files)
        return re.search(r'var CACHE = PREFIX \+ "([0-9a-f]+)"', worker).group(1)

    first = cache_name("one", {})
    same = cache_name("two", {})
    changed = cache_name("three", {"theory.md": "# Theory, reworded\n\n/// prompt | 3.1\nWords\n///\n"})
    assert first == same != changed


def test_offline_copies_of_sites_whose_namespaces_start_alike_are_kept_apart():
    import wb_app

    worker = wb_app.service_worker("peer-mentoring", "0123456789ab", [], ("peer-mentoring-cohort",))
    assert 'var PREFIX = "wb-peer-mentoring:";' in worker
    earlier = re.compile(json.loads(re.search(r"var EARLIER = new RegExp\((.+)\);", worker).group(1)))
    # This site's copies made by earlier versions go; another site's, named alike, stay.
    assert earlier.match("wb-peer-mentoring-0123456789ab") and earlier.match("wb-peer-mentoring-cohort-ba9876543210")
    assert not earlier.match("wb-peer-mentoring-cohort-2025-0123456789ab")
    assert not earlier.match("wb-peer-mentoring-trust:0123456789ab")
    assert not "wb-peer-mentoring-trust:0123456789ab".startswith("wb-peer-mentoring:")


def test_my_answers_offers_an_optional_passphrase_warning_first_that_it_cannot_be_recovered(built):
    soup = page(built, "my-answers")
    field = soup.select_one("input#wb-review-passphrase")
    assert field["type"] == "password" and field["autocomplete"] == "new-password"
    assert soup.select_one('label[for="wb-review-passphrase"]').get_text() == "Passphrase to lock the backup (optional)"
    hint = soup.select_one("#" + field["aria-describedby"]).get_text()
    assert "If you forget it, nobody can open the backup or find the passphrase again" in hint
    # The warning comes before the field and the button that locks.
    html = str(soup)
    assert html.index("If you forget it") < html.index('id="wb-review-passphrase"') < html.index(">Download a backup<")
    share = soup.select_one('button[data-wb-action="share"]')
    assert share.get_text() == "Share backup" and share.has_attr("hidden")
    assert soup.select_one("#wb-review-file")["accept"] == ".json,.txt,application/json,text/plain"
    # Every page names the workbook for backups; at the root no earlier namespace differs.
    assert soup.select_one('meta[name="wb-workbook"]')["content"] == "peer-mentoring-in-criminal-justice"
    assert soup.select_one('meta[name="wb-legacy-namespace"]') is None
    # ... so the core carries no code to bring answers over from one (migrate.js).
    core = next(path for path in (built / "assets" / "wb").glob("core.*.js"))
    assert ".migrateFrom=" not in core.read_text(encoding="utf-8")


def test_a_page_without_a_heading_of_its_own_is_headed_by_its_title_and_has_no_material_extras(tmp_path):
    """overrides/partials/content.html keeps what Material's does for a page, less tags, git dates,
    feedback and comments (none used; the last two would send a reader's words elsewhere)."""
    # A last-change date in the front matter: Material's own partial would show it.
    docs = docs_with(tmp_path, {"contacts.md": "---\nrevision_date: 1 May 2026\n---\n\nAsk your coordinator for a supervision slot.\n"})
    build_site(docs, tmp_path / "site", None, extra_nav=[{"Our contacts": "contacts.md"}])
    article = BeautifulSoup((tmp_path / "site" / "contacts" / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")
    assert [h1.get_text(strip=True) for h1 in article.select("h1")] == ["Our contacts"]
    assert "Ask your coordinator for a supervision slot." in article.get_text() and "1 May 2026" not in article.get_text()
    assert article.select(".md-tags, .md-source-file, .md-feedback, [data-md-component=comments]") == []
