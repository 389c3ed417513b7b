"""Project-wide search (Ctrl+Shift+F) on a large project, next to a floor measured in the same run: raw
sqlite3 running the same LIKE and Python's str.find over the rows it returns.

    python benchmarks/search.py [--documents 4 10000] [--chars 5000] [--repeat 5]

The corpus is the seed reports' characters shuffled into documents of the given length, so phrases
from the reports occur rarely and single characters often. The dialog searches on a worker thread,
so these figures are the wait for results, not a frozen window. Each project size is searched ``--repeat``
times per query, ours and the floor alternating; medians with min–max.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
from pathlib import Path

from sqlalchemy import insert

from biaozhu.db.documents import text_sha256
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.models import Document
from biaozhu.db.project import initialise, seeds_dir
from biaozhu.db.search import search_documents

sys.path.insert(0, str(Path(__file__).parent))
from runs import load, timed  # noqa: E402

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


def figure(seconds: tuple[float, float, float]) -> str:
    median, low, high = (value * 1000 for value in seconds)
    return f"{median:,.0f} ms ({low:,.0f}–{high:,.0f})"


def search_project(path: Path, repeat: int) -> None:
    """Each query on one project: ours, then the floor, ``repeat`` times each."""
    sessions = session_factory(create_project_engine(str(path)))
    print(f"  {'hits':>5}  {'search_documents':<24} {'floor (sqlite3 + str.find)':<24}  query")
    for query in QUERIES:
        hits: list[int] = []

        def ours(q: str = query, found: list[int] = hits) -> None:
            with sessions() as session:
                found.append(len(search_documents(session, q)))
        took = timed(ours, repeat)
        floor_took = timed(lambda q=query: floor(path, q), repeat)
        print(f"  {hits[-1]:>5}  {figure(took):<24} {figure(floor_took):<24}  {query}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[4, 10_000], help="the projects' sizes")
    parser.add_argument("--chars", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for documents in args.documents:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "project.sqlite"
            build(path, documents, args.chars)
            print(f"{documents:,} documents of {args.chars:,} characters ({documents * args.chars / 1e6:,.2f} M "
                  f"characters); medians of {args.repeat} (min–max), wall, load {load()}")
            search_project(path, args.repeat)


if __name__ == "__main__":
    main()
