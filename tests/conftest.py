"""Fixtures shared by the three layers: unit (Markdown), build (HTML) and browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import (
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    FIXTURES,
    build_site,
    docs_with,
    free_port,
    serve,
)

EXAMPLES = (FIXTURES / "examples.md").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> tuple[Path, str]:
    """The real site plus the examples page, built strict and served where site_url says.

    Instant navigation only follows links under site_url, so the port is chosen
    before the build.
    """
    tmp = tmp_path_factory.mktemp("site")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    docs = docs_with(tmp, {"examples.md": EXAMPLES})
    build_site(docs, tmp / "site", base, extra_nav=[{"Examples": "examples.md"}])
    with serve(tmp / "site", port) as url:
        assert url == base
        yield tmp / "site", base


@pytest.fixture(scope="session")
def plain_site_url(tmp_path_factory) -> str:
    """The same site with instant navigation off: every link is a full page load."""
    tmp = tmp_path_factory.mktemp("plain")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    docs = docs_with(tmp, {"examples.md": EXAMPLES})
    build_site(docs, tmp / "site", base, extra_nav=[{"Examples": "examples.md"}],
               features_off=("navigation.instant",))
    with serve(tmp / "site", port):
        yield base


@pytest.fixture(scope="session")
def base_url(site) -> str:
    return site[1]


@pytest.fixture(scope="session")
def site_dir(site) -> Path:
    return site[0]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium: a missing browser fails the browser tests, never skips them."""
    if not Path(CHROMIUM_PATH).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM_PATH}: run scripts/test, which installs it")
    return {**browser_type_launch_args, "executable_path": CHROMIUM_PATH, "args": CHROMIUM_ARGS}
