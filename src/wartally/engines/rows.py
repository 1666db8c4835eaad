"""Flat rows for the Parquet output of the engines.

A document row has the columns of the store's ``documents`` table and a
figure row those of ``figures`` (the store's own row functions make them, so
the Parquet and the store cannot disagree), each plus the partition column
``published_month`` (``YYYY-MM``, or ``unknown``).  A figure row keeps the
whole figure as JSON in ``record``, so ``figure_of(row)`` gives back a figure
equal to the one extracted.  A problem row has ``file``, ``line``, ``code``
and ``reason``.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from wartally.errors import Problem
from wartally.records import Document, Figure
from wartally.store import codec
from wartally.store import rows as store_rows

UNKNOWN_MONTH = "unknown"
PARTITION = "published_month"

# Spark SQL types of the store's columns; tests check these against
# wartally.store.rows so that the two cannot drift apart.
DOCUMENT_TYPES: dict[str, str] = {
    "id": "string",
    "content_hash": "string",
    "title": "string",
    "published": "date",
    "outlet": "string",
    "url": "string",
    "origin": "string",
    "language": "string",
    "text": "string",
}

FIGURE_TYPES: dict[str, str] = {
    "id": "string",
    "doc_id": "string",
    "outcome": "string",
    "n": "bigint",
    "qualifier": "string",
    "victims": "string",
    "side": "string",
    "part_of": "string",
    "kind": "string",
    "place_mention": "string",
    "place": "string",
    "lat": "double",
    "lon": "double",
    "country": "string",
    "admin1": "string",
    "admin1_pcode": "string",
    "admin2": "string",
    "admin2_pcode": "string",
    "admin3": "string",
    "admin3_pcode": "string",
    "where_prec": "int",
    "geo_reason": "string",
    "start_date": "date",
    "end_date": "date",
    "date_precision": "string",
    "date_tolerance_days": "int",
    "source": "string",
    "actor": "string",
    "weapon": "string",
    "quote": "string",
    "number_start": "int",
    "number_end": "int",
    "sentence_start": "int",
    "sentence_end": "int",
    "rules": "string",  # JSON object: field -> rule id
    "record": "string",  # the whole figure as JSON (wartally.store.codec)
}

PROBLEM_TYPES: dict[str, str] = {"file": "string", "line": "int", "code": "string", "reason": "string"}

DOCUMENT_COLUMNS = (*DOCUMENT_TYPES, PARTITION)
FIGURE_COLUMNS = (*FIGURE_TYPES, PARTITION)


def published_month(doc: Document) -> str:
    """The partition a document and its figures are written to."""
    return doc.published.strftime("%Y-%m") if doc.published else UNKNOWN_MONTH


def document_row(doc: Document) -> tuple:
    d = store_rows.document_row(doc)
    return (*(d.get(c) for c in DOCUMENT_TYPES), published_month(doc))


def figure_row(doc: Document, fig: Figure) -> tuple:
    d = store_rows.figure_row(fig)
    return (*(d.get(c) for c in FIGURE_TYPES), published_month(doc))


def problem_row(problem: Problem) -> tuple:
    """``where`` is ``FILE:LINE``, ``FILE`` or a document id."""
    file, line = split_where(problem.where)
    return (file, line, problem.code, problem.reason)


def split_where(where: str) -> tuple[str, int | None]:
    head, sep, tail = where.rpartition(":")
    if sep and head and tail.isdigit():
        return head, int(tail)
    return where, None


def figure_of(row: dict[str, Any]) -> Figure:
    """The figure a row read back from Parquet holds."""
    return codec.loads(Figure, row["record"])


def document_of(row: dict[str, Any]) -> Document:
    """The document a row read back from Parquet holds."""
    kw = {c: row.get(c) for c in DOCUMENT_TYPES}
    if isinstance(kw["published"], dt.datetime):
        kw["published"] = kw["published"].date()
    return Document(**kw)


def spark_ddl(types: dict[str, str], *, partitioned: bool = False) -> str:
    """A Spark DDL schema ("`id` string, `n` bigint, ...")."""
    cols = [f"`{c}` {t}" for c, t in types.items()]
    if partitioned:
        cols.append(f"`{PARTITION}` string")
    return ", ".join(cols)
