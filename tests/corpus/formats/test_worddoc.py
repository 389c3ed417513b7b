"""Word 97 .doc and WPS .wps reports (issue 17), from compound files the tests build byte by byte."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import word97_files
from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats import read_file

PIECES = [("一、总体情况\r2022年，全市统一战线凝心聚力。\r页码\x13 PAGE \x141\x15。\r", False),
          ("Bank of Luzhou 2023\r", True),
          ("甲\x07乙\x07\x07结束。\r", False)]
EXPECTED = "一、总体情况\n2022年，全市统一战线凝心聚力。\n页码1。\nBank of Luzhou 2023\n甲\n乙\n\n结束。\n"
NO_SOFFICE = shutil.which("soffice") is None and shutil.which("libreoffice") is None


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_the_main_text_is_read_from_the_piece_table(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"总结{suffix}"
    word97_files.write_compound_file(path, word97_files.word_document(PIECES))
    [document] = read_file(path)
    assert document.text == EXPECTED  # UTF-16 and one-byte pieces, field code dropped and its result kept
    assert document.normalisation["encoding"] == "word97"


def test_text_after_the_main_document_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "脚注.doc"
    streams = word97_files.word_document([("正文。\r", False)])
    word = bytearray(streams["WordDocument"])
    word[76:80] = (2).to_bytes(4, "little")  # ccpText: only the first two characters are the main text
    word97_files.write_compound_file(path, {**streams, "WordDocument": bytes(word)})
    assert read_file(path)[0].text == "正文"


@pytest.mark.skipif(not NO_SOFFICE, reason="LibreOffice is installed and would read these")
@pytest.mark.parametrize(("streams", "reason"), [
    (word97_files.word_document(PIECES, encrypted=True), "it is encrypted"),
    (word97_files.word_document(PIECES, n_fib=0x65), "it is a Word 6/95 file"),
    ({"Contents": b"WPS 4 text"}, "it holds no WordDocument stream"),
])
def test_what_neither_reader_can_read_gets_a_message(tmp_path: Path, streams: dict[str, bytes], reason: str,
                                                      cli) -> None:
    path = tmp_path / "旧文件.doc"
    word97_files.write_compound_file(path, streams)
    with pytest.raises(InputError, match=f"旧文件.doc: cannot read this Word/WPS file: {reason}; installing "
                                         r"LibreOffice \(soffice\)"):
        read_file(path)
    db = tmp_path / "p.sqlite"
    result = cli("--db", db, "import", path)
    assert result.returncode == 1 and reason in result.stderr and "Traceback" not in result.stderr
    assert sqlite3.connect(db).execute("select count(*) from documents").fetchone() == (0,)


@pytest.mark.skipif(not NO_SOFFICE, reason="LibreOffice is installed and would read these")
def test_a_file_that_is_no_ole_container_gets_a_message(tmp_path: Path) -> None:
    path = tmp_path / "假的.wps"
    path.write_text("这不是 WPS 文件", encoding="utf-8")
    with pytest.raises(InputError, match="假的.wps: cannot read this Word/WPS file: it is not a Word 97–2003 or "
                                         "WPS file"):
        read_file(path)
