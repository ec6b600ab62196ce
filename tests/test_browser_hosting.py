"""Browser: the site as organisations host it — their settings, sub-paths, two workbooks on one address."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from support import ORGANISATION, build_site, docs_with, free_port, serve
from pages import box


pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    """One web address holding: an organisation's workbook at /trust/, another workbook at
    /other/ with use_directory_urls off."""
    tmp = tmp_path_factory.mktemp("hosted")
    root = tmp / "www"
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    build_site(docs_with(tmp / "a", {}), root / "trust", base + "trust/", extra=ORGANISATION)
    build_site(docs_with(tmp / "b", {}), root / "other", base + "other/", use_directory_urls=False)
    with serve(root, port):
        yield base


def test_an_organisations_workbook_shows_its_name_and_contacts(browser, hosted):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(hosted + "trust/")
    footer = page.locator(".wb-footer")
    expect(footer).to_contain_text("This workbook is offered by Example Mentoring Trust.")
    expect(footer.get_by_role("link", name="+44 1234 567890")).to_be_visible()
    expect(page.locator(".wb-support")).to_contain_text("Your coordinator, Sam: call +44 1234 567890")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    context.close()


def test_a_workbook_at_a_sub_path_navigates_instantly_and_saves(page: Page, hosted):
    page.goto(hosted + "trust/beginnings/")
    page.evaluate("() => { window.wbNoReload = true; }")
    box(page, "1.1").fill("At a sub-path")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    page.locator("nav.md-nav--primary a", has_text="2. Reflections on Mentoring").first.click()
    expect(page).to_have_url(hosted + "trust/mentoring-in-criminal-justice/")
    assert page.evaluate("() => window.wbNoReload") is True
    page.go_back()
    expect(box(page, "1.1")).to_have_value("At a sub-path")
    ours = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('wb:'))")
    assert ours == ["wb:v1:example-trust-workbook:answer:1.1"]


def test_with_directory_urls_off_pages_link_and_save(page: Page, hosted):
    page.goto(hosted + "other/index.html")
    page.get_by_role("link", name="Section three: Reflections on Theory").click()
    expect(page).to_have_url(hosted + "other/theory.html")
    box(page, "3.1").fill("Without directory URLs")
    expect(page.locator("#wb-status-3-1")).to_contain_text("Saved today")
    page.goto(hosted + "other/my-answers.html")
    page.locator('section[data-wb-section="3"] .wb-review__answers > summary').click()
    expect(page.locator('[data-wb-review-prompt="3.1"] .wb-review__text')).to_have_text("Without directory URLs")
    page.locator('[data-wb-review-prompt="3.1"] h3 a').click()
    expect(page).to_have_url(hosted + "other/theory.html#wb-prompt-3-1")


def test_two_workbooks_on_one_address_never_see_each_others_answers(page: Page, hosted):
    page.goto(hosted + "trust/theory/")
    box(page, "3.2").fill("The trust's answer")
    expect(page.locator("#wb-status-3-2")).to_contain_text("Saved today")
    page.goto(hosted + "other/theory.html")
    expect(box(page, "3.2")).to_have_value("")
    box(page, "3.2").fill("The other workbook's answer")
    expect(page.locator("#wb-status-3-2")).to_contain_text("Saved today")
    page.goto(hosted + "trust/theory/")
    expect(box(page, "3.2")).to_have_value("The trust's answer")
    page.goto(hosted + "trust/my-answers/")
    page.get_by_role("button", name="Clear all my answers").click()
    page.locator("dialog").get_by_role("button", name="Yes, clear all my answers").click()
    page.goto(hosted + "other/theory.html")
    expect(box(page, "3.2")).to_have_value("The other workbook's answer")


def test_the_service_worker_serves_pages_with_the_network_cut(page: Page, context, base_url):
    page.goto(base_url + "theory/")
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    context.set_offline(True)
    try:
        page.goto(base_url + "theory/")
        expect(page.locator("h1")).to_have_text("Section Three – Reflections on Theory")
        page.goto(base_url + "endings/")  # never visited: its copy was made on the first visit
        expect(page.locator("h1")).to_have_text("Section Nine – Reflections on Endings")
        box(page, "9.1").fill("Written on a train")
        expect(page.locator("#wb-status-9-1")).to_contain_text("Saved today")
        page.goto(base_url + "my-answers/")
        expect(page.locator('[data-wb-review-prompt="9.1"] .wb-review__text')).to_have_text("Written on a train")
    finally:
        context.set_offline(False)


def test_the_manifest_names_the_workbook_and_its_icons_exist(page: Page, base_url):
    page.goto(base_url)
    href = page.locator('link[rel="manifest"]').get_attribute("href")
    manifest = page.evaluate("url => fetch(url).then(r => r.json())", href)
    assert manifest["name"] == "Peer Mentoring in Criminal Justice"
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./"
    for icon in manifest["icons"]:
        size = page.evaluate(
            """src => new Promise(done => { const img = new Image(); img.onload = () => done([img.naturalWidth, img.naturalHeight]); img.src = src; })""",
            base_url + icon["src"],
        )
        assert f"{size[0]}x{size[1]}" == icon["sizes"]


def test_the_service_worker_keeps_other_workbooks_copies_and_no_search_words(page: Page, base_url):
    namespace = "peer-mentoring-in-criminal-justice"
    page.goto(base_url + "sitemap.xml")  # a file of the site that starts no service worker
    page.evaluate("""names => Promise.all(names.map(name => caches.open(name).then(c => c.put('/x', new Response('x')))))""",
                  [f"wb-{namespace}-cohort-0123456789ab", f"wb-{namespace}-cohort:0123456789ab", f"wb-{namespace}-0123456789ab"])
    page.goto(base_url + "theory/?h=personal+goals")
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.goto(base_url + "beginnings/?h=personal+goals#wb-answer-1-2")
    urls = f"""async () => {{
        const out = [];
        for (const name of await caches.keys()) {{
            if (!name.startsWith('wb-{namespace}:')) continue;
            for (const request of await (await caches.open(name)).keys()) out.push(request.url);
        }}
        return out;
    }}"""
    page.wait_for_function(f"({urls})().then(found => found.some(url => url.endsWith('/beginnings/')))")
    assert [url for url in page.evaluate(urls) if "?" in url] == []
    names = page.evaluate("() => caches.keys()")
    assert f"wb-{namespace}-cohort-0123456789ab" in names and f"wb-{namespace}-cohort:0123456789ab" in names
    assert f"wb-{namespace}-0123456789ab" not in names  # this workbook's own copy from before is gone
