"""Browser: My answers — review, back up, restore, readable copies, print, clear."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect
from backups import BAD_FILES, entry, GOOD, THROUGH_THE_PAGE, valid_backup
from my_answers import answer_keys, backup_clear_restore, backup_file, dialog, everything, expand, ours, put, restore, review, value
from pages import assert_accessible, box, NAMESPACE, PREFIX, scheme_page

pytestmark = pytest.mark.browser

def fill_some(page: Page, base_url: str) -> None:
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill("First answer ✓ with “quotes” and\nlines 😀")
    box(page, "1.3").fill("Allies: <b>not bold</b> & co")
    expect(page.locator("#wb-status-1-3")).to_contain_text("Saved today")
    page.goto(base_url + "power/")
    page.locator('input[name="wb-ladder-8-6-now"][value="3"]').click()
    page.locator('input[name="wb-ladder-8-6-hope"][value="6"]').click()
    page.get_by_role("button", name="Keep today’s placement").click()
    expect(page.locator(".wb-ladder__entries li")).to_have_count(1)


# ---- when JavaScript is unavailable -------------------------------------------


def test_when_javascript_is_unavailable_the_page_lists_every_question(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "my-answers/")
    expect(page.locator(".wb-review__no-script")).to_be_visible()
    expect(page.locator(".wb-review__tools")).to_be_hidden()
    assert page.locator("[data-wb-review-prompt]").count() == 59 + 10  # the workbook and the examples page
    link = page.locator('[data-wb-review-prompt="3.3"] a')
    expect(link).to_have_attribute("href", "../theory/#wb-prompt-3-3")
    context.close()


# ---- review and progress -------------------------------------------------------


def test_the_page_shows_each_answer_under_its_question_with_progress(page: Page, base_url):
    fill_some(page, base_url)
    review(page, base_url)
    first = page.locator('[data-wb-review-prompt="1.1"]')
    expect(first.locator(".wb-review__text")).to_have_text("First answer ✓ with “quotes” and\nlines 😀")
    expect(page.locator('section[data-wb-section="1"] .wb-review__progress')).to_have_text("2 of 8 answered")
    expect(page.locator('section[data-wb-section="8"] .wb-review__progress')).to_have_text("1 of 6 answered")
    expect(page.locator('section[data-wb-section="2"] .wb-review__progress')).to_have_text("Not started")
    expect(page.locator(".wb-review__usage")).to_have_text("Your answers fit easily in this browser.")
    expect(page.locator('[data-wb-review-prompt="8.6"] .wb-review__text')).to_contain_text(
        "Where you are now: rung 3 of 8.")
    # Markup in an answer is shown as text.
    expect(page.locator('[data-wb-review-prompt="1.3"] .wb-review__text')).to_have_text("Allies: <b>not bold</b> & co")
    assert page.locator('[data-wb-review-prompt="1.3"] b').count() == 0
    # A question links back to its box.
    expand(page, 1)
    first.get_by_role("link").click()
    expect(page).to_have_url(base_url + "beginnings/#wb-prompt-1-1")


def test_section_pages_say_how_many_are_answered(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    expect(page.locator(".wb-progress")).to_have_text("0 of 8 answered on this page.")
    box(page, "1.2").fill("Goals")
    expect(page.locator(".wb-progress")).to_have_text("1 of 8 answered on this page.")
    box(page, "1.2").fill("   ")
    expect(page.locator(".wb-progress")).to_have_text("0 of 8 answered on this page.")


def test_the_navigation_says_how_many_are_answered_on_each_page(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    beginnings = page.locator(".md-nav--primary").get_by_role("link", name="1. Reflections on Beginnings")
    expect(beginnings.first.locator(".wb-nav-progress")).to_have_text("0 of 8 answered")
    box(page, "1.2").fill("Goals")
    expect(beginnings.first.locator(".wb-nav-progress")).to_have_text("1 of 8 answered")
    # Seen as "1 of 8" (never "1/8", which a UK reader takes for a date), heard as "1 of 8 answered".
    expect(beginnings.first.locator(".wb-nav-progress > span:not(.wb-visually-hidden)").last).to_have_text("1 of 8")
    page.evaluate("window.wbMarker = 1")
    page.locator(".md-nav--primary").get_by_role("link", name="3. Reflections on Theory").first.click()
    expect(page).to_have_url(base_url + "theory/")
    assert page.evaluate("window.wbMarker") == 1, "instant navigation, not a page load"
    expect(beginnings.first).to_have_accessible_name("1. Reflections on Beginnings 1 of 8 answered")
    for prompt_id in ("1.1", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"):
        put(page, prompt_id, "Done")
    page.reload()
    expect(beginnings.first.locator(".wb-nav-progress")).to_have_text("✓ 8 of 8 answered")
    expect(page.locator(".md-nav--primary").get_by_role("link", name="My answers").locator(".wb-nav-progress")).to_have_count(0)


def test_answers_to_prompts_no_longer_in_the_workbook_are_listed_not_dropped(page: Page, base_url):
    review(page, base_url)
    put(page, "1.99", "An answer to a removed question")
    page.reload()
    orphans = page.locator(".wb-review__orphans")
    expect(orphans).to_be_visible()
    expect(orphans.locator("h3")).to_have_text("1.99 (the question’s words were not kept)")
    expect(orphans).to_contain_text("An answer to a removed question")


def test_an_answer_kept_aside_is_shown_copied_backed_up_restored_and_removable(page: Page, base_url, context):
    # As if an organisation had changed 1.1 from a list to a text box: the reader's list no longer fits it.
    page.goto(base_url + "beginnings/")
    put(page, "1.1", {"lists": [["Kind", "Patient"]]})
    page.reload()
    expect(page.locator(".wb-notice")).to_contain_text("could not be read")
    review(page, base_url)
    aside = page.locator(".wb-review__asides")
    expect(aside).to_be_visible()
    expect(aside.locator("h3")).to_have_text("Question 1.1")
    expect(aside.locator(".wb-review__text")).to_have_text("Kind\nPatient")
    assert_accessible(page)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    aside.get_by_role("button", name="Copy these words (kept aside, question 1.1)").click()
    expect(page.locator(".wb-banner")).to_contain_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == "Kind\nPatient"

    kept = {k: v for k, v in ours(page).items() if ":aside:" in k}
    assert len(kept) == 1
    backup_clear_restore(page, base_url)
    assert {k: v for k, v in ours(page).items() if ":aside:" in k} == kept
    expect(aside.locator(".wb-review__text")).to_have_text("Kind\nPatient")

    aside.get_by_role("button", name="Remove (kept aside, question 1.1)").click()
    dialog(page).get_by_role("button", name="Yes, remove").click()
    expect(aside).to_be_hidden()
    assert not any(":aside:" in k for k in ours(page))


# ---- backup and restore ---------------------------------------------------------


def test_backup_then_clear_then_restore_gives_identical_answers(page: Page, base_url):
    fill_some(page, base_url)
    put(page, "1.99", "Kept although its question is gone")
    review(page, base_url)
    before = answer_keys(page)
    assert len(before) == 4
    data = backup_file(page)
    backup = json.loads(data)
    assert backup["format"] == "wb-backup" and backup["version"] == 1
    assert backup["namespace"] == NAMESPACE and backup["workbook"] == "Peer Mentoring in Criminal Justice"
    by_id = {a["id"]: a for a in backup["answers"]}
    assert by_id["1.1"]["prompt"].startswith("What brought you to peer mentoring?")
    assert by_id["1.99"]["prompt"] is None
    assert by_id["8.6"]["value"]["history"][0]["now"] == 3
    expect(page.locator(".wb-banner")).to_contain_text("Keep it somewhere safe")

    page.get_by_role("button", name="Clear all my answers").click()
    expect(dialog(page)).to_be_visible()
    dialog(page).get_by_role("button", name="Yes, clear all my answers").click()
    expect(dialog(page)).to_be_hidden()
    assert ours(page) == {}

    restore(page, data)
    expect(dialog(page)).to_contain_text("4 answers in the backup are not in this browser.")
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 4 answers")
    assert answer_keys(page) == before
    page.goto(base_url + "beginnings/")
    expect(box(page, "1.1")).to_have_value("First answer ✓ with “quotes” and\nlines 😀")




@pytest.mark.parametrize("name", THROUGH_THE_PAGE)
def test_a_bad_backup_file_gives_a_message_and_changes_nothing(page: Page, base_url, name):
    content, message = BAD_FILES[name]
    review(page, base_url)
    put(page, "1.1", "Mine")
    page.evaluate("() => localStorage.setItem('__palette', '{\"index\":0}')")
    before = everything(page)
    restore(page, content)
    banner = page.locator(".wb-banner--problem")
    expect(banner.locator(".wb-banner__heading")).to_have_text("Nothing was restored")
    expect(banner).to_contain_text(message)
    expect(banner).to_contain_text("Your answers are as they were.")
    expect(banner).to_be_focused()
    expect(banner).to_have_attribute("role", "alert")
    expect(dialog(page)).to_be_hidden()
    assert everything(page) == before
    assert page.evaluate("() => ({}).polluted === undefined && Object.prototype.polluted === undefined")
    assert page.evaluate("() => window.pwned") is None
    assert banner.locator("img, script").count() == 0


def prepare_merge(page: Page, base_url: str) -> dict:
    review(page, base_url)
    put(page, "1.1", "Mine")
    put(page, "1.3", "Only in this browser")
    put(page, "2.1", "The same in both")
    page.reload()
    before = answer_keys(page)
    data = valid_backup([entry("1.1", "Theirs"), entry("1.2", "Only in the file"), entry("2.1", "The same in both"),
                         entry("4.7", "A question this workbook does not have")])
    restore(page, json.dumps(data).encode())
    expect(dialog(page)).to_contain_text("2 answers in the backup are not in this browser.")
    expect(dialog(page)).to_contain_text("1 answer is different in the backup.")
    expect(dialog(page)).to_contain_text("1 answer is the same in both.")
    expect(dialog(page)).to_contain_text("1 answer is only in this browser.")
    expect(dialog(page)).to_contain_text("no longer has (4.7)")
    return before


def test_a_restore_leaves_a_damaged_answer_as_it_was(page: Page, base_url):
    review(page, base_url)
    page.evaluate("key => localStorage.setItem(key, '{broken')", PREFIX + "answer:1.2")
    page.reload()
    expect(page.locator(".wb-review__asides .wb-review__text")).to_have_text("{broken")
    restore(page, GOOD)
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 2 answers")
    assert ours(page)[PREFIX + "answer:1.2"] == "{broken"
    assert "{broken" in [v for k, v in ours(page).items() if ":aside:answer:1.2:" in k]


def test_material_shortcut_keys_typed_on_a_choice_in_the_restore_dialog_do_nothing(page: Page, base_url):
    prepare_merge(page, base_url)
    choice = dialog(page).get_by_label("Use the backup’s answer")
    choice.focus()
    for key in ("n", "p", "/", "s"):
        choice.press(key)
    expect(choice).to_be_focused()
    assert page.url == base_url + "my-answers/"


def test_merge_keeping_both_versions(page: Page, base_url):
    prepare_merge(page, base_url)
    dialog(page).get_by_role("button", name="Restore").click()
    merged = value(page, "1.1")
    assert merged.startswith("Mine\n\n— From the backup of ") and merged.endswith("—\n\nTheirs")
    assert value(page, "1.2") == "Only in the file"
    assert value(page, "1.3") == "Only in this browser"
    assert value(page, "4.7") == "A question this workbook does not have"
    expect(page.locator(".wb-review__orphans h3")).to_have_text("4.7 (the question’s words were not kept)")


def test_merge_preferring_the_file(page: Page, base_url):
    prepare_merge(page, base_url)
    dialog(page).get_by_label("Use the backup’s answer").check()
    dialog(page).get_by_role("button", name="Restore").click()
    assert value(page, "1.1") == "Theirs"
    assert value(page, "1.3") == "Only in this browser"


def test_replace_then_undo_gives_back_exactly_what_was_there(page: Page, base_url):
    before = prepare_merge(page, base_url)
    dialog(page).get_by_label("Replace all my answers").check()
    # The one choice that removes answers: its button says so.
    dialog(page).get_by_role("button", name="Replace all my answers").click()
    assert value(page, "1.1") == "Theirs"
    assert value(page, "1.3") is None
    assert answer_keys(page)[PREFIX + "answer:1.1"] == json.dumps(
        {"v": 1, "value": "Theirs", "saved": "2026-11-20T11:00:00.000Z"}, separators=(",", ":"))
    page.reload()  # the undo survives a reload
    page.get_by_role("button", name="Undo the restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("The restore is undone")
    assert answer_keys(page) == before
    assert PREFIX + "undo:restore" not in ours(page)


# The journal's database opens only when the test says so (window.wbOpenJournal()).
HOLD_JOURNAL = """(() => {
    let release;
    const held = new Promise(resolve => { release = resolve; });
    window.wbOpenJournal = release;
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (name, version) {
        const request = open.call(this, name, version);
        if (!String(name).endsWith(':journal')) return request;
        Object.defineProperty(request, 'onsuccess', {
            set(handler) { request.addEventListener('success', event => held.then(() => handler.call(request, event))); },
        });
        return request;
    };
})()"""


def test_an_undo_made_before_the_journal_has_replayed_is_not_written_over_by_it(page: Page, base_url):
    before = prepare_merge(page, base_url)
    dialog(page).get_by_label("Replace all my answers").check()
    dialog(page).get_by_role("button", name="Replace all my answers").click()
    assert value(page, "1.1") == "Theirs"
    page.wait_for_function("() => WB.journal.done")
    page.add_init_script(HOLD_JOURNAL)
    page.reload()
    # A slow phone: the reader undoes the restore before the journal has even opened.
    page.get_by_role("button", name="Undo the restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("The restore is undone")
    assert answer_keys(page) == before
    page.evaluate("window.wbOpenJournal()")
    assert page.evaluate("WB.journal.done") == []
    assert answer_keys(page) == before


def test_a_restore_that_does_not_fit_changes_nothing(page: Page, base_url):
    review(page, base_url)
    put(page, "1.1", "Mine")
    before = everything(page)
    page.evaluate("""() => {
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (String(key).includes(':answer:1.2')) throw new DOMException('full', 'QuotaExceededError');
            return setItem.call(this, key, value);
        };
    }""")
    restore(page, json.dumps(valid_backup([entry("1.1", "Theirs"), entry("1.2", "Too much")])).encode())
    dialog(page).get_by_label("Use the backup’s answer").check()
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner--problem")).to_contain_text("nothing was changed")
    assert everything(page) == before


def test_a_valid_backup_with_hostile_text_restores_it_as_text(page: Page, base_url):
    review(page, base_url)
    hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
    restore(page, json.dumps(valid_backup([entry("1.1", hostile), entry("1.99", hostile)])).encode())
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator('[data-wb-review-prompt="1.1"] .wb-review__text')).to_have_text(hostile)
    assert page.locator(".wb-review img, .wb-review script").count() == 0
    assert page.evaluate("() => window.pwned") is None


# ---- readable copies ---------------------------------------------------------------


def test_readable_copies_as_text_markdown_web_page_and_clipboard(page: Page, base_url, context):
    fill_some(page, base_url)
    review(page, base_url)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as text").click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert "Peer Mentoring in Criminal Justice: my answers" in text
    assert "1. Reflections on Beginnings\n============================" in text
    assert "1.1 What brought you to peer mentoring?" in text
    assert "First answer ✓ with “quotes” and\nlines 😀" in text
    assert "1.2 What are your personal goals?" not in text  # unanswered questions are left out, unless asked for

    page.get_by_label("Which answers").select_option(label="8. Reflections on Power")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Markdown").click()
    markdown = open(info.value.path(), encoding="utf-8").read()
    assert "## 8. Reflections on Power" in markdown and "Beginnings" not in markdown
    assert "Where you are now: rung 3 of 8." in markdown

    page.get_by_label("Which answers").select_option("all")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as a web page").click()
    html = open(info.value.path(), encoding="utf-8").read()
    assert "Allies: &lt;b&gt;not bold&lt;/b&gt; &amp; co" in html

    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy my answers").click()
    expect(page.locator(".wb-banner")).to_contain_text("Your answers are copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert "First answer ✓" in copied and "1.2 What are your personal goals?" not in copied
    page.get_by_label("Include the questions not answered yet").check()
    page.get_by_role("button", name="Copy my answers").click()
    expect(page.locator(".wb-banner")).to_contain_text("Your answers are copied")
    assert "1.2 What are your personal goals?\n\n(Not answered)" in page.evaluate("() => navigator.clipboard.readText()")


# ---- print ---------------------------------------------------------------------------


def test_printing_my_answers_shows_every_answer_and_no_navigation(page: Page, base_url):
    long = "\n".join(f"Line {n} of a long answer." for n in range(1, 60))
    review(page, base_url)
    put(page, "1.1", long)
    page.reload()
    page.emulate_media(media="print")
    expect(page.locator('[data-wb-review-prompt="1.1"] .wb-review__text')).to_have_text(long)
    for hidden in (".md-header", ".md-sidebar--primary", ".wb-review__tools", ".md-footer"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator('[data-wb-review-prompt="1.1"] .wb-review__blank')).to_be_hidden()


def test_printing_a_blank_workbook_shows_writing_space_and_no_answers(page: Page, base_url):
    review(page, base_url)
    put(page, "1.1", "Not to be printed")
    page.reload()
    page.evaluate("() => { window.print = () => {}; }")  # the print dialog is the browser's: its page is what we check
    page.get_by_role("button", name="Print a blank workbook").click()
    page.emulate_media(media="print")
    expect(page.locator('[data-wb-review-prompt="1.1"] .wb-review__answer')).to_be_hidden()
    lines = page.locator('[data-wb-review-prompt="1.1"] .wb-review__line')
    expect(lines).to_have_count(6)
    expect(lines.first).to_be_visible()
    assert lines.first.bounding_box()["height"] > 20
    expect(page.locator('[data-wb-review-prompt="8.6"] .wb-review__blank')).to_contain_text("Now: rung ____")
    expect(page.locator(".wb-review__blank-title")).to_have_text("Peer Mentoring in Criminal Justice")
    expect(page.locator("article h1").first).to_be_hidden()
    expect(page.get_by_text("Using a shared computer?")).to_be_hidden()


# ---- clear -----------------------------------------------------------------------------


def test_clearing_everything_removes_only_this_workbooks_keys(page: Page, base_url):
    fill_some(page, base_url)
    review(page, base_url)
    page.evaluate("""() => {
        localStorage.setItem('__palette', '{"index":1}');
        localStorage.setItem('/.__tabs', '[]');
        localStorage.setItem('wb:v1:another-workbook:answer:1.1', '{"v":1,"value":"theirs","saved":"2026-01-01T00:00:00Z"}');
    }""")
    others = {k: v for k, v in everything(page).items() if not k.startswith(PREFIX)}
    page.get_by_role("button", name="Clear all my answers").click()
    dialog(page).get_by_role("button", name="Cancel").click()
    assert len(answer_keys(page)) == 3
    page.get_by_role("button", name="Clear all my answers").click()
    dialog(page).get_by_role("button", name="Yes, clear all my answers").click()
    assert ours(page) == {}
    assert everything(page) == others
    expect(page.locator('section[data-wb-section="1"] .wb-review__progress')).to_have_text("Not started")


def test_clearing_one_section_or_one_answer(page: Page, base_url):
    fill_some(page, base_url)
    review(page, base_url)
    expand(page, 8)
    page.locator('section[data-wb-section="8"]').get_by_role("button", name="Clear this section’s answers").click()
    dialog(page).get_by_role("button", name="Yes, clear").click()
    assert value(page, "8.6") is None and value(page, "1.1") is not None
    expand(page, 1)
    page.get_by_role("button", name="Clear this answer (question 1.3)").click()
    expect(dialog(page)).to_contain_text("Clear your answer to 1.3")
    dialog(page).get_by_role("button", name="Yes, clear").click()
    assert value(page, "1.3") is None and value(page, "1.1") is not None
    expect(page.locator('[data-wb-review-prompt="1.3"]')).to_contain_text("Not answered yet.")


def test_a_section_page_open_in_another_tab_shows_the_answer_cleared(context, base_url):
    section = context.new_page()
    section.goto(base_url + "beginnings/")
    box(section, "1.4").fill("To be cleared")
    expect(section.locator("#wb-status-1-4")).to_contain_text("Saved today")
    mine = context.new_page()
    review(mine, base_url)
    expand(mine, 1)
    mine.get_by_role("button", name="Clear this answer (question 1.4)").click()
    dialog(mine).get_by_role("button", name="Yes, clear").click()
    expect(box(section, "1.4")).to_have_value("")
    expect(section.locator("#wb-status-1-4")).to_have_text("Cleared in another window.")


# ---- the reminder -----------------------------------------------------------------------


def test_a_reminder_to_back_up_appears_once_there_are_answers_and_can_be_put_off(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    expect(page.locator(".wb-reminder")).to_have_count(0)
    box(page, "1.1").fill("Something worth keeping")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    page.reload()
    reminder = page.locator(".wb-reminder")
    expect(reminder).to_contain_text("You have not made a backup of your answers yet.")
    reminder.get_by_role("button", name="Not now").click()
    expect(reminder).to_have_count(0)
    page.reload()
    expect(page.locator(".wb-reminder")).to_have_count(0)


def test_making_a_backup_stops_the_reminder(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    put(page, "1.1", "Something")
    page.reload()
    expect(page.locator(".wb-reminder")).to_be_visible()
    page.locator(".wb-reminder").get_by_role("link", name="Make a backup").click()
    backup_file(page)
    expect(page.locator(".wb-reminder")).to_have_count(0)
    page.goto(base_url + "theory/")
    expect(page.locator(".wb-reminder")).to_have_count(0)


def test_the_reminder_names_the_last_backups_date(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    page.evaluate("key => localStorage.setItem(key, JSON.stringify({v: 1, value: {last: '2026-10-03T09:00:00.000Z'}, saved: '2026-10-03T09:00:00.000Z'}))",
                  PREFIX + "meta:backup")
    put(page, "1.1", "Written after it", saved="2026-10-20T09:00:00.000Z")
    page.reload()
    day = "3 October 2026"  # the catalogue's locale, en-GB, whatever the browser's own
    expect(page.locator(".wb-reminder")).to_contain_text(f"Your last backup was on {day}, and you have written more since.")
    review(page, base_url)
    # My answers writes dates as the catalogue's locale does (en-GB).
    expect(page.locator(".wb-review__last-backup")).to_have_text("Your last backup was made on 3 October 2026.")


IPHONE_CHROME = "Object.defineProperty(Navigator.prototype, 'vendor', {get: () => 'Apple Computer, Inc.'});"


@pytest.mark.parametrize("where", ["an iPhone's Chrome", "Chromium", "the Home Screen"])
def test_the_week_rule_is_told_where_the_engine_has_it_and_not_elsewhere(browser, base_url, where):
    # Chrome on an iPhone is WebKit: it reports Apple as its vendor, whatever its name says.
    context = browser.new_context(user_agent=(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "CriOS/131.0 Mobile/15E148 Safari/604.1") if where != "Chromium" else None)
    if where != "Chromium":
        context.add_init_script(IPHONE_CHROME)
    if where == "the Home Screen":
        context.add_init_script("Object.defineProperty(Navigator.prototype, 'standalone', {get: () => true});")
    page = context.new_page()
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill("Worth keeping")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    note = page.locator('[data-wb-prompt="1.1"] .wb-keeping')
    if where != "an iPhone's Chrome":
        expect(note).to_have_count(0)
        context.close()
        return
    expect(note).to_be_visible()
    expect(note).to_contain_text("may delete your answers if you do not open the workbook for 7 days")
    expect(note.get_by_role("link", name="Make a backup")).to_be_visible()
    assert_accessible(page)
    page.reload()
    box(page, "1.2").fill("More")
    expect(page.locator("#wb-status-1-2")).to_contain_text("Saved today")
    expect(page.locator(".wb-keeping")).to_have_count(0)
    context.close()


def test_my_answers_says_when_the_browser_has_agreed_to_keep_them(page: Page, base_url):
    page.add_init_script("navigator.storage.persisted = () => Promise.resolve(true);")
    review(page, base_url)
    expect(page.locator(".wb-review__keeping")).to_have_text(
        "This browser has agreed to keep your answers until you clear them yourself.")
    expect(page.locator(".wb-review__last-backup")).to_have_text("You have not made a backup yet.")


# ---- accessibility -----------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_page_and_its_dialogs(browser, base_url, scheme):
    context, page = scheme_page(browser, scheme)
    fill_some(page, base_url)
    review(page, base_url)
    assert_accessible(page)
    restore(page, GOOD)
    expect(dialog(page)).to_be_visible()
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(dialog(page)).to_be_hidden()
    page.get_by_role("button", name="Clear all my answers").click()
    expect(dialog(page).get_by_role("button", name="Download a backup first")).to_be_focused()
    assert_accessible(page)
    context.close()
