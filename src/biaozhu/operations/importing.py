"""Bringing files into a project: what ``biaozhu import`` and the app's Import… (and a drop on the window) both
run, so the two follow the same rules.

Each file is read whole and then stored in one transaction: a file that cannot be imported (binary, empty,
undecodable, a bad line, a span out of range or crossing another, labels the project lacks) is reported with
its file and line and nothing of it is stored; the other files are imported. A cancel is looked at between
files, after a file is read and once more before its transaction commits, so a cancelled file leaves nothing
behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from biaozhu.corpus.errors import InputError, Refusal
from biaozhu.corpus.formats import EXTENSIONS, read_file
from biaozhu.corpus.formats.guard import DEFAULT_MAX_SIZE
from biaozhu.db.errors import storage_errors
from biaozhu.db.importing import ImportResult, store_documents

Transaction = Callable[[], AbstractContextManager[Session]]  # ``sessions.begin``: one transaction per call


class ImportCancelled(Exception):
    """The user cancelled: the file being imported was rolled back, the ones after it not started."""


@dataclass(frozen=True)
class ImportOptions:
    """``--annotator`` (whose spans a file holds when it does not say), ``--create-labels``, ``--format``,
    ``--max-size`` (bytes one file may be or unpack to), and who imports (for the audit log)."""

    annotator: str | None = None
    create_labels: bool = False
    format: str | None = None
    max_size: int = DEFAULT_MAX_SIZE
    actor: str | None = None


@dataclass
class FileImport:
    """One file's outcome: what it added (``result``), or the refusal (every error of the file, when it is an
    :class:`~biaozhu.corpus.errors.InputErrors`) that kept all of it out."""

    path: Path
    result: ImportResult | None = None
    error: Refusal | None = None
    notes: list[str] = field(default_factory=list)  # what the reader skipped or changed on purpose


def _brat_text(path: Path) -> bool:
    """A .txt with an .ann beside it is read through its .ann (one brat document), not on its own."""
    return path.suffix.lower() == ".txt" and path.with_suffix(".ann").exists()


def collect(paths: list[Path], brat: bool = True) -> Iterator[Path]:
    """Named files as given; inside folders, the files whose extension biaozhu reads, sorted; a brat pair once
    (``brat``: a .txt with an .ann beside it is that .ann's document; off when a format is forced)."""
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS
                           and not (brat and _brat_text(p))
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                yield path  # reported: nothing in it can be imported
        else:
            found = [path.with_suffix(".ann") if brat and _brat_text(path) else path]
        for file in found:
            if file not in seen:
                seen.add(file)
                yield file


def files_to_import(paths: list[Path], options: ImportOptions) -> list[Path]:
    """Every file an import of ``paths`` reads, in the order it reads them."""
    return list(collect(paths, brat=options.format in (None, "brat")))


def import_file(begin: Transaction, path: Path, options: ImportOptions,
                cancelled: Callable[[], bool] = lambda: False) -> FileImport:
    """Read ``path`` and store it in one transaction. A refusal comes back in the outcome (the other files go
    on); a storage failure is raised (it concerns the project, not the file); ``cancelled()`` true before the
    commit rolls the file back and raises :class:`ImportCancelled`."""
    try:
        if path.is_dir():
            raise InputError(path, f"the folder holds no file biaozhu imports ({', '.join(sorted(EXTENSIONS))})")
        if not path.exists() and not path.is_symlink():
            raise InputError(path, "no such file or folder")
        documents = read_file(path, options.annotator, options.format, options.max_size)
        if cancelled():  # before storing: a cancel during a long read stops at once
            raise ImportCancelled(str(path))
        with storage_errors(str(path)), begin() as session:
            result = store_documents(session, str(path), documents, create_labels=options.create_labels,
                                     actor=options.actor)
            if cancelled():
                raise ImportCancelled(str(path))
    except Refusal as exc:
        return FileImport(path, error=exc)
    return FileImport(path, result, notes=[note for document in documents for note in document.notes])


def import_files(begin: Transaction, files: list[Path], options: ImportOptions,
                 cancelled: Callable[[], bool] = lambda: False) -> Iterator[FileImport]:
    """:func:`import_file` for each of ``files`` (from :func:`files_to_import`), each outcome as it comes."""
    for path in files:
        if cancelled():
            raise ImportCancelled(str(path))
        yield import_file(begin, path, options, cancelled)
