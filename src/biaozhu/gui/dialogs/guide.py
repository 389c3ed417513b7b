"""The guide panel (指南, F1): the project's general guideline on top, then each label's guideline and the
examples reviewers pinned, each in its context with the example marked; F1 scrolls to the current span's label.

Guidelines are Markdown, rendered by Qt's own Markdown reader with HTML switched off, so a guideline can format
text but never carry markup or load pictures; examples and names are inserted as plain text.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from biaozhu.db.guidelines import (
    Example,
    list_examples,
    pin_example,
    pinned_span_ids,
    pinned_verdicts,
    project_guideline,
    set_project_guideline,
)
from biaozhu.gui.common.changes import Change, Changed, carried_none
from biaozhu.gui.common.label_infos import LabelInfo, label_infos, shown_definition
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.undo import History, StoredCommand
from biaozhu.gui.common.wording import fill, short

MARKDOWN = QTextDocument.MarkdownFeature.MarkdownDialectGitHub | QTextDocument.MarkdownFeature.MarkdownNoHTML
PROJECT_ANCHOR = "guide-project"


class Handle(Protocol):
    """A span as undo commands know it: its id now (a deleted and restored span has a new one)."""

    id: int | None



def on_screen(widget: QWidget) -> bool:
    """Whether any of ``widget`` is on screen: a panel in a dock's tab that is not chosen counts as visible to Qt."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def label_anchor(label_id: int) -> str:
    return f"guide-label-{label_id}"


PIN_GOOD = QT_TRANSLATE_NOOP("Commands", "pin “%1” as a good example")
PIN_BAD = QT_TRANSLATE_NOOP("Commands", "pin “%1” as a bad example")
UNPIN = QT_TRANSLATE_NOOP("Commands", "unpin “%1”")


class PinExample(StoredCommand):
    """A span pinned as a good or bad example (``verdict`` None: unpinned); undo puts back the verdict it had."""

    def __init__(self, runner: ActionRunner, history: History, person: str, document_id: int, handle: Handle,
                 span_text: str, verdict: str | None) -> None:
        template = str({"good": PIN_GOOD, "bad": PIN_BAD}.get(verdict or "", UNPIN))
        super().__init__(history, fill(QCoreApplication.translate("Commands", template), short(span_text, 16)),
                         document_id)
        self.runner, self.person, self.handle, self.verdict = runner, person, handle, verdict
        self.previous: str | None = None

    def _pin(self, verdict: str | None) -> str | None:
        span_id = self.handle.id
        assert span_id is not None
        assert self.document_id is not None
        return self.runner.write(lambda session: pin_example(session, span_id, verdict, self.person),
                                 Change(Changed.LABELS, frozenset({self.document_id}), self))

    def do(self) -> None:
        self.previous = self._pin(self.verdict)

    def undo_it(self) -> None:
        self._pin(self.previous)


def pin_with_undo(runner: ActionRunner, history: History, person: str, document_id: int, handle: Handle,
                  span_text: str, verdict: str) -> str:
    """Pin a span as ``verdict`` (pinned so already: unpin it) as an undo step; what the status bar says."""
    span_id = handle.id
    assert span_id is not None
    outcome = runner.try_read(lambda session: pinned_verdicts(session, [span_id]))
    if outcome.value is None:
        return outcome.refusal
    wanted = None if outcome.value.get(span_id) == verdict else verdict
    if not history.push(PinExample(runner, history, person, document_id, handle, span_text, wanted)):
        return ""  # the history said why
    return QCoreApplication.translate("Guidance", "Unpinned.") if wanted is None else \
        QCoreApplication.translate("Guidance", "Pinned: the guide shows it under its label (F1).")


class GuideBrowser(QTextBrowser):
    """A browser that follows no link and loads nothing: a guideline's ``![](file:…)`` stays a name."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return None


class GuideContents:
    """Writes the guide into a document through a cursor: headings with anchors, Markdown, plain-text examples."""

    def __init__(self, document: QTextDocument, texts: dict[str, str]) -> None:
        document.clear()
        self.cursor = QTextCursor(document)
        self.texts = texts

    def new_block(self) -> None:
        """A block of its own: no list, quote indent or heading level of the Markdown before it carries over."""
        self.cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())

    def heading(self, text: str, anchor: str, size: float = 1.25, colour: str | None = None) -> None:
        """A bold heading to scroll to; a label's starts with a square of its colour, as in the label bar."""
        if not self.cursor.atStart():
            self.new_block()
        spaced = QTextBlockFormat()
        spaced.setTopMargin(10)
        self.cursor.setBlockFormat(spaced)
        form = QTextCharFormat()
        form.setFontWeight(QFont.Weight.Bold)
        form.setFontPointSize(self.cursor.document().defaultFont().pointSizeF() * size)
        form.setAnchor(True)
        form.setAnchorNames([anchor])
        if colour is not None:
            swatch = QTextCharFormat(form)
            swatch.setForeground(QColor(colour))
            self.cursor.insertText("■ ", swatch)
        self.cursor.insertText(text, form)
        self.new_block()

    def markdown(self, text: str, empty: str) -> None:
        if text.strip():
            self.cursor.insertMarkdown(text, MARKDOWN)
        else:
            faint = QTextCharFormat()
            faint.setForeground(QColor("#777777"))
            self.cursor.insertText(empty, faint)
        self.new_block()

    def example(self, item: Example, colour: str) -> None:
        example = item.example
        good = example.verdict == "good"
        mark = QTextCharFormat()
        mark.setFontWeight(QFont.Weight.Bold)
        mark.setForeground(QColor("#2a9d8f" if good else "#d62828"))
        plain, marked = QTextCharFormat(), QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setBackground(QColor(colour).lighter(130))
        marked.setForeground(QColor("#000000"))
        marked.setFontUnderline(True)
        self.cursor.insertText(self.texts["good" if good else "bad"] + "  ", mark)
        self.cursor.insertText("…" + example.before, plain)
        self.cursor.insertText(example.text, marked)
        self.cursor.insertText(example.after + "…", plain)
        said = "  ".join(part for part in (example.note, f"({item.document})" if item.document else "") if part)
        if said:
            faint = QTextCharFormat()
            faint.setForeground(QColor("#777777"))
            self.cursor.insertText("  " + said, faint)
        self.new_block()


class GuidePanel(QWidget):
    """The guide, read again whenever labels, guidelines or pins change; ``show_label`` scrolls to one."""

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.browser = GuideBrowser(self)
        self.browser.setObjectName("guide")
        self.browser.setOpenLinks(False)
        self.guideline = ""
        self.labels: list[LabelInfo] = []
        self.examples: list[Example] = []
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_button = QPushButton(self.tr("Edit the project guideline…"), self)
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(lambda _=False: self.edit_guideline())
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        self._stale = True
        runner.bus.changed.connect(self._on_change)

    def _on_change(self, change: Change) -> None:
        """Pins publish LABELS; a span going to the trash or back (with its pin) matters only when the pinned
        spans are not those shown any more, which one look at the few pins tells."""
        if change.what & (Changed.LABELS | Changed.GOLD) or change.what & Changed.TRASH \
                and not carried_none(change, "pins") and self._pins_moved():
            self._stale = True
            if on_screen(self):
                self.reload()

    def _pins_moved(self) -> bool:
        outcome = self.runner.try_read(pinned_span_ids)
        return outcome.value != {item.span_id for item in self.examples if item.span_id is not None}

    def shown(self, visible: bool) -> None:
        """Its dock became visible (a tab chosen, the dock opened): read what changed while it was not."""
        if visible and self._stale:
            self.reload()

    def reload(self) -> None:
        def read(session: Session) -> tuple[str, list[LabelInfo], list[Example]]:
            return project_guideline(session), label_infos(session), list_examples(session)

        outcome = self.runner.try_read(read)
        if outcome.value is None:
            self.message.setText(outcome.refusal)
            return
        self._stale = False
        self.guideline, self.labels, self.examples = outcome.value
        bar = self.browser.verticalScrollBar()
        at = bar.value()
        contents = GuideContents(self.browser.document(), {"good": self.tr("✓ good"), "bad": self.tr("✗ bad")})
        contents.heading(self.tr("Project guideline"), PROJECT_ANCHOR, 1.4)
        contents.markdown(self.guideline, self.tr("No general guideline yet: Edit the project guideline… writes one "
                                                  "(Markdown)."))
        for label in self.labels:
            key = f"[{label.hotkey}] " if label.hotkey else ""  # the key that tags it, as the label bar shows
            contents.heading(key + label.caption(), label_anchor(label.id), colour=label.color)
            contents.markdown(shown_definition(label.definition),
                              self.tr("No guideline for this label yet: Labels… (Ctrl+L) writes one."))
            for item in self.examples:
                if item.example.label == label.name:
                    contents.example(item, label.color)
        bar.setValue(at)

    def show_label(self, label_id: int | None) -> None:
        """Scroll to a label's guideline (None: to the top)."""
        if self._stale:
            self.reload()
        self.browser.scrollToAnchor(PROJECT_ANCHOR if label_id is None else label_anchor(label_id))

    def plain_text(self) -> str:
        """What the guide shows, as text (tests and screen readers read it)."""
        return self.browser.toPlainText()

    def edit_guideline(self) -> GuidelineEditor:
        editor = GuidelineEditor(self.runner, self.guideline, self)
        editor.open()
        return editor


class GuidelineEditor(QDialog):
    """The project's general guideline, in Markdown; Save stores it for everyone."""

    def __init__(self, runner: ActionRunner, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Project guideline — biaozhu 标注"))
        self.resize(640, 480)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("project-guideline")
        self.editor.setPlainText(text)
        self.editor.setPlaceholderText(self.tr("What every annotator should know: scope, rules, hard cases "
                                               "(Markdown: # headings, - lists, **bold**)"))
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        text = self.editor.toPlainText().strip()
        outcome = self.runner.attempt(lambda session: set_project_guideline(session, text),
                                      Change(Changed.LABELS, source=self))
        if outcome.ok:
            self.accept()
        else:
            self.message.setText(outcome.refusal)
