"""Writing an export so that a reader never sees half of it: a temporary file (or folder) beside the
target, renamed into place only when everything was written. An error or a cancel removes it."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

STDOUT = "-"


def _umask() -> int:
    """The process's umask (temporary files are private; the finished export gets the usual permissions)."""
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def output(target: str) -> Iterator[BinaryIO]:
    """Standard output, a device or pipe as it is, else a temporary file beside the target renamed into place."""
    if target == STDOUT:
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    path = Path(target)
    if path.exists() and not path.is_file():  # /dev/null, a named pipe: write to it, never replace it
        if path.is_dir():
            raise ValueError(f"{target} is a folder; this format writes a file")
        with path.open("wb") as handle:
            yield handle
        return
    fd, temporary = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


@contextmanager
def output_folder(target: Path) -> Iterator[Path]:
    """A temporary folder beside ``target``; when complete it replaces ``target``, which may only hold an earlier
    export."""
    if target.exists() and not target.is_dir():
        raise ValueError(f"{target} is a file; this format writes a folder")
    if target.exists() and any(p.is_file() and p.suffix not in {".txt", ".ann", ".conf"} for p in target.rglob("*")):
        raise ValueError(f"{target} holds other files than an earlier brat export; choose a new folder")
    made_parent = not target.parent.exists()  # a split's folder: removed again when nothing is written
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        yield temporary
        os.chmod(temporary, 0o777 & ~_umask())
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old."))
            os.replace(target, old / "previous")
            os.replace(temporary, target)
            shutil.rmtree(old)
        else:
            os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        if made_parent and not any(target.parent.iterdir()):
            target.parent.rmdir()
        raise


def inside(folder: Path, relative: str, written: set[str]) -> Path:
    """``folder / relative``, refused unless it stays inside ``folder`` and was not written before in this export:
    a writer's bug must never overwrite a file outside the target or one of its own files."""
    path = (folder / relative).resolve()
    if not path.is_relative_to(folder.resolve()) or path == folder.resolve():
        raise RuntimeError(f"refused to write {relative!r}: it is not inside the export folder")
    if str(path).casefold() in written:  # casefolded: a case-insensitive file system would merge them
        raise RuntimeError(f"refused to write {relative!r} twice in one export")
    written.add(str(path).casefold())
    return path
