"""Inserting many complete rows at once (an import's spans and statuses) without SQLAlchemy's work per row.

A Core executemany of 100,000 span rows spent 1.4 s building and processing each row's parameters, five times what
SQLite took to store them. Here the statement is compiled once and the rows go to the driver as tuples; a value
the driver cannot take as it is (a datetime, as SQLite stores it) is converted once per distinct value, not once
per row. PostgreSQL gets the Core executemany (psycopg sends it in batches; a compiled single-row INSERT there
would ask for the new ids back).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnDefault, Table, insert, literal, literal_column
from sqlalchemy.orm import Session

Row = tuple[Any, ...]


def _converted(rows: list[Row], converters: Sequence[tuple[int, Callable[[Any], Any]]]) -> list[Row]:
    """The rows with each converted column's values converted: column by column, each distinct value once, the
    rest (taking the rows apart and putting them together again) in C."""
    columns = list(zip(*rows, strict=True))
    for index, convert in converters:
        try:
            done = {value: convert(value) for value in set(columns[index])}
            columns[index] = tuple(map(done.__getitem__, columns[index]))
        except TypeError:  # values that cannot be hashed (JSON's dicts): each converted
            columns[index] = tuple(map(convert, columns[index]))
    return list(zip(*columns, strict=True))


def insert_rows(session: Session, table: Table, columns: Sequence[str], rows: list[Row],
                same: Mapping[str, Any] | None = None) -> None:
    """INSERT ``rows`` (tuples of values in the order of ``columns``) into ``table``, in this session's
    transaction; ``same`` holds the values every row has (the time of an import), written into the statement
    once on SQLite instead of bound in each row (every bound value cost the driver time, a NULL too)."""
    if not rows:
        return
    same = same or {}
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        session.execute(insert(table), [{**same, **dict(zip(columns, row, strict=True))} for row in rows])
        return
    session.flush()  # anything the ORM still holds goes first, as a session.execute would do
    dialect = bind.dialect
    defaults = {column.name: column.default.arg(None) if column.default.is_callable else column.default.arg
                for column in table.c if column.name not in columns and column.name not in same
                and isinstance(column.default, ColumnDefault)}  # the ORM's defaults: the rows leave them out
    fixed: dict[str, Any] = {
        name: literal_column(literal(value, table.c[name].type)
                             .compile(dialect=dialect, compile_kwargs={"literal_binds": True}).string)
        for name, value in {**defaults, **same}.items()}
    compiled = insert(table).values(fixed).compile(dialect=dialect, column_keys=list(columns))
    order = [columns.index(name) for name in compiled.positiontup or ()]
    assert len(order) == len(columns), "every column of the rows is bound once"
    if order != list(range(len(columns))):
        rows = [tuple(row[i] for i in order) for row in rows]
        columns = [columns[i] for i in order]
    converters = [(i, convert) for i, name in enumerate(columns)
                  if (convert := table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None]
    session.connection().exec_driver_sql(compiled.string, _converted(rows, converters) if converters else rows)
