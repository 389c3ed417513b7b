"""``biaozhu outline`` (issue 17): each document's headings, from the seeds' text and from Word's styles."""

from __future__ import annotations

import json
from pathlib import Path

import report_files

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed(name: str) -> str:
    return (SEEDS / f"2022年{name}市统一战线工作综述.txt").read_text(encoding="utf-8")


def _row(text: str, heading: str, following: str) -> str:
    """A table row: level 1, the heading's offsets, its section's end (where the next heading starts)."""
    start = text.index(heading)
    return f"1\t{start}\t{start + len(heading)}\t{text.index(following)}\t{heading}"


def test_outline_prints_the_seed_reports_sections(cli, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", SEEDS, check=True)
    table = cli("--db", db, "outline", check=True).stdout
    luzhou, jilin = _seed("泸州"), _seed("吉林")
    assert _row(luzhou, "坚持政治引领 把牢方向之舵", "聚焦中心大局") in table
    assert _row(jilin, "协助招商 帮扶企业 凝心聚力助推发展", "聚焦基层 建言资政") in table
    assert "2023-2-13" not in table and "2023-2-28" not in table
    [one] = json.loads(cli("--db", db, "outline", "2", "--format", "json", check=True).stdout)
    assert one["name"] == "2022年泸州市统一战线工作综述.txt"
    assert [h["text"] for h in one["headings"][1:]] == ["坚持政治引领 把牢方向之舵", "聚焦中心大局  彰显统战之力",
                                                        "坚持守正创新  夯实统战之基"]
    start = luzhou.index("坚持政治引领 把牢方向之舵")
    assert one["headings"][1] == {"level": 1, "text": "坚持政治引领 把牢方向之舵", "start": start, "end": start + 13,
                                  "section_end": luzhou.index("聚焦中心大局")}


def test_a_docx_outline_comes_from_its_heading_styles(cli, tmp_path: Path) -> None:
    path = tmp_path / "总结.docx"
    report_files.write_numbered_docx(path, [(-1, "报告", "Title"), (0, "总体情况", "Heading 1"),
                                            (-1, "全年完成目标。", None), (1, "主要做法", "Heading 2"),
                                            (-1, "二是坚持学习", None)])
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", path, check=True)
    [one] = json.loads(cli("--db", db, "outline", "--format", "json", check=True).stdout)
    assert [(h["level"], h["text"]) for h in one["headings"]] == [(1, "一、总体情况"), (2, "（一）主要做法")]


def test_an_unknown_document_is_named(cli, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", SEEDS, check=True)
    result = cli("--db", db, "outline", "42")
    assert result.returncode == 1 and "there is no document 42" in result.stderr and "Traceback" not in result.stderr


def test_an_export_can_carry_each_spans_section_path(cli, tmp_path: Path) -> None:
    text = _seed("泸州")
    start = text.index("酒城同心·金融速贷")
    tagged = tmp_path / "tagged.jsonl"
    tagged.write_text(json.dumps({"text": text, "label": [[start, start + 9, "PROGRAM"], [0, 4, "PROGRAM"]]},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", "--annotator", "张三", tagged, check=True)
    plain = json.loads(cli("--db", db, "export", "--format", "jsonl", "-o", "-", check=True).stdout)
    assert "span_sections" not in plain["meta"]
    record = json.loads(cli("--db", db, "export", "--format", "jsonl", "--sections", "-o", "-", check=True).stdout)
    title = text.splitlines()[0]
    assert record["meta"]["span_sections"] == [[0, 4, "PROGRAM", [title]],
                                               [start, start + 9, "PROGRAM", [title, "聚焦中心大局  彰显统战之力"]]]
