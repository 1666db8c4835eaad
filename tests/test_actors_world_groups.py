"""Armed groups of current and recent wars beyond Syria, named as the gold
guide names them ("Beyond Syria": a named non-state group by its common
English name or acronym; a group known by an acronym as "ACRONYM" or "Full
Name (ACRONYM)", which the scorer matches with either).  The sentences are
written in the shapes news gives them, one or more a region; each names its
country.  Guard rows: words that look like a group's acronym or name and are
not ("killed in action (KIA)", a PDF document, Fano in Italy, AA the news
agency)."""
from __future__ import annotations

import pytest

from conftest import figure_in, figures_of
from wartally.eval import names

K, I, D = "killed", "injured", "displaced"


def _figure(text, fig, published="2025-05-14"):
    return figure_in(text, fig, published)


# (country, text, figure, actor the scorer must find among the figure's)
GROUPS = [
    # Myanmar
    ("MM", "Arakan Army fighters killed 14 junta soldiers in an attack on a base in Ann township, Rakhine State, Myanmar.",
     (K, 14, "combatants"), "Arakan Army"),
    ("MM", "AA fighters killed 11 soldiers near Sittwe, Myanmar, on Monday.", (K, 11, "combatants"), "Arakan Army"),
    ("MM", "A Chinland Defence Force ambush killed nine soldiers near Matupi, Chin State, Myanmar.",
     (K, 9, "combatants"), "Chinland Defence Force"),
    ("MM", "Troops of the Ta'ang National Liberation Army killed seven soldiers near Kyaukme in Myanmar's Shan State.",
     (K, 7, "combatants"), "TNLA"),
    ("MM", "The Karenni Nationalities Defence Force killed 12 junta soldiers in Loikaw, Kayah State, Myanmar.",
     (K, 12, "combatants"), "KNDF"),
    ("MM", "Kachin Independence Army fighters killed 20 soldiers near Bhamo in Myanmar's Kachin State.",
     (K, 20, "combatants"), "KIA"),
    # Sahel
    ("BF", "Ansaroul Islam fighters killed 15 soldiers in an attack on an army post in Djibo, Burkina Faso.",
     (K, 15, "combatants"), "Ansaroul Islam"),
    ("ML", "Fighters of Katiba Macina killed 10 soldiers near Mopti, Mali, on Sunday.", (K, 10, "combatants"), "JNIM"),
    ("ML", "Fighters of Katiba Macina killed 10 soldiers near Mopti, Mali, on Sunday.", (K, 10, "combatants"),
     "Katiba Macina"),
    ("NG", "Lakurawa militants killed 13 villagers in Kebbi State, Nigeria.", (K, 13, "civilians"), "Lakurawa"),
    # Cameroon: the Ambazonia Defence Forces are not Congo's ADF
    ("CM", "The Ambazonia Defence Forces (ADF) killed five soldiers in Bamenda, Cameroon.", (K, 5, "combatants"),
     "Ambazonia Defence Forces"),
    # DR Congo, Burundi
    ("CD", "Twirwaneho fighters killed eight civilians in Minembwe, South Kivu, Congo.", (K, 8, "civilians"), "Twirwaneho"),
    ("CD", "Wazalendo fighters killed six M23 rebels near Sake, North Kivu, DR Congo.", (K, 6, "combatants"), "Wazalendo"),
    ("CD", "Zaire militiamen killed 11 people in Djugu territory in Congo's Ituri province.", (K, 11, "people"), "Zaire"),
    ("BI", "RED-Tabara rebels killed nine people in Gatumba, Burundi.", (K, 9, "people"), "RED-Tabara"),
    # Central African Republic
    ("CF", "UPC fighters killed 12 civilians near Bambari, Central African Republic.", (K, 12, "civilians"), "UPC"),
    # South Sudan
    ("SS", "The White Army killed 27 soldiers in an attack on a base in Nasir, South Sudan.", (K, 27, "combatants"),
     "White Army"),
    ("SS", "At least 31 ethnic Dinka have been killed in clashes with suspected Murle armed youth in South Sudan's "
     "Jonglei state.", (K, 31, "people"), "Murle armed youth"),
    # Ethiopia
    ("ET", "Fano militias killed 18 soldiers in Gondar, in Ethiopia's Amhara region.", (K, 18, "combatants"), "Fano"),
    # Somalia, Mozambique
    ("SO", "Islamic State Somalia militants killed nine soldiers in the Cal Miskaad mountains of Puntland, Somalia.",
     (K, 9, "combatants"), "ISIS"),
    ("MZ", "Insurgents of Ahlu Sunnah Wa-Jama killed 11 civilians in Macomia, Cabo Delgado, Mozambique.",
     (K, 11, "civilians"), "ISIS"),
    # Pakistan
    ("PK", "The Balochistan Liberation Front killed six soldiers in Kech district, Balochistan, Pakistan.",
     (K, 6, "combatants"), "BLF"),
    ("PK", "Lashkar-e-Jhangvi militants killed 14 Hazara miners near Quetta, Pakistan.", (K, 14, "people"),
     "Lashkar-e-Jhangvi"),
    ("PK", "Five soldiers were killed by militants of the Hafiz Gul Bahadur group in North Waziristan, Pakistan.",
     (K, 5, "combatants"), "Hafiz Gul Bahadur"),
    # India
    ("IN", "Kuki militants killed three Meitei villagers in Bishnupur, Manipur, India.", (K, 3, "civilians"), "Kuki"),
    ("IN", "Arambai Tenggol members killed two villagers in Manipur, India, police said.", (K, 2, "civilians"),
     "Arambai Tenggol"),
    ("IN", "Kashmir Tigers militants killed four soldiers in an ambush in Doda, Jammu and Kashmir, India.",
     (K, 4, "combatants"), "Kashmir Tigers"),
    # Bangladesh
    ("BD", "The Bangladesh Army accused the Kuki-Chin National Front (KNF) of killing two of its soldiers in Bandarban.",
     (K, 2, "combatants"), "KNF"),
    # Thailand, Philippines
    ("TH", "PULO insurgents killed two rangers in Pattani, Thailand.", (K, 2, "combatants"), "PULO"),
    ("PH", "Dawlah Islamiyah militants killed four soldiers in Lanao del Sur, Philippines.", (K, 4, "combatants"),
     "Dawlah Islamiyah"),
    # Colombia, Mexico, Ecuador
    ("CO", "Fighters of the Segunda Marquetalia killed five soldiers in Narino, Colombia.", (K, 5, "combatants"),
     "Segunda Marquetalia"),
    ("MX", "Carteles Unidos gunmen killed seven police officers in Michoacan, Mexico.", (K, 7, "people"),
     "Carteles Unidos"),
    ("EC", "Los Lobos gang members killed 15 inmates at a prison in Guayaquil, Ecuador.", (K, 15, "people"), "gang"),
    ("EC", "Los Lobos gang members killed 15 inmates at a prison in Guayaquil, Ecuador.", (K, 15, "people"), "Los Lobos"),
    ("MX", "Guerreros Unidos gunmen killed six people in Iguala, Guerrero, Mexico.", (K, 6, "people"), "gang"),
    ("MX", "Cartel gunmen killed four police officers in an ambush in Michoacan, Mexico.", (K, 4, "people"), "gang"),
    # Middle East
    ("IQ", "The Islamic Resistance in Iraq killed two US soldiers in a drone attack on a base in Syria.",
     (K, 2, "combatants"), "Islamic Resistance in Iraq"),
    ("PS", "PIJ fighters killed three Israeli soldiers in Jenin, in the West Bank.", (K, 3, "combatants"),
     "Islamic Jihad"),
    ("TR", "PKK militants killed four Turkish soldiers in Hakkari province, Turkey.", (K, 4, "combatants"), "PKK"),
    ("YE", "Fighters of the Southern Transitional Council killed 12 Houthi fighters in Dhale, Yemen.",
     (K, 12, "combatants"), "STC"),
    ("AF", "National Resistance Front fighters ambushed a Taliban convoy in Panjshir, Afghanistan, killing eight people.",
     (K, 8, "people"), "NRF"),
    ("LY", "Clashes between the Radaa force and the Stability Support Apparatus killed 16 people in Tripoli, Libya.",
     (K, 16, "people"), "Radaa"),
    ("MA", "The Polisario Front killed three Moroccan soldiers near Mahbes, Western Sahara.", (K, 3, "combatants"),
     "Polisario Front"),
    # Russia: the Russian volunteers fighting Russia
    ("RU", "The Russian Volunteer Corps killed six Russian soldiers in Russia's Belgorod region.",
     (K, 6, "combatants"), "Russian Volunteer Corps"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want"), GROUPS, ids=[f"{c}-{w}" for c, _, _, w in GROUPS])
def test_world_armed_group_named(country, text, fig, want):
    f = _figure(text, fig)
    assert names.names_every_actor(want, list(f.actor or ())), f"actor {f.actor!r}, expected {want!r}"


def test_world_armed_groups_span_regions():
    assert len(GROUPS) >= 20
    assert len({c for c, _, _, _ in GROUPS}) >= 15


# (text, figure, actor that must not be among the figure's)
GUARDS = [
    # "killed in action (KIA)" is no Kachin army
    ("Three soldiers were killed in action (KIA) in Kachin State, Myanmar, the army said.", (K, 3, "combatants"), "KIA"),
    # a PDF document is no People's Defence Force
    ("The report (PDF) says 40 civilians were killed in Sagaing, Myanmar, last year.", (K, 40, "civilians"), "PDF"),
    ("Download the PDF: 40 civilians were killed in Sagaing, Myanmar, last year.", (K, 40, "civilians"), "PDF"),
    # AA the news agency is no Arakan Army
    ("Twelve civilians were killed in an air strike in Rakhine State, Myanmar, AA said.", (K, 12, "civilians"),
     "Arakan Army"),
    # Congo's ADF is not the Ambazonia Defence Forces'
    ("The Ambazonia Defence Forces (ADF) killed five soldiers in Bamenda, Cameroon.", (K, 5, "combatants"), "ADF"),
    # Kashmir's Tigers are not Sri Lanka's
    ("Kashmir Tigers militants killed four soldiers in an ambush in Doda, Jammu and Kashmir, India.",
     (K, 4, "combatants"), "LTTE"),
    # Russian volunteers fighting Russia are not Russia
    ("The Russian Volunteer Corps killed six Russian soldiers in Russia's Belgorod region.", (K, 6, "combatants"),
     "Russia"),
]


@pytest.mark.parametrize(("text", "fig", "not_want"), GUARDS, ids=[f"not-{n}-{i}" for i, (_, _, n) in enumerate(GUARDS)])
def test_world_words_that_name_no_group(text, fig, not_want):
    f = _figure(text, fig)
    assert not_want not in tuple(f.actor or ()), f"actor {f.actor!r}"


def test_world_kia_the_army_jargon_is_no_kachin_army():
    from wartally.extract import lexicon
    for text in ("The battalion reported 4 KIA and 9 WIA near Bhamo.", "casualties: 3 KIA/WIA",
                 "two soldiers killed in action (KIA) on Monday"):
        assert "kia" not in {e.id for _, _, e in lexicon.scan_each("actors", text)}, text
    ids = {e.id for _, _, e in lexicon.scan_each("actors", "KIA fighters seized the post near Bhamo.")}
    assert "kia" in ids


def test_world_places_named_like_groups_are_no_groups():
    from wartally.extract import lexicon
    for text, aid in (("A drone strike killed five people in Rada'a, al-Bayda, Yemen.", "radaa"),
                      ("A storm killed two people in Fano, Italy.", "fano")):
        assert aid not in {e.id for _, _, e in lexicon.scan_each("actors", text)}, text


def test_world_fano_the_town_in_italy_is_no_militia():
    from wartally.extract import lexicon
    ids = {e.id for _, _, e in lexicon.scan_each("actors", "A storm killed two people in Fano, Italy.")}
    assert "fano" not in ids
    ids = {e.id for _, _, e in lexicon.scan_each("actors", "Fano militias attacked the town of Bahir Dar.")}
    assert "fano" in ids


@pytest.mark.parametrize(("text", "country"), [
    ("Arakan Army seizes town as 30 killed", "MM"),
    ("Ansaroul Islam attack kills 15 soldiers", "BF"),
    ("Twirwaneho fighters kill eight", "CD"),
    ("White Army attack kills 27 soldiers", "SS"),
    ("Lashkar-e-Jhangvi claims attack that killed 14", "PK"),
    ("Segunda Marquetalia kills five soldiers", "CO"),
])
def test_world_a_named_group_votes_for_its_country(text, country):
    from wartally.extract import world
    votes = world._group_votes(text)
    assert votes and votes.most_common(1)[0][0] == country, votes
