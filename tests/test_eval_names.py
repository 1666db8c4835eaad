"""Name comparisons of the scorer: transliterated places, OCHA governorate
spellings, sources and actors."""
from __future__ import annotations

import pytest

from wartally.eval.names import canonical_admin1, names_every_actor, same_admin1, same_place, same_source, same_word

PLACES = [
    ("Maarrat al-Numan", "Maaret al-Numan", True),
    ("Maarrat al-Numan", "Ma'arrat an-Nu'man", True),
    ("Maarrat al-Numan", "Maarat al Nouman", True),
    ("Qalaat al-Madiq", "Qalat al-Mudiq", True),
    ("Kafr Nabl", "Kafranbel", True),
    ("Qamishli", "Kamishli", True),
    ("Qamishli", "al-Qamishli", True),
    ("Deir ez-Zor", "Deir al-Zor", True),
    ("Atarib", "al-Atareb", True),
    ("al-Rai", "Al-Ra'i", True),
    ("Jisr al-Shughur", "Jisr ash-Shughur", True),
    ("Aleppo", "Idlib", False),
    ("Raqqa", "Homs", False),
    ("Manbij", "Mhambil", False),
    ("Maharda", "Mhambil", False),
    pytest.param("Darayya", "Daraa", False, marks=pytest.mark.xfail(strict=True, reason="same consonant skeleton d-r")),
    ("Aleppo", None, False),
    ("Aleppo", "", False),
]


@pytest.mark.parametrize("gold,pred,same", PLACES)
def test_names_same_place_tolerates_transliteration(gold, pred, same):
    assert same_place(gold, pred) is same


ADMIN1 = [
    ("Idlib", "Idleb", True),
    ("Latakia", "Lattakia", True),
    ("Al-Hasakah", "Al-Hasakeh", True),
    ("Rif Dimashq", "Rural Damascus", True),
    ("Daraa", "Dar'a", True),
    ("As-Suwayda", "As-Sweida", True),
    ("Tartus", "Tartous", True),
    ("Deir ez-Zor", "Deir-ez-Zor", True),
    ("Ar-Raqqa", "Raqqa", True),
    ("Hama", "Hama Governorate", True),
    ("Aleppo", "aleppo", True),
    ("Rif Dimashq", "Damascus", False),
    ("Idlib", "Hama", False),
    ("Idlib", None, False),
    # beyond Syria, the gold guide's usual variants (data/geo/admin1_english.json)
    ("Al Hudaydah", "Hodeidah", True),
    ("Ninawa", "Nineveh", True),
    ("Nord-Kivu", "North Kivu", True),
    ("Odessa", "Odesa", True),
    ("Kharkiv", "Kherson", False),
    ("México", "Mexico City", False),
]


@pytest.mark.parametrize("gold,pred,same", ADMIN1)
def test_names_same_admin1_accepts_ocha_spellings(gold, pred, same):
    assert same_admin1(gold, pred) is same


def test_names_canonical_admin1_of_every_ocha_name():
    ocha = ["Al-Hasakeh", "Aleppo", "Ar-Raqqa", "As-Sweida", "Damascus", "Dar'a", "Deir-ez-Zor", "Hama", "Homs", "Idleb", "Lattakia", "Quneitra", "Rural Damascus", "Tartous"]
    names = [canonical_admin1(n) for n in ocha]
    assert None not in names and len(set(names)) == 14
    assert canonical_admin1("Atlantis") is None


SOURCES = [
    ("SOHR", "sohr", True),
    ("local authorities", "Aleppo local authorities", True),
    ("Aleppo local authorities", "local authorities", True),
    # the gold guide ("Beyond Syria"): a source whose words hold most of gold's matches
    ("Syrian Center for Policy Research", "Syrian Centre for Policy Research", True),
    ("Kharkiv regional governor", "regional governor Oleh Syniehubov", True),
    ("Kharkiv regional governor", "governor Oleh Syniehubov", False),
    ("Niger defence ministry", "Niger army", False),
    ("Lebanon Health Ministry", "Lebanese Health Ministry", True),
    ("Russian Coordination Center", "russian-coordination center", True),
    ("local activists", "Local Activists'", True),
    ("Al-Watan", "Watan", True),
    ("SOHR", "SNHR", False),
    ("UN", "Aleppo municipality", False),
    ("UN", "UN's OCHA", True),
    ("Al-Watan", "al Watan newspaper", True),
    ("Syrian Observatory", "SyrianObservatory for Human Rights", True),
    ("UN", None, False),
    ("UN", "", False),
    # a state's body by its country's name (the gold guide's "Cameroon army") or its adjective (world-dev's
    # "Colombian army", "Iraqi military"): the same body
    ("Cameroon army", "Cameroonian army spokesman", True),
    ("Congolese military", "Congo's military", True),
    ("Iraqi military", "Iraq military", True),
    ("Malian army", "Niger army", False),
    ("Syrian army", "Turkish military", False),
]


@pytest.mark.parametrize("gold,pred,same", SOURCES)
def test_names_same_source_ignores_case_spacing_and_articles(gold, pred, same):
    assert same_source(gold, pred) is same


ACTORS = [
    ("Syrian government; Russia", "Russia; Syrian government", True),
    ("Syrian government; Russia", ["Syrian government", "Russia"], True),
    ("Syrian government; Russia", "Syrian government", False),
    ("ISIS", "ISIS; Kurdish forces", True),
    ("opposition; ISIS", "opposition", False),
    ("US-led coalition", "US led coalition", True),
    ("Turkey", None, False),
]


@pytest.mark.parametrize("gold,pred,same", ACTORS)
def test_names_every_gold_actor_must_be_named(gold, pred, same):
    assert names_every_actor(gold, pred) is same


@pytest.mark.parametrize(
    "gold,pred,same",
    [("barrel bomb", "barrel-bombs", True), ("airstrike", "Airstrike", True), ("airstrike", "shelling", False), ("exact", "at_least", False), ("IED", "ied", True), ("Syria", None, False)],
)
def test_names_same_word_for_categories(gold, pred, same):
    assert same_word(gold, pred) is same
