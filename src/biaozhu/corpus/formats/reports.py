"""Reports as they arrive besides .txt and .docx, by extension: PDF with a text layer, OFD, Word 97 .doc and
WPS .wps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from biaozhu.corpus.formats.ofd import read_ofd
from biaozhu.corpus.formats.pdf import read_pdf
from biaozhu.corpus.formats.worddoc import read_doc
from biaozhu.corpus.model import SourceDocument

REPORT_READERS: dict[str, Callable[[Path, str | None], list[SourceDocument]]] = {
    "pdf": read_pdf,
    "doc": read_doc,
    "ofd": read_ofd,
}
REPORT_EXTENSIONS: dict[str, str] = {".pdf": "pdf", ".doc": "doc", ".wps": "doc", ".ofd": "ofd"}
