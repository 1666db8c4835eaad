"""Mechanisms found on sentences of world news written in the shapes of a
fresh unseen set (issue 13, session 25): a title with a full stop inside a
speaker's name, a head of a named body, elected officials, a people's
adjective that is also a region, a person's name or a hospital's that a
toponym hides in, a toll revised down, a toll by its nouns.  Each row names
its country and the field the figure must (or must not) have; the
sentences are written here."""
from __future__ import annotations

import pytest

import wartally
from wartally.eval import names
from wartally.extract.sentences import split_sentences
from conftest import figure_in

K, I = "killed", "injured"


def _geocoded(text: str, fig: tuple[str, int, str], published: str = "2024-05-14"):
    figs = wartally.extract(text, published=published, outlet="the outlet", geocode=True)
    found = [f for f in figs if (str(f.outcome), f.n, str(f.victims)) == fig]
    assert found, f"no figure {fig} in {sorted({(str(f.outcome), f.n, str(f.victims)) for f in figs})}"
    return found[0]


@pytest.mark.parametrize(("country", "text"), [
    ("IQ", "Military spokesman Brig. Gen. Salah Kareem said 20 militants were killed in Anbar."),
    ("US", "Navy spokesman Cmdr. Tim Hawkins said two sailors were injured."),
    ("NG", "Gov. Umar Bago of Niger State said 30 villagers were killed."),
])
def test_world_a_dotted_title_ends_no_sentence(country, text):
    assert len(split_sentences(text)) == 1


# (country, text, figure, source the scorer must accept)
SOURCES = [
    ("IQ", "Military spokesman Brig. Gen. Salah Kareem said 20 Islamic State militants were killed in airstrikes in Anbar.",
     (K, 20, "combatants"), "military spokesman"),
    ("SO", "\u201cWe have received 31 bodies,\u201d said Dr. Abdi Hassan, director of the Madina hospital.",
     (K, 31, "people"), "Madina hospital"),
    ("ML", "Local councillor Moussa Traore told AFP that 26 villagers had been killed by jihadists near Bandiagara, Mali.",
     (K, 26, "civilians"), "local councillor"),
    ("PK", "Provincial lawmaker Ali Wazir said nine people were killed in the attack in North Waziristan, Pakistan.",
     (K, 9, "people"), "provincial lawmaker"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want"), SOURCES, ids=[f"{r[0]}-{i}" for i, r in enumerate(SOURCES)])
def test_world_source_of_a_figure(country, text, fig, want):
    f = figure_in(text, fig)
    assert f.source is not None and names.same_source(want, f.source), f"source {f.source!r}, want {want!r}"


# (country, text, figure, a name that must not be the figure's place or unit, the unit it must be in or None)
NOT_PLACES = [
    # a people's adjective that is also a region elsewhere (Ethiopia's Somali region)
    ("SO", "A Somali army officer, Capt. Ali Farah, told Reuters that 25 al-Shabaab fighters died in the fighting near "
     "Jowhar, Somalia.", (K, 25, "combatants"), "Somali", None),
    # a toponym inside a person's name after a role ("Salmiya", a town in Kuwait)
    ("PS", "Hospital director Mohamed Abu Salmiya said 15 people were killed in the strike on the camp in Gaza.",
     (K, 15, "people"), "Hawalli", None),
    # a hospital's name spelt like a Syrian village (Nasra)
    ("PS", "A medic at the Nasser hospital in Gaza said 9 people were killed, including four children.",
     (K, 9, "people"), "Nasra", None),
]


@pytest.mark.parametrize(("country", "text", "fig", "not_place", "unit"), NOT_PLACES,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(NOT_PLACES)])
def test_world_a_name_that_is_no_place_there(country, text, fig, not_place, unit):
    f = _geocoded(text, fig)
    where = {getattr(f.place, "name", None), getattr(f.place, "admin1", None),
             getattr(f.area, "name", None), getattr(f.area, "admin1", None)}
    assert not_place not in where, f"place {f.place!r}, area {f.area!r}"


def test_world_a_people_adjective_does_not_move_the_article_abroad():
    f = _geocoded("A Somali army officer, Capt. Ali Farah, told Reuters that 25 al-Shabaab fighters died in the fighting.",
                  (K, 25, "combatants"))
    assert str(f.side) == "opposition", f"side {f.side!r}: al-Shabaab in news of Somalia fights its government"


# (country, text, figure): tolls worded otherwise
TOLLS = [
    ("IQ", "The death toll from the market bombing was revised down to 84 from 96, the interior ministry said.", (K, 84, "people")),
    ("NG", "The death toll was lowered to 37, the state police command said.", (K, 37, "people")),
    ("SD", "Fatalities from the fighting in the city reached 74, including 40 soldiers, the army said.", (K, 74, "people")),
    ("SD", "Fatalities from the fighting in the city reached 74, including 40 soldiers, the army said.", (K, 40, "combatants")),
    ("MM", "The dead numbered 31, the resistance group said.", (K, 31, "people")),
]


@pytest.mark.parametrize(("country", "text", "fig"), TOLLS, ids=[f"{r[0]}-{i}" for i, r in enumerate(TOLLS)])
def test_world_a_toll_worded_otherwise(country, text, fig):
    figure_in(text, fig)
