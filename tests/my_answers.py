"""My answers as tests use it: storage as the page sees it, and the reader's actions there (open it, unfold
a section, download a backup, choose a file to restore, the dialog, clear and restore)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from playwright.sync_api import Page, expect

from pages import NAMESPACE, PREFIX


def ours(page: Page) -> dict[str, str]:
    """Every stored key of this workbook, with its exact stored text."""
    return page.evaluate(
        "prefix => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith(prefix)).map(k => [k, localStorage.getItem(k)]))",
        PREFIX,
    )


def everything(page: Page) -> dict[str, str]:
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def answer_keys(page: Page) -> dict[str, str]:
    return {k: v for k, v in ours(page).items() if k.startswith(PREFIX + "answer:")}


def put(page: Page, prompt_id: str, value, saved: str = "2026-11-01T10:00:00.000Z") -> None:
    page.evaluate(
        "([key, text]) => localStorage.setItem(key, text)",
        [PREFIX + "answer:" + prompt_id, json.dumps({"v": 1, "value": value, "saved": saved}, separators=(",", ":"), ensure_ascii=False)],
    )


def value(page: Page, prompt_id: str):
    raw = page.evaluate("key => localStorage.getItem(key)", PREFIX + "answer:" + prompt_id)
    return None if raw is None else json.loads(raw)["value"]


def review(page: Page, base_url: str) -> None:
    page.goto(base_url + "my-answers/")
    expect(page.locator(".wb-review__tools")).to_be_visible()


def expand(page: Page, section: int) -> None:
    """Open a section's answers on My answers (folded until asked for)."""
    page.locator(f'section[data-wb-section="{section}"] .wb-review__answers > summary').click()


def backup_file(page: Page, ending: str = ".json", timeout: float = 30000) -> bytes:
    """The file "Download a backup" gives (its name: the namespace, "-answers-", the date, `ending`)."""
    with page.expect_download(timeout=timeout) as info:
        page.get_by_role("button", name="Download a backup").click()
    download = info.value
    assert download.suggested_filename.startswith(NAMESPACE + "-answers-")
    assert download.suggested_filename.endswith(ending)
    with open(download.path(), "rb") as handle:
        return handle.read()


def restore(page: Page, content: bytes, name: str = "backup.json") -> None:
    if len(content) > 8 * 1024 * 1024:  # large files by path: a buffer crosses to the browser as base64, slowly
        path = Path(tempfile.mkdtemp()) / name
        path.write_bytes(content)
        page.set_input_files("#wb-review-file", files=[str(path)])
        return
    page.set_input_files("#wb-review-file", files=[{"name": name, "mimeType": "application/json", "buffer": content}])


def dialog(page: Page):
    return page.locator("dialog.wb-review__dialog")


def backup_clear_restore(page: Page, base_url: str) -> None:
    """On My answers: download a backup, clear everything, restore the backup."""
    review(page, base_url)
    data = backup_file(page)
    page.get_by_role("button", name="Clear all my answers").click()
    dialog(page).get_by_role("button", name="Yes, clear all my answers").click()
    assert ours(page) == {}
    restore(page, data)
    dialog(page).get_by_role("button", name="Restore").click()
    expect(page.locator(".wb-banner")).to_contain_text("Restored")
