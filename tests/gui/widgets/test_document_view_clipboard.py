"""A copy from the text view outlives the app: the process that copied exits cleanly (Qt deletes clipboard data
after Python has finalised; a Python-made copy left there crashed the process, on platforms that say who owns
the clipboard and on those that do not, as the offscreen one the tests use)."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication
from biaozhu.gui.widgets.document_view import DocumentView, release_clipboard
from biaozhu.gui.widgets.span_index import SpanIndex
app = QApplication([])
view = DocumentView()
text = "泸州银行𠮷发放贷款。" * 2000
view.show_text(text, SpanIndex([]), {})
view.select_range(4, 9)
view.copy()
print(QApplication.clipboard().text())
release_clipboard()
"""


def test_a_process_that_copied_from_the_view_exits_cleanly_and_the_copy_is_the_stored_text() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "𠮷发放贷款"
