"""Linking recall, round 15b (issue 15; the labelled sets inc7 and inc8,
read): sentences written for these tests, modelled on the missed pairs of
counts of those sets, through the extractor and the real link stage.  Every
row failed before its mechanism."""
from __future__ import annotations

import pytest

from wartally.extract.document import process_document
from wartally.link.unit import at_destination, make_units
from wartally.records import Document
from conftest import events_by_docs, report_documents


_docs = report_documents


def _figures(docs: dict[str, Document]) -> list:
    return [f for doc in docs.values() for f in process_document(doc)]


_events_by_docs = events_by_docs


@pytest.mark.parametrize("text, n, taken_there", [
    # where the dead were brought is not where they were killed (Gaza, the school strike)
    ("A strike on a school killed 30 people on Thursday. The Martyrs Hospital in the nearby town of Sloviansk "
     "received at least 31 dead from the strike.", 31, True),
    ("A shell hit a bus stop on Thursday, killing nine people; 11 wounded were taken to a hospital in nearby "
     "Sloviansk.", 11, True),
    # where the survivors fled to (Burkina Faso, the village attack)
    ("Gunmen attacked the village of Kadabo on Sunday, killing 30 people. Nearly 500 people have fled to the "
     "nearby town of Mirani, the UN said.", 500, True),
    # where the wounded were flown for treatment (Niger, the two villages)
    ("Gunmen attacked the village of Kadabo on Sunday. Some 40 wounded were evacuated for treatment in Ouallam "
     "and the capital, Niamey.", 40, True),
    # ... not a hospital that was hit, nor the clinics of the place that was hit
    ("Russian jets bombed a medical center in the town of Kramatorsk on Tuesday, killing 15 people.", 15, False),
    ("Clinics in Kramatorsk counted 15 dead after the shelling on Tuesday.", 15, False),
])
def test_a_place_the_victims_were_taken_to_is_not_the_attack_place(text, n, taken_there):
    doc = Document.make("a", text, published="2023-05-04", outlet="outlet a")
    placed = [f for f in process_document(doc) if f.n == n and f.place is not None]
    assert placed, "the extractor placed no such figure"
    assert all(at_destination(f, text) is taken_there for f in placed)


def test_a_report_placed_at_the_hospital_town_joins_the_report_of_the_attack_place():
    """One report places its count where the attack was, the other at the
    town of the hospital that received the dead: one event."""
    events = _events_by_docs(
        ("a", "A Russian missile strike hit a market in Kramatorsk on Tuesday, killing 14 people, the regional "
              "governor said.", "2023-05-02"),
        ("b", "A missile strike on a market in eastern Ukraine on Tuesday killed 16 people. The main hospital in the nearby "
              "city of Sloviansk received at least 16 dead from the strike, doctors said.", "2023-05-02"))
    assert frozenset({"a", "b"}) in events, events


def test_the_survivors_fled_elsewhere_is_one_unit_with_the_attack():
    docs = _docs(("d", "Gunmen attacked the village of Kadabo on Sunday, killing 30 people. Nearly 500 people have fled "
                       "to the nearby town of Mirani, the UN said.", "2021-01-05"))
    units = make_units(_figures(docs), docs)
    assert len(units) == 1, [(u.place, u.killed) for u in units]


@pytest.mark.parametrize("second", [
    # a sentence opening on another strike tells another incident (Gaza, the house after the school)
    "Another strike on a house in Kramatorsk killed six people.",
    "In another Russian attack, on a house in Kramatorsk, six people were killed.",
])
def test_another_strike_is_another_unit(second):
    docs = _docs(("c", f"An air strike on a school in Kramatorsk killed 20 people on Tuesday, officials said. {second}",
                  "2023-05-02"))
    units = make_units(_figures(docs), docs)
    assert sorted(u.killed for u in units) == [6, 20], [(u.place, u.killed) for u in units]
