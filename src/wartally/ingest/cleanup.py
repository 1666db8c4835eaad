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

HEAD_LINES = 3  # ``head`` patterns apply among this many first non-blank
# lines, and only while every line above them was boilerplate
TEASER_MAX_CHARS = 200  # a teaser headline is no longer than this
# no-break and other Unicode spaces become plain spaces (one for one, so
# character offsets do not move)
_SPACES = str.maketrans({c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"})


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


def _match(line: str, patterns: tuple[Pattern, ...]) -> Pattern | None:
    stripped = line.strip()
    if not stripped:
        return None
    for p in patterns:
        if p.regex.fullmatch(stripped):
            return p
    return None


def boilerplate_lines(text: str, patterns: tuple[Pattern, ...] | None = None) -> dict[int, str]:
    """The lines of ``text`` (0-based index → pattern kind and line in the
    TSV) that cleanup drops.  Lines are split on ``\\n`` after CRLF → LF."""
    patterns = load_patterns() if patterns is None else patterns
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    drop: dict[int, str] = {}
    nonblank = 0
    in_head = True  # still above the headline: only boilerplate seen so far
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        nonblank += 1
        p = _match(line, patterns)
        if p is None or i in drop:
            in_head = in_head and i in drop
            continue
        why = f"{p.kind}:{p.line}"
        if p.kind is Kind.HEAD:
            if in_head and nonblank <= HEAD_LINES:
                drop[i] = why
            else:
                in_head = False
        elif p.kind is Kind.TEASER:
            drop[i] = why
            j = i - 1
            if j >= 0 and lines[j].strip() and len(lines[j].strip()) <= TEASER_MAX_CHARS:
                drop[j] = why
        elif p.kind is Kind.REST and i >= len(lines) // 2:
            for k in range(i, len(lines)):
                drop[k] = why
            break
        else:
            drop[i] = why
    return drop


def clean_text(text: str) -> str:
    """``text`` without boilerplate lines; lines are right-stripped, runs of
    blank lines become one blank line, and leading/trailing blank lines go.
    No-break spaces become plain spaces.  Idempotent."""
    text = text.translate(_SPACES)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    drop = boilerplate_lines(text)
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
