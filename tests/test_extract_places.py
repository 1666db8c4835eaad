"""Place mentions in a sentence: which names are places of an event and
which stand for a government or an allegiance (lexicon ``metonyms``)."""
from __future__ import annotations

import pytest

from wartally.extract.places import place_mentions

ROWS = [
    # text, the mentions that are places
    ("Pro-Damascus media outlets said a suicide attacker detonated a car bomb", []),
    ("a war of words between major powers after Washington accused Moscow of responsibility", []),
    ("Moscow has repeatedly demanded that it be disbanded", []),
    ("Damascus denied the claims", []),
    ("a London-based monitor said", []),
    ("Moscow-backed forces shelled Aleppo on Monday", ["Aleppo"]),
    ("anti-Damascus rebels shelled Aleppo", ["Aleppo"]),
    ("residents in Damascus said the shelling killed five", ["Damascus"]),
    ("rockets hit Damascus killing three", ["Damascus"]),
    ("the shelling of Damascus and Aleppo killed 12", ["Damascus", "Aleppo"]),
    ("a car bomb in Baghdad killed 20 people", ["Baghdad"]),
    ("Baghdad said the blast in Mosul killed 20 people", ["Mosul"]),
    ("killed in Russian air strikes the defense ministry in Moscow said", []),
    ("Russia strike Moscow AFP Saturday Some 120 fighters were killed in Mayadeen", ["Russia", "Mayadeen"]),
    ("officials in Ankara said a car bomb in Azaz killed 12", ["Azaz"]),
    ("a car bomb exploded in Ankara killing 12", ["Ankara"]),
    # local units named with their kind in other countries' news (ET: a kebele is a village-level unit)
    ("I have counted 230 bodies, a resident of Tole kebele said.", ["Tole"]),
]


@pytest.mark.parametrize("text,expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_places_and_names_that_stand_for_governments(text, expected):
    assert [m.text for m in place_mentions(text)] == expected


FIGURE_PLACES = [
    # text, published, the figure's number, the place it is tied to
    ("Kurdish forces killed at least 16 ISIL terrorists in an attack on Saturday in northeast Syria near the border "
     "with Turkey the UK-based opposing Syrian Observatory. The assault targeted ISIL positions south of the town of "
     "Ras al-Ain in Hasakeh province the group added.", "2014-12-13", 16, "Ras al-Ain"),
    ("The Turkish military has saaid four of its soldiers have been killed and four others have been injured in an "
     "attack by the Daesh Takfiri terrorist group in northern Syria. In a statement carried by Turkeys NTV television "
     "on Tuesday the army said the casualties came after a Daesh rocket attack on two of its tanks south of the town "
     "of al-Rai near the Turkish border.", "2016-09-07", 4, "al-Rai"),
    # "in the same region": where the figure before happened
    ("The Turkish military has saaid four of its soldiers have been killed and four others have been injured in an "
     "attack by the Daesh Takfiri terrorist group in northern Syria. In a statement carried by Turkeys NTV television "
     "on Tuesday the army said the casualties came after a Daesh rocket attack on two of its tanks south of the town "
     "of al-Rai near the Turkish border. The fatalities were the first of Turkeys recent incursion into Syria to be "
     "blamed on Daesh. The Turkish television showed pictures of military helicopters flying across the "
     "Turkish-Syrian border to take the wounded to Turkey for treatment. Separately two pro-Turkey Syria militants "
     "were killed and two others sustained injuries in clashes in the same region the Turkish army statement added.",
     "2016-09-07", 2, "al-Rai"),
    # a later sentence about something else does not place the figure
    ("Five civilians were killed in an air strike in northern Syria. Separately, the army took the town of Manbij.",
     "2016-09-07", 5, None),
]


@pytest.mark.parametrize("text,published,n,place", FIGURE_PLACES, ids=[f"{r[3] or 'none'}-{r[2]}" for r in FIGURE_PLACES])
def test_a_figure_in_a_region_takes_the_place_the_next_sentences_give_its_attack(text, published, n, place):
    import wartally

    figs = [f for f in wartally.extract(text, published=published, geocode=False) if f.n == n]
    assert figs
    assert (figs[0].place.mention if figs[0].place else None) == place


WORLD_FIGURE_PLACES = [
    # country, text, published, the figure's number, the place it must be tied to (geocoded)
    # the next sentence about the same attack names the town (world-dev: LB, BF, PH, MX)
    ("LB", "An Israeli air strike in southern Lebanon has killed 10 people, Lebanese officials say. The building hit, "
     "in the city of Nabatieh, was housing Syrian refugees, the health minister said.", "2024-08-17", 10, "Nabatieh"),
    ("BF", "Eleven soldiers were killed and nearly two dozen injured by jihadis targeting a military base in eastern "
     "Burkina Faso, the government said. Injured soldiers have been taken to hospital after Thursday's attack in "
     "Madjoari in Kompienga province, the army said.", "2022-05-20", 11, "Madjoari"),
    ("PH", "Fifteen Philippine Army soldiers were killed in clashes with Abu Sayyaf. Gun battles took place all day in "
     "Patikul, an Abu Sayyaf stronghold.", "2016-08-30", 15, "Patikul"),
    ("MX", "Thirteen Mexican police officers were killed in an ambush Monday in Michoacan, according to local authorities. "
     "Five police vehicles were traveling through the municipality of Aguililla when they were ambushed.", "2019-10-15",
     13, "Aguililla"),
    # a village the gazetteer does not know, named right after "at" or "in" (CD, CM)
    ("CD", "At Kazarahoyo, the attackers killed five civilians, he told reporters.", "2021-10-30", 5, "Kazarahoyo"),
    ("CM", "The dawn raid claimed the lives of four soldiers and two civilians at Matazem, said a statement.", "2021-01-10",
     4, "Matazem"),
    # a fronted "At X," places its clause; "while in Y" opens another (CD)
    ("CD", "At Kazarahoyo, the attackers killed five civilians while in Bulongo, two people were killed, all men, he told "
     "reporters.", "2021-10-30", 5, "Kazarahoyo"),
    # "Gaza" alone is the Strip: the town comes from the next sentence about the attack (PS)
    ("PS", "An Israeli air strike killed seven Palestinian civilians on Thursday, including five children, in the largest "
     "death toll from a single attack since the start of a three-day offensive against Hamas militants in Gaza, the "
     "Palestinian Health Ministry said. Residents and medical officials said an Israeli air strike bombed at least two "
     "houses in a densely populated area near Khan Younis while residents were asleep.", "2014-07-10", 7, "Khan Younis"),
    # the ends of a road are not where it was hit; the next sentence about the strikes names the village (LB)
    ("LB", "Israel launched heavy airstrikes early Saturday on southern Lebanon, killing one person and injuring seven, "
     "while temporarily blocking a key highway connecting Beirut to southern regions, the Health Ministry reported. The "
     "pre-dawn strikes targeted the village of Msayleh, hitting a heavy machinery business.", "2025-10-11", 7, "Msayleh"),
    # a camp named with its kind (MM)
    ("MM", "Col. Naw Bu said 29 people including 11 children were killed in the attacks carried out by air and artillery "
     "late Monday. The casualties occurred at the Mung Lai Hkyet displacement camp in the northern part of Laiza.",
     "2023-10-10", 29, "Mung Lai Hkyet"),
    # "the town of X in Y": Y is the unit that holds the town, not a second town (SY, FA-KES)
    ("SY", "Warplanes releasing toxic gas targeted Tuesday the town of Khan Sheikhoun in Idlib northwestern Syria "
     "massacring dozens of people. The Syrian Observatory for Human Rights said the attack killed at least 58 people.",
     "2017-04-05", 58, "Khan Sheikhoun"),
    # a village the gazetteer lacks, after "on" and before "saying" (SY, FA-KES)
    ("SY", "An air strike killed 18 civilians in Syrias northwestern province of Idlib on Saturday the Syrian Observatory "
     "said. The monitoring group updated its earlier death toll of 15 for the strike on Urum al-Joz saying three more "
     "people had died of serious injuries.", "2017-04-08", 15, "Urum al-Joz"),
    # where the wounded were taken is not where they were wounded (KE)
    ("KE", "Police blame al-Shabab militants for the death of an officer in an attack in Garissa County. Three other "
     "police officers wounded in the Wednesday morning explosion have since been airlifted to Nairobi for treatment.",
     "2020-01-09", 3, None),
    # an armed group's name after "in" is no place, even where a village bears it (PS)
    ("PS", "Five Hamas fighters were killed in Hamas attacks on the crossing, the army said.", "2024-01-10", 5, None),
    # a name the text calls a neighbourhood is one everywhere in it: the city is the place (SY)
    ("SY", "Barrel bombs hit the Qaterji neighbourhood of Aleppo. The Observatory said nine civilians were killed in "
     "Qaterji.", "2016-06-05", 9, "Aleppo"),
    # "Separately": the next sentence opens another incident (SO)
    ("SO", "Three soldiers were killed in an attack in southern Somalia. Separately, a car bomb exploded in Mogadishu.",
     "2020-01-09", 3, None),
    # a tally over months takes no attack's place from the next sentence (ML)
    ("ML", "Nearly 300 civilians have been killed in Mali since January, the UN said. An attack in Bankass took place "
     "in March.", "2020-07-02", 300, None),
]


@pytest.mark.parametrize("country,text,published,n,place", WORLD_FIGURE_PLACES,
                         ids=[f"{r[0]}-{r[4] or 'none'}-{r[3]}" for r in WORLD_FIGURE_PLACES])
def test_a_world_figure_is_tied_to_the_settlement_of_its_attack(country, text, published, n, place):
    import wartally

    figs = [f for f in wartally.extract(text, published=published) if f.n == n]
    assert figs, f"no figure of {n}"
    assert (figs[0].place.mention if figs[0].place else None) == place


def test_places_unreadable_gazetteer_fails_the_document_loudly(monkeypatch):
    """A gazetteer that cannot be read is an error naming the file, not a
    document quietly left without places (extract.places used to swallow
    every exception in three places)."""
    from wartally import geo
    from wartally.errors import GeoError
    from wartally.extract.document import process_document
    from wartally.records import Document

    def unreadable(text):
        raise GeoError("cannot read the gazetteer (No such file); run scripts/build_gazetteer.py", where="gazetteer.tsv.gz")

    monkeypatch.setattr(geo, "find_places", unreadable)
    doc = Document.make("d1", "Shelling killed 10 people in Maharda on Friday, the Syrian Observatory said.")
    with pytest.raises(GeoError, match="cannot read the gazetteer"):
        process_document(doc)
    with pytest.raises(GeoError):
        place_mentions("a car bomb in Baghdad killed 20 people")


def test_an_article_about_one_attack_names_its_town_once():
    """world-dev (RU): the bodies found sentences later, on the day of the drone strike, are in the
    town the lead names; no sentence near them names a place."""
    import wartally

    text = "Debris from a drone destroyed over Russia's western region of Belgorod, which borders Ukraine, fell on homes and killed three people, including a young child, the regional governor said Thursday.\nAir defense systems \"shot down an aircraft-type UAV [unmanned aerial vehicle] approaching the city\", said Governor Vyacheslav Gladkov, adding that the falling debris destroyed several homes.\n\"Most importantly, three people were killed, one of them a small child,\" he said in a post on the Telegram messaging app, accompanied by pictures of a house reduced to a pile of rubble behind.\n\"A difficult morning for all of us,\" the governor said, offering his condolences to the loved ones of those killed.\n\"We are all grieving.\"\nEarlier, Gladkov had said that the bodies of a man and a woman had been discovered in the destroyed home."
    figs = wartally.extract(text, published="2023-10-12", title="Downed drone kills three in Russia, including child: governor")
    found = [f for f in figs if f.n == 1 and str(f.victims) in ("men", "women")]
    assert found and all(f.place is not None and f.place.mention == "Belgorod" for f in found)
    assert all(f.weapon == "drone" for f in found)  # ... and the weapon every armed figure of that day shares
