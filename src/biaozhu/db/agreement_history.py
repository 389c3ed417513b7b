"""Agreement over time: a snapshot of the project's agreement (:mod:`biaozhu.corpus.agreement_summary`) is
stored whenever it is computed over all annotators and labels (the agreement dialog, ``biaozhu agreement``, the
statistics window), at most one an hour unless the figures changed, so the history shows change, not how often
someone looked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.agreement_summary import AgreementSummary, relation_f1
from biaozhu.db.models import AgreementSnapshot, utcnow

QUIET = timedelta(hours=1)  # the same figures again within this time are not stored again


@dataclass(frozen=True)
class Snapshot:
    at: datetime  # UTC
    f1: float | None
    kappa: float | None
    documents: int
    detail: dict[str, Any]

    @property
    def relation_f1(self) -> float | None:
        """Relation F1 pooled over every pair, when the annotators had linked spans then."""
        return relation_f1(self.detail)

    def as_dict(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(timespec="seconds"), "f1": self.f1, "kappa": self.kappa,
                "relation_f1": self.relation_f1, "documents": self.documents, "detail": self.detail}


def utc(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes: they were stored in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def record_agreement(session: Session, summary: AgreementSummary, now: datetime | None = None) -> bool:
    """Store ``summary`` unless nothing was compared, or the last snapshot is under an hour old with the same
    figures; whether it was stored."""
    if not summary.documents:
        return False
    now = now or utcnow()
    last = session.scalars(select(AgreementSnapshot).order_by(AgreementSnapshot.at.desc(), AgreementSnapshot.id.desc())
                           .limit(1)).first()
    if last is not None and now - utc(last.at) < QUIET and \
            (last.f1, last.kappa, last.documents, last.detail) == \
            (summary.f1, summary.kappa, summary.documents, summary.detail):
        return False
    session.add(AgreementSnapshot(at=now, f1=summary.f1, kappa=summary.kappa, documents=summary.documents,
                                  detail=summary.detail))
    session.flush()
    return True


def agreement_history(session: Session) -> list[Snapshot]:
    """Every snapshot, oldest first."""
    return [Snapshot(utc(row.at), row.f1, row.kappa, row.documents, row.detail) for row in session.scalars(
        select(AgreementSnapshot).order_by(AgreementSnapshot.at, AgreementSnapshot.id))]
