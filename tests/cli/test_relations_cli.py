"""``biaozhu relations``: links between spans listed with ids, made and deleted without the app; ``biaozhu metrics``
says what each figure is linked to (issue 16)."""

from __future__ import annotations

from pathlib import Path

import orjson

TEXT = "泸州银行承办“酒城同心·金融速贷”，发放377.178亿元，惠及1007户。"


def span_ids(cli, db: Path) -> dict[str, str]:
    rows = [line.split("\t") for line in cli("--db", db, "spans", check=True).stdout.splitlines()[1:-1]]
    return {row[6]: row[0] for row in rows}


def test_spans_are_linked_listed_and_unlinked_and_metrics_name_the_links(cli, tmp_path: Path) -> None:
    source, db = tmp_path / "in.jsonl", tmp_path / "p.sqlite"
    line = {"text": TEXT, "label": [[TEXT.index(s), TEXT.index(s) + len(s), label] for s, label in
                                    (("泸州银行", "ORGANIZATION"), ("酒城同心·金融速贷", "PROGRAM"),
                                     ("377.178亿元", "METRIC"), ("1007户", "METRIC"))]}
    source.write_bytes(orjson.dumps(line) + b"\n")
    cli("--db", db, "import", "--annotator", "张三", source, check=True)
    ids = span_ids(cli, db)
    cli("--db", db, "relations", "add", ids["377.178亿元"], ids["酒城同心·金融速贷"], "所属项目", check=True)
    made = cli("--db", db, "relations", "add", ids["酒城同心·金融速贷"], ids["泸州银行"], "责任机构", check=True)
    assert "span" in made.stdout and "(责任机构)" in made.stdout
    refused = cli("--db", db, "relations", "add", ids["泸州银行"], ids["1007户"], "所属项目")
    assert refused.returncode == 2
    assert "所属项目 links METRIC to PROGRAM, not ORGANIZATION to METRIC" in refused.stderr

    listed = cli("--db", db, "relations", check=True).stdout.splitlines()
    assert listed[0] == "id\tdocument\tannotator\ttype\tfrom\tfrom text\tto\tto text" and listed[-1] == "2 relations"
    assert listed[1].split("\t")[2:] == ["张三", "责任机构", ids["酒城同心·金融速贷"], "酒城同心·金融速贷",
                                         ids["泸州银行"], "泸州银行"]

    metrics = orjson.loads(cli("--db", db, "metrics", "--format", "json", check=True).stdout)
    assert [(row["text"], row["program"], row["organization"]) for row in metrics] == [
        ("377.178亿元", "酒城同心·金融速贷", "泸州银行"),  # the organisation through its programme
        ("1007户", None, None)]

    relation = listed[2].split("\t")[0]
    deleted = cli("--db", db, "relations", "delete", relation, check=True).stdout
    assert f"relation {relation} moved to the trash" in deleted
    assert cli("--db", db, "relations", check=True).stdout.splitlines()[-1] == "1 relations"
    trash = cli("--db", db, "trash", check=True).stdout.splitlines()
    [item] = [row.split("\t") for row in trash[1:-1]]
    assert item[1] == "relation" and item[5] == "所属项目 377.178亿元 → 酒城同心·金融速贷"
    assert "restored relation" in cli("--db", db, "trash", "restore", item[0], check=True).stdout
    assert cli("--db", db, "relations", check=True).stdout.splitlines()[-1] == "2 relations"


def test_relation_types_are_added_changed_and_deleted_unless_used(cli, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    said = cli("--db", db, "relations", "types", "add", "合作", "--from", "ORGANIZATION", "--to",
               "ORGANIZATION,PROGRAM", "--title", "合作机构", check=True).stdout
    cli("--db", db, "annotators", "role", "王五", "reviewer", "--reviewer", "王五", check=True)
    assert "added relation type 合作" in said
    changed = cli("--db", db, "relations", "types", "set", "合作", "--rename", "合办", "--to", "PROGRAM", check=True)
    assert "合作: now 合办 ORGANIZATION → PROGRAM" in changed.stdout
    assert "合办\t合作机构\tORGANIZATION → PROGRAM\t" in cli("--db", db, "relations", "types", check=True).stdout
    refused = cli("--db", db, "relations", "types", "add", "空", "--from", "METRIC", "--to", "")
    assert refused.returncode == 2 and "to_labels must list at least one label name" in refused.stderr
    assert "deleted relation type 合办" in cli("--db", db, "relations", "types", "delete", "合办", "--reviewer", "王五",
                                             check=True).stdout
    assert "relation type 合办" in cli("--db", db, "log", check=True).stdout
    not_reviewer = cli("--db", db, "relations", "types", "delete", "所属项目", "--reviewer", "张三")
    assert not_reviewer.returncode == 2 and "reviewer" in not_reviewer.stderr
