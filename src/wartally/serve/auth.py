"""Sessions for editing in the page: who is signed in, and whether a write
is theirs.

* A session is a cookie ``wartally_session`` holding the user's name, an
  expiry time and a random nonce, signed with HMAC-SHA256 by a secret the
  server draws at start (or ``WARTALLY_SECRET``); HttpOnly, SameSite=Strict,
  Secure when served over https.  A forged, altered or expired cookie is no
  session (401).  Signing out revokes the nonce.
* Every write carries ``X-CSRF-Token``, an HMAC of the session's nonce that
  only the page (which reads it from ``/api/session``) knows; a write
  without it, or with another, is refused (403).
* The user's role is read from the store on every request, so a changed
  role takes effect at once; a role too low for an action is 403.
* Sign-in attempts are limited: after ``MAX_FAILURES`` failures in
  ``WINDOW`` seconds from one address or for one name, the next attempt is
  refused (429) without checking the password.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass

COOKIE = "wartally_session"
CSRF_HEADER = "x-csrf-token"
SESSION_SECONDS = 8 * 3600
MAX_FAILURES = 10
WINDOW = 60.0


@dataclass(frozen=True, slots=True)
class Session:
    user: str
    nonce: str
    expires: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Sessions:
    """Signing and checking session cookies and CSRF tokens."""

    def __init__(self, secret: bytes | None = None, *, seconds: int = SESSION_SECONDS):
        env = os.environ.get("WARTALLY_SECRET")
        self.secret = secret or (env.encode() if env else secrets.token_bytes(32))
        self.seconds = seconds
        self._revoked: set[str] = set()

    def _mac(self, purpose: str, data: bytes) -> bytes:
        return hmac.new(self.secret, purpose.encode() + b"\0" + data, hashlib.sha256).digest()

    def issue(self, user: str, now: float | None = None) -> tuple[str, Session]:
        now = time.time() if now is None else now
        s = Session(user, secrets.token_urlsafe(16), int(now) + self.seconds)
        body = json.dumps({"u": s.user, "n": s.nonce, "e": s.expires}, separators=(",", ":")).encode()
        return f"{_b64(body)}.{_b64(self._mac('session', body))}", s

    def read(self, cookie: str | None, now: float | None = None) -> Session | None:
        """The session of a cookie, or None when it is absent, forged,
        altered, expired or revoked."""
        if not cookie or cookie.count(".") != 1 or len(cookie) > 1000:
            return None
        body64, mac64 = cookie.split(".")
        try:
            body, mac = _unb64(body64), _unb64(mac64)
            if not hmac.compare_digest(mac, self._mac("session", body)):
                return None
            d = json.loads(body)
            s = Session(str(d["u"]), str(d["n"]), int(d["e"]))
        except (ValueError, KeyError, TypeError):
            return None
        if s.expires < (time.time() if now is None else now) or s.nonce in self._revoked:
            return None
        return s

    def csrf(self, session: Session) -> str:
        return _b64(self._mac("csrf", session.nonce.encode()))

    def csrf_ok(self, session: Session, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(str(token), self.csrf(session))

    def revoke(self, session: Session) -> None:
        self._revoked.add(session.nonce)


class Attempts:
    """Failed sign-ins per key (address, name) in a sliding window."""

    def __init__(self, limit: int = MAX_FAILURES, window: float = WINDOW):
        self.limit, self.window = limit, window
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._fails.setdefault(key, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def blocked(self, *keys: str, now: float | None = None) -> float:
        """Seconds until another attempt is allowed (0: allowed now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            waits = [self.window - (now - q[0]) for k in keys if len(q := self._recent(k, now)) >= self.limit]
        return max(waits, default=0.0)

    def failed(self, *keys: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            for k in keys:
                self._recent(k, now).append(now)
            if len(self._fails) > 100_000:  # a flood of names: forget the quiet ones
                for k in [k for k, q in self._fails.items() if not q]:
                    del self._fails[k]
