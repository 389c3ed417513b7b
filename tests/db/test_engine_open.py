"""Opening a project whose schema is current skips Alembic, and knows the same head revision Alembic does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

import pg_server
from biaozhu.db.engine import alembic_config, create_project_engine
from biaozhu.db.errors import StorageError, storage_errors
from biaozhu.db.models import SCHEMA_REVISION


def test_the_schema_revision_the_models_name_is_the_newest_migration() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_REVISION


def test_opening_a_current_project_does_not_load_alembic(sqlite_path: Path) -> None:
    create_project_engine(sqlite_path).dispose()  # created and migrated: this one needs Alembic
    probe = ("import sys; from biaozhu.db.engine import create_project_engine; "
             f"create_project_engine({str(sqlite_path)!r}).dispose(); print('alembic' in sys.modules)")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "False"


def test_a_server_that_drops_the_connection_is_a_sentence_not_a_traceback(pg_admin_url: str) -> None:
    with pg_server.fresh_database(pg_admin_url, "biaozhu_test") as url:
        engine = create_project_engine(url)
        try:
            with engine.connect() as connection:
                backend = connection.scalar(text("SELECT pg_backend_pid()"))
                admin = create_engine(pg_admin_url)
                with admin.begin() as stopper:
                    stopper.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
                admin.dispose()
                with pytest.raises(StorageError, match="closed the connection"), storage_errors():
                    connection.execute(text("SELECT 1"))
        finally:
            engine.dispose()
