"""``biaozhu labels export`` / ``labels import``: a team shares one label set, definitions included (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from sqlalchemy.orm import Session

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.guidelines import pin_example
from biaozhu.db.labels import label_ids
from biaozhu.db.permissions import ensure_person
from biaozhu.db.spans import add_span


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
    assert "1 labels added (POLICY), 3 updated, 0 examples added" in said
    assert "1 relation types added (依据政策), 2 updated" in said
    assert "依据政策\t依据政策\tPROGRAM → POLICY\t项目依据的政策" in cli("--db", theirs, "relations", "types",
                                                                check=True).stdout
    listed = cli("--db", theirs, "labels", check=True).stdout
    assert "4\tPOLICY\t政策\t#123456\t一项政策：稳岗政策" in listed
    assert "项目：计划、工程、行动" in listed
    again = cli("--db", theirs, "labels", "import", shared, check=True).stdout
    assert "0 labels added (-), 4 updated" in again


def test_guidelines_and_pinned_examples_travel_with_the_labels(cli, tmp_path: Path) -> None:
    ours, theirs, shared = tmp_path / "ours.sqlite", tmp_path / "theirs.sqlite", tmp_path / "labels.json"
    guide = tmp_path / "guide.md"
    guide.write_text("# 总则\r\n- 只标正式名称\r\n", encoding="utf-8")
    cli("--db", ours, "labels", "guideline", "--set", guide, check=True)
    assert cli("--db", ours, "labels", "guideline", check=True).stdout == "# 总则\n- 只标正式名称\n\n"
    with session_on(ours) as session:
        reviewer = ensure_person(session, "王五").id  # the project's first person: its reviewer
        document, _ = add_document(session, SourceDocument(name="a.txt", text="今年泸州银行发放贷款。", source=""))
        span = add_span(session, document.id, reviewer, label_ids(session)["ORGANIZATION"], 2, 6, "泸州银行")
        pin_example(session, span, "good", "王五", "全称")
    cli("--db", ours, "labels", "export", "-o", shared, check=True)
    said = cli("--db", theirs, "labels", "import", shared, check=True).stdout
    assert "0 labels added (-), 3 updated, 1 examples added" in said
    assert cli("--db", theirs, "labels", "guideline", check=True).stdout == "# 总则\n- 只标正式名称\n\n"
    exported = orjson.loads(shared.read_bytes())
    assert exported["labels"][2]["examples"] == [{"verdict": "good", "before": "今年", "text": "泸州银行",
                                                  "after": "发放贷款。", "note": "全称"}]


def test_a_label_set_of_an_earlier_version_is_still_read(cli, tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text('[{"name": "POLICY", "title": "政策", "color": "#123456"}]', encoding="utf-8")
    said = cli("--db", tmp_path / "p.sqlite", "labels", "import", old, check=True).stdout
    assert "1 labels added (POLICY)" in said


@contextmanager
def session_on(path: Path) -> Iterator[Session]:
    engine = create_project_engine(str(path))
    try:
        with session_factory(engine).begin() as session:
            yield session
    finally:
        engine.dispose()


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
