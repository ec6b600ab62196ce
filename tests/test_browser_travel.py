"""Browser: one workbook wherever it is opened — backups between the online site, the offline
folder and a sub-path build; other workbooks kept apart; answers saved under earlier namespaces kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from support import OFFLINE_CONFIG, ORGANISATION, build_site, docs_with, free_port, serve
from backups import fits, LADDER, NOT_FITTING, valid_backup
from my_answers import backup_file, dialog, ours, restore, review
from pages import box, PREFIX, STORED_PHOTOS


pytestmark = pytest.mark.browser

SUB = "cohort/2025/"
NEW = "wb:v1:peer-mentoring-in-criminal-justice/cohort/2025:"
OLD = "wb:v1:peer-mentoring-in-criminal-justice-cohort-2025:"


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    """One web address holding the workbook at a sub-path (no namespace set) and an organisation's
    workbook (its own namespace) at /trust/; a blank page there; and the offline folder."""
    tmp = tmp_path_factory.mktemp("travel")
    root = tmp / "www"
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    build_site(docs_with(tmp / "a", {}), root / SUB, base + SUB)
    build_site(docs_with(tmp / "b", {}), root / "trust", base + "trust/", extra=ORGANISATION)
    (root / "blank.html").write_text("<!doctype html><title>Blank</title>", encoding="utf-8")
    offline = tmp / "offline" / "workbook"
    build_site(docs_with(tmp / "c", {}), offline, None, config_file=OFFLINE_CONFIG)
    with serve(root, port):
        yield {"base": base, "sub": base + SUB, "trust": base + "trust/", "offline": offline.resolve().as_uri() + "/"}


def stored(page: Page, prefix: str) -> dict[str, str]:
    return page.evaluate(
        "p => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith(p)).map(k => [k, localStorage.getItem(k)]))",
        prefix,
    )


def record(value, saved: str = "2026-10-01T10:00:00.000Z") -> str:
    return json.dumps({"v": 1, "value": value, "saved": saved}, separators=(",", ":"), ensure_ascii=False)


def restore_here(page: Page, data: bytes) -> None:
    restore(page, data)
    expect(dialog(page).locator("h2")).to_contain_text("Restore from the backup of")
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored")


# ---- one workbook, wherever it is opened ------------------------------------------


def test_a_backup_made_in_the_offline_folder_restores_online_and_back(page: Page, places, base_url):
    offline = places["offline"]
    page.goto(offline + "beginnings.html")
    box(page, "1.1").fill("Written in the prison library")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    page.goto(offline + "my-answers.html")
    expect(page.locator(".wb-review__tools")).to_be_visible()
    # Locked with a passphrase: pages opened from disk are a secure context, where WebCrypto works.
    page.get_by_label("Passphrase to lock the backup (optional)").fill("prison library passphrase")
    from_disk = backup_file(page)
    assert json.loads(from_disk)["format"] == "wb-backup-locked"

    review(page, base_url)
    restore(page, from_disk)
    dialog(page).get_by_label("Passphrase", exact=True).fill("prison library passphrase")
    dialog(page).get_by_role("button", name="Open the backup").click()
    expect(dialog(page).locator("h2")).to_contain_text("Restore from the backup of")
    expect(dialog(page)).not_to_contain_text("another workbook")
    expect(dialog(page).locator(".wb-review__from")).to_have_count(0)
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 1 answer")
    page.goto(base_url + "theory/")
    box(page, "3.2").fill("Written at home")
    expect(page.locator("#wb-status-3-2")).to_contain_text("Saved today")
    review(page, base_url)
    online = backup_file(page)

    page.goto(offline + "my-answers.html")
    restore_here(page, online)
    page.goto(offline + "theory.html")
    expect(box(page, "3.2")).to_have_value("Written at home")
    expect(box(page, "3.2")).to_be_visible()
    page.goto(offline + "beginnings.html")
    expect(box(page, "1.1")).to_have_value("Written in the prison library")


def test_a_backup_from_a_sub_path_build_restores_at_the_root_and_back(page: Page, places, base_url):
    page.goto(places["sub"] + "beginnings/")
    box(page, "1.2").fill("At the sub-path")
    expect(page.locator("#wb-status-1-2")).to_contain_text("Saved today")
    assert list(stored(page, "wb:")) == [NEW + "answer:1.2"]
    review(page, places["sub"])
    data = backup_file(page)
    review(page, base_url)
    restore_here(page, data)
    assert json.loads(ours(page)[PREFIX + "answer:1.2"])["value"] == "At the sub-path"
    put_root = backup_file(page)
    page.goto(places["sub"] + "my-answers/")
    page.get_by_role("button", name="Clear all my answers").click()
    dialog(page).get_by_role("button", name="Yes, clear all my answers").click()
    restore_here(page, put_root)
    assert json.loads(stored(page, NEW)[NEW + "answer:1.2"])["value"] == "At the sub-path"


def test_a_backup_of_another_workbook_is_offered_when_its_answers_fit_and_stays_apart_until_then(page: Page, places, base_url):
    page.goto(places["trust"] + "beginnings/")
    box(page, "1.1").fill("The trust's answer")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    review(page, places["trust"])
    with page.expect_download() as info:
        page.get_by_role("button", name="Download a backup").click()
    assert info.value.suggested_filename.startswith("example-trust-workbook-answers-")
    data = Path(info.value.path()).read_bytes()
    assert json.loads(data)["namespace"] == "example-trust-workbook"
    # Same address, different workbooks: nothing is shared until the reader restores.
    review(page, base_url)
    assert ours(page) == {}
    restore(page, data)
    expect(dialog(page).locator(".wb-review__from")).to_have_text(
        "This backup is from Peer Mentoring in Criminal Justice. Its answers fit this workbook’s questions: restore them?")
    dialog(page).get_by_role("button", name="Cancel").click()
    assert ours(page) == {}
    restore(page, data)
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 1 answer")
    assert json.loads(ours(page)[PREFIX + "answer:1.1"])["value"] == "The trust's answer"
    page.goto(places["trust"] + "beginnings/")
    expect(box(page, "1.1")).to_have_value("The trust's answer")


FIRST = "What brought you to peer mentoring? What did you hope to gain?"




# Every case above is refused in one page in test_logic.py; one goes through the page.
def test_a_backup_of_another_workbook_whose_answers_do_not_fit_is_refused(page: Page, base_url):
    answers = NOT_FITTING["other words"]
    review(page, base_url)
    words = page.locator('[data-wb-review-prompt="1.1"] .wb-review__words').text_content().strip()
    assert words.startswith(FIRST[:30])
    restore(page, json.dumps(valid_backup(answers, namespace="another-workbook", workbook="Another workbook")).encode())
    expect(page.locator(".wb-banner__heading")).to_have_text("Nothing was restored")
    expect(page.locator(".wb-banner")).to_contain_text(
        "This backup is from another workbook (“Another workbook”). Its answers do not fit this workbook’s questions")
    assert ours(page) == {}


# ---- answers saved under the namespace of earlier versions ------------------------

PHOTO = "pmwy80vriu69omyjnabc"
LONG = "Every word kept ✓ “quoted” — 😀\n" * 2000
OLD_VALUES = {
    "answer:1.1": record(LONG),
    "answer:4.1": record({"lists": [["Kind", "Patient", "", "", "", "", "", "", "", ""]]}),
    "answer:8.6": record(LADDER),
    "answer:2.6": record({"text": "Words", "description": "A line",
                          "strokes": [{"c": "#000000", "w": 6, "e": False, "p": [100, 100, 400, 300, 900, 700]}]}),
    "answer:5.4": record({"text": "A calm place", "photos": [{"id": PHOTO, "caption": "Park", "w": 2, "h": 2}]}),
    "answer:1.99": record("An answer to a question no longer here"),
    "aside:answer:3.1:1764190800000": '{"v":1,"value":{"odd":true},"saved":"2026-10-01T10:00:00.000Z"}',
    "meta:backup": record({"last": "2026-10-02T10:00:00.000Z"}),
}
# A 2 by 2 PNG.
PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==")

SET_UP_OLD = """([prefix, values, database, id, png]) => new Promise((resolve, reject) => {
  for (const [key, value] of Object.entries(values)) localStorage.setItem(prefix + key, value);
  const open = indexedDB.open(database, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('photos', {keyPath: 'id'});
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const bytes = Uint8Array.from(atob(png), c => c.charCodeAt(0));
    const tx = open.result.transaction('photos', 'readwrite');
    tx.objectStore('photos').put({id, blob: new Blob([bytes], {type: 'image/png'}), added: '2026-10-01T10:00:00.000Z'});
    tx.oncomplete = () => { open.result.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  };
})"""


def set_up_old(page: Page, places, values=OLD_VALUES) -> None:
    page.goto(places["base"] + "blank.html")
    page.evaluate(SET_UP_OLD, [OLD, values, OLD.rstrip(":"), PHOTO, PNG])


def test_answers_saved_under_the_earlier_namespace_are_all_kept_photos_too(page: Page, places):
    set_up_old(page, places)
    review(page, places["sub"])
    expect(page.locator('[data-wb-review-prompt="1.1"] .wb-review__text')).to_contain_text("Every word kept ✓")
    now = stored(page, NEW)
    # Every value copied exactly, word for word; the old keys left as they were.
    assert {k[len(NEW):]: v for k, v in now.items() if not k.endswith("meta:migrated")} == OLD_VALUES
    assert json.loads(now[NEW + "meta:migrated"])["value"]["from"] == "peer-mentoring-in-criminal-justice-cohort-2025"
    assert stored(page, OLD) == {OLD + k: v for k, v in OLD_VALUES.items()}
    expect(page.locator('[data-wb-review-prompt="4.1"] ol li')).to_have_text(["Kind", "Patient"])
    expect(page.locator('[data-wb-review-prompt="8.6"] .wb-review__text')).to_contain_text("rung 3 of 8")
    expect(page.locator(".wb-review__orphans")).to_contain_text("An answer to a question no longer here")
    expect(page.locator(".wb-review__asides")).to_be_visible()
    # The photo, byte for byte, in this namespace's database.
    expect(page.locator('[data-wb-review-prompt="5.4"] .wb-photos__image')).to_have_js_property("naturalWidth", 2)
    photos = page.evaluate(STORED_PHOTOS, NEW.rstrip(":"))
    assert [(p["id"], p["type"], p["data"]) for p in photos] == [(PHOTO, "image/png", PNG)]
    page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).value.photos === true", arg=NEW + "meta:migrated")

    # Once only: an answer changed after the copy is not overwritten by the old one on the next page.
    page.goto(places["sub"] + "beginnings/")
    box(page, "1.1").fill("Changed after the update")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    page.reload()
    expect(box(page, "1.1")).to_have_value("Changed after the update")

    # Clearing everything clears the old copy too: nothing comes back on the next visit.
    review(page, places["sub"])
    page.get_by_role("button", name="Clear all my answers").click()
    dialog(page).get_by_role("button", name="Yes, clear all my answers").click()
    expect(page.locator(".wb-banner")).to_contain_text("All your answers are cleared")
    assert stored(page, NEW) == {} and stored(page, OLD) == {}
    page.reload()
    expect(page.locator(".wb-review__usage")).to_have_text("You have no answers saved in this browser yet.")
    assert stored(page, "wb:") == {}
    page.wait_for_function("name => indexedDB.databases().then(list => !list.some(d => d.name === name))", arg=OLD.rstrip(":"))


def test_an_earlier_answer_that_differs_from_one_saved_since_is_kept_aside_not_lost(page: Page, places):
    set_up_old(page, places, {"answer:1.1": record("The old words")})
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [NEW + "answer:1.1", record("The new words")])
    review(page, places["sub"])
    expect(page.locator('[data-wb-review-prompt="1.1"] .wb-review__text')).to_have_text("The new words")
    expect(page.locator(".wb-review__asides")).to_contain_text("The old words")


def test_with_no_room_to_copy_the_earlier_answers_are_used_where_they_are(browser, places):
    context = browser.new_context()
    context.add_init_script("""(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).startsWith('wb:v1:peer-mentoring-in-criminal-justice/')) throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, key, value);
      };
    })()""")
    page = context.new_page()
    set_up_old(page, places, {"answer:1.1": record("Still here")})
    page.goto(places["sub"] + "beginnings/")
    expect(box(page, "1.1")).to_have_value("Still here")
    box(page, "1.1").fill("Still here, and more")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    assert json.loads(stored(page, OLD)[OLD + "answer:1.1"])["value"] == "Still here, and more"
    assert stored(page, NEW) == {}
    context.close()


def test_a_backup_made_by_an_earlier_version_at_the_sub_path_restores_as_this_workbook(page: Page, places):
    review(page, places["sub"])
    data = valid_backup([fits("1.1", None, "From an old backup")], namespace="peer-mentoring-in-criminal-justice-cohort-2025")
    restore(page, json.dumps(data).encode())
    expect(dialog(page).locator("h2")).to_contain_text("Restore from the backup of")
    expect(dialog(page).locator(".wb-review__from")).to_have_count(0)
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 1 answer")


def test_where_the_earlier_version_kept_no_photos_no_database_is_left_under_its_name(page: Page, places):
    """The earlier namespace may be another workbook's of today: opening its database must not make one."""
    page.goto(places["base"] + "blank.html")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [OLD + "answer:1.1", record("Words, no photos")])
    review(page, places["sub"])
    expect(page.locator('[data-wb-review-prompt="1.1"] .wb-review__text')).to_have_text("Words, no photos")
    page.evaluate("() => WB.photos.list()")
    page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).value.photos === true", arg=NEW + "meta:migrated")
    names = page.evaluate("() => indexedDB.databases().then(list => list.map(d => d.name))")
    assert OLD.rstrip(":") not in names


def test_answers_an_earlier_versions_page_saves_after_the_copy_are_brought_over_too(page: Page, places):
    """A tab of the earlier version left open across the update keeps saving under the earlier namespace."""
    set_up_old(page, places, {"answer:1.1": record("Before the update"), "answer:1.2": record("Two"),
                              "answer:1.3": record("Three")})
    review(page, places["sub"])
    expect(page.locator('[data-wb-review-prompt="1.1"] .wb-review__text')).to_have_text("Before the update")
    page.goto(places["sub"] + "beginnings/")
    box(page, "1.3").fill("Three, changed in the new page")
    expect(page.locator("#wb-status-1-3")).to_contain_text("Saved today")
    # The old page saves, as its code did: under the earlier namespace, with the time of saving.
    later = page.evaluate("() => new Date(Date.now() + 1000).toISOString()")
    page.evaluate("([prefix, one, three, later]) => { localStorage.setItem(prefix + 'answer:1.1', one.replace('LATER', later));"
                  " localStorage.setItem(prefix + 'answer:1.3', three.replace('LATER', later)); }",
                  [OLD, record("Typed in the old tab", "LATER"), record("Three, changed in the old tab", "LATER"), later])
    review(page, places["sub"])
    expect(page.locator('[data-wb-review-prompt="1.1"] .wb-review__text')).to_have_text("Typed in the old tab")
    expect(page.locator('[data-wb-review-prompt="1.2"] .wb-review__text')).to_have_text("Two")
    # Changed in both: the new page's words stay, the old tab's are kept aside.
    expect(page.locator('[data-wb-review-prompt="1.3"] .wb-review__text')).to_have_text("Three, changed in the new page")
    expect(page.locator(".wb-review__asides")).to_contain_text("Three, changed in the old tab")
    # Once: a reload brings nothing more, and keeps nothing aside twice.
    page.reload()
    expect(page.locator(".wb-review__aside-list .wb-review__aside-item")).to_have_count(1)
    expect(page.locator('[data-wb-review-prompt="1.1"] .wb-review__text')).to_have_text("Typed in the old tab")
    expect(page.locator('[data-wb-review-prompt="1.3"] .wb-review__text')).to_have_text("Three, changed in the new page")
