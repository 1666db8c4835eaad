"""World news, round 15 (issues 13 and 15, session 35): who speaks (a person
introduced as "an official with" a body speaks for the body; an armed group
that "identified" the dead; the victims before "among the deceased" are no
speakers; a governor named in a sentence that names its own city, after a
paragraph on another region; Sudan's resistance committees by their town);
what is counted ("26 villagers among the deceased", "the toll has exceeded
40"); where (a unit only one country has: Nigeria's Local Government Areas;
"on Sept. 24" names no place); when (the attack the incident "comes a week
after").  Each row names its country; the sentences are written here, after
the shapes of real reports."""
from __future__ import annotations

import datetime as dt

import pytest

from wartally.eval import names
from wartally.records import Qualifier
from conftest import figure_in
from test_extract_world_mechanisms import _geocoded

K, I, D = "killed", "injured", "displaced"


def _ids(rows: list[tuple]) -> list[str]:
    return [f"{r[0]}-{i}" for i, r in enumerate(rows)]


# (country, text, figure, source the scorer must accept)
SOURCES = [
    # a person the text introduces as an official of a body, speaking again by surname or "he": the body
    ("PS", "An Israeli strike on a house in Deir el-Balah killed six people, Ahmed Saleh, a senior official with the "
           "civil defence agency, told reporters.\n\nFour others were killed in a strike on a tent in Khan Younis, "
           "Saleh said.", (K, 4, "people"), "civil defence"),
    ("LB", "An Israeli drone strike on a car in Nabatieh killed three people, Hassan Fadel, an official at the "
           "health ministry, told AFP.\n\nTwo more people were killed in a strike on Tyre, Fadel said.",
     (K, 2, "people"), "Lebanon Health Ministry"),
    # an armed group that identified or documented the dead tells the count; the victims are no speakers (Myanmar)
    ("MM", "A junta air strike hit a village in Rakhine State on Wednesday. The Arakan Army has identified 31 villagers "
           "among the deceased and documented 14 others who were wounded.", (K, 31, "civilians"), "Arakan Army"),
    ("MM", "A junta air strike hit a village in Rakhine State on Wednesday. The Arakan Army has identified 31 villagers "
           "among the deceased and documented 14 others who were wounded.", (I, 14, "people"), "Arakan Army"),
    # a body or a group whose name is followed by an aside before its verb (Myanmar)
    ("MM", "A junta air strike hit a village in Sagaing Region on Monday. The National Unity Government, operating as "
           "the country's shadow administration, confirmed that the death toll had reached 37 civilians.",
     (K, 37, "civilians"), "National Unity Government"),
    ("MM", "A junta air strike hit a village in Rakhine State on Monday. The Arakan Army, an ethnic armed group "
           "fighting the junta, has identified 22 villagers among the deceased.", (K, 22, "civilians"), "Arakan Army"),
    # Sudan's resistance committees by the town the text names them with
    ("SD", "Artillery shelling by the RSF killed 19 people in Omdurman on Sunday, the resistance committees in "
           "Omdurman said.", (K, 19, "people"), "Omdurman resistance committee"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want"), SOURCES, ids=_ids(SOURCES))
def test_round15_source(country, text, fig, want):
    f = figure_in(text, fig, "2025-01-11")
    assert names.same_source(want, f.source), f"source {f.source!r}, expected {want!r}"


def test_round15_a_governor_of_the_city_its_sentence_names():
    """A regional roundup (Ukraine): the governor of the figure's own city,
    not the region of the paragraph before."""
    text = ("Russian attacks against Poltava Oblast killed a 51-year-old man, the regional military administration "
            "reported.\n\nA Russian strike against the city of Zaporizhzhia killed three people and injured 12, "
            "according to Governor Ivan Fedorov.")
    f = _geocoded(text, (K, 3, "people"), "2025-09-24")
    assert "Poltava" not in (f.source or ""), f.source
    assert names.same_source("Zaporizhzhia regional governor", f.source), f.source


@pytest.mark.parametrize(("country", "text", "fig", "qualifier"), [
    # a toll past a mark is at least it (Myanmar, Sudan)
    ("MM", "The shadow government confirmed that the death toll has exceeded 40 civilians.", (K, 40, "civilians"),
     Qualifier.AT_LEAST),
    ("SD", "The death toll from the attack on the camp has surpassed 120 people, medics said.", (K, 120, "people"),
     Qualifier.AT_LEAST),
    ("SD", "The death toll from the attack on the camp has reached 120 people, medics said.", (K, 120, "people"),
     Qualifier.EXACT),
])
def test_round15_a_toll_past_a_mark(country, text, fig, qualifier):
    assert figure_in(text, fig, "2025-01-11").qualifier == qualifier


@pytest.mark.parametrize(("country", "text", "fig", "admin1"), [
    # a unit only Nigeria has decides the country over a namesake region elsewhere (Togo's Plateaux)
    ("NG", "Gunmen killed seven people in Jebbu village of Miango District in Bassa Local Government Area of Plateau "
           "State.", (K, 7, "people"), "Plateau"),
    ("NG", "Bandits killed 12 farmers in Tsafe LGA of Zamfara State on Sunday.", (K, 12, "people"), "Zamfara"),
])
def test_round15_a_unit_only_one_country_has(country, text, fig, admin1):
    f = _geocoded(text, fig, "2024-06-06")
    assert f.admin1 == admin1, f.admin1


def test_round15_a_short_month_is_no_place():
    f = _geocoded("Russian attacks killed at least six civilians over the past day, regional authorities reported on "
                  "Sept. 24.", (K, 6, "civilians"), "2025-09-24")
    assert f.place is None or "Sept" not in (f.place.mention or ""), f.place


def test_round15_the_attack_an_incident_comes_after():
    """"comes a week after a bomb ... killed eight": eight of a week before,
    in the outlet's words (Pakistan)."""
    text = ("At least 24 people were killed in a suicide blast at the railway station in Quetta on Saturday, local "
            "officials said.\n\nThe blast comes a week after a bomb near a school in Mastung district killed eight "
            "people.")
    f = figure_in(text, (K, 8, "people"), "2024-11-09")
    assert (f.period.start, f.period.end) == (dt.date(2024, 11, 2), dt.date(2024, 11, 2))
    assert f.source == "outlet"


# (country, text, figure) that must be read
COUNTS = [
    # a toll put between two numbers ("between 46 to 50"), or as high as a number (Afghanistan)
    ("AF", "Local officials put the toll between 38 to 45 people after the blast at the mosque in Kunduz.",
     (K, 45, "people")),
    ("AF", "Witnesses said the death toll could be as high as 70.", (K, 70, "people")),
    # burned alive, slaughtered (Nigeria, Mali)
    ("NG", "At least 14 villagers were burned alive when gunmen set fire to their homes in Benue State.",
     (K, 14, "civilians")),
    ("ML", "Last year about 130 herders were slaughtered in the village of Kobaga.", (K, 130, "people")),
    # one verb for two groups at two places ("70 ... were killed in X and 30 others in Y"; Niger)
    ("NE", "The prime minister said 55 people were killed in the village of Koira and 21 others in Darey.",
     (K, 21, "people")),
    # groups alongside the first, sharing its verb (Pakistan)
    ("PK", "Three police officers were killed alongside two soldiers and a civilian in the blast near Bannu.",
     (K, 2, "combatants")),
    # "Among the victims" after a count of the dead are dead (Lebanon, Sudan)
    ("LB", "Israeli strikes killed 492 people across Lebanon on Monday, the health ministry said. Among the victims "
           "are 35 children and 58 women.", (K, 35, "children")),
    ("SD", "At least 28 civilians were killed in a drone attack on El Fasher, the army said. Among the victims were 6 "
           "women and 9 children.", (K, 9, "children")),
    # fighters and civilians counted together are people (Philippines)
    ("PH", "The twin bombings killed at least 12 soldiers and civilians in Jolo town.", (K, 12, "people")),
    ("PH", "Nearly 60 soldiers, police and civilians were wounded in the twin bombings.", (I, 60, "people")),
]


@pytest.mark.parametrize(("country", "text", "fig"), COUNTS, ids=_ids(COUNTS))
def test_round15_count_read(country, text, fig):
    figure_in(text, fig, "2024-05-10")


def test_round15_victims_treated_are_not_the_dead():
    """"Among the victims were 18 children" of a hospital's wounded: not dead
    children (Israel)."""
    from conftest import figures_of
    text = ("A missile hit a residential building in Ramat Gan, wounding 41 people, the ambulance service said. Among "
            "the victims were 12 children.")
    assert not [f for f in figures_of(text, "2024-09-24") if str(f.outcome) == "killed"]


def test_round15_a_verb_object_then_a_new_clause_is_no_mixed_group():
    """"killed 12 civilians and soldiers were wounded": the soldiers open
    another clause; the 12 stay civilians."""
    figure_in("The attack killed 12 civilians and soldiers were wounded.", (K, 12, "civilians"), "2024-05-10")


def test_round15_a_village_of_a_later_paragraph_in_another_province_is_not_this_figures():
    """"... a security outpost in eastern Ghazni province killing 2 police
    ..." then, paragraphs on, "Meanwhile in southern Zabul province ... in
    Shahjoy District" (Afghanistan): the Zabul village is no place of the
    Ghazni figures."""
    text = ("A police official says Taliban stormed a security outpost in eastern Ghazni province killing 3 police and "
            "wounding 7 others.\n\nThe provincial police chief said police repelled the attackers, who struck early "
            "Sunday, killing 15 Taliban.\n\nMeanwhile in southern Zabul province, the deputy police chief said on "
            "Sunday that two civilians were killed a day earlier in Shahjoy District when their vehicle hit a "
            "roadside bomb.")
    for fig in ((K, 3, "people"), (K, 15, "combatants")):
        f = _geocoded(text, fig, "2016-06-12")
        assert f.place is None or f.place.mention != "Shahjoy", (fig, f.place)


@pytest.mark.parametrize(("text", "fig"), [
    # a group aligned to another is not that other (Philippines)
    ("Militants set off two bombs in Jolo town, killing at least 11 people, despite threats of attacks by the "
     "Islamic State group-aligned militants, officials said.", (K, 11, "people")),
])
def test_round15_an_aligned_group_is_no_actor_of_its_patron(text, fig):
    f = figure_in(text, fig, "2020-08-24")
    assert "ISIS" not in (f.actor or ()), f.actor


def test_round15_outside_a_city_after_the_place_is_no_place():
    """"... shelling in Eastern Ghouta ... in the rebel enclave outside
    Damascus" (Syria): the city tells where the place named before lies."""
    text = ("At least four schoolchildren were among nine people killed in government shelling in Eastern Ghouta on "
            "Tuesday despite a truce in the besieged rebel enclave outside Damascus.")
    f = _geocoded(text, (K, 9, "people"), "2017-10-31")
    assert f.place is None or f.place.mention != "Damascus", f.place


def test_round15_a_capital_an_official_serves_is_no_government_speaking():
    """"The health chief for east Baghdad, Dr Ali Hassan, told the news
    agency" (Iraq): Baghdad is where he serves, not Iraq's government."""
    text = ("A twin suicide bombing in Baghdad killed 31 people, AFP reported.\n\nThe health chief for east Baghdad, Dr "
            "Ali Hassan, told the news agency that 33 people were dead and 85 wounded.")
    f = figure_in(text, (I, 85, "people"), "2018-01-15")
    assert f.source != "Iraq government", f.source
