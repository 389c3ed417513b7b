"""Decoding files and normalising their text, keeping a map from file offsets to stored offsets.

Stored text has LF line breaks and no BOM. Offsets anywhere in biaozhu are code points into that
stored text; spans read from a file are moved through :class:`OffsetMap` so that they cover the very
characters they covered in the file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import charset_normalizer

from biaozhu.corpus.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Encodings we accept from detection: Chinese reports come as UTF-8 or GB-family; anything else is a guess.
_DETECTABLE = {"utf_8", "gb18030", "gbk", "gb2312", "big5", "hz", "utf_16", "utf_32", "ascii"}
_CRLF = re.compile("\r\n")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the encoding found and whether a BOM was there."""

    text: str
    encoding: str
    bom: bool


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps code-point offsets in the raw text to offsets in the normalised text."""

    removed: tuple[int, ...] = ()

    def __call__(self, offset: int) -> int:
        return offset - bisect.bisect_left(self.removed, offset)


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text, how to move raw offsets onto it, and a record of what was changed."""

    text: str
    offsets: OffsetMap
    steps: dict[str, Any] = field(default_factory=dict)


def decode(data: bytes, path: str | Path) -> Decoded:
    """Decode a text file's bytes: BOM first, then UTF-8, then the GB family by detection."""
    if not data.strip():
        raise InputError(path, "the file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec.removesuffix("-sig"), True)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"starts with a {codec} byte-order mark but is not {codec}: {exc.reason}") from None
    if b"\x00" in data:
        raise InputError(path, "this is a binary file, not text (it contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding not in _DETECTABLE:
        raise InputError(path, "cannot tell the text encoding: expected UTF-8, UTF-16 with BOM or GBK/GB18030")
    encoding = "gb18030" if best.encoding in {"gbk", "gb2312"} else best.encoding
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"undecodable bytes at byte {exc.start} (read as {encoding})") from None
    return Decoded(text, encoding.replace("_", "-"), False)


def check_printable(text: str, path: str | Path) -> None:
    """Refuse text that is mostly control characters: it is a binary file that happened to decode."""
    controls = len(_CONTROL.findall(text, 0, 65536))
    if controls > max(8, min(len(text), 65536) // 100):
        raise InputError(path, "this looks like a binary file, not text (control characters)")


def normalise(raw: str) -> Normalised:
    """LF line breaks, no BOM; every other character is kept as it is (full-width forms included)."""
    removed: list[int] = []
    steps: dict[str, Any] = {}
    if raw.startswith("\ufeff"):
        removed.append(0)
        steps["bom"] = True
    crlf = [m.start() for m in _CRLF.finditer(raw)]
    if crlf:
        removed.extend(crlf)
        steps["crlf_to_lf"] = len(crlf)
    text = raw[1:] if steps.get("bom") else raw
    text = text.replace("\r\n", "\n")
    lone_cr = text.count("\r")
    if lone_cr:
        text = text.replace("\r", "\n")
        steps["cr_to_lf"] = lone_cr
    return Normalised(text, OffsetMap(tuple(removed)), steps)


def load_text(data: bytes, path: str | Path) -> Normalised:
    """Bytes of a text file to normalised text, recording encoding and changes."""
    decoded = decode(data, path)
    check_printable(decoded.text, path)
    result = normalise(decoded.text)
    steps = {"encoding": decoded.encoding, **result.steps}
    if decoded.bom:
        steps["bom"] = True
    if not result.text.strip():
        raise InputError(path, "the file holds only white space")
    return Normalised(result.text, result.offsets, steps)
