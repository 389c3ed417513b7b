"""``biaozhu suggest``: rules and the project's dictionary fill the suggestions layer, which only an export that
names it writes, and ``suggest eval`` scores the engines on held-out documents (issue 15)."""

from __future__ import annotations

from pathlib import Path

import orjson

from biaozhu.corpus.suggestions import compatible, rule_suggestions

FIRST = "泸州市工商联推出“酒城同心·金融速贷”，发放贷款377.178亿元。"
SECOND = "市工商联联合泸州银行开展“酒城同心·金融速贷”，服务1007户。"


def line(text: str, *spans: tuple[str, str]) -> bytes:
    label = [[text.index(s), text.index(s) + len(s), name] for s, name in spans]
    return orjson.dumps({"text": text, "label": label, "annotator": "张三"}) + b"\n"


def project(cli, tmp_path: Path) -> Path:
    source = tmp_path / "layer.jsonl"
    source.write_bytes(line(FIRST, ("泸州市工商联", "ORGANIZATION"), ("市工商联", "ORGANIZATION"),
                            ("酒城同心·金融速贷", "PROGRAM"), ("377.178亿元", "METRIC"))
                       + line(SECOND, ("市工商联", "ORGANIZATION"), ("泸州银行", "ORGANIZATION"),
                              ("酒城同心·金融速贷", "PROGRAM"), ("1007户", "METRIC")))
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", source, check=True)
    return db


def exported(cli, db: Path, *options: str) -> list[dict]:
    return [orjson.loads(row) for row in cli("--db", db, "export", *options, "-o", "-", check=True).stdout.splitlines()]


def test_suggestions_are_their_own_layer_and_no_other_export_holds_them(cli, tmp_path: Path) -> None:
    db = project(cli, tmp_path)
    said = cli("--db", db, "suggest", "--from", "张三", check=True).stdout
    assert "suggestions in 2 documents" in said and "knew 6 span texts" in said
    assert "the model learned 8 spans in 2 documents" in said  # trained in a process of its own first
    assert (db.parent / "p.sqlite.model").is_file()
    [first, second] = exported(cli, db, "--layer", "suggestions")
    found = {(row["text"][s:e], label) for row in (first, second) for s, e, label in row["label"]}
    assert {("377.178亿元", "METRIC"), ("1007户", "METRIC"), ("酒城同心·金融速贷", "PROGRAM"),
            ("泸州银行", "ORGANIZATION"), ("市工商联", "ORGANIZATION")} <= found
    assert all(row["annotator"] == "张三" for row in exported(cli, db))  # the default export: people's layers only
    agreement = orjson.loads(cli("--db", db, "agreement", "--format", "json", check=True).stdout)
    assert agreement["annotators"] == ["张三"]
    stats = orjson.loads(cli("--db", db, "stats", "--format", "json", check=True).stdout)
    assert [layer["name"] for layer in stats["layers"]] == ["张三"]  # nobody's data until accepted
    cli("--db", db, "import", "--annotator", "李四", tmp_path / "layer.jsonl", check=True)  # 张三's spans again
    cli("--db", db, "annotators", "role", "王五", "reviewer", "--reviewer", "王五", check=True)
    auto = cli("--db", db, "review", "auto", "--reviewer", "王五", check=True).stdout
    assert "8 agreed spans put into gold" in auto and "0 open disagreements" in auto  # the suggestions have no say
    again = cli("--db", db, "suggest", "--engines", "rules", check=True).stdout  # replaced, not added to
    assert "suggestions in 2 documents" in again
    rules_only = exported(cli, db, "--layer", "suggestions")
    expected = [compatible(rule_suggestions(row["text"])) for row in rules_only]
    assert [len(row["label"]) for row in rules_only] == [len(found) for found in expected]


def test_the_suggestions_export_gives_each_span_its_engine_and_score_where_the_format_has_room(
        cli, tmp_path: Path) -> None:
    db = project(cli, tmp_path)
    cli("--db", db, "suggest", "--engines", "rules", "--documents", "1", check=True)
    [row] = [row for row in exported(cli, db, "--layer", "suggestions") if row["label"]]
    assert row["text"] == FIRST  # --documents: the second report has none
    scores = {(row["text"][s["start"]:s["end"]], s["label"]): (s["engine"], s["score"]) for s in row["scores"]}
    assert scores[("377.178亿元", "METRIC")] == ("rules", 0.9) and len(scores) == len(row["label"])
    [task, *_] = orjson.loads(cli("--db", db, "export", "--layer", "suggestions", "--format", "labelstudio", "-o",
                                  "-", check=True).stdout)
    results = [r for r in task["annotations"][0]["result"] if r["type"] == "labels"]
    assert {r["value"]["text"]: r["score"] for r in results}["377.178亿元"] == 0.9
    assert {r["origin"] for r in results} == {"prediction"}
    assert "scores" not in exported(cli, db)[0]  # people's layers have no scores


def test_eval_scores_each_engine_on_held_out_documents(cli, tmp_path: Path) -> None:
    db = project(cli, tmp_path)
    printed = cli("--db", db, "suggest", "eval", "--from", "张三", "--test", "2", check=True).stdout
    assert "scored against 张三 on documents 2" in printed
    both = printed.split("rules + dictionary:")[1]
    metric = next(row for row in both.splitlines() if row.strip().startswith("METRIC")).split()
    assert metric[1:4] == ["1.000", "1.000", "1.000"]  # 1007户 by the rules
    assert "\nmodel:\n" in printed and "\nrules + dictionary + model:\n" in printed  # trained on document 1
    refused = cli("--db", db, "suggest", "--engines", "magic")
    assert refused.returncode == 2 and "--engines takes rules, dictionary, model" in refused.stderr
