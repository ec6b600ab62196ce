"""A corpus of hostile backup files, made here so that it is readable and kept with the tests.

Every field of the format gets wrong types, extremes, nesting, sizes, encodings, ids and photo data.
Each case is (file bytes, outcome): "refused" (nothing may change) or "restored" (exactly as in the file).
"""

from __future__ import annotations

import base64
import json

NAMESPACE = "peer-mentoring-in-criminal-justice"
SAVED = "2026-11-20T11:00:00.000Z"
JPEG = base64.b64encode(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4).decode()
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(200)).decode()
WEBP = base64.b64encode(b"RIFF\x10\x00\x00\x00WEBPVP8 " + bytes(200)).decode()
GIF = base64.b64encode(b"GIF89a" + bytes(200)).decode()
STROKE = {"c": "#1f1f1f", "w": 6, "e": False, "p": [1, 2, 3, 4]}
LADDER = {"now": 3, "hope": 6, "happy": "", "help": "", "history": []}


def backup(answers=(), photos=None, aside=None, **fields) -> dict:
    data = {"format": "wb-backup", "version": 1, "workbook": "Peer Mentoring in Criminal Justice",
            "namespace": NAMESPACE, "created": "2026-11-20T12:00:00.000Z", "answers": list(answers)}
    if photos is not None:
        data["photos"] = photos
    if aside is not None:
        data["aside"] = aside
    data.update(fields)
    return data


def answer(prompt_id, value, saved=SAVED, **fields) -> dict:
    return {"id": prompt_id, "prompt": None, "saved": saved, "value": value, **fields}


def collage(*ids, caption="", w=320, h=240) -> dict:
    return {"text": "", "photos": [{"id": i, "caption": caption, "w": w, "h": h} for i in ids]}


def photo(photo_id="phostile000001", kind="image/jpeg", data=JPEG) -> dict:
    return {"id": photo_id, "type": kind, "data": data}


def raw(text: str) -> bytes:
    return text.encode("utf-8")


def js(data) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def nested(depth: int) -> str:
    return "[" * depth + '"x"' + "]" * depth


GOOD = js(backup([answer("1.2", "Good")]))

CORPUS: dict[str, tuple[bytes, str]] = {
    # ---- the file as a whole: encodings, framing
    "a UTF-16 file with its byte-order mark": (GOOD.decode().encode("utf-16"), "restored"),
    "a UTF-16 file without one": (GOOD.decode().encode("utf-16-le"), "refused"),
    "a UTF-16 file with half a character": (GOOD.decode().encode("utf-16")[:-1], "refused"),
    "invalid UTF-8 inside an answer": (GOOD.replace(b"Good", b"Go\xffod"), "refused"),
    "a UTF-8 byte-order mark, then a good file": (b"\xef\xbb\xbf" + GOOD, "restored"),
    "trailing garbage after the JSON": (GOOD + b" {}", "refused"),
    "two files joined": (GOOD + GOOD, "refused"),
    "a NUL byte before the JSON": (b"\x00" + GOOD, "refused"),
    "JSON with a comment": (b"// backup\n" + GOOD, "refused"),
    "a JSON string": (b'"wb-backup"', "refused"),
    "a JSON number": (b"1", "refused"),
    # ---- format, version, namespace, created
    "the format in capitals": (js(backup(format="WB-BACKUP")), "refused"),
    "the version as 1.5": (js(backup(version=1.5)), "refused"),
    "the version as null": (js(backup(version=None)), "refused"),
    "the version huge": (raw(GOOD.decode().replace('"version": 1', '"version": 1e999')), "refused"),
    "no namespace": (js({k: v for k, v in backup().items() if k != "namespace"}), "refused"),
    "the namespace as a list": (js(backup(namespace=[NAMESPACE])), "refused"),
    "created as a number": (js(backup(created=1764000000000)), "refused"),
    "created not a date": (js(backup(created="the day before yesterday")), "refused"),
    "answers as an object": (js(backup(answers={"1.2": "x"})), "refused"),
    "unknown fields beside the format": (js(backup([answer("1.2", "Good")], extra={"a": 1}, more=[1, 2])), "restored"),
    # ---- answers: entries, ids, dates, values
    "an answer that is null": (js(backup([None])), "refused"),
    "an answer that is a list": (js(backup([["1.2", "x"]])), "refused"),
    "an id as a number": (js(backup([answer(1.2, "x")])), "refused"),
    "an id with a leading zero": (js(backup([answer("01.2", "x")])), "refused"),
    "an id without a dot": (js(backup([answer("12", "x")])), "refused"),
    "an id in Arabic digits": (js(backup([answer("١.٢", "x")])), "refused"),
    "an id with spaces": (js(backup([answer(" 1.2", "x")])), "refused"),
    "an id that is a path": (js(backup([answer("../1.2", "x")])), "refused"),
    "a saved date that does not exist": (js(backup([answer("1.2", "x", saved="2026-13-45T00:00:00Z")])), "refused"),
    "no saved date": (js(backup([{"id": "1.2", "prompt": None, "value": "x"}])), "refused"),
    "no value": (js(backup([{"id": "1.2", "prompt": None, "saved": SAVED}])), "refused"),
    "a value of null": (js(backup([answer("1.2", None)])), "refused"),
    "half a surrogate pair in an answer": (raw(GOOD.decode().replace("Good", "Go\\ud800od")), "refused"),
    "every kind of whitespace and control in an answer": (js(backup([answer("1.2", "a\u0000b\u0007c\u2028d\u00a0e\r\n\tf")])), "restored"),
    "right-to-left and combining text": (js(backup([answer("1.2", "\u202egnirts\u202c e\u0301 👩🏽‍🦱 ﷽")])), "restored"),
    "an answer nested deeper than any kind": (raw(GOOD.decode().replace('"Good"', nested(5000))), "refused"),
    "an answer too large for the browser's storage": (js(backup([answer("1.2", "x" * (6 * 1024 * 1024))])), "refused"),
    "an answer to a question no longer here": (js(backup([answer("99.1.7", "Kept")])), "restored"),
    # ---- kinds
    "a list line that is a number": (js(backup([answer("6.3", {"lists": [["a", 1]]})])), "refused"),
    "a list of 201 lines": (js(backup([answer("6.3", {"lists": [["line"] * 201]})])), "refused"),
    "a list with no columns": (js(backup([answer("6.3", {"lists": []})])), "refused"),
    "a drawing with a point off the grid": (js(backup([answer("2.6", {"text": "", "description": "", "strokes": [{**STROKE, "p": [1, 1e308]}]})])), "refused"),
    "a drawing coloured with CSS": (js(backup([answer("2.6", {"text": "", "description": "", "strokes": [{**STROKE, "c": "url(x)"}]})])), "refused"),
    "a drawing of 2001 strokes": (js(backup([answer("2.6", {"text": "", "description": "", "strokes": [STROKE] * 2001})])), "refused"),
    "a ladder on rung 9": (js(backup([answer("8.6", {**LADDER, "now": 9})])), "refused"),
    "a ladder on rung 3.5": (js(backup([answer("8.6", {**LADDER, "now": 3.5})])), "refused"),
    "a ladder history without a date": (js(backup([answer("8.6", {**LADDER, "history": [{**LADDER, "kept": "never"}]})])), "refused"),
    "a collage that names a photo id twice": (js(backup([answer("5.4", collage("phostile000001", "phostile000001"))], [photo()])), "refused"),
    "a collage photo of width 0": (js(backup([answer("5.4", collage("phostile000001", w=0))], [photo()])), "refused"),
    "a collage caption of 1001 letters": (js(backup([answer("5.4", collage("phostile000001", caption="c" * 1001))], [photo()])), "refused"),
    # ---- photos
    "photos as an object": (js(backup(photos={"phostile000001": JPEG})), "refused"),
    "a photo id that is a path": (js(backup(photos=[photo("../../etc")])), "refused"),
    "a photo id twice": (js(backup(photos=[photo(), photo()])), "refused"),
    "a GIF": (js(backup(photos=[photo(kind="image/gif", data=GIF)])), "refused"),
    "an SVG": (js(backup(photos=[photo(kind="image/svg+xml", data=base64.b64encode(b"<svg onload=alert(1)/>").decode())])), "refused"),
    "JPEG bytes said to be PNG": (js(backup(photos=[photo(kind="image/png")])), "refused"),
    "photo data with line breaks": (js(backup(photos=[photo(data=JPEG[:76] + "\n" + JPEG[76:])])), "refused"),
    "photo data not base64": (js(backup(photos=[photo(data="not base64!")])), "refused"),
    "photo data empty": (js(backup(photos=[photo(data="")])), "refused"),
    "a PNG and a WebP, with the collage": (js(backup([answer("5.4", collage("phostile000001", "phostile000002"))],
                                                     [photo(kind="image/png", data=PNG), photo("phostile000002", "image/webp", WEBP)])), "restored"),
    # ---- answers kept aside
    "an aside with a bad id": (js(backup(aside=[{"id": "answer:1.2", "raw": "x"}])), "refused"),
    "an aside that is not text": (js(backup(aside=[{"id": "answer:1.2:1700000000000", "raw": {"v": 1}}])), "refused"),
    "an aside nested without end": (js(backup(aside=[{"id": "answer:1.2:1700000000000", "raw": nested(10000)}])), "refused"),
    "an aside that is damaged text": (js(backup(aside=[{"id": "answer:1.2:1700000000000", "raw": "{broken"}])), "restored"),
}


# Refused or restored through the page as well (test_browser_hostile.py): banner, focus, storage.
THROUGH_THE_PAGE = [
    "invalid UTF-8 inside an answer",
    "a collage that names a photo id twice",
    "a GIF",
    "an answer too large for the browser's storage",
    "a UTF-16 file with its byte-order mark",
    "a PNG and a WebP, with the collage",
    "an aside that is damaged text",
]
