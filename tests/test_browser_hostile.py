"""Browser: the corpus of hostile backup files (tests/hostile_backups.py). Each is refused, leaving
localStorage and the photos' database byte for byte as they were, or restored exactly.

The check of every file of the corpus (refused with its reason, or taken exactly) runs in one page in
test_logic.py; here a few files go all the way through the page: one of each kind of refusal (a byte that
is not text, a value no kind takes, a picture of a kind not taken, no room to store) and one of each way
of restoring (UTF-16 text, photos, an answer kept aside)."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest
from hostile_backups import CORPUS, THROUGH_THE_PAGE
from playwright.sync_api import Page, expect
from my_answers import dialog, everything, put, restore, review
from pages import digests, photo_answer, PREFIX, PUT_PHOTO

pytestmark = pytest.mark.browser

MINE = base64.b64encode(b"\xff\xd8\xff\xe0" + b"mine" * 100).decode()


def test_the_corpus_is_large_and_has_both_outcomes():
    assert len(CORPUS) >= 40
    assert {outcome for _, outcome in CORPUS.values()} == {"refused", "restored"}




@pytest.mark.parametrize("name", THROUGH_THE_PAGE)
def test_a_hostile_backup_is_refused_untouched_or_restored_exactly(page: Page, base_url, name):
    content, outcome = CORPUS[name]
    review(page, base_url)
    put(page, "1.1", "Mine")
    page.evaluate(PUT_PHOTO, ["pmine000000001", MINE, "2026-11-01T00:00:00.000Z"])
    put(page, "5.4", photo_answer("pmine000000001", text="My collage"))
    page.reload()
    before, pictures = everything(page), digests(page)
    restore(page, content)
    # A preview to confirm (in the dialog), or a refusal at once (in the banner at the top).
    shown = page.locator("dialog.wb-review__dialog[open] h2, .wb-banner__heading")
    expect(shown.first).to_be_visible(timeout=20000)
    if shown.first.text_content().startswith("Restore from the backup"):
        dialog(page).get_by_label("Use the backup’s answer").check()
        dialog(page).get_by_role("button", name="Restore").click()
    if outcome == "refused":
        expect(page.locator(".wb-banner__heading")).to_have_text("Nothing was restored")
        expect(page.locator(".wb-banner--problem")).to_contain_text("Your answers are as they were.")
        assert everything(page) == before
        assert digests(page) == pictures
        return
    expect(page.locator(".wb-banner")).to_contain_text("Restored")
    data = json.loads(content.decode("utf-16") if content[:2] in (b"\xff\xfe", b"\xfe\xff") else content.decode("utf-8-sig"))
    stored = everything(page)
    for answer in data["answers"]:
        record = json.loads(stored[PREFIX + "answer:" + answer["id"]])
        assert (record["value"], record["saved"]) == (answer["value"], answer["saved"]), answer["id"]
    for kept in data.get("aside", []):
        assert stored[PREFIX + "aside:" + kept["id"]] == kept["raw"]
    now = digests(page)
    for picture in data.get("photos", []):
        assert now[picture["id"]] == hashlib.sha256(base64.b64decode(picture["data"])).hexdigest()
    assert now["pmine000000001"] == pictures["pmine000000001"]
