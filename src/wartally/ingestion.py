"""The ingest pipeline: read → extract → geocode → store (in committed
batches) → link.  Orchestration: it sits above every stage it runs.

``reextract`` runs the per-document stages again over the stored texts (a
newer extractor over the whole store): each document's machine figures are
replaced, the analysts' corrections applied again, and the store re-linked.

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
from wartally.extract.version import fingerprint
from wartally.ingest import read_documents
from wartally.link import link_store
from wartally.records import Document, Figure
from wartally.store.database import Store
from wartally.store.progress import Progress
from wartally.store.review.apply import Orphan, orphans

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


def _count_problem(problem: Problem, problems: list[Problem], progress) -> None:
    """A document that failed: kept in ``problems``, counted, and shown while few."""
    problems.append(problem)
    progress.errors += 1
    progress.docs += 1
    if len(problems) <= MAX_SHOWN:
        progress.say(str(problem))
    elif len(problems) == MAX_SHOWN + 1:
        progress.say("(more problems are counted, not shown)")


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
            summary.written += store.write_batch(batch, extractor=fingerprint())
            for doc, _ in batch:
                stored[doc.id] = doc.content_hash
            progress.written = summary.written
            batch = []
            progress.update(committed=True)
        last_commit = time.monotonic()

    for result in process(fresh()):
        if isinstance(result, Problem):
            _count_problem(result, summary.problems, progress)
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
    if link and summary.documents:
        try:
            summary.events = run_link(store)
        except Exception as exc:  # noqa: BLE001 - the stored documents stay; linking can be re-run
            summary.problems.append(Problem("link", "link", f"{type(exc).__name__}: {exc}"))
            progress.say(str(summary.problems[-1]))
    summary.seconds = time.monotonic() - started
    progress.close()
    return summary


@dataclass(slots=True)
class ReextractSummary:
    documents: int = 0  # documents whose figures were made again
    kept: int = 0  # stored documents left as they were (made by this extractor already)
    figures_before: int = 0  # machine figures of those documents before
    figures_after: int = 0  # and after
    new_figures: int = 0  # figures (by id) the old extractor did not give
    gone_figures: int = 0  # figures it gave that this one does not
    corrections: int = 0  # corrections in the store
    orphans: list[Orphan] = field(default_factory=list)  # corrections listed for a second look
    problems: list[Problem] = field(default_factory=list)
    events: int | None = None
    extractor: str = ""
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    def text(self) -> str:
        linked = "not linked" if self.events is None else f"{self.events} events"
        return (f"re-extracted {self.documents} documents in {self.seconds:.1f} s with extractor {self.extractor} "
                f"({self.kept} already made by it): {self.figures_before} -> {self.figures_after} figures "
                f"({self.new_figures} new, {self.gone_figures} gone), {len(self.problems)} problems; "
                f"{self.corrections} corrections, {len(self.orphans)} listed for a second look; {linked}")


def _machine_ids(store: Store, doc_ids: list[str]) -> set[str]:
    return {r[0] for r in store.con.execute(
        "SELECT id FROM figures WHERE doc_id IN (SELECT unnest(?)) AND review_status IS DISTINCT FROM 'added'",
        [doc_ids]).fetchall()}


def reextract(
    store: Store,
    *,
    everything: bool = False,
    process: Callable[[Iterable[Document | Problem]], Iterator[Result]] | None = None,
    workers: int = 1,
    batch_size: int = 64,
    link: bool = True,
    progress: Progress | None = None,
) -> ReextractSummary:
    """Extract the figures of the stored documents again with this
    extractor: those an older (or unrecorded) extractor made, or every one
    when ``everything``.  Each document's machine figures are replaced in
    committed batches, its corrections applied again; then the store is
    linked (merges, splits and verdicts applied again).  Corrections whose
    number is no longer a figure are in ``orphans``, never dropped.  A
    document a stage fails on keeps its figures and is reported."""
    started = time.monotonic()
    current = fingerprint()
    summary = ReextractSummary(extractor=current)
    progress = progress or Progress(enabled=False)
    process = process or default_processor(workers)
    todo = store.document_ids(extractor_not=None if everything else current)
    summary.kept = len(store.document_ids()) - len(todo)

    batch: list[tuple[Document, list[Figure]]] = []

    def commit() -> None:
        nonlocal batch
        if batch:
            ids = [d.id for d, _ in batch]
            before = _machine_ids(store, ids)
            summary.figures_before += len(before)
            summary.documents += store.write_batch(batch, extractor=current, replace=True)
            after = _machine_ids(store, ids)
            summary.figures_after += len(after)
            summary.new_figures += len(after - before)
            summary.gone_figures += len(before - after)
            progress.written = summary.documents
            batch = []
            progress.update(committed=True)

    for result in process(_chunked(store, todo, batch_size)):
        if isinstance(result, Problem):
            _count_problem(result, summary.problems, progress)
            continue
        batch.append(result)
        progress.docs += 1
        progress.figures += len(result[1])
        progress.update()
        if len(batch) >= batch_size:
            commit()
    commit()
    if link and summary.documents:
        try:
            summary.events = run_link(store)
        except Exception as exc:  # noqa: BLE001 - the figures stay; linking can be re-run
            summary.problems.append(Problem("link", "link", f"{type(exc).__name__}: {exc}"))
            progress.say(str(summary.problems[-1]))
    summary.corrections = store.con.execute("SELECT count(*) FROM corrections").fetchone()[0]
    summary.orphans = orphans(store.con)
    summary.seconds = time.monotonic() - started
    progress.close()
    return summary


def _chunked(store: Store, ids: list[str], size: int) -> Iterator[Document]:
    """The documents of ``ids``, read ``size`` at a time on a cursor of its
    own (the engine may read ahead while batches are written)."""
    cur = store.con.cursor()
    try:
        for at in range(0, len(ids), size):
            got = cur.execute("SELECT id, text, content_hash, title, published, outlet, url, origin, language "
                              "FROM documents WHERE id IN (SELECT unnest(?)) ORDER BY id", [ids[at:at + size]])
            names = [d[0] for d in got.description]
            yield from [Document(**dict(zip(names, row))) for row in got.fetchall()]
    finally:
        cur.close()
