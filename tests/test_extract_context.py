"""What a figure takes from the text around it: place, area, source, actor,
period.  Table-driven over short real passages (from ../shared/corpus and
the kinds of sentences news writes), each run through the whole
per-document pipeline with the gazetteer."""
from __future__ import annotations

import pytest

import wartally


def figure(text: str, n: int, *, published: str = "2016-06-13", outlet: str | None = None) -> dict:
    found = [f.to_json() for f in wartally.extract(text, published=published, outlet=outlet) if f.n == n]
    assert found, f"no figure of {n} in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "n", "field", "expected"),
    [
        # a neighbourhood's figure takes the article's city
        ("Air strikes hit Aleppo on Sunday. Nine civilians were killed in the Qaterji neighbourhood, a monitor said.",
         9, "place", "Aleppo"),
        # a landmark named after a city elsewhere is part of this city
        ("Shells fell on Aleppo again. 11 people were injured on the neighborhoods of al-Serian and near Baghdad Station.",
         11, "admin1", "Aleppo"),
        # the dateline names where the reporter filed from, not the event
        ("Antakya, Turkey – Syrian government forces stepped up their bombardment of Idlib province, killing at least six civilians.",
         6, "admin1", "Idlib"),
        # "the town" is the one named just before
        ("Hundreds of civilians escaped Manbij on Sunday. Around 600 civilians fled on foot south of the town.",
         600, "place", "Manbij"),
        # a country-wide total has no settlement
        ("Fighting continued near Tal Tamr. The war in Syria has killed more than 370,000 people since it erupted in 2011.",
         370000, "place", None),
        ("Fighting continued near Tal Tamr. The war in Syria has killed more than 370,000 people since it erupted in 2011.",
         370000, "country", "Syria"),
        ("Fighting continued near Tal Tamr. The war in Syria has killed more than 370,000 people since it erupted in 2011.",
         370000, "start", "2011-03-15"),
    ],
)
def test_context_places_and_scope(text, n, field, expected):
    assert figure(text, n)[field] == expected


@pytest.mark.parametrize(
    ("text", "n", "outlet", "expected"),
    [
        # "according to X" beats a source named elsewhere in the sentence
        ("Ten civilians were killed on Tuesday in a town which activists said was shelled, according to local civil defense sources.",
         10, None, "SCD"),
        # one who is told is not the source
        ("A source at Aleppo Police Command told SANA that rockets killed three people.", 3, None, "Aleppo Police Command"),
        # the article's own outlet speaking is the outlet
        ("SANA reporter said that 6 civilians were killed in Aleppo city.", 6, "sana", "outlet"),
        # a named restatement beats a description ("rescuers said")
        ("At least 544 civilians have been killed, rights groups and rescuers said. The Syrian Network for Human Rights said the 544 civilians killed include 130 children.",
         544, None, "SNHR"),
    ],
)
def test_context_sources(text, n, outlet, expected):
    assert figure(text, n, outlet=outlet)["source"] == expected


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [
        ("Government and Russian fire has killed 288 civilians since 30 April.", 288, {"Syrian government", "Russia"}),
        ("Russian and Syrian regime airstrikes killed 25 children on Saturday.", 25, {"Russia", "Syrian government"}),
        # "rebel-held" describes a place, not who did it
        ("Air strikes killed 12 civilians in rebel-held Ariha on Monday.", 12, set()),
    ],
)
def test_context_actors(text, n, expected):
    actor = figure(text, n)["actor"]
    named = set(actor.split("; ")) if actor else set()
    assert named == expected


@pytest.mark.parametrize(
    ("text", "published", "n", "start", "end"),
    [
        # earlier this week: an incident a few days back, not a tally since the 1st
        ("Air strikes killed at least 87 civilians earlier this week.", "2017-04-08", 87, "2017-04-03", "2017-04-07"),
        # 20 Martyrs is no date
        ("Syria Terrorist Attacks in Aleppo Claim 20 Martyrs.", "2016-06-09", 20, "2016-06-09", "2016-06-09"),
        # the deal's date is given elsewhere in the text
        ("A ceasefire went into effect in late August. More than 160 civilians have been killed since the deal went into effect.",
         "2019-12-02", 160, "2019-08-21", "2019-12-02"),
    ],
)
def test_context_periods(text, published, n, start, end):
    f = figure(text, n, published=published)
    assert (f["start"], f["end"]) == (start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attacker was later killed by the police.", [("killed", 1, "combatants")]),
        ("A gunman opened fire on civilians, wounding four. He was shot dead by the police.",
         [("injured", 4, "people"), ("killed", 1, "people")]),
        ("A gunman killed 3 people in a bar.", [("killed", 3, "people")]),
        ("Police shot dead 1 suspect and 1 was arrested.", [("killed", 1, "combatants")]),
        ("Three people killed five injured in terrorist rocket attack in Aleppo.",
         [("killed", 3, "people"), ("injured", 5, "people")]),
        ("One of the injured died of his injuries 10 days later.", [("killed", 1, "people")]),
        ("A suicide bomber blew himself up near the mosque, killing 13 people and wounding another 9.",
         [("killed", 1, "combatants"), ("killed", 13, "people"), ("injured", 9, "people")]),
        ("A gunman opened fire on a shopping mall, killing 9 before committing suicide.",
         [("killed", 9, "people"), ("killed", 1, "combatants")]),
        ("At least 32 people were killed, and both attackers were killed after a standoff.",
         [("killed", 32, "people"), ("killed", 2, "combatants")]),
        ("Almost 100 were killed on both sides.", [("killed", 100, "people")]),
        ("Three people two of them children died in the shelling.", [("killed", 3, "people"), ("killed", 2, "children")]),
        ("The attack on buses killed more than 120 mostly women and children.", [("killed", 120, "people")]),
        ("A man rides past tyres in Aleppo Syria August 1 2016 (Reuters Photo) Ten civilians were killed on Tuesday.",
         [("killed", 10, "civilians")]),
    ],
)
def test_context_who_counts(text, expected):
    got = [(f.outcome.value, f.n, f.victims.value) for f in wartally.extract(text, published="2020-01-01", geocode=False)]
    assert got == expected


@pytest.mark.parametrize(("text", "source"), [
    # a capital that speaks is its government; one where people are is a place
    ("Moscow said five of its soldiers had been killed.", "Russia government"),
    ("Residents in Damascus said five people were killed.", None),
])
def test_context_a_capital_speaks_for_its_government(text, source):
    from wartally.extract import context

    capitals = [h for h in context.sources_in(text) if h.rule.startswith("source:capital")]
    assert [h.value for h in capitals] == ([source] if source else [])


@pytest.mark.parametrize(("text", "surname", "role"), [
    # world-dev (LB, RU, ML): a person introduced by role and named again by surname
    ("The building hit was housing Syrian refugees, the Lebanese Health Minister, Firass Abiad, told the BBC. "
     "Mr Abiad, however, said Israel's actions suggested it had no interest in a deal.", "Abiad", "health-minister"),
    ("Air defense systems shot down a drone, said Governor Vyacheslav Gladkov. On Tuesday, Ukrainian shelling killed "
     "two civilians in the Belgorod region, according to Gladkov.", "Gladkov", "governor"),
    ("Moulaye Guindo, the mayor of the commune of Bankass, released a list of victims. Guindo said 32 were killed.",
     "Guindo", "mayor"),
    # world-dev (SD): an officer of a counting body, by office and name
    ("WHO Director-General Tedros Adhanom Ghebreyesus posted the death toll in the hospital attack in El Fasher on the "
     "social platform X. “The appalling attack on Saudi Hospital in El Fasher, Sudan, led to 19 injuries and 70 deaths "
     "among patients and companions,” Ghebreyesus wrote.", "Ghebreyesus", "un"),
    # world-dev (SS): a role that ends its sentence unnamed, and the name that speaks first thing after it
    ("Over ten people have died from communal clashes in Bor South County last evening, according to Jonglei State "
     "Minister of Information. Deng Akech said about twelve others have been wounded in the fight.",
     "Akech", "information-minister"),
])
def test_context_a_person_named_again_by_surname_speaks_in_their_role(text, surname, role):
    from wartally.extract import people
    from wartally.extract.sentences import split_sentences

    sents = [s.text for s in split_sentences(text)]
    known = people.introduced(sents)
    assert known.get(surname, (None, None))[1] == role
    assert {h.rule.split("#")[0] for h in people.named_again(sents[-1], known)} == {f"source:{role}"}


def test_context_a_capital_in_a_compound_is_no_government():
    """FA-KES: "a Beirut-based NGO has put the death toll ... at more than 470000" is the NGO's toll."""
    from wartally.extract import context

    text = ("The Syrian Center for Policy Research however a Beirut-based NGO has put the death toll from the six-year "
            "conflict at more than 470000.")
    assert [h.value for h in context.sources_in(text, "SY")] == ["Syrian Center for Policy Research"]


@pytest.mark.parametrize(("outlet", "body"), [
    ("ACAPS (via ReliefWeb)", "ACAPS"),
    ("UN OCHA (via ReliefWeb)", "UN"),
    ("IOM", "UN"),
    ("Human Rights Watch", "Human Rights Watch (HRW)"),
    ("AFP (via Gulf Times)", None),  # a news agency: its own reporting is the outlet's
    ("Reuters (via Zawya)", None),
    ("BBC News", None),
    ("Borkena", None),
    (None, None),
])
def test_context_a_counting_body_that_publishes_is_its_reports_source(outlet, body):
    from wartally.extract import context

    assert context.publisher_source(outlet) == body


@pytest.mark.parametrize(("outlet", "source"), [
    # world-dev-021 (CF): ACAPS's weekly picks say it on ACAPS's own authority
    ("ACAPS (via ReliefWeb)", "ACAPS"),
    ("AP (via Newsday)", "outlet"),
])
def test_context_own_reporting_of_a_publisher(outlet, source):
    text = ("At least 37 civilians were killed during the attack of an IDP settlement in Alindao town, Basse Kotto "
            "prefecture.")
    figs = wartally.extract(text, published="2018-11-20", outlet=outlet, geocode=False)
    assert [f.source for f in figs] == [source]


def test_context_the_outlet_recalling_an_older_massacre_is_its_own_reporting():
    """world-024 (NG): "Concise News recalls that ..." in Concise News is the outlet's own
    reporting, and lends no source to the figures around it."""
    text = "No fewer than five villagers in Barkin Ladi local government area of Plateau state, northern Nigeria, have been killed by unknown gunmen in a late-night ambush, the police have said.\n\nSpokesman of the Plateau State Police Command, Mathias Tyopev, said the incident happened on Wednesday at Pugu village.\n\nTyopev said the gunmen attacked the villagers while they were returning from a birthday party at about 9 pm.\n\nConcise News recalls that Barkin Ladi was one of the worst-hit councils when suspected herdsmen killed at least 100 people in Plateau state some months ago."
    figs = wartally.extract(text, published="2018-12-27", outlet="Concise News", geocode=False)
    by_n = {f.n: f.source for f in figs}
    assert by_n[100] == "outlet"
    assert by_n[5] != "outlet"


def test_context_the_outlets_own_reporter_telling_the_same_number_is_the_outlet():
    """FA-KES (Al-Manar): "... leaving 3 citizens killed and 20 others wounded Al-Manar TV
    correspondent reported" in Al-Manar's own story is the outlet's reporting, not a source
    further on ("A source at Damascus police told SANA ...")."""
    text = ("Militants of the so-called Jaysh al-Islam terrorist group fired rocket shells on Thursday at residential "
            "neighborhoods in East Ghota of Damascus leaving 3 citizens killed and 20 others wounded. Militants of the "
            "so-called Jaysh al-Islam terrorist group fired rocket shells on Thursday at residential neighborhoods in East "
            "Ghota of Damascus leaving 3 citizens killed and 20 others wounded Al-Manar TV correspondent reported. A source "
            "at Damascus police told SANA news agency that the rocket attacks damaged houses and burned a number of cars.")
    figs = wartally.extract(text, published="2015-02-05", outlet="manar", geocode=False)
    assert {f.source for f in figs} == {"outlet"}


@pytest.mark.parametrize("text", [
    # FA-KES: who the dead may have been is no attacker
    "It added that 24 other people were killed without specifying whether they were civilians or DAESH extremists.",
    "Observatory head Rami Abdel Rahman said 31 civilians were identified among those killed but that it was not "
    "immediately clear whether the 16 others were civilians or IS fighters.",
])
def test_context_who_the_dead_may_have_been_is_no_actor(text):
    from wartally.extract import context

    assert context.actors_in(text, [], "SY") == []


@pytest.mark.parametrize(("text", "sentences"), [
    # FA-KES: a sentence that ends on "U.N." ends there when a word that opens sentences follows, so the next
    # sentence's toll is not told "according to the U.N."
    ("More than 250000 people have been killed according to the U.N. The Syrian Center for Policy Research has put "
     "the death toll at as high as 470000.", 2),
    ("The U.N. Security Council met on Monday.", 1),
    ("Five died, U.S. officials said. U.S. forces were not involved.", 2),
    ("Three people were killed near the U.S. Embassy.", 1),
])
def test_context_a_dotted_short_form_may_end_a_sentence(text, sentences):
    from wartally.extract.sentences import split_sentences

    assert len(split_sentences(text)) == sentences
