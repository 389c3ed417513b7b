"""Word 97–2003 ``.doc`` and Kingsoft ``.wps`` (built on the same binary format): the main text from the
WordDocument stream's piece table, read with olefile; LibreOffice (``soffice``) when installed reads what this
cannot (Word 95, encrypted files, old WPS); a message when neither can."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.text import check_printable, load_text, normalise

_FIELD_CODE = re.compile("\x13[^\x13\x14\x15]*(?:\x14|\x15)")
# Word's control characters: paragraph and line ends, cell and row marks, page breaks; the rest are anchors
# of pictures, footnotes and comments, or optional hyphens, none of which a reader sees as text.
_CONTROLS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x07": "\n", "\x1e": "-",
                           **dict.fromkeys("\x00\x01\x02\x05\x08\x14\x15\x1f")})


class Unreadable(Exception):
    """What the binary reader cannot read, said in a few words for the message."""


def _piece_text(word: bytes, fc_raw: int, count: int) -> str:
    """``count`` characters of one piece: UTF-16LE, or one byte each (cp1252) when the piece is compressed."""
    if fc_raw & 0x40000000:
        start = (fc_raw & 0x3FFFFFFF) // 2
        chunk = word[start:start + count]
        return chunk.decode("cp1252", errors="replace")
    chunk = word[fc_raw:fc_raw + 2 * count]
    return chunk.decode("utf-16-le", errors="replace")


def word97_text(word: bytes, tables: dict[str, bytes]) -> str:
    """The main document's text from a WordDocument stream and its table streams ("0Table", "1Table")."""
    if len(word) < 0x1AA or struct.unpack_from("<H", word, 0)[0] != 0xA5EC:
        raise Unreadable("its WordDocument stream is not Word 97 or later")
    n_fib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 0x0A)[0]
    if flags & 0x0100:
        raise Unreadable("it is encrypted")
    if n_fib < 0xC0:
        raise Unreadable("it is a Word 6/95 file")
    csw = struct.unpack_from("<H", word, 32)[0]
    lw = 34 + 2 * csw
    cslw = struct.unpack_from("<H", word, lw)[0]
    ccp_text = struct.unpack_from("<i", word, lw + 2 + 12)[0]
    rg = lw + 2 + 4 * cslw + 2
    fc_clx, lcb_clx = struct.unpack_from("<II", word, rg + 33 * 8)
    table = tables.get("1Table" if flags & 0x0200 else "0Table")
    if table is None or not lcb_clx or fc_clx + lcb_clx > len(table):
        raise Unreadable("its piece table is missing")
    clx, pos = table[fc_clx:fc_clx + lcb_clx], 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, skipped
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise Unreadable("its piece table is damaged")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + lcb]
    pieces = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{pieces + 1}i", plc, 0)
    parts: list[str] = []
    for i in range(pieces):
        start, end = cps[i], min(cps[i + 1], ccp_text)
        if end <= start:
            break
        fc_raw = struct.unpack_from("<I", plc, 4 * (pieces + 1) + 8 * i + 2)[0]
        parts.append(_piece_text(word, fc_raw, end - start))
    return _FIELD_CODE.sub("", "".join(parts)).translate(_CONTROLS)


def _olefile_text(path: Path) -> str:
    import olefile

    if not olefile.isOleFile(str(path)):
        raise Unreadable("it is not a Word 97–2003 or WPS file (no OLE container)")
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("WordDocument"):
                raise Unreadable("it holds no WordDocument stream")
            word = ole.openstream("WordDocument").read()
            tables = {name: ole.openstream(name).read() for name in ("0Table", "1Table") if ole.exists(name)}
    except (OSError, ValueError, struct.error) as exc:
        raise Unreadable(f"its container is damaged ({exc})") from None
    try:
        return word97_text(word, tables)
    except struct.error:
        raise Unreadable("its WordDocument stream is damaged") from None


def _soffice_text(path: Path) -> str | None:
    """The text LibreOffice makes of the file, or None when it is not installed or fails."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        try:
            subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/profile",
                            "--convert-to", "txt:Text (encoded):UTF8", "--outdir", folder, str(path)],
                           capture_output=True, timeout=120, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        out = Path(folder) / (path.stem + ".txt")
        return load_text(out.read_bytes(), path).text if out.is_file() and out.stat().st_size else None


def read_doc(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """One .doc or .wps, one document; olefile first, LibreOffice second."""
    try:
        raw, engine = _olefile_text(path), "word97"
    except Unreadable as exc:
        converted = _soffice_text(path)
        if converted is None:
            raise InputError(path, f"cannot read this Word/WPS file: {exc}; installing LibreOffice (soffice) "
                                   "may let biaozhu read it, or save it as .docx") from None
        raw, engine = converted, "soffice"
    result = normalise(raw)
    if not result.text.strip():
        raise InputError(path, "the document holds no text")
    check_printable(result.text, path)
    return [SourceDocument(name=path.name, text=result.text, source=str(path),
                           normalisation={"encoding": engine, **result.steps})]
