"""Backup files the tests hand to My answers: a valid one made from answers, and the bad files each refused
with its message (tests/test_logic.py reads them all in one page; some go through the page as well)."""

from __future__ import annotations

import json

from pages import NAMESPACE

LADDER = {"now": 3, "hope": 6, "happy": "Not yet", "help": "Training",
          "history": [{"kept": "2026-10-01T09:00:00.000Z", "now": 2, "hope": 6, "happy": "", "help": ""}]}


def valid_backup(answers, namespace=NAMESPACE, **extra) -> dict:
    data = {"format": "wb-backup", "version": 1, "workbook": "Peer Mentoring in Criminal Justice",
            "namespace": namespace, "created": "2026-11-20T12:00:00.000Z", "answers": answers}
    data.update(extra)
    return data


def entry(prompt_id: str, value, saved: str = "2026-11-20T11:00:00.000Z") -> dict:
    return {"id": prompt_id, "prompt": None, "saved": saved, "value": value}


GOOD = json.dumps(valid_backup([entry("1.1", "From the file"), entry("8.6", LADDER)])).encode()

BAD_FILES = {
    "not JSON": (b"hello, this is a letter", "not a backup file"),
    "truncated": (GOOD[: len(GOOD) // 2], "not a backup file"),
    "empty": (b"", "The file is empty."),
    "binary": (bytes(range(256)) * 4, "not a backup file"),
    "a JSON array": (b"[]", "not a backup file"),
    "JSON null": (b"null", "not a backup file"),
    "another format": (json.dumps({"format": "something-else", "version": 1}).encode(), "not a backup file"),
    "a newer version": (json.dumps(valid_backup([], version=2)).encode(), "newer version"),
    "the version as text": (json.dumps(valid_backup([], version="1")).encode(), "format is not one this workbook knows"),
    "another workbook": (json.dumps(valid_backup([], namespace="another-workbook", workbook="Another workbook")).encode(),
                         "from another workbook (“Another workbook”)"),
    "answers not a list": (json.dumps(valid_backup({"1.1": "x"})).encode(), "damaged or incomplete"),
    "a text answer that is a number": (json.dumps(valid_backup([entry("1.1", 42)])).encode(), "not of the right kind"),
    "a ladder of the wrong shape": (json.dumps(valid_backup([entry("8.6", {"now": 12})])).encode(), "not of the right kind"),
    "a malformed id": (json.dumps(valid_backup([entry("1.1; drop", "x")])).encode(), "damaged or incomplete"),
    "the same id twice": (json.dumps(valid_backup([entry("1.1", "a"), entry("1.1", "b")])).encode(), "damaged or incomplete"),
    "a bad date": (json.dumps(valid_backup([entry("1.1", "x", saved="yesterday")])).encode(), "damaged or incomplete"),
    "no creation date": (json.dumps({k: v for k, v in valid_backup([]).items() if k != "created"}).encode(), "damaged"),
    "prototype pollution": (
        b'{"format":"wb-backup","version":1,"namespace":"' + NAMESPACE.encode() + b'","created":"2026-11-20T12:00:00Z",'
        b'"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},'
        b'"answers":[{"id":"__proto__","saved":"2026-11-20T12:00:00Z","value":{"polluted":"yes"}}]}',
        "damaged or incomplete",
    ),
    "hostile text in the workbook name": (
        json.dumps(valid_backup([], namespace="x", workbook='<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>')).encode(),
        "from another workbook",
    ),
    "huge": (b" " * (65 * 1024 * 1024), "too large"),
}


# Every file above is refused with its message in one page in test_logic.py; these go through the page
# (banner, focus, storage unchanged): not text, not JSON, nothing, too large, hostile keys, hostile markup.
THROUGH_THE_PAGE = ["not JSON", "binary", "empty", "huge", "prototype pollution", "hostile text in the workbook name"]


def fits(prompt_id: str, prompt: str | None, value) -> dict:
    return {"id": prompt_id, "prompt": prompt, "saved": "2026-11-20T11:00:00.000Z", "value": value}


# Backups of another workbook whose answers do not fit this one's questions (refused).
NOT_FITTING = {
    "other words": [fits("1.1", "A question of another workbook", "Mine")],
    "no words": [fits("1.1", None, "Mine")],
    "unknown question": [fits("1.99", "A question this workbook never had", "Mine")],
    "other words, a ladder": [fits("8.6", "Where are you on the ladder?", LADDER)],
    "no answers": [],
}
