"""Shapes of news sentences met in a further unseen check of world news
(issue 13, round 4: 21 articles from 18 countries' conflicts, judged by hand
per ../shared/gold/GUIDE.md before the extractor was run on them).  The
sentences are written here in the same shape with other names, places and
numbers, not copied: each row shows one mechanism, names its country, and
gives the field it must give.  Expected values follow the GUIDE."""
from __future__ import annotations

import datetime as dt

import pytest

import wartally
from conftest import figure_in, figures_of

K, I, D = "killed", "injured", "displaced"


_figures, _figure = figures_of, figure_in


# (country, text, figure): the figure must be found with exactly this outcome, number and group
FIGURES = [
    # "houses" as a noun before a figure is no population ("the camp houses 3,000")
    ("Yemen", "Another seven houses were destroyed and 12 civilians were wounded when shells hit a market in Hodeidah, Yemen.",
     (I, 12, "civilians")),
    ("Ukraine", "\"In one of the houses a woman died, born in 1961,\" the prosecutor in Sumy, Ukraine, said.", (K, 1, "women")),
    # a participle before the noun is the group's own outcome, also when another group follows with its own
    # (round 8: unseen news of CF, PH)
    ("CAR", "UN peacekeepers discovered 17 dead civilians near a church in Bambari.", (K, 17, "civilians")),
    ("Philippines", "The clash left four wounded soldiers and three dead rebels, the army said.", (I, 4, "combatants")),
    ("Philippines", "The clash left four wounded soldiers and three dead rebels, the army said.", (K, 3, "combatants")),
    # people named by what they do are people, citizens are civilians (gold guide; round 8: unseen news of NG, AF)
    ("Nigeria", "Boko Haram insurgents hacked 12 farmers to death near Kalle, Borno, on Saturday.", (K, 12, "people")),
    ("Afghanistan", "Gunmen stormed the university in Kabul, killing 19 students.", (K, 19, "people")),
    ("Pakistan", "A roadside bomb hit a bus in Quetta, killing nine passengers.", (K, 9, "people")),
    ("Tajikistan", "Tajikistan said 35 of its citizens were killed in the border clashes.", (K, 35, "civilians")),
    # refugees and asylum seekers counted as such are displaced people (round 8: unseen news of GE, NE)
    ("Armenia", "More than 20,000 refugees had crossed into Armenia from Nagorno-Karabakh by Monday evening, officials said.",
     (D, 20000, "people")),
    ("Chad", "Some 14,000 Sudanese asylum seekers have fled into eastern Chad since the attack, the UN refugee agency said.",
     (D, 14000, "people")),
    ("Lebanon", "At least 12 refugees were killed when the shelling hit the camp near Sidon, Lebanon.", (K, 12, "people")),
    # "the flight of N people": displacement by its noun
    ("Haiti", "The gang violence has caused the flight of more than 3,000 people from the Solino district of Port-au-Prince, Haiti.",
     (D, 3000, "people")),
    # "driven N people from their homes": the verb before, the homes after the number
    ("Mali", "The insurgency in central Mali has killed thousands and driven almost 400,000 people from their homes.",
     (D, 400000, "people")),
    # "a mother with her four children": a family coordinated by "with her"
    ("Palestine", "An Israeli strike killed 11 people in Rafah, in the Gaza Strip. The dead included a man and his two sons, "
     "and a mother with her four children.", (K, 4, "children")),
    # "the loss of N soldiers": an army's words for its dead
    ("Niger", "The army of Niger mourned the loss of seven soldiers in the attack near Tera.", (K, 7, "combatants")),
    # drowned while fleeing the attack
    ("South Sudan", "Four children were drowned as villagers fled the raid in Jonglei state, South Sudan.", (K, 4, "children")),
    # "N people who sustained wounds": the relative clause's verb is the group's
    ("Nigeria", "Police in Nigeria said six people who sustained gunshot wounds were taken to hospital in Makurdi.",
     (I, 6, "people")),
    # "received an injury" in the singular
    ("Afghanistan", "A 40-year-old man received a shrapnel injury in the blast in Kandahar, Afghanistan.", (I, 1, "men")),
    # a list of parts between the group and its verb
    ("Cameroon", "On Sunday, 14 villagers, including women and a baby, were killed in an attack near Bamenda, Cameroon.",
     (K, 14, "civilians")),
    # a range written with a hyphen is one figure at its high end (the range rule's at_most)
    ("Colombia", "Guerrillas killed 10-15 soldiers in the ambush in Cauca, Colombia, the army said.", (K, 15, "combatants")),
    # "N people who died"
    ("DR Congo", "Local officials in Congo's North Kivu province counted 17 people who died in the attack on Oicha.",
     (K, 17, "people")),
]


@pytest.mark.parametrize(("country", "text", "fig"), FIGURES, ids=[f"{r[0]}-{i}" for i, r in enumerate(FIGURES)])
def test_world_shapes_figure_is_found(country, text, fig):
    _figure(text, fig)


# (country, text, figure that must NOT be given)
NOT_FIGURES = [
    # "who lives near the market" is no "lives" lost
    ("Sudan", "Ahmed, a 52-year-old man who lives near the market in El Obeid, Sudan, said the shelling lasted hours.",
     (K, 1, "men")),
    # "houses" as a verb before a number: the people it shelters, not victims
    ("Somalia", "The camp houses some 8,000 people and was shelled on Monday near Baidoa, Somalia, killing two.",
     (K, 8000, "people")),
    # a speaker described at length ("an official from a ... organization told ...") is no victim
    ("Myanmar", "Junta air strikes in Sagaing killed four civilians, an official from a local women's rights group told "
     "reporters on Friday.", (K, 1, "people")),
    ("South Sudan", "Cattle raiders killed 11 people in Jonglei, a member of the state's peace commission said on Monday.",
     (K, 1, "people")),
    # "the casualties included ...": the dead and the wounded together, so no part of either
    ("Sudan", "Shelling killed 13 civilians and wounded 19 in El Obeid on Monday. The casualties included five children, "
     "a local rights group said.", (K, 5, "children")),
    ("Ukraine", "A missile strike on Kharkiv killed four people and injured 30. The casualties included two children, "
     "the regional governor said.", (K, 2, "children")),
    # a body a photograph shows is no count of its own (it is among the toll the article gives); nor a body that is no corpse
    ("Syria", "One photograph shows a man carrying the lifeless body of a child covered with dust.", ("killed", 1, "children")),
    ("Somalia", "The governing body of the UN met on Monday to discuss the 2 resolutions on Somalia.", ("killed", 2, "people")),
    # huts burned are no people, though people fled them; nor is a share of the displaced
    ("Uganda", "She explained that between 150 and 200 huts at the camp were set ablaze and many people were forced to "
     "flee to nearby camps and towards Gulu town.", ("displaced", 200, "people")),
    ("Haiti", "Nearly 90% of the displaced are staying with relatives in host families, the IOM said.", ("displaced", 90, "people")),
]


@pytest.mark.parametrize(("country", "text", "fig"), NOT_FIGURES, ids=[r[0] for r in NOT_FIGURES])
def test_world_shapes_no_figure(country, text, fig):
    figs = _figures(text, "2024-03-12")
    assert fig not in {(str(f.outcome), f.n, str(f.victims)) for f in figs}


# the parts listed after a count that is no outcome (missing, abducted, detained) are that count's,
# not parts of the figure before it: (country, text, the figures that must be given, and nothing else)
PARTS_OF_NO_FIGURE = [
    ("Colombia", "Guerrillas attacked a police post in Cauca. Four people were wounded in the attack and six people were "
     "missing, including two soldiers, one policeman and two contractors.", [(I, 4, "people")]),
    ("Nigeria", "Gunmen killed five people in Zamfara state. Twelve others were abducted, among them three children and "
     "a woman, police said.", [(K, 5, "people")]),
    ("Mozambique", "Insurgents killed three villagers near Mocimboa da Praia and 14 people remain missing, including "
     "four women, a local administrator said.", [(K, 3, "civilians")]),
    # a count with an outcome keeps its parts
    ("Burkina Faso", "The attack near Djibo killed 12 civilians, including one child, three women and eight men.",
     [(K, 12, "civilians"), (K, 1, "children"), (K, 3, "women"), (K, 8, "men")]),
]


@pytest.mark.parametrize(("country", "text", "want"), PARTS_OF_NO_FIGURE, ids=[r[0] for r in PARTS_OF_NO_FIGURE])
def test_world_shapes_parts_of_a_count_that_is_no_figure(country, text, want):
    figs = _figures(text, "2024-03-12")
    assert sorted((str(f.outcome), f.n, str(f.victims)) for f in figs) == sorted(want)


# "one of the dead was X and the N others were Y": the others are a part of the same toll, as the copula names them
OTHERS_OF_A_TOLL = [
    ("Lebanon", "An Israeli strike on a car near Tyre killed three people on Sunday. One of the dead was a Hezbollah "
     "fighter and the two others were civilians, a security source said.", 3, (K, 2, "civilians")),
    ("Somalia", "The car bomb in Baidoa killed five people. One of the dead was a soldier and the four others were "
     "\"civilians\", a district official said.", 5, (K, 4, "civilians")),
    ("Myanmar", "Junta shelling killed four people in Sagaing region. One of the dead was a resistance fighter while "
     "the three others were villagers, local media said.", 4, (K, 3, "civilians")),
]


@pytest.mark.parametrize(("country", "text", "whole", "fig"), OTHERS_OF_A_TOLL, ids=[r[0] for r in OTHERS_OF_A_TOLL])
def test_world_shapes_the_others_of_a_divided_toll_are_its_part(country, text, whole, fig):
    figs = _figures(text, "2024-03-12")
    part = _figure(text, fig)
    parent = next(f for f in figs if f.n == whole and str(f.outcome) == K)
    assert part.part_of == parent.id, (part.part_of, parent.id)


# a bare number after a part list takes the group of the whole, not of its last part
# (country, text, figure that must be given)
GROUP_OF_THE_WHOLE = [
    ("Myanmar", "Junta airstrikes on a monastery in Magway killed 16 people, including a child, and injured 25, residents said.",
     (I, 25, "people")),
    ("Sudan", "RSF shelling killed 13 civilians, including four women, and wounded 30 in El Obeid, activists said.",
     (I, 30, "civilians")),
]


@pytest.mark.parametrize(("country", "text", "fig"), GROUP_OF_THE_WHOLE, ids=[r[0] for r in GROUP_OF_THE_WHOLE])
def test_world_shapes_a_bare_number_after_parts_takes_the_wholes_group(country, text, fig):
    _figure(text, fig)


def test_world_shapes_a_hyphenated_range_is_its_high_end_at_most():
    """"100-300 people": one figure, 300 at most; a date written with hyphens is no range."""
    f = _figure("The attack killed 100-300 people in a village of Borno state, Nigeria.", (K, 300, "people"))
    assert str(f.qualifier) == "at_most", f.qualifier
    figs = _figures("On 26-12-2018 gunmen killed 5 people in Plateau state, Nigeria.", "2018-12-27")
    assert [f.n for f in figs] == [5]


def test_world_shapes_a_definite_restatement_is_no_second_figure():
    """"The five people who lost their lives were buried": the figure told before, once."""
    text = ("Gunmen killed five people in Lamu county, Kenya, on Thursday. The five people who lost their lives "
            "were buried on Friday, a county official said.")
    figs = _figures(text, "2023-06-10")
    assert [f.n for f in figs if str(f.outcome) == K] == [5]


# (country, text, published, n, place the figure must be given: its mention; None: no settlement)
PLACES = [
    # a rank before a run of names: a person, not the Philippine town Ramon
    ("Philippines", "Three marines were wounded in the clash in Sulu province, the Philippines, armed forces spokesman "
     "Capt. Ramon Alcaraz said.", "2024-03-12", 3, None),
    # "Major Ali Aden Hussein": Aden is part of a name
    ("Somalia", "Two police officers were killed in a blast in Mogadishu, Somalia, police spokesman Major Ali Aden "
     "Hussein said.", "2024-03-12", 2, "Mogadishu"),
    # "X, a village of about 80 households": the apposition calls it a village
    ("Myanmar", "The air strike took place on Monday, with two bombs dropped on a Pyin Oo, a village of about 80 "
     "households in Magway region of Myanmar, killing six civilians.", "2024-03-12", 6, "Pyin Oo"),
    # "a neighborhood in the capital, X ... the Y district": the part of town the next sentence names
    ("Haiti", "Twelve people were killed in attacks on residents of a neighborhood in the Haitian capital, "
     "Port-au-Prince. Thousands have fled the Solino district since Monday.", "2024-03-12", 12, "Solino"),
    # "in general area X": the Pakistani military's words for a locality
    ("Pakistan", "Five soldiers were martyred in general area Datta Khel of North Waziristan district, Pakistan, "
     "the military said.", "2024-03-12", 5, "Datta Khel"),
    # "the X valley"
    ("Pakistan", "Seven militants were killed in an operation in the Shawal valley of North Waziristan, Pakistan.",
     "2024-03-12", 7, "Shawal"),
    # "the attackers struck X, about N km from Y": an unknown village by the verb before it
    ("DR Congo", "Rebels killed 13 civilians in a village in Congo's Ituri Province on Monday. The attackers struck "
     "Mabanga, about 30 kilometres from Komanda, at dawn.", "2024-03-12", 13, "Mabanga"),
    # "clashed at X village": the English "at", not an Arabic article
    ("South Sudan", "Eleven people were killed when youths clashed at Majak Nhial village in Warrap, South Sudan.",
     "2024-03-12", 11, "Majak Nhial"),
    # "a neighbourhood of X town": the town
    ("Mozambique", "Later on Friday, insurgents attacked an outlying neighbourhood of Mueda town itself, where they "
     "killed four people, in Cabo Delgado, Mozambique.", "2024-03-12", 4, "Mueda"),
    # "the village of X, a neighbourhood in the town of Y": X, the innermost
    ("Cameroon", "The attackers stormed the village of Bessi, a neighbourhood in the town of Kumba, before dawn. "
     "The attack left eight people dead, a local official in Cameroon said.", "2024-03-12", 8, "Bessi"),
    # reinforcements "one from X": where help came from, not where it happened
    ("Niger", "Militants killed nine soldiers in Tahoua region, Niger. Reinforcements were sent quickly, one unit from "
     "Tillia and another from Abalak.", "2024-03-12", 9, None),
]


@pytest.mark.parametrize(("country", "text", "published", "n", "place"), PLACES, ids=[f"{r[0]}-{r[3]}" for r in PLACES])
def test_world_shapes_place_of_a_figure(country, text, published, n, place):
    f = next(f for f in _figures(text, published) if f.n == n)
    got = f.place.mention if f.place is not None else None
    assert got == place, f"{country}: place {got!r}, expected {place!r}"


# (country, text, figure, published, first, last): the figure's period lies within first..last
DATES = [
    # "there had been no fighting in the area in the past 30 days": nothing happened then, no period of the figure
    ("Myanmar", "A spokesman for the Kachin Independence Army said 6 people were killed, adding there had been no "
     "fighting in the area in the past 30 days.", (K, 6, "people"), "2024-05-10", "2024-05-08", "2024-05-10"),
    # "This happened late Tuesday night": the next sentence about the attack dates it
    ("Sudan", "Five civilians were killed when a drone hit a shelter in Kadugli, Sudan. This happened late Tuesday "
     "night, a doctor said.", (K, 5, "civilians"), "2025-03-13", "2025-03-11", "2025-03-12"),
    # "May was the bloodiest month, with N killed"
    ("Yemen", "So far, May was the bloodiest month, with 40 civilians killed in shelling in Taiz, Yemen, the UN said.",
     (K, 40, "civilians"), "2022-06-03", "2022-05-01", "2022-05-31"),
    # a year that dates a vague toll ("thousands in the last year") dates no figure after it
    ("Nigeria", "Bandits have killed thousands in the last year in Zamfara, Nigeria. Police said six bodies were "
     "recovered from the scene.", (K, 6, "people"), "2023-06-05", "2023-05-29", "2023-06-05"),
    # "told Radio X on Monday that the clashes broke out last Friday": Friday, not the day it was told
    ("South Sudan", "At least 20 people were killed in clashes in Warrap state, South Sudan. A county official told "
     "Radio Miraya on Monday that the clashes broke out last Friday in Gogrial.", (K, 20, "people"), "2023-04-10",
     "2023-04-06", "2023-04-08"),
    # the wire's dateline date is the day it filed, not the day of the attack
    ("Niger", "NIAMEY, Sept. 18 (Xinhua) - More than 40 soldiers were killed near Tera in an attack on Sunday, "
     "the army said.", (K, 40, "combatants"), "2024-09-18", "2024-09-15", "2024-09-15"),
]


@pytest.mark.parametrize(("country", "text", "fig", "published", "first", "last"), DATES, ids=[r[0] for r in DATES])
def test_world_shapes_period_of_a_figure(country, text, fig, published, first, last):
    f = _figure(text, fig, published)
    got = (f.period.start, f.period.end) if f.period is not None else None
    assert got is not None and dt.date.fromisoformat(first) <= got[0] and got[1] <= dt.date.fromisoformat(last), \
        f"{country}: period {got}, expected within {first}..{last}"


# (country, text, figure, weapon wanted; a "!" before it: any weapon but that one)
WEAPONS = [
    ("Myanmar", "The spokesman said 6 people were killed, adding there had been no fighting in the area for weeks.",
     (K, 6, "people"), "!clashes"),
    ("Pakistan", "Four terrorists were killed in the ensuing fire exchange in Lakki Marwat, Pakistan, the military said.",
     (K, 4, "combatants"), "clashes"),
    ("South Sudan", "At least 16 people were killed in a cattle raid in Jonglei state, South Sudan.", (K, 16, "people"),
     "!airstrike"),
    ("Cameroon", "Separatists killed seven people in a dawn raid on a village in Cameroon's Northwest region.",
     (K, 7, "people"), "!airstrike"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want"), WEAPONS, ids=[r[0] for r in WEAPONS])
def test_world_shapes_weapon_of_a_figure(country, text, fig, want):
    f = _figure(text, fig)
    if want.startswith("!"):
        assert f.weapon != want[1:], f"{country}: weapon {f.weapon!r}"
    else:
        assert f.weapon == want, f"{country}: weapon {f.weapon!r}, expected {want!r}"


def test_world_shapes_the_demonym_that_shells_is_the_attacker_not_the_country():
    """"The Russians shelled Kherson": Russia attacked, the town is Ukraine's."""
    figs = wartally.extract("The Russians shelled Kherson overnight, killing two people, the regional governor said.",
                            published="2024-02-02", outlet="the outlet")
    f = next(f for f in figs if f.n == 2)
    assert f.place is not None and f.place.country == "Ukraine", f.place


def test_world_shapes_a_war_total_keeps_the_town_its_people_fled():
    """"forced to flee X" since the war began: that town's displaced, not the country's."""
    text = "Since the war began, around 500,000 people have been forced to flee Nyala, according to the United Nations."
    f = _figure(text, (D, 500000, "people"), "2025-06-12")
    assert f.place is not None and f.place.mention == "Nyala", f.place
