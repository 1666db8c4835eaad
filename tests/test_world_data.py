"""Data integrity of the world-wide knowledge tables: the countries and wars
(src/wartally/data/world/*.tsv), the ``fights`` column of the actors lexicon
and the ``countries`` column of the sources lexicon; and that the loaders in
``wartally.extract.world`` read every row the files hold (the tables and the
code cannot drift apart unnoticed).

The demonyms below are an independent copy, from Wikipedia's "List of
adjectival and demonymic forms for countries and nations" (CC BY-SA 4.0),
of the adjective each country's table row must recognise.
"""
from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pytest

from wartally.extract import lexicon, world

WORLD_DIR = resources.files("wartally.data").joinpath("world")
SIDES = {"government", "opposition", "other"}

# the English adjective news uses for each country (Wikipedia, see above)
DEMONYMS = {
    "AF": "Afghan", "AM": "Armenian", "AZ": "Azerbaijani", "BD": "Bangladeshi", "BF": "Burkinabe",
    "BI": "Burundian", "BJ": "Beninese", "BR": "Brazilian", "CD": "Congolese", "CF": "Central African",
    "CM": "Cameroonian", "CN": "Chinese", "CO": "Colombian", "DZ": "Algerian", "EG": "Egyptian",
    "ER": "Eritrean", "ET": "Ethiopian", "FR": "French", "GB": "British", "GE": "Georgian", "HT": "Haitian",
    "IL": "Israeli", "IN": "Indian", "IQ": "Iraqi", "IR": "Iranian", "JO": "Jordanian", "KE": "Kenyan",
    "LB": "Lebanese", "LK": "Sri Lankan", "LY": "Libyan", "MA": "Moroccan", "ML": "Malian", "MM": "Burmese",
    "MX": "Mexican", "MZ": "Mozambican", "NE": "Nigerien", "NG": "Nigerian", "NP": "Nepalese",
    "PH": "Filipino", "PK": "Pakistani", "PS": "Palestinian", "RU": "Russian", "RW": "Rwandan",
    "SA": "Saudi", "SD": "Sudanese", "SN": "Senegalese", "SO": "Somali", "SS": "South Sudanese",
    "SY": "Syrian", "TD": "Chadian", "TH": "Thai", "TN": "Tunisian", "TR": "Turkish", "UA": "Ukrainian",
    "AE": "Emirati", "US": "American", "VE": "Venezuelan", "YE": "Yemeni", "ZA": "South African",
    "GN": "Guinean", "TG": "Togolese", "UG": "Ugandan", "KP": "North Korean", "KR": "South Korean",
    "KG": "Kyrgyz", "TJ": "Tajik", "UZ": "Uzbek",
    "ID": "Indonesian",
    # the rest of the UN's members and observers and the territories news names (added together)
    "AD": "Andorran", "AG": "Antiguan", "AL": "Albanian", "AO": "Angolan", "AR": "Argentine", "AT": "Austrian",
    "AU": "Australian", "BA": "Bosnian", "BB": "Barbadian", "BE": "Belgian", "BG": "Bulgarian", "BH": "Bahraini",
    "BN": "Bruneian", "BO": "Bolivian", "BS": "Bahamian", "BT": "Bhutanese", "BW": "Motswana", "BY": "Belarusian",
    "BZ": "Belizean", "CA": "Canadian", "CH": "Swiss", "CI": "Ivorian", "CL": "Chilean", "CR": "Costa Rican",
    "CU": "Cuban", "CV": "Cape Verdean", "CY": "Cypriot", "CZ": "Czech", "DE": "German", "DJ": "Djiboutian",
    "DK": "Danish", "DO": "Dominican", "EC": "Ecuadorian", "EE": "Estonian", "EH": "Sahrawi", "ES": "Spanish",
    "FI": "Finnish", "FJ": "Fijian", "FM": "Micronesian", "GA": "Gabonese", "GD": "Grenadian", "GH": "Ghanaian",
    "GM": "Gambian", "GQ": "Equatoguinean", "GR": "Greek", "GT": "Guatemalan", "GW": "Bissau-Guinean",
    "GY": "Guyanese", "HK": "Hongkonger", "HN": "Honduran", "HR": "Croatian", "HU": "Hungarian", "IE": "Irish",
    "IS": "Icelandic", "IT": "Italian", "JM": "Jamaican", "JP": "Japanese", "KH": "Cambodian", "KI": "I-Kiribati",
    "KM": "Comorian", "KN": "Kittitian", "KW": "Kuwaiti", "KZ": "Kazakh", "LA": "Lao", "LC": "Saint Lucian",
    "LI": "Liechtensteiner", "LR": "Liberian", "LS": "Basotho", "LT": "Lithuanian", "LU": "Luxembourgish",
    "LV": "Latvian", "MC": "Monegasque", "MD": "Moldovan", "ME": "Montenegrin", "MG": "Malagasy",
    "MH": "Marshallese", "MK": "Macedonian", "MN": "Mongolian", "MR": "Mauritanian", "MT": "Maltese",
    "MU": "Mauritian", "MV": "Maldivian", "MW": "Malawian", "MY": "Malaysian", "NA": "Namibian",
    "NI": "Nicaraguan", "NL": "Dutch", "NO": "Norwegian", "NR": "Nauruan", "NZ": "New Zealander", "OM": "Omani",
    "PA": "Panamanian", "PE": "Peruvian", "PG": "Papua New Guinean", "PL": "Polish", "PR": "Puerto Rican",
    "PT": "Portuguese", "PW": "Palauan", "PY": "Paraguayan", "QA": "Qatari", "RO": "Romanian", "RS": "Serbian",
    "SB": "Solomon Islander", "SC": "Seychellois", "SE": "Swedish", "SG": "Singaporean", "SI": "Slovenian",
    "SK": "Slovak", "SL": "Sierra Leonean", "SM": "Sammarinese", "SR": "Surinamese", "ST": "Santomean",
    "SV": "Salvadoran", "SZ": "Swazi", "TL": "Timorese", "TM": "Turkmen", "TO": "Tongan", "TT": "Trinidadian",
    "TV": "Tuvaluan", "TW": "Taiwanese", "TZ": "Tanzanian", "UY": "Uruguayan", "VA": "Vatican",
    "VC": "Vincentian", "VN": "Vietnamese", "VU": "Ni-Vanuatu", "WS": "Samoan", "XK": "Kosovar",
    "ZM": "Zambian", "ZW": "Zimbabwean",
    # Wikipedia's adjective is another row's (Congolese: DR Congo; Dominican: the Dominican Republic): the
    # row's demonyms column holds the name news uses as an adjective instead
    "CG": "Congo-Brazzaville", "DM": "Dominica",
}


def _rows(name: str) -> list[tuple[int, list[str]]]:
    text = WORLD_DIR.joinpath(name).read_text(encoding="utf-8")
    return [(i, line.split("\t")) for i, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")]


def _lexicon_rows(name: str) -> list[tuple[int, list[str]]]:
    text = resources.files("wartally.data").joinpath("lexicons", f"{name}.tsv").read_text(encoding="utf-8")
    return [(i, line.split("\t")) for i, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")]


COUNTRY_ROWS = _rows("countries.tsv")
CONFLICT_ROWS = _rows("conflicts.tsv")
CODES = {row[0] for _, row in COUNTRY_ROWS}


def _whole(pattern: str) -> re.Pattern[str]:
    """A table pattern as world.py uses it: case-sensitive, whole words."""
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")


# --- countries.tsv ----------------------------------------------------------

def test_world_countries_rows_have_six_columns():
    bad = [(i, row) for i, row in COUNTRY_ROWS if len(row) != 6 or not all(c.strip() for c in row[:5])]
    assert not bad, f"countries.tsv rows without iso2, name, government, names, demonyms (and a capital column): {bad}"


def test_world_countries_capitals_are_in_the_gazetteer_in_their_country():
    from wartally.geo import resolve
    wrong = [(row[0], row[5]) for _, row in COUNTRY_ROWS if row[5]
             if not (p := resolve(row[5], country=row[0])).resolved or not (p.admin1_pcode or "").startswith(row[0])
             or p.feature not in ("city", "town", "admin1")]  # (Mexico City is also a state)
    assert not wrong, f"capitals the gazetteer does not place as a city of their country: {wrong}"


def test_world_countries_codes_are_unique_iso_alpha2():
    codes = [row[0] for _, row in COUNTRY_ROWS]
    assert len(codes) == len(set(codes)), f"codes twice: {sorted(c for c in codes if codes.count(c) > 1)}"
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in codes), [c for c in codes if not re.fullmatch(r"[A-Z]{2}", c)]


@pytest.mark.parametrize(("line", "row"), COUNTRY_ROWS, ids=[row[0] for _, row in COUNTRY_ROWS])
def test_world_countries_patterns_compile_and_match_no_empty_string(line, row):
    for column, pattern in (("names", row[3]), ("demonyms", row[4])):
        rx = re.compile(pattern)  # raises on a broken pattern
        assert not rx.fullmatch(""), f"line {line}: {column} pattern {pattern!r} matches the empty string"
        assert not _whole(pattern).search(" - "), f"line {line}: {column} pattern {pattern!r} matches no word"


@pytest.mark.parametrize(("line", "row"), COUNTRY_ROWS, ids=[row[0] for _, row in COUNTRY_ROWS])
def test_world_countries_name_and_demonym_patterns_match_the_country(line, row):
    iso, name, government, names, demonyms, _capital = row
    assert _whole(names).fullmatch(name), f"line {line}: names {names!r} does not match the country's name {name!r}"
    assert iso in DEMONYMS, f"line {line}: the test knows no demonym for {iso} (add it from Wikipedia's list)"
    assert _whole(demonyms).fullmatch(DEMONYMS[iso]), f"line {line}: demonyms {demonyms!r} miss {DEMONYMS[iso]!r}"
    assert government.startswith(name) or (iso == "SY" and government == "Syrian government"), \
        f"line {line}: government {government!r} is not '<name> government' (gold guide, 'Beyond Syria')"


@pytest.mark.parametrize("iso", sorted(DEMONYMS))
def test_world_countries_own_words_name_that_country_and_no_other(iso):
    """Read through the one pattern world.py builds over every country: a
    country's name and its demonym before a force word mean that country
    (not a neighbour whose name holds it: Niger/Nigeria, Sudan/South Sudan)."""
    c = world.countries()[iso]
    assert world.state_of(f"in {c.name} on Monday") == iso
    assert world.state_of(f"{DEMONYMS[iso]} troops") == iso
    assert world.state_force_actor(iso, iso) == c.government
    assert world.state_force_actor(iso, "ZZ") == c.name


def test_world_countries_loader_reads_every_row():
    loaded = world.countries()
    assert len(loaded) == len(COUNTRY_ROWS)
    for _, (iso, name, government, names, demonyms, capital) in COUNTRY_ROWS:
        assert loaded[iso] == world.Country(iso, name, government, names, demonyms, capital)


# --- conflicts.tsv ----------------------------------------------------------

def _date(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def test_world_conflicts_rows_have_eight_columns_and_unique_ids():
    bad = [(i, row) for i, row in CONFLICT_ROWS if len(row) != 8]
    assert not bad, f"conflicts.tsv rows without id, countries, name, start, counts_from, end, air_strikes_by, drone_strikes_by: {bad}"
    ids = [row[0] for _, row in CONFLICT_ROWS]
    assert len(ids) == len(set(ids)), f"ids twice: {sorted(i for i in ids if ids.count(i) > 1)}"
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids)


@pytest.mark.parametrize(("line", "row"), CONFLICT_ROWS, ids=[row[0] for _, row in CONFLICT_ROWS])
def test_world_conflicts_dates_parse_and_are_in_order(line, row):
    cid, ccs, name, start, counts_from, end, _, _ = row
    assert name.strip(), f"line {line}: {cid} has no name"
    s, c = _date(start), _date(counts_from)
    assert s <= c, f"line {line}: {cid} counts from {c} before it starts {s}"
    assert dt.date(1900, 1, 1) < s <= dt.date.today()
    if end:
        e = _date(end)
        assert s < e, f"line {line}: {cid} ends {e}, not after it starts {s}"
        assert c <= e, f"line {line}: {cid} counts from {c}, after it ends {e}"


@pytest.mark.parametrize(("line", "row"), CONFLICT_ROWS, ids=[row[0] for _, row in CONFLICT_ROWS])
def test_world_conflicts_countries_are_known_codes(line, row):
    codes = row[1].split(";")
    assert codes and len(codes) == len(set(codes)), f"line {line}: countries {row[1]!r}"
    unknown = [c for c in codes if c not in CODES]
    assert not unknown, f"line {line}: {row[0]} is fought in {unknown}, which countries.tsv does not know"


def test_world_conflicts_of_one_country_do_not_overlap():
    """"The war" of a country on a day must be one war: two wars of the same
    country may not both be going on (the_war takes the latest begun)."""
    by_country: dict[str, list[tuple[dt.date, dt.date, str]]] = {}
    for _, (cid, ccs, _, start, _, end, _, _) in CONFLICT_ROWS:
        for cc in ccs.split(";"):
            by_country.setdefault(cc, []).append((_date(start), _date(end) if end else dt.date.max, cid))
    overlaps = []
    for cc, wars in by_country.items():
        wars.sort()
        for (s1, e1, a), (s2, e2, b) in zip(wars, wars[1:]):
            if s2 <= e1:
                overlaps.append((cc, a, b))
    assert not overlaps, f"wars of one country that overlap: {overlaps}"


def test_world_conflicts_loader_reads_every_row():
    loaded = world.conflicts()
    assert len(loaded) == len(CONFLICT_ROWS)
    for got, (_, (cid, ccs, name, start, counts_from, end, air, drones)) in zip(loaded, CONFLICT_ROWS):
        assert got == world.Conflict(cid, tuple(ccs.split(";")), name, _date(start), _date(counts_from),
                                     _date(end) if end else None, air or None, drones or None)


@pytest.mark.parametrize(("line", "row"), [r for r in CONFLICT_ROWS if r[1][6] or r[1][7]],
                         ids=[row[0] for _, row in CONFLICT_ROWS if row[6] or row[7]])
def test_world_conflicts_who_flies_is_a_known_actor(line, row):
    """Who alone bombs from warplanes or flies armed drones in a war is an
    actor value the gold guide writes: a state's forces at home, a foreign
    state, or a named coalition."""
    states = {c.government for c in world.countries().values()} | {c.name for c in world.countries().values()}
    groups = {e.value for e in lexicon.entries("actors")}
    for actor in filter(None, row[6:8]):
        assert actor in states or actor in groups, f"line {line}: {row[0]}: unknown actor {actor!r}"


def test_world_conflicts_every_war_is_the_war_of_its_countries_while_it_goes_on():
    """Each row can be reached: on the day after it starts (or its last day),
    the_war of each of its countries is that row."""
    for c in world.conflicts():
        day = min(c.counts_from + dt.timedelta(days=1), c.end or dt.date.max)
        for cc in c.countries:
            assert world.the_war(cc, day) == c, (c.id, cc, day, world.the_war(cc, day))
            assert world.war_start(cc, day) == c.counts_from


# --- actors.tsv: fights -------------------------------------------------------

ACTOR_ROWS = _lexicon_rows("actors")


@pytest.mark.parametrize(("line", "row"), ACTOR_ROWS, ids=[row[0] for _, row in ACTOR_ROWS])
def test_world_actors_fights_are_country_side_pairs(line, row):
    assert len(row) == 5, f"actors.tsv line {line}: {len(row)} columns"
    fights = row[3]
    if fights == "-":
        return
    pairs = fights.split(" ")
    assert all(re.fullmatch(r"[A-Z]{2}(?:@\d{4}-\d\d-\d\d)?=[a-z]+", p) for p in pairs), f"line {line}: fights {fights!r}"
    for p in pairs:
        if "@" in p:  # a dated side: a real day, after which the undated side of the same country no longer holds
            day = dt.date.fromisoformat(p.split("@")[1].split("=")[0])
            assert dt.date(1945, 1, 1) < day <= dt.date.today(), f"line {line}: {p}"
            assert any(q.startswith(p[:2] + "=") for q in pairs), f"line {line}: {p} without the side before it"
    codes = [p.split("=")[0] for p in pairs]
    assert len(codes) == len(set(codes)), f"line {line}: a country twice in {fights!r}"
    assert {p.split("=")[1] for p in pairs} <= SIDES, f"line {line}: a side not in {SIDES}: {fights!r}"
    assert {c[:2] for c in codes} <= CODES, f"line {line}: {sorted({c[:2] for c in codes} - CODES)} unknown to countries.tsv"


def test_world_actors_fights_as_the_side_of_their_fighters():
    """world.group_side reads the column: the side given for that country,
    'other' in a country the row does not name, nothing for '-' rows."""
    checked = 0
    for _, (aid, _, _, fights, _) in ACTOR_ROWS:
        if fights == "-":
            assert world.group_side(aid, "NG") is None
            continue
        pairs = dict(p.split("=") for p in fights.split(" "))
        for where, side in pairs.items():
            cc, _, day = where.partition("@")
            if day:  # from that day on, and not the day before
                on = dt.date.fromisoformat(day)
                assert world.group_side(aid, cc, on) == side, (aid, where)
                assert world.group_side(aid, cc, on - dt.timedelta(days=1)) == pairs[cc], (aid, where)
            else:
                assert world.group_side(aid, cc) == side, (aid, cc)
            checked += 1
        assert world.group_side(aid, "ZZ") == "other"
    assert checked >= 60


# --- sources.tsv: countries -------------------------------------------------

SOURCE_ROWS = _lexicon_rows("sources")


@pytest.mark.parametrize(("line", "row"), SOURCE_ROWS, ids=[row[0] for _, row in SOURCE_ROWS])
def test_world_sources_countries_are_star_codes_or_negated_codes(line, row):
    assert len(row) == 5, f"sources.tsv line {line}: {len(row)} columns"
    cell = row[2]
    if cell == "*":
        return
    codes = cell.split(";")
    assert all(re.fullmatch(r"!?[A-Z]{2}", c) for c in codes), f"line {line}: countries {cell!r}"
    assert len({c.startswith("!") for c in codes}) == 1, f"line {line}: {cell!r} mixes codes and !codes"
    assert {c.lstrip("!") for c in codes} <= CODES, f"line {line}: {cell!r} names a code countries.tsv lacks"


def test_world_sources_role_rows_say_where():
    """A role row's value holds {where} (the place it is told with) and the
    extractor treats exactly those rows as roles."""
    from wartally.extract import context
    for e in lexicon.entries("sources"):
        assert context.is_role(e.value) == ("{where}" in e.value or "{text}" in e.value), e.id
        assert set(re.findall(r"\{(\w+)\}", e.value)) <= {"where", "text"}, e.id
