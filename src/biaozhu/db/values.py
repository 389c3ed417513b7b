"""METRIC values stored with the span: computed from the span's text whenever a METRIC span is written, or set by
hand (``value_by_hand``). Every path that writes a span's text or label fills the columns through here, so the
window, the CLI, import, merge and review agree on one rule: a hand-set value stays while the text stays."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refusal
from biaozhu.corpus.model import SpanValue
from biaozhu.corpus.quantities import Qualifier, parse_quantity, plain
from biaozhu.db.models import Annotator, Label, Span
from biaozhu.db.names import METRIC as METRIC

VALUE_COLUMNS = ("value", "value_max", "unit", "qualifier", "value_by_hand")
MAX_UNIT = 32


class ValueRefused(Refusal, ValueError):
    """A hand-set value that is not a number (or a span that is gone); the message says which."""


def value_columns(label: str, text: str) -> dict[str, object]:
    """The value columns of a span of ``label`` covering ``text``: parsed for METRIC (NULL where the text is not a
    figure: flagged, not guessed), empty for every other label."""
    quantity = parse_quantity(text) if label == METRIC else None
    if quantity is None:
        return {"value": None, "value_max": None, "unit": None, "qualifier": None, "value_by_hand": False}
    return {"value": plain(quantity.value),
            "value_max": None if quantity.value_max is None else plain(quantity.value_max),
            "unit": quantity.unit, "qualifier": quantity.qualifier.value, "value_by_hand": False}


def carried_values(label: str, text: str, values: dict[str, Any]) -> dict[str, object]:
    """The value columns of a span copied from elsewhere (the trash, another project): its hand-set value when it
    has a sound one, else computed from its text as for a new span."""
    if values.get("value_by_hand"):
        try:
            number = _number(str(values.get("value")), "the value")
            top = _number(str(values["value_max"]), "the maximum") if values.get("value_max") else None
            unit, qualifier = values.get("unit"), values.get("qualifier")
            if (unit is None or (isinstance(unit, str) and len(unit) <= MAX_UNIT)) \
                    and qualifier in {q.value for q in Qualifier}:
                return {"value": number, "value_max": top, "unit": unit, "qualifier": qualifier,
                        "value_by_hand": True}
        except ValueRefused:
            pass
    return value_columns(label, text)


def stored_values(session: Session, span_id: int) -> dict[str, object]:
    """A span's value columns as they are (for undo and for copying them to another span)."""
    row = session.execute(select(*(getattr(Span, name) for name in VALUE_COLUMNS))
                          .where(Span.id == span_id)).one_or_none()
    if row is None:
        raise ValueRefused(f"span {span_id} is gone (deleted elsewhere?)")
    return dict(zip(VALUE_COLUMNS, row, strict=True))


def refresh_values(session: Session, span_id: int, *, text_changed: bool) -> None:
    """Compute a span's values again after its label or range changed; a hand-set value is kept when the text
    is the same (a relabel, or a resize that covers the same characters)."""
    row = session.execute(select(Label.name, Span.text, Span.value_by_hand).join(Label, Label.id == Span.label_id)
                          .where(Span.id == span_id)).one_or_none()
    if row is None or (row.value_by_hand and not text_changed):
        return
    session.execute(update(Span).where(Span.id == span_id).values(**value_columns(row.name, row.text)))


def restore_values(session: Session, span_id: int, values: dict[str, object]) -> None:
    """Put back value columns read by :func:`stored_values` (undo, trash)."""
    session.execute(update(Span).where(Span.id == span_id).values(
        **{name: values[name] for name in VALUE_COLUMNS if name in values}))


def _number(text: str, what: str) -> str:
    try:
        number = Decimal(text.strip().replace(",", ""))
        if len(plain(number)) > 64:
            raise InvalidOperation
    except InvalidOperation:
        raise ValueRefused(f"{what} {text!r} is not a number (write plain digits: 37717800000, 0.5)") from None
    if not number.is_finite():
        raise ValueRefused(f"{what} {text!r} is not a number (write plain digits: 37717800000, 0.5)")
    return plain(number)


def set_value(session: Session, span_id: int, value: str, *, value_max: str | None = None,
              unit: str | None = None, qualifier: str | None = None) -> dict[str, object]:
    """Set a span's value by hand (kept until its text changes); returns the values it had, for undo. Unit and
    qualifier not given stay as they were; a ``value_max`` makes the qualifier ``range`` (unless another is given)."""
    old = stored_values(session, span_id)
    label = session.scalar(select(Label.name).join(Span, Span.label_id == Label.id).where(Span.id == span_id))
    if label != METRIC:
        raise ValueRefused(f"span {span_id} is a {label} span: only {METRIC} spans have a value")
    number = _number(value, "the value")
    top = _number(value_max, "the maximum") if value_max else None
    if top is not None and Decimal(top) < Decimal(number):
        raise ValueRefused(f"the maximum {top} is below the value {number}")
    if qualifier is None:
        qualifier = Qualifier.RANGE.value if top is not None else str(old["qualifier"] or Qualifier.EXACT.value)
    elif top is not None and qualifier == Qualifier.EXACT.value:  # a maximum says it is a range
        qualifier = Qualifier.RANGE.value
    if qualifier not in {q.value for q in Qualifier}:
        raise ValueRefused(f"the qualifier {qualifier!r} is none of {', '.join(q.value for q in Qualifier)}")
    unit = old["unit"] if unit is None else unit.strip()  # type: ignore[assignment]
    if unit is not None and len(unit) > MAX_UNIT:
        raise ValueRefused(f"the unit {unit[:40]!r} is longer than {MAX_UNIT} characters")
    session.execute(update(Span).where(Span.id == span_id).values(
        value=number, value_max=top, unit=unit or None, qualifier=qualifier, value_by_hand=True))
    return old


def span_values(session: Session, document_id: int) -> dict[tuple[str, int, int, str], SpanValue]:
    """The values of a document's spans in every layer, by (layer, start, end, label): what review shows beside
    each version and gold span."""
    rows = session.execute(select(Annotator.name, Span.start, Span.end, Label.name, Span.value, Span.value_max,
                                  Span.unit, Span.qualifier)
                           .join(Annotator, Annotator.id == Span.annotator_id).join(Label, Label.id == Span.label_id)
                           .where(Span.document_id == document_id, Span.value.is_not(None)))
    return {(layer, start, end, label): SpanValue(str(value), top, unit, qualifier)
            for layer, start, end, label, value, top, unit, qualifier in rows}
