"""What ``watch`` remembers, in the store itself (tables ``watch_sources``,
``watch_items`` and ``watch_meta``, schema migration 6).

Every item a source lists is queued as ``pending`` (in discovery order)
before the source's ETag is saved, and is marked ``stored``, ``duplicate``
or ``failed`` only after its document is committed.  So a process killed at
any moment leaves a queue that a restart finishes: nothing listed is lost,
and nothing finished is fetched again.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

MAX_ATTEMPTS = 3  # a retryable failure (5xx, timeout) is tried again in up to this many rounds


@dataclass(frozen=True, slots=True)
class Item:
    """An article a source lists: its URL (``file://`` path for a file in a
    folder), and what the listing says about it."""

    url: str
    source: str
    published: dt.date | None = None
    outlet: str | None = None
    version: str | None = None  # files: size and mtime; a new version is read again


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    """How an item ended: stored (as ``doc_id``), duplicate (of ``doc_id``)
    or failed (``error``, and whether a later round may retry)."""

    url: str
    status: str
    doc_id: str | None = None
    outlet: str | None = None
    sketch: tuple[int, ...] | None = None
    error: str | None = None
    retryable: bool = False


@dataclass(frozen=True, slots=True)
class SourceState:
    source: str
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def _utc_now() -> dt.datetime:
    """Now in UTC, without a zone: the store's timestamps are naive UTC."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class _Txn:
    def __init__(self, con: Any):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")
        return self.con

    def __exit__(self, kind, exc, tb):
        self.con.execute("COMMIT" if kind is None else "ROLLBACK")


def source_state(con: Any, source: str) -> SourceState:
    row = con.execute("SELECT kind, etag, last_modified FROM watch_sources WHERE source = ?", [source]).fetchone()
    return SourceState(source, *row) if row else SourceState(source)


def queue_items(con: Any, items: Sequence[Item]) -> int:
    """Add the items not seen before (and files whose version changed) as
    pending, in the order given; how many were queued."""
    if not items:
        return 0
    with _Txn(con):
        known = dict(con.execute("SELECT url, coalesce(version, '') FROM watch_items WHERE url IN (SELECT unnest(?))",
                                 [[i.url for i in items]]).fetchall())
        seq = con.execute("SELECT coalesce(max(seq), 0) FROM watch_items").fetchone()[0]
        queued = 0
        for item in dict((i.url, i) for i in items).values():
            if item.url in known and (item.version is None or known[item.url] == item.version):
                continue
            seq += 1
            queued += 1
            if item.url in known:  # a file that changed: read it again
                con.execute("UPDATE watch_items SET seq = ?, status = 'pending', version = ?, attempts = 0, "
                            "error = NULL, retryable = NULL WHERE url = ?", [seq, item.version, item.url])
                continue
            con.execute("INSERT INTO watch_items (url, seq, source, status, version, published, outlet) "
                        "VALUES (?, ?, ?, 'pending', ?, ?, ?)",
                        [item.url, seq, item.source, item.version, item.published, item.outlet])
    return queued


def save_source(con: Any, state: SourceState, *, error: str | None, found: int) -> None:
    """The source's validators and the outcome of this check."""
    now = _utc_now()
    with _Txn(con):
        con.execute(
            "INSERT INTO watch_sources (source, kind, etag, last_modified, last_checked, last_seen, last_error) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET kind = excluded.kind, "
            "etag = excluded.etag, last_modified = excluded.last_modified, last_checked = excluded.last_checked, "
            "last_seen = coalesce(excluded.last_seen, watch_sources.last_seen), last_error = excluded.last_error",
            [state.source, state.kind, state.etag, state.last_modified, now, now if found else None, error])


def pending_items(con: Any) -> list[Item]:
    """Items to fetch, in discovery order: pending ones, and failed ones that
    a later round may retry."""
    rows = con.execute(
        "SELECT url, source, published, outlet, version FROM watch_items WHERE status = 'pending' "
        "OR (status = 'failed' AND retryable AND attempts < ?) ORDER BY seq", [MAX_ATTEMPTS]).fetchall()
    return [Item(*r) for r in rows]


def stored_documents(con: Any, urls: Iterable[str]) -> dict[str, str]:
    """Of ``urls``, those already stored as a document (by id): url -> id.
    A run killed between storing a document and marking its item finds them here."""
    return dict(con.execute("SELECT id, id FROM documents WHERE id IN (SELECT unnest(?))", [list(urls)]).fetchall())


def finish_items(con: Any, outcomes: Sequence[ItemOutcome]) -> None:
    """Record how items ended, and that the store needs linking, in one transaction."""
    if not outcomes:
        return
    now = _utc_now()
    with _Txn(con):
        for o in outcomes:
            con.execute(
                "UPDATE watch_items SET status = ?, doc_id = ?, outlet = coalesce(?, outlet), sketch = ?, "
                "error = ?, retryable = ?, attempts = attempts + 1, done_at = ? WHERE url = ?",
                [o.status, o.doc_id, o.outlet, list(o.sketch) if o.sketch else None, o.error, o.retryable, now, o.url])
        if any(o.status == "stored" for o in outcomes):
            _set_meta(con, "needs_link", "1")


def needs_link(con: Any) -> bool:
    return get_meta(con, "needs_link") == "1"


def linked(con: Any) -> None:
    with _Txn(con):
        _set_meta(con, "needs_link", "0")


def get_meta(con: Any, key: str) -> str | None:
    row = con.execute("SELECT value FROM watch_meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def _set_meta(con: Any, key: str, value: str) -> None:
    con.execute("INSERT INTO watch_meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value])


RECENT_DAYS = 14  # wire copies of a story appear within days of each other


def sketches(con: Any, days: int = RECENT_DAYS) -> dict[str, tuple[int, ...]]:
    """The shingle sketch of every document that watch stored in the last
    ``days``: doc id -> sketch."""
    rows = con.execute(
        "SELECT doc_id, sketch FROM watch_items WHERE status = 'stored' AND sketch IS NOT NULL "
        "AND done_at >= ? ORDER BY seq", [_utc_now() - dt.timedelta(days=days)]).fetchall()
    return {doc_id: tuple(s) for doc_id, s in rows}


def figure_signature(con: Any, doc_id: str) -> frozenset:
    """A stored document's figures as (outcome, n, victims) triples."""
    return frozenset(con.execute("SELECT outcome, n, victims FROM figures WHERE doc_id = ?", [doc_id]).fetchall())


SOURCE_COLUMNS = ("source", "kind", "last_checked", "last_seen", "stored", "duplicates", "failed", "pending",
                  "last_error")


def source_rows(con: Any) -> list[dict[str, Any]]:
    """Each watched source with its counts of items, for ``wartally sources``."""
    cur = con.execute(
        "SELECT s.source, s.kind, s.last_checked, s.last_seen, "
        "count(*) FILTER (WHERE i.status = 'stored') AS stored, "
        "count(*) FILTER (WHERE i.status = 'duplicate') AS duplicates, "
        "count(*) FILTER (WHERE i.status = 'failed') AS failed, "
        "count(*) FILTER (WHERE i.status = 'pending') AS pending, s.last_error "
        "FROM watch_sources s LEFT JOIN watch_items i ON i.source = s.source "
        "GROUP BY ALL ORDER BY s.source")
    return [dict(zip(SOURCE_COLUMNS, r)) for r in cur.fetchall()]


ITEM_COLUMNS = ("url", "source", "status", "doc_id", "outlet", "attempts", "error", "done_at")


def item_rows(con: Any, source: str | None = None) -> list[dict[str, Any]]:
    """Every item seen (of one source), in discovery order."""
    where, args = ("WHERE source = ?", [source]) if source else ("", [])
    cur = con.execute(f"SELECT {', '.join(ITEM_COLUMNS)} FROM watch_items {where} ORDER BY seq", args)
    return [dict(zip(ITEM_COLUMNS, r)) for r in cur.fetchall()]


def outlets_of(con: Any, doc_id: str) -> list[dict[str, Any]]:
    """The URLs and outlets that carried a document (itself and its duplicates)."""
    cur = con.execute("SELECT url, outlet, status FROM watch_items WHERE doc_id = ? "
                      "AND status IN ('stored', 'duplicate') ORDER BY seq", [doc_id])
    return [dict(zip(("url", "outlet", "status"), r)) for r in cur.fetchall()]
