"""The value of a METRIC span: 377.178亿元 → 37717800000 元, 5-8万元 → 50000 … 80000 元, 两百余人 → at least 200 人.

No library reads every form these reports use (Arabic and Chinese numerals, magnitudes, 余/多/近/左右, ranges,
百分之…), so the parser is ours. Arithmetic is decimal, never binary floating point, and values print as plain
digits. A text that is not a quantity (a year, a date, 一是) gives ``None``: flagged, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
          "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
CHINESE_NUMERAL = set(DIGITS) | set(SMALL_UNITS) | set(BIG_UNITS)


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"
    RANGE = "range"


@dataclass(frozen=True)
class Quantity:
    """``value`` with its magnitude folded in; ``value_max`` only for a range; ``unit`` without the magnitude."""

    value: Decimal
    unit: str
    qualifier: Qualifier = Qualifier.EXACT
    value_max: Decimal | None = None


# Words before the number and after it (or after the unit) that qualify it, longest first.
LEADING = (("超过", Qualifier.AT_LEAST), ("多于", Qualifier.AT_LEAST), ("逾", Qualifier.AT_LEAST),
           ("不足", Qualifier.AT_MOST), ("不到", Qualifier.AT_MOST), ("未满", Qualifier.AT_MOST),
           ("少于", Qualifier.AT_MOST), ("大约", Qualifier.ABOUT), ("将近", Qualifier.ABOUT),
           ("约", Qualifier.ABOUT), ("近", Qualifier.ABOUT))
TRAILING = (("以上", Qualifier.AT_LEAST), ("之多", Qualifier.AT_LEAST), ("余", Qualifier.AT_LEAST),
            ("多", Qualifier.AT_LEAST), ("以下", Qualifier.AT_MOST), ("以内", Qualifier.AT_MOST),
            ("左右", Qualifier.ABOUT), ("上下", Qualifier.ABOUT))
# Filler a report puts before the figure: 共 1007 户, 累计 7306 人次, 达 377.178 亿元.
FILLER = ("累计", "共计", "合计", "总计", "共", "达到", "达")
RANGE_SEPARATORS = "-－—–~～至到"
# A unit is a few characters that are not a figure; these alone make a date, an ordinal or a list marker.
NOT_UNITS = {"年", "月", "日", "号", "时", "点", "是", "季度", "届", "次会议"}
ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# What every figure has (see _figure): a digit or a Chinese numeral. A text without one is no quantity.
ANY_FIGURE = re.compile(f"[\\d{''.join(sorted(CHINESE_NUMERAL))}]")
YEAR = re.compile(r"^(?:1[89]|20)\d\d年")


def plain(value: Decimal) -> str:
    """A decimal as plain digits, without exponent or trailing zeros: 37717800000, 0.5, 40."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@lru_cache(maxsize=8192)
def parse_quantity(text: str) -> Quantity | None:
    """The quantity ``text`` states, or ``None`` when it is not one (or not one this parser is sure of).

    Remembered for the last texts asked about (a Quantity cannot change): a report says 1户 or 100万元 many times,
    and an import parses every METRIC span's text (6 µs each: two seconds for a third of a million)."""
    text = unicodedata.normalize("NFKC", text).strip().replace(" ", "")  # full-width digits and ％ become ASCII
    if not ANY_FIGURE.search(text) or YEAR.match(text):
        return None
    if text.startswith("百分之"):
        figure = _figure(text[3:])
        if figure is None or figure.used != len(text) - 3:
            return None
        return Quantity(figure.value, "%")
    qualifier, text = _strip_leading(text)
    for separator in RANGE_SEPARATORS:
        low_text, sep, high_text = text.partition(separator)
        if sep and low_text and high_text:
            return _range(low_text, high_text)
    figure = _figure(text)
    if figure is None:
        return None
    unit, trailing = _strip_trailing(text[figure.used:])
    if not _is_unit(unit):
        return None
    return Quantity(figure.value, unit, trailing or qualifier)


@dataclass(frozen=True)
class _Figure:
    number: Decimal  # as written, before the magnitude
    factor: int  # 万 → 10000; 1 when none is written (Chinese numerals carry theirs inside)
    used: int  # characters read

    @property
    def value(self) -> Decimal:
        return self.number * self.factor


def _range(low_text: str, high_text: str) -> Quantity | None:
    """5-8万元: the magnitude and unit written once, after the second figure, apply to both."""
    low, high = _figure(low_text), _figure(high_text)
    if low is None or high is None:
        return None
    unit, _ = _strip_trailing(high_text[high.used:])
    if low_text[low.used:] not in ("", unit) or not _is_unit(unit):
        return None
    low_value = low.value if low.factor != 1 else low.number * high.factor
    if low_value > high.value:
        return None
    return Quantity(low_value, unit, Qualifier.RANGE, high.value)


def _strip_leading(text: str) -> tuple[Qualifier, str]:
    for word in FILLER:
        text = text.removeprefix(word)
    for word, qualifier in LEADING:
        if text.startswith(word):
            return qualifier, text[len(word):]
    return Qualifier.EXACT, text


def _strip_trailing(rest: str) -> tuple[str, Qualifier | None]:
    """The unit with 余/多 in front of it (38万余公里, 50多件) or 以上/左右 after it taken out, and what they said."""
    found: Qualifier | None = None
    for word, qualifier in TRAILING:
        if rest.startswith(word):
            rest, found = rest[len(word):], qualifier
            break
    for word, qualifier in TRAILING:
        if rest.endswith(word) and len(rest) > len(word):
            return rest[: -len(word)], found or qualifier
    return rest, found


def _is_unit(unit: str) -> bool:
    """A few characters that say what is counted (元, 人次, 个百分点, or none), not a date or another figure."""
    return len(unit) <= 5 and unit not in NOT_UNITS and not any(ch.isdigit() for ch in unit) \
        and not (unit[:1] in CHINESE_NUMERAL and unit[:1] not in "万亿")


def _figure(text: str) -> _Figure | None:
    """The figure at the start of ``text``: Arabic digits with the magnitude after them (1.59万, 377.178亿),
    or a Chinese numeral (三千五百万, 两百, 近千's 千)."""
    arabic = ARABIC.match(text)
    if arabic:
        used = arabic.end()
        magnitude = 0
        while used + magnitude < len(text) and (text[used + magnitude] in BIG_UNITS
                                                or text[used + magnitude] in SMALL_UNITS):
            magnitude += 1
        factor = 1
        for ch in text[used: used + magnitude]:
            factor *= BIG_UNITS.get(ch) or SMALL_UNITS[ch]
        return _Figure(Decimal(arabic.group().replace(",", "")), factor, used + magnitude)
    used = 0
    while used < len(text) and text[used] in CHINESE_NUMERAL:
        used += 1
    if used == 0 or text[:used] in BIG_UNITS or text[used: used + 1] == "是":  # 一是, 二是: a list, not a figure
        return None
    return _Figure(Decimal(chinese_integer(text[:used])), 1, used)


def chinese_integer(text: str) -> int:
    """三千五百万 → 35000000, 一亿二千万 → 120000000, 两百 → 200, 千 → 1000, 一〇〇七 → 1007."""
    if all(ch in DIGITS for ch in text):  # digit by digit, as years and codes are written: 一〇〇七
        return int("".join(str(DIGITS[ch]) for ch in text))
    total = section = number = 0
    for ch in text:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (number or 1) * SMALL_UNITS[ch]
            number = 0
        elif ch == "万" or ch == "萬":
            total += (section + number or (0 if total else 1)) * 10**4
            section = number = 0
        else:  # 亿
            total = (total + section + number or 1) * 10**8
            section = number = 0
    return total + section + number
