"""The user's cache folder: values derived from shipped files and kept
between runs, as ``.pyc`` files keep compiled modules (compiled regular
expressions, the gazetteer's parsed indexes).

The folder is ``$WARTALLY_CACHE_DIR`` when set (empty: keep nothing), else
``$XDG_CACHE_HOME/wartally`` or ``~/.cache/wartally``.  A kept value is a
pure function of what its file name's tag covers; anything wrong with a
file (missing, damaged, unwritable folder) means computing the value as if
nothing were kept.  Files are written atomically (a temporary file renamed
into place), so that processes running at once never read half a file.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path


def folder() -> Path | None:
    """Where kept values live, or None when the user keeps none."""
    chosen = os.environ.get("WARTALLY_CACHE_DIR")
    if chosen is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        chosen = os.path.join(base, "wartally")
    return Path(chosen) if chosen else None


def tag(*parts: bytes | str) -> str:
    """A short digest of ``parts`` and the interpreter (marshal's format
    and bytecode tag), for a file name: a change to any makes a new file.
    (SHA-1 as a fingerprint, not for security: with the CPU's SHA
    instructions, as OpenSSL uses them, it reads the 5 MB gazetteer at every
    start in a third of the time Python's own BLAKE2 takes.)"""
    h = hashlib.sha1(usedforsecurity=False)
    h.update(f"{sys.implementation.cache_tag}-{marshal.version}".encode())
    for p in parts:
        h.update(p.encode() if isinstance(p, str) else p)
        h.update(b"\0")
    return h.hexdigest()[:16]


def source_of(path: str | Path) -> bytes:
    """A source file's bytes for a tag (its name when it cannot be read)."""
    try:
        return Path(path).read_bytes()
    except OSError:
        return str(path).encode()


def read(name: str):
    """The value kept under ``name``, or None when there is none (or it
    cannot be read back)."""
    where = folder()
    if where is None:
        return None
    try:
        return marshal.loads((where / name).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write(name: str, value) -> bool:
    """Keep ``value`` (built of what marshal writes: str, bytes, numbers,
    tuples, lists, dicts, sets) under ``name``; False when nothing could
    be kept."""
    where = folder()
    if where is None:
        return False
    try:
        data = marshal.dumps(value)
        where.mkdir(parents=True, exist_ok=True)
        tmp = where / f"{name}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, where / name)
        return True
    except (OSError, ValueError):
        return False


def prune(prefix: str, keep: str, *, spare: int = 3) -> None:
    """Remove the files named ``prefix*`` that older sources kept, beyond the
    ``spare`` most recently written besides ``keep`` (two installed versions
    used in turn keep their files instead of rebuilding them at every run);
    silently nothing when that fails."""
    where = folder()
    if where is None:
        return
    try:
        others = [f for f in where.glob(f"{prefix}*") if f.name != keep and not f.name.endswith(".tmp")]
        others.sort(key=lambda f: f.stat().st_mtime, reverse=True)
        for old in others[spare:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
