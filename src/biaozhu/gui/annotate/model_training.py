"""The suggestions' model, kept up to date while the analyst works: a while after spans or statuses change (and once
when the window opens) the model is trained again in a process of its own (``biaozhu.operations.model``: crfsuite's
trainer holds the GIL, a thread would freeze the window), and the window only looks every so often whether it has
finished. The run trains only when what it learns from (gold and the documents marked done) changed, swaps the new
model file in whole, and rates how unsure the model is of the documents new or changed since they were rated: the
document list's active-learning column, read here off the UI thread. Its process then rates again, in batches, the
documents an older model rated (:mod:`biaozhu.operations.ratings`); the column follows as they come, and a newer
run stops it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from sqlalchemy import Engine

from biaozhu.corpus.errors import Refused
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.runner import outcome_of
from biaozhu.gui.common.wording import fill
from biaozhu.operations.model_files import uncertainty

if TYPE_CHECKING:
    from biaozhu.gui.annotate.window import MainWindow
    from biaozhu.operations.model import Training, TrainingResult

_AFFECTS_TRAINING = Changed.SPANS | Changed.STATUS | Changed.GOLD | Changed.LABELS | Changed.DOCUMENTS | Changed.TRASH


class ModelTrainer(QObject):
    """Starts training runs, one at a time, and tells the window what the model now thinks of each document."""

    rated = Signal(object)  # {document id: uncertainty}, after each run and once at the start
    quiet_ms = 15_000  # how long after the last change a run starts: a burst of edits is one run
    poll_ms = 250
    reread_polls = 20  # while documents are rated again, the ratings are re-read every so many polls

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        bind = window.runner.sessions.kw["bind"]
        assert isinstance(bind, Engine)
        self.url = bind.url
        self.training: Training | None = None
        self.rating: Training | None = None  # a finished run's process rating again what an older model rated
        self._polls = 0
        self.again = False  # something changed while a run was training
        self.last: TrainingResult | None = None
        self._closed = False
        self._pool = QThreadPool(self)
        self._quiet = QTimer(self, singleShot=True, interval=self.quiet_ms)
        self._quiet.timeout.connect(self.start)
        self._poll = QTimer(self, interval=self.poll_ms)
        self._poll.timeout.connect(self._look)
        window.runner.bus.changed.connect(self._on_change)
        self._read_ratings()
        self._quiet.start()

    def _on_change(self, change: Change) -> None:
        if change.what & _AFFECTS_TRAINING and change.source is not self.window_.suggestions:
            self._quiet.start(self.quiet_ms)  # a suggestion computed is not something to learn from

    def start(self) -> None:
        """Train now (unless a run is on: then once more after it)."""
        if self._closed:
            return
        if self.training is not None:
            self.again = True
            return
        self._stop_rating()  # the older model's ratings it refreshes are out of date anyway
        from biaozhu.operations.model import Training  # crfsuite and jieba's features: not before the first run

        outcome = outcome_of(lambda: Training(self.url))
        if outcome.value is None:
            self.window_.say(outcome.refusal)
            return
        self.training = outcome.value
        self._poll.start()

    def train_now(self) -> None:
        """Suggest ▸ Train the model now: without waiting for a quiet moment."""
        self._quiet.stop()
        self.window_.say(self.tr("Training the suggestions' model in the background…"))
        self.start()

    def _look(self) -> None:
        rating = self.rating
        if rating is not None:
            self._polls += 1
            if not rating.rating():
                self.rating = None
                self._read_ratings()
            elif self._polls % self.reread_polls == 0:
                self._read_ratings()  # those rated again so far
        training = self.training
        if training is None or not training.done():
            if training is None and self.rating is None:
                self._poll.stop()
            return
        self.training = None
        outcome = outcome_of(training.result)
        if outcome.value is None:
            self.window_.say(fill(self.tr("The suggestions' model was not trained: %1"), outcome.refusal))
        else:
            self.last = outcome.value
            if outcome.value.trained:
                self.window_.say(fill(self.tr("The suggestions' model learned %1 spans: Suggest uses it."),
                                      outcome.value.spans))
            self._read_ratings()  # documents imported since are rated too
            if training.rating():  # the documents an older model rated, rated again meanwhile
                self.rating, self._polls = training, 0
        if self.again:
            self.again = False
            self.start()

    def _read_ratings(self) -> None:
        url = self.url

        def rated(values: dict[int, float]) -> None:
            if not self._closed:
                self.rated.emit(values)

        self.window_.runner.in_background(self._pool, lambda _session: uncertainty(url), rated,
                                          lambda failure: None, (OSError, Refused))

    def resume(self) -> None:
        """The window is shown again (review mode closed): keep the model up to date again."""
        self._closed = False
        self._quiet.start(self.quiet_ms)

    def wait(self) -> None:
        """The window closes: a run still training ends (the model in place stays as it was)."""
        self._closed = True
        self._quiet.stop()
        self._poll.stop()
        if self.training is not None:
            self.training.stop()
            self.training = None
        self._stop_rating()
        self._pool.waitForDone()

    def _stop_rating(self) -> None:
        if self.rating is not None:
            self.rating.stop()
            self.rating = None

