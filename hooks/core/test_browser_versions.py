"""Browser: earlier versions of an answer — keep, view, copy from, delete; in backups, copies and clears."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect
from my_answers import backup_file, dialog, expand, ours, restore, review
from pages import assert_accessible, box, keep, panel, PREFIX, scheme_page

pytestmark = pytest.mark.browser


def entries(page: Page, prompt_id: str):
    return panel(page, prompt_id).locator(".wb-versions__entries li")


def kept(page: Page, prompt_id: str) -> list:
    raw = page.evaluate("key => localStorage.getItem(key)", PREFIX + "versions:" + prompt_id)
    return [] if raw is None else json.loads(raw)["value"]


def test_keep_view_copy_from_and_delete_a_version(page: Page, base_url, context):
    page.goto(base_url + "beginnings/")
    keep(page, "1.1", "What I thought in March")
    expect(entries(page, "1.1")).to_have_count(1)
    # The same words again are not kept twice; an empty box keeps nothing.
    panel(page, "1.1").get_by_role("button", name="Keep this version").click()
    expect(panel(page, "1.1").get_by_role("status")).to_have_text("This version is already kept.")
    box(page, "1.1").fill("")
    panel(page, "1.1").get_by_role("button", name="Keep this version").click()
    expect(panel(page, "1.1").get_by_role("status")).to_have_text("Write an answer before keeping a version.")
    keep(page, "1.1", "What I think in June")
    box(page, "1.1").fill("What I think now")
    expect(entries(page, "1.1")).to_have_count(2)
    # Dated, newest first; kept across a reload, with the current answer in the box beside them.
    page.reload()
    expect(box(page, "1.1")).to_have_value("What I think now")
    # In the catalogue's locale (en-GB): "Kept 27 November 2026, 14:02".
    today = page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    expect(entries(page, "1.1").nth(0).locator(".wb-versions__date")).to_have_text(re.compile("^Kept " + re.escape(today) + r", \d\d:\d\d$"))
    # View shows the words of that version, and hides them again.
    view = entries(page, "1.1").nth(1).get_by_role("button", name=re.compile("^View the version of"))
    view.click()
    expect(entries(page, "1.1").nth(1).locator(".wb-versions__text")).to_have_text("What I thought in March")
    expect(entries(page, "1.1").nth(1).get_by_role("button", name=re.compile("^Hide"))).to_have_attribute("aria-expanded", "true")
    entries(page, "1.1").nth(1).get_by_role("button", name=re.compile("^Hide")).click()
    expect(entries(page, "1.1").nth(1).locator(".wb-versions__text")).to_have_count(0)
    # Copy from a version.
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    entries(page, "1.1").nth(1).get_by_role("button", name=re.compile("^Copy")).click()
    expect(panel(page, "1.1").get_by_role("status")).to_contain_text("Copied the version of")
    assert page.evaluate("navigator.clipboard.readText()") == "What I thought in March"
    # Delete asks first; "No" keeps it.
    entries(page, "1.1").nth(1).get_by_role("button", name=re.compile("^Delete")).click()
    expect(page.get_by_role("button", name="Yes, delete it")).to_be_focused()
    page.get_by_role("button", name="No, keep it").click()
    expect(entries(page, "1.1")).to_have_count(2)
    entries(page, "1.1").nth(1).get_by_role("button", name=re.compile("^Delete")).click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(entries(page, "1.1")).to_have_count(1)
    expect(panel(page, "1.1").get_by_role("heading", name="Earlier versions of your answer")).to_be_focused()
    page.reload()
    expect(entries(page, "1.1")).to_have_count(1)
    assert [v["value"] for v in kept(page, "1.1")] == ["What I think in June"]
    assert box(page, "1.1").input_value() == "What I think now"


VERSIONS_CODE = re.compile(r"/assets/wb/versions\.[0-9a-f]{10}\.js$")


def test_a_page_with_no_version_kept_loads_their_code_only_at_the_first_keep(page: Page, base_url):
    """What a page carries: the code for versions comes where one is kept, or at "Keep this version"."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if VERSIONS_CODE.search(request.url) else None)
    page.goto(base_url + "beginnings/")
    expect(box(page, "1.1")).to_be_editable()
    expect(page.locator('[data-wb-prompt="1.1"][data-wb-init=""]')).to_have_count(1)
    assert fetched == [] and page.evaluate("() => !window.WB.VersionPanel")
    keep(page, "1.1", "What I thought first")
    expect(entries(page, "1.1")).to_have_count(1)
    assert len(fetched) == 1
    # Opened again: the prompt has a version kept, so the code comes as the page starts and shows it.
    page.reload()
    expect(entries(page, "1.1")).to_have_count(1)
    expect(entries(page, "1.1").nth(0).locator(".wb-versions__date")).to_contain_text("Kept ")


def test_a_version_kept_in_another_tab_shows_here_without_a_reload(page: Page, base_url, context):
    page.goto(base_url + "beginnings/")
    expect(box(page, "1.1")).to_be_editable()
    other = context.new_page()
    other.goto(base_url + "beginnings/")
    keep(other, "1.1", "Kept in the other tab")
    expect(entries(page, "1.1")).to_have_count(1)
    other.close()


def test_when_the_code_for_versions_cannot_load_keeping_one_says_so_and_the_answer_stays_saved(browser, base_url):
    context = browser.new_context(service_workers="block")  # page.route cannot hold back what a service worker serves
    page = context.new_page()
    page.route(VERSIONS_CODE, lambda route: route.abort())
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill("Words that stay saved")
    panel(page, "1.1").get_by_role("button", name="Keep this version").click()
    expect(panel(page, "1.1").get_by_role("status")).to_have_text(
        "This version could not be kept: part of the workbook did not load. Your answer is still saved. "
        "Reload the page when you are connected, then keep it again.")
    expect(page.locator('[data-wb-prompt="1.1"] .wb-prompt__status')).to_contain_text("Saved")
    assert kept(page, "1.1") == []
    page.unroute(VERSIONS_CODE)
    page.reload()
    expect(box(page, "1.1")).to_have_value("Words that stay saved")
    keep(page, "1.1", "Words that stay saved")
    expect(entries(page, "1.1")).to_have_count(1)
    context.close()


def test_lists_and_drawings_keep_versions_the_ladder_and_photos_keep_their_own(page: Page, base_url):
    page.goto(base_url + "power/")
    expect(page.get_by_role("button", name="Keep today’s placement")).to_be_visible()
    expect(page.locator('[data-wb-prompt="8.6"] .wb-versions')).to_have_count(0)
    found = page.evaluate("""() => [...document.querySelectorAll('[data-module]')].filter(e => e.dataset.wbPrompt)
        .map(e => [e.dataset.module, !!e.querySelector('.wb-versions')])""")
    for module, has in found:
        assert has == (module not in ("wb-ladder", "wb-photos")), module


def test_a_damaged_list_of_versions_is_kept_aside_before_a_new_version_is_kept(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    damaged = '{"v":1,"value":"not a list","saved":"2026-10-01T10:00:00.000Z"}'
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [PREFIX + "versions:1.1", damaged])
    page.reload()
    expect(panel(page, "1.1")).to_contain_text("could not be read")
    keep(page, "1.1", "New words")
    stored = ours(page)
    assert damaged in [v for k, v in stored.items() if k.startswith(PREFIX + "aside:versions:1.1:")]
    assert [v["value"] for v in kept(page, "1.1")] == ["New words"]


def test_versions_travel_in_a_backup_and_a_merge_keeps_both_sides_once(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    keep(page, "1.1", "Version A")
    keep(page, "1.1", "Version B")
    review(page, base_url)
    data = backup_file(page)
    backup = json.loads(data)
    assert [v["value"] for v in backup["versions"][0]["versions"]] == ["Version A", "Version B"]
    # This browser keeps another version since; the restore (Keep both) joins them, each once.
    page.goto(base_url + "beginnings/")
    entries(page, "1.1").nth(1).get_by_role("button", name=re.compile("^Delete")).click()
    page.get_by_role("button", name="Yes, delete it").click()
    keep(page, "1.1", "Version C")
    review(page, base_url)
    restore(page, data)
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored")
    assert [v["value"] for v in kept(page, "1.1")] == ["Version A", "Version B", "Version C"]
    # My answers lists them under the answer.
    expand(page, 1)
    versions = page.locator('[data-wb-review-prompt="1.1"] details.wb-versions')
    expect(versions.locator("summary")).to_have_text("Earlier versions (3)")
    versions.locator("summary").click()
    expect(versions.locator("li").nth(0)).to_contain_text("Version C")
    # Undoing the restore takes away only what it added.
    page.get_by_role("button", name="Undo the restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("undone")
    assert [v["value"] for v in kept(page, "1.1")] == ["Version B", "Version C"]


def test_a_backup_restores_its_versions_in_a_new_browser(page: Page, base_url, browser):
    page.goto(base_url + "beginnings/")
    keep(page, "1.2", "Kept in the first browser")
    review(page, base_url)
    data = backup_file(page)
    other = browser.new_context()
    elsewhere = other.new_page()
    review(elsewhere, base_url)
    restore(elsewhere, data)
    dialog(elsewhere).get_by_role("button", name="Restore").click()
    expect(elsewhere.locator(".wb-banner")).to_contain_text("Restored")
    elsewhere.goto(base_url + "beginnings/")
    expect(entries(elsewhere, "1.2")).to_have_count(1)
    expect(box(elsewhere, "1.2")).to_have_value("Kept in the first browser")
    other.close()


def test_a_backup_with_damaged_versions_is_refused_and_changes_nothing(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    keep(page, "1.1", "Mine")
    review(page, base_url)
    data = json.loads(backup_file(page))
    before = ours(page)
    data["versions"] = [{"id": "1.1", "versions": [{"kept": "yesterday", "value": "x"}]}]
    restore(page, json.dumps(data).encode())
    expect(page.locator(".wb-banner")).to_contain_text("damaged")
    assert ours(page) == before


def test_clearing_an_answer_asks_whether_to_clear_its_versions(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    keep(page, "1.1", "Kept words")
    box(page, "1.3").fill("No versions here")
    expect(page.locator("#wb-status-1-3")).to_contain_text("Saved today")
    review(page, base_url)
    expand(page, 1)
    # No versions: no question about them.
    page.get_by_role("button", name="Clear this answer (question 1.3)").click()
    expect(dialog(page).get_by_role("checkbox")).to_have_count(0)
    dialog(page).get_by_role("button", name="Cancel").click()
    # Left unticked, the versions stay (and are still listed with the answer gone).
    page.get_by_role("button", name="Clear this answer (question 1.1)").click()
    choice = dialog(page).get_by_role("checkbox", name=re.compile("Also delete the earlier version kept of this answer"))
    expect(choice).not_to_be_checked()
    assert_accessible(page)
    dialog(page).get_by_role("button", name="Yes, clear").click()
    expect(page.locator(".wb-banner")).to_contain_text("Your answer to 1.1 is cleared")
    assert PREFIX + "answer:1.1" not in ours(page)
    assert [v["value"] for v in kept(page, "1.1")] == ["Kept words"]
    expect(page.locator('[data-wb-review-prompt="1.1"] summary')).to_have_text("Earlier versions (1)")
    # "Clear all" leaves them too unless ticked; ticked, they go.
    page.get_by_role("button", name="Clear all my answers").click()
    dialog(page).get_by_role("button", name="Yes, clear all my answers").click()
    assert kept(page, "1.1") != []
    page.get_by_role("button", name="Clear all my answers").click()
    dialog(page).get_by_role("checkbox").check()
    dialog(page).get_by_role("button", name="Yes, clear all my answers").click()
    assert ours(page) == {}


def test_readable_copies_hold_versions_only_when_chosen(page: Page, base_url, context):
    page.goto(base_url + "beginnings/")
    keep(page, "1.1", "The first draft")
    box(page, "1.1").fill("The answer now")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    review(page, base_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy my answers").click()
    text = page.evaluate("() => navigator.clipboard.readText()")
    assert "The answer now" in text and "The first draft" not in text
    page.get_by_role("checkbox", name="Include earlier versions of my answers").check()
    page.get_by_role("button", name="Copy my answers").click()
    expect(page.locator(".wb-banner")).to_contain_text("copied")
    text = page.evaluate("() => navigator.clipboard.readText()")
    assert re.search(r"The answer now\n\nEarlier version, kept [^\n]+:\n\nThe first draft", text)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_the_versions(browser, base_url, scheme):
    context, page = scheme_page(browser, scheme)
    page.goto(base_url + "beginnings/")
    keep(page, "1.1", "Words to keep")
    entries(page, "1.1").nth(0).get_by_role("button", name=re.compile("^View")).click()
    assert_accessible(page)
    entries(page, "1.1").nth(0).get_by_role("button", name=re.compile("^Delete")).click()
    assert_accessible(page)
    review(page, base_url)
    expand(page, 1)
    page.locator('[data-wb-review-prompt="1.1"] summary').click()
    assert_accessible(page)
    context.close()
