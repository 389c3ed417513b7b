"""Undo in both windows: every edit is a :class:`StoredCommand` whose redo and undo each write the database in
one transaction, so what is undone in the window is undone on disk too.

One failure rule keeps the stack and the database in agreement:
- a new edit that is refused (a project rule, or storage: locked, read-only, disk full) never enters the stack;
- an undo or redo refused by a rule (the span was deleted elsewhere meanwhile) drops the command: it can no
  longer be applied, and nothing was changed;
- an undo or redo that failed in storage leaves the database as it was, so the stack steps back over it
  without touching the database, and the user can simply try again;
- a bug drops the command and goes on to the crash report.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from biaozhu.corpus.errors import Refusal
from biaozhu.db.errors import StorageError
from biaozhu.gui.common.storage_messages import translated
from biaozhu.gui.common.wording import told


class History(QObject):
    """A window's undo stack, and where its commands say why an edit did not happen."""

    refused = Signal(str)  # a rule refused the edit: the status bar says why
    storage_failed = Signal(str)  # the user's sentence: nothing was changed
    _step_back = Signal(object, bool)  # a command whose undo (True) or redo (False) failed in storage

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        # Queued: the stack moves back only after it has finished the step that failed.
        self._step_back.connect(self._move_back, Qt.ConnectionType.QueuedConnection)

    def push(self, command: StoredCommand) -> bool:
        """Do ``command`` and keep it for undo; False when it was refused (the signals said why)."""
        self.stack.push(command)
        return not command.failed

    def step_back_over(self, command: StoredCommand, undoing: bool) -> None:
        """``command``'s undo (redo) failed in storage: once the stack has finished that step, move it back."""
        self._step_back.emit(command, undoing)

    def _move_back(self, command: StoredCommand, undoing: bool) -> None:
        at = self.stack.index()
        if undoing and self.stack.command(at) is command:
            self.stack.redo()
        elif not undoing and at > 0 and self.stack.command(at - 1) is command:
            self.stack.undo()
        else:
            command.skip = False


class StoredCommand(QUndoCommand):
    """An edit of the project: :meth:`do` and :meth:`undo_it` each write it in one transaction.

    ``document_id`` is the document the edit is in (None: several or none), so a window can show where an
    undo happened; ``failed`` tells the caller of a push whether its last step happened.
    """

    def __init__(self, history: History, name: str, document_id: int | None) -> None:
        super().__init__(name)
        self.history = history
        self.document_id = document_id
        self.applied = False  # done once: the command is on the stack
        self.failed = False  # the last step did not happen
        self.skip = False  # the stack is stepping back over a failed step: leave the database alone

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._guarded(undoing=False)

    def undo(self) -> None:
        self._guarded(undoing=True)

    def _guarded(self, *, undoing: bool) -> None:
        if self.skip:
            self.skip = False
            return
        self.failed = True
        try:
            self.undo_it() if undoing else self.do()
        except Refusal as exc:
            self.setObsolete(True)
            self.history.refused.emit(told(str(exc)))
        except StorageError as exc:
            if self.applied:
                self.skip = True
                self.history.step_back_over(self, undoing)
            else:
                self.setObsolete(True)
            self.history.storage_failed.emit(translated(exc))
        except Exception:
            self.setObsolete(True)  # a bug: the crash report tells it; the stack keeps only what happened
            raise
        else:
            self.applied = True
            self.failed = False
