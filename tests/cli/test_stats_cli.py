"""``biaozhu stats``: the project's progress and spans per layer, as a table, JSON or long-form CSV (issue 18)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson

from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.suggestions import accept_suggestion, open_suggestions, reject_suggestion


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
    rows = list(csv.DictReader(io.StringIO(cli("--db", db, "stats", "--format", "csv", check=True).stdout)))
    assert {"layer": "suggestions", "role": "", "figure": "suggestions_accepted", "key": "rules", "value": "1"} in rows
