"""MkDocs hook of the workbook: registers the prompt block and checks every page.

Listed under `hooks:` in mkdocs.yml. A hook's folder is on sys.path only while
MkDocs loads it, so sibling modules are imported here, at the top.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import wb_extension
import wb_prompts

REGISTRY = wb_prompts.PromptRegistry()

# Our scripts, in the order they must run, served to readers as one file.
SCRIPTS = ("storage.js", "saver.js", "answer.js", "ladder.js", "main.js")
SCRIPT_DIR = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "wb"

# Storage keys are "wb:v1:<namespace>:<kind>:<id>"; a namespace is a slug.
RE_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return RE_NOT_SLUG.sub("-", text.lower()).strip("-")


def storage_namespace(site_name: str, site_url: str | None) -> str:
    """The site's own part of every storage key, so that two workbooks never share answers.

    Two workbooks on one origin differ in their path; two copies opened from disk
    (one shared file:// origin) differ in their name. The host is left out: the
    browser already keeps origins apart, and a changed port must not hide answers.
    """
    path = urlsplit(site_url or "").path.strip("/")
    parts = [slug(site_name) or "workbook"]
    if path:
        parts.append(slug(path))
    return "-".join(parts)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(wb_extension.WorkbookExtension(registry=REGISTRY))
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    REGISTRY.clear()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    REGISTRY.page = page.file.src_uri
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    literal = wb_prompts.find_literal_block(html)
    if literal is not None:
        raise PluginError(
            f"{page.file.src_uri}: a '///' block was not recognised and would show as text: "
            f"{literal!r}. Check its name (prompt), its id (/// prompt | 1.1) and its options."
        )
    return html


def script_bundle() -> tuple[str, str]:
    """One file of all our scripts, and its name (which changes when its content does)."""
    parts = [f"/* {name} */\n" + (SCRIPT_DIR / name).read_text(encoding="utf-8") for name in SCRIPTS]
    text = "\n".join(parts)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return text, f"assets/wb/workbook.{digest}.js"


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _, script = script_bundle()
    env.globals["wb"] = {
        "namespace": storage_namespace(config.site_name, config.site_url),
        "script": script,
    }
    return env


def on_post_build(config: MkDocsConfig) -> None:
    text, script = script_bundle()
    target = Path(config.site_dir) / script
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
