"""Eight annotators importing their layers of the same reports at the same moment (issue 11, item 3): every import
succeeds and every span is stored, each text once, on SQLite and on the PostgreSQL server."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.models import Annotator, Document, Span
from biaozhu.db.project import seeds_dir

PROCESSES, TEXTS, SPANS = 8, 40, 22


def reports() -> list[str]:
    """40 distinct texts cut from the Luzhou seed."""
    seed = next(p for p in sorted(seeds_dir().glob("*.txt")) if "泸州" in p.name).read_text(encoding="utf-8")
    size = len(seed) // TEXTS
    return [f"{n}. {seed[n * size:(n + 1) * size]}" for n in range(TEXTS)]


def layer_file(path: Path, texts: list[str], seed: int) -> int:
    """One annotator's doccano file: the texts in an order of its own, non-crossing spans on each."""
    rng = random.Random(seed)
    lines, count = [], 0
    for text in rng.sample(texts, len(texts)):
        cuts = sorted(rng.sample(range(len(text)), SPANS * 2))
        label = [[cuts[i], cuts[i + 1], rng.choice(["PROGRAM", "METRIC", "ORGANIZATION"])]
                 for i in range(0, len(cuts), 2)]
        count += len(label)
        lines.append(orjson.dumps({"text": text, "label": label}))
    path.write_bytes(b"\n".join(lines) + b"\n")
    return count


@pytest.mark.slow  # processes racing: run with the full suite, skipped by the fast subset
def test_eight_annotators_importing_the_same_texts_at_once_all_succeed(db_url: str, sessions: sessionmaker[Session],
                                                                       tmp_path: Path) -> None:
    texts = reports()
    files = {f"annotator{n}": tmp_path / f"annotator{n}.jsonl" for n in range(PROCESSES)}
    expected = {name: layer_file(path, texts, seed) for seed, (name, path) in enumerate(files.items())}
    imports = [subprocess.Popen([sys.executable, "-m", "biaozhu", "--db", db_url, "import", "--annotator", name,
                                 str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for name, path in files.items()]
    for process in imports:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err.decode()
        assert b"Traceback" not in err
    with sessions() as session:
        assert session.scalar(select(func.count(Document.id))) == TEXTS
        stored = dict(session.execute(select(Annotator.name, func.count(Span.id)).join(Span, Span.annotator_id ==
                                                                                      Annotator.id)
                                      .group_by(Annotator.name)).all())
    assert stored == expected
