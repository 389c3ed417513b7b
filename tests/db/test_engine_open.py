"""Opening a project whose schema is current skips Alembic, and knows the same head revision Alembic does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from biaozhu.db.engine import alembic_config, create_project_engine
from biaozhu.db.models import SCHEMA_REVISION


def test_the_schema_revision_the_models_name_is_the_newest_migration() -> None:
    assert SCHEMA_REVISION == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_opening_a_current_project_does_not_load_alembic(sqlite_path: Path) -> None:
    create_project_engine(sqlite_path).dispose()  # created and migrated: this one needs Alembic
    probe = ("import sys; from biaozhu.db.engine import create_project_engine; "
             f"create_project_engine({str(sqlite_path)!r}).dispose(); print('alembic' in sys.modules)")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "False"
