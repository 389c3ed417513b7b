"""The command line as a user runs it: first start, import, export, labels, docs, check (issue 2)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import orjson
import pytest

TEXT = "泸州银行发放“酒城同心·金融速贷”377.178亿元\n𠮷野家😀 服务1007户，市工商联参与。\n"


def spans_of(path: Path) -> list[tuple[str, list, str | None]]:
    """(text, spans, annotator) per exported line, for comparing exports."""
    return [(r["text"], r["label"], r["annotator"]) for r in map(orjson.loads, path.read_bytes().splitlines())]


def doccano_line(text: str, *spans: tuple[str, str]) -> bytes:
    label = [[text.index(s), text.index(s) + len(s), name] for s, name in spans]
    return orjson.dumps({"text": text, "label": label}) + b"\n"


def test_first_start_creates_the_default_project_with_seeds_and_labels(cli, tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    docs = cli("docs", env=env, check=True)
    assert "2022年泸州市统一战线工作综述.txt" in docs.stdout and "2022年吉林市统一战线工作综述.txt" in docs.stdout
    assert "2 documents" in docs.stdout
    assert list((tmp_path / "data").rglob("biaozhu.sqlite"))
    labels = cli("labels", env=env, check=True).stdout.splitlines()
    assert [line.split("\t")[:3] for line in labels] == [
        ["1", "PROGRAM", "项目"], ["2", "METRIC", "指标"], ["3", "ORGANIZATION", "机构"]]
    assert "2 documents" in cli("docs", env=env, check=True).stdout  # seeds are imported once
    exported = cli("export", "-o", "-", env=env, check=True).stdout
    texts = [orjson.loads(line)["text"] for line in exported.splitlines()]
    # The Luzhou seed starts with its title, not with the "[bookmark: _Toc…]" left by its conversion from Word.
    assert any(text.startswith("同心聚力促发展 团结奋斗谱新篇：2022年泸州市统一战线工作综述\n") for text in texts)
    assert not any("[bookmark:" in text for text in texts)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_text_files_in_every_encoding_import_as_the_same_document(cli, tmp_path: Path, encoding: str) -> None:
    db = tmp_path / "p.sqlite"
    source = tmp_path / f"report-{encoding}.txt"
    source.write_bytes(TEXT.replace("\n", "\r\n").encode(encoding))
    result = cli("--db", db, "import", source, check=True)
    assert "1 documents" in result.stdout
    out = tmp_path / "out.jsonl"
    cli("--db", db, "export", "-o", out, check=True)
    [record] = map(orjson.loads, out.read_bytes().splitlines())
    assert record["text"] == TEXT
    again = tmp_path / "again.txt"
    again.write_bytes(TEXT.encode("utf-8"))
    assert "1 already in the project" in cli("--db", db, "import", again, check=True).stdout


def test_docx_paragraphs_and_table_cells_become_lines(cli, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("2022年泸州市统一战线工作综述")
    table = document.add_table(rows=2, cols=2)
    for (r, c), value in {(0, 0): "机构", (0, 1): "金额", (1, 0): "泸州银行", (1, 1): "377.178亿元"}.items():
        table.cell(r, c).text = value
    document.add_paragraph("完")
    path = tmp_path / "report.docx"
    document.save(str(path))
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", path, check=True)
    out = tmp_path / "out.jsonl"
    cli("--db", db, "export", "-o", out, check=True)
    assert spans_of(out)[0][0] == "2022年泸州市统一战线工作综述\n机构\n金额\n泸州银行\n377.178亿元\n完"


def test_docx_text_after_an_entity_reference_is_kept(cli, tmp_path: Path) -> None:
    """An entity reference inside a w:t (a DTD can declare one) split python-docx's text there: what followed was
    dropped. It is kept, with the reference as written (entities are never expanded: no XXE, no entity bombs)."""
    document = docx.Document()
    document.add_paragraph("before XX after")
    document.add_paragraph("泸州银行")
    path = tmp_path / "entity.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    declaration, _, rest = xml.partition("?>")
    parts["word/document.xml"] = (declaration + '?><!DOCTYPE w:document [<!ENTITY e "E">]>'
                                  + rest.replace("XX", "&e;")).encode("utf-8")
    with zipfile.ZipFile(path, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", path, check=True)
    out = tmp_path / "out.jsonl"
    cli("--db", db, "export", "-o", out, check=True)
    assert spans_of(out)[0][0] == "before &e; after\n泸州银行"


def test_jsonl_round_trip_keeps_every_span_and_annotator(cli, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    crlf = TEXT.replace("\n", "\r\n")
    source.write_bytes(doccano_line(crlf, ("泸州银行", "ORGANIZATION"), ("“酒城同心·金融速贷”", "PROGRAM"),
                                    ("377.178亿元", "METRIC"), ("1007户", "METRIC"), ("市工商联", "ORGANIZATION"),
                                    ("泸州", "ORGANIZATION")))
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    # A smoke test of the installed command as a new process; the other tests call main(argv) in-process.
    cli("--db", first, "import", "--annotator", "张三", source, check=True, subprocess_run=True)
    exported = tmp_path / "export.jsonl"
    cli("--db", first, "export", "--annotator", "张三", "-o", exported, check=True, subprocess_run=True)
    [(text, label, annotator)] = spans_of(exported)
    assert text == TEXT and annotator == "张三"
    assert [text[s:e] for s, e, _ in label] == ["泸州", "泸州银行", "“酒城同心·金融速贷”", "377.178亿元", "1007户",
                                                "市工商联"]
    assert label == sorted(label)
    cli("--db", second, "import", exported, check=True)  # the annotator comes from the file
    exported_again = tmp_path / "again.jsonl"
    cli("--db", second, "export", "-o", exported_again, check=True)
    assert spans_of(exported_again) == spans_of(exported)
    assert "0 spans" not in cli("--db", second, "docs", check=True).stdout
    rerun = cli("--db", second, "import", exported, check=True)
    assert "6 already there" in rerun.stdout  # importing a layer twice does not double it


def test_a_bad_file_among_good_ones(cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("泸州银行", encoding="utf-8")
    (folder / "sub" / "gbk.txt").write_bytes("吉林市工商联".encode("gbk"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "fake.docx").write_bytes(b"not a zip")
    (folder / "broken.jsonl").write_bytes(doccano_line("市工商联", ("市工商联", "ORGANIZATION")) + b'{"text": \n')
    db = tmp_path / "p.sqlite"
    result = cli("--db", db, "import", "--annotator", "a", folder)
    assert result.returncode == 1
    assert f"{folder / 'empty.txt'}: the file is empty" in result.stderr
    assert f"{folder / 'binary.txt'}: this is a binary file" in result.stderr
    assert f"{folder / 'fake.docx'}: not a Word .docx file" in result.stderr
    assert f"{folder / 'broken.jsonl'}:2: not valid JSON" in result.stderr
    assert "2 files imported, 4 failed" in result.stderr
    docs = cli("--db", db, "docs", check=True).stdout
    assert "2 documents, 0 spans" in docs  # nothing from broken.jsonl, not even its good first line
    assert "Traceback" not in result.stderr


def test_unknown_labels_are_reported_and_created_on_request(cli, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(doccano_line("张三在泸州", ("张三", "PERSON"), ("泸州", "LOC")))
    db = tmp_path / "p.sqlite"
    refused = cli("--db", db, "import", "--annotator", "a", source)
    assert refused.returncode == 1 and "labels the project does not have: LOC, PERSON" in refused.stderr
    created = cli("--db", db, "import", "--annotator", "a", "--create-labels", source, check=True)
    assert "new labels: LOC, PERSON" in created.stdout
    assert "PERSON" in cli("--db", db, "labels", check=True).stdout


def test_labels_are_added_renamed_and_recoloured(cli, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    cli("--db", db, "labels", "add", "POLICY", "--title", "政策", "--hotkey", "4", "--color", "#123456", check=True)
    cli("--db", db, "labels", "set", "POLICY", "--rename", "LAW", "--color", "#abcdef", check=True)
    lines = cli("--db", db, "labels", check=True).stdout.splitlines()
    assert lines[-1].split("\t")[:4] == ["4", "LAW", "政策", "#abcdef"]
    taken = cli("--db", db, "labels", "add", "X", "--hotkey", "1")
    assert taken.returncode == 2 and "hotkey 1 is taken" in taken.stderr
    bad = cli("--db", db, "labels", "set", "LAW", "--color", "red")
    assert bad.returncode == 2 and "#1f77b4" in bad.stderr


def test_export_to_stdout_and_check_names_a_corrupted_span(cli, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(doccano_line("共服务1007户", ("1007户", "METRIC")))
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", "--annotator", "a", source, check=True)
    out = cli("--db", db, "export", "-o", "-", check=True, subprocess_run=True).stdout
    assert orjson.loads(out)["label"] == [[3, 8, "METRIC"]]
    assert cli("--db", db, "check", check=True).returncode == 0
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE spans SET text = '1008户'")
    checked = cli("--db", db, "check")
    assert checked.returncode == 1
    assert "stored text '1008户' but the document has '1007户' at [3, 8)" in checked.stderr


def test_a_file_that_is_not_a_project_gets_a_sentence(cli, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    db.write_bytes(b"this is not a database" * 100)
    result = cli("--db", db, "docs")
    assert result.returncode == 2
    assert "not a biaozhu project" in result.stderr and "Traceback" not in result.stderr


def test_labels_delete_moves_the_label_and_its_spans_to_the_trash(cli, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(doccano_line("共服务1007户", ("1007户", "METRIC")))
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", "--annotator", "a", source, check=True)
    refused = cli("--db", db, "labels", "delete", "METRIC", "--reviewer", "a")
    assert refused.returncode == 2 and "only a reviewer may delete labels" in refused.stderr
    cli("--db", db, "annotators", "role", "王五", "reviewer", "--reviewer", "王五", check=True)
    deleted = cli("--db", db, "labels", "delete", "METRIC", "--reviewer", "王五", check=True)
    assert "deleted label METRIC: it and 1 spans moved to the trash" in deleted.stdout
    assert "METRIC" not in cli("--db", db, "labels", check=True).stdout
    assert orjson.loads(cli("--db", db, "export", "-o", "-", check=True).stdout)["label"] == []
    missing = cli("--db", db, "labels", "delete", "METRIC", "--reviewer", "王五")
    assert missing.returncode == 2 and "there is no label METRIC" in missing.stderr
    listing = cli("--db", db, "trash", check=True).stdout.splitlines()
    assert listing[1].split("\t")[1] == "label" and "METRIC 指标 (1 spans)" in listing[1]
    cli("--db", db, "trash", "restore", listing[1].split("\t")[0], check=True)
    assert orjson.loads(cli("--db", db, "export", "-o", "-", check=True).stdout)["label"] == [[3, 8, "METRIC"]]


def test_a_subcommand_imports_its_own_module_only(cli, tmp_path: Path) -> None:
    """``biaozhu export`` on a million spans: the other subcommands' modules (the model's CRF, review, stats...)
    were 0.1 s of its start, and the majority layer's (review's) 0.05 s more; their parsers load for
    ``biaozhu --help`` or a command line that names none, the majority for ``--layer majority``. Nor does a jsonl
    export load the readers, the other formats' writers, the trash or the encoding detector (0.05 s more)."""
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    cli("--db", tmp_path / "p.sqlite", "import", tmp_path / "report.txt", check=True)
    argv = ["--db", str(tmp_path / "p.sqlite"), "export", "-o", str(tmp_path / "out.jsonl")]
    script = (f"import sys; from biaozhu.cli import main; code = main({argv!r}); "
              "print(code, sorted(m for m in sys.modules if m.startswith('biaozhu.cli.') and m.endswith('_cmd') "
              "or m in ('biaozhu.db.majority', 'biaozhu.db.review', 'biaozhu.db.suggestions', 'biaozhu.db.trash', "
              "'biaozhu.corpus.formats.reading', 'biaozhu.corpus.formats.conll', 'biaozhu.corpus.formats.brat', "
              "'charset_normalizer')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "['biaozhu.cli.export_cmd']"], done.stderr
    assert (tmp_path / "out.jsonl").read_bytes()


def test_an_import_loads_the_reader_of_its_format_only(cli, tmp_path: Path) -> None:
    """``biaozhu import team.jsonl`` reads doccano: the readers of Word, PDF, OFD, CoNLL... were 0.03 s of its
    start, a tenth of the fixed part that weighs most on a file of 100,000 spans (benchmarks/import_doccano.py). A file
    that brings no new label does not load the trash either (adding no labels did, to pick new labels' ids)."""
    source = tmp_path / "team.jsonl"
    source.write_bytes(doccano_line("泸州银行服务1007户", ("泸州银行", "ORGANIZATION"), ("1007户", "METRIC")))
    argv = ["--db", str(tmp_path / "p.sqlite"), "import", "--annotator", "alice", str(source)]
    readers = ("docx", "pdf", "ofd", "worddoc", "conll", "brat", "labelstudio", "spacy_docbin", "doccano")
    script = (f"import sys; from biaozhu.cli import main; code = main({argv!r}); "
              f"print(code, [m for m in {readers!r} if 'biaozhu.corpus.formats.' + m in sys.modules], "
              "'biaozhu.db.trash' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[-2] == "0 ['doccano'] False", done.stdout + done.stderr
    exported = cli("--db", tmp_path / "p.sqlite", "export", "-o", "-", check=True).stdout
    assert orjson.loads(exported)["label"] == [[0, 4, "ORGANIZATION"], [6, 11, "METRIC"]]


def test_a_command_line_leaves_nothing_for_the_last_collection(cli, tmp_path: Path) -> None:
    """At exit the interpreter collects once more, walking every object still tracked: 0.14 s after ``biaozhu
    export`` of a million spans. The command line freezes them when it ends; ``main(argv)``, run in-process by
    tests and tools, leaves the collector as it is."""
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    cli("--db", tmp_path / "p.sqlite", "import", tmp_path / "report.txt", check=True)
    argv = ["biaozhu", "--db", str(tmp_path / "p.sqlite"), "docs"]
    frozen = []
    for call in ("main()", "main(sys.argv[1:])"):
        script = f"import gc, sys; from biaozhu.cli import main; sys.argv = {argv!r}; {call}; " \
                 "print(gc.get_freeze_count())"
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        frozen.append(int(done.stdout.split()[-1]))
    assert frozen[0] > 0 and frozen[1] == 0
