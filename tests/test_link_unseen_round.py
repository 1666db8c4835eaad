"""Linking mechanisms of round 12 (issue 15, unseen news of other wars):
real-style sentences, written for these tests, through the real link
stage.  Each table row is one pair of reports of one incident (or of two)."""
from __future__ import annotations

import pytest

from wartally.link import link_figures
from wartally.link.gold import figure_from_gold
from wartally.link.unit import place_key
from wartally.records import Document


def report(doc_id, text, published, n, day, place, admin1, weapon, **more):
    doc = Document.make(doc_id, text, published=published)
    fig = figure_from_gold(doc, {"outcome": more.pop("outcome", "killed"), "n": n,
                                 "victims": more.pop("victims", "people"), "quote": more.pop("quote", text),
                                 "start": day, "end": day, "place": place, "admin1": admin1, "weapon": weapon,
                                 **more})
    return doc, fig


def linked(*reports):
    docs = {d.id: d for d, _ in reports}
    result = link_figures([f for _, f in reports], docs)
    return any(len(e.doc_ids) == len(reports) for e in result.events), result


@pytest.mark.parametrize("one,other", [
    ("Fombita", "Fonbita"),  # a village of Tillaberi, as two agencies spell it
    ("Anbar", "Ambar"),
    ("Sinpaung", "Simpaung"),
])
def test_link_place_key_reads_n_before_b_or_p_as_m(one, other):
    assert place_key(one) == place_key(other)


@pytest.mark.parametrize("one,other", [
    ("Kanbalu", "Kabalu"),  # the n is a letter of the name, not a way of writing m
    ("Minab", "Mirab"),
])
def test_link_place_key_keeps_other_letters_apart(one, other):
    assert place_key(one) != place_key(other)


def test_link_one_village_under_two_spellings_of_its_nasal():
    """'Fombita' and 'Fonbita' are one village: the same attack on one day,
    one report undated, is one incident."""
    a = report("a", "Gunmen killed 44 worshippers at a mosque in Fombita during Friday prayers, the government said.",
               "2025-03-23", 44, None, "Fombita", None, None)
    b = report("b", "The attack on the mosque in Fonbita on Friday killed 44 civilians, officials said.",
               "2025-03-23", 44, "2025-03-21", "Fonbita", "Tillaberi", None)
    together, _ = linked(a, b)
    assert together
