"""Where a project stands, from SQL aggregates only: per layer its documents by status, its spans by label and
by day, the time spent on it by day; the agreement over time; and per suggestion engine how many of its
suggestions were accepted, rejected or are still open. A project of 100,000 documents answers from a
few grouped queries on ids, never by reading spans one by one (benchmarks/stats.py measures it next to the bare
aggregates).

Spans are counted in ONE query grouped by (layer, day, label), which gives both the spans per label and the
spans per day: SQLite scans the spans once instead of twice, and with an index on
``(annotator_id, substr(created_at, 1, 10), label_id)`` reads it in order from the index without sorting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, String, case, func, literal, literal_column, select, text
from sqlalchemy.orm import Session

from biaozhu.corpus.suggestions import ENGINES
from biaozhu.db.agreement_history import Snapshot, agreement_history
from biaozhu.db.models import (
    FROM_SUGGESTION,
    GOLD,
    NOTED,
    REJECTED,
    SUGGESTIONS,
    Annotator,
    Document,
    DocumentStatus,
    Label,
    Span,
)
from biaozhu.db.time_spent import seconds_by_day

NOT_STARTED = "not_started"
PROGRESS = (NOT_STARTED, "in_progress", "done", "adjudicated")


@dataclass
class LayerStats:
    """One layer (an annotator, or gold): how many documents stand where, its spans, the time spent."""

    name: str
    role: str
    documents: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PROGRESS, 0))
    spans: int = 0
    by_label: dict[str, int] = field(default_factory=dict)
    by_day: dict[str, int] = field(default_factory=dict)  # ISO date (UTC) → spans created that day
    seconds: int = 0  # time spent with documents open in the active window
    seconds_by_day: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "documents": self.documents, "spans": self.spans,
                "by_label": self.by_label, "by_day": self.by_day, "seconds": self.seconds,
                "seconds_by_day": self.seconds_by_day}


@dataclass
class ProjectStats:
    documents: int
    characters: int
    labels: list[str]
    layers: list[LayerStats]
    agreement: list[Snapshot] = field(default_factory=list)  # oldest first
    # engine → {"accepted", "rejected", "open"} → how many of its suggestions
    suggestions: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """What ``biaozhu stats --format json`` prints and the statistics window shows."""
        return {"documents": self.documents, "characters": self.characters, "labels": self.labels,
                "layers": [layer.as_dict() for layer in self.layers],
                "agreement": [snapshot.as_dict() for snapshot in self.agreement], "suggestions": self.suggestions}

    def days(self) -> list[str]:
        """Every day any layer added a span, in order."""
        return sorted({day for layer in self.layers for day in layer.by_day})

    def work_days(self) -> list[str]:
        """Every day anyone spent time on a document, in order."""
        return sorted({day for layer in self.layers for day in layer.seconds_by_day})


def span_day(session: Session) -> ColumnElement[Any]:
    """A span's creation day (UTC) as text. On SQLite the exact expression an index can hold (a bound
    parameter in it would keep SQLite from using the index); on PostgreSQL the UTC day whatever the session's
    time zone."""
    if session.get_bind().dialect.name == "sqlite":
        return literal_column("substr(spans.created_at, 1, 10)", String)
    return func.date(func.timezone("UTC", Span.created_at), type_=String)


def people(session: Session) -> dict[int, tuple[str, str]]:
    """Every layer but the suggestions' (nobody's data until accepted, as in exports, review and agreement)."""
    return {id_: (name, role) for id_, name, role in session.execute(
        select(Annotator.id, Annotator.name, Annotator.role).where(Annotator.name != SUGGESTIONS)
        .order_by(Annotator.name))}


def project_stats(session: Session) -> ProjectStats:
    """The figures, in a handful of grouped queries on ids; names are looked up afterwards."""
    documents, characters = session.execute(select(func.count(Document.id),
                                                    func.coalesce(func.sum(Document.length), 0))).one()
    label_rows = session.execute(select(Label.id, Label.name).order_by(Label.position, Label.id)).all()
    label_names = dict(label_rows)
    layers = {id_: LayerStats(name, role) for id_, (name, role) in people(session).items()}
    for annotator_id, status, count in session.execute(
            select(DocumentStatus.annotator_id, DocumentStatus.status, func.count())
            .group_by(DocumentStatus.annotator_id, DocumentStatus.status)):
        if annotator_id in layers:
            layers[annotator_id].documents[status] = count
    day = span_day(session)
    for annotator_id, when, label_id, count in session.execute(
            select(Span.annotator_id, day, Span.label_id, func.count())
            .group_by(Span.annotator_id, day, Span.label_id)):
        layer = layers.get(annotator_id)
        if layer is None:
            continue
        label = label_names[label_id]
        layer.by_label[label] = layer.by_label.get(label, 0) + count
        layer.by_day[str(when)] = layer.by_day.get(str(when), 0) + count
        layer.spans += count
    for annotator_id, worked, seconds in seconds_by_day(session):
        if annotator_id in layers:
            layer = layers[annotator_id]
            layer.seconds_by_day[iso(worked)] = seconds
            layer.seconds += seconds
    for layer in layers.values():
        layer.documents[NOT_STARTED] = documents - sum(layer.documents.values())
        layer.by_label = {name: layer.by_label[name] for name in label_names.values() if name in layer.by_label}
        layer.by_day = dict(sorted(layer.by_day.items()))
        layer.seconds_by_day = dict(sorted(layer.seconds_by_day.items()))
    shown = [layer for layer in layers.values()
             if layer.spans or layer.seconds or any(layer.documents[s] for s in PROGRESS[1:])]
    return ProjectStats(documents, characters, [name for _, name in label_rows], shown, agreement_history(session),
                        suggestion_stats(session))


def duration(seconds: int) -> str:
    """Seconds as H:MM:SS, as people read time spent."""
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def iso(day: date | str) -> str:
    """A day as ISO text, whichever way the backend returned it."""
    return day if isinstance(day, str) else day.isoformat()


DECISIONS = ("accepted", "rejected", "open")


def suggestion_queries() -> tuple[Select[tuple[str, str, int]], Select[tuple[str, str, int]]]:
    """(engine, decision, count) rows: the suggestions layer's spans, rejected or open; and people's spans
    accepted from a suggestion. Both read the partial index ``ix_spans_noted`` alone (its condition said in its
    own words, so that the database sees it applies), never every span's note."""
    engine = case(*((Span.note.like(f"%{name} %"), name) for name in ENGINES), else_="other")
    kind = case((Span.note.like(f"{REJECTED}%"), "rejected"), else_="open")
    layer = select(Annotator.id).where(Annotator.name == SUGGESTIONS)
    not_people = select(Annotator.id).where(Annotator.name.in_((GOLD, SUGGESTIONS)))
    noted = text(NOTED)  # every suggestion's note names its engine
    return (select(engine, kind, func.count()).where(noted, Span.annotator_id.in_(layer)).group_by(engine, kind),
            select(engine, literal("accepted"), func.count())
            .where(noted, Span.note.like(f"{FROM_SUGGESTION}%"), Span.annotator_id.not_in(not_people))
            .group_by(engine))


def suggestion_stats(session: Session) -> dict[str, dict[str, int]]:
    """Per engine: its suggestions accepted, rejected and still open (:func:`suggestion_queries`)."""
    decided, accepted = suggestion_queries()
    counted: dict[str, dict[str, int]] = {}
    for name, decision, count in [*session.execute(decided), *session.execute(accepted)]:
        counted.setdefault(str(name), dict.fromkeys(DECISIONS, 0))[str(decision)] = count
    order = {name: at for at, name in enumerate(ENGINES)}  # the engines in their order, a hand-written note after
    return {name: counted[name] for name in sorted(counted, key=lambda n: (order.get(n, len(order)), n))}
