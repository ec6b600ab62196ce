"""Unit tests' Markdown: a `/// prompt` with the options given, rendered by the workbook's extension."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from wb_extension import WorkbookExtension
from wb_prompts import PromptRegistry


def prompt_html(options: str, words: str = "List 10 positive things about your mentee") -> str:
    md = markdown.Markdown(extensions=[WorkbookExtension(registry=PromptRegistry())])
    indented = "".join(f"    {line}\n" for line in options.splitlines())
    return md.convert(f"/// prompt | 4.1\n{indented}{words}\n///\n")


def render_prompt(options: str, words: str = "List 10 positive things about your mentee") -> BeautifulSoup:
    return BeautifulSoup(prompt_html(options, words), "html.parser")
