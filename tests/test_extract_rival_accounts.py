"""Articles that set two accounts of one toll side by side (issue 15, through
issue 13's extractor): each number must keep the one who told it, or the
disagreement view has nothing to show.  Shapes from the read incident set
(Myanmar, Afghanistan, Syria, Burkina Faso); the sentences are written here
with other names and numbers.  Each row names its country and the source the
figure must have (as the scorer accepts it), or must not have."""
from __future__ import annotations

import pytest

from wartally.eval import names
from conftest import figure_in

K, I = "killed", "injured"


def _ids(rows: list[tuple]) -> list[str]:
    return [f"{r[0]}-{i}" for i, r in enumerate(rows)]


# (country, text, figure, source)
TOLD_BY = [
    # two clauses, two speakers: each number is told by the one of its own clause
    ("MM", "On May 2, the NUG reported that 52 people were killed in the junta's air strike on Kyauk Pyin village in "
     "Myanmar's Magway Region, however, villagers claim that 61 people died in the attack.", (K, 52, "people"),
     "National Unity Government (NUG)"),
    ("MM", "On May 2, the NUG reported that 52 people were killed in the junta's air strike on Kyauk Pyin village in "
     "Myanmar's Magway Region, however, villagers claim that 61 people died in the attack.", (K, 61, "people"),
     "local residents"),
    ("AF", "Provincial officials in Kunduz, Afghanistan, gave varying estimates of the toll - from at least 20 dead to "
     "more than 35 - while a Taliban spokesman cited at least 9 civilians killed.", (K, 9, "civilians"), "Taliban"),
    # a side's broadcaster, named as the text names it
    ("SY", "At least 40 soldiers were killed in the shelling of the barracks in Hama, Syria, according to the Syrian "
     "Observatory for Human Rights. Meanwhile, a pro-government radio station reported 47 deaths.",
     (K, 47, "people"), "pro-government radio station"),
    ("SY", "At least 40 soldiers were killed in the shelling of the barracks in Hama, Syria, according to the Syrian "
     "Observatory for Human Rights. Meanwhile, a pro-government radio station reported 47 deaths.",
     (K, 40, "combatants"), "SOHR"),
    # a claim of the attack that gives the number tells it
    ("BF", "The army said at least 80 people died in the raid on Djibo in Burkina Faso. JNIM claimed responsibility "
     "for killing nearly 150 soldiers and militiamen.", (K, 150, "combatants"), "JNIM"),
    # reports nobody is named for are the reports, not a speaker of the sentences around
    ("MM", "At least 30 civilians were killed when a jet bombed Let Pan village in Myanmar's Sagaing Region. Some "
     "unconfirmed reports put the death toll at about 60. At least 30 people were killed, according to local "
     "witnesses.", (K, 60, "civilians"), "unconfirmed reports"),
    # a body's full name through "and", less where it is based, with the short name it gives
    ("PK", "The Lahore-based Centre for Research and Security Studies (CRSS) said militant attacks resulted in at "
     "least 90 deaths in March.", (K, 90, "people"), "CRSS"),
    # state broadcasters as written, with their country (not its possessive), as the gold files name them
    ("CM", "Cameroon's state television said six soldiers were killed in an attack in Bamenda.", (K, 6, "combatants"),
     "Cameroon state television"),
    # the speaker named after "said", with the place a role's name opens with
    ("LB", "Two civilians were injured in Israeli strikes on villages in southern Lebanon on Tuesday, said Lebanese "
     "military sources.", (I, 2, "civilians"), "Lebanese military sources"),
    # a body named again by its kind alone, in lower case: the one named before
    ("PS", "The health ministry in Gaza said at least 400 people were killed in the blast at the hospital.\n\nThe "
     "ministry claimed earlier that \"two hundred to 250\" people were killed in the strike.", (K, 250, "people"),
     "Gaza health ministry"),
    # media that report, unnamed: the media
    ("PS", "Media reported four bodies in the morgue in Jenin, in the occupied West Bank.", (K, 4, "people"), "media"),
    # the toll a minister put at a number many words after "death toll"
    ("SY", "Syria's health minister has put the death toll from a drone attack that hit a military parade in the "
     "province of Hama in central Syria at 64.", (K, 64, "people"), "Syria health minister"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want"), TOLD_BY, ids=_ids(TOLD_BY))
def test_rival_accounts_keep_who_told_each_number(country, text, fig, want):
    f = figure_in(text, fig)
    assert names.same_source(want, f.source), f"source {f.source!r}, expected {want!r}"


# (country, text, figure, a source the figure must not have)
NOT_TOLD_BY = [
    # the Myanmar parallel government speaks when it says something, not where a speaker is placed under it
    ("MM", "The strike on Nyaung Pin village killed nine civilians, said a member of a local defence force under the "
     "exiled National Unity Government, or NUG.", (K, 9, "civilians"), "National Unity Government (NUG)"),
    # "earlier reports put the toll at N" is an earlier count, not reports of their own
    ("SY", "A car bomb at a market in Azaz, Syria, on Sunday killed 14 people, state television said. Earlier reports "
     "put the toll at 19.", (K, 19, "people"), "earlier reports"),
]


@pytest.mark.parametrize(("country", "text", "fig", "not_want"), NOT_TOLD_BY, ids=_ids(NOT_TOLD_BY))
def test_rival_accounts_no_source_that_did_not_tell_it(country, text, fig, not_want):
    f = figure_in(text, fig)
    assert f.source != not_want, f"source {f.source!r}"


def test_rival_accounts_a_place_named_before_is_not_overruled_by_a_later_incident():
    # the lead's city, then (paragraphs on) another attack placed at a town: the lead's dead are not the town's
    text = ("A drone attack struck a graduation ceremony for officers in the Syrian city of Homs. The ceremony was "
            "ending when the drones struck. There was no immediate claim of responsibility.\n\n"
            "At least 70 officers and civilians were killed, according to the Syrian Observatory for Human Rights.\n\n"
            "In the northeast, Turkish drones targeted oil facilities near Qamishli, killing four members of the "
            "Kurdish security forces, local authorities said.")
    f = figure_in(text, (K, 70, "people"), "2023-10-05")
    assert f.place is not None and f.place.mention == "Homs", f.place  # the one settlement named before it
    later = figure_in(text, (K, 4, "combatants"), "2023-10-05")
    assert later.place is not None and later.place.mention == "Qamishli"


def test_rival_accounts_a_later_place_that_lies_in_the_one_named_before_is_kept():
    # "El Aguaje, a town in the municipality of Aguililla": the later sentence places the attack in the one named
    text = ("State police ventured into the township of Aguililla, Mexico, to serve a warrant. Commanders sent 40 "
            "officers in six trucks.\n\nIt was not enough. Gunmen were waiting for them on Monday.\n\n"
            "Twelve officers were killed and eight were wounded.\n\n"
            "The convoy was ambushed near a home in El Aguaje, a town in the municipality of Aguililla, where "
            "three gunmen were killed.")
    f = figure_in(text, (K, 12, "people"), "2019-10-15")
    assert f.place is not None and f.place.mention == "El Aguaje", f.place


@pytest.mark.parametrize("sentence, day", [
    # the hour before the day does not hide it
    ("The strike occurred at around 5pm GMT on Tuesday, when the ministry said an air strike had hit the hospital.",
     "2023-10-17"),
    ("The blast happened shortly after 9 a.m. local time on Monday.", "2023-10-16"),
    ("The attack took place on Sunday.", "2023-10-15"),
], ids=["hour-gmt", "after-hour-local", "plain"])
def test_rival_accounts_the_day_an_attack_occurred(sentence, day):
    import datetime as dt
    from wartally.extract.attack_day import attack_days
    assert attack_days(sentence, dt.date(2023, 10, 20)) == (dt.date.fromisoformat(day),)


def test_rival_accounts_a_day_set_for_a_plan_dates_nothing():
    import datetime as dt
    from wartally.extract.when import find_periods
    assert find_periods("before the final withdrawal of the troops, set for Tuesday.", dt.date(2021, 8, 27)) == []
    assert find_periods("a vote scheduled for next Sunday", dt.date(2021, 8, 27)) == []
    assert [w.first for w in find_periods("The attack on Tuesday killed 5.", dt.date(2021, 8, 27))] == [dt.date(2021, 8, 24)]


def test_rival_accounts_a_general_with_a_middle_initial_is_no_place():
    from wartally.extract.places import place_mentions
    text = "Gen. Kenneth F. McKenzie at the Pentagon said 12 service members were killed and 15 wounded in Kabul."
    kinds = {p.text: p.kind for p in place_mentions(text)}
    assert kinds.get("McKenzie") in (None, "mention") and kinds.get("Kabul") == "settlement", kinds
