"""Storage going wrong under the command line: a busy, read-only, full, corrupt or too-new project gets one
clear sentence (exit code 2, "biaozhu: …", no traceback) and loses no committed edit."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from biaozhu.db.project import seeds_dir


def assert_told(result: subprocess.CompletedProcess[str], *phrases: str) -> None:
    """Refused with exit code 2 and one sentence naming the problem, not a traceback."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("biaozhu: "), result.stderr
    assert all(phrase in result.stderr for phrase in phrases), result.stderr


def label_names(cli, db: Path | str) -> list[str]:
    return [line.split("\t")[1] for line in cli("--db", db, "labels", check=True).stdout.splitlines()]


@contextmanager
def locked_by_another_program(db: str) -> Iterator[None]:
    """Another program holding the project's write lock (SQLite) or the labels table (PostgreSQL), not letting go."""
    if "://" not in db:
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    engine = create_engine(make_url(db))
    try:
        with engine.begin() as connection:
            connection.execute(text("LOCK TABLE labels IN EXCLUSIVE MODE"))
            yield
    finally:
        engine.dispose()


def test_a_project_locked_past_the_timeout_says_busy_and_keeps_nothing_half_done(db_url: str, cli) -> None:
    cli("--db", db_url, "labels", "set", "PROGRAM", check=True)  # creates the project
    with locked_by_another_program(db_url):
        busy = cli("--db", db_url, "labels", "add", "PERSON", env={"BIAOZHU_BUSY_TIMEOUT_MS": "300"})
    assert_told(busy, "busy", "nothing was saved")
    assert "PERSON" not in label_names(cli, db_url)
    cli("--db", db_url, "labels", "add", "PERSON", check=True)  # once it is free, the same edit works
    assert "PERSON" in label_names(cli, db_url)


@contextmanager
def read_only_file(path: Path) -> Iterator[None]:
    """The file made read-only in a way that stops even root (who ignores permission bits): chattr +i."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        yield
        path.chmod(0o644)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("running as root, and this file system cannot make a file immutable (chattr +i): "
                    "root would write to a read-only file anyway")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_project_says_so(sqlite_path: Path, cli) -> None:
    cli("--db", sqlite_path, "labels", "set", "PROGRAM", check=True)  # creates the project
    before = sqlite_path.read_bytes()
    with read_only_file(sqlite_path):
        assert_told(cli("--db", sqlite_path, "labels", "add", "PERSON"), "read-only")
    assert sqlite_path.read_bytes() == before
    assert "PERSON" not in label_names(cli, sqlite_path)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system (tmpfs), for a disk that fills up."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system to fill up here (needs root): {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=True)


def test_a_full_disk_says_so_and_the_project_stays_whole(small_disk: Path, tmp_path: Path,
                                                         cli) -> None:
    project = small_disk / "project.sqlite"
    cli("--db", project, "import", seeds_dir(), check=True)
    big = tmp_path / "big.txt"
    rng = random.Random(1)
    big.write_text("".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(1_500_000)), encoding="utf-8")
    assert_told(cli("--db", project, "import", big), "disk is full", "nothing was saved")
    docs = cli("--db", project, "docs", check=True).stdout
    assert "2 documents" in docs and "big.txt" not in docs
    assert cli("--db", project, "check").returncode == 0
    with sqlite3.connect(project) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_file_that_is_not_a_project_says_so(tmp_path: Path, cli) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(random.Random(2).randbytes(50_000))
    assert_told(cli("--db", garbage, "docs"), "not a biaozhu project, or it is corrupt")


def test_a_damaged_project_says_it_is_corrupt(sqlite_path: Path, cli) -> None:
    cli("--db", sqlite_path, "import", seeds_dir(), check=True)
    data = bytearray(sqlite_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = random.Random(3).randbytes(len(data) - page)  # every page but the first: the schema survives
    sqlite_path.write_bytes(bytes(data))
    assert_told(cli("--db", sqlite_path, "docs"), "corrupt", "restore it from a backup")


def test_a_project_from_a_newer_biaozhu_is_refused_untouched(db_url: str, cli) -> None:
    cli("--db", db_url, "labels", "set", "PROGRAM", check=True)  # creates the project
    url = db_url if "://" in db_url else f"sqlite:///{db_url}"
    engine = create_engine(make_url(url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    try:
        assert_told(cli("--db", db_url, "labels", "add", "PERSON"), "newer biaozhu", "9999_from_the_future")
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "9999_from_the_future"
            assert connection.scalar(text("SELECT count(*) FROM labels WHERE name = 'PERSON'")) == 0
    finally:
        engine.dispose()


def test_another_programs_database_is_refused_untouched(tmp_path: Path, cli) -> None:
    """Opening someone's SQLite file by mistake must not add biaozhu's tables to it."""
    other = tmp_path / "inventory.sqlite"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE parts (id INTEGER PRIMARY KEY, name TEXT)")
    assert_told(cli("--db", other, "docs"), "not a biaozhu project", "nothing was changed")
    with sqlite3.connect(other) as raw:
        assert [row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["parts"]
