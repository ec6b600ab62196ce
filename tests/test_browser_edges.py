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
