"""The document under review as the window shows it, and the side panel's list of its disagreements.

:class:`ReviewedDocument` holds the document's review: the comparison (which never changes while the window
is open: decisions only touch gold) and each disagreement's verdict (re-read after every decision).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
)
from PySide6.QtGui import QColor, QFont, Qt

from biaozhu.corpus.adjudication import Disagreement
from biaozhu.corpus.model import Relation, Span, SpanValue
from biaozhu.db.gold import GoldSpan
from biaozhu.db.models import GOLD
from biaozhu.db.review import DocumentReview, Verdict
from biaozhu.gui.common.wording import KIND_COLOURS, as_tooltip, fill, kind_text, short

NUMBER, KIND, DECISION, WHERE, VERSIONS = range(5)

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(slots=True)
class ReviewedDocument:
    id: int
    name: str
    text: str
    review: DocumentReview  # replaced after every decision (gold and rejections re-read, layers not compared)

    @property
    def annotators(self) -> tuple[str, ...]:
        return self.review.comparison.annotators

    @property
    def disagreements(self) -> list[Disagreement]:
        return self.review.comparison.disagreements

    def verdict(self, number: int) -> Verdict:
        return self.review.verdicts[number]

    def is_open(self, number: int) -> bool:
        return self.review.is_open(number)

    def open_count(self) -> int:
        return sum(1 for verdict in self.review.verdicts if verdict.open)

    def covering(self, start: int, end: int) -> list[int]:
        """Numbers of the disagreements overlapping ``[start, end)`` (a point when empty)."""
        end = max(end, start + 1)
        return [i for i, item in enumerate(self.disagreements) if item.start < end and start < item.end]

    def versions_text(self, item: Disagreement, titles: dict[str, str] | None = None) -> str:
        """Each annotator's version on one line: "1 机构 泸州银行 | 2 —", labels by their titles where known."""
        parts = []
        shown = titles or {}
        for number, name in enumerate(self.annotators, 1):
            spans = item.versions.get(name, ())
            parts.append(f"{number} " + (", ".join(f"{shown.get(s.label, s.label)} {short(s.text)}" for s in spans)
                                         or "—"))
        return " | ".join(parts)


QUALIFIERS = {"at_least": "≥ ", "at_most": "≤ ", "about": "≈ "}
Values = dict[tuple[str, int, int, str], SpanValue]  # by layer, start, end, label


def value_of(values: Values, layer: str, span: Span) -> SpanValue | None:
    return values.get((layer, span.start, span.end, span.label))


def describe_value(value: SpanValue | None) -> str:
    """A METRIC span's figure after its description: " · value ≥ 50000–80000 元" (nothing for other spans)."""
    if value is None:
        return ""
    figure = value.value if value.value_max is None else f"{value.value}–{value.value_max}"
    text = f"{QUALIFIERS.get(value.qualifier or '', '')}{figure}{' ' + value.unit if value.unit else ''}"
    return " · " + fill(QCoreApplication.translate("Review", "value %1"), text)


def describe_gold(gold: GoldSpan, value: SpanValue | None = None) -> str:
    origin = gold.origin or QCoreApplication.translate("Review", "all annotators")
    return fill(QCoreApplication.translate("Review", "gold: %1 “%2” [%3, %4) from %5, decided by %6"),
                gold.span.label, short(gold.span.text, 30), gold.span.start, gold.span.end, origin,
                gold.decided_by or "?") + describe_value(value)


def describe_links(relations: set[Relation] | None, span: Span) -> list[str]:
    """The relations going out of a span, a line each under it: "  → 所属项目 “酒城同心金融速贷”"."""
    return [f"    → {r.type} “{short(r.to_span.text, 30)}”" for r in sorted(relations or (), key=lambda r: r.to_span)
            if r.from_span == span]


def describe_verdict(verdict: Verdict, values: Values | None = None) -> list[str]:
    """The gold spans deciding a disagreement (with their values), or who rejected it, a line each (nothing while
    open)."""
    lines = [describe_gold(gold, value_of(values or {}, GOLD, gold.span)) for gold in verdict.gold]
    if verdict.rejection is not None:
        lines.append(fill(QCoreApplication.translate("Review", "rejected by %1: none of the versions is gold"),
                          verdict.rejection.decided_by or "?"))
    return lines


def describe_version(number: int, name: str, span: Span, value: SpanValue | None = None) -> str:
    return f"{number} {name}: {span.label} “{short(span.text, 30)}” [{span.start}, {span.end})" + describe_value(value)


class DisagreementModel(QAbstractTableModel):
    """The open document's disagreements by position: kind, range, each annotator's version, the decision."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: ReviewedDocument | None = None
        self.titles: Callable[[], dict[str, str]] = dict  # label names to their titles (the window's label set)

    def set_document(self, document: ReviewedDocument | None) -> None:
        self.beginResetModel()
        self.document = document
        self.endResetModel()

    def gold_changed(self, rows: list[int]) -> None:
        """These disagreements' verdicts changed: only their rows are drawn again."""
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, VERSIONS))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.document is None else len(self.document.disagreements)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("#", self.tr("Kind"), self.tr("Gold"), self.tr("Where"), self.tr("Versions"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.document is None:
            return None
        row, column = index.row(), index.column()
        item = self.document.disagreements[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER:
                return str(row + 1)
            if column == KIND:
                return kind_text(item.kind)
            if column == WHERE:
                return short(self.document.text[item.start:item.end], 8)
            if column == VERSIONS:
                return self.document.versions_text(item, self.titles())
            verdict = self.document.verdict(row)
            if verdict.gold:
                return " + ".join(dict.fromkeys(g.origin or self.tr("all") for g in verdict.gold))
            return self.tr("rejected") if verdict.rejection else self.tr("open")
        if role == Qt.ItemDataRole.ForegroundRole and column == KIND:
            return QColor(KIND_COLOURS.get(item.kind, "#333333"))
        if role == Qt.ItemDataRole.FontRole and self.document.is_open(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            values = self.document.review.values
            lines = [describe_version(n, name, s, value_of(values, name, s))
                     for n, name in enumerate(self.document.annotators, 1) for s in item.versions.get(name, ())]
            return as_tooltip([f"{kind_text(item.kind)} [{item.start}, {item.end})", *lines,
                               *describe_verdict(self.document.verdict(row), values)])
        return None
