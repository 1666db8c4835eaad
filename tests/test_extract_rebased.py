"""``rebased`` (a hot-path copy with ``base`` set) keeps every other field:
it must equal ``dataclasses.replace`` for each record that has it, so that a
field added later cannot be dropped silently."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from wartally.extract.context import Hit
from wartally.extract.when import When
from wartally.records import DatePrecision

RECORDS = [
    Hit(3, 9, "SOHR", "source:sohr#1"),
    When(1, 8, dt.date(2019, 5, 1), dt.date(2019, 5, 2), DatePrecision.DAYS, 2, "when:weekday-night",
         reporting=True, anaphoric=True),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_rebased_equals_replace(record):
    # every field differs from its default, so a dropped field would show
    assert all(getattr(record, f.name) != f.default for f in dataclasses.fields(record) if f.name != "base")
    assert record.rebased(42) == dataclasses.replace(record, base=42)
    assert record.rebased(42).base == 42
