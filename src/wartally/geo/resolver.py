"""Toponym resolution: a mention, its stated parent and the other places of
the article → one gazetteer place, with the reason for the choice.

Candidates come from the gazetteer's fold index (transliteration variants),
then its skeleton index (vowel variants).  They are ranked by, in order of
weight: a stated parent ("in western Idlib province") the candidate lies in,
an admin word in the mention ("Hama province" → the governorate, "Hama city"
→ the city), the governorates of the other places in the article, the
feature class (city > town > village > admin unit > neighbourhood) and
population.  ``resolve`` never raises on bad input: an unresolvable mention
comes back with precision UNKNOWN and the raw text kept.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from wartally.geo.gazetteer import TOWN_POPULATION, Entry, Gazetteer, load
from wartally.geo.names import distance, fold
from wartally.records import Place, WherePrecision

NEIGHBOURS = frozenset({"TR", "IQ", "LB", "JO", "IL", "PS"})


def _load_words() -> dict[str, list[str]]:
    import json
    from importlib import resources

    with (resources.files("wartally") / "data" / "geo" / "mention_words.json").open(encoding="utf-8") as f:
        return json.load(f)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace("\\-", "-?") for w in sorted(words, key=len, reverse=True))


_WORDS = _load_words()
_DIRECTION = _alternation(_WORDS["directions"])
_AREA_WORDS = _alternation(_WORDS["area_lead"] + _WORDS["admin_words"])
_KIND_WORDS = _alternation(_WORDS["admin_words"] + _WORDS["unit_words"] + _WORDS["settlement_words"])
_LEAD = re.compile(
    rf"^(?:(?:{_alternation(_WORDS['lead_prepositions'])})\s+)*"
    rf"(?:(?:{_DIRECTION}|{_alternation(_WORDS['area_lead'])}|(?:the\s+)?(?:{_KIND_WORDS})\s+of)\s+)*",
    re.I,
)
_TRAIL = re.compile(rf"(?:['’]s)?(?:\s+(?:{_KIND_WORDS}))+$", re.I)
_REGION_LEAD = re.compile(rf"\b(?:{_DIRECTION}|{_AREA_WORDS})\b", re.I)
_SETTLEMENT_LEAD = re.compile(rf"\b(?:{_alternation(_WORDS['settlement_words'])})\b", re.I)
_ARTICLE_HEAD = re.compile(r"^(?:al|el|an|ar|as|ash|ad|az|at)[-\s]", re.I)
_LEAD_ARTICLE = re.compile(r"^(?:(?:the|in|of|at|near)\s+)+", re.I)
_ADMIN_WORDS = frozenset(_WORDS["admin_words"] + _WORDS["area_lead"])
_SETTLEMENT_WORDS = frozenset(_WORDS["settlement_words"])
_FEATURE_SCORE = {"region": 0.5, "city": 2.0, "town": 1.5, "village": 1.0, "neighbourhood": -1.5, "country": 2.5,
                  "admin1": -0.5, "admin2": -1.0, "admin3": -1.0}
_PRECISION = {"region": WherePrecision.WITHIN_25KM, "city": WherePrecision.EXACT, "town": WherePrecision.EXACT, "village": WherePrecision.EXACT,
              "neighbourhood": WherePrecision.EXACT, "admin3": WherePrecision.WITHIN_25KM,
              "admin2": WherePrecision.ADMIN2, "admin1": WherePrecision.ADMIN1, "country": WherePrecision.COUNTRY}


_DIRECTION_UNITS: dict[str, list[str]] = _WORDS["direction_units"]
_DIRECTION_HEAD = re.compile(rf"^(?:the\s+)?({_DIRECTION})\s+", re.I)


def direction_key(word: str) -> str | None:
    """The key of data/geo/mention_words.json's direction_units a direction
    word names ("southern" → south, "North-Eastern" → northeast)."""
    w = word.lower().replace("-", "").replace(" ", "")
    for suffix in ("ern", "ward"):
        if w.endswith(suffix) and w[: -len(suffix)] in _DIRECTION_UNITS:
            w = w[: -len(suffix)]
    return w if w in _DIRECTION_UNITS else None


@lru_cache(maxsize=4096)
def direction_unit(direction: str, cc: str) -> Entry | None:
    """The first-level unit of country ``cc`` that a direction names
    ("southern" in Lebanon → South Lebanon, "eastern" in Burkina Faso →
    Est, "southern" in Israel → Southern District); None when the country
    has none of that name ("northern Syria")."""
    key = direction_key(direction)
    if key is None:
        return None
    gaz = load()
    country = gaz.country_name(cc) or ""
    for word in _DIRECTION_UNITS[key]:
        for name in (f"{word} {country}", word):
            found, how = gaz.lookup(name)
            units = [e for e in found if how == "name" and e.cc == cc and e.feature == "admin1"]
            if len(units) == 1:
                return units[0]
    return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention split into its core name and what its words say."""

    raw: str
    core: str
    region: bool  # "northern Hama", "Idlib province", "rural Damascus": an admin area
    settlement: bool  # "Hama city", "the town of Hass"


@lru_cache(maxsize=65536)
def parse(mention: str) -> Mention:
    """Split the admin and direction words (data/geo/mention_words.json)
    from the name of a mention."""
    text = " ".join(mention.replace("\u00a0", " ").split()).strip(" ,.;:()\"“”")
    region = settlement = False
    lead = _LEAD.match(text)
    if lead and lead.end():
        words = lead.group(0)
        region = bool(_REGION_LEAD.search(words))
        settlement = bool(_SETTLEMENT_LEAD.search(words)) and not region
        text = text[lead.end():]
    trail = _TRAIL.search(text)
    if trail and trail.start() > 0:
        tail = {w.lower() for w in trail.group(0).replace("'s", " ").replace("’s", " ").split()}
        region = region or bool(tail & _ADMIN_WORDS)
        settlement = settlement or bool(tail & _SETTLEMENT_WORDS)
        text = text[: trail.start()]
    return Mention(mention, text.strip(" ,.'’") or mention.strip(), region, settlement and not region)


_GLUED_ARTICLE = re.compile(r"\b(?:A|a)l(?=[a-z]{3,})")


def _variants(core: str, gaz: Gazetteer) -> list[str]:
    """Readings of a name that the gazetteer spells otherwise, most likely
    first: a possessive without its apostrophe ("Aleppos"), an article glued
    to its word ("Maaret Alnouman"), words run on after the name in text
    stripped of punctuation ("Hama Monday", "Idlib September")."""
    out = []
    if len(core) > 4 and core.endswith("s") and not core.endswith("ss"):
        out.append(core[:-1])
    glued = _GLUED_ARTICLE.sub("al-", core)
    if glued != core:
        out.append(glued)
    words = core.split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        # (far from Syria, only English words run on: "Nyaung Kone" is a village's own name, not Nyaung and a word)
        if all(w[:1].isupper() for w in words[n:]) and len(head) >= 4 and head.lower() not in gaz.stoplist and (
                all(w.lower() in gaz.stoplist for w in words[n:])
                or any(e.cc == "SY" or e.cc in NEIGHBOURS for e in gaz.lookup(head)[0])):
            out.append(head)
    return out


def _unresolved(mention: str, reason: str) -> Place:
    return Place(mention=mention, precision=WherePrecision.UNKNOWN, reason=reason)


@lru_cache(maxsize=65536)
def _candidates(core: str) -> tuple[tuple[Entry, ...], str]:
    gaz = load()
    found, how = gaz.lookup(core)
    if how == "skeleton" and core.lower() in gaz.stoplist:
        return (), ""  # "Syrian" is not a spelling of Suran
    return tuple(found), how


@lru_cache(maxsize=16384)
def _context_admin1(name: str, country: str | None = None) -> str | None:
    """The first-level unit a context name most likely lies in (no other
    context used; ``country``: the article's country, if known): a Syrian
    P-code ("SY07"), a GeoNames code ("UA.26"), or a country code for a
    country or a place without a unit.  Its first two letters are always
    the country's code."""
    m = parse(name)
    found, how = _candidates(m.core)
    found = tuple(e for e in found if _plausible(e, m.core, how))  # the prior ranks, it does not filter
    best = max(found, key=lambda e: _base_score(e, m, "name", country), default=None)
    if best is None:
        return None
    if best.feature == "country" or not best.a1:
        return best.cc
    return best.a1


def _evident(e: Entry, country: str | None, votes: Counter | dict | None, core: str | None = None,
             how: str = "name") -> bool:
    """Whether a candidate outside the article's country may be meant: a
    country, a city of a million or more (by its own name or a name of five
    letters or more: "Kya" in a Myanmar village's name is no alias of Konya),
    a place in Syria's neighbours in a Syrian article, or one whose country
    (for a town of 15,000 or more) or whose first-level unit (for anything
    smaller, and for any place found only by a spelling variant: "Madain"
    in an Iraqi article is not Syria's Mayadin because Syria is named)
    another place of the article lies in."""
    if country is None or e.cc == country or e.feature == "country":
        return True
    if e.population >= 1_000_000 and (core is None or len(fold(core)) >= 5 or fold(core) == fold(e.name)):
        return True
    if country == "SY" and e.cc in NEIGHBOURS:
        return True
    if not votes:
        return False
    if (e.population >= TOWN_POPULATION or e.feature == "admin1") and how != "skeleton":
        return any(k[:2] == e.cc for k in votes)
    return bool(e.a1 and votes.get(e.a1))


def _plausible(e: Entry, core: str, how: str) -> bool:
    """Whether a candidate may be meant at all: a far-away place only on a
    long name or its own main name, and a spelling variant only in Syria and
    its neighbours."""
    if e.cc == "SY" or e.cc in NEIGHBOURS or e.feature == "country":
        if how in ("name", "variant"):
            return True
        # a spelling variant: long enough, and near the place's own spelling
        return len(fold(core)) >= 4 and distance(fold(core), fold(e.name)) <= (3 if e.cc == "SY" else 1)
    if how == "skeleton":
        return False
    return len(fold(core)) >= 5 or fold(core) == fold(e.name)


@lru_cache(maxsize=4096)
def _votes(context: tuple[str, ...], country: str | None = None) -> Counter:
    """How many of the context names lie in each first-level unit (or country)."""
    return Counter(a for a in (_context_admin1(c, country) for c in context) if a)


def _without_self(votes: Counter, mention: str, core: str, context: tuple[str, ...], country: str | None) -> dict:
    """``votes`` less those of the mention itself and of its other wordings in the
    context ("Pale" for "Pale Township"): a name is no evidence for itself."""
    key = fold(core)
    selves = [c for c in context if c == mention or parse(c).core == core or fold(parse(c).core) == key]
    if not selves:
        return votes
    out = dict(votes)
    for c in selves:
        own = _context_admin1(c, country)
        if own and out.get(own, 0) > 0:
            out[own] -= 1
    return {k: v for k, v in out.items() if v > 0}


def _syrian_share(votes: dict[str, int]) -> float:
    total = sum(votes.values())
    return sum(v for k, v in votes.items() if k.startswith("SY")) / total if total else 0.0


def _base_score(e: Entry, m: Mention, how: str, country: str | None = None) -> float:
    s = _FEATURE_SCORE.get(e.feature, 0.0)
    if e.feature.startswith("admin") and m.region:
        s += {"admin1": 7.5, "admin2": 4.0, "admin3": 2.0}[e.feature]
    elif m.settlement and e.feature in ("city", "town", "village"):
        s += 2.0
    if country not in (None, "SY"):  # the article's country, the strongest prior
        s += 5.0 if e.cc == country else 0.0
    elif e.cc == "SY":
        s += 3.0
    elif e.cc in NEIGHBOURS:
        s += 1.0
    if e.cc != "SY" and e.feature != "country" and fold(m.core) != fold(e.name):
        s -= 1.5  # abroad, and only by one of its other names ("Ras al-Ain" for Ceylanpinar)
    s += math.log10(e.population + 1) / 3
    if e.capital is not None:
        s += (2.0, 1.5, 1.0, 0.5)[min(e.capital, 3)]
    if how == "skeleton":
        s -= 2.0 + 0.75 * distance(fold(m.core), fold(e.name))
    return s


def _parent_units(parent: str | None) -> tuple[set[str], str | None]:
    """P-codes (admin1/admin2) or country codes a parent phrase names."""
    if not parent:
        return set(), None
    p = parse(parent)
    found, _ = _candidates(p.core)
    units: set[str] = set()
    for e in found:
        if e.feature in ("admin1", "admin2"):
            units.add(e.a2 if e.feature == "admin2" else e.a1)
        elif e.feature == "country":
            units.add(e.cc)
        elif e.cc == "SY" and e.capital is not None and e.capital <= 2 and e.a1:
            units.add(e.a1)  # "in Hama" as a parent: the city's governorate
    return units, p.core


def _in_unit(e: Entry, units: set[str]) -> bool:
    return bool(units & {e.a1, e.a2, e.cc})


def rank(m: Mention, found: list[Entry] | tuple[Entry, ...], how: str, *,
         context: tuple[str, ...] = (), parent: str | None = None,
         country: str | None = None) -> list[tuple[float, Entry, list[str]]]:
    """Candidates with their scores and the reasons that moved them, best first."""
    units, parent_core = _parent_units(parent)
    votes = _without_self(_votes(context, country), m.raw, m.core, context, country)
    total = sum(votes.values())
    syrian = sum(v for k, v in votes.items() if k.startswith("SY")) / total if total else 0.0
    placed = sum(v for k, v in votes.items() if k.startswith("SY") and k != "SY")  # below the country
    scored = []
    for e in found:
        why: list[str] = []
        s = _base_score(e, m, how, country)
        if country not in (None, "SY") and e.cc == country:
            why.append(f"in the article's country ({country})")
        if units:
            if _in_unit(e, units):
                s += 6.0
                why.append(f"in {parent_core}")
            elif e.cc == "SY" or e.feature != "country":
                s -= 2.0
        if total and e.cc != "SY" and e.cc not in votes and e.feature != "country" and syrian > 0.5:
            s -= 3.0
            why.append("article is about Syria")
        if total:
            n = votes.get(e.a1, 0) + (votes.get(e.cc, 0) if e.cc != "SY" else 0)
            if n:
                s += (6.0 if e.feature == "neighbourhood" else 3.0) * n / total
                why.append(f"{n}/{total} other places in the same area")
            if e.cc != "SY" and e.feature != "country":
                same_country = sum(v for k, v in votes.items() if k[:2] == e.cc and k != e.a1 and k != e.cc)
                if same_country:
                    s += 1.5 * same_country / total
                    why.append(f"{same_country}/{total} other places in {e.cc}")
            elif e.cc == "SY" and e.a1 and placed >= 2:
                s -= 1.0  # a governorate no other place of the article is in
        scored.append((s, e, why))
    scored.sort(key=lambda t: (-t[0], t[1].index))
    return scored


def to_place(mention: str, e: Entry, m: Mention, reason: str, gaz: Gazetteer) -> Place:
    """A full Place record for a chosen entry."""
    a1, a2, a3 = gaz.admin(e.a1), gaz.admin(e.a2), gaz.admin(e.a3)
    precision = _PRECISION.get(e.feature, WherePrecision.WITHIN_25KM)
    lat, lon = e.lat, e.lon
    if m.region and e.feature in ("city", "town") and e.cc == "SY" and a1 is not None and (e.capital or 9) <= 1:
        # "northern Hama", "rural Idlib": the governorate, not its capital
        precision, lat, lon = WherePrecision.ADMIN1, a1.lat, a1.lon
        reason += "; area words name the governorate"
    elif e.id.startswith("supplement:") and precision == WherePrecision.EXACT:
        precision = WherePrecision.WITHIN_25KM
    if e.feature.startswith("admin") and lat is None and e.cc == "SY":
        unit = gaz.admin(e.a3 or e.a2 or e.a1)
        lat, lon = (unit.lat, unit.lon) if unit else (None, None)
    return Place(
        mention=mention,
        name=e.name,
        lat=lat,
        lon=lon,
        country=gaz.country_name(e.cc),
        admin1=a1.name if a1 else gaz.admin1_names.get(e.a1 or ""),
        admin1_ocha=a1.name_ocha if a1 else None,
        admin1_pcode=e.a1,
        admin2=(a2.name if a2 else gaz.admin2_names.get(e.a2 or "")) if precision < WherePrecision.ADMIN1 else None,
        admin2_pcode=e.a2 if precision < WherePrecision.ADMIN1 else None,
        admin3=a3.name if a3 and precision < WherePrecision.ADMIN2 else None,
        admin3_pcode=e.a3 if precision < WherePrecision.ADMIN2 else None,
        feature=e.feature if precision != WherePrecision.ADMIN1 or e.feature == "admin1" else "admin1",
        precision=precision,
        gazetteer_id=e.id,
        reason=reason,
    )


def resolve(mention: str, *, context: list[str] | tuple[str, ...] = (), parent: str | None = None,
            area: bool = False, country: str | None = None) -> Place:
    """Resolve one toponym.  ``context``: the other place names of the
    article; ``parent``: a stated larger area ("western Idlib province");
    ``area``: the mention names the area a figure is scoped to, so a bare
    "Hama" is the governorate rather than the city; ``country``: the ISO
    3166-1 alpha-2 code of the article's country, the strongest prior (a
    place elsewhere then needs evidence in the article, see ``_evident``)."""
    if not isinstance(mention, str) or not mention.strip():
        return _unresolved(str(mention or ""), "empty mention")
    country = country.upper() if isinstance(country, str) and len(country.strip()) == 2 else None
    return _resolve(mention, tuple(context), parent if isinstance(parent, str) else None, bool(area), country)


@lru_cache(maxsize=65536)
def _readings(mention: str, area: bool) -> tuple[Mention, tuple[Entry, ...], str]:
    """How a mention reads (its name and admin words), the gazetteer's
    plausible places for it and how they were found ("name", "variant",
    "skeleton"): the part of ``_resolve`` that the article's other places
    do not change, memoised apart (a name is resolved in many contexts)."""
    gaz = load()
    m = parse(mention)
    if area and not m.settlement:
        m = Mention(m.raw, m.core, True, False)
    whole = _LEAD_ARTICLE.sub("", mention.strip())
    found, how = _candidates(whole) if whole != m.core else ((), "")
    if not found and m.region:  # "North Kivu region", "South Darfur state": a direction that is part of the name
        named = _TRAIL.sub("", whole)
        if named not in (whole, m.core):
            found, how = _candidates(named)
            whole = named if found else whole
    if how == "name" and any(e.feature.startswith("admin") for e in found):
        m = Mention(mention, whole, True, False)  # "Rural Damascus", "Aleppo Governorate": an admin unit's own name
    else:
        found, how = _candidates(m.core)
        if not found and m.core != whole:
            found, how = _candidates(whole)
    if how != "name":
        for variant in _variants(m.core, gaz):
            alt, alt_how = _candidates(variant)
            if alt_how == "name":
                m, found, how = Mention(mention, variant, m.region, m.settlement), alt, "variant"
                break
    return m, tuple(e for e in found if _plausible(e, m.core, how)), how


@lru_cache(maxsize=131072)
def _resolve(mention: str, context: tuple[str, ...], parent: str | None, area: bool = False,
             country: str | None = None) -> Place:
    gaz = load()
    m, found, how = _readings(mention, area)
    head = _DIRECTION_HEAD.match(mention.strip())
    state = next((e for e in found if e.feature == "country"), None) if head else None
    if state is not None:
        unit = direction_unit(head.group(1), state.cc)
        if unit is not None:  # "southern Lebanon": South Lebanon
            return to_place(mention, unit, Mention(mention, unit.name, True, False),
                            f"'{head.group(0).strip()}' of {state.name} names its unit {unit.name} (admin1, {unit.cc})", gaz)
    dropped = ""
    if found and country is not None:
        votes = _without_self(_votes(context, country), mention, m.core, context, country)
        # a unit named with its admin word ("Idlib province") is evidence enough, and
        # so is a stated parent that holds the place ("Alindao town, Basse Kotto prefecture")
        units = _parent_units(parent)[0]
        evident = [e for e in found if _evident(e, country, votes, m.core, how) or (m.region and e.feature == "admin1")
                   or (units and _in_unit(e, units))]
        if len(evident) < len(found):
            dropped = f"; places outside {country} that nothing in the article points to left out"
        found = evident
    if found and _syrian_share(_votes(context, country)) >= 0.5:
        local = [e for e in found if e.cc == "SY" or e.feature == "country"
                 or (how in ("name", "variant") and (e.cc in NEIGHBOURS or not _ARTICLE_HEAD.match(mention.strip())))]
        if len(local) < len(found):
            dropped = "; far-away namesakes left out in an article about Syria"
        found = local
    if not found:
        return _unresolved(mention, f"'{m.core}' is not in the gazetteer" + dropped)
    ranked = rank(m, found, how, context=context, parent=parent, country=country)
    score, best, why = ranked[0]
    others = [e for _, e, _ in ranked[1:4] if e.id != best.id]
    reason = f"'{m.core}' ~ {best.name} ({best.feature}, {best.cc}{', pop ' + str(best.population) if best.population else ''})"
    reason += {"skeleton": " by spelling variant", "variant": f" (read '{mention.strip()}' as '{m.core}')"}.get(how, "")
    if why:
        reason += ": " + ", ".join(why)
    elif len(found) > 1:
        reason += ": " + ("named as a figure's area" if area and m.region and m.core == parse(mention).core
                          and not parse(mention).region else
                          "admin words" if m.region or m.settlement else "feature class and population")
    if others:
        reason += "; over " + ", ".join(f"{e.name} ({e.feature}, {e.cc})" for e in others[:2])
    return to_place(mention, best, m, reason + dropped, gaz)
