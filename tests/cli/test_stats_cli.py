"""``biaozhu stats``: the project's progress and spans per layer, as a table, JSON or long-form CSV (issue 18)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson


def test_stats_count_each_layer_by_status_label_and_day(cli, tmp_path: Path) -> None:
    text = "泸州银行发放377.178亿元，服务1007户。"
    line = {"text": text, "annotator": "张三",
            "label": [[0, 4, "ORGANIZATION"], [6, 15, "METRIC"], [18, 23, "METRIC"]]}
    source = tmp_path / "in.jsonl"
    source.write_bytes(orjson.dumps(line) + b"\n")
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", source, check=True)
    figures = orjson.loads(cli("--db", db, "stats", "--format", "json", check=True).stdout)
    assert figures["documents"] == 1 and figures["characters"] == len(text)
    [layer] = figures["layers"]
    assert (layer["name"], layer["spans"], layer["by_label"]) == ("张三", 3, {"METRIC": 2, "ORGANIZATION": 1})
    assert layer["documents"]["in_progress"] == 1 and list(layer["by_day"].values()) == [3]
    table = cli("--db", db, "stats", check=True).stdout
    assert "张三\tannotator\t0\t1\t0\t0\t3\t0\t2\t1" in table
    rows = list(csv.DictReader(io.StringIO(cli("--db", db, "stats", "--format", "csv", check=True).stdout)))
    assert {"layer": "张三", "role": "annotator", "figure": "spans", "key": "METRIC", "value": "2"} in rows
