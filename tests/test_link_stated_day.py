"""The day an article says its attack happened (extract/attack_day.py), and a
follow-up report whose toll no sentence dates linked by that day.  The
sentences are written for these tests, in the shape of real follow-up
reports from several wars."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from wartally.link import link_figures
from wartally.link.gold import figure_from_gold
from wartally.extract.attack_day import attack_days, stated_attack_day
from wartally.records import Document, Span

D = dt.date


@pytest.mark.parametrize("text,published,expected", [
    # DR Congo: "Last Friday" in a Tuesday paper
    ("Last Friday, an artillery strike devastated the Mugunga camp west of Goma. The toll has climbed to 35.",
     D(2024, 5, 7), (D(2024, 5, 3),)),
    # Yemen: a weekday's possessive before the attack's name
    ("Officials said 171 people were injured in Thursday's strikes on the port.", D(2025, 4, 18), (D(2025, 4, 17),)),
    # a day of the month before the attack's name
    ("The May 3rd attack saw bombs devastate huts in the camp.", D(2024, 5, 16), (D(2024, 5, 3),)),
    # Pakistan: the attack's name before the day
    ("The death toll from the bombing on Monday rose to 100, police said.", D(2023, 2, 1), (D(2023, 1, 30),)),
    # Somalia: a verb of the attack before the day
    ("Two car bombs exploded on Saturday near the ministry, the police said.", D(2022, 10, 31), (D(2022, 10, 29),)),
    # the day of a ceremony, not of the attack: nothing
    ("A ceremony unfolded in Goma on Wednesday, as mourners gathered for the victims of the recent bomb attack.",
     D(2024, 5, 16), ()),
    # the day something was said: nothing
    ("The ministry said on Sunday that 40 people had died.", D(2023, 10, 16), ()),
    # too long before publication (dates.stated_attack_days_before)
    ("The March 3 attack killed 12 people.", D(2024, 5, 16), ()),
])
def test_stated_day_reads_the_day_of_the_attack(text, published, expected):
    assert attack_days(text, published) == expected


def test_stated_day_two_days_of_attacks_give_none():
    text = "Monday's attack killed four. Wednesday's strikes killed nine more."
    assert stated_attack_day(text, D(2024, 3, 7)) is None


def report(doc_id, text, published, n, day, place, weapon):
    doc = Document.make(doc_id, text, published=published)
    fig = figure_from_gold(doc, {"outcome": "killed", "n": n, "victims": "people", "quote": text,
                                 "start": day, "end": day, "place": place, "admin1": "North Kivu",
                                 "weapon": weapon})
    return doc, fig


def test_link_follow_up_dated_by_publication_takes_the_stated_day():
    """The day-of report (10 dead, Friday 3 May) and a follow-up published the
    next Tuesday whose toll no sentence dates ("has climbed to 35") but whose
    article says "Last Friday, an artillery strike ...": one event, and the
    evidence says the day came from the article."""
    first = report("goma-1", "An explosion in a camp near Goma killed 10 people on Friday.", "2024-05-03", 10,
                   "2024-05-03", "Mugunga", "IED")
    text = ("The death toll from the bombing of the camp in Goma has climbed to 35 dead. "
            "Last Friday, an artillery strike devastated the camp west of the city of Goma.")
    doc = Document.make("goma-2", text, published="2024-05-07")
    fig = figure_from_gold(doc, {"outcome": "killed", "n": 35, "victims": "people", "quote": "35 dead",
                                 "start": "2024-05-07", "end": "2024-05-07", "place": "Mugunga",
                                 "admin1": "North Kivu", "weapon": "IED"})
    fig = _published_only(fig)
    result = link_figures([first[1], fig], {first[0].id: first[0], doc.id: doc})
    assert any(set(e.doc_ids) == {"goma-1", "goma-2"} for e in result.events)
    (link,) = [l for l in result.links if not l.candidate]
    assert any("goma-2 dated by the day its article says the attack happened" in e for e in link.evidence)


def _published_only(fig):
    """The figure as the extractor leaves a toll no sentence dates: its
    period is the publication day, by rule when:published."""
    return dataclasses.replace(fig, provenance=fig.provenance + (
        Span(fig.doc_id, fig.sentence_start, fig.sentence_start, "", "when:published"),))


@pytest.mark.parametrize("later_sentence,published,linked", [
    # DR Congo: ten days on, a report recalls the bombings with no date
    ("The bombings at the Mugunga and Lac Vert camps killed at least 18 people, the UN said.", "2024-05-13", True),
    # Nigeria: "the recent" attack, nine days on
    ("Mourners buried 12 victims of the recent bomb attack at the Konduga market.", "2024-05-12", True),
    # no recall: an undated toll ten days on is another incident
    ("Bombs killed at least 18 people at the camp, the UN said.", "2024-05-13", False),
])
def test_link_a_report_that_recalls_the_attack_spans_the_weeks_before(later_sentence, published, linked):
    first = report("day-of", "An explosion at the camp killed 14 people on Friday.", "2024-05-03", 14,
                   "2024-05-03", "Mugunga", "IED")
    doc = Document.make("later", later_sentence, published=published)
    n = 18 if "18" in later_sentence else 12
    fig = _published_only(figure_from_gold(doc, {
        "outcome": "killed", "n": n, "victims": "people", "quote": later_sentence, "start": published,
        "end": published, "place": "Mugunga", "admin1": "North Kivu", "weapon": "IED"}))
    result = link_figures([first[1], fig], {first[0].id: first[0], doc.id: doc})
    assert any(set(e.doc_ids) == {"day-of", "later"} for e in result.events) is linked
    if linked:
        (link,) = [l for l in result.links if not l.candidate]
        assert any("later recalls the attack without a date" in e for e in link.evidence), link.evidence
