"""Where a project is: the ``--db`` value, ``BIAOZHU_DB`` or the default project in the user's data folder.
Importable without SQLAlchemy, so the app finds the project it paints first before SQLAlchemy is loaded."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir


def default_database() -> Path:
    """The embedded default project in the user's data folder."""
    return Path(user_data_dir("biaozhu", appauthor=False)) / "biaozhu.sqlite"


def chosen_target(target: str | os.PathLike[str] | None = None) -> str:
    """``--db`` value, else ``BIAOZHU_DB``, else the default project: a path or a URL, as given."""
    return str(target) if target else os.environ.get("BIAOZHU_DB") or str(default_database())


def database_url(target: str | os.PathLike[str] | None = None) -> str:
    """:func:`chosen_target` as a SQLAlchemy URL; a bare path means SQLite."""
    chosen = chosen_target(target)
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"
