"""Limits on what a project stores, the same on every backend: SQLite would take a 10,000-character name or a
NUL in a text, PostgreSQL refuses them, so a SQLite project could hold what a merge into PostgreSQL then cannot.
Checked before anything reaches the database, each with a sentence."""

from __future__ import annotations

import re
from typing import Any

import orjson

from biaozhu.corpus.errors import Refused

ANNOTATOR_LENGTH = 128  # the columns' lengths (db/models.py)
DOCUMENT_NAME_LENGTH = 512
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def check_annotator(name: str) -> str:
    """An annotator's name as stored: stripped, not blank, at most 128 characters, no control characters."""
    stripped = name.strip() if isinstance(name, str) else ""
    if not stripped:
        raise Refused(f"an annotator needs a name, not {name!r}")
    if len(stripped) > ANNOTATOR_LENGTH:
        raise Refused(f"an annotator's name is at most {ANNOTATOR_LENGTH} characters, not {len(stripped)} "
                      f"({stripped[:20]!r}…)")
    if _CONTROL.search(stripped):
        raise Refused(f"an annotator's name may not hold control characters: {stripped!r}")
    return stripped


def check_document(name: str, text: str, meta: dict[str, Any]) -> None:
    """A document's name length, and no NUL (U+0000) in its text or meta: PostgreSQL stores neither."""
    if len(name) > DOCUMENT_NAME_LENGTH:
        raise Refused(f"a document name is at most {DOCUMENT_NAME_LENGTH} characters, not {len(name)} "
                      f"({name[:20]!r}…)")
    at = text.find("\x00")
    if at >= 0:
        raise Refused(f"the text holds a NUL character (U+0000) at offset {at}: a project cannot store it "
                      "(remove it from the file)")
    if "\x00" in name or b"\\u0000" in orjson.dumps(meta, default=str):
        raise Refused("the document's name or meta holds a NUL character (U+0000): a project cannot store it")


def printable_path(text: str) -> str:
    """A file name as text that every database stores: bytes that are not UTF-8 (kept by Python as lone
    surrogates) become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
