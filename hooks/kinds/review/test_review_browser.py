"""Browser: My answers on a 360 × 740 phone — the banner after each action, the summary, no layout
shift, storage in plain words, capitals, answers to removed questions, print and copies."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from playwright.sync_api import Page, expect
from backups import entry, GOOD, valid_backup
from my_answers import answer_keys, backup_file, dialog, expand, ours, put, restore
from pages import assert_accessible, box, PREFIX

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
# Seven answers of mixed kinds: text, capitals, a list, a letter, a drawing and the ladder.
SEVEN = {
    "1.1": "I came to peer mentoring because someone once stood by me.\nNow I want to do the same.",
    "1.3": "My allies: my sister, my probation officer, the group on Tuesdays.",
    "3.3": "I am more than my past",
    "4.1": {"lists": [["Kind", "Patient", "Funny", "Honest", "Turns up"]]},
    "7.2": "Dear me,\n\nYou made it through the hard years. Keep going.\n\nLove, me",
    "2.6": {"text": "A path through woods", "description": "A winding path",
            "strokes": [{"c": "#1f1f1f", "w": 4, "e": False, "p": [10, 10, 200, 200, 400, 100]}]},
    "8.6": {"now": 3, "hope": 6, "happy": "Not yet", "help": "Training",
            "history": [{"kept": "2026-10-01T09:00:00.000Z", "now": 2, "hope": 6, "happy": "", "help": ""}]},
}
CLS = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const shift of list.getEntries()) if (!shift.hadRecentInput) total += shift.value;
    }).observe({type: 'layout-shift', buffered: true});
    // Shifts are reported by the next frames: two of them after the answers are on the page.
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
})"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    yield context.new_page()
    context.close()


def open_review(page: Page, base_url: str, answers: dict | None = None) -> None:
    page.goto(base_url + "my-answers/")
    for prompt_id, value in (answers or {}).items():
        put(page, prompt_id, value)
    page.reload()
    expect(page.locator(".wb-review__tools")).to_be_visible()


def banner_in_view(page: Page, kind: str, words: str) -> None:
    """The result shows in the one banner, focused, announced, and on the screen."""
    banner = page.locator(".wb-banner")
    expect(banner).to_have_count(1)
    expect(banner).to_have_class(re.compile(rf"\bwb-banner--{kind}\b"))
    expect(banner).to_contain_text(words)
    expect(banner).to_be_focused()
    expect(banner).to_have_attribute("role", "alert" if kind == "problem" else "status")
    expect(banner.locator("h2")).to_have_text("There is a problem" if kind == "problem" else "Success")
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    shape = banner.bounding_box()
    assert shape["y"] >= 0 and shape["y"] + shape["height"] <= PHONE["height"], shape


def scroll_to_bottom(page: Page) -> None:
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")


# ---- 1. the result of every action, in view ---------------------------------------


def test_backup_copy_and_a_refused_restore_show_their_result_in_view(phone: Page, base_url):
    open_review(phone, base_url, {"1.1": "Mine"})
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    backup_file(phone)
    banner_in_view(phone, "success", "Your backup is downloading")
    scroll_to_bottom(phone)
    phone.get_by_role("button", name="Copy my answers").click()
    banner_in_view(phone, "success", "Your answers are copied")
    scroll_to_bottom(phone)
    restore(phone, b"not a backup")
    banner_in_view(phone, "problem", "Nothing was restored")


def test_restore_and_undo_show_their_result_in_view(phone: Page, base_url):
    open_review(phone, base_url, {"1.1": "Mine"})
    scroll_to_bottom(phone)
    restore(phone, GOOD)
    dialog(phone).get_by_role("button", name="Restore").click()
    banner_in_view(phone, "success", "Restored 2 answers from your backup.")
    phone.locator(".wb-banner").get_by_role("button", name="Undo the restore").click()
    banner_in_view(phone, "success", "The restore is undone")


@pytest.mark.parametrize("what", ["all", "section", "answer"])
def test_every_clear_shows_its_result_in_view(phone: Page, base_url, what):
    open_review(phone, base_url, {"1.1": "Mine", "1.3": "Also mine"})
    if what == "all":
        scroll_to_bottom(phone)
        phone.get_by_role("button", name="Clear all my answers").click()
        dialog(phone).get_by_role("button", name="Yes, clear all my answers").click()
        banner_in_view(phone, "success", "All your answers are cleared from this browser.")
        return
    expand(phone, 1)
    if what == "section":
        phone.get_by_role("button", name="Clear this section’s answers").click()
        dialog(phone).get_by_role("button", name="Yes, clear").click()
        banner_in_view(phone, "success", "Your answers to “1. Reflections on Beginnings” are cleared")
    else:
        phone.get_by_role("button", name="Clear this answer (question 1.3)").click()
        dialog(phone).get_by_role("button", name="Yes, clear").click()
        banner_in_view(phone, "success", "Your answer to 1.3 is cleared from this browser.")


def test_destructive_buttons_are_warnings_and_never_look_like_cancel(phone: Page, base_url):
    open_review(phone, base_url, {"1.1": "Mine"})
    colours = "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]"
    primary = phone.get_by_role("button", name="Download a backup", exact=True)
    expect(primary).to_have_class(re.compile(r"wb-button--primary"))
    phone.get_by_role("button", name="Clear all my answers").click()
    confirm = dialog(phone).get_by_role("button", name="Yes, clear all my answers")
    cancel = dialog(phone).get_by_role("button", name="Cancel")
    expect(confirm).to_have_class(re.compile(r"wb-button--warning"))
    assert confirm.evaluate(colours) != cancel.evaluate(colours)
    assert confirm.evaluate(colours) != primary.evaluate(colours)
    # One primary action in each box of tools.
    for group in phone.locator(".wb-review__group").all():
        assert group.locator(".wb-button--primary").count() <= 1


# ---- 3. a summary, not a wall ----------------------------------------------------------


def test_my_answers_is_a_summary_of_sections_with_their_answers_folded(phone: Page, base_url):
    open_review(phone, base_url)
    empty = phone.evaluate("document.documentElement.scrollHeight")
    every = {f"1.{n}": f"Answer {n}" for n in range(1, 9)}
    open_review(phone, base_url, {**SEVEN, **every})
    full = phone.evaluate("document.documentElement.scrollHeight")
    print(f"My answers at 360 px: {empty} px tall empty, {full} px with answers")  # was 11,700 and 13,710
    # About 4,000 px for the summary itself, and 850 for the lock's settings (issue 15).
    assert empty < 5500 and full < 5500
    rows = phone.locator("section.wb-review__section")
    expect(rows.nth(0).locator(".wb-review__progress")).to_have_text("Completed")
    expect(rows.nth(1).locator(".wb-review__progress")).to_have_text("1 of 6 answered")
    expect(rows.nth(4).locator(".wb-review__progress")).to_have_text("Not started")
    expect(rows.nth(4).locator(".wb-review__answers")).to_be_hidden()
    # Answers folded until asked for; each links back to its question.
    answer = phone.locator('[data-wb-review-prompt="1.3"] .wb-review__text')
    expect(answer).to_be_hidden()
    expand(phone, 2)
    expect(rows.nth(1).locator(".wb-review__answers > summary")).to_have_text("Show your answer")
    expect(phone.locator('[data-wb-review-prompt="2.6"] .wb-review__question a')).to_have_accessible_name(
        re.compile(r"^2\.6 Draw"))
    # The questions not answered yet: behind their count, each a link to its box.
    todo = rows.nth(1).locator(".wb-review__unanswered")
    expect(todo.locator("summary")).to_have_text("5 questions not answered yet")
    todo.locator("summary").click()
    link = todo.get_by_role("link", name=re.compile(r"^2\.1 "))
    expect(link).to_be_visible()
    expect(todo.get_by_role("link")).to_have_count(5)
    # No underlined space before the words: only the words are underlined, not the number (which holds the space).
    decoration = link.evaluate("a => [a, a.firstElementChild, a.lastElementChild].map(el => getComputedStyle(el).textDecorationLine)")
    assert decoration == ["none", "none", "underline"]
    assert link.evaluate("a => a.firstElementChild.textContent") == "2.1 "
    link.click()
    expect(phone).to_have_url(re.compile(r"/mentoring-in-criminal-justice/#wb-prompt-2-1$"))


def test_questions_not_answered_yet_follow_another_tab_and_keep_the_focus(phone: Page, base_url):
    open_review(phone, base_url, {"2.6": SEVEN["2.6"]})
    todo = phone.locator('section[data-wb-section="2"] .wb-review__unanswered')
    todo.locator("summary").click()
    expect(todo.get_by_role("link")).to_have_count(5)
    first = todo.get_by_role("link", name=re.compile(r"^2\.1 "))
    first.focus()
    # Another tab answers 2.2: its link goes, and the reader's place stays where it was.
    other = phone.context.new_page()
    other.goto(base_url + "my-answers/")
    put(other, "2.2", "Written in the other tab")
    expect(todo.get_by_role("link")).to_have_count(4)
    expect(todo.get_by_role("link", name=re.compile(r"^2\.2 "))).to_have_count(0)
    expect(todo.locator("summary")).to_have_text("4 questions not answered yet")
    expect(first).to_be_focused()
    # An answer elsewhere leaves this list as it was, and the focus too.
    put(other, "1.2", "In another section")
    expect(phone.locator('section[data-wb-section="1"] .wb-review__progress')).to_have_text("1 of 8 answered")
    expect(first).to_be_focused()


# ---- 4. nothing moves while the answers load ----------------------------------------------


@pytest.mark.parametrize("answers", [{}, SEVEN], ids=["empty", "seven answers"])
def test_nothing_moves_while_the_answers_load(phone: Page, base_url, answers):
    open_review(phone, base_url, answers)
    phone.reload()
    expect(phone.locator(".wb-review__tools")).to_be_visible()
    shift = phone.evaluate(CLS)
    print(f"cumulative layout shift: {shift}")
    assert shift == 0


# ---- 5. storage in plain words -------------------------------------------------------------


def test_storage_is_said_in_plain_words_and_close_to_full_says_what_to_do(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    open_review(page, base_url, SEVEN)
    usage = page.locator(".wb-review__usage")
    expect(usage).to_have_text("Your answers fit easily in this browser.")
    text = page.locator("article").inner_text()
    assert not re.search(r"\b\d[\d.,]*\s*(bytes|KB|MB|GB)\b", text), text
    page.add_init_script("navigator.storage.estimate = () => Promise.resolve({usage: 900, quota: 1000});")
    page.reload()
    expect(usage).to_contain_text("This browser is nearly out of room for your answers. Download a backup now")
    expect(usage).to_contain_text("remove photos")
    context.close()


# ---- 6. capitals, as on the page ------------------------------------------------------------


def test_an_answer_in_capitals_shows_and_copies_in_capitals(phone: Page, base_url):
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_review(phone, base_url, {"3.3": "I am more than my past"})
    expand(phone, 3)
    shown = phone.locator('[data-wb-review-prompt="3.3"] .wb-review__text')
    expect(shown).to_have_css("text-transform", "uppercase")
    phone.get_by_role("button", name="Copy my answers").click()
    expect(phone.locator(".wb-banner")).to_contain_text("copied")
    assert "I AM MORE THAN MY PAST" in phone.evaluate("navigator.clipboard.readText()")
    assert answer_keys(phone)[PREFIX + "answer:3.3"].count("I am more than my past") == 1  # stored as typed


def test_a_copy_with_no_answers_says_so(page: Page, base_url):
    open_review(page, base_url, {"1.1": "Only in section 1"})
    page.get_by_label("Which answers").select_option(label="2. Reflections on Mentoring in Criminal Justice")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as text").click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert "No answers yet." in text and "Only in section 1" not in text
    banner_in_view(page, "success", "Your answers are downloading as a text file")


# ---- 7. an answer to a question no longer in the workbook -------------------------------------


def test_an_answer_keeps_its_question_and_shows_it_once_the_question_is_gone(phone: Page, base_url):
    phone.goto(base_url + "beginnings/")
    box(phone, "1.2").fill("To be a steady presence")
    expect(phone.locator("#wb-status-1-2")).to_contain_text("Saved today")
    record = json.loads(answer_keys(phone)[PREFIX + "answer:1.2"])
    assert record["prompt"] == "What are your personal goals?"
    # As if the organisation had removed the question: the same record under an id the site does not have.
    phone.evaluate("([key, text]) => localStorage.setItem(key, text)",
                   [PREFIX + "answer:1.99", json.dumps({**record, "value": "Kept words"})])
    open_review(phone, base_url)
    gone = phone.locator(".wb-review__orphans")
    expect(gone.locator("h2")).to_have_text("Answers to questions no longer in the workbook")
    expect(gone.locator("h3")).to_have_text("1.99 What are your personal goals?")
    expect(gone.locator(".wb-review__text")).to_have_text("Kept words")
    # It travels in a backup with its words, and restores with them.
    data = json.loads(backup_file(phone))
    assert {"id": "1.99", "prompt": "What are your personal goals?"}.items() <= \
        next(a for a in data["answers"] if a["id"] == "1.99").items()
    gone.get_by_role("button", name="Remove (question 1.99, no longer in the workbook)").click()
    expect(dialog(phone)).to_contain_text("Remove your answer to 1.99")
    dialog(phone).get_by_role("button", name="Cancel").click()
    assert PREFIX + "answer:1.99" in ours(phone)
    gone.get_by_role("button", name="Remove (question 1.99, no longer in the workbook)").click()
    dialog(phone).get_by_role("button", name="Yes, remove").click()
    banner_in_view(phone, "success", "Your answer to 1.99 is removed from this browser.")
    expect(gone).to_be_hidden()
    assert PREFIX + "answer:1.99" not in ours(phone) and PREFIX + "answer:1.2" in ours(phone)
    restore(phone, json.dumps(data).encode())
    dialog(phone).get_by_role("button", name="Restore").click()
    expect(gone.locator("h3")).to_have_text("1.99 What are your personal goals?")


def test_a_backup_with_unreadable_question_words_still_restores_its_answer(page: Page, base_url):
    open_review(page, base_url)
    odd = [entry("1.98", "Words kept"), entry("1.97", "No words")]
    odd[0]["prompt"] = {"not": "words"}
    odd[1]["prompt"] = "x" * 5000
    restore(page, json.dumps(valid_backup(odd)).encode())
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored 2 answers")
    assert "prompt" not in json.loads(answer_keys(page)[PREFIX + "answer:1.98"])
    assert "prompt" not in json.loads(answer_keys(page)[PREFIX + "answer:1.97"])


# ---- 8. print ---------------------------------------------------------------------------------


def pdf_of(page: Page, tmp_path, name: str) -> tuple[int, str]:
    path = tmp_path / f"{name}.pdf"
    page.pdf(path=str(path), format="A4")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return pages, text


def test_printing_seven_answers_fits_three_a4_pages_with_a_header(page: Page, base_url, tmp_path):
    open_review(page, base_url, SEVEN)
    page.get_by_label("Your name on the printout (optional)").fill("Sam Example")
    page.reload()  # kept in this browser
    expect(page.get_by_label("Your name on the printout (optional)")).to_have_value("Sam Example")
    assert json.loads(ours(page)[PREFIX + "meta:print-name"])["value"] == "Sam Example"
    assert "Sam Example" not in backup_file(page).decode()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pages, text = pdf_of(page, tmp_path, "answers")
    print(f"7 answers print on {pages} A4 pages")
    assert pages <= 3
    day = page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    header = " ".join(text.split())
    assert f"Peer Mentoring in Criminal Justice · Answers printed on {day} · Sam Example" in header
    assert "I AM MORE THAN MY PAST" in header and "Patient" in header
    assert "1.2 What are your personal goals?" not in header  # unanswered: left out
    for interface in ("Download a backup", "Clear this answer", "Show your", "not answered yet", "Success", "Your name"):
        assert interface not in header, interface
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.get_by_label("Print every question, answered or not").check()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    every, text = pdf_of(page, tmp_path, "every")
    assert every > pages and "1.2 What are your personal goals?" in " ".join(text.split())


def test_a_printed_blank_workbook_starts_its_questions_on_the_first_page(page: Page, base_url, tmp_path):
    open_review(page, base_url)
    page.evaluate("() => { window.print = () => {}; }")  # the print dialog is the browser's: its page is what we check
    page.get_by_role("button", name="Print a blank workbook").click()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pages, text = pdf_of(page, tmp_path, "blank")
    first = " ".join(text.split("\f")[0].split())
    assert "1. Reflections on Beginnings" in first
    assert "1.1 What brought you to peer mentoring?" in first  # under its section's title, not a page later
    assert "2.1" in " ".join(text.split()) and pages > 9  # every section, each on a page of its own


def test_a_printout_with_no_answers_says_so_rather_than_coming_out_blank(page: Page, base_url, tmp_path):
    open_review(page, base_url)
    expect(page.get_by_text("No answers yet.")).to_be_hidden()  # on paper only
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    _, text = pdf_of(page, tmp_path, "none")
    assert "Answers printed on" in text and "No answers yet." in " ".join(text.split())
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.get_by_label("Print every question, answered or not").check()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    _, text = pdf_of(page, tmp_path, "every")
    assert "No answers yet." not in text and "1.2 What are your personal goals?" in " ".join(text.split())
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.get_by_label("Print every question, answered or not").uncheck()
    open_review(page, base_url, {"1.1": "One answer kept"})
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    _, text = pdf_of(page, tmp_path, "one")
    assert "One answer kept" in text and "No answers yet." not in text


# ---- 9, 10. search and accessibility ------------------------------------------------------------


def test_my_answers_interface_text_stays_out_of_search(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"] if doc["location"].startswith("my-answers/"))
    assert "All your answers in one place" in text
    for interface in ("Download a backup", "Show the questions", "Passphrase to lock", "Which answers", "Your name on the printout"):
        assert interface not in text, interface


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_my_answers_at_360_px(browser, base_url, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    open_review(page, base_url)
    assert_accessible(page)
    for prompt_id, value in SEVEN.items():
        put(page, prompt_id, value)
    put(page, "1.99", "An answer to a removed question")
    page.reload()
    for section in (1, 2, 3, 8):
        expand(page, section)
    page.locator('section[data-wb-section="1"] .wb-review__unanswered > summary').click()
    assert_accessible(page)
    restore(page, GOOD)
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner--success")).to_be_visible()
    assert_accessible(page)
    restore(page, b"not a backup")
    expect(page.locator(".wb-banner--problem")).to_be_visible()
    assert_accessible(page)
    context.close()
