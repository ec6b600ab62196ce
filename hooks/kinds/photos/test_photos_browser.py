"""Browser: a collage of photos (5.4): added, made smaller, kept, captioned, reordered, removed, backed up."""

from __future__ import annotations

import re

import base64
import json

import pytest
from playwright.sync_api import Page, expect
from my_answers import backup_clear_restore, backup_file, dialog, put, restore, review
from pages import add_two, assert_accessible, choose, DATABASE, make_photo, pictures, PREFIX, ROOT, stored_count, STORED_PHOTOS, stored_photos_answer as stored, scheme_page

pytestmark = pytest.mark.browser

PAGE = "self-confidence/"
def with_location(jpeg: bytes) -> bytes:
    """The JPEG with an Exif block naming a place, as a phone camera writes one."""
    tiff = b"MM\x00*\x00\x00\x00\x08" + b"GPS 51.5072 N 0.1276 W" * 4
    app1 = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + (len(app1) + 2).to_bytes(2, "big") + app1 + jpeg[2:]


def shown(page: Page) -> list[list]:
    """Each photo on screen once loaded: [natural width, natural height, alt]."""
    images = page.locator(f"{ROOT} .wb-photos__image")
    page.wait_for_function(
        "s => [...document.querySelectorAll(s)].every(i => i.complete && i.naturalWidth > 0)",
        arg=f"{ROOT} .wb-photos__image",
    )
    return images.evaluate_all("els => els.map(i => [i.naturalWidth, i.naturalHeight, i.alt])")


# ---- when JavaScript is unavailable -------------------------------------------


def test_when_javascript_is_unavailable_the_words_box_is_the_answer(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    expect(page.locator(f"{ROOT} .wb-photos")).to_be_hidden()
    expect(page.locator(f"{ROOT} .wb-photos__no-script")).to_contain_text("Adding photos needs JavaScript")
    expect(page.locator("#wb-answer-5-4")).to_be_visible()
    context.close()


# ---- adding, keeping, showing ------------------------------------------------------


def test_photos_are_made_smaller_kept_and_back_after_a_reload(page: Page, base_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + PAGE)
    expect(page.locator(f"{ROOT} .wb-photos__empty")).to_have_text("No photos yet.")
    big = make_photo(page, 3200, 2400, words="Library")
    big["buffer"] = with_location(big["buffer"])
    tall = make_photo(page, 900, 1200, "image/png", "Park")
    choose(page, [big, tall])
    expect(page.locator(f"{ROOT} .wb-photos__message")).to_have_text("2 photos added. You can give each a caption.")
    value = stored_count(page, 2)
    assert [(p["w"], p["h"], p["caption"]) for p in value["photos"]] == [(1600, 1200, ""), (900, 1200, "")]
    expect(page.locator("#wb-status-5-4")).to_contain_text("Saved today")
    expect(page.locator(".wb-progress")).to_have_text("1 of 6 answered on this page.")

    kept = pictures(page)
    assert sorted(p["id"] for p in kept) == sorted(p["id"] for p in value["photos"])
    assert {p["type"] for p in kept} == {"image/jpeg"}, "every photo is kept as JPEG, a PNG too"
    assert all(base64.b64decode(p["data"])[:3] == b"\xff\xd8\xff" for p in kept)
    assert max(p["size"] for p in kept) < len(big["buffer"]), "the large photo is smaller once kept"
    assert not any(b"Exif" in base64.b64decode(p["data"]) or b"GPS" in base64.b64decode(p["data"]) for p in kept), \
        "where a photo was taken is not kept"

    page.reload()
    assert shown(page) == [[1600, 1200, "Photo 1 of 2, no caption"], [900, 1200, "Photo 2 of 2, no caption"]]
    expect(page.locator(f"{ROOT} .wb-photos__usage")).to_contain_text("2 photos, ")
    expect(page.locator(f"{ROOT} .wb-photos__usage")).to_contain_text("kept in this browser")
    expect(page.locator(f"{ROOT} .wb-photos__empty")).to_be_hidden()
    # The photos never leave the browser: they are shown from its own storage (blob:).
    assert [url for url in requests if not url.startswith((base_url, "blob:", "data:"))] == []
    assert any(url.startswith("blob:") for url in requests)


def test_photos_come_back_after_instant_navigation(page: Page, base_url):
    add_two(page, base_url)
    page.evaluate("window.wbMarker = 1")
    page.get_by_role("link", name="My answers").first.click()
    expect(page.locator('[data-wb-review-prompt="5.4"] .wb-photos__image')).to_have_count(2)
    page.go_back()
    expect(page.locator(f"{ROOT} .wb-photos__item")).to_have_count(2)
    assert page.evaluate("window.wbMarker") == 1, "instant navigation, not a page load"
    assert len(shown(page)) == 2


def test_photos_added_captioned_reordered_and_removed_by_keyboard_alone(page: Page, base_url):
    page.goto(base_url + PAGE)
    choose(page, [make_photo(page, 3200, 2400, words="Library"), make_photo(page, 900, 1200, "image/png", "Park")],
           keyboard=True)
    value = stored_count(page, 2)
    first, second = [p["id"] for p in value["photos"]]
    caption = page.get_by_label("Caption for photo 1 (if you like)")
    # Its name holds its visible label, then the prompt it belongs to.
    expect(caption).to_have_accessible_name(re.compile(r"^Caption for photo 1 \(if you like\) 5\.4 Create a collage of photographs"))
    expect(page.locator(ROOT)).to_have_accessible_name(re.compile(r"^5\.4 Create a collage"))
    caption.focus()
    page.keyboard.type("The library, where we meet")
    page.wait_for_function(
        "key => JSON.parse(localStorage.getItem(key)).value.photos[0].caption === 'The library, where we meet'",
        arg=PREFIX + "answer:5.4",
    )
    expect(page.locator(f"{ROOT} .wb-photos__image").first).to_have_attribute("alt", "Photo 1 of 2: The library, where we meet")

    page.keyboard.press("Tab")  # "Earlier" is disabled on the first photo: Tab goes to "Later"
    expect(page.get_by_role("button", name="Move photo 1 later")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_function("([key, id]) => JSON.parse(localStorage.getItem(key)).value.photos[0].id === id",
                           arg=[PREFIX + "answer:5.4", second])
    assert [p["id"] for p in stored(page)["photos"]] == [second, first]
    # The focus stays with the photo that moved: now last, so on its "Earlier".
    expect(page.get_by_role("button", name="Move photo 2 earlier")).to_be_focused()
    expect(page.get_by_label("Caption for photo 2 (if you like)")).to_have_value("The library, where we meet")

    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Remove photo 2")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Yes, remove it")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "No, keep it"
    expect(page.get_by_role("button", name="Remove photo 2")).to_be_focused()
    assert len(stored(page)["photos"]) == 2
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # "Yes, remove it"
    assert [p["id"] for p in stored_count(page, 1)["photos"]] == [second]
    expect(page.get_by_role("button", name="Remove photo 1")).to_be_focused()
    page.wait_for_function(f"async () => ({STORED_PHOTOS})('{DATABASE}').then(l => l.length === 1)")
    assert [p["id"] for p in pictures(page)] == [second], "the removed photo is deleted from the browser"

    page.locator("#wb-answer-5-4").fill("Calm, mostly")
    page.reload()
    assert stored(page)["text"] == "Calm, mostly"
    expect(page.locator(f"{ROOT} .wb-photos__item")).to_have_count(1)


def test_a_file_that_is_not_a_picture_gives_a_message_and_changes_nothing(page: Page, base_url):
    value = add_two(page, base_url)
    before = pictures(page)
    choose(page, [{"name": "notes.jpg", "mimeType": "image/jpeg", "buffer": b"These are words, not a photo."},
                  {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"Words"}])
    alert = page.locator(f"{ROOT} .wb-photos__alert")
    expect(alert).to_contain_text("“notes.jpg” could not be opened as a picture by this browser.")
    expect(alert).to_contain_text("“notes.txt” is not a picture.")
    assert alert.get_attribute("role") == "alert"
    assert stored(page) == value and pictures(page) == before
    alert.get_by_role("button", name="Close this message").click()
    expect(alert).to_have_count(0)


def test_a_full_browser_says_so_and_loses_nothing(page: Page, base_url):
    page.goto(base_url + PAGE)
    # The browser's real limit, made small (before the page first opens its database, as
    # Chromium keeps the limit it found): two small photos fit, a large one does not.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": base_url.rstrip("/"), "quotaSize": 400 * 1024})
    choose(page, [make_photo(page, 640, 480, words="Library"), make_photo(page, 480, 640, words="Park")])
    value = stored_count(page, 2)
    before = pictures(page)
    choose(page, [make_photo(page, 1600, 1200, words="Noise", noise=True)])
    alert = page.locator(f"{ROOT} .wb-photos__alert")
    expect(alert).to_contain_text("No photo was added. There is no room left in this browser for more photos.")
    expect(alert).to_contain_text("Nothing was lost")
    assert stored(page) == value and pictures(page) == before
    expect(page.locator(f"{ROOT} .wb-photos__item")).to_have_count(2)
    page.locator("#wb-answer-5-4").fill("Still writing")
    expect(page.locator("#wb-status-5-4")).to_contain_text("Saved today")


def blocked_database(browser):
    """A browser that refuses IndexedDB (as some private modes do): its context and a page."""
    context = browser.new_context()
    context.add_init_script(
        "IDBFactory.prototype.open = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); };"
    )
    return context, context.new_page()


def test_a_blocked_database_says_so_and_the_words_still_save(browser, base_url):
    context, page = blocked_database(browser)
    page.goto(base_url + PAGE)
    choose(page, [make_photo(page, 800, 600)])
    alert = page.locator(f"{ROOT} .wb-photos__alert")
    expect(alert).to_contain_text("This browser is not letting the workbook keep photos.")
    page.locator("#wb-answer-5-4").fill("Quiet places")
    expect(page.locator("#wb-status-5-4")).to_contain_text("Saved today")
    assert stored(page) == {"text": "Quiet places", "photos": []}
    context.close()


def test_photos_dropped_from_the_computers_files_are_added(page: Page, base_url):
    page.goto(base_url + PAGE)
    photo = make_photo(page, 2400, 1800, words="Dropped")
    page.evaluate(
        """bytes => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], 'dropped.jpg', {type: 'image/jpeg'}));
          const area = document.querySelector('[data-wb-prompt="5.4"] .wb-photos');
          area.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));
          area.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
        }""",
        list(photo["buffer"]),
    )
    assert stored_count(page, 1)["photos"][0]["w"] == 1600


def test_a_photo_missing_from_this_browser_is_said_and_can_be_removed(page: Page, base_url):
    page.goto(base_url + PAGE)
    put(page, "5.4", {"text": "", "photos": [{"id": "pmissing00001", "caption": "The hub", "w": 800, "h": 600}]})
    page.reload()
    expect(page.locator(f"{ROOT} .wb-photos__frame--gone")).to_contain_text("This photo is not in this browser.")
    expect(page.get_by_label("Caption for photo 1 (if you like)")).to_have_value("The hub")
    page.get_by_role("button", name="Remove photo 1").click()
    page.get_by_role("button", name="Yes, remove it").click()
    assert stored_count(page, 0) == {"text": "", "photos": []}


def test_too_many_photos_are_refused_past_the_limit(page: Page, base_url):
    page.goto(base_url + PAGE)
    photo = make_photo(page, 64, 48)
    choose(page, [dict(photo, name=f"p{n}.jpg") for n in range(25)])
    # Said once the 24 are made smaller and kept: seconds on a slow or busy machine.
    expect(page.locator(f"{ROOT} .wb-photos__alert")).to_contain_text(
        "This collage holds 24 photos, so only the first 24 of those you chose were added.", timeout=30000)
    assert len(stored_count(page, 24)["photos"]) == 24
    page.locator(ROOT).get_by_role("button", name="Add photos").click()  # no chooser: it says why
    expect(page.locator(f"{ROOT} .wb-photos__alert")).to_contain_text("Remove one to add another.")


def test_on_a_phone_the_camera_has_its_own_button(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + PAGE)
    camera = page.locator(f"{ROOT} input.wb-photos__file[capture]")
    expect(camera).to_have_attribute("capture", "environment")
    expect(camera).to_have_attribute("accept", "image/*")
    choose(page, [make_photo(page, 1200, 1600, words="Bus stop")], button="Take a photo")
    assert stored_count(page, 1)["photos"][0]["w"] == 1200
    context.close()


# ---- everywhere else: My answers, copies, print, backups --------------------------


def test_my_answers_shows_the_photos_and_copies_name_them(page: Page, base_url, context):
    add_two(page, base_url)
    page.get_by_label("Caption for photo 1 (if you like)").fill("The library")
    page.locator("#wb-answer-5-4").fill("Safe and calm")
    expect(page.locator("#wb-status-5-4")).to_contain_text("Saved today")
    review(page, base_url)
    item = page.locator('[data-wb-review-prompt="5.4"]')
    expect(item.locator(".wb-photos__image")).to_have_count(2)
    expect(item.locator("figcaption")).to_have_text(["The library"])
    expect(item.locator(".wb-review__text")).to_have_text("Safe and calm")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-wb-review-prompt=\"5.4\"] img')].every(i => i.naturalWidth > 0)")
    expect(page.locator(".wb-review__usage")).to_have_text("Your answers fit easily in this browser.")  # no sizes

    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy my answers").click()
    expect(page.locator(".wb-banner")).to_contain_text("copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "[Photo 1 of 2: The library]\n[Photo 2 of 2, no caption]\n\nSafe and calm" in copied

    page.emulate_media(media="print")
    expect(item.locator(".wb-photos__image").first).to_be_visible()
    page.emulate_media(media="screen")


def test_printing_the_section_shows_the_photos_and_captions_not_the_buttons(page: Page, base_url):
    add_two(page, base_url)
    page.get_by_label("Caption for photo 2 (if you like)").fill("The park bench")
    expect(page.locator("#wb-status-5-4")).to_contain_text("Saved today")
    page.emulate_media(media="print")
    expect(page.locator(f"{ROOT} .wb-photos__image")).to_have_count(2)
    expect(page.locator(f"{ROOT} .wb-photos__image").nth(1)).to_be_visible()
    expect(page.locator(f"{ROOT} .wb-photos__caption-print").nth(1)).to_have_text("The park bench")
    expect(page.locator(f"{ROOT} .wb-photos__caption-print").nth(1)).to_be_visible()
    for hidden in (".wb-photos__actions", ".wb-photos__item-actions", ".wb-photos__caption", ".wb-photos__usage"):
        expect(page.locator(f"{ROOT} {hidden}").first).to_be_hidden()


def test_a_blank_printed_workbook_has_a_frame_for_photos(page: Page, base_url):
    review(page, base_url)
    page.evaluate("document.documentElement.classList.add('wb-print-blank')")
    page.emulate_media(media="print")
    frame = page.locator('[data-wb-review-prompt="5.4"] .wb-review__frame')
    expect(frame).to_be_visible()
    expect(frame).to_have_text("Stick your photos here")


def test_backup_clear_restore_gives_the_same_photos_byte_for_byte(page: Page, base_url):
    add_two(page, base_url)
    page.get_by_label("Caption for photo 1 (if you like)").fill("The library")
    page.wait_for_function("key => JSON.parse(localStorage.getItem(key)).value.photos[0].caption === 'The library'",
                           arg=PREFIX + "answer:5.4")
    raw_before = page.evaluate("key => localStorage.getItem(key)", PREFIX + "answer:5.4")
    photos_before = pictures(page)
    backup_clear_restore(page, base_url)
    expect(page.locator(".wb-banner")).to_contain_text("Restored 1 answer and 2 photos from your backup.")
    assert page.evaluate("key => localStorage.getItem(key)", PREFIX + "answer:5.4") == raw_before
    assert pictures(page) == photos_before
    page.goto(base_url + PAGE)
    assert [s[:2] for s in shown(page)] == [[1600, 1200], [900, 1200]]


@pytest.mark.parametrize(("button", "confirm"), [("Clear all my answers", "Yes, clear all my answers"),
                                                 ("Clear this answer (question 5.4)", "Yes, clear")])
def test_clearing_the_answer_removes_its_photos(page: Page, base_url, button, confirm):
    add_two(page, base_url)
    review(page, base_url)
    page.locator('section[data-wb-section="5"] .wb-review__answers > summary').click()
    page.get_by_role("button", name=button).click()
    dialog(page).get_by_role("button", name=confirm).click()
    page.wait_for_function(f"async () => ({STORED_PHOTOS})('{DATABASE}').then(l => l.length === 0)")
    assert stored(page) is None


def test_the_backup_file_carries_the_photos(page: Page, base_url):
    add_two(page, base_url)
    review(page, base_url)
    expect(page.locator(".wb-review__usage")).to_have_text("Your answers fit easily in this browser.")  # no sizes
    data = backup_file(page)
    backup = json.loads(data)
    assert {p["id"] for p in backup["photos"]} == {p["id"] for p in stored(page)["photos"]}
    assert sorted(backup["photos"], key=lambda p: p["id"]) == [
        {"id": p["id"], "type": p["type"], "data": p["data"]} for p in pictures(page)
    ]
    expect(page.locator(".wb-banner")).to_contain_text("1 answer and 2 photos")


def test_a_backup_made_where_photos_cannot_be_read_says_so(browser, base_url):
    context, page = blocked_database(browser)
    review(page, base_url)
    put(page, "5.4", {"text": "Calm", "photos": [{"id": "pkept0000001", "caption": "", "w": 800, "h": 600}]})
    page.reload()
    expect(page.locator(".wb-review__usage")).to_contain_text("Your photos cannot be read in this browser at the moment.")
    backup = json.loads(backup_file(page))
    assert backup["photos"] == [] and backup["answers"][0]["value"]["text"] == "Calm"
    expect(page.locator(".wb-banner .wb-review__warning")).to_have_text(
        "Your photos could not be read in this browser, so this backup has your words without them.")
    context.close()


def test_a_backup_with_a_damaged_photo_changes_nothing(page: Page, base_url):
    value = add_two(page, base_url)
    review(page, base_url)
    data = json.loads(backup_file(page))
    before = pictures(page)
    data["photos"][0]["data"] = base64.b64encode(b"<script>alert(1)</script>").decode()
    restore(page, json.dumps(data).encode())
    expect(page.locator(".wb-banner--problem")).to_contain_text("One of its photos is damaged.")
    expect(page.locator(".wb-banner--problem")).to_contain_text("Your answers are as they were.")
    assert stored(page) == value and pictures(page) == before


def test_keeping_both_adds_the_backups_photos_to_mine(page: Page, base_url):
    value = add_two(page, base_url)
    review(page, base_url)
    data = json.loads(backup_file(page))
    page.goto(base_url + PAGE)
    page.get_by_role("button", name="Remove photo 1").click()
    page.get_by_role("button", name="Yes, remove it").click()
    choose(page, [make_photo(page, 640, 480, words="Cafe")])
    mine = stored_count(page, 2)
    review(page, base_url)
    restore(page, json.dumps(data).encode())
    expect(dialog(page)).to_contain_text("The backup holds 2 photos.")
    dialog(page).get_by_role("button", name="Restore").click()  # "Keep both" is chosen at first
    merged = [p["id"] for p in stored_count(page, 3)["photos"]]
    assert merged == [p["id"] for p in mine["photos"]] + [value["photos"][0]["id"]]
    assert {p["id"] for p in pictures(page)} == set(merged)


def test_replace_then_undo_brings_back_the_photos_there_were(page: Page, base_url):
    add_two(page, base_url)
    review(page, base_url)
    data = json.loads(backup_file(page))
    page.goto(base_url + PAGE)
    choose(page, [make_photo(page, 640, 480, words="Cafe")])
    three = stored_count(page, 3)
    kept = pictures(page)
    review(page, base_url)
    restore(page, json.dumps(data).encode())
    dialog(page).get_by_label("Replace all my answers with the backup").check()
    dialog(page).get_by_role("button", name="Replace all my answers").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 1 answer and 2 photos")
    assert len(stored(page)["photos"]) == 2
    assert pictures(page) == kept, "the photo only this browser had is kept while the restore can be undone"
    page.get_by_role("button", name="Undo the restore").click()
    assert stored(page) == three
    assert pictures(page) == kept


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_photos(browser, base_url, scheme):
    context, page = scheme_page(browser, scheme)
    add_two(page, base_url)
    page.get_by_role("button", name="Remove photo 1").click()
    choose(page, [{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"Words"}])
    expect(page.locator(f"{ROOT} .wb-photos__alert")).to_be_visible()
    assert_accessible(page)
    review(page, base_url)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-wb-review-prompt=\"5.4\"] img')].every(i => i.naturalWidth > 0)")
    assert_accessible(page)
    context.close()


def test_the_collage_fits_a_small_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    add_two(page, base_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    for selector in (".wb-photos__image", ".wb-photos__caption", ".wb-photos__item-actions .wb-button"):
        for bounds in page.locator(f"{ROOT} {selector}").evaluate_all(
                "els => els.map(e => e.getBoundingClientRect()).map(r => [r.left, r.right, r.height])"):
            assert bounds[0] >= 0 and bounds[1] <= 320, (selector, bounds)
    heights = page.locator(f"{ROOT} .wb-button:visible").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert min(heights) >= 44, "buttons are big enough for a finger"
    context.close()
