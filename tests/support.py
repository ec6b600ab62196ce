"""What the test layers and scripts share: building a site, serving it, launching Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
OFFLINE_CONFIG = ROOT / "mkdocs.offline.yml"
DOCS = ROOT / "docs"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The workbook's full text as extracted from its document (a copy kept in the repository,
# so that a clone alone passes its own tests): the source of truth for the site's wording.
SOURCE = FIXTURES / "workbook-source.txt"

# Debian's Chromium, launched as toolchain.md says (no sandbox as root; no calls home).
CHROMIUM_PATH = os.environ.get("WB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(
    docs: Path,
    site: Path,
    site_url: str | None,
    extra_nav: list | None = None,
    features_off: tuple[str, ...] = (),
    config_file: Path = CONFIG,
    theme: dict | None = None,
    **overrides,
):
    """Build with the real mkdocs.yml (its hooks, theme and extensions), strict.

    `features_off` turns Material features off, e.g. ("navigation.instant",); `theme` sets
    theme keys, e.g. {"palette": {"primary": "teal"}}.
    """
    if site_url is not None:
        overrides["site_url"] = site_url
    config = load_config(
        config_file=str(config_file),
        docs_dir=str(docs),
        site_dir=str(site),
        strict=True,
        **overrides,
    )
    if extra_nav:
        config.nav = list(config.nav) + extra_nav
    for feature in features_off:
        config.theme["features"].remove(feature)
    for key, value in (theme or {}).items():
        config.theme[key] = value
    build(config)
    return config


def docs_with(tmp: Path, pages: dict[str, str]) -> Path:
    """A copy of docs/ with extra or replaced pages."""
    docs = tmp / "docs"
    shutil.copytree(DOCS, docs)
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that drops a connection (a page closed mid-download) is not an error."""
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, port: int | None = None, handler_class: type = QuietHandler) -> Iterator[str]:
    """Serve a folder on 127.0.0.1; yields its base URL (ending in /)."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = QuietServer(("127.0.0.1", port or 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# An organisation's settings (extra.workbook), as a hosting organisation would write them.
ORGANISATION = {
    "generator": False,
    "workbook": {
        "organisation": {"name": "Example Mentoring Trust", "url": "https://example.org"},
        "support": [
            {"name": "Samaritans", "phone": "116 123", "when": "Free, any time, day or night"},
            {"name": "Your coordinator, Sam", "phone": "+44 1234 567890", "when": "Monday to Friday, 9am to 5pm"},
            {"name": "Example Trust helpline", "url": "https://example.org/help"},
        ],
        "about": "Questions about this workbook? Ask your mentoring coordinator.",
        "namespace": "example-trust-workbook",
    },
}
