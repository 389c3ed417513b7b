"""Work kept off the UI thread: loading jieba's dictionary (about a second) for word snapping."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from biaozhu.corpus.segment import Segmenter


class _LoadSegmenter(QRunnable):
    def __init__(self, loader: SegmenterLoader, words: list[str]) -> None:
        super().__init__()
        self.loader = loader
        self.words = words

    def run(self) -> None:
        segmenter = Segmenter()
        segmenter.learn(self.words)
        self.loader.loaded.emit(segmenter)


class SegmenterLoader(QObject):
    """Builds a :class:`Segmenter` that knows the project's span texts; ``loaded`` arrives on the UI thread."""

    loaded = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def start(self, words: list[str]) -> None:
        self.pool.start(_LoadSegmenter(self, words))

    def wait(self) -> None:
        """Block until loading has finished (closing the window must not leave a thread behind)."""
        self.pool.waitForDone()
