"""Shapes of news sentences met in reports of conflicts the dev corpora do not
hold (issue 13: an unseen check set of 34 articles from 19 countries, judged by
hand per ../shared/gold/GUIDE.md).  The sentences are written here in the
same shape with other names and numbers, not copied: each row shows one
mechanism and the field it must give.  Expected values follow the GUIDE."""
from __future__ import annotations

import pytest

import wartally
from wartally.eval import names

K, I = "killed", "injured"


def _figure(text, fig, published="2024-03-12"):
    figs = wartally.extract(text, published=published, outlet="the outlet", geocode=False)
    found = [f for f in figs if (str(f.outcome), f.n, str(f.victims)) == fig]
    assert found, f"no figure {fig} in {sorted({(str(f.outcome), f.n, str(f.victims)) for f in figs})}"
    return found[0]


# (text, figure): the figure must be found with exactly this outcome, number and group
FIGURES = [
    # a toll "put at" a number, with no word for death (GUIDE: death toll -> killed)
    ("The United Nations put the toll at 90, aid workers said.", (K, 90, "people")),
    # "elderly men and women": both, so people
    ("The monitor counted 140 dead, including 61 elderly men and women.", (K, 61, "people")),
    # adolescents and teenagers are children
    ("Gunmen killed seven villagers; two of the fatalities were teenagers, and three adolescents were wounded.",
     (I, 3, "children")),
    # security guards are watchmen, not fighters
    ("Three security guards were killed at a power substation, the governor said.", (K, 3, "people")),
]

# (text, figure, source the scorer must accept)
SOURCES = [
    # "said NAME, spokesman for the provincial police chief": the role in apposition speaks
    ("At least four civilians were shot dead in Kunar province, said Abdul Wali, spokesman for the provincial police chief.",
     (K, 4, "civilians"), "provincial police chief"),
    # a "... Media Cell" is a body that speaks
    ("On Monday night, Iraq's Security Media Cell said that militants attacked an army post, leaving three soldiers dead.",
     (K, 3, "combatants"), "Security Media Cell"),
    # a medical worker is a source like a doctor
    ("A medical worker confirmed that 12 people sustained serious injuries.", (I, 12, "people"), "medical worker"),
]

# (text, figure, weapon, published)
WEAPONS = [
    # "the strike" after the missiles the article named
    ("Two people were killed when 9 Russian missiles hit a depot in the region on Friday, the governor said. "
     "He said later that 14 people had been wounded in the strike.", (I, 14, "people"), "missile", "2022-08-05"),
    # bombs that fell or struck, after the airstrikes the lead named, are the airstrikes'
    ("Junta airstrikes killed 31 people over three days. "
     "Saturday's attack on Kan Gyi left 17 people dead when two bombs struck the village, residents said.",
     (K, 17, "people"), "airstrike", "2025-02-03"),
    # a jet, singular, is an air strike
    ("A jet dropped two bombs on the village, killing 9 villagers.", (K, 9, "civilians"), "airstrike", "2024-03-12"),
    # a roadside bomb that went off is still an IED, not an airstrike, after an air raid elsewhere
    ("An air raid hit a market in the north last week. On Sunday a roadside bomb exploded near a bus, killing 6 passengers.",
     (K, 6, "civilians"), "IED", "2024-03-12"),
]


@pytest.mark.parametrize(("text", "fig"), FIGURES)
def test_unseen_shapes_figure_is_found(text, fig):
    _figure(text, fig)


@pytest.mark.parametrize(("text", "fig", "want"), SOURCES)
def test_unseen_shapes_source_of_a_figure(text, fig, want):
    f = _figure(text, fig)
    assert names.same_source(want, f.source), f"source {f.source!r}, expected {want!r}"


@pytest.mark.parametrize(("text", "fig", "want", "published"), WEAPONS)
def test_unseen_shapes_weapon_of_a_figure(text, fig, want, published):
    f = _figure(text, fig, published)
    assert f.weapon == want, f"weapon {f.weapon!r}, expected {want!r}"
