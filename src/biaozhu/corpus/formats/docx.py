"""Word ``.docx`` reports: paragraphs and table cells become lines, in document order."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats.docx_numbering import Numbering
from biaozhu.corpus.formats.guard import MB, max_size, too_big
from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.text import check_printable, normalise

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


def _entities_as_text(body: Any) -> None:
    """Each unexpanded entity reference (python-docx never expands them: no XXE, no entity bombs) becomes its
    text as written, ``&name;``. Left as a node, it ends the ``w:t``'s text for python-docx, which then drops
    everything after it ("before &e; after" read as "before ")."""
    from lxml import etree  # type: ignore[import-untyped]  # python-docx's own XML library

    for entity in list(body.iter(etree.Entity)):
        parent, previous = entity.getparent(), entity.getprevious()
        text = entity.text + (entity.tail or "")  # lxml gives an entity's text as "&name;"
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(entity)


def _numbering(document: DocxDocument) -> Numbering:
    """The document's list and heading definitions; a document without numbering.xml has none."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        numbering = document.part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        numbering = None
    return Numbering.from_xml(numbering, document.styles.element)


def _lines(document: DocxDocument) -> Iterator[tuple[str, int | None]]:
    """Each paragraph's text with the number Word shows before it, and its outline level; then table cells."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = _numbering(document)
    body = document.element.body
    _entities_as_text(body)
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            label, level = numbering.label(child)
            yield label + Paragraph(child, document).text, level
        elif tag == "tbl":
            for row in Table(child, document).rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is repeated once per grid column
                        continue
                    seen.add(id(cell._tc))
                    yield cell.text, None


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
    lines = list(_lines(document))
    result = normalise("\n".join(text for text, _ in lines))
    if not result.text.strip():
        raise InputError(path, "the document holds no text")
    check_printable(result.text, path)
    steps = {"encoding": "docx", **result.steps}
    headings: list[list[int]] = []
    start = 0
    for text, level in lines:
        if level is not None and text.strip():
            headings.append([result.offsets(start), result.offsets(start + len(text)), level])
        start += len(text) + 1
    meta = {"headings": headings} if headings else {}
    return [SourceDocument(name=path.name, text=result.text, source=str(path), normalisation=steps, meta=meta)]
