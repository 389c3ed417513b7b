"""File formats biaozhu reads and writes, chosen by extension or by name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats.doccano import read_doccano
from biaozhu.corpus.formats.docx import read_docx
from biaozhu.corpus.formats.plaintext import read_txt
from biaozhu.corpus.model import SourceDocument

Reader = Callable[[Path, str | None], list[SourceDocument]]

READERS: dict[str, Reader] = {
    "txt": read_txt,
    "docx": read_docx,
    "jsonl": read_doccano,
}
EXTENSIONS: dict[str, str] = {".txt": "txt", ".docx": "docx", ".jsonl": "jsonl"}


def format_of(path: Path, requested: str | None = None) -> str:
    """The format to read ``path`` with: the one asked for, else the one its extension names."""
    if requested:
        if requested not in READERS:
            raise InputError(path, f"unknown format {requested!r}; known: {', '.join(sorted(READERS))}")
        return requested
    found = EXTENSIONS.get(path.suffix.lower())
    if found is None:
        raise InputError(path, f"cannot import {path.suffix or 'files without an extension'}; "
                         f"known: {', '.join(sorted(EXTENSIONS))}")
    return found


def read_file(path: Path, annotator: str | None = None, requested: str | None = None) -> list[SourceDocument]:
    """Read one file completely (or raise), so that storing it can be one transaction."""
    return READERS[format_of(path, requested)](path, annotator)
