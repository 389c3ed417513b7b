"""``biaozhu --review`` as a reviewer types it: the real command in a subprocess (offscreen), on a real SQLite
project, closed by ``BIAOZHU_QUIT_AFTER_MS`` as a user closes the window."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.gold import gold_spans
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Document
from biaozhu.db.permissions import change_role
from biaozhu.db.project import initialise
from biaozhu.db.review import set_adjudicated

# name: (text, the organisation both annotators tag alike, the number they label differently)
REPORTS = {"泸州报告": ("泸州银行发放酒城同心金融速贷377亿元。", "泸州银行", "377亿元"),
           "吉林报告": ("吉林省工商联开展万企兴万村行动，帮扶1007户。", "吉林省工商联", "1007户")}
REVIEWER = "王五"


def tagged(text: str, surface: str, label: str) -> Span:
    start = text.index(surface)
    return Span(start, start + len(surface), label, surface)


def two_reports(path: Path) -> dict[str, int]:
    """Two annotators on two reports (agreeing on the organisation, not on the number), a reviewer, and the
    first report already adjudicated; the document ids by name."""
    engine = create_project_engine(str(path))
    sessions = session_factory(engine)
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        for annotator, number_label in (("张三", "METRIC"), ("李四", "PROGRAM")):
            store_documents(session, annotator, [SourceDocument(
                name=name, text=text, source="", annotator=annotator,
                spans=[tagged(text, organisation, "ORGANIZATION"), tagged(text, number, number_label)])
                for name, (text, organisation, number) in REPORTS.items()])
        change_role(session, REVIEWER, REVIEWER, "reviewer")
        ids = {name: doc_id for doc_id, name in session.execute(select(Document.id, Document.name))}
        set_adjudicated(session, ids["泸州报告"], REVIEWER)
    engine.dispose()
    return ids


def gold_of(path: Path, document_id: int) -> list[tuple[str, str | None, str | None]]:
    engine = create_project_engine(str(path))
    with session_factory(engine)() as session:
        found = [(g.span.text, g.origin, g.decided_by) for g in gold_spans(session, document_id)]
    engine.dispose()
    return found


def test_biaozhu_review_opens_the_first_report_not_adjudicated_and_exits_cleanly(
        cli: Callable[..., subprocess.CompletedProcess[str]], sqlite_path: Path, tmp_path: Path) -> None:
    ids = two_reports(sqlite_path)
    env = {"QT_QPA_PLATFORM": "offscreen", "BIAOZHU_QUIT_AFTER_MS": "300",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    result = cli("--db", sqlite_path, "--annotator", REVIEWER, "--review", "--lang", "en", env=env)
    assert result.returncode == 0, result.stderr  # closed like a user closes it: no crash at exit
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [f"吉林报告 — review — {sqlite_path.stem} — biaozhu 标注"]  # the title
    # It was review mode, as the reviewer: the agreed organisation went into the open report's gold, and the
    # report adjudicated before was left alone.
    assert gold_of(sqlite_path, ids["吉林报告"]) == [("吉林省工商联", None, REVIEWER)]
    assert gold_of(sqlite_path, ids["泸州报告"]) == []
