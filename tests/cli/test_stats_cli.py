"""``biaozhu stats``: the project's progress, spans and time spent per layer, as a table, JSON or long-form CSV;
the progress matrix a page at a time (issue 18)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import orjson
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.status import set_status
from biaozhu.db.suggestions import accept_suggestion, open_suggestions, reject_suggestion
from biaozhu.db.time_spent import add_time


def test_stats_count_each_layer_by_status_label_and_day(cli, tmp_path: Path) -> None:
    text = "泸州银行发放377.178亿元，服务1007户。"
    line = {"text": text, "annotator": "张三",
            "label": [[0, 4, "ORGANIZATION"], [6, 15, "METRIC"], [18, 23, "METRIC"]]}
    source = tmp_path / "in.jsonl"
    source.write_bytes(orjson.dumps(line) + b"\n")
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", source, check=True)
    figures = orjson.loads(cli("--db", db, "stats", "--format", "json", check=True).stdout)
    assert figures["documents"] == 1 and figures["characters"] == len(text)
    [layer] = figures["layers"]
    assert (layer["name"], layer["spans"], layer["by_label"]) == ("张三", 3, {"METRIC": 2, "ORGANIZATION": 1})
    assert layer["documents"]["in_progress"] == 1 and list(layer["by_day"].values()) == [3]
    table = cli("--db", db, "stats", check=True).stdout
    assert "张三\tannotator\t0\t1\t0\t0\t3\t0\t2\t1" in table
    rows = list(csv.DictReader(io.StringIO(cli("--db", db, "stats", "--format", "csv", check=True).stdout)))
    assert {"layer": "张三", "role": "annotator", "figure": "spans", "key": "METRIC", "value": "2"} in rows


def test_time_spent_and_the_progress_matrix_page_by_page(cli, db_url: str, sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        ids = [add_document(session, SourceDocument(name=f"报告{n}.txt", text=f"泸州银行第{n}份。", source=""))[0].id
               for n in range(3)]
        me = ensure_annotator(session, "张三").id
        add_time(session, ids[1], me, 3725, date(2026, 12, 1))
        set_status(session, ids[2], me, "done")
    figures = orjson.loads(cli("--db", db_url, "stats", "--format", "json", check=True).stdout)
    assert "matrix" not in figures  # per-document rows only when asked for
    assert figures["layers"][0]["seconds_by_day"] == {"2026-12-01": 3725}
    page = orjson.loads(cli("--db", db_url, "stats", "--format", "json", "--documents", "--offset", "1",
                            "--limit", "1", check=True).stdout)["matrix"]
    cell = {"status": "not_started", "spans": 0, "seconds": 3725}
    assert page == {"offset": 1, "total": 3, "rows": [{"id": ids[1], "name": "报告1.txt", "layers": {"张三": cell}}]}
    table = cli("--db", db_url, "stats", "--documents", check=True).stdout
    assert "张三\tannotator\t2\t0\t1\t0\t0\t0\t0\t0\t1:02:05" in table
    assert "time spent per day\t张三\n2026-12-01\t1:02:05" in table
    assert "documents 1–3 of 3" in table and f"{ids[2]}\t报告2.txt\tdone / 0 / 0:00:00" in table
    chinese = cli("--lang", "zh", "--db", db_url, "stats", "--documents", check=True).stdout
    assert "标注层\t角色\t未开始\t进行中\t已完成\t已裁决\t标注数\t" in chinese
    assert "每日用时\t张三\n2026-12-01\t1:02:05" in chinese
    assert "第 1–3 个文档（共 3 个）" in chinese and f"{ids[2]}\t报告2.txt\t已完成 / 0 / 0:00:00" in chinese
    rows = list(csv.DictReader(io.StringIO(cli("--db", db_url, "stats", "--format", "csv", "--documents",
                                               check=True).stdout)))
    assert {"layer": "张三", "role": "annotator", "figure": "seconds_per_day", "key": "2026-12-01",
            "value": "3725"} in rows
    assert {"layer": "张三", "role": "annotator", "figure": "document_seconds", "key": f"{ids[1]} 报告1.txt",
            "value": "3725"} in rows


def test_stats_count_each_engines_suggestions_accepted_rejected_and_open(cli, tmp_path: Path) -> None:
    text = "泸州银行发放377.178亿元，服务1007户，走访58家。"
    source = tmp_path / "in.txt"
    source.write_text(text, encoding="utf-8")
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", source, check=True)
    cli("--db", db, "suggest", "--engines", "rules", check=True)
    sessions = session_factory(create_project_engine(db))
    with sessions.begin() as session:
        me = ensure_annotator(session, "张三").id
        suggestions = {s.text: s for s in open_suggestions(session, 1)}
        money = suggestions["377.178亿元"]
        accept_suggestion(session, money, 1, me, money.label_id, money.start, money.end, money.text)
        reject_suggestion(session, suggestions["58家"].id)
    figures = orjson.loads(cli("--db", db, "stats", "--format", "json", check=True).stdout)
    opened = len(suggestions) - 2
    assert figures["suggestions"] == {"rules": {"accepted": 1, "rejected": 1, "open": opened}}
    table = cli("--db", db, "stats", check=True).stdout
    assert f"rules\t1\t1\t{opened}\t50%" in table
    assert "建议\t已接受\t已拒绝\t待定\t接受率" in cli("--lang", "zh", "--db", db, "stats", check=True).stdout
    rows = list(csv.DictReader(io.StringIO(cli("--db", db, "stats", "--format", "csv", check=True).stdout)))
    assert {"layer": "suggestions", "role": "", "figure": "suggestions_accepted", "key": "rules", "value": "1"} in rows
