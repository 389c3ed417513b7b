"""The import as one headless operation (what ``biaozhu import`` and the app's Import… both run): each file
whole or not at all, a bad file reported with its line while the others go in, and a cancel that leaves
nothing of the file it arrived during."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.db.models import Document, Span
from biaozhu.operations.importing import ImportCancelled, ImportOptions, files_to_import, import_file, import_files

REPORT = "泸州市委统战部联合泸州银行推出“酒城同心·金融速贷”，累计发放贷款377.178亿元。"


def counts(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions() as session:
        return session.scalar(select(func.count(Document.id))) or 0, session.scalar(select(func.count(Span.id))) or 0


def annotated(path: Path, *records: dict[str, object]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(record) + b"\n" for record in records))
    return path


def test_each_file_is_stored_whole_or_reported_with_its_line(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    good = annotated(tmp_path / "good.jsonl", {"text": REPORT, "label": [[7, 11, "ORGANIZATION"]]},
                     {"text": "另一份报告", "label": []})
    bad = annotated(tmp_path / "bad.jsonl", {"text": "第一行好的", "label": []},
                    {"text": "泸州银行", "label": [[2, 40, "ORGANIZATION"]]})
    (tmp_path / "notes.md").write_text("not a report")  # a folder's unreadable kinds are left out
    options = ImportOptions(annotator="张三")
    files = files_to_import([tmp_path], options)
    assert files == [bad, good]
    outcomes = list(import_files(sessions.begin, files, options))
    assert outcomes[0].result is None and outcomes[0].error is not None
    assert (outcomes[0].error.path, outcomes[0].error.line) == (str(bad), 2)
    assert "outside the text" in outcomes[0].error.message
    assert outcomes[1].error is None and outcomes[1].result is not None
    assert (outcomes[1].result.documents_added, outcomes[1].result.spans_added) == (2, 1)
    assert counts(sessions) == (2, 1)  # nothing of bad.jsonl, not even its good first line


def test_a_cancel_before_the_commit_leaves_nothing_of_the_file(sessions: sessionmaker[Session],
                                                               tmp_path: Path) -> None:
    big = annotated(tmp_path / "big.jsonl", *({"text": f"报告{n}：{REPORT}", "label": [[0, 2, "PROGRAM"]]}
                                              for n in range(200)))
    with pytest.raises(ImportCancelled):
        import_file(sessions.begin, big, ImportOptions(annotator="张三"), cancelled=lambda: True)
    assert counts(sessions) == (0, 0)


def test_a_cancel_between_files_keeps_the_files_already_imported(sessions: sessionmaker[Session],
                                                                 tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(REPORT, encoding="utf-8")
    second.write_text("另一份报告。", encoding="utf-8")
    stop = False
    outcomes = import_files(sessions.begin, [first, second], ImportOptions(), lambda: stop)
    assert next(outcomes).result is not None
    stop = True
    with pytest.raises(ImportCancelled):
        next(outcomes)
    assert counts(sessions) == (1, 0)
