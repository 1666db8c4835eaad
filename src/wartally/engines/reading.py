"""Reading one input file's bytes with the ingest readers, wherever the bytes
came from (a Spark ``binaryFiles`` record from HDFS, S3 or a local disk).

The bytes are put in a private temporary file with the input's own name, and
``wartally.ingest.read_documents`` reads that file exactly as it reads a local
one, so both engines parse input with the same code.  Origins and problem
locations that name the temporary file are rewritten to name the input.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from wartally.errors import Problem
from wartally.records import Document


def display_path(uri: str) -> str:
    """``file:/a/b.jsonl`` → ``/a/b.jsonl``; other URIs (hdfs://, s3a://) as
    they are."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    return uri


def read_bytes(uri: str, data: bytes) -> Iterator[Document | Problem]:
    """Documents (and problems) of one input file given as bytes."""
    from wartally.ingest import read_documents

    shown = display_path(uri)
    name = os.path.basename(urlparse(uri).path) or "input"
    with tempfile.TemporaryDirectory(prefix="wartally-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            for item in read_documents([path]):
                yield _rename(item, str(path), shown)
        except Exception as exc:  # noqa: BLE001 - a reader bug must not fail the job
            yield Problem(shown, getattr(exc, "code", None) or "input", f"{type(exc).__name__}: {exc}")


def _rename(item: Document | Problem, tmp: str, shown: str) -> Document | Problem:
    if isinstance(item, Problem):
        return replace(item, where=item.where.replace(tmp, shown))
    if item.origin and tmp in item.origin:
        return replace(item, origin=item.origin.replace(tmp, shown))
    return item
