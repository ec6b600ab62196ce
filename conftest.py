"""Fixtures shared by the three layers: unit (Markdown), build (HTML) and browser."""

from __future__ import annotations

from pathlib import Path

import engines
import pytest
from support import (
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    FIXTURES,
    OFFLINE_CONFIG,
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
def offline_folder(tmp_path_factory) -> Path:
    """The offline folder (mkdocs.offline.yml), built once, to open from disk."""
    tmp = tmp_path_factory.mktemp("offline")
    site = tmp / "workbook"
    build_site(docs_with(tmp, {}), site, None, config_file=OFFLINE_CONFIG)
    return site


@pytest.fixture(scope="session")
def base_url(site) -> str:
    return site[1]


@pytest.fixture(scope="session")
def site_dir(site) -> Path:
    return site[0]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Readers who ask for less motion get it; tests measure pages that have stopped moving."""
    return {**browser_context_args, "reduced_motion": "reduce"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium: a missing browser fails the browser tests, never skips them."""
    if not Path(CHROMIUM_PATH).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM_PATH}: run scripts/test, which installs it")
    return {**browser_type_launch_args, "executable_path": CHROMIUM_PATH, "args": CHROMIUM_ARGS}


# ---- WebKit and Firefox (Selenium; see tests/engines.py) --------------------


def pytest_collection_modifyitems(items) -> None:
    """`-m chromium`, `-m webkit`, `-m firefox` each run one engine's tests."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.chromium)
        callspec = getattr(item, "callspec", None)
        engine = callspec.params.get("engine") if callspec else None
        if engine:
            item.add_marker(getattr(pytest.mark, engine))


@pytest.fixture(scope="session")
def screen():
    """A virtual screen for WebKitGTK, started once, and only when a WebKit test runs."""
    with engines.virtual_screen() as display:
        yield display


@pytest.fixture(scope="session")
def probed_url(site_dir) -> str:
    """The same built site, served with the test probe in every page."""
    with engines.serve_with_probe(site_dir) as url:
        yield url


@pytest.fixture(params=engines.ENGINES)
def engine(request) -> str:
    """Each engine test runs in WebKit and in Firefox; a missing engine fails, never skips."""
    lacking = engines.missing(request.param)
    if lacking:
        pytest.fail(f"{request.param} cannot run: missing {', '.join(lacking)}. Run scripts/test, which installs it")
    if request.param == "webkit":
        request.getfixturevalue("screen")
    return request.param


@pytest.fixture
def reader(engine, probed_url, tmp_path):
    """A new session of the engine (empty storage) on the probed site; quit after the test."""
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = engines.start(engine, downloads=downloads)
    try:
        reader = engines.Reader(driver, engine, probed_url)
        reader.downloads = downloads
        yield reader
    finally:
        driver.quit()
