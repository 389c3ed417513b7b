"""Opening a project: a SQLite path or any SQLAlchemy URL, tuned connections, schema upgraded on open."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.errors import StorageError, known_storage_error

BUSY_TIMEOUT_MS = 15_000


def default_database() -> Path:
    """The embedded default project in the user's data folder."""
    return Path(user_data_dir("biaozhu", appauthor=False)) / "biaozhu.sqlite"


def database_url(target: str | os.PathLike[str] | None = None) -> str:
    """``--db`` value, else ``BIAOZHU_DB``, else the default project; a bare path means SQLite."""
    chosen = str(target) if target else os.environ.get("BIAOZHU_DB") or str(default_database())
    if "://" in chosen:
        return chosen
    path = Path(chosen).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """Every SQLite connection: foreign keys enforced, WAL, a busy timeout instead of 'locked'."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("biaozhu.db").joinpath("migrations")))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision; refuse a schema newer than this program knows.

    SQLite rebuilds tables to alter them (batch mode), so foreign keys are off while migrating and
    checked afterwards: a violation fails the upgrade instead of being left behind.
    """
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
        connection.rollback()
        unknown = [rev for rev in current if rev not in {r.revision for r in script.walk_revisions()}]
        if unknown:
            raise StorageError(f"this project was saved by a newer biaozhu (schema {unknown[0]}); "
                               "update biaozhu to open it")
        if set(current) == {script.get_current_head()}:
            return
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StorageError("the project's data broke a foreign key while upgrading; nothing was changed")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()


def create_project_engine(target: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Engine:
    """An engine on the project, its schema up to date."""
    url = make_url(database_url(target))
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
    if migrate:
        try:
            upgrade(engine)
        except SQLAlchemyError as exc:
            engine.dispose()
            known = known_storage_error(exc, str(url.render_as_string(hide_password=True)))
            if known:
                raise known from None
            raise
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (the GUI reads them after saving)."""
    return sessionmaker(engine, expire_on_commit=False)
