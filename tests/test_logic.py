"""Browser, one page per test: the restore's checks as pure logic, every case of a table in one go.

Each test opens My answers once (it loads every script) and reads every file of its table through the
page's own reading of a backup (review.js: readFile, then the check or the locked header), with only what
the page does next (a refusal, a preview, asking for the passphrase) replaced by a verdict. A failure names
each case that went wrong. What only the page can show (the banner, focus, storage left byte for byte,
photos written) is kept, for a few files of each kind of refusal, in test_browser_hostile.py,
test_browser_answers.py, test_browser_locked.py and test_browser_travel.py.
"""

from __future__ import annotations

import json

import pytest
from hostile_backups import CORPUS, THROUGH_THE_PAGE
from playwright.sync_api import Page
from backups import BAD_FILES, NOT_FITTING, valid_backup
from logic import NO_ROOM, read_all
from pages import NAMESPACE
from locks import HOSTILE as LOCKED_HOSTILE

pytestmark = pytest.mark.browser

NOT_READABLE = "This is not a backup file of this workbook, or it is damaged."
NOT_A_BACKUP = "This is not a backup file of this workbook."
UNKNOWN_FORMAT = "This backup’s format is not one this workbook knows."
NEWER = "This backup was made by a newer version of the workbook."
DAMAGED = "The file is damaged or incomplete, so it cannot be used."
OTHER_WORKBOOK = "This backup is from another workbook (“Peer Mentoring in Criminal Justice”)."

# Why each hostile file is refused: the start of what the reader is told.
REASONS = {
    **dict.fromkeys(["a UTF-16 file without one", "a UTF-16 file with half a character", "invalid UTF-8 inside an answer",
                     "trailing garbage after the JSON", "two files joined", "a NUL byte before the JSON",
                     "JSON with a comment"], NOT_READABLE),
    **dict.fromkeys(["a JSON string", "a JSON number", "the format in capitals"], NOT_A_BACKUP),
    **dict.fromkeys(["the version as 1.5", "the version huge"], NEWER),
    "the version as null": UNKNOWN_FORMAT,
    **dict.fromkeys(["no namespace", "the namespace as a list"], OTHER_WORKBOOK),
    **dict.fromkeys(["a list line that is a number", "a list of 201 lines", "a list with no columns"],
                    DAMAGED + " (The answer to 6.3 is not of the right kind.)"),
    **dict.fromkeys(["a drawing with a point off the grid", "a drawing coloured with CSS", "a drawing of 2001 strokes"],
                    DAMAGED + " (The answer to 2.6 is not of the right kind.)"),
    **dict.fromkeys(["a ladder on rung 9", "a ladder on rung 3.5", "a ladder history without a date"],
                    DAMAGED + " (The answer to 8.6 is not of the right kind.)"),
    **dict.fromkeys(["a collage that names a photo id twice", "a collage photo of width 0",
                     "a collage caption of 1001 letters"], DAMAGED + " (The answer to 5.4 is not of the right kind.)"),
    **dict.fromkeys(["photos as an object", "a photo id that is a path", "a photo id twice", "a GIF", "an SVG",
                     "JPEG bytes said to be PNG", "photo data with line breaks", "photo data not base64",
                     "photo data empty"], DAMAGED + " (One of its photos is damaged.)"),
}


def decoded(content: bytes):
    encoding = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}.get(content[:2], "utf-8-sig")
    return json.loads(content.decode(encoding))


def differences(data: dict, accepted: dict) -> list[str]:
    """What the check took from a file that is not exactly what the file says (restored exactly)."""
    wrong = []
    for answer in data["answers"]:
        taken = accepted["answers"].get(answer["id"])
        if taken is None or (taken["value"], taken["saved"]) != (answer["value"], answer["saved"]):
            wrong.append(f"answer {answer['id']}")
    wrong += [f"photo {p['id']}" for p in data.get("photos", [])
              if accepted["photos"].get(p["id"]) != {"type": p["type"], "data": p["data"]}]
    wrong += [f"aside {a['id']}" for a in data.get("aside", []) if accepted["aside"].get(a["id"]) != a["raw"]]
    if accepted["misfits"]:
        wrong.append(f"kept aside {sorted(accepted['misfits'])}")
    return wrong


def test_every_hostile_backup_is_refused_with_its_reason_or_taken_exactly(page: Page, base_url):
    verdicts = read_all(page, base_url, {name: content for name, (content, _) in CORPUS.items()})
    wrong = []
    for name, (content, outcome) in CORPUS.items():
        verdict = verdicts[name]
        if outcome == "refused" and name not in NO_ROOM:
            reason = REASONS.get(name, DAMAGED)
            if not verdict.get("refused", "").startswith(reason):
                wrong.append(f"{name}: expected refused ({reason}), got {str(verdict)[:200]}")
        elif "accepted" not in verdict:
            wrong.append(f"{name}: expected taken, got {verdict}")
        else:
            wrong += [f"{name}: {what}" for what in differences(decoded(content), verdict["accepted"])]
    assert wrong == []
    # The answer to a question no longer here is taken, and said to be so.
    assert verdicts["an answer to a question no longer here"]["accepted"]["unknown"] == ["99.1.7"]
    # The files still read through the page are a few of each outcome, and all of what the check cannot say.
    assert NO_ROOM <= set(THROUGH_THE_PAGE) and {CORPUS[name][1] for name in THROUGH_THE_PAGE} == {"refused", "restored"}


def test_every_bad_backup_file_is_refused_with_what_is_wrong(page: Page, base_url):
    files = {name: content for name, (content, _) in BAD_FILES.items() if name != "huge"}  # 65 MB: the page's test
    verdicts = read_all(page, base_url, files)
    wrong = [f"{name}: expected “{message}”, got {verdicts[name]}" for name, (_, message) in BAD_FILES.items()
             if name in files and message not in verdicts[name].get("refused", "")]
    assert wrong == []
    # The workbook's name is said as text, never as markup (the page's test shows the banner has none).
    assert "<img src=x" in verdicts["hostile text in the workbook name"]["refused"]


def test_every_hostile_locked_header_is_refused_before_any_passphrase(page: Page, base_url):
    verdicts = read_all(page, base_url, {name: content for name, (content, _) in LOCKED_HOSTILE.items()})
    wrong = [f"{name}: expected “{message}”, got {verdicts[name]}" for name, (_, message) in LOCKED_HOSTILE.items()
             if not verdicts[name].get("locked") or message not in verdicts[name].get("refused", "")]
    assert wrong == []


def test_every_backup_of_another_workbook_whose_answers_do_not_fit_is_refused(page: Page, base_url):
    files = {name: json.dumps(valid_backup(answers, namespace="another-workbook", workbook="Another workbook")).encode()
             for name, answers in NOT_FITTING.items()}
    verdicts = read_all(page, base_url, files)
    told = ("This backup is from another workbook (“Another workbook”). "
            "Its answers do not fit this workbook’s questions, so they cannot be restored here.")
    assert {name: verdict.get("refused") for name, verdict in verdicts.items()} == dict.fromkeys(NOT_FITTING, told)
    # The same file named as this workbook's is taken: the refusal is for whose workbook it is.
    mine = read_all(page, base_url, {name: json.dumps(valid_backup(answers, namespace=NAMESPACE)).encode()
                                     for name, answers in NOT_FITTING.items()})
    assert [name for name, verdict in mine.items() if "accepted" not in verdict] == []
