"""The File menu as an analyst uses it, on the app as ``biaozhu`` starts it: a new project, another project
opened without a restart (the title names it), a team server, the recent projects; reports brought in through
Import… and by dropping files on the window, with a summary per file and a cancel that stores nothing of the
file it stopped."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from biaozhu.cli import build_parser
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.models import Document, Span
from biaozhu.db.project import initialise
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.i18n import install_translator
from biaozhu.gui.common.recent import recent_projects
from biaozhu.gui.dialogs.file_menu import FileMenu
from biaozhu.gui.dialogs.importing import ImportDialog
from biaozhu.gui.dialogs.server import ServerDialog
from biaozhu.gui.windows import Started, start
from biaozhu.operations.importing import ImportOptions, import_file

REPORT = "泸州市委统战部联合泸州银行推出“酒城同心·金融速贷”，累计发放贷款377.178亿元。"


def make_project(path: Path, *reports: str) -> Path:
    engine = create_project_engine(str(path))
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=False)
    engine.dispose()
    for number, text in enumerate(reports):
        report = path.parent / f"{path.stem}-{number}.txt"
        report.write_text(text, encoding="utf-8")
        engine = create_project_engine(str(path))
        import_file(session_factory(engine).begin, report, ImportOptions())
        engine.dispose()
    return path


def stored(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as raw:
        return raw.execute("SELECT count(*) FROM documents").fetchone()[0], \
            raw.execute("SELECT count(*) FROM spans").fetchone()[0]


@pytest.fixture
def app(qtbot: QtBot, settings_in: Path, tmp_path: Path) -> Iterator[Started]:
    """The app started as ``biaozhu --db first.sqlite --annotator 张三``, on a project with one report."""
    project = make_project(tmp_path / "first.sqlite", REPORT)
    started = start(build_parser().parse_args(["--db", str(project), "--annotator", "张三", "--lang", "en"]))
    assert isinstance(started, Started)
    yield started
    started.windows.close()
    started.engine.dispose()


def window_of(app: Started) -> MainWindow:
    window = app.windows.annotation
    assert window is not None and window.isVisible()
    return window


def file_menu(app: Started) -> FileMenu:
    return window_of(app).actions_.file_menu


def answer_the_box(seen: list[str]) -> None:
    """The next modal message box: its text is kept, then it is closed with OK."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()
    QTimer.singleShot(0, answer)


def finished(qtbot: QtBot, dialog: ImportDialog) -> ImportDialog:
    qtbot.waitUntil(lambda: dialog.running is None and dialog.close_button.isEnabled(), timeout=60_000)
    return dialog


def rows(dialog: ImportDialog) -> list[tuple[str, str, str]]:
    table = dialog.table
    return [tuple(table.item(row, column).text() for column in range(3))  # type: ignore[misc]
            for row in range(table.rowCount())]


def test_the_title_names_the_open_project_and_the_file_menu_comes_first(app: Started) -> None:
    window = window_of(app)
    assert " — first — biaozhu 标注" in window.windowTitle()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "&File"
    keys = {name: window.actions_.by_name[name].shortcut().toString()
            for name in ("new-project", "open-project", "import")}
    assert keys == {"new-project": "Ctrl+Shift+N", "open-project": "Ctrl+O", "import": "Ctrl+I"}
    assert recent_projects() == [str((Path(app.engine.url.database or "")).resolve())]


def test_a_new_project_opens_empty_in_a_new_window_without_a_restart(qtbot: QtBot, app: Started,
                                                                     tmp_path: Path) -> None:
    old = window_of(app)
    file_menu(app).create_project(tmp_path / "新项目")
    window = window_of(app)
    assert window is not old and not old.isVisible()
    assert window.windowTitle() == "新项目 — biaozhu 标注"
    assert window.documents == [] and [label.name for label in window.labels] == ["PROGRAM", "METRIC",
                                                                                     "ORGANIZATION"]
    assert "Ctrl+I" in window.view.placeholderText()
    assert (tmp_path / "新项目.sqlite").is_file()
    assert recent_projects()[0] == str(tmp_path / "新项目.sqlite")


def test_a_new_project_never_replaces_a_file(qtbot: QtBot, app: Started, tmp_path: Path) -> None:
    existing = tmp_path / "notes.sqlite"
    existing.write_text("mine")
    seen: list[str] = []
    answer_the_box(seen)
    file_menu(app).create_project(existing)
    assert seen == [f"{existing} already exists: open it with File ▸ Open project…, or choose another name."]
    assert existing.read_text() == "mine" and "first" in window_of(app).windowTitle()


def test_opening_another_project_switches_the_windows_and_the_title(qtbot: QtBot, app: Started,
                                                                    tmp_path: Path) -> None:
    other = make_project(tmp_path / "吉林项目.sqlite", "吉林报告：" + REPORT)
    old, old_engine = window_of(app), app.engine
    old.resize(700, 500)
    old.span_table.parentWidget().close()  # the span panel closed: the new window keeps the layout
    file_menu(app).open_file(other)
    window = window_of(app)
    assert window is not old and not old.isVisible()
    assert window.size().toTuple() == (700, 500) and not window.span_table.parentWidget().isVisible()
    assert window.windowTitle() == f"{other.stem}-0.txt — 吉林项目 — biaozhu 标注"
    assert window.layer.text.startswith("吉林报告") and app.engine is not old_engine
    assert recent_projects()[:2] == [str(other), str(tmp_path / "first.sqlite")]
    file_menu(app).open_recent(str(tmp_path / "first.sqlite"))  # and back, through the recent list
    assert "— first —" in window_of(app).windowTitle()


@pytest.mark.parametrize(("make", "sentence"), [
    (lambda path: None, "There is no project at {path} (the file was moved or deleted)."),
    (lambda path: path.write_bytes(b"not a database at all\n" * 100), "this file is not a biaozhu project"),
    (lambda path: sqlite3.connect(path).execute("CREATE TABLE parts (id INTEGER)").connection.commit(),
     "this database is not a biaozhu project (it holds another program's tables); nothing was changed"),
])
def test_a_missing_or_foreign_file_is_a_sentence_and_the_project_stays_open(
        qtbot: QtBot, app: Started, tmp_path: Path, make: Callable[[Path], object], sentence: str) -> None:
    path = tmp_path / "chosen.sqlite"
    make(path)
    old = window_of(app)
    seen: list[str] = []
    answer_the_box(seen)
    file_menu(app).open_file(path)
    assert len(seen) == 1 and sentence.format(path=path) in seen[0], seen
    assert window_of(app) is old and "Traceback" not in seen[0]


def test_a_recent_project_that_is_gone_leaves_the_list(qtbot: QtBot, app: Started, tmp_path: Path) -> None:
    other = make_project(tmp_path / "other.sqlite")
    file_menu(app).open_file(other)
    other.unlink()
    menu = file_menu(app)
    menu.fill_recent()
    assert [action.text() for action in menu.recent_menu.actions()][:2] == [str(other), str(tmp_path / "first.sqlite")]
    seen: list[str] = []
    answer_the_box(seen)
    menu.open_recent(str(other))
    assert "There is no project at" in seen[0] and str(other) not in recent_projects()


def test_import_through_the_dialog_says_per_file_what_was_imported_and_every_error(
        qtbot: QtBot, app: Started, tmp_path: Path) -> None:
    file_menu(app).create_project(tmp_path / "empty.sqlite")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "泸州.txt").write_text(REPORT, encoding="utf-8")
    (reports / "tagged.jsonl").write_bytes(orjson.dumps({"text": "吉林银行发放贷款", "label": [[0, 4, "ORGANIZATION"]],
                                                        "annotator": "李四"}) + b"\n")
    (reports / "bad.jsonl").write_bytes(b'{"text": "fine", "label": []}\n{"text": "broken\n')
    (reports / "person.jsonl").write_bytes(orjson.dumps({"text": "张三说", "label": [[0, 2, "PERSON"]]}) + b"\n")
    (reports / "bank.jsonl").write_bytes(orjson.dumps({"text": "吉林银行", "label": [[0, 4, "BANK"]],
                                                      "annotator": "李四"}) + b"\n")
    dialog = finished(qtbot, file_menu(app).import_paths([reports]))
    assert [row[:2] for row in rows(dialog)] == [("bad.jsonl", "2"), ("bank.jsonl", ""), ("person.jsonl", "1"),
                                                 ("tagged.jsonl", ""), ("泸州.txt", "")]
    (_, _, bad), (_, _, bank), (_, _, nobody), (_, _, tagged), (_, _, plain) = rows(dialog)
    assert bad.startswith("not valid JSON") and bad.endswith(" — nothing imported from this file")
    assert bank == ("labels the project does not have: BANK (tick “Add the labels the project lacks” below and "
                    "import again) — nothing imported from this file")
    assert "belong to nobody" in nobody and (tagged, plain) == ("1 documents, 1 spans", "1 documents")
    assert dialog.status.text() == "2 files imported, 3 failed."
    window = window_of(app)
    assert len(window.documents) == 2 and window.layer.document_id is not None  # the first report opened
    assert stored(tmp_path / "empty.sqlite") == (2, 1)
    # The fixable failures once more: the missing label added, the spans given to the person importing.
    assert dialog.again_row.isVisible() and dialog.owner.text() == ""  # as each file says
    dialog.owner.setText("张三")
    dialog.create_labels.setChecked(True)
    dialog.import_failed_again()
    finished(qtbot, dialog)
    assert [row[:2] for row in rows(dialog)] == [("bad.jsonl", "2"), ("bank.jsonl", ""), ("person.jsonl", "")]
    assert rows(dialog)[1][2] == "1 documents, 1 spans; new labels: BANK"
    assert rows(dialog)[2][2] == "1 documents, 1 spans; new labels: PERSON"
    assert stored(tmp_path / "empty.sqlite") == (4, 3)


def drop(widget: QWidget, paths: list[Path]) -> bool:
    """Drag ``paths`` from a file manager onto ``widget`` and let go: whether the drop was taken."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    centre = widget.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, dropped)
    return dropped.isAccepted()


@pytest.mark.parametrize("target", ["window", "text", "document list"])
def test_files_and_folders_dropped_on_the_window_are_imported(qtbot: QtBot, app: Started, tmp_path: Path,
                                                              target: str) -> None:
    window = window_of(app)
    report = tmp_path / "dropped.txt"
    report.write_text("拖进窗口的报告。", encoding="utf-8")
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "另一份.txt").write_text("文件夹里的报告。", encoding="utf-8")
    widget = {"window": window, "text": window.view.viewport(), "document list": window.document_list}[target]
    assert drop(widget, [report, folder])
    dialog = file_menu(app).import_dialog
    assert dialog is not None
    assert rows(finished(qtbot, dialog)) == [("dropped.txt", "", "1 documents"), ("more/另一份.txt", "", "1 documents")]
    qtbot.waitUntil(lambda: {"dropped.txt", "另一份.txt"} <= {d.name for d in window.documents})  # the list follows


def test_a_cancelled_import_stores_nothing_of_the_file_it_stopped(qtbot: QtBot, app: Started,
                                                                  tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_bytes(b"".join(orjson.dumps({"text": f"报告{n}：{REPORT}", "label": [[0, 2, "PROGRAM"]],
                                           "annotator": "李四"}) + b"\n" for n in range(5_000)))
    before = stored(tmp_path / "first.sqlite")
    dialog = file_menu(app).import_paths([big])
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    finished(qtbot, dialog)
    assert dialog.status.text().startswith("Import cancelled: 0 files imported before it; nothing of big.jsonl")
    assert stored(tmp_path / "first.sqlite") == before


@pytest.mark.postgres
def test_a_team_server_opens_and_is_remembered_without_its_password(qtbot: QtBot, app: Started,
                                                                    pg_admin_url: str) -> None:
    import pg_server

    with pg_server.fresh_database(pg_admin_url, "biaozhu_team") as url:
        dialog = ServerDialog(url.replace("postgresql+psycopg", "postgresql"), window_of(app))
        qtbot.addWidget(dialog)
        dialog.password.setText("s3cret")
        dialog.accept()
        target = dialog.target()
        assert target.startswith("postgresql+psycopg://") and ":s3cret@" in target
        # The throwaway server trusts its users: the password is not needed there, only carried to it.
        assert app.switch(target, create=True)  # the first desktop on the server sets the project up
        window = window_of(app)
        assert window.windowTitle().startswith("biaozhu_team")
        assert recent_projects()[0].startswith("postgresql+psycopg://") and "s3cret" not in recent_projects()[0]
        with session_factory(app.engine)() as session:
            assert session.scalar(select(func.count(Document.id))) == 0
            assert session.scalar(select(func.count(Span.id))) == 0
        app.windows.close()
        app.engine.dispose()


def test_the_file_menu_and_the_summary_speak_chinese(qtbot: QtBot, settings_in: Path, tmp_path: Path,
                                                     qapp: QApplication) -> None:
    install_translator(qapp, "zh")
    try:
        started = start(build_parser().parse_args(["--db", str(make_project(tmp_path / "项目.sqlite")),
                                                   "--annotator", "张三", "--lang", "zh"]))
        assert isinstance(started, Started)
        window = window_of(started)
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        assert [window.actions_.by_name[name].text() for name in ("new-project", "open-project", "import")] == \
            ["新建项目…", "打开项目…", "导入…"]
        report = tmp_path / "报告.txt"
        report.write_text(REPORT, encoding="utf-8")
        dialog = finished(qtbot, window.actions_.file_menu.import_paths([report]))
        assert rows(dialog) == [("报告.txt", "", "1 个文档")] and dialog.status.text() == "已导入 1 个文件，0 个失败。"
        broken = tmp_path / "坏.jsonl"  # a reader's error, worded in corpus/, is said in Chinese too
        broken.write_bytes(b'{"text": "fine", "label": []}\n{"text": "broken\n'
                           b'{"text": "x", "label": [[0, 9, "METRIC"]]}\n')
        dialog = finished(qtbot, window.actions_.file_menu.import_paths([broken]))
        assert rows(dialog) == [
            ("坏.jsonl", "2", "不是有效的 JSON：字符串中有意外的控制字符：第 1 行第 17 列（第 16 个字符） — "
                             "此文件未导入任何内容"),
            ("坏.jsonl", "3", "这里的标注不属于任何人：请给出 --annotator 名字 — 此文件未导入任何内容")]
        started.windows.close()
        started.engine.dispose()
    finally:
        install_translator(qapp, "en")


def test_a_server_that_cannot_be_reached_is_a_sentence_and_the_connection_dialog_comes_back(
        qtbot: QtBot, app: Started) -> None:
    seen: list[str] = []
    offered: list[str] = []

    def answer_then_give_up() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
            QTimer.singleShot(0, answer_then_give_up)
        elif isinstance(box, ServerDialog):
            offered.append(box.url.text())
            box.reject()
        else:
            QTimer.singleShot(10, answer_then_give_up)

    QTimer.singleShot(0, answer_then_give_up)
    old = window_of(app)
    assert not app.switch("postgresql+psycopg://annotator:pw@127.0.0.1:1/biaozhu")
    assert len(seen) == 1 and "cannot reach the database server (connection refused)" in seen[0]
    assert offered == ["postgresql+psycopg://annotator@127.0.0.1:1/biaozhu"]  # the password not shown again
    assert window_of(app) is old


def test_the_default_project_is_called_so_in_the_title_and_the_recent_list_keeps_its_path(
        qtbot: QtBot, settings_in: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    args = build_parser().parse_args(["--annotator", "张三", "--lang", "en"])
    args.db = None  # as main() leaves it when --db is not given
    started = start(args)
    assert isinstance(started, Started)
    try:
        assert window_of(started).windowTitle().endswith(" — default project — biaozhu 标注")
        assert recent_projects() == [str(tmp_path / "data" / "biaozhu" / "biaozhu.sqlite")]
    finally:
        started.windows.close()
        started.engine.dispose()


def test_importing_again_as_a_reserved_layer_is_refused_with_a_sentence(qtbot: QtBot, app: Started,
                                                                       tmp_path: Path) -> None:
    nobody = tmp_path / "nobody.jsonl"
    nobody.write_bytes(orjson.dumps({"text": "吉林银行", "label": [[0, 4, "ORGANIZATION"]]}) + b"\n")
    before = stored(tmp_path / "first.sqlite")
    dialog = finished(qtbot, file_menu(app).import_paths([nobody]))
    dialog.owner.setText("gold")  # gold is written only by reviewers' decisions
    dialog.import_failed_again()
    assert "'gold' is a reserved layer name" in dialog.status.text()
    assert dialog.running is None and stored(tmp_path / "first.sqlite") == before
