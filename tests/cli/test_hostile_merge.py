"""Merging a SQLite project that holds what SQLite takes and PostgreSQL refuses (a 200-character annotator, a NUL
in a text, a label name with a space, a colour that is no colour): one sentence naming the other project,
nothing merged, on both backends alike."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"

TAMPER = {
    "annotator": ("UPDATE annotators SET name = ? WHERE name = '乙'", "长" * 200,
                  "an annotator's name is at most 128 characters, not 200"),
    "nul": ("UPDATE documents SET text = ?", "吉林市工商联\x00召开会议。",
            "the text holds a NUL character (U+0000) at offset 6"),
    "label": ("UPDATE labels SET name = ? WHERE name = 'ORGANIZATION'", "ORG UNIT",
              "a label name is 1 to 64 characters without spaces, not 'ORG UNIT'"),
    "colour": ("UPDATE labels SET name = 'NEW', color = ? WHERE name = 'ORGANIZATION'", "red",
               "colour must look like #1f77b4, not 'red'"),
}


@pytest.mark.parametrize("what", sorted(TAMPER))
def test_a_merge_source_beyond_the_limits_is_refused_in_a_sentence(cli, db_url: str, tmp_path: Path,
                                                                   what: str) -> None:
    theirs = tmp_path / "theirs.sqlite"
    cli("--db", theirs, "import", HOSTILE / "good.jsonl", check=True)
    sql, value, message = TAMPER[what]
    with sqlite3.connect(theirs) as connection:
        connection.execute(sql, (value,))
    connection.close()
    result = cli("--db", db_url, "merge", theirs)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"biaozhu merge: {theirs}: {message}" in result.stderr and "nothing was merged" in result.stderr
    assert "0 documents" in cli("--db", db_url, "docs", check=True).stdout
