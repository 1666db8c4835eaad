"""World news, round 12 (issue 13, session 32): who speaks (a Ukrainian
region's military administration by its acronym, "the region's governor", a
city's named ambulance service, a headline's "– Reports" that is no armed
group telling), who fired (a stand-off weapon in a war of two states, a
gang by its own name), figures worded otherwise ("fatal injuries",
"abandoned their villages", a damage list after a toll, two towns' equal
counts) and the day an offensive "was launched".  Each row names its
country and the field the figure must (or must not) have; the sentences are
written here."""
from __future__ import annotations

import pytest

from wartally.eval import names
from conftest import figure_in, figures_of
from test_extract_world_mechanisms import _geocoded

K, I, D = "killed", "injured", "displaced"


def _ids(rows: list[tuple]) -> list[str]:
    return [f"{r[0]}-{i}" for i, r in enumerate(rows)]


# (country, text, figure, source the scorer must accept, publication day)
SOURCES = [
    ("UA", "Two people were killed and five wounded in Kramatorsk, the head of the Donetsk RMA Vadym Filashkin said.",
     (K, 2, "people"), "Donetsk Regional Military Administration", "2024-09-02"),
    ("UA", "Four civilians were injured in Kherson, the Kherson OVA reported on Telegram.",
     (I, 4, "civilians"), "Kherson Regional Military Administration", "2024-09-02"),
    ("RU", "A drone strike killed two people in the city of Belgorod, the region's acting governor said on Sunday.",
     (K, 2, "people"), "Belgorod regional governor", "2024-08-11"),
    ("AF", "A roadside bomb killed three police officers in Lashkar Gah, the province's governor said.",
     (K, 3, "people"), "Helmand provincial governor", "2019-05-02"),
    ("LY", "Clashes in Tripoli killed 12 people, a spokesman for the city Ambulance and Emergency Service told Reuters.",
     (K, 12, "people"), "Tripoli Ambulance and Emergency Service", "2023-08-16"),
    # a counted group before "they added" is no speaker: the pronoun speaks for the officials named before
    ("CM", "Gunmen attacked a gendarmerie and a police station in Galim, officials said.\n\n"
     "Two gendarmes were killed, two male police officers and four civilians, they added.",
     (K, 4, "civilians"), "officials", "2020-03-08"),
    ("PK", "Five passengers were shot dead on the highway near Gwadar. The Deputy Commissioner Gwadar confirmed the toll.",
     (K, 5, "people"), "Deputy Commissioner Gwadar", "2024-05-09"),
    ("KE", "\u201cThe four officers killed were headed to Liboi,\u201d said North Eastern regional coordinator John Otieno.",
     (K, 4, "people"), "North Eastern regional coordinator", "2019-05-02"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want", "published"), SOURCES, ids=_ids(SOURCES))
def test_world_source_of_a_figure(country, text, fig, want, published):
    f = figure_in(text, fig, published)
    assert names.same_source(want, f.source), f"source {f.source!r}, want {want!r}"


@pytest.mark.parametrize(("country", "text", "fig"), [
    ("TD", "Boko Haram militants kill 14 Chadian soldiers – Reports", (K, 14, "combatants")),
    ("NG", "Bandits kill 9 farmers in Zamfara - police", (K, 9, "people")),
    ("SO", "Al-Shabaab fighters killed 6 soldiers near Baidoa, reports said.", (K, 6, "combatants")),
])
def test_world_a_group_that_acted_is_not_who_tells(country, text, fig):
    f = figure_in(text, fig)
    assert f.source not in ("Boko Haram", "militants", "bandits", "Bandits", "al-Shabaab", "Al-Shabaab fighters"), f.source


def test_world_a_group_that_says_it_killed_still_tells():
    f = figure_in("Al-Shabaab said it killed 23 soldiers in an attack on a base in Somalia.", (K, 23, "combatants"))
    assert f.source == "al-Shabaab"


# (country, text, figure, publication day, actor that must be among the figure's)
ACTORS = [
    ("UA", "Three civilians were killed and seven wounded by artillery shelling of Nikopol, the regional governor said.",
     (K, 3, "civilians"), "2024-06-03", "Russia"),
    ("UA", "A missile hit a five-storey building in Sumy, killing four people, the regional administration said.",
     (K, 4, "people"), "2024-06-03", "Russia"),
    ("RU", "Two people were killed in a drone attack on the city of Kursk, the regional governor said.",
     (K, 2, "people"), "2024-08-12", "Ukraine"),
    ("PS", "Strikes on a house in Rafah in the southern Gaza Strip killed 12 people, the Gaza health ministry said.",
     (K, 12, "people"), "2024-02-12", "Israel"),
    ("HT", "Members of the 400 Mawozo gang killed eight people in Croix-des-Bouquets, police said.",
     (K, 8, "people"), "2021-10-20", "400 Mawozo gang"),
    ("HT", "The Gran Grif gang attacked the town of Liancourt, killing 15 people, a UN spokesman said.",
     (K, 15, "people"), "2024-10-05", "Gran Grif gang"),
]


@pytest.mark.parametrize(("country", "text", "fig", "published", "want"), ACTORS, ids=_ids(ACTORS))
def test_world_actor_of_a_figure(country, text, fig, published, want):
    f = figure_in(text, fig, published)
    assert want in tuple(f.actor or ()), f"actor {f.actor!r}, want {want!r} among them"


@pytest.mark.parametrize(("country", "text", "fig", "published"), [
    # gunfire is no weapon fired across a front line
    ("UA", "Gunmen shot dead two people in a cafe in Kyiv, police said.", (K, 2, "people"), "2024-06-03"),
    # the other side of Israel's war in Gaza has no state forces: no actor by the war alone
    ("IL", "A rocket hit a house in Sderot, killing two people, police said.", (K, 2, "people"), "2024-02-12"),
    # a war of two states that had ended
    ("AZ", "Shelling killed two civilians in Tartar, the prosecutor's office said.", (K, 2, "civilians"), "2023-05-02"),
])
def test_world_no_state_fired_where_the_war_does_not_say_so(country, text, fig, published):
    f = figure_in(text, fig, published)
    assert not f.actor, f.actor


def test_world_a_named_gang_is_one_actor():
    f = figure_in("Members of the 400 Mawozo gang killed eight people in Croix-des-Bouquets, police said.", (K, 8, "people"))
    assert tuple(f.actor) == ("400 Mawozo gang",)


# (country, text, figure that must be found)
FIGURES = [
    ("UA", "The shelling caused fatal injuries to two elderly women, the governor said.", (K, 2, "women")),
    ("AF", "Four soldiers sustained fatal injuries when their vehicle hit a mine in Helmand.", (K, 4, "combatants")),
    ("MZ", "About 3,000 people abandoned their villages after the raids in Cabo Delgado, the IOM said.", (D, 3000, "people")),
    ("BF", "Some 12,000 residents abandoned the town of Djibo last month.", (D, 12000, "civilians")),
    # groups worded otherwise
    ("SS", "Three men from South Sudan's armed forces were wounded in the clash with cattle raiders.", (I, 3, "combatants")),
    ("UA", "Two women were killed in Kherson. Another woman was wounded, the governor said.", (I, 1, "women")),
    ("BF", "A first sergeant was killed when the convoy hit a mine near Djibo.", (K, 1, "combatants")),
    ("SS", "A civilian was killed and a security personnel was wounded at a cattle camp in Tonj.", (I, 1, "combatants")),
]


@pytest.mark.parametrize(("country", "text", "fig"), FIGURES, ids=_ids(FIGURES))
def test_world_a_figure_worded_otherwise(country, text, fig):
    figure_in(text, fig)


def test_world_fatal_injuries_are_no_injured():
    figs = figures_of("The shelling caused fatal injuries to two elderly women, the governor said.", "2024-03-12")
    assert not [f for f in figs if str(f.outcome) == I], [(f.outcome, f.n) for f in figs]


def test_world_a_damage_list_after_a_toll_counts_no_people():
    text = ("In Nikopol, one man was killed and two wounded, 11 private houses, 6 outbuildings, 3 garages and "
            "a shop were damaged, the governor said.")
    counts = sorted((str(f.outcome), f.n) for f in figures_of(text, "2024-06-03"))
    assert counts == [(I, 2), (K, 1)], counts


def test_world_equal_counts_of_two_towns_are_two_figures():
    text = ("Russian shelling killed three people in the Pokrovsk district on Monday, the governor said. "
            "He gave the details on Telegram.\n\n\u201cIn Myrnohrad, two people were killed and one wounded. "
            "In Kurakhove, one person was killed and one wounded,\u201d he said.")
    counts = sorted((str(f.outcome), f.n, f.place.mention if f.place else None) for f in figures_of(text, "2024-09-02"))
    assert (I, 1, "Myrnohrad") in counts and (I, 1, "Kurakhove") in counts, counts


def test_world_the_day_an_offensive_was_launched_dates_its_toll():
    text = ("An attack by armed men in western Niger killed 10 soldiers, the army said on Saturday.\n\n"
            "The offensive was launched on Friday against a military unit near the border with Mali, the army said.")
    f = figure_in(text, (K, 10, "combatants"), "2025-04-27")
    assert (str(f.period.start), str(f.period.end)) == ("2025-04-25", "2025-04-25"), f.period


def test_world_an_estimated_population_is_no_speaker():
    text = ("More than 30,000 people have fled Haiti's capital, UN officials say. The south is calm compared with "
            "Port-au-Prince, which has an estimated population of 3 million and remains paralysed by gangs. Some 17,000 "
            "people have been left homeless since the attacks began.")
    f = figure_in(text, (D, 17000, "people"), "2024-03-22")
    assert f.source != "Haiti government" and "Port" not in (f.source or ""), f.source


def test_world_people_from_a_village_are_no_force():
    figure_in("Five people from the village were killed by the raiders.", (K, 5, "people"))


# (country, text, publication day, figure, start, end): a count "so far" from when the fighting "began in February"
@pytest.mark.parametrize(("country", "text", "published", "fig", "start", "end"), [
    ("CF", "The latest fighting began in February and Human Rights Watch said last week that at least 45 people have been "
     "killed.", "2017-05-12", (K, 45, "people"), "2017-02-01", "2017-05-12"),
    ("SD", "The war broke out in April and more than 5,000 people have been killed in Khartoum, the UN said.",
     "2023-08-10", (K, 5000, "people"), "2023-04-01", "2023-08-10"),
    # a beginning that dates one attack, with no count up to now: that day
    ("UA", "The offensive began on Tuesday, killing 12 people.", "2024-05-10", (K, 12, "people"), "2024-05-07", "2024-05-07"),
])
def test_world_a_count_since_something_began(country, text, published, fig, start, end):
    f = figure_in(text, fig, published)
    assert (str(f.period.start), str(f.period.end)) == (start, end), f.period


def test_world_fighters_denied_are_no_actor():
    text = ("At least 42 civilians have been killed in Syrian government air strikes on rebel-held towns in Idlib, a "
            "monitoring group said.\n\nAn activist in the area said there were no rebel fighters near the positions they "
            "struck.\n\nAt least 17 people from one family were also killed, the monitor added.")
    f = figure_in(text, (K, 17, "people"), "2014-09-22")
    assert "opposition" not in tuple(f.actor or ()), f.actor


def test_world_dead_and_wounded_together_are_no_deaths():
    text = "The toll is not yet confirmed, with the presidency referring to some 20 dead and wounded soldiers."
    assert not [f for f in figures_of(text, "2022-11-23") if f.n == 20], "a mixed toll read as one outcome"


def test_world_killed_and_injured_in_a_headline_stays_a_toll():
    # FA-KES's pinned crowd labels count such a headline's number as dead: only the adjective before a noun is mixed
    figure_in("At Least 48 Killed and Injured in Mortar Attacks in Aleppo", (K, 48, "people"), "2016-12-15")


def test_world_a_title_cased_headline_names_no_unknown_place():
    figs = figures_of("Gunmen Kill 12 Villagers in Worst Attack on Region", "2024-03-12")
    assert figs and all(f.place is None or f.place.mention != "Worst Attack" for f in figs), [f.place for f in figs]


# (country, text, figure, side): people named by the nationality of a force the story named are its soldiers
COUNTRYMEN = [
    ("CF", "Four Cambodian soldiers died in the ambush near Bangassou, the UN said. The bodies of three missing "
     "Cambodians were found on Tuesday.", (K, 3, "combatants"), "other"),
    ("ML", "Two Chadian peacekeepers were killed in Aguelhok, the UN mission said. Three other Chadians were wounded.",
     (I, 3, "combatants"), "other"),
    ("CF", "Eight fighters from the Christian anti-Balaka rebel group were also killed near Bangassou in the Central "
     "African Republic, he said.", (K, 8, "combatants"), "opposition"),
]


@pytest.mark.parametrize(("country", "text", "fig", "side"), COUNTRYMEN, ids=_ids(COUNTRYMEN))
def test_world_countrymen_of_a_force(country, text, fig, side):
    f = figure_in(text, fig, "2017-05-12")
    assert str(f.side) == side, f.side


def test_world_countrymen_with_no_force_named_stay_people():
    figure_in("Three Syrians were killed when a boat sank off Lesbos, the coast guard said.", (K, 3, "people"))


def test_world_a_schoolgirl_is_a_child():
    figure_in("A schoolgirl was killed by a stray bullet in Port-au-Prince, police said.", (K, 1, "children"))


# (country, text, figure, admin1 the figure must be in): where, when the words around a name say it is not there
WHERE = [
    # the attacker's people, named as the agent, say nothing of where: Kherson is Ukraine's
    ("UA", "The consequences of Russian strikes on residential areas were shown after the evening shelling of Kherson by "
     "Russians. This is how a neighbourhood looks after the attack by the Russian army, the official wrote. The Russian "
     "attacked a house, which caused fatal injuries to two elderly women, the head of the Kherson Regional Military "
     "Administration said.", (K, 2, "women"), "Kherson"),
    # a bus bound for Karachi was attacked in Gwadar, in Balochistan
    ("PK", "Five passengers were gunned down after being offloaded from a Karachi-bound bus on the Coastal Highway in "
     "Gwadar, officials said.", (K, 5, "people"), "Balochistan"),
]


@pytest.mark.parametrize(("country", "text", "fig", "admin1"), WHERE, ids=_ids(WHERE))
def test_world_where_the_words_around_a_name_say(country, text, fig, admin1):
    f = _geocoded(text, fig)
    assert names.same_admin1(admin1, f.area.name if f.area else None) or (
        f.place is not None and names.same_admin1(admin1, f.place.admin1)), (f.place, f.area)


def test_world_a_peoples_village_is_no_place_named():
    text = "Settlers stormed into a Palestinian village in the West Bank on Friday. A Palestinian man was killed, officials said."
    f = _geocoded(text, (K, 1, "men"))
    assert f.place is None or f.place.mention != "Palestinian", f.place



# (country, text, publication day, figure, start): a state's war named by its deed is the war's toll, said or not
@pytest.mark.parametrize(("country", "text", "published", "fig", "start"), [
    ("PS", "Israeli strikes hit Gaza City overnight. Gaza's health ministry says Israel's offensive has killed more than "
     "40,000 people in the territory.", "2024-08-27", (K, 40000, "people"), "2023-10-07"),
    ("UA", "Russian missiles hit Kyiv. Ukraine's government says Russia's full-scale invasion has killed more than "
     "10,000 civilians.", "2023-09-01", (K, 10000, "civilians"), "2022-02-24"),
    ("SD", "The health ministry says the war has killed 9,000 people in Sudan.", "2023-10-20", (K, 9000, "people"),
     "2023-04-15"),
])
def test_world_a_states_war_by_its_deed(country, text, published, fig, start):
    f = figure_in(text, fig, published)
    assert (str(f.period.start), str(f.period.end)) == (start, published), f.period


def test_world_internally_displaced_with_no_noun():
    figure_in("The conflict in Burkina Faso has left 4,000 dead, with 800,000 internally displaced.", (D, 800000, "people"))


def test_world_a_dead_body_carried_counts_nobody():
    text = ("A man carried a wounded child to an ambulance in Khan Younis while two others carried a dead body wrapped "
            "in a blanket.")
    assert not [f for f in figures_of(text) if str(f.outcome) == K], [(f.outcome, f.n) for f in figures_of(text)]


@pytest.mark.parametrize(("text", "days"), [
    ("The 'surprise offensive' was launched on Friday against a military unit near Sakoira.", ("2025-04-25",)),
    # a campaign of many days: "on Tuesday during an offensive" is when a town was entered, no attack's day
    ("The killings took place in a village which troops entered on Tuesday during an offensive north of Aleppo.", ()),
])
def test_world_the_day_an_offensive_was_launched_is_its_attack_day(text, days):
    import datetime as dt

    from wartally.extract.attack_day import attack_days
    assert tuple(str(d) for d in attack_days(text, dt.date(2025, 4, 27))) == days
