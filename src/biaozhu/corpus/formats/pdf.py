"""PDF reports with a text layer, read with pypdfium2 (PDFium: Apache-2.0/BSD, one wheel for every Python).

Each page's text comes out as lines with their edges; :mod:`biaozhu.corpus.pages` turns them into the text a
reader sees. Pages with no text but with images are scans: the file is refused, naming them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.pages import Line, layout_gap, paged_document

if TYPE_CHECKING:
    import pypdfium2


def _lines(textpage: pypdfium2.PdfTextPage) -> list[Line]:
    """The page's lines; a space PDFium made up from a gap beside a Chinese character (2023 年) is dropped."""
    import pypdfium2.raw as pdfium_c

    text = textpage.get_text_range()
    lines: list[Line] = []
    index = 0
    for raw in text.split("\r\n"):
        body = raw
        if " " in raw:
            dropped = {offset for offset, ch in enumerate(raw) if ch == " "
                       and layout_gap(raw[offset - 1: offset], raw[offset + 1: offset + 2])
                       and pdfium_c.FPDFText_IsGenerated(textpage.raw, index + offset) == 1}
            body = "".join(ch for offset, ch in enumerate(raw) if offset not in dropped) if dropped else raw
        if body.strip():
            first = index + len(raw) - len(raw.lstrip())
            last = index + len(raw.rstrip()) - 1
            left, bottom, _, top = textpage.get_charbox(first, loose=True)
            right = textpage.get_charbox(last, loose=True)[2]
            lines.append(Line(body, left, right, max(top - bottom, 1.0)))
        index += len(raw) + 2
    return lines


def _has_images(page: pypdfium2.PdfPage) -> bool:
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def read_pages(data: bytes | Path, path: Path) -> tuple[list[list[Line]], list[int]]:
    """Each page's lines, and the pages that are scans (pure but for PDFium); an unreadable file raises
    :class:`InputError`."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise InputError(path, f"cannot read this PDF ({exc}): it is damaged, encrypted or not a PDF") from None
    try:
        pages: list[list[Line]] = []
        scanned: list[int] = []
        for number in range(len(document)):
            page = document[number]
            lines = _lines(page.get_textpage())
            if not lines and _has_images(page):
                scanned.append(number + 1)
            pages.append(lines)
    finally:
        document.close()
    return pages, scanned


def read_pdf(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """One PDF, one document, with the offset where each page starts in its meta (``pages``)."""
    return paged_document(path, *read_pages(path, path), "PDF")
