"""PDF import speed: pages per second of biaozhu's reader (text, line joining, running headers, radicals) next
to a bare pypdfium2 extraction of the same file measured in the same run.

    python benchmarks/import_reports.py [--copies 10] [--repeat 3]

The PDF is the seed reports drawn ``copies`` times by Qt's QPdfWriter, A5 pages with a running header and page
numbers, as the tests make them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import pypdfium2  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

import report_files  # noqa: E402
from biaozhu.corpus.formats.pdf import read_pdf  # noqa: E402
from biaozhu.db.project import seeds_dir  # noqa: E402


def bare(path: Path) -> int:
    """PDFium's text per page and nothing else: the floor."""
    document = pypdfium2.PdfDocument(path)
    chars = sum(len(document[i].get_textpage().get_text_range()) for i in range(len(document)))
    document.close()
    return chars


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    _app = QGuiApplication([])
    paragraphs = [line for p in sorted(seeds_dir().glob("*.txt"))
                  for line in p.read_text(encoding="utf-8").splitlines() if line.strip()] * args.copies
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "reports.pdf"
        pages = report_files.write_pdf(pdf, paragraphs)
        ours = best(lambda: read_pdf(pdf), args.repeat)
        floor = best(lambda: bare(pdf), args.repeat)
    print(f"{pages} pages; median of {args.repeat} runs")
    print(f"biaozhu read_pdf     {pages / ours:8.0f} pages/s  ({ours * 1000:.0f} ms)")
    print(f"bare pypdfium2 text  {pages / floor:8.0f} pages/s  ({floor * 1000:.0f} ms)")
    print(f"ratio                {ours / floor:8.2f}×")


if __name__ == "__main__":
    main()
