"""The local engine: the per-document stages in this process, or in N worker
processes.

    >>> from wartally.ingest import read_documents
    >>> for item in process_documents(read_documents(["corpus.jsonl"]), workers=2):
    ...     ...  # (Document, [Figure, ...]) or Problem, in input order

Workers are started with ``forkserver`` (no fork of a threaded parent, such as
one holding a DuckDB connection).  Each worker loads the lexicons and the
gazetteer once, when it starts (``warm``), and then keeps them: they are
module-level lazy singletons.  Documents travel to the workers in chunks and
come back in input order; at most a bounded window of documents is in flight,
so memory stays flat on a stream of any length.
"""
from __future__ import annotations

import multiprocessing as mp
import threading
from collections.abc import Iterable, Iterator

from wartally.errors import Problem
from wartally.extract.document import process_document
from wartally.records import Document, Figure

Result = tuple[Document, list[Figure]] | Problem

WARM_TEXT = (
    "Air strikes killed at least 12 civilians, including three children, in "
    "Maarat al-Numan in Idlib province on Monday, the Syrian Observatory for "
    "Human Rights said."
)

_warm = False


def warm() -> None:
    """Load the lazy resources of every stage (lexicons, spaCy model,
    gazetteer) in this process, once.  Engines call it at the start of each
    worker and each Spark partition; later calls cost nothing."""
    global _warm
    if _warm:
        return
    _warm = True
    try:
        process_one(Document.make("warm-up", WARM_TEXT, published="2019-06-03"))
    except Exception:  # a broken stage is reported per document, not here
        pass


def process_one(doc: Document, *, geocode: bool = True) -> Result:
    """The stages on one document; a failure becomes a ``Problem`` naming the
    document, its origin and the reason."""
    try:
        return doc, process_document(doc, geocode=geocode)
    except Exception as exc:  # noqa: BLE001 - one document must not stop the batch
        return problem_for(doc, exc)


def problem_for(doc: Document, exc: BaseException) -> Problem:
    """``Problem(document id, code, reason)`` for a document a stage failed on."""
    code = getattr(exc, "code", None) or "process"
    return Problem(doc.id, str(code), f"{type(exc).__name__}: {exc}")


def _process_geocoded(item: Document | Problem) -> Result:
    return item if isinstance(item, Problem) else process_one(item)


def _process_plain(item: Document | Problem) -> Result:
    return item if isinstance(item, Problem) else process_one(item, geocode=False)


def _init_worker() -> None:
    warm()


def process_documents(
    docs: Iterable[Document | Problem],
    *,
    workers: int = 1,
    chunksize: int = 8,
    geocode: bool = True,
) -> Iterator[Result]:
    """``(document, figures)`` for each document, in input order; a document
    that fails becomes a ``Problem`` and the rest goes on.  Problems in the
    input (from the readers) are passed through in place."""
    func = _process_geocoded if geocode else _process_plain
    if workers <= 1:
        for item in docs:
            yield func(item)
        return
    # The pool's feeder thread would read the whole input ahead; a semaphore
    # keeps at most ``window`` documents in flight (window >= chunksize, so
    # the chunk being gathered can always be completed).  When the caller
    # stops early, ``stop`` and one release let the feeder thread end, so
    # that the pool can be shut down.
    size = workers * chunksize * 4
    window = threading.Semaphore(size)
    stop = threading.Event()

    def feed() -> Iterator[Document | Problem]:
        for item in docs:
            window.acquire()
            if stop.is_set():
                return
            yield item

    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        try:
            for result in pool.imap(func, feed(), chunksize):
                window.release()
                yield result
        finally:
            # let the feeder thread run to its end whatever it is waiting
            # on, so that the pool's task handler can stop and the pool shut down
            stop.set()
            for _ in range(size + 1):
                window.release()
