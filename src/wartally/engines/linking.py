"""The link stage over an engine's Parquet output, with the pairwise part on
Spark SQL.

``wartally.link.link_figures`` takes a connection to score candidate pairs
on: its blocking and scoring are one SQL query (``wartally.link.comparison``)
written for both DuckDB and Spark SQL.  ``SparkSQL`` gives that query a Spark
session instead of DuckDB, so the pair search (the part that grows with the
square of a block) runs on the executors, and the classification, clustering,
reconciliation and disagreements stay the link stage's own code: the events
cannot differ from those of ``wartally link`` on the same figures.

The result is written beside the figures as Parquet, each record whole in a
``record`` column: ``OUT/events/`` (with ``n_reports``), ``OUT/links/``,
``OUT/disagreements/`` and ``OUT/kinds/`` (figure id, incident | tally);
``wartally load`` writes them into the store.
"""
from __future__ import annotations

import re
from typing import Any

from wartally.engines import rows
from wartally.link import link_figures
from wartally.records import Figure
from wartally.store import codec

_ARROW_TO_SPARK = {"int32": "int", "int64": "bigint", "double": "double", "bool": "boolean", "string": "string",
                   "large_string": "string"}
_CREATE = re.compile(r"\s*CREATE OR REPLACE TEMP TABLE (\w+) AS SELECT \* FROM (\w+)\s*$", re.I)
_DROP = re.compile(r"\s*DROP TABLE IF EXISTS (\w+)\s*$", re.I)


class _Result:
    def __init__(self, found: list[tuple]):
        self._found = found

    def fetchall(self) -> list[tuple]:
        return self._found


class SparkSQL:
    """The calls of a DuckDB connection that the link stage makes (register an
    Arrow table, copy it to a temporary table, query, drop), on Spark SQL."""

    def __init__(self, spark: Any):
        self.spark = spark

    def register(self, name: str, table: Any) -> None:
        ddl = ", ".join(f"`{f.name}` {_ARROW_TO_SPARK[str(f.type)]}" for f in table.schema)
        data = [tuple(r.values()) for r in table.to_pylist()]
        self.spark.createDataFrame(data, schema=ddl).createOrReplaceTempView(name)

    def unregister(self, name: str) -> None:
        self.spark.catalog.dropTempView(name)

    def execute(self, sql: str, params: Any = None) -> _Result:
        if params:
            raise NotImplementedError("SparkSQL: parameters are not supported")
        if m := _CREATE.match(sql):
            self.spark.table(m[2]).cache().createOrReplaceTempView(m[1])
            return _Result([])
        if m := _DROP.match(sql):
            self.spark.catalog.dropTempView(m[1])
            return _Result([])
        return _Result([tuple(r) for r in self.spark.sql(sql).collect()])

    def close(self) -> None:
        pass


EVENT_TYPES = {"id": "string", "n_reports": "int", "record": "string"}
LINK_TYPES = {"event_id": "string", "figure_a": "string", "figure_b": "string", "record": "string"}
DISAGREEMENT_TYPES = {"id": "string", "record": "string"}
KIND_TYPES = {"figure_id": "string", "kind": "string"}


def read_records(spark: Any, out: str) -> tuple[list, dict]:
    """Figures (in the store's order) and documents of ``out``."""
    def frame(name: str):
        try:
            return spark.read.parquet(f"{out}/{name}")
        except Exception as exc:  # an empty folder has no schema to read
            if "Unable to infer schema" in str(exc) or "PATH_NOT_FOUND" in str(exc):
                return None
            raise

    figs = frame("figures")
    found = [] if figs is None else figs.select("doc_id", "number_start", "id", "record").collect()
    figures = [codec.loads(Figure, r["record"]) for r in sorted(found, key=lambda r: (r[0], r[1], r[2]))]
    docs = frame("documents")
    documents = {}
    if docs is not None:
        for r in docs.select(*rows.DOCUMENT_TYPES).collect():
            doc = rows.document_of(r.asDict())
            documents[doc.id] = doc
    return figures, documents


def link_output(spark: Any, out: str) -> dict[str, int]:
    """Link the figures under ``out`` and write the result beside them."""
    figures, documents = read_records(spark, out)
    result = link_figures(figures, documents, con=SparkSQL(spark))
    tables = {
        "events": (EVENT_TYPES, [(e.id, result.n_reports.get(e.id), codec.dumps(e)) for e in result.events]),
        "links": (LINK_TYPES, [(x.event_id, x.figure_a, x.figure_b, codec.dumps(x)) for x in result.links]),
        "disagreements": (DISAGREEMENT_TYPES, [(d.id, codec.dumps(d)) for d in result.disagreements]),
        "kinds": (KIND_TYPES, sorted(result.kinds.items())),
    }
    for name, (types, data) in tables.items():
        frame = spark.createDataFrame(data, schema=rows.spark_ddl(types))
        frame.coalesce(1).write.mode("overwrite").parquet(f"{out}/{name}")
    return {"figures": len(figures), **{name: len(data) for name, (_, data) in tables.items() if name != "kinds"}}
