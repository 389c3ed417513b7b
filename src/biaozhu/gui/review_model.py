"""The document under review as the window shows it, and the side panel's list of its disagreements.

:class:`ReviewedDocument` holds the comparison (which never changes while the window is open: decisions
only touch gold) and the gold layer (re-read after every decision), and works out which disagreements
are still open in one pass, by the rule of :meth:`biaozhu.db.review.DocumentReview.is_open` (that method
rebuilds its lookup per disagreement, too slow for thousands of them).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
)
from PySide6.QtGui import QColor, QFont, Qt

from biaozhu.corpus.adjudication import Disagreement
from biaozhu.corpus.model import Span
from biaozhu.db.review import DocumentReview, GoldSpan

KIND_COLOURS = {"missing": "#d62828", "boundary": "#f77f00", "label": "#7b2cbf", "boundary_label": "#c2185b",
                "single": "#6c757d"}
NUMBER, KIND, DECISION, WHERE, VERSIONS = range(5)

AnyIndex = QModelIndex | QPersistentModelIndex


def kind_text(kind: str) -> str:
    """A disagreement kind as the reviewer reads it."""
    translate = QCoreApplication.translate
    return {"missing": translate("Review", "missing"), "boundary": translate("Review", "boundary"),
            "label": translate("Review", "label"), "boundary_label": translate("Review", "boundary + label"),
            "single": translate("Review", "one annotator only")}.get(kind, kind)


def as_tooltip(lines: list[str]) -> str:
    """Tooltip text shown literally: Qt would take a span's ``<b>…`` for markup, so it is escaped."""
    return Qt.convertFromPlainText("\n".join(lines), Qt.WhiteSpaceMode.WhiteSpacePre)


def short(text: str, longest: int = 18) -> str:
    return text if len(text) <= longest else text[:longest - 1] + "…"


@dataclass(slots=True)
class ReviewedDocument:
    id: int
    name: str
    text: str
    review: DocumentReview
    decided: list[list[GoldSpan]] = field(default_factory=list)  # per disagreement: the gold spans deciding it

    def __post_init__(self) -> None:
        self.set_gold(self.review.gold, self.review.status)

    @property
    def annotators(self) -> tuple[str, ...]:
        return self.review.comparison.annotators

    @property
    def disagreements(self) -> list[Disagreement]:
        return self.review.comparison.disagreements

    def set_gold(self, gold: list[GoldSpan], status: str | None) -> None:
        """New gold (after a decision): which gold spans decide which disagreement, all in one pass."""
        self.review = DocumentReview(self.review.comparison, gold, status)
        comparison = self.review.comparison
        known = {*comparison.agreed, *(s for item in comparison.disagreements for s in item.spans())}
        by_span = {g.span: g for g in gold}
        own = sorted((g for g in gold if g.span not in known), key=lambda g: g.span.start)
        starts = [g.span.start for g in own]
        longest = max((g.span.end - g.span.start for g in own), default=0)
        self.decided = []
        for item in comparison.disagreements:
            taken = [by_span[s] for s in item.spans() if s in by_span]
            low, high = bisect_left(starts, item.start - longest), bisect_left(starts, item.end)
            taken += [g for g in own[low:high] if g.span.end > item.start]
            self.decided.append(taken)

    def is_open(self, number: int) -> bool:
        return not self.decided[number]

    def open_count(self) -> int:
        return sum(1 for taken in self.decided if not taken)

    def covering(self, start: int, end: int) -> list[int]:
        """Numbers of the disagreements overlapping ``[start, end)`` (a point when empty)."""
        end = max(end, start + 1)
        return [i for i, item in enumerate(self.disagreements) if item.start < end and start < item.end]

    def versions_text(self, item: Disagreement) -> str:
        parts = []
        for number, name in enumerate(self.annotators, 1):
            spans = item.versions.get(name, ())
            parts.append(f"{number} " + (", ".join(f"{s.label} {short(s.text)}" for s in spans) or "—"))
        return " | ".join(parts)


def describe_gold(gold: GoldSpan) -> str:
    origin = gold.origin or QCoreApplication.translate("Review", "all annotators")
    return (QCoreApplication.translate("Review", "gold: %1 “%2” [%3, %4) from %5, decided by %6").replace("%1", gold.span.label)
            .replace("%2", short(gold.span.text, 30)).replace("%3", str(gold.span.start))
            .replace("%4", str(gold.span.end)).replace("%5", origin).replace("%6", gold.decided_by or "?"))


def describe_version(number: int, name: str, span: Span) -> str:
    return f"{number} {name}: {span.label} “{short(span.text, 30)}” [{span.start}, {span.end})"


class DisagreementModel(QAbstractTableModel):
    """The open document's disagreements by position: kind, range, each annotator's version, the decision."""

    def __init__(self, parent: QAbstractTableModel | None = None) -> None:
        super().__init__(parent)
        self.document: ReviewedDocument | None = None

    def set_document(self, document: ReviewedDocument | None) -> None:
        self.beginResetModel()
        self.document = document
        self.endResetModel()

    def gold_changed(self) -> None:
        if self.document is not None and self.document.disagreements:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.document.disagreements) - 1, VERSIONS))

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
                return self.document.versions_text(item)
            taken = self.document.decided[row]
            if not taken:
                return self.tr("open")
            return " + ".join(dict.fromkeys(g.origin or self.tr("all") for g in taken))
        if role == Qt.ItemDataRole.ForegroundRole and column == KIND:
            return QColor(KIND_COLOURS.get(item.kind, "#333333"))
        if role == Qt.ItemDataRole.FontRole and self.document.is_open(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [describe_version(n, name, s) for n, name in enumerate(self.document.annotators, 1)
                     for s in item.versions.get(name, ())]
            return as_tooltip([f"{kind_text(item.kind)} [{item.start}, {item.end})", *lines,
                               *map(describe_gold, self.document.decided[row])])
        return None
