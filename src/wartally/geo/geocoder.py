"""Geocoding a document's figures: each figure's place (the settlement it
is tied to) and area (the admin unit or region it is scoped to) become full
Place records, resolved in the context of the article's other places."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from wartally.geo.finder import find_places, measured_from
from wartally.geo.gazetteer import TOWN_POPULATION, load
from wartally.geo.names import fold
from wartally.geo.resolver import parse, resolve
from wartally.records import Document, Figure, Place, WherePrecision


def context_of(doc: Document, found: list[tuple[int, int, str]] | None = None) -> list[str]:
    """The distinct place names found in a document, in text order
    (``found``: the document's ``find_places`` result, when already made)."""
    seen: dict[str, None] = {}
    for _, _, surface in (find_places(doc.text or "") if found is None else found):
        seen.setdefault(surface, None)
    if doc.title:
        for _, _, surface in find_places(doc.title):
            seen.setdefault(surface, None)
    return list(seen)


def _unambiguous_country(surface: str) -> str | None:
    """The country a name points to on its own: a country's name, or a
    first-level unit or a town of 15,000 or more whose namesakes of that
    size all lie in one country."""
    gaz = load()
    m = parse(surface)
    found, how = gaz.lookup(m.core)
    if how != "name" or not found:
        return None
    if any(e.feature == "country" for e in found):
        return next(e.cc for e in found if e.feature == "country")
    key = fold(m.core)
    exact = [e for e in found if fold(e.name) == key]
    towns = {e.cc for e in exact if e.population >= TOWN_POPULATION and e.feature in ("city", "town")}
    if len(towns) == 1:
        return towns.pop()  # "Gaza": the city, over a province of that name elsewhere
    units = {e.cc for e in exact if e.feature == "admin1"}
    return units.pop() if len(units | towns) == 1 else None


def article_country(doc: Document, found: list[tuple[int, int, str]] | None = None) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country an article's places point
    to (countries named, and names that can only be in one country; a name
    in the title or after "in", "near", "on", ... counts twice); None when
    none does.  Ties: the first named."""
    found = find_places(doc.text or "") if found is None else found
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    title = [(s, 2) for _, _, s in find_places(doc.title)] if doc.title else []
    text = doc.text or ""
    dateline = _DATELINE.match(text)
    lead = dateline.end() if dateline else 0  # "Antakya, Turkey –": where the reporter files from
    body = [(s, 2 if _LOCATIVE.search(text, max(0, a - 30), a) else 1) for a, _, s in found if a >= lead]
    for surface, weight in title + body:
        cc = _unambiguous_country(surface)
        if cc:
            votes[cc] += weight
            first.setdefault(cc, len(first))
    if not votes:
        return None
    return min(votes, key=lambda c: (-votes[c], first[c]))


def main_area(doc: Document, context: list[str] | None = None,
              found: list[tuple[int, int, str]] | None = None, country: str | None = None) -> Place | None:
    """The first-level unit an article is mostly about: the one its place
    mentions in the article's country (Syria when none is given) fall in
    most often (ties: the first named), as a resolved admin1 Place; None
    when it names no place below the country there."""
    return _main_area(doc, context, found, country)[0]


def _main_area(doc: Document, context: list[str] | None = None, found: list[tuple[int, int, str]] | None = None,
               country: str | None = None) -> tuple[Place | None, int]:
    """``main_area`` and how many place mentions lie in it."""
    found = find_places(doc.text or "") if found is None else found
    context = context_of(doc, found) if context is None else context
    gaz = load()
    cc = country or "SY"
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    text = doc.text or ""
    for start, end, surface in found:
        if surface.isupper() and _DATELINE_AFTER.match(text, end):
            continue  # "(KHARTOUM) —", "BANGKOK (AP) —": where the reporter filed from
        if start == len(text) - len(text.lstrip()) and _COLON_LEAD.match(text, end):
            continue  # "Niamey: Niger's army said ... group.": a dateline, not a headline's "Idlib: '...'"
        if start == len(text) - len(text.lstrip()) and _OPENING_DATELINE.match(text, end):
            continue  # "NIAMEY, Jan 10:", "Bangui (Central African Republic) (AFP) –": where the reporter filed from
        if (measured_from(text, start) or 0) > NEAR_KM:
            continue  # "324 kilometers northeast of Mandalay": far from where it happened
        p = resolve(surface, context=context, country=country)
        if p.resolved and p.admin1 and p.admin1_pcode and p.admin1_pcode[:2] == cc:
            votes[p.admin1_pcode] += 1
            first.setdefault(p.admin1_pcode, len(first))
    if not votes:
        return None, 0
    best = min(votes, key=lambda a: (-votes[a], first[a]))
    name = gaz.admin(best).name if gaz.admin(best) else gaz.admin1_names.get(best, best)
    area = resolve(f"{name} governorate") if cc == "SY" else _admin1_place(best, name, country)
    where = "Syrian" if cc == "SY" else cc
    share = f"{votes[best]} of {sum(votes.values())} {where} place mentions"
    return replace(area, mention=name, reason=f"article's main area: {share} are in {name}"), votes[best]


# what follows a dateline's place: its country or an agency in brackets, a day, then a dash or colon
_OPENING_DATELINE = re.compile(r"(?:\s*\([^()\n]{1,40}\))*(?:\s*,\s*(?:[A-Z][\w.]*\s*){1,3}\d{0,2}(?:,\s*\d{4})?)?"
                               r"(?:\s*\([A-Za-z][\w ./-]{0,20}\))?(?:\s*[-–—:]|[ \t]*\n)")  # a dash, or a line of its own


def _admin1_place(code: str, name: str, country: str | None) -> Place:
    """A first-level unit outside Syria by its GeoNames code, as a Place."""
    gaz = load()
    idx = gaz.admin1_row(code)
    if idx is None:
        return Place(mention=name, name=name, country=gaz.country_name(code[:2]), admin1=name,
                     admin1_pcode=code, feature="admin1", precision=WherePrecision.ADMIN1)
    e = gaz.entry(idx)
    return Place(mention=name, name=e.name, lat=e.lat, lon=e.lon, country=gaz.country_name(e.cc), admin1=name,
                 admin1_pcode=code, feature="admin1", precision=WherePrecision.ADMIN1, gazetteer_id=e.id)


_DATELINE = re.compile(r"^\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}(?:,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})?"
                       r"\s*(?:\([^)]{1,30}\)\s*)?(?:[–—:]|\s-\s)")
NEAR_KM = 100  # a point measured from within this distance ("60 miles west of Mosul") tells the area
_DATELINE_AFTER = re.compile(r"\)?,?\s*(?:[A-Z][\w.]*\s*)?(?:\([^)]{1,30}\)\s*)?[-–—:]")
DIRECTION_UNIT = "place:direction-unit"  # the extractor's rule for "northern Burkina Faso" as a unit (wartally.extract.places)
UNIT_AS_PLACE = "place:unit-named"  # the extractor's rule for a second-level unit named as where (wartally.extract.places)
_COLON_LEAD = re.compile(r":[ \t]+[^\n]*[.!?][\"'”’»)]*[ \t]*(?:\n|$)")
_LOCATIVE = re.compile(r"\b(?:in|near|on|at|outside|across|into)\s+(?:the\s+)?(?:[a-z-]+\s+)?$", re.I)
_ADMIN_WORD = re.compile(r"\b(?:province|region|state|governorate|oblast|county|district|department|prefecture|"
                         r"countryside|territory|division)\b", re.I)


def _with_kind_word(doc: Document, p: Place) -> str:
    """A mention and the words right after it in the text ("Kherson" +
    " region overnight")."""
    if p.span is None or p.span.doc_id != doc.id or not doc.text:
        return p.mention
    return p.mention + " " + " ".join(doc.text[p.span.end: p.span.end + 25].split()[:2])


def _own_text(doc: Document, p: Place | None) -> str:
    """The document's text when ``p`` was found in it (its offsets point there)."""
    return doc.text or "" if p is not None and p.span is not None and p.span.doc_id == doc.id else ""


def _resolved(p: Place | None) -> bool:
    return p is not None and p.resolved


def has_seat(p: Place, *, min_population: int = 0) -> bool:
    """Whether a unit has a town of its own name ("Kunduz", "Tripoli"): the
    text may mean either, so the mention stays the figure's place.  With
    ``min_population``, only a town at least that big counts (a hamlet that
    shares a state's name is not what "in Borno" means)."""
    key = fold(p.name or p.mention)
    return any(e.feature in ("city", "town", "village") and e.a1 == p.admin1_pcode and fold(e.name) == key
               and (e.population or 0) >= min_population for e in load().by_key(key))


def _country_place(cc: str) -> Place:
    name = load().country_name(cc)
    return Place(mention=name, name=name, country=name, feature="country", precision=WherePrecision.COUNTRY,
                 reason=f"the article's country ({cc}): nothing below the country names where")


def _below_country(p: Place | None) -> bool:
    return p is not None and p.resolved and p.admin1 is not None


def _geocode(p: Place | None, context: list[str], parent: str | None, *, area: bool = False,
             country: str | None = None, text: str = "") -> Place | None:
    if p is None or not p.mention:
        return p
    if p.resolved and p.lat is not None:
        return p  # already geocoded
    q = resolve(p.mention, context=context, parent=parent, area=area, country=country)
    if not q.resolved and p.span is not None and p.span.rule == "place:gazetteer" and "left out" in (q.reason or "") \
            and not _after_locative(text, p.span.start) and not _WHERE_AFTER.match(text, p.span.end):
        return None  # a namesake abroad that nothing in the article points to: no place at all
    # ("20 civilians were massacred in Karou": a village the gazetteer knows only abroad is still where,
    # unresolved)
    return replace(q, span=p.span)


STATED_UNIT_CHARS = 120  # a unit named this close to a place ("Kharkiv Oblast's village of X") is the text's word on where it lies


def _outside_the_stated_unit(place: Place | None, area: Place | None, text: str) -> bool:
    """Whether a resolved place lies in another first-level unit than the one
    the text names right beside it, in the same sentence (both spans within
    STATED_UNIT_CHARS)."""
    if not (_resolved(place) and _resolved(area)) or place.span is None or area.span is None:
        return False
    if area.feature not in ("admin1", "admin2") or not area.admin1_pcode or not place.admin1_pcode:
        return False
    if area.span.rule == DIRECTION_UNIT:
        return False  # "near Djibo in northern Burkina Faso": a direction of the country is a loose word
    lo, hi = sorted((place.span.start, area.span.start))
    if hi - lo > STATED_UNIT_CHARS or _SENTENCE_END.search(text, lo, hi):
        return False
    return place.admin1_pcode != area.admin1_pcode and place.country == area.country


_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“]|\n")


# "the mayor of Yoro, where 24 people were killed": the clause after the name says it is where
_WHERE_AFTER = re.compile(r",?\s+where\b")


def _after_locative(text: str, start: int) -> bool:
    """Whether the words before a mention make it a place ("massacred in
    Karou", "shopping in Husseiniyah")."""
    return bool(text) and _LOCATIVE.search(text, max(0, start - 30), start) is not None


def geocode_figures(doc: Document, figures: list[Figure], *, found: list[tuple[int, int, str]] | None = None,
                    country: str | None = None) -> list[Figure]:
    """Resolve ``figure.place`` and ``figure.area`` of each figure.  A place
    that cannot be resolved keeps its mention with precision UNKNOWN; no
    figure is ever dropped.  A figure whose place is absent or unresolved,
    whose area names no admin unit below the country and which is not scoped
    to a whole country gets the article's main area (see ``main_area``) as
    its area.  ``country``: the ISO 3166-1 alpha-2 code of the article's
    country when the caller knows it; otherwise the article's places decide
    (``article_country``)."""
    if not figures:
        return figures
    if found is None:
        found = find_places(doc.text or "")  # once per document: context and main area share it
    context = context_of(doc, found)
    if country is None:
        country = article_country(doc, found)
    fallback: list[tuple[Place | None, int]] = []
    rejected: dict[str | None, Place] = {}  # gazetteer places the text puts in another unit, and that unit
    out = []
    for f in figures:
        area = _geocode(f.area, context, None, area=True, country=country, text=_own_text(doc, f.area))
        parent = f.area.mention if f.area is not None and f.area.mention else None
        place = _geocode(f.place, context, parent, country=country, text=_own_text(doc, f.place))
        if place is not None and place.resolved and place.feature in ("admin1", "admin2", "country") \
                and place.country != "Syria" and not has_seat(place) \
                and not (place.feature == "admin2" and place.span is not None and place.span.rule == UNIT_AS_PLACE):
            # "in Borno attack": a unit, not a settlement; the figure's area if it has none (but "the
            # attack took place in Al Jubah district": a second-level unit named as where stays the place)
            area = area if _below_country(area) else place
            place = None
        elif place is None and area is not None and area.resolved and area.feature == "admin1" \
                and area.country != "Syria" and not _ADMIN_WORD.search(_with_kind_word(doc, area)) and has_seat(area):
            # "southern Tripoli": the city the unit is named after, not the whole unit
            place = resolve(area.name, context=context, country=country)
            place = place if place.resolved and place.feature in ("city", "town", "village") else None
        if (place is None or not place.resolved) and f.country is None and _below_country(area) \
                and area.span is not None and area.span.rule == DIRECTION_UNIT:
            # "across Seytenga village of northern Burkina Faso" in an article whose places lie in the
            # Sahel region: a direction of the country is a loose word, the article's places are not
            if not fallback:
                fallback.append(_main_area(doc, context, found, country))
            main, n = fallback[0]
            if main is not None and main.admin1_pcode != area.admin1_pcode and n >= 2:
                area = replace(main, reason=(main.reason or "") + f"; over '{area.mention}', a direction of the country")
        if (place is None or not place.resolved) and f.country is None and not _below_country(area):
            # no settlement found, and no area below the country: the article's main area
            if not fallback:
                fallback.append(_main_area(doc, context, found, country))
            if fallback[0][0] is not None:
                note = f"; '{area.mention}' did not name an area below the country" if area is not None else ""
                area = replace(fallback[0][0], reason=(fallback[0][0].reason or "") + note)
        if _outside_the_stated_unit(place, area, doc.text or ""):
            # "Kharkiv Oblast's front-line village of Cherneshchyna": the gazetteer knows the name only in
            # other oblasts; the village the text means is unknown to it, in the unit the text names
            rejected[place.gazetteer_id] = area
            place = Place(mention=place.mention, precision=WherePrecision.UNKNOWN, span=place.span,
                          reason=f"'{place.mention}': the gazetteer's {place.name} lies in {place.admin1}, "
                                 f"not in {area.admin1}, which the text names with it")
        if country and f.country is None and not _resolved(place) and not _resolved(area):
            area = _country_place(country)  # nothing below the country: at least the article's country
        out.append(replace(f, place=place, area=area))
    if rejected:
        # "the town of Hader" ... "at the entrance of Hader in Quneitra province": one name in one article is
        # one place; where the text puts it apart from the gazetteer's namesake, it does so for every figure
        out = [_moved_to_the_stated_unit(f, rejected) for f in out]
    return out


def _moved_to_the_stated_unit(f: Figure, rejected: dict[str | None, Place]) -> Figure:
    if not _resolved(f.place) or f.place.gazetteer_id not in rejected:
        return f
    unit = rejected[f.place.gazetteer_id]
    place = Place(mention=f.place.mention, precision=WherePrecision.UNKNOWN, span=f.place.span,
                  reason=f"'{f.place.mention}': the text puts it in {unit.admin1}, not where the gazetteer's {f.place.name} lies")
    return replace(f, place=place, area=unit)
