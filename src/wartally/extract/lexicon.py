"""Lexicons as data: ``src/wartally/data/lexicons/*.tsv``.

Each file has one entry a line: an id, one or more value columns and a
regular expression (matched case-insensitively unless the pattern itself
says otherwise).  An entry's id is the rule id recorded in a figure's
provenance (``victims:civilians``, ``source:sohr``...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    values: tuple[str, ...]
    pattern: str
    regex: re.Pattern[str]

    @property
    def value(self) -> str:
        return self.values[0]


def _read(name: str) -> list[tuple[str, ...]]:
    text = resources.files("wartally.data").joinpath("lexicons", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(line.split("\t")))
    return rows


@cache
def entries(name: str, *, case_sensitive: bool = False) -> tuple[Entry, ...]:
    """The entries of lexicon ``name`` (e.g. ``"victims"``) in file order."""
    flags = 0 if case_sensitive else re.IGNORECASE
    out = []
    for row in _read(f"{name}.tsv"):
        if len(row) < 3:
            raise ValueError(f"lexicon {name}.tsv: malformed row {row!r}")
        out.append(Entry(row[0], tuple(row[1:-1]), row[-1], re.compile(rf"(?<![\w-])(?:{row[-1]})(?![\w])", flags)))
    return tuple(out)


@cache
def combined(name: str, *, case_sensitive: bool = False) -> re.Pattern[str]:
    """One alternation over all entries, each in a named group ``e<index>``."""
    flags = 0 if case_sensitive else re.IGNORECASE
    parts = [f"(?P<e{i}>{e.pattern})" for i, e in enumerate(entries(name, case_sensitive=case_sensitive))]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", flags)


def scan(name: str, text: str, *, case_sensitive: bool = False) -> list[tuple[int, int, Entry]]:
    """Non-overlapping matches of lexicon ``name`` in ``text``: (start, end, entry)."""
    ents = entries(name, case_sensitive=case_sensitive)
    out = []
    for m in combined(name, case_sensitive=case_sensitive).finditer(text):
        group = m.lastgroup
        if group is None:
            continue
        out.append((m.start(), m.end(), ents[int(group[1:])]))
    return out
