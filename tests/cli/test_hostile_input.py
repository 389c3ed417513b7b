"""The hostile corpus (tests/data/hostile/) through ``biaozhu import`` as a user runs it, on SQLite and on
PostgreSQL: each bad file is one sentence naming it and its line (never a traceback), nothing of it is stored,
the other files of the same import go on, and a summary is printed. The same limits hold on both backends."""

from __future__ import annotations

import os
import shutil
import time
import zipfile
import zlib
from pathlib import Path

import orjson
import pytest

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
MB = 1024 * 1024

# file → what its message says (besides the file's name)
REFUSED = {
    "label_with_space.jsonl": ":1: a label name is 1 to 64 characters without spaces, not 'ORG UNIT'",
    "label_too_long.jsonl": ":1: a label name is 1 to 64 characters",
    "nul_in_text.jsonl": ":1: the text holds a NUL character (U+0000) at offset 2",
    "annotator_too_long.jsonl": ":1: an annotator's name is at most 128 characters, not 129",
    "name_too_long.jsonl": ":1: a document name is at most 512 characters, not 513",
    "true_as_offset.jsonl": ":1: span [True, 7, 'ORGANIZATION']: offsets must be whole numbers",
    "token_start_negative.jsonl": ":1: span [4, 6) PROGRAM: its token_start/token_end (inclusive) do not point",
    "hf_blank_annotator.jsonl": ":1: the spans here belong to nobody",
    "hf_number_annotator.jsonl": ":1: the spans here belong to nobody",
    "conll_number_annotator.conll": ":3: the spans here belong to nobody",
    "labelstudio_meta_list.json": None,  # a task without annotations: imported, the odd meta ignored
    "utf16.jsonl": ":1: the file is UTF-16, not UTF-8: save it as UTF-8",
    "gbk.jsonl": ":1: the file is GBK/GB18030, not UTF-8: save it as UTF-8",
    "crlf_crossing.jsonl": ":1: spans cross: [6, 13) ORGANIZATION '泸州市委统战部' and [11, 17)",  # the file's offsets
    "control_in_annotator.jsonl": ":1: an annotator's name may not hold control characters: '\\x1b[31m红\\x1b[0m'",
}


def no_traceback(output: str) -> None:
    assert "Traceback" not in output and "Error:" not in output.replace("error:", "")


def test_every_hostile_file_is_a_sentence_and_the_others_go_on(cli, db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in [*REFUSED, "good.jsonl"]:
        shutil.copy(HOSTILE / name, folder / name)
    result = cli("--db", db_url, "import", folder, "--create-labels")
    no_traceback(result.stderr + result.stdout)
    assert result.returncode == 1
    for name, message in REFUSED.items():
        if message is not None:
            assert f"{folder / name}" in result.stderr and message in result.stderr, name
    assert f"{folder / 'good.jsonl'}: 1 documents, 1 spans" in result.stdout
    refused = sum(message is not None for message in REFUSED.values())
    assert f"{len(REFUSED) + 1 - refused} files imported, {refused} failed" in result.stderr
    listed = cli("--db", db_url, "annotators", check=True).stdout
    assert "乙" in listed and "甲" not in listed and "长" not in listed  # nothing of a refused file stored


def test_every_error_of_a_file_is_listed_with_its_line_up_to_twenty(cli, tmp_path: Path) -> None:
    project = tmp_path / "project.sqlite"
    source = HOSTILE / "twenty_five_errors.jsonl"
    result = cli("--db", project, "import", source)
    no_traceback(result.stderr)
    assert result.returncode == 1
    assert f"error: {source}: 25 errors:" in result.stderr
    listed = [line.strip() for line in result.stderr.splitlines() if line.startswith(f"  {source}:")]
    assert len(listed) == 20
    assert [int(line.split(":")[1]) for line in listed[:6]] == [1, 2, 3, 5, 6, 7]  # line 4 is good
    assert "not valid JSON" in listed[0] and "outside the text" in listed[1] and "spans cross" in listed[2]
    assert "each line must be a JSON object" in listed[3] and "whole numbers" in listed[4]
    assert "… and 5 more (the first 20 are listed)" in result.stderr
    assert "nothing imported from this file" in result.stderr
    assert "0 documents" in cli("--db", project, "docs", check=True).stdout


def test_i_after_o_is_read_as_a_start_and_reported(cli, tmp_path: Path) -> None:
    result = cli("--db", tmp_path / "p.sqlite", "import", HOSTILE / "iob1_i_after_o.conll", "--annotator", "甲",
                 check=True)
    assert "2 spans begin with I-/M-/E- after O or another label" in result.stderr


def test_blank_annotator_option_and_a_folder_with_nothing_to_import(cli, tmp_path: Path) -> None:
    project = tmp_path / "p.sqlite"
    blank = cli("--db", project, "import", HOSTILE / "good.jsonl", "--annotator", "   ")
    assert blank.returncode == 2 and "an annotator needs a name" in blank.stderr
    no_traceback(blank.stderr)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("nothing to import")
    nothing = cli("--db", project, "import", empty)
    assert nothing.returncode == 1 and f"{empty}: the folder holds no file biaozhu imports" in nothing.stderr


def test_a_file_name_that_is_not_utf8_is_imported_and_printed(cli, tmp_path: Path) -> None:
    name = os.fsdecode(b"\xb1\xa8\xb8\xe6.txt")  # 报告 in GBK: not UTF-8
    (tmp_path / name).write_text("泸州银行发放贷款。", "utf-8")
    result = cli("--db", tmp_path / "p.sqlite", "import", tmp_path / name, check=True)
    assert "\\udcb1\\udca8\\udcb8\\udce6.txt: 1 documents" in result.stdout
    assert "\ufffd\ufffd\ufffd\ufffd.txt" in cli("--db", tmp_path / "p.sqlite", "docs", check=True).stdout


def test_only_regular_files_are_read(cli, tmp_path: Path) -> None:
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = cli("--db", tmp_path / "p.sqlite", "import", zero, fifo, HOSTILE / "good.jsonl")
    no_traceback(result.stderr)
    assert f"{zero}: this is a device, not a file: only regular files are imported" in result.stderr
    assert f"{fifo}: this is a named pipe, not a file" in result.stderr
    assert "1 files imported, 2 failed" in result.stderr


def docx_bomb(path: Path, unpacked_mb: int) -> None:
    """A .docx whose document.xml unpacks to ``unpacked_mb`` MB (it zips to a few hundred KB)."""
    paragraph = "<w:p><w:r><w:t>泸州银行发放贷款。</w:t></w:r></w:p>".encode() * 2000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"/>')
        with archive.open("word/document.xml", "w") as xml:
            for _ in range(unpacked_mb * MB // len(paragraph) + 1):
                xml.write(paragraph)


def spacy_bomb(path: Path, unpacked_mb: int) -> None:
    deflate = zlib.compressobj(9)
    with path.open("wb") as out:
        for _ in range(unpacked_mb):
            out.write(deflate.compress(bytes(MB)))
        out.write(deflate.flush())


@pytest.mark.slow
def test_zip_and_zlib_bombs_are_refused_before_they_unpack(cli, tmp_path: Path) -> None:
    docx, spacy = tmp_path / "bomb.docx", tmp_path / "bomb.spacy"
    docx_bomb(docx, 210)
    spacy_bomb(spacy, 210)
    assert docx.stat().st_size < 2 * MB and spacy.stat().st_size < MB
    result = cli("--db", tmp_path / "p.sqlite", "import", docx, spacy)
    no_traceback(result.stderr)
    assert f"{docx}: it unpacks to 210 MB, more than the 200 MB one import may read or unpack " \
           "(import with --max-size MB to allow more)" in result.stderr
    assert f"{spacy}: it unpacks to over 20" in result.stderr and "2 failed" in result.stderr
    small = tmp_path / "small.docx"
    docx_bomb(small, 2)
    refused = cli("--db", tmp_path / "p.sqlite", "import", small, "--max-size", "1")
    assert "more than the 1 MB one import may read" in refused.stderr


def many_labels(path: Path, count: int) -> Path:
    """One document whose every character is a span with a label of its own."""
    text = "泸" * count
    record = {"text": text, "label": [[n, n + 1, f"L{n}"] for n in range(count)], "annotator": "甲"}
    path.write_bytes(orjson.dumps(record) + b"\n")
    return path


@pytest.mark.slow
def test_labels_are_created_in_one_pass_up_to_the_cap(cli, tmp_path: Path) -> None:
    project = tmp_path / "p.sqlite"
    started = time.perf_counter()
    flood = cli("--db", project, "import", many_labels(tmp_path / "flood.jsonl", 100_000), "--create-labels")
    assert time.perf_counter() - started < 60
    no_traceback(flood.stderr)
    assert "a project holds at most 1000 labels: it has 3, and 100000 more were asked for" in flood.stderr
    assert len(cli("--db", project, "labels", check=True).stdout.splitlines()) == 3
    missing = cli("--db", project, "import", tmp_path / "flood.jsonl")
    assert "100000 labels the project does not have: L0, L1, L10, L100, L1000, L10000, L10001, L10002, L10003, " \
           "L10004 and 99990 more" in missing.stderr and len(missing.stderr) < 1000
    fits = cli("--db", project, "import", many_labels(tmp_path / "fits.jsonl", 997), "--create-labels", check=True)
    assert "997 spans" in fits.stdout
    assert len(cli("--db", project, "labels", check=True).stdout.splitlines()) == 1000
    one_more = cli("--db", project, "labels", "add", "ONE_MORE")
    assert one_more.returncode != 0 and "at most 1000 labels" in one_more.stderr
