"""The app's first window imports only what it needs: jieba, the file readers, the server dialect, review mode
and the dialogs load when first wanted (``python -X importtime`` showed them as half of the start)."""

from __future__ import annotations

import subprocess
import sys

DEFERRED = ("jieba", "pkg_resources", "alembic", "docx", "pypdfium2", "orjson", "charset_normalizer",
            "biaozhu.corpus.formats", "sqlalchemy.dialects.postgresql", "biaozhu.gui.review.window",
            "biaozhu.gui.dialogs.export", "biaozhu.gui.dialogs.importing", "biaozhu.cli.export_cmd",
            "biaozhu.corpus.agreement")


def test_importing_the_app_leaves_what_the_first_window_does_not_need() -> None:
    script = f"import sys, biaozhu.cli, biaozhu.gui.app; print(' '.join(m for m in {DEFERRED!r} if m in sys.modules))"
    imported = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert imported.split() == []
