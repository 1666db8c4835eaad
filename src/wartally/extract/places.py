"""Place mentions: the toponyms in a sentence, as settlements or areas.

Toponyms come from the gazetteer (``wartally.geo.find_places``) and from
cues that news uses around place names ("the village of X", "X province",
"in northern X").  A mention followed by "province", "governorate",
"countryside" or "region", or named as a country, is an *area*; others are
*settlements*.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from wartally import geo
from wartally.data.tables import geo_words, months
from wartally.extract import lexicon, world
from wartally.records import WherePrecision
from functools import cache
from wartally.extract.lexicon import compile_fast, compile_lowered
from wartally.extract import regexes

_NAME = r"(?:(?<![\w'’])(?:al|el|ad|ar|as|ash|at|az|an|Al|El|Ad|Ar|As|Ash|At|Az|An|Deir|Tal|Tell|Ras|Jisr|Kafr|Khan|Maarat|Ain|Bab|Jabal|Jebel|Abu|Umm|Beit|Bir|Wadi)[\s-]+)?[A-Z][\w'’]+(?:(?:[\s-]+(?:al|el|ad|ar|ash|az|Al|El|ez|ez-|es|ed)[\s-]+|-(?:as|at|an|e|i|ul|ud|ur|us)-)[A-Z][\w'’]+|\s+[A-Z][\w'’]+|-[A-Z][\w'’]+){0,2}"
_CUE_BEFORE = compile_fast(
    # ("in general area MaliKhel in Bannu District": the Pakistani military's words for a locality)
    rf"\b(?:(?:town|village|city|district|neighbou?rhood|suburb|area|province|governorate|region|camp|hamlet|outskirts|countryside|municipality|commune|capital|base|station|outpost|garrison|barracks)\s+(?:\(?of|called|named|known\s+as)|general\s+area"
    # ("Some 3,000 residents of Pont Sonde were forced to flee": where the people counted live)
    rf"|(?:residents|inhabitants|villagers|natives)\s+of"
    # ("in Sitio Bayoko, Barangay Baguindan", "Kibbutz Kfar Giladi": a settlement's kind before its name)
    rf"|(?-i:[Bb]arangay|[Ss]itio|[Pp]urok|[Kk]ibbutz|[Mm]oshav|[Kk]ebele|[Mm]ohalla))\s+(?P<name>{_NAME})"
)
_KIND_AFTER = r"\s(?:\[[^\]\n]{1,20}\]\s+)?(?:(?:displacement|displaced\s+persons'?|IDP|refugee)\s+)?(?P<kind>province|governorate|Governorate|Province|countryside|region|Region|state|State|oblast|Oblast|prefecture|Prefecture|county|County|city|town|Town|village|Village|district|neighbou?rhood|suburb|camp|[Kk]ebele|[Bb]arangay|[Ww]oreda|[Tt]ehsil|[Tt]ownship|[Vv]alley|[Ff]orest|LGA|administrative\s+post)\b"
_CUE_AFTER = compile_fast(rf"(?P<name>{_NAME})(?:'s)?\s*{_KIND_AFTER}")
_ANY_KIND_AFTER = regexes.compile(_KIND_AFTER)  # every _CUE_AFTER match holds one: a cheap test first
_KIND_OF_AFTER = regexes.compile(r"(?<=[Cc]ity|[Tt]own)\s+of\s+(?:[a-z]{1,3}[-\s])?[A-Z]")
# "four bombs dropped on a Khuafo, a village of about 60 households": a name the apposition calls a settlement
_CUE_APPOSED = compile_fast(rf"(?P<name>{_NAME}),\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:village|town|hamlet|settlement|locality)\b")
_APPOSED_AFTER = regexes.compile(r"\b(?:in|at|on|near|struck|hit|attacked|raided|stormed|bombed|shelled|a)\s+$", re.I)  # where it happened, not "the northern part of Laiza, a town where ..."
_ANY_APPOSED = regexes.compile(r",\s+an?\s+(?:[\w-]+\s+){0,2}?(?:village|town|hamlet|settlement|locality)\b")
# "in the villages of Mbingi and Mapasana", "between Cholnar and Kirandul villages": a kind word in the plural
# names every settlement of the list
_PLURAL_KINDS = r"(?:villages|towns|hamlets|localities|settlements)"
_NAME_LIST = rf"{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+and\s+{_NAME}"
_PLURAL_CUED = compile_fast(rf"\b{_PLURAL_KINDS}\s+of\s+(?P<list>{_NAME_LIST})|(?P<list2>{_NAME_LIST})\s+{_PLURAL_KINDS}\b")
_ANY_PLURAL_KIND = regexes.compile(_PLURAL_KINDS)
_ONE_NAME = regexes.compile(_NAME)
_ORIGIN_BEFORE = regexes.compile(r"\bfrom\s+(?:the\s+)?$", re.I)


def _plural_cued(text: str) -> list[tuple[int, str]]:
    """Each name of a list that a plural kind word calls settlements, with
    where it starts."""
    if not _ANY_PLURAL_KIND.search(text):
        return []
    out = []
    for m in _PLURAL_CUED.finditer(text):
        if _ORIGIN_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "109 evacuees from the villages of Foua and Kefraya": where they came from
        group = "list" if m.group("list") is not None else "list2"
        names = [(n.start(), n.group()) for n in _ONE_NAME.finditer(text, m.start(group), m.end(group))]
        if not any(w in _NOT_PLACES for _, name in names for w in name.split()):
            out.extend(names)  # (not "Between Monday and Wednesday villages were hit")
    return out
_IN_NAME = compile_fast(rf"\b(?:[Ii]n|[Aa]t|[Nn]ear|on|outside|around|struck|hit|targeted|pounded|shelled|bombed)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west|northwestern|northeastern|southwestern|southeastern|north-western|north-eastern|south-western|south-eastern|rural|besieged|rebel-held|government-held)\s+)?(?P<name>{_NAME}(?:\s\d{{1,2}}(?=[,.;:)]|$))?)")
_AREA_WORDS = {"province", "governorate", "countryside", "region", "state", "oblast", "prefecture", "county", "woreda", "tehsil"}
_NOT_PLACES = {
    "The", "A", "An", "On", "In", "At", "But", "And", "He", "She", "It", "They", "We", "This", "That", "These",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", *months().names,
    *(s for s in months().short_forms if s != "Mar"),  # "reported on Sept. 24" (not "Mar Elias")
    "President", "Observatory", "Syrian", "Russian", "Turkish", "Kurdish", "Government", "Islamic", "State",
    "United", "Nations", "UN", "AFP", "Reuters", "SOHR", "SNHR", "Daesh", "ISIS", "ISIL", "IS", "Assad",
    "White", "Helmets", "Civil", "Defence", "Defense", "Human", "Rights", "Army", "Council", "Coalition",
    "Al", "Qaeda", "Nusra", "Hezbollah", "Moscow", "Washington", "Ankara",
}


_ENGLISH_LEAD = regexes.compile(r"(?:at|an|as|in)\s+(?=[A-Z])")  # lower-case, a space, no hyphen: English, not "al-"/"ash-"
_TRAILING_KIND = regexes.compile(r"(?<=\w)\s+(?:Kebele|County|District|Woreda|Tehsil|Township|Municipality|Locality|Payam|LGA|Village|Town|Camp|Area|Province|Region|Oblast|Governorate|Prefecture)$")
_LEADING_KIND = regexes.compile(r"(?:Barangay|Sitio|Purok|Kibbutz|Moshav|Kebele|Mohalla)\s+(?=[A-Z])")
_AFTER_PREPOSITION = regexes.compile(r"\s(?:at|an|as|in)\s+(?P<rest>[A-Z].*)$")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    kind: str  # settlement | area | country | neighbourhood | mention (named, but not where anything happened) | destination (where people fled to)
    rule: str


def gazetteer_hits(text: str) -> list[tuple[int, int, str]]:
    """The gazetteer's toponyms in a whole text.  A gazetteer that cannot be
    read raises GeoError (naming the file and how to rebuild it): the
    document fails loudly rather than losing its places unnoticed."""
    return geo.find_places(text)


DATELINE = regexes.compile(
    # ("Bangui (Central African Republic) (AFP) –": the country in brackets, then the agency's)
    r"^\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}(?:,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}|\s*\([A-Z][\w'’ .-]{2,40}\)(?=\s*\())?\s*(?:\((?:AFP|Reuters|AP|SANA|Anadolu|dpa|Xinhua|IRNA|UPI|Sputnik|TASS|NNA|KUNA)\)\s*[-–—:]?|[–—]|\s-\s"
    # any agency's parenthesis after a comma, or before a dash ("Port Sudan, (APP - UrduPoint - 11th Apr, 2025)",
    # "Kabul (Pajhwok) -"), not a name's acronym ("Islamic State (IS) fighters")
    r"|,\s*\([^()\n]{2,100}\)\s*[-–—:]?|\([^()\n]{2,60}\)\s*[-–—:]"
    # "Khartoum, Oct 7 At least seven people ...", "GAZA CITY, March 3, 2024 -": a date after the place (data/months.tsv)
    rf"|,\s*(?:{months().pattern()})\.?\s+\d{{1,2}}"
    r"(?:,?\s+\d{4})?\s*(?:\([^()\n]{2,60}\)\s*)?(?:[-–—:]\s*|(?=[A-Z])))"
)
# "Niamey: Niger's army said ...": a place and a colon open a lead that goes on as a sentence (not a
# headline's "Idlib: 'more than 500 civilians killed' since ...", a line without a full stop)
_COLON_DATELINE = regexes.compile(r"^\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}:[ \t]+(?=\S)")
_LINE_END = regexes.compile(r"[.!?][\"'”’»)]*\s*$")


def dateline_end(text: str) -> int:
    """Where a text's dateline ends ("BEIRUT (AFP) -", "Antakya, Turkey –",
    "Niamey: " before a lead sentence), 0 when it has none."""
    m = DATELINE.match(text)
    if m is not None:
        return m.end()
    m = _COLON_DATELINE.match(text)
    if m is None:
        return 0
    line = text[m.end(): text.find("\n", m.end()) if "\n" in text[m.end():] else len(text)]
    return m.end() if _LINE_END.search(line) else 0


_COUNTRY = compile_fast(r"\b(Syria|Iraq|Turkey|Lebanon|Jordan|Israel|Iran|Afghanistan|Pakistan|Yemen|Libya|Egypt|Nigeria|Somalia|Mali|India|Philippines)\b")


@cache
def _metonym_patterns() -> tuple[re.Pattern[str], ...]:
    """(capital, verb after, verb before, prefix, suffix, seat before, wire
    after) from lexicon ``metonyms``."""
    by_kind: dict[str, list[str]] = {}
    for e in lexicon.entries("metonyms"):
        by_kind.setdefault(e.value, []).append(e.pattern)

    def alt(kind: str) -> str:
        return "|".join(f"(?:{p})" for p in by_kind[kind])

    return (
        regexes.compile(rf"(?:{alt('capital')})", re.I),
        regexes.compile(rf"\s+(?:{alt('verb-after')})\b", re.I),
        regexes.compile(rf"\b(?:{alt('verb-before')})\s+(?:the\s+)?$", re.I),
        regexes.compile(rf"\b(?:{alt('prefix')})[-‐]$", re.I),
        regexes.compile(rf"[-‐](?:{alt('suffix')})\b", re.I),
        regexes.compile(rf"\b(?:{alt('seat-before')})\s+(?:in|from)\s+(?:the\s+)?$", re.I),
        regexes.compile(rf"\s*,?\s*(?:{alt('wire-after')})(?!\w)"),
    )


_LOCATIVE_RIGHT_BEFORE = regexes.compile(r"\b(?:in|at|near|outside|around|of|from|into|across|over|to)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)


def _metonymic(text: str, p: PlaceMention) -> bool:
    """Whether a mention names an allegiance or a government rather than a
    place: "pro-Damascus", "Moscow-backed", "London-based", "Moscow denied",
    "Washington accused Moscow", "the ministry in Moscow said", a dateline
    "Moscow AFP" (not "residents in Damascus said")."""
    capital, after, before, prefix, suffix, seat, wire = _metonym_patterns()
    if prefix.search(text[max(0, p.start - 6): p.start]) or suffix.match(text, p.end):
        return True
    if not capital.fullmatch(p.text):
        return False
    left = text[max(0, p.start - 40): p.start]
    if seat.search(left) or wire.match(text, p.end) or re.search(r"\baccording\s+to\s+$", left, re.I):
        return True  # "the defence ministry in Moscow said", "... Moscow AFP Saturday", "according to Baku"
    if _LOCATIVE_RIGHT_BEFORE.search(left):
        return False
    return bool(after.match(text, p.end) or before.search(left))


@cache
def _region_names() -> frozenset[str]:
    """Names news uses for a region though a town bears them (data/geo/mention_words.json)."""
    return frozenset(geo_words("mention_words.json")["region_names"])


def _not_where_words() -> dict[str, list[str]]:
    """data/geo/not_where.json: words that say a name is not where something happened."""
    return geo_words("not_where.json")


@cache
def _not_where_patterns() -> tuple:
    """(outlet names, an outlet word after a name, an outlet's verb after its
    name, a venue before, an origin before, a road's end before, a
    destination of flight before, a sea's words before, any of those five before) from
    data/geo/not_where.json."""
    d = _not_where_words()

    def alt(words: list[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))

    before = (rf"\b(?:{alt(d['venue_before'])})\s+(?:(?:in|at|to|from)\s+)?(?:the\s+)?$",
              rf"\b(?:{alt(d['origin_before'])})\s+(?:the\s+)?$",
              rf"\b(?:{alt(d['route_before'])})\s+(?:the\s+)?$",
              rf"\b(?:{alt(d['destination_before'])})\s+(?:the\s+)?(?:[\w-]+\s+)?$",
              rf"\b(?:{alt(d['water_before'])})\s+(?:the\s+)?$")
    return (
        frozenset(w.lower() for w in d["outlets"]),
        regexes.compile(rf"\s+(?:{alt(d['outlet_after'])})\b", re.I),
        regexes.compile(rf"\)?\s*,?\s*(?:{alt(d['outlet_verbs'])})\b", re.I),
        *(regexes.compile(p, re.I) for p in before),
        # any of the five: one search says whether any of them needs asking (at most mentions, none does),
        # over the lower-cased text (it runs before every mention)
        compile_lowered("|".join(f"(?:{p})" for p in before)),
    )


@cache
def _person_name_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a title and the names before a toponym, a title and at most one
    first name right before it, a role in apposition after it) from
    data/geo/not_where.json: a toponym inside a person's name ("Lt. Col.
    Ramon Zagala", "Major Sadiq Aden Ali Doodishe", "Kaduna State Governor
    Uba Sani", "Gen. Kenneth F. McKenzie", "Jerry Chandler, director general
    of ...")."""
    d = _not_where_words()

    def alt(words: list[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))

    names = r"(?:[A-Z][\w'’-]*\.?\s+){0,3}"
    titles = alt(d["person_titles"])
    titled = compile_fast(rf"(?<![\w.])(?:{titles})\s+{names}$")
    # (a middle initial too: "Gen. Kenneth F. McKenzie")
    titled_close = compile_fast(rf"(?<![\w.])(?:{titles})\s+(?:[A-Z][\w'’-]+\s+)?(?:[A-Z]\.\s+)?$")
    role_after = regexes.compile(rf",\s+(?:the\s+|an?\s+)?(?:[a-z]+\s+){{0,2}}?(?:{alt(d['person_roles_after'])})\b")
    return titled, titled_close, role_after


_NAME_BEFORE = regexes.compile(r"(?<![\w.])[A-Z][\w'’-]+\s+$")
_NAME_AFTER = regexes.compile(r"\s+[A-Z][\w'’-]+")


def _in_person_name(text: str, p: PlaceMention) -> bool:
    """Whether a toponym is part of a person's name: a title right before
    its run of capitalised names, the name itself followed by another
    capitalised word or a verb of speaking ("Lt. Col. Ramon Zagala said",
    "spokesman Major Sadiq Aden Ali Doodishe"), or a run of two or more
    names closed by a role in apposition ("Jerry Chandler, director
    general of the Haitian Civil Protection"); right after a title, or a
    title and a first name, it is the person's ("Governor Uba Sani")."""
    titled, titled_close, role_after = _person_name_patterns()
    left = text[max(0, p.start - 60): p.start]
    if titled_close.search(left):
        return True
    if titled.search(left) and (_NAME_AFTER.match(text, p.end) or _SPEAKS_AFTER.match(text, p.end)
                                or _NAME_BEFORE.search(left)):
        return True
    return bool(_NAME_BEFORE.search(left) and role_after.match(text, p.end))


_LOCATIVE_BEFORE = compile_fast(r"\b(?:in|at|near|outside|around|across|of)\s+(?:the\s+)?$", re.I)
_TOLD_BEFORE = regexes.compile(r"\b(?:told|tells|telling|according\s+to|quoted\s+by|cited\s+by|reported\s+by|speaking\s+to|interview\s+with)\s+(?:the\s+)?$", re.I)
_SAID_BEFORE = regexes.compile(r"\b(?:said|says|added|told|recalled|explained|insisted)\s+$")
_SPEAKER_ENDS = regexes.compile(r"\s*(?:[.;]|,\s+(?:an?|the|who)\b|$)")
_SPEAKS_AFTER = regexes.compile(r"(?:'s)?\s+(?:said|says|told|tells|added|stated|wrote|tweeted|insisted|argued)\b")


_BORDER_WORD = regexes.compile(r"\s+(?:border|frontier|boundary)\b", re.I)
_BORDER_AFTER = regexes.compile(r"[-–][A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?\s+(?:border|frontier|boundary)\b", re.I)
_BORDER_BEFORE = regexes.compile(r"[A-Z][\w'’]+[-–]$")


# a unit's type word after a name that is also a demonym ("the Somali Regional State", "Shan State")
_UNIT_AFTER = regexes.compile(r"\s+(?:[Rr]egion(?:al)?|[Ss]tate|[Pp]rovince|[Zz]one|[Dd]istrict|[Cc]ity|[Tt]own|[Vv]illage|[Cc]ounty)\b")
# a place that owns the institution named after it ("Gaza’s ", "Khan Younis's "), maybe with an Arabic article
_OWNER_BEFORE_NAME = regexes.compile(r"[A-Z][\w-]*['’]s\s+(?:(?:[Aa]l|[Ee]l)[-\s])?$")
_INSTITUTION_AFTER = regexes.compile(r"\s+(?:(?:[Cc]hildren['’]s|[Gg]eneral|[Tt]eaching|[Ss]pecialist|[Mm]aternity|[Mm]ilitary)\s+)?(?:[Hh]ospital|[Mm]edical\s+(?:[Cc]omplex|[Cc]ent(?:er|re))|[Cc]linic|[Mm]osque|[Cc]hurch|[Ss]chool|[Uu]niversity)\b")
_WORD_AFTER = regexes.compile(r"\s+[\w-]")
_STAFF_AFTER = regexes.compile(r"(?:['’]s)?\s+(?:officials?|staff|director|doctors?|medics?|sources?|spokes(?:man|woman|person)|administrators?)\b", re.I)


def _is_demonym_used_as_adjective(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is, whole, a country's demonym
    ("Somali", also an Ethiopian region) that qualifies the word after it
    ("a Somali military official"), not "in the Somali region"."""
    return (_WORD_AFTER.match(text, end) is not None and _UNIT_AFTER.match(text, end) is None
            and not _LOCATIVE_BEFORE.search(text, max(0, start - 40), start)
            and any(s == 0 and e == end - start and not as_name for s, e, _, as_name in world.country_words(text[start:end])))


def not_where(text: str, p: PlaceMention) -> str | None:
    """Why a toponym is not where something happened, or None: a news
    outlet ("Ukrinform reports", "(MENAFN- UkrinForm)", "the Kyiv
    Independent"), a venue of talks ("talks in Doha"), or an origin ("a man
    originally from Aleppo", "drones launched from Kursk", "taken to
    Zaporizhzhia")."""
    outlets, outlet_after, outlet_verb, venue, origin, route, destination, water, any_before = _not_where_patterns()
    left = text[max(0, p.start - 40): p.start]
    if outlet_after.match(text, p.end):
        return "outlet"
    if p.text.lower() in outlets and not _LOCATIVE_BEFORE.search(left):
        before = text[max(0, p.start - 2): p.start]
        if "(" in before or "-" in before or outlet_verb.match(text, p.end) or p.text.isupper() or p.start == 0 \
                or _TOLD_BEFORE.search(left):
            return "outlet"  # "(MENAFN- UkrinForm)", "Ukrinform reports", "a government official told Xinhua"
    before = any_before.search(left) is not None
    if before and venue.search(left):
        return "venue"
    if before and origin.search(left):
        return "origin"
    if before and destination.search(left):
        return "destination"
    if before and water.search(left):
        return "water"  # "ships in the Gulf of Aden": a sea, not the town it is named after
    if _SPEAKS_AFTER.match(text, p.end) and not _LOCATIVE_BEFORE.search(left):
        return "speaker"  # "Johnson said that Russia's air force ...": a person (a capital that speaks is a government)
    if p.kind != "country" and _SAID_BEFORE.search(left) and _SPEAKER_ENDS.match(text, p.end):
        return "speaker"  # "..., said Martin.", "“...,” said Hassan, a resident": who speaks after his words
    if p.kind != "country" and not _LOCATIVE_BEFORE.search(left) and _in_person_name(text, p):
        return "person"
    if before and route.search(left):
        return "route"
    if p.kind != "country" and (_BORDER_AFTER.match(text, p.end) or _BORDER_BEFORE.search(text, max(0, p.start - 40), p.start)
                                and _BORDER_WORD.match(text, p.end)):
        return "border"  # "along the Oromia-Somali border": a line between two units, not where it happened
    if p.kind != "country" and _ETHNIC_BEFORE.search(left):
        return "demonym"  # "against ethnic Amhara people in the zone": a people, not Ethiopia's Amhara region
    if p.kind != "country" and _is_demonym_used_as_adjective(text, p.start, p.end):
        return "demonym"  # "a Somali military official": a people's adjective, not Ethiopia's Somali region
    if (inst := _INSTITUTION_AFTER.match(text, p.end)) is not None:
        if geo.by_spelling_only(p.text):
            return "institution"  # "the Nasser hospital": a hospital's name, only spelt like a Syrian village (Nasra)
        if _OWNER_BEFORE_NAME.search(left):
            return "institution"  # "Gaza’s Al-Durra Children's Hospital": the hospital's name; its town is the owner before
        if _STAFF_AFTER.match(text, inst.end()):
            return "speaker"  # "al-Yarmuk hospital officials said": who tells it, not where it happened
    if _BOUND_AFTER.match(text, p.end):
        return "route"  # "a Karachi-bound bus on the Coastal Highway in Gwadar": where it was going, not where it was
    if p.kind != "country" and _KIND_AFTER_A_DEMONYM.match(text, p.end) and (world.demonym_as_name(p.text) is not None or _a_people(p.text)):
        # "stormed into a Palestinian village", "raided a Dogon village": a people's adjective before a kind, not the village's name
        return "demonym"
    if _CARTEL_AFTER.match(text, p.end):
        return "group"  # "the Juarez drug cartel", "a local Pyinoolwin militia": an armed group's name, not where
    if "-" in text[max(0, p.start - 1): p.end + 1] and (_ROAD_AFTER.match(text, p.end) or (
            text[max(0, p.start - 1): p.start] == "-" and _ROAD_WORD.match(text, p.end))):
        return "road"  # "on the Srinagar-Jammu National Highway", "the Nabatieh-Kfarjouz road": a road's name
    if geo.measured_from(text, p.start) is not None:
        return "landmark"  # "324 kilometers (200 miles) northeast of Mandalay": a point to measure from
    if p.kind != "country" and _A_SOURCE_OF.match(text, p.end) and _AN_BEFORE.search(left):
        return "speaker"  # "provided to AFP by a Capitol Hill source", "a Kabul source said": who told it
    return None


@cache
def _a_people(name: str) -> bool:
    """Whether a name is a people's, faith's or community's (lexicon victims, "peoples": "Dogon", "Fulani")."""
    return any(e.id == "peoples" and e.regex.fullmatch(name) for e in lexicon.entries("victims"))


_BOUND_AFTER = regexes.compile(r"-bound\b", re.I)
_KIND_AFTER_A_DEMONYM = regexes.compile(r"\s+(?:village|town|city|hamlet|camp|refugee\s+camp|neighbou?rhood|community|district|area)\b", re.I)
_ETHNIC_BEFORE = regexes.compile(r"\bethnic(?:ally)?\s+$", re.I)
_A_SOURCE_OF = regexes.compile(r"\s+sources?\b")
_AN_BEFORE = regexes.compile(r"\b(?:an?|one)\s+$", re.I)
DIRECTION_UNIT_RULE = "place:direction-unit"  # "in central Mexico", "northern Burkina Faso": a loose word for part of a country
_CARTEL_AFTER = regexes.compile(r"\s+(?:drug\s+)?(?:[Cc]artels?|[Mm]ilitias?)\b")
_OWNER_BEFORE = regexes.compile(r"^[\w'’ -]+?['’]s\s+(?=[A-Z]|(?:al|el|an|ar|as|ash|ad|az|at)-[A-Z])")
_ROAD_WORD = regexes.compile(r"\s+(?:[Nn]ational\s+)?(?:[Hh]ighway|[Rr]oad|[Mm]otorway|[Ee]xpressway)\b")
_ROAD_AFTER = regexes.compile(r"-(?-i:[A-Z])[\w'’]+(?:\s+(?-i:[A-Z])[\w'’]+)?\s+(?:[Nn]ational\s+)?(?:[Hh]ighway|[Rr]oad|[Mm]otorway|[Ee]xpressway)\b")


_NOT_A_PLACE_AT_ALL = frozenset({"water", "person", "outlet", "demonym", "institution", "group"})


def hits_that_may_be_where(text: str, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The gazetteer's finds in ``text`` less those that are no place at all
    where they stand: part of a person's name ("Hospital director Mohamed
    Abu Salmiya"), an outlet, a people's adjective ("Somali troops"), a
    hospital's name, a group's.  What the article's country and main area
    are read from."""
    return [h for h in hits
            if not_where(text, PlaceMention(h[0], h[1], h[2], "settlement", "place:gazetteer")) not in _NOT_A_PLACE_AT_ALL]


def _as_not_where(p: PlaceMention, why: str | None) -> PlaceMention:
    """A mention that ``not_where`` gave a reason for, kept as a mention (a
    destination of flight as a destination)."""
    if why is None:
        return p
    return PlaceMention(p.start, p.end, p.text, "destination" if why == "destination" else "mention", p.rule)


_LONG_WORD = regexes.compile(r"\b[A-Za-z][a-z'’-]{3,}\b")
TITLE_CASE_SHARE = 0.75  # of a text's words of four letters or more capitalised: a headline in title case
TITLE_CASE_MIN_WORDS = 4


def _title_cased(text: str) -> bool:
    """Whether ``text`` is a headline in title case ("Death Toll Now 5 in Worst
    Attack on UN"): most of its longer words capitalised, and it is short."""
    if len(text) > 200 or "\n" in text.strip():
        return False
    words = _LONG_WORD.findall(text)
    return len(words) >= TITLE_CASE_MIN_WORDS and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def place_mentions(text: str, gazetteer_hits: list[tuple[int, int, str]] | None = None,
                   country: str | None = None) -> list[PlaceMention]:
    """Toponyms in ``text``, in order, non-overlapping.  ``gazetteer_hits``
    are the gazetteer's finds in ``text`` when the caller already has them
    (offsets relative to ``text``); ``country``: the ISO code of the
    article's country when known, so that a name is read as what it is
    there ("Kachin", "Borno": a state in an article about Myanmar or
    Nigeria, not a village of that name elsewhere)."""
    hits = geo.find_places(text) if gazetteer_hits is None else gazetteer_hits
    found = [PlaceMention(s, e, surface, "settlement", "place:gazetteer") for s, e, surface in hits]
    titled = _title_cased(text)
    for rx, rule in ((_CUE_BEFORE, "place:cue-of"), (_CUE_AFTER, "place:cue-kind"), (_IN_NAME, "place:in-name"),
                     (_CUE_APPOSED, "place:cue-apposed")):
        if rx is _IN_NAME and titled:
            continue  # "Death Toll Now 5 in Worst Attack on UN": a headline capitalises every word, a name or not
        if rx is _CUE_AFTER and not _ANY_KIND_AFTER.search(text) or rx is _CUE_APPOSED and not _ANY_APPOSED.search(text):
            continue
        for m in rx.finditer(text):
            name = m.group("name").strip()
            s = m.start("name")
            if name.split()[0] in _NOT_PLACES or name in _NOT_PLACES:
                # "on Wednesday at Pugu village": an English "at" read as an Arabic article
                tail = _AFTER_PREPOSITION.search(name)
                if tail is None or tail.group("rest").split()[0] in _NOT_PLACES:
                    continue
                name, s = tail.group("rest"), s + tail.start("rest")
            if (lead := _ENGLISH_LEAD.match(name)) is not None:
                name, s = name[lead.end():], s + lead.end()  # "clashed at Nyuol village": the English "at", no Arabic article
            if rule == "place:cue-apposed" and not _APPOSED_AFTER.search(text, max(0, s - 12), s):
                continue
            if rule == "place:cue-kind" and _KIND_OF_AFTER.match(text, m.end()):
                continue  # "the largely Shiite city of Hillah": a word for the town, whose name follows
            if name.endswith(("'s", "’s")) and len(name) > 3:
                name = _TRAILING_KIND.sub("", name[:-2])  # "Kharkiv Oblast’s front-line village": the oblast, not "Oblast’s"
            if rule == "place:in-name":
                name = _TRAILING_KIND.sub("", name)  # "in Tole Kebele of Gimbi": the name, its kind is the cue's
                if (kind := _LEADING_KIND.match(name)) is not None and kind.end() < len(name):
                    name, s = name[kind.end():], s + kind.end()  # "at Kibbutz Kfar Giladi": the name after its kind
            if ("'s " in name or "’s " in name) and (own := _OWNER_BEFORE.match(name)) is not None:
                name, s = name[own.end():], s + own.end()  # "in south Kashmir's Qazigund area": the place, not its region
            if name in _world_regions():
                continue  # "insurgencies in Asia": a continent, which is a town somewhere too
            found.append(PlaceMention(s, s + len(name), name, "settlement", rule))
    found.extend(PlaceMention(s, s + len(name), name, "settlement", "place:cue-plural") for s, name in _plural_cued(text))
    if "capital" in text:
        found.extend(_capital_mentions(text, country))
    for m in _COUNTRY.finditer(text):
        found.append(PlaceMention(m.start(), m.end(), m.group(1), "country", "place:country"))
    # "a London-based monitor", "pro-Damascus media", "Washington accused
    # Moscow": a name that stands for a government or an allegiance
    found = [p for p in found if not _metonymic(text, p)]
    # "Ukrinform reports", "talks in Doha", "originally from Aleppo": mentions, never a figure's place
    found = [_as_not_where(p, not_where(text, p)) for p in found]
    lead = dateline_end(text)
    if lead:
        # "Antakya, Turkey – ..." / "BEIRUT (AFP) -" / "Niamey: ...": where the reporter filed from
        found = [p for p in found if p.start >= lead]
    # resolve overlaps: gazetteer hits first, then longer
    found.sort(key=lambda p: (p.start, -(p.end - p.start), p.rule != "place:gazetteer"))
    out: list[PlaceMention] = []
    for p in found:
        if out and p.start < out[-1].end:
            if (out[-1].rule == "place:gazetteer" and p.rule in ("place:cue-of", "place:cue-kind")
                    and (p.start, p.end) == (out[-1].start, out[-1].end)):
                # "the town of Qahtaniya": the text itself says it is a place, wherever the gazetteer has it
                out[-1] = dataclasses.replace(out[-1], rule=CUED_GAZETTEER_RULE)
            continue
        out.append(_classify(text, p))
    return _with_gazetteer_kinds(out, text, country)


_AREA_FEATURES = {"admin1", "admin2", "admin3", "region"}
SEAT_POPULATION = 50_000  # a city named like its region ("Kunduz", "Zaporizhzhia") that "in <name>" may mean
_UNIT_WORD = regexes.compile(r"\b(?:county|province|state|region|oblast|governorate|district|prefecture)\b", re.I)


_HOOD_BEFORE = compile_lowered(r"\bneighbou?rhoods?\s+of\s+(?:the\s+)?$")
_ARABIC_ARTICLE = regexes.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ath)[-\s]", re.I)
_ARABIC_SPEAKING = {
    "Syria", "Iraq", "Lebanon", "Jordan", "Turkey", "Israel", "Palestinian Territory", "Palestine", "Egypt", "Saudi Arabia",
    "Yemen", "Libya", "Tunisia", "Algeria", "Morocco", "Sudan", "Kuwait", "Qatar", "Bahrain", "Oman",
    "United Arab Emirates", "Mauritania", "Somalia", "Iran",
}
_SETTLEMENT_AFTER = regexes.compile(r"\s+(?:town|city|village)\b", re.I)
# (not "the Shujaiya area of Gaza City", "an area of the capital": a city's part)
_LOCALITY_AREA_AFTER = regexes.compile(r"\s+area\b(?!\s+of\s+(?:the\s+)?(?:city|town|capital|(?:(?-i:[A-Z])[\w'’-]+\s+){1,2}(?:City|city|town)\b))", re.I)
_HOOD_AFTER = regexes.compile(r"(?:'s)?\s+(?:neighbou?rhoods?|district|quarter|suburb|area)\b", re.I)
_LANDMARK_AFTER = regexes.compile(
    r"\s+(?:Station|Square|Street|Road|Hospital|School|Mosque|Airport|Bridge|Gate|Market|Hotel|University|Cent(?:er|re)|Park|Stadium|Roundabout|Prison|Base"
    r"|Dam|Hydroelectric|Power\s+Plant|Plant|Refinery|Factory|Port|Highway|Institute)\b"
)


def _with_gazetteer_kinds(mentions: list[PlaceMention], text: str, country: str | None = None) -> list[PlaceMention]:
    """What the gazetteer knows of each mention: countries and admin units
    are areas, neighbourhoods are parts of a city, and a capitalised word
    found only by the "in X" cue that the gazetteer does not know
    ("in the Christian-majority town") is no place at all."""
    context = [m.text for m in mentions if m.rule in ("place:gazetteer", CUED_GAZETTEER_RULE)]
    text_after = {m.start: text[m.end: m.end + 25] for m in mentions}
    text_before = {m.start: text[max(0, m.start - 30): m.start] for m in mentions}
    out = []
    for m in mentions:
        if m.kind in ("mention", "destination"):
            out.append(m)
            continue
        if m.text.isupper() and len(m.text) > 3 and m.rule != "place:country":
            continue  # "OMAR HAJ KADOUR": a photo credit, not a place
        p = geo.resolve(m.text, context=context, country=country)  # never raises on a mention; an unreadable gazetteer raises GeoError
        feature = (p.feature or "") if p.resolved else ""
        if p.resolved and _ARABIC_ARTICLE.match(m.text) and p.country not in _ARABIC_SPEAKING:
            feature = ""  # "al-Serian" is no town in Malaysia
            p = dataclasses.replace(p, precision=WherePrecision.UNKNOWN)
        hood_cue = bool(_HOOD_AFTER.match(text_after.get(m.start, "")) or _HOOD_BEFORE.search(text_before.get(m.start, ""))
                        and not _SETTLEMENT_AFTER.match(text_after.get(m.start, "")))  # not "a neighbourhood of Nangade town"
        # "Baghdad Station" in Aleppo: a landmark named after a place elsewhere
        landmark = bool(_LANDMARK_AFTER.match(text_after.get(m.start, "")) or _LANDMARK_AFTER.search(" " + m.text.split(None, 1)[-1]) and " " in m.text)
        if not landmark and _unit_named_as_where(text, m, feature, country):
            # "the attack took place in Qush Typa district", "in Al Jubah district of Marib", "displaced in
            # Mugwo county": abroad, a second-level unit the text names is where, when nothing smaller is
            out.append(PlaceMention(m.start, m.end, m.text, "settlement", UNIT_AS_PLACE_RULE))
            continue
        if (hood_cue and not landmark and not p.resolved and country not in (None, "SY")
                and _LOCALITY_AREA_AFTER.match(text_after.get(m.start, "")) is not None):
            # "killed by machete in the Mbau area", "injuries in the Pewar area": abroad, an area no city is said
            # to hold and the gazetteer does not know is a locality (Syria's "the Sheikh Maqsoud area" is Aleppo's)
            out.append(PlaceMention(m.start, m.end, m.text, "settlement", UNKNOWN_NAME_RULE))
            continue
        if landmark or hood_cue and feature not in ("city", "town", "village", "admin1", "admin2", "admin3", "country"):
            out.append(PlaceMention(m.start, m.end, m.text, "neighbourhood", m.rule))
            continue
        if m.rule == "place:in-name" and (not p.resolved and not _named_spot(text, m) or _is_named_group(m.text)):
            continue  # "in the Christian-majority town", "killed in Hamas attacks"
        if m.rule == "place:in-name" and not p.resolved:
            m = dataclasses.replace(m, rule=UNKNOWN_NAME_RULE)  # "At Kazarahoyo, ...": a village the gazetteer lacks
        if m.rule == "place:in-name" and p.resolved and p.name:
            trimmed = _trimmed_to(m, p.name)  # "in Gaza Family Killed" (a headline's capitals): "Gaza"
            if trimmed != m:  # what follows the trimmed name says its kind ("in Barkin Ladi Local Government Area")
                compass = _COMPASS_REST.fullmatch(m.text, trimmed.end - m.start)
                m = _classify(text, trimmed)
                if compass and m.kind == "settlement":
                    m = dataclasses.replace(m, kind="area")  # "in Tonj East": a county named after its town
        kind = m.kind
        if m.text in _region_names() and m.kind == "settlement":
            kind = "area"  # "strikes in Gaza": the Gaza Strip (data/geo/mention_words.json)
        elif feature == "country":
            kind = "country"
        elif (feature == "admin1" and m.kind == "settlement" and p.country != "Syria" and not _UNIT_WORD.search(m.text)
              and geo.has_seat(p, min_population=SEAT_POPULATION)):
            kind = "settlement"  # "a missile attack on Zaporizhzhia": the city, unless the text says the region
        elif feature in _AREA_FEATURES and m.kind != "area":
            kind = "area" if feature == "admin1" or m.kind == "settlement" and feature != "admin3" else m.kind
        elif feature == "neighbourhood" and m.kind == "settlement":
            kind = "neighbourhood"
        if kind == "country" and (unit := _direction_unit_of(text, m, country)) is not None:
            out.append(unit)  # "airstrikes on southern Lebanon": South Lebanon, the unit that direction names
            continue
        out.append(PlaceMention(m.start, m.end, m.text, kind, m.rule) if kind != m.kind else m)
    return _containing_units(out, text, country)


CAPITAL_RULE = "place:capital"
# "Haiti's capital", "the Haitian capital", "the capital of Mali", "the capital" (of the article's country)
_CAPITAL = regexes.compile(
    r"\b(?:[Tt]he|its)\s+(?:(?P<adj>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+)?capital(?:\s+city)?\b(?:\s+of\s+(?P<of>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}))?"
    r"|\b(?P<own>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*){0,3})['’]s\s+capital(?:\s+city)?\b")
# the capital's name follows ("the capital, Port-au-Prince", "the capital Bangui", "Mali's capital of Bamako")
_NAME_AFTER_CAPITAL = regexes.compile(r"(?:\s*,)?\s+(?:of\s+)?(?:[A-Z]|(?:al|el|ad|as|ash|ar)-[A-Z])")
_POSSESSIVE_AFTER = regexes.compile(r"['’]s\b")
# a place named as a reference point: "northwest of Port-au-Prince", "60 km (37 miles) from Kabul" (read by the
# figures' place choice too)
REFERENCE_POINT_BEFORE = compile_fast(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of"
    r"|\b(?:km|kilomet(?:er|re)s|miles)\s+(?:\([^)]{0,30}\)\s+)?(?:\w+\s+)?(?:from|of|outside))\s+(?:the\s+capital\s*,?\s*)?$", re.I)
_NEAR_BEFORE = regexes.compile(r"\b(?:towards?|from)\s+$", re.I)  # "fled from the capital": not where; "outside the capital" is its place (no nearer one named)


def _capital_mentions(text: str, country: str | None) -> list[PlaceMention]:
    """The national capital a text names without its name ("More than 33,000
    people have fled Haiti's capital", "in the Malian capital", "the
    capital" of the article's country), as a mention of the city
    (data/world/countries.tsv); a capital whose name follows is left to the
    name, and a region's capital ("the capital of Burkina Faso's Sahel
    region") is none."""
    out = []
    for m in _CAPITAL.finditer(text):
        if REFERENCE_POINT_BEFORE.search(text, max(0, m.start() - 50), m.start()) or _NEAR_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "a military base south-west of the capital", "fled from the capital": not in it
        words = m.group("adj") or m.group("of") or m.group("own")
        if m.group("of") is not None and _POSSESSIVE_AFTER.match(text, m.end()):
            continue  # "the capital of Burkina Faso's Sahel region": a region's
        if m.group("of") is None and _NAME_AFTER_CAPITAL.match(text, m.end()):
            continue  # "the Haitian capital, Port-au-Prince": the name says it
        if words is not None:
            words = words.strip()
            if not world.is_country_word(words):
                continue  # "the Tigrayan capital": a region's
            iso = world.state_of(words)
        else:
            iso = country
        capital = world.countries()[iso].capital if iso in world.countries() else ""
        if capital:
            out.append(PlaceMention(m.start(), m.end(), capital, "settlement", CAPITAL_RULE))
    return out


UNIT_AS_PLACE_RULE = "place:unit-named"  # a second-level unit the text names as where ("in Qush Typa district")
_SECOND_LEVEL_AFTER = regexes.compile(
    r"(?:['’]s)?\s+(?:[Dd]istrict|[Cc]ounty|[Tt]ownship|[Tt]ehsil|[Ww]oreda|[Ss]ub-?[Cc]ounty|[Ll]ocal\s+[Gg]overnment\s+[Aa]rea|LGA)\b(?!\s+of\s+(?:the\s+)?(?:city|capital|town)\b)")
_CITY_PART = regexes.compile(r"[A-Z][\w'’-]*['’]s\s+(?:[\w-]+\s+)?$")  # "Baghdad's al-Sharqi district", "Kabul's PD5 district"


def _unit_named_as_where(text: str, m: PlaceMention, feature: str, country: str | None) -> bool:
    """Whether a mention abroad is a second-level unit named with its type
    word ("Qush Typa district", "Mugwo county", "Al Jubah district of
    Marib") that the gazetteer lacks or knows as such a unit, not a part of
    a city ("Baghdad's al-Sharqi district", "the X district of the
    capital")."""
    if country in (None, "SY") or m.kind not in ("settlement", "area"):
        return False
    word = _SECOND_LEVEL_AFTER.match(text, m.end)
    if word is None:
        return False
    if feature in ("city", "town", "village"):
        # "in Kulachi tehsil", "in Kajuru LGA": a unit named after its town (not a county, a first-level unit
        # in Kenya or Liberia)
        if "ount" in word.group(0) or m.kind != "area":
            return False
    elif feature not in ("", "admin2", "admin3"):
        return False
    return "'s " not in m.text and "’s " not in m.text and not _CITY_PART.search(text, max(0, m.start - 40), m.start)


_DIRECTION_BEFORE = regexes.compile(
    r"\b((?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central)\s+$", re.I)


def _direction_unit_of(text: str, m: PlaceMention, country: str | None) -> PlaceMention | None:
    """A country named with a direction that names one of its first-level
    units ("southern Lebanon", "eastern Burkina Faso") as that unit, an area
    mention of both words; None otherwise ("northern Syria")."""
    d = _DIRECTION_BEFORE.search(text, max(0, m.start - 20), m.start)
    if d is None:
        return None
    phrase = text[d.start(1): m.end]
    unit = geo.resolve(phrase, area=True, country=country)
    if not unit.resolved or unit.feature != "admin1":
        return None
    return PlaceMention(d.start(1), m.end, phrase, "area", DIRECTION_UNIT_RULE)


UNKNOWN_NAME_RULE = "place:in-name-unknown"
CUED_GAZETTEER_RULE = "place:gazetteer-cued"  # a gazetteer name that a cue ("the town of X") calls a place
_HOOD_NAMED = compile_fast(rf"(?P<name>{_NAME})(?:'s)?\s+(?:neighbou?rhoods?|quarter)\b")
_HOOD_WORD = regexes.compile(r"\s(?:neighbou?rhoods?|quarter)\b")


def called_neighbourhood(text: str, p: PlaceMention) -> bool:
    """Whether the text calls the mention a neighbourhood or a quarter in so
    many words ("the Bara neighbourhood", "the neighbourhood of Bara"), not
    only a district or an area."""
    return bool(_CALLED_HOOD_AFTER.match(text, p.end) or _HOOD_BEFORE.search(text[max(0, p.start - 30): p.start]))


_CALLED_HOOD_AFTER = regexes.compile(r"(?:'s)?\s+(?:neighbou?rhoods?|quarter)\b", re.I)


def neighbourhood_names(text: str) -> frozenset[str]:
    """Names a text calls neighbourhoods anywhere ("the Qaterji neighbourhood"):
    elsewhere in the same text, an unknown name alone ("killed in Qaterji")
    is that neighbourhood, not a village."""
    if not _HOOD_WORD.search(text):
        return frozenset()  # every match ends with one of the words after a space ("headquarters" holds none)
    return frozenset(m.group("name") for m in _HOOD_NAMED.finditer(text))


def as_neighbourhoods(mentions: list[PlaceMention], names: frozenset[str]) -> list[PlaceMention]:
    """``mentions`` with unknown names that ``names`` holds made neighbourhoods."""
    if not names:
        return mentions
    return [dataclasses.replace(p, kind="neighbourhood") if p.rule == UNKNOWN_NAME_RULE and p.text in names else p
            for p in mentions]


_SPOT_BEFORE = regexes.compile(r"\b(?:in|at|near|outside|on|struck|attacked|raided|stormed)\s+$", re.I)  # ("the attackers struck Apakolu, ...")
_BASE_AFTER = regexes.compile(r"\s+(?:(?:military|army|police|UN|peacekeeping)\s+)?(?:base|camp|outpost|garrison|barracks)\b")
_BASE_BEFORE = regexes.compile(r"\b(?:at|on|near|in|attacked|stormed|overran|raided|struck|hit)\s+(?:the\s+|a\s+)?$", re.I)
_PART_WORDS = r"(?:kebele|county|village|town|district|sub-?district|area|woreda|tehsil|municipality|commune|locality|neighbou?rhood|quarter|camp)"
_SPOT_AFTER = regexes.compile(
    rf"(?:\s+(?i:{_PART_WORDS})\s+of\s|\s*(?:[,.;:)]|$)|\s+(?:on|last|this|early|late|overnight|during|after|before|when|while|where|and|near|in|at|"
    r"from|between|killing|leaving|wounding|injuring|saying|according|as|with|which|that)\b)")


@cache
def _world_regions() -> frozenset[str]:
    return frozenset(_not_where_words()["world_regions"])


@cache
def _unknown_after_in() -> frozenset[str]:
    return frozenset(w.lower() for w in _not_where_words()["unknown_after_in"])


_IN_UNIT_GAP = regexes.compile(r"(?:\s+in\s+|\s*,\s*)$")
_PART_OF_GAP = regexes.compile(rf"^\s+(?P<part>{_PART_WORDS})\s+of\s+(?:the\s+)?$", re.I)


def _containing_units(mentions: list[PlaceMention], text: str, country: str | None = None) -> list[PlaceMention]:
    """"the town of Khan Sheikhoun in Idlib": a name right after a settlement
    ("in Y", ", Y") that is the first-level unit holding it is that unit, an
    area, not a second town."""
    out = list(mentions)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.kind != "settlement" or b.kind != "settlement" or not _IN_UNIT_GAP.match(text[a.end: b.start]):
            continue
        unit = geo.resolve(b.text, area=True, country=country)
        if unit.resolved and unit.feature == "admin1":
            town = geo.resolve(a.text, context=[b.text], country=country)
            if town.resolved and town.admin1 == unit.admin1 and town.feature != "admin1":
                out[i] = PlaceMention(b.start, b.end, b.text, "area", b.rule)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        gap = _PART_OF_GAP.match(text[a.end: b.start])
        if b.kind not in ("settlement", "area") or not gap:
            continue
        # "in Tole Kebele of Gimbi", "in Chatroo area of the Kishtwar district", "the Kishtwar
        # district of Jammu and Kashmir": the first is where it happened, the second holds it;
        # not "the Chelsea neighborhood of Manhattan" (a part of a city: the city is the place)
        # nor "the North York area of Toronto" (an area of a city, not of a district)
        word = gap.group("part").lower()
        held_by_unit = _UNIT_WORD.match(text, b.end + 1) is not None
        if word.startswith("neighbo") or word == "quarter" or word == "area" and not held_by_unit:
            continue
        if a.kind in ("settlement", "area"):
            out[i] = PlaceMention(b.start, b.end, b.text, "area", b.rule)
        elif a.kind == "neighbourhood" and a.rule in ("place:in-name", UNKNOWN_NAME_RULE) and held_by_unit:
            # held by a district, not a city: a village's area, not a neighbourhood
            out[i - 1] = PlaceMention(a.start, a.end, a.text, "settlement", a.rule)
            out[i] = PlaceMention(b.start, b.end, b.text, "area", b.rule)
    return out


_UNIT_NAMED_AFTER = regexes.compile(
    r"(?:'s)?\s+(?:local\s+government(?:\s+area)?|LGA|district|county|sub-?county|municipality|tehsil|woreda|commune)\b", re.I)


def named_as_unit(text: str, p: PlaceMention) -> bool:
    """Whether the text names a place as a second-level unit ("Barkin Ladi
    local government area", "Kajuru LGA", "Macomia district"): where it
    happened if the text names nothing smaller, a village it names after
    is more precise."""
    return _UNIT_NAMED_AFTER.match(text, p.end) is not None


def lies_in(place: str, area: str, country: str | None = None) -> bool:
    """Whether the gazetteer puts the place called ``place`` in the
    first-level unit called ``area`` ("Kunduz" city in "Kunduz" province,
    not "Ghazni")."""
    unit = geo.resolve(area, area=True, country=country)
    if not unit.resolved or not unit.admin1_pcode:
        return False
    p = geo.resolve(place, context=[area], parent=area, country=country)
    return p.resolved and p.admin1_pcode == unit.admin1_pcode


_SPEAKER_AFTER = regexes.compile(
    r"(?:['’]s)?(?:\s+(?:[Tt]ownship|[Dd]istrict|[Cc]ounty|[Pp]rovince|[Pp]rovincial|[Rr]egion(?:al)?|[Ss]tate|[Cc]ity|[Tt]own|[Vv]illage|"
    r"[Pp]eople['’]s|[Ll]ocal|[Pp]olice|[Aa]dministration|[Aa]dministrative|[Mm]unicipal|[Hh]ealth|[Ss]ecurity|[Dd]eputy))*\s+"
    r"(?:spokes(?:man|woman|person)|officials?|governor|mayor|administrator|chief|commissioner|authorities)\b")
_ACCORDING_BEFORE = regexes.compile(r"\b(?:according\s+to|said|told)\s+(?:an?\s+|the\s+)?$", re.I)
_QUOTE_CLOSED_BEFORE = regexes.compile(r"[,.]?[\"”’']\s*$")
_NAMED_SPEAKER_AFTER = regexes.compile(r"(?:\s+[A-Z][\w'’.-]*){1,4},?\s+(?:said|says|told|added|wrote|stated)\b")


def speaks_for(text: str, p: PlaceMention) -> bool:
    """Whether a toponym only says whose official tells the figure
    ("according to a Pale Township people's administration spokesman",
    "the Kabul police chief said"), not where it happened."""
    title = _SPEAKER_AFTER.match(text, p.end)
    return title is not None and (
        _ACCORDING_BEFORE.search(text, max(0, p.start - 25), p.start) is not None
        or text[max(0, p.start - 4): p.start].lower() in ("the ", " a ", "an ")
        # ('..., 75 were injured," Dnipropetrovsk regional governor Valentyn Reznichenko said'): a titled
        # speaker after the words he said
        or _QUOTE_CLOSED_BEFORE.search(text, max(0, p.start - 4), p.start) is not None
        and _NAMED_SPEAKER_AFTER.match(text, title.end()) is not None)


def lies_outside(place: str, area: str, country: str | None = None) -> bool:
    """Whether the gazetteer puts the settlement called ``place`` in another
    first-level unit than the one called ``area`` ("Baquba" is not in
    "central Baghdad"); False when either cannot be told (a village the
    gazetteer lacks may lie anywhere)."""
    if place == area:
        return False
    unit = geo.resolve(area, area=True, country=country)
    if not unit.resolved or not unit.admin1_pcode or unit.feature not in ("admin1", "admin2", "admin3", "region"):
        return False
    p = geo.resolve(place, context=[area], country=country)
    return p.resolved and p.admin1_pcode is not None and p.admin1_pcode != unit.admin1_pcode


def in_another_admin1(place: str, other: str, country: str | None = None) -> bool:
    """Whether the gazetteer puts the places called ``place`` and ``other``
    (a settlement, or a unit named after its town: "the Chuhuiv district")
    in different first-level units ("Marhanets" is not in "the Chuhuiv
    district" of Kharkiv Oblast); False when either cannot be told."""
    if place == other:
        return False
    there = geo.resolve(other, country=country)
    if not there.resolved or not there.admin1_pcode:
        return False
    p = geo.resolve(place, context=[other], country=country)
    return p.resolved and p.admin1_pcode is not None and p.admin1_pcode != there.admin1_pcode


_PART_OF_START = regexes.compile(rf"\s+(?i:{_PART_WORDS})\s+of\s+(?P<the>the\s+)?")
_PART_OF_INSIDE = regexes.compile(rf"\s(?i:{_PART_WORDS})\s+of\s+(?P<the>the\s+)?")


def _names_at(text: str, m: re.Match[str], name: str) -> bool:
    """Whether ``name`` follows a "district of (the)" match ``m`` and ends
    where a word does (as a regex's ``\\b`` after it would say)."""
    for at in (m.end(), m.start("the")) if m.group("the") else (m.end(),):
        end = at + len(name)
        if text.startswith(name, at) and name and ((end < len(text) and _is_word(text[end])) != _is_word(name[-1])):
            return True
    return False


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def held_by_any(text: str, name: str) -> bool:
    """Whether the text names some place as a part of the place called ``name``."""
    return name in text and any(_names_at(text, m, name) for m in _PART_OF_INSIDE.finditer(text))


def held_by(text: str, p: PlaceMention, name: str) -> bool:
    """Whether the text names ``p`` as a part of the place called ``name``
    ("Chatroo area of the Kishtwar district", "Tole Kebele of Gimbi")."""
    m = _PART_OF_START.match(text, p.end)
    return m is not None and _names_at(text, m, name)


_COMPASS_REST = regexes.compile(r"\s+(?:North|South|East|West|Central)")


def _trimmed_to(m: PlaceMention, name: str) -> PlaceMention:
    """A mention cut to the words of the place it resolved to, when it holds more."""
    words, named = m.text.split(), name.split()
    if _UNIT_WORD.search(" ".join(words[len(named):])):
        return m  # "Garissa County": the unit, named with its kind
    if len(words) > len(named) and [w.lower() for w in words[: len(named)]] == [w.lower() for w in named]:
        text = " ".join(words[: len(named)])
        return PlaceMention(m.start, m.start + len(text), text, m.kind, m.rule)
    return m


def _named_spot(text: str, m: PlaceMention) -> bool:
    """Whether a name the gazetteer does not know, found only by the "in X"
    cue, still reads as a place: a name of its own right after "in", "at",
    "near" or "outside" that ends its phrase ("At Kazarahoyo, the attackers
    killed five", "a raid in Matazem on Friday"), none of whose words is an
    institution, a season or a people ("in Parliament", "in Ramadan", "in
    Christian-majority towns"), and no armed group or source by name."""
    if _BASE_AFTER.match(text, m.end) and _BASE_BEFORE.search(text, max(0, m.start - 30), m.start):
        pass  # "A suicide bomber detonated at the El Salini base": a camp named for where it is
    elif not _SPOT_BEFORE.search(text[max(0, m.start - 8): m.start]) or not _SPOT_AFTER.match(text, m.end):
        return False
    words = re.split(r"[\s-]+", m.text)
    if len(m.text) < 4 or m.text.isupper() or any(w.lower() in _unknown_after_in() for w in words):
        return False
    if any(world.state_of(w) for w in words if w[:1].isupper()):
        return False
    return not _is_named_group(m.text)


def _is_named_group(name: str) -> bool:
    """Whether ``name`` is wholly an armed group's or a source's name in the lexicons ("Hamas", "Reuters")."""
    return any(s == 0 and e == len(name) for s, e, _ in lexicon.scan("actors", name) + lexicon.scan("sources", name))




# "in Tonj North and Tonj East counties": names listed before a plural unit word are units
_UNITS_LISTED_AFTER = regexes.compile(
    r"(?:\s+[A-Z][\w'’-]+)?(?:\s*(?:,|\band)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?){1,3}\s+"
    r"(?:counties|districts|provinces|states|regions|governorates|oblasts|territories|townships|prefectures|departments)\b")


def _classify(text: str, p: PlaceMention) -> PlaceMention:
    if p.kind in ("mention", "destination"):
        return p
    if p.kind == "country":
        after = text[p.end: p.end + 20]
        if re.match(r"(?:'s)?\s+(?:province|governorate|state|region|oblast)", after, re.I):
            return PlaceMention(p.start, p.end, p.text, "area", p.rule)
        return p
    after = text[p.end: p.end + 25]
    before = text[max(0, p.start - 40): p.start]
    m = re.match(r"(?:'s)?\s+(\w+)", after)
    if m and m.group(1).lower() in _AREA_WORDS or _UNITS_LISTED_AFTER.match(text, p.end):
        return PlaceMention(p.start, p.end, p.text, "area", p.rule)
    if _UNIT_OF_BEFORE.search(before):
        return PlaceMention(p.start, p.end, p.text, "area", p.rule)
    if _REGION_WORD_BEFORE.search(before):
        return PlaceMention(p.start, p.end, p.text, "area", p.rule)
    return p


# (over the lower-cased text: they run before every mention)
_UNIT_OF_BEFORE = compile_lowered(
    r"\b(?:province|governorate|countryside|state)\s+of\s+$"
    # "its neighboring provinces of Pattani and Yala", "the nearby province Songkhla"
    r"|\b(?:provinces|governorates|states|regions|oblasts)\s+of\s+(?:[^.;:]{0,60}?(?:,\s*|\band\s+))?$"
    r"|\b(?:the|nearby|neighbou?ring)\s+(?:province|governorate|oblast)\s+$")
_REGION_WORD_BEFORE = compile_lowered(
    r"\b(?:northern|southern|eastern|western|central|northwestern|northeastern|southwestern|southeastern|north-western|"
    r"north-eastern|south-western|south-eastern|rural)\s+$")
