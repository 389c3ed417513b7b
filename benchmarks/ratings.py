"""Active-learning ratings on a big project (issue 15): how long a training run's rating of the documents takes on
a project of 10,000 documents, before (every document rated again by each new model, before the run answers) and
now (only the documents new or changed since they were rated; the others are rated again afterwards, in the
background, and that whole refresh is timed too).

Builds the project through sqlite3: ``--documents`` short documents cut from the seed reports (a sentence or
two each, numbered so that no two are the same) and a model trained on the seed reports' reference spans. Each
figure is the median of ``--repeat`` runs with min–max, CPU seconds of this process (steadier on a busy machine)
and wall seconds.

    python benchmarks/ratings.py [--documents 10000] [--changed 20] [--repeat 5]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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


def show(name: str, cpu: tuple[float, float, float], wall: tuple[float, float, float]) -> None:
    print(f"  {name:<58} {cpu[0]:7.2f} s CPU ({cpu[1]:.2f}–{cpu[2]:.2f})   {wall[0]:7.2f} s wall "
          f"({wall[1]:.2f}–{wall[2]:.2f})", flush=True)


def both(work: Callable[[], object], repeat: int, before: Callable[[], object]) -> tuple[tuple[float, float, float],
                                                                                          tuple[float, float, float]]:
    cpu, wall = [], []
    for _ in range(repeat):
        before()
        started, spent = time.perf_counter(), time.process_time()
        work()
        cpu.append(time.process_time() - spent)
        wall.append(time.perf_counter() - started)
    return _stats(cpu), _stats(wall)


def _stats(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    return ordered[len(ordered) // 2], ordered[0], ordered[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--changed", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = pieces(args.documents)
    seeds = references()
    model = Model(train([Example(seed.text, seed.spans) for seed in seeds], LABELS, segmenter())[0])
    print(f"{args.documents:,} documents ({sum(map(len, texts)):,} characters), {args.changed} changed before each "
          f"new model; median of {args.repeat} (min–max), load {os.getloadavg()[0]:.1f}:", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ratings.sqlite"
        build(path, texts)
        engine = create_project_engine(str(path), migrate=False)
        file = uncertainty_path(model_path(engine.url))
        rounds = iter(range(1_000_000))

        def rate_changed() -> None:
            Ratings(engine, model, f"{next(rounds):016d}", segmenter()).rate_changed()

        cpu, wall = both(rate_changed, args.repeat, lambda: file.unlink(missing_ok=True))
        show("before: a new model rates every document", cpu, wall)
        rate_changed()
        cpu, wall = both(rate_changed, args.repeat, lambda: change(path, args.documents, args.changed, next(rounds)))
        show(f"now: a new model rates the {args.changed} changed before it answers", cpu, wall)

        def refresh() -> None:
            Ratings(engine, model, f"{next(rounds):016d}", segmenter()).refresh()

        cpu, wall = both(refresh, 1, lambda: None)
        show("now, then in the background: the others rated again", cpu, wall)
        engine.dispose()


if __name__ == "__main__":
    main()
