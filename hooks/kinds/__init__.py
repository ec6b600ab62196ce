"""The kinds of answer, one folder each: its Markdown block (or the body it gives a `/// prompt`),
its scripts, its styles and its tests.

Adding a kind is its folder plus one line in KINDS. The order of KINDS is the order pages load
the kinds' bundles and stylesheets (after the core's); wb_bundles.BUNDLES is made from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from pymdownx.blocks.block import Block

from kinds.drawing import block as drawing
from kinds.ladder.block import Ladder
from kinds.list import block as lines
from kinds.photos import block as photos
from kinds.review.block import Review
from kinds.text.block import TEXT_KINDS, Body, Prompt, render_text

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Kind:
    """One kind of answer: the module (data-module) its elements carry, and where its parts are.

    A kind is drawn either inside a `/// prompt` (`asked`: the values of the prompt's `kind:` it
    answers; `render` fills the prompt's body) or by a Markdown block of its own (`block`).
    Scripts and styles are files of its folder, in load order; `core` kinds ride in every page's
    core bundle; `needs` are the bundles (by module) whose code must be loaded before this one's.
    A prompt of a kind that `versions` shows "Keep this version" and the versions kept under its box
    (hooks/core/versions-panel.js); the build writes that row, so that nothing moves as scripts start.
    """

    name: str
    module: str
    scripts: tuple[str, ...]
    styles: tuple[str, ...] = ()
    asked: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    check: Callable[[str, dict[str, Any]], dict[str, Any]] | None = None
    render: Callable[[Body], None] | None = None
    block: type[Block] | None = None
    needs: tuple[str, ...] = ()
    core: bool = False
    versions: bool = True

    @property
    def folder(self) -> Path:
        return HERE / self.name


REVIEW_SCRIPTS = (
    "versions-review.js", "backup.js", "copies.js", "banner.js", "summary.js", "print.js", "review.js",
    "review-dialog.js", "review-list.js", "review-backup.js", "review-restore.js", "review-apply.js",
    "review-undo.js", "review-copies.js", "review-clear.js",
)
KINDS: tuple[Kind, ...] = (
    Kind("text", "wb-answer", ("answer.js",), asked=tuple(TEXT_KINDS), render=render_text, block=Prompt, core=True),
    Kind("list", "wb-list", ("list.js",), ("list.css",), ("list",), ("items", "columns"), lines.check, lines.render),
    Kind("drawing", "wb-drawing", ("drawing.js",), ("drawing.css",), ("drawing",), render=drawing.render),
    Kind("photos", "wb-photos", ("photos.js",), ("photos.css",), ("photos",), render=photos.render, needs=("wb-photostore",),
         versions=False),  # a version would point to pictures that removing one from the collage deletes
    Kind("ladder", "wb-ladder", ("ladder.js",), ("ladder.css",), block=Ladder),
    Kind("review", "wb-review", REVIEW_SCRIPTS, ("review.css",), block=Review,
         needs=("wb-problems", "wb-versions", "wb-notices", "wb-lock", "wb-list", "wb-drawing", "wb-photos", "wb-ladder")),
)
BLOCKS: tuple[type[Block], ...] = tuple(kind.block for kind in KINDS if kind.block is not None)
# The values a prompt's `kind:` may take, in the order its error message names them.
ASKED = tuple(asked for kind in KINDS for asked in kind.asked)


def asked(value: str) -> Kind | None:
    """The kind that answers a prompt's `kind: value` (None: no kind does)."""
    return next((kind for kind in KINDS if value in kind.asked), None)


def bundled() -> tuple[Kind, ...]:
    """The kinds with a bundle of their own (not in the core), in load order."""
    return tuple(kind for kind in KINDS if not kind.core)
