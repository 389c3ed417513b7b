"""An import stores a file's documents, statuses and spans in batches (issue 14): a file of more documents than
one batch adding to layers already in the project keeps every rule of a document-by-document import, on SQLite
and on the PostgreSQL server: texts stored once, known spans not doubled, statuses kept, a crossing anywhere (in
the last batch too) refusing the whole file."""

from __future__ import annotations

from pathlib import Path

import orjson
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.documents import text_sha256
from biaozhu.db.models import Annotator, Document, DocumentStatus, Span

DOCUMENTS = 620  # more than one batch of 500


def text(n: int) -> str:
    return f"第{n:04d}号：泸州市委统战部联合泸州银行发放贷款。"


def doccano(path: Path, lines: list[tuple[int, list[list[object]]]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps({"text": text(n), "label": label}) + b"\n" for n, label in lines))
    return path


def counts(sessions: sessionmaker[Session]) -> tuple[int, int, dict[str, int]]:
    with sessions() as session:
        statuses = {status: count for status, count in session.execute(
            select(DocumentStatus.status, func.count()).group_by(DocumentStatus.status))}
        return (session.scalar(select(func.count(Document.id))) or 0,
                session.scalar(select(func.count(Span.id))) or 0, statuses)


def test_a_file_of_many_documents_adds_to_the_layers_already_there(cli, db_url: str, sessions: sessionmaker[Session],
                                                                    tmp_path: Path) -> None:
    first = doccano(tmp_path / "first.jsonl", [(n, [[0, 6, "ORGANIZATION"]]) for n in range(DOCUMENTS)])
    assert f"{DOCUMENTS} documents, {DOCUMENTS} spans" in cli("--db", db_url, "import", "--annotator", "张三", first,
                                                              check=True).stdout
    with sessions.begin() as session:  # 张三 finished the last document: a later import keeps that
        last = session.scalar(select(Document.id).where(Document.sha256 == text_sha256(text(DOCUMENTS - 1))))
        zhang = session.scalar(select(Annotator.id).where(Annotator.name == "张三"))
        status = session.get(DocumentStatus, (last, zhang))
        assert status is not None
        status.status = "done"
    # Every text again with its span and one more (the line before it: its text twice), and one new text.
    lines = [(n, [[0, 6, "ORGANIZATION"], [8, 12, "ORGANIZATION"]]) for n in range(DOCUMENTS)]
    more = doccano(tmp_path / "more.jsonl", [lines[0], *lines, (DOCUMENTS, [[8, 12, "ORGANIZATION"]])])
    added = cli("--db", db_url, "import", "--annotator", "张三", more, check=True).stdout
    assert (f"1 documents ({DOCUMENTS + 1} already in the project), {DOCUMENTS + 1} spans "
            f"({DOCUMENTS + 2} already there)") in added
    assert counts(sessions) == (DOCUMENTS + 1, 2 * DOCUMENTS + 1, {"in_progress": DOCUMENTS, "done": 1})
    # A span crossing one stored before, on the last line (in the last batch of layers read) of a file whose
    # first line brings a new text.
    crossing = doccano(tmp_path / "crossing.jsonl", [(DOCUMENTS + 1, [[0, 6, "ORGANIZATION"]]),
                                                     *[(n, [[0, 6, "ORGANIZATION"]]) for n in range(DOCUMENTS - 1)],
                                                     (DOCUMENTS - 1, [[5, 9, "ORGANIZATION"]])])
    refused = cli("--db", db_url, "import", "--annotator", "张三", crossing)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"{crossing}:{DOCUMENTS + 1}:" in refused.stderr and "would cross" in refused.stderr
    assert counts(sessions) == (DOCUMENTS + 1, 2 * DOCUMENTS + 1, {"in_progress": DOCUMENTS, "done": 1})
