"""``biaozhu import`` on other tools' files, as a user runs it (issue 5)."""

from __future__ import annotations

from pathlib import Path


def test_a_folder_of_brat_files_imports_with_what_was_ignored_reported(cli, peer_data: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    result = cli("--db", db, "import", peer_data / "brat/tutorials/news", "--annotator", "brat", "--create-labels")
    assert result.returncode == 0, result.stderr
    assert "13 files imported, 0 failed" in result.stdout  # each .txt + .ann pair once, the .conf files skipped
    assert "000-introduction.ann: ignored (not spans): 5 attributes, 1 event, 1 event trigger" in result.stderr
    assert ".txt:" not in result.stdout
    docs = cli("--db", db, "docs", check=True).stdout
    assert "000-introduction.txt" in docs


def test_label_studio_files_import_and_a_bad_span_is_named(cli, peer_data: Path, tmp_path: Path) -> None:
    studio = peer_data / "labelstudio"
    completions = studio / "HumanSignal+label-studio-converter/test/fixtures/completions/348.json"
    tasks = studio / "HumanSignal+label-studio/label_studio/examples/text_named_entity/tasks.json"
    result = cli("--db", tmp_path / "p.sqlite", "import", completions, tasks, "--create-labels")
    assert result.returncode == 1
    assert f"{completions}: 1 documents, 38 spans; new labels: INGREDIENT" in result.stdout
    assert (f"error: {tasks}: task #1: span [343, 353) Date: the file says it covers 'February 22' but the text "
            "there is 'February 2' — nothing imported from this file") in result.stderr
    assert "Traceback" not in result.stderr


def test_a_short_gbk_report_is_stored_as_gb18030_and_the_guess_is_said(cli, tmp_path: Path) -> None:
    report = tmp_path / "泸州.txt"
    report.write_bytes("泸州市".encode("gbk"))  # six bytes that charset-normalizer takes for Big5 (蜚笣庈)
    db = tmp_path / "p.sqlite"
    result = cli("--db", db, "import", report, check=True)
    assert "read as GB18030" in result.stderr and "the detector's guess was big5" in result.stderr
    exported = cli("--db", db, "export", "-o", "-", check=True).stdout
    assert '"text":"泸州市"' in exported
