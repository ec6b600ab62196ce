"""Screenshot pages of a built site in Debian's Chromium, to look at them.

    .venv/bin/python scripts/screenshot.py SITE_DIR OUT_DIR [page ...]

Serves SITE_DIR on a free local port and writes OUT_DIR/<page>-<width>.png at
360 px and 1280 px wide, full page, in light and dark colour schemes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from support import CHROMIUM_ARGS, CHROMIUM_PATH, serve  # noqa: E402


def main(site: str, out: str, pages: list[str]) -> None:
    Path(out).mkdir(parents=True, exist_ok=True)
    with serve(Path(site)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            for width in (360, 1280):
                context = browser.new_context(
                    viewport={"width": width, "height": 800}, color_scheme=scheme
                )
                page = context.new_page()
                for name in pages or [""]:
                    page.goto(base + name)
                    page.wait_for_load_state("networkidle")
                    slug = name.strip("/").replace("/", "-") or "home"
                    page.screenshot(path=f"{out}/{slug}-{width}-{scheme}.png", full_page=True)
                context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
