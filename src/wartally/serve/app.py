"""The FastAPI application: a JSON API over a wartally store and the page
that draws it (static files shipped in the package, so it works offline).

    >>> app = create_app("wartally.duckdb")      # doctest: +SKIP
    >>> uvicorn.run(app, port=8000)               # doctest: +SKIP

The store is opened read-only; answers are cached per query because the data
cannot change under a read-only server.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from wartally.geo import boundaries_geojson
from wartally.records import Outcome, Victims
from wartally.serve import models, queries
from wartally.serve.live import Live, add_live_routes, last_written
from wartally.serve.queries import FigureFilter
from wartally.store import Store
from wartally.serve.review_api import has_accounts, mount_review

STATIC = Path(__file__).parent / "static"
BOUNDARY_LEVELS = (0, 1, 2, 3)
#: The longest query string answered (bytes); longer ones get a 414.
MAX_QUERY_BYTES = 8 * 1024
#: The largest ``offset`` a list takes (a million pages of the largest size).
MAX_OFFSET = 10**9


def security_headers(tiles: str | None = None) -> dict[str, str]:
    """Headers for every response.  The page loads only its own scripts and
    styles, so an injected <script> or inline handler in article text would
    not run even if it reached the DOM; images only from itself and, when
    asked for, the tile server."""
    img = "'self' data:"
    if tiles:
        from urllib.parse import urlsplit

        parts = urlsplit(tiles)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"tiles: {tiles!r} is not an http(s) URL template")
        host = parts.netloc
        if "{s}" in host:  # Leaflet's subdomain placeholder
            host = "*." + host.split(".", 1)[1] if "." in host else "*"
        img += f" {parts.scheme}://{host}"
    return {
        "content-security-policy": (
            f"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src {img}; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        ),
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
    }


def error_response(status: int, code: str, message: str, details: list | None = None) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status)


class _Connections:
    """The store opened read-only, and a cursor of its connection per thread."""

    def __init__(self, path: str | Path, read_only: bool = True, store=None):
        self.path = str(path)
        self.owned = store is None  # a store given by a writer in this process stays the writer's
        self.store = Store(path, read_only=read_only) if store is None else store
        self._root = self.store.con if store is None else store.con.cursor()
        self._local = threading.local()

    def close(self) -> None:
        if self.owned:
            self.store.close()

    def cursor(self):
        cur = getattr(self._local, "cur", None)
        if cur is None:
            cur = self._local.cur = self._root.cursor()
        return cur


def iso_date(name: str, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD date, or a 422 that names the parameter and the value."""
    if not value:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"query.{name}: {value[:40]!r} is not an ISO date (YYYY-MM-DD)") from None


async def filters(
    place: Annotated[str | None, Query(description="place name (settlement), e.g. Maarrat al-Numan")] = None,
    admin1: Annotated[str | None, Query(description="governorate, e.g. Idlib (OCHA spellings accepted)")] = None,
    start: Annotated[str | None, Query(description="ISO date YYYY-MM-DD: periods ending on or after it",
                                       examples=["2019-04-26"])] = None,
    end: Annotated[str | None, Query(description="ISO date YYYY-MM-DD: periods starting on or before it",
                                     examples=["2019-06-29"])] = None,
    outcome: Annotated[Outcome | None, Query(description="killed, injured or displaced")] = None,
    victims: Annotated[Victims | None, Query(description="victim group")] = None,
    source: Annotated[str | None, Query(description="attributed source, e.g. SOHR")] = None,
    actor: Annotated[str | None, Query(description="who caused it, e.g. Syrian government")] = None,
) -> FigureFilter:
    first, last = iso_date("start", start), iso_date("end", end)
    if first and last and first > last:
        raise HTTPException(400, f"start {first} is after end {last}")
    return FigureFilter(
        place=place or None,
        admin1=admin1 or None,
        start=first,
        end=last,
        outcome=str(outcome) if outcome else None,
        victims=str(victims) if victims else None,
        source=source or None,
        actor=actor or None,
    )


Filter = Annotated[FigureFilter, Depends(filters)]
Limit = Annotated[int, Query(ge=1, le=1000, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
ERRORS = {code: {"model": models.ErrorOut} for code in (400, 404, 414, 422, 500)}


def default_boundaries() -> Callable[[int], dict]:
    """``wartally.geo.boundaries_geojson``: the packaged admin boundaries."""
    return boundaries_geojson


def create_app(
    db: str | Path,
    *,
    boundaries: Callable[[int], dict] | None = None,
    tiles: str | None = None,
    accounts: bool | None = None,
    store=None,
    live: Live | None = None,
) -> FastAPI:
    """The application over the store at ``db`` (opened read-only).

    ``boundaries(level)`` returns admin boundaries as GeoJSON (default: the
    geo package's); ``tiles`` is an optional online tile URL template that
    the page offers as a background layer (none by default: offline);
    ``accounts``: whether signed-in editors may correct the store, which is
    then opened for writing (default: when the store has accounts).
    ``store`` and ``live``: a store that a writer in this process holds
    open, and the ``Live`` it bumps after each commit (docs/live.md)."""
    if store is not None:
        conns = _Connections(db, store=store)
    else:
        conns = _Connections(db, read_only=not (has_accounts(db) if accounts is None else accounts))
    live = live or Live(last_written(conns.cursor()))
    boundaries = boundaries or default_boundaries()
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        conns.close()

    app = FastAPI(
        lifespan=lifespan,
        title="wartally",
        version="1",
        summary="Sourced, deduplicated, mapped casualty and displacement figures.",
        description="Every list answers {items, total}; every error answers {error: {status, code, message}}.",
        responses=ERRORS,
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: the page must work offline
        redoc_url=None,
    )
    app.add_middleware(_QueryLimitMiddleware, max_bytes=MAX_QUERY_BYTES)
    app.add_middleware(_HeadersMiddleware, headers=security_headers(tiles))
    add_live_routes(app, live, conns.cursor)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        code = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_parameter"}.get(
            exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "reason": e.get("msg", ""), "input": _short(e.get("input"))}
            for e in exc.errors()
        ]
        message = "; ".join(f"{d['where']}: {d['reason']}" for d in details)
        return error_response(422, "invalid_parameter", message, details)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        import logging

        logging.getLogger("wartally.serve").exception("%s %s failed", request.method, request.url.path)
        return error_response(500, "internal_error", "the server failed to answer this request")

    cache = _Answers()

    async def answer(key: tuple, compute: Callable[[], Any], missing: str | None = None) -> Response:
        """The JSON of ``compute()`` (run off the event loop), cached by key."""
        version = live.version  # answers cached under an older version are stale
        cache.keep_only(version)
        body = cache.get(key)
        if body is None:
            value = await run_in_threadpool(compute)
            if value is None and missing:
                raise HTTPException(404, missing)
            body = json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
            if live.version == version:
                cache.put(key, body)
        return Response(body, media_type="application/json")

    def paged(name: str, flt: FigureFilter, limit: int, offset: int) -> Callable[[], dict]:
        def compute() -> dict:
            items, total = getattr(queries, name)(conns.cursor(), flt, limit=limit, offset=offset)
            return {"items": items, "total": total}

        return compute

    @app.get("/api/figures", response_model=models.FigurePage, tags=["figures"])
    async def list_figures(flt: Filter, limit: Limit = 100, offset: Offset = 0):
        """Figures passing the filters, oldest first."""
        return await answer(("figures", flt, limit, offset), paged("select_figures", flt, limit, offset))

    @app.get("/api/events", response_model=models.EventPage, tags=["events"])
    async def list_events(flt: Filter, limit: Limit = 100, offset: Offset = 0):
        """Events with at least one figure passing the filters, oldest first."""
        return await answer(("events", flt, limit, offset), paged("select_events", flt, limit, offset))

    @app.get("/api/events/{event_id}", response_model=models.EventDetail, tags=["events"])
    async def one_event(event_id: str):
        """One event: counts, the figures of every report, and the linking evidence."""
        return await answer(("event", event_id), lambda: queries.get_event(conns.cursor(), event_id),
                            f"no event {event_id!r}")

    @app.get("/api/documents/{doc_id:path}", response_model=models.DocumentOut, tags=["documents"])
    async def one_document(doc_id: str):
        """One article: its text, its figures, and the other reports of the same events."""
        return await answer(("document", doc_id), lambda: queries.get_document(conns.cursor(), doc_id),
                            f"no document {doc_id!r}")

    @app.get("/api/disagreements", response_model=models.DisagreementPage, tags=["disagreements"])
    async def list_disagreements(flt: Filter, limit: Limit = 100, offset: Offset = 0,
                                 scope: Annotated[Literal["tally", "incident", "all"], Query(
                                     description="tally: running totals that disagree (default); incident: rival tolls "
                                                 "of one incident, candidates to review; all: both")] = "tally"):
        """Tallies from different sources over overlapping periods and areas, side by side."""

        def compute() -> dict:
            items, total = queries.select_disagreements(conns.cursor(), flt, limit=limit, offset=offset, scope=scope)
            return {"items": items, "total": total}

        return await answer(("disagreements", flt, limit, offset, scope), compute)

    @app.get("/api/tallies", response_model=models.TallyPage, tags=["disagreements"])
    async def tallies(flt: Filter):
        """Each source's running totals over time (SOHR's war toll): one line
        per series, a point per date an article gave it."""

        def compute() -> dict:
            items = queries.tallies(conns.cursor(), flt)
            return {"items": items, "total": len(items)}

        return await answer(("tallies", flt), compute)

    @app.get("/api/timeline", response_model=models.Timeline, tags=["figures"])
    async def timeline(flt: Filter):
        """People per day by outcome and victim group (incident figures of at most 7 days)."""

        def compute() -> dict:
            items = queries.timeline(conns.cursor(), flt)
            return {"items": items, "total": len(items)}

        return await answer(("timeline", flt), compute)

    @app.get("/api/stats", tags=["stats"])
    async def stats(flt: Filter):
        """Counts of what passes the filters: figures by outcome, victims, admin1
        and source, reconciled event totals; and the actors present."""
        return await answer(("stats", flt), lambda: queries.stats(conns.cursor(), flt))

    @app.get("/api/boundaries/{level}", tags=["map"])
    def boundary(level: int, request: Request):
        """Boundaries as GeoJSON: 0 the world's countries; Syria's 1 governorates, 2 districts, 3 subdistricts."""
        if level not in BOUNDARY_LEVELS:
            raise HTTPException(404, f"no boundary level {level}; levels are 0, 1, 2, 3")
        if boundaries is None:
            raise HTTPException(404, "admin boundaries are not available (the geo package is not built)")
        plain, packed = _boundary_bytes(boundaries, level)
        headers = {"cache-control": "public, max-age=86400", "vary": "accept-encoding"}
        if "gzip" in request.headers.get("accept-encoding", ""):
            return Response(packed, media_type="application/geo+json", headers=headers | {"content-encoding": "gzip"})
        return Response(plain, media_type="application/geo+json", headers=headers)

    mount_review(app, conns, cache.clear)

    @app.get("/api/config", include_in_schema=False)
    def config() -> dict:
        return {"tiles": tiles, "boundaries": boundaries is not None}

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str):
        raise HTTPException(404, f"no API endpoint /api/{rest}")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.state.connections = conns
    app.state.live = live
    app.state.answers = cache
    return app


ENTRY_OVERHEAD = 512  # bytes an entry costs besides its key's text and its body (dict slot, tuple, objects)


def entry_size(key: tuple, body: bytes) -> int:
    """What one cached answer costs: its body, the text of its key (the
    user's filter values) and a fixed overhead."""
    return len(body) + len(repr(key).encode("utf-8", "replace")) + ENTRY_OVERHEAD


class _Answers:
    """Answers (JSON bytes) by request, least recently used dropped first,
    at most ``max_entries`` of them and ``max_bytes`` counting keys as well
    as bodies (so that many requests with long filter values cannot grow it
    either).  An answer larger than the whole budget is not kept.  Touched
    only from the event loop's thread."""

    def __init__(self, max_bytes: int = 64 * 2**20, max_entries: int = 4096):
        self._items: OrderedDict[tuple, tuple[bytes, int]] = OrderedDict()
        self._bytes = 0
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.version = 0

    def keep_only(self, version: int) -> None:
        """Forget every answer when the record's version moved on."""
        if version != self.version:
            self._items.clear()
            self._bytes = 0
            self.version = version

    def __len__(self) -> int:
        return len(self._items)

    @property
    def bytes(self) -> int:
        return self._bytes

    def get(self, key: tuple) -> bytes | None:
        got = self._items.get(key)
        if got is None:
            return None
        self._items.move_to_end(key)
        return got[0]

    def clear(self) -> None:
        """Forget every answer (the store was written)."""
        self._items.clear()
        self._bytes = 0

    def put(self, key: tuple, body: bytes) -> bytes:
        if key in self._items:
            return body
        size = entry_size(key, body)
        if size > self.max_bytes:
            return body
        self._items[key] = (body, size)
        self._bytes += size
        while self._bytes > self.max_bytes or len(self._items) > self.max_entries:
            _, (_, old) = self._items.popitem(last=False)
            self._bytes -= old
        return body


class _QueryLimitMiddleware:
    """A request whose query string is over ``max_bytes`` is answered 414
    in the API's error shape before any route sees it."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and len(scope.get("query_string", b"")) > self.max_bytes:
            response = error_response(
                414, "uri_too_long", f"the query string is {len(scope['query_string'])} bytes, over the "
                f"{self.max_bytes}-byte limit")
            return await response(scope, receive, send)
        return await self.app(scope, receive, send)


class _HeadersMiddleware:
    """Adds the security headers to every response (plain ASGI: cheap)."""

    def __init__(self, app, headers: dict[str, str]):
        self.app = app
        self.headers = [(k.encode(), v.encode()) for k, v in headers.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


@functools.lru_cache(maxsize=8)
def _boundary_bytes(boundaries: Callable[[int], dict], level: int) -> tuple[bytes, bytes]:
    import gzip

    plain = json.dumps(boundaries(level), separators=(",", ":")).encode()
    return plain, gzip.compress(plain, 6)


def _short(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 80:
        return value[:80] + "…"
    return value if isinstance(value, (str, int, float, type(None))) else str(value)[:80]
