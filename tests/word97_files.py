"""Word 97 binary files (.doc, and .wps, which WPS writes in the same format) made by the tests themselves:
a compound file (OLE2) holding a WordDocument stream with its FIB and a 1Table stream with the piece table,
as [MS-CFB] and [MS-DOC] describe them. No LibreOffice needed."""

from __future__ import annotations

import struct
from pathlib import Path

SECTOR = 512
END, FREE, FAT_SECTOR, NONE = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _directory_entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, left, right, child)
            + bytes(16 + 4 + 16) + struct.pack("<IQ", start, size))


def write_compound_file(path: Path, streams: dict[str, bytes]) -> None:
    """An OLE2 compound file (version 3, 512-byte sectors) with the given streams in its root storage; every
    stream is padded with zeros to 4096 bytes or more so that none lives in the mini stream."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    data, fat, starts, sizes = b"", [], {}, {}
    for name in names:
        body = streams[name].ljust(max(4096, len(streams[name])), b"\0")
        sizes[name] = len(body)
        body = body.ljust(-(-len(body) // SECTOR) * SECTOR, b"\0")
        count = len(body) // SECTOR
        starts[name] = len(fat)
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [END]
        data += body
    directory_sector = len(fat)
    fat.append(END)
    # Root's child is the first stream; each stream's right sibling is the next (a valid, if unbalanced, tree).
    entries = _directory_entry("Root Entry", 5, NONE, NONE, 1, END, 0)
    for i, name in enumerate(names):
        entries += _directory_entry(name, 2, NONE, i + 2 if i + 1 < len(names) else NONE, NONE, starts[name],
                                    sizes[name])
    entries = entries.ljust(SECTOR, b"\0")
    fat_sector = len(fat)
    fat.append(FAT_SECTOR)
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(SECTOR, b"\xff")
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + struct.pack("<IIIIIIIII", 0, 1, directory_sector, 0, 4096, END, 0, END, 0)
              + struct.pack("<109I", fat_sector, *([FREE] * 108)))
    path.write_bytes(header + data + entries + fat_bytes)


def word_document(pieces: list[tuple[str, bool]], *, encrypted: bool = False, n_fib: int = 0xC1) -> dict[str, bytes]:
    """WordDocument and 1Table streams whose main text is the pieces, each stored as UTF-16 or, when its flag
    says compressed, one byte per character; the text is laid out from byte 1024."""
    text_at, body, descriptors, cps = 1024, b"", [], [0]
    for text, compressed in pieces:
        encoded = text.encode("cp1252") if compressed else text.encode("utf-16-le")
        fc = text_at + len(body)
        descriptors.append((fc * 2) | 0x40000000 if compressed else fc)
        body += encoded
        cps.append(cps[-1] + len(text))
    plc = struct.pack(f"<{len(cps)}i", *cps) + b"".join(struct.pack("<HIH", 0, fc, 0) for fc in descriptors)
    clx = b"\x01\x02\x00\xaa\xbb" + b"\x02" + struct.pack("<I", len(plc)) + plc  # one Prc, then the Pcdt
    fib = bytearray(text_at)
    struct.pack_into("<HHHHHH", fib, 0, 0xA5EC, n_fib, 0, 0x0804, 0, 0x0200 | (0x0100 if encrypted else 0))
    struct.pack_into("<H", fib, 32, 14)  # csw, then fibRgW
    struct.pack_into("<H", fib, 62, 22)  # cslw, then fibRgLw: cbMac, 2 reserved, ccpText
    struct.pack_into("<ii", fib, 64, text_at + len(body), 0)
    struct.pack_into("<i", fib, 76, cps[-1])
    struct.pack_into("<H", fib, 152, 0x5D)  # cbRgFcLcb, then fc/lcb pairs: fcClx/lcbClx is the 34th
    struct.pack_into("<II", fib, 154 + 33 * 8, 0, len(clx))
    return {"WordDocument": bytes(fib) + body, "1Table": clx}
