"""PDF reports (issue 17): the text a reader sees, from PDFs Qt's QPdfWriter draws from known Chinese text."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

import report_files
from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats import read_file
from biaozhu.corpus.pages import Line, assemble, unify_radicals
from biaozhu.corpus.radicals_data import RADICALS

SEED = Path(__file__).resolve().parents[3] / "seeds" / "2022年泸州市统一战线工作综述.txt"


def _paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8").replace("[bookmark: _Toc127548155]", "")
    return [line for line in text.splitlines() if line.strip()]


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_a_qt_pdf_reads_back_as_its_source_paragraphs(qapp, tmp_path: Path) -> None:
    paragraphs = _paragraphs()
    pdf = tmp_path / "泸州.pdf"
    pages = report_files.write_pdf(pdf, paragraphs)
    [document] = read_file(pdf)
    assert _bare(document.text) == _bare("".join(paragraphs))  # Qt's font gives ⼯ for 工: all mapped back
    assert not set(document.text) & set(RADICALS)
    assert document.normalisation["radicals_mapped"] > 100
    # Lines broken by the layout are joined; paragraphs stay lines (a double space in a title becomes one).
    assert [_bare(line) for line in document.text.splitlines()] == [_bare(p) for p in paragraphs]
    assert "坚持政治引领 把牢方向之舵" in document.text.splitlines()
    # The running header and the page numbers are gone.
    assert "内部资料" not in document.text and "—" not in document.text
    starts = document.meta["pages"]
    assert len(starts) == pages > 3 and starts[0] == 0 and starts == sorted(set(starts))


def test_unindented_paragraphs_without_header_still_read_whole(qapp, tmp_path: Path) -> None:
    paragraphs = _paragraphs()
    pdf = tmp_path / "plain.pdf"
    report_files.write_pdf(pdf, paragraphs, header=False, indent=False)
    [document] = read_file(pdf)
    assert _bare(document.text) == _bare("".join(paragraphs))
    assert "坚持政治引领 把牢方向之舵" in document.text.splitlines()


def test_no_space_is_invented_between_chinese_and_digits(qapp, tmp_path: Path) -> None:
    pdf = tmp_path / "gap.pdf"
    report_files.write_gapped_pdf(pdf)
    assert read_file(pdf)[0].text == "全年完成2023年目标。"


def test_scanned_pages_are_refused_naming_file_and_pages(qapp, tmp_path: Path, cli) -> None:
    pdf = tmp_path / "扫描件.pdf"
    report_files.write_scanned_pdf(pdf, text_pages=1)
    with pytest.raises(InputError, match=r"扫描件\.pdf: pages 2, 3 of 3 are scanned images with no text layer"):
        read_file(pdf)
    db = tmp_path / "p.sqlite"
    result = cli("--db", db, "import", pdf)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "pages 2, 3 of 3 are scanned images" in result.stderr and "nothing imported" in result.stderr
    assert sqlite3.connect(db).execute("select count(*) from documents").fetchone() == (0,)


def test_a_file_that_is_not_a_pdf_gets_a_sentence(tmp_path: Path) -> None:
    fake = tmp_path / "报告.pdf"
    fake.write_bytes(b"%PDF-1.7 this is not really a PDF")
    with pytest.raises(InputError, match=r"报告\.pdf: cannot read this PDF .*damaged, encrypted or not a PDF"):
        read_file(fake)


def test_the_page_map_is_stored_in_the_document_meta(qapp, tmp_path: Path, cli) -> None:
    pdf = tmp_path / "泸州.pdf"
    pages = report_files.write_pdf(pdf, _paragraphs())
    db = tmp_path / "p.sqlite"
    cli("--db", db, "import", pdf, check=True)
    meta, text = sqlite3.connect(db).execute("select meta, text from documents").fetchone()
    starts = __import__("json").loads(meta)["pages"]
    assert len(starts) == pages and text[starts[1]:starts[1] + 1].strip()


def test_radicals_map_to_ideographs_and_nothing_else_changes() -> None:
    assert unify_radicals("⼯作，⺠主、⼾籍１２ＡＢ") == ("工作，民主、户籍１２ＡＢ", 3)
    assert unify_radicals("，。１") == ("，。１", 0)


def test_running_lines_repeat_with_their_page_number_and_lone_pages_keep_theirs() -> None:
    def page(n: int, body: str) -> list[Line]:
        return [Line("某某市人民政府文件", 0, 60, 10), Line(body, 0, 100, 10), Line(f"- {n} -", 40, 60, 10)]

    paged = assemble([page(1, "第一段。"), page(2, "第二段。"), page(3, "第三段。")])
    assert paged.text == "第一段。\n第二段。\n第三段。" and paged.page_starts == [0, 5, 10]
    assert assemble([page(1, "第一段。")]).text == "某某市人民政府文件\n第一段。\n- 1 -"


def test_latin_words_broken_by_the_layout_keep_their_space() -> None:
    lines = [Line("招商引资合作伙伴包括Bank of", 0, 100, 10), Line("Luzhou和2023年新设的", 0, 100, 10),
             Line("企业。", 0, 30, 10)]
    assert assemble([lines]).text == "招商引资合作伙伴包括Bank of Luzhou和2023年新设的企业。"


def test_a_centred_title_does_not_make_full_lines_ending_a_sentence_run_on() -> None:
    lines = [Line("标题", 40, 60, 10), Line("第一段写满了一整行并且以句号结束。", 0, 100, 10),
             Line("第二段从行首开始。", 0, 50, 10)]
    assert assemble([lines]).text == "标题\n第一段写满了一整行并且以句号结束。\n第二段从行首开始。"
