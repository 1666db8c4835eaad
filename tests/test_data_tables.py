"""The knowledge tables more than one stage reads (src/wartally/data/*.tsv):
each loads, and names only weapons, victims and outcomes the rest of the
code knows."""
from __future__ import annotations

import dataclasses

import pytest

import wartally

from wartally.data.tables import event_types
from wartally.export.events import event_type as export_event_type
from wartally.extract import lexicon
from wartally.link.reconcile import event_type as link_event_type
from wartally.records import Outcome, Victims

FAMILIES = {"air", "ground", "bomb", "fight", "chemical"}


def test_event_types_name_known_weapons_victims_and_outcomes():
    table = event_types()
    weapons = {e.value for e in lexicon.entries("weapons")}
    assert set(table.weapon) <= weapons, set(table.weapon) - weapons
    assert list(table.weapon_order) == list(table.weapon) and len(table.weapon_order) >= 14
    assert set(table.family) == set(table.weapon) and set(table.family.values()) <= FAMILIES
    assert set(table.victims) <= {str(v) for v in Victims}
    assert set(table.outcome) <= {str(o) for o in Outcome}
    assert all(etype and sub for etype, sub in [*table.weapon.values(), *table.victims.values(), table.default])


@pytest.mark.parametrize("weapon", ["airstrike", "barrel bomb", "shelling", "car bomb", "chemical", "clashes"])
def test_event_types_export_and_link_agree_on_a_weapon(weapon):
    [figure] = wartally.extract("Air strikes killed 12 civilians in Ariha on Monday.", published="2019-06-03",
                                geocode=False)
    figure = dataclasses.replace(figure, weapon=weapon)
    want = event_types().weapon[weapon]
    assert link_event_type([figure]) == export_event_type([weapon], {"civilians"}, {"killed"}) == want
