"""Relations and METRIC values through ``biaozhu import`` and ``biaozhu export`` as users run them (issue 16): stored
with the spans, refused or created as labels are, exported by every format that holds them, counted where one
cannot, and round-tripped into a fresh project with hand-set values kept."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

DOCCANO_RE = "doccano/backend/data_import/pipeline/examples/relation_extraction/example.jsonl"
TEXT = "“酒城同心·金融速贷”由泸州银行承办，累计放款377.178亿元，惠及约1000户。"
SUFFIX = {"spacy": ".spacy", "labelstudio": ".json", "brat": ""}


def at(part: str, label: str) -> list[object]:
    return [TEXT.index(part), TEXT.index(part) + len(part), label]


def report_file(tmp_path: Path) -> Path:
    """Our own JSONL: spans, two relations of the default types, a computed value and one set by hand."""
    money, households = at("377.178亿元", "METRIC"), at("约1000户", "METRIC")
    record = {"text": TEXT, "annotator": "张三",
              "label": [at("酒城同心·金融速贷", "PROGRAM"), at("泸州银行", "ORGANIZATION"), money, households],
              "relations": [{"from_id": 2, "to_id": 0, "type": "所属项目"},
                            {"from_id": 0, "to_id": 1, "type": "责任机构"}],
              "values": [{"start": money[0], "end": money[1], "value": "37717800000", "unit": "元",
                          "qualifier": "exact"},
                         {"start": households[0], "end": households[1], "value": "1007", "unit": "户",
                          "qualifier": "exact"}]}
    path = tmp_path / "report.jsonl"
    path.write_bytes(orjson.dumps(record) + b"\n")
    return path


def relations_of(cli, db: str | Path) -> list[tuple[str, str, str]]:
    """The relations a project holds, read through its doccano-entities export."""
    out = cli("--db", db, "export", "--format", "doccano-entities", "--no-sentences", "-o", "-", check=True).stdout
    found = []
    for line in out.splitlines():
        record = orjson.loads(line)
        names = {e["id"]: record["text"][e["start_offset"]:e["end_offset"]] for e in record["entities"]}
        found += [(names[r["from_id"]], r["type"], names[r["to_id"]]) for r in record.get("relations", [])]
    return sorted(found)


def metrics(cli, db: str | Path) -> list[tuple[str, str, bool]]:
    rows = orjson.loads(cli("--db", db, "metrics", "--format", "json", check=True).stdout)
    return [(row["text"], row["value"], row["by_hand"]) for row in rows]


def test_peer_relations_are_refused_as_unknown_labels_are_then_created(cli, db_url: str, peer_data: Path) -> None:
    path = peer_data / DOCCANO_RE
    refused = cli("--db", db_url, "import", "--annotator", "alice", path)
    assert refused.returncode == 1
    assert (f"{path}: 3 labels the project does not have: DATE, ORG, PERSON (add them with `biaozhu labels add` or "
            "import with --create-labels); 2 relation types the project does not have: foundedAt, foundedBy (add "
            "them in the labels dialog or import with --create-labels) — nothing imported from this file"
            ) in refused.stderr
    done = cli("--db", db_url, "import", "--annotator", "alice", "--create-labels", path, check=True)
    assert f"{path}: 1 documents, 4 spans, 3 relations; new labels: DATE, ORG, PERSON; new relation types: " \
           "foundedAt, foundedBy" in done.stdout
    assert relations_of(cli, db_url) == [("Google", "foundedAt", "September 4, 1998"),
                                         ("Google", "foundedBy", "Larry Page"), ("Google", "foundedBy", "Sergey Brin")]
    again = cli("--db", db_url, "import", "--annotator", "alice", path, check=True)
    assert "0 spans (4 already there), 0 relations (3 already there)" in again.stdout
    assert len(relations_of(cli, db_url)) == 3


def test_a_relation_its_type_does_not_allow_is_refused_with_its_line(cli, db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "wrong.jsonl"
    record = {"text": TEXT, "annotator": "张三",
              "label": [at("酒城同心·金融速贷", "PROGRAM"), at("泸州银行", "ORGANIZATION")],
              "relations": [{"from_id": 1, "to_id": 0, "type": "所属项目"}]}
    path.write_bytes(b"\n" + orjson.dumps(record) + b"\n")
    refused = cli("--db", db_url, "import", path)
    assert refused.returncode == 1
    assert (f"{path}:2: a 所属项目 relation from ORGANIZATION '泸州银行' to PROGRAM '酒城同心·金融速贷' in wrong#2: "
            "所属项目 links METRIC to PROGRAM — nothing imported from this file") in refused.stderr
    assert cli("--db", db_url, "export", "-o", "-", check=True).stdout == ""  # nothing of the file was stored


def test_import_keeps_the_values_of_the_file_and_a_hand_set_one_stays_by_hand(cli, db_url: str,
                                                                             tmp_path: Path) -> None:
    cli("--db", db_url, "import", report_file(tmp_path), check=True)
    assert metrics(cli, db_url) == [("377.178亿元", "37717800000", False), ("约1000户", "1007", True)]
    assert relations_of(cli, db_url) == [("377.178亿元", "所属项目", "酒城同心·金融速贷"),
                                         ("酒城同心·金融速贷", "责任机构", "泸州银行")]


@pytest.mark.parametrize("fmt", ["jsonl", "doccano-entities", "spans", "spacy", "brat", "labelstudio"])
def test_relations_and_hand_set_values_round_trip_into_a_fresh_project(cli, tmp_path: Path, fmt: str) -> None:
    db, fresh = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    cli("--db", db, "import", report_file(tmp_path), check=True)
    target = tmp_path / f"out{SUFFIX.get(fmt, '.jsonl')}"
    exported = cli("--db", db, "export", "--format", fmt, "-o", target, check=True)
    assert "4 spans, 2 relations to" in exported.stderr
    paths = sorted(target.rglob("*.ann")) if fmt == "brat" else [target]
    cli("--db", fresh, "import", "--format", fmt if fmt != "brat" else "brat", *paths, check=True)
    assert relations_of(cli, fresh) == relations_of(cli, db)
    assert metrics(cli, fresh) == metrics(cli, db)


@pytest.mark.parametrize("fmt", ["conll", "hf", "cluener"])
def test_formats_without_relations_say_how_many_they_left_out(cli, tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "a.sqlite"
    cli("--db", db, "import", report_file(tmp_path), check=True)
    exported = cli("--db", db, "export", "--format", fmt, "-o", tmp_path / "out", check=True)
    assert f"; 2 relations left out ({fmt} cannot hold relations) to" in exported.stderr


def test_relations_lose_an_end_to_the_label_filter_and_are_counted(cli, tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    cli("--db", db, "import", report_file(tmp_path), check=True)
    exported = cli("--db", db, "export", "--labels", "METRIC,PROGRAM", "-o", tmp_path / "o.jsonl", check=True)
    assert "3 spans, 1 relations; 1 relations left out (across sentences, or an end not exported)" in exported.stderr


def test_agreed_relations_reach_gold_and_its_export(cli, db_url: str, tmp_path: Path) -> None:
    source = report_file(tmp_path)
    for name in ("张三", "李四"):
        cli("--db", db_url, "import", "--annotator", name, source, check=True)
    cli("--db", db_url, "annotators", "role", "王五", "reviewer", "--reviewer", "王五", check=True)
    auto = cli("--db", db_url, "review", "auto", "--reviewer", "王五", check=True)
    assert "4 agreed spans put into gold, 2 relations" in auto.stdout
    out = cli("--db", db_url, "export", "--layer", "gold", "--format", "doccano-entities", "-o", "-", check=True)
    record = orjson.loads(out.stdout)
    names = {e["id"]: TEXT[e["start_offset"]:e["end_offset"]] for e in record["entities"]}
    assert sorted((names[r["from_id"]], r["type"], names[r["to_id"]]) for r in record["relations"]) == [
        ("377.178亿元", "所属项目", "酒城同心·金融速贷"), ("酒城同心·金融速贷", "责任机构", "泸州银行")]
    assert {(v["value"], v["unit"]) for v in record["values"]} == {("37717800000", "元"), ("1007", "户")}
