"""The workbook's Markdown extension: every block the workbook's pages may use."""

from __future__ import annotations

from typing import Any

import pymdownx.blocks
import yaml
from markdown import Markdown
from pymdownx.blocks import BlocksExtension, BlocksProcessor

import kinds
import wb_search
from wb_config import Settings
from wb_i18n import english
from wb_prompts import PromptRegistry
from wb_support import Support

# The kinds' blocks (the `/// prompt` block, the ladder, My answers), then the others.
BLOCKS = (*kinds.BLOCKS, Support)


def frontmatter(string: str) -> dict[str, Any] | None:
    """pymdownx.blocks.get_frontmatter (a block's indented options), read with libyaml's safe loader.

    The same result as pymdownx's own (yaml.safe_load: a mapping, {} for nothing, None for anything
    else or for YAML it cannot read), about ten times faster: each list, drawing or photos prompt and
    the ladder has options, and PyYAML's pure-Python loader was ~2 ms of every build for each.
    """
    try:
        found = yaml.load(string, Loader=yaml.CSafeLoader)
    except Exception:
        return None
    if found is None:
        return {}
    return found if isinstance(found, dict) else None


if getattr(yaml, "CSafeLoader", None) is not None and hasattr(pymdownx.blocks, "get_frontmatter"):
    pymdownx.blocks.get_frontmatter = frontmatter


class WorkbookExtension(BlocksExtension):
    """Registers the blocks; `registry` is shared by every page of one build, `settings` and `strings` are the site's."""

    def __init__(self, *args, **kwargs):
        self.config = {
            "registry": [PromptRegistry(), "Prompt ids seen in this build"],
            "settings": [Settings(), "The organisation's settings (mkdocs.yml, extra.workbook)"],
            "strings": [english(), "The interface's words in the site's language (wb_i18n.Catalogue)"],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        for block in BLOCKS:
            block_mgr.register(block, self.getConfigs())
        wb_search.register(md)


def makeExtension(*args, **kwargs) -> WorkbookExtension:
    return WorkbookExtension(*args, **kwargs)
