"""Active-learning ratings on a big project (issue 15): how long a training run's rating of the documents takes on
a project of 10,000 documents, before (every document rated again by each new model, before the run answers) and
now (only the documents new or changed since they were rated; the others are rated again afterwards, in the
background, and that whole refresh is timed too).

Builds the project through sqlite3: ``--documents`` short documents cut from the seed reports (a sentence or
two each, numbered so that no two are the same) and a model trained on the seed reports' reference spans. Each
figure is the median of ``--repeat`` runs with min–max, CPU seconds of this process (steadier on a busy machine)
and wall seconds.

    python benchmarks/ratings.py [--documents 100 10000] [--changed 20] [--repeat 5]

(12 minutes at load 7 on 2 cores, 5 of CPU: the old way and the background refresh rate 10,000 documents five
times each.) The documents carry no spans: a rating reads texts, so the spans of a 1M-span project change nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import tempfile
from pathlib import Path

from runs import both, load, seconds
from suggestions import LABELS, references

from biaozhu.corpus.crf import Model, train
from biaozhu.corpus.suggestions import Example
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.project import initialise
from biaozhu.operations.model import segmenter
from biaozhu.operations.model_files import model_path, uncertainty_path
from biaozhu.operations.ratings import Ratings


def pieces(count: int) -> list[str]:
    """``count`` short texts: the seed reports' sentences, two at a time, numbered."""
    sentences = [part + "。" for document in references() for part in document.text.replace("\n", "").split("。")
                 if len(part) > 10]
    return [f"（{number}）" + sentences[number % len(sentences)] + sentences[(number * 7 + 3) % len(sentences)]
            for number in range(count)]


def build(path: Path, texts: list[str]) -> None:
    engine = create_project_engine(str(path))
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=False)
    engine.dispose()
    connection = sqlite3.connect(path)
    connection.executemany("INSERT INTO documents (id, name, source, text, length, sha256, normalisation, meta, "
                           "created_at) VALUES (?, ?, '', ?, ?, ?, '{}', '{}', '2026-01-01')",
                           [(number, f"doc{number}.txt", text, len(text), hashlib.sha256(text.encode()).hexdigest())
                            for number, text in enumerate(texts, start=1)])
    connection.commit()
    connection.close()


def change(path: Path, documents: int, changed: int, round_: int) -> None:
    """``changed`` documents edited (a new text, as an import that replaces them would leave)."""
    connection = sqlite3.connect(path)
    for number in range(1, changed + 1):
        text = f"（{round_}-{number}）市工商联走访企业{number}家，发放贷款{round_}.5亿元。"
        connection.execute("UPDATE documents SET text = ?, length = ?, sha256 = ? WHERE id = ?",
                           (text, len(text), hashlib.sha256(text.encode()).hexdigest(), number * documents // changed))
    connection.commit()
    connection.close()


def show(name: str, wall: list[float], cpu: list[float]) -> None:
    print(f"  {name:<58} CPU {seconds(cpu):>22}   wall {seconds(wall):>22}", flush=True)


def measure(documents: int, changed: int, repeat: int, model: Model) -> None:
    texts = pieces(documents)
    print(f"{documents:,} documents ({sum(map(len, texts)):,} characters), {changed} changed before each "
          f"new model; median of {repeat} (min–max), load {load()}:", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ratings.sqlite"
        build(path, texts)
        engine = create_project_engine(str(path), migrate=False)
        file = uncertainty_path(model_path(engine.url))
        rounds = iter(range(1_000_000))

        def rate_changed() -> None:
            Ratings(engine, model, f"{next(rounds):016d}", segmenter()).rate_changed()

        show("before: a new model rates every document", *both(rate_changed, repeat,
                                                                lambda: file.unlink(missing_ok=True)))
        rate_changed()
        show(f"now: a new model rates the {changed} changed before it answers",
             *both(rate_changed, repeat, lambda: change(path, documents, changed, next(rounds))))

        def refresh() -> None:
            Ratings(engine, model, f"{next(rounds):016d}", segmenter()).refresh()

        show("now, then in the background: the others rated again", *both(refresh, repeat))
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, nargs="+", default=[100, 10_000], help="the projects' sizes")
    parser.add_argument("--changed", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    seeds = references()
    model = Model(train([Example(seed.text, seed.spans) for seed in seeds], LABELS, segmenter())[0])
    for documents in args.documents:
        measure(documents, min(args.changed, documents), args.repeat, model)


if __name__ == "__main__":
    main()
