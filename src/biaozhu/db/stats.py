"""Where a project stands, from SQL aggregates only: per layer its documents by status, its spans by label and
by day; and per suggestion engine how many of its suggestions were accepted, rejected or are still open. A project
of 100,000 documents answers from a few grouped queries, never by reading spans one by one (benchmarks/stats.py
measures it next to the bare aggregates)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, case, func, select
from sqlalchemy.orm import Session

from biaozhu.corpus.suggestions import ENGINES
from biaozhu.db.models import GOLD, SUGGESTIONS, Annotator, Document, DocumentStatus, Label, Span
from biaozhu.db.suggestions import FROM_SUGGESTION, REJECTED

NOT_STARTED = "not_started"
PROGRESS = (NOT_STARTED, "in_progress", "done", "adjudicated")


@dataclass
class LayerStats:
    """One layer (an annotator, or gold): how many documents stand where, and its spans."""

    name: str
    role: str
    documents: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PROGRESS, 0))
    spans: int = 0
    by_label: dict[str, int] = field(default_factory=dict)
    by_day: dict[str, int] = field(default_factory=dict)  # ISO date (UTC) → spans created that day


@dataclass
class ProjectStats:
    documents: int
    characters: int
    labels: list[str]
    layers: list[LayerStats]
    # engine → {"accepted", "rejected", "open"} → how many of its suggestions
    suggestions: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """What ``biaozhu stats --format json`` prints and the statistics window shows."""
        return {"documents": self.documents, "characters": self.characters, "labels": self.labels,
                "layers": [{"name": layer.name, "role": layer.role, "documents": layer.documents,
                            "spans": layer.spans, "by_label": layer.by_label, "by_day": layer.by_day}
                           for layer in self.layers],
                "suggestions": self.suggestions}

    def days(self) -> list[str]:
        """Every day any layer added a span, in order."""
        return sorted({day for layer in self.layers for day in layer.by_day})


def project_stats(session: Session) -> ProjectStats:
    """The figures, in five grouped queries."""
    documents, characters = session.execute(select(func.count(Document.id),
                                                    func.coalesce(func.sum(Document.length), 0))).one()
    labels = list(session.scalars(select(Label.name).order_by(Label.position, Label.id)))
    people = Annotator.name != SUGGESTIONS  # nobody's data until accepted, as in exports, review and agreement
    layers = {name: LayerStats(name, role) for name, role in
              session.execute(select(Annotator.name, Annotator.role).where(people).order_by(Annotator.name))}
    for name, status, count in session.execute(
            select(Annotator.name, DocumentStatus.status, func.count())
            .join(Annotator, Annotator.id == DocumentStatus.annotator_id).where(people)
            .group_by(Annotator.name, DocumentStatus.status)):
        layers[name].documents[status] = count
    for name, label, count in session.execute(
            select(Annotator.name, Label.name, func.count(Span.id))
            .join(Annotator, Annotator.id == Span.annotator_id).join(Label, Label.id == Span.label_id)
            .where(people).group_by(Annotator.name, Label.name)):
        layers[name].by_label[label] = count
        layers[name].spans += count
    day = func.date(Span.created_at, type_=String)  # SQLite: its text; PostgreSQL: date(), a cast
    for name, when, count in session.execute(
            select(Annotator.name, day, func.count(Span.id)).join(Annotator, Annotator.id == Span.annotator_id)
            .where(people).group_by(Annotator.name, day)):
        layers[name].by_day[str(when)] = count
    for layer in layers.values():
        layer.documents[NOT_STARTED] = documents - sum(layer.documents.values())
    shown = [layer for layer in layers.values() if layer.spans or any(layer.documents[s] for s in PROGRESS[1:])]
    return ProjectStats(documents, characters, labels, shown, suggestion_stats(session))


DECISIONS = ("accepted", "rejected", "open")


def suggestion_stats(session: Session) -> dict[str, dict[str, int]]:
    """Per engine: its suggestions accepted (spans of people's layers whose note says they came from one of its
    suggestions), rejected and still open (in the suggestions layer), from one grouped query."""
    kind = case((Span.note.like(f"{FROM_SUGGESTION}%"), "accepted"), (Span.note.like(f"{REJECTED}%"), "rejected"),
                else_="open")
    engine = case(*((Span.note.like(f"%{name} %"), name) for name in ENGINES), else_="other")
    suggestions_layer = Annotator.name == SUGGESTIONS
    counted: dict[str, dict[str, int]] = {}
    for name, decision, count in session.execute(
            select(engine, kind, func.count(Span.id)).join(Annotator, Annotator.id == Span.annotator_id)
            .where(suggestions_layer | (Span.note.like(f"{FROM_SUGGESTION}%") & (Annotator.name != GOLD)))
            .group_by(engine, kind)):
        counted.setdefault(str(name), dict.fromkeys(DECISIONS, 0))[str(decision)] = count
    order = {name: at for at, name in enumerate(ENGINES)}  # the engines in their order, a hand-written note after
    return {name: counted[name] for name in sorted(counted, key=lambda n: (order.get(n, len(order)), n))}
