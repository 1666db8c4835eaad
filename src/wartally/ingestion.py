"""The ingest pipeline: read → extract → geocode → store (in committed
batches) → link.  Orchestration: it sits above every stage it runs.

A batch is one transaction, so a run killed at any moment leaves the store
consistent; running it again skips what is stored already (same id and
content hash) and completes to the state an uninterrupted run reaches.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wartally.engines.local import process_documents
from wartally.errors import Problem
from wartally.ingest import read_documents
from wartally.link import link_store
from wartally.records import Document, Figure
from wartally.store.database import Store
from wartally.store.progress import Progress

Result = tuple[Document, list[Figure]] | Problem


@dataclass(slots=True)
class IngestSummary:
    documents: int = 0  # documents read
    written: int = 0  # new or changed documents stored
    unchanged: int = 0  # already stored with the same text
    figures: int = 0  # figures found in the documents processed
    problems: list[Problem] = field(default_factory=list)
    events: int | None = None  # after linking; None when linking did not run
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    def text(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        linked = "not linked" if self.events is None else f"{self.events} events"
        return (f"ingested {self.documents} documents in {self.seconds:.1f} s ({rate:.1f}/s): "
                f"{self.written} written, {self.unchanged} unchanged, {self.figures} figures, "
                f"{len(self.problems)} problems; {linked}")


def default_processor(workers: int) -> Callable[[Iterable[Document | Problem]], Iterator[Result]]:
    """The local engine's ``process_documents`` with ``workers`` processes."""
    return lambda items: process_documents(items, workers=workers)


def read_inputs(paths: Iterable[str | Path], published: dt.date | str | None = None) -> Iterator[Document | Problem]:
    return read_documents([Path(p) for p in paths], published=published)


def run_link(store: Store) -> int:
    """Link figures into events; the number of events."""
    link_store(store)
    return store.con.execute("SELECT count(*) FROM events").fetchone()[0]


MAX_SHOWN = 20  # problems printed one by one; the rest are counted


def ingest(
    store: Store,
    items: Iterable[Document | Problem],
    *,
    process: Callable[[Iterable[Document | Problem]], Iterator[Result]] | None = None,
    workers: int = 1,
    batch_size: int = 64,
    batch_seconds: float = 5.0,
    link: bool = True,
    progress: Progress | None = None,
) -> IngestSummary:
    """Process documents and store them in committed batches, then link.

    Documents already stored with the same content hash are not processed
    again.  Problems (unreadable input, a document a stage failed on) are
    collected in the summary and shown on ``progress``; the rest goes on.
    """
    started = time.monotonic()
    summary = IngestSummary()
    progress = progress or Progress(enabled=False)
    stored = store.document_hashes()
    process = process or default_processor(workers)

    def fresh() -> Iterator[Document | Problem]:
        for item in items:
            if isinstance(item, Document):
                summary.documents += 1
                if stored.get(item.id) == item.content_hash:
                    summary.unchanged += 1
                    progress.docs += 1
                    progress.skipped += 1
                    progress.update()
                    continue
            yield item

    batch: list[tuple[Document, list[Figure]]] = []
    last_commit = time.monotonic()

    def commit() -> None:
        nonlocal batch, last_commit
        if batch:
            summary.written += store.write_batch(batch)
            for doc, _ in batch:
                stored[doc.id] = doc.content_hash
            progress.written = summary.written
            batch = []
            progress.update(committed=True)
        last_commit = time.monotonic()

    for result in process(fresh()):
        if isinstance(result, Problem):
            summary.problems.append(result)
            progress.errors += 1
            progress.docs += 1
            if len(summary.problems) <= MAX_SHOWN:
                progress.say(str(result))
            elif len(summary.problems) == MAX_SHOWN + 1:
                progress.say("(more problems are counted, not shown)")
            continue
        doc, figures = result
        batch.append((doc, figures))
        summary.figures += len(figures)
        progress.docs += 1
        progress.figures += len(figures)
        progress.update()
        if len(batch) >= batch_size or time.monotonic() - last_commit >= batch_seconds:
            commit()
    commit()
    if link:
        try:
            summary.events = run_link(store)
        except Exception as exc:  # noqa: BLE001 - the stored documents stay; linking can be re-run
            summary.problems.append(Problem("link", "link", f"{type(exc).__name__}: {exc}"))
            progress.say(str(summary.problems[-1]))
    summary.seconds = time.monotonic() - started
    progress.close()
    return summary
