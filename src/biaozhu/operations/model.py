"""A project's learned model (:mod:`biaozhu.corpus.crf`): where its file lives, training it in another process, and
how unsure it is of each document (the order of active learning).

crfsuite's trainer holds the GIL for its whole run, so a window training in a thread would freeze: training runs
in a process of its own (:class:`Training`), which reads the project itself, trains, and swaps the new model file
in with ``os.replace`` (a reader sees the old model or the new one, never half of one). The file lies next to a
SQLite project (``project.sqlite.model``); a server project's lies in the user data folder, named after its URL.
Its metadata (what it learned, a fingerprint of that) is inside it; the documents' uncertainty lies beside it in
``….uncertainty.json``: no table, no migration.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from multiprocessing.connection import Connection
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, select
from sqlalchemy.engine import URL

from biaozhu.corpus.crf import Example, Model, Segment, train
from biaozhu.corpus.errors import Refused
from biaozhu.corpus.suggestions import Proposer
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.errors import storage_errors
from biaozhu.db.models import Document, Label
from biaozhu.db.suggestions import training_examples

NOTHING_TO_LEARN = "the model has nothing to learn from yet: mark documents done (or name layers with --from)"


def model_path(url: URL) -> Path:
    """Where the project's model lives: beside a SQLite file, else in the user data folder, keyed by the URL."""
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        project = Path(url.database.removeprefix("file:"))
        return project.with_name(project.name + ".model")
    key = hashlib.sha256(url.render_as_string(hide_password=True).encode()).hexdigest()[:16]
    return Path(user_data_dir("biaozhu", appauthor=False)) / "models" / f"{key}.model"


def uncertainty_path(model: Path) -> Path:
    return model.with_name(model.name + ".uncertainty.json")


@cache
def segmenter() -> Segment:
    """jieba's words, as the model's features see them (one segmenter per process: its dictionary takes a second)."""
    from biaozhu.corpus.segment import Segmenter

    return Segmenter().words


def load_model(url: URL) -> Model | None:
    """The project's model, None when there is none yet or its file cannot be read (it is trained again)."""
    try:
        return Model.load(model_path(url))
    except Refused:
        return None


def proposer(model: Model | None, labels: Sequence[str] | None = None) -> Proposer | None:
    """The model as an engine of :func:`biaozhu.corpus.suggestions.suggest`."""
    if model is None:
        return None
    return lambda text, candidates: model.suggest(text, segmenter(), labels, candidates)


def uncertainty(url: URL) -> dict[int, float]:
    """How unsure the current model is of each document (0 sure … 1), as last rated; empty before any model."""
    try:
        raw = json.loads(uncertainty_path(model_path(url)).read_text("utf-8"))
        return {int(document): float(value) for document, value in raw["documents"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


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


def _fingerprint(labels: Sequence[str], examples: Sequence[Example]) -> str:
    digest = hashlib.sha256(json.dumps(list(labels)).encode())
    for example in examples:
        digest.update(hashlib.sha256(example.text.encode()).digest())
        digest.update(json.dumps(sorted((s.start, s.end, s.label) for s in example.spans)).encode())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class TrainingResult:
    trained: bool  # False: nothing to learn, or nothing changed since the model in place
    sentence: str  # what to tell the user
    spans: int = 0


def train_now(target: str, layers: Sequence[str] | None = None) -> TrainingResult:
    """Read the training layers (default: gold and documents marked done), train unless the model in place learned
    the very same, swap the new model in, then rate every document's uncertainty. Runs in the training process."""
    engine = create_project_engine(target, migrate=False)
    url = engine.url
    try:
        with storage_errors(), session_factory(engine)() as session:
            examples = training_examples(session, layers)
            labels = list(session.scalars(select(Label.name).order_by(Label.position)))
        if not examples:
            return TrainingResult(False, NOTHING_TO_LEARN)
        fingerprint = _fingerprint(labels, examples)
        current = load_model(url)
        if current is not None and current.info.get("fingerprint") == fingerprint:
            return TrainingResult(False, f"the model is up to date ({current.info.get('spans')} spans learned)",
                                  int(str(current.info.get("spans", 0))))
        data, info = train(examples, labels, segmenter(), extra={
            "fingerprint": fingerprint, "trained_at": datetime.now(UTC).isoformat(timespec="seconds")})
        path = model_path(url)
        write_atomically(path, data)
        _rate_documents(engine, Model(data), uncertainty_path(path), fingerprint)
        left_out = f", {info.left_out:,} characters left out" if info.left_out else ""
        return TrainingResult(True, f"the model learned {info.spans} spans in {info.documents} documents "
                                    f"({info.characters:,} characters{left_out})", info.spans)
    finally:
        engine.dispose()


def _rate_documents(engine: Engine, model: Model, path: Path, fingerprint: str) -> None:
    rated: dict[str, float] = {}
    with session_factory(engine)() as session:
        for document_id, text in session.execute(select(Document.id, Document.text).order_by(Document.id)):
            rated[str(document_id)] = round(model.tag(text, segmenter()).uncertainty, 6)
    write_atomically(path, json.dumps({"model": fingerprint, "documents": rated}).encode())


def _child(target: str, layers: Sequence[str] | None, connection: Connection) -> None:
    try:
        connection.send(("done", train_now(target, layers)))
    except Exception as exc:  # the parent shows it as a sentence; a traceback would go nowhere
        connection.send(("failed", f"training the model failed: {exc}"))
    finally:
        connection.close()


class Training:
    """A training run in a process of its own (``spawn``: no copy of the window's threads or Qt state)."""

    def __init__(self, url: URL, layers: Sequence[str] | None = None) -> None:
        context = multiprocessing.get_context("spawn")
        self._answer, sending = context.Pipe(duplex=False)
        self.process = context.Process(target=_child, daemon=True, name="biaozhu-training",
                                       args=(url.render_as_string(hide_password=False), layers, sending))
        self.process.start()
        sending.close()

    def done(self) -> bool:
        return not self.process.is_alive()

    def result(self) -> TrainingResult:
        """Wait for the run to end; what it did, or a :class:`Refused` saying why it failed."""
        try:
            answer = self._answer.recv()
        except EOFError:  # the process ended without a word: killed, or out of memory
            answer = None
        self.process.join()
        self._answer.close()
        if answer is None:
            raise Refused(f"training the model stopped (exit code {self.process.exitcode}); the model in place stays")
        kind, value = answer
        if kind != "done":
            raise Refused(str(value))
        assert isinstance(value, TrainingResult)
        return value

    def stop(self) -> None:
        """The window closes: end the run (the model in place stays as it was)."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self._answer.close()


def train_in_process(url: URL, layers: Sequence[str] | None = None) -> TrainingResult:
    """Train in another process and wait for it (the command line)."""
    return Training(url, layers).result()
