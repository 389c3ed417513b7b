"""Where a project's learned model lives, and how unsure it is of each document: files only (no table, no
migration), light to import (the window reads the ratings at start; :mod:`biaozhu.operations.model`, which trains,
is imported when a training starts).

The model lies beside a SQLite project (``project.sqlite.model``); a server project's in the user data folder,
named after its URL without the password. The documents' uncertainty lies beside it in ``….uncertainty.json``
(:mod:`biaozhu.operations.ratings`).
Both are written to a partial file and swapped in with ``os.replace``: a reader sees the old file or the new one.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.engine import URL


def model_path(url: URL) -> Path:
    """Where the project's model lives: beside a SQLite file, else in the user data folder, keyed by the URL."""
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        project = Path(url.database.removeprefix("file:"))
        return project.with_name(project.name + ".model")
    key = hashlib.sha256(url.render_as_string(hide_password=True).encode()).hexdigest()[:16]
    return Path(user_data_dir("biaozhu", appauthor=False)) / "models" / f"{key}.model"


def uncertainty_path(model: Path) -> Path:
    return model.with_name(model.name + ".uncertainty.json")


Rating = tuple[float, str, str]  # uncertainty, the document text's sha256, the model that gave it


def read_ratings(path: Path) -> dict[int, Rating]:
    """The ratings in ``path``; none when it is missing, damaged, or of the format before digests were kept."""
    try:
        raw = json.loads(path.read_text("utf-8"))
        return {int(document): (float(value), str(digest), str(model))
                for document, (value, digest, model) in raw["documents"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def uncertainty(url: URL) -> dict[int, float]:
    """How unsure the model is of each document (0 sure … 1), as last rated; empty before any model."""
    return {document: rating[0] for document, rating in read_ratings(uncertainty_path(model_path(url))).items()}


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a partial file beside ``path``, then swap it in: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
