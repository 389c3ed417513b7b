"""Reports as they arrive besides .txt and .docx: PDF with a text layer, Word 97 .doc and WPS .wps, by extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from biaozhu.corpus.formats.pdf import read_pdf
from biaozhu.corpus.formats.worddoc import read_doc
from biaozhu.corpus.model import SourceDocument

REPORT_READERS: dict[str, Callable[[Path, str | None], list[SourceDocument]]] = {
    "pdf": read_pdf,
    "doc": read_doc,
}
REPORT_EXTENSIONS: dict[str, str] = {".pdf": "pdf", ".doc": "doc", ".wps": "doc"}
