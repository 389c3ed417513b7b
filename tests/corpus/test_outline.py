"""The outline of a report (issue 17): headings from Word, from Chinese numbering, and from short title lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from biaozhu.corpus.outline import Heading, outline, section_at

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8").replace("\r\n", "\n")


def test_the_luzhou_seed_has_its_title_and_three_sections() -> None:
    text = _seed("2022年泸州市统一战线工作综述.txt")
    headings = outline(text)
    assert [(h.level, h.text) for h in headings] == [
        (0, text.splitlines()[0]),  # 同心聚力促发展 团结奋斗谱新篇：2022年泸州市统一战线工作综述
        (1, "坚持政治引领 把牢方向之舵"), (1, "聚焦中心大局  彰显统战之力"), (1, "坚持守正创新  夯实统战之基")]
    assert headings[0].text.endswith("同心聚力促发展 团结奋斗谱新篇：2022年泸州市统一战线工作综述")
    assert all(text[h.start:h.end] == h.text for h in headings)
    last = headings[-1]
    assert last.section_end == len(text) and headings[1].section_end == headings[2].start
    assert "泸州市委统战部2023-2-13" not in {h.text for h in headings}  # the signature line is no heading


def test_the_jilin_seed_has_its_title_and_three_sections() -> None:
    headings = outline(_seed("2022年吉林市统一战线工作综述.txt"))
    assert [(h.level, h.text) for h in headings] == [
        (0, "稳舵扬帆逐浪高 勇毅奋进立潮头 ——2022年吉林市统一战线工作综述"),
        (1, "协助招商 帮扶企业 凝心聚力助推发展"), (1, "聚焦基层 建言资政 促进民生福祉提升"),
        (1, "团结同心 增进认同 筑牢堡垒打造亮点")]


NUMBERED = """关于2023年工作的报告
一、总体情况
2023年，全市经济平稳增长。
（一）主要做法。全年召开会议12次，开展调研5次，形成报告3篇。
1.加强学习。本年度举办培训班。
（1）举办培训班3期
培训干部600人次。
1.5亿元资金已经到位。
2.推动发展
一是加强领导，二是完善机制。
二、下一步打算
举旗定向，方能行稳致远。
2023年12月
某某市人民政府2023-12-31
"""


def test_chinese_numbering_sets_the_levels_and_sentences_are_not_headings() -> None:
    headings = outline(NUMBERED)
    assert [(h.level, h.text) for h in headings] == [
        (0, "关于2023年工作的报告"), (1, "一、总体情况"), (2, "（一）主要做法"), (3, "1.加强学习"),
        (4, "（1）举办培训班3期"), (3, "2.推动发展"), (1, "二、下一步打算")]
    first, second = headings[1], headings[-1]
    assert first.section_end == second.start and second.section_end == len(NUMBERED)


@pytest.mark.parametrize("line", ["一是加强领导", "2023年12月", "某某市人民政府2023-12-31", "举旗定向，方能行稳致远。",
                                  "泸州市委统战部2023-2-13", "具体安排如下：", "12345678", "二〇二三年十二月"])
def test_these_lines_are_never_headings(line: str) -> None:
    assert [h.text for h in outline(f"标题行在这里\n{line}\n正文。\n")] == ["标题行在这里"]


def test_word_headings_win_over_guessing() -> None:
    text = "总体情况\n正文。\n一、不是标题的编号\n正文。"
    headings = outline(text, {"headings": [[0, 4, 1]]})
    assert headings == [Heading(1, "总体情况", 0, 4, len(text))]


def test_section_at_gives_the_path_to_an_offset() -> None:
    headings = outline(NUMBERED)
    offset = NUMBERED.index("培训干部")
    assert [h.text for h in section_at(headings, offset)] == [
        "关于2023年工作的报告", "一、总体情况", "（一）主要做法", "1.加强学习", "（1）举办培训班3期"]
