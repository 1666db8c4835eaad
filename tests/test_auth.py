"""Accounts and sessions against a real server (uvicorn on a free localhost
port) over a real store: who may write, CSRF, forged and expired sessions,
the sign-in rate limit, roles, the read-only audit trail, and two editors
on one figure."""
from __future__ import annotations

import contextlib
import shutil
import threading
import time

import httpx
import pytest

from test_review_corrections import fill
from wartally.review.accounts import add_user
from wartally.serve.auth import COOKIE, Attempts, Sessions
from wartally.store import Store

PASSWORDS = {"vera": "viewer-password-1", "eddie": "editor-password-1", "ada": "admin-password-1",
             "erin": "editor-password-2"}
ROLES = {"vera": "viewer", "eddie": "editor", "ada": "admin", "erin": "editor"}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db):
    import uvicorn

    from wartally.serve.app import create_app

    app = create_app(db)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def accounts_db(tmp_path_factory):
    db = fill(tmp_path_factory.mktemp("auth") / "auth.duckdb")
    with Store(db) as store:
        for name, role in ROLES.items():
            add_user(store.con, name, role, PASSWORDS[name])
    return db


@pytest.fixture
def server(accounts_db, tmp_path):
    db = tmp_path / "served.duckdb"
    shutil.copy(accounts_db, db)
    with serving(db) as (url, app):
        yield url, app


def signed_in(url: str, name: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=url)
    r = client.post("/api/login", json={"name": name, "password": PASSWORDS[name]})
    assert r.status_code == 200, r.text
    return client, r.json()["csrf"]


def a_figure(url: str) -> dict:
    items = httpx.get(url + "/api/review/queue?limit=50").json()["items"]
    return next(f for f in items if f["doc_id"] == "ariha-1" and f["n"] == 12)


def test_auth_login_sets_signed_httponly_samesite_cookie(server):
    url, _ = server
    client = httpx.Client(base_url=url)
    r = client.post("/api/login", json={"name": "eddie", "password": PASSWORDS["eddie"]})
    assert r.status_code == 200 and r.json()["role"] == "editor" and r.json()["csrf"]
    cookie = r.headers["set-cookie"].lower()
    assert f"{COOKIE}=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert PASSWORDS["eddie"] not in r.headers["set-cookie"]
    assert client.get("/api/session").json()["user"] == "eddie"
    assert httpx.get(url + "/api/session").json()["user"] is None  # another browser: nobody


@pytest.mark.parametrize("name,password", [("eddie", "wrong-password"), ("nobody", "editor-password-1"),
                                           ("eddie", "EDITOR-PASSWORD-1")])
def test_auth_wrong_name_or_password_is_401(server, name, password):
    url, _ = server
    r = httpx.post(url + "/api/login", json={"name": name, "password": password})
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert "set-cookie" not in r.headers


def test_auth_anonymous_write_is_401_and_changes_nothing(server):
    url, _ = server
    fig = a_figure(url)
    r = httpx.post(url + f"/api/review/figures/{fig['id']}/decision", json={"decision": "reject"})
    assert r.status_code == 401
    assert a_figure(url)["review_status"] is None


def test_auth_viewer_write_is_403(server):
    url, _ = server
    client, csrf = signed_in(url, "vera")
    fig = a_figure(url)
    r = client.post(f"/api/review/figures/{fig['id']}/decision", json={"decision": "reject"},
                    headers={"x-csrf-token": csrf})
    assert r.status_code == 403 and "editor" in r.json()["error"]["message"]
    assert client.get("/api/review/users").status_code == 403  # admin only
    admin, _ = signed_in(url, "ada")
    assert {u["name"] for u in admin.get("/api/review/users").json()["items"]} == set(ROLES)


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_auth_write_without_the_csrf_token_is_403(server, token):
    url, _ = server
    client, _ = signed_in(url, "eddie")
    fig = a_figure(url)
    headers = {} if token is None else {"x-csrf-token": token}
    r = client.post(f"/api/review/figures/{fig['id']}/decision", json={"decision": "reject"}, headers=headers)
    assert r.status_code == 403 and "CSRF" in r.json()["error"]["message"]
    assert a_figure(url)["review_status"] is None


def test_auth_forged_or_expired_session_is_401(server):
    url, app = server
    client, csrf = signed_in(url, "eddie")
    fig = a_figure(url)
    good = client.cookies[COOKIE]
    body, mac = good.split(".")
    forged_user = Sessions(b"another server's secret").issue("ada")[0]
    expired = app.state.sessions.issue("eddie", now=time.time() - 9 * 3600)[0]
    for cookie in (body + "x." + mac, forged_user, expired, "garbage"):
        r = httpx.post(url + f"/api/review/figures/{fig['id']}/decision", json={"decision": "reject"},
                       headers={"x-csrf-token": csrf}, cookies={COOKIE: cookie})
        assert r.status_code == 401, cookie
    ok = client.post(f"/api/review/figures/{fig['id']}/decision", json={"decision": "reject"},
                     headers={"x-csrf-token": csrf})
    assert ok.status_code == 200  # the genuine session still works
    client.post("/api/logout", headers={"x-csrf-token": csrf})
    r = httpx.post(url + f"/api/review/figures/{fig['id']}/decision", json={"decision": "accept"},
                   headers={"x-csrf-token": csrf}, cookies={COOKIE: good})
    assert r.status_code == 401  # signed out: the old cookie is revoked


def test_auth_eleventh_wrong_password_in_a_minute_is_refused(server):
    url, _ = server
    codes = [httpx.post(url + "/api/login", json={"name": "erin", "password": f"guess-{i}"}).status_code
             for i in range(11)]
    assert codes == [401] * 10 + [429]
    r = httpx.post(url + "/api/login", json={"name": "erin", "password": PASSWORDS["erin"]})
    assert r.status_code == 429  # even the right password waits


def test_auth_attempts_window_slides():
    a = Attempts(limit=3, window=60)
    for t in (0, 1, 2):
        a.failed("ip:x", now=t)
    assert a.blocked("ip:x", now=30) > 0 and a.blocked("ip:y", now=30) == 0
    assert a.blocked("ip:x", now=60.5) == 0  # the first failure left the window


def test_auth_audit_trail_cannot_be_edited_through_the_api(server):
    url, _ = server
    client, csrf = signed_in(url, "ada")
    fig = a_figure(url)
    assert client.post(f"/api/review/figures/{fig['id']}/decision", json={"decision": "reject", "reason": "x"},
                       headers={"x-csrf-token": csrf}).status_code == 200
    log = client.get("/api/review/log").json()["items"]
    assert [(c["editor"], c["kind"], c["after"]) for c in log] == [("ada", "reject", "rejected")]
    h = {"x-csrf-token": csrf}
    for method, path in [("PUT", "/api/review/log"), ("DELETE", "/api/review/log"), ("PATCH", "/api/review/log"),
                         ("POST", "/api/review/log"), ("DELETE", f"/api/review/corrections/{log[0]['seq']}"),
                         ("PUT", f"/api/review/corrections/{log[0]['seq']}")]:
        r = client.request(method, path, json={"editor": "someone else", "after": "accepted"}, headers=h)
        assert r.status_code in (404, 405), (method, path, r.status_code)
    r = client.post(f"/api/review/figures/{fig['id']}/decision", json={"decision": "accept", "seq": 1, "at": "x"},
                    headers=h)
    assert r.status_code == 422  # a body cannot set the trail's own fields
    assert client.get("/api/review/log").json()["items"] == log
    assert httpx.get(url + "/api/review/log").status_code == 401  # and anonymous visitors do not read it


def test_auth_second_editor_gets_409_with_the_first_change(server):
    url, _ = server
    first, t1 = signed_in(url, "eddie")
    second, t2 = signed_in(url, "erin")
    fig = a_figure(url)
    seen = first.get(f"/api/review/figures/{fig['id']}").json()["version"]
    assert second.get(f"/api/review/figures/{fig['id']}").json()["version"] == seen
    r1 = first.post(f"/api/review/figures/{fig['id']}/edit", json={"field": "n", "value": 11, "version": seen},
                    headers={"x-csrf-token": t1})
    assert r1.status_code == 200
    r2 = second.post(f"/api/review/figures/{fig['id']}/edit", json={"field": "n", "value": 10, "version": seen},
                     headers={"x-csrf-token": t2})
    assert r2.status_code == 409
    err = r2.json()["error"]
    assert err["code"] == "conflict" and err["current"]["n"] == 11 and err["current"]["version"] == seen + 1
    assert httpx.get(url + f"/api/review/figures/{fig['id']}").json()["n"] == 11
    # the read API shows the corrected value at once (its answers are not stale)
    figs = httpx.get(url + "/api/figures?limit=100").json()["items"]
    assert next(f for f in figs if f["id"] == fig["id"])["n"] == 11


def test_auth_hostile_bodies_are_422_not_500(server):
    url, _ = server
    client, csrf = signed_in(url, "eddie")
    fig = a_figure(url)
    h = {"x-csrf-token": csrf}
    for body in ({"field": "n", "value": "1e9"}, {"field": "place", "value": {"gazetteer_id": "<script>"}},
                 {"field": "n", "value": 5, "version": -1}, {"nonsense": True}):
        r = client.post(f"/api/review/figures/{fig['id']}/edit", json=body, headers=h)
        assert r.status_code == 422, (body, r.text)
    r = client.post("/api/review/documents/ariha-1/figures", headers=h,
                    json={"start": 0, "end": 10_000, "outcome": "killed", "victims": "men"})
    assert r.status_code == 422
    assert client.post("/api/review/figures/nope/decision", json={"decision": "reject"}, headers=h).status_code == 404


def test_auth_store_without_accounts_is_served_read_only(tmp_path):
    from wartally.serve.commands import exposure_warning

    db = fill(tmp_path / "plain.duckdb")
    with serving(db) as (url, app):
        assert app.state.connections.store.read_only
        assert httpx.get(url + "/api/session").json() == {"user": None, "role": None, "csrf": None,
                                                          "writable": False}
    assert exposure_warning("0.0.0.0", accounts=False) and "users add" in exposure_warning("0.0.0.0", False)
    assert exposure_warning("127.0.0.1", accounts=False) is None
    assert exposure_warning("0.0.0.0", accounts=True) is None
