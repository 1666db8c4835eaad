"""Date and period phrases resolved against the publication date:
``wartally.extract.when.find_periods``.

Expected periods follow ../shared/gold/GUIDE.md ("since 30 April" → 30 April
to the publication date; vague phrases carry a tolerance) and the seeds'
gold files; a resolved date may be off by the tolerance the phrase allows.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wartally.extract import world
from wartally.extract.when import WEEKDAYS, find_periods

D = dt.date.fromisoformat

# (text, published, phrase that must be found, first, last, days either may be off)
PERIODS = [
    # seed 003: "airstrikes that killed 18 civilians on Wednesday", published Thursday 16 January 2020
    ("airstrikes that killed 18 civilians on Wednesday", "2020-01-16", "on Wednesday", "2020-01-15", "2020-01-15", 0),
    ("On Friday, 15 people, including children, were killed", "2019-06-29", "On Friday", "2019-06-28", "2019-06-28", 0),
    # "last Friday" in Friday's paper is a week before; any other day, the one just before
    ("15 people were killed last Friday", "2019-06-28", "last Friday", "2019-06-21", "2019-06-21", 0),
    ("15 people were killed last Thursday", "2019-06-28", "last Thursday", "2019-06-27", "2019-06-27", 0),
    # seed 001: the night of Saturday into Sunday
    ("Overnight Saturday, the Syrian army backed by Russian warplanes launched a counter-push", "2019-12-02",
     "Overnight Saturday", "2019-11-30", "2019-12-01", 0),
    ("Fifty-one pro-government fighters had been killed over 48 hours", "2019-12-02", "over 48 hours", "2019-11-30", "2019-12-01", 1),
    ("in the area in the past 24 hours has reached 20 people", "2016-06-09", "in the past 24 hours", "2016-06-08", "2016-06-09", 1),
    ("Government and Russian fire has killed 288 civilians since 30 April", "2019-05-31", "since 30 April", "2019-04-30", "2019-05-31", 0),
    ("roughly 270,000 people have been displaced by the fighting since late April", "2019-05-31", "since late April",
     "2019-04-25", "2019-05-31", 10),
    ("At least 26 people in rebel-held areas have been killed since the beginning of the month", "2018-09-08",
     "since the beginning of the month", "2018-09-01", "2018-09-08", 0),
    ("has seen 948 people killed in a month", "2019-05-31", "in a month", "2019-04-30", "2019-05-31", 3),
    ("Between late April and the end of August, Idlib was pounded ceaselessly", "2019-12-02",
     "Between late April and the end of August", "2019-04-25", "2019-08-31", 10),
    ("since December 1st alone, almost 350,000 people had fled their homes", "2020-01-16", "since December 1st",
     "2019-12-01", "2020-01-16", 0),
    ("killed at least 37 civilians in Maaret Al Numan in April", "2016-06-13", "in April", "2016-04-01", "2016-04-30", 0),
    # a month before the publication date lies in the year before
    ("More than 300 civilians have been killed in Aleppo since April", "2016-06-05", "since April", "2016-04-01", "2016-06-05", 0),
    ("since a Russian-led assault on the last rebel bastion began two months ago", "2019-06-29", "two months ago",
     "2019-04-29", "2019-06-29", 7),
    ("killed 23 civilians in strikes on Idlib city on May 31", "2016-06-13", "on May 31", "2016-05-31", "2016-05-31", 0),
    ("on June 19 when at least six people were killed", "2014-10-01", "on June 19", "2014-06-19", "2014-06-19", 0),
    ("pressed a deadly offensive Thursday (January 16th)", "2020-01-16", "Thursday (January 16th)", "2020-01-16", "2020-01-16", 0),
    ("The war in Syria has killed more than 370,000 people since it erupted in 2011", "2019-12-02", "since it erupted in 2011",
     "2011-03-15", "2019-12-02", 0),
    ("acknowledged the deaths of 735 civilians in its strikes on Syria and Iraq since 2014", "2017-10-03", "since 2014",
     "2014-01-01", "2017-10-03", 0),
    ("12 people were killed yesterday", "2016-06-09", "yesterday", "2016-06-08", "2016-06-08", 0),
    ("air strikes and clashes increased last month", "2019-12-02", "last month", "2019-11-01", "2019-11-30", 0),
    ("Residents and rescuers say the two-month-old campaign has left dozens of villages and towns in ruins.", "2019-06-29",
     "the two-month-old campaign", "2019-04-30", "2019-06-29", 7),
    ("since the three-week-old offensive", "2019-06-29", "the three-week-old offensive", "2019-06-08", "2019-06-29", 2),    ("as well as 41 civilians in coalition air raids since the alliance offensive against Manbij began on May 31 according to the Observatory",
     "2016-06-13", "since the alliance offensive against Manbij began on May 31", "2016-05-31", "2016-06-13", 0),
    ("More than 330000 people have been killed in Syria since the countrys conflict began in March 2011 with anti-government protests.",
     "2017-10-11", "since the countrys conflict began in March 2011", "2011-03-01", "2017-10-11", 0),
    ("Over 350 civilians have been killed in east Aleppo since a US-Russian brokered ceasefire collapsed on September 19 according to the UK-based monitor.",
     "2016-10-13", "since a US-Russian brokered ceasefire collapsed on September 19", "2016-09-19", "2016-10-13", 0),
    # "last week" is the calendar week before the one of publication, Monday to Sunday (CD, BF: world-dev gold)
    ("Last week, 18 civilians were killed and several houses were set on fire", "2021-10-30", "Last week",
     "2021-10-18", "2021-10-24", 0),
    ("Within a 72-hour period last week nearly 60 people were killed", "2022-05-20", "last week", "2022-05-09", "2022-05-15", 0),
    ("Israeli strikes this week killed 40 people", "2024-04-25", "this week", "2024-04-22", "2024-04-25", 0),
    # "since Tuesday": that day up to publication (PS, PH: world-dev gold)
    ("The attack raised the death toll to 60 Palestinians, most of them civilians, since Tuesday", "2014-07-10",
     "since Tuesday", "2014-07-08", "2014-07-10", 0),
    ("Since the government offensive began Friday, the bodies of at least 16 Abu Sayyaf members have been recovered",
     "2016-08-30", "Since the government offensive began Friday", "2016-08-26", "2016-08-30", 0),
    # the first months, half or quarter of a year (ML: ACLED's count)
    ("it recorded nearly 300 civilian fatalities in Mali in the first three months of 2020", "2020-07-02",
     "the first three months of 2020", "2020-01-01", "2020-03-31", 0),
    ("UNAMA documented 1,366 civilian deaths in the first half of 2019", "2019-07-30", "the first half of 2019",
     "2019-01-01", "2019-06-30", 0),
    # an event the text dates by month: since then (CD: a state of siege)
    ("Some 944 civilians have been killed in North Kivu and Ituri since the state of siege was declared in May",
     "2021-10-30", "since the state of siege was declared in May", "2021-05-01", "2021-10-30", 0),
    # the start of a year, or its early months, runs from the year's first day (not the month of publication)
    ("The fighting has displaced some 90,000 people since the start of 2019, the agency said", "2020-05-14",
     "since the start of 2019", "2019-01-01", "2020-05-14", 0),
    ("More than 300 civilians have been killed since early 2022", "2023-02-10", "since early 2022", "2022-01-01", "2023-02-10", 0),
    # the weekend: the Saturday and Sunday last past
    ("Army airstrikes over the weekend killed 14 villagers", "2024-06-11", "over the weekend", "2024-06-08", "2024-06-09", 0),
    ("Twelve people died in weekend clashes", "2024-06-10", "weekend", "2024-06-08", "2024-06-09", 0),
    # a month of the year before
    ("The army has been fighting the militia since March last year", "2024-02-08", "since March last year",
     "2023-03-01", "2024-02-08", 0),
]

PERIODS += [
    # an anniversary: the day that many years before publication (Sarajevo, August 2020; Srebrenica, July 2015)
    ("Citizens gathered on Friday to mark 25 years since the second Markale massacre, when mortar shells killed 43.",
     "2020-08-28", "mark 25 years since", "1995-08-28", "1995-08-28", 0),
    ("Thousands came on the 20th anniversary of the massacre, in which about 8,000 men were killed.",
     "2015-07-11", "on the 20th anniversary of", "1995-07-11", "1995-07-11", 0),
]


def _find(text: str, published: str, phrase: str):
    # "since the war began" is the war of the country the text is about, as the extractor resolves it
    found = find_periods(text, D(published), war_start=world.war_start(world.article_country(text), D(published)))
    hits = [w for w in found if text[w.start:w.end].strip() == phrase]
    assert hits, f"{phrase!r} not found; got {[text[w.start:w.end] for w in found]}"
    return hits[0]


@pytest.mark.parametrize(("text", "published", "phrase", "first", "last", "slack"), PERIODS, ids=[p[2] for p in PERIODS])
def test_when_find_periods_resolves_against_publication_date(text, published, phrase, first, last, slack):
    w = _find(text, published, phrase)
    assert abs((w.first - D(first)).days) <= slack, (w.first, first)
    assert abs((w.last - D(last)).days) <= slack, (w.last, last)
    assert w.first <= w.last
    assert not w.reporting


def test_when_vague_phrases_carry_a_tolerance():
    w = _find("displaced by the fighting since late April", "2019-05-31", "since late April")
    assert w.tolerance >= 5
    w = _find("Between late April and the end of August, Idlib", "2019-12-02", "Between late April and the end of August")
    assert w.tolerance >= 5
    w = _find("killed 288 civilians since 30 April", "2019-05-31", "since 30 April")
    assert w.tolerance <= 1


@pytest.mark.parametrize(("text", "phrase"), [
    ("a UK-based activist group said on Monday.", "on Monday"),
    ("rights groups and rescuers said on Saturday.", "on Saturday"),
    ("Al Mayadeen TV channel reported on Sunday", "on Sunday"),
    ("The SOHR announced on Sunday", "on Sunday"),
    ("UNICEF said in a statement on Thursday.", "on Thursday"),
    ("Published September 21 2016 Five medics were killed", "September 21 2016"),
    ("Date of publication 4 October 2016 At least 22 people were killed Monday", "4 October 2016"),
])
def test_when_reporting_dates_are_marked(text, phrase):
    w = _find(text, "2019-12-02", phrase)
    assert w.reporting


def test_when_event_weekday_is_not_reporting():
    w = _find("On Sunday, the commander-in-chief of the SDF said", "2019-12-02", "On Sunday")
    assert not w.reporting
    assert w.first == D("2019-12-01")


def test_when_that_period_is_anaphoric():
    found = find_periods("The Observatory estimates almost 1,000 civilians were killed in that period", D("2019-12-02"))
    assert [w.anaphoric for w in found] == [True]


def test_when_no_publication_date_no_periods():
    assert find_periods("killed 288 civilians since 30 April on Wednesday", None) == []


def test_when_resolves_backwards_from_publication():
    # a month after the publication date is last year's; a weekday is the one before
    a = find_periods("killed on Wednesday since late April", D("2005-03-03"))
    assert [(w.first, w.last) for w in a] == [(D("2005-03-02"), D("2005-03-02")), (D("2004-04-25"), D("2005-03-03"))]


# --- property: "on <Weekday>" is the last such weekday up to publication ---

@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.sampled_from(sorted(WEEKDAYS)), st.booleans())
def test_when_on_weekday_resolves_within_the_week_before(published, weekday, capital):
    name = weekday.capitalize()
    phrase = f"{'On' if capital else 'on'} {name}"
    found = find_periods(f"15 people were killed {phrase} in the town", published)
    assert len(found) == 1
    w = found[0]
    assert w.first == w.last
    assert 0 <= (published - w.first).days < 7
    assert w.first.strftime("%A") == name


def test_when_every_pattern_has_its_resolver():
    """The rule table and the resolver table name the same rules: a pattern
    with no resolver would date nothing, silently."""
    from wartally.extract import when

    assert {rule for rule, _ in when._PATTERNS} == set(when.RESOLVERS)
