"""Word ``.docx`` reports: paragraphs and table cells become lines, in document order."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats.guard import MB, max_size, too_big
from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.text import check_printable, normalise

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


def _lines(document: DocxDocument) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document).text
        elif tag == "tbl":
            for row in Table(child, document).rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is repeated once per grid column
                        continue
                    seen.add(id(cell._tc))
                    yield cell.text


def check_unpacked_size(path: Path) -> None:
    """Refuse a zip bomb before python-docx unpacks it: the parts' sizes are what zipfile will read at most
    (it stops at a part's stated size), so their sum bounds the memory an import needs."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(path, f"cannot read this .docx: {exc}") from None
    if unpacked > max_size():
        raise too_big(path, f"it unpacks to {unpacked / MB:.0f} MB")


def read_docx(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """Read a Word document; a file that is not a real .docx gets a clear message."""
    if not zipfile.is_zipfile(path):
        raise InputError(path, "not a Word .docx file (it is not a zip archive)")
    check_unpacked_size(path)
    import docx  # python-docx and lxml load only when a .docx is read, not at every start

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise InputError(path, f"cannot read this .docx: {exc}") from None
    result = normalise("\n".join(_lines(document)))
    if not result.text.strip():
        raise InputError(path, "the document holds no text")
    check_printable(result.text, path)
    steps = {"encoding": "docx", **result.steps}
    return [SourceDocument(name=path.name, text=result.text, source=str(path), normalisation=steps)]
