"""The link stage's data files (src/wartally/data/link/), loaded once."""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

from wartally.data.tables import months
from wartally.errors import LexiconError
from wartally.extract.lexicon import Lowered, compile_lowered, pattern_problem

DATA = Path(__file__).resolve().parent.parent / "data" / "link"


@functools.cache
def load(name: str) -> dict[str, Any]:
    with open(DATA / f"{name}.json", encoding="utf-8") as f:
        return json.load(f)


@functools.cache
def patterns(group: str) -> re.Pattern[str]:
    """One compiled alternation of the ``group`` phrases of patterns.json
    (``<MONTH_NAMES>`` in a phrase: the month names of data/months.tsv),
    validated as it loads: ``LexiconError`` for a group the file lacks, a
    phrase given twice, one that does not compile or can match the empty
    string."""
    where = f"data/link/patterns.json: {group!r}"
    phrases = load("patterns").get(group)
    if not isinstance(phrases, list) or not phrases:
        raise LexiconError("no such group of phrases", where=where)
    names = "|".join(n.lower() for n in months().names)
    seen: set[str] = set()
    for phrase in phrases:
        if phrase in seen:
            raise LexiconError(f"phrase {phrase!r} given twice", where=where)
        seen.add(phrase)
        problem = pattern_problem(phrase.replace("<MONTH_NAMES>", names))
        if problem:
            raise LexiconError(problem, where=where)
    return re.compile("|".join(f"(?:{p.replace('<MONTH_NAMES>', names)})" for p in phrases), re.IGNORECASE)


@functools.cache
def _cues(group: str) -> frozenset[str] | None:
    words = load("patterns").get("cues", {}).get(group)
    if not words:
        return None
    month_names = [n.lower() for n in months().names] if "#month_names" in words else []
    return frozenset([w for w in words if w != "#month_names"] + month_names)


_TOKEN = re.compile(r"[a-z0-9]+")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@functools.lru_cache(maxsize=1 << 14)
def _tokens(text: str) -> frozenset[str]:
    tokens = set(_TOKEN.findall(text.lower()))
    if _YEAR.search(text):
        tokens.add("#year")
    return frozenset(tokens)


@functools.cache
def _searcher(group: str) -> Lowered:
    """``patterns(group)`` in the extractor's faster form (candidate starts
    found over the lower-cased text, behind a look-ahead for the characters
    a match can start with; extract/lexicon.py ``compile_lowered``): the
    same matches, two to five times faster on the link stage's sentences."""
    return compile_lowered(patterns(group).pattern, re.IGNORECASE)


def search(group: str, text: str) -> re.Match[str] | None:
    """The first match of the ``group`` phrases in ``text``; none in texts
    holding none of the group's cue words (patterns.json "cues").  The
    phrases are searched first and the cue words read only when they match:
    most texts match no phrase, and the search is cheaper than reading a
    text's words."""
    if not text:
        return None
    found = _searcher(group).search(text)
    if found is None:
        return None
    cues = _cues(group)
    if cues is not None and cues.isdisjoint(_tokens(text)):
        return None
    return found


def reads_around(fig: Any, text: str | None, group: str) -> bool:
    """Whether the ``group`` phrases of patterns.json match the text around
    a figure's number, written '#', within its sentence, as far as
    disagreement.json incident.windows says ``group`` reads."""
    if not text:
        return False
    before, after = load("disagreement")["incident"]["windows"][group]
    start, end = fig.number_span.start, fig.number_span.end
    lo = max(0, start - before, fig.sentence_start if fig.sentence_start <= start else 0)
    hi = min(len(text), end + after, fig.sentence_end if fig.sentence_end >= end else len(text))
    return search(group, f"{text[lo:start]}#{text[end:hi]}") is not None
