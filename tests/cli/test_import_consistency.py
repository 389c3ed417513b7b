"""Crossing spans never get in through an import (issue 11, item 5): a file's spans are checked against each other
as well as against the project; and ``biaozhu check`` finds crossing spans, duplicates and every other broken rule."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson
from sqlalchemy import create_engine, text

TEXT = "泸州市委统战部联合泸州银行发放贷款。"


def doccano(path: Path, *lines: list[list[object]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps({"text": TEXT, "label": label}) + b"\n" for label in lines))
    return path


def stored_spans(db: Path) -> list[tuple[int, int]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute('SELECT start, "end" FROM spans ORDER BY start').fetchall()
    connection.close()
    return rows


def test_one_text_twice_in_a_doccano_file_with_crossing_spans_is_refused_whole(cli, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    source = doccano(tmp_path / "in.jsonl", [[0, 3, "ORGANIZATION"]], [[2, 5, "ORGANIZATION"]])
    result = cli("--db", db, "import", "--annotator", "张三", source)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "would cross" in result.stderr and f"{source}:2:" in result.stderr
    assert stored_spans(db) == []


def test_two_label_studio_annotations_by_one_user_that_cross_are_refused(cli, tmp_path: Path) -> None:
    def result(start: int, end: int) -> dict[str, object]:
        return {"type": "labels", "from_name": "label", "to_name": "text",
                "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": ["ORGANIZATION"]}}

    task = {"id": 1, "data": {"text": TEXT},
            "annotations": [{"completed_by": 7, "result": [result(0, 3)]},
                            {"completed_by": 7, "result": [result(2, 5)]}]}
    source = tmp_path / "tasks.json"
    source.write_bytes(orjson.dumps([task]))
    db = tmp_path / "p.sqlite"
    refused = cli("--db", db, "import", source)
    assert refused.returncode == 1 and "would cross" in refused.stderr
    assert stored_spans(db) == []


def test_the_same_span_on_two_lines_is_stored_once_and_the_export_imports_again(cli, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    source = doccano(tmp_path / "in.jsonl", [[0, 7, "ORGANIZATION"]], [[0, 7, "ORGANIZATION"], [9, 13, "ORGANIZATION"]])
    imported = cli("--db", db, "import", "--annotator", "张三", source, check=True)
    assert "2 spans (1 already there)" in imported.stdout
    assert stored_spans(db) == [(0, 7), (9, 13)]
    assert cli("--db", db, "check", check=True).stdout.startswith("all documents and spans keep every rule")
    out = tmp_path / "out.jsonl"
    cli("--db", db, "export", "--annotator", "张三", "-o", out, check=True)
    again = tmp_path / "again.sqlite"
    cli("--db", again, "import", out, check=True)
    assert stored_spans(again) == [(0, 7), (9, 13)]


def test_check_finds_crossing_spans_duplicates_and_documents_that_disagree_with_their_text(cli, tmp_path: Path,
                                                                                          db_url: str) -> None:
    cli("--db", db_url, "import", "--annotator", "张三", doccano(tmp_path / "in.jsonl", [[0, 3, "ORGANIZATION"]]),
        check=True)
    assert cli("--db", db_url, "check").returncode == 0
    engine = create_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    insert = text('INSERT INTO spans (document_id, annotator_id, label_id, start, "end", text, note, created_at, '
                  "updated_at) SELECT document_id, annotator_id, label_id, :start, :end, :text, '', created_at, "
                  "updated_at FROM spans LIMIT 1")
    with engine.begin() as connection:  # what another program, or a bug of old, could have stored
        connection.execute(insert, {"start": 2, "end": 5, "text": TEXT[2:5]})
        connection.execute(text("UPDATE documents SET length = length + 1"))
        if engine.dialect.name == "postgresql":  # SQLite cannot drop the constraint that keeps out duplicates
            connection.execute(text("ALTER TABLE spans DROP CONSTRAINT "
                                    "uq_spans_document_id_annotator_id_start_end_label_id"))
            connection.execute(insert, {"start": 0, "end": 3, "text": TEXT[0:3]})
    engine.dispose()
    checked = cli("--db", db_url, "check")
    assert checked.returncode == 1
    problems = checked.stderr.splitlines()
    assert any("crosses span" in p and "[0, 3)" in p and "[2, 5)" in p for p in problems), problems
    assert any(f"stored length {len(TEXT) + 1}" in p for p in problems), problems
    assert ("postgresql" not in db_url) or any("are the same span [0, 3)" in p for p in problems), problems
    assert "problems found" in checked.stdout


def test_an_import_marks_each_layer_it_adds_to_in_progress_once(cli, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    source = doccano(tmp_path / "in.jsonl", [[0, 7, "ORGANIZATION"]], [[9, 13, "ORGANIZATION"]], [])
    cli("--db", db, "import", "--annotator", "张三", source, check=True)
    more = doccano(tmp_path / "more.jsonl", [[14, 16, "ORGANIZATION"]])
    cli("--db", db, "import", "--annotator", "李四", more, check=True)
    cli("--db", db, "import", "--annotator", "张三", more, check=True)  # a document already there: its status kept
    with sqlite3.connect(db) as connection:
        statuses = connection.execute("SELECT a.name, s.status FROM document_status s JOIN annotators a "
                                      "ON a.id = s.annotator_id ORDER BY a.name").fetchall()
    connection.close()
    assert statuses == [("张三", "in_progress"), ("李四", "in_progress")]
    assert stored_spans(db) == [(0, 7), (9, 13), (14, 16), (14, 16)]
