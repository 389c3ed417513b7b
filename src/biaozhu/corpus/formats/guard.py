"""What one file may bring into a project: regular files only (a FIFO would hang the import, a link to
/dev/zero fill the memory), at most ``--max-size`` bytes read or unpacked, and documents, names and labels
within the limits every backend holds. Each refusal is a sentence naming the file and line."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from biaozhu.corpus.errors import Errors, InputError, Refused
from biaozhu.corpus.labels import LABEL_NAME
from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.names import check_annotator, check_document, printable_path

MB = 1024 * 1024
DEFAULT_MAX_SIZE = 200 * MB
_max_size: ContextVar[int] = ContextVar("max_size", default=DEFAULT_MAX_SIZE)


def max_size() -> int:
    """The most bytes one file may be, or unpack to (a .docx's parts, a .spacy's data)."""
    return _max_size.get()


@contextmanager
def size_limit(size: int | None) -> Iterator[None]:
    """Reading within ``size`` bytes per file (None: the default)."""
    token = _max_size.set(size or DEFAULT_MAX_SIZE)
    try:
        yield
    finally:
        _max_size.reset(token)


def too_big(path: str | Path, what: str) -> InputError:
    """``what`` says how big, e.g. "the file is 250 MB"."""
    return InputError(path, f"{what}, more than the {max_size() / MB:.0f} MB one import may read or unpack "
                      "(import with --max-size MB to allow more)")


def check_regular(path: Path) -> None:
    """Refuse anything but a regular file of at most :func:`max_size` bytes, before opening it."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a named pipe" if stat.S_ISFIFO(info.st_mode) \
            else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "not a regular file"
        raise InputError(path, f"this is {kind}, not a file: only regular files are imported")
    if info.st_size > max_size():
        raise too_big(path, f"the file is {info.st_size / MB:.0f} MB")


def check_documents(documents: list[SourceDocument], path: Path) -> list[SourceDocument]:
    """Every document within the limits of the store, every error named with its line."""
    errors = Errors(path)
    for document in documents:
        with errors.each():
            try:
                document.name = printable_path(document.name)
                document.source = printable_path(document.source)
                check_document(document.name, document.text, document.meta)
                if document.spans:
                    document.annotator = check_annotator(document.annotator or "")
            except Refused as exc:
                raise InputError(path, str(exc), document.line) from None
            bad = sorted(label for label in {span.label for span in document.spans} if not LABEL_NAME.match(label))
            if bad:
                raise InputError(path, f"a label name is 1 to 64 characters without spaces, not "
                                 f"{', '.join(repr(label[:70]) for label in bad[:3])}", document.line)
    errors.check()
    return documents
