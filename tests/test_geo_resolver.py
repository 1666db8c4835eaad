"""The toponym resolver: ambiguity resolved from context, admin words,
stated parents, places outside Syria, and mentions it cannot resolve."""
from __future__ import annotations

import pytest

from wartally.geo import resolve
from wartally.records import WherePrecision as P


@pytest.mark.parametrize(
    ("mention", "feature", "precision", "admin1"),
    [
        ("Hama", "city", P.EXACT, "Hama"),
        ("Hama city", "city", P.EXACT, "Hama"),
        ("the city of Hama", "city", P.EXACT, "Hama"),
        ("Hama province", "admin1", P.ADMIN1, "Hama"),
        ("Hama governorate", "admin1", P.ADMIN1, "Hama"),
        ("northern Hama", "admin1", P.ADMIN1, "Hama"),
        ("the northern countryside of Hama", "admin1", P.ADMIN1, "Hama"),
        ("Hama countryside", "admin1", P.ADMIN1, "Hama"),
        ("rural Idlib", "admin1", P.ADMIN1, "Idlib"),
        ("western Idlib province", "admin1", P.ADMIN1, "Idlib"),
        ("Idlib", "city", P.EXACT, "Idlib"),
        ("southern Idlib", "admin1", P.ADMIN1, "Idlib"),
        ("Aleppo's countryside", "admin1", P.ADMIN1, "Aleppo"),
        ("Damascus Countryside", "admin1", P.ADMIN1, "Rif Dimashq"),
        ("Rural Damascus", "admin1", P.ADMIN1, "Rif Dimashq"),
        ("Deir Ezzor Governorate", "admin1", P.ADMIN1, "Deir ez-Zor"),
    ],
)
def test_resolver_admin_words_choose_city_or_governorate(mention, feature, precision, admin1):
    place = resolve(mention)
    assert (place.feature, place.precision, place.admin1) == (feature, precision, admin1), place.reason
    assert place.reason


@pytest.mark.parametrize(
    ("mention", "kwargs", "admin1", "name"),
    [
        ("Has", {"context": ["Kafr Nabl", "Maarat al-Numan", "Idlib"]}, "Idlib", "Hass"),
        ("Hass", {"parent": "southern Idlib"}, "Idlib", "Hass"),
        ("Suran", {"parent": "northern Hama"}, "Hama", "Suran"),
        ("Suran", {"parent": "Aleppo countryside"}, "Aleppo", "Suran"),
        ("Suran", {"context": ["Morek", "Latamneh", "Kafr Zita", "Hama"]}, "Hama", "Suran"),
        ("Suran", {"context": ["Azaz", "Marea", "Tal Rifaat", "Aleppo"]}, "Aleppo", "Suran"),
        ("Quneitra", {}, "Quneitra", "Quneitra"),
    ],
)
def test_resolver_ambiguous_names_follow_context_and_parent(mention, kwargs, admin1, name):
    place = resolve(mention, **kwargs)
    assert (place.admin1, place.name) == (admin1, name), place.reason


def test_resolver_reason_explains_the_parent():
    place = resolve("Suran", parent="northern Hama")
    assert "Hama" in place.reason and "over" in place.reason


@pytest.mark.parametrize(
    ("mention", "admin1", "admin1_ocha", "pcode"),
    [
        ("Idlib", "Idlib", "Idleb", "SY07"),
        ("Latakia", "Latakia", "Lattakia", "SY06"),
        ("Douma", "Rif Dimashq", "Rural Damascus", "SY03"),
        ("Daraa", "Daraa", "Dar'a", "SY12"),
        ("Sweida", "As-Suwayda", "As-Sweida", "SY13"),
        ("Tartus", "Tartus", "Tartous", "SY10"),
        ("Qamishli", "Al-Hasakah", "Al-Hasakeh", "SY08"),
        ("Raqqa", "Raqqa", "Ar-Raqqa", "SY11"),
        ("Deir ez-Zor", "Deir ez-Zor", "Deir-ez-Zor", "SY09"),
    ],
)
def test_resolver_admin1_common_name_with_ocha_name_and_pcode(mention, admin1, admin1_ocha, pcode):
    place = resolve(mention)
    assert (place.admin1, place.admin1_ocha, place.admin1_pcode) == (admin1, admin1_ocha, pcode)
    assert place.admin2_pcode.startswith(pcode) and place.admin3_pcode.startswith(place.admin2_pcode)


@pytest.mark.parametrize(
    ("mention", "country", "admin1", "admin1_pcode"),
    [
        ("Kilis", "Turkey", "Kilis", "TR.90"),
        ("Gaziantep", "Turkey", "Gaziantep", "TR.83"),
        ("Mosul", "Iraq", "Nineveh", "IQ.15"),  # the common English name, not GeoNames' Ninawa
        ("Beirut", "Lebanon", "Beirut", "LB.04"),
        ("Kabul", "Afghanistan", "Kabul", "AF.13"),
        ("Paris", "France", "Ile-de-France", "FR.11"),
    ],
)
def test_resolver_places_outside_syria_get_country_and_admin1(mention, country, admin1, admin1_pcode):
    place = resolve(mention)
    assert (place.country, place.admin1, place.admin1_pcode) == (country, admin1, admin1_pcode)
    assert place.admin1_ocha is None and place.precision == P.EXACT


@pytest.mark.parametrize(("mention", "country"), [("Syria", "Syria"), ("Turkey", "Turkey"), ("Iraq", "Iraq")])
def test_resolver_countries_have_country_precision(mention, country):
    place = resolve(mention)
    assert (place.country, place.precision, place.feature) == (country, P.COUNTRY, "country")


@pytest.mark.parametrize(("mention", "admin1"), [("إدلب", "Idlib"), ("حلب", "Aleppo"), ("معرة النعمان", "Idlib"),
                                                ("دوما", "Rif Dimashq")])
def test_resolver_arabic_script(mention, admin1):
    assert resolve(mention).admin1 == admin1


@pytest.mark.parametrize("mention", ["Xqzzyville", "", "   ", "Foo", "Qwertabad al-Zzz", "Syrian", "Russian"])
def test_resolver_unresolvable_keeps_the_mention(mention):
    place = resolve(mention)
    assert place.precision == P.UNKNOWN and not place.resolved
    assert place.mention == mention and place.name is None and place.lat is None
    assert place.reason


def test_resolver_never_raises_on_bad_input():
    assert resolve(None).precision == P.UNKNOWN  # type: ignore[arg-type]
    assert resolve("Hama", parent=None, context=[]).resolved


@pytest.mark.parametrize(
    ("mention", "feature", "admin1"),
    [("Hama", "admin1", "Hama"), ("Idlib", "admin1", "Idlib"), ("Hama city", "city", "Hama"),
     ("Khan Sheikhoun", "town", "Idlib"), ("Rural Damascus", "admin1", "Rif Dimashq")],
)
def test_resolver_area_mentions_prefer_admin_units(mention, feature, admin1):
    place = resolve(mention, area=True)
    assert (place.feature, place.admin1) == (feature, admin1), place.reason


@pytest.mark.parametrize(
    ("mention", "name", "admin1"),
    [
        ("Maaret Alnouman", "Maarat al-Numan", "Idlib"),  # article glued to its word
        ("Aleppos", "Aleppo", "Aleppo"),  # possessive, apostrophe stripped (FA-KES)
        ("Hama Monday", "Hama", "Hama"),  # words run on after the name
        ("Idlib September", "Idlib", "Idlib"),
        ("Alwaer", "Wa'er", "Homs"),
    ],
)
def test_resolver_reads_names_in_text_stripped_of_punctuation(mention, name, admin1):
    place = resolve(mention)
    assert (place.name, place.admin1, place.mention) == (name, admin1, mention)
    assert "read '" in place.reason


def test_resolver_other_names_abroad_lose_to_the_syrian_place():
    place = resolve("Ras al-Ain", context=["Turkey", "Kilis", "Syria", "Hasakah"])
    assert (place.country, place.admin1) == ("Syria", "Al-Hasakah"), place.reason
