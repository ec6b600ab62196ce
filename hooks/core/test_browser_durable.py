"""Browser: "Saved" means on disk. The browser process is killed (SIGKILL, as a phone's system does
to a browser in the background) just after a box says "Saved", then started again on the same profile."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from playwright.sync_api import expect
from support import CHROMIUM_ARGS, CHROMIUM_PATH
from pages import box

pytestmark = pytest.mark.browser


def browser_pid(profile: Path) -> int:
    """The main Chromium process of this profile (its helpers carry a --type=)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"--user-data-dir={profile}".encode() in args and not any(a.startswith(b"--type=") for a in args):
            return int(entry.name)
    raise AssertionError("the browser process was not found")


def launch(playwright, profile: Path):
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True)


def kill(context, profile: Path) -> None:
    pid = browser_pid(profile)
    os.kill(pid, signal.SIGKILL)
    try:
        context.close()
    except Exception:  # noqa: BLE001 — the browser is gone, as intended
        pass


def test_an_answer_that_says_saved_survives_the_browser_being_killed(playwright, base_url, tmp_path):
    profile = tmp_path / "profile"
    context = launch(playwright, profile)
    page = context.new_page()
    page.goto(base_url + "beginnings/")
    box(page, "1.1").fill("Written just before the phone closed the browser")
    box(page, "1.2").fill("And a second answer")
    expect(page.locator("#wb-status-1-2")).to_contain_text("Saved today")
    expect(page.locator("#wb-status-1-1")).to_contain_text("Saved today")
    page.goto(base_url + "identity/")
    page.locator("#wb-answer-4-1-1-1").fill("Kind")
    expect(page.locator("#wb-status-4-1")).to_contain_text("Saved today")
    kill(context, profile)

    context = launch(playwright, profile)
    try:
        page = context.new_page()
        page.goto(base_url + "beginnings/")
        expect(box(page, "1.1")).to_have_value("Written just before the phone closed the browser")
        expect(box(page, "1.2")).to_have_value("And a second answer")
        page.goto(base_url + "identity/")
        expect(page.locator("#wb-answer-4-1-1-1")).to_have_value("Kind")
    finally:
        context.close()
