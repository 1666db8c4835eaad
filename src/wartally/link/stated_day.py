"""The day an article says its attack happened.

A follow-up article often gives its toll with no date of its own ("the
death toll climbed to 35"), so the extractor dates the toll by the day the
article was published, while another sentence says when the attack was:
"Last Friday, an artillery strike devastated the camp", "The May 3rd
attack", "171 people were injured in Thursday's strikes".  A report unit
whose figures only the publication dates takes that day instead, when the
article states exactly one such day, on or before publication and at most
``dates.stated_attack_days_before`` days before it (comparison.json).
"""
from __future__ import annotations

import datetime as dt
import functools

from wartally.extract.when import find_periods
from wartally.link.lexicon import load, patterns
from wartally.records import DatePrecision

WINDOW = 60  # characters read after / before a date for the attack's name


def attack_days(text: str | None, published: dt.date | None) -> tuple[dt.date, ...]:
    """The days ``text`` states its attack happened on, sorted: dates of one
    day (not the day something was said) whose neighbouring words name an
    attack (patterns.json ``attack_day_after`` / ``attack_day_before``),
    on or before ``published`` and at most ``dates.stated_attack_days_before``
    days before it."""
    if not text or published is None:
        return ()
    return _attack_days(text, published)


@functools.lru_cache(maxsize=1 << 12)
def _attack_days(text: str, published: dt.date) -> tuple[dt.date, ...]:
    back = int(load("comparison")["dates"]["stated_attack_days_before"])
    after, before = patterns("attack_day_after"), patterns("attack_day_before")
    days = set()
    for w in find_periods(text, published):
        if w.reporting or w.precision != DatePrecision.DAY or w.first != w.last:
            continue
        if not (published - dt.timedelta(days=back) <= w.first <= published):
            continue
        tail = text[w.end:w.end + WINDOW]
        head = text[max(0, w.start - WINDOW):w.start]
        if after.search(tail) or before.search(head):
            days.add(w.first)
    return tuple(sorted(days))


def stated_attack_day(text: str | None, published: dt.date | None) -> dt.date | None:
    """The one day the article states its attack happened on, or None
    when it states none or several."""
    days = attack_days(text, published)
    return days[0] if len(days) == 1 else None
