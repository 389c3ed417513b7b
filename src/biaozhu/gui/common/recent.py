"""The projects a person opened lately (File ▸ Recent projects) and the folders the file pickers last showed,
kept in QSettings, and the short name a window title gives a project.

A server's URL is kept without its password: the password is asked for again, or libpq reads it from
``~/.pgpass``; it is never written anywhere in plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from biaozhu.db.location import chosen_target, default_database

RECENT_KEY = "projects/recent"
MOST_RECENT = 8


def is_server(target: str) -> bool:
    return "://" in target and not target.startswith("sqlite")


def without_password(target: str) -> str:
    """``target`` as it may be remembered and shown: a URL's password taken out."""
    if "://" not in target:
        return target
    from sqlalchemy.engine import URL, make_url  # a URL: the app's start (a path) goes without SQLAlchemy
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(target)
    except ArgumentError:
        return target
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)
    return bare.render_as_string(hide_password=False)


def project_name(target: str | None) -> str:
    """What a window title calls the project: a file's name without .sqlite, a server's database@host; the
    project biaozhu opens when none is named is the default project."""
    chosen = chosen_target(target)
    if "://" not in chosen:
        return _file_name(Path(chosen).expanduser().resolve())
    from sqlalchemy.engine import make_url  # a URL: the app's start (a path) goes without SQLAlchemy

    url = make_url(chosen)
    if url.get_backend_name() == "sqlite":
        return _file_name(Path(url.database or ""))
    return f"{url.database}@{url.host}" if url.host else str(url.database)


def _file_name(path: Path) -> str:
    if path == default_database().resolve():
        return QCoreApplication.translate("Projects", "default project")
    return path.stem or str(path)


def recent_projects() -> list[str]:
    """Paths and URLs, the latest first."""
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings gives back a one-item list as the item
        return [value]
    return [str(item) for item in value] if isinstance(value, list) else []


def _store(projects: list[str]) -> None:
    settings = QSettings()
    settings.setValue(RECENT_KEY, projects[:MOST_RECENT])
    settings.sync()


def remember_project(target: str) -> None:
    """``target`` (a path, made absolute, or a URL, its password taken out) goes to the top of the list."""
    shown = without_password(target) if "://" in target else str(Path(target).expanduser().resolve())
    _store([shown, *(item for item in recent_projects() if item != shown)])


def forget_project(target: str) -> None:
    _store([item for item in recent_projects() if item != target])


def forget_all_projects() -> None:
    _store([])


def last_folder(purpose: str) -> str:
    """Where the file picker for ``purpose`` ("import", "projects") showed last: the home folder at first."""
    value = QSettings().value(f"folders/{purpose}", "")
    return value if isinstance(value, str) and Path(value).is_dir() else str(Path.home())


def remember_folder(purpose: str, chosen: str | Path) -> None:
    """The folder of ``chosen`` (a file, or a folder's parent) is where the picker opens next time."""
    QSettings().setValue(f"folders/{purpose}", str(Path(chosen).parent))
