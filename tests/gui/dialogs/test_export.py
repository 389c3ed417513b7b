"""The export dialog as a user drives it: options, a live preview, an export with progress that writes
exactly what ``biaozhu export`` writes, refusals and cancels told plainly and leaving no file."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.models import GOLD
from biaozhu.db.permissions import change_role
from biaozhu.db.review import accept_agreed
from biaozhu.gui.annotate.window import MainWindow
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.dialogs.export import ExportDialog
from export_project import DOCUMENTS, NESTED, build_project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("export-dialog") / "project.sqlite")


@pytest.fixture
def sessions(project: Path) -> Iterator[sessionmaker[Session]]:
    engine = create_project_engine(str(project))
    yield session_factory(engine)
    engine.dispose()


@pytest.fixture
def dialog(qtbot: QtBot, sessions: sessionmaker[Session], open_project: Callable[..., OpenProject]) -> ExportDialog:
    shown = ExportDialog(open_project(sessions).runner, layer="alice")
    qtbot.addWidget(shown)
    shown.show()
    return shown


def choose(box, data: object) -> None:
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def preview_settles(qtbot: QtBot, dialog: ExportDialog, needle: str) -> str:
    qtbot.waitUntil(lambda: needle in dialog.preview.toPlainText() and "…)" not in dialog.preview_title.text(),
                    timeout=10_000)
    return dialog.preview.toPlainText()


def export(qtbot: QtBot, dialog: ExportDialog, target: Path) -> str:
    dialog.target.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.running is None and dialog.export_button.isEnabled(), timeout=20_000)
    return dialog.message.text()


def test_the_layers_are_the_projects_and_the_formats_are_all_there(dialog: ExportDialog) -> None:
    layers = [dialog.form.layer_box.itemData(i) for i in range(dialog.form.layer_box.count())]
    assert layers == [None, "alice", "bob", "majority"] and dialog.form.layer_box.currentData() == "alice"
    assert dialog.form.format_box.count() == 9


def test_the_dialog_fits_the_screen_so_its_buttons_are_in_sight(dialog: ExportDialog) -> None:
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()


def test_conll_bio_previews_its_tags_and_exports_what_the_cli_writes(qtbot: QtBot, dialog: ExportDialog, cli,
                                                                       project: Path, tmp_path: Path) -> None:
    choose(dialog.form.format_box, "conll")
    choose(dialog.form.scheme_box, "bio")
    text = preview_settles(qtbot, dialog, "B-ORGANIZATION")
    assert "泸\tB-ORGANIZATION\n州\tI-ORGANIZATION" in text and "𠮷\tB-ORGANIZATION" in text
    assert dialog.form.nested_box.currentData() == "keep-outer"  # BIO cannot hold nested spans
    steps: list[tuple[int, int]] = []
    dialog.export_started.connect(lambda job: job.progressed.connect(lambda done, total: steps.append((done, total))))
    ours = tmp_path / "gui.conll"
    message = export(qtbot, dialog, ours)
    assert f"Exported {DOCUMENTS} documents" in message and f"{NESTED} nested spans were dropped" in message
    sentences = [part for part in ours.read_text("utf-8").split("\n\n") if part.strip()]
    assert f"({len(sentences)} records)" in message and len(sentences) > DOCUMENTS  # records are sentences
    assert steps[-1] == (DOCUMENTS, DOCUMENTS) and dialog.progress.value() == dialog.progress.maximum()
    theirs = tmp_path / "cli.conll"
    cli("--db", project, "export", "--format", "conll", "--scheme", "bio", "--layer", "alice", "-o", theirs,
        check=True)
    assert ours.read_bytes() == theirs.read_bytes() and not ours.read_text("utf-8").startswith("#")
    dialog.form.with_text.setChecked(True)  # the comments that keep the exact text, as --with-text writes them
    preview_settles(qtbot, dialog, "# document = ")
    export(qtbot, dialog, ours)
    cli("--db", project, "export", "--format", "conll", "--layer", "alice", "--with-text", "-o", theirs, check=True)
    assert ours.read_bytes() == theirs.read_bytes() and ours.read_text("utf-8").startswith("# document = ")


def test_unchecking_a_label_takes_it_out_of_the_preview(qtbot: QtBot, dialog: ExportDialog) -> None:
    preview_settles(qtbot, dialog, "METRIC")
    labels = dialog.form.labels_list
    [metric] = [labels.item(row) for row in range(labels.count()) if labels.item(row).text() == "指标 METRIC"]
    metric.setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: "METRIC" not in dialog.preview.toPlainText()
                    and "ORGANIZATION" in dialog.preview.toPlainText(), timeout=10_000)


def test_refusing_nested_spans_names_one_and_writes_nothing(qtbot: QtBot, dialog: ExportDialog,
                                                            tmp_path: Path) -> None:
    choose(dialog.form.format_box, "hf")
    assert not dialog.form.nested_box.model().item(0).isEnabled()  # "keep" is not offered for hf
    choose(dialog.form.nested_box, "refuse")
    assert "This export would fail" in preview_settles(qtbot, dialog, "lies inside")
    message = export(qtbot, dialog, tmp_path / "hf.jsonl")
    assert message.startswith("Not exported: in document 1") and "“泸州 (ORGANIZATION)” lies inside" in message
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_export_leaves_no_file(qtbot: QtBot, dialog: ExportDialog, tmp_path: Path) -> None:
    started, release = threading.Event(), threading.Event()

    def hold(done: int, total: int) -> None:  # on the export's thread: wait there until Cancel was clicked
        started.set()
        release.wait(10)

    dialog.export_started.connect(lambda job: job.progressed.connect(hold, Qt.ConnectionType.DirectConnection))
    dialog.target.setText(str(tmp_path / "out.jsonl"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert dialog.cancel_button.isEnabled() and not dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: dialog.running is None, timeout=10_000)
    assert dialog.message.text() == "Export cancelled: nothing was written."
    assert list(tmp_path.iterdir()) == []


def test_a_target_that_cannot_be_written_is_told_plainly(qtbot: QtBot, dialog: ExportDialog, tmp_path: Path) -> None:
    message = export(qtbot, dialog, tmp_path / "missing" / "out.jsonl")
    assert message.startswith("Not exported: ") and "No such file or directory" in message
    dialog.target.clear()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Choose where to write the export first" in dialog.message.text()


def test_a_new_format_changes_the_targets_extension(dialog: ExportDialog, tmp_path: Path) -> None:
    dialog.target.setText(str(tmp_path / "train.jsonl"))
    choose(dialog.form.format_box, "conll")
    assert dialog.target.text() == str(tmp_path / "train.conll")
    choose(dialog.form.format_box, "brat")
    assert dialog.target.text() == str(tmp_path / "train")


def test_a_split_with_tag_ids_names_every_file_it_wrote(qtbot: QtBot, dialog: ExportDialog, tmp_path: Path) -> None:
    choose(dialog.form.format_box, "hf")
    dialog.form.tag_ids.setChecked(True)
    dialog.form.split.setChecked(True)
    dialog.form.fractions[0].setValue(0.9)  # 0.9 + 0.1 + 0.1
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Choose where to write the export first (Save to)."
    dialog.target.setText(str(tmp_path / "data.jsonl"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "The train, dev and test fractions must add up to 1."
    dialog.form.fractions[0].setValue(0.8)
    message = export(qtbot, dialog, tmp_path / "data.jsonl")
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"data-{part}.jsonl{extra}" for part in ("train", "dev", "test")
                             for extra in ("", ".labels.json"))
    assert all(str(tmp_path / name) in message for name in written)


def test_ctrl_e_in_the_annotation_window_opens_the_export_dialog_on_this_annotators_layer(
        qtbot: QtBot, sessions: sessionmaker[Session], open_annotation: Callable[..., MainWindow]) -> None:
    window = open_annotation(sessions, "张三")
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.export_dialog is not None and window.export_dialog.isVisible())
    assert window.export_dialog is not None
    window.close()
    assert not window.export_dialog.isVisible()


def test_gold_exports_the_reviewed_documents_and_says_how_many_were_left_out(
        qtbot: QtBot, tmp_path: Path, open_project: Callable[..., OpenProject]) -> None:
    db = build_project(tmp_path / "reviewed.sqlite")
    engine = create_project_engine(str(db))
    sessions = session_factory(engine)
    with sessions.begin() as session:
        change_role(session, "rv", "rv", "reviewer")
        accept_agreed(session, 1, "rv")  # a reviewer's decision on document 1 only
    shown = ExportDialog(open_project(sessions).runner, layer=GOLD)
    qtbot.addWidget(shown)
    shown.show()
    assert shown.form.layer_box.currentData() == GOLD
    message = export(qtbot, shown, tmp_path / "gold.jsonl")
    assert "Exported 1 documents (1 records)" in message
    assert f"{DOCUMENTS - 1} documents have no reviewer's decision yet and were left out of gold." in message
    engine.dispose()
