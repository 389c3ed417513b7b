"""Word's automatic numbering (一、 （一） 1. （1）) and outline levels, which python-docx's ``paragraph.text``
leaves out: read from each paragraph's (or its style's) ``w:numPr`` and the package's numbering.xml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"%(\d)")


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: how Word's chineseCounting counts."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if not rest else ("零" + _DIGITS[rest] if rest < 10 else
                                ("一" + chinese_number(rest) if rest < 20 else chinese_number(rest)))
    return _DIGITS[n // 100] + "百" + tail if n < 1000 else str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One level's counter in Word's number format (w:numFmt)."""
    if fmt in {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting"}:
        return chinese_number(n)
    if fmt in {"ideographDigital", "taiwaneseDigital"}:
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    return str(n)


def _level(outline: str) -> int | None:
    """w:outlineLvl 0–8 is heading level 1–9; 9 is body text."""
    return int(outline) + 1 if outline.isdigit() and int(outline) < 9 else None


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "tab"


def _val(element: Any, path: str, default: str | None = None) -> str | None:
    found = element.find(path) if element is not None else None
    return found.get(f"{W}val", default) if found is not None else default


@dataclass
class Numbering:
    """Counts Word's lists as Word shows them: one counter set per w:num, deeper levels restart."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    styles: dict[str, tuple[str | None, str | None, int | None, str | None]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, numbering: Any, styles: Any) -> Numbering:
        """From numbering.xml's and styles.xml's root elements (either may be None)."""
        abstract: dict[str, dict[int, _Level]] = {}
        for element in numbering.iter(f"{W}abstractNum") if numbering is not None else ():
            abstract[element.get(f"{W}abstractNumId")] = {
                int(lvl.get(f"{W}ilvl", "0")): _Level(int(_val(lvl, f"{W}start", "1") or 1),
                                                     _val(lvl, f"{W}numFmt", "decimal") or "decimal",
                                                     _val(lvl, f"{W}lvlText", "") or "",
                                                     _val(lvl, f"{W}suff", "tab") or "tab")
                for lvl in element.iter(f"{W}lvl")}
        result = cls()
        for num in numbering.iter(f"{W}num") if numbering is not None else ():
            levels = {k: _Level(v.start, v.fmt, v.text, v.suffix)
                      for k, v in abstract.get(_val(num, f"{W}abstractNumId") or "", {}).items()}
            for override in num.iter(f"{W}lvlOverride"):
                start = _val(override, f"{W}startOverride")
                overridden = levels.get(int(override.get(f"{W}ilvl", "0")))
                if start is not None and overridden is not None:
                    overridden.start = int(start)
            result.levels[num.get(f"{W}numId")] = levels
        for style in styles.iter(f"{W}style") if styles is not None else ():
            ppr = style.find(f"{W}pPr")
            outline = _val(ppr, f"{W}outlineLvl")
            name = _HEADING_STYLE.match(_val(style, f"{W}name", "") or "")
            level = _level(outline) if outline is not None else int(name.group(1)) if name else None
            result.styles[style.get(f"{W}styleId")] = (_val(ppr, f"{W}numPr/{W}numId"),
                                                       _val(ppr, f"{W}numPr/{W}ilvl"), level,
                                                       _val(style, f"{W}basedOn"))
        return result

    def _style(self, style_id: str | None) -> tuple[str | None, str | None, int | None]:
        """A style's numbering and outline level, inherited through basedOn."""
        num = ilvl = level = None
        for _ in range(10):  # basedOn chains are short; a loop in a broken file stops here
            if style_id is None or style_id not in self.styles:
                break
            s_num, s_ilvl, s_level, based_on = self.styles[style_id]
            num, ilvl, level = num or s_num, ilvl or s_ilvl, level if level is not None else s_level
            style_id = based_on
        return num, ilvl, level

    def label(self, paragraph: Any) -> tuple[str, int | None]:
        """The number Word shows before this paragraph (counting it) and its outline level (1 = top), if any."""
        ppr = paragraph.find(f"{W}pPr")
        s_num, s_ilvl, s_level = self._style(_val(ppr, f"{W}pStyle"))
        outline = _val(ppr, f"{W}outlineLvl")
        level = _level(outline) if outline is not None else s_level
        num = _val(ppr, f"{W}numPr/{W}numId") or s_num
        ilvl = int(_val(ppr, f"{W}numPr/{W}ilvl") or s_ilvl or 0)
        levels = self.levels.get(num or "")
        if not levels or ilvl not in levels:  # numId 0 means "no numbering"
            return "", level
        counters = self.counters.setdefault(num or "", {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        this = levels[ilvl]
        if this.fmt in {"bullet", "none"}:
            return "", level
        text = _PLACEHOLDER.sub(lambda m: format_number(
            counters.get(int(m.group(1)) - 1, levels.get(int(m.group(1)) - 1, _Level()).start),
            levels.get(int(m.group(1)) - 1, _Level()).fmt), this.text)
        gap = " " if this.suffix != "nothing" and text[-1:].isascii() and text[-1:].strip() else ""
        return text + gap, level
