"""The rules' programme names: a name in quotes (“酒城同心”, ‘酒城同心·金融速贷’), with the quotes when a programme
word follows at once (“万企兴万村”行动), and a plan's title in 《》 without its years (《“泸商回引”专项攻坚行动实施
方案（2022-2025年）》). Not a word of two or three characters in quotes (“掉队”, “同心驿”: a word used in a figure of
speech, or a facility), a numbered formula (“五个认同”, “两支队伍”), a question or an honour (“做了什么”, “最美
统战人”), unless a programme word follows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

PROGRAM_WORDS = "(?:(?:专项)?行动|计划|工程|活动|项目|品牌|工作法|平台|机制|模式)"
_QUOTED = re.compile(rf"[“\"‘]([^”\"’\n]{{2,30}})[”\"’]({PROGRAM_WORDS})?")
# A title, and the years or edition in brackets at its end that are no part of the plan's name.
_TITLE = re.compile(r"《([^》\n]{4,60}?)(?:[（(][^）)\n]*[）)])?》")
_PLAN = re.compile(r"(?:计划|方案|规划|行动|工程)$")  # a plan's title ends so; 条例, 意见, 通知 are other documents
_FORMULA = re.compile("[一二三四五六七八九十两]+[个支]")
# In quotes but no programme: a question (“做了什么”) or an honour (“最美统战人”, 先进集体).
_NOT_A_NAME = re.compile("什么|多少|怎么|怎样|如何|吗|[？?]|最美|先进|优秀|模范|标兵")
_SHORTEST_BARE = 4  # characters of a name in quotes with no programme word after it


def programme_names(text: str) -> Iterator[tuple[int, int, float]]:
    """``(start, end, score)`` of each programme name the rules find in ``text``."""
    for match in _TITLE.finditer(text):
        if _PLAN.search(match.group(1)):
            yield match.start(1), match.end(1), 0.8
    for match in _QUOTED.finditer(text):
        if match.group(2):  # “万企兴万村”行动: the quotes belong to the name
            yield match.start(), match.end(), 0.8
        elif len(match.group(1)) >= _SHORTEST_BARE and not _FORMULA.match(match.group(1)) \
                and not _NOT_A_NAME.search(match.group(1)):
            yield match.start(1), match.end(1), 0.5  # “酒城同心”: the quotes are trimmed, as selections are
