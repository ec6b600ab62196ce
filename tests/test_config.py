"""Build: an organisation's settings in mkdocs.yml (extra.workbook), and their checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort, PluginError
from support import ORGANISATION, build_site, docs_with



def build(tmp_path: Path, extra: dict) -> Path:
    site = tmp_path / "site"
    build_site(docs_with(tmp_path, {}), site, "http://127.0.0.1:8000/", extra=extra)
    return site


def core_script(site: Path) -> str:
    """The core bundle the home page loads (its first script of ours)."""
    src = next(tag["src"] for tag in soup(site).select("script[src]") if "/wb/core." in tag["src"] or tag["src"].startswith("assets/wb/core."))
    return (site / src.lstrip("./")).read_text(encoding="utf-8")


def soup(site: Path, name: str = "") -> BeautifulSoup:
    return BeautifulSoup((site / name / "index.html").read_text(encoding="utf-8"), "html.parser")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_by_default_every_footer_and_the_home_page_give_the_workbooks_support_lines(tmp_path):
    site = build(tmp_path, {"generator": False})
    for name in ("", "theory", "my-answers"):
        footer = soup(site, name).select_one(".wb-footer")
        text = squash(footer.get_text(" "))
        assert "If you need support: Samaritans , 116 123 (Free, any time, day or night)" in text
        assert footer.select_one('a[href="tel:116123"]').get_text() == "116 123"
        assert footer.select_one('a[href="https://hubofhope.co.uk"]').get_text() == "Hub of Hope"
        assert footer.select_one(".wb-footer__organisation") is None
    home = soup(site).select(".wb-support li")
    assert [squash(li.get_text(" ")) for li in home] == [
        "Samaritans : call 116 123 (Free, any time, day or night)",
        "Hub of Hope (Mental health support near you)",
    ]
    assert soup(site).select_one('meta[name="wb-namespace"]')["content"] == "peer-mentoring-in-criminal-justice"


def test_an_organisations_settings_show_on_every_page(tmp_path):
    site = build(tmp_path, ORGANISATION)
    for name in ("", "beginnings", "power"):
        page = soup(site, name)
        footer = page.select_one(".wb-footer")
        assert squash(footer.select_one(".wb-footer__organisation").get_text(" ")) == (
            "This workbook is offered by Example Mentoring Trust ."
        )
        assert footer.select_one('.wb-footer__organisation a')["href"] == "https://example.org"
        assert footer.select_one('a[href="tel:+441234567890"]').get_text() == "+44 1234 567890"
        assert "Hub of Hope" not in footer.get_text()
        assert squash(footer.select_one(".wb-footer__about").get_text()) == ORGANISATION["workbook"]["about"]
        assert page.select_one('meta[name="wb-namespace"]')["content"] == "example-trust-workbook"
    # The home page's note ends with the organisation's contacts, not the workbook's own.
    note = soup(site).select_one(".admonition .wb-support-sentence")
    assert squash(note.get_text(" ")).endswith(
        "If you find you need additional, confidential support, contact Samaritans on 116 123 , "
        "Your coordinator, Sam on +44 1234 567890 or Example Trust helpline ."
    )
    assert note.select_one('a[href="https://example.org/help"]').get_text() == "Example Trust helpline"
    assert "Hub of Hope" not in soup(site).select_one("article").get_text()
    assert "hubofhope" not in str(soup(site).select_one("article"))
    items = [squash(li.get_text(" ")) for li in soup(site).select(".wb-support li")]
    assert items == [
        "Samaritans : call 116 123 (Free, any time, day or night)",
        "Your coordinator, Sam : call +44 1234 567890 (Monday to Friday, 9am to 5pm)",
        "Example Trust helpline",
    ]


def test_the_commented_example_in_mkdocs_yml_builds_and_says_each_thing_once(tmp_path):
    # The example an organisation uncomments, exactly as mkdocs.yml has it.
    import yaml

    lines = Path(__file__).parent.parent.joinpath("mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("  # workbook:")
    example = []
    for line in lines[start:]:
        if not line.startswith("  #   ") and line != "  # workbook:":
            break
        example.append(line[4:])
    extra = {"generator": False, **yaml.safe_load("\n".join(example))}
    site = build(tmp_path, extra)
    for name in ("", "theory"):
        footer = squash(soup(site, name).select_one(".wb-footer").get_text(" "))
        assert footer.count("offered by") == 1, footer
        assert footer.count("Ask your mentoring coordinator") == 1, footer
    assert "Your mentoring coordinator on 0123 456 7890" in squash(soup(site).select_one(".wb-support-sentence").get_text(" "))


def test_the_footer_names_an_organisation_without_a_link_and_a_contact_with_neither_phone_nor_link():
    import wb_config
    import wb_i18n
    import wb_support

    settings = wb_config.Settings(
        organisation_name="Example Trust",
        support=(wb_config.Contact("Your coordinator", when="Weekdays"), wb_config.Contact("Helpline", phone="0800 1")),
        own_support=True,
    )
    footer = BeautifulSoup(str(wb_support.footer(settings, wb_i18n.english())), "html.parser")
    assert squash(footer.select_one(".wb-footer__organisation").get_text()) == "This workbook is offered by Example Trust."
    assert footer.select_one(".wb-footer__organisation a") is None
    contacts = [squash(line.get_text()) for line in footer.select(".wb-footer__support .wb-footer__contact")]
    assert contacts == ["Your coordinator (Weekdays);", "Helpline, 0800 1"]
    assert [a["href"] for a in footer.select("a")] == ["tel:08001"]
    assert footer.select_one(".wb-footer__about") is None


def test_text_in_settings_is_escaped(tmp_path):
    extra = {"workbook": {"organisation": {"name": "<script>alert(1)</script> & Co"}, "about": "<b>bold</b>"}}
    site = build(tmp_path, extra)
    footer = soup(site, "theory").select_one(".wb-footer")
    assert footer.select("script, b") == []
    assert "<script>alert(1)</script> & Co" in footer.get_text()


@pytest.mark.parametrize(
    ("workbook", "message"),
    [
        ({"colour": "red"}, "extra.workbook.colour: 'red' is not a colour written like"),
        ({"colour_scheme": "red"}, "extra.workbook.colour_scheme: is not a setting this workbook knows"),
        ({"support": [{"phone": "116 123"}]}, "extra.workbook.support[0].name: needs some text"),
        ({"support": [{"name": "A", "phone": "1", "email": "a@b"}]}, "extra.workbook.support[0].email: is not a setting"),
        ({"support": [{"name": "A"}]}, "extra.workbook.support[0]: the contact 'A' needs a phone number or a web address"),
        ({"support": [{"name": "A", "phone": "call me"}]}, "extra.workbook.support[0].phone: 'call me' is not a phone number"),
        ({"support": [{"name": "A", "url": "javascript:alert(1)"}]}, "extra.workbook.support[0].url: 'javascript:alert(1)' is not a web address"),
        ({"support": []}, "extra.workbook.support: must be a list of contacts"),
        ({"support": "Samaritans"}, "extra.workbook.support: must be a list of contacts"),
        ({"namespace": "My Workbook!"}, "extra.workbook.namespace: 'My Workbook!' may hold only lower-case letters"),
        ({"namespace": "a--b"}, "extra.workbook.namespace"),
        ({"organisation": {"url": "https://example.org"}}, "extra.workbook.organisation.name: needs some text"),
        ({"organisation": {"name": "A", "logo": "x.png"}}, "extra.workbook.organisation.logo: is not a setting"),
        ({"organisation": {"name": "A", "url": "example.org"}}, "extra.workbook.organisation.url"),
        ("just text", "must be a set of keys"),
    ],
)
def test_a_bad_setting_stops_the_build_naming_its_key(tmp_path, caplog, workbook, message):
    with pytest.raises((PluginError, Abort)) as error:
        build(tmp_path, {"workbook": workbook})
    assert message in str(error.value) + caplog.text


def test_analytics_stop_the_build_as_nothing_may_be_sent_anywhere(tmp_path, caplog):
    with pytest.raises((PluginError, Abort)) as error:
        build(tmp_path, {"analytics": {"provider": "google", "property": "G-XXXXXXXXXX"}})
    assert "extra.analytics: the workbook promises readers that nothing is sent anywhere" in str(error.value) + caplog.text


def test_two_workbooks_with_different_names_or_paths_get_different_namespaces(tmp_path):
    one = tmp_path / "one"
    two = tmp_path / "two"
    build_site(docs_with(one, {}), one / "site", "https://example.org/one/")
    build_site(docs_with(two, {}), two / "site", "https://example.org/two/", site_name="Another Workbook")
    first = soup(one / "site").select_one('meta[name="wb-namespace"]')["content"]
    second = soup(two / "site").select_one('meta[name="wb-namespace"]')["content"]
    assert first == "peer-mentoring-in-criminal-justice/one"
    assert second == "another-workbook/two"
    # Backups name the workbook, not its address; the earlier namespace is given for copying answers.
    assert soup(one / "site").select_one('meta[name="wb-workbook"]')["content"] == "peer-mentoring-in-criminal-justice"
    assert soup(two / "site").select_one('meta[name="wb-workbook"]')["content"] == "another-workbook"
    legacy = soup(one / "site").select_one('meta[name="wb-legacy-namespace"]')["content"]
    assert legacy == "peer-mentoring-in-criminal-justice-one"
    # The code that brings them over (migrate.js) is in that site's core (not in one without: test_build.py).
    assert ".migrateFrom=" in core_script(one / "site")
