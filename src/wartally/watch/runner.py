"""One round of watching, and the loop that repeats it.

A round (1) checks every source and queues the items it lists that were
never seen, (2) fetches the queued items in discovery order, reads them
(article pages through trafilatura, files as ``wartally ingest`` reads
them), cleans, extracts and geocodes them with the same stage functions as
``ingest``, stores them in committed batches, and (3) links the store when
something new was stored.  A bad source or item is reported as
``URL: CODE: REASON`` and the round goes on.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit
from urllib.request import url2pathname

from wartally.errors import Problem, WartallyError
from wartally.records import Document, Figure
from wartally.store.database import Store
from wartally.watch import state
from wartally.watch.duplicates import Seen, signature, sketch
from wartally.watch.fetcher import Fetcher, FetchFailed
from wartally.watch.sources import expand_sources, folder_items, is_url, read_listing
from wartally.ingest.html import html_to_document
from wartally.ingest.decoding import Unreadable, decode_html
from wartally.ingest.reader import finish, read_documents
from wartally.pipeline import process_document
from wartally.ingestion import run_link

MAX_SITEMAP_DEPTH = 2


@dataclass(slots=True)
class RoundSummary:
    sources: int = 0
    not_modified: int = 0
    queued: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    figures: int = 0
    problems: list[Problem] = field(default_factory=list)
    events: int | None = None
    seconds: float = 0.0

    def text(self) -> str:
        linked = "" if self.events is None else f"; {self.events} events"
        return (f"watch: {self.sources} sources checked ({self.not_modified} unchanged), {self.queued} new items, "
                f"{self.stored} stored, {self.duplicates} duplicates, {self.failed} failed, "
                f"{self.figures} figures{linked} in {self.seconds:.1f} s")


def _say(text: str) -> None:
    import sys

    print(text, file=sys.stderr, flush=True)


class Watcher:
    """Watches ``specs`` (URLs, files of URLs, folders) into ``store``.

    ``on_change`` is called after every commit that readers can see (a
    batch of documents, a new set of events); ``say`` prints a problem."""

    def __init__(
        self,
        store: Store,
        specs: list[str],
        *,
        fetcher: Fetcher | None = None,
        batch_size: int = 16,
        link: bool = True,
        on_change: Callable[[], None] | None = None,
        say: Callable[[str], None] = _say,
        stop: threading.Event | None = None,
    ):
        self.store = store
        self.specs = list(specs)
        self.fetcher = fetcher or Fetcher()
        self.batch_size = max(1, batch_size)
        self.link = link
        self.on_change = on_change or (lambda: None)
        self.say = say
        self.stop = stop or threading.Event()  # set: the round ends after the item in hand, committed

    # -- the loop ----------------------------------------------------------
    def run(self, every: float, *, rounds: int | None = None, stop: threading.Event | None = None,
            after_round: Callable[[RoundSummary], None] | None = None) -> list[RoundSummary]:
        """Rounds every ``every`` seconds until ``stop`` is set (or ``rounds`` ran).
        A round that fails (a full disk, a bug) is reported; the next one runs."""
        stop = self.stop = stop or self.stop
        done: list[RoundSummary] = []
        while not stop.is_set():
            started = time.monotonic()
            try:
                done.append(self.round())
            except Exception as exc:  # noqa: BLE001 - the loop outlives one bad round
                failed = RoundSummary(seconds=time.monotonic() - started)
                self._problem(failed, Problem("watch", "round", f"{type(exc).__name__}: {exc}"))
                done.append(failed)
            if after_round:
                after_round(done[-1])
            if rounds is not None and len(done) >= rounds:
                break
            stop.wait(max(0.0, every - (time.monotonic() - started)))
        return done

    # -- one round ---------------------------------------------------------
    def round(self) -> RoundSummary:
        started = time.monotonic()
        summary = RoundSummary()
        sources, problems = expand_sources(self.specs)
        for p in problems:
            self._problem(summary, p)
        for source in sources:
            if self.stop.is_set():
                break
            summary.sources += 1
            try:
                if is_url(source):
                    self._check_url(summary, source, source, 0)
                else:
                    self._check_folder(summary, source)
            except WartallyError:
                raise  # the store refused: not this source's fault
            except Exception as exc:  # noqa: BLE001 - one source must not stop the others
                self._problem(summary, Problem(source, "internal", f"{type(exc).__name__}: {exc}"))
        self._fetch_queued(summary)
        con = self.store.con
        if self.link and state.needs_link(con):
            try:
                summary.events = run_link(self.store)
                state.linked(con)
                self.on_change()
            except Exception as exc:  # noqa: BLE001 - documents stay stored; the next round links again
                self._problem(summary, Problem("link", "link", f"{type(exc).__name__}: {exc}"))
        summary.seconds = time.monotonic() - started
        return summary

    def _problem(self, summary: RoundSummary, problem: Problem) -> None:
        summary.problems.append(problem)
        self.say(str(problem))

    def _check_folder(self, summary: RoundSummary, folder: str) -> None:
        con = self.store.con
        items = folder_items(folder)
        summary.queued += (found := state.queue_items(con, items))
        state.save_source(con, state.SourceState(folder, "folder"), error=None, found=found)

    def _check_url(self, summary: RoundSummary, source: str, url: str, depth: int) -> None:
        """Fetch a feed or sitemap (conditionally), queue what it lists, then
        save its validators: a kill in between re-reads it, losing nothing."""
        con = self.store.con
        known = state.source_state(con, url)
        try:
            got = self.fetcher.get(url, etag=known.etag, last_modified=known.last_modified)
        except FetchFailed as exc:
            self._problem(summary, Problem(url, exc.code, exc.reason))
            state.save_source(con, known, error=f"{exc.code}: {exc.reason}", found=0)
            return
        if got.not_modified:
            summary.not_modified += 1
            state.save_source(con, known, error=None, found=0)
            return
        listing = read_listing(source, url, got.body)
        for p in listing.problems:
            self._problem(summary, p)
        for child in listing.sitemaps:
            if depth < MAX_SITEMAP_DEPTH:
                self._check_url(summary, source, child, depth + 1)
        found = state.queue_items(con, listing.items)
        summary.queued += found
        error = str(listing.problems[0]) if listing.problems else None
        state.save_source(con, replace(known, kind=listing.kind, etag=got.etag, last_modified=got.last_modified),
                          error=error, found=found)

    # -- queued items ------------------------------------------------------
    def _fetch_queued(self, summary: RoundSummary) -> None:
        con = self.store.con
        items = state.pending_items(con)
        if not items:
            return
        already = state.stored_documents(con, [i.url for i in items])
        seen = Seen(self.store.document_hashes(), state.sketches(con),
                    figures_of=lambda doc_id: state.figure_signature(con, doc_id))
        docs: list[tuple[Document, list[Figure]]] = []
        outcomes: list[state.ItemOutcome] = []
        for item in items:
            if self.stop.is_set():
                break
            if item.url in already:  # stored by a run killed before it could mark the item
                doc = self.store.read_document(item.url)
                outcomes.append(state.ItemOutcome(item.url, "stored", doc.id, doc.outlet, sketch(doc.text)))
                summary.stored += 1
                continue
            outcomes.append(self._take(summary, item, seen, docs))
            if len(outcomes) >= self.batch_size:
                self._commit(docs, outcomes)
                docs, outcomes = [], []
        self._commit(docs, outcomes)

    def _take(self, summary: RoundSummary, item: state.Item, seen: Seen,
              docs: list[tuple[Document, list[Figure]]]) -> state.ItemOutcome:
        """Read, process and queue for storing one item; how it ended."""
        retryable = False
        try:
            read = self._read(item)
        except FetchFailed as exc:
            read, retryable = [Problem(item.url, exc.code, exc.reason)], exc.retryable
        except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the round
            read = [Problem(item.url, "internal", f"{type(exc).__name__}: {exc}")]
        first: state.ItemOutcome | None = None
        for got in read:
            if isinstance(got, Problem):
                self._problem(summary, got)
                if first is None:
                    first = state.ItemOutcome(item.url, "failed", error=f"{got.code}: {got.reason}", retryable=retryable)
                continue
            outcome = self._process(summary, item, got, seen, docs)
            if first is None or first.status == "failed":
                first = outcome
        if first is None:
            first = state.ItemOutcome(item.url, "failed", error="no-text: nothing to read")
        if first.status == "failed":
            summary.failed += 1
        elif first.status == "duplicate":
            summary.duplicates += 1
        else:
            summary.stored += 1
        return first

    def _process(self, summary: RoundSummary, item: state.Item, doc: Document, seen: Seen,
                 docs: list[tuple[Document, list[Figure]]]) -> state.ItemOutcome:
        outlet = doc.outlet or item.outlet or urlsplit(doc.url or item.url).hostname
        try:
            figures = process_document(doc)
        except Exception as exc:  # noqa: BLE001 - one document must not stop the round
            problem = Problem(item.url, "process", f"{type(exc).__name__}: {exc}")
            self._problem(summary, problem)
            return state.ItemOutcome(item.url, "failed", error=f"{problem.code}: {problem.reason}")
        sk, found = sketch(doc.text), signature(figures)
        original = seen.original_of(doc.id, doc.content_hash, sk, found)
        if original is not None:
            return state.ItemOutcome(item.url, "duplicate", original, outlet)
        seen.add(doc.id, doc.content_hash, sk, found)
        docs.append((doc, figures))
        summary.figures += len(figures)
        return state.ItemOutcome(item.url, "stored", doc.id, outlet, sk)

    def _read(self, item: state.Item) -> list[Document | Problem]:
        """The documents of one item (a page: one; a file: what it holds)."""
        if item.url.startswith("file:"):
            return list(read_documents([url2pathname(urlsplit(item.url).path)], published=item.published))

        got = self.fetcher.get(item.url)
        try:
            html = decode_html(got.body, got.charset)
        except Unreadable as exc:
            return [Problem(item.url, exc.code, exc.reason)]
        doc = html_to_document(html, doc_id=item.url, where=item.url, url=item.url, published=item.published)
        if isinstance(doc, Document) and not doc.outlet and item.outlet:
            doc = replace(doc, outlet=item.outlet)
        return [finish(doc) if isinstance(doc, Document) else doc]

    def _commit(self, docs: list[tuple[Document, list[Figure]]], outcomes: list[state.ItemOutcome]) -> None:
        """Documents first, then how their items ended: a kill in between
        leaves items that the next run finds stored (``already``)."""
        if docs:
            self.store.write_batch(docs)
        state.finish_items(self.store.con, outcomes)
        if docs or outcomes:
            self.on_change()
