"""Reports as they arrive besides .txt and .docx: PDF with a text layer (more formats join here), by extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from biaozhu.corpus.formats.pdf import read_pdf
from biaozhu.corpus.model import SourceDocument

REPORT_READERS: dict[str, Callable[[Path, str | None], list[SourceDocument]]] = {
    "pdf": read_pdf,
}
REPORT_EXTENSIONS: dict[str, str] = {".pdf": "pdf"}
