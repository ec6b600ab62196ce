"""Browser: the site in Debian's Chromium, driven as a reader would use it.

Every test gets a fresh browser context (empty storage). The site is the real
workbook plus the examples page, built strict and served at its site_url.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from pages import assert_accessible, AXE, box, FULL_STORAGE, PAGES, PREFIX, status, stored, type_and_wait, VISIBLE_CONTROLS, scheme_page

pytestmark = pytest.mark.browser

# ---- when JavaScript is unavailable ----------------------------------------


def test_when_javascript_is_unavailable_the_workbook_is_readable_and_says_saving_needs_it(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "theory/")
    expect(page.locator("h1")).to_have_text("Section Three – Reflections on Theory")
    expect(page.get_by_text("Peer mentoring involves role modelling.")).to_be_visible()
    answer = page.get_by_label("What have you done to earn the trust of your mentee?")
    expect(answer).to_be_visible()
    expect(status(page, "3.1")).to_contain_text("Saving answers needs JavaScript")
    expect(status(page, "3.1")).to_be_visible()
    context.close()


# ---- saving and restoring ---------------------------------------------------


def test_an_answer_typed_just_before_the_tab_is_closed_is_kept(context, base_url):
    page = context.new_page()
    page.goto(base_url + "beginnings/")
    box(page, "1.2").press_sequentially("Closing straight away", delay=0)
    page.close(run_before_unload=True)  # at once: no time for the 250 ms pause
    again = context.new_page()
    again.goto(base_url + "beginnings/")
    expect(box(again, "1.2")).to_have_value("Closing straight away")


def test_an_answer_typed_just_before_leaving_for_another_page_is_kept(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    box(page, "1.3").press_sequentially("Leaving at once", delay=0)
    page.goto(base_url + "theory/")  # a full page load, straight after the last key
    page.goto(base_url + "beginnings/")
    expect(box(page, "1.3")).to_have_value("Leaving at once")


def test_screen_readers_hear_one_saved_after_a_pause_not_per_keystroke(page: Page, base_url):
    page.goto(base_url + "examples/")
    page.evaluate("""() => {
        window.wbLog = {inputs: [], said: []};
        document.addEventListener('input', () => wbLog.inputs.push(performance.now()), true);
        new MutationObserver(() => {
            const region = document.getElementById('wb-announcer');
            if (region && region.textContent) wbLog.said.push([performance.now(), region.textContent]);
        }).observe(document.body, {subtree: true, childList: true, characterData: true});
    }""")
    box(page, "99.1").press_sequentially("Typing along, word by word", delay=40)
    region = page.locator("#wb-announcer")
    expect(region).to_have_attribute("aria-live", "polite")
    expect(region).to_have_text("Saved", timeout=4000)
    log = page.evaluate("() => wbLog")
    assert len(log["inputs"]) == len("Typing along, word by word")
    # Nothing was said while typing, and "Saved" only after a pause (no more typing can bring another).
    assert [text for _, text in log["said"]] == ["Saved"]
    assert log["said"][0][0] - log["inputs"][-1] >= 1000
    assert log["said"][0][0] - log["inputs"][-1] >= 1000


def test_storage_keys_are_ours_alone_and_keyed_by_prompt_id(page: Page, base_url):
    page.goto(base_url + "examples/")
    page.evaluate("""() => {
        localStorage.setItem('__palette', '{"index":1}');
        localStorage.setItem('someone-else', 'keep me');
    }""")
    type_and_wait(page, "99.2", "Mine")
    keys = page.evaluate("() => Object.keys(localStorage)")
    ours = sorted(k for k in keys if k.startswith("wb:"))
    assert ours == [PREFIX + "answer:99.2"]
    record = stored(page, "99.2")
    assert record["v"] == 1 and record["value"] == "Mine" and record["saved"].endswith("Z")
    assert page.evaluate("() => localStorage.getItem('__palette')") == '{"index":1}'
    assert page.evaluate("() => localStorage.getItem('someone-else')") == "keep me"


def test_an_answer_saved_in_another_tab_shows_here(context, base_url):
    first = context.new_page()
    second = context.new_page()
    first.goto(base_url + "examples/")
    second.goto(base_url + "examples/")
    type_and_wait(first, "99.3", "Written in the first tab")
    expect(box(second, "99.3")).to_have_value("Written in the first tab")
    expect(status(second, "99.3")).to_contain_text("in another window")


# ---- instant navigation and keyboard ---------------------------------------


def test_answers_survive_instant_navigation_there_and_back(page: Page, base_url):
    page.goto(base_url + "beginnings/")
    page.evaluate("() => { window.wbNoReload = true; }")
    box(page, "1.4").press_sequentially("Before moving", delay=0)
    page.locator("nav.md-nav--primary a", has_text="3. Reflections on Theory").first.click()
    expect(page).to_have_url(base_url + "theory/")
    assert page.evaluate("() => window.wbNoReload") is True, "the click reloaded the page"
    expect(page.locator(".wb-prompt[data-wb-init]")).to_have_count(11)
    type_and_wait(page, "3.2", "On the theory page")
    page.go_back()
    expect(page).to_have_url(base_url + "beginnings/")
    expect(box(page, "1.4")).to_have_value("Before moving")
    page.go_forward()
    expect(box(page, "3.2")).to_have_value("On the theory page")
    assert page.evaluate("() => window.wbNoReload") is True


def test_with_instant_navigation_off_answers_save_and_restore_across_full_page_loads(page: Page, plain_site_url):
    page.goto(plain_site_url + "beginnings/")
    assert page.evaluate("() => document.querySelector('#__config').textContent.includes('navigation.instant')") is False
    page.evaluate("() => { window.wbNoReload = true; }")
    type_and_wait(page, "1.6", "Without instant loading")
    page.locator("nav.md-nav--primary a", has_text="3. Reflections on Theory").first.click()
    expect(page).to_have_url(plain_site_url + "theory/")
    assert page.evaluate("() => window.wbNoReload") is None, "expected a full page load"
    type_and_wait(page, "3.1", "Second page")
    page.go_back()
    expect(box(page, "1.6")).to_have_value("Without instant loading")
    page.goto(plain_site_url + "theory/")
    expect(box(page, "3.1")).to_have_value("Second page")


# ---- failures are shown, and change nothing ---------------------------------



def test_full_storage_shows_an_alert_with_a_way_out_and_keeps_the_old_answer(context, base_url):
    page = context.new_page()
    page.goto(base_url + "examples/")
    type_and_wait(page, "99.1", "The answer I saved")
    page.close()

    context.add_init_script(f"({FULL_STORAGE})()")
    page = context.new_page()
    page.goto(base_url + "examples/")
    expect(box(page, "99.1")).to_have_value("The answer I saved")
    box(page, "99.1").fill("A newer answer that cannot be saved")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Your answer is not saved.")
    expect(alert).to_contain_text("storage this browser gives the workbook is full")
    expect(status(page, "99.1")).to_have_text("Not saved.")
    expect(page.get_by_role("button", name="Copy my answer")).to_be_visible()
    # The page stays usable: the words stay, more can be typed, other boxes work.
    box(page, "99.1").press("End")
    box(page, "99.1").press_sequentially(" and more", delay=0)
    expect(box(page, "99.1")).to_have_value("A newer answer that cannot be saved and more")
    assert stored(page, "99.1")["value"] == "The answer I saved"
    page.get_by_role("button", name="Try saving again").click()
    expect(page.get_by_role("alert")).to_contain_text("Your answer is not saved.")


def test_leaving_by_instant_navigation_with_an_answer_not_saved_asks_first(page: Page, base_url):
    page.goto(base_url + "examples/")
    page.evaluate(FULL_STORAGE)
    box(page, "99.1").fill("Words that could not be saved")
    expect(page.get_by_role("alert")).to_contain_text("Your answer is not saved.")
    page.evaluate("window.wbMarker = 1")
    asked = []

    def answer(dialog, accept):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, False))
    page.get_by_role("link", name="My answers").first.click()
    expect(box(page, "99.1")).to_have_value("Words that could not be saved")
    assert asked == ["An answer on this page is not saved. If you leave, what you wrote will be lost. Leave this page?"]
    page.once("dialog", lambda dialog: answer(dialog, True))
    page.get_by_role("link", name="My answers").first.click()
    expect(page).to_have_url(base_url + "my-answers/")
    assert page.evaluate("window.wbMarker") == 1, "instant navigation, not a page load"
    assert len(asked) == 2


def test_the_code_that_explains_a_failed_save_comes_only_then_and_its_absence_still_says_not_saved(browser, base_url):
    """A page whose answers save carries no alert code (problems.js); where that code cannot come when
    a save fails (offline, a file missing), the status line itself says the answer is not saved and to copy it."""
    context = browser.new_context(service_workers="block")  # page.route cannot hold back what a service worker serves
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.route(re.compile(r"/assets/wb/problems\.[0-9a-f]{10}\.(js|css)$"), lambda route: route.abort())
    page.goto(base_url + "examples/")
    type_and_wait(page, "99.1", "Saved words")
    assert not [url for url in fetched if "/problems." in url]
    page.evaluate(FULL_STORAGE)
    box(page, "99.1").fill("Words that could not be saved")
    expect(status(page, "99.1")).to_have_text("Not saved: copy your words somewhere safe before you leave this page.")
    expect(page.get_by_role("alert")).to_have_count(0)
    assert [url for url in fetched if "/problems." in url]
    expect(box(page, "99.1")).to_have_value("Words that could not be saved")
    assert stored(page, "99.1")["value"] == "Saved words"
    context.close()


def test_try_saving_again_clears_the_alert_once_there_is_room(page: Page, base_url):
    page.goto(base_url + "examples/")
    page.evaluate(FULL_STORAGE)
    box(page, "99.2").fill("Wait for space")
    expect(page.get_by_role("alert")).to_be_visible()
    page.evaluate("() => { window.wbFull = false; }")
    page.get_by_role("button", name="Try saving again").click()
    expect(status(page, "99.2")).to_contain_text("Saved today")
    expect(page.get_by_role("alert")).to_have_count(0)
    assert stored(page, "99.2")["value"] == "Wait for space"


def test_blocked_storage_is_said_once_for_the_page(context, base_url):
    context.add_init_script("""
        Object.defineProperty(window, 'localStorage', {
            get() { throw new DOMException('blocked', 'SecurityError'); }
        });
    """)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + "theory/")
    alert = page.locator(".wb-page-alert")
    expect(alert).to_have_attribute("role", "alert")
    expect(alert).to_contain_text("Your answers are not being saved.")
    expect(alert).to_contain_text("not letting the workbook save")
    expect(status(page, "3.1")).to_contain_text("Not saved")
    box(page, "3.1").fill("Still typeable")
    expect(box(page, "3.1")).to_have_value("Still typeable")
    assert [e for e in errors if "wb" in e] == []


def test_a_corrupt_stored_value_is_kept_aside_and_never_overwritten(page: Page, base_url):
    key = PREFIX + "answer:99.1"
    page.goto(base_url + "examples/")
    page.evaluate("key => localStorage.setItem(key, '{\"v\":1,\"value\":\"cut off')", key)
    page.reload()
    notice = page.locator(".wb-notice")
    expect(notice).to_contain_text("could not be read")
    page.get_by_role("button", name="Show the earlier answer").click()
    expect(notice.locator("pre")).to_have_text('{"v":1,"value":"cut off')
    asides = page.evaluate(
        "prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix))", PREFIX + "aside:answer:99.1:"
    )
    assert len(asides) == 1
    assert page.evaluate("k => localStorage.getItem(k)", asides[0]) == '{"v":1,"value":"cut off'
    # Reloading does not make a second copy; typing saves, and the copy stays.
    page.reload()
    type_and_wait(page, "99.1", "A fresh answer")
    kept = page.evaluate(
        "prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix)).map(k => localStorage.getItem(k))",
        PREFIX + "aside:answer:99.1:",
    )
    assert kept == ['{"v":1,"value":"cut off']


def test_a_corrupt_value_that_cannot_be_kept_aside_is_not_written_over(page: Page, base_url):
    key = PREFIX + "answer:99.2"
    page.goto(base_url + "examples/")
    page.evaluate("key => localStorage.setItem(key, 'not json at all')", key)
    page.evaluate(FULL_STORAGE)
    page.evaluate("() => { for (const el of document.querySelectorAll('[data-wb-init]')) el.removeAttribute('data-wb-init'); document.querySelectorAll('.wb-notice').forEach(n => n.remove()); WB.start(); }")
    box(page, "99.2").fill("Typed over it")
    expect(page.get_by_role("alert").filter(has_text="will not save over it").first).to_be_visible()
    # The save was tried, and refused: its own alert says so.
    expect(page.locator('[data-wb-prompt="99.2"] .wb-alert[data-wb-reason="aside"]').first).to_be_visible()
    assert page.evaluate("key => localStorage.getItem(key)", key) == "not json at all"


# ---- privacy, accessibility, print ------------------------------------------


def test_no_page_asks_anything_of_another_host_and_no_cookies_are_set(page: Page, base_url, context):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for name in PAGES:
        page.goto(base_url + name)
        page.wait_for_load_state("networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("capitals")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    foreign = [url for url in requests if not url.startswith(base_url)]
    assert foreign == []
    assert len(requests) > len(PAGES)
    assert context.cookies() == []
    assert page.evaluate("() => document.cookie") == ""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations(browser, base_url, name, scheme):
    context, page = scheme_page(browser, scheme)
    page.goto(base_url + name)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
    assert_accessible(page)
    context.close()


def test_every_page_fits_320_css_pixels_as_at_400_percent_zoom(browser, base_url):
    # 1280 px at 400% zoom leaves 320 CSS pixels: nothing may need sideways scrolling.
    context = browser.new_context(viewport={"width": 320, "height": 256}, device_scale_factor=4)
    page = context.new_page()
    for name in PAGES:
        page.goto(base_url + name)
        wide = page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(el => el.className || el.tagName).slice(0, 5)""")
        assert wide == [], name
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320, name
    context.close()


OUR_SMALL_TARGETS = """() => [...document.querySelectorAll(
    '.md-content button, .md-content summary, .md-content label:has(> input[type=radio], > input[type=checkbox]), .wb-footer a'
)].filter(e => e.getClientRects().length).map(e => [e.textContent.trim().slice(0, 40), e.getBoundingClientRect()])
  .filter(([, r]) => r.width < 44 || r.height < 44).map(([name, r]) => `${name} ${Math.round(r.width)}x${Math.round(r.height)}`)"""


def test_on_a_phone_every_target_is_24_px_and_ours_44_px(browser, base_url):
    # WCAG 2.5.8: 24 x 24 CSS px at least (axe's target-size); our own controls 44 px, as GOV.UK's.
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    for name in PAGES + ["examples/"]:
        page.goto(base_url + name)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(OUR_SMALL_TARGETS) == [], name
        page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
        page.evaluate(AXE)
        result = page.evaluate("axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}})")
        assert result["violations"] == [], (name, [n["target"] for v in result["violations"] for n in v["nodes"]])
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_messages_showing(browser, base_url, scheme):
    context, page = scheme_page(browser, scheme)
    page.goto(base_url + "examples/")
    page.evaluate("key => localStorage.setItem(key, 'broken')", PREFIX + "answer:99.3")
    type_and_wait(page, "99.1", "Saved one")
    page.evaluate(FULL_STORAGE)
    page.reload()
    page.evaluate(FULL_STORAGE)
    box(page, "99.2").fill("Not saved one")
    expect(page.locator(".wb-alert")).to_be_visible()
    expect(page.locator(".wb-notice")).to_be_visible()
    assert_accessible(page)
    context.close()


def test_print_shows_each_whole_answer_as_text_and_no_navigation(page: Page, base_url):
    long = "\n".join(f"Paragraph {n} of a long answer." for n in range(1, 41))
    page.goto(base_url + "examples/")
    type_and_wait(page, "99.1", long)
    page.emulate_media(media="print")
    expect(box(page, "99.1")).to_be_hidden()
    mirror = page.locator('[data-wb-prompt="99.1"] .wb-prompt__print')
    expect(mirror).to_be_visible()
    assert mirror.inner_text() == long
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    # An unanswered prompt prints as empty writing space.
    expect(box(page, "99.2")).to_be_visible()




def test_nothing_to_press_prints_with_every_kind_of_answer_given(page: Page, base_url):
    page.goto(base_url + "examples/")
    for field in page.locator(".md-content textarea:visible").all():
        field.fill("An answer")
    page.locator('input[name="wb-ladder-99-4-now"][value="2"]').check()
    page.get_by_role("button", name="Keep today’s placement").click()
    expect(page.get_by_role("button", name=re.compile("^Delete the placement of"))).to_be_visible()
    assert len(page.evaluate(VISIBLE_CONTROLS)) > 20, "the buttons are there on screen"
    page.emulate_media(media="print")
    assert page.evaluate(VISIBLE_CONTROLS) == []
    expect(page.locator('[data-wb-prompt="99.1"] .wb-prompt__print')).to_have_text("An answer")


# ---- the content security policy --------------------------------------------

CSP_WATCH = """() => {
    window.wbViolations = [];
    document.addEventListener('securitypolicyviolation', e => window.wbViolations.push(e.violatedDirective + ' ' + e.blockedURI));
}"""


def test_every_page_carries_a_policy_and_nothing_on_the_site_breaks_it(page: Page, base_url, context):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    context.add_init_script(f"({CSP_WATCH})()")
    for name in PAGES + ["404.html"]:
        page.goto(base_url + name)
        page.wait_for_load_state("networkidle")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        expect(policy).to_have_count(1)
        assert "default-src 'self'" in policy.get_attribute("content")
        assert page.evaluate("() => window.wbViolations") == [], name
    # Using the site: instant navigation, typing, the ladder, search, a dialog.
    page.goto(base_url + "beginnings/")
    page.locator("nav.md-nav--primary a", has_text="8. Reflections on Power").first.click()
    page.locator('input[name="wb-ladder-8-6-now"][value="4"]').click()
    page.get_by_role("button", name="Keep today’s placement").click()
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("allies")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    page.goto(base_url + "my-answers/")
    page.get_by_role("button", name="Clear all my answers").click()
    page.keyboard.press("Escape")
    assert page.evaluate("() => window.wbViolations") == []
    assert [m for m in messages if "Content Security Policy" in m or "Permissions-Policy" in m] == []
