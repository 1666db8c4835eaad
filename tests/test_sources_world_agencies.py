"""National and international news agencies and broadcasters quoted as a
figure's source in news of conflicts world-wide (sources.tsv, kind
``news``): "according to KCNA", "the Saudi Press Agency reported".  Per
../shared/gold/GUIDE.md ("Beyond Syria", ``source``) another outlet that
the article quotes is named; an official who speaks to an agency ("the
interior ministry told SPA") is the source, not the agency.  An acronym
that means something else too ("the MENA region", "a map of the area",
"a spa town") names no agency.  The sentences are written here in news
shapes, with made-up numbers."""
from __future__ import annotations

import pytest

from wartally.eval import names
from conftest import figure_in

K, I, D = "killed", "injured", "displaced"


def _figure(text, fig, published="2024-05-14"):
    return figure_in(text, fig, published)


# (country, text, figure, source the scorer must accept)
AGENCIES = [
    # Asia and the Pacific
    ("KR", "North Korean artillery killed two South Korean marines on Yeonpyeong island, Yonhap news agency reported.",
     (K, 2, "combatants"), "Yonhap"),
    ("IN", "Five people were killed in Kashmir, India, when militants attacked a bus, PTI reported.",
     (K, 5, "people"), "PTI"),
    ("IN", "Two soldiers were killed in an ambush in Manipur, India, ANI reported, citing officials.",
     (K, 2, "combatants"), "ANI"),
    ("PK", "Six police officers were killed in an ambush in Balochistan, Pakistan, state-run APP reported.",
     (K, 6, "people"), "APP"),
    ("PH", "Four soldiers were killed in a clash near Marawi, the Philippines, the Philippine News Agency reported.",
     (K, 4, "combatants"), "Philippine News Agency"),
    ("TH", "A roadside bomb killed 11 people in Yala, Thailand, Thai PBS reported.", (K, 11, "people"), "Thai PBS"),
    ("MM", "The junta's MRTV said 12 \"terrorists\" were killed in Sagaing, Myanmar.", (K, 12, "combatants"), "MRTV"),
    ("MM", "Thirty civilians were killed in an air strike in Sagaing, Myanmar, according to the Global New Light of Myanmar.",
     (K, 30, "civilians"), "Global New Light of Myanmar"),
    ("MM", "Clashes in Rakhine, Myanmar, killed 40 junta soldiers, Mizzima reported.", (K, 40, "combatants"), "Mizzima"),
    ("AF", "Four soldiers were killed in Kunar, Afghanistan, Tolo News reported.", (K, 4, "combatants"), "Tolo News"),
    # the Middle East
    ("SA", "At least 12 people were killed in a drone attack on Jazan, Saudi Arabia, the Saudi Press Agency reported.",
     (K, 12, "people"), "SPA"),
    ("AE", "A drone attack killed three people in Abu Dhabi, the United Arab Emirates, WAM reported.",
     (K, 3, "people"), "WAM"),
    ("IR", "Ten people were killed in clashes in Zahedan, Iran, IRNA reported.", (K, 10, "people"), "IRNA"),
    ("IR", "Militants killed six border guards in Sistan-Baluchestan, Iran, the Tasnim news agency reported.",
     (K, 6, "combatants"), "Tasnim"),
    ("IR", "A blast killed nine people in Kerman, Iran, Fars news agency said.", (K, 9, "people"), "Fars"),
    ("EG", "Egypt's state news agency MENA said 15 soldiers were killed in an attack in North Sinai.",
     (K, 15, "combatants"), "MENA"),
    ("LB", "Five people were killed in a strike on Tyre, Lebanon, the National News Agency reported.",
     (K, 5, "people"), "NNA"),
    ("LB", "Israeli strikes killed eight people in Nabatieh, Lebanon, Al Mayadeen reported.", (K, 8, "people"), "Al Mayadeen"),
    ("IL", "Five Israelis were killed in a rocket attack on Kiryat Shmona, Israel, Channel 12 reported.",
     (K, 5, "people"), "Channel 12"),
    ("IL", "Three Israeli soldiers were killed in the northern Gaza Strip, Kan reported.", (K, 3, "combatants"), "Kan"),
    # Africa
    ("DZ", "Seven people were killed in an attack in Algeria's Tipaza province, APS reported.", (K, 7, "people"), "APS"),
    ("LY", "Fighting in Tripoli, Libya, killed 32 people, LANA reported.", (K, 32, "people"), "LANA"),
    ("SD", "Shelling killed 14 civilians in Omdurman, Sudan, SUNA reported.", (K, 14, "civilians"), "SUNA"),
    ("SD", "Fighting in El Fasher, Sudan, killed 25 civilians, Radio Dabanga reported.", (K, 25, "civilians"), "Dabanga"),
    ("SO", "Al-Shabaab fighters killed 17 soldiers in Hiraan, Somalia, SONNA reported.", (K, 17, "combatants"), "SONNA"),
    ("SO", "At least nine people were killed in a blast in Mogadishu, Somalia, Garowe Online reported.",
     (K, 9, "people"), "Garowe Online"),
    ("ET", "Eleven soldiers died in clashes in Tigray, Ethiopia, ENA reported.", (K, 11, "combatants"), "ENA"),
    ("KE", "Bandits killed eight people in Turkana, Kenya, the Kenya News Agency reported.", (K, 8, "people"), "Kenya News Agency"),
    ("NG", "Gunmen killed seven people in a village in Kaduna, Nigeria, the News Agency of Nigeria reported.",
     (K, 7, "people"), "NAN"),
    ("NG", "Gunmen killed 14 people in Zamfara, Nigeria, Premium Times reported.", (K, 14, "people"), "Premium Times"),
    ("BF", "At least 20 civilians were killed in Djibo, Burkina Faso, the AIB reported.", (K, 20, "civilians"), "AIB"),
    ("ML", "Twelve people were killed in an attack in Mopti, Mali, the state news agency AMAP reported.",
     (K, 12, "people"), "AMAP"),
    ("CD", "ADF rebels killed 19 civilians in Beni, Congo, ACP reported.", (K, 19, "civilians"), "ACP"),
    ("CD", "Rebels killed 13 soldiers in Ituri, Congo, Radio Okapi reported.", (K, 13, "combatants"), "Radio Okapi"),
    # Europe
    ("UA", "A Russian missile strike killed four people in Odesa, Ukraine, UNIAN reported.", (K, 4, "people"), "UNIAN"),
    ("UA", "A Russian glide bomb killed six people in Zaporizhzhia, Ukraine, the Kyiv Independent reported.",
     (K, 6, "people"), "Kyiv Independent"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want"), AGENCIES, ids=[f"{r[0]}-{i}" for i, r in enumerate(AGENCIES)])
def test_world_agency_quoted_is_the_source(country, text, fig, want):
    got = _figure(text, fig).source
    assert names.same_source(want, got), (want, got)


# an official who tells an agency is the source; the agency only carries it
TOLD = [
    ("SA", "Two people were killed in a drone attack on Riyadh, Saudi Arabia, the interior ministry told SPA.",
     (K, 2, "people"), "Saudi interior ministry", "SPA"),
    ("EG", "Nine people were killed in an attack in Sinai, Egypt, an army spokesman told MENA.",
     (K, 9, "people"), "Egyptian army", "MENA"),
    ("NG", "Eight soldiers were killed in an ambush in Borno, Nigeria, the army told NAN.",
     (K, 8, "combatants"), "Nigerian army", "NAN"),
    ("LB", "Seven people were killed in a strike on Tyre, Lebanon, the Lebanese army told NNA.",
     (K, 7, "people"), "Lebanese army", "NNA"),
    ("NE", "Seven soldiers were killed in an attack in Tillaberi, Niger, the interior ministry told ANP.",
     (K, 7, "combatants"), "Niger interior ministry", "ANP"),
    # the agency's full name with its acronym in brackets is one name, told something: "he" stays the spokesman
    ("YE", "Yahya Saleh, a spokesman for the Health Ministry in Sanaa, Yemen, said an air strike hit a bus in Hodeida."
     "\n\n\u201cThe toll will rise,\u201d Saleh told German Press Agency (DPA).\n\nEarlier on Sunday, he said at least "
     "14 civilians were killed in the strike.", (K, 14, "civilians"), "Health Ministry", "DPA"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want", "agency"), TOLD, ids=[f"{r[0]}-{i}" for i, r in enumerate(TOLD)])
def test_world_an_official_telling_an_agency_is_the_source(country, text, fig, want, agency):
    got = _figure(text, fig).source
    assert names.same_source(want, got) and not names.same_source(agency, got), (want, got)


# an acronym or name that means something else names no agency
GUARDS = [
    ("EG", "Conflicts across the MENA region killed 4,000 people in Yemen last year, according to ACLED.",
     (K, 4000, "people"), "ACLED", "MENA"),
    ("UA", "A map of the area shows where 14 people were killed in the strike on Kramatorsk, Ukraine, officials said.",
     (K, 14, "people"), "officials", "MAP"),
    ("RU", "Residents of the spa town of Essentuki said two people were killed in a drone strike in Stavropol, Russia.",
     (K, 2, "people"), "local residents", "SPA"),
    ("PK", "Dawn raids killed six militants in North Waziristan, Pakistan, the army said.",
     (K, 6, "combatants"), "Pakistan army", "Dawn"),
    ("IR", "Gunmen killed five police officers in Fars province, Iran, officials said.",
     (K, 5, "people"), "officials", "Fars"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want", "other"), GUARDS, ids=[f"{r[0]}-{i}" for i, r in enumerate(GUARDS)])
def test_world_a_word_that_is_also_an_agencys_name_is_no_source(country, text, fig, want, other):
    got = _figure(text, fig).source
    assert names.same_source(want, got) and not names.same_source(other, got), (want, got)


def test_world_a_newspaper_named_for_a_capital_publishes_its_own_reporting():
    """"The Washington Post" as the publisher is an outlet, not the US
    government ("Washington"): its own reporting is ``outlet``."""
    import wartally

    figs = wartally.extract("In March, about 90 people were killed in two bombings targeting markets in Baghdad, Iraq.",
                            published="2008-06-17", outlet="The Washington Post", geocode=False)
    assert [(f.n, f.source) for f in figs] == [(90, "outlet")]
