"""Alembic environment: runs on the connection biaozhu hands it, in batch mode for SQLite."""

from alembic import context
from sqlalchemy import create_engine

from biaozhu.db.models import Base

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # the ``alembic`` command line, pointed at a URL
        url = config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("alembic: set sqlalchemy.url to the project's database")
        engine = create_engine(url)
        with engine.begin() as own:
            _migrate(own)
        return
    _migrate(connection)


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run()
