"""``biaozhu labels export`` / ``labels import``: a team shares one label set, definitions included (issue 18)."""

from __future__ import annotations

from pathlib import Path

import orjson


def test_a_label_set_travels_from_one_project_to_another(cli, tmp_path: Path) -> None:
    ours, theirs, shared = tmp_path / "ours.sqlite", tmp_path / "theirs.sqlite", tmp_path / "labels.json"
    cli("--db", ours, "labels", "add", "POLICY", "--title", "政策", "--color", "#123456", "--hotkey", "4",
        "--definition", "一项政策：稳岗政策", check=True)
    cli("--db", ours, "labels", "set", "PROGRAM", "--definition", "项目：计划、工程、行动", check=True)
    cli("--db", ours, "labels", "export", "-o", shared, check=True)
    exported = orjson.loads(shared.read_bytes())
    assert [label["name"] for label in exported] == ["PROGRAM", "METRIC", "ORGANIZATION", "POLICY"]
    said = cli("--db", theirs, "labels", "import", shared, check=True).stdout
    assert "1 labels added (POLICY), 3 updated" in said
    listed = cli("--db", theirs, "labels", check=True).stdout
    assert "4\tPOLICY\t政策\t#123456\t一项政策：稳岗政策" in listed
    assert "项目：计划、工程、行动" in listed
    again = cli("--db", theirs, "labels", "import", shared, check=True).stdout
    assert "0 labels added (-), 4 updated" in again


def test_a_file_that_is_no_label_set_is_refused_naming_it(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[{"name": "HAS SPACE"}]', encoding="utf-8")
    result = cli("--db", tmp_path / "p.sqlite", "labels", "import", bad)
    assert result.returncode == 2 and f"{bad}: label 1: a label name is 1 to 64 characters" in result.stderr
