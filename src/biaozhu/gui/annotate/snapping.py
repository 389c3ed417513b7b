"""Word snapping: a selection grows to jieba's word boundaries and over span texts the project knows.

jieba's dictionary and the project's span texts load off the UI thread (about a second), once the document is
on screen; until then, and while the analyst has switched it off (W), selections are taken as they are. What it
has learned follows the project's spans: after any change to spans (this window's, an undo, another
desktop's), the counts of span texts are read again off the UI thread and the segmenter learns and forgets
to match, so a moved span teaches its new text and a deleted one stops teaching its old one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from sqlalchemy.orm import Session

from biaozhu.corpus.segment import MAX_WORD, Segmenter
from biaozhu.db.occurrences import tagged_text_counts
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.runner import ActionRunner, sentence


def _segmenter_for(session: Session) -> Segmenter:
    segmenter = Segmenter()
    segmenter.follow(tagged_text_counts(session, MAX_WORD))
    return segmenter


def _counts(session: Session) -> dict[str, int]:
    return tagged_text_counts(session, MAX_WORD)


class Snapping(QObject):
    """Whether snapping is on, and the segmenter once it has loaded."""

    changed = Signal()  # switched on or off, loaded
    failed = Signal(str)

    def __init__(self, runner: ActionRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.enabled = True
        self.segmenter: Segmenter | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._refresh = QTimer(self, singleShot=True, interval=50)  # a burst of changes is read once
        self._refresh.timeout.connect(self._read_counts)
        runner.bus.changed.connect(self._on_change)
        self._following = True

    def _on_change(self, change: Change) -> None:
        if change.what & (Changed.SPANS | Changed.GOLD | Changed.TRASH | Changed.DOCUMENTS):
            self._refresh.start()

    def _read_counts(self) -> None:
        if self.segmenter is not None:
            self.runner.in_background(self._pool, _counts, self._follow, lambda exc: self.failed.emit(sentence(exc)))

    def _follow(self, counts: dict[str, int]) -> None:
        if self.segmenter is not None:
            self.segmenter.follow(counts)

    def load(self) -> None:
        """Load jieba and learn the project's span texts on a worker thread."""
        self.runner.in_background(self._pool, _segmenter_for, self._loaded, lambda exc: self.failed.emit(sentence(exc)))

    def _loaded(self, segmenter: Segmenter) -> None:
        self.segmenter = segmenter
        self.changed.emit()

    def wait(self) -> None:
        """Stop following changes and block until loading has finished (closing the window must not leave a
        thread behind, nor start one later)."""
        self._refresh.stop()
        if self._following:
            self._following = False
            self.runner.bus.changed.disconnect(self._on_change)
        self._pool.waitForDone()

    def toggle(self) -> None:
        self.enabled = not self.enabled
        self.changed.emit()

    @property
    def active(self) -> bool:
        return self.enabled and self.segmenter is not None

    def snap(self, text: str, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` grown to word boundaries (as it is while snapping is off or still loading)."""
        if self.segmenter is None or not self.enabled:
            return start, end
        return self.segmenter.snap(text, start, end)

    def learn(self, text: str) -> None:
        """A span just tagged teaches its text at once (the counts read next agree)."""
        if self.segmenter is not None:
            self.segmenter.learn([text])
