"""A word for the blast is no weapon: one report's "blast" at a hospital is
another's "air strike", so two explosive weapons of which one was read only
from such a word do not count against a link (comparison level
generic_weapon); two weapons both named stay a difference.  Sentences
written for these tests, in the shape of real reports."""
from __future__ import annotations

import dataclasses

import pytest

from wartally.link import link_figures
from wartally.link.gold import figure_from_gold
from wartally.records import Document, Span


def report(doc_id, text, n, weapon, rule, *, place, admin1, day, published):
    doc = Document.make(doc_id, text, published=published)
    fig = figure_from_gold(doc, {"outcome": "killed", "n": n, "victims": "people", "quote": text,
                                 "start": day, "end": day, "place": place, "admin1": admin1, "weapon": weapon})
    fig = dataclasses.replace(fig, provenance=(Span(doc_id, 0, 5, text[:5], f"weapon:{rule}"),))
    return doc, fig


def levels_of(a, b):
    docs = {a[0].id: a[0], b[0].id: b[0]}
    result = link_figures([a[1], b[1]], docs)
    together = any(len(e.doc_ids) == 2 for e in result.events)
    evidence = [e for link in result.links for e in link.evidence]
    return together, evidence


@pytest.mark.parametrize("a,b,together", [
    # Gaza: a ministry's air strike against another outlet's blast at the same hospital on the same day
    (("g1", "An Israeli air strike on the Al-Ahli hospital in Gaza City killed 500 people.", 500, "airstrike",
      "airstrike", "Al-Ahli hospital", "Gaza", "2023-10-17", "2023-10-17"),
     ("g2", "A blast at the Al-Ahli hospital in Gaza City killed 471 people on Tuesday.", 471, "IED", "bomb-blast",
      "Al-Ahli hospital", "Gaza", "2023-10-17", "2023-10-18"), True),
    # DR Congo: an explosion in a camp and the shelling that caused it
    (("c1", "An explosion in the Mugunga camp killed 12 people on Friday.", 12, "IED", "bomb-blast",
      "Mugunga", "North Kivu", "2024-05-03", "2024-05-03"),
     ("c2", "Shelling hit the Mugunga camp on Friday, killing 14 people.", 14, "shelling", "shelling",
      "Mugunga", "North Kivu", "2024-05-03", "2024-05-04"), True),
])
def test_link_a_word_for_the_blast_is_any_explosive_weapon(a, b, together):
    ra = report(*a[:5], place=a[5], admin1=a[6], day=a[7], published=a[8])
    rb = report(*b[:5], place=b[5], admin1=b[6], day=b[7], published=b[8])
    got, evidence = levels_of(ra, rb)
    assert got is together
    assert any("one read only from a word for the blast" in e for e in evidence), evidence


def test_link_two_named_weapons_still_differ():
    """Afghanistan: a car bomb and an air strike, both named, in one town
    on one day: the weapons count against the link (other_family)."""
    a = report("k1", "A car bomb killed 9 people in Lashkar Gah on Monday.", 9, "car bomb", "car-bomb",
               place="Lashkar Gah", admin1="Helmand", day="2019-03-04", published="2019-03-04")
    b = report("k2", "An air strike killed 9 people in Lashkar Gah on Monday.", 9, "airstrike", "airstrike",
               place="Lashkar Gah", admin1="Helmand", day="2019-03-04", published="2019-03-04")
    _, evidence = levels_of(a, b)
    assert any("weapons differ: " in e for e in evidence), evidence
