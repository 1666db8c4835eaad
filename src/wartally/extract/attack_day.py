"""The day an article says its attack happened.

A follow-up article often gives its toll with no date of its own ("the
death toll climbed to 35"), while another sentence says when the attack
was: "Last Friday, an artillery strike devastated the camp", "The May 3rd
attack", "171 people were injured in Thursday's strikes".  The dates of one
day that such words name, on or before publication and at most
``days_before`` days before it (data/attack_day.json), are the article's
attack days; when there is exactly one, the extractor dates a figure no
sentence dates by it, and the link stage its report units.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Sequence
from importlib import resources

from wartally.errors import LexiconError
from wartally.extract.lexicon import pattern_problem
from wartally.extract.sentences import split_sentences
from wartally.extract.when import When, find_periods
from wartally.records import DatePrecision


@functools.cache
def _settings() -> dict:
    with resources.files("wartally.data").joinpath("attack_day.json").open(encoding="utf-8") as f:
        return json.load(f)


@functools.cache
def _phrases(group: str) -> re.Pattern[str]:
    """The ``after`` or ``before`` phrases as one pattern, each checked as it loads."""
    phrases = _settings()[group]
    for phrase in phrases:
        problem = pattern_problem(phrase)
        if problem:
            raise LexiconError(problem, where=f"data/attack_day.json: {group!r}")
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)


def days_in(sentences: Iterable[tuple[str, Sequence[When]]], published: dt.date) -> tuple[dt.date, ...]:
    """The attack days of sentences given with the dates found in each
    (``When`` offsets within its sentence), sorted."""
    back = dt.timedelta(days=int(_settings()["days_before"]))
    window = int(_settings()["window"])
    after, before = _phrases("after"), _phrases("before")
    days = set()
    for text, whens in sentences:
        for w in whens:
            if w.reporting or w.precision != DatePrecision.DAY or (w.first != w.last and w.rule != "when:ago"):
                continue  # ("happened two days ago": the day it names, at the start of the span "ago" gives)
            if not published - back <= w.first <= published or w.first in days:
                continue
            if after.search(text[w.end:w.end + window]) or before.search(text[max(0, w.start - window):w.start]):
                days.add(w.first)
    return tuple(sorted(days))


def attack_days(text: str | None, published: dt.date | None) -> tuple[dt.date, ...]:
    """The days ``text`` states its attack happened on, sorted."""
    if not text or published is None:
        return ()
    return _attack_days(text, published)


@functools.lru_cache(maxsize=1 << 12)
def _attack_days(text: str, published: dt.date) -> tuple[dt.date, ...]:
    return days_in(((s.text, find_periods(s.text, published)) for s in split_sentences(text)), published)


def one_day(days: tuple[dt.date, ...]) -> dt.date | None:
    """The one attack day, or None when there are none or several."""
    return days[0] if len(days) == 1 else None


def stated_attack_day(text: str | None, published: dt.date | None) -> dt.date | None:
    """The one day the article states its attack happened on, or None
    when it states none or several."""
    return one_day(attack_days(text, published))
