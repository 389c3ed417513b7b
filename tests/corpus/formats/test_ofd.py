"""OFD reports (GB/T 33190, issue 17), from packages the tests build from their XML."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

import ofd_files
from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats import read_file

SEED = Path(__file__).resolve().parents[3] / "seeds" / "2022年吉林市统一战线工作综述.txt"


def _paragraphs() -> list[str]:
    return [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("scale", [1.0, 4.0])
def test_an_ofd_reads_back_as_its_source_paragraphs_in_page_order(tmp_path: Path, scale: float) -> None:
    paragraphs = _paragraphs()
    path = tmp_path / "吉林.ofd"
    pages = ofd_files.write_ofd(path, paragraphs, scale=scale)
    [document] = read_file(path)
    assert _bare(document.text) == _bare("".join(paragraphs))  # page numbers and the template header left out
    assert [_bare(line) for line in document.text.splitlines()] == [_bare(p) for p in paragraphs]
    starts = document.meta["pages"]
    assert len(starts) == pages > 2 and starts[0] == 0 and starts == sorted(set(starts))


def test_pages_of_images_only_are_refused_and_nothing_is_stored(tmp_path: Path, cli) -> None:
    path = tmp_path / "扫描.ofd"
    ofd_files.write_ofd(path, ["第一页。"], image_pages=2)
    with pytest.raises(InputError, match=r"扫描\.ofd: pages 2, 3 of 3 are scanned images with no text layer"):
        read_file(path)
    db = tmp_path / "p.sqlite"
    result = cli("--db", db, "import", path)
    assert result.returncode == 1 and "pages 2, 3 of 3" in result.stderr and "Traceback" not in result.stderr
    assert sqlite3.connect(db).execute("select count(*) from documents").fetchone() == (0,)


@pytest.mark.parametrize(("damage", "message"), [
    ("OFD.xml", "cannot read this OFD: OFD.xml is missing"),
    ("Doc_0/Pages/Page_0/Content.xml", "cannot read this OFD: Doc_0/Pages/Page_0/Content.xml is not well-formed"),
])
def test_a_broken_package_gets_a_sentence(tmp_path: Path, damage: str, message: str) -> None:
    good, bad = tmp_path / "good.ofd", tmp_path / "坏.ofd"
    ofd_files.write_ofd(good, ["第一段。"])
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            if item.filename == damage and damage.endswith("Content.xml"):
                target.writestr(item.filename, source.read(item)[:-20])
            elif item.filename != damage:
                target.writestr(item.filename, source.read(item))
    with pytest.raises(InputError, match=re.escape(f"坏.ofd: {message}")):
        read_file(bad)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "假.ofd"
    path.write_bytes(b"not an ofd")
    with pytest.raises(InputError, match=r"假\.ofd: not an OFD file"):
        read_file(path)
