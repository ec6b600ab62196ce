"""Figures for the workbook against stock Material, measured in the same run.

    .venv/bin/python scripts/benchmark.py [--runs N]

Prints build time (median of N builds) of this site and of the same pages built
with stock Material (no hook, no overrides), the gzipped size of our own JS and
CSS beside Material's, and the size of one section page. Prints, never asserts.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from support import CONFIG  # noqa: E402


def timed_build(site: Path, stock: bool) -> float:
    overrides = {"site_dir": str(site)}
    if stock:
        # Stock Material: no hook (prompt blocks stay as text), no custom_dir.
        overrides.update(hooks=[], theme={"name": "material", "font": False}, strict=False)
    config = load_config(config_file=str(CONFIG), **overrides)
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def sizes(paths: list[Path]) -> tuple[int, int]:
    return sum(p.stat().st_size for p in paths), sum(gz(p) for p in paths)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        ours_site, stock_site = Path(tmp, "ours"), Path(tmp, "stock")
        timed_build(ours_site, stock=False)  # warm-up: imports and caches
        timed_build(stock_site, stock=True)
        ours, stock = [], []
        for _ in range(runs):  # interleaved, so that load on the machine hits both alike
            ours.append(timed_build(ours_site, stock=False))
            stock.append(timed_build(stock_site, stock=True))
        o, s = statistics.median(ours), statistics.median(stock)
        print(f"build time, median of {runs}: ours {o:.3f} s, stock Material {s:.3f} s, ratio {o / s:.2f}")

        ours_js = sorted((ours_site / "assets" / "wb").glob("workbook.*.js"))
        ours_css = sorted((ours_site / "assets" / "wb").glob("*.css"))
        material_js = sorted((ours_site / "assets" / "javascripts").glob("bundle.*.min.js"))
        material_css = sorted((ours_site / "assets" / "stylesheets").glob("*.min.css"))
        for label, ours_files, theirs in (("JS", ours_js, material_js), ("CSS", ours_css, material_css)):
            raw, zipped = sizes(ours_files)
            theirs_raw, theirs_zipped = sizes(theirs)
            print(
                f"our {label}: {raw} B raw, {zipped} B gzipped ({len(ours_files)} files); "
                f"Material's: {theirs_zipped} B gzipped; ours/Material {zipped / theirs_zipped:.2f}"
            )
        page_ours = ours_site / "theory" / "index.html"
        page_stock = stock_site / "theory" / "index.html"
        print(
            f"section page theory/: ours {gz(page_ours)} B gzipped, stock {gz(page_stock)} B gzipped, "
            f"ratio {gz(page_ours) / gz(page_stock):.2f}"
        )


if __name__ == "__main__":
    main()
