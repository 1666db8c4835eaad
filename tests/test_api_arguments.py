"""The Python API checks its arguments (issue 17, item 8): a wrong type is a
TypeError and a wrong value a ValueError, each naming the argument and what
it accepts; ``published`` takes a date, a datetime (its date part) or an
ISO string; ``wartally.read`` of a missing path raises, and reports the
problems it skips."""
from __future__ import annotations

import datetime as dt
import json
import logging

import pytest

import wartally

TEXT = "Airstrikes killed 12 civilians in Ariha on Monday, the Syrian Observatory for Human Rights said."
MONDAY = (dt.date(2019, 6, 3), dt.date(2019, 6, 3))


def periods(figures) -> list[tuple[dt.date, dt.date]]:
    return [(f.period.start, f.period.end) for f in figures]


@pytest.mark.parametrize("text, words", [
    (None, "text must be a str (the article's text), not NoneType"),
    (b"Airstrikes killed 12", "text must be a str, not bytes: decode it first"),
    (12, "text must be a str (the article's text), not int"),
    (["a"], "not list"),
])
def test_api_extract_refuses_text_that_is_not_str(text, words):
    with pytest.raises(TypeError) as err:
        wartally.extract(text)
    assert words in str(err.value)


@pytest.mark.parametrize("published", [
    dt.date(2019, 6, 4), dt.datetime(2019, 6, 4, 23, 59), dt.datetime(2019, 6, 4, 0, 1, tzinfo=dt.timezone.utc),
    "2019-06-04", " 2019-06-04 ", "2019-06-04T23:59:00", "2019-06-04 08:00",
])
def test_api_published_accepts_dates_datetimes_and_iso_strings(published):
    assert periods(wartally.extract(TEXT, published=published, geocode=False)) == [MONDAY]


@pytest.mark.parametrize("published, error, words", [
    ("June 4, 2019", ValueError, "published 'June 4, 2019' is not an ISO date"),
    ("2019/06/04", ValueError, "published '2019/06/04' is not an ISO date"),
    ("2019-06-04garbage", ValueError, "published '2019-06-04garbage' is not an ISO date"),
    ("0001-01-01", ValueError, "published 0001-01-01 is out of range"),
    ("9999-12-31", ValueError, "published 9999-12-31 is out of range"),
    (dt.date.min, ValueError, "out of range"),
    (20190604, TypeError, "published must be a datetime.date, a datetime.datetime (its date is used) or an ISO date string"),
    (1559606400.0, TypeError, "got float"),
])
def test_api_published_refuses_anything_else_naming_the_argument(published, error, words):
    with pytest.raises(error) as err:
        wartally.extract(TEXT, published=published)
    assert words in str(err.value)
    if error is ValueError and isinstance(published, str) and "range" not in words:
        assert "'YYYY-MM-DD'" in str(err.value) and "(e.g. '2019-06-04')" in str(err.value)


def test_api_other_arguments_are_checked():
    with pytest.raises(TypeError, match="outlet must be a str or None, not int"):
        wartally.extract(TEXT, outlet=3)
    with pytest.raises(TypeError, match="doc must be a wartally.Document"):
        wartally.process({"id": "a", "text": TEXT})


def test_api_read_of_a_missing_path_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="nonexistent.jsonl"):
        wartally.read(str(tmp_path / "nonexistent.jsonl"))
    with pytest.raises(TypeError, match=r"paths\[0\] must be a str or a path"):
        wartally.read(12)
    with pytest.raises(ValueError, match="published 'yesterday' is not an ISO date"):
        wartally.read(str(tmp_path), published="yesterday")


def test_api_read_reports_what_it_skips(tmp_path, caplog):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT, "published": "2019-06-04"}) + "\n{broken\n", "utf-8")
    problems: list = []
    assert [d.id for d in wartally.read(path, problems=problems)] == ["a"]
    assert [(p.where, p.code) for p in problems] == [(f"{path}:2", "json")]
    with caplog.at_level(logging.WARNING, logger="wartally.read"):
        assert [d.id for d in wartally.read(path)] == ["a"]
    assert [r.getMessage() for r in caplog.records] == [str(problems[0])]
