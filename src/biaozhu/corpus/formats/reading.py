"""The files biaozhu reads, told apart by extension and, where one extension serves several formats (``.jsonl``,
``.txt`` beside a brat ``.ann``), by looking inside. A format's reader is imported when a file of it is read:
together they (Word, PDF, OFD, CoNLL...) were 0.03 s of every ``biaozhu import``."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats.common import first_json_line
from biaozhu.corpus.formats.guard import check_documents, check_regular, size_limit
from biaozhu.corpus.model import SourceDocument

Reader = Callable[[Path, str | None], list[SourceDocument]]

# Each format's reader: a module of this package and its function. PDF with a text layer, OFD, Word 97 .doc and
# WPS .wps are the reports as they arrive besides .txt and .docx.
READERS: dict[str, tuple[str, str]] = {
    "txt": ("plaintext", "read_txt"),
    "docx": ("docx", "read_docx"),
    "jsonl": ("doccano", "read_doccano"),
    "doccano-entities": ("doccano", "read_doccano"),
    "spans": ("spans_jsonl", "read_spans"),
    "hf": ("hf", "read_hf"),
    "cluener": ("cluener", "read_cluener"),
    "conll": ("conll", "read_conll"),
    "brat": ("brat", "read_brat"),
    "labelstudio": ("labelstudio", "read_labelstudio"),
    "spacy": ("spacy_docbin", "read_docbin"),
    "pdf": ("pdf", "read_pdf"),
    "doc": ("worddoc", "read_doc"),
    "ofd": ("ofd", "read_ofd"),
}
CONLL_EXTENSIONS = (".conll", ".bio", ".bioes", ".bmes", ".iob", ".tsv")
EXTENSIONS: dict[str, str] = {".txt": "txt", ".docx": "docx", ".jsonl": "jsonl", ".json": "labelstudio",
                              ".ann": "brat", ".spacy": "spacy", **{ext: "conll" for ext in CONLL_EXTENSIONS},
                              ".pdf": "pdf", ".doc": "doc", ".wps": "doc", ".ofd": "ofd"}


def reader(name: str) -> Reader:
    """The reader of format ``name`` (one of :data:`READERS`), its module imported now."""
    module, function = READERS[name]
    found: Reader = getattr(import_module(f"biaozhu.corpus.formats.{module}"), function)
    return found


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
        return check_documents(reader(format_of(path, requested))(path, annotator), path)
