"""The UI language: our zh_CN translation plus Qt's own, so standard dialogs (file pickers, message boxes)
speak the same language as our widgets.

Source strings are English; Chinese comes from ``resources/i18n/biaozhu_zh_CN.qm`` (built with
pyside6-lrelease from the ``.ts`` next to it).
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

LANGUAGES = ("zh", "en")
OUR_CATALOGUE = "biaozhu_zh_CN.qm"
QT_CATALOGUE = "qtbase_zh_CN"
# Qt's file dialog labels whose wording Qt changed after its zh_CN catalogue was made: ours has them.
QT_GAPS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))


def resolve_language(lang: str | None) -> str:
    """"zh" or "en": what was asked for, or else what the system locale suggests (any Chinese locale → zh)."""
    if lang is not None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
        return lang
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def ui_language() -> str:
    """"zh" while our Chinese catalogue is installed (:func:`install_translator`), else "en"."""
    return "zh" if getattr(QCoreApplication.instance(), "_biaozhu_catalogue", b"") else "en"


def catalogue_bytes() -> bytes:
    """Our compiled zh_CN catalogue, read from the package (works from a wheel or a checkout)."""
    return resources.files("biaozhu.resources").joinpath("i18n", OUR_CATALOGUE).read_bytes()


def install_translator(app: QApplication, lang: str | None) -> None:
    """Switch the app's language. Calling it again replaces what an earlier call installed.

    Qt does not copy a catalogue loaded from memory and does not own the translators, so both are
    kept on the application object for as long as it lives.
    """
    for translator in getattr(app, "_biaozhu_translators", ()):
        app.removeTranslator(translator)
    app._biaozhu_translators = []  # type: ignore[attr-defined]
    app._biaozhu_catalogue = b""  # type: ignore[attr-defined]
    if resolve_language(lang) != "zh":
        return
    qt_translator = QTranslator(app)
    if qt_translator.load(QT_CATALOGUE, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        app._biaozhu_translators.append(qt_translator)  # type: ignore[attr-defined]
    data = catalogue_bytes()
    ours = QTranslator(app)
    if not ours.load(data):
        raise RuntimeError(f"the packaged translation {OUR_CATALOGUE} is damaged")
    app._biaozhu_catalogue = data  # type: ignore[attr-defined]
    app.installTranslator(ours)
    app._biaozhu_translators.append(ours)  # type: ignore[attr-defined]
