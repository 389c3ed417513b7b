"""`biaozhu server setup` on the real PostgreSQL server the tests start: each annotator connects as their own
role, and row-level security keeps a plain annotator's connection to its own layer even with raw SQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

import pg_server
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.permissions import change_role
from biaozhu.db.project import initialise
from biaozhu.db.review import accept_agreed
from luzhou_sample import BANK, LOAN, MONEY, TEXT, store_layer


@pytest.fixture
def project(pg_admin_url: str) -> Iterator[str]:
    """A team project: 张三's and 李四's layers, 王五 its reviewer with gold decided; set up by its owner."""
    with pg_server.fresh_database(pg_admin_url, "biaozhu_roles") as url:
        engine = create_project_engine(url)
        with session_factory(engine).begin() as session:
            initialise(session, with_seeds=False)
            store_layer(session, "张三", [BANK, LOAN])
            store_layer(session, "李四", [BANK])
            change_role(session, "王五", "王五", "reviewer")
            accept_agreed(session, 1, "王五")
        engine.dispose()
        yield url


def as_role(url: str, role: str) -> Engine:
    return create_engine(make_url(url).set(username=role))


def ids(connection: Connection) -> dict[str, int]:
    return dict(connection.execute(text("SELECT name, id FROM annotators")).all())


def spans(url: str) -> set[tuple[object, ...]]:
    engine = create_engine(url)
    with engine.connect() as connection:
        found = set(connection.execute(text('SELECT annotator_id, start, "end", label_id, text FROM spans')).all())
    engine.dispose()
    return found


def test_setup_prints_the_sql_and_a_plain_annotator_cannot_change_another_layer(cli, project: str) -> None:
    printed = cli("--db", project, "server", "setup", check=True).stdout
    assert 'CREATE ROLE "张三" LOGIN' in printed and "ENABLE ROW LEVEL SECURITY" in printed
    assert "CREATE POLICY" in printed and "gold" not in [line.split()[2] for line in printed.splitlines()
                                                         if line.startswith("CREATE ROLE")]
    assert "applied" in cli("--db", project, "server", "setup", "--apply", check=True).stdout
    assert "applied" in cli("--db", project, "server", "setup", "--apply", check=True).stdout  # twice is fine
    before = spans(project)

    zhang = as_role(project, "张三")
    with zhang.connect() as connection:
        who = ids(connection)
        layer_of_li, gold = who["李四"], who["gold"]
        for statement in (f"UPDATE spans SET label_id = label_id WHERE annotator_id IN ({layer_of_li}, {gold})",
                          f"DELETE FROM spans WHERE annotator_id IN ({layer_of_li}, {gold})",
                          "UPDATE annotators SET role = 'reviewer' WHERE name = '张三'",
                          "DELETE FROM documents", "DELETE FROM labels", "UPDATE audit_log SET actor = 'x'",
                          "DELETE FROM audit_log", "DELETE FROM rejections"):
            assert connection.execute(text(statement)).rowcount == 0, statement  # those rows are out of reach
        connection.commit()
        for statement in (
                f"INSERT INTO spans (document_id, annotator_id, label_id, start, \"end\", text, note, created_at, "
                f"updated_at) SELECT 1, {who_id}, label_id, 0, 4, '泸州银行', '', now(), now() FROM spans LIMIT 1"
                for who_id in (layer_of_li, gold)):
            with pytest.raises(ProgrammingError, match="row-level security"):
                connection.execute(text(statement))
            connection.rollback()
        with pytest.raises(ProgrammingError, match="row-level security"):  # own span moved to another layer
            connection.execute(text(f"UPDATE spans SET annotator_id = {layer_of_li} "
                                    f"WHERE annotator_id = {who['张三']}"))
        connection.rollback()
        with pytest.raises(ProgrammingError, match="row-level security"):
            connection.execute(text("INSERT INTO annotators (name, role, created_at) "
                                    "VALUES ('赵六', 'reviewer', now())"))
        connection.rollback()
        # Its own layer it changes freely.
        assert connection.execute(text(f"DELETE FROM spans WHERE annotator_id = {who['张三']} AND start > 0")) \
            .rowcount == 1
        connection.rollback()
    zhang.dispose()
    assert spans(project) == before
    owner = create_engine(project)
    with owner.connect() as connection:
        assert connection.execute(text("SELECT role FROM annotators WHERE name = '张三'")).scalar() == "annotator"
    owner.dispose()

    wang = as_role(project, "王五")  # the reviewer writes gold and changes roles
    with wang.begin() as connection:
        assert connection.execute(text(f"DELETE FROM spans WHERE annotator_id = {gold}")).rowcount == 1
        assert connection.execute(text("UPDATE annotators SET role = 'reviewer' WHERE name = '李四'")).rowcount == 1
        assert connection.execute(text(f"UPDATE spans SET start = start WHERE annotator_id = {layer_of_li}")) \
            .rowcount == 0  # but not 李四's layer
    wang.dispose()


def test_the_app_as_an_annotator_keeps_to_its_layer_and_says_why(cli, project: str, tmp_path: Path) -> None:
    cli("--db", project, "server", "setup", "--apply", check=True)
    mine = str(make_url(project).set(username="张三").render_as_string(hide_password=False))
    source = tmp_path / "li.jsonl"
    source.write_bytes(orjson.dumps({"text": TEXT, "label": [[LOAN.start, LOAN.end, LOAN.label]]}) + b"\n")
    other = cli("--db", mine, "import", "--annotator", "李四", source)
    assert other.returncode != 0 and "Traceback" not in other.stderr
    assert "the database server does not let your role change this (your own layer only" in other.stderr
    source.write_bytes(orjson.dumps({"text": TEXT, "label": [[MONEY.start, MONEY.end, MONEY.label]]}) + b"\n")
    own = cli("--db", mine, "import", "--annotator", "张三", source, check=True)
    assert "1 spans" in own.stdout and "1 files imported" in own.stdout
    refused = cli("--db", mine, "delete", "1", "--reviewer", "王五")  # claiming to be the reviewer does not help
    assert refused.returncode != 0 and "does not let your role change this" in refused.stderr
    assert "1 documents" in cli("--db", project, "docs", check=True).stdout
    reviewer = str(make_url(project).set(username="王五").render_as_string(hide_password=False))
    cli("--db", reviewer, "delete", "1", "--reviewer", "王五", check=True)  # the reviewer, as themselves, may
    assert "1 items deleted for good" in cli("--db", reviewer, "trash", "empty", "--yes", "--reviewer", "王五",
                                             check=True).stdout
    assert "0 documents" in cli("--db", project, "docs", check=True).stdout


def test_setup_is_for_postgresql(cli, tmp_path: Path) -> None:
    result = cli("--db", tmp_path / "p.sqlite", "server", "setup")
    assert result.returncode == 2 and "server setup is for a PostgreSQL project" in result.stderr
