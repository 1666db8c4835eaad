"""Which country, and which war, an article is about; and what that makes of
the words that depend on it ("the war", "the army", "government forces",
the side of soldiers killed).

The knowledge is data (``data/world/countries.tsv``, ``data/world/conflicts.tsv``
and the ``fights`` column of the actors lexicon); this module only reads it and
says how text points at it.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from wartally.extract import lexicon, regexes
from wartally.extract.places import DATELINE
from wartally.extract import regexes

SYRIA = "SY"
PALESTINE = "PS"  # a party of its wars with no state forces of its own as actor (its armed groups are named)


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    name: str  # the short English name a foreign state is named by as actor ("Israel")
    government: str  # its own forces in its own country ("Myanmar government")
    names: str  # regex: the country's names ("Burkina Faso|Burkina")
    demonyms: str  # regex: its adjectives ("Burkinabe")
    capital: str  # the city news means by "the capital" ("Port-au-Prince"); empty where contested

    @property
    def demonym(self) -> str:
        """Its first adjective as written ("Sri Lankan")."""
        return re.sub(r"\\s\+", " ", self.demonyms.split("|")[0])


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    countries: tuple[str, ...]
    name: str
    start: dt.date
    counts_from: dt.date  # the day news tolls of the war count from
    end: dt.date | None
    air_strikes_by: str | None = None  # who alone bombs from warplanes in it (the actor of an unattributed air strike)
    drone_strikes_by: str | None = None  # who alone flies armed drones in it


def _rows(name: str) -> list[list[str]]:
    text = resources.files("wartally.data").joinpath("world", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def countries() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for row in _rows("countries.tsv"):
        if len(row) != 6:
            raise ValueError(f"countries.tsv: malformed row {row!r}")
        c = Country(*row)
        if c.iso2 in out:
            raise ValueError(f"countries.tsv: {c.iso2} twice")
        out[c.iso2] = c
    return out


@cache
def conflicts() -> tuple[Conflict, ...]:
    out = []
    for row in _rows("conflicts.tsv"):
        if len(row) != 8:
            raise ValueError(f"conflicts.tsv: malformed row {row!r}")
        cid, ccs, name, start, counts_from, end, air, drones = row
        out.append(Conflict(cid, tuple(ccs.split(";")), name, dt.date.fromisoformat(start),
                            dt.date.fromisoformat(counts_from), dt.date.fromisoformat(end) if end else None, air or None,
                            drones or None))
    return tuple(out)


def the_war(country: str | None, published: dt.date | None) -> Conflict | None:
    """"The war" of an article about ``country``: the latest war fought there
    that had begun by ``published`` (the latest of all without a date)."""
    if country is None:
        return None
    wars = [c for c in conflicts() if country in c.countries and (published is None or c.start <= published)]
    return max(wars, key=lambda c: c.start) if wars else None


def war_start(country: str | None, published: dt.date | None) -> dt.date | None:
    """The day news of ``country`` counts "since the war began" from."""
    war = the_war(country, published)
    return war.counts_from if war else None


def war_end(country: str | None, published: dt.date | None) -> dt.date | None:
    """The day that war ended, if it had by ``published``."""
    war = the_war(country, published)
    return war.end if war and war.end and (published is None or war.end <= published) else None


# --- words that name a country ------------------------------------------------

# a demonym right before one of these words names who attacked ("Israeli
# strikes", "Russian missiles"), which says little about where the story is
_FORCE_NOUNS = (r"(?:armed\s+forces|forces|army|military|troops|soldiers|servicemen|police|gendarmes?|gendarmerie|"
                r"navy|air\s*force|air\s*strikes?|airstrikes?|strikes?|raids?|warplanes|jets|aircraft|planes|helicopters|"
                r"drones?|missiles?|rockets?|shelling|artillery|fire|bombardment|bombing|attacks?|offensive|tanks?|"
                r"snipers?|junta|regime|government|authorities|security\s+forces|marines|commandos|units?)")


_LEADING_WORD = regexes.compile(r"(?:[A-Za-zÀ-ÿ'’.-]|\\\.)+")
# (the capital first, then the look-behind over it: the regex engine skips to
# each capital instead of trying the look-behind at every position)
_CAPITALISED = regexes.compile(r"[A-Z](?<![\w-][A-Z])[\w.'’-]*")


@cache
def _country_index() -> dict[str, list[tuple[re.Pattern[str], str, bool]]]:
    """Every country name and demonym by its first word: the patterns to try
    where a capitalised word starts, each with its country and whether it is
    the name (else the demonym)."""
    index: dict[str, list[tuple[re.Pattern[str], str, bool]]] = {}
    for c in countries().values():
        for pattern, as_name in ((c.names, True), (c.demonyms, False)):
            for alt in regexes.derived("alternatives", (pattern,), lambda: tuple(lexicon.alternatives(pattern))):
                lead = _LEADING_WORD.match(alt)
                if lead is None:
                    raise ValueError(f"countries.tsv: {c.iso2}: {alt!r} does not start with a word")
                first = lead.group(0).replace("\\", "").rstrip(".")
                # "Syrias": FA-KES drops apostrophes; "Palestinians": a demonym as a plural noun
                rx = regexes.compile(rf"(?:{alt})(?:'s|’s|s)?(?![\w-])")
                index.setdefault(first.lower(), []).append((rx, c.iso2, as_name))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0].pattern))  # "South Sudan" before "South..."; longer first
    return index


def _without_possessive_or_plural(word: str) -> str:
    """``word`` less one "'s", "’s" or "s" at its end."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


@functools.lru_cache(maxsize=4096)
def _country_words_in(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, country, as_name) of every country name or demonym in
    ``text``: each capitalised word is looked up by itself, and only the
    names that start with it are tried there.  (Cached: a sentence is asked
    about for its actors, its victims' side and its sources.)"""
    index = _country_index()
    out, end = [], -1
    for m in _CAPITALISED.finditer(text):
        if m.start() < end:
            continue
        word = m.group(0).lower().rstrip(".,")
        cands = index.get(word) or index.get(_without_possessive_or_plural(word)) or index.get(word.split("-")[0])
        if not cands:
            continue
        best = None
        for rx, iso, as_name in cands:
            hit = rx.match(text, m.start())
            if hit is not None and (best is None or hit.end() > best[1]):
                best = (m.start(), hit.end(), iso, as_name)
        if best is not None:
            out.append(best)
            end = best[1]
    return tuple(out)


def country_words(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, country, as_name) of every country name or demonym in ``text``."""
    return _country_words_in(text)


# a country named as the one who speaks or acts ("Russia denied", "Israel said")
_ACTS_AFTER = regexes.compile(r"\s+(?:has\s+|had\s+|also\s+)?(?:said|says|denied|denies|claimed|claims|accused|accuses|announced|"
                         r"rejected|rejects|warned|warns|insisted|insists|blamed|blames|vowed|condemned|condemns|launched|"
                         r"fired|struck|attacked|carried\s+out|denied)\b")
# a people named as the one who strikes ("The Russians shelled Kherson"), not "the war in Syria has killed"
_PEOPLE_STRIKE_AFTER = regexes.compile(r"\s+(?:shelled|bombed|shot|killed|hit|targeted|pounded|raided|attacked|struck|fired)\b")
# the agent of a passive: "the evening shelling of Kherson by Russians", "attacked by the Russian army"
_BY_BEFORE = regexes.compile(r"\bby\s+(?:the\s+)?$")
# the words between a demonym and its noun: more demonyms ("Syrian and Russian jets"), one word ("Afghan police chief")
_UP_TO_NOUN = r"(?:\s+(?:and|,)\s+[A-Z][\w-]+)*\s+(?:[\w-]+\s+)?"
_FORCE_AFTER = regexes.compile(rf"{_UP_TO_NOUN}{_FORCE_NOUNS}\b", re.I)
# a state's forces that serve at home only: "an attack on Afghan police", "Malian gendarmes", "the Myanmar junta"
# say where the story is, whoever attacked
_HOME_FORCE_AFTER = regexes.compile(rf"{_UP_TO_NOUN}(?:police(?:m[ae]n)?|gendarmes?|gendarmerie|junta)\b", re.I)
_PLACE_CUE_BEFORE = lexicon.compile_lowered(r"\b(?:in|across|of|inside|throughout|from|into|to|near|northern|southern|eastern|western|central|"
                               r"north|south|east|west|northwest|northeast|southwest|southeast|north-west|north-east|south-west|south-east)\s+(?:the\s+)?$")


@dataclass(frozen=True, slots=True)
class CountryMention:
    start: int
    end: int
    iso2: str
    as_name: bool  # the country's name (True) or its demonym
    attacker: bool  # a demonym or name right before a force word ("Russian missiles")


# a country's bare name right before the noun "attack" is where it was ("Deadly Liberia Attack Strikes U.S.
# Embassy", "Six killed in Tanzania attack"), not who attacked: that is its adjective ("Russian attack"), its
# possessive ("Russia's attack"), the verb ("Israel attacks Gaza") or an attack on someone ("Iran attack on Israel")
_WHERE_ATTACK_AFTER = regexes.compile(r"\s+(?i:attack)\b(?!\s+(?i:on|against|by)\b)")


def country_mentions(text: str) -> list[CountryMention]:
    out = []
    for start, end, iso, as_name in _country_words_in(text):
        attacker = bool(_FORCE_AFTER.match(text, end) and not _HOME_FORCE_AFTER.match(text, end) or _ACTS_AFTER.match(text, end)
                        or not as_name and _PEOPLE_STRIKE_AFTER.match(text, end)
                        or not as_name and _BY_BEFORE.search(text, max(0, start - 8), start))
        if attacker and as_name and not text.endswith(("'s", "’s"), start, end) and _WHERE_ATTACK_AFTER.match(text, end):
            attacker = False
        out.append(CountryMention(start, end, iso, as_name, attacker))
    return out


# a state's mission abroad ("the U.S. Embassy in Monrovia", "the French ambassador"): a country named where it
# is not, counted as little as an attacker
_ABROAD_AFTER = regexes.compile(r"\s+(?i:embassy|embassies|consulate|consul|ambassador|high\s+commission)\b")


def article_country(text: str, title: str | None = None, places: Counter[str] | None = None,
                    toponyms: Counter[str] | None = None) -> str | None:
    """The ISO 3166-1 code of the country an article is about, from how often
    and how its names and demonyms appear: a country named as a place ("in
    Lebanon", "Ukraine's Kharkiv region") counts most, a demonym that names an
    attacker ("Israeli strikes", "Russian missiles") least; the headline and
    the lead weigh double.  ``places``: how many of the article's toponyms
    lie in each country (unambiguous ones only), as votes; ``toponyms``: how
    many they are (``places`` when not given).  None when nothing names a
    country."""
    votes: Counter[str] = Counter({cc: 3.0 * n for cc, n in (places or {}).items()})
    lead_end = _lead_end(text)
    named_as_place = False
    named = False
    dateline = DATELINE.match(text)
    attackers: Counter[str] = Counter()
    for part, weight in ((title or "", 2.0), (text, 1.0)):
        for m in country_mentions(part):
            if part is text and dateline is not None and m.start < dateline.end():
                continue  # "Antakya, Turkey –": where the reporter files from
            named = True
            abroad = m.attacker or bool(_ABROAD_AFTER.match(part, m.end))
            w = 0.5 if abroad else (3.0 if m.as_name and _PLACE_CUE_BEFORE.search(part[max(0, m.start - 30): m.start]) else 2.0 if m.as_name else 1.0)
            named_as_place = named_as_place or not abroad
            if part is text and m.start < lead_end:
                w *= 2
            if m.attacker:
                attackers[m.iso2] += w * weight
            else:
                votes[m.iso2] += w * weight
    for cc, w in attackers.items():
        # who attacked, however often a story of one strike names them ("Russian strikes", "shelling ... by
        # Russians", "the Russian army"), says little of where: at most one toponym's worth
        votes[cc] += min(w, ATTACKER_VOTES_AT_MOST)
    if not named and places and len(places) > 1:
        # toponyms of several countries and no country named: only two or more that agree decide
        # ("Baghdad Station" is a street in Aleppo)
        agreeing = places if toponyms is None else toponyms
        votes = Counter({cc: v for cc, v in votes.items() if agreeing[cc] >= 2})
        named_as_place = bool(votes)
    for cc, n in _unit_word_mentions(f"{title or ''}\n{text}").items():
        # "Bassa Local Government Area of Plateau State": a unit only one country has (Plateau is also Togo's)
        votes[cc] += UNIT_WORD_VOTE * n
        named_as_place = True
    for cc, w in _group_votes(title or "", text[:lead_end]).items():
        # "ISWAP fighters attacked ...": a group that fights in one country (and "Boko Haram goes on
        # rampage in Borno" with toponyms of several countries, none named twice)
        votes[cc] += w
        named_as_place = True
    named_as_place = named_as_place or bool(places)
    if not votes or not named_as_place:
        return None  # only attackers named ("Government and Russian fire"): where is not said
    return votes.most_common(1)[0][0]


UNIT_WORD_VOTE = 3.0  # a unit only one country has (data/world/unit_words.tsv): as much as one toponym in it


@cache
def _unit_words() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row[0], re.compile(rf"\b(?:{row[1]})\b", re.IGNORECASE)) for row in _rows("unit_words.tsv"))


def _unit_word_mentions(text: str) -> Counter[str]:
    """How many times ``text`` names a unit of each country's own kind
    (data/world/unit_words.tsv)."""
    return Counter({cc: n for cc, rx in _unit_words() if (n := len(rx.findall(text)))})


ATTACKER_VOTES_AT_MOST = 2.5  # an attacker's country, all its mentions together: less than one toponym of the place hit (3.0)
_NO_HOME = frozenset({"gang", "opposition", "terrorist"})  # words for any group anywhere
_ANY_STATE = frozenset({"syr-gov"})  # "government forces", "the regime": Syria's in its war, any state's elsewhere
GROUP_VOTE = 2.0  # what a named armed group in the headline or lead says of where the story is


def _group_votes(*parts: str) -> Counter[str]:
    """Votes for the country the armed groups named in ``parts`` fight in
    (the first country of their ``fights``: "ISWAP" → NG, "al-Shabaab" → SO)."""
    out: Counter[str] = Counter()
    for part in parts:
        for _, _, e in lexicon.scan_each("actors", part):
            home = _home(e.id)
            if home is not None:
                out[home] += GROUP_VOTE
    return out


@cache
def _home(actor_id: str) -> str | None:
    """The country an armed group fights in first, when it is not a state
    (a state's fighters say nothing of where: Israel's fight abroad), or the
    one country a state's own forces fight in."""
    if actor_id in _NO_HOME:
        return None
    # (the side each country's row gives first: the undated one, before any change of side)
    fights = {cc: sides[0][1] for cc, sides in (_fights().get(actor_id) or {}).items()}
    home = next(iter(fights), None)
    if home is None:
        return None
    if fights[home] == "opposition":
        return home
    # a state's forces that fight in their own country only ("Myanmar junta airstrikes", "the Sudanese
    # army"): where the story is; not the Syrian entry, whose words ("government forces") are any state's
    return home if fights[home] == "government" and len(fights) == 1 and actor_id not in _ANY_STATE else None


def group_home(actor_id: str) -> str | None:
    """The country an armed group (or a state's home-only forces) fights in; see ``_home``."""
    return _home(actor_id)


def _lead_end(text: str) -> int:
    """Where the first paragraph (or the first 400 characters) ends."""
    cut = text.find("\n", 40)
    return min(cut if cut > 0 else len(text), 400)


def is_country_word(words: str) -> bool:
    """Whether ``words`` are just a country's name or demonym ("Russia's", "Israeli")."""
    words = words.strip()
    found = _country_words_in(words)
    return len(found) == 1 and found[0][0] == 0 and found[0][1] == len(words)


def demonym_as_name(words: str) -> str | None:
    """The country's name for words that are just its demonym ("Azerbaijani" ->
    "Azerbaijan"), else None (a name stays as written: "Gaza", "Ukraine's")."""
    found = _country_words_in(words)
    if len(found) != 1 or found[0][3] or not is_country_word(words):
        return None
    return countries()[found[0][2]].name if found[0][2] in countries() else None


def state_of(words: str) -> str | None:
    """The country whose name or demonym ``words`` holds, if one does."""
    found = _country_words_in(words)
    return found[0][2] if found else None


# --- actors and sides relative to the article's country ---------------------

@cache
def _fights() -> dict[str, dict[str, list[tuple[dt.date | None, str]]]]:
    """Per actor lexicon id: the side its fighters are on per country, each
    with the day it holds from (None: always; "AF@2021-08-15=government")."""
    out = {}
    for e in lexicon.entries("actors"):
        pairs = [p.split("=") for p in e.values[2].split() if "=" in p] if len(e.values) > 2 else []
        sides: dict[str, list[tuple[dt.date | None, str]]] = {}
        for where, side in pairs:
            cc, _, day = where.partition("@")
            sides.setdefault(cc, []).append((dt.date.fromisoformat(day) if day else None, side))
        out[e.id] = sides
    return out


def group_side(actor_id: str, country: str | None, on: dt.date | None = None) -> str | None:
    """The side of fighters of the actor ``actor_id`` killed or hurt in
    ``country`` (on the day ``on``, where the table dates a change: the
    Taliban are Afghanistan's government from 2021-08-15): theirs there,
    ``other`` where they fight abroad, None when the table says nothing."""
    fights = _fights().get(actor_id)
    if not fights or country is None:
        return None
    if country not in fights:
        return "other"
    sides = fights[country]
    dated = [(day, side) for day, side in sides if day is not None and on is not None and day <= on]
    if dated:
        return max(dated)[1]
    return next((side for day, side in sides if day is None), "other")


def state_force_actor(iso2: str, country: str | None) -> str:
    """A state's forces as actor: ``<Country> government`` in its own country
    (Syria: ``Syrian government``), the state's short name abroad."""
    c = countries()[iso2]
    return c.government if iso2 == country else c.name


_FORCE_RIGHT_AFTER = regexes.compile(rf"\s+(?:[\w-]+\s+)?(?i:{_FORCE_NOUNS})\b")


def state_forces_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country) of each "<demonym or country's> <force word>":
    a state's forces as an agent ("Nigerian troops", "Azerbaijan's army",
    "Ukrainian drones")."""
    out = []
    for start, end, iso, _ in _country_words_in(text):
        m = _FORCE_RIGHT_AFTER.match(text, end)
        if m is not None:
            out.append((start, m.end(), iso))
    return out


# head nouns of a state's own forces ("12 Azerbaijani soldiers") and, named
# alone, of whoever fights for or against the government
_STATE_HEADS = regexes.compile(
    r"\b(?:soldiers?|troops|servicem[ae]n|army|military|police(?:m[ae]n)?|officers?|gendarmes?|forces|personnel|guards?|"
    r"marines|sailors|airmen|pilots?|commandos|paratroopers|conscripts|rangers|paramilitar(?:y|ies))\b", re.I)
_GOVERNMENT_HEADS = regexes.compile(
    r"\b(?:soldiers?|troops|servicem[ae]n|army|military|gendarmes?|jawans?|security\s+(?:forces|personnel)|border\s+guards?|"
    r"marines|sailors|airmen|pilots?|commandos|paratroopers|conscripts|rangers?|paramilitar(?:y|ies)|"
    r"pro-government|government\s+(?:forces|troops|soldiers))\b", re.I)
_OPPOSITION_HEADS = regexes.compile(
    r"\b(?:militants?|insurgents?|jihadists?|jihadis|rebels?|separatists?|secessionists?|terrorists?|extremists?|"
    r"guerrillas?|anti-government|Islamists?|attackers?|assailants?|gunm[ae]n|bombers?)\b", re.I)
_FOREIGN_MISSION_HEADS = regexes.compile(r"\b(?:peacekeepers?|peace-keepers?|blue\s+helmets|(?:UN|U\.N\.)\s+(?:troops|soldiers|forces))\b", re.I)
_GENERIC_ACTORS = frozenset({"opposition", "terrorist", "syr-gov"})


def victim_side(phrase: str, country: str, on: dt.date | None = None) -> tuple[str | None, str | None]:
    """The side of combatants described by ``phrase`` ("12 Azerbaijani
    soldiers", "Boko Haram fighters", "two Israeli soldiers") in news of
    ``country``: a named group by the ``fights`` column of the actors lexicon,
    a state's forces by whether the state is the country's, else the head
    noun (soldiers → government, militants → opposition)."""
    for s, e, ent in lexicon.scan_each("actors", phrase):
        if ent.id in _GENERIC_ACTORS:
            continue
        side = group_side(ent.id, country, on)
        if side is not None:
            return side, f"side:group:{ent.id}"
    iso = state_of(phrase)
    if iso is not None and _STATE_HEADS.search(phrase):
        return ("government" if iso == country else "other"), f"side:state:{iso}"
    return head_side(phrase)


def head_side(phrase: str) -> tuple[str | None, str | None]:
    """The side the head noun of a combatant phrase says when nothing else
    does: soldiers, gendarmes, security forces → government; militants,
    insurgents, jihadists → opposition."""
    if _FOREIGN_MISSION_HEADS.search(phrase):
        return "other", "side:head-foreign-mission"  # UN peacekeepers: a foreign force, no party of the country's war
    if _OPPOSITION_HEADS.search(phrase):
        return "opposition", "side:head-opposition"
    if _GOVERNMENT_HEADS.search(phrase):
        return "government", "side:head-government"
    return None, None
