"""Two counts of one incident placed at two places are two places' counts
(parts, not rivals) unless one's sentences name the other's place: the UN's
count "at the Mugunga and Lac Vert camps", placed at the dateline's Goma,
and the government's count at Mugunga are one place under two geocodings
(sixth round, issue 15).  Real-looking sentences through the real link
stage."""
from __future__ import annotations

import pytest

from wartally.link import link_figures
from wartally.link.gold import figure_from_gold
from wartally.records import Document

GOVERNMENT = "The government said 35 people were killed when bombs hit the Mugunga camp for displaced people."
UN_NAMING = "The bombings at the Mugunga and Lac Vert camps for displaced people killed 18 people, the UN said."
UN_OTHER = "Bombs that hit camps for displaced people killed 18 people in Goma, the UN said."


def report(doc_id, text, n, place, source, published):
    d = Document.make(doc_id, text, published=published)
    return d, figure_from_gold(d, {"outcome": "killed", "n": n, "victims": "people", "quote": text,
                                   "start": "2024-05-03", "end": "2024-05-03", "place": place, "admin1": "North Kivu",
                                   "weapon": "IED", "source": source})


@pytest.mark.parametrize("un_text,rows", [
    (UN_NAMING, [(18, 35)]),  # the UN's sentence names Mugunga: one place, two counts that cannot both be right
    (UN_OTHER, []),  # Goma's count against Mugunga's: the city's and a camp's, not rivals
])
def test_incident_toll_places_named_by_the_other(un_text, rows):
    reports = [report("gov", GOVERNMENT, 35, "Mugunga", "DRC government", "2024-05-04"),
               report("un", un_text, 18, "Goma", "UN", "2024-05-04")]
    docs = {d.id: d for d, _ in reports}
    result = link_figures([f for _, f in reports], docs)
    assert any(len(e.doc_ids) == 2 for e in result.events)  # one event (named_nearby), whose toll is compared
    shown = sorted(tuple(sorted((r.n_a, r.n_b))) for r in result.disagreements if r.scope == "incident")
    assert shown == rows


def test_incident_toll_places_an_analysts_place_is_not_overruled_by_the_text():
    # the UN's sentence names Mugunga, but an analyst put its count at Goma: the analyst's word stands
    from dataclasses import replace
    from wartally.records import ANALYST_PICKED
    gov = report("gov", GOVERNMENT, 35, "Mugunga", "DRC government", "2024-05-04")
    un_doc, un_fig = report("un", UN_NAMING, 18, "Goma", "UN", "2024-05-04")
    un_fig = replace(un_fig, place=replace(un_fig.place, reason=ANALYST_PICKED))
    result = link_figures([gov[1], un_fig], {"gov": gov[0], "un": un_doc})
    assert not [r for r in result.disagreements if r.scope == "incident"]
