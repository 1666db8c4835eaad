"""Analysts' accounts, kept in the store: a name, a role and an argon2 hash
of the password (argon2-cffi); never the password itself.

Roles: ``viewer`` may sign in and read; ``editor`` may also correct;
``admin`` may also read the accounts list."""
from __future__ import annotations

import re
from typing import Any

from wartally.store.review.corrections import ReviewError

ROLES = ("viewer", "editor", "admin")
RANK = {r: i for i, r in enumerate(ROLES)}
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")
MIN_PASSWORD = 10


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def add_user(con: Any, name: str, role: str, password: str, *, replace: bool = False) -> None:
    """Create an account (or, with ``replace``, set its role and password)."""
    if not _NAME.match(name or ""):
        raise ReviewError("invalid", "a user name is 2-64 letters, digits or _ . @ -")
    if role not in ROLES:
        raise ReviewError("invalid", f"role {role!r} is not one of {', '.join(ROLES)}")
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise ReviewError("invalid", f"a password has at least {MIN_PASSWORD} characters")
    exists = con.execute("SELECT count(*) FROM users WHERE name = ?", [name]).fetchone()[0]
    if exists and not replace:
        raise ReviewError("invalid", f"user {name!r} exists already (use --replace to reset it)")
    digest = _hasher().hash(password)
    if exists:
        con.execute("UPDATE users SET role = ?, password_hash = ? WHERE name = ?", [role, digest, name])
    else:
        con.execute("INSERT INTO users (name, role, password_hash) VALUES (?, ?, ?)", [name, role, digest])


def check_password(con: Any, name: str, password: str) -> str | None:
    """The user's role when ``password`` is theirs, else None (the same time
    is spent on an unknown name, so a wrong name and a wrong password look
    alike)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    got = con.execute("SELECT role, password_hash FROM users WHERE name = ?", [name]).fetchone()
    hasher = _hasher()
    digest = got[1] if got else _dummy_hash()
    try:
        hasher.verify(digest, password)
    except (VerificationError, InvalidHashError):
        return None
    return got[0] if got else None


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(_hasher().hash("not anybody's password"))
    return _DUMMY[0]


def role_of(con: Any, name: str) -> str | None:
    got = con.execute("SELECT role FROM users WHERE name = ?", [name]).fetchone()
    return got[0] if got else None


def list_users(con: Any) -> list[dict[str, Any]]:
    cur = con.execute("SELECT name, role, created_at FROM users ORDER BY name")
    return [{"name": n, "role": r, "created_at": c.isoformat() if c else None} for n, r, c in cur.fetchall()]


def has_users(con: Any) -> bool:
    try:
        return bool(con.execute("SELECT count(*) FROM users").fetchone()[0])
    except Exception:  # a store from before accounts existed
        return False
