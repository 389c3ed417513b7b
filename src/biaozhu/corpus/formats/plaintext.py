"""Plain ``.txt`` reports: one file, one document."""

from __future__ import annotations

from pathlib import Path

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.text import load_text


def read_txt(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """Decode, normalise and name the document after its file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror}") from None
    loaded = load_text(data, path)
    notes = [f"{path}: {loaded.note}"] if loaded.note else []
    return [SourceDocument(name=path.name, text=loaded.text, source=str(path), normalisation=loaded.steps,
                           notes=notes)]
