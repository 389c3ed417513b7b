"""The audit log: who did what, when, for the actions that change the project for everyone.

The db function of each such action calls :func:`record` inside the action's own transaction, so an entry
exists exactly when the action was committed. Shown by ``biaozhu log`` and in the app (Edit → audit log).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.db.models import AuditEntry

ACTIONS = ("import", "delete", "trash empty", "merge", "role", "gold")
UNKNOWN = "-"  # no name given (the seed reports of a new project)


@dataclass(frozen=True, slots=True)
class LoggedAction:
    id: int
    at: datetime
    actor: str
    action: str
    detail: str


def record(session: Session, actor: str | None, action: str, detail: str) -> None:
    """Log ``action`` by ``actor`` in the caller's transaction."""
    assert action in ACTIONS, action
    # A file name that is not UTF-8 holds lone surrogates, which no database stores: keep them as \udcxx.
    detail = detail.encode("utf-8", "backslashreplace").decode("utf-8")
    session.add(AuditEntry(actor=(actor or UNKNOWN)[:128], action=action, detail=detail))
    session.flush()


def audit_log(session: Session, limit: int | None = None) -> list[LoggedAction]:
    """The log, newest first (the newest ``limit`` entries); times in UTC on every backend (SQLite stores them
    without a zone)."""
    query = select(AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.detail) \
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    return [LoggedAction(entry_id, at if at.tzinfo else at.replace(tzinfo=UTC), actor, action, detail)
            for entry_id, at, actor, action, detail in session.execute(query.limit(limit) if limit else query)]
