"""Exceptions with stable codes.  Each names the document (or file and line)
it concerns and the reason, so that a batch can report it and go on."""
from __future__ import annotations

from dataclasses import dataclass


class WartallyError(Exception):
    """Base class: ``code`` is stable and machine-readable."""

    code = "error"

    def __init__(self, reason: str, *, where: str | None = None):
        self.reason = reason
        self.where = where
        super().__init__(f"{where}: {reason}" if where else reason)


class InputError(WartallyError):
    """An input file, record or document could not be read."""

    code = "input"


class StoreError(WartallyError):
    code = "store"


class GeoError(WartallyError):
    code = "geo"


class UsageError(WartallyError):
    code = "usage"


class LexiconError(WartallyError):
    """A lexicon of the package is malformed (found when it is loaded):
    a row with the wrong columns, a duplicate id or pattern, a pattern that
    does not compile or can match the empty string, an id asked for that it
    does not have."""

    code = "lexicon"


@dataclass(frozen=True, slots=True)
class Problem:
    """A reported, non-fatal problem: where (file, line or document id),
    stable code, and the reason.  Stages yield these instead of raising so the
    rest of the batch goes on."""

    where: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{one_line(self.where)}: {self.code}: {one_line(self.reason)}"


MAX_LINE = 600  # characters of a where or a reason shown in a report


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """``text`` on one line (line breaks of any kind become spaces; a
    library's multi-line dump cannot break the one-line report format), cut
    to ``limit`` characters."""
    flat = " ".join(str(text).splitlines())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
