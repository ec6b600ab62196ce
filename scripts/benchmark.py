"""Figures for the workbook against stock Material, measured in the same run.

    .venv/bin/python scripts/benchmark.py [--runs N] [--build-runs N] [--no-lighthouse] [--only build|lighthouse]

Prints build time (median and fastest of 11 builds each, in turns) of this site
and of the same pages built with stock Material (no hook, no overrides), the gzipped size of our own JS and
CSS beside Material's, and the size of one section page; then, in Chromium,
how long a 12-megapixel photo takes to be made smaller and kept, and its size
before and after; and how long locking a backup with a passphrase takes: the key
derivation alone, and locking and opening 59 answers of 50,000 characters; and
Lighthouse (mobile, simulated slow 4G) on four pages of ours and of stock Material,
side by side, served compressed (as static hosts serve it) and uncompressed, then on every other page, compressed: performance, accessibility, best practices, SEO and cumulative layout
shift, and performance again at the reference speed (each run's trace simulated with the CPU slowdown that
Lighthouse's calculator gives for this machine's speed in that run, instead of the fixed 4x) (`--no-lighthouse` to skip; Lighthouse is installed on first use with npm in
scripts/lighthouse/, and drives Debian's Chromium).
Prints, never asserts.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import gzip
import io
import json
import logging
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

import wb_bundles  # noqa: E402
from support import CHROMIUM_ARGS, CHROMIUM_PATH, CONFIG, QuietHandler, serve  # noqa: E402

# A 4000 x 3000 picture with a camera's grain, as a phone's JPEG (base64).
CAMERA_PHOTO = """() => new Promise(resolve => {
  const c = document.createElement('canvas'); c.width = 4000; c.height = 3000;
  const x = c.getContext('2d');
  const g = x.createLinearGradient(0, 0, 4000, 3000); g.addColorStop(0, '#5c7cfa'); g.addColorStop(1, '#e67700');
  x.fillStyle = g; x.fillRect(0, 0, 4000, 3000);
  const d = x.getImageData(0, 0, 4000, 3000);
  for (let i = 0; i < d.data.length; i++) d.data[i] += (Math.random() - 0.5) * 24;
  x.putImageData(d, 0, 0);
  c.toBlob(b => { const r = new FileReader(); r.onload = () => resolve(r.result.split(',')[1]); r.readAsDataURL(b); }, 'image/jpeg', 0.9);
})"""


def themed_stock() -> dict:
    """Our mkdocs.yml's theme settings (palette toggle, features, language) without our custom_dir."""
    theme = dict(load_config(config_file=str(CONFIG)).theme._vars)
    return {key: theme[key] for key in ("name", "language", "font", "palette", "features")}


def timed_build(site: Path, stock: bool, docs: Path | None = None, nav: list | None = None,
                theme: dict | None = None) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) for one build. On a shared machine the CPU time is the
    steadier figure: other people's work lengthens the wall clock, not this process's CPU time."""
    overrides = {"site_dir": str(site)}
    if docs is not None:
        overrides.update(docs_dir=str(docs), nav=nav)
    if stock:
        # Stock Material: no hook (prompt blocks stay as text), no custom_dir.
        # With `theme`: the same, with the theme settings Material offers everyone (themed_stock()).
        overrides.update(hooks=[], theme=theme or {"name": "material", "font": False}, strict=False)
    config = load_config(config_file=str(CONFIG), **overrides)
    gc.collect()  # the last build's garbage, collected here rather than inside (and charged to) this build
    start, cpu = time.perf_counter(), time.process_time()
    build(config)
    return time.perf_counter() - start, time.process_time() - cpu


RE_BLOCK_ID = re.compile(r"^(/{3,4} (?:prompt|ladder) \| )(\d+)\.", re.M)


def ten_times(tmp: Path) -> tuple[Path, list]:
    """The workbook's pages ten times over (each copy's prompts renumbered), one My answers page."""
    config = load_config(config_file=str(CONFIG))
    docs = tmp / "docs-10x"
    shutil.copytree(config.docs_dir, docs)
    nav = list(config.nav)
    answers = [entry for entry in nav if "my-answers.md" in entry.values()]
    sections = [entry for entry in nav if entry not in answers]
    for copy in range(1, 10):
        for entry in sections:
            (title, name), = entry.items()
            text = (docs / name).read_text(encoding="utf-8")
            text = RE_BLOCK_ID.sub(lambda m: f"{m.group(1)}{copy * 100 + int(m.group(2))}.", text)
            copied = f"copy{copy}-{name}"
            (docs / copied).write_text(text, encoding="utf-8")
            nav.insert(len(nav) - len(answers), {f"{title} ({copy + 1})": copied})
    return docs, nav


def page_code(site: Path, page: str) -> tuple[int, int]:
    """Our own JS and CSS a page loads (gzipped bytes), read from its script and link tags."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<script src="([^"]*assets/wb/[^"]+)"', html) + re.findall(r'<link rel="stylesheet" href="([^"]*assets/wb/[^"]+)"', html)
    files = [(site / page / url).resolve() for url in found]
    js = sum(gz(f) for f in files if f.suffix == ".js")
    return js, sum(gz(f) for f in files if f.suffix == ".css")


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def sizes(paths: list[Path]) -> tuple[int, int]:
    return sum(p.stat().st_size for p in paths), sum(gz(p) for p in paths)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build-runs", type=int, default=11, help="builds of each site at 1x (each takes well under a second)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs (minutes)")
    parser.add_argument(
        "--only", choices=("build", "lighthouse"),
        help="only the build times (and sizes), or only Lighthouse (after one build of each site)")
    args = parser.parse_args()
    runs = args.runs
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        ours_site, stock_site = Path(tmp, "ours"), Path(tmp, "stock")
        timed_build(ours_site, stock=False)  # warm-up: imports and caches
        timed_build(stock_site, stock=True)
        themed_site = Path(tmp, "themed")
        timed_build(themed_site, stock=True, theme=themed_stock())
        if args.only == "lighthouse":
            lighthouse_figures(ours_site, stock_site, themed_site)
            return
        ours, stock, themed = [], [], []
        theme = themed_stock()
        builds = (
            lambda: ours.append(timed_build(ours_site, stock=False)),
            lambda: stock.append(timed_build(stock_site, stock=True)),
            lambda: themed.append(timed_build(themed_site, stock=True, theme=theme)),
        )
        for turn in range(args.build_runs):  # interleaved, so that load on the machine hits all alike; each first in turn
            for one in builds[turn % 3:] + builds[:turn % 3]:
                one()
        o, s = statistics.median(t[0] for t in ours), statistics.median(t[0] for t in stock)
        oc, sc = statistics.median(t[1] for t in ours), statistics.median(t[1] for t in stock)
        tw, tc = statistics.median(t[0] for t in themed), statistics.median(t[1] for t in themed)
        runs_1x = args.build_runs
        print(f"build time, median of {runs_1x}: ours {o:.3f} s, stock Material {s:.3f} s, ratio {o / s:.2f} "
              f"(target 1.2; CPU time: ours {oc:.3f} s, stock {sc:.3f} s, ratio {oc / sc:.2f}; "
              f"fastest of {runs_1x}, CPU: ours {min(t[1] for t in ours):.3f} s, stock {min(t[1] for t in stock):.3f} s, "
              f"ratio {min(t[1] for t in ours) / min(t[1] for t in stock):.2f})")
        print(f"  stock Material with our theme settings (palette toggle, features; no hook, no custom_dir): "
              f"{tw:.3f} s, ours/it {o / tw:.2f} (CPU time {tc:.3f} s, ours/it {oc / tc:.2f})")

        # Every bundle (hooks/wb_bundles.py), once: not the files that join a page's bundles.
        ours_js = sorted(path for path in (ours_site / "assets" / "wb").glob("*.js") if not wb_bundles.is_joined(path.name))
        ours_css = sorted(path for path in (ours_site / "assets" / "wb").glob("*.css") if not wb_bundles.is_joined(path.name))
        material_js = sorted((ours_site / "assets" / "javascripts").glob("bundle.*.min.js"))
        material_css = sorted((ours_site / "assets" / "stylesheets").glob("*.min.css"))
        for label, ours_files, theirs in (("JS", ours_js, material_js), ("CSS", ours_css, material_css)):
            raw, zipped = sizes(ours_files)
            theirs_raw, theirs_zipped = sizes(theirs)
            print(
                f"our {label}: {raw} B raw, {zipped} B gzipped ({len(ours_files)} files); "
                f"Material's: {theirs_zipped} B gzipped; ours/Material {zipped / theirs_zipped:.2f}"
            )
        # A plain section page (text prompts only), then pages with each kind, then My answers.
        pages = ("beginnings", "theory", "power", "examples" if (ours_site / "examples").exists() else "self-confidence", "my-answers")
        for page in pages:
            js, css = page_code(ours_site, page)
            print(f"our code on {page}/: {js} B JS + {css} B CSS gzipped = {(js + css) / 1024:.1f} KB (target on a plain section page: 12 KB)")

        docs10, nav10 = ten_times(Path(tmp))
        times10: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
        for _ in range(max(1, runs // 2)):  # interleaved too
            for stock_build in (False, True):
                times10[stock_build].append(timed_build(Path(tmp, f"10x-{stock_build}"), stock_build, docs10, nav10))
        ours10, stock10 = (statistics.median(t[0] for t in times10[b]) for b in (False, True))
        ours10c, stock10c = (statistics.median(t[1] for t in times10[b]) for b in (False, True))
        print(
            f"build time, 10x the content ({len(nav10)} pages): ours {ours10:.3f} s ({ours10 / o:.2f}x ours at 1x), "
            f"stock {stock10:.3f} s ({stock10 / s:.2f}x stock at 1x); ours/stock {ours10 / stock10:.2f} "
            f"(CPU time: ours {ours10c / oc:.2f}x ours at 1x, ours/stock {ours10c / stock10c:.2f})"
        )

        page_ours = ours_site / "theory" / "index.html"
        page_stock = stock_site / "theory" / "index.html"
        print(
            f"section page theory/: ours {gz(page_ours)} B gzipped, stock {gz(page_stock)} B gzipped, "
            f"ratio {gz(page_ours) / gz(page_stock):.2f}"
        )

        if args.only == "build":
            return
        photo_figures(ours_site, runs)
        lock_figures(ours_site, runs)
        workbook_lock_figures(ours_site, runs)
        if not args.no_lighthouse:
            lighthouse_figures(ours_site, stock_site, themed_site)


@contextlib.contextmanager
def chromium(site: Path, what: str) -> Iterator[tuple[object, str] | None]:
    """Chromium, and the address `site` is served at; None (and a line saying so) where there is no Chromium."""
    if not Path(CHROMIUM_PATH).exists():
        print(f"{what}: not measured (no Chromium at {CHROMIUM_PATH})")
        yield None
        return
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        try:
            yield browser, base
        finally:
            browser.close()


def photo_figures(site: Path, runs: int) -> None:
    """Adding a phone photo to the collage (5.4): time from choosing it to its answer being saved."""
    import base64

    with chromium(site, "photos") as found:
        if not found:
            return
        browser, base = found
        page = browser.new_page()
        page.goto(base + "self-confidence/")
        photo = base64.b64decode(page.evaluate(CAMERA_PHOTO))
        times = []
        for n in range(1, runs + 1):
            with page.expect_file_chooser() as chooser:
                page.get_by_role("button", name="Add photos").click()
            start = time.perf_counter()
            chooser.value.set_files([{"name": f"p{n}.jpg", "mimeType": "image/jpeg", "buffer": photo}])
            page.wait_for_function(
                "n => { const k = Object.keys(localStorage).find(k => k.endsWith(':answer:5.4'));"
                " return k && JSON.parse(localStorage.getItem(k)).value.photos.length === n; }", arg=n)
            times.append(time.perf_counter() - start)
        kept = page.evaluate(
            "() => WB.photos.list().then(l => l.map(e => e.bytes))")
    print(
        f"photos: a 4000 x 3000 phone photo of {len(photo) // 1024} KB is kept at 1600 x 1200 in "
        f"{statistics.median(kept) // 1024:.0f} KB (ratio {statistics.median(kept) / len(photo):.2f}); "
        f"chosen to saved, median of {runs}: {statistics.median(times) * 1000:.0f} ms"
    )


# In the page: [derive ms, lock ms, open ms, open again ms (key kept), file bytes] for a backup of n answers of `size` characters.
LOCK = """async ([n, size]) => {
  const words = 'I learnt to listen before I speak, and to ask what would help. ';
  const answer = i => (i + ': ' + words.repeat(Math.ceil(size / words.length))).slice(0, size);
  const plain = JSON.stringify({format: 'wb-backup', version: 1, workbook: 'Benchmark', namespace: 'benchmark',
    created: new Date().toISOString(), answers: Array.from({length: n}, (_, i) => ({id: '1.' + (i + 1), prompt: null,
    saved: new Date().toISOString(), value: answer(i)})), photos: [], aside: []}, null, 2);
  const about = {workbook: 'Benchmark', created: new Date().toISOString()};
  let t = performance.now();
  await WB.locked.lock('{}', 'correct horse battery staple', about);
  const derive = performance.now() - t;
  t = performance.now();
  const locked = await WB.locked.lock(plain, 'correct horse battery staple', about);
  const lock = performance.now() - t;
  WB.locked.forget();
  t = performance.now();
  const found = WB.locked.header(JSON.parse(locked));
  const opened = await WB.locked.unlock(found, 'correct horse battery staple');
  const open = performance.now() - t;
  t = performance.now();
  await WB.locked.unlock(found, 'correct horse battery staple');
  const again = performance.now() - t;
  if (opened !== plain) throw new Error('the backup did not round-trip');
  return [derive, lock, open, again, locked.length, plain.length];
}"""


def lock_figures(site: Path, runs: int) -> None:
    """A backup locked with a passphrase: PBKDF2 at the chosen count, then AES-GCM over a large backup."""
    with chromium(site, "locked backups") as found:
        if not found:
            return
        browser, base = found
        page = browser.new_page()
        page.goto(base + "my-answers/")
        iterations = page.evaluate("() => WB.locked.ITERATIONS")
        figures = [page.evaluate(LOCK, [59, 50000]) for _ in range(runs)]
    derive, lock, opened, again = (statistics.median(f[i] for f in figures) for i in range(4))
    print(
        f"locked backups, median of {runs}: key derivation (PBKDF2-HMAC-SHA256, {iterations:,} iterations) {derive:.0f} ms; "
        f"59 answers of 50,000 characters ({figures[0][5] / 1e6:.1f} MB of backup, {figures[0][4] / 1e6:.1f} MB locked): "
        f"locked in {lock:.0f} ms, opened in {opened:.0f} ms (each with one key derivation), "
        f"opened again with the key kept in {again:.0f} ms"
    )



LIGHTHOUSE = ROOT / "scripts" / "lighthouse"
LIGHTHOUSE_PAGES = ("", "theory/", "power/", "my-answers/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def reference_slowdown(speed: float) -> float:
    """The CPU slowdown that makes this machine, at benchmark index `speed`, the phone Lighthouse's defaults model.

    Lighthouse's 4x assumes a host of index about 1,533; its docs (docs/throttling.md) point to a calculator for
    other hosts: 3x at 1,300, plus 1x for every 233 above it; 2x at 800 and 1x at 150, in straight lines between."""
    if speed >= 1300:
        return 3 + (speed - 1300) / 233
    if speed >= 800:
        return 2 + (speed - 800) / 500
    return max(1.0, 1 + (speed - 150) / 650)


def lighthouse_run(url: str, out: Path, *flags: str) -> dict:
    command = [
        str(LIGHTHOUSE / "node_modules" / ".bin" / "lighthouse"), url, "--quiet", "--output=json", f"--output-path={out}",
        "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]), *flags,
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM_PATH})
    return json.loads(out.read_text(encoding="utf-8"))


def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run (its default: a mobile phone on slow 4G), as {category: score, "cls": value, ...}.

    The simulation multiplies the CPU time it saw by 4, whatever the machine's speed. This shared 2-core machine
    moves from a benchmark index of about 900 to 2,900 between runs, so the same files score 95 in a slow moment
    and 100 in a fast one. "reference" is the same run's performance with the slowdown set for the machine's speed
    of that run (reference_slowdown): Chrome gathers unthrottled in this mode, and the slowdown acts only in the
    simulation, so the run's saved artifacts are audited a second time with it."""
    artifacts = out.with_suffix("")
    report = lighthouse_run(url, out, f"-GA={artifacts}")
    found = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    found["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    # How fast the machine was as this run began (Lighthouse times a loop first).
    found["speed"] = report["environment"]["benchmarkIndex"]
    slowdown = reference_slowdown(found["speed"])
    # Lighthouse refuses settings that differ from the gathering's; the CPU slowdown only matters to the audit.
    saved = artifacts / "artifacts.json"
    gathered = json.loads(saved.read_text(encoding="utf-8"))
    gathered["settings"]["throttling"]["cpuSlowdownMultiplier"] = slowdown
    saved.write_text(json.dumps(gathered), encoding="utf-8")
    again = lighthouse_run(url, out, f"-A={artifacts}", f"--throttling.cpuSlowdownMultiplier={slowdown}")
    found["reference"] = round(again["categories"]["performance"]["score"] * 100)
    found["slowdown"] = slowdown
    shutil.rmtree(artifacts)
    return found


class CompressingHandler(QuietHandler):
    """Sends text files gzipped to a browser that accepts it, as GitHub Pages, Netlify, Cloudflare
    Pages and most web servers do. Python's own file server does not compress: every byte of
    Material's 138 KB stylesheet then crosses the simulated slow 4G, for stock and ours alike."""

    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".webmanifest", ".txt")

    def send_head(self):  # noqa: ANN201 (as http.server's)
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in self.TEXT or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def lighthouse_figures(ours_site: Path, stock_site: Path, themed_site: Path) -> None:
    if not (LIGHTHOUSE / "node_modules" / ".bin" / "lighthouse").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=LIGHTHOUSE, check=True)
    # A page's performance score moves by several points from one run to the next on the same files (the
    # simulation starts from one real load): compressed, as readers get it, the median of five runs (Lighthouse's
    # docs/variability.md: the median of five runs about halves the spread of one).
    for handler, how, runs in ((CompressingHandler, "served compressed, as static hosts serve it", 5),
                               (QuietHandler, "served uncompressed, by Python's file server", 1)):
        lighthouse_served(ours_site, stock_site, themed_site, handler, how, runs)
    every_page(ours_site, stock_site)


def in_turns(urls: dict[str, str], page: str, runs: int, tmp: str) -> dict[str, list[dict]]:
    """Lighthouse `runs` times on one page of each site, interleaved, so that load on the machine hits all alike."""
    found: dict[str, list[dict]] = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            found[name].append(lighthouse(url + page, Path(tmp, f"{name}.json")))
    return found


def spread(found: list[dict], key: str) -> str:
    """The median of one figure over a page's runs, with its lowest and highest: "97 (94-99)"."""
    values = [one[key] for one in found]
    return f"{statistics.median(values):g}" + (f" ({min(values)}-{max(values)})" if len(found) > 1 else "")


def summary(found: list[dict]) -> tuple[float, float, str]:
    """(median performance, median performance at the reference speed, "perf / a11y / best practices / SEO
    (lowest-highest), CLS x; at the reference speed perf (lowest-highest)") of one page's runs."""
    median = {key: statistics.median(one[key] for one in found) for key in (*CATEGORIES, "cls", "reference")}
    scores = " / ".join([spread(found, "performance"), *(f"{median[key]:g}" for key in CATEGORIES[1:])])
    return (median["performance"], median["reference"],
            f"{scores}, CLS {median['cls']:.3f}; at the reference speed {spread(found, 'reference')}")


def machine_speed(found: dict[str, list[dict]]) -> str:
    """The machine's speed over one page's runs (all sites): Lighthouse's benchmark index, median (lowest-highest)."""
    speeds = [one["speed"] for runs in found.values() for one in runs]
    slowdowns = [one["slowdown"] for runs in found.values() for one in runs]
    return (f"machine speed {statistics.median(speeds):.0f} ({min(speeds):.0f}-{max(speeds):.0f}), "
            f"reference slowdown {min(slowdowns):.1f}x-{max(slowdowns):.1f}x")


def lighthouse_served(ours_site: Path, stock_site: Path, themed_site: Path, handler: type, how: str, runs: int) -> None:
    each = f"median of {runs} runs (lowest-highest performance)" if runs > 1 else "one run"
    print(f"Lighthouse 12, mobile, {how}, {each}: performance / accessibility / best practices / SEO, cumulative "
          "layout shift (stock Material; and with our theme settings: palette toggle, instant navigation, footer, back to top); "
          "performance at the reference speed (the same runs simulated with the CPU slowdown Lighthouse's calculator gives "
          "for the machine's speed in each, instead of its fixed 4x); the machine's speed in these runs (Lighthouse's "
          "benchmark index: higher is faster) and the slowdowns that gave")
    with tempfile.TemporaryDirectory() as tmp, serve(ours_site, handler_class=handler) as ours_url, \
            serve(stock_site, handler_class=handler) as stock_url, serve(themed_site, handler_class=handler) as themed_url:
        for page in LIGHTHOUSE_PAGES:
            found = in_turns({"ours": ours_url, "stock": stock_url, "themed": themed_url}, page, runs, tmp)
            print(f"  {page or 'home'}: ours {summary(found['ours'])[2]}; stock Material {summary(found['stock'])[2]}; "
                  f"with our theme settings {summary(found['themed'])[2]}; {machine_speed(found)}")


def every_page(ours_site: Path, stock_site: Path, runs: int = 5) -> None:
    """Lighthouse on every other page of the site (served compressed), ours and stock Material in turns: five runs
    each, as for the pages above. With three, the same files gave beginnings/ 99 in one run of the benchmark and 96
    in the next, identity/ 90 and 99."""
    pages = sorted(path.parent.relative_to(ours_site).as_posix() + "/" for path in ours_site.glob("*/index.html")
                   if path.parent.name != "search" and path.parent.name + "/" not in LIGHTHOUSE_PAGES)
    print(f"Lighthouse 12, mobile, served compressed, every other page, median of {runs} runs (lowest-highest): performance "
          "/ accessibility / best practices / SEO, cumulative layout shift, performance at the reference speed; stock "
          "Material's performance, and at the reference speed")
    medians, references = [], []
    with tempfile.TemporaryDirectory() as tmp, serve(ours_site, handler_class=CompressingHandler) as ours_url, \
            serve(stock_site, handler_class=CompressingHandler) as stock_url:
        for page in pages:
            found = in_turns({"ours": ours_url, "stock": stock_url}, page, runs, tmp)
            performance, reference, ours = summary(found["ours"])
            medians.append(performance)
            references.append(reference)
            stock, stock_reference, _ = summary(found["stock"])
            print(f"  {page}: ours {ours}; stock Material {stock:g}, at the reference speed {stock_reference:g}; "
                  f"{machine_speed(found)}")
    print(f"  lowest median performance of these {len(pages)} pages: {min(medians):g}, at the reference speed "
          f"{min(references):g} (target: 98 on every page)")


# In the page: typing in a box of 50,000 characters, [ms per keystroke (median), ms of the save's
# main-thread part, ms until the save is stored and on disk]; with the workbook's lock on or off.
KEYSTROKES = """async () => {
  const box = document.querySelector('#wb-answer-1-1');
  const words = 'I learnt to listen before I speak, and to ask what would help. ';
  box.value = words.repeat(Math.ceil(50000 / words.length)).slice(0, 50000);
  box.dispatchEvent(new InputEvent('input', {bubbles: true}));
  const times = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    box.value += 'a';
    box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText', data: 'a'}));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const saves = [], durable = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const result = WB.store.write('answer', '1.1', box.value + i);
    saves.push(performance.now() - t);
    await result.durable;
    durable.push(performance.now() - t);
  }
  const median = list => list.slice().sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return [times[100], median(saves), median(durable)];
}"""

# In the page: 59 answers of 1,000 characters; [ms to turn the lock on, ms to unlock (key derivation and opening all)].
WORKBOOK_LOCK = """async (passphrase) => {
  await (WB.need(['wb-lock']) || Promise.resolve());  // a plain page has no lock code until it is wanted (main.js)
  const vault = WB.store.vault;
  for (let i = 1; i <= 59; i++) {
    WB.store.write('answer', '9.' + i, ('Answer ' + i + ': ' + 'words of mine '.repeat(80)).slice(0, 1000));
  }
  let t = performance.now();
  await vault.turnOn(passphrase);
  const on = performance.now() - t;
  await vault.lockNow();
  t = performance.now();
  await vault.unlock(passphrase);
  const unlock = performance.now() - t;
  return [on, unlock];
}"""


def workbook_lock_figures(site: Path, runs: int) -> None:
    """The workbook's own lock: unlocking (key derivation), and typing at 50,000 characters with it off and on."""
    with chromium(site, "the workbook's lock") as found:
        if not found:
            return
        browser, base = found
        off, on, lock = [], [], []
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + "beginnings/")
            off.append(page.evaluate(KEYSTROKES))
            lock.append(page.evaluate(WORKBOOK_LOCK, "correct horse battery staple"))
            page.goto(base + "beginnings/")
            page.wait_for_function("() => WB.store.vault && WB.store.vault.isOpen()")
            on.append(page.evaluate(KEYSTROKES))
            context.close()

    def med(rows, i):
        return statistics.median(row[i] for row in rows)

    print(
        f"the workbook's lock, median of {runs}: turning it on over 59 answers of 1,000 characters {med(lock, 0):.0f} ms; "
        f"unlocking (PBKDF2-HMAC-SHA256, 600,000 iterations, then opening every answer) {med(lock, 1):.0f} ms"
    )
    for label, rows in (("off", off), ("on", on)):
        print(
            f"typing at 50,000 characters, lock {label}: {med(rows, 0):.3f} ms per keystroke on the main thread; "
            f"the save after the pause {med(rows, 1):.2f} ms on the main thread, stored and on disk in {med(rows, 2):.1f} ms"
        )


if __name__ == "__main__":
    main()
