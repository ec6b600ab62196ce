"""Browser: the workbook's lock — answers, drawings and photos stored encrypted, a passphrase to see them."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect
from support import CHROMIUM_ARGS, CHROMIUM_PATH
from locks import WORKBOOK_PASSPHRASE as PASSPHRASE, lock_now, turn_on, unlock
from my_answers import dialog, ours, restore, review
from pages import PREFIX, assert_accessible, box, scheme_page
from pages import add_two, ROOT as PHOTOS

pytestmark = pytest.mark.browser

SECRET = "Quokkamarmalade"  # typed in every kind of answer: found nowhere while locked
CONFIG = PREFIX + "lock:config"

# Every IndexedDB database of the page, each value as text (strings as they are, bytes as Latin-1).
IDB_TEXT = """async () => {
  const text = async v => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v;
    if (v instanceof Blob) v = await v.arrayBuffer();
    if (v instanceof ArrayBuffer) { let s = ''; for (const b of new Uint8Array(v)) s += String.fromCharCode(b); return s; }
    if (typeof v === 'object') { let s = ''; for (const k of Object.keys(v)) s += k + ':' + await text(v[k]) + ';'; return s; }
    return String(v);
  };
  let out = '';
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((ok, no) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = no; });
    for (const name of db.objectStoreNames) {
      const all = await new Promise(ok => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => ok(r.result); });
      for (const v of all) out += await text(v) + '\\n';
    }
    db.close();
  }
  return out;
}"""

# The bytes of each stored photo as the page shows them (read through the workbook), Latin-1.
PHOTO_BYTES = """async () => {
  const list = await WB.photos.list();
  const found = await WB.photos.getMany(list.map(e => e.id));
  const out = {};
  for (const id of Object.keys(found)) {
    let s = ''; for (const b of new Uint8Array(await found[id].blob.arrayBuffer())) s += String.fromCharCode(b);
    out[id] = s;
  }
  return out;
}"""


def write_everything(page: Page, base_url: str) -> dict:
    """An answer of each kind holding SECRET, a kept version, two photos with a caption: what is stored."""
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill(f"My {SECRET} answer")
    page.locator('[data-wb-prompt="1.1"]').get_by_role("button", name="Keep this version").click()
    box(page, "1.1").fill(f"My {SECRET} answer, later")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    page.goto(base_url + "peer-mentoring-approach/")
    page.locator("#wb-answer-6-3-1-1").fill(f"{SECRET} listening")
    expect(page.locator("#wb-status-6-3")).to_contain_text("Saved today")
    add_two(page, base_url)
    page.locator(PHOTOS).get_by_label(re.compile("^Caption")).first.fill(f"{SECRET} library")
    page.wait_for_function("([k, w]) => (localStorage.getItem(k) || '').includes(w)", arg=[PREFIX + "answer:5.4", SECRET + " library"])
    expect(page.locator("#wb-status-5-4")).to_contain_text("Saved today")
    return {"storage": ours(page), "photos": page.evaluate(PHOTO_BYTES)}


def secret_then_lock(page: Page, base_url: str) -> None:
    """The secret saved in 1.1, the lock turned on, back on 1.1's page (open in this tab)."""
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill(SECRET)
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    turn_on(page, base_url)
    page.goto(base_url + "beginnings/")
    expect(box(page, "1.1")).to_have_value(SECRET)


def nothing_plain(page: Page, words: list[str]) -> None:
    """No word in localStorage, sessionStorage, IndexedDB (photos, journal) or the page."""
    stored = json.dumps(page.evaluate("() => [Object.entries(localStorage), Object.entries(sessionStorage)]"))
    idb = page.evaluate(IDB_TEXT)
    dom = page.evaluate("() => document.documentElement.outerHTML + [...document.querySelectorAll('input, textarea')].map(e => e.value).join(' ')")
    for word in words:
        assert word not in stored, "in web storage"
        assert word not in idb, "in IndexedDB"
        assert word not in dom, "in the page"


def test_a_locked_workbook_shows_no_answer_text_anywhere_and_unlocks_to_every_answer(page: Page, base_url):
    before = write_everything(page, base_url)
    photo_samples = [data[200:260] for data in before["photos"].values()]
    turn_on(page, base_url)
    # Stored encrypted already while unlocked: no answer words, no photo bytes, anywhere at rest.
    sealed = ours(page)
    assert all(v.startswith("wb-sealed:1:") for k, v in sealed.items()
               if k.startswith((PREFIX + "answer:", PREFIX + "versions:")))
    idb = page.evaluate(IDB_TEXT)
    assert SECRET not in idb and SECRET not in json.dumps(sealed)
    assert not any(sample in idb for sample in photo_samples), "a photo's bytes are in IndexedDB unencrypted"
    # Unlocked, every answer still shows.
    page.goto(base_url + "beginnings/")
    expect(box(page, "1.1")).to_have_value(f"My {SECRET} answer, later")
    lock_now(page)
    expect(box(page, "1.1")).to_have_value("")
    expect(box(page, "1.1")).not_to_be_editable()
    expect(page.locator('[data-wb-prompt="1.1"] .wb-sealed')).to_contain_text("Unlock to see and write your answers")
    nothing_plain(page, [SECRET])
    for path in ("peer-mentoring-approach/", "self-confidence/", "my-answers/"):
        page.goto(base_url + path)
        expect(page.locator(".wb-lockbar h2")).to_have_text("Your answers are locked")
        nothing_plain(page, [SECRET])
    # Progress still says which prompts have an answer.
    page.goto(base_url + "beginnings/")
    expect(page.locator(".wb-progress")).to_contain_text("1 of")
    unlock(page)
    expect(box(page, "1.1")).to_have_value(f"My {SECRET} answer, later")
    expect(box(page, "1.1")).to_be_editable()
    page.goto(base_url + "self-confidence/")
    expect(page.locator(f"{PHOTOS} img")).to_have_count(2)
    assert page.evaluate(PHOTO_BYTES) == before["photos"]


def test_a_wrong_passphrase_is_refused_and_changes_nothing(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    box(page, "1.2").fill(SECRET)
    expect(page.locator("#wb-status-1-2")).to_contain_text("Saved today")
    turn_on(page, base_url)
    lock_now(page)
    stored = ours(page)
    unlock(page, "not the passphrase")
    expect(page.locator("#wb-lock-passphrase-error")).to_have_text(
        "Error: That passphrase is not the one this workbook is locked with. Check it and try again.", timeout=20000)
    expect(page.locator("#wb-lock-passphrase")).to_be_focused()
    assert ours(page) == stored
    unlock(page)
    page.goto(base_url + "beginnings/")
    expect(box(page, "1.2")).to_have_value(SECRET)


def test_a_locked_box_takes_no_typing(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    box(page, "1.3").fill("Before the lock")
    expect(page.locator("#wb-status-1-3")).to_contain_text("Saved today")
    turn_on(page, base_url)
    lock_now(page)
    page.goto(base_url + "beginnings/")
    stored = ours(page)
    box(page, "1.3").click()
    page.keyboard.type("typed while locked, pn")
    expect(box(page, "1.3")).to_have_value("")
    expect(box(page, "1.3")).to_be_focused()  # still here: no key went on to the page's shortcuts
    assert ours(page) == stored
    # "Unlock" in the box goes to the passphrase.
    page.locator('[data-wb-prompt="1.3"] .wb-sealed').get_by_role("button", name="Unlock").click()
    expect(page.locator("#wb-lock-passphrase")).to_be_focused()


def test_the_workbook_locks_itself_after_the_idle_time(browser, base_url):
    context = browser.new_context()
    context.add_init_script("window.WB = {idleMs: 1500}")  # the idle time, made short for the test
    page = context.new_page()
    secret_then_lock(page, base_url)
    expect(page.locator(".wb-lockbar h2")).to_have_text("Your answers are locked", timeout=10000)
    expect(box(page, "1.1")).to_have_value("")
    nothing_plain(page, [SECRET])
    context.close()


def test_closing_the_browser_locks_the_workbook(browser_type, base_url, tmp_path):
    args = {"executable_path": CHROMIUM_PATH, "args": CHROMIUM_ARGS}
    context = browser_type.launch_persistent_context(str(tmp_path / "profile"), **args)
    page = context.new_page()
    secret_then_lock(page, base_url)
    context.close()
    # The browser again, the same profile: locked, and nothing readable.
    context = browser_type.launch_persistent_context(str(tmp_path / "profile"), **args)
    page = context.new_page()
    page.goto(base_url + "beginnings/")
    expect(page.locator(".wb-lockbar h2")).to_have_text("Your answers are locked")
    expect(box(page, "1.1")).to_have_value("")
    nothing_plain(page, [SECRET])
    unlock(page)
    expect(box(page, "1.1")).to_have_value(SECRET)
    context.close()


def test_turning_the_lock_off_restores_every_answer_exactly(page: Page, base_url):
    before = write_everything(page, base_url)
    turn_on(page, base_url)
    lock_now(page)
    unlock(page)
    page.get_by_label("Your passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Turn off the lock").click()
    expect(page.locator(".wb-lock__said")).to_have_text("The lock is off. Your answers are stored unlocked in this browser.", timeout=20000)
    after = ours(page)
    assert CONFIG not in after
    assert {k: v for k, v in after.items() if not k.startswith(PREFIX + "lock:")} == before["storage"]
    assert page.evaluate(PHOTO_BYTES) == before["photos"]
    assert "wb-sealed" not in page.evaluate(IDB_TEXT)


def test_turning_the_lock_on_finishes_after_a_tab_died_half_way(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill("First " + SECRET)
    box(page, "1.2").fill("Second " + SECRET)
    expect(page.locator("#wb-status-1-2")).to_contain_text("Saved today")
    turn_on(page, base_url)
    # As if the tab died after sealing 1.1 only: 1.2 plain again, the settings still "locking".
    plain = page.evaluate("k => localStorage.getItem(k)", PREFIX + "answer:1.2")
    lock_now(page)
    page.evaluate("([k, v, c]) => { localStorage.setItem(k, v); const s = JSON.parse(localStorage.getItem(c)); s.state = 'locking'; localStorage.setItem(c, JSON.stringify(s)); }",
                  [PREFIX + "answer:1.2", json.dumps({"v": 1, "value": "Second " + SECRET, "saved": "2026-11-01T10:00:00.000Z"}), CONFIG])
    assert plain.startswith("wb-sealed:1:")
    page.goto(base_url + "beginnings/")
    expect(box(page, "1.2")).to_have_value("")  # locked: not shown, though stored plain
    unlock(page)
    expect(box(page, "1.2")).to_have_value("Second " + SECRET)
    page.wait_for_function("c => JSON.parse(localStorage.getItem(c)).state === 'on'", arg=CONFIG)
    assert SECRET not in json.dumps(ours(page))


def test_a_backup_of_a_locked_workbook_is_locked_and_restores_elsewhere_with_the_passphrase(page: Page, base_url, browser):
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill(SECRET)
    page.locator('[data-wb-prompt="1.1"]').get_by_role("button", name="Keep this version").click()
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    turn_on(page, base_url)
    with page.expect_download(timeout=30000) as info:
        page.get_by_role("button", name="Download a backup").click()
    assert info.value.suggested_filename.endswith("-locked.json")
    data = open(info.value.path(), "rb").read()
    assert json.loads(data)["format"] == "wb-backup-locked" and SECRET.encode() not in data
    other = browser.new_context()
    elsewhere = other.new_page()
    review(elsewhere, base_url)
    restore(elsewhere, data)
    field = dialog(elsewhere).get_by_label("Passphrase", exact=True)
    field.fill(PASSPHRASE)
    field.press("Enter")
    dialog(elsewhere).get_by_role("button", name="Restore").click(timeout=30000)
    expect(elsewhere.locator(".wb-banner")).to_contain_text("Restored")
    elsewhere.goto(base_url + "beginnings/")
    expect(box(elsewhere, "1.1")).to_have_value(SECRET)
    expect(elsewhere.locator('[data-wb-prompt="1.1"] .wb-versions__entries li')).to_have_count(1)
    other.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_the_lock(browser, base_url, scheme):
    context, page = scheme_page(browser, scheme)
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill("Words")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    review(page, base_url)
    assert_accessible(page)
    turn_on(page, base_url)
    assert_accessible(page)
    lock_now(page)
    unlock(page, "wrong passphrase")
    expect(page.locator("#wb-lock-passphrase-error")).to_be_visible(timeout=20000)
    assert_accessible(page)
    page.goto(base_url + "beginnings/")
    assert_accessible(page)
    context.close()


def test_my_answers_while_locked_deletes_no_photo(page: Page, base_url):
    add_two(page, base_url)
    turn_on(page, base_url)
    lock_now(page)
    # Photos older than an hour that no readable answer points to are tidied away on My answers: while
    # locked no answer is readable, and yet none may go.
    page.evaluate("""name => new Promise(done => { const r = indexedDB.open(name); r.onsuccess = () => {
        const tx = r.result.transaction('photos', 'readwrite'); const s = tx.objectStore('photos');
        s.getAll().onsuccess = e => e.target.result.forEach(v => { v.added = '2020-01-01T00:00:00.000Z'; s.put(v); });
        tx.oncomplete = () => { r.result.close(); done(); }; }; })""", "wb:v1:" + PREFIX.split(":")[2])
    page.goto(base_url + "my-answers/")
    expect(page.locator(".wb-lockbar h2")).to_have_text("Your answers are locked")
    expect(page.locator(".wb-review__tools")).to_be_hidden()
    # The page's own tidy ran on opening; once more, awaited: it refuses, and both photos are there.
    assert page.evaluate("() => WB.photos.tidy().then(() => 'tidied', f => f.reason)") == "locked"
    assert page.evaluate("() => WB.photos.list().then(l => l.length)") == 2
    unlock(page)
    page.goto(base_url + "self-confidence/")
    expect(page.locator(f"{PHOTOS} img")).to_have_count(2)


def test_lock_now_locks_the_other_open_tabs_too(page: Page, base_url, context):
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill(SECRET)
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    turn_on(page, base_url)
    other = context.new_page()  # a tab of its own: its session has no key yet
    other.goto(base_url + "beginnings/")
    expect(other.locator(".wb-lockbar h2")).to_have_text("Your answers are locked")
    unlock(other)
    expect(box(other, "1.1")).to_have_value(SECRET)
    lock_now(page)
    expect(other.locator(".wb-lockbar h2")).to_have_text("Your answers are locked")
    expect(box(other, "1.1")).to_have_value("")
    nothing_plain(other, [SECRET])
