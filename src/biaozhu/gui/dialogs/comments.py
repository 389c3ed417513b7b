"""The comments panel of both windows (评论): the open document's threads, or the whole project's, each with its
replies, author and time; only the unresolved ones when the reviewer asks. A box under the list writes a new
comment (on the span or document it names) or a reply (Ctrl+Enter posts); Resolve/Reopen and Delete act on the
chosen thread. Every post, resolution and deletion is an undo step that writes the database
(``comment_commands.py``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from biaozhu.db.comments import CommentRow, Thread, comments_signature, threads
from biaozhu.gui.common.changes import Change, Changed, carried_none
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.undo import History
from biaozhu.gui.common.wording import fill, short
from biaozhu.gui.dialogs.comment_commands import AddComment, DeleteComment, ResolveThread, Target
from biaozhu.gui.dialogs.guide import on_screen
from biaozhu.gui.widgets.swatches import colour_swatch

OPEN_COLOUR, RESOLVED_COLOUR = QColor("#e76f51"), QColor("#8a8a8a")


class CommentsPanel(QWidget):
    """``thread_activated`` (document id, span id or -1) asks the window to show what a thread is about."""

    thread_activated = Signal(int, int)

    def __init__(self, runner: ActionRunner, history: History, person: str, document: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.history, self.person, self.document = runner, history, person, document
        self.threads: list[Thread] = []
        self.target: Target | None = None
        self._stale = False
        self.signature: tuple[object, ...] | None = None
        self.scope = QComboBox(self)
        self.scope.addItems([self.tr("This document"), self.tr("All documents")])
        self.scope.currentIndexChanged.connect(lambda _: self.reload())
        self.unresolved = QCheckBox(self.tr("Unresolved only"), self)
        self.unresolved.setObjectName("unresolved-only")
        self.unresolved.toggled.connect(lambda _: self.reload())
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("comment-threads")
        self.tree.setHeaderLabels([self.tr("Comment"), self.tr("Who"), self.tr("When")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_: self._follow_choice())
        self.resolve_button = self._button(self.tr("Resolve"), self.toggle_resolved)
        self.delete_button = self._button(self.tr("Delete"), self.delete_chosen)
        self.reply_button = self._button(self.tr("Reply"), self.reply_to_chosen)
        self.on_label = QLabel(self)
        self.on_label.setTextFormat(Qt.TextFormat.PlainText)
        self.on_label.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("comment-editor")
        self.editor.setMaximumHeight(90)
        self.editor.installEventFilter(self)
        self.post_button = self._button(self.tr("Post (Ctrl+Enter)"), self.post)
        top, actions, posting = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.unresolved, 1)
        for button in (self.reply_button, self.resolve_button, self.delete_button):
            actions.addWidget(button)
        posting.addWidget(self.on_label, 1)
        posting.addWidget(self.post_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(actions)
        layout.addLayout(posting)
        layout.addWidget(self.editor)
        self.aim(None)
        runner.bus.changed.connect(self._on_change)

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _on_change(self, change: Change) -> None:
        """Comments change with comments, and with what takes them to the trash or back; an edit of spans that
        keeps them (add, relabel, resize) does not reread them. Hidden, the panel reads them when shown."""
        if not change.what & (Changed.COMMENTS | Changed.TRASH | Changed.DOCUMENTS | Changed.GOLD) \
                or carried_none(change, "comments"):
            return
        if not change.what & Changed.COMMENTS and not self._stale and self._signature() == self.signature:
            return  # a deletion (or its undo) that took no comment with it: the common case, one cheap look
        self.reload_when_seen()

    def reload_when_seen(self) -> None:
        """Read the threads now if the panel is on screen, else when it is next shown (a tab behind the span
        table read them at every start and every document opened, for nobody); hidden, it lists nothing stale."""
        if on_screen(self):
            self.reload()
            return
        self._stale = True
        self.threads = []
        self.tree.clear()

    def _signature(self) -> tuple[object, ...] | None:
        where = None if self.project_wide() else self.document()
        return self.runner.try_read(lambda session: comments_signature(session, where)).value

    def shown(self, visible: bool) -> None:
        """Its dock became visible (a tab chosen, the dock opened): read what changed while it was not."""
        if visible and self._stale:
            self.reload()

    # -- showing ---------------------------------------------------------------------------------------------
    def project_wide(self) -> bool:
        return self.scope.currentIndex() == 1

    def reload(self) -> None:
        """Read the threads again, keeping the chosen one chosen."""
        self._stale = False
        self.signature = self._signature()
        document = self.document()
        chosen = self.chosen()
        if not self.project_wide() and document is None:
            self.threads = []
        else:
            where = None if self.project_wide() else document
            outcome = self.runner.try_read(lambda session: threads(session, document_id=where,
                                                                   unresolved=self.unresolved.isChecked()))
            if outcome.value is None:
                self.on_label.setText(outcome.refusal)
                return
            self.threads = outcome.value
        self.tree.clear()
        for thread in self.threads:
            self.tree.addTopLevelItem(self._item(thread))
        self.tree.expandAll()
        if chosen is not None:
            self.choose(chosen.id)
        self._follow_choice()

    def _item(self, thread: Thread) -> QTreeWidgetItem:
        where = self.tr("document") if thread.span is None else f"“{short(thread.span[2], 14)}”"
        if thread.relation is not None:
            where = f"“{short(thread.relation[1], 8)}” →{thread.relation[0]} “{short(thread.relation[2], 8)}”"
        if self.project_wide():
            where = f"{thread.document} · {where}"
        state = self.tr("resolved") if thread.resolved else self.tr("open")
        first, *replies = thread.comments
        item = QTreeWidgetItem([f"[{where}] {first.text}", first.author, _when(first)])
        item.setData(0, Qt.ItemDataRole.UserRole, thread.id)
        item.setForeground(0, RESOLVED_COLOUR if thread.resolved else self.palette().text().color())
        item.setToolTip(0, f"{state}: {first.text}")
        item.setIcon(0, colour_swatch((RESOLVED_COLOUR if thread.resolved else OPEN_COLOUR).name(), 10))
        for reply in replies:
            child = QTreeWidgetItem([reply.text, reply.author, _when(reply)])
            child.setData(0, Qt.ItemDataRole.UserRole, thread.id)
            child.setData(1, Qt.ItemDataRole.UserRole, reply.id)
            child.setToolTip(0, reply.text)
            item.addChild(child)
        return item

    def chosen(self) -> Thread | None:
        item = self.tree.currentItem()
        thread_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return next((thread for thread in self.threads if thread.id == thread_id), None)

    def choose(self, thread_id: int) -> None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == thread_id:
                self.tree.setCurrentItem(item)

    def _follow_choice(self) -> None:
        thread = self.chosen()
        for button in (self.resolve_button, self.delete_button, self.reply_button):
            button.setEnabled(thread is not None)
        self.resolve_button.setText(self.tr("Reopen") if thread is not None and thread.resolved
                                    else self.tr("Resolve"))

    def _activated(self, item: QTreeWidgetItem) -> None:
        thread = self.chosen()
        if thread is not None:
            self.thread_activated.emit(thread.document_id, thread.span_id if thread.span_id is not None else -1)

    # -- writing ---------------------------------------------------------------------------------------------
    def aim(self, target: Target | None, about: str = "") -> None:
        """Where the next post goes: a span, a link, the document, a thread (None: the open document)."""
        self.target = target
        if target is None:
            self.on_label.setText(self.tr("New comment on the document:"))
        elif target[2] is not None:
            self.on_label.setText(fill(self.tr("Reply to: %1"), about))
        elif target[1] is not None:
            self.on_label.setText(fill(self.tr("New comment on “%1”:"), about))
        elif target[3] is not None:
            self.on_label.setText(fill(self.tr("New comment on the link %1:"), about))
        else:
            self.on_label.setText(self.tr("New comment on the document:"))

    def start(self, target: Target | None, about: str = "") -> None:
        """Aim and put the cursor in the box, ready to type."""
        self.aim(target, about)
        self.editor.setFocus()

    def reply_to_chosen(self) -> None:
        thread = self.chosen()
        if thread is not None:
            self.start((thread.document_id, None, thread.id, None), short(thread.comments[0].text, 24))

    def post(self) -> bool:
        text = self.editor.toPlainText()
        target = self.target
        document = self.document()
        if target is None:
            if document is None:
                return False
            target = (document, None, None, None)
        if self.history.push(AddComment(self.runner, self.history, self.person, target, text)):
            self.editor.clear()
            self.aim(None)
            return True
        return False

    def toggle_resolved(self) -> None:
        thread = self.chosen()
        if thread is not None:
            self.history.push(ResolveThread(self.runner, self.history, self.person, thread, not thread.resolved))

    def delete_chosen(self) -> None:
        """The chosen thread (or, on a reply, that reply) into the trash."""
        thread, item = self.chosen(), self.tree.currentItem()
        if thread is None or item is None:
            return
        reply = item.data(1, Qt.ItemDataRole.UserRole)
        comment = next((c for c in thread.comments if c.id == reply), thread.comments[0])
        self.history.push(DeleteComment(self.runner, self.history, self.person, thread.document_id, comment.id,
                                        comment.text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the box posts (the window's Ctrl+Enter, mark done, must not take it)."""
        if watched is self.editor and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.post()
                return True
        return False


def _when(comment: CommentRow) -> str:
    """When a comment was made, in local time, short: 12-03 09:41."""
    moment = comment.created_at if comment.created_at.tzinfo else comment.created_at.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%m-%d %H:%M")
