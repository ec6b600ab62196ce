"""Browser: the lock's code (and the photo store) comes only to pages that use it — where the lock is
on in this browser, on My answers, with photos, or once another tab turns the lock on — and a page
without it never writes an answer in plain text while the lock is on, nor loses what was typed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from locks import WORKBOOK_PASSPHRASE as PASSPHRASE, lock_now, turn_on, unlock
from my_answers import ours, review
from pages import PREFIX, box

pytestmark = pytest.mark.browser


@pytest.fixture()
def browser_context_args(browser_context_args):
    """The offline copy's service worker would answer for the lock's file: these tests hold or refuse it."""
    return {**browser_context_args, "service_workers": "block"}

LOCK_FILE = re.compile(r"/assets/wb/lock\.[0-9a-f]{10}\.js$")
STORE_FILE = re.compile(r"/assets/wb/photostore\.[0-9a-f]{10}\.js$")
ANSWER = PREFIX + "answer:1.1"
SEALED = "wb-sealed:1:"


def requests(page: Page) -> list[str]:
    """Every URL the page asks for from now on (a list that fills as it does)."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def scripts(page: Page) -> list[str]:
    return page.evaluate("() => [...document.querySelectorAll('script[src]')].map(s => s.src)")


def lock_on_and_close(context, base_url: str) -> None:
    """An answer, then the lock turned on in a tab that is then closed (its session's key goes with it)."""
    first = context.new_page()
    first.goto(base_url + "beginnings/")
    box(first, "1.1").fill("Words from before the lock")
    expect(first.locator("#wb-status-1-1")).to_contain_text("Saved today")
    turn_on(first, base_url)
    first.close()


def test_a_plain_page_without_the_lock_loads_neither_the_lock_nor_the_photo_store(page: Page, base_url):
    seen = requests(page)
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill("Plain words")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    assert ours(page)[ANSWER].startswith('{"v":1')
    expect(page.locator(".wb-lockbar")).to_have_count(0)
    assert page.evaluate("() => WB.store.vault === undefined && WB.photos === undefined")
    assert not [url for url in seen + scripts(page) if LOCK_FILE.search(url) or STORE_FILE.search(url)]


def test_my_answers_carries_the_lock_in_its_own_scripts(page: Page, base_url):
    review(page, base_url)
    # Its bundles come as one file (wb_bundles.one_file), which ends each bundle with its loaded mark.
    own = page.evaluate("() => Promise.all([...document.querySelectorAll('script[src]')].map(s => fetch(s.src).then(r => r.text())))")
    assert any('(window.WB_LOADED=window.WB_LOADED||{})["wb-lock"]=!0' in text for text in own)
    expect(page.get_by_role("button", name="Turn on the lock")).to_be_visible()


def test_a_page_with_the_lock_on_here_waits_for_the_lock_and_starts_locked(context, base_url):
    lock_on_and_close(context, base_url)
    page = context.new_page()
    seen = requests(page)
    held = []
    page.route(LOCK_FILE, lambda route: held.append(route))  # the lock's code is slow to come
    page.goto(base_url + "beginnings/", wait_until="domcontentloaded")  # the held script holds back "load"
    prompt = page.locator('[data-wb-prompt="1.1"]')
    # Until it comes, nothing can be typed where the stored answer would show.
    expect(prompt).to_have_attribute("aria-busy", "true")
    assert page.evaluate("() => document.querySelector('[data-wb-prompt=\"1.1\"]').inert")
    while not held:  # each call lets Playwright handle the page's requests
        page.evaluate("() => new Promise(done => requestAnimationFrame(done))")
    held[0].continue_()
    expect(page.locator(".wb-lockbar h2")).to_have_text("Your answers are locked")
    expect(prompt).not_to_have_attribute("aria-busy", "true")
    expect(box(page, "1.1")).to_have_value("")
    expect(box(page, "1.1")).to_have_attribute("readonly", "")
    assert [url for url in seen if LOCK_FILE.search(url)]
    assert ours(page)[ANSWER].startswith(SEALED)
    # The bar's field looks like every field of ours on a page without My answers' styles: a 44 px target, a clear edge.
    field = page.locator(".wb-lockbar").get_by_label("Passphrase")
    assert field.bounding_box()["height"] >= 44
    assert field.evaluate("e => getComputedStyle(e).borderTopWidth") == "2px"
    unlock(page)
    expect(box(page, "1.1")).to_have_value("Words from before the lock")


def test_when_the_lock_code_cannot_load_the_page_says_so_and_writes_nothing(context, base_url):
    lock_on_and_close(context, base_url)
    page = context.new_page()
    page.route(LOCK_FILE, lambda route: route.abort())  # offline, or the file missing from the folder
    page.goto(base_url + "beginnings/")
    alert = page.locator(".wb-page-alert")
    expect(alert).to_contain_text("Your answers are not being saved.")
    expect(alert).to_contain_text("the part of the workbook that unlocks them did not load")
    expect(box(page, "1.1")).to_have_attribute("readonly", "")
    expect(box(page, "1.1")).to_have_value("")
    before = ours(page)
    page.keyboard.press("Tab")
    assert ours(page) == before
    assert before[ANSWER].startswith(SEALED)
    assert not [key for key in before if ":aside:" in key], "a sealed answer is never kept aside as damaged"


def test_another_tab_turning_the_lock_on_keeps_the_typing_here_and_stores_it_sealed(context, base_url):
    context.clock.install()
    page = context.new_page()
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill("Saved before the lock")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    assert page.evaluate("() => WB.store.vault === undefined")
    other = context.new_page()
    review(other, base_url)
    # Time stands still here: the words typed now wait for the pause after typing, unsaved.
    context.clock.pause_at(page.evaluate("() => Date.now()") + 1000)
    box(page, "1.1").fill("Typed while the other tab locks")
    other.get_by_label("Choose a passphrase").fill(PASSPHRASE)
    other.get_by_label("Type the passphrase again").fill(PASSPHRASE)
    other.get_by_role("button", name="Turn on the lock").click()
    expect(other.locator(".wb-lock__said")).to_have_text(
        "The lock is on. Your answers are stored locked with your passphrase.", timeout=20000)
    # This page got the lock's code, and is locked (it has no key): the typing stays, said to be unsaved.
    expect(page.locator(".wb-lockbar h2")).to_have_text("Your answers are locked")
    expect(box(page, "1.1")).to_have_value("Typed while the other tab locks")
    context.clock.resume()
    expect(page.locator("#wb-status-1-1")).to_have_text("Not saved yet: unlock your answers to save what you wrote here.")
    stored = ours(page)
    assert stored[ANSWER].startswith(SEALED)
    assert not [key for key, text in stored.items() if "Typed while" in text or "Saved before" in text]
    unlock(page)
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    stored = ours(page)
    assert stored[ANSWER].startswith(SEALED)
    assert not [key for key, text in stored.items() if "Typed while" in text or "Saved before" in text]
    lock_now(page)
    unlock(page)
    expect(box(page, "1.1")).to_have_value("Typed while the other tab locks")
