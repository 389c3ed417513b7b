"""The legend above the review view: which lane is whose (with the number key that accepts their
version), what the background and the hatching mean, and the "agreed spans into gold" switch."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from biaozhu.gui.common.wording import KIND_COLOURS, as_tooltip, fill, kind_text
from biaozhu.gui.review.lanes import GAP, LANE, lanes_room
from biaozhu.gui.widgets.flow_layout import FlowLayout

AUTO_GOLD_SETTING = "review/auto_gold"
SWATCH = 18


def lane_swatch(lane: int, lanes: int) -> QPixmap:
    """A little line of text with the lanes under it, this one drawn dark: where to look for someone's spans."""
    text_height = 8
    pixmap = QPixmap(SWATCH + 6, max(SWATCH, int(text_height + lanes_room(lanes))))
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.fillRect(QRectF(0, 0, SWATCH + 6, text_height), QColor("#e9ecef"))
    for k in range(lanes):
        colour = QColor("#1d3557") if k == lane else QColor("#ced4da")
        painter.fillRect(QRectF(0, text_height + GAP + LANE * k, SWATCH + 6, LANE - 1), colour)
    painter.end()
    return pixmap


def kind_swatch(kind: str) -> QPixmap:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    colour = QColor(KIND_COLOURS[kind])
    painter.fillRect(pixmap.rect(), QBrush(colour, Qt.BrushStyle.BDiagPattern))
    painter.setPen(colour)
    painter.drawRect(0, 0, SWATCH - 1, SWATCH - 1)
    painter.end()
    return pixmap


class ReviewLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = FlowLayout(self, spacing=12)  # wraps in a narrow window instead of squeezing the panels
        self.row.setContentsMargins(8, 4, 8, 4)
        lanes = QWidget(self)
        self.annotators = QHBoxLayout(lanes)
        self.annotators.setContentsMargins(0, 0, 0, 0)
        self.annotators.setSpacing(10)
        self.row.addWidget(lanes)
        for kind in ("missing", "boundary", "label", "boundary_label"):
            pair = QWidget(self)
            both = QHBoxLayout(pair)
            both.setContentsMargins(0, 0, 0, 0)
            swatch = QLabel(pair)
            swatch.setPixmap(kind_swatch(kind))
            both.addWidget(swatch)
            both.addWidget(QLabel(kind_text(kind), pair))
            self.row.addWidget(pair)
        self.auto_gold = QCheckBox(self.tr("Agreed spans into gold automatically"), self)
        self.auto_gold.setObjectName("auto-gold")
        self.auto_gold.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.auto_gold.setToolTip(self.tr("Spans every annotator has alike go into gold when a document opens"))
        self.auto_gold.setChecked(bool(QSettings().value(AUTO_GOLD_SETTING, True, type=bool)))
        self.auto_gold.toggled.connect(lambda on: QSettings().setValue(AUTO_GOLD_SETTING, on))
        self.row.addWidget(self.auto_gold)
        self._shown: list[QWidget] = []

    def set_annotators(self, names: tuple[str, ...]) -> None:
        """One entry per annotator, top lane first, numbered as the keys that accept their version."""
        for widget in self._shown:
            self.annotators.removeWidget(widget)
            widget.deleteLater()
        self._shown = []
        title = QLabel(self.tr("Lanes:"), self)
        self._shown.append(title)
        for lane, name in enumerate(names):
            swatch = QLabel(self)
            swatch.setPixmap(lane_swatch(lane, len(names)))
            text = QLabel(f"[{lane + 1}] {name}" if lane < 9 else name, self)
            text.setObjectName(f"lane-{lane + 1}")
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setToolTip(as_tooltip([fill(self.tr("Lane %1 under each line; press %1 to accept %2's version"),
                                             lane + 1, name)]))
            self._shown += [swatch, text]
        for widget in self._shown:
            self.annotators.addWidget(widget)
