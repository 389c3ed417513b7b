"""Project-wide search (Ctrl+Shift+F) on a large project, next to a floor measured in the same run: raw
sqlite3 running the same LIKE and Python's str.find over the rows it returns.

    python benchmarks/search.py [--documents 1000] [--chars 20000] [--repeat 3]

The corpus is the seed reports' characters shuffled into documents of the given length, so phrases
from the reports occur rarely and single characters often. The dialog searches on a worker thread,
so these figures are the wait for results, not a frozen window.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert

from biaozhu.db.documents import text_sha256
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.models import Document
from biaozhu.db.project import initialise, seeds_dir
from biaozhu.db.search import search_documents

QUERIES = ("统一战线工作会议", "泸州", "统", "Bank")


def build(path: Path, documents: int, chars: int) -> None:
    seed = "".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt")))
    engine = create_project_engine(str(path))
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=False)
        rows = []
        for i in range(documents):
            letters = list(seed * (chars // len(seed) + 1))
            random.Random(i).shuffle(letters)
            text = "".join(letters[:chars])
            rows.append({"name": f"report-{i}.txt", "source": "", "text": text, "length": len(text),
                         "sha256": text_sha256(text), "normalisation": {}, "meta": {}})
        session.execute(insert(Document), rows)
    engine.dispose()


def floor(path: Path, query: str, limit: int = 500) -> int:
    """Raw sqlite3: the same candidate query, positions by str.find (case-sensitive, so a lower bound)."""
    connection = sqlite3.connect(path)
    found = 0
    for (text,) in connection.execute("SELECT text FROM documents WHERE text LIKE ? ORDER BY id", (f"%{query}%",)):
        at = text.find(query)
        while at >= 0 and found < limit:
            found += 1
            at = text.find(query, at + len(query))
        if found >= limit:
            break
    connection.close()
    return found


def timed(action: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "project.sqlite"
        build(path, args.documents, args.chars)
        sessions = session_factory(create_project_engine(str(path)))
        print(f"{args.documents:,} documents of {args.chars:,} characters "
              f"({args.documents * args.chars / 1e6:.0f} M characters)")
        print(f"  {'hits':>5} {'search_documents':>17} {'floor (sqlite3)':>16}  query")
        for query in QUERIES:
            def ours(q: str = query) -> int:
                with sessions() as session:
                    return len(search_documents(session, q))
            took, hits = timed(ours, args.repeat)
            floor_took, _ = timed(lambda q=query: floor(path, q), args.repeat)
            print(f"  {hits:>5} {took:>14.0f} ms {floor_took:>13.0f} ms  {query}")


if __name__ == "__main__":
    main()
