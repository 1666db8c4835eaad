"""Reading input files with the ingest readers wherever their bytes come from
(a Spark ``binaryFiles`` record from HDFS, S3 or a local disk).

``plan_inputs`` lists the files of the inputs on the driver, with the same
rules as ``wartally.ingest.read_documents`` (folders walked recursively;
hidden files, sidecars and unknown formats passed over; a missing input is a
problem).  ``read_bytes`` puts one file's bytes, and the sidecar files of its
folder (``index.jsonl``, ``published.tsv``, ``NAME.json``), in a private
temporary folder under the input's own name, and ``read_documents`` reads it
exactly as it reads a local file; origins and problem locations that name the
temporary file are rewritten to name the input.  So both engines parse input
with the same code.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from wartally.errors import Problem
from wartally.ingest import read_documents
from wartally.ingest.reader import finish, format_of, read_file
from wartally.ingest.textdir import SIDECAR_NAMES
from wartally.records import Document


@dataclass(frozen=True, slots=True)
class Unfinished:
    """A document as its format reader made it, before cleanup."""

    doc: Document


@dataclass(slots=True)
class InputPlan:
    files: list[str] = field(default_factory=list)  # URIs of the files to read
    sidecars: list[str] = field(default_factory=list)  # URIs of sidecar files beside them
    problems: list[Problem] = field(default_factory=list)  # inputs that do not exist


def display_path(uri: str) -> str:
    """``file:/a/b.jsonl`` → ``/a/b.jsonl``; other URIs (hdfs://, s3a://) as
    they are."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    return uri


def is_sidecar(name: str) -> bool:
    return name in SIDECAR_NAMES or name.endswith(".json")


def is_walked_input(relative: str) -> bool:
    """Whether a file found in a folder (path relative to it) is read, as
    ``read_documents`` decides when it walks a folder."""
    parts = relative.split("/")
    if any(p.startswith(".") for p in parts):
        return False
    return parts[-1] not in SIDECAR_NAMES and format_of(Path(parts[-1])) is not None


def plan_inputs(spark, inputs: list[str]) -> InputPlan:
    """The files (and their sidecars) of ``inputs``, listed through Hadoop's
    file system API on the driver, in name order."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    plan = InputPlan()
    folders: set[str] = set()
    for uri in inputs:
        path = jvm.org.apache.hadoop.fs.Path(uri)
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path)
        if not statuses:
            plan.problems.append(Problem(display_path(uri), "missing", "no such file or folder"))
            continue
        for status in statuses:
            top = status.getPath().toString()
            if not status.isDirectory():
                plan.files.append(top)
                folders.add(posixpath.dirname(top))
                continue
            found = fs.listFiles(status.getPath(), True)
            walked = []
            while found.hasNext():
                name = found.next().getPath().toString()
                relative = name[len(top):].lstrip("/")
                if is_walked_input(relative):
                    walked.append(name)
                    folders.add(posixpath.dirname(name))
            plan.files.extend(sorted(walked))
    for folder in sorted(folders):
        for status in spark.sparkContext._jvm.org.apache.hadoop.fs.Path(folder).getFileSystem(conf).listStatus(
            jvm.org.apache.hadoop.fs.Path(folder)
        ):
            name = status.getPath().getName()
            if not status.isDirectory() and is_sidecar(name):
                plan.sidecars.append(status.getPath().toString())
    return plan


def read_bytes(
    uri: str,
    data: bytes,
    *,
    sidecars: dict[str, bytes] | None = None,
    published: dt.date | None = None,
    deferred: bool = False,
) -> Iterator[Document | Problem]:
    """Documents (and problems) of one input file given as bytes;
    ``sidecars`` maps the names of the sidecar files of its folder to their
    bytes.

    With ``deferred``, documents come out as the format reader made them,
    wrapped in ``Unfinished``, and ``finish_document`` must be applied to each
    (cleanup and the language check, the costly part of reading), so that an
    engine can spread that work over many tasks instead of the one that holds
    the file."""
    shown = display_path(uri)
    name = posixpath.basename(urlparse(uri).path) or "input"
    with tempfile.TemporaryDirectory(prefix="wartally-") as tmp:
        for side, content in (sidecars or {}).items():
            if side != name:
                (Path(tmp) / side).write_bytes(content)
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            for item in _read(path, published, deferred):
                yield _rename(item, str(path), shown)
        except Exception as exc:  # noqa: BLE001 - a reader bug must not fail the job
            yield Problem(shown, getattr(exc, "code", None) or "internal", f"{type(exc).__name__}: {exc}")


def _read(path: Path, published: dt.date | None, deferred: bool) -> Iterator[Document | Problem]:
    if deferred:
        for item in read_file(path, published):  # the per-file half of read_documents
            yield Unfinished(item) if isinstance(item, Document) else item
        return
    yield from read_documents([path], published=published)


def finish_document(item: Unfinished) -> Document | Problem:
    """The second half of ``read_documents`` for a document read with
    ``deferred``: cleanup and the language check."""
    doc = item.doc
    try:
        return finish(doc)
    except Exception as exc:  # noqa: BLE001 - as read_documents: a reader bug is a problem
        return Problem(doc.origin or doc.id, "internal", f"{type(exc).__name__}: {exc}")


def _rename(item: Document | Unfinished | Problem, tmp: str, shown: str) -> Document | Unfinished | Problem:
    if isinstance(item, Unfinished):
        return Unfinished(_rename(item.doc, tmp, shown))
    if isinstance(item, Problem):
        return replace(item, where=item.where.replace(tmp, shown), reason=item.reason.replace(tmp, shown))
    if item.origin and tmp in item.origin:
        return replace(item, origin=item.origin.replace(tmp, shown))
    return item
