"""Boilerplate cleanup for plain text: drops the navigation, teasers for
other articles, newsletter prompts, share buttons, comment forms and
publisher blurbs that survive in saved news pages, and keeps every line of
article text with one blank line between paragraphs.

The patterns are data, in ``boilerplate.tsv`` beside this module."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources

TEASER_MAX_CHARS = 200  # a teaser headline is no longer than this
# no-break and other Unicode spaces become plain spaces (one for one, so
# character offsets do not move)
# (zero-width characters and stray byte-order marks are dropped)
_SPACES = str.maketrans(
    {c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"}
    | {c: None for c in "\u200b\u200c\u200d\u2060\ufeff"}
)


class Kind(StrEnum):
    LINE = "line"
    TEASER = "teaser"
    HEAD = "head"
    REST = "rest"


@dataclass(frozen=True, slots=True)
class Pattern:
    kind: Kind
    regex: re.Pattern[str]
    line: int  # line in boilerplate.tsv, for reports


def parse_patterns(text: str, where: str = "boilerplate.tsv") -> tuple[Pattern, ...]:
    """Patterns from the TSV text; ``ValueError`` naming the line if one is bad."""
    out = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        kind, sep, pattern = raw.partition("\t")
        try:
            if not sep:
                raise ValueError("expected KIND<TAB>PATTERN")
            out.append(Pattern(Kind(kind.strip()), re.compile(pattern.strip(), re.I), number))
        except (ValueError, re.error) as exc:
            raise ValueError(f"{where}:{number}: {exc}") from None
    return tuple(out)


@lru_cache(maxsize=1)
def load_patterns() -> tuple[Pattern, ...]:
    text = resources.files("wartally.ingest").joinpath("boilerplate.tsv").read_text("utf-8")
    return parse_patterns(text)


@lru_cache(maxsize=8)
def _any(patterns: tuple[Pattern, ...]) -> re.Pattern[str] | None:
    """One alternation that tells whether any of ``patterns`` matches a line
    (most lines match none: one regex call instead of one a pattern); None
    when the patterns cannot be joined (a group name used twice)."""
    try:
        return re.compile("|".join(f"(?:{p.regex.pattern})" for p in patterns), re.I)
    except re.error:
        return None


def _match(line: str, patterns: tuple[Pattern, ...]) -> Pattern | None:
    stripped = line.strip()
    if not stripped or not patterns:
        return None
    joined = _any(patterns)
    if joined is not None and not joined.fullmatch(stripped):
        return None
    for p in patterns:
        if p.regex.fullmatch(stripped):
            return p
    return None


def _headline(line: str) -> bool:
    """Whether a line could be a teaser's headline: short, and not a
    sentence ending in a full stop."""
    line = line.strip()
    return bool(line) and len(line) <= TEASER_MAX_CHARS and not line.endswith(".")


def boilerplate_lines(
    text: str, patterns: tuple[Pattern, ...] | None = None, *, blocks: bool = False
) -> dict[int, str]:
    """The lines of ``text`` (0-based index → pattern kind and line in the
    TSV) that cleanup drops.  Lines are split on ``\\n`` after CRLF → LF.
    ``blocks``: every line is a block of its own (HTML extraction output),
    so a teaser headline needs no blank line above it."""
    patterns = load_patterns() if patterns is None else patterns
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    drop: dict[int, str] = {}
    kept = 0  # non-blank lines above that stay; 0 = still above the headline
    for i, line in enumerate(lines):
        if not line.strip() or i in drop:
            continue
        p = _match(line, patterns)
        if p is None or (p.kind is Kind.HEAD and kept):
            kept += 1
            continue
        why = f"{p.kind}:{p.line}"
        if p.kind is Kind.TEASER:
            j = i - 1
            if j >= 0 and j not in drop and _headline(lines[j]) and (blocks or j == 0 or not lines[j - 1].strip()):
                drop[j] = why
                kept -= 1
        elif p.kind is Kind.REST and i >= len(lines) // 2:
            for k in range(i, len(lines)):
                drop[k] = why
            break
        drop[i] = why
    return drop


def clean_text(text: str, *, blocks: bool = False) -> str:
    """``text`` without boilerplate lines; lines are right-stripped, runs of
    blank lines become one blank line, and leading/trailing blank lines go.
    No-break spaces become plain spaces; zero-width characters go.
    Idempotent.  ``blocks``: see ``boilerplate_lines``."""
    text = text.translate(_SPACES)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    drop = boilerplate_lines(text, blocks=blocks)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in drop:
            continue
        line = line.rstrip()
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)
