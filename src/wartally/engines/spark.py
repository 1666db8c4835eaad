"""The Spark engine: the same readers and per-document stages as the local
engine, run by Spark executors over inputs on any file system Spark reads.

    ingest_to_parquet(["hdfs:///news/*.jsonl"], "hdfs:///wartally/run1", master="yarn")

writes ``OUT/documents/`` and ``OUT/figures/`` as Parquet partitioned by
``published_month=YYYY-MM`` and ``OUT/problems/`` (file, line, code, reason).

How the work is spread: ``binaryFiles`` hands each input file to a task, which
splits it into records with the ingest format readers (cheap); the records are
then repartitioned across the cluster and each partition finishes them as
``wartally.ingest.read_documents`` does (cleanup, language check) and runs
``wartally.extract.document.process_document`` on them (costly).  A partition
first calls ``engines.local.warm()``, which loads the spaCy model, lexicons and
gazetteer into the Python worker once; Spark reuses Python workers between
tasks (``spark.python.worker.reuse``, on by default), so that happens once per
worker process, not per document or per task.

pyspark is optional (``pip install 'wartally[spark]'``); without it every
function here raises ``EngineUnavailable`` with that hint.
"""
from __future__ import annotations

import datetime as dt
import os
import posixpath
import shutil
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from wartally.engines import rows
from wartally.engines.linking import link_output
from wartally.engines.local import process_one, warm
from wartally.engines.reading import Unfinished, finish_document, plan_inputs, read_bytes
from wartally.errors import Problem, UsageError

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import SparkSession

INSTALL_HINT = "the Spark engine needs pyspark: pip install 'wartally[spark]'"
JAVA_HINT = "the Spark engine needs a Java 17 runtime: install one (e.g. openjdk-17-jre-headless) or set JAVA_HOME"
DEFAULT_MASTER = "local[2]"


class EngineUnavailable(UsageError):
    """An engine's optional dependency is not installed."""

    code = "engine"


def require_pyspark() -> Any:
    """The pyspark module, or ``EngineUnavailable`` with the install hint."""
    try:
        import pyspark
    except ImportError:
        raise EngineUnavailable(INSTALL_HINT) from None
    return pyspark


def session(master: str = DEFAULT_MASTER, *, app: str = "wartally", conf: dict[str, str] | None = None) -> "SparkSession":
    """A Spark session for wartally (or the active one, when there is one).

    In local mode the Python workers run this very interpreter, so they see
    the same installed wartally.  On a cluster, set ``PYSPARK_PYTHON`` to the
    environment shipped with the job (see docs/spark.md)."""
    require_pyspark()
    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        raise EngineUnavailable(JAVA_HINT)
    from pyspark.sql import SparkSession

    if master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    settings = {
        "spark.ui.enabled": "false",
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.shuffle.partitions": "8",
        "spark.sql.sources.partitionOverwriteMode": "static",
        "spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive": "true",
        "spark.python.worker.reuse": "true",
        "spark.ui.showConsoleProgress": "true" if sys.stderr.isatty() else "false",  # a bar on a terminal only
        **(conf or {}),
    }
    builder = SparkSession.builder.master(master).appName(app)
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def to_uri(path: str) -> str:
    """Local paths become absolute (the executors' working directory is not
    ours), symbolic links kept as the local engine keeps them, so that both
    record the same ``origin``; URIs (hdfs://, s3a://, file:) pass unchanged."""
    if "://" in path or path.startswith("file:"):
        return path
    return os.path.abspath(path)


def process_partition(items: Iterable[Any]) -> Iterator[tuple[str, tuple]]:
    """The per-partition function: ``("document"|"figure"|"problem", row)``
    for each document or reader problem in the partition."""
    warm()  # resources load once per Python worker, before the first row
    for item in items:
        if isinstance(item, Unfinished):
            item = finish_document(item)
        if isinstance(item, Problem):
            yield "problem", rows.problem_row(item)
            continue
        result = process_one(item)
        if isinstance(result, Problem):  # name the input file and line, not only the id
            where = item.origin or result.where
            yield "problem", rows.problem_row(Problem(where, result.code, f"document {item.id!r}: {result.reason}"))
            continue
        doc, figures = result
        yield "document", rows.document_row(doc)
        for fig in figures:
            yield "figure", rows.figure_row(doc, fig)


def _reader(sidecars: Any, published: dt.date | None):
    """The flatMap function over ``(uri, bytes)`` records; ``sidecars`` is a
    broadcast of {folder URI: {name: bytes}}."""

    def read(record: tuple[str, bytes]) -> Iterator[Any]:
        uri, data = record
        beside = sidecars.value.get(posixpath.dirname(uri), {})
        return read_bytes(uri, bytes(data), sidecars=beside, published=published, deferred=True)

    return read


def ingest_to_parquet(
    inputs: list[str],
    out: str,
    *,
    master: str = DEFAULT_MASTER,
    partitions: int | None = None,
    published: dt.date | str | None = None,
    spark: "SparkSession | None" = None,
) -> dict[str, int]:
    """Read ``inputs`` (files, folders or globs of JSONL, text, HTML, feeds,
    WARC), run the stages, write Parquet under ``out``.  Returns the counts of
    documents, figures and problems.  Bad records, unreadable files and
    failing documents are written to ``out/problems/`` and the job goes on."""
    if not inputs:
        raise UsageError("no inputs given")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    spark = spark or session(master)
    from pyspark import StorageLevel

    sc = spark.sparkContext
    n = partitions or max(2, sc.defaultParallelism * 4)
    out = to_uri(out)
    plan = plan_inputs(spark, [to_uri(p) for p in inputs])
    beside: dict[str, dict[str, bytes]] = {}
    if plan.sidecars:
        for uri, data in sc.binaryFiles(",".join(plan.sidecars)).collect():
            beside.setdefault(posixpath.dirname(uri), {})[posixpath.basename(uri)] = bytes(data)
    sidecars = sc.broadcast(beside)
    items = sc.parallelize(plan.problems, 1)
    if plan.files:
        items = items.union(sc.binaryFiles(",".join(plan.files)).flatMap(_reader(sidecars, published)))
    tagged = items.repartition(n).mapPartitions(process_partition).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = {"documents": 0, "figures": 0, "problems": 0}
        for kind, count in tagged.map(lambda t: (t[0], 1)).reduceByKey(lambda a, b: a + b).collect():
            counts[kind + "s"] = count
        for kind, types in (("document", rows.DOCUMENT_TYPES), ("figure", rows.FIGURE_TYPES)):
            part = tagged.filter(lambda t, k=kind: t[0] == k).map(lambda t: t[1])
            frame = spark.createDataFrame(part, schema=rows.spark_ddl(types, partitioned=True))
            (
                frame.repartition(rows.PARTITION)  # a few files per month, not one per task
                .write.mode("overwrite")
                .partitionBy(rows.PARTITION)
                .parquet(f"{out}/{kind}s")
            )
        problems = tagged.filter(lambda t: t[0] == "problem").map(lambda t: t[1])
        (
            spark.createDataFrame(problems, schema=rows.spark_ddl(rows.PROBLEM_TYPES))
            .coalesce(1)
            .write.mode("overwrite")
            .parquet(f"{out}/problems")
        )
    finally:
        tagged.unpersist()
        sidecars.destroy()
    return counts


def link_parquet(out: str, *, master: str = DEFAULT_MASTER, spark: "SparkSession | None" = None) -> dict[str, int]:
    """Link ``out/figures/`` into events, scoring candidate pairs on Spark
    SQL with the link stage's own query and settings, and write
    ``out/events/``, ``out/links/``, ``out/disagreements/`` and
    ``out/kinds/`` (see ``engines.linking``).  Returns the counts."""
    spark = spark or session(master)
    return link_output(spark, to_uri(out))
