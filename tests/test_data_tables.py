"""The knowledge tables more than one stage reads (src/wartally/data/*.tsv):
each loads, and names only weapons, victims and outcomes the rest of the
code knows."""
from __future__ import annotations

import dataclasses

import pytest

import wartally

from wartally.data.tables import event_types, governorates
from wartally.eval.names import canonical_admin1
from wartally.export.events import event_type as export_event_type
from wartally.extract import lexicon
from wartally.geo import boundaries_geojson
from wartally.link.reconcile import event_type as link_event_type
from wartally.records import Outcome, Victims
from wartally.store.queries import admin1_name

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


def test_governorates_one_row_each_with_unique_spellings():
    rows = governorates()
    assert sorted(g.pcode for g in rows) == [f"SY{i:02d}" for i in range(1, 15)]
    owner: dict[str, str] = {}
    for g in rows:
        for name in (g.name, *g.spellings, *g.regions):
            key = name.lower()
            assert owner.setdefault(key, g.name) == g.name, f"{name!r} names both {owner[key]} and {g.name}"
            assert not key.endswith((" governorate", " province")), f"{name!r}: every reader drops the word"


def test_governorates_agree_with_the_geo_boundaries():
    """The OCHA P-codes and names of data/admin1.tsv are those of the boundaries the
    geo stage ships, OCHA's own spelling among the unit's spellings."""
    by_pcode = {g.pcode: g for g in governorates()}
    for feature in boundaries_geojson(1)["features"]:
        p = feature["properties"]
        g = by_pcode[p["pcode"]]
        assert p["name"] == g.name and p["name_ocha"] in (g.name, *g.spellings), p


@pytest.mark.parametrize("spelling", ["Idleb", "Rural Damascus", "Ar-Raqqa", "Al-Hasakeh", "SY05", "Hama Governorate"])
def test_governorates_store_and_eval_read_the_same_spellings(spelling):
    assert admin1_name(spelling) == canonical_admin1(spelling) != spelling


def test_data_months_is_the_one_copy_of_the_month_names():
    """data/months.tsv loads and validates (twelve months in order, no form
    twice), gives the calendar's names and abbreviations plus "Sept", and
    no module of wartally spells the month names out again."""
    import calendar
    import re
    from pathlib import Path

    from wartally.data.tables import months

    m = months()
    assert m.names == tuple(calendar.month_name)[1:]
    expected = {n.lower(): i for i, n in enumerate(calendar.month_name) if n}
    expected.update({n.lower(): i for i, n in enumerate(calendar.month_abbr) if n})
    assert m.number == {**expected, "sept": 9}
    assert re.fullmatch(f"(?:{m.pattern()})", "Sept") and re.fullmatch(f"(?:{m.pattern_by_month()})", "june")
    src = Path(__file__).resolve().parent.parent / "src" / "wartally"
    copies = [str(p.relative_to(src)) for p in src.rglob("*.py")
              if re.search(r"\b(?:September|september)\b.*\b(?:October|october)\b", p.read_text(encoding="utf-8"))]
    assert copies == [], f"month names spelt out again in {copies}; read data/months.tsv (wartally.data.tables.months)"
