"""Report files the tests make themselves: PDFs drawn line by line with Qt's QPdfWriter (running header, page
numbers, indented paragraphs, a scanned page) from known Chinese text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageSize, QPainter, QPdfWriter

HEADER = "2022年统一战线工作综述（内部资料）"
# Punctuation a line never starts with (it hangs at the end of the line before), as layout engines do.
_NO_START = set("，。、；：？！”’）》…·")


def _wrap(paragraph: str, metrics: QFontMetricsF, width: float, indent: float) -> list[tuple[str, float]]:
    """The paragraph broken into lines no wider than ``width`` (first line indented), as a layout engine does."""
    lines: list[tuple[str, float]] = []
    current, x0 = "", indent
    for ch in paragraph:
        if current and ch not in _NO_START and x0 + metrics.horizontalAdvance(current + ch) > width:
            lines.append((current, x0))
            current, x0 = "", 0.0
        current += ch
    lines.append((current, x0))
    return lines


def write_pdf(path: Path, paragraphs: list[str], *, lines_per_page: int = 18, header: bool = True,
              indent: bool = True, width: float = 300.0) -> int:
    """Draw the paragraphs on A5 pages with a running header and a page number; returns the page count."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setResolution(72)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    painter = QPainter(writer)
    font = QFont("Noto Sans CJK SC")
    font.setPointSizeF(12)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    step = metrics.height() * 1.5
    lines = [line for p in paragraphs for line in _wrap(p, metrics, width, 2 * metrics.horizontalAdvance("中")
                                                         if indent else 0.0)]
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    for number, page in enumerate(pages, 1):
        if number > 1:
            writer.newPage()
        if header:
            painter.drawText(QPointF(60, 40), HEADER)
            painter.drawText(QPointF(180, 570), f"— {number} —")
        for row, (text, x) in enumerate(page):
            painter.drawText(QPointF(60 + x, 80 + row * step), text)
    painter.end()
    return len(pages)


def write_scanned_pdf(path: Path, text_pages: int = 1) -> None:
    """A PDF whose pages after the first ``text_pages`` hold only an image, as a scanner makes them."""
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    painter = QPainter(writer)
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for number in range(text_pages + 2):
        if number:
            writer.newPage()
        if number < text_pages:
            painter.drawText(QPointF(60, 80), "第一页有文字。")
        else:
            painter.drawImage(QPointF(50, 50), image)
    painter.end()


def write_gapped_pdf(path: Path) -> None:
    """“2023” and “年” drawn apart with a gap and no space character, as a layout engine spaces them."""
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    painter = QPainter(writer)
    font = QFont("Noto Sans CJK SC")
    font.setPointSizeF(12)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    x = 60.0
    for piece in ("全年完成", "2023", "年目标。"):
        painter.drawText(QPointF(x, 80), piece)
        x += metrics.horizontalAdvance(piece) + 4
    painter.end()


def write_numbered_docx(path: Path, items: list[tuple[int, str, str | None]], *, by_style: bool = False) -> None:
    """A .docx whose paragraphs (level, text, style) are numbered by Word's automatic numbering in the Chinese
    official-document way: 一、 （一） 1. （1）, defined in numbering.xml as Word writes it; ``by_style``: a styled
    paragraph's numbering comes from its style (as Word's numbered heading styles do), not the paragraph."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    nothing = '<w:suff w:val="nothing"/>'  # no tab after 一、 (Word's default suffix is a tab, as after 1.)
    formats = [("chineseCounting", "%1、", nothing), ("chineseCounting", "（%2）", nothing), ("decimal", "%3.", ""),
               ("decimal", "（%4）", nothing)]
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                     f'{suffix}</w:lvl>' for i, (fmt, text, suffix) in enumerate(formats))
    document = docx.Document()
    numbering = document.part.part_related_by(RT.NUMBERING).element
    numbering.insert(0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text, style in items:
        paragraph = document.add_paragraph(text, style=style)
        if by_style and style and level >= 0:
            ppr = document.styles[style].element.get_or_add_pPr()
            if ppr.find(qn("w:numPr")) is None:
                ppr.insert(0, parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
        elif level >= 0:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    document.save(str(path))
