"""The extractor's fingerprint: a hash of everything that decides which
figures a text gives (the extract and geo code, and the lexicons,
gazetteer and world tables they read).  The store records it beside each
document, so that ``wartally reextract`` re-runs a changed extractor over
the stored texts whose figures an older one made."""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # src/wartally
# what the per-document stage reads: its code and its knowledge tables
PARTS = ("extract", "geo", "records.py", "dates.py", "data/lexicons", "data/geo", "data/world", "data/admin1.tsv",
         "data/event_types.tsv", "data/tables.py")
SUFFIXES = frozenset({".py", ".tsv", ".json", ".jsonl", ".txt", ".gz", ".sha256"})


def files(root: Path = PACKAGE, parts: tuple[str, ...] = PARTS) -> list[Path]:
    """The files the fingerprint covers, in a fixed order."""
    out: list[Path] = []
    for part in parts:
        path = root / part
        if path.is_file():
            out.append(path)
        elif path.is_dir():
            out.extend(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES
                       and "__pycache__" not in p.parts)
    return sorted(out)


def fingerprint_of(root: Path = PACKAGE, parts: tuple[str, ...] = PARTS) -> str:
    """A short hash of the names and contents of ``files(root, parts)``."""
    h = hashlib.sha256()
    for path in files(root, parts):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return "x1-" + h.hexdigest()[:16]


@cache
def fingerprint() -> str:
    """This installation's extractor fingerprint (computed once a process)."""
    return fingerprint_of()
