"""MkDocs hook of the workbook: registers the prompt block and checks every page.

Listed under `hooks:` in mkdocs.yml. A hook's folder is on sys.path only while
MkDocs loads it, so sibling modules are imported here, at the top.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import wb_extension
import wb_prompts

REGISTRY = wb_prompts.PromptRegistry()

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


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["wb"] = {
        "namespace": storage_namespace(config.site_name, config.site_url),
    }
    return env
