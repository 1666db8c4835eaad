"""Who said it, who did it, with what, and where: the sentence-level context
a figure takes its source, actor, weapon and place from."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from wartally import geo
from wartally.data.tables import read_tsv
from wartally.extract import lexicon, world
from wartally.extract.places import DATELINE
from wartally.extract.lexicon import Lowered, compile_fast
from wartally.extract import regexes

# "an earlier toll from rescuers", "figures from the health ministry": whose count it is
_COUNT_FROM = r"(?:toll|tally|count|figures?|estimates?|data)\s+(?:given\s+|released\s+|provided\s+|issued\s+)?(?:by|from)"
# a headline's "Houthis claim 20 people killed": "claim" as a verb of telling, before a count
_CLAIMS_A_COUNT = r"claims?(?=\s+(?:(?:at\s+least|more\s+than|about|nearly|over|some|up\s+to)\s+)?\d)"
_ATTRIBUTION = Lowered(compile_fast(
    rf"\b(?:said|says|say|saying|reported|reports|report|according\s+to|told|telling|estimates?|estimated|documented|recorded|counted|identified|registered|verified|confirmed|announced|stated|acknowledged|disclosed|posted\s+(?:on\s+(?:its|his|her|their|the|telegram|x|facebook|twitter|social)|an?\s+(?:statement|message))|put\s+the|gave\s+(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:toll|tally|count|figures?|estimates?)|added|cited|quoted|monitors?|tallied|claimed|{_CLAIMS_A_COUNT}|claims?\s+that|accused|noting|noted|notes|wrote|recalls|recalled|declared|(?:ha[sd]|have)\s+alleged|alleged\s+that"
    rf"|{_COUNT_FROM})\b",
    re.I,
))
# the word that ends an organisation's name ("... Observatory", "Ministry of Defence")
_ORG_HEADS = r"Command|Ministry(?:\s+of\s+(?:the\s+)?[A-Z]\w+(?:\s+(?:and\s+)?[A-Z]\w+){0,2})?|Agency|Center|Centre|Council|Committee|Network|Organi[sz]ation|Office|Department|Authority|Authorities|Directorate|Police|Hospital|Group|Observatory|Foundation|Association|Union|Society|Commission|Institute|Watch|Media\s+Cent(?:er|re)|Media\s+Cell|News"
_ORG = compile_fast(
    rf"(?P<org>(?:a\s+source\s+(?:at|in|from)\s+)?(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){{0,5}}(?:{_ORG_HEADS})(?:\s+(?:of|for)\s+[A-Z][\w'’-]*(?:\s+(?:(?:and|&)\s+)?[A-Z][\w'’-]*){{0,4}})?)",
)
_ANY_ORG_HEAD = compile_fast(_ORG_HEADS)  # every _ORG match holds one: a cheap test first
_BARE_HEAD = regexes.compile(rf"(?:{_ORG_HEADS})")
BARE_HEAD = _BARE_HEAD  # a body's head word alone ("Ministry", "Agency"), for extract/people.py
# a body named again by its kind alone, in lower case, as the one who tells: "The ministry claimed", "the agency said"
_THE_BODY = regexes.compile(r"\b[Tt]he\s+(?P<org>ministry|agency|directorate|department|observatory|committee|commission)"
                            r"(?=\s+(?:also\s+|later\s+|earlier\s+|then\s+)?(?:said|says|claimed|claims|reported|added|stated|"
                            r"announced|confirmed|put|gave|estimated|counted|recorded|documented)\b)")


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # offsets within the text searched
    end: int
    value: str
    rule: str
    base: int | None = None  # where that text starts in the document, once known

    def rebased(self, base: int) -> "Hit":
        """This Hit with ``base`` set (cheaper than dataclasses.replace, on a hot path)."""
        return Hit(self.start, self.end, self.value, self.rule, base)


_GENERIC_SOURCE = compile_fast(
    r"(?P<org>(?:(?!(?:A|An|The|This|That)\s)(?:[A-Z][\w'’-]+|local|Turkish|Syrian|Iraqi|Kurdish|Russian|military|medical|hospital|security|police|opposition|government|diplomatic|rebel|army)\s+){1,3}sources?)\b"
)
# a state body described by its country or region as the one that says it ("the
# Israeli army said", "according to the Gaza health ministry", "Ukraine's emergency
# service said"): the organisation's name as written.  Only right before the verb or
# right after "according to": elsewhere the army is more often who did it.
_INSTITUTIONS = (r"(?:health|interior|defen[cs]e|foreign|information)\s+ministry|army|military|armed\s+forces|police"
                 r"|emergency\s+services?|health\s+(?:authorities|department)")
_STATE_BODY = rf"(?:(?!(?:The|A|An|This|That|Its|Their)\s)[A-Z][\w'’-]+(?:'s|’s)?\s+){{1,2}}(?:{_INSTITUTIONS})"
_STATE_SOURCE = compile_fast(
    rf"(?:(?<=ccording to )|(?<=ccording to the )|(?={_STATE_BODY}\s+(?:has\s+|had\s+)?"
    rf"(?:said|says|reported|announced|told|confirmed|stated)\b))(?P<org>{_STATE_BODY})\b")
_INSTITUTION_WORDS = ("ministry", "army", "military", "forces", "police", "emergency", "health")  # one is in every _STATE_SOURCE match
# "X and Y said", "X and al-Yarmuk hospital officials said": the words between two who speak together (the
# second's own name may open it)
_COORDINATED = regexes.compile(r"\s*(?:,|&)\s*|\s*\band\s+(?:the\s+)?(?:(?-i:[A-Z]|al-|el-)[\w'’-]*\s+){0,2}"
                               r"(?:(?:state|provincial|regional|district|local|city|county)\s+)?", re.I)
_RELATIVE = regexes.compile(r",\s*(?:which|who|whose)\b[^,]*,")
_OF_PLACE_RELATIVE = regexes.compile(r"(\s+(?:of|for|in)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}),\s*(?:which|who|whose)\b[^,]*,")
# an aside between dashes ("– first responders who operate under the Hamas-run government –"): like ", which ...,"
_ACRONYM_AFTER = regexes.compile(r"\s*\(((?-i:[A-Z][A-Z&]{1,7}))\)")
# a role's own place, up to the comma that closes the apposition ("prefect for the West Region department of Bamboutos,")
_ROLE_PLACE = regexes.compile(r"\s+(?:of|for|in)\s+(?:the\s+)?(?-i:[A-Z])[^,.;“”\"]{0,60}?(?=,)")
_DASHED = regexes.compile(r"[–—]\s[^–—.;]{1,120}?\s[–—]")
_WHO_SPOKE = regexes.compile(r"^[^,.;]{0,20}?\s+who\s+(?:spoke|talked|asked|requested|declined|did\s+not\s+want|was\s+not\s+authori[sz]ed)\b"
                             r"[^,.;\"“”]{0,80}?(?=\s+(?:said|says|told)\b)", re.I)
# (and a participle's aside: ", operating as Myanmar's shadow administration,", ", based in London,")
_RELATIVE_AT_START = regexes.compile(r"^\s*,\s*(?:which|who|whose|operating|acting|based|headquartered|known|formed|set\s+up|"
                                     r"made\s+up|composed)\b[^,]*,")
_RECIPIENT = regexes.compile(r"\b(?:told|(?<!according )to|tells|telling|(?:seen|obtained|reviewed)\s+by)\s+(?:the\s+)?$", re.I)
# "according to an internal security report for aid workers": the document is the source
DOCUMENT_RULE = "source:named-document"  # "according to excerpts of a document", "according to a report"
_DOCUMENT_SOURCE = compile_fast(
    r"(?<=ccording to )(?:an?\s+|the\s+)?(?P<org>(?:[\w-]+\s+){0,3}(?:report|assessment|document|memo|tally|database|survey|count)"
    r"(?:\s+(?:for|by|of|from)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?)(?=\s*(?:[,.;]|seen\b|obtained\b|published\b|released\b|$))")
# "according to the UN", "according to Willy Malikidogo, chief of ...": a name and its role in apposition
_ACCORDING = regexes.compile(r"according\s+to\s+(?:(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}|(?:[A-Z][\w'’.-]+\s+){1,3}?[A-Z][\w'’-]+,\s+(?:the\s+)?)$", re.I)
# "said Ahmad Khan, spokesman for the provincial police chief": a role in apposition to the one who speaks
_SAID_NAME_ROLE = regexes.compile(r"\b(?:said|says|declared|told\s+\w+)\s+(?:[A-Z][\w'’.-]+\s+){1,3}?[A-Z][\w'’-]+,\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$")
# "..., said police spokesman Ali Hassan.": the speaker named after the verb, closing the sentence (not "said
# the army shelled the village", where the army is who acted)
_SAID_BEFORE = regexes.compile(r"\b(?:said|says|added|declared|reported|stated)\s+(?:the\s+|a\s+|an\s+)?(?:(?-i:[a-z])[\w-]+\s+){0,2}$")
# "disclosed by a military source", "as reported by the health ministry": the one who tells it, in the passive
_TOLD_BY = compile_fast(rf"\b(?:(?:reported|disclosed|confirmed|announced|documented|released|issued|published|stated|given)\s+by"
                        rf"|{_COUNT_FROM})\s+(?:the\s+|an?\s+)?(?:(?-i:[A-Z])[\w-]*['’]s\s+)?$", re.I)
# "according to Lionel Lazarre, deputy spokesman for Haiti's National Police": the body its spokesman speaks for
_SPOKESMAN_FOR = compile_fast(r"\b(?:spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]+(?:'s|’s)\s+)?$", re.I)
_INVERTED_END = regexes.compile(r"(?:\s+(?:spokes(?:man|woman|person)|chief|commander|official|officer|head|director))?"
                           r"(?:\s+(?:[A-Z][\w'’.-]*))*"
                           # "..., said Governor William Villamizar of the Norte de Santander department that includes
                           # Catatumbo.": the speaker's own place after the name
                           r"(?:\s+(?:of|for|in)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?:(?-i:[A-Z])[\w'’-]*|de|del|al|of|"
                           r"department|province|region|state|district|county|governorate|oblast))*)?"
                           # "..., said an official from the group.": whose official, in a few plain words
                           r"(?:\s+(?:from|of|with)\s+(?:the|an?|its|their)\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)?"
                           r"\s*(?:[,.;]|$|(?=\s+(?:that|which|who)\b))")
# "declared Amani K., president of an association of farmers' groups": the body the speaker heads, named in words
_HEADS_OF = ("president of", "head of", "chairman of", "chairwoman of", "leader of", "coordinator of", "director of")
_SAID_NAME_HEAD_OF = regexes.compile(
    r"\b(?:said|says|declared)\s+(?:[A-Z][\w'’.-]+\s+){1,3}?[A-Z][\w'’-]+,\s+(?:the\s+)?"
    r"(?:president|head|chairman|chairwoman|leader|coordinator|director)\s+of\s+(?:the\s+|an?\s+)?"
    r"(?P<org>(?!(?:the|an?)\s)[\w'’-]+(?:\s+(?:of|for)\s+[\w'’-]+(?:\s+[\w'’-]+)?|\s+(?!(?:in|at|on|near|from|who|which|that|and|said|says|told)\b)[\w'’-]+){0,3})", re.I)
_SAID_AFTER = regexes.compile(
    r"^(?:(?:[^.;]|(?:Gen|Col|Lt|Maj|Capt|Brig|Sgt|Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|Jr|St)\.){0,40}?)\b(?:said|says|say|reported|reports|told|tells|telling|(?<!an )(?<!the )(?:estimates|estimated)|documented|recorded|confirmed|announced|acknowledged|disclosed|posted(?=\s+(?:on\s+(?:its|his|her|their|the|Telegram|X|Facebook|Twitter|social)|online|an?\s+(?:statement|message|video|photo|photograph|post)|that))|put|gave(?=\s+(?:an?|the|its|his|her|their)\s)|added|cited|stated|wrote|writes|tweeted|noted|accused|claimed(?!\s+(?:the\s+)?li)|claims?(?!\s+(?:the\s+)?li|\s+(?:responsibility|credit))|released|issued|published|recalls|recalled|(?:ha[sd]|have)\s+alleged|alleged\s+that)\b",
    re.I,
)


@functools.cache
def sources_not_in(country: str | None) -> frozenset[str]:
    """Ids of the source entries that name no source in news of ``country``
    (column ``countries``: "SY" only there, "!SY" anywhere but there).  An
    article whose country is unknown reads as Syria's, as the lexicon always has."""
    where = country or "SY"
    out = set()
    for e in lexicon.entries("sources"):
        codes = e.values[1].split(";") if len(e.values) > 1 and e.values[1] not in ("", "*") else []
        if not codes:
            continue
        if any(c.startswith("!") for c in codes):
            if where in {c[1:] for c in codes}:
                out.add(e.id)
        elif where not in codes:
            out.add(e.id)
    return frozenset(out)


def is_body(entry: lexicon.Entry) -> bool:
    """Whether a source lexicon entry is a counting body (column ``kind``):
    a monitor, a UN body, an NGO, not an outlet or an official by role."""
    return len(entry.values) > 2 and entry.values[2] == "body"


@functools.cache
def _news_ids() -> frozenset[str]:
    return frozenset(e.id for e in lexicon.entries("sources") if len(e.values) > 2 and e.values[2] == "news")


def is_news(h: Hit) -> bool:
    """Whether a source hit names a news outlet or agency (column ``kind``)."""
    return h.rule.split(":", 1)[-1].split("#")[0] in _news_ids()


_VIA = regexes.compile(r"\s*\((?:via|from)\b.*$", re.I)


@functools.cache
def publisher_source(outlet: str | None) -> str | None:
    """The counting body that published the document ("ACAPS (via
    ReliefWeb)", "UN OCHA", "IOM"), by its lexicon name: a report's own
    figures are that body's, not an outlet's.  None for news outlets and
    unknown publishers."""
    if not outlet:
        return None
    name = _VIA.sub("", outlet).strip()
    for e in lexicon.entries("sources"):
        if is_body(e) and e.values[1] == "*" and e.regex.search(name):
            return e.value
    return None


@functools.cache
def _role_ids() -> frozenset[str]:
    """The ids of the source lexicon's officials and people by role (column ``kind``)."""
    return frozenset(e.id for e in lexicon.entries("sources") if len(e.values) > 2 and e.values[2] == "role")


def is_role(value: str) -> bool:
    """Whether a source value is an official by role, still to be told where
    ("{where} regional governor")."""
    return "{" in value


# the place or country written right before a role ("Kharkiv regional governor",
# "Nigeria's police", "the Gaza health ministry") or after it ("the governor of
# Belgorod region", "mayor of Bankass")
_PLACE_BEFORE = regexes.compile(r"(?:^|(?<=\s))(?P<where>(?:(?!(?:The|A|An|According|But|And|In|On|At|Local|Senior|Its|Their|His|Her|This|That|Meanwhile|However|Earlier|Later|Also|Police|Deputy|Acting|Governor|Mayor|Officials?)\b)(?:[A-Z][\w'’-]+|(?:[A-Z]\.){2,})(?:'s|’s)?\s+){1,3})$")
_PLACE_AFTER = regexes.compile(r"\s+(?:of|for|in)\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]+\s+){0,3}(?:commune|municipality|district|department|division|prefecture|town|city|province|state|region|county)\s+of\s+)?(?P<where>[A-Z][\w'’-]+(?:\s+(?:(?:de|del|la|el|al)\s+)?[A-Z][\w'’-]+){0,2})")
# "Governor William Villamizar of the Norte de Santander department": the holder's name between the role and its place
_NAME_BEFORE_PLACE = regexes.compile(r"(?:\s+(?-i:[A-Z])[\w'’.-]+){1,3}?(?=\s+(?:of|for)\s)")
_TYPE_WORDS = regexes.compile(r"(?:'s|’s)$|\s+(?:[Rr]egion|[Pp]rovince|[Ss]tate|[Cc]ounty|[Dd]istrict|[Oo]blast|[Gg]overnorate|[Cc]ity|[Mm]unicipality|[Ll]ocality)$")
_DOTTED = regexes.compile(r"\b(?:[A-Z]\.){2,}")
_NOT_A_PLACE = regexes.compile(r"^(?:Mr|Mrs|Ms|Dr|General|Gen|Colonel|Col|Major|Captain|Lieutenant|President|Prime|Minister|Spokesman|Chief|Commander)\b")


# officials of a region or town (source lexicon ids): a country's adjective before them is not their place
_LOCAL_ROLES = frozenset({"governor", "military-administration", "mayor", "local-chief"})


_POSSESSIVE_END = regexes.compile(r"['’]s$")
# "the region's governor": the unit the official serves, by its adjective
_UNIT_OWNS = regexes.compile(r"\bthe\s+(?P<unit>region|province|oblast|state|district)['’]s\s+(?:(?:acting|deputy|new|former)\s+)?$", re.I)
_UNIT_ADJECTIVE_START = regexes.compile(r"(?P<rank>(?:acting|deputy)\s+)?(?:(?:regional|provincial|state|district)\s+)?", re.I)
_UNIT_ADJECTIVE = {"region": "regional", "oblast": "regional", "province": "provincial", "state": "state", "district": "district"}


def role_id_of(rule: str) -> str:
    """The sources lexicon id of a source's rule ("source:governor#2" -> "governor",
    "source:inherited:army#1" -> "army")."""
    return rule.rsplit(":", 1)[-1].split("#")[0]


def role_hit(template: str, text: str, s: int, e: int, rule: str) -> Hit:
    """A role's source, with the place the text gives it (and the words of
    that place in its span), or still with ``{where}`` when it gives none."""
    role = re.sub(r"\s+", " ", text[s:e]).strip()
    role = re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.I)
    as_written = role.lower() if role[:1].isupper() and " " not in role and not role.isupper() else role  # "Governor" -> "governor"
    role_id = role_id_of(rule)
    if (unit := _UNIT_OWNS.search(text, max(0, s - 30), s)) is not None and role_id in _LOCAL_ROLES:
        # "the region's acting governor": the regional governor, as the gold guide names officials by role
        held = _UNIT_ADJECTIVE_START.match(as_written)
        as_written = f"{held.group('rank') or ''}{_UNIT_ADJECTIVE[unit.group('unit').lower()]} {as_written[held.end():]}"
    where = None
    before = _PLACE_BEFORE.search(text, max(0, s - 60), s)
    if before and not _NOT_A_PLACE.match(before.group("where")) and not _BARE_HEAD.fullmatch(before.group("where").strip()):
        where = before.group("where").strip()
    else:
        before = None
        after = _PLACE_AFTER.match(text, e)
        if after is None and text[s:s + 1].isupper() and (name := _NAME_BEFORE_PLACE.match(text, e)) is not None:
            after = _PLACE_AFTER.match(text, name.end())
        if after and not _NOT_A_PLACE.match(after.group("where")):
            where = after.group("where")
    if role_id in ("witnesses", "residents", "survivors"):
        where = None  # "Taiz resident Abdul Aziz Mohammed said": a witness, whose place is no part of who speaks
    if where and role_id in _LOCAL_ROLES and world.is_country_word(where):
        where = None  # "the Ukrainian governor": a governor of a region, not of the country (the role alone)
    elif where and template == "{where} government" and world.is_country_word(where):
        # "Somali authorities": the country's government, by the country's name (gold guide)
        return Hit(before.start("where") if before is not None else s, e,
                   template.replace("{where}", world.demonym_as_name(where) or _TYPE_WORDS.sub("", where)), rule)
    if where:  # the body as the text names it ("the Gaza health ministry", "Ukraine's emergency service")
        start = before.start("where") if before is not None and where == before.group("where").strip() else s
        where = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), where)  # "the U.S. military": the US military
        where = _TYPE_WORDS.sub("", where) if start == s else where
        if "{text}" not in template and "inist" in template:
            # a ministry has one name whatever the wording: "Azerbaijani Ministry of Defense" is
            # the "Azerbaijan defence ministry" (a country's ministries by the country's name)
            name = world.demonym_as_name(where) or _TYPE_WORDS.sub("", where)
            return Hit(start, e, template.replace("{where}", name), rule)
        # (the possessive is no part of the name: "Cameroon's state television" is the Cameroon state television)
        return Hit(start, e, f"{_POSSESSIVE_END.sub('', where)} {as_written}", rule)
    return Hit(s, e, template.replace("{text}", as_written), rule)


# humanitarian reports cite their sources in brackets: "(source: State Ministry of Health and HAC)"
_CITED = regexes.compile(r"\((?:source|sources)\s*:\s*(?P<org>[^);]{2,80})\)", re.I)


def _cited_source(text: str, country: str | None) -> Hit | None:
    """The first body a bracketed "(source: ...)" names, by its lexicon name
    when it has one ("IOM" is the UN)."""
    m = _CITED.search(text)
    if m is None:
        return None
    first = re.split(r"\s+and\s+|\s*,\s*|\s*/\s*", m.group("org").strip())[0]
    s = m.start("org")
    known = [(a, b, ent) for a, b, ent in lexicon.scan("sources", first, without=sources_not_in(country))
             if b - a == len(first) and not is_role(ent.value)]
    return Hit(s, s + len(first), known[0][2].value if known else first, "source:cited#0")


def sources_in(text: str, country: str | None = None) -> list[Hit]:
    """Attributed sources in a sentence, best first.  A source counts only
    when the sentence attributes something ("said", "according to"); one
    that is told something ("told AFP") is not the source.  ``rule`` ends
    with the strength of the attribution (0 = "according to X", 1 = "X
    said", 2 = named in an attributing sentence)."""
    if "ource" in text and (cited := _cited_source(text, country)) is not None:
        return [cited]
    if not _ATTRIBUTION.search(text):
        # FA-KES often drops the verb: "... killed 16 ISIL terrorists the UK-based Syrian Observatory."
        offset = max(0, len(text) - 90)
        tail = [(s + offset, e + offset, ent) for s, e, ent in lexicon.scan("sources", text[offset:], without=sources_not_in(country))]
        # (a body only: "..., a Haifa resident." ends a sentence with a person, not the one who told it)
        return [Hit(s, e, ent.value, f"source:{ent.id}#1") for s, e, ent in tail
                if len(text) - e <= 3 and not is_role(ent.value) and ent.id not in _role_ids()]
    # a role keeps its template until it proves to be the one who speaks (see below)
    hits = [Hit(s, e, ent.value, f"source:{ent.id}") for s, e, ent in lexicon.scan("sources", text, without=sources_not_in(country))]
    for rx, rule, holds in ((_ORG, "source:named-organisation", _ANY_ORG_HEAD.search),
                            (_GENERIC_SOURCE, "source:named-sources", lambda t: "source" in t),
                            (_STATE_SOURCE, "source:named-institution", lambda t: any(w in t for w in _INSTITUTION_WORDS)),
                            (_DOCUMENT_SOURCE, DOCUMENT_RULE, lambda t: "ccording to" in t)):
        if not holds(text):
            continue  # every match holds an organisation word, "source" or an institution word
        for m in rx.finditer(text):
            s, e = m.start("org"), m.end("org")
            if any(s < h.end and h.start < e for h in hits):
                continue
            if rule == "source:named-organisation" and _PLACE_UNIT_HEAD.search(m.group("org")) and _IN_BEFORE.search(text, max(0, s - 12), s):
                continue  # "In the Choco Department, 21 mass displacements were recorded": a place, not a body
            raw = m.group("org")
            e = s + len(raw.rstrip())  # the name ends before any trailing space
            # (less where it is based: "the Islamabad-based Pakistan Institute for Conflict and Security Studies")
            org = re.sub(r"^(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’.]*-based\s+)?", "", raw.strip(), flags=re.I)
            # "Agency spokesman Mahmud Bassal said": the agency named before, not one called "Agency" (extract/figures.py)
            bare = rule == "source:named-organisation" and _BARE_HEAD.fullmatch(org) is not None
            s = e - len(org)
            if not bare and (acronym := _ACRONYM_AFTER.match(text, e)) is not None:
                # "The National Emergency Management Agency (NEMA) said": the name and the short name the text
                # gives it, since news and analysts call it by either
                org = f"{org} ({acronym.group(1)})"
            hits.append(Hit(s, e, org, BARE_HEAD_RULE if bare else rule))
    hits += [h for h in _capitals_in(text) + _countries_speaking(text) if not any(h.start < o.end and o.start < h.end for o in hits)]
    if "," in text:
        # "according to Ko Zaw Tun, an anti-coup fighter from the village", "Aung Min, a local teacher, told AFP": a person
        # the text names and describes, by the description (no lexicon knows every trade)
        for m in (m for rx in _DESCRIBED_PERSONS for m in rx.finditer(text)):
            if not any(m.start("role") < h.end and h.start < m.end("role") for h in hits):
                hits.append(Hit(m.start("role"), m.end("role"), m.group("role"), DESCRIBED_RULE))
    if country is not None and country != world.SYRIA:
        groups = _groups_in(text, hits)
        inner = [h for h in hits if any(g.start <= h.start and h.end <= g.end for g in groups)]
        # a group whose name holds a role word ("the Arakan Army said") by its name as written
        groups = [Hit(g.start, g.end, text[g.start:g.end], g.rule) if any(g.start <= h.start and h.end <= g.end for h in inner)
                  else g for g in groups]
        hits = [h for h in hits if h not in inner] + groups
    if "the " in text or "The " in text:
        for m in _THE_BODY.finditer(text):
            if not any(m.start("org") < h.end and h.start < m.end("org") for h in hits):
                # "The ministry claimed ...": the body named before (extract/figures.py _body_named_before)
                hits.append(Hit(m.start("org"), m.end("org"), m.group("org").capitalize(), BARE_KIND_RULE))
    if any(w in text for w in _HEADS_OF):
        for m in _SAID_NAME_HEAD_OF.finditer(text):
            if not any(m.start("org") < h.end and h.start < m.end("org") for h in hits):
                hits.append(Hit(m.start("org"), m.end("org"), m.group("org"), "source:headed-body"))
    if "spokes" in text:
        hits = _spokesman_of_a_body_is_the_body(sorted(hits, key=lambda h: h.start), text)
    ranked = []
    relative = [(m.start(), m.end()) for m in _RELATIVE.finditer(text)]
    if "–" in text or "—" in text:
        relative += [(m.start(), m.end()) for m in _DASHED.finditer(text)]
    byline = _BYLINE.match(text)
    for h in hits:
        before = text[max(0, h.start - 40): h.start]
        if _RECIPIENT.search(before):
            continue
        if byline is not None and h.end <= byline.end():
            continue  # "BANGKOK (AP) —", "(CNN)": who wrote the story, not who gave its numbers
        # ", which briefs UN agencies," or "of Oicha, which is in North Kivu province," before the verb: the speaker's own clause
        after = _RELATIVE_AT_START.sub(" ", text[h.end: h.end + 200], count=1)
        if "who" in after[:30]:
            # "A resident in the area who spoke to our correspondent in confidence said": the speaker's own clause
            after = _WHO_SPOKE.sub(" ", after, count=1)
        if (dashed := _DASHED.match(after.lstrip())) is not None:
            # "The Civil Defence – first responders who operate under the Hamas-run government – said"
            after = " " + after.lstrip()[dashed.end():]
        if (of := _OF_PLACE_RELATIVE.match(after)) is not None:
            after = of.group(1) + " " + after[of.end():]
        elif (own := _ROLE_PLACE.match(after)) is not None and is_role(h.value):
            # "David Dibango, local prefect for the West Region department of Bamboutos, told local radio": the
            # role's own place in apposition, then the verb
            after = after[own.end():]
        said = None
        if _AMONG_THE_VICTIMS.match(after):
            strength = 2  # "26 Muslim villagers among the deceased": the victims, not who tells
        elif h.rule == GROUP_RULE and _GROUP_COUNTS.match(text, _past_apposition(text, h.end)):
            strength = 1  # "The Arakan Army has identified 26 villagers among the deceased": the group's own count
        elif h.rule == DESCRIBED_RULE:
            strength = 0 if "ccording" in text[max(0, h.start - 80): h.start] else 1  # found only beside its verb
        elif _WORKS_AT.search(before) and _SAYS_NEXT.match(text, h.end):
            strength = 1  # "Jules Kambale, who works in the Oicha hospital morgue, said": the speaker's workplace speaks
        elif any(s < h.start and h.end <= e for s, e in relative):
            strength = 2  # named inside ", which briefs UN agencies,"
        elif _ACCORDING.search(before) or ("," in before and _SAID_NAME_ROLE.search(text, max(0, h.start - 80), h.start)):
            strength = 0
        elif _TOLD_BY.search(before) or _SPOKESMAN_FOR.search(before) or _FIGURES_BY.search(before):
            strength = 0  # (and "according to casualty figures released by the Houthis": whose figures they are)
        elif _said_before(before, h) and _INVERTED_END.match(text, h.end):
            strength = 0  # "..., said Police Capt. Mohamed Hussein.", "said a local police commander.": the speaker, named
        elif (said := _SAID_AFTER.match(after[:50])) and not any(
                h.end <= o.start < h.end + said.end() and not _coordinated(text, h.end, o.start, h.end + said.end())
                and not any(s <= o.start and o.end <= e for s, e in relative) for o in hits):
            strength = 1  # "X said", and each of "X and Y said"
        else:
            strength = 2
        if strength == 1 and _ACCUSED.match(after):
            strength = 2  # "Myanmar's military has been accused of launching": blamed, not speaking
        if strength == 1 and said is not None and _PRONOUN_SPEAKS.search(after[:said.end()]):
            strength = 2  # "two male police officers and four civilians, they added": the pronoun speaks, not the police
        if h.rule in ("source:capital", GROUP_RULE) and strength == 2:
            continue  # a capital or an armed group is a source only as the one who speaks ("according to Baku", "Moscow said",
            # "the separatists announced that"): elsewhere the group is who acted
        if is_role(h.value) or h.rule.split(":", 1)[1] in _role_ids():
            if strength == 2:
                continue  # a role counts only as the one who says it ("the army said"): elsewhere it is who acted
            h = role_hit(h.value, text, h.start, h.end, h.rule) if is_role(h.value) else h
        ranked.append(Hit(h.start, h.end, h.value, f"{h.rule}#{strength}"))
    ranked.sort(key=lambda h: (strength_of(h), h.start))
    return ranked


_APPOSITION = regexes.compile(r"\s*,\s*(?:a|an|the)\s+[^,.;“”\"]{1,80},", re.I)


def _past_apposition(text: str, end: int) -> int:
    """Where the text goes on after a name's apposition (", a prominent ethnic
    militia fighting for regional autonomy,"), or ``end`` when none follows."""
    m = _APPOSITION.match(text, end)
    return m.end() if m else end


_AMONG_THE_VICTIMS = regexes.compile(r"\s+among\s+(?:the\s+)?(?:dead|deceased|slain|victims|killed|wounded|injured)\b", re.I)
_GROUP_COUNTS = regexes.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:identified|documented|recorded|counted|registered|verified)\b",
                                re.I)
DESCRIBED_RULE = "source:described-person"
_PERSON_NAME = r"(?-i:[A-Z][\w'’.-]+)(?:\s+(?-i:[A-Z][\w'’.-]+)){1,3}"
_DESCRIPTION = r"(?:a|an)\s+(?P<role>(?:[\w-]+\s+){0,2}?(?:fighter|witness|survivor|farmer|teacher|trader|driver|elder|student|nurse|doctor|medic|journalist|activist|lawyer|pastor|priest|imam|chief|leader|worker|volunteer|official|commander|member))\b"
_DESCRIBED_PERSONS = (
    regexes.compile(rf"(?:\baccording\s+to\s+|\b(?:said|says|told\s+\w+)\s+){_PERSON_NAME},\s+{_DESCRIPTION}", re.I),
    regexes.compile(rf"(?:^|[,;]\s+|\.\s+){_PERSON_NAME},\s+{_DESCRIPTION}[^,.;]{{0,40}},\s+(?:said|says|told)\b", re.I))
_FIGURES_BY = regexes.compile(r"\b(?:toll|tally|count|figures?|data|estimates?|statistics)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:given|released|provided|issued|published|compiled|announced|gathered)\s+by\s+(?:the\s+)?$", re.I)
_WORKS_AT = regexes.compile(r",\s*who\s+(?:works|worked|is\s+employed|volunteers)\s+(?:in|at|for|with)\s+(?:the\s+|a\s+)?$", re.I)
_SAYS_NEXT = regexes.compile(r"\s*,\s*(?:said|says|told)\b", re.I)


def _said_before(before: str, h: Hit) -> bool:
    """Whether a verb of saying ends ``before`` (the text before a hit), also
    across the place a role's name opens with ("..., said Lebanese military
    sources": the place is the role's, ``_PLACE_BEFORE``)."""
    if _SAID_BEFORE.search(before):
        return True
    if not (is_role(h.value) or h.rule.split(":", 1)[1] in _role_ids()):
        return False
    place = _PLACE_BEFORE.search(before)
    return place is not None and _SAID_BEFORE.search(before, 0, place.start()) is not None


def _spokesman_of_a_body_is_the_body(hits: list[Hit], text: str) -> list[Hit]:
    """"a BINUH spokesman told AFP", "spokesman for the provincial police
    chief": a spokesman right before or after a body the lexicon knows
    speaks for it; the spokesman is no source of his own."""
    out: list[Hit] = []
    starts = {h.start for h in hits}
    for h in hits:
        if h.rule == "source:spokesperson" and out and _ADJOINS.fullmatch(text, out[-1].end, h.start):
            out[-1] = Hit(out[-1].start, h.end, out[-1].value, out[-1].rule)
            continue
        if h.rule == "source:spokesperson" and (of := _FOR_THE.match(text, h.end)) is not None and of.end() in starts:
            continue  # "spokesman for the provincial police chief": the one he speaks for
        out.append(h)
    return out


# (', they added', ',” he said': the pronoun after a closing quote too)
_PRONOUN_SPEAKS = regexes.compile(r"[,.!?][\"”’']?\s+(?:they|he|she|it|we)\s+(?:(?:also|later|then|further)\s+)?[\w-]+$", re.I)
_ADJOINS = regexes.compile(r"(?:'s|’s)?\s")
_FOR_THE = regexes.compile(r"\s+(?:for|of)\s+(?:the\s+)?", re.I)
GROUP_RULE = "source:armed-group"
BARE_HEAD_RULE = "source:bare-head"
BARE_KIND_RULE = BARE_HEAD_RULE + "-lower"  # "the ministry claimed": a body named before, or nobody
_GROUP_NOUN = regexes.compile(r"\s+(?:forces|fighters|groups?|movement|militias?)\b", re.I)
_NOT_SUBJECT_BEFORE = regexes.compile(r"\b(?:by|from|of|against|on|with|at|to|between|and)\s+(?:the\s+|an?\s+)?(?:(?-i:[A-Z])[\w'’-]+\s+){0,3}$", re.I)
# "JNIM itself claimed responsibility for killing nearly 300": a claim that gives the number tells it
_CLAIMED_KILLING = r"claimed\s+(?:responsibility|credit)\s+for\s+(?:killing|the\s+(?:killing|deaths?)\s+of)\b"
# the group's own telling verb, in its clause ("the separatist forces had earlier announced that")
_GROUP_TELLS = regexes.compile(r"(?:\s+(?:forces|fighters|groups?|movement|militias?))?(?P<gap>[^.;,“”\"]{0,40}?)\b(?:said|says|say|announced|"
                               rf"stated|told|reported|reports|confirmed|added|cited|claimed\s+(?:that|to\s+have)|{_CLAIMED_KILLING}|wrote|posted|{_CLAIMS_A_COUNT}|"
                               # "The Arakan Army has identified 26 villagers among the deceased": the group's own count
                               r"(?:has\s+|have\s+)?(?:identified|documented|recorded|counted|registered|verified))\b",
                               re.I)
# a count, a dash or the group's own deed between it and a telling word: the group acted, someone else tells
_ACTS_BEFORE_TELLING = regexes.compile(r"\d|[–—]|\s-\s|\b(?:kill(?:s|ed|ing)?|attack(?:s|ed|ing)?|wound(?:s|ed|ing)?|abduct(?:s|ed|ing)?|storm(?:s|ed)?)\b", re.I)
# a count before a group: its dead or its captured, not its voice ("Two Taliban officials said" speaks)
_COUNTED_BEFORE = regexes.compile(r"(?:\b\d[\d,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                  r"dozens?|scores|hundreds|several|some|many)(?:\s+of)?)\s+(?:(?:suspected|unidentified|armed|alleged)\s+)?$", re.I)
_OWN_VOICE = regexes.compile(r"\b(?:officials?|commanders?|spokes(?:man|woman|person|people)|sources?|leaders?|representatives?)\b", re.I)
_ACCORDING_TO_BEFORE = regexes.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)
_NOT_ITSELF = regexes.compile(rf"[-‐]|['’]s\b|\s+(?:has\s+|have\s+|had\s+)?(?!{_CLAIMED_KILLING})claimed\s+(?:responsibility|credit)\b", re.I)


@functools.cache
def _is_a_state(actor: str) -> bool:
    """Whether an actor lexicon value names a state or a coalition of states
    ("Israel", "Sudan government", "US-led coalition"), not an armed group
    (Hezbollah and Wagner fight on a government's side, and are groups)."""
    states = {name for c in world.countries().values() for name in (c.name, c.government)}
    return actor in states or actor.endswith(("government", "coalition"))


def _groups_in(text: str, taken: list[Hit]) -> list[Hit]:
    """Armed groups named where they may speak for themselves ("The separatist
    forces had earlier announced that 9 soldiers were killed", "the Taliban
    said"): each by its name, or a group with no name by the words the text
    gives it.  A state's forces speak as roles ("the army said"); a group's
    own bodies ("Hamas-run health ministry", "al-Shabaab's spokesman") and its
    claims of an attack are not the group telling a number."""
    out = []
    for s, e, ent in lexicon.scan_each("actors", text):
        if _is_a_state(ent.value) or ent.id == "terrorist" or _NOT_ITSELF.match(text, e):
            continue
        figures_by = _FIGURES_BY.search(text, max(0, s - 60), s) is not None  # "casualty figures released by the Houthis"
        # (a role word inside the group's name is the name's: the "Army" of "Arakan Army")
        if any(s < h.end and h.start < e and not (is_role(h.value) and s <= h.start and h.end <= e) for h in taken + out) or (
                not figures_by and _NOT_SUBJECT_BEFORE.search(text, max(0, s - 40), s)):
            continue  # "fired by Boko Haram jihadists, army sources told AFP": who acted, not who tells
        tells = _GROUP_TELLS.match(text, _past_apposition(text, e))  # (", a prominent ethnic militia ...,": who it is)
        if tells is not None and _ACTS_BEFORE_TELLING.search(tells.group("gap")):
            tells = None  # "Boko Haram militants kill 23 Chadian soldiers – Reports": who acted, and who reports it
        if tells is not None and _COUNTED_BEFORE.search(text, max(0, s - 30), s) and not _OWN_VOICE.search(tells.group("gap")):
            tells = None  # "confirming the killing of three militants in the shootout said": counted, so the dead
        if not (tells or _ACCORDING_TO_BEFORE.search(text, max(0, s - 20), s) or figures_by):
            continue  # "armed separatist groups" and claimed the lives of four soldiers": no telling verb of its own
            # (but "according to casualty figures released by the Houthis": the group's own count)
        if ent.value in ("opposition", "gang"):  # no name: the words the text gives it ("separatist forces")
            noun = _GROUP_NOUN.match(text, e)
            e = noun.end() if noun else e
            out.append(Hit(s, e, text[s:e], GROUP_RULE))
        else:
            out.append(Hit(s, e, ent.value, GROUP_RULE))
    return out


# a wire's or broadcaster's credit opening the story, after a dateline or alone
_BYLINE = regexes.compile(r"(?:[A-Z][A-Z .'’-]{1,40}(?:,[^()\n]{0,40})?)?\((?:[A-Z][A-Za-z]{1,12}(?:\s*/\s*[A-Z][A-Za-z]{1,12})?)\)\s*(?:[—–-]+|(?=[A-Z]))")


def _capitals_in(text: str) -> list[Hit]:
    """Capitals named as their governments (lexicon ``metonyms``, "capital"),
    each valued as that government ("Baku" -> "Azerbaijan government")."""
    out = []
    for s, e, ent in lexicon.scan("metonyms", text, case_sensitive=True):
        if ent.value != "capital" or re.search(r"(?<!according )\b(?:in|at|from|near|of|to|into|on|over|for)\s+"
                                               r"(?:(?:east|west|north|south|central|eastern|western|northern|southern)\s+)?$",
                                               text[max(0, s - 26): s], re.I):
            continue  # "residents in Damascus said", "Health chief for east Baghdad, ..., told": the place they are in
        if text[e: e + 1] in ("-", "‐") or text[max(0, s - 1): s] in ("-", "‐"):
            continue  # "a Beirut-based NGO", "pro-Damascus media": an allegiance or a seat, not a government speaking
        place = geo.resolve(text[s:e])
        cc = world.state_of(place.country) if place.resolved and place.country else None
        if cc in world.countries():
            out.append(Hit(s, e, world.countries()[cc].government, "source:capital"))
    return out


_COUNTRY_SPEAKS = regexes.compile(r"\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:said|says|claimed|claims|announced|reported|stated|estimated)\b")


def _countries_speaking(text: str) -> list[Hit]:
    """A country named as the one who says it ("Russia said that 2,000 people
    had been killed"), valued as its government, as a capital is."""
    out = []
    for s, e, iso, as_name in world.country_words(text):
        if as_name and iso in world.countries() and _COUNTRY_SPEAKS.match(text, e) \
                and not re.search(r"\b(?:in|at|from|near|of|to|into|on|over|and|by|with|against)\s+$", text[max(0, s - 9): s], re.I):
            out.append(Hit(s, e, world.countries()[iso].government, "source:capital"))
    return out


_ACCUSED = regexes.compile(r"\s*(?:has\s+been|have\s+been|had\s+been|was|were|is|are|being|stands?)\s+(?:\w+\s+)?accused\b", re.I)


def _coordinated(text: str, end: int, other: int, verb_end: int) -> bool:
    """Whether a source ending at ``end`` and another at ``other`` speak
    together ("army and government sources said", "Police, medics and
    witnesses said"): joined by "and", or by a comma in a list that "and"
    closes before the verb (not "forces loyal to the government, hospital
    officials said")."""
    if not _COORDINATED.fullmatch(text, end, other):
        return False
    return "," not in text[end:other] or _AND.search(text, other, verb_end) is not None


_AND = regexes.compile(r"\band\b|&")


_PLACE_UNIT_HEAD = regexes.compile(r"\b(?:Department|Region|Authority|Authorities)$")
_IN_BEFORE = regexes.compile(r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout)\s+(?:the\s+)?$")


def strength_of(h: Hit) -> int:
    return int(h.rule.rsplit("#", 1)[1]) if "#" in h.rule else 2


_NOT_AN_AGENT = compile_fast(
    r"\b(?:rebel|opposition|militant|jihadist|regime|government|IS|ISIS|ISIL|Daesh|Islamic\s+State(?:\s+group)?|Kurdish|HTS|insurgent|Nusra|al-Qaeda|Qaeda)[\s-]+(?:group[\s-]+)?(?:held|dominated|controlled|run|bastions?|strongholds?|areas?|territory|territories|enclaves?|towns?|cities|city|districts?|positions?|parts?|region|side|backer|backers|supporters?|sources?|media|officials?|spokesman|delegation|negotiators?)\b|\b(?:last|former)\s+(?:rebel|opposition|jihadist|militant)\b"
    # "whether the 16 others were civilians or IS fighters": who the dead were, not who killed them
    r"|\b(?:civilians|people|others)\s+or\s+(?:IS|ISIS|ISIL|Daesh|DAESH|regime|rebel|opposition|government|pro-government|"
    r"Kurdish|Nusra|jihadist)\s+(?:fighters|militants|members|soldiers|troops|combatants|extremists|terrorists|jihadists|gunmen|elements)\b"
    # "there were no rebel fighters near the positions they struck": denied, not an agent
    r"|\b(?:no|not\s+any|without\s+any)\s+(?:(?:rebel|opposition|militant|jihadist|armed|insurgent|IS|Hamas|Hezbollah)\s+)?"
    r"(?:fighters|militants|rebels|jihadists|insurgents|gunmen|soldiers|troops|military\s+(?:targets|positions|presence))\b",
)


# the two sides that name a war are no one's agent: "since the latest round of Hamas-Israel conflict started",
# "the Russia-Ukraine war", "the Israel-Hezbollah ceasefire"
_BELLIGERENTS_OF = compile_fast(r"\b[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?\s?[-–/]\s?[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?\s+"
                                r"(?:conflict|war|fighting|hostilities|ceasefire|truce|front)\b")


# who speaks for a body is no agent: "a spokesperson for the Kachin Independence Army, said",
# "Mexico's security ministry condemned the attack"
_SPEAKS_FOR = regexes.compile(r"\b(?:spokes(?:man|woman|person)|representatives?)\s+(?:for|of)\s+(?:the\s+)?[^,.;]{1,60}"
                         # "according to Hezbollah's Al-Manar TV": a group's own media speak, they do not attack
                         r"|\b[\w-]+['’]s\s+(?:[\w-]+\s+){0,2}?(?:TV|television|radio|channel|media(?:\s+office)?|news\s+agency|"
                         r"newspaper|mouthpiece|(?:health|interior|defen[cs]e)\s+ministry)\b", re.I)
_SPEAKER_CLAUSE_PARTS = (
    (r"(?:^|(?<=[,;]))[^,;]{1,60}?\s+(?:condemned|denounced|denied|deplored|mourned|welcomed|praised|vowed|urged)\b",
     ("condemned", "denounced", "denied", "deplored", "mourned", "welcomed", "praised", "vowed", "urged")),
    # "..., Kachin militants and activists and local media said Tuesday": who says it
    (r"(?<=[,;])\s*(?:[\w'’-]+\s+){1,8}?(?:said|say|says)\b", ("said", "say")),
    # "a town where the headquarters of the rebel KIA is based": a place, not an agent
    (r"\b(?:headquarters|stronghold|bastion|heartland|base)\s+of\s+(?:the\s+)?[^,.;]{1,40}",
     ("headquarters", "stronghold", "bastion", "heartland", "base")),
)  # (each part with the words one of which its every match holds)
_SPEAKER_CLAUSE = regexes.compile("|".join(p for p, _ in _SPEAKER_CLAUSE_PARTS), re.I)


@functools.cache
def _speaker_clause_of(parts: tuple[bool, ...]) -> re.Pattern[str]:
    """The alternation of the parts of _SPEAKER_CLAUSE that ``parts`` keeps."""
    return regexes.compile("|".join(p for (p, _), keep in zip(_SPEAKER_CLAUSE_PARTS, parts) if keep), re.I)


def _speaker_clauses(text: str):
    """_SPEAKER_CLAUSE's matches in ``text``, searched only with the parts
    whose words the text holds (a part that cannot match changes nothing in
    an alternation's matches; most sentences hold none of the words)."""
    low = lexicon.lowered(text)
    if low is None:
        return _SPEAKER_CLAUSE.finditer(text)
    parts = tuple(any(w in low for w in words) for _, words in _SPEAKER_CLAUSE_PARTS)
    if not any(parts):
        return iter(())
    return _speaker_clause_of(parts).finditer(text)


# "the Hamas-run health ministry", "Houthi-run Saba news agency", "the Russian-administered part": who runs a body or
# a territory, named to say whose it is
_NOT_THE_STATE = regexes.compile(r"[\w'’.-]+\s+(?:Democratic\s+Forces|Democratic\s+Army|Defen[cs]e\s+Forces\s+of\s+the\s+People)", re.I)
_FIGHTING_BETWEEN = regexes.compile(r"\b(?:as|while|amid|with)\s+(?:[\w-]+\s+){0,2}?(?:fighting|clashes|battles?|hostilities)\s+(?:was\s+|were\s+|is\s+|are\s+)?(?:underway\s+|raging\s+|ongoing\s+)?"
                                   r"between\s+(?P<sides>[^,.;]{1,50}?\s+and\s+[^,.;]{1,50}?)(?=[,.;]|$|\s+(?:in|on|near|around|over|for|since)\b)", re.I)
# (of a name of several words too: "the Islamic State group-aligned militants")
_RUN_BY = regexes.compile(r"\b(?-i:[A-Z])[\w'’]*(?:\s+(?:(?-i:[A-Z])[\w'’]*|group|movement|network)){0,3}(?:-[\w'’]+)?"
                          r"-(?:run|administered|funded|backed|linked|affiliated|allied|aligned|owned|inspired|loyal)\b")


def not_an_agent(text: str) -> list[tuple[int, int]]:
    """Spans where an actor's name does not name who did it: place
    descriptions ("rebel-held"), the dateline ("Antakya, Turkey –") and
    who speaks for a body ("a spokesperson for the KIA", "Hezbollah's
    Al-Manar TV", "the ministry condemned the attack")."""
    spans = [(m.start(), m.end()) for m in _NOT_AN_AGENT.finditer(text)]
    if "-run" in text or "-administered" in text or "-funded" in text or "-backed" in text or "-linked" in text \
            or "-affiliated" in text or "-allied" in text or "-aligned" in text or "-owned" in text or "-inspired" in text \
            or "-loyal" in text:
        # ("journalists working for PKK-funded outlets", "Iran-backed Houthis": whose they are, not who acted)
        spans += [(m.start(), m.end()) for m in _RUN_BY.finditer(text)]
    if "war" in text or "conflict" in text or "hostilities" in text or "ceasefire" in text:
        spans += [(m.start(), m.end()) for m in _BELLIGERENTS_OF.finditer(text)]
    if "between" in text:
        # "killed at least 85 civilians as intense fighting was underway between the militants and U.S.-backed
        # fighters": the two sides of the fighting around, not who struck
        spans += [(m.start("sides"), m.end("sides")) for m in _FIGHTING_BETWEEN.finditer(text)]
    if "spokes" in text or "representative" in text or "’s " in text or "'s " in text:
        spans += [(m.start(), m.end()) for m in _SPEAKS_FOR.finditer(text)]
    spans += [(m.start(), m.end()) for m in _speaker_clauses(text)]
    dateline = DATELINE.match(text)
    if dateline:
        spans.append((0, dateline.end()))
    return spans


_ANY_GROUP_RULES = frozenset({"actor:gang", "actor:opposition", "actor:terrorist"})  # words for any armed group


def _named_groups_hold_their_word(found: list[Hit]) -> list[Hit]:
    """"the Gran Grif gang", "Los Choneros gang members": the word for any
    group inside a named group's own words is that group, not a second actor."""
    return [h for h in found if h.rule not in _ANY_GROUP_RULES
            or not any(o.rule not in _ANY_GROUP_RULES and o.start <= h.start and h.end <= o.end for o in found)]


def actors_in(text: str, exclude: list[tuple[int, int]], country: str | None = None, *,
              not_agent: list[tuple[int, int]] | None = None) -> list[Hit]:
    """Who caused it: every actor named in the sentence outside the victims'
    and sources' own words and outside place descriptions ("rebel-held").
    ``country``: the article's (``world.article_country``), which says whose
    "government forces" and "the army" are and whether a state's forces are
    at home ("Nigeria government") or abroad ("Israel").  ``not_agent``:
    ``not_an_agent(text)`` when the caller has it already (read once a
    sentence)."""
    found = _named_groups_hold_their_word([Hit(s, e, ent.value, f"actor:{ent.id}") for s, e, ent in lexicon.scan_each("actors", text)])
    if country != world.SYRIA and len(found) > 1:
        # one name, two entries ("PKK": the group itself, and the Kurdish forces of Syria's war): abroad, the group
        named = {(h.start, h.end) for h in found if h.rule not in _ANY_GROUP_RULES and h.rule != "actor:kurdish"}
        found = [h for h in found if not (h.rule == "actor:kurdish" and (h.start, h.end) in named)]
    if country is not None and country != world.SYRIA:
        found = [h for h in (_outside_syria(h, text, country) for h in found) if h is not None]
        # a country's bare name ("over Russia's western region") is a place or a government
        # that speaks, unless it is the one who strikes ("Russia fired", "by Israel"); its
        # forces as actor are "<demonym> <force>" (world.state_forces_in)
        found = [h for h in found if not world.is_country_word(text[h.start:h.end]) or _agent_position(text, h.start, h.end)]
    else:  # Syria's war: Hezbollah fights for the government, as the government entry says
        gov = [h for h in found if h.rule == "actor:syr-gov"]
        found = [h for h in found if not (h.rule == "actor:hezbollah" and any(g.start <= h.start and h.end <= g.end for g in gov))]
    found = _a_foreign_state_so_called(text, found, country)
    found += _state_forces(text, found, country)
    found += _groups_named_in_a_claim(text, found)
    if not found:
        return []
    blocked = exclude + (not_an_agent(text) if not_agent is None else not_agent)
    out = [h for h in found if not any(h.start < xe and xs < h.end for xs, xe in blocked)]
    if "target" in text or "against" in text or "aimed" in text or "fighting" in text or "battling" in text or "combat" in text:
        # "U.S. airstrikes targeting the terrorists ... have killed": who is aimed at is not who killed, when another
        # actor is named (alone, the target may be who fought back: "an offensive against ISIS cost 20 soldiers");
        # a campaign's target never is ("its campaign against militants of the PKK")
        aimed = [(m.start("who"), m.end("who")) for m in _AIMED_AT.finditer(text)]
        campaign = [(m.start("who"), m.end("who")) for m in _CAMPAIGN_AGAINST.finditer(text)]
        kept = [h for h in out if not any(h.start < xe and xs < h.end for xs, xe in aimed)]
        out = kept if (kept and len(out) > 1) else [h for h in out if not any(h.start < xe and xs < h.end for xs, xe in campaign)]

    out.sort(key=lambda h: h.start)
    return out


_TARGET_PHRASE = (r"(?P<who>(?:the\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+"
                  r"(?:\s+of\s+the\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+(?:\s*\((?-i:[A-Z]{2,6})\))?)?)")
_AIMED_AT = regexes.compile(rf"\b(?:targeting|targeted|targets|aimed\s+at|against|fighting|battling|combating|combatting)\s+{_TARGET_PHRASE}", re.I)
_CAMPAIGN_AGAINST = regexes.compile(rf"\b(?:campaign|crackdown)\s+against\s+{_TARGET_PHRASE}", re.I)


NAMED_GROUP_RULE = "actor:named-group"
# an armed group's own name, which no lexicon lists: capitalised words joined by "of", "for", "the", ... with one
# of the words groups name themselves by ("Front for the Liberation of the Enclave of Cabinda")
_CONNECTOR = r"(?:of|for|the|and|de|du|des|la|le|al|el|del)"
_GROUP_NAME = (rf"(?P<name>(?-i:[A-Z][\w'’-]+)(?:\s+(?:{_CONNECTOR}\s+)*(?-i:[A-Z][\w'’-]+)){{1,7}})"
               r"(?:\s*\((?P<acr>(?-i:[A-Z][A-Za-z-]{1,9}))\))?")
# who claims an attack by a name of its own: "A separatist group called the Front ... claimed responsibility",
# "the Revolutionary United Front (RUF) claimed responsibility", "It was claimed by the Patriotic Resistance Army"
_CLAIMING_GROUP = (
    regexes.compile(rf"\b(?:group|movement|organi[sz]ation|faction|militia|outfit)\s+(?:called|named|known\s+as|calling\s+itself)\s+"
                    rf"(?:the\s+)?{_GROUP_NAME}(?=[^.;]{{0,60}}?\bclaim(?:ed|s|ing)\s+(?:responsibility|credit))"),
    regexes.compile(rf"(?:(?<=\bthe\s)|(?<=^)|(?<=[,;:]\s)|(?<=[.!?]\s)){_GROUP_NAME}"
                    r"(?=\s+(?:has\s+|had\s+|have\s+)?claimed\s+(?:responsibility|credit)\b)"),
    regexes.compile(rf"\b(?:was|were|been)\s+claimed\s+by\s+(?:the\s+)?{_GROUP_NAME}"),
)
_CLAIM_WORDS = regexes.compile(r"claim", re.I)


@functools.cache
def _group_words() -> re.Pattern[str]:
    """Words an armed group's own name holds (data/world/group_name_words.tsv)."""
    words = "|".join(row["word"] for row in read_tsv("world/group_name_words.tsv"))
    return regexes.compile(rf"\b(?:{words})\b")


def _groups_named_in_a_claim(text: str, found: list[Hit]) -> list[Hit]:
    """An armed group the lexicon does not know, named by its own name where
    it claims an attack, as "Name (ACRONYM)": the acronym the text gives, or
    the initials of the name's capitalised words ("Front for the Liberation of
    the Enclave of Cabinda" → FLEC), so that either name matches."""
    if _CLAIM_WORDS.search(text) is None:
        return []
    out = []
    for m in (m for rx in _CLAIMING_GROUP for m in rx.finditer(text)):
        start, end = m.span("name")
        name = m.group("name")
        if name.startswith("The "):
            start, name = start + 4, name[4:]  # "The Revolutionary United Front claimed ..." opening a sentence
        if _group_words().search(name) is None:
            continue
        if any(h.start < end and start < h.end for h in found + out):
            continue  # a group the lexicon knows, or a state's forces
        acr = m.group("acr") or "".join(w[0] for w in name.split() if w[0].isupper())
        out.append(Hit(start, end, f"{name} ({acr})", NAMED_GROUP_RULE))
    return out


_SYRIAN_WORDS = regexes.compile(r"Syria|Assad", re.I)
_HEZBOLLAH = regexes.compile(r"Hez|Hiz", re.I)


def _outside_syria(h: Hit, text: str, country: str) -> Hit | None:
    """A Syrian-war entry's hit in news of another country: "government
    forces" and "the regime" are that country's; Hezbollah is its own actor."""
    if h.rule != "actor:syr-gov" or _SYRIAN_WORDS.search(text, h.start, h.end):
        return h
    if _HEZBOLLAH.match(text, h.start):
        return None
    return Hit(h.start, h.end, world.countries()[country].government, "actor:state-generic") if country in world.countries() else None


# a country's forces named alone, as the ones who act: "the military killed", "attacked by soldiers"
_FORCE_WORDS = (r"(?:the\s+)?(?:army|military|armed\s+forces|security\s+forces|troops|soldiers|junta|gendarmes|gendarmerie|"
                r"police(?:men|\s+officers)?|"
                r"air\s*force|government\s+(?:forces|troops|soldiers|warplanes|jets|air\s*strikes?))")
_GENERIC_FORCES = regexes.compile(
    rf"(?<=\bby\s)(?:the\s+)?{_FORCE_WORDS}\b|\b{_FORCE_WORDS}(?=\s+(?:have\s+|has\s+|had\s+|also\s+|then\s+)?"
    r"(?:killed|kill|shot|shoot|shelled|shell|bombed|bomb|attacked|attack|opened\s+fire|fired|fire|raided|stormed|launched|"
    r"struck|strike|targeted|carried\s+out|pounded|ambushed|executed|massacred|gunned\s+down|neutrali[sz]ed)\b)"
    # the forces named before their means of attack: "fleeing junta airstrikes", "the army's shelling"
    rf"|\b{_FORCE_WORDS}(?:'s|’s)?(?=\s+(?:air\s*strikes?|air\s+raids?|shelling|artillery|bombardments?|bombings?|drones?|"
    r"drone\s+strikes?|jets?|warplanes?|helicopters?|gunships?|raids?|aircraft|planes?)\b)", re.I)


# a country's forces named alone that answer an attack ("the army intervened, killing two attackers",
# "troops repelled the assault"): who killed the attackers, never who killed the attackers' victims
_RESPONSE_GATE = ("interven", "retaliat", "respond", "repel", "repuls", "counter", "returned fire")
_RESPONDING_FORCES = regexes.compile(
    rf"\b{_FORCE_WORDS}(?=\s+(?:have\s+|has\s+|had\s+|also\s+|then\s+|quickly\s+|later\s+)?"
    r"(?:intervened|retaliated|responded|repelled|repulsed|counter-?attacked|returned\s+fire)\b)", re.I)
RESPONSE_RULE = "actor:state-generic:response"


# forces that are the target ("attack Pakistan police", "on an Israeli military post") or the
# speaker ("Burkina Faso's government says") are no one's means of attack
_TARGET_BEFORE = regexes.compile(r"\b(?:attack(?:ed|s|ing)?|target(?:ed|ing|s)?|hit(?:s|ting)?|on|against|killing|killed|kill|kills|"
                            r"ambush(?:ed|es|ing)?|at|of|wounding|injuring)\s+(?:the\s+|an?\s+)?$", re.I)
_SPEAKS_AFTER = regexes.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:said|says|say|announced|announces|reported|reports|confirmed|"
                           r"stated|told|added|claimed|claims|denied|denies|condemned|spokes(?:man|woman|person))\b", re.I)


_WEAPON_END = regexes.compile(r"\b(?:air\s*strikes?|strikes|shelling|bombardment|bombing|missiles?|drones?|rockets?|artillery|fire|raids?|warplanes|jets)$", re.I)
_OF_BEFORE = regexes.compile(r"\bof\s+$", re.I)
_STRIKES_AFTER = regexes.compile(r"\s+(?:has\s+|have\s+|had\s+|also\s+|then\s+)?(?:fired|launched|struck|attacked|shelled|bombed|"
                            r"killed|hit|targeted|pounded|invaded|bombarded|carried\s+out)\b", re.I)
_BY_BEFORE = regexes.compile(r"\bby\s+$", re.I)


def _agent_position(text: str, start: int, end: int) -> bool:
    return bool(_STRIKES_AFTER.match(text, end) or _BY_BEFORE.search(text, max(0, start - 5), start))


def _not_agent_position(text: str, start: int, end: int) -> bool:
    return bool(_TARGET_BEFORE.search(text, max(0, start - 30), start) or _SPEAKS_AFTER.match(text, end))


# what a side calls the other state's forces: "the artillery of Russian terrorists", "Russian occupiers"
_SO_CALLED_AFTER = regexes.compile(r"\s+(?:terrorists|occupiers|invaders|aggressors|occupation\s+(?:forces|troops|army))\b", re.I)


def _a_foreign_state_so_called(text: str, found: list[Hit], country: str | None) -> list[Hit]:
    """``found`` with another state's forces named by what the other side
    calls them ("Russian terrorists hit a market" in news of Ukraine: Russia,
    not the "terrorists" of an armed group) in place of the lexicon's
    reading of the word."""
    if country is None or country not in world.countries() or not _SO_CALLED_AFTER.search(text):
        return found
    out = list(found)
    for start, end, iso, _ in world.country_words(text):
        m = _SO_CALLED_AFTER.match(text, end)
        if m is None or iso == country:
            continue
        out = [h for h in out if not (h.start < m.end() and start < h.end)]
        out.append(Hit(start, m.end(), world.state_force_actor(iso, country), f"actor:state:{iso}"))
    return out


def _state_forces(text: str, found: list[Hit], country: str | None) -> list[Hit]:
    """A state's forces named by its country ("Nigerian troops", "Ukraine's
    drones") and, in news of a country other than Syria, its forces named
    alone ("the military", "soldiers"), where no lexicon entry took the words."""
    out: list[Hit] = []
    taken = [(h.start, h.end) for h in found]
    for start, end, iso in world.state_forces_in(text):
        if any(start < e and s < end for s, e in taken) or _NOT_THE_STATE.match(text[start:end + 30]):
            continue  # ("the Syria Democratic Forces": a group named after the country, not its state's forces)
        # ("the campaign of U.S. airstrikes": a state's weapons after "of" are its attack, not its losses)
        if _not_agent_position(text, start, end) and not (_WEAPON_END.search(text, start, end) and _OF_BEFORE.search(text, max(0, start - 5), start)):
            continue
        out.append(Hit(start, end, world.state_force_actor(iso, country), f"actor:state:{iso}"))
        taken.append((start, end))
    if country is not None and country != world.SYRIA and country in world.countries():
        for m in _GENERIC_FORCES.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken) or _not_agent_position(text, m.start(), m.end()):
                continue
            out.append(Hit(m.start(), m.end(), world.countries()[country].government, "actor:state-generic"))
            taken.append((m.start(), m.end()))
        if any(w in text for w in _RESPONSE_GATE):
            for m in _RESPONDING_FORCES.finditer(text):
                if not any(m.start() < e and s < m.end() for s, e in taken):
                    out.append(Hit(m.start(), m.end(), world.countries()[country].government, RESPONSE_RULE))
    return out


# "there had been no fighting in the area": a weapon said not to have been used
_NEGATED_BEFORE = compile_fast(r"\b(?:no|without(?:\s+any)?|not\s+any)\s+(?:[\w-]+\s+)?$", re.I)


def weapon_hits(text: str, *, ground_raids: bool = False) -> list[Hit]:
    """The weapons a sentence names.  ``ground_raids``: a bare "raid" is men on
    the ground, no air strike (news of a war abroad that names no aircraft)."""
    hits = [Hit(s, e, ent.value, f"weapon:{ent.id}") for s, e, ent in lexicon.scan("weapons", text)
            if not _NEGATED_BEFORE.search(text, max(0, s - 25), s)
            and not (ground_raids and ent.id == "strike-generic" and text[s:e].lower().startswith("raid"))]
    # "Drone strikes", "missile strike": the word "strike" after a weapon is that weapon's strike, not another
    return [h for i, h in enumerate(hits) if not (h.rule == GENERIC_STRIKE_RULE and i > 0 and hits[i - 1].rule != h.rule
                                                   and 0 <= h.start - hits[i - 1].end <= 1)]


GENERIC_STRIKE_RULE = "weapon:strike-generic"


def outside(hits: list[Hit], exclude: list[tuple[int, int]]) -> list[Hit]:
    """The hits that overlap none of the ``exclude`` spans."""
    if not exclude:
        return list(hits)
    return [h for h in hits if not any(h.start < xe and xs < h.end for xs, xe in exclude)]


_SUBJECT_GAP = regexes.compile(r"[^,;:.]{0,40}")  # "air strikes on Aleppo killed": nothing that ends a clause between
_NOT_SUBJECT = regexes.compile(r"\b(?:with|by|after|as|while|when|which|that|who|said|says|\w+ing|fell|landed|hit|struck|targeted)\b", re.I)


def rank_weapons(hits: list[Hit], anchor: int | None = None, text: str | None = None) -> list[Hit]:
    """The most specific weapon (file order of the lexicon) among those near
    ``anchor``, then the rest by distance.  With the sentence ``text``, a
    weapon that is the subject of the verb at ``anchor`` ("air strikes on
    Aleppo killed ... with barrel bombs causing damage") comes first."""
    order = {ent.id: i for i, ent in enumerate(lexicon.entries("weapons"))}
    if anchor is None:
        return sorted(hits, key=lambda h: order[h.rule.split(":", 1)[1]])

    finite = text is not None and not re.match(r"\w+ing\b", text[anchor: anchor + 30])

    def subject(h: Hit) -> bool:
        if not finite or h.end > anchor or re.search(r"\bwith\s+$", text[max(0, h.start - 6): h.start]):
            return False  # "trucks loaded with explosives to kill": the means, not who killed
        gap = text[h.end: anchor]
        return bool(_SUBJECT_GAP.fullmatch(gap)) and not _NOT_SUBJECT.search(gap)

    return sorted(hits, key=lambda h: (not subject(h), abs(h.start - anchor) > 120, order[h.rule.split(":", 1)[1]],
                                       abs(h.start - anchor)))
