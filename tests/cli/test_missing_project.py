"""A typo in ``--db`` (issue 11, item 10): commands that only read refuse a project that does not exist, naming
it, and create nothing (no file, no folder); commands that bring data in create it and say so."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson
import pytest
from sqlalchemy import create_engine, inspect

READING = [("docs",), ("check",), ("export", "-o", "OUT"), ("agreement",), ("review",), ("trash",),
           ("backup", "OUT"), ("annotators",), ("labels",), ("delete", "1", "--reviewer", "rv"), ("spans",),
           ("spans", "delete", "1")]


@pytest.mark.parametrize("command", READING, ids=lambda c: c[0])
def test_a_reading_command_on_a_missing_project_refuses_it_and_creates_nothing(cli, tmp_path: Path,
                                                                                command: tuple[str, ...]) -> None:
    typo = tmp_path / "no-such-folder" / "typo.sqlite"
    out = tmp_path / "out.jsonl"
    result = cli("--db", typo, *(str(out) if part == "OUT" else part for part in command))
    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr
    assert all(words in result.stderr for words in (str(typo), "no biaozhu project", "nothing was created"))
    assert sorted(tmp_path.iterdir()) == []  # no folder, no project, no empty export


def test_a_reading_command_refuses_an_empty_file_and_a_database_of_another_program(cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    assert cli("--db", empty, "docs").returncode == 2
    assert empty.stat().st_size == 0
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    connection.close()
    before = other.read_bytes()
    refused = cli("--db", other, "import", tmp_path / "nothing.txt")
    assert refused.returncode == 2 and "not a biaozhu project" in refused.stderr
    assert other.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite",
                                                                                          "other.sqlite"]


def test_an_empty_server_database_is_refused_to_readers_and_created_by_an_import(cli, tmp_path: Path,
                                                                                 pg_admin_url: str) -> None:
    import pg_server

    with pg_server.fresh_database(pg_admin_url, "biaozhu_missing") as url:
        refused = cli("--db", url, "docs")
        assert refused.returncode == 2 and "no biaozhu project" in refused.stderr
        engine = create_engine(url)
        assert inspect(engine).get_table_names() == []
        engine.dispose()
        report = tmp_path / "r.txt"
        report.write_text("泸州银行发放贷款。", encoding="utf-8")
        created = cli("--db", url, "import", report, check=True)
        assert "created a new project" in created.stderr
        assert "1 documents" in cli("--db", url, "docs", check=True).stdout


def test_import_creates_the_project_and_its_folder_and_says_so(cli, tmp_path: Path) -> None:
    db = tmp_path / "new" / "team.sqlite"
    report = tmp_path / "r.txt"
    report.write_text("泸州银行发放贷款。", encoding="utf-8")
    created = cli("--db", db, "import", report, check=True)
    assert f"created a new project: {db}" in created.stderr
    again = cli("--db", db, "import", report, check=True)
    assert "created" not in again.stderr
    out = tmp_path / "out.jsonl"
    cli("--db", db, "export", "-o", out, check=True)
    assert [orjson.loads(line)["text"] for line in out.read_bytes().splitlines()] == ["泸州银行发放贷款。"]


def test_biaozhu_db_is_held_to_the_same_rule(cli, tmp_path: Path) -> None:
    target = tmp_path / "team.sqlite"
    assert cli("docs", env={"BIAOZHU_DB": str(target)}).returncode == 2
    assert not target.exists()
    cli("labels", "add", "PERSON", env={"BIAOZHU_DB": str(target)}, check=True)
    assert "0 documents" in cli("docs", env={"BIAOZHU_DB": str(target)}, check=True).stdout
