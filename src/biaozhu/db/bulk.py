"""Inserting many complete rows at once (an import's spans and statuses) without SQLAlchemy's work per row.

A Core executemany of 100,000 span rows spent 1.4 s building and processing each row's parameters, five times what
SQLite took to store them. Here the statement is compiled once and the rows go to the driver as tuples; a value
the driver cannot take as it is (a datetime, as SQLite stores it) is converted once per distinct value, not once
per row. PostgreSQL gets the Core executemany (psycopg sends it in batches; a compiled single-row INSERT there
would ask for the new ids back).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

Row = tuple[Any, ...]


def _converted(rows: list[Row], converters: Sequence[tuple[int, Callable[[Any], Any]]]) -> list[Row]:
    """The rows with each converted column's values converted, each distinct value once."""
    memos: list[dict[Any, Any]] = [{} for _ in converters]
    done = []
    for row in rows:
        values = list(row)
        for (index, convert), memo in zip(converters, memos, strict=True):
            value = values[index]
            try:
                values[index] = memo[value]
            except KeyError:
                values[index] = memo[value] = convert(value)
        done.append(tuple(values))
    return done


def insert_rows(session: Session, table: Table, columns: Sequence[str], rows: list[Row]) -> None:
    """INSERT ``rows`` (tuples of hashable values in the order of ``columns``) into ``table``, in this session's
    transaction."""
    if not rows:
        return
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    session.flush()  # anything the ORM still holds goes first, as a session.execute would do
    dialect = bind.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    order = [columns.index(name) for name in compiled.positiontup or ()]
    assert len(order) == len(columns), "every column of the rows is bound once"
    if order != list(range(len(columns))):
        rows = [tuple(row[i] for i in order) for row in rows]
        columns = [columns[i] for i in order]
    converters = [(i, convert) for i, name in enumerate(columns)
                  if (convert := table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None]
    session.connection().exec_driver_sql(compiled.string, _converted(rows, converters) if converters else rows)
