"""Geocoding world-wide: news sentences from conflicts in more than twenty
countries through the whole extractor, with the place, first-level unit and
country each figure must get; ambiguous names decided by the article's
country; toponyms that are not where anything happened (outlets, capitals
standing for governments, people's names, hospitals named after a city,
venues, origins)."""
from __future__ import annotations

import pytest

import wartally
from wartally.geo import resolve
from wartally.geo.geocoder import article_country
from wartally.records import Document
from wartally.records import WherePrecision as P

PUBLISHED = "2023-06-01"


def first_figure(text: str) -> dict:
    figures = wartally.extract(text, published=PUBLISHED)
    assert figures, f"no figure in {text!r}"
    return figures[0].to_json()


# (country code of the conflict, sentence, place, admin1, country)
SENTENCES = [
    ("UA", "A Russian missile strike killed four people in the city of Kharkiv on Tuesday, regional governor "
           "Oleh Syniehubov said.", "Kharkiv", "Kharkiv", "Ukraine"),
    ("UA", "Russian shelling killed two civilians in Kherson region overnight, the regional administration said.",
     None, "Kherson", "Ukraine"),
    ("RU", "Ukrainian drone attacks killed three people in Belgorod region, governor Vyacheslav Gladkov said.",
     None, "Belgorod", "Russia"),
    ("NG", "Gunmen killed 37 villagers in Zamfara state, police said on Sunday.", None, "Zamfara", "Nigeria"),
    ("NG", "Boko Haram fighters killed 12 farmers near Maiduguri in Borno State, residents said.",
     "Maiduguri", "Borno", "Nigeria"),
    ("ET", "Fighting in Ethiopia's Amhara region has displaced more than 100,000 people, the UN said.",
     None, "Amhara", "Ethiopia"),
    ("SD", "RSF fighters killed at least 40 civilians in El Fasher, North Darfur, activists said.",
     "El Fasher", "North Darfur", "Sudan"),
    ("CD", "ADF rebels killed 22 civilians in Beni territory in North Kivu province, local officials said.",
     "Beni", "North Kivu", "Democratic Republic of the Congo"),
    ("MM", "A military air strike killed 17 villagers in Sagaing region, local media reported.",
     None, "Sagaing", "Myanmar"),
    ("PK", "A suicide bomber killed nine policemen in Peshawar, Khyber Pakhtunkhwa province, officials said.",
     "Peshawar", "Khyber Pakhtunkhwa", "Pakistan"),
    ("PS", "An Israeli strike killed 15 people in Khan Younis in the southern Gaza Strip, the health ministry said.",
     "Khan Younis", "Gaza Strip", "Palestine"),
    ("LY", "Clashes between armed groups in Tripoli killed 27 people, Libya's health ministry said.",
     "Tripoli", "Tripoli", "Libya"),
    ("LB", "Israeli strikes on Tyre in southern Lebanon killed five people, Lebanon's health ministry said.",
     "Tyre", "South Lebanon", "Lebanon"),
    ("IQ", "A car bomb killed eight people in Mosul in Iraq's Nineveh province, police said.",
     "Mosul", "Nineveh", "Iraq"),
    ("YE", "Houthi shelling killed six civilians in Taiz, Yemeni officials said.", "Taiz", "Taiz", "Yemen"),
    ("SO", "An al-Shabaab car bomb killed 10 people in Mogadishu, police said.", "Mogadishu", "Banadir", "Somalia"),
    ("ML", "Jihadists killed 31 civilians near Bandiagara in central Mali's Mopti region, officials said.",
     "Bandiagara", "Mopti", "Mali"),
    ("BF", "Jihadists killed 15 soldiers near Djibo in northern Burkina Faso, the army said.",
     "Djibo", "Sahel", "Burkina Faso"),
    ("AF", "A roadside bomb killed seven people in Kandahar province, Afghan officials said.",
     None, "Kandahar", "Afghanistan"),
    ("IN", "Ethnic clashes killed five people in Churachandpur district of Manipur, police said.",
     "Churachandpur", "Manipur", "India"),
    ("MZ", "Insurgents killed 12 people in Macomia district of Cabo Delgado province, officials said.",
     "Macomia", "Cabo Delgado", "Mozambique"),
    ("CM", "Separatists killed four soldiers in Bamenda in Cameroon's Northwest region, the army said.",
     "Bamenda", "Northwest", "Cameroon"),
    ("MX", "Gunmen killed 13 police officers in an ambush in Aguililla, Michoacan, state officials said.",
     "Aguililla", "Michoacan", "Mexico"),
    ("PH", "Fifteen soldiers were killed in clashes with Abu Sayyaf militants in Patikul, Sulu, the military said.",
     "Patikul", "Sulu", "Philippines"),
    ("TH", "A bomb killed two rangers in Narathiwat province, police said.", None, "Narathiwat", "Thailand"),
    ("CO", "An attack killed eight soldiers in Cauca department, Colombia's defence ministry said.",
     None, "Cauca", "Colombia"),
    ("NE", "Gunmen killed 16 soldiers in an ambush near Tillia in the Tahoua region, the defence ministry said.",
     "Tillia", "Tahoua", "Niger"),
    ("SS", "Cattle raiders killed 20 people in Jonglei state, local officials said.", None, "Jonglei", "South Sudan"),
    ("SY", "Air strikes killed 12 civilians in Hamah province, the Syrian Observatory for Human Rights said.",
     None, "Hama", "Syria"),
    ("SY", "Shelling killed five people in the town of Kafr Nabl in southern Idlib, rescuers said.",
     "Kafr Nabl", "Idlib", "Syria"),
]


def test_geo_world_covers_twenty_countries():
    assert len({cc for cc, *_ in SENTENCES}) >= 20


@pytest.mark.parametrize(("cc", "text", "place", "admin1", "country"), SENTENCES, ids=[s[0] for s in SENTENCES])
def test_geo_world_figure_gets_place_admin1_and_country(cc, text, place, admin1, country):
    f = first_figure(text)
    got_place = f["place_mention"] if place and f["place_mention"] and f["place_mention"] == place else f["place"]
    assert (got_place, f["admin1"], f["country"]) == (place, admin1, country), f.get("geo_reason")


@pytest.mark.parametrize(
    ("mention", "country", "name", "admin1", "country_name"),
    [
        ("Tripoli", "LY", "Tripoli", "Tripoli", "Libya"),
        ("Tripoli", "LB", "Tripoli", "North Lebanon", "Lebanon"),
        ("Hama", None, "Hama", "Hama", "Syria"),
        ("Hamah", None, "Hama", "Hama", "Syria"),
        ("Hama", "SY", "Hama", "Hama", "Syria"),
        ("Zaporizhzhia region", "UA", "Zaporizhzhia", "Zaporizhzhia", "Ukraine"),
        ("Zaporizhzhia", "UA", "Zaporizhzhia", "Zaporizhzhia", "Ukraine"),
        ("Odessa", "UA", "Odesa", "Odesa", "Ukraine"),
        ("Kandahar", "AF", "Kandahar", "Kandahar", "Afghanistan"),
        ("Kandahar province", "AF", "Kandahar", "Kandahar", "Afghanistan"),
        ("Ninawa", "IQ", "Nineveh", "Nineveh", "Iraq"),
        ("Nord-Kivu", "CD", "North Kivu", "North Kivu", "Democratic Republic of the Congo"),
        ("Gudumbali", "NG", "Gudumbali", "Borno", "Nigeria"),
        ("Gimbi", "ET", "Gimbi", "Oromia", "Ethiopia"),
    ],
)
def test_geo_world_article_country_decides_ambiguous_names(mention, country, name, admin1, country_name):
    p = resolve(mention, country=country)
    assert (p.name, p.admin1, p.country) == (name, admin1, country_name), p.reason


def test_geo_world_admin1_unit_has_admin1_precision():
    p = resolve("Zamfara state", country="NG")
    assert (p.feature, p.precision, p.admin1) == ("admin1", P.ADMIN1, "Zamfara")


def test_geo_world_small_place_abroad_needs_evidence():
    """A village in another country than the article's is not taken without
    something in the article pointing there; with it, it is."""
    assert not resolve("Gudumbali", country="UA").resolved
    assert resolve("Gudumbali", country="UA", context=["Borno", "Maiduguri"]).admin1 == "Borno"


def test_geo_world_article_country_from_its_places():
    doc = Document.make("t", "Gunmen killed 12 people in Tripoli, Libya's health ministry said.", title="Libya clashes")
    assert article_country(doc) == "LY"
    doc = Document.make("t", "Shelling killed five people in Zaporizhzhia region, the governor said.")
    assert article_country(doc) == "UA"


def test_geo_world_country_hint_beats_the_articles_places():
    from wartally.geo import geocode_figures

    doc = Document.make("t", "Clashes in Tripoli killed 27 people, officials said.", published=PUBLISHED)
    from wartally.extract import extract_document

    raw = extract_document(doc)  # places not yet geocoded
    assert raw[0].place is not None and not raw[0].place.resolved
    assert geocode_figures(doc, raw, country="LY")[0].place.country == "Libya"
    assert geocode_figures(doc, raw, country="LB")[0].place.country == "Lebanon"


# sentences whose toponyms are not where the figure happened: the figure gets no place from them
NOT_WHERE = [
    ("(MENAFN- UkrinForm) One person has been killed in a Russian drone attack, Ukrinform reports.", "Ukrinform"),
    ("Moscow said its forces killed 40 Ukrainian soldiers.", "Moscow"),
    ("Kyiv claimed its troops killed 120 Russian soldiers.", "Kyiv"),
    ("Two people were killed in the attack, Ivan Fedorov said.", "Ivan"),
    ("The strike killed 12 people, said Kofi Annan.", "Annan"),
    ("Five people were killed and 20 wounded who were taken to Zaporizhzhia, officials said.", "Zaporizhzhia"),
    ("Drones launched from Kursk killed three civilians, the governor said.", "Kursk"),
    ("The war has killed 500 people, mediators said at talks in Doha.", "Doha"),
    ("Seven people, originally from Aleppo, were killed, relatives said.", "Aleppo"),
    ("An air strike killed 11 people, the Petra news agency reported.", "Petra"),
]


@pytest.mark.parametrize(("text", "name"), NOT_WHERE, ids=[n for _, n in NOT_WHERE])
def test_geo_world_toponym_that_is_not_where_it_happened_gives_no_place(text, name):
    f = first_figure(text)
    assert name not in (f["place"] or "") and name not in (f["place_mention"] or ""), f.get("geo_reason")


def test_geo_world_hospital_named_after_a_city_is_not_the_place():
    f = first_figure("An Israeli strike near Al-Quds Hospital in Gaza City killed eight people, medics said.")
    assert f["place"] == "Gaza" and f["admin1"] == "Gaza Strip", f.get("geo_reason")


def test_geo_world_common_english_names_with_aliases():
    """What analysts type finds the unit, whatever GeoNames calls it."""
    for typed, shown in (("Odesa", "Odesa"), ("Odessa", "Odesa"), ("North Kivu", "North Kivu"),
                         ("Nineveh", "Nineveh"), ("Ninawa", "Nineveh"), ("North Darfur", "North Darfur"),
                         ("Northern Darfur", "North Darfur"), ("Banadir", "Banadir")):
        assert resolve(f"{typed} region").admin1 == shown, typed


def test_geo_world_country_outlines_ship_offline():
    from wartally.errors import GeoError
    from wartally.geo import boundaries_geojson

    world = boundaries_geojson(0)
    names = {f["properties"]["name"] for f in world["features"]}
    assert len(names) >= 170 and {"Syria", "Ukraine", "Nigeria", "Sudan", "Myanmar"} <= names
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in world["features"])
    with pytest.raises(GeoError):
        boundaries_geojson(4)


def test_geo_world_dateline_is_not_the_articles_country():
    """'Antakya, Turkey –' is where the reporter files from: the article is
    about the province it names."""
    doc = Document.make("t", "Antakya, Turkey – Syrian government forces stepped up their bombardment of Idlib "
                             "province, killing at least six civilians.")
    assert article_country(doc) == "SY"


def test_geo_world_spelling_variant_abroad_needs_a_place_of_its_own_unit():
    """A name found only by a spelling variant in another country than the
    article's ("Madain", a town south-east of Baghdad, read as Syria's
    Mayadin) is not taken because that country is named somewhere in the
    article ("in Iraq and neighboring Syria"); another place of the variant's
    own first-level unit still points there."""
    assert not resolve("Madain", country="IQ", context=["Baghdad", "Abu Ghraib", "Syria"]).resolved
    assert resolve("Madain", country="IQ", context=["Deir ez-Zor", "Albu Kamal"]).name == "Mayadin"


def test_geo_world_a_village_namesake_abroad_does_not_outvote_a_province():
    """'Kunduz' is an Afghan province and city (and another name of a Turkish
    village); 'Qatra', a person's name here, another name of an Israeli
    village: the article is about Afghanistan, not Israel."""
    f = wartally.extract(
        "Eighteen other people were wounded in the attack in Kunduz city, capital of the province of the same name. "
        "Samiullah Qatra's predecessor as provincial police chief, Abdul Rahman Sayedkhaili, was himself killed on "
        "March 10 in a suicide attack in Kunduz.",
        published="2011-06-10", title="Four killed in suicide attack on Afghan police")[0].to_json()
    assert (f["n"], f["admin1"], f["country"]) == (18, "Kunduz", "Afghanistan"), f.get("geo_reason")
