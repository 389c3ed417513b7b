"""OFD files (GB/T 33190) the tests build from their XML: OFD.xml, Document.xml, a template page with a
running header, and one Content.xml per page with a TextObject per line (DeltaX in ``g`` runs too)."""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
SIZE = 4.0  # mm
WIDTH = 150.0


def _advance(ch: str) -> float:
    return SIZE if ord(ch) > 0x2E7F else SIZE / 2


def _wrap(paragraph: str) -> list[str]:
    lines, current = [], ""
    for ch in paragraph:
        if current and ch not in "，。、；：？！”’）》" and sum(map(_advance, current + ch)) > WIDTH:
            lines.append(current)
            current = ""
        current += ch
    return [*lines, current]


def _text_object(number: int, x: float, y: float, text: str, scale: float = 1.0) -> str:
    """One line as a TextObject; with ``scale``, its inside is drawn that much larger and a CTM shrinks it back."""
    deltas = [_advance(ch) * scale for ch in text[:-1]]
    if deltas and all(d == SIZE for d in deltas):
        delta = f"g {len(deltas)} {SIZE * scale:g}"
    else:
        delta = " ".join(f"{d:g}" for d in deltas)
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    ctm = f' CTM="{1 / scale:g} 0 0 {1 / scale:g} 0 0"' if scale != 1.0 else ""
    return (f'<ofd:TextObject ID="{number}" Boundary="{x:g} {y:g} {WIDTH + 10:g} {SIZE + 2:g}" Font="3"{ctm} '
            f'Size="{SIZE * scale:g}"><ofd:TextCode X="0" Y="{SIZE * scale:g}" DeltaX="{delta}">{escaped}'
            "</ofd:TextCode></ofd:TextObject>")


def write_ofd(path: Path, paragraphs: list[str], *, lines_per_page: int = 20, image_pages: int = 0,
              footer: bool = True, scale: float = 1.0) -> int:
    """The paragraphs laid out on A4 pages, first lines indented two characters (``scale``: each line's text
    object drawn in a CTM-scaled space); returns the page count."""
    lines = [(i == 0, line) for p in paragraphs for i, line in enumerate(_wrap(p))]
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    files = {"OFD.xml": f'<ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x'
                        "</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>"
                        "</ofd:OFD>",
             "Doc_0/Tpls/Tpl_0/Content.xml": f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="90">'
                                             f'{_text_object(91, 20, 10, "某某市人民政府办公室文件")}</ofd:Layer>'
                                             "</ofd:Content></ofd:Page>"}
    refs = []
    for number, page in enumerate([*pages, *([[]] * image_pages)]):
        objects = [_text_object(100 * number + row, 20 + (2 * SIZE if first else 0), 30 + row * 1.6 * SIZE, text, scale)
                   for row, (first, text) in enumerate(page)]
        if footer and page:
            objects.append(_text_object(100 * number + 99, 95, 280, f"- {number + 1} -"))
        if not page:
            objects.append('<ofd:ImageObject ID="5" Boundary="0 0 210 297" ResourceID="7"/>')
        files[f"Doc_0/Pages/Page_{number}/Content.xml"] = (
            f'<ofd:Page {NS}><ofd:Template TemplateID="2"/><ofd:Content><ofd:Layer ID="{number}">'
            f'{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')
        refs.append(f'<ofd:Page ID="{1000 + number}" BaseLoc="Pages/Page_{number}/Content.xml"/>')
    files["Doc_0/Document.xml"] = (
        f'<ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>'
        '0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
        f'</ofd:CommonData><ofd:Pages>{"".join(refs)}</ofd:Pages></ofd:Document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in files.items():
            package.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>\n' + xml)
    return len(pages) + image_pages
