"""OFD (GB/T 33190), China's fixed-layout electronic documents: a zip of XML. Our own reader: OFD.xml names the
document, Document.xml lists the pages in order, and each page's TextObject/TextCode elements carry the text and
where it stands; the lines go through :mod:`biaozhu.corpus.pages` like a PDF's. Template pages (running headers
and footers) are not read. No easyofd: it pulls in PyMuPDF (AGPL)."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.pages import Line, is_cjk, layout_gap, paged_document

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")


class _Broken(Exception):
    """A package that is not the OFD it claims to be, said in a few words."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    return (child for child in element.iter() if _local(child.tag) == name)


def _numbers(value: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(value or "")]


def _deltas(value: str | None) -> list[float]:
    """DeltaX/DeltaY with OFD's ``g COUNT VALUE`` runs expanded."""
    tokens, out, i = (value or "").split(), [], 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            out += [float(tokens[i + 2])] * int(float(tokens[i + 1]))
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    return out


def _pieces(page: ElementTree.Element) -> list[tuple[float, float, float, float, str]]:
    """(baseline y, left, right, size, text) of every TextCode on the page."""
    pieces = []
    for obj in _children(page, "TextObject"):
        box = _numbers(obj.get("Boundary")) + [0.0, 0.0]
        size = float(obj.get("Size") or 3.5)
        ctm = _numbers(obj.get("CTM"))
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)  # object → boundary space
        x = y = 0.0
        for code in _children(obj, "TextCode"):
            text = code.text or ""
            x = float(code.get("X") or x)
            y = float(code.get("Y") or y)
            if not text:
                continue
            deltas = _deltas(code.get("DeltaX"))
            advances = [deltas[i] if i < len(deltas) else (size if is_cjk(ch) else size / 2)
                        for i, ch in enumerate(text)]
            width = sum(advances[:-1]) + (size if is_cjk(text[-1]) else size / 2)
            left, baseline = box[0] + a * x + c * y + e, box[1] + b * x + d * y + f
            pieces.append((baseline, left, left + a * width, size * (abs(d) or abs(a) or 1.0), text))
            x += sum(advances)
    return pieces


def _lines(page: ElementTree.Element) -> list[Line]:
    """The page's text pieces gathered into lines by baseline, top to bottom, each left to right."""
    lines: list[Line] = []
    rows: list[list[tuple[float, float, float, float, str]]] = []
    for piece in sorted(_pieces(page)):
        if rows and abs(piece[0] - rows[-1][0][0]) < piece[3] / 2:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    for row in rows:
        row.sort(key=lambda p: p[1])
        text, right = "", row[0][1]
        for _, left, end, size, chunk in row:
            gap = text and left - right >= 0.8 * size and not layout_gap(text[-1], chunk[0])
            text += (" " if gap else "") + chunk
            right = max(right, end)
        lines.append(Line(text, row[0][1], right, max(p[3] for p in row)))
    return lines


def _pages(package: zipfile.ZipFile) -> Iterator[tuple[int, ElementTree.Element]]:
    """Each page's XML, in the document's page order."""
    def load(name: str) -> ElementTree.Element:
        try:
            return ElementTree.fromstring(package.read(name.lstrip("/")))
        except KeyError:
            raise _Broken(f"{name} is missing") from None
        except ElementTree.ParseError as exc:
            raise _Broken(f"{name} is not well-formed XML ({exc})") from None

    root = next(_children(load("OFD.xml"), "DocRoot"), None)
    if root is None or not (root.text or "").strip():
        raise _Broken("OFD.xml names no document (DocRoot)")
    doc_path = (root.text or "").strip().lstrip("/")
    base = posixpath.dirname(doc_path)
    for number, page in enumerate(_children(load(doc_path), "Page"), 1):
        location = page.get("BaseLoc") or ""
        yield number, load(location if location.startswith("/") else posixpath.join(base, location))


def read_pages(path: Path) -> tuple[list[list[Line]], list[int]]:
    """Each page's lines, and the pages that hold only images; a broken package raises :class:`InputError`."""
    if not zipfile.is_zipfile(path):
        raise InputError(path, "not an OFD file (it is not a zip archive)")
    pages: list[list[Line]] = []
    scanned: list[int] = []
    try:
        with zipfile.ZipFile(path) as package:
            for number, page in _pages(package):
                lines = _lines(page)
                if not lines and next(_children(page, "ImageObject"), None) is not None:
                    scanned.append(number)
                pages.append(lines)
    except _Broken as exc:
        raise InputError(path, f"cannot read this OFD: {exc}") from None
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(path, f"cannot read this OFD: {exc}") from None
    return pages, scanned


def read_ofd(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """One OFD, one document, with the offset where each page starts in its meta (``pages``)."""
    return paged_document(path, *read_pages(path), "OFD")
