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
from re import _constants as sre
from re import _parser as sre_parse


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


_SPACE = " \t\n\r\f\v"


def _firsts(items, ignore_case: bool) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with, and whether it can
    match the empty string; (None, _) when that is not simple to know (a
    class like ``\\w``, a negated set, a back-reference...)."""
    out: set[str] = set()

    def add(code: int) -> None:
        c = chr(code)
        out.update((c.lower(), c.upper()) if ignore_case else (c,))

    for op, av in items:
        if op is sre.LITERAL:
            add(av)
            return out, False
        if op is sre.IN:
            for o, a in av:
                if o is sre.LITERAL:
                    add(a)
                elif o is sre.RANGE and a[1] - a[0] <= 64:
                    for code in range(a[0], a[1] + 1):
                        add(code)
                elif o is sre.CATEGORY and a is sre.CATEGORY_SPACE:
                    out.update(_SPACE)
                elif o is sre.CATEGORY and a is sre.CATEGORY_DIGIT:
                    out.update("0123456789")
                else:
                    return None, False
            return out, False
        if op is sre.SUBPATTERN or op is sre.BRANCH or op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if op is sre.SUBPATTERN:
                subs, least = [av[-1]], 1
            elif op is sre.BRANCH:
                subs, least = av[1], 1
            else:
                subs, least = [av[2]], av[0]
            empty = False
            for sub in subs:
                got, e = _firsts(list(sub), ignore_case)
                if got is None:
                    return None, False
                out |= got
                empty = empty or e
            if least > 0 and not empty:
                return out, False
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero-width: the next item starts the match
        return None, False
    return out, True


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class body (``[...]`` contents) of the characters every
    match of ``pattern`` starts with, or None when unknown or unbounded."""
    try:
        got, empty = _firsts(list(sre_parse.parse(pattern, flags)), bool(flags & re.IGNORECASE))
    except (re.error, TypeError, ValueError):
        return None
    if got is None or empty or not got:
        return None
    return "".join(re.escape(c) for c in sorted(got))


def compile_fast(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with a look-ahead for the characters
    every match starts with when they are known: the regex engine then skips
    the other positions before trying each alternative.  The matches are
    the same (tests/test_extract_lexicons.py checks it on real news)."""
    starts = first_chars(pattern, flags)
    return re.compile(f"(?=[{starts}])(?:{pattern})" if starts else pattern, flags)


@cache
def combined(name: str, *, case_sensitive: bool = False) -> re.Pattern[str]:
    """One alternation over all entries, each in a named group ``e<index>``
    (with ``compile_fast``'s first-character look-ahead)."""
    flags = 0 if case_sensitive else re.IGNORECASE
    parts = [f"(?P<e{i}>{e.pattern})" for i, e in enumerate(entries(name, case_sensitive=case_sensitive))]
    return compile_fast(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", flags)


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
