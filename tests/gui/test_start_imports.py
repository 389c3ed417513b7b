"""The app's first window imports only what it needs: jieba, the file readers, the server dialect, review mode
and the dialogs load when first wanted (``python -X importtime`` showed them as half of the start)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DEFERRED = ("jieba", "pkg_resources", "alembic", "docx", "pypdfium2", "orjson", "charset_normalizer",
            "biaozhu.corpus.formats", "sqlalchemy.dialects.postgresql", "biaozhu.gui.review.window",
            "biaozhu.gui.dialogs.export", "biaozhu.gui.dialogs.importing", "biaozhu.cli.export_cmd",
            "biaozhu.corpus.agreement")
# Dialogs a key opens (Ctrl+L, Shift+F1, V, Ctrl+T…): not imported by the first window either.
OPENED_BY_KEYS = ("biaozhu.gui.dialogs.labels", "biaozhu.gui.dialogs.keys_help",
                  "biaozhu.gui.dialogs.metric_value", "biaozhu.gui.annotate.tag_all")


def test_importing_the_app_leaves_what_the_first_window_does_not_need() -> None:
    script = f"import sys, biaozhu.cli, biaozhu.gui.app; print(' '.join(m for m in {DEFERRED!r} if m in sys.modules))"
    imported = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert imported.split() == []


def test_the_command_line_leaves_sqlalchemy() -> None:
    """The command line (the app's first import) reads its options, and tells a storage failure, without SQLAlchemy:
    a third of the app's start, which a first window is to show without (issue 14)."""
    script = "import sys, biaozhu.cli; print('sqlalchemy' in sys.modules)"
    imported = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert imported.split() == ["False"]


def test_the_first_window_shown_leaves_the_dialogs_it_does_not_show(tmp_path: Path) -> None:
    """``biaozhu`` started a second time on a fresh machine (the first start made the default project on the seed
    reports), its window shown and closed: what was imported by then; and the garbage collector, off while the app
    started, was on again with what the start built frozen."""
    wanted = tuple(m for m in DEFERRED if m not in ("jieba", "pkg_resources")) + OPENED_BY_KEYS
    script = ("import gc, sys\nfrom biaozhu.cli import main\ncode = main(['--annotator', '张三', '--lang', 'en'])\n"
              "print(gc.isenabled(), gc.get_freeze_count() > 10_000)\n"
              f"print(' '.join(m for m in {wanted!r} if m in sys.modules))\nsys.exit(code)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BIAOZHU_QUIT_AFTER_MS": "300", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # word snapping may load jieba on its worker by the time the window closes
        shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
        assert shown.returncode == 0, shown.stderr
    *_, title, collector, imported = shown.stdout.splitlines()
    assert collector == "True True"
    assert title.endswith(".txt — default project — biaozhu 标注")  # the window showed a seed report
    assert imported.split() == []


def test_the_first_window_paints_before_sqlalchemy_loads_then_takes_edits(tmp_path: Path) -> None:
    """On a project it has opened before, ``biaozhu`` paints the annotation window from a first look at the project
    before SQLAlchemy is imported (issue 14: a third of the start), then finishes it on the opened project: the
    same document, and the window is finished (its layer open) when the scripted close comes."""
    script = ("import sys\nfrom biaozhu.cli import main\nimport biaozhu.gui.app as app\nmade = app.make_application\n"
              "def hooked(lang):\n    application = made(lang)\n    from PySide6.QtCore import QTimer\n"
              "    QTimer.singleShot(0, lambda: print('sqlalchemy' in sys.modules, *[w.windowTitle() for w in "
              "application.topLevelWidgets() if w.isVisible()], sep='|', flush=True))\n    return application\n"
              "app.make_application = hooked\nsys.exit(main(['--annotator', '张三', '--lang', 'en']))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BIAOZHU_QUIT_AFTER_MS": "300", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    assert first.returncode == 0, first.stderr  # a fresh machine: the default project is made first, then shown
    assert first.stdout.splitlines()[0].startswith("True|")
    again = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    assert again.returncode == 0, again.stderr
    painted, title = again.stdout.splitlines()[-2:]
    loaded, shown = painted.split("|")
    assert loaded == "False" and shown == title and title.endswith(".txt — default project — biaozhu 标注")
