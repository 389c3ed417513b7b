"""The undo steps of comments, for both windows' comments panel: a comment posted, a thread resolved or
reopened, a comment deleted into the trash; each writes the database in one transaction and undoes there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy.orm import Session

from biaozhu.db.comments import Thread, add_comment, remove_comment, resolve_thread, trash_comment
from biaozhu.db.trash import restore
from biaozhu.gui.common.changes import Change, Changed
from biaozhu.gui.common.runner import ActionRunner
from biaozhu.gui.common.undo import History, StoredCommand
from biaozhu.gui.common.wording import fill, short

ADD = QT_TRANSLATE_NOOP("Commands", "comment “%1”")
RESOLVE = QT_TRANSLATE_NOOP("Commands", "resolve a comment thread")
REOPEN = QT_TRANSLATE_NOOP("Commands", "reopen a comment thread")
DELETE = QT_TRANSLATE_NOOP("Commands", "delete comment “%1”")
Target = tuple[int, int | None, int | None, int | None]  # document, span, thread replied to, relation


def _name(template: object, *values: object) -> str:
    return fill(QCoreApplication.translate("Commands", str(template)), *values)


class CommentCommand(StoredCommand):
    """A write of comments through the runner, published as a change of the document's comments."""

    def __init__(self, runner: ActionRunner, history: History, document_id: int, name: str) -> None:
        super().__init__(history, name, document_id)
        self.runner = runner

    def write(self, action: Callable[[Session], object]) -> object:
        assert self.document_id is not None
        return self.runner.write(action, Change(Changed.COMMENTS, frozenset({self.document_id}), self))


class AddComment(CommentCommand):
    def __init__(self, runner: ActionRunner, history: History, author: str, target: Target, text: str) -> None:
        super().__init__(runner, history, target[0], _name(ADD, short(text.strip(), 16)))
        self.author, self.target, self.body = author, target, text
        self.comment_id: int | None = None

    def do(self) -> None:
        document, span, parent, relation = self.target
        self.comment_id = int(str(self.write(lambda session: add_comment(
            session, document, self.author, self.body, span_id=span, parent_id=parent, relation_id=relation))))

    def undo_it(self) -> None:
        comment_id = self.comment_id
        assert comment_id is not None
        self.write(lambda session: remove_comment(session, comment_id))


class ResolveThread(CommentCommand):
    def __init__(self, runner: ActionRunner, history: History, person: str, thread: Thread, resolved: bool) -> None:
        super().__init__(runner, history, thread.document_id, _name(RESOLVE if resolved else REOPEN))
        self.person, self.thread_id, self.resolved, self.was = person, thread.id, resolved, thread.resolved

    def do(self) -> None:
        self.was = bool(self.write(lambda session: resolve_thread(session, self.thread_id, self.person,
                                                                  self.resolved)))

    def undo_it(self) -> None:
        self.write(lambda session: resolve_thread(session, self.thread_id, self.person, self.was))


class DeleteComment(CommentCommand):
    """A thread (or one reply) into the trash; undo brings it back from there, under its old id."""

    def __init__(self, runner: ActionRunner, history: History, person: str, document_id: int, comment_id: int,
                 text: str) -> None:
        super().__init__(runner, history, document_id, _name(DELETE, short(text, 16)))
        self.person, self.comment_id = person, comment_id
        self.trash_id: int | None = None

    def do(self) -> None:
        self.trash_id = int(str(self.write(lambda session: trash_comment(session, self.comment_id, self.person))))

    def undo_it(self) -> None:
        trash_id = self.trash_id
        assert trash_id is not None
        self.write(lambda session: restore(session, trash_id))
