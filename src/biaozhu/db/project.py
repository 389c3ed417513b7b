"""Opening a project, and its first start: default labels, and the seed reports in the default project."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from contextlib import closing
from enum import Enum
from functools import partial
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, inspect, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

import biaozhu
from biaozhu.db.engine import (
    BUSY_TIMEOUT_MS,
    create_project_engine,
    lock_project,
    server_connect_args,
    session_factory,
)
from biaozhu.db.errors import (
    CORRUPT,
    NOT_A_DATABASE,
    NOT_A_PROJECT,
    OTHER_DAMAGED,
    StorageError,
    known_storage_error,
    storage_errors,
)
from biaozhu.db.labels import add_default_labels
from biaozhu.db.location import database_url
from biaozhu.db.models import SCHEMA_REVISION, Document, Label


def seeds_dir() -> Path:
    """The two seed reports: packaged inside the wheel, or at the top of a source checkout."""
    packaged = resources.files("biaozhu").joinpath("seeds")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(biaozhu.__file__).resolve().parents[2] / "seeds"


def is_new(session: Session) -> bool:
    return not session.scalar(select(func.count(Label.id))) and not session.scalar(select(func.count(Document.id)))


def initialise(session: Session, *, with_seeds: bool) -> bool:
    """Give a brand-new project its labels (and the seed reports); returns whether anything was done."""
    lock_project(session.connection())  # two desktops starting on a new server project: one sets it up
    if not is_new(session):
        return False
    add_default_labels(session)
    if with_seeds:
        from biaozhu.corpus.formats.plaintext import read_txt  # the readers: imported for a new project only
        from biaozhu.db.importing import store_documents

        for path in sorted(seeds_dir().glob("*.txt")):
            store_documents(session, str(path), read_txt(path))
    return True


class Found(Enum):
    """What a ``--db`` names, found without changing it."""

    NOTHING = "nothing"  # no file, an empty file, or a server database without tables
    OTHER = "other"  # a database holding tables that are not a biaozhu project's
    PROJECT = "project"


def shown(url: URL) -> str:
    """The project as the user named it: a SQLite file's path, else the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ""
    return url.render_as_string(hide_password=True)


def sqlite_read_only_uri(path: str | os.PathLike[str]) -> str:
    """A URI that opens the file for reading only: SQLite refuses every write through it.

    Reading a WAL project still makes its ``-wal`` and ``-shm`` files when they are not there. They are not
    there when no program has the project open (and it was closed cleanly): then it is read as immutable,
    which creates nothing. When they are there, another program may be writing, and SQLite's locks are kept.
    """
    resolved = Path(path).resolve()
    in_use = Path(f"{resolved}-wal").exists() or Path(f"{resolved}-shm").exists()
    return f"{resolved.as_uri()}?mode=ro" + ("" if in_use else "&immutable=1")


def _sqlite_tables(path: Path) -> set[str]:
    try:
        with closing(sqlite3.connect(sqlite_read_only_uri(path), uri=True)) as connection:
            return {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        known = known_storage_error(exc, str(path))
        if known is None:
            raise
        raise known from None


def find_project(url: URL) -> Found:
    """Whether ``url`` holds a biaozhu project, nothing, or something else, looked at read-only."""
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if not url.database or url.database == ":memory:" or not path.is_file() or path.stat().st_size == 0:
            return Found.NOTHING
        tables = _sqlite_tables(path)
    else:
        engine = create_engine(url, connect_args=server_connect_args(url))
        try:
            with storage_errors(shown(url)), engine.connect() as connection:
                tables = set(inspect(connection).get_table_names())
        finally:
            engine.dispose()
    if "alembic_version" in tables:
        return Found.PROJECT
    return Found.OTHER if tables else Found.NOTHING


class NoProject(StorageError):
    """``--db`` names no biaozhu project: a typo must not silently give an empty one."""


def open_project(db: str | None, *, new_project: Callable[[str], None] | None = None
                 ) -> tuple[Engine, sessionmaker[Session]]:
    """Engine and sessions on ``db``; a new project gets labels, the default one also the seeds.

    Only commands that bring data in pass ``new_project``: they may create a missing project, and are told
    so with a sentence to show. Every other command is refused when ``db`` holds no project, and nothing
    (no file, no folder) is created. The embedded default project is created on first use by any command.
    """
    default = not db and not os.environ.get("BIAOZHU_DB")
    url = make_url(database_url(db))
    found = find_project(url)
    if found is Found.OTHER:
        raise NoProject(f"{shown(url)}: {NOT_A_PROJECT}")
    if found is Found.NOTHING and new_project is None and not default:
        raise NoProject(f"{shown(url)}: there is no biaozhu project there, and nothing was created: check --db "
                        "(`biaozhu import` or the app start a new project)")
    engine = create_project_engine(db)
    sessions = session_factory(engine)
    with storage_errors(), sessions.begin() as session:
        initialise(session, with_seeds=default)
    if found is Found.NOTHING and new_project is not None:
        new_project(f"created a new project: {shown(url)}")
    return engine, sessions


def say(sentence: str) -> None:
    """Tell the user on standard error (what a command reports to ``new_project``)."""
    print(f"biaozhu: {sentence}", file=sys.stderr)


def _read_only_connection(uri: str) -> sqlite3.Connection:
    connection = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return connection


def _schema_revision(engine: Engine, where: str) -> str:
    with storage_errors(where), engine.connect() as connection:
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() or ""


def open_read_only(target: str) -> Engine:
    """Another project, to read from and never change: a SQLite file is opened read-only (SQLite refuses every
    write, and nothing is created beside it: no WAL, no new tables), a server's in read-only transactions; the
    schema is never upgraded. Refused with a sentence: no project there, another program's database, or a
    project of another biaozhu version (its owner opens it with this version first)."""
    url = make_url(database_url(target))
    where = shown(url)
    try:
        return _open_read_only(url, where)
    except StorageError as exc:
        if str(exc).endswith((NOT_A_DATABASE, CORRUPT)):
            raise StorageError(f"{where}: {OTHER_DAMAGED}") from None
        raise


def _intact(engine: Engine, where: str) -> bool:
    """Whether SQLite finds every page of the file readable: a damaged page deep inside would otherwise stop the
    merge halfway, with a sentence that could be about either project."""
    with storage_errors(where), engine.connect() as connection:
        return connection.exec_driver_sql("PRAGMA quick_check").scalar() == "ok"


def _open_read_only(url: URL, where: str) -> Engine:
    found = find_project(url)
    if found is not Found.PROJECT:
        what = "another program's database" if found is Found.OTHER else "missing or empty"
        raise NoProject(f"{where}: not a biaozhu project ({what}); nothing was read")
    if url.get_backend_name() == "sqlite":
        uri = sqlite_read_only_uri(url.database or "")
        engine = create_engine("sqlite://", creator=partial(_read_only_connection, uri))
        # One snapshot for the whole merge, as the project's own reads (see biaozhu.db.engine._begin_sqlite).
        event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    else:
        engine = create_engine(url, connect_args=server_connect_args(url)).execution_options(postgresql_readonly=True)
    try:
        revision = _schema_revision(engine, where)
    except BaseException:  # a refused source leaves no connection open
        engine.dispose()
        raise
    if revision != SCHEMA_REVISION:
        engine.dispose()
        newer = revision > SCHEMA_REVISION
        raise StorageError(f"{where}: this project was saved by {'a newer' if newer else 'an older'} biaozhu "
                           f"(schema {revision}, this one reads {SCHEMA_REVISION}); "
                           + ("update biaozhu to merge it" if newer else
                              "open it once with this biaozhu (that upgrades it), then merge it")
                           + "; nothing was changed")
    if url.get_backend_name() == "sqlite" and not _intact(engine, where):
        engine.dispose()
        raise StorageError(f"{where}: {OTHER_DAMAGED}")
    return engine
