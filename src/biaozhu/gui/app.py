"""Starting the desktop app: the project, the annotator (asked once, remembered), the window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from biaozhu.cli.project import open_project
from biaozhu.gui.annotator_identity import resolve_annotator
from biaozhu.gui.i18n import install_translator
from biaozhu.gui.main_window import MainWindow
from biaozhu.gui.review_window import open_review_window


def run_app(args: argparse.Namespace) -> int:
    """Open the annotation window (review mode with ``--review``) on ``args.db`` (or the default project)
    for ``args.annotator``."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("biaozhu")
    app.setApplicationName("biaozhu")
    app.setApplicationDisplayName("biaozhu 标注")
    install_translator(app, args.lang)
    engine, sessions = open_project(args.db)
    try:
        annotator = resolve_annotator(args.annotator)
        if annotator is None:
            return 1
        if getattr(args, "review", False):
            window: QMainWindow = open_review_window(sessions, annotator)
        else:
            window = MainWindow(sessions, annotator)
            window.show()
        return app.exec()
    finally:
        engine.dispose()
