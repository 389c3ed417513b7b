"""The rules' organisation names. A name ends in an organisation word (统战部, 银行, 领导小组…) and begins after the
last word before it that cannot be part of a name: a verb, a preposition, a conjunction, a particle, a pronoun, a
numeral, as jieba's parts of speech tell (企业通过区委统战部 → 区委统战部; 理论学习中心 and 两级召开党委 → none, an
organisation word alone being no name). It ends where the words end: 中心 in 区域中心城市 ends no name. And the short
names the reports give bodies alone (市委, 省政协, 民革, 工商联) are names where no other name word follows them.

Only a few characters around each organisation word are tagged, each such piece once per process, so a report
pays jieba's tagging only where an organisation word stands.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

ORGANIZATION_WORDS = ("统战部", "工商联", "商会", "协会", "委员会", "政府", "银行", "中心", "联合会",
                      "办公室", "研究会", "促进会", "联谊会", "爱国会", "党委", "支部", "总会", "学会", "基金会",
                      "公司", "集团", "学院", "大学", "法院", "检察院", "民宗局", "侨联", "领导小组", "工作小组",
                      "联盟")
_LONGEST = 16 + max(map(len, ORGANIZATION_WORDS))  # characters of the longest name the pattern below finds
_ORGANIZATION = re.compile(rf"[\u4e00-\u9fff]{{1,16}}?(?:{'|'.join(ORGANIZATION_WORDS)})")
# Any organisation word: a sentence without one (most) is not tried at every character by the pattern above.
ORGANIZATION_WORD = re.compile("|".join(sorted(ORGANIZATION_WORDS, key=len, reverse=True)))
# Bodies the reports name by a short name alone: the party committees of a level, the people's political
# consultative conferences and congresses, the federations, and the eight democratic parties.
_SHORT = re.compile("[省市州县区]委|[省市州县区]?(?:政协|人大|工商联|侨联|职教社|民革|民盟|民建|民进|农工党|致公党|"
                    "九三学社|台盟)")
_AFTER = 4  # characters after a name that are tagged too: whether a word runs on past its end
# jieba tags 统战 (统一战线, the united front) a verb; in these reports it is the noun of 统战部, 统战文化中心.
_NOUNS = frozenset({"统战"})
# The verbs that lead to a partner, which jieba may tag as nouns (会同泸州银行, 携手中国银行).
_LEADS = frozenset({"会同", "联合", "协同", "携手", "依托", "通过", "推动", "支持", "帮助", "协调", "邀请", "牵头",
                    "走访", "会见", "慰问", "配合", "先后", "分别"})


def _name_word(word: str, tag: str) -> bool:
    """Whether a word may stand inside a name: a noun (a place's, an organisation's…), an abbreviation, an idiom,
    a place word (党外), a distinguishing word, a noun-verb (工作, 服务) or Latin letters."""
    return word not in _LEADS and (tag[:1] == "n" or tag in ("j", "l", "b", "s", "vn", "eng") or word in _NOUNS)


@cache
def _tagger() -> Any:
    """jieba's part-of-speech tagger on the dictionary the segmenter has loaded already (loaded on first use)."""
    import jieba
    import jieba.posseg

    from biaozhu.corpus.segment import base_dictionary

    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = base_dictionary()
    tokenizer.initialized = True
    return jieba.posseg.POSTokenizer(tokenizer)


@lru_cache(maxsize=50_000)
def _tagged(piece: str) -> tuple[tuple[int, int, str, str], ...]:
    """``(start, end, word, tag)`` of each word of ``piece``, from the dictionary alone: jieba's guesses at words it
    does not know (HMM) doubled the time and found no more names."""
    found, at = [], 0
    for word, tag in _tagger().cut(piece, HMM=False):
        found.append((at, at + len(word), word, tag))
        at += len(word)
    return tuple(found)


def _runs_on(words: tuple[tuple[int, int, str, str], ...], end: int) -> bool:
    """Whether a word crosses ``end``, or the name of a place or body follows at once (中心 of 中心城市, 市委 of
    市委统战部): no name ends there. A plain noun may follow one (市工商联会长, 酒业公司负责人)."""
    return any(start < end < stop or (start == end and tag in ("ns", "nt")) for start, stop, _word, tag in words)


def _inside(named: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies in one of the ``named`` ranges (sorted; none longer than a match can be)."""
    near = named[bisect_left(named, (start - _LONGEST,)):bisect_right(named, (start, sys.maxsize))]
    return any(end <= stop for _, stop in near)


def organization_names(text: str) -> Iterator[tuple[int, int, float]]:
    """``(start, end, score)`` of each organisation name the rules find in ``text``."""
    if not ORGANIZATION_WORD.search(text):
        return
    named: list[tuple[int, int]] = []  # in text order
    for match in _ORGANIZATION.finditer(text):
        end = match.end()
        words = _tagged(text[match.start():end + _AFTER])
        cut = end - match.start()
        if _runs_on(words, cut):
            continue
        start = cut
        for word_start, _end, word, tag in reversed([w for w in words if w[1] <= cut]):
            if not _name_word(word, tag):
                break
            start = word_start
        last = ORGANIZATION_WORD.search(match.group(), start)  # a name is more than its organisation word
        if last is not None and last.start() > start:
            named.append((match.start() + start, end))
            yield match.start() + start, end, 0.6
    for match in _SHORT.finditer(text):
        begin = max(0, match.start() - 4)
        words = _tagged(text[begin:match.end() + _AFTER])
        start, end = match.start() - begin, match.end() - begin
        if not _runs_on(words, end) and any(w[0] == start for w in words) and not _inside(named, *match.span()):
            yield match.start(), match.end(), 0.5
