"""The one error of the workbook's blocks: MkDocs reports it, without a traceback, and stops."""

from __future__ import annotations

from mkdocs.exceptions import PluginError


class PromptError(PluginError):
    """A block that cannot be rendered as written."""
