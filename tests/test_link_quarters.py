"""A city's quarters in the toll view (issue 15, session 32): a count its
sentence places in named quarters is a part of a count of the whole city,
and counts of two different quarters are two attacks of one day, not rival
tolls (data/link/patterns.json toll_quarter).  The sentences are written
here, in the shapes of state-media roundups from Aleppo and Damascus."""
from __future__ import annotations

import pytest

from wartally.link.tolls import _quarters
from test_link_rival_accounts import incident_rows, pairs


@pytest.mark.parametrize(("sentence", "quarters"), [
    ("Terrorists targeted Saif al-Dawleh neighborhood in Aleppo city with rocket shells.", 1),
    ("Three persons were injured by explosive shots fired on the neighborhoods of al-Furqan and al-Azamiyah.", 1),
    ("A shell hit the Sulaymaniyah neighbourhood of the city.", 1),
    # a city's quarters at large, and no quarter by name
    ("Rockets hit several Aleppo neighborhoods on Thursday.", 0),
    ("The residential neighborhoods were hit.", 0),
])
def test_quarters_named_in_a_sentence(sentence, quarters):
    assert len(_quarters(sentence)) == quarters, _quarters(sentence)


def test_quarters_one_quarters_count_is_part_of_the_citys():
    rows = incident_rows(
        ("Rocket shells fired on Wednesday on residential areas of Aleppo city left five civilians killed, the state "
         "news agency reported.\n\nA police source said three civilians were killed when rockets hit Saif al-Dawleh "
         "neighborhood in Aleppo city.", "2016-07-07"))
    assert ("killed", frozenset({3, 5})) not in pairs(rows), [r.evidence for r in rows]


def test_quarters_two_quarters_counts_are_two_attacks():
    rows = incident_rows(
        ("Two people were killed and 10 injured when rebels shelled the Sulaymaniyah neighborhood of Aleppo on Saturday, "
         "the state news agency said.", "2016-11-12"),
        ("Three civilians were killed on Saturday in attacks on Aleppo, a police source said. Later the source said three "
         "people were injured by explosive bullets fired on the neighborhoods of al-Furqan and al-Azamiyah.",
         "2016-11-12"))
    assert ("injured", frozenset({3, 10})) not in pairs(rows), [r.evidence for r in rows]


def test_quarters_the_same_quarter_still_disagrees():
    rows = incident_rows(
        ("Rebel shelling of the Sulaymaniyah neighborhood of Aleppo killed 12 people on Saturday, the state news agency "
         "said.", "2016-11-12"),
        ("Rebel shelling of the Sulaymaniyah neighborhood of Aleppo killed 20 people on Saturday, a monitor said.",
         "2016-11-12"))
    assert ("killed", frozenset({12, 20})) in pairs(rows), [r.evidence for r in rows]
