"""``biaozhu comments`` and brat's AnnotatorNotes (issue 18): comments added, listed (the open ones only when
asked), resolved and reopened from the command line; comments on spans go out to brat as AnnotatorNotes and come
back from them."""

from __future__ import annotations

import json
from pathlib import Path

from biaozhu.corpus.formats.brat import read_brat

TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。\n市工商联参与。"


def project(cli, tmp_path: Path) -> Path:
    """A project whose document 1 has 张三's spans: 泸州银行 (span 1) and the figure (span 2)."""
    source, db = tmp_path / "tagged.jsonl", tmp_path / "p.sqlite"
    record = {"text": TEXT, "label": [[8, 12, "ORGANIZATION"], [30, 39, "METRIC"]], "annotator": "张三"}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    cli("import", source, "--db", db, check=True)
    return db


def test_comments_are_added_listed_resolved_and_reopened(cli, tmp_path: Path) -> None:
    db = project(cli, tmp_path)
    assert cli("--db", db, "comments", "add", "是全称吗？", "--span", "1", "--author", "王五",
               check=True).stdout == "comment 1 added\n"
    cli("--db", db, "comments", "add", "是", "--reply-to", "1", "--author", "张三", check=True)
    cli("--db", db, "comments", "add", "第二段没标完", "--document", "1", "--author", "王五", check=True)
    listed = cli("--db", db, "comments", check=True).stdout.splitlines()
    assert listed[0] == "#1\ttagged#1\tORGANIZATION 泸州银行 [8, 12)\topen"
    assert listed[1].startswith("  #1\t王五\t") and listed[1].endswith("\t是全称吗？")
    assert listed[2].startswith("  #2\t张三\t") and listed[3] == "#3\ttagged#1\tdocument\topen"
    assert listed[-1] == "2 threads, 2 open"
    assert cli("--db", db, "comments", "resolve", "2", "--author", "王五", check=True).stdout == \
        "thread of comment 2: resolved\n"
    unresolved = cli("--db", db, "comments", "list", "--unresolved", check=True).stdout
    assert "泸州银行" not in unresolved and unresolved.endswith("1 threads, 1 open\n")
    assert "resolved by 王五" in cli("--db", db, "comments", check=True).stdout
    cli("--db", db, "comments", "reopen", "1", check=True)
    assert cli("--db", db, "comments", "--unresolved", check=True).stdout.endswith("2 threads, 2 open\n")


def test_a_comment_nobody_can_place_is_one_sentence(cli, tmp_path: Path) -> None:
    db = project(cli, tmp_path)
    result = cli("--db", db, "comments", "add", "?", "--span", "99", "--author", "王五")
    assert result.returncode != 0 and "span 99 is gone" in result.stderr and "Traceback" not in result.stderr
    result = cli("--db", db, "comments", "add", " ", "--document", "1", "--author", "王五")
    assert "a comment needs some text" in result.stderr


def test_comments_on_spans_round_trip_through_brat_annotator_notes(cli, tmp_path: Path) -> None:
    db = project(cli, tmp_path)
    cli("--db", db, "comments", "add", "是全称吗？\n请核对", "--span", "1", "--author", "王五", check=True)
    cli("--db", db, "comments", "add", "单位对", "--span", "2", "--author", "张三", check=True)
    cli("--db", db, "comments", "add", "只在文档上", "--document", "1", "--author", "王五", check=True)
    out = tmp_path / "brat"
    cli("--db", db, "export", "--format", "brat", "--layer", "张三", "-o", out, check=True)
    [ann] = sorted(out.rglob("*.ann"))
    lines = ann.read_text("utf-8").splitlines()
    assert [line for line in lines if line.startswith("#")] == [  # a METRIC's value is a note before its comments
        "#1\tAnnotatorNotes T1\t是全称吗？ 请核对", "#2\tAnnotatorNotes T2\tvalue=37717800000 qualifier=exact unit=元",
        "#3\tAnnotatorNotes T2\t单位对"]
    [document] = read_brat(ann, "张三")
    assert [(span.text, text) for span, text in document.comments] == [("泸州银行", "是全称吗？ 请核对"),
                                                                        ("377.178亿元", "单位对")]
    again = tmp_path / "again.sqlite"
    said = cli("import", out, "--db", again, "--annotator", "张三", "--create-labels", check=True).stdout
    assert "2 spans, 2 comments" in said
    listed = cli("--db", again, "comments", check=True).stdout
    assert "ORGANIZATION 泸州银行 [8, 12)\topen" in listed and "\t张三\t" in listed and "是全称吗？ 请核对" in listed
    said = cli("import", out, "--db", again, "--annotator", "张三", check=True).stdout
    assert " comments" not in said  # importing twice adds no comment twice
    assert cli("--db", again, "comments", check=True).stdout.endswith("2 threads, 2 open\n")
