"""The guide: the project's general guideline (``project_settings`` key ``guideline``), each label's guideline
(``labels.definition``, Markdown) and the spans reviewers pinned as good or bad examples of their label.

Examples brought in from another project's shared set have no span here: they are kept as text in context
(``project_settings`` key ``examples``, JSON) and shown beside the pinned ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refusal
from biaozhu.corpus.guidelines import CONTEXT, VERDICTS, GuideExample, SharedSet, in_context
from biaozhu.db.labels import apply_label_set, label_set
from biaozhu.db.models import Annotator, Document, Label, PinnedExample, ProjectSetting, Span
from biaozhu.db.permissions import require_reviewer
from biaozhu.db.relation_types import apply_relation_type_set, relation_type_set

GUIDELINE = "guideline"
EXAMPLES = "examples"


class PinRefused(Refusal, ValueError):
    """A pin that cannot be made (the span is gone, an unknown verdict); the message says why."""


@dataclass(frozen=True, slots=True)
class Example:
    """An example as the guide shows it: pinned ones name their span, document and layer; shared ones do not."""

    example: GuideExample
    span_id: int | None = None
    document: str = ""
    annotator: str = ""


def get_setting(session: Session, key: str) -> str:
    return session.scalar(select(ProjectSetting.value).where(ProjectSetting.key == key)) or ""


def set_setting(session: Session, key: str, value: str) -> str:
    """Store ``value`` under ``key``; returns what was there (for undo)."""
    row = session.get(ProjectSetting, key)
    old = row.value if row is not None else ""
    if row is None:
        session.add(ProjectSetting(key=key, value=value))
    else:
        row.value = value
    session.flush()
    return old


def project_guideline(session: Session) -> str:
    return get_setting(session, GUIDELINE)


def set_project_guideline(session: Session, text: str) -> str:
    """The project's general guideline (Markdown); returns the one it replaces."""
    return set_setting(session, GUIDELINE, text)


def pin_example(session: Session, span_id: int, verdict: str | None, actor: str, note: str = "") -> str | None:
    """``actor`` (a reviewer) pins a span as a good or bad example of its label (``None``: unpins it); returns
    the verdict it had, for undo."""
    require_reviewer(session, actor, "pin guideline examples")
    if verdict is not None and verdict not in VERDICTS:
        raise PinRefused(f"an example is good or bad, not {verdict!r}")
    if session.get(Span, span_id) is None:
        raise PinRefused(f"span {span_id} is gone (deleted elsewhere?)")
    row = session.scalar(select(PinnedExample).where(PinnedExample.span_id == span_id))
    old = row.verdict if row is not None else None
    if verdict is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        pinner = session.scalar(select(Annotator.id).where(Annotator.name == actor))
        session.add(PinnedExample(span_id=span_id, verdict=verdict, note=note, pinned_by_id=pinner))
    else:
        row.verdict = verdict
    session.flush()
    return old


def pinned_verdicts(session: Session, span_ids: list[int]) -> dict[int, str]:
    """The verdicts of those of these spans that are pinned."""
    if not span_ids:
        return {}
    rows = session.execute(select(PinnedExample.span_id, PinnedExample.verdict)
                           .where(PinnedExample.span_id.in_(span_ids)))
    return {span_id: verdict for span_id, verdict in rows}


def pinned_span_ids(session: Session) -> set[int]:
    """Every pinned span (a few): the guide compares them with those it shows."""
    return set(session.scalars(select(PinnedExample.span_id)))


def _shared(session: Session) -> list[GuideExample]:
    raw = get_setting(session, EXAMPLES)
    try:
        items = json.loads(raw) if raw else []
    except json.JSONDecodeError:
        return []
    return [GuideExample(**item) for item in items if isinstance(item, dict)]


def list_examples(session: Session, label: str | None = None) -> list[Example]:
    """Pinned examples (with their context) then shared ones, of one label or all, good before bad."""
    pins = {span_id: (verdict, note, at) for span_id, verdict, note, at in session.execute(
        select(PinnedExample.span_id, PinnedExample.verdict, PinnedExample.note, PinnedExample.pinned_at))}
    # The few pins first, then their spans by id: joined from the spans' side, SQLite would walk every span.
    query = (select(Span.id, Span.document_id, Span.start, Span.end, Label.name, Label.position, Document.name,
                    Annotator.name)
             .join(Label, Span.label_id == Label.id).join(Document, Span.document_id == Document.id)
             .join(Annotator, Span.annotator_id == Annotator.id).where(Span.id.in_(pins)))
    if label is not None:
        query = query.where(Label.name == label)
    rows = sorted(session.execute(query) if pins else [],
                  key=lambda row: (row[5], pins[row[0]][0] != "good", pins[row[0]][2], row[0]))
    found = []
    for span_id, document_id, start, end, name, _, document, annotator in rows:
        verdict, note, _ = pins[span_id]
        low = max(0, start - CONTEXT)  # only the stretch around the span is read, not a report of megabytes
        around = session.scalar(select(func.substr(Document.text, low + 1, end + CONTEXT - low))
                                .where(Document.id == document_id)) or ""
        before, text, after = in_context(around, start - low, end - low)
        found.append(Example(GuideExample(name, verdict, before, text, after, note), span_id, document, annotator))
    shown = {item.example[:5] for item in found}
    found += [Example(item) for item in _shared(session)
              if (label is None or item.label == label) and item[:5] not in shown]
    return found


def shared_set(session: Session) -> dict[str, Any]:
    """The project's labels, guidelines and examples as the file a team shares (``biaozhu labels export``)."""
    examples: dict[str, list[dict[str, str]]] = {}
    for item in list_examples(session):
        examples.setdefault(item.example.label, []).append(item.example.as_dict())
    return {"guideline": project_guideline(session),
            "labels": [{**label, "examples": examples.get(label["name"], [])} for label in label_set(session)],
            "relation_types": relation_type_set(session)}


class SharedSetApplied(NamedTuple):
    """What a shared set changed: label names added and updated, examples added, relation types added and
    updated."""

    added: list[str]
    updated: list[str]
    examples: int
    types_added: list[str]
    types_updated: list[str]


def apply_shared_set(session: Session, shared: SharedSet) -> SharedSetApplied:
    """Bring a shared set in: labels as :func:`apply_label_set`, its guideline when it has one, its examples we
    do not show yet, its relation types (after the labels they join)."""
    added, updated = apply_label_set(session, shared.labels)
    if shared.guideline:
        set_project_guideline(session, shared.guideline)
    known = {item.example[:5] for item in list_examples(session)}
    new = [item for item in dict.fromkeys(shared.examples) if item[:5] not in known]
    if new:
        kept = [item._asdict() for item in (*_shared(session), *new)]
        set_setting(session, EXAMPLES, json.dumps(kept, ensure_ascii=False))
    return SharedSetApplied(added, updated, len(new), *apply_relation_type_set(session, shared.relation_types))
