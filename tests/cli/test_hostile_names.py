"""Hostile names: every path an export writes stays inside its target, and layers whose names sanitise alike
(``a/b``, ``a_b``, ``a:b``, ``A_B``) keep folders of their own; escape sequences in names never reach the terminal."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


def layer_counts(jsonl: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for line in jsonl.read_bytes().splitlines():
        record = orjson.loads(line)
        counts[record["annotator"]] += len(record["label"])
    return counts


def test_brat_export_never_leaves_its_folder_and_keeps_every_layer(cli, tmp_path: Path) -> None:
    source = HOSTILE / "brat_escape_layers.jsonl"
    project = tmp_path / "project.sqlite"
    cli("--db", project, "import", source, check=True)
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "keep.txt").write_text("mine")
    exported = cli("--db", project, "export", "--format", "brat", "-o", parent / "out", check=True)
    assert sorted(p.name for p in parent.iterdir()) == ["keep.txt", "out"]
    assert (parent / "keep.txt").read_text() == "mine"
    assert "11 spans" in exported.stderr
    folders = sorted(p.name for p in (parent / "out").iterdir())
    assert len(folders) == 5 and all(not name.startswith(".") and "/" not in name for name in folders)
    assert sum(len(ann.read_text("utf-8").splitlines()) for ann in (parent / "out").rglob("*.ann")) == 11
    fresh = tmp_path / "fresh.sqlite"
    cli("--db", fresh, "import", parent / "out", check=True)
    cli("--db", fresh, "export", "--format", "jsonl", "--no-sentences", "-o", tmp_path / "back.jsonl", check=True)
    assert layer_counts(tmp_path / "back.jsonl") == layer_counts(source)


def test_brat_sentences_of_one_document_get_files_of_their_own(cli, tmp_path: Path) -> None:
    project = tmp_path / "project.sqlite"
    text = "泸州市委统战部推出新政。泸州银行发放贷款。"
    record = {"text": text, "label": [[0, 7, "ORGANIZATION"], [12, 16, "ORGANIZATION"]], "annotator": "甲",
              "meta": {"name": "报告.txt"}}
    (tmp_path / "one.jsonl").write_bytes(orjson.dumps(record) + b"\n")
    cli("--db", project, "import", tmp_path / "one.jsonl", check=True)
    out = tmp_path / "out"
    cli("--db", project, "export", "--format", "brat", "--sentences", "-o", out, check=True)
    assert len(list(out.rglob("*.ann"))) == 2
    assert sum(len(p.read_text("utf-8").splitlines()) for p in out.rglob("*.ann")) == 2


def test_listings_show_terminal_escape_sequences_escaped(cli, tmp_path: Path) -> None:
    project = tmp_path / "project.sqlite"
    imported = cli("--db", project, "import", HOSTILE / "terminal_escapes.jsonl", check=True)
    cli("--db", project, "labels", "set", "ORGANIZATION", "--title", "\x1b[5m机构\r", check=True)
    listings = [imported.stdout, cli("--db", project, "docs", check=True).stdout,
                cli("--db", project, "labels", check=True).stdout,
                cli("--db", project, "review", check=True).stdout]
    for printed in listings:
        assert not {"\x1b", "\x07", "\u202e", "\r"} & set(printed)
    assert "\\u001b]0;pwned\\u0007报告\\u001b[2J\\u202e.txt" in listings[1]
    assert "\\u001b[5m机构\\u000d" in listings[2]
    raw = cli("--db", project, "export", "-o", "-", check=True).stdout  # an export is data: written as it is
    assert orjson.loads(raw)["meta"]["name"] == "\x1b]0;pwned\x07报告\x1b[2J\u202e.txt"


def test_an_export_that_cannot_be_written_is_a_sentence(cli, tmp_path: Path) -> None:
    project = tmp_path / "project.sqlite"
    cli("--db", project, "import", HOSTILE / "good.jsonl", check=True)
    (tmp_path / "a-file").write_text("mine")
    for target in (tmp_path / "missing" / "out.jsonl", tmp_path / "a-file" / "out.jsonl"):
        result = cli("--db", project, "export", "-o", target)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert f"biaozhu export: cannot write {target}: " in result.stderr and "nothing was written" in result.stderr
    assert (tmp_path / "a-file").read_text() == "mine"
