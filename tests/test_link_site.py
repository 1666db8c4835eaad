"""The site an article is about (link/site.py) and reports linked by it
when the extractor placed their tolls nowhere or at the dateline's city.
Sentences written for these tests, in the shape of real reports."""
from __future__ import annotations

import pytest

from wartally.link import link_figures
from wartally.link.gold import figure_from_gold
from wartally.link.site import main_site, site_names
from wartally.link.unit import place_key
from wartally.records import Document


@pytest.mark.parametrize("text,expected", [
    ("US strikes on Yemen's Ras Isa fuel port kill at least 74", ["Ras Isa"]),                 # Yemen
    ("airstrikes that hit an oil port, called Ras Isa, which is held by the Houthis", ["Ras Isa"]),
    ("Paramilitaries stormed the Zamzam displacement camp near El Fasher", ["Zamzam"]),        # Sudan
    ("Death toll from attack on Sudan refugee camp rises to 74", []),                         # a country, no site
    ("Two bombs hit the Mugunga camp on the outskirts of Goma", ["Mugunga"]),                 # DR Congo
    ("A missile struck the Kramatorsk railway station", ["Kramatorsk"]),                      # Ukraine
    ("The blast ripped through the Police Lines mosque in Peshawar", ["Police Lines"]),      # Pakistan
])
def test_site_names_read_the_name_beside_the_site_noun(text, expected):
    assert site_names(text) == expected


def test_site_the_title_counts_twice_and_spellings_meet():
    title = "Attack on Zam Zam camp kills dozens"
    text = "Fighters also shelled the Abu Shouk camp. Residents fled the Zamzam camp on foot."
    assert main_site(title, text, place_key) == place_key("Zamzam")


def report(doc_id, title, text, published, n, place, admin1):
    doc = Document.make(doc_id, text, published=published, title=title)
    fig = figure_from_gold(doc, {"outcome": "killed", "n": n, "victims": "people", "quote": text,
                                 "start": published, "end": published, "place": place, "admin1": admin1,
                                 "weapon": "airstrike"})
    return doc, fig


def test_link_two_reports_of_one_site_placed_apart_by_the_extractor():
    """Yemen: one toll placed nowhere, the other at the dateline's city:
    both articles are about the Ras Isa fuel port (same_site)."""
    a = report("y1", "US strikes Yemen's Ras Isa fuel port, killing 38",
               "US air strikes on the Ras Isa fuel port killed 38 people, Houthi media said.", "2025-04-18", 38,
               None, None)
    b = report("y2", "US strike on Ras Isa port kills at least 58",
               "The strikes on the Ras Isa port killed at least 58 people, Houthi media said.", "2025-04-18", 58,
               "Aden", "Aden")
    result = link_figures([a[1], b[1]], {a[0].id: a[0], b[0].id: b[0]})
    assert any(set(e.doc_ids) == {"y1", "y2"} for e in result.events)
    (link,) = [l for l in result.links if not l.candidate]
    assert any("both articles are about one site" in e for e in link.evidence), link.evidence
