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
    assert [label["name"] for label in exported["labels"]] == ["PROGRAM", "METRIC", "ORGANIZATION", "POLICY"]
    assert [kind["name"] for kind in exported["relation_types"]] == ["所属项目", "责任机构"]
    exported["relation_types"].append({"name": "依据政策", "title": "依据政策", "from_labels": ["PROGRAM"],
                                       "to_labels": ["POLICY"], "definition": "项目依据的政策"})
    shared.write_bytes(orjson.dumps(exported))
    said = cli("--db", theirs, "labels", "import", shared, check=True).stdout
    assert "1 labels added (POLICY), 3 updated" in said
    assert "1 relation types added (依据政策), 2 updated" in said
    assert "依据政策\t依据政策\tPROGRAM → POLICY\t项目依据的政策" in cli("--db", theirs, "relations", "types",
                                                                check=True).stdout
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


def test_a_label_set_from_before_relations_is_still_read(cli, tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text('[{"name": "POLICY", "title": "政策", "color": "#123456"}]', encoding="utf-8")
    said = cli("--db", tmp_path / "p.sqlite", "labels", "import", old, check=True).stdout
    assert "1 labels added (POLICY)" in said and "0 relation types added (-), 0 updated" in said


def test_a_bad_relation_type_is_refused_naming_the_file(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"labels": [], "relation_types": [{"name": "所属项目", "from_labels": []}]}', encoding="utf-8")
    result = cli("--db", tmp_path / "p.sqlite", "labels", "import", bad)
    assert result.returncode == 2
    assert f"{bad}: relation type 1: from_labels must list at least one label name" in result.stderr
