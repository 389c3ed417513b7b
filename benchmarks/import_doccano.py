"""doccano import speed: ``biaozhu import`` of a JSONL file against the floor, raw sqlite3 + orjson per document.

The file is what ``biaozhu export`` writes for a team project: N documents of 1,000 characters with 100 spans
each (``export.py``'s builder, exported by its floor), imported into a fresh project (labels made, no documents).
The floor reads the same lines with orjson and stores each document and its spans with bare sqlite3 (one INSERT
for the document, one executemany for its spans, one commit at the end), computing what biaozhu stores too: the
text's sha256 and length, each span's text. Each run is a fresh process on a fresh copy of the empty project;
medians of ``--runs`` (min–max), wall and CPU seconds. The goal (issue 14): within 3× of the floor.

    python benchmarks/import_doccano.py [--documents 10000] [--spans-per-document 100] [--runs 5] [--folder DIR]

``--folder`` keeps the file and the empty project there and uses them again on the next run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from export import FLOOR as EXPORT_FLOOR
from runs import child

# Raw sqlite3 + orjson: the same rows biaozhu stores, nothing checked.
FLOOR = r"""
import hashlib, sqlite3, sys, orjson
db, source = sys.argv[1], sys.argv[2]
connection = sqlite3.connect(db)
labels = {name: i for i, name in connection.execute("SELECT id, name FROM labels")}
connection.execute("INSERT INTO annotators (name, role, created_at) VALUES ('bench', 'annotator', '2026-01-01')")
annotator = connection.execute("SELECT id FROM annotators WHERE name = 'bench'").fetchone()[0]
now = "2026-01-01 00:00:00"
with open(source, "rb") as handle:
    for number, line in enumerate(handle, 1):
        record = orjson.loads(line)
        text = record["text"]
        cursor = connection.execute(
            "INSERT INTO documents (name, source, text, length, sha256, normalisation, meta, created_at) "
            "VALUES (?, ?, ?, ?, ?, '{}', '{}', ?)",
            (f"{source}:{number}", source, text, len(text), hashlib.sha256(text.encode()).hexdigest(), now))
        connection.executemany(
            'INSERT INTO spans (document_id, annotator_id, label_id, start, "end", text, note, created_at, updated_at) '
            "VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)",
            [(cursor.lastrowid, annotator, labels[label], start, end, text[start:end], now, now)
             for start, end, label in record["label"]])
connection.commit()
"""


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} s ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--spans-per-document", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=Path, help="keep the file and the empty project here, and use them again")
    args = parser.parse_args()
    here = Path(__file__).parent
    with tempfile.TemporaryDirectory() as folder:
        root = args.folder or Path(folder)
        root.mkdir(parents=True, exist_ok=True)
        size = f"{args.documents}x{args.spans_per_document}"
        team, empty, source = root / f"team-{size}.sqlite", root / "empty.sqlite", root / f"team-{size}.jsonl"
        if not source.exists():
            team.unlink(missing_ok=True)
            subprocess.run([sys.executable, str(here / "export.py"), "--build", str(team), "--documents",
                            str(args.documents), "--spans-per-document", str(args.spans_per_document)], check=True)
            subprocess.run([sys.executable, "-c", EXPORT_FLOOR, str(team), str(source), "text"], check=True)
            team.unlink()
        if not empty.exists():
            subprocess.run([sys.executable, str(here / "export.py"), "--build", str(empty), "--documents", "0"],
                           check=True)
        ours: list[tuple[float, float]] = []
        floor: list[tuple[float, float]] = []
        for run in range(args.runs + 1):  # the first of each: warming the file cache, not counted
            target = root / f"run{run}.sqlite"
            shutil.copy(empty, target)
            measured = child([sys.executable, "-m", "biaozhu", "--db", str(target), "import", "--annotator", "bench",
                              str(source)])[:2]
            shutil.copy(empty, target)
            bare = child([sys.executable, "-c", FLOOR, str(target), str(source)])[:2]
            target.unlink()
            if run:
                ours.append(measured)
                floor.append(bare)
    spans = args.documents * args.spans_per_document
    print(f"doccano JSONL, {args.documents:,} documents, {spans:,} spans; medians of {args.runs} (min–max)")
    print(f"  floor (sqlite3 + orjson)  {spread([w for w, _ in floor])} wall   {spread([c for _, c in floor])} CPU")
    print(f"  biaozhu import            {spread([w for w, _ in ours])} wall   {spread([c for _, c in ours])} CPU")
    print(f"  ratio: {statistics.median(w for w, _ in ours) / statistics.median(w for w, _ in floor):.2f}× wall, "
          f"{statistics.median(c for _, c in ours) / statistics.median(c for _, c in floor):.2f}× CPU")


if __name__ == "__main__":
    main()
