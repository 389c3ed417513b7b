"""Pinned examples travel with their span: into the trash (beside its comments) and back, so undoing a
deletion, or restoring a document or a label, keeps a reviewer's pins."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, insert, select
from sqlalchemy.orm import Session

from biaozhu.db.models import PinnedExample


def pins_payload(session: Session, span_ids: list[int] | Select[int]) -> list[dict[str, Any]]:
    """The pins of these spans (ids, or a query of them: a label may have a million) as the trash keeps them."""
    return [{"span_id": span_id, "verdict": verdict, "note": note, "pinned_by_id": who,
             "pinned_at": at.isoformat() if at else None}
            for span_id, verdict, note, who, at in session.execute(
                select(PinnedExample.span_id, PinnedExample.verdict, PinnedExample.note, PinnedExample.pinned_by_id,
                       PinnedExample.pinned_at).where(PinnedExample.span_id.in_(span_ids)))]


def restore_pins(session: Session, pins: list[dict[str, Any]], span_ids: dict[int, int]) -> None:
    """The pins back on the spans they came back as (old id → new id); a span that stayed out keeps none."""
    rows = [{**pin, "span_id": span_ids[pin["span_id"]],
             "pinned_at": datetime.fromisoformat(pin["pinned_at"]) if pin["pinned_at"] else None}
            for pin in pins if pin["span_id"] in span_ids]
    if rows:
        session.execute(insert(PinnedExample), rows)
