"""MkDocs hook of the workbook: registers the prompt block and checks every page.

Listed under `hooks:` in mkdocs.yml. A hook's folder is on sys.path only while
MkDocs loads it, so sibling modules are imported here, at the top.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path


from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import wb_app
import wb_brand
import wb_bundles
import wb_config
import wb_extension
import wb_i18n
import wb_namespace
import wb_prompts
import wb_search
import wb_security
import wb_support
from kinds.review import block as my_answers


@dataclass
class Build:
    """What one build learns as it goes. Settings and words are read in on_config (the Markdown
    extension keeps the registry, so it lives as long as the hook); the rest starts again in on_pre_build."""

    settings: wb_config.Settings = field(default_factory=wb_config.Settings)
    strings: wb_i18n.Catalogue = field(default_factory=wb_i18n.english)
    # The namespace earlier versions saved answers under, where it differs (legacy_namespace): the core then brings them over.
    legacy: str | None = None
    # Each page's prompts, recorded by the blocks as they render them.
    registry: wb_prompts.PromptRegistry = field(default_factory=wb_prompts.PromptRegistry)
    # The pages that hold the My answers block (at most one is allowed).
    review_pages: list[str] = field(default_factory=list)
    # The hashes of inline scripts on every page, for _headers.
    script_hashes: set[str] = field(default_factory=set)
    # The map of every page's prompts (sections_json) and the script bundles, each made once a build.
    sections: str | None = None
    bundles: wb_bundles.Bundles | None = None
    # The page being indexed, whole and as search reads it, without its excluded parts (wb_search).
    indexed: tuple[str, str] | None = None

    def reset(self) -> None:
        self.registry.clear()
        self.review_pages.clear()
        self.script_hashes.clear()
        self.sections = None
        self.bundles = None
        self.indexed = None

    def scripts(self) -> wb_bundles.Bundles:
        if self.bundles is None:
            self.bundles = wb_bundles.make(self.strings.texts, migrate=self.legacy is not None)
        return self.bundles


BUILD = Build()

log = logging.getLogger("mkdocs.hooks.workbook")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings = wb_config.read_settings(config.extra)
    strings = BUILD.strings = catalogue(config, settings)
    settings = BUILD.settings = wb_config.with_default_whens(
        settings, strings.t("support.samaritans_when"), strings.t("support.hub_of_hope_when"))
    BUILD.bundles = None
    BUILD.legacy = wb_namespace.legacy_namespace(config.site_name, config.site_url, settings.namespace)
    config.markdown_extensions.append(
        wb_extension.WorkbookExtension(registry=BUILD.registry, settings=settings, strings=strings))
    if settings.colour:
        wb_brand.use_custom(config.theme)
    if settings.namespace is None:
        # Not log.warning: this project's own mkdocs.yml builds --strict without a namespace, for the tests.
        log.info(
            "Warning: extra.workbook.namespace is not set in mkdocs.yml, so readers' answers are stored under "
            "%r, made from site_name and the path of site_url. Changing either later hides every answer "
            "readers have saved, and backups name the workbook %r. Set extra.workbook.namespace once.",
            wb_namespace.storage_namespace(config.site_name, config.site_url), wb_namespace.workbook_id(config.site_name),
        )
    return config


def catalogue(config: MkDocsConfig, settings: wb_config.Settings) -> wb_i18n.Catalogue:
    """The interface's words for theme.language; English, with a warning, where there is no catalogue."""
    own = Path(config.config_file_path).parent / settings.locales if settings.locales else None
    if own is not None and not own.is_dir():
        raise wb_config.fail("locales", f"{settings.locales!r} is not a folder beside mkdocs.yml")
    found, warning = wb_i18n.load(config.theme["language"] or wb_i18n.ENGLISH, own)
    if warning:
        # Not log.warning, which a strict build counts as a failure: English is a working fallback.
        log.info("Warning: %s", warning)
    return found


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The file:// shim only in the offline folder (our scripts and styles are bundled: wb_bundles)."""
    for file in list(files):
        if file.src_uri.startswith("assets/vendor/iframe-worker/") and not is_offline(config):
            files.remove(file)
    return files


def on_pre_build(config: MkDocsConfig) -> None:
    BUILD.reset()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    BUILD.registry.page = page.file.src_uri
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    literal = wb_prompts.find_literal_block(html)
    if literal is not None:
        raise PluginError(
            f"{page.file.src_uri}: a '///' block was not recognised and would show as text: "
            f"{literal!r}. Check its name (prompt), its id (/// prompt | 1.1) and its options."
        )
    if my_answers.MARKER in html:
        BUILD.review_pages.append(page.file.src_uri)
    if BUILD.registry.prompts(page.file.src_uri):
        html = with_progress_line(html)
        with_nav_status(page)
    return html


NAV_STATUS = "wb-progress"


def with_nav_status(page: Page) -> None:
    """Material's page status, an empty mark beside the page in the navigation, where main.js writes
    "3 of 8": the room for it is kept from the first paint (core.css), so titles do not re-wrap as it comes."""
    if page.meta.get("status", NAV_STATUS) != NAV_STATUS:
        raise PluginError(f"{page.file.src_uri}: a page of prompts shows its count where Material shows a "
                          f"status; remove 'status: {page.meta['status']}' from its front matter")
    page.meta["status"] = NAV_STATUS


def with_progress_line(html: str) -> str:
    """An empty line under the page's title, which main.js fills ("3 of 8 answered on this page"): the
    space is there from the first paint, so nothing moves when it is filled. CSS hides it where no script
    runs (and main.js where storage cannot be read). A page whose title the theme writes gets it from main.js."""
    end = html.find("</h1>")
    if end == -1:
        return html
    end += len("</h1>")
    return html[:end] + '\n<p class="wb-progress"></p>' + html[end:]


def sections_json(nav: Navigation) -> str:
    """{page url: [[prompt id, module], ...]} for every page with prompts: progress beside each in the navigation.

    The same for every page of a build: made once (every page's prompts are known before the first is written).
    """
    if BUILD.sections is None:
        found = {
            other.url: [[prompt.id, prompt.kind] for prompt in BUILD.registry.prompts(other.file.src_uri)]
            for other in nav.pages
            if BUILD.registry.prompts(other.file.src_uri)
        }
        BUILD.sections = json.dumps(found, separators=(",", ":")).replace("<", "\\u003c")
    return BUILD.sections


@event_priority(1)
def _before_search(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Material's search plugin (priority 0) reads the page without what it would skip (wb_search)."""
    if page.content:
        BUILD.indexed = (page.content, wb_search.for_search(page.content))
        page.content = BUILD.indexed[1]
    return context


def _after_search(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Fill in the My answers list, now that every page has been read; give each page the map of
    prompts and the scripts it loads (the core, and the bundles of the modules it holds)."""
    if BUILD.indexed is not None:
        whole, shortened = BUILD.indexed
        if page.content != shortened and page.content != wb_search.restored(shortened):
            raise PluginError(f"{page.file.src_uri}: a plugin changed the page in on_page_context, where the workbook "
                              "hands Material's search a shortened page; change it in on_page_content instead")
        page.content, BUILD.indexed = wb_search.restored(whole), None
    context["wb_sections"] = sections_json(nav)
    modules = BUILD.registry.modules(page.file.src_uri)
    if page.content and my_answers.MARKER in page.content:
        modules.add("wb-review")
        sections = [
            (other.title, get_relative_url(other.url, page.url), BUILD.registry.prompts(other.file.src_uri))
            for other in nav.pages
            if other is not page and BUILD.registry.prompts(other.file.src_uri)
        ]
        page.content = page.content.replace(my_answers.MARKER, my_answers.catalogue(sections, BUILD.strings), 1)
    context["wb_scripts"] = BUILD.scripts().for_page(modules)
    context["wb_styles"] = BUILD.scripts().styles.for_page(modules)
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if len(BUILD.review_pages) > 1:
        raise PluginError(f"only one page may hold '/// my-answers'; found it on {', '.join(BUILD.review_pages)}")
    review = files.get_file_from_path(BUILD.review_pages[0]) if BUILD.review_pages else None
    env.globals["wb"] = {
        "namespace": namespace(config),
        "legacy_namespace": BUILD.legacy,
        "workbook_id": wb_namespace.workbook_id(config.site_name, BUILD.settings.namespace),
        "app": not is_offline(config),
        "footer": wb_support.footer(BUILD.settings, BUILD.strings),
        # Pages made from a template alone (404.html) get the core.
        "script": BUILD.scripts().core.path,
        "style": BUILD.scripts().styles.core.path,
        "answers_url": review.url if review else None,
        "colour": wb_brand.site_colour(config.theme, BUILD.settings.colour),
        "brand_css": wb_brand.CSS if BUILD.settings.colour else None,
    }
    return env


def is_offline(config: MkDocsConfig) -> bool:
    """Built to open from disk, where a policy of 'self' would not match file:// pages."""
    return any(name.split("/")[-1] == "offline" for name in config.plugins)


def namespace(config: MkDocsConfig) -> str:
    return wb_namespace.storage_namespace(config.site_name, config.site_url, BUILD.settings.namespace)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if is_offline(config):
        return output
    output, hashes = wb_security.with_meta_policy(output)
    BUILD.script_hashes.update(hashes)
    return output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Pages made from a template alone (404.html) carry the policy too."""
    if not template_name.endswith(".html"):
        return output
    if is_offline(config):
        return relative_links(output)
    output, hashes = wb_security.with_meta_policy(output)
    BUILD.script_hashes.update(hashes)
    return output


def relative_links(html: str) -> str:
    """The offline folder's 404.html sits at the folder's root, where "/assets/..." would mean
    file:///assets/...: its links to the site's own files become relative."""
    def relative(match: re.Match) -> str:
        path = match.group(2)
        return f'{match.group(1)}="./{path or "index.html"}"'

    html = re.sub(r'\b(href|src)="/(?!/)([^"]*)"', relative, html)
    # Material's page settings name the base and the search worker the same way.
    return re.sub(r'"(base|search)": "/(?!/)([^"]*)"', lambda m: f'"{m.group(1)}": "{m.group(2) or "."}"', html)


def on_post_build(config: MkDocsConfig) -> None:
    for bundle in BUILD.scripts().all():
        target = Path(config.site_dir) / bundle.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(bundle.text, encoding="utf-8")
    colour = wb_brand.site_colour(config.theme, BUILD.settings.colour)
    if BUILD.settings.colour:
        (Path(config.site_dir) / wb_brand.CSS).write_text(wb_brand.brand_css(colour), encoding="utf-8")
    if not is_offline(config):
        headers = wb_security.headers_file(sorted(BUILD.script_hashes))
        (Path(config.site_dir) / "_headers").write_text(headers, encoding="utf-8")
        legacy = BUILD.legacy
        wb_app.write_app(
            Path(config.site_dir), config.site_name, config.site_description, namespace(config), config.use_directory_urls,
            (legacy,) if legacy else (), colour, wb_brand.logo(config.theme, config.docs_dir),
            BUILD.strings.t("page.app_short_name"),
        )
