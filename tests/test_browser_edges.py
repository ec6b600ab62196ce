"""Browser: the edges of "not one word lost" (issue 11) — copies, policy, merges of every kind,
undo, kept-aside photos, photo ids, old backups, other tabs, hostile sizes."""

from __future__ import annotations

import base64
import json

import markdown
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect
from test_browser import PREFIX, box
from test_browser_answers import (
    answer_keys,
    dialog,
    entry,
    ours,
    put,
    restore,
    review,
    valid_backup,
    value,
)

pytestmark = pytest.mark.browser

HOSTILE = '<img src=x onerror="window.pwned=1"> <script>window.pwned=2</script>\n# Not a heading\n- not a list\n' \
          '1. not numbered\n[a link](javascript:alert(1)) ![an image](http://example.org/x.png) **not bold** `not code`'


# ---- copies and policy ---------------------------------------------------------------


def test_the_markdown_copy_shows_an_answers_markup_as_text(page: Page, base_url):
    review(page, base_url)
    put(page, "1.1", HOSTILE)
    page.reload()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Markdown").click()
    text = open(info.value.path(), encoding="utf-8").read()
    html = BeautifulSoup(markdown.markdown(text), "html.parser")
    assert not html.find_all(["img", "script", "a", "strong", "code", "li"])
    assert [h.get_text() for h in html.find_all("h1")] == ["Peer Mentoring in Criminal Justice: my answers"]
    heading = html.find("h3", string=lambda s: s and s.startswith("1.1 "))
    answer = heading.find_next_sibling("p")
    assert answer.get_text() == HOSTILE


def test_my_answers_and_its_copies_break_no_policy_and_log_no_error(page: Page, base_url, context):
    messages = []
    page.on("console", lambda message: messages.append(message.type + ": " + message.text)
            if message.type in ("error", "warning") else None)
    context.add_init_script("""window.wbViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.wbViolations.push(e.violatedDirective));""")
    review(page, base_url)
    put(page, "1.1", HOSTILE)
    put(page, "2.6", {"text": "Words", "description": "A house", "strokes": [{"c": "#1f1f1f", "w": 6, "e": False, "p": [1, 2, 300, 400]}]})
    page.reload()
    for name in ["Download as a web page", "Download as Markdown", "Download as text"]:
        with page.expect_download():
            page.get_by_role("button", name=name).click()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.wbViolations") == []
    assert messages == []


# ---- restore: every kind merges without loss ------------------------------------------

STROKE_A = {"c": "#1f1f1f", "w": 6, "e": False, "p": [10, 10, 200, 200]}
STROKE_B = {"c": "#c62828", "w": 10, "e": False, "p": [500, 100, 600, 300]}
MINE = {
    "1.1": "My words",
    "4.1": {"lists": [["Kind", "Patient", "", "", "", "", "", "", "", ""]]},
    "6.3": {"lists": [["Listen", "Stay calm"]]},
    "7.5": {"lists": [["Trust"], ["Risk"]]},
    "2.6": {"text": "My story", "description": "", "strokes": []},
    "5.1": {"text": "", "description": "My kit", "strokes": [STROKE_A]},
    "8.6": {"now": 3, "hope": 6, "happy": "Not yet", "help": "Training",
            "history": [{"kept": "2026-10-01T09:00:00.000Z", "now": 2, "hope": 6, "happy": "", "help": ""}]},
}
THEIRS = {
    "1.1": "Backup words",
    "4.1": {"lists": [["Patient", "Funny", "Brave", "", "", "", "", "", "", ""]]},
    "6.3": {"lists": [["Share my story"]]},
    "7.5": {"lists": [["Hope"], ["Burden", "Risk"]]},
    "2.6": {"text": "Backup story", "description": "A bridge", "strokes": [STROKE_B]},
    "5.1": {"text": "Backup kit words", "description": "Backup kit", "strokes": [STROKE_B]},
    "8.6": {"now": 5, "hope": 7, "happy": "Getting there", "help": "A mentor",
            "history": [{"kept": "2026-09-01T09:00:00.000Z", "now": 1, "hope": 5, "happy": "No", "help": ""}]},
}
BACKUP_WORDS = ["Backup words", "Funny", "Brave", "Share my story", "Hope", "Burden", "Backup story", "A bridge",
                "Backup kit words", "Backup kit", "Getting there", "A mentor", "No"]


def everything_stored_as_text(page: Page) -> str:
    return json.dumps(ours(page), ensure_ascii=False)


def test_keep_both_merges_every_kind_and_loses_no_word_of_either(page: Page, base_url):
    review(page, base_url)
    for prompt_id, answer in MINE.items():
        put(page, prompt_id, answer)
    page.reload()
    restore(page, json.dumps(valid_backup([entry(i, v) for i, v in THEIRS.items()])).encode())
    dialog(page).get_by_role("button", name="Restore").click()  # "Keep both" is chosen at first
    expect(page.locator(".wb-review__message")).to_contain_text("Restored 7 answers")
    stored = everything_stored_as_text(page)
    for word in BACKUP_WORDS + ["My words", "Kind", "Patient", "Listen", "Stay calm", "Trust", "My story", "My kit",
                                "Not yet", "Training"]:
        assert json.dumps(word, ensure_ascii=False)[1:-1] in stored, word
    assert value(page, "1.1").startswith("My words\n\n— From the backup of ")
    assert value(page, "4.1") == {"lists": [["Kind", "Patient", "Funny", "Brave", "", "", "", "", "", ""]]}
    assert value(page, "6.3") == {"lists": [["Listen", "Stay calm", "Share my story"]]}
    assert value(page, "7.5") == {"lists": [["Trust", "Hope"], ["Risk", "Burden"]]}
    drawing = value(page, "2.6")
    assert drawing["strokes"] == [STROKE_B] and drawing["text"].endswith("Backup story") and drawing["description"] == "A bridge"
    assert value(page, "5.1")["strokes"] == [STROKE_A]  # two different drawings: the backup's is kept aside whole
    expect(page.locator(".wb-review__asides")).to_contain_text("Question 5.1")
    expect(page.locator(".wb-review__message")).to_contain_text("kept aside")
    ladder = value(page, "8.6")
    assert (ladder["now"], ladder["hope"]) == (3, 6)
    assert [(h["now"], h["hope"]) for h in ladder["history"]] == [(1, 5), (2, 6), (5, 7)]
    assert "Not yet" in ladder["happy"] and "Getting there" in ladder["happy"]
    # Each page shows its merged answer (none of them is set aside on its own page).
    page.goto(base_url + "identity/")
    expect(page.locator("#wb-answer-4-1-1-4")).to_have_value("Brave")
    expect(page.locator(".wb-notice")).to_have_count(0)
    page.goto(base_url + "power/")
    expect(page.locator(".wb-notice")).to_have_count(0)


def test_use_the_backups_answer_takes_every_kind_from_the_file(page: Page, base_url):
    review(page, base_url)
    for prompt_id, answer in MINE.items():
        put(page, prompt_id, answer)
    page.reload()
    restore(page, json.dumps(valid_backup([entry(i, v) for i, v in THEIRS.items()])).encode())
    dialog(page).get_by_label("Use the backup’s answer").check()
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-review__message")).to_contain_text("Restored 7 answers")
    for prompt_id, answer in THEIRS.items():
        assert value(page, prompt_id) == answer, prompt_id
