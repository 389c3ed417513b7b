"""The UI speaks Chinese on a Chinese locale and English otherwise: the shipped zh_CN catalogue covers
every string of the GUI, the compiled .qm agrees with the .ts, and real widgets show the translations."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from biaozhu.db.documents import DocumentSummary
from biaozhu.gui.common.i18n import catalogue_bytes, install_translator
from biaozhu.gui.widgets.document_list import DocumentListPanel

TS = Path(str(resources.files("biaozhu.resources").joinpath("i18n", "biaozhu_zh_CN.ts")))
GUI = Path(str(resources.files("biaozhu.gui")))


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, message element) for every message of a .ts file."""
    return [(context.findtext("name", ""), message.findtext("source", ""), message)
            for context in ET.parse(path).getroot().iter("context") for message in context.iter("message")]


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [translation.text or ""]


@pytest.fixture
def language(qapp: QApplication) -> Iterator[None]:
    """Lets a test switch the language; English again afterwards, for the other tests."""
    yield
    install_translator(qapp, "en")


def test_every_message_is_translated() -> None:
    found = messages(TS)
    assert len(found) > 40
    unfinished = [(c, s) for c, s, m in found if m.find("translation").get("type") in ("unfinished", "vanished")]
    assert unfinished == []
    for context, source, message in found:
        for text in translations(message):
            assert text.strip(), (context, source)
            assert text != source or source.startswith("%"), f"{context}: {source!r} left in English"
            # The same placeholders come back, or arguments would be lost.
            assert {p for p in ("%1", "%2", "%3", "%4", "%5", "%n") if p in source} == \
                {p for p in ("%1", "%2", "%3", "%4", "%5", "%n") if p in text}, (context, source, text)


def test_the_catalogue_covers_every_string_of_the_gui(tmp_path: Path) -> None:
    """lupdate over today's sources finds no string the shipped .ts lacks (re-run it when this fails:
    see the README's "Language")."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = [*sorted(map(str, GUI.rglob("*.py"))), str(GUI.parent / "db" / "errors.py"),  # storage sentences
               str(GUI.parent / "db" / "labels.py"),  # the label rules' refusals
               str(GUI.parent / "operations" / "preview.py")]  # the export preview's own words
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True,
                   capture_output=True, timeout=120)
    wanted = {(c, s) for c, s, _ in messages(fresh)}
    shipped = {(c, s) for c, s, _ in messages(TS)}
    assert sorted(wanted - shipped) == []


def test_the_compiled_catalogue_agrees_with_the_ts() -> None:
    translator = QTranslator()
    data = catalogue_bytes()
    assert translator.load(data)
    for context, source, message in messages(TS):
        if message.get("numerus") == "yes":
            for n in (1, 7):  # Chinese has one plural form; QCoreApplication fills in %n, the translator doesn't
                assert translator.translate(context, source, None, n) == translations(message)[0], (context, source)
        else:
            assert translator.translate(context, source) == translations(message)[0], (context, source)


def show_list(qtbot: QtBot) -> DocumentListPanel:
    panel = DocumentListPanel()
    qtbot.addWidget(panel)
    panel.set_documents([DocumentSummary(1, "泸州.txt", 10, {"lin": 2}, {"lin": "done"}),
                         DocumentSummary(2, "吉林.txt", 10, {}, {})], "lin")
    panel.show()
    return panel


def texts(panel: DocumentListPanel) -> list[str]:
    model = panel.findChild(QTableView).model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    combo = panel.findChild(QComboBox)
    return [*headers, model.index(0, 2).data(), model.index(1, 2).data(),
            *(combo.itemText(i) for i in range(combo.count())), panel.findChild(QLineEdit).placeholderText()]


def test_chinese_reaches_real_widgets_and_qts_own_strings(qtbot: QtBot, qapp: QApplication, language: None) -> None:
    install_translator(qapp, "zh")
    assert texts(show_list(qtbot)) == ["文档", "字数", "状态", "标注数", "不确定度", "已完成", "未开始",
                                       "全部", "未完成", "已完成", "按名称筛选"]
    # Qt's own catalogue too: standard dialogs and buttons speak Chinese.
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_english_is_the_source_and_switching_back_works(qtbot: QtBot, qapp: QApplication, language: None) -> None:
    install_translator(qapp, "zh")
    install_translator(qapp, "en")
    assert texts(show_list(qtbot)) == ["Document", "Length", "Status", "Spans", "Unsure", "done", "not started",
                                       "All", "Unfinished", "Done", "Filter by name"]
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_an_unknown_language_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        install_translator(qapp, "fr")


@pytest.mark.parametrize(("locale", "expected"), [("zh_CN.UTF-8", "zh"), ("zh_TW.UTF-8", "zh"),
                                                  ("en_US.UTF-8", "en"), ("de_DE.UTF-8", "en")])
def test_the_system_locale_chooses_when_no_language_is_given(locale: str, expected: str) -> None:
    """In a fresh process, since Qt reads the locale once."""
    env = {**os.environ, "LANG": locale, "LC_ALL": locale, "LANGUAGE": ""}
    code = "from biaozhu.gui.common.i18n import resolve_language; print(resolve_language(None))"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
                            check=True)
    assert result.stdout.strip() == expected
