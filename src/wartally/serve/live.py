"""Live updates: a cheap "changed since" endpoint that the page polls.

``Live`` is a version number and the time the record was last updated.  A
writer in the same process (``wartally watch --serve``) calls ``bump()``
after every commit that readers can see; the server then drops its cached
answers, and ``GET /api/changes?since=V`` tells the page whether to redraw.
A plain read-only ``serve`` has a version that never moves, and reports when
the store was last written.

    GET /api/changes?since=3  ->  {"version": 5, "changed": true,
                                   "updated_at": "2026-12-02T06:40:12Z", "watching": true}
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.encoders import jsonable_encoder


class Live:
    """The record's version and last update; thread-safe."""

    def __init__(self, updated_at: dt.datetime | None = None, *, watching: bool = False,
                 sources: Callable[[Any], list[dict]] | None = None):
        self._lock = threading.Lock()
        self.version = 0
        self.updated_at = updated_at
        self.watching = watching
        self.sources = sources  # the watcher's source states, read through a cursor

    def bump(self) -> int:
        with self._lock:
            self.version += 1
            self.updated_at = dt.datetime.now(dt.timezone.utc)
            return self.version

    def state(self, since: int | None = None) -> dict[str, Any]:
        with self._lock:
            version, updated = self.version, self.updated_at
        return {
            "version": version,
            "changed": since is None or since != version,
            "updated_at": updated.strftime("%Y-%m-%dT%H:%M:%SZ") if updated else None,
            "watching": self.watching,
        }


def last_written(cursor: Any) -> dt.datetime | None:
    """When a document was last stored (UTC), or None for an empty store."""
    value = cursor.execute("SELECT max(ingested_at) FROM documents").fetchone()[0]
    if value is None:
        return None
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value


def add_live_routes(app: FastAPI, live: Live, cursor: Callable[[], Any]) -> None:
    """``/api/changes``, ``/api/sources`` and ``/api/outlets`` on ``app``."""

    @app.get("/api/changes", tags=["live"])
    def changes(since: Annotated[int | None, Query(ge=0, description="the version the page last drew")] = None):
        """The record's version and when it was last updated; ``changed`` when
        it differs from ``since``.  Cheap: the page polls it."""
        return live.state(since)

    @app.get("/api/sources", tags=["live"])
    def sources():
        """The watched sources: kind, last checked, last new item, items stored,
        duplicates, failed, pending, last error (as ``wartally sources``)."""
        if live.sources is None:
            raise HTTPException(404, "this server is not watching sources (run `wartally watch --serve`)")
        items = jsonable_encoder(live.sources(cursor()))
        return {"items": items, "total": len(items)}

    @app.get("/api/outlets", tags=["live"])
    def outlets(doc_id: Annotated[str, Query(min_length=1, max_length=2000, description="a document id")]):
        """The URLs and outlets that carried a document: the one stored and
        its copies (same or nearly the same text) found by ``watch``."""
        cur = cursor()
        if not cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'watch_items'"
                           ).fetchone()[0]:
            return {"items": [], "total": 0}
        rows = cur.execute("SELECT url, outlet, status FROM watch_items WHERE doc_id = ? "
                           "AND status IN ('stored', 'duplicate') ORDER BY seq", [doc_id]).fetchall()
        items = [dict(zip(("url", "outlet", "status"), r)) for r in rows]
        return {"items": items, "total": len(items)}
