"""Browser, one page per test: each kind's contract (WB.kinds: valid, answered, text, merge) and the readable
copies, on tables of values, every case in one go on My answers (which loads every kind). A failure names
each case that went wrong. How the page uses them (a restore that keeps both, a copy downloaded) stays in
test_browser_edges.py and test_browser_answers.py.
"""

from __future__ import annotations

import pytest
from hostile_backups import STROKE
from playwright.sync_api import Page
from backups import LADDER
from my_answers import review

pytestmark = pytest.mark.browser

CREATED = "2026-11-20T12:00:00.000Z"
FROM_BACKUP = "\n\n— From the backup of 20 November 2026 —\n\n"
STROKE_B = {**STROKE, "c": "#0b5cad", "p": [10, 20, 30, 40]}
EMPTY_LADDER = {"now": None, "hope": None, "happy": "", "help": "", "history": []}
KEPT = {"kept": "2026-10-01T09:00:00.000Z", "now": 2, "hope": 6, "happy": "", "help": ""}


def drawing(text="", description="", strokes=()):
    return {"text": text, "description": description, "strokes": list(strokes)}


def photo(i, caption="Park", w=2, h=2):
    return {"id": f"phostile00000{i}", "caption": caption, "w": w, "h": h}


def ten(*lines):
    return list(lines) + [""] * (10 - len(lines))


@pytest.fixture(scope="module")
def browser_context_args(browser_context_args):
    """Dates in words as a reader in the UK sees them."""
    return {**browser_context_args, "timezone_id": "Europe/London", "locale": "en-GB"}


# (case, kind, prompt whose element the kind reads, value, answered: None when not valid, text)
CONTRACT = [
    ("empty text", "wb-answer", "1.1", "", False, ""),
    ("only spaces", "wb-answer", "1.1", " \n\t", False, " \n\t"),
    ("text as typed", "wb-answer", "1.1", "Mine ✓ 😀\n<b>not bold</b>", True, "Mine ✓ 😀\n<b>not bold</b>"),
    ("a number", "wb-answer", "1.1", 42, None, None),
    ("null", "wb-answer", "1.1", None, None, None),
    ("a list as text", "wb-answer", "1.1", {"lists": [["a"]]}, None, None),
    ("a growing list", "wb-list", "6.3", {"lists": [["Listen", "", "Stay calm"]]}, True, "- Listen\n- Stay calm"),
    ("an empty list", "wb-list", "6.3", {"lists": [["", "  "]]}, False, "(nothing written)"),
    ("ten numbered lines", "wb-list", "4.1", {"lists": [ten("Kind", "", "Brave")]}, True, "1. Kind\n3. Brave"),
    ("two columns", "wb-list", "7.5", {"lists": [["Trust"], ["Risk", "Burden"]]}, True,
     "Positives:\n- Trust\n\nNegatives:\n- Risk\n- Burden"),
    ("200 lines", "wb-list", "6.3", {"lists": [["line"] * 200]}, True, "\n".join(["- line"] * 200)),
    ("201 lines", "wb-list", "6.3", {"lists": [["line"] * 201]}, None, None),
    ("no columns", "wb-list", "6.3", {"lists": []}, None, None),
    ("a line that is a number", "wb-list", "6.3", {"lists": [["a", 1]]}, None, None),
    ("lists as text", "wb-list", "6.3", {"lists": "a"}, None, None),
    ("an empty drawing", "wb-drawing", "2.6", drawing(), False, ""),
    ("a described drawing", "wb-drawing", "2.6", drawing("Words", "A bridge", [STROKE]), True,
     "[A drawing: A bridge]\n\nWords"),
    ("a drawing not described", "wb-drawing", "2.6", drawing(strokes=[STROKE]), True, "[A drawing, not described]"),
    ("only a description", "wb-drawing", "2.6", drawing(description="Only words"), True, "Description: Only words"),
    ("a point off the grid", "wb-drawing", "2.6", drawing(strokes=[{**STROKE, "p": [1, 1e308]}]), None, None),
    ("coloured with CSS", "wb-drawing", "2.6", drawing(strokes=[{**STROKE, "c": "url(x)"}]), None, None),
    ("three coordinates", "wb-drawing", "2.6", drawing(strokes=[{**STROKE, "p": [1, 2, 3]}]), None, None),
    ("2001 strokes", "wb-drawing", "2.6", drawing(strokes=[STROKE] * 2001), None, None),
    ("no description", "wb-drawing", "2.6", {"text": "", "strokes": []}, None, None),
    ("a ladder not placed", "wb-ladder", "8.6", EMPTY_LADDER, False,
     "Where you are now: not placed yet.\nWhere you would like to be: not placed yet."),
    ("a ladder in full", "wb-ladder", "8.6", LADDER, True,
     "Where you are now: rung 3 of 8.\nWhere you would like to be: rung 6 of 8.\n"
     "Are you happy with your position? Not yet\nWhat would help you move up a rung? Training\n"
     "Kept on 1 October 2026, 10:00: now rung 2 of 8, would like to be rung 6 of 8."),
    ("only a history", "wb-ladder", "8.6", {**EMPTY_LADDER, "history": [{**KEPT, "happy": "Yes"}]}, True,
     "Where you are now: not placed yet.\nWhere you would like to be: not placed yet.\n"
     "Kept on 1 October 2026, 10:00: now rung 2 of 8, would like to be rung 6 of 8. Happy with your position? Yes"),
    ("rung 9", "wb-ladder", "8.6", {**LADDER, "now": 9}, None, None),
    ("rung 3.5", "wb-ladder", "8.6", {**LADDER, "now": 3.5}, None, None),
    ("a rung as text", "wb-ladder", "8.6", {**LADDER, "now": "3"}, None, None),
    ("a history without a date", "wb-ladder", "8.6", {**LADDER, "history": [{**KEPT, "kept": "never"}]}, None, None),
    ("no help", "wb-ladder", "8.6", {k: v for k, v in LADDER.items() if k != "help"}, None, None),
    ("no photos", "wb-photos", "5.4", {"text": "", "photos": []}, False, ""),
    ("a collage", "wb-photos", "5.4", {"text": "A calm place", "photos": [photo(1), photo(2, caption=" ")]}, True,
     "[Photo 1 of 2: Park]\n[Photo 2 of 2, no caption]\n\nA calm place"),
    ("one photo", "wb-photos", "5.4", {"text": "", "photos": [photo(1)]}, True, "[Photo 1 of 1: Park]"),
    ("a photo twice", "wb-photos", "5.4", {"text": "", "photos": [photo(1), photo(1)]}, None, None),
    ("a photo of width 0", "wb-photos", "5.4", {"text": "", "photos": [photo(1, w=0)]}, None, None),
    ("a caption of 1001 letters", "wb-photos", "5.4", {"text": "", "photos": [photo(1, caption="c" * 1001)]}, None, None),
    ("a photo id that is a path", "wb-photos", "5.4", {"text": "", "photos": [{**photo(1), "id": "../x"}]}, None, None),
    ("101 photos", "wb-photos", "5.4", {"text": "", "photos": [photo(1)] * 101}, None, None),
]

CONTRACT_ALL = """cases => cases.map(([kind, id, value]) => {
  const rules = WB.kinds[kind];
  const el = document.querySelector(`[data-wb-review-prompt="${id}"]`);
  if (!rules.valid(value)) return {answered: null, text: null, written: null};
  return {answered: rules.answered(value), text: rules.text(value, el), written: WB.written(value)};
})"""


def test_each_kind_says_what_it_takes_whether_it_is_answered_and_its_text(page: Page, base_url):
    review(page, base_url)
    found = page.evaluate(CONTRACT_ALL, [[kind, prompt, value] for _, kind, prompt, value, _, _ in CONTRACT])
    wrong = [f"{name} ({kind}): expected {answered!r}, {text!r}; got {got['answered']!r}, {got['text']!r}"
             for (name, kind, _, _, answered, text), got in zip(CONTRACT, found)
             if (got["answered"], got["text"]) != (answered, text)]
    assert wrong == []
    # A page without a kind's code counts its answers with WB.written (the navigation's "3 of 8"): the same verdict.
    differ = [name for (name, *_), got in zip(CONTRACT, found) if got["written"] != got["answered"]]
    assert differ == []
    # Every kind of the site is in the table, with values it takes and values it refuses.
    kinds = page.evaluate("() => Object.keys(WB.kinds).sort()")
    assert kinds == sorted({kind for _, kind, *_ in CONTRACT})
    assert all({answered is None for _, k, _, _, answered, _ in CONTRACT if k == kind} == {True, False} for kind in kinds)


MINE_LADDER = {**LADDER, "history": [KEPT]}
THEIR_LADDER = {"now": 5, "hope": 7, "happy": "Getting there", "help": "",
                "history": [{**KEPT, "kept": "2026-09-01T09:00:00.000Z", "now": 1, "hope": 5}, KEPT]}

# "Keep both" (README, "Backup files"): (case, kind, prompt, mine, the backup's, kept: None when mine stays and
# the backup's answer is set aside whole)
MERGES = [
    ("two texts", "wb-answer", "1.1", "Mine", "Theirs", "Mine" + FROM_BACKUP + "Theirs"),
    ("the same text", "wb-answer", "1.1", "Same", "Same", "Same"),
    ("no text here", "wb-answer", "1.1", "", "Theirs", "Theirs"),
    ("no text in the backup", "wb-answer", "1.1", "Mine", "", "Mine"),
    ("ten lines: into the empty ones", "wb-list", "4.1", {"lists": [ten("Kind", "Patient")]},
     {"lists": [ten("Patient", "Funny", "Brave")]}, {"lists": [ten("Kind", "Patient", "Funny", "Brave")]}),
    ("growing lines: after mine, the same words once", "wb-list", "6.3", {"lists": [["Listen", "Stay calm"]]},
     {"lists": [[" Stay calm ", "Share my story"]]}, {"lists": [["Listen", "Stay calm", "Share my story"]]}),
    ("two columns: each its own", "wb-list", "7.5", {"lists": [["Trust"], ["Risk"]]},
     {"lists": [["Hope"], ["Burden"]]}, {"lists": [["Trust", "Hope"], ["Risk", "Burden"]]}),
    ("ten lines full", "wb-list", "4.1", {"lists": [[str(n) for n in range(10)]]}, {"lists": [ten("Eleventh")]}, None),
    ("another number of columns", "wb-list", "7.5", {"lists": [["Trust"], ["Risk"]]}, {"lists": [["Hope"]]}, None),
    ("my drawing, their words", "wb-drawing", "2.6", drawing("My story", "A bridge", [STROKE]),
     drawing("Backup story", "", []), drawing("My story" + FROM_BACKUP + "Backup story", "A bridge", [STROKE])),
    ("their drawing", "wb-drawing", "2.6", drawing("Mine"), drawing("", "A path", [STROKE_B]),
     drawing("Mine", "A path", [STROKE_B])),
    ("the same drawing", "wb-drawing", "2.6", drawing("", "", [STROKE]), drawing("", "", [STROKE]),
     drawing("", "", [STROKE])),
    ("two different drawings", "wb-drawing", "2.6", drawing("", "", [STROKE]), drawing("", "", [STROKE_B]), None),
    ("two ladders", "wb-ladder", "8.6", MINE_LADDER, THEIR_LADDER,
     {"now": 3, "hope": 6, "happy": "Not yet" + FROM_BACKUP + "Getting there", "help": "Training",
      "history": [THEIR_LADDER["history"][0], KEPT,
                  {"kept": CREATED, "now": 5, "hope": 7, "happy": "Getting there", "help": ""}]}),
    ("the same placement", "wb-ladder", "8.6", MINE_LADDER, MINE_LADDER, MINE_LADDER),
    ("a backup not placed", "wb-ladder", "8.6", MINE_LADDER, EMPTY_LADDER, MINE_LADDER),
    ("photos joined", "wb-photos", "5.4", {"text": "Mine", "photos": [photo(1)]},
     {"text": "Theirs", "photos": [photo(1), photo(2)]},
     {"text": "Mine" + FROM_BACKUP + "Theirs", "photos": [photo(1), photo(2)]}),
    ("photos past 100", "wb-photos", "5.4", {"text": "", "photos": [{**photo(1), "id": f"pa{n:012d}"} for n in range(60)]},
     {"text": "", "photos": [{**photo(1), "id": f"pb{n:012d}"} for n in range(41)]}, None),
]

MERGE_ALL = """([cases, created]) => cases.map(([kind, id, mine, theirs]) => {
  const el = document.querySelector(`[data-wb-review-prompt="${id}"]`);
  const rules = WB.kinds[kind];
  const before = JSON.stringify([mine, theirs]);
  const kept = rules.merge(mine, theirs, el, created);
  return {kept, valid: kept === null || rules.valid(kept), untouched: JSON.stringify([mine, theirs]) === before};
})"""


def test_keep_both_joins_each_kind_as_the_readme_says_and_never_changes_either_side(page: Page, base_url):
    review(page, base_url)
    found = page.evaluate(MERGE_ALL, [[[kind, prompt, mine, theirs] for _, kind, prompt, mine, theirs, _ in MERGES],
                                      CREATED])
    wrong = [f"{name} ({kind}): expected {kept!r}, got {got!r}"
             for (name, kind, _, _, _, kept), got in zip(MERGES, found)
             if got != {"kept": kept, "valid": True, "untouched": True}]
    assert wrong == []
    assert {kind for _, kind, *_ in MERGES} == set(page.evaluate("() => Object.keys(WB.kinds)"))


# The readable copies of one answer of each kind (with markup in it), as each kind writes its text.
COPIED = [("1.1", "wb-answer", "# Not a heading\n<b>not bold</b> & *not emphasis*"),
          ("4.1", "wb-list", {"lists": [ten("Kind", "", "[a link](x)")]}),
          ("2.6", "wb-drawing", drawing("Words", "A <bridge>", [STROKE])),
          ("8.6", "wb-ladder", LADDER),
          ("5.4", "wb-photos", {"text": "- not a list", "photos": [photo(1, caption="_Park_")]})]

COPIES = """answers => {
  const prompts = answers.map(([id, kind, value]) => {
    const el = document.querySelector(`[data-wb-review-prompt="${id}"]`);
    return {id, text: el.querySelector('.wb-review__words').textContent.trim(), answer: WB.kinds[kind].text(value, el)};
  });
  prompts.push({id: '1.2', text: 'Not answered', answer: null});
  const doc = {title: 'My answers', date: 'Today', sections: [{title: 'Every kind', prompts}]};
  return {answers: prompts.map(p => p.answer), text: WB.copies.text(doc), markdown: WB.copies.markdown(doc),
          html: WB.copies.html(doc), none: WB.copies.text({title: 'My answers', date: 'Today', sections: []})};
}"""


def test_the_copies_carry_each_kinds_text_as_written(page: Page, base_url):
    review(page, base_url)
    found = page.evaluate(COPIES, [list(answer) for answer in COPIED])
    texts = found["answers"][:-1]
    assert texts[1] == "1. Kind\n3. [a link](x)" and texts[4] == "[Photo 1 of 1: _Park_]\n\n- not a list"
    missing = [f"{kind}: text" for (_, kind, _), text in zip(COPIED, texts) if f"\n\n{text}\n" not in found["text"]]
    html = found["html"]
    for (_, kind, _), text in zip(COPIED, texts):
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        if f'<p class="answer">{escaped}</p>' not in html:
            missing.append(f"{kind}: web page")
    assert missing == []
    assert "1.2 Not answered\n\n(Not answered)\n" in found["text"]
    assert found["none"] == "My answers\nToday\n\nNo answers yet.\n"
    # Markdown shows every answer's markup as text: no heading, tag, link, emphasis or list comes from an answer.
    markdown = found["markdown"]
    for escaped in ["\\# Not a heading", "&lt;b&gt;not bold&lt;/b&gt; &amp; \\*not emphasis\\*", "3\\. \\[a link\\](x)",
                    "\\[A drawing: A &lt;bridge&gt;\\]", "Where you are now: rung 3 of 8.", "\\_Park\\_", "\\- not a list"]:
        assert escaped in markdown, escaped
    assert "<b>" not in markdown and "<bridge>" not in html
