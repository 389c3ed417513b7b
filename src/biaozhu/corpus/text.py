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
_GB = {"gb18030", "gbk", "gb2312"}
# Below this share of common simplified characters (GB2312's), GB18030 is not a plausible reading: the
# detector's other answer (Big5, say) is believed. Text in GBK reads as ~100%, Big5 read as GB18030 as ~30%.
_PLAUSIBLE_GB = 0.5
_CRLF = re.compile("\r\n")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the encoding found and whether a BOM was there."""

    text: str
    encoding: str
    bom: bool
    note: str | None = None  # the encoding was not certain: what was chosen and why, for the user


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
    note: str | None = None  # see Decoded.note


def decode(data: bytes, path: str | Path) -> Decoded:
    """Decode a text file's bytes: BOM first, then UTF-8, then the GB family by detection."""
    if not data.strip():
        raise InputError(path, "the file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec.removesuffix("-sig"), True)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"starts with a {codec} byte-order mark but is not {codec}: "
                                 f"{exc.reason}") from None
    if b"\x00" in data:
        raise InputError(path, "this is a binary file, not text (it contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    return _detected(data, path)


def _common_share(text: str) -> float:
    """The share of non-ASCII characters that are common simplified Chinese (in GB2312)."""
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return 1.0
    common = 0
    for c in wide:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(wide)


def _detected(data: bytes, path: str | Path) -> Decoded:
    """Neither BOM nor UTF-8: GB18030 unless the detector is sure of something else, and never silently.

    Reports from mainland sources are GB18030/GBK unless they say otherwise. The detector guesses short GBK
    text as Big5 (泸州市 as 蜚笣庈) because a few bytes fit both: its other answer is believed only when
    GB18030 gives no plausible Chinese; whenever it and GB18030 disagree, the choice comes with a note.
    """
    try:
        gb: str | None = data.decode("gb18030")
    except UnicodeDecodeError:
        gb = None
    import charset_normalizer  # only for a file that is not UTF-8 (importing it is 5 ms of every command's start)

    best = charset_normalizer.from_bytes(data).best()
    guess = best.encoding if best is not None and best.encoding in _DETECTABLE else None
    if guess in _GB and gb is not None:
        return Decoded(gb, "gb18030", False)
    if gb is not None and (guess is None or _common_share(gb) >= _PLAUSIBLE_GB):
        said = f"the detector's guess was {guess.replace('_', '-')}" if guess else "the detector could not tell"
        return Decoded(gb, "gb18030", False, f"the encoding is not certain ({said}): read as GB18030, as Chinese "
                       "reports from the mainland are; if the text looks wrong, save the file as UTF-8 and "
                       "import it again")
    if guess is None:
        raise InputError(path, "cannot tell the text encoding: expected UTF-8, UTF-16 with BOM or GBK/GB18030")
    encoding = "gb18030" if guess in _GB else guess
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"undecodable bytes at byte {exc.start} (read as {encoding})") from None
    name = encoding.replace("_", "-")
    note = None if encoding in ("gb18030", "ascii") else \
        f"read as {name}, as the detector found (GB18030 gives no plausible Chinese here)"
    return Decoded(text, name, False, note)


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
    if decoded.note:
        steps["encoding_note"] = decoded.note
    if not result.text.strip():
        raise InputError(path, "the file holds only white space")
    return Normalised(result.text, result.offsets, steps, decoded.note)
