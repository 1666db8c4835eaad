"""Linking recall, round 15c (issue 15; the labelled sets inc7 and inc8,
read): sentences written for these tests, modelled on the missed pairs of
counts of those sets, through the extractor and the real link stage.  Every
row failed before its mechanism."""
from __future__ import annotations

import pytest

from wartally.extract.document import process_document
from wartally.link.unit import make_unit, make_units, weapon_borrowed
from wartally.records import Document
from conftest import events_by_docs, report_documents


_docs = report_documents


def _figures(docs: dict[str, Document]) -> list:
    return [f for doc in docs.values() for f in process_document(doc)]


_events_by_docs = events_by_docs


@pytest.mark.parametrize("text, published", [
    # the school strike: "an Israeli strike" in the lead, "the missiles hit classrooms" in a witness's sentence,
    # then what the hospital received "from the strike", given the missile of the sentence between
    ("An Israeli strike on a school sheltering displaced families in central Kramatorsk has killed more than 30 "
     "people, officials said. The strike on Thursday hit the school before dawn. A teacher who was sheltering there "
     "said the missiles hit classrooms on the top floor. The city hospital received at least 33 dead from the "
     "strike, including 12 children, according to its records.", "2024-06-06"),
    # the hotel siege: the dead counted with the gunmen of the sentence before, the hurt with a mortar of their own
    ("Gunmen stormed a hotel in Baidoa on Friday. An official said on Saturday that 12 people, mostly civilians, "
     "had been killed. The city hospital is treating at least 40 people injured in the hotel bombing and a second "
     "mortar strike.", "2022-08-30"),
])
def test_a_weapon_read_from_another_sentence_does_not_split_a_report(text, published):
    docs = _docs(("a", text, published))
    figs = _figures(docs)
    assert any(weapon_borrowed(f) for f in figs), "the extractor borrowed no weapon here"
    units = make_units(figs, docs)
    assert len(units) == 1, [(u.place, u.weapon, u.killed) for u in units]


def test_a_units_weapon_is_its_killed_counts():
    """The hurt "in the hotel bombing and a second mortar strike" do not
    give the unit of the siege's dead its weapon."""
    text = ("Gunmen stormed a hotel in Baidoa on Friday. An official said on Saturday that 12 people, mostly "
            "civilians, had been killed. The city hospital is treating at least 40 people injured in the hotel "
            "bombing and a second mortar strike.")
    doc = Document.make("a", text, published="2022-08-30", outlet="outlet a")
    figs = process_document(doc)
    assert {f.weapon for f in figs} == {"gunfire", "mortar"}
    assert make_unit("a", figs, doc.published, text).weapon == "gunfire"


@pytest.mark.parametrize("told", [
    # the day the tolls were disputed, not the day of the attack (Owo: "GOVERNOR ... and the Catholic Church,
    # yesterday, differed over the causality figures")
    "Governor Bola Adeyemi of Ekiti State and the diocese, yesterday, differed over the casualty figures recorded "
    "during the attack on St. Mary's Church, Ikare.",
    "The state governor, yesterday, confirmed the casualty figures recorded during the attack on St. Mary's Church, "
    "Ikare.",
])
def test_a_day_a_toll_was_told_on_makes_a_toll_told_later(told):
    docs = _docs(("a", f"{told} While the governor confirmed that 22 people died in the attack, the bishop said that "
                       "38 deaths were confirmed.", "2022-06-08"))
    units = make_units(_figures(docs), docs)
    assert units and all(u.told_later for u in units), [(u.day_start, u.told_later) for u in units]


def test_a_toll_told_two_days_later_links_to_the_attack_day():
    events = _events_by_docs(
        ("a", "Gunmen attacked St. Mary's Church in Ikare on Sunday, killing at least 40 worshippers, police said.",
         "2022-06-06"),
        ("b", "Governor Bola Adeyemi of Ekiti State and the diocese, yesterday, differed over the casualty figures "
              "recorded during the attack on St. Mary's Church, Ikare. While the governor confirmed that 22 people "
              "died in the attack, the bishop said that 38 deaths were confirmed.", "2022-06-08"))
    assert frozenset({"a", "b"}) in events, events
