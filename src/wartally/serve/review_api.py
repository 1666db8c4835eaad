"""The review API: sign-in, the review queue and the corrections an editor
makes in the page (``/review``).  Reads are open like the rest of the API;
every write needs a session, its CSRF token and the editor role (see
``auth``).  The audit trail has no route that changes it."""

import threading
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from wartally.serve.auth import COOKIE, CSRF_HEADER, Attempts, Session, Sessions
from wartally.store import Store
from wartally.review.accounts import has_users
from wartally.store.review.apply import orphans
from wartally.store.review.corrections import read_log
from wartally.store import codec
from wartally.review.places import candidates
from wartally.review.queue import queue
from wartally.store.review.corrections import ReviewError
from wartally.review import accounts, actions

STATIC = Path(__file__).parent / "static"
STATUS = {"not_found": 404, "conflict": 409, "invalid": 422}
Id = Annotated[str, Field(min_length=1, max_length=200)]
Reason = Annotated[str | None, Field(default=None, max_length=500)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Login(_Body):
    name: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=1000)]


class Decision(_Body):
    decision: Literal["accept", "reject"]
    version: Annotated[int | None, Field(ge=0)] = None
    reason: Reason = None


class Edit(_Body):
    field: Annotated[str, Field(max_length=20)]
    value: Any = None
    version: Annotated[int | None, Field(ge=0)] = None
    reason: Reason = None


class NewFigure(_Body):
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=1)]
    outcome: Annotated[str, Field(max_length=20)]
    victims: Annotated[str, Field(max_length=20)]
    n: Annotated[int | None, Field(ge=0)] = None
    qualifier: Annotated[str, Field(max_length=20)] = "exact"
    reason: Reason = None


class Merge(_Body):
    events: Annotated[list[Id], Field(min_length=2, max_length=20)]
    reason: Reason = None


class Split(_Body):
    figures: Annotated[list[Id], Field(min_length=1, max_length=200)]
    reason: Reason = None


class Verdict(_Body):
    real: bool
    reason: Reason = None


def _error(status: int, code: str, message: str, current: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if current is not None:
        body["current"] = current
    return JSONResponse({"error": body}, status_code=status)


def mount_review(app: FastAPI, conns: Any, forget: Any, *, sessions: Sessions | None = None,
                 attempts: Attempts | None = None) -> None:
    """Add the review routes to ``app`` over the store of ``conns`` (opened
    for writing when it has accounts); ``forget()`` empties the answer cache
    after a write."""
    sessions = sessions or Sessions()
    attempts = attempts or Attempts()
    write_lock = threading.Lock()
    router = APIRouter(tags=["review"])
    app.state.sessions, app.state.attempts = sessions, attempts

    def who(request: Request) -> tuple[Session | None, str | None]:
        s = sessions.read(request.cookies.get(COOKIE))
        if s is None:
            return None, None
        role = accounts.role_of(conns.cursor(), s.user)
        return (s, role) if role else (None, None)

    def needs(role: str):
        def check(request: Request) -> str:
            s, have = who(request)
            if s is None:
                raise HTTPException(401, "sign in to do this")
            if not sessions.csrf_ok(s, request.headers.get(CSRF_HEADER)) and request.method != "GET":
                raise HTTPException(403, "the CSRF token is missing or wrong: reload the page")
            if accounts.RANK[have] < accounts.RANK[role]:
                raise HTTPException(403, f"this needs the {role} role; you are {have}")
            return s.user
        return check

    Editor = Annotated[str, Depends(needs("editor"))]
    Viewer = Annotated[str, Depends(needs("viewer"))]
    Admin = Annotated[str, Depends(needs("admin"))]

    async def write(do) -> Any:
        def run() -> Any:
            with write_lock:
                if conns.store.read_only:
                    raise HTTPException(403, "this server is read-only (no accounts in the store)")
                try:
                    return {"correction": do()}
                except ReviewError as exc:
                    current = exc.current() if callable(exc.current) else exc.current
                    return _error(STATUS.get(exc.code, 400), exc.code, exc.reason, current)

        try:
            return await run_in_threadpool(run)
        finally:
            forget()  # on the event loop's thread, like every use of the cache

    @router.get("/review", include_in_schema=False)
    def page():
        return FileResponse(STATIC / "review.html", headers={"cache-control": "no-cache"})

    @router.get("/api/session")
    def session(request: Request):
        """Who is signed in (null when nobody), their role and the CSRF token for writes."""
        s, role = who(request)
        writable = not conns.store.read_only
        if s is None:
            return {"user": None, "role": None, "csrf": None, "writable": writable}
        return {"user": s.user, "role": role, "csrf": sessions.csrf(s), "writable": writable}

    @router.post("/api/login")
    async def login(body: Login, request: Request):
        """Sign in: sets the session cookie; 401 on a wrong name or password, 429 when rate-limited."""
        keys = (f"ip:{request.client.host if request.client else '?'}", f"name:{body.name.lower()}")
        wait = attempts.blocked(*keys)
        if wait:
            return _error(429, "too_many_attempts", f"too many failed sign-ins: try again in {int(wait) + 1} s")
        role = await run_in_threadpool(accounts.check_password, conns.cursor(), body.name, body.password)
        if role is None:
            attempts.failed(*keys)
            return _error(401, "unauthorized", "wrong name or password")
        cookie, s = sessions.issue(body.name)
        resp = JSONResponse({"user": s.user, "role": role, "csrf": sessions.csrf(s)})
        resp.set_cookie(COOKIE, cookie, max_age=sessions.seconds, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/")
        return resp

    @router.post("/api/logout")
    def logout(request: Request, user: Viewer):
        s, _ = who(request)
        if s is not None:
            sessions.revoke(s)
        resp = JSONResponse({"user": None})
        resp.delete_cookie(COOKIE, path="/")
        return resp

    @router.get("/api/review/queue")
    def review_queue(limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Annotated[int, Query(ge=0)] = 0,
                     unreviewed: bool = False):
        """Figures to review, most important first (docs/review.md)."""
        items, total = queue(conns.cursor(), limit=limit, offset=offset, unreviewed_only=unreviewed)
        return {"items": items, "total": total}

    @router.get("/api/review/figures/{figure_id}")
    def review_figure(figure_id: str):
        """One figure as an editor sees it, with its version."""
        try:
            return actions.figure_state(conns.cursor(), figure_id)
        except ReviewError as exc:
            return _error(STATUS.get(exc.code, 400), exc.code, exc.reason)

    @router.get("/api/review/places")
    def places(q: Annotated[str, Query(min_length=2, max_length=100)]):
        """Gazetteer places of a name, to pick one for a figure."""
        return {"items": [codec.encode(p) for p in candidates(q)]}

    @router.get("/api/review/log")
    def audit(user: Viewer, doc: Annotated[str | None, Query(max_length=500)] = None,
              limit: Annotated[int, Query(ge=1, le=5000)] = 500):
        """The audit trail, oldest first (read only: no route changes it)."""
        items = [c.to_json() for c in read_log(conns.cursor(), doc_ids=[doc] if doc else None, limit=limit)]
        return {"items": items, "total": len(items)}

    @router.get("/api/review/orphans")
    def orphan_list(user: Viewer):
        """Corrections whose text no longer matches, for a second look."""
        items = [o.to_json() for o in orphans(conns.cursor())]
        return {"items": items, "total": len(items)}

    @router.get("/api/review/users")
    def users(user: Admin):
        items = accounts.list_users(conns.cursor())
        return {"items": items, "total": len(items)}

    @router.post("/api/review/figures/{figure_id}/decision")
    async def decide(figure_id: str, body: Decision, user: Editor):
        """Accept or reject a figure (409 with the figure as it is now when its version moved on)."""
        return await write(lambda: actions.decide(conns.store, figure_id, body.decision, editor=user,
                                                  reason=body.reason, version=body.version))

    @router.post("/api/review/figures/{figure_id}/edit")
    async def edit(figure_id: str, body: Edit, user: Editor):
        """Set one field of a figure."""
        return await write(lambda: actions.edit(conns.store, figure_id, body.field, body.value, editor=user,
                                                reason=body.reason, version=body.version))

    @router.post("/api/review/documents/{doc_id:path}/figures")
    async def add(doc_id: str, body: NewFigure, user: Editor):
        """Add a figure the extractor missed, from words selected in the article."""
        values = {"outcome": body.outcome, "victims": body.victims, "qualifier": body.qualifier}
        if body.n is not None:
            values["n"] = body.n
        return await write(lambda: actions.add(conns.store, doc_id, body.start, body.end, values, editor=user,
                                               reason=body.reason))

    @router.post("/api/review/events/merge")
    async def merge(body: Merge, user: Editor):
        """These events are one incident."""
        return await write(lambda: actions.merge(conns.store, body.events, editor=user, reason=body.reason))

    @router.post("/api/review/events/{event_id}/split")
    async def split(event_id: str, body: Split, user: Editor):
        """These figures of an event are an incident of their own."""
        return await write(lambda: actions.split(conns.store, event_id, body.figures, editor=user,
                                                 reason=body.reason))

    @router.post("/api/review/disagreements/{dis_id}/verdict")
    async def verdict(dis_id: str, body: Verdict, user: Editor):
        """Whether a disagreement between two tallies is real."""
        return await write(lambda: actions.verdict(conns.store, dis_id, body.real, editor=user,
                                                   reason=body.reason))

    app.include_router(router)


def has_accounts(db: str | Path) -> bool:
    """Whether the store has any account (opened read-only for a moment)."""
    with Store(db, read_only=True) as store:
        return has_users(store.con)
