"""The core flows again in WebKit (every browser on an iPhone) and Firefox.

Each test runs once per engine (`-m webkit`, `-m firefox`), in a new session with
empty storage, on the real site plus the examples page, served with a probe that
records script errors and policy violations (tests/engines.py).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import engines
import pytest
from engines import Reader
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.common.keys import Keys
from pages import PAGES, PREFIX

NO_PROBLEMS = {"errors": [], "csp": []}


def assert_no_problems(reader: Reader) -> None:
    assert reader.problems() == NO_PROBLEMS, f"{reader.engine} on {reader.driver.current_url}"


# ---- typing, leaving, coming back ------------------------------------------------


def test_words_typed_just_before_leaving_for_another_page_are_kept(reader: Reader):
    reader.goto("beginnings/")
    reader.box("1.1").send_keys("Typed, then straight to the next page")
    # Leave at once (well within the save delay): the page's pagehide flush must save it.
    reader.js("location.href = arguments[0]", reader.base + "theory/")
    reader.until(lambda: reader.driver.current_url.endswith("/theory/"), "the next page")
    reader.goto("beginnings/")
    assert reader.value("#wb-answer-1-1") == "Typed, then straight to the next page"
    assert reader.stored(PREFIX, "1.1") == "Typed, then straight to the next page"
    assert_no_problems(reader)


def test_words_typed_just_before_the_tab_is_closed_are_kept(reader: Reader):
    reader.goto("theory/")
    first = reader.driver.current_window_handle
    reader.driver.switch_to.new_window("tab")
    reader.goto("beginnings/")
    reader.box("1.2").send_keys("Written, then the tab closed")
    reader.driver.close()
    reader.driver.switch_to.window(first)
    reader.goto("beginnings/")
    assert reader.value("#wb-answer-1-2") == "Written, then the tab closed"


def test_text_capitals_and_letter_keep_their_words_after_a_reload(reader: Reader):
    reader.goto("beginnings/")
    reader.box("1.1").send_keys("First line ✓ “quoted”", Keys.ENTER, "second line")
    # WebDriver cannot type characters beyond the first plane (emoji): paste them, as a phone's keyboard does.
    reader.js("var box = arguments[0]; box.setRangeText(' 😀', box.value.length, box.value.length, 'end');"
              " box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}))", reader.box("1.1"))
    reader.saved("1.1")
    reader.goto("theory/")
    reader.type_and_wait("3.3", "i am proud")
    assert reader.js("return getComputedStyle(arguments[0]).textTransform", reader.box("3.3")) == "uppercase"
    reader.goto("change/")
    reader.box("7.2").send_keys("Dear me,", Keys.ENTER, "I made it.")
    reader.saved("7.2")
    assert reader.js("return arguments[0].getBoundingClientRect().height", reader.box("7.2")) > 300
    reader.goto("beginnings/")
    assert reader.value("#wb-answer-1-1") == "First line ✓ “quoted”\nsecond line 😀"
    reader.goto("theory/")
    assert reader.value("#wb-answer-3-3") == "i am proud", "kept as typed, shown in capitals"
    reader.goto("change/")
    assert reader.value("#wb-answer-7-2") == "Dear me,\nI made it."
    assert_no_problems(reader)


def test_a_growing_list_by_keyboard_adds_and_reorders_lines(reader: Reader):
    reader.goto("peer-mentoring-approach/")
    lines = '[data-wb-prompt="6.3"] .wb-list__input'
    start = len(reader.all(lines))
    reader.find("#wb-answer-6-3-1-1").send_keys("Listening", Keys.ENTER)
    reader.until(lambda: reader.js("return document.activeElement.id") == "wb-answer-6-3-1-2", "the next line")
    reader.driver.switch_to.active_element.send_keys("Patience", Keys.ENTER)
    reader.driver.switch_to.active_element.send_keys("Time")
    reader.until(lambda: len(reader.all(lines)) == max(start, 3), "a line for each")
    ActionChains(reader.driver).key_down(Keys.ALT).send_keys(Keys.ARROW_UP).key_up(Keys.ALT).perform()
    reader.until(lambda: reader.stored(PREFIX, "6.3")["lists"][0][:3] == ["Listening", "Time", "Patience"], "the new order saved")
    assert reader.js("return document.activeElement.id") == "wb-answer-6-3-1-2", "focus moves with the line"
    reader.reload()
    assert [reader.js("return arguments[0].value", line) for line in reader.all(lines)][:3] == ["Listening", "Time", "Patience"]
    assert_no_problems(reader)


def test_the_ladder_is_placed_kept_and_back_after_a_reload(reader: Reader):
    reader.goto("power/")
    reader.find('input[name="wb-ladder-8-6-now"][value="3"]').click()
    reader.find('input[name="wb-ladder-8-6-hope"][value="6"]').click()
    reader.wait_text(".wb-ladder__summary", "You are on rung 3 (Informing) and would like to be on rung 6 (Partnership)")
    reader.button("Keep today’s placement").click()
    reader.until(lambda: len(reader.all(".wb-ladder__entries li")) == 1, "the kept placement")
    reader.until(lambda: len((reader.stored(PREFIX, "8.6") or {}).get("history", [])) == 1, "the placement saved")
    reader.reload()
    assert reader.find('input[name="wb-ladder-8-6-now"][value="3"]').is_selected()
    assert reader.find('input[name="wb-ladder-8-6-hope"][value="6"]').is_selected()
    assert len(reader.all(".wb-ladder__entries li")) == 1
    value = reader.stored(PREFIX, "8.6")
    assert (value["now"], value["hope"], value["history"][0]["now"]) == (3, 6, 3)
    assert_no_problems(reader)



def test_a_page_opened_at_a_question_keeps_it_in_view_as_long_answers_above_it_fill_in(reader: Reader):
    """A link to a question (My answers' "Not answered yet", the contents) opens the page there; the boxes above
    it then grow with their answers. WebKit has no scroll anchoring: without wb-place the question was pushed
    a thousand pixels down, out of view."""
    reader.goto("beginnings/")
    reader.type_and_wait("1.1", "A short answer")
    record = json.loads(reader.js("return localStorage.getItem(arguments[0])", PREFIX + "answer:1.1"))
    record["value"] = "\n".join(f"Line {n} of a long answer" for n in range(1, 41))
    for prompt_id in ("1.1", "1.2", "1.3"):
        reader.js("localStorage.setItem(arguments[0], arguments[1])", PREFIX + "answer:" + prompt_id, json.dumps(record))
    reader.goto("beginnings/#wb-prompt-1-6")
    reader.until(lambda: reader.js("return document.getElementById('wb-answer-1-3').offsetHeight") > 600, "the answers filled in")
    top = "return document.getElementById('wb-prompt-1-6').getBoundingClientRect().top"
    reader.until(lambda: 0 <= reader.js(top) < 150, "question 1.6 at the top of the view")
    assert reader.value("#wb-answer-1-3").startswith("Line 1 of a long answer")
    assert_no_problems(reader)

def test_a_version_is_kept_viewed_and_deleted_after_asking(reader: Reader):
    reader.goto("beginnings/")
    versions = '[data-wb-prompt="1.1"] .wb-versions'
    reader.type_and_wait("1.1", "What I thought at first")
    reader.button("Keep this version", versions).click()
    reader.until(lambda: len(reader.all(versions + " .wb-versions__entries li")) == 1, "the kept version")
    reader.box("1.1").send_keys(" and later")
    reader.saved("1.1")
    reader.reload()
    assert reader.value("#wb-answer-1-1") == "What I thought at first and later"
    reader.button("View", versions).click()
    assert reader.wait_text(versions + " .wb-versions__text", "What I thought at first") == "What I thought at first"
    reader.button("Delete", versions).click()
    reader.until(lambda: reader.js("return document.activeElement.textContent") == "Yes, delete it", "the question, focused")
    reader.button("Yes, delete it", versions).click()
    reader.until(lambda: reader.js("return localStorage.getItem(arguments[0])", PREFIX + "versions:1.1") is None, "the version gone")
    assert reader.find(versions + " .wb-versions__kept").get_attribute("hidden") is not None
    assert_no_problems(reader)


def test_the_lock_seals_answers_locks_now_and_unlocks_with_the_passphrase(reader: Reader):
    reader.goto("beginnings/")
    reader.type_and_wait("1.1", "Private words")
    reader.goto("my-answers/")
    reader.find("#wb-lock-new").send_keys("purple lantern harbour")
    reader.find("#wb-lock-again").send_keys("purple lantern harbour")
    reader.button("Turn on the lock").click()
    reader.wait_text(".wb-lock__said", "The lock is on.")
    sealed = reader.js("return localStorage.getItem(arguments[0])", PREFIX + "answer:1.1")
    assert sealed.startswith("wb-sealed:1:") and "Private" not in sealed
    lock = reader.button("Lock now", ".wb-lockbar")
    reader.js("arguments[0].scrollIntoView({block: 'center'})", lock)  # not under the page's sticky header
    lock.click()
    reader.wait_text(".wb-lockbar h2", "Your answers are locked")
    reader.goto("beginnings/")
    reader.wait_text(".wb-lockbar h2", "Your answers are locked")
    assert reader.value("#wb-answer-1-1") == ""
    assert reader.js("return arguments[0].readOnly", reader.box("1.1"))
    assert "Private words" not in reader.js("return document.documentElement.outerHTML")
    reader.find("#wb-lock-passphrase").send_keys("purple lantern harbour", Keys.ENTER)
    reader.until(lambda: reader.value("#wb-answer-1-1") == "Private words", "the answer, unlocked", timeout=30)
    # Another page of the same tab opens unlocked; a new tab (a new session) asks again.
    reader.goto("theory/")
    reader.button("Lock now", ".wb-lockbar")
    reader.driver.switch_to.new_window("tab")
    reader.goto("beginnings/")
    reader.wait_text(".wb-lockbar h2", "Your answers are locked")
    assert reader.value("#wb-answer-1-1") == ""
    assert_no_problems(reader)

INK_AT = """
var canvas = document.querySelector('#wb-drawing-2-6');
var d = canvas.getContext('2d').getImageData(Math.round(arguments[0] * canvas.width), Math.round(arguments[1] * canvas.height), 1, 1).data;
return d[3] > 0;
"""


@pytest.mark.parametrize("kind", ["mouse", "touch"])
def test_a_drawing_by_pointer_is_kept_and_redrawn_after_a_reload(reader: Reader, kind):
    reader.goto("mentoring-in-criminal-justice/")
    canvas = reader.find("#wb-drawing-2-6")
    reader.js("arguments[0].scrollIntoView({block: 'center'})", canvas)
    rect = reader.js("var r = arguments[0].getBoundingClientRect(); return {w: r.width, h: r.height}", canvas)
    builder = ActionBuilder(reader.driver, mouse=PointerInput(kind, kind))
    pointer = builder.pointer_action
    # Offsets are from the canvas's centre: a stroke from the upper left, through the middle, to the right.
    pointer.move_to(canvas, int(-0.4 * rect["w"]), int(-0.4 * rect["h"]))
    pointer.pointer_down()
    for fx, fy in ((-0.2, -0.2), (0, 0), (0.2, 0), (0.4, 0)):
        pointer.move_to(canvas, int(fx * rect["w"]), int(fy * rect["h"]))
    pointer.pointer_up()
    builder.perform()
    reader.wait_text("#wb-status-2-6", "Saved today")
    strokes = reader.stored(PREFIX, "2.6")["strokes"]
    assert len(strokes) == 1 and len(strokes[0]["p"]) >= 6
    reader.reload()
    # Painted as it nears the screen: scrolled to, as a reader would.
    reader.js("arguments[0].scrollIntoView({block: 'center'})", reader.find("#wb-drawing-2-6"))
    reader.until(lambda: reader.js(INK_AT, 0.5, 0.5), "the stroke redrawn")
    assert not reader.js(INK_AT, 0.1, 0.9)
    assert_no_problems(reader)


def test_on_a_narrow_screen_pen_opens_the_colours_and_a_red_stroke_is_kept(reader: Reader):
    reader.driver.set_window_size(400, 800)
    reader.goto("mentoring-in-criminal-justice/")
    reader.until(lambda: reader.js("return document.documentElement.clientWidth") < 720, "a phone-width page")
    root = '[data-wb-prompt="2.6"]'
    pen = reader.find(f'{root} [data-wb-action="pen"]')
    red = reader.find(f'{root} [data-wb-value="#c62828"]')
    assert pen.is_displayed() and not red.is_displayed()
    tops = reader.js("""return [...document.querySelectorAll(arguments[0] + ' .wb-drawing__tools > button, '
        + arguments[0] + ' .wb-drawing__group > button')].filter(b => b.getClientRects().length)
        .map(b => Math.round(b.getBoundingClientRect().top))""", root)
    assert len(tops) == 5 and len(set(tops)) == 1, tops
    reader.js("arguments[0].scrollIntoView({block: 'center'})", pen)
    pen.click()
    reader.until(lambda: red.is_displayed(), "the colours shown")
    red.click()
    canvas = reader.find("#wb-drawing-2-6")
    reader.js("arguments[0].scrollIntoView({block: 'center'})", canvas)
    rect = reader.js("var r = arguments[0].getBoundingClientRect(); return {w: r.width, h: r.height}", canvas)
    builder = ActionBuilder(reader.driver, mouse=PointerInput("mouse", "mouse"))
    builder.pointer_action.move_to(canvas, int(-0.3 * rect["w"]), 0).pointer_down()
    builder.pointer_action.move_to(canvas, int(0.3 * rect["w"]), 0).pointer_up()
    builder.perform()
    reader.wait_text("#wb-status-2-6", "Saved today")
    assert [stroke["c"] for stroke in reader.stored(PREFIX, "2.6")["strokes"]] == ["#c62828"]
    assert_no_problems(reader)


# ---- photos ---------------------------------------------------------------------

PHOTO_ROOT = '[data-wb-prompt="5.4"]'
MAKE_JPEG = """
var c = document.createElement('canvas'); c.width = arguments[0]; c.height = arguments[1];
var x = c.getContext('2d'); var g = x.createLinearGradient(0, 0, c.width, c.height);
g.addColorStop(0, '#d9480f'); g.addColorStop(1, '#1864ab'); x.fillStyle = g; x.fillRect(0, 0, c.width, c.height);
return c.toDataURL('image/jpeg', 0.9).split(',')[1];
"""
# Older engines refuse createImageBitmap's options by throwing at once: the picture must still be added.
NO_BITMAP_OPTIONS = """
var made = window.createImageBitmap;
window.createImageBitmap = function (source, options) {
  if (options) throw new TypeError('createImageBitmap: options are not supported');
  return made.call(window, source);
};
"""


@pytest.mark.parametrize("decoder", ["createImageBitmap", "img fallback"])
def test_a_photo_from_disk_is_made_smaller_and_kept_after_a_reload(reader: Reader, tmp_path, decoder):
    reader.goto("self-confidence/")
    photo = tmp_path / "library.jpg"
    photo.write_bytes(base64.b64decode(reader.js(MAKE_JPEG, 3200, 2400)))
    if decoder == "img fallback":
        reader.js(NO_BITMAP_OPTIONS)
    reader.find(f"{PHOTO_ROOT} input.wb-photos__file:not([capture])").send_keys(str(photo))
    reader.wait_text(f"{PHOTO_ROOT} .wb-photos__message", "One photo added.")
    value = reader.until(lambda: (reader.stored(PREFIX, "5.4") or {}).get("photos"), "the photo saved")
    assert [(p["w"], p["h"]) for p in value] == [(1600, 1200)]
    reader.reload()
    shown = reader.until(lambda: reader.js(
        "var i = document.querySelector(arguments[0]); return i && i.complete && i.naturalWidth ? [i.naturalWidth, i.naturalHeight] : null",
        f"{PHOTO_ROOT} .wb-photos__image"), "the photo shown again")
    assert shown == [1600, 1200]
    assert_no_problems(reader)


# ---- My answers ---------------------------------------------------------------------

# The backup file, as the page hands it to the browser to save (WebKit's WebDriver cannot reach its downloads).
CATCH_FILES = """
window.__wbFiles = [];
var make = URL.createObjectURL;
URL.createObjectURL = function (blob) {
  if (blob instanceof Blob && blob.type.indexOf('json') !== -1) window.__wbFiles.push(blob);
  return make.call(URL, blob);
};
"""
LAST_FILE = "var done = arguments[arguments.length - 1]; var f = window.__wbFiles; f.length ? f[f.length - 1].text().then(done) : done(null);"


def answers(reader: Reader) -> dict[str, str]:
    return {k: v for k, v in reader.storage().items() if k.startswith(PREFIX + "answer:")}


def dialog_button(reader: Reader, name: str):
    return reader.button(name, within="dialog.wb-review__dialog")


def restore(reader: Reader, path) -> None:
    reader.find("#wb-review-file").send_keys(str(path))
    reader.until(lambda: reader.js("return document.querySelector('dialog.wb-review__dialog').open"), "the restore dialog")


def test_backup_clear_restore_keep_both_replace_and_undo(reader: Reader, tmp_path):
    reader.goto("beginnings/")
    reader.type_and_wait("1.1", "Mine")
    reader.type_and_wait("1.2", "Second")
    reader.goto("my-answers/")
    reader.js(CATCH_FILES)
    reader.button("Download a backup").click()
    reader.wait_text(".wb-banner", "Keep it somewhere safe")
    text = reader.driver.execute_async_script(LAST_FILE)
    backup = json.loads(text)
    assert {a["id"]: a["value"] for a in backup["answers"]} == {"1.1": "Mine", "1.2": "Second"}
    if reader.engine == "firefox":  # a real download, where the driver can see it
        saved = reader.until(lambda: [p for p in reader.downloads.iterdir() if p.suffix == ".json"], "the download")
        assert json.loads(saved[0].read_text(encoding="utf-8")) == backup
    path = tmp_path / "backup.json"
    path.write_text(text, encoding="utf-8")
    before = answers(reader)

    reader.button("Clear all my answers").click()
    dialog_button(reader, "Yes, clear all my answers").click()
    reader.until(lambda: answers(reader) == {}, "every answer cleared")

    restore(reader, path)
    reader.wait_text("dialog.wb-review__dialog", "2 answers in the backup are not in this browser.")
    dialog_button(reader, "Restore").click()
    reader.wait_text(".wb-banner", "Restored 2 answers")
    assert answers(reader) == before

    # Keep both: my newer words and the backup's.
    reader.goto("beginnings/")
    reader.box("1.1").clear()
    reader.type_and_wait("1.1", "Changed here")
    reader.goto("my-answers/")
    restore(reader, path)
    dialog_button(reader, "Restore").click()
    reader.wait_text(".wb-banner", "Restored")
    merged = reader.stored(PREFIX, "1.1")
    assert merged.startswith("Changed here") and merged.endswith("Mine")
    kept_both = answers(reader)

    # Replace, then undo: exactly what was there.
    restore(reader, path)
    reader.find('dialog.wb-review__dialog input[value="replace"]').click()
    dialog_button(reader, "Replace all my answers").click()
    reader.until(lambda: reader.stored(PREFIX, "1.1") == "Mine", "the backup's answer")
    reader.button("Undo the restore").click()
    reader.wait_text(".wb-banner", "The restore is undone")
    assert answers(reader) == kept_both
    assert_no_problems(reader)


HOSTILE = {
    "not JSON": b"hello, this is a letter",
    "binary": bytes(range(256)) * 4,
    "another format": json.dumps({"format": "something-else", "version": 1}).encode(),
    "prototype pollution": (
        b'{"format":"wb-backup","version":1,"namespace":"' + PREFIX.split(":")[2].encode() + b'",'
        b'"created":"2026-11-20T12:00:00Z","__proto__":{"polluted":"yes"},'
        b'"answers":[{"id":"__proto__","saved":"2026-11-20T12:00:00Z","value":{"polluted":"yes"}}]}'
    ),
}


def test_hostile_backup_files_are_refused_and_change_nothing(reader: Reader, tmp_path):
    reader.goto("beginnings/")
    reader.type_and_wait("1.1", "Mine")
    reader.goto("my-answers/")
    before = reader.storage()
    for name, content in HOSTILE.items():
        path = tmp_path / (name.replace(" ", "-") + ".json")
        path.write_bytes(content)
        # The last file's refusal goes first, so that this file's is the one waited for.
        reader.js("document.querySelector('.wb-banner-holder').textContent = ''")
        reader.find("#wb-review-file").send_keys(str(path))  # refused at once: no dialog opens
        reader.wait_text(".wb-banner__heading", "Nothing was restored")
        reader.wait_text(".wb-banner", "Your answers are as they were.")
        assert reader.storage() == before, name
        assert reader.js("return ({}).polluted === undefined && Object.prototype.polluted === undefined"), name
    assert_no_problems(reader)


# ---- storage that fails ---------------------------------------------------------

FULL = """
var put = Storage.prototype.setItem;
window.__wbFull = true;
Storage.prototype.setItem = function (key, value) {
  if (window.__wbFull && key.indexOf('wb:') === 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return put.call(this, key, value);
};
"""


def test_full_storage_shows_the_alert_keeps_the_words_and_saves_once_there_is_room(reader: Reader):
    reader.goto("beginnings/")
    reader.type_and_wait("1.1", "Saved before")
    reader.js(FULL)
    reader.box("1.1").send_keys(" and more")
    alert = reader.wait_text('[data-wb-prompt="1.1"] [role=alert]', "Your answer is not saved.")
    assert "The storage this browser gives the workbook is full." in alert
    assert reader.find('[data-wb-prompt="1.1"] [role=alert]').is_displayed()
    assert reader.value("#wb-answer-1-1") == "Saved before and more"
    assert reader.stored(PREFIX, "1.1") == "Saved before", "what was stored is left as it was"
    reader.js("window.__wbFull = false")
    reader.button("Try saving again").click()
    reader.until(lambda: reader.stored(PREFIX, "1.1") == "Saved before and more", "the words saved")
    assert not reader.all('[data-wb-prompt="1.1"] [role=alert]')


# ---- the offline folder, opened from disk -------------------------------------


def test_the_offline_folder_from_disk_keeps_answers_across_its_pages_and_asks_nothing_outside(reader: Reader, offline_folder):
    start = engines.folder_with_probe(offline_folder).resolve().as_uri() + "/"
    reader.goto(start + "index.html")
    reader.wait_text(".wb-offline-note", "from a folder on this computer")
    reader.goto(start + "beginnings.html")
    reader.type_and_wait("1.1", "Written with no internet")
    reader.goto(start + "theory.html")
    reader.wait_text(".md-nav--primary .wb-nav-progress", "1 of 8 answered")
    reader.goto(start + "my-answers.html")
    reader.wait_text('[data-wb-review-prompt="1.1"] .wb-review__answer', "Written with no internet")
    reader.goto(start + "beginnings.html")
    assert reader.value("#wb-answer-1-1") == "Written with no internet"
    fetched = reader.js("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert [url for url in fetched if not url.startswith(("file:", "blob:", "data:"))] == []
    assert_no_problems(reader)


# ---- every page: no script error, no policy violation ---------------------------


def test_no_page_has_a_script_error_or_a_policy_violation(reader: Reader):
    for name in PAGES + ["404.html"]:
        reader.goto(name)
        assert_no_problems(reader)
    # In use: the ladder, a dialog, instant navigation.
    reader.goto("power/")
    reader.find('input[name="wb-ladder-8-6-now"][value="4"]').click()
    reader.button("Keep today’s placement").click()
    reader.goto("my-answers/")
    reader.button("Clear all my answers").click()
    reader.until(lambda: reader.js("return document.querySelector('dialog.wb-review__dialog').open"), "the dialog")
    assert_no_problems(reader)


@pytest.mark.webkit
def test_webkit_says_nothing_in_its_console_on_any_page(screen, probed_url):
    """The policy and the scripts are ones WebKit understands: no warning, no error (its console, read directly)."""
    missing = engines.missing("webkit")
    if missing:
        pytest.fail(f"webkit cannot run: missing {', '.join(missing)}")
    assert engines.webkit_console([probed_url + name for name in PAGES + ["404.html"]]) == []


# ---- print ------------------------------------------------------------------------

# WebKit's WebDriver has no print command: apply the site's own print rules in the
# engine's own style engine (print rules for every medium, screen-only rules for none).
AS_PRINTED = """
function walk(rules) {
  for (var i = 0; i < rules.length; i++) {
    var rule = rules[i];
    if (rule.media && rule.cssRules) {
      var text = rule.media.mediaText;
      if (/\\bprint\\b/.test(text) && !/not print/.test(text)) rule.media.mediaText = 'all';
      else if (/\\bscreen\\b/.test(text) && !/not screen/.test(text)) rule.media.mediaText = 'not all';
      walk(rule.cssRules);
    }
  }
}
for (var s = 0; s < document.styleSheets.length; s++) {
  try { walk(document.styleSheets[s].cssRules); } catch (e) {}
}
window.dispatchEvent(new Event('beforeprint'));
"""


def test_printed_answers_show_as_text_without_controls(reader: Reader):
    long = "\n".join(f"Paragraph {n} of a long answer." for n in range(1, 31))
    reader.goto("examples/")
    reader.js("var b = arguments[0]; b.value = arguments[1]; b.dispatchEvent(new InputEvent('input', {bubbles: true}))",
              reader.box("99.1"), long)
    reader.saved("99.1")
    if reader.engine == "firefox":
        import subprocess

        pdf = base64.b64decode(reader.driver.print_page())
        text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        assert "Paragraph 30 of a long answer." in text
        assert "Try saving again" not in text and "Switch to dark mode" not in text
    reader.js(AS_PRINTED)
    mirror = '[data-wb-prompt="99.1"] .wb-prompt__print'
    reader.until(lambda: reader.find(mirror).is_displayed(), "the answer printed as text")
    assert reader.js("return arguments[0].innerText", reader.find(mirror)).strip() == long
    assert not reader.box("99.1").is_displayed()
    assert not reader.find(".md-header").is_displayed()
    assert not any(b.is_displayed() for b in reader.all(".md-content button"))


# ---- Safari's 7-day rule ---------------------------------------------------------


def test_webkit_readers_are_told_once_of_the_week_rule_and_how_to_keep_answers(reader: Reader):
    reader.goto("beginnings/")
    reader.type_and_wait("1.1", "First answer")
    if reader.engine != "webkit":
        assert not reader.all(".wb-keeping"), "only WebKit deletes answers after a week away"
        return
    note = reader.wait_text('[data-wb-prompt="1.1"] .wb-keeping', "7 days")
    assert "Add to Home Screen" in note and "Make a backup" in note
    assert reader.find(".wb-keeping").is_displayed()
    reader.button("OK, I understand").click()
    reader.until(lambda: not reader.all(".wb-keeping"), "the note put away")
    reader.type_and_wait("1.2", "Second answer")
    reader.goto("theory/")
    reader.type_and_wait("3.1", "Third answer")
    assert not reader.all(".wb-keeping"), "told once, not again"


def test_my_answers_says_whether_answers_are_kept_and_when_the_last_backup_was(reader: Reader):
    reader.goto("beginnings/")
    reader.type_and_wait("1.1", "An answer")
    reader.goto("my-answers/")
    reader.wait_text(".wb-review__last-backup", "You have not made a backup yet.")
    keeping = reader.until(lambda: reader.text_of(".wb-review__keeping"), "words on keeping answers")
    if reader.engine == "webkit":
        assert "if you do not open the workbook for 7 days" in keeping and "Home Screen" in keeping
    else:
        assert keeping in (
            "This browser has agreed to keep your answers until you clear them yourself.",
            "This browser may clear your answers, for example when it is short of space or when its history "
            "is cleared. Keep a backup.",
        )
    reader.js(CATCH_FILES)
    reader.button("Download a backup").click()
    day = reader.js("return new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    reader.wait_text(".wb-review__last-backup", f"Your last backup was made on {day}.")
    reader.reload()
    reader.wait_text(".wb-review__last-backup", f"Your last backup was made on {day}.")


# ---- "Saved" means on disk ----------------------------------------------------------


@pytest.mark.firefox
def test_in_firefox_an_answer_that_says_saved_survives_the_browser_being_killed(probed_url, tmp_path):
    """Firefox, like Chromium, writes localStorage to disk late: killed after "Saved", nothing is lost.

    (WebKit's automated sessions keep nothing on disk, so this cannot be driven there.)
    """
    import os
    import signal

    profile = tmp_path / "profile"
    driver = engines.start("firefox", profile=profile)
    reader = Reader(driver, "firefox", probed_url)
    reader.goto("beginnings/")
    reader.type_and_wait("1.1", "Written just before the phone closed the browser")
    pids = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and str(profile).encode() in
            (p / "cmdline").read_bytes() if (p / "cmdline").exists()]
    assert pids, "the browser process was not found"
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    try:
        driver.quit()
    except Exception:  # noqa: BLE001 — the browser is gone, as intended
        pass
    driver = engines.start("firefox", profile=profile)
    try:
        reader = Reader(driver, "firefox", probed_url)
        reader.goto("beginnings/")
        assert reader.value("#wb-answer-1-1") == "Written just before the phone closed the browser"
    finally:
        driver.quit()


# ---- locked backups ------------------------------------------------------------------------


def test_a_backup_locked_with_a_passphrase_opens_only_with_it(reader: Reader, tmp_path):
    """WebCrypto (PBKDF2, AES-GCM) in each engine: locked, refused with a wrong passphrase, opened with the right one."""
    reader.goto("beginnings/")
    reader.type_and_wait("1.1", "Private words")
    reader.goto("my-answers/")
    reader.js(CATCH_FILES)
    reader.find("#wb-review-passphrase").send_keys("correct horse battery staple")
    reader.button("Download a backup").click()
    reader.wait_text(".wb-banner", "locked with your passphrase")
    text = reader.driver.execute_async_script(LAST_FILE)
    assert "Private words" not in text
    path = tmp_path / "locked.json"
    path.write_text(text, encoding="utf-8")
    reader.button("Clear all my answers").click()
    dialog_button(reader, "Yes, clear all my answers").click()
    reader.until(lambda: answers(reader) == {}, "every answer cleared")
    before = reader.storage()

    restore(reader, path)
    reader.wait_text("dialog.wb-review__dialog h2", "Open a locked backup")
    reader.find("#wb-review-unlock").send_keys("wrong horse battery staple", Keys.ENTER)
    reader.wait_text("#wb-review-unlock-error", "Your answers are as they were.")
    assert reader.storage() == before
    field = reader.find("#wb-review-unlock")
    field.clear()
    field.send_keys("correct horse battery staple", Keys.ENTER)
    reader.wait_text("dialog.wb-review__dialog", "1 answer in the backup is not in this browser.")
    dialog_button(reader, "Restore").click()
    reader.wait_text(".wb-banner", "Restored 1 answer")
    assert reader.stored(PREFIX, "1.1") == "Private words"
    assert_no_problems(reader)
