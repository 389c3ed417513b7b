"""``biaozhu metrics``: every METRIC span with its value, as an analyst puts it into a spreadsheet (issue 16)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson

TEXT = "泸州银行发放“酒城同心·金融速贷”377.178亿元，服务1007户、5-8万元，2022年。"


def project_with_metrics(cli, tmp_path: Path) -> Path:
    line = {"text": TEXT, "annotator": "张三",
            "label": [[TEXT.index(s), TEXT.index(s) + len(s), label] for s, label in
                      (("泸州银行", "ORGANIZATION"), ("377.178亿元", "METRIC"), ("1007户", "METRIC"),
                       ("5-8万元", "METRIC"), ("2022年", "METRIC"))]}
    source = tmp_path / "in.jsonl"
    source.write_bytes(orjson.dumps(line) + b"\n")
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", source, check=True)
    return db


def test_json_gives_one_object_per_metric_span_with_plain_decimal_values(cli, tmp_path: Path) -> None:
    db = project_with_metrics(cli, tmp_path)
    result = cli("--db", db, "metrics", "--format", "json", check=True)
    rows = orjson.loads(result.stdout)
    assert [(r["text"], r["value"], r["value_max"], r["unit"], r["qualifier"]) for r in rows] == [
        ("377.178亿元", "37717800000", None, "元", "exact"),
        ("1007户", "1007", None, "户", "exact"),
        ("5-8万元", "50000", "80000", "元", "range"),
        ("2022年", None, None, None, None),
    ]
    assert all(TEXT[r["start"]:r["end"]] == r["text"] for r in rows)
    assert [r["parsed"] for r in rows] == [True, True, True, False]
    assert {"document", "layer", "program", "organization"} <= set(rows[0])
    assert "4 METRIC spans, 1 not read as a figure" in result.stderr


def test_csv_opens_in_excel_on_chinese_windows(cli, tmp_path: Path) -> None:
    db = project_with_metrics(cli, tmp_path)
    target = tmp_path / "metrics.csv"
    cli("--db", db, "metrics", "--format", "csv", "-o", target, "--layer", "张三", check=True)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["text"], r["value"], r["unit"]) for r in rows][:2] == [("377.178亿元", "37717800000", "元"),
                                                                      ("1007户", "1007", "户")]


def test_a_layer_without_metrics_gives_an_empty_table(cli, tmp_path: Path) -> None:
    db = project_with_metrics(cli, tmp_path)
    result = cli("--db", db, "metrics", "--layer", "nobody", check=True)
    assert result.stdout.splitlines() == ["document_id\tdocument\tlayer\tstart\tend\ttext\tvalue\tvalue_max\tunit\t"
                                          "qualifier\tparsed\tby_hand\tprogram\torganization"]


def test_a_value_set_by_hand_is_what_metrics_reports(cli, tmp_path: Path) -> None:
    db = project_with_metrics(cli, tmp_path)
    listed = [line.split("\t") for line in cli("--db", db, "spans", check=True).stdout.splitlines()[1:-1]]
    [year] = [row[0] for row in listed if row[6] == "2022年"]
    refused = cli("--db", db, "spans", "set-value", year, "两千")
    assert refused.returncode == 2 and "'两千' is not a number" in refused.stderr and "Traceback" not in refused.stderr
    [bank] = [row[0] for row in listed if row[6] == "泸州银行"]
    other = cli("--db", db, "spans", "set-value", bank, "1")
    assert other.returncode == 2 and "only METRIC spans have a value" in other.stderr
    gone = cli("--db", db, "spans", "set-value", "999", "1")
    assert gone.returncode == 2 and "span 999 is gone" in gone.stderr
    done = cli("--db", db, "spans", "set-value", year, "2022", "--unit", "年", "--qualifier", "exact", check=True)
    assert f"span {year}: value set by hand" in done.stdout
    rows = orjson.loads(cli("--db", db, "metrics", "--format", "json", check=True).stdout)
    assert [(r["text"], r["value"], r["unit"], r["parsed"], r["by_hand"]) for r in rows][2:] == [
        ("5-8万元", "50000", "元", True, False), ("2022年", "2022", "年", True, True)]
    [money] = [row[0] for row in listed if row[6] == "377.178亿元"]
    cli("--db", db, "spans", "set-value", money, "3.7717800000E10", "--max", "4e10", check=True)
    [first] = orjson.loads(cli("--db", db, "metrics", "--format", "json", check=True).stdout)[:1]
    assert (first["value"], first["value_max"], first["unit"], first["qualifier"]) == (
        "37717800000", "40000000000", "元", "range")  # plain digits; the unit stays as it was


def test_the_jsonl_exports_carry_the_values_and_import_again(cli, tmp_path: Path) -> None:
    db = project_with_metrics(cli, tmp_path)
    listed = [line.split("\t") for line in cli("--db", db, "spans", check=True).stdout.splitlines()[1:-1]]
    [households] = [row[0] for row in listed if row[6] == "1007户"]
    cli("--db", db, "spans", "set-value", households, "1008", check=True)
    at = TEXT.index("377.178亿元")
    money = {"start": at, "end": at + 9, "value": "37717800000", "value_max": None, "unit": "元", "qualifier": "exact"}
    for fmt, key in (("jsonl", "label"), ("doccano-entities", "entities"), ("spans", "spans")):
        target = tmp_path / f"{fmt}.jsonl"
        cli("--db", db, "export", "--format", fmt, "-o", target, check=True)
        [record] = [orjson.loads(line) for line in target.read_bytes().splitlines()]
        assert len(record[key]) == 5
        assert record["values"][0] == money, fmt
        assert [(v["value"], v["unit"]) for v in record["values"]][1:] == [("1008", "户"), ("50000", "元")]
        assert record["values"][2]["value_max"] == "80000"  # 2022年 has no value: not listed, not guessed
    out = tmp_path / "sentences.jsonl"
    cli("--db", db, "export", "--sentences", "--max-length", "20", "-o", out, check=True)
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    placed = [(r["meta"]["offset"] + v["start"], r["text"][v["start"]:v["end"]], v["value"])
              for r in records for v in r.get("values", [])]
    assert placed == [(at, "377.178亿元", "37717800000"), (TEXT.index("1007户"), "1007户", "1008"),
                      (TEXT.index("5-8万元"), "5-8万元", "50000")]
    again = tmp_path / "again.sqlite"
    cli("--db", again, "import", tmp_path / "jsonl.jsonl", check=True)  # the values key is no obstacle
    assert "1 not read as a figure" in cli("--db", again, "metrics", check=True).stderr
