"""Alembic: an old project upgrades on open, and the migrations agree with the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text

from biaozhu.db.engine import alembic_config, create_project_engine
from biaozhu.db.errors import StorageError
from biaozhu.db.models import Annotator, Base, Span


def _upgrade_to(url: str, revision: str) -> None:
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_a_first_revision_project_opens_upgraded_with_its_data(db_url: str) -> None:
    _upgrade_to(db_url, "0001")
    old = create_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    with old.begin() as connection:
        connection.execute(text("INSERT INTO annotators (id, name, created_at) VALUES (1, 'alice', '2022-01-01')"))
        connection.execute(text("INSERT INTO labels (id, name, title, color, definition, position) "
                                "VALUES (1, 'METRIC', '指标', '#8ecae6', '', 0)"))
        connection.execute(text("INSERT INTO documents (id, name, source, text, length, sha256, normalisation, meta, "
                                "created_at) VALUES (1, 'r', '', '共1007户', 6, 'x', '{}', '{}', '2022-01-01')"))
        connection.execute(text("INSERT INTO spans (document_id, annotator_id, label_id, start, \"end\", text, note, "
                                "created_at, updated_at) VALUES (1, 1, 1, 1, 6, '1007户', '', '2022-01-01', "
                                "'2022-01-01')"))
    old.dispose()

    engine = create_project_engine(db_url)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_heads() == ("0008",)
        assert connection.execute(select(Annotator.role)).scalar_one() == "annotator"
        assert connection.execute(select(Span.text, Span.origin_id)).one() == ("1007户", None)
        # the METRIC span already there got its value in the migration (issue 16)
        assert connection.execute(select(Span.value, Span.unit, Span.qualifier, Span.value_by_hand)).one() == (
            "1007", "户", "exact", False)
        assert {"trash", "rejections"} <= set(inspect(connection).get_table_names())
    engine.dispose()


def test_migrations_and_models_agree(db_url: str) -> None:
    engine = create_project_engine(db_url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_to_the_first_revision_and_back(sqlite_path: Path) -> None:
    create_project_engine(sqlite_path).dispose()
    config = alembic_config()
    engine = create_engine(f"sqlite:///{sqlite_path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        first = set(inspect(connection).get_table_names())
        assert {"documents", "spans", "labels", "annotators"} <= first
        assert not {"trash", "rejections"} & first  # what later revisions add is gone again
        assert "role" not in {column["name"] for column in inspect(connection).get_columns("annotators")}
        command.upgrade(config, "head")
        diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_a_newer_schema_is_refused_with_a_sentence(sqlite_path: Path) -> None:
    create_project_engine(sqlite_path).dispose()
    engine = create_engine(f"sqlite:///{sqlite_path}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StorageError, match="newer biaozhu"):
        create_project_engine(sqlite_path)


def test_every_sqlite_connection_is_tuned(sqlite_path: Path) -> None:
    engine = create_project_engine(sqlite_path)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    engine.dispose()
