"""Where it happened, read from the words around place names in news from
many conflicts: "X kebele/area of Y", "the village (of X)", "X local
government area", a direction that names a country's unit ("southern
Lebanon"), a destination of flight for a displacement figure, a stated
parent that holds a place abroad; and the names around a figure that are not
where it happened (a person's name that starts with a village's, a city
measured from, the two sides of a border).  Sentences are from the news in
../shared/corpus/world-dev.jsonl or written as such reports are."""
from __future__ import annotations

import pytest

import wartally
from wartally.extract.places import place_mentions
from wartally.geo import find_places, resolve
from wartally.geo.resolver import direction_unit

from conftest import load_script

PUBLISHED = "2023-06-01"


def figures_of(text: str, published: str = PUBLISHED) -> list[dict]:
    figures = wartally.extract(text, published=published)
    assert figures, f"no figure in {text!r}"
    return [f.to_json() for f in figures]


def place_of(f: dict) -> str | None:
    """The place as the text spells it when that is what the figure names, else its gazetteer name."""
    return f["place_mention"] or f["place"]


# (country, sentence, place, admin1, country) of the first figure
CUES = [
    ("LB", "Israel launched heavy airstrikes early Saturday on southern Lebanon, killing one person and injuring "
           "seven, the Health Ministry reported.", None, "South Lebanon", "Lebanon"),
    ("BF", "Eleven soldiers were killed and nearly two dozen injured by jihadis targeting a military base in eastern "
           "Burkina Faso, the government said.", None, "Est", "Burkina Faso"),
    ("IL", "A rocket fired from Gaza killed two people in southern Israel on Monday, police said.",
     None, "Southern", "Israel"),
    ("ET", "The number of civilians massacred on Saturday in Tole Kebele of Gimbi, Wollega, West Ethiopia is well "
           "over 200.", "Tole", "Oromia", "Ethiopia"),
    ("NG", "Spokesman of the Plateau State Police Command said five villagers were killed on Wednesday at Pugu "
           "village.", "Pugu", "Plateau", "Nigeria"),
    ("NG", "Gunmen killed five villagers in Barkin Ladi local government area of Plateau state, police said.",
     "Barkin Ladi", "Plateau", "Nigeria"),
    # a part of a city: the city is the place (the gazetteer's Chelsea is in Massachusetts)
    ("US", "A homemade pressure cooker bomb exploded in the Chelsea neighborhood of Manhattan, injuring 29 people.",
     "Manhattan", "New York", "United States"),
    ("CA", "A woman was stabbed to death in a stabbing attack at a massage parlor in the North York area of Toronto.",
     "Toronto", "Ontario", "Canada"),
    ("ML", "Quite a lot of armed men attacked the village (of Gouari) in Mopti region and killed 15 people, a local "
           "official said.", "Gouari", "Mopti", "Mali"),
    ("KE", "Two police officers were killed when their vehicle struck an improvised explosive device in the Hayley "
           "Lapsset [refugee?] camp in Garissa County, police said.", "Hayley Lapsset", "Garissa", "Kenya"),
    ("MZ", "Recent terrorist attacks in the south of Cabo Delgado have prompted at least 13,000 people to flee to "
           "Chiùre town.", "Chiùre", "Cabo Delgado", "Mozambique"),
    ("UA", "One person has been killed and 14 injured in a Russian missile attack on Zaporizhzhia.",
     "Zaporizhzhia", "Zaporizhzhia", "Ukraine"),
    ("UA", "A Russian strike on Slovyansk killed three civilians, the regional governor said.",
     "Slovyansk", "Donetsk", "Ukraine"),
    ("LB", "An Israeli airstrike on Nabatieh killed ten people on Wednesday, Lebanon's health ministry said.",
     "Nabatieh", "Nabatieh", "Lebanon"),
    ("CF", "At least 37 civilians were killed during the attack of an IDP settlement in Alindao town, Basse Kotto "
           "prefecture.", "Alindao", "Basse-Kotto", "Central African Republic"),
    ("IN", "Two soldiers were killed in an encounter with militants in Chatroo area of the Kishtwar district of "
           "Jammu and Kashmir.", "Chatroo", "Jammu and Kashmir", "India"),
    ("ET", "Some 200,000 people have been displaced by ethnic violence along the Oromia-Somali border to camps in "
           "Somali region since July.", None, "Somali", "Ethiopia"),
    # a point measured from nearby still tells the area; one far away does not
    ("IQ", "Suicide bombers killed at least 175 people in the mainly Kurdish Yazidi town of Qahtaniya, an estimated "
           "60 miles west of Mosul.", "Qahtaniya", "Nineveh", "Iraq"),
    ("MM", "An airstrike killed 30 people at a camp about 324 kilometers (200 miles) northeast of Mandalay, rebels "
           "said.", None, None, "Myanmar"),
]


def test_geo_world_cues_cover_ten_countries():
    assert len({cc for cc, *_ in CUES}) >= 10


@pytest.mark.parametrize(("cc", "text", "place", "admin1", "country"), CUES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CUES)])
def test_geo_world_cues_give_place_admin1_and_country(cc, text, place, admin1, country):
    f = figures_of(text)[0]
    assert (place_of(f) if place else f["place"], f["admin1"], f["country"]) == (place, admin1, country), f.get("geo_reason")


# whole reports (from world-dev, with their publication dates): every figure's place, in text order
ARTICLES = [
    # Myanmar: a state's name in "Kachin militants" is no settlement, the place of "the casualties occurred at"
    # is the attack's, and the lead figure takes it from the figures of the same attack
    ("MM", "Myanmar's military has been accused of launching an airstrike on a camp for displaced persons in the "
           "northern state of Kachin that killed about 30 people, Kachin militants said Tuesday. Myanmar has been "
           "in turmoil since the military overthrew the elected government of Aung San Suu Kyi in February 2021. "
           "Col. Naw Bu, a spokesperson for the Kachin Independence Army, said 29 people were killed in the attacks "
           "carried out by air and artillery late Monday. The casualties occurred at the Mung Lai Hkyet "
           "displacement camp in the northern part of Laiza, about 324 kilometers (200 miles) northeast of "
           "Mandalay.", "2023-10-10", ["Mung Lai Hkyet", "Mung Lai Hkyet"]),
    # Mexico: figures the text gives no date of their own are of the day of the ambush it placed
    ("MX", "Thirteen Mexican police officers were killed in an ambush Monday in Michoacan, according to local "
           "authorities. Five police vehicles were traveling through the municipality of Aguililla in the early "
           "morning when they were ambushed. The ministry initially tweeted that 14 officers had been killed, but "
           "the state security ministry later confirmed the toll. Prosecutors said 20 had been injured.",
     "2019-10-15", ["Aguililla", "Aguililla", "Aguililla"]),
    # Afghanistan: two attacks on one day; the figure placed only in a province takes the day's place in it
    ("AF", "A suicide bomber on a motorcycle killed 10 policemen, including the head of the provincial "
           "counterterrorism department, in northern Kunduz province. It was one of two bombings reported in the "
           "country on Saturday. Earlier, a remote-controlled bomb planted on a bicycle exploded, killing one police "
           "officer in the eastern city of Ghazni. In the bombing in the north, Kunduz provincial police spokesman "
           "Sayed Sarwar Husseini says the policemen were killed at an intersection in Kunduz city. He says 14 "
           "other policemen were wounded in the explosion.", "2013-01-26", ["Kunduz", "Ghazni", "Kunduz"]),
    # Nigeria: a lead that names a local government area, the next sentence about the same attack its village
    ("NG", "No fewer than five villagers in Barkin Ladi local government area of Plateau state, northern Nigeria, have "
           "been killed by unknown gunmen in a late-night ambush, the police have said. Spokesman of the Plateau State "
           "Police Command, Mathias Tyopev, said the incident happened on Wednesday at Pugu village.", "2018-12-28",
     ["Pugu"]),
    # Ethiopia: a witness "of the Gimbi area where the incident took place" speaks of the part of it named before
    ("ET", "The number of civilians massacred on Saturday in Tole Kebele of Gimbi, Wollega, West Ethiopia is well "
           "over 200. It is said to be one of the deadliest. The victims are mostly of ethnic Amhara origin. "
           "Associated Press cited survivors from the area. One of the survivors, who is said to be a resident of the "
           "Gimbi area where the incident took place, is quoted as saying “I have counted 230 bodies.”", "2022-06-20",
     ["Tole", "Tole"]),
    # Pakistan: the next sentence about the attack names only a neighbourhood, in so many words
    ("PK", "Two suicide bombers attacked a sprawling compound housing a police station and government offices in "
           "north-west Pakistan on Thursday, killing at least four police officers. The attack occurred in the Bara "
           "neighbourhood bordering Afghanistan, provincial police chief Akhtar Hayat said.", "2023-04-13", ["Bara"]),
    # Syria: "the Al Midan district" is not said to be a neighbourhood: no place of Aleppo's of that name
    ("SY", "Fifteen people died during an explosion not far from central Damascus as Sputnik correspondent said. "
           "According to the SANA news agency the incident took place in the Al Midan district and may be a "
           "terrorist attack.", "2017-10-02", [None]),
    # India: a lead that names only the district, the next sentence the place in it
    ("IN", "SRINAGAR: Two soldiers were killed and two others injured in an encounter with militants in the "
           "mountainous Kishtwar district of Jammu and Kashmir. An army official said the army launched a joint "
           "search operation in Chatroo area of the Kishtwar district on today morning.",
     "2024-09-13", ["Chatroo", "Chatroo"]),
    # Philippines: "a remote village" named in the next sentence, as lying in a town ("in Gumhang, Tinoc town")
    ("PH", "Eleven soldiers, including an Army captain, and a civilian were killed in an ambush by New People's Army "
           "rebels in a remote village in Ifugao province yesterday. The military said the convoy of soldiers was "
           "attacked by the rebels in Gumhang, Tinoc town.", "2011-02-03", ["Gumhang", "Gumhang"]),
    # Nigeria: "a village" is the one the next sentence calls a village, not the local government area after it
    ("NG", "At least 14 people were killed when gunmen hit a village in Nigeria's Plateau, a state in the country's "
           "central region, several local sources said on Monday. Two women were among the dead victims of the attack "
           "in the village of Kwatas in Bokkos local government area of the state late Sunday, a village vigilante "
           "group member said.", "2020-01-27", ["Kwatas", "Kwatas"]),
    # DR Congo: "the villages of Mbingi and Mapasana", two villages the gazetteer does not know; the first named
    ("CD", "Rebels killed at least eight people in attacks on villages around the northeastern DR Congo city of Beni "
           "at the weekend, local officials said. The first attacks occurred overnight Friday in the villages of "
           "Mbingi and Mapasana. \u201cThere we had four people killed,\u201d a local official said.", "2019-08-05",
     ["Beni", "Mbingi"]),
    # Sudan: "Khartoum, Oct 7" is a dateline (a place and a date), not where the strike was
    ("SD", "Khartoum, Oct 7 At least seven people were killed and 59 others wounded in an artillery strike by the "
           "paramilitary Rapid Support Forces (RSF) on a displaced persons camp in El Fasher, western Sudan's North "
           "Darfur state, a local health official confirmed.", "2024-10-08", ["El Fasher", "El Fasher"]),
]


@pytest.mark.parametrize(("cc", "text", "published", "places"), ARTICLES, ids=[a[0] for a in ARTICLES])
def test_geo_world_cues_place_every_figure_of_an_article(cc, text, published, places):
    assert [place_of(f) for f in figures_of(text, published)] == places


# (country, sentence, name, the kind place_mentions gives it)
KINDS = [
    ("MM", "Kachin militants and activists and local media said Tuesday.", "Kachin", "area"),  # a state, no settlement
    ("NG", "The fighters killed 15 soldiers in an attack in Borno State on Thursday.", "Borno State", "area"),
    ("MM", "The military overthrew the elected government of Aung San Suu Kyi in February 2021.", "Aung San", None),
    ("MM", "The camp is about 324 kilometers (200 miles) northeast of Mandalay.", "Mandalay", "mention"),
    ("SY", "The village lies 20 km north of Aleppo.", "Aleppo", "mention"),
    ("ET", "Violence along the Oromia-Somali border displaced thousands.", "Oromia", "mention"),
    ("MZ", "The attacks prompted 13,000 people to flee to Chiùre town.", "Chiùre", "destination"),
    ("LB", "Israel launched heavy airstrikes on southern Lebanon.", "southern Lebanon", "area"),
    ("SY", "Turkish strikes in northern Syria killed five.", "Syria", "country"),
    ("CM", "Separatists raided an army post in the troubled English-speaking Northwest province.", "English", None),
    ("ET", "Civilians were massacred in Tole Kebele of Gimbi, Wollega.", "Gimbi", "area"),
    ("PK", "The attack occurred in the Bara neighbourhood bordering Afghanistan.", "Bara", "neighbourhood"),
    ("IN", "Police said the Naxals triggered the blast between Cholnar and Kirandul villages.", "Cholnar", "settlement"),
    ("CD", "The first attacks occurred overnight Friday in the villages of Mbingi and Mapasana.", "Mapasana",
     "settlement"),
    ("CD", "Between Monday and Wednesday villages were hit.", "Between Monday", None),
    ("SY", "The dead included 109 evacuees from the villages of Foua and Kefraya.", "Kefraya", None),
]


@pytest.mark.parametrize(("cc", "text", "name", "kind"), KINDS, ids=[k[2] for k in KINDS])
def test_geo_world_cues_mention_kinds(cc, text, name, kind):
    kinds = {m.text: m.kind for m in place_mentions(text, country=cc)}
    assert kinds.get(name) == kind, kinds


@pytest.mark.parametrize(("text", "found"), [
    # a small place abroad that starts a person's name is none, a Syrian town's spelling variant before one still is
    ("The military overthrew the elected government of Aung San Suu Kyi in February 2021.", []),
    ("The alleged chemical attack by Syrian aviation on the city of Khan-Shaikhoun Rudskoi said.", ["Khan-Shaikhoun"]),
    ("Ethnic Amhara were massacred near Gimbi Oromo region.", ["Amhara"]),
    # Arabic names in a list of neighbourhoods are not a person's name
    ("Live rounds hit the neighborhoods of al-Khalidiye Nile Street al-Faid al-Sukkari al-Fardous.",
     ["Nile Street", "al-Faid", "al-Sukkari", "al-Fardous"]),
    # a short alternate name of a far-away city ("Rai" for Praia) is no reason to read a town abroad
    ("A rocket attack hit two tanks south of the town of al-Rai near the Turkish border.", ["al-Rai"]),
])
def test_geo_world_cues_find_places_around_names_of_people(text, found):
    assert [surface for _, _, surface in find_places(text)] == found


@pytest.mark.parametrize(("direction", "cc", "unit"), [
    ("southern", "LB", "South Lebanon"), ("northern", "LB", "North Lebanon"), ("eastern", "BF", "Est"),
    ("southern", "IL", "Southern"), ("northern", "CM", "North"), ("northern", "SY", None), ("eastern", "UA", None),
    ("western", "SD", None),
])
def test_geo_world_cues_direction_names_a_countrys_unit(direction, cc, unit):
    got = direction_unit(direction, cc)
    assert (got.name if got else None) == unit


@pytest.mark.parametrize(("typed", "cc", "shown", "feature"), [
    ("Zaporizhzhia", "UA", "Zaporizhzhia", "city"),  # GeoNames: Zaporizhzhya
    ("Zaporizhzhya", "UA", "Zaporizhzhia", "city"),
    ("Nabatieh", "LB", "Nabatieh", "city"),  # GeoNames: Nabatiye et Tahta
    ("Mykolaiv", "UA", "Mykolaiv", "city"),
    ("Slovyansk", "UA", "Sloviansk", "city"),  # supplement.jsonl
    ("Khan Yunis", "PS", "Khan Younis", "city"),
    ("Mek'ele", "ET", "Mekelle", "city"),
    ("Geneina", "SD", "El Geneina", "city"),
])
def test_geo_world_cues_cities_shown_by_their_common_english_names(typed, cc, shown, feature):
    p = resolve(typed, country=cc)
    assert (p.name, p.feature) == (shown, feature), p.reason


def test_geo_world_cues_build_keeps_the_nearest_spellings():
    world = load_script("gazetteer_world")
    alternates = ["Aleksandrovsk", "Saporischschja", "Zaporizhzhia", "Zaporizhzhya", "Zaporozhye", "Zaporizhia", "OZH"]
    assert world.near_spellings("Zaporizhzhya", alternates, 2) == ["Zaporizhzhia", "Zaporizhia"]
    assert world.near_spellings("Zaporizhzhya", alternates, 4) == ["Zaporizhzhia", "Zaporizhia"]  # a town: close ones only
    assert world.near_spellings("Zaporizhzhya", alternates, 12)[:3] == ["Zaporizhzhia", "Zaporizhia", "Zaporozhye"]
    assert world.near_spellings("Zaporizhzhya", alternates, 0) == []


@pytest.mark.parametrize(("name", "alternates", "unit", "shown"), [
    ("Zaporizhzhya", ["Zaporizhzhia", "Zaporozhye"], "Zaporizhzhia", "Zaporizhzhia"),
    ("Nabatiye et Tahta", ["Nabatieh", "Nabatiye"], "Nabatieh", "Nabatieh"),
    ("Kunduz", ["Kondoz", "Kunduz"], "Kunduz", None),  # already the unit's name
    ("Mosul", ["Al Mawsil", "Nineveh"], "Nineveh", None),  # not named like its unit
    ("Zaporizhzhya", ["Zaporozhye"], "Zaporizhzhia", None),  # the unit's name is none of its names
])
def test_geo_world_cues_build_city_named_like_its_unit(name, alternates, unit, shown):
    assert load_script("gazetteer_world").unit_spelling(name, alternates, unit) == shown


# a name abroad that nothing in the article points to stays out: the mention's other wording in the
# context ("Pale" for "Pale Township") is no evidence for itself, and a three-letter piece of a
# village's name ("Kya") is no alias of a far-away million-city (Konya)
NAMESAKES_ABROAD = [
    ("Pale Township", ("Myanmar", "Sagaing", "Pale"), "MM", "Bosnia and Herzegovina"),
    ("Kya", ("Myanmar", "Mandalay"), "MM", "Turkey"),
]


@pytest.mark.parametrize(("mention", "context", "cc", "abroad"), NAMESAKES_ABROAD)
def test_geo_world_cues_no_namesake_abroad(mention, context, cc, abroad):
    p = resolve(mention, context=context, country=cc)
    assert p.country != abroad, p.reason
