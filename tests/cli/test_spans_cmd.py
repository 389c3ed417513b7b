"""``biaozhu spans`` (issue 11, item 1): one bad span, e.g. a whole report tagged by mistake, is found by its id and
moved to the trash without the app."""

from __future__ import annotations

from pathlib import Path

import orjson

TEXT = "泸州市委统战部联合泸州银行发放贷款。" * 10


def test_spans_are_listed_with_ids_and_one_goes_to_the_trash_and_back(cli, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    for annotator, label in (("张三", [[0, 7, "ORGANIZATION"], [0, len(TEXT), "PROGRAM"]]),
                             ("李四", [[9, 13, "ORGANIZATION"]])):
        source = tmp_path / f"{annotator}.jsonl"
        source.write_bytes(orjson.dumps({"text": TEXT, "label": label}) + b"\n")
        cli("--db", db, "import", "--annotator", annotator, source, check=True)
    listed = cli("--db", db, "spans", check=True).stdout.splitlines()
    assert listed[0] == "id\tdocument\tannotator\tlabel\tstart\tend\ttext" and listed[-1] == "3 spans"
    rows = [line.split("\t") for line in listed[1:-1]]
    whole = next(row for row in rows if row[3] == "PROGRAM")
    assert whole[1:6] == ["1", "张三", "PROGRAM", "0", str(len(TEXT))]
    assert whole[6] == TEXT[:40] + "…"  # the start of a long text, not all of it
    mine = cli("--db", db, "spans", "--annotator", "李四", "--document", "1", check=True).stdout.splitlines()
    assert [line.split("\t")[6] for line in mine[1:-1]] == ["泸州银行"]

    deleted = cli("--db", db, "spans", "delete", whole[0], "999")
    assert deleted.returncode == 2
    assert f"span {whole[0]} moved to the trash" in deleted.stdout and "span 999" in deleted.stderr
    assert "2 spans" in cli("--db", db, "spans", check=True).stdout
    trash = cli("--db", db, "trash", check=True).stdout.splitlines()
    [item] = [line.split("\t")[0] for line in trash[1:-1]]
    cli("--db", db, "trash", "restore", item, check=True)
    assert "3 spans" in cli("--db", db, "spans", check=True).stdout
