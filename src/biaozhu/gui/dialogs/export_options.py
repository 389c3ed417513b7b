"""The export dialog's options, one widget per option of ``biaozhu export``, turned into the same
:class:`~biaozhu.operations.export.ExportRequest` the command line builds.

Options a format cannot use are disabled rather than refused later: tags and tag ids only for token
formats, "keep nested spans" only where they can be held.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from biaozhu.corpus.formats.writing import FORMATS
from biaozhu.db.models import GOLD, MAJORITY
from biaozhu.gui.common.label_infos import LabelInfo
from biaozhu.operations.export import ExportRequest

# What a file of each format is called; brat writes a folder.
EXTENSIONS = {"jsonl": ".jsonl", "doccano-entities": ".jsonl", "spans": ".jsonl", "spacy": ".spacy",
              "conll": ".conll", "hf": ".jsonl", "brat": "", "labelstudio": ".json", "cluener": ".jsonl"}
DEFAULT_FRACTIONS = (0.8, 0.1, 0.1)


def _combo(parent: QWidget, name: str, items: Sequence[tuple[str, object]]) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    for text, data in items:
        box.addItem(text, data)
    return box


class ExportOptionsForm(QWidget):
    """``changed`` fires on every edit, so the dialog can refresh its preview."""

    changed = Signal()

    def __init__(self, annotators: Sequence[str], labels: Sequence[LabelInfo], layer: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # rows stay together
        self.format_box = _combo(self, "format", [(self.format_description(name), name) for name in FORMATS])
        layers: list[tuple[str, object]] = [(self.tr("Every layer (a record per annotator)"), None)]
        layers += [(self.tr("gold (adjudicated)") if name == GOLD else name, name) for name in annotators]
        layers.append((self.tr("Majority vote of the annotators"), MAJORITY))
        self.layer_box = _combo(self, "layer", layers)
        if layer is not None and self.layer_box.findData(layer) >= 0:
            self.layer_box.setCurrentIndex(self.layer_box.findData(layer))
        self.documents_box = _combo(self, "documents", [(self.tr("All documents"), "all"),
                                                       (self.tr("Done (marked done in this layer)"), "done"),
                                                       (self.tr("Adjudicated (the gold layer is final)"),
                                                        "adjudicated")])
        self.labels_list = QListWidget(self)
        self.labels_list.setObjectName("labels")
        for label in labels:
            item = QListWidgetItem(label.caption(), self.labels_list)
            item.setData(Qt.ItemDataRole.UserRole, label.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.labels_list.setMaximumHeight(self.labels_list.sizeHintForRow(0) * max(3, len(labels)) + 8)
        self.sentences = QCheckBox(self.tr("A record per sentence (split on 。！？；and line breaks)"), self)
        self.max_length = QSpinBox(self)
        self.max_length.setRange(0, 100_000)
        self.max_length.setSpecialValueText(self.tr("no limit"))
        self.max_length.setSuffix(self.tr(" characters"))
        self.scheme_box = _combo(self, "scheme", [("BIO (IOB2)", "bio"), ("BIOES", "bioes"), ("BMES", "bmes")])
        self.level_box = _combo(self, "level", [(self.tr("Characters"), "char"),
                                                (self.tr("Words (jieba, cut at span boundaries)"), "word")])
        self.tag_ids = QCheckBox(self.tr("Tag ids (the tag list is written beside the file)"), self)
        self.with_text = QCheckBox(self.tr("Keep the exact text in # comments (biaozhu reads it back whole; "
                                           "doccano cannot read it)"), self)
        self.split = QCheckBox(self.tr("Split by document into train, dev and test"), self)
        self.fractions = [QDoubleSpinBox(self) for _ in DEFAULT_FRACTIONS]
        for box, value in zip(self.fractions, DEFAULT_FRACTIONS, strict=True):
            box.setRange(0, 1)
            box.setSingleStep(0.05)
            box.setValue(value)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.nested_box = _combo(self, "nested", [
            (self.tr("Keep them (formats that can hold nested spans)"), "keep"),
            (self.tr("Keep the outer span and count the dropped ones"), "keep-outer"),
            (self.tr("Refuse to export and name the first one"), "refuse")])
        self._layout()
        for signal in (self.format_box.currentIndexChanged, self.layer_box.currentIndexChanged,
                       self.documents_box.currentIndexChanged, self.labels_list.itemChanged,
                       self.sentences.toggled, self.max_length.valueChanged, self.scheme_box.currentIndexChanged,
                       self.level_box.currentIndexChanged, self.tag_ids.toggled, self.with_text.toggled,
                       self.split.toggled,
                       self.seed.valueChanged, self.nested_box.currentIndexChanged,
                       *(box.valueChanged for box in self.fractions)):
            signal.connect(self._on_change)
        self.format_box.currentIndexChanged.connect(self._format_defaults)
        self._format_defaults()

    def format_description(self, name: str) -> str:
        return {"jsonl": self.tr("doccano JSONL (label form)"),
                "doccano-entities": self.tr("doccano JSONL (entities form)"),
                "spans": self.tr("spaCy / Prodigy span JSONL, with tokens"),
                "spacy": self.tr("spaCy DocBin (.spacy, for spacy train)"),
                "conll": self.tr("CoNLL: a token and its tag per line"),
                "hf": self.tr("Hugging Face token classification JSONL"),
                "brat": self.tr("brat standoff: .txt + .ann per document (a folder)"),
                "labelstudio": self.tr("Label Studio JSON tasks"),
                "cluener": self.tr("CLUENER JSON (end offsets inclusive)")}[name]

    def _layout(self) -> None:
        split_row = QHBoxLayout()
        for box in self.fractions:
            split_row.addWidget(box)
        form = QFormLayout(self)
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("Layer:"), self.layer_box)
        form.addRow(self.tr("Documents:"), self.documents_box)
        form.addRow(self.tr("Labels:"), self.labels_list)
        form.addRow(self.sentences)
        form.addRow(self.tr("Longest sentence:"), self.max_length)
        form.addRow(self.tr("Tags:"), self.scheme_box)
        form.addRow(self.tr("Tokens:"), self.level_box)
        form.addRow(self.tag_ids)
        form.addRow(self.with_text)
        form.addRow(self.tr("Nested spans:"), self.nested_box)
        form.addRow(self.split)
        form.addRow(self.tr("Train, dev, test:"), split_row)
        form.addRow(self.tr("Seed of the split:"), self.seed)

    def _on_change(self) -> None:
        self.max_length.setEnabled(self.sentences.isChecked())
        for box in (*self.fractions, self.seed):
            box.setEnabled(self.split.isChecked())
        self.changed.emit()

    def _format_defaults(self) -> None:
        """A new format brings its own defaults (sentences and tokens) and disables what it cannot use."""
        name = self.format()
        spec = FORMATS[name]
        self.sentences.setChecked(spec.tagged)
        self.scheme_box.setEnabled(spec.tagged)
        self.tag_ids.setEnabled(name == "hf")
        self.with_text.setEnabled(name == "conll")
        self.level_box.setEnabled(spec.level is not None)
        if spec.level is not None:
            self.level_box.setCurrentIndex(self.level_box.findData(spec.level))
        model = self.nested_box.model()
        assert isinstance(model, QStandardItemModel)  # a QComboBox's own model
        model.item(0).setEnabled(spec.nests)  # "keep": only where spans can nest
        self.nested_box.setCurrentIndex(self.nested_box.findData("keep" if spec.nests else "keep-outer"))
        self._on_change()

    def format(self) -> str:
        return str(self.format_box.currentData())

    def fractions_add_up(self) -> bool:
        return not self.split.isChecked() or abs(sum(box.value() for box in self.fractions) - 1) < 1e-6

    def request(self, target: str) -> ExportRequest:
        """The request these options make, writing to ``target``."""
        spec = FORMATS[self.format()]
        items = [self.labels_list.item(row) for row in range(self.labels_list.count())]
        checked = tuple(str(item.data(Qt.ItemDataRole.UserRole)) for item in items
                        if item.checkState() == Qt.CheckState.Checked)
        split = ",".join(f"{box.value():g}" for box in self.fractions) if self.split.isChecked() else None
        return ExportRequest(format=self.format(), target=target, layer=self.layer_box.currentData(),
                             documents=str(self.documents_box.currentData()),
                             labels=None if len(checked) == len(items) else checked,
                             sentences=self.sentences.isChecked(),
                             max_length=self.max_length.value() if self.sentences.isChecked() else 0,
                             scheme=str(self.scheme_box.currentData()) if spec.tagged else "bio",
                             level=str(self.level_box.currentData()) if spec.level is not None else None,
                             tag_ids=self.tag_ids.isChecked() and self.format() == "hf", split=split,
                             seed=self.seed.value(), nested=str(self.nested_box.currentData()),
                             with_text=self.with_text.isChecked() and self.format() == "conll")
