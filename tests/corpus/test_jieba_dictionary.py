"""jieba's dictionary read from our chunked cache is jieba's own, and a cache that is damaged is rebuilt."""

from __future__ import annotations

import logging
from pathlib import Path

import jieba
import pytest

from biaozhu.corpus.jieba_dictionary import load_dictionary


@pytest.fixture(scope="module")
def jiebas_own() -> tuple[dict[str, int], int]:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer.FREQ, tokenizer.total


def cached(folder: Path) -> list[Path]:
    return sorted(folder.glob("**/jieba-*.marshal"))


def test_built_then_read_from_the_cache_it_is_jiebas_dictionary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jiebas_own: tuple[dict[str, int], int]) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert load_dictionary() == jiebas_own  # parsed from jieba's file, then cached
    assert len(cached(tmp_path)) == 1
    assert load_dictionary() == jiebas_own  # read from the cache


def test_a_damaged_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    jiebas_own: tuple[dict[str, int], int]) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_dictionary()
    [path] = cached(tmp_path)
    path.write_bytes(path.read_bytes()[:100_000])  # cut short, as a full disk or a killed process leaves it
    assert load_dictionary() == jiebas_own
    assert load_dictionary() == jiebas_own
