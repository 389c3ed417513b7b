"""Word snapping: a selection grows to jieba's word boundaries and over span texts the project knows.

jieba's dictionary and the project's span texts load off the UI thread (about a second), once the document is
on screen; until then, and while the analyst has switched it off (W), selections are taken as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal
from sqlalchemy.orm import Session

from biaozhu.corpus.segment import Segmenter
from biaozhu.db.occurrences import tagged_texts
from biaozhu.gui.common.runner import ActionRunner, sentence


def _segmenter_for(session: Session) -> Segmenter:
    segmenter = Segmenter()
    segmenter.learn(tagged_texts(session))
    return segmenter


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

    def load(self) -> None:
        """Load jieba and learn the project's span texts on a worker thread."""
        self.runner.in_background(self._pool, _segmenter_for, self._loaded, lambda exc: self.failed.emit(sentence(exc)))

    def _loaded(self, segmenter: Segmenter) -> None:
        self.segmenter = segmenter
        self.changed.emit()

    def wait(self) -> None:
        """Block until loading has finished (closing the window must not leave a thread behind)."""
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
        if self.segmenter is not None:
            self.segmenter.learn([text])
