"""`biaozhu merge OTHER_DB`: annotators who worked apart bring their layers together."""

from __future__ import annotations

from pathlib import Path

import orjson

from biaozhu.db.project import seeds_dir

SEED = seeds_dir() / "2022年泸州市统一战线工作综述.txt"


def annotate(cli, db: Path, tmp_path: Path, annotator: str, *surfaces: tuple[str, str]) -> None:
    """Import the seed report, then ``annotator``'s spans on it as doccano JSONL (the same normalised text)."""
    cli("--db", db, "import", SEED, check=True)
    exported = tmp_path / "seed.jsonl"
    cli("--db", db, "export", "-o", exported, check=True)
    text = orjson.loads(exported.read_bytes().splitlines()[0])["text"]
    label = [[text.index(s), text.index(s) + len(s), tag] for s, tag in surfaces]
    source = tmp_path / f"{annotator}-{db.stem}.jsonl"
    source.write_bytes(orjson.dumps({"text": text, "label": label}) + b"\n")
    cli("--db", db, "import", "--annotator", annotator, source, check=True)


def test_merge_brings_layers_in_once_and_reports_conflicts(cli, tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.sqlite", tmp_path / "laptop.sqlite"
    annotate(cli, ours, tmp_path, "张三", ("泸州市委统战部", "ORGANIZATION"))
    annotate(cli, theirs, tmp_path, "李四", ("泸州市委统战部", "ORGANIZATION"), ("“4321工作法”", "PROGRAM"))
    merged = cli("--db", ours, "merge", theirs, check=True).stdout
    assert "documents: 0 added, 1 already here" in merged
    assert "layers: 1 added (2 spans), 0 already here" in merged and "0 conflicts" in merged
    assert "new annotators: 李四" in merged
    docs = cli("--db", ours, "docs", check=True).stdout
    assert "张三 1" in docs and "李四 2" in docs

    again = cli("--db", ours, "merge", theirs, check=True).stdout
    assert "layers: 0 added (0 spans), 1 already here" in again
    assert "张三 1" in cli("--db", ours, "docs", check=True).stdout and "3 spans" in docs

    annotate(cli, theirs, tmp_path, "张三", ("泸州", "ORGANIZATION"))  # 张三 worked in both places
    conflict = cli("--db", ours, "merge", theirs, check=True).stdout
    assert ("conflict: 张三 edited 2022年泸州市统一战线工作综述.txt in both projects; kept ours, 1 spans of theirs "
            "not taken:") in conflict
    assert "ORGANIZATION 泸州\n" in conflict and "1 conflicts (listed above)" in conflict
    assert "张三 1" in cli("--db", ours, "docs", check=True).stdout


def test_a_missing_other_project_is_refused(cli, tmp_path: Path) -> None:
    result = cli("--db", tmp_path / "ours.sqlite", "merge", tmp_path / "nowhere.sqlite")
    assert result.returncode == 2 and "nowhere.sqlite: no such project file" in result.stderr
    assert not (tmp_path / "nowhere.sqlite").exists()
