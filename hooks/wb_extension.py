"""The workbook's Markdown extension: every block the workbook's pages may use."""

from __future__ import annotations

from markdown import Markdown
from pymdownx.blocks import BlocksExtension, BlocksProcessor

import kinds
from wb_config import Settings
from wb_i18n import english
from wb_prompts import PromptRegistry
from wb_support import Support

# The kinds' blocks (the `/// prompt` block, the ladder, My answers), then the others.
BLOCKS = (*kinds.BLOCKS, Support)


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


def makeExtension(*args, **kwargs) -> WorkbookExtension:
    return WorkbookExtension(*args, **kwargs)
