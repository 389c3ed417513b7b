"""A consistent copy of a SQLite project while it is in use, with SQLite's online backup API.

The copy is taken in one step, inside one read snapshot: annotators keep writing (WAL lets them), and
the copy holds every edit committed before it started and none after. It is written to a temporary
file beside the target, checked, and renamed into place, so a failed backup leaves no half file.
A PostgreSQL project is backed up with the server's own tool, pg_dump.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from biaozhu.corpus.errors import Refusal
from biaozhu.db.errors import StorageError


class BackupRefused(Refusal, ValueError):
    """A backup that would not do what the user wants; the message says why."""


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    size: int
    documents: int
    spans: int


def pg_dump_hint(engine: Engine) -> str:
    url = make_url(engine.url).set(drivername="postgresql", password=None)
    return (f"this project is on a database server: back it up there with pg_dump, e.g. "
            f"pg_dump '{url.render_as_string(hide_password=True)}' > biaozhu-backup.sql")


def backup_sqlite(engine: Engine, target: Path, *, overwrite: bool = False) -> BackupResult:
    """Copy the project behind ``engine`` to ``target`` while others may be writing to it."""
    if engine.dialect.name != "sqlite":
        raise BackupRefused(pg_dump_hint(engine))
    source_path = Path(engine.url.database or "").resolve()
    target = target.expanduser().resolve()
    if target == source_path:
        raise BackupRefused(f"{target} is the project itself: choose another file for the backup")
    if target.exists() and not overwrite:
        raise BackupRefused(f"{target} exists already: choose another name, or pass --force to replace it")
    if not target.parent.is_dir():
        raise BackupRefused(f"there is no folder {target.parent}")
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    os.close(fd)
    os.chmod(temporary, source_path.stat().st_mode & 0o777)  # as readable as the project, not mkstemp's 0600
    try:
        with engine.connect() as connection:
            copy = sqlite3.connect(temporary)
            try:
                # pages=-1: the whole database in one step, so the copy is one snapshot (a stepwise copy
                # restarts whenever another process writes, and might never finish on a busy project).
                driver = connection.connection.driver_connection
                assert driver is not None  # a connection checked out of the pool
                driver.backup(copy, pages=-1)
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
                if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise StorageError(f"{target}: the copy did not pass SQLite's check; the backup was not kept")
                documents = copy.execute("SELECT count(*) FROM documents").fetchone()[0]
                spans = copy.execute("SELECT count(*) FROM spans").fetchone()[0]
            finally:
                copy.close()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return BackupResult(target, target.stat().st_size, documents, spans)
