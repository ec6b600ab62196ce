"""Browser: the edges of "not one word lost" (issue 11) — copies, policy, merges of every kind,
undo, kept-aside photos, photo ids, old backups, other tabs, hostile sizes."""

from __future__ import annotations

import base64
import json
import re

import markdown
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect
from backups import entry, valid_backup
from my_answers import dialog, ours, put, restore, review, value
from pages import box, digests, jpeg, photo_answer, PREFIX, PUT_PHOTO, sha

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


def restore_theirs_over_mine(page: Page, base_url: str) -> None:
    """Every kind answered (MINE), then a backup of other answers to the same prompts (THEIRS) opened."""
    review(page, base_url)
    for prompt_id, answer in MINE.items():
        put(page, prompt_id, answer)
    page.reload()
    restore(page, json.dumps(valid_backup([entry(i, v) for i, v in THEIRS.items()])).encode())


def test_keep_both_merges_every_kind_and_loses_no_word_of_either(page: Page, base_url):
    restore_theirs_over_mine(page, base_url)
    dialog(page).get_by_role("button", name="Restore").click()  # "Keep both" is chosen at first
    expect(page.locator(".wb-banner")).to_contain_text("Restored 7 answers")
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
    expect(page.locator(".wb-banner")).to_contain_text("kept aside")
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
    restore_theirs_over_mine(page, base_url)
    dialog(page).get_by_label("Use the backup’s answer").check()
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 7 answers")
    for prompt_id, answer in THEIRS.items():
        assert value(page, prompt_id) == answer, prompt_id


# ---- restore: undo, photos, old backups ------------------------------------------------



def test_undo_of_a_restore_keeps_what_was_written_since_and_its_photo(page: Page, base_url):
    review(page, base_url)
    put(page, "1.1", "Before the restore")
    page.reload()
    restore(page, json.dumps(valid_backup([entry("1.1", "From the backup"), entry("1.2", "Also from the backup")])).encode())
    dialog(page).get_by_label("Use the backup’s answer").check()
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 2 answers")
    # Then the reader writes: a new answer with a photo, and changes a restored one.
    page.goto(base_url + "beginnings/")
    box(page, "1.3").fill("Written after the restore")
    box(page, "1.2").fill("Also from the backup, and changed since")
    expect(page.locator("#wb-status-1-2")).to_contain_text("Saved today")
    picture = jpeg(page, "After")
    page.evaluate(PUT_PHOTO, ["pafterrestore01", picture, "2020-01-01T00:00:00.000Z"])
    put(page, "5.4", photo_answer("pafterrestore01", text="My collage"))
    review(page, base_url)
    page.get_by_role("button", name="Undo the restore").click()
    message = page.locator(".wb-banner")
    expect(message).to_contain_text("The restore is undone")
    expect(message).to_contain_text("(1.2, 1.3, 5.4) are kept as they are now")
    assert value(page, "1.1") == "Before the restore"
    assert value(page, "1.3") == "Written after the restore"
    assert value(page, "1.2") == "Also from the backup, and changed since"
    assert value(page, "5.4") == photo_answer("pafterrestore01", text="My collage")
    page.reload()  # My answers tidies photos nothing points to: this one is pointed to
    expect(page.locator('[data-wb-review-prompt="5.4"] .wb-photos__image')).to_have_js_property("naturalWidth", 320)
    assert digests(page) == {"pafterrestore01": sha(picture)}


def test_photos_of_an_answer_kept_aside_are_never_deleted_and_travel_in_backups(page: Page, base_url):
    review(page, base_url)
    picture = jpeg(page, "Aside")
    page.evaluate(PUT_PHOTO, ["pkeptaside0001", picture, "2020-01-01T00:00:00.000Z"])  # added long ago
    # A collage kept aside (5.4 was damaged once, or its kind changed): its photo was added long ago.
    page.evaluate("([key, text]) => localStorage.setItem(key, text)",
                  [PREFIX + "aside:answer:5.4:1700000000000",
                   json.dumps({"v": 1, "value": photo_answer("pkeptaside0001", text="Old collage"), "saved": "2026-01-01T00:00:00.000Z"})])
    page.reload()
    expect(page.locator(".wb-review__asides")).to_contain_text("Old collage")
    page.wait_for_function("() => WB.photos.tidy().then(() => true)")
    assert digests(page) == {"pkeptaside0001": sha(picture)}
    with page.expect_download() as info:
        page.get_by_role("button", name="Download a backup").click()
    data = json.loads(open(info.value.path(), "rb").read())
    assert [p["id"] for p in data["photos"]] == ["pkeptaside0001"] and sha(data["photos"][0]["data"]) == sha(picture)
    # Cleared, then restored from that backup: the aside and its photo come back together.
    page.get_by_role("button", name="Clear all my answers").click()
    dialog(page).get_by_role("button", name="Yes, clear all my answers").click()
    page.evaluate("() => WB.photos.clear()")
    restore(page, json.dumps(data).encode())
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 0 answers and 1 photo")
    assert digests(page) == {"pkeptaside0001": sha(picture)}


def test_a_backup_photo_never_overwrites_a_different_photo_with_its_id(page: Page, base_url):
    review(page, base_url)
    mine, theirs = jpeg(page, "Mine"), jpeg(page, "Theirs")
    page.evaluate(PUT_PHOTO, ["psameid0000001", mine, "2026-11-01T00:00:00.000Z"])
    put(page, "5.4", photo_answer("psameid0000001", text="Mine"))
    page.reload()
    backup = valid_backup([entry("5.4", photo_answer("psameid0000001", text="Theirs"))],
                          photos=[{"id": "psameid0000001", "type": "image/jpeg", "data": theirs}])
    restore(page, json.dumps(backup).encode())
    dialog(page).get_by_role("button", name="Restore").click()  # keep both
    expect(page.locator(".wb-banner")).to_contain_text("Restored 1 answer and 1 photo")
    merged = value(page, "5.4")
    ids = [p["id"] for p in merged["photos"]]
    assert ids[0] == "psameid0000001" and len(ids) == 2 and ids[1] != ids[0]
    assert digests(page) == {ids[0]: sha(mine), ids[1]: sha(theirs)}
    expect(page.locator('[data-wb-review-prompt="5.4"] .wb-photos__image')).to_have_count(2)
    page.get_by_role("button", name="Undo the restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("The restore is undone")
    assert value(page, "5.4") == photo_answer("psameid0000001", text="Mine")
    page.wait_for_function("() => WB.photos.list().then(l => l.length === 1)")
    assert digests(page) == {"psameid0000001": sha(mine)}


def test_an_old_backup_with_a_prompt_that_changed_kind_restores_the_rest_and_keeps_that_aside(page: Page, base_url):
    review(page, base_url)
    put(page, "1.2", "Mine")
    page.reload()
    before = ours(page)
    # 1.1 is a text box now; this backup was made when it was a list.
    old = valid_backup([entry("1.1", {"lists": [["Kind", "Patient"]]}), entry("1.3", "My allies"), entry("2.1", "Why")])
    restore(page, json.dumps(old).encode())
    expect(dialog(page)).to_contain_text("of another kind than its question asks for now (1.1)")
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 2 answers")
    assert value(page, "1.3") == "My allies" and value(page, "2.1") == "Why" and value(page, "1.1") is None
    aside = page.locator(".wb-review__asides")
    expect(aside.locator("h3")).to_have_text("Question 1.1")
    expect(aside.locator(".wb-review__text")).to_have_text("Kind\nPatient")
    page.get_by_role("button", name="Undo the restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("The restore is undone")
    assert ours(page) == before
    expect(aside).to_be_hidden()


def test_deep_nesting_is_refused_at_the_door_and_my_answers_shows_whatever_is_stored(page: Page, base_url):
    review(page, base_url)
    put(page, "1.1", "Mine")
    deep = '{"v":1,"saved":"2026-01-01T00:00:00.000Z","value":{"lists":[' + "[" * 5000 + '"x"' + "]" * 5000 + "]}}"
    before = ours(page)
    restore(page, json.dumps(valid_backup([], aside=[{"id": "answer:6.3:1700000000000", "raw": deep}])).encode())
    expect(page.locator(".wb-banner__heading")).to_have_text("Nothing was restored")
    assert ours(page) == before
    # Stored some other way (an older version, another tab): the page still works, and a restore too.
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [PREFIX + "aside:answer:6.3:1700000000000", deep])
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [PREFIX + "answer:6.3", deep])
    page.reload()
    expect(page.locator(".wb-review__asides h3").first).to_have_text("Question 6.3")
    restore(page, json.dumps(valid_backup([entry("1.2", "Good")])).encode())
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 1 answer")
    assert errors == []


def test_a_backup_with_a_20_mb_photo_previews_and_restores_byte_for_byte(page: Page, base_url):
    import os
    review(page, base_url)
    picture = b"\xff\xd8\xff\xe0" + os.urandom(20 * 1024 * 1024)
    data = base64.b64encode(picture).decode()
    backup = valid_backup([entry("5.4", photo_answer("pbigphoto00001", text="Big"))],
                          photos=[{"id": "pbigphoto00001", "type": "image/jpeg", "data": data}])
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    restore(page, json.dumps(backup).encode())
    expect(dialog(page)).to_contain_text("The backup holds 1 photo.", timeout=30000)
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 1 answer and 1 photo", timeout=30000)
    import hashlib
    assert digests(page) == {"pbigphoto00001": hashlib.sha256(picture).hexdigest()}
    assert errors == []


# ---- other tabs ----------------------------------------------------------------------


def test_a_value_another_tab_saved_that_this_one_cannot_read_is_kept_aside_not_overwritten(context, base_url):
    here, there = context.new_page(), context.new_page()
    here.goto(base_url + "beginnings/")
    box(here, "1.1").fill("Mine")
    expect(here.locator("#wb-status-1-1")).to_contain_text("Saved today")
    there.goto(base_url + "beginnings/")
    # The other tab runs a newer workbook where 1.1 is a list.
    newer = json.dumps({"v": 1, "value": {"lists": [["Written in the other tab"]]}, "saved": "2030-01-01T00:00:00.000Z"})
    there.evaluate("([key, text]) => localStorage.setItem(key, text)", [PREFIX + "answer:1.1", newer])
    here.wait_for_function("key => localStorage.getItem(key).includes('other tab')", arg=PREFIX + "answer:1.1")
    box(here, "1.1").fill("Mine, typed on")
    expect(here.locator("#wb-status-1-1")).to_contain_text("Saved today")
    expect(here.locator(".wb-notice")).to_contain_text("also changed in another tab or window")
    assert value(here, "1.1") == "Mine, typed on"
    assert newer in [v for k, v in ours(here).items() if k.startswith(PREFIX + "aside:answer:1.1:")]


def test_two_tabs_typing_in_one_answer_keep_both_and_say_so(context, base_url):
    here, there = context.new_page(), context.new_page()
    # This tab's timers wait for the test: its save (250 ms after typing) comes when the test says.
    here.clock.install()
    here.goto(base_url + "beginnings/")
    there.goto(base_url + "beginnings/")
    box(here, "1.1").fill("Typed here")
    # Before this tab's save, the other tab saves its own newer words (its own, not this tab's).
    box(there, "1.1").fill("Typed there")
    expect(there.locator("#wb-status-1-1")).to_have_text(re.compile(r"^Saved today at [^(]*$"))
    assert json.loads(ours(there)[PREFIX + "answer:1.1"])["value"] == "Typed there"
    here.clock.run_for(1000)
    expect(here.locator("#wb-status-1-1")).to_contain_text("Saved today")
    stored = json.dumps(ours(here), ensure_ascii=False)
    assert "Typed here" in stored and "Typed there" in stored
    notices = [here.locator(".wb-notice"), there.locator(".wb-notice")]
    assert sum(n.count() for n in notices) == 1
    review(here, base_url)
    expect(here.locator(".wb-review__asides .wb-review__text")).to_have_count(1)
