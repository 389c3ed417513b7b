"""Roles that mean something, as a user meets them on the command line (SQLite and PostgreSQL): reserved layer
names, only reviewers write gold, change roles, delete and empty the trash; a merge brings their gold in as a
layer our reviewer adopts; the audit log says who did what."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”。"
BANK = [8, 12, "ORGANIZATION"]
OFFICE = [0, 7, "ORGANIZATION"]


def jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(record) + b"\n" for record in records))
    return path


def refused(result, *words: str) -> str:
    """The command failed with one clear sentence (no traceback) containing ``words``."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and all(word in result.stderr for word in words), result.stderr
    return result.stderr


@pytest.fixture
def project(cli, db_url: str, tmp_path: Path) -> str:
    """张三's and 李四's layers on one report; 王五 made the project's first reviewer."""
    for name, spans in (("张三", [OFFICE, BANK]), ("李四", [BANK])):
        cli("--db", db_url, "import", "--annotator", name, jsonl(tmp_path / f"{name}.jsonl",
                                                                 {"text": TEXT, "label": spans}), check=True)
    cli("--db", db_url, "annotators", "role", "王五", "reviewer", "--reviewer", "王五", check=True)
    return db_url


def gold_of(cli, db: str) -> list[list[object]]:
    """The gold spans, as `biaozhu export --layer gold` gives them (no gold layer yet: none)."""
    result = cli("--db", db, "export", "--layer", "gold", "-o", "-")
    if "there is no annotator gold" in result.stderr:
        return []
    exported = result.stdout.splitlines()
    return [label for line in exported for label in orjson.loads(line)["label"]]


def test_gold_is_a_reserved_layer_name_for_imports(cli, project: str, tmp_path: Path) -> None:
    plain = jsonl(tmp_path / "plain.jsonl", {"text": TEXT, "label": [OFFICE]})
    for name in ("gold", "Gold ", "majority", "suggestions"):
        refused(cli("--db", project, "import", "--annotator", name, plain), "is a reserved layer name",
                "gold is written only by a reviewer")
    # A file that says its spans are gold (a line's "annotator", Label Studio's ground truth) does not write
    # gold either: the layer comes in as gold@FILE, for a reviewer to adopt.
    claimed = cli("--db", project, "import", jsonl(tmp_path / "theirs.jsonl",
                                                  {"text": TEXT, "label": [OFFICE], "annotator": "gold"}), check=True)
    assert "imported as the layer gold@theirs" in claimed.stderr
    assert gold_of(cli, project) == []
    assert "gold@theirs\tlayer\t1\t1" in cli("--db", project, "annotators", check=True).stdout
    refused(cli("--db", project, "review", "adopt", "gold@theirs", "--reviewer", "张三"), "张三 is not a reviewer")
    adopted = cli("--db", project, "review", "adopt", "gold@theirs", "--reviewer", "王五", check=True)
    assert "gold@theirs: 1 spans put into gold on 1 documents" in adopted.stdout
    assert gold_of(cli, project) == [OFFICE]
    # Label Studio's ground truth is gold too: our own export, imported elsewhere, brings it as a layer.
    exported = tmp_path / "tasks.json"
    cli("--db", project, "export", "--format", "labelstudio", "-o", exported, check=True)
    elsewhere = str(tmp_path / "elsewhere.sqlite")
    assert "imported as the layer gold@tasks" in cli("--db", elsewhere, "import", exported, check=True).stderr
    assert gold_of(cli, elsewhere) == []


def test_only_a_reviewer_changes_roles_deletes_and_empties_the_trash(cli, project: str) -> None:
    refused(cli("--db", project, "annotators", "role", "张三", "reviewer", "--reviewer", "李四"),
            "李四 is not a reviewer: only a reviewer may change roles")
    refused(cli("--db", project, "annotators", "role", "gold", "reviewer", "--reviewer", "王五"), "has no role")
    refused(cli("--db", project, "annotators", "role", "王五", "annotator", "--reviewer", "王五"),
            "王五 is the project's only reviewer")
    refused(cli("--db", project, "delete", "1", "--reviewer", "张三"),
            "张三 is not a reviewer: only a reviewer may delete documents")
    assert "1 documents" in cli("--db", project, "docs", check=True).stdout
    assert "--reviewer" in cli("--db", project, "delete", "1").stderr  # who deletes must be said
    cli("--db", project, "delete", "1", "--reviewer", "王五", check=True)
    refused(cli("--db", project, "trash", "empty", "--yes", "--reviewer", "李四"),
            "李四 is not a reviewer: only a reviewer may empty the trash", "nothing was deleted")
    assert "1 items in the trash" in cli("--db", project, "trash", check=True).stdout
    made = cli("--db", project, "annotators", "role", "李四", "reviewer", "--reviewer", "王五", check=True)
    assert "李四 is now a reviewer" in made.stdout
    assert "1 items deleted for good" in cli("--db", project, "trash", "empty", "--yes", "--reviewer", "李四",
                                             check=True).stdout


def test_merge_brings_their_gold_as_a_layer_and_not_their_reviewers(cli, project: str, tmp_path: Path) -> None:
    other = tmp_path / "colleague.sqlite"
    cli("--db", other, "import", "--annotator", "赵六", jsonl(tmp_path / "z.jsonl", {"text": TEXT, "label": [BANK]}),
        check=True)
    cli("--db", other, "annotators", "role", "赵六", "reviewer", "--reviewer", "赵六", check=True)
    cli("--db", other, "annotators", "role", "张三", "reviewer", "--reviewer", "赵六", check=True)
    cli("--db", other, "review", "adopt", "赵六", "--reviewer", "赵六", check=True)  # their gold: BANK
    assert gold_of(cli, str(other)) == [BANK]

    merged = cli("--db", project, "merge", other, "--prefer", "theirs", check=True).stdout
    assert "new annotators: " in merged and "赵六" in merged and "gold@colleague" in merged
    assert gold_of(cli, project) == []  # --prefer theirs did not write our gold
    listed = cli("--db", project, "annotators", check=True).stdout
    assert "张三\tannotator" in listed and "赵六\tannotator" in listed and "gold@colleague\tlayer\t1" in listed
    refused(cli("--db", project, "annotators", "role", "李四", "reviewer", "--reviewer", "张三"),
            "张三 is not a reviewer")
    # Their gold is nobody's annotation here: not a lane to compare, not in the agreement figures.
    assert "(张三, 李四, 赵六): " in cli("--db", project, "review", check=True).stdout
    pairs = orjson.loads(cli("--db", project, "agreement", "--format", "json", check=True).stdout)["pairs"]
    assert "gold@colleague" not in {name for pair in pairs for name in (pair["a"], pair["b"])}


def test_the_audit_log_says_who_did_what(cli, project: str, tmp_path: Path) -> None:
    cli("--db", project, "review", "auto", "--reviewer", "王五", check=True)
    cli("--db", project, "delete", "1", "--reviewer", "王五", check=True)
    cli("--db", project, "trash", "empty", "--yes", "--reviewer", "王五", check=True)
    entries = [orjson.loads(line) for line in
               cli("--db", project, "log", "--format", "json", check=True).stdout.splitlines()]
    assert [entry["action"] for entry in entries] == ["trash empty", "delete", "gold", "role", "import", "import"]
    trash, delete, gold, role, second, first = entries
    assert all(entry["at"].endswith("+00:00") for entry in entries)  # UTC on both backends
    assert all(entry["actor"] == "王五" for entry in (trash, delete, gold, role))
    assert delete["detail"].startswith("document 1 ") and "(4 spans)" in delete["detail"]
    assert gold["detail"] == "document 1: 1 spans into gold, 0 out, 0 rejected, 0 rejections withdrawn"
    assert role["detail"] == "王五 is now a reviewer: the first person in a project without one"
    assert first["detail"].endswith("张三.jsonl: 1 documents, 2 spans into 张三") and first["at"] <= second["at"]
    table = cli("--db", project, "log", "--limit", "2", check=True).stdout.splitlines()
    assert table[0] == "when (UTC)\twho\taction\twhat" and table[-1] == "2 entries"
    assert table[1].split("\t")[1:3] == ["王五", "trash empty"]


def test_the_log_names_whoever_runs_an_import(cli, db_url: str, tmp_path: Path) -> None:
    source = jsonl(tmp_path / "a.jsonl", {"text": TEXT, "label": [BANK]})
    cli("--db", db_url, "import", "--annotator", "张三", source, env={"BIAOZHU_ANNOTATOR": "李四"}, check=True)
    [entry] = [orjson.loads(line) for line in cli("--db", db_url, "log", "--format", "json", check=True).stdout
               .splitlines()]
    assert (entry["actor"], entry["action"]) == ("李四", "import")
