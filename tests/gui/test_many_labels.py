"""The window copes with a project at the label cap: 1,000 labels open in a window that still fits a screen
(the label bar scrolls instead of growing a thousand buttons wide) and at once."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.labels import MAX_LABELS
from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.db.labels import add_labels, label_ids
from biaozhu.gui.annotate.window import MainWindow


def test_a_window_with_the_most_labels_fits_a_screen(sessions: sessionmaker[Session],
                                                     open_annotation: Callable[..., MainWindow]) -> None:
    with sessions.begin() as session:
        have = len(label_ids(session))
        add_labels(session, [f"L{n:04d}" for n in range(MAX_LABELS - have)])
        document, _ = add_document(session, SourceDocument("a.txt", "泸州银行发放贷款。", "a.txt"))
    started = time.perf_counter()
    window = open_annotation(sessions, "甲", document.id)
    opened = time.perf_counter() - started
    assert len(window.label_bar.buttons) == MAX_LABELS
    screen = QApplication.primaryScreen().availableGeometry()
    assert window.minimumSizeHint().width() <= screen.width()
    assert opened < 10, f"{opened:.1f} s to open"
