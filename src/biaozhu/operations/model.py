"""A project's learned model (:mod:`biaozhu.corpus.crf`): training it in another process, and rating how unsure it is
of each document (the order of active learning); where the files lie: :mod:`biaozhu.operations.model_files`.

crfsuite's trainer holds the GIL for its whole run, so a window training in a thread would freeze: training runs
in a process of its own (:class:`Training`), which reads the project itself, trains, and swaps the new model file
in whole. Its metadata (what it learned, a fingerprint of that) is inside it.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import signal
import sys
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from multiprocessing.connection import Connection

from sqlalchemy import select
from sqlalchemy.engine import URL

from biaozhu.corpus.crf import FEATURES, Model, Segment, train
from biaozhu.corpus.errors import Refused
from biaozhu.corpus.suggestions import Example, Proposer
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.errors import StorageError, storage_errors
from biaozhu.db.models import Label
from biaozhu.db.suggestions import training_examples
from biaozhu.operations.model_files import model_path, write_atomically
from biaozhu.operations.ratings import Ratings

NOTHING_TO_LEARN = "the model has nothing to learn from yet: mark documents done (or name layers with --from)"


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


def _fingerprint(labels: Sequence[str], examples: Sequence[Example]) -> str:
    """What a model learned from and with: its labels, texts and spans, and the features' version."""
    digest = hashlib.sha256(json.dumps([FEATURES, list(labels)]).encode())
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
    the very same, swap the new model in, then rate the documents new or changed since they were last rated (the
    others keep their rating until :func:`refresh_ratings`). Runs in the training process."""
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
            Ratings(engine, current, fingerprint, segmenter()).rate_changed()  # those imported since
            return TrainingResult(False, f"the model is up to date ({current.info.get('spans')} spans learned)",
                                  int(str(current.info.get("spans", 0))))
        data, info = train(examples, labels, segmenter(), extra={
            "fingerprint": fingerprint, "trained_at": datetime.now(UTC).isoformat(timespec="seconds")})
        write_atomically(model_path(url), data)
        Ratings(engine, Model(data), fingerprint, segmenter()).rate_changed()
        left_out = f", {info.left_out:,} characters left out" if info.left_out else ""
        return TrainingResult(True, f"the model learned {info.spans} spans in {info.documents} documents "
                                    f"({info.characters:,} characters{left_out})", info.spans)
    finally:
        engine.dispose()


def refresh_ratings(target: str) -> int:
    """Rate again with the model in place the documents an older model rated (:meth:`Ratings.refresh`); how many.
    Runs in the training process once its result is sent: a newer run stops it."""
    engine = create_project_engine(target, migrate=False)
    try:
        model = load_model(engine.url)
        fingerprint = None if model is None else model.info.get("fingerprint")
        if model is None or not isinstance(fingerprint, str):
            return 0
        return Ratings(engine, model, fingerprint, segmenter()).refresh()
    finally:
        engine.dispose()


def _child(target: str, layers: Sequence[str] | None, connection: Connection) -> None:
    # Stopped (the window closed): unwind, so that a model file half written is removed, not left beside the project.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(1))
    try:
        connection.send(("done", train_now(target, layers)))
    except Exception as exc:  # the parent shows it as a sentence; a traceback would go nowhere
        connection.send(("failed", f"training the model failed: {exc}"))
        return
    finally:
        connection.close()
    with suppress(Refused, StorageError, OSError):  # then an older model's ratings stay until the next run
        refresh_ratings(target)


class Training:
    """A training run in a process of its own (``spawn``: no copy of the window's threads or Qt state)."""

    def __init__(self, url: URL, layers: Sequence[str] | None = None) -> None:
        context = multiprocessing.get_context("spawn")
        self._answer, sending = context.Pipe(duplex=False)
        self.process = context.Process(target=_child, daemon=True, name="biaozhu-training",
                                       args=(url.render_as_string(hide_password=False), layers, sending))
        self._answered = False
        self.process.start()
        sending.close()

    def done(self) -> bool:
        """Whether the run has answered (its process may go on rating documents: :meth:`rating`)."""
        return self._answered or not self.process.is_alive() or self._answer.poll()

    def rating(self) -> bool:
        """Whether the process, having answered, still rates documents an older model rated."""
        return self.process.is_alive()

    def result(self) -> TrainingResult:
        """Wait for the run to end; what it did, or a :class:`Refused` saying why it failed."""
        try:
            answer = self._answer.recv()
        except EOFError:  # the process ended without a word: killed, or out of memory
            answer = None
            self.process.join()
        self._answered = True
        self._answer.close()
        if answer is None:
            raise Refused(f"training the model stopped (exit code {self.process.exitcode}); the model in place stays")
        kind, value = answer
        if kind != "done":
            raise Refused(str(value))
        assert isinstance(value, TrainingResult)
        return value

    def stop(self) -> None:
        """The window closes, or a newer run starts: end this one (the model in place stays as it was, and the
        ratings as last written)."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self._answer.close()


def train_in_process(url: URL, layers: Sequence[str] | None = None) -> TrainingResult:
    """Train in another process and wait for its answer (the command line: the documents an older model rated keep
    that rating, and are rated again when the window trains)."""
    training = Training(url, layers)
    try:
        return training.result()
    finally:
        training.stop()
