"""Opening a project: a SQLite path or any SQLAlchemy URL, tuned connections, schema upgraded on open."""

from __future__ import annotations

import os
import sqlite3
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.errors import (
    NOT_A_PROJECT,
    READ_ONLY_AND_OLD,
    UPGRADE_BROKE_A_FOREIGN_KEY,
    StorageError,
    known_storage_error,
)
from biaozhu.db.location import database_url
from biaozhu.db.models import SCHEMA_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

# How long a write waits for another process's write to finish before telling the user the project is busy.
BUSY_TIMEOUT_MS = int(os.environ.get("BIAOZHU_BUSY_TIMEOUT_MS", "15000"))
# How long connecting to a team server may take before the user is told it cannot be reached (libpq's default is
# to wait for ever: a server address that swallows packets froze the window).
CONNECT_TIMEOUT_S = int(os.environ.get("BIAOZHU_CONNECT_TIMEOUT_S", "10"))
PROJECT_LOCK_KEY = 0x62697A68  # 'bizh': the advisory lock that serialises set-up on PostgreSQL
# Every engine opened here, so a command run in-process (tests, scripts) can close its connections when it ends.
_open_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def server_connect_args(url: URL, busy_timeout_ms: int | None = None) -> dict[str, Any]:
    """psycopg's arguments for a server URL: give up connecting after :data:`CONNECT_TIMEOUT_S` (unless the URL
    says otherwise) and, for the project's own engine, wait for locks as long as SQLite does."""
    if url.get_backend_name() != "postgresql":
        return {}
    arguments: dict[str, Any] = {} if "connect_timeout" in url.query else {"connect_timeout": CONNECT_TIMEOUT_S}
    if busy_timeout_ms is not None:
        arguments["options"] = f"-c lock_timeout={busy_timeout_ms}"
    return arguments


def _use_wal(cursor: Any, busy_timeout_ms: int) -> None:
    """Switch the file to WAL (a no-op once it is). Switching a new file needs it alone for a moment, and
    SQLite does not wait for that: a desktop creating the same new project at the same moment as another got
    'locked' at once. So the switch is tried again until the busy timeout."""
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _tune_sqlite(dbapi_connection: Any, _record: Any, *, busy_timeout_ms: int, read_only: bool = False) -> None:
    """Every SQLite connection: foreign keys enforced, WAL, a busy timeout instead of 'locked'.

    The driver's own transaction handling is switched off (it begins late, after the reads, and never
    for DDL); :func:`_begin_sqlite` begins every transaction instead.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    cursor.execute("PRAGMA foreign_keys = ON")
    if not read_only:  # switching a file we cannot write to WAL fails; it is read as it is
        _use_wal(cursor, busy_timeout_ms)
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    """Take the write lock when a transaction begins, waiting up to the busy timeout for it.

    A transaction that reads first and writes later cannot wait for the lock (SQLite fails it at once as
    "database is locked" when another process wrote in between), so one user action = one transaction
    that holds the lock from its first statement: edits by several annotators queue instead of failing,
    checks and writes see the same data, and two processes creating a new project one after the other.
    Reads (``sessions()`` of :class:`ProjectSessions`) ask for :data:`READING` and begin deferred, so they
    never block writers.
    """
    if connection.get_execution_options().get("biaozhu_reading"):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


READING = {"biaozhu_reading": True}
"""Execution options for a transaction that only reads (SQLite begins it deferred, in a snapshot)."""


def lock_project(connection: Connection) -> None:
    """Serialise project-wide set-up (migrating, the first start) between processes on a server.

    SQLite already serialises it: every transaction begins holding the write lock. PostgreSQL gets a
    transaction-scoped advisory lock, so a second process waits and then finds the work done.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PROJECT_LOCK_KEY})


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("biaozhu.db").joinpath("migrations")))
    return config


def _set_foreign_keys(connection: Connection, on: bool) -> None:
    """SQLite ignores this pragma inside a transaction, so it goes to the driver, outside any."""
    driver = connection.connection.driver_connection
    assert driver is not None  # a connection checked out of the pool
    driver.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def _is_current(connection: Connection) -> bool:
    """Whether the stored schema is the newest revision, asked without Alembic (the usual case on open:
    importing Alembic took a quarter of a second at every start)."""
    if not inspect(connection).has_table("alembic_version"):
        return False
    return list(connection.execute(text("SELECT version_num FROM alembic_version")).scalars()) == [SCHEMA_REVISION]


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision; refuse a schema newer than this program knows.

    SQLite rebuilds tables to alter them (batch mode), so foreign keys are off while migrating and
    checked afterwards: a violation fails the upgrade instead of being left behind. Alembic is imported
    only when the schema is not already current. A database holding tables but no biaozhu schema is
    another program's, and is refused untouched.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        up_to_date = _is_current(connection)
        connection.rollback()
        if up_to_date:
            return
        if is_read_only(engine):
            raise StorageError(f"{(engine.url.database or '').removeprefix('file:')}: {READ_ONLY_AND_OLD}")
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = alembic_config()
        script = ScriptDirectory.from_config(config)
        current = MigrationContext.configure(connection).get_current_heads()
        foreign = not current and bool(inspect(connection).get_table_names())
        connection.rollback()
        if foreign:  # another program's database: adding biaozhu's tables to it would be a mess to undo
            raise StorageError(f"{engine.url.render_as_string(hide_password=True)}: {NOT_A_PROJECT}")
        unknown = [rev for rev in current if rev not in {r.revision for r in script.walk_revisions()}]
        if unknown:
            raise StorageError(f"this project was saved by a newer biaozhu (schema {unknown[0]}); "
                               "update biaozhu to open it")
        if set(current) == {script.get_current_head()}:
            return
        if sqlite:
            _set_foreign_keys(connection, False)
        try:
            with connection.begin():
                lock_project(connection)  # another process may be migrating: wait, then find it done
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StorageError(UPGRADE_BROKE_A_FOREIGN_KEY)
        finally:
            if sqlite:
                _set_foreign_keys(connection, True)


def is_read_only(engine: Engine) -> bool:
    """Whether the project was opened for reading only: a SQLite file this user cannot write."""
    return engine.url.get_backend_name() == "sqlite" and engine.url.query.get("mode") == "ro"


def _read_only_url(url: URL) -> URL:
    """A SQLite file that exists but cannot be written is opened read-only (SQLite's ``mode=ro``): reading it
    works, every write is refused with the read-only sentence, and nothing tries to switch or upgrade it."""
    path = Path(url.database or "")
    if url.get_backend_name() != "sqlite" or not url.database or not path.is_file() or os.access(path, os.W_OK):
        return url
    return url.set(database=f"file:{path}", query={"mode": "ro", "uri": "true"})


def create_project_engine(target: str | os.PathLike[str] | None = None, *, migrate: bool = True,
                          busy_timeout_ms: int | None = None) -> Engine:
    """An engine on the project, its schema up to date; a write waits ``busy_timeout_ms`` (by default
    :data:`BUSY_TIMEOUT_MS`) for another's lock."""
    if busy_timeout_ms is None:
        busy_timeout_ms = BUSY_TIMEOUT_MS
    url = _read_only_url(make_url(database_url(target)))
    # On a server, waiting for another desktop's lock ends after the same timeout as on SQLite, with the same message.
    waits = server_connect_args(url, busy_timeout_ms)
    if url.get_backend_name() == "sqlite" and url.database and url.query.get("mode") != "ro":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)  # only here: reading a project creates nothing
    engine = create_engine(url, connect_args=waits)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", partial(_tune_sqlite, busy_timeout_ms=busy_timeout_ms,
                                                read_only=is_read_only(engine)))
        event.listen(engine, "begin", _begin_sqlite)
    if migrate:
        try:
            upgrade(engine)
        except BaseException as exc:  # a refused or failed upgrade leaves no connection open
            engine.dispose()
            if not isinstance(exc, SQLAlchemyError):
                raise
            known = known_storage_error(exc, str(url.render_as_string(hide_password=True)))
            if known:
                raise known from None
            raise
    _open_engines.add(engine)
    return engine


def dispose_all() -> None:
    """Close every pooled connection of the engines opened here (files, WAL handles and server sessions)."""
    for engine in list(_open_engines):
        engine.dispose()


class ProjectSessions(sessionmaker[Session]):
    """``sessions()`` for reading, ``sessions.begin()`` for one user action that writes.

    On SQLite the two begin differently: a read is a snapshot that never waits for writers (a long export
    does not hold up annotators), a write holds the write lock from its first statement (see
    :func:`_begin_sqlite`). So write only inside ``sessions.begin()``.
    """

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine.execution_options(**READING), expire_on_commit=False)
        self.writer = engine

    @contextmanager
    def begin(self) -> Iterator[Session]:
        with self(bind=self.writer) as session, session.begin():
            yield session


def session_factory(engine: Engine) -> ProjectSessions:
    """Sessions that keep loaded objects usable after commit (the GUI reads them after saving)."""
    return ProjectSessions(engine)
