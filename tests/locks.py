"""The lock's tests' helpers: the workbook's lock (its bar and settings), and locked backup files."""

from __future__ import annotations

import base64
import json

from playwright.sync_api import Page, expect
from my_answers import backup_file, review

WORKBOOK_PASSPHRASE = "purple lantern harbour"
BACKUP_PASSPHRASE = "correct horse battery staple"
BACKUP_FIELD = "Passphrase to lock the backup (optional)"


def turn_on(page: Page, base_url: str, passphrase: str = WORKBOOK_PASSPHRASE) -> None:
    review(page, base_url)
    page.get_by_label("Choose a passphrase").fill(passphrase)
    page.get_by_label("Type the passphrase again").fill(passphrase)
    page.get_by_role("button", name="Turn on the lock").click()
    expect(page.locator(".wb-lock__said")).to_have_text(
        "The lock is on. Your answers are stored locked with your passphrase.", timeout=20000)


def lock_now(page: Page) -> None:
    page.locator(".wb-lockbar").get_by_role("button", name="Lock now").click()
    expect(page.locator(".wb-lockbar h2")).to_have_text("Your answers are locked")


def unlock(page: Page, passphrase: str = WORKBOOK_PASSPHRASE) -> None:
    """Unlock with the bar at the top of the page; with the right passphrase, wait until it is open."""
    page.locator(".wb-lockbar").get_by_label("Passphrase").fill(passphrase)
    page.locator(".wb-lockbar").get_by_role("button", name="Unlock").click()
    if passphrase == WORKBOOK_PASSPHRASE:
        expect(page.locator(".wb-lockbar").get_by_role("button", name="Lock now")).to_be_focused(timeout=20000)


def locked_backup(page: Page, passphrase: str = BACKUP_PASSPHRASE) -> bytes:
    page.get_by_label(BACKUP_FIELD).fill(passphrase)
    return backup_file(page, "-locked.json")


def hostile(**changes) -> bytes:
    data = {"format": "wb-backup-locked", "version": 1, "workbook": "Peer Mentoring in Criminal Justice",
            "created": "2026-11-20T12:00:00.000Z",
            "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": base64.b64encode(b"s" * 16).decode()},
            "cipher": {"name": "AES-GCM", "length": 256, "iv": base64.b64encode(b"i" * 12).decode()},
            "data": base64.b64encode(b"d" * 64).decode()}
    for key, value in changes.items():
        if "." in key:
            outer, inner = key.split(".")
            data[outer] = {**data[outer], inner: value}
        else:
            data[key] = value
    return json.dumps(data).encode()


HOSTILE = {
    "absurd iterations": (hostile(**{"kdf.iterations": 10**12}), "kind of lock this workbook does not know"),
    "iterations past any number": (hostile(**{"kdf.iterations": 1e308}), "kind of lock"),
    "too few iterations": (hostile(**{"kdf.iterations": 1000}), "kind of lock"),
    "iterations as text": (hostile(**{"kdf.iterations": "600000"}), "kind of lock"),
    "fractional iterations": (hostile(**{"kdf.iterations": 600000.5}), "kind of lock"),
    "another hash": (hostile(**{"kdf.hash": "SHA-1"}), "kind of lock"),
    "another cipher": (hostile(**{"cipher.name": "AES-CBC"}), "kind of lock"),
    "a shorter key": (hostile(**{"cipher.length": 128}), "kind of lock"),
    "a short salt": (hostile(**{"kdf.salt": base64.b64encode(b"s" * 8).decode()}), "damaged or incomplete"),
    "a long salt": (hostile(**{"kdf.salt": base64.b64encode(b"s" * 4096).decode()}), "damaged or incomplete"),
    # The same 16 bytes as the salt "c3Nz...cw==", spelt with the ignored bits set: only one spelling is taken.
    "a salt spelt another way": (hostile(**{"kdf.salt": base64.b64encode(b"s" * 16).decode()[:-3] + "x=="}),
                                 "damaged or incomplete"),
    "a long IV": (hostile(**{"cipher.iv": base64.b64encode(b"i" * 16).decode()}), "damaged or incomplete"),
    "no IV": (hostile(**{"cipher.iv": ""}), "damaged or incomplete"),
    "data shorter than its tag": (hostile(data=base64.b64encode(b"d" * 16).decode()), "damaged or incomplete"),
    "data not base64": (hostile(data="not base64!"), "damaged or incomplete"),
    "an extra field": (hostile(extra="x"), "damaged or incomplete"),
    "a newer version": (hostile(version=2), "newer version"),
    "a kdf that is a list": (hostile(kdf=[1, 2]), "damaged or incomplete"),
}
