"""PDF import speed: pages per second of biaozhu's reader (text, line joining, running headers, radicals) next
to a bare pypdfium2 extraction of the same file measured in the same run.

    python benchmarks/import_reports.py [--copies 1 10] [--repeat 5]

The PDF is the seed reports drawn ``copies`` times by Qt's QPdfWriter, A5 pages with a running header and page
numbers, as the tests make them: once (the reports as they are) and ten times (a long one). Medians with min–max.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "tests"), str(Path(__file__).resolve().parent)]

import pypdfium2  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from runs import load, timed  # noqa: E402

import report_files  # noqa: E402
from biaozhu.corpus.formats.pdf import read_pdf  # noqa: E402
from biaozhu.db.project import seeds_dir  # noqa: E402


def bare(path: Path) -> int:
    """PDFium's text per page and nothing else: the floor."""
    document = pypdfium2.PdfDocument(path)
    chars = sum(len(document[i].get_textpage().get_text_range()) for i in range(len(document)))
    document.close()
    return chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    _app = QGuiApplication([])
    paragraphs = [line for p in sorted(seeds_dir().glob("*.txt"))
                  for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    for copies in args.copies:
        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / "reports.pdf"
            pages = report_files.write_pdf(pdf, paragraphs * copies)
            ours = timed(lambda path=pdf: read_pdf(path), args.repeat)
            floor = timed(lambda path=pdf: bare(path), args.repeat)
        print(f"{pages} pages ({copies} × the seed reports); medians of {args.repeat} runs (min–max), load {load()}")
        for name, (median, low, high) in (("biaozhu read_pdf", ours), ("bare pypdfium2 text", floor)):
            print(f"  {name:<20} {pages / median:8.0f} pages/s  {median * 1000:7.0f} ms "
                  f"({low * 1000:.0f}–{high * 1000:.0f})")
        print(f"  {'ratio':<20} {ours[0] / floor[0]:8.2f}×")


if __name__ == "__main__":
    main()
