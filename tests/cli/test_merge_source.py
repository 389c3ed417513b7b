"""Merge reads the other project and leaves it as it was (issue 11, item 8): opened read-only, never upgraded,
refused when it is not a biaozhu project; what it derives (sha256, length) is computed again; ``--prefer theirs``
reports exactly what went to the trash."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from pathlib import Path

import orjson
import pytest
from alembic import command
from sqlalchemy import create_engine

from biaozhu.db.engine import alembic_config

TEXT = "泸州市委统战部联合泸州银行发放贷款377亿元。"


def layer(cli, db: Path, tmp_path: Path, annotator: str, *surfaces: str) -> None:
    """``annotator``'s ORGANIZATION spans on TEXT, imported into ``db`` (created if need be)."""
    source = tmp_path / f"{annotator}-{db.stem}-{len(surfaces)}.jsonl"
    label = [[TEXT.index(s), TEXT.index(s) + len(s), "ORGANIZATION"] for s in surfaces]
    source.write_bytes(orjson.dumps({"text": TEXT, "label": label}) + b"\n")
    cli("--db", db, "import", "--annotator", annotator, source, check=True)


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in the folder with its sha256: what a merge must not change."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def theirs(cli, tmp_path: Path) -> Path:
    folder = tmp_path / "laptop"
    folder.mkdir()
    db = folder / "laptop.sqlite"
    layer(cli, db, tmp_path, "李四", "泸州市委统战部", "泸州银行")
    return db


def test_merge_leaves_the_other_project_byte_for_byte_as_it_was(cli, tmp_path: Path, theirs: Path) -> None:
    before = folder_state(theirs.parent)
    merged = cli("--db", tmp_path / "ours.sqlite", "merge", theirs, check=True)
    assert "layers: 1 added (2 spans)" in merged.stdout
    assert folder_state(theirs.parent) == before  # no WAL, no journal, no upgrade


def test_a_read_only_project_can_be_merged(cli, tmp_path: Path, theirs: Path) -> None:
    if subprocess.run(["chattr", "+i", str(theirs)], capture_output=True).returncode != 0:
        pytest.skip("cannot make the file immutable here (chattr needs root and a file system that supports it)")
    try:
        merged = cli("--db", tmp_path / "ours.sqlite", "merge", theirs)
    finally:
        subprocess.run(["chattr", "-i", str(theirs)], check=True)
    assert merged.returncode == 0, merged.stderr
    assert "layers: 1 added (2 spans)" in merged.stdout


def test_an_empty_file_and_another_programs_database_are_refused_untouched(cli, tmp_path: Path) -> None:
    ours = tmp_path / "ours.sqlite"
    layer(cli, ours, tmp_path, "张三", "泸州银行")
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    refused = cli("--db", ours, "merge", empty)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert f"{empty}: not a biaozhu project (missing or empty)" in refused.stderr
    assert empty.stat().st_size == 0
    other = tmp_path / "notes.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    connection.close()
    before = folder_state(tmp_path)
    refused = cli("--db", ours, "merge", other)
    assert refused.returncode == 2 and "another program's database" in refused.stderr
    assert folder_state(tmp_path) == before


def test_an_older_project_is_refused_and_not_upgraded(cli, tmp_path: Path, theirs: Path) -> None:
    engine = create_engine(f"sqlite:///{theirs}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    engine.dispose()
    before = folder_state(theirs.parent)
    refused = cli("--db", tmp_path / "ours.sqlite", "merge", theirs)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "saved by an older biaozhu (schema 0002" in refused.stderr and "nothing was changed" in refused.stderr
    assert folder_state(theirs.parent) == before
    assert not (tmp_path / "ours.sqlite").exists()


def test_their_stored_sha256_and_length_are_not_trusted(cli, tmp_path: Path, theirs: Path) -> None:
    with sqlite3.connect(theirs) as connection:
        connection.execute("UPDATE documents SET length = length + 5, sha256 = ?", ("0" * 64,))
    connection.close()
    ours = tmp_path / "ours.sqlite"
    layer(cli, ours, tmp_path, "张三", "泸州银行")
    merged = cli("--db", ours, "merge", theirs, check=True).stdout
    assert "documents: 0 added, 1 already here" in merged  # matched by its text, not by what it says of it
    fresh = tmp_path / "fresh.sqlite"
    cli("--db", fresh, "merge", theirs, check=True)
    with sqlite3.connect(fresh) as connection:
        assert connection.execute("SELECT length, sha256 FROM documents").fetchall() == [
            (len(TEXT), hashlib.sha256(TEXT.encode()).hexdigest())]
    connection.close()
    assert cli("--db", fresh, "check").returncode == 0


def test_prefer_theirs_reports_what_it_moved_to_the_trash(cli, tmp_path: Path, theirs: Path) -> None:
    ours = tmp_path / "ours.sqlite"
    layer(cli, ours, tmp_path, "李四", "泸州银行")  # ours: a span both have
    merged = cli("--db", ours, "merge", "--prefer", "theirs", theirs, check=True).stdout
    assert "kept theirs, 0 spans of ours moved to the trash" in merged
    assert "0 items in the trash" in cli("--db", ours, "trash", check=True).stdout
    layer(cli, theirs, tmp_path, "王五", "泸州银行")
    layer(cli, ours, tmp_path, "王五", "联合", "泸州市委统战部")
    merged = cli("--db", ours, "merge", "--prefer", "theirs", theirs, check=True).stdout
    assert "kept theirs, 2 spans of ours moved to the trash" in merged
    assert "2 items in the trash" in cli("--db", ours, "trash", check=True).stdout


def test_a_server_project_is_merged_from_and_an_empty_server_database_is_refused(cli, tmp_path: Path,
                                                                                 pg_admin_url: str) -> None:
    import pg_server

    ours = tmp_path / "ours.sqlite"
    with pg_server.fresh_database(pg_admin_url, "biaozhu_theirs") as url:
        refused = cli("--db", ours, "merge", url)
        assert refused.returncode == 2 and "not a biaozhu project (missing or empty)" in refused.stderr
        assert not ours.exists()
        source = tmp_path / "in.jsonl"
        source.write_bytes(orjson.dumps({"text": TEXT, "label": [[0, 7, "ORGANIZATION"]]}) + b"\n")
        cli("--db", url, "import", "--annotator", "李四", source, check=True)
        merged = cli("--db", ours, "merge", url, check=True).stdout
        assert "layers: 1 added (1 spans)" in merged


def garble_header(path: Path) -> None:
    path.write_bytes(b"this is not a database at all\n" * 200)


def damage_a_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 3] = b"\xff" * 4096  # a table's page, deep inside an otherwise readable file
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [garble_header, damage_a_page])
def test_a_damaged_other_project_is_named_and_ours_is_not_changed(cli, tmp_path: Path, theirs: Path,
                                                                  damage) -> None:
    ours = tmp_path / "ours.sqlite"
    layer(cli, ours, tmp_path, "张三", "泸州银行")
    damage(theirs)
    before = ours.read_bytes(), folder_state(theirs.parent)
    refused = cli("--db", ours, "merge", theirs)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert f"{theirs}: the other project's file is damaged" in refused.stderr
    assert "this project was not changed" in refused.stderr and "backup" not in refused.stderr
    assert (ours.read_bytes(), folder_state(theirs.parent)) == before
