"""The files biaozhu reads, told apart by extension and, where one extension serves several formats (``.jsonl``,
``.txt`` beside a brat ``.ann``), by looking inside. Every reader is imported here: the package loads this module
only when a name of it is asked for (see ``biaozhu/corpus/formats/__init__.py``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats import conll
from biaozhu.corpus.formats.brat import read_brat
from biaozhu.corpus.formats.cluener import read_cluener
from biaozhu.corpus.formats.common import first_json_line
from biaozhu.corpus.formats.doccano import read_doccano
from biaozhu.corpus.formats.docx import read_docx
from biaozhu.corpus.formats.guard import check_documents, check_regular, size_limit
from biaozhu.corpus.formats.hf import read_hf
from biaozhu.corpus.formats.labelstudio import read_labelstudio
from biaozhu.corpus.formats.plaintext import read_txt
from biaozhu.corpus.formats.reports import REPORT_EXTENSIONS, REPORT_READERS
from biaozhu.corpus.formats.spacy_docbin import read_docbin
from biaozhu.corpus.formats.spans_jsonl import read_spans
from biaozhu.corpus.model import SourceDocument

Reader = Callable[[Path, str | None], list[SourceDocument]]

READERS: dict[str, Reader] = {
    "txt": read_txt,
    "docx": read_docx,
    "jsonl": read_doccano,
    "doccano-entities": read_doccano,
    "spans": read_spans,
    "hf": read_hf,
    "cluener": read_cluener,
    "conll": conll.read_conll,
    "brat": read_brat,
    "labelstudio": read_labelstudio,
    "spacy": read_docbin,
    **REPORT_READERS,
}
EXTENSIONS: dict[str, str] = {".txt": "txt", ".docx": "docx", ".jsonl": "jsonl", ".json": "labelstudio",
                              ".ann": "brat", ".spacy": "spacy", **{ext: "conll" for ext in conll.EXTENSIONS},
                              **REPORT_EXTENSIONS}


def sniff_jsonl(path: Path) -> str:
    """Which JSON-lines format a file is, from its first record's keys."""
    record = first_json_line(path)
    if not isinstance(record, dict):
        return "jsonl"  # doccano's reader names the bad line
    if "ner_tags" in record and "tokens" in record:
        return "hf"
    if "spans" in record or "tokens" in record:
        return "spans"
    if isinstance(record.get("label"), dict):
        return "cluener"
    return "jsonl"


def format_of(path: Path, requested: str | None = None) -> str:
    """The format to read ``path`` with: the one asked for, else the one its extension and content say."""
    if requested:
        if requested not in READERS:
            raise InputError(path, f"unknown format {requested!r}; known: {', '.join(sorted(READERS))}")
        return requested
    suffix = path.suffix.lower()
    if suffix == ".txt" and path.with_suffix(".ann").exists():
        return "brat"
    found = EXTENSIONS.get(suffix)
    if found is None:
        raise InputError(path, f"cannot import {path.suffix or 'files without an extension'}; "
                         f"known: {', '.join(sorted(EXTENSIONS))}")
    return sniff_jsonl(path) if found == "jsonl" else found


def read_file(path: Path, annotator: str | None = None, requested: str | None = None,
              max_size: int | None = None) -> list[SourceDocument]:
    """Read one file completely (or raise), so that storing it can be one transaction; a regular file of at
    most ``max_size`` bytes (None: the default), unpacking to no more, its documents within the store's limits."""
    with size_limit(max_size):
        check_regular(path)
        return check_documents(READERS[format_of(path, requested)](path, annotator), path)
