"""Figures from a document: the extractor's main stage.

For each sentence that can hold a figure (it has a number and an outcome
word), group mentions are paired with outcomes; then each figure takes its
period, place, source, actor and weapon from its own sentence, or from the
sentences around it where its own says nothing (the gold guide's
conventions).  A figure repeated in the same document is kept once.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from wartally.data import tables
from wartally.extract import context, lexicon, world
from wartally.extract.lexicon import compile_fast, compile_lowered
from wartally.extract.mentions import GroupMention, group_mentions, side_of
from wartally.extract.pairing import Paired, pair, triggers
from wartally.extract import people as people_mod
from wartally.extract import places as places_mod
from wartally.extract import regexes
from wartally.extract.attack_day import days_in, one_day
from wartally.extract.numbers import find_numbers
from wartally.extract.places import PlaceMention, place_mentions
from wartally.extract.sentences import Sentence, split_sentences
from wartally.extract.when import When, find_periods, resolve_since_event
from wartally.geo import gazetteer
from wartally.geo import names as geo_names
from wartally.records import (
    SMALL_RESTATED,
    DatePrecision,
    Document,
    Figure,
    Outcome,
    Period,
    Place,
    Qualifier,
    Side,
    Span,
    Victims,
)

# word stems of every outcome trigger: a sentence with none of them holds no figure
_FIGURE_STEMS = (
    "kill", "dead", "die", "death", "lives", "victim", "suicide", "slain", "massacr", "execut", "perish", "martyr",
    "wound", "injur", "hurt", "maim", "suffocat", "displac", "fled", "flee", "forced", "evacuat", "uproot", "abandon", "fatal",
    "homeless", "flight", "exodus", "driv", "drove", "toll", "casualt", "fatalit", "bodies", "body of", "corpse", "murder", "assassinat", "beheaded", "gunned",
    "shot", "stabb", "claim", "lost", "loss", "drown", "destroy", "eliminat", "neutrali", "liquidat", "to hell", "idp", "asylum", "internally displaced", "condition", "crossed", "refuge", "shelter", "escaped",
    "tally", "treat", "hospitali", "blew", "buri", "deceased", "burn", "slaughter", "butcher",
)


def _maybe_figure(low: str) -> bool:
    """Whether a lower-cased sentence holds a word of a figure's verbs and nouns."""
    return any(stem in low for stem in _FIGURE_STEMS)
_ANY_NUMBER = compile_lowered(
    r"\d|\b(?:an?|another|the|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)\b",
)
_TOLL = regexes.compile(r"\b(?:toll|tally)\b", re.I)
_COUNTRY_SCOPE = regexes.compile(
    r"\b(?:the\s+(?:war|conflict|country)|across\s+(?:Syria|the\s+country)|(?:Syria's|Syrias|Syrian)\s+(?:\w+\s+)?(?:war|conflict)|since\s+(?:the\s+)?(?:war|conflict)|nationwide|war-battered\s+country|in\s+Syria\s+and\s+Iraq)\b",
    re.I,
)
_OPPOSITE = {"government": "opposition", "opposition": "government"}
_IN_BEFORE_COUNTRY = regexes.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?$", re.I)


def _in_the_country(text: str, country: str | None) -> bool:
    """Whether a sentence scopes its count to the article's country by name
    ("nearly seven million people were displaced in the DRC")."""
    return country is not None and any(
        iso == country and _IN_BEFORE_COUNTRY.search(text, max(0, start - 12), start)
        and text[end - 2: end] not in ("'s", "’s") and text[end: end + 2] not in ("'s", "’s")  # "in Ethiopia's Amhara region": a part of it
        and _names_a_country(text[start:end])  # "the health ministry in Gaza": a territory's part, not the country
        for start, end, iso, _ in world.country_words(text))


def _names_a_country(words: str) -> bool:
    found, _ = gazetteer.load().lookup(words)
    return not found or any(e.feature == "country" for e in found)
CONTEXT_BACK = 3
CONTEXT_FORWARD = 3


@dataclass(slots=True)
class _Draft:
    sent: Sentence
    paired: Paired
    outcome: str
    victims: str
    victims_rule: str
    side: str | None = None
    side_rule: str | None = None
    parent: "_Draft | None" = None
    period: When | None = None
    period_rule: str = ""
    place: PlaceMention | None = None
    place_sent: Sentence | None = None
    place_inherited: bool = False
    place_of_part: bool = False  # the part of a town that the next sentences named ("a neighborhood in the capital, X")
    area: PlaceMention | None = None
    area_sent: Sentence | None = None
    source: str | None = None
    source_rule: str = ""
    source_span: tuple[int, int] | None = None
    actors: list[context.Hit] = field(default_factory=list)
    weapon: context.Hit | None = None
    weapon_inherited: bool = False
    country: str | None = None
    figure_id: str = ""
    qualifier_from: "_Draft | None" = None  # a restatement that states the qualifier this mention leaves out


_UNKNOWN = "?"  # the article's country not yet read


def extract_document(doc: Document, *, gazetteer_hits: list[tuple[int, int, str]] | None = None,
                     country: str | None = _UNKNOWN) -> list[Figure]:
    """Every casualty and displacement figure in ``doc``.  ``gazetteer_hits``:
    the gazetteer's toponyms in ``doc.text`` (``wartally.geo.find_places``)
    when the caller has them already; found here otherwise.  ``country``:
    the article's country (``article_country``) when the caller has read it."""
    text = doc.text
    sents = split_sentences(text)
    published = doc.published
    hits = gazetteer_hits if gazetteer_hits is not None else places_mod.gazetteer_hits(text)
    if country == _UNKNOWN:
        country = article_country(doc, places_mod.hits_that_may_be_where(text, hits))
    war, war_over = world.war_start(country, published), world.war_end(country, published)
    main_country = world.countries()[country].name if country in world.countries() else None
    # computed on demand: most sentences hold no figure and are never asked about
    # every hit remembers where its sentence starts, so that a value a figure
    # takes from another sentence keeps offsets into the right sentence
    whens = _PerSentence(sents, lambda s: _based(find_periods(s.text, published, war_start=war, war_end=war_over), s))
    people: list[dict] = []

    def sources_of(s: Sentence) -> list[context.Hit]:
        found = context.sources_in(s.text, country)
        if found and context.strength_of(found[0]) < 2:
            return found
        # nobody it knows speaks ("Saudi Hospital" is only named): a person the text
        # introduced by role may ("..., Ghebreyesus wrote")
        if not people_mod.may_name_again(s.text):
            return found
        if not people:  # who the text introduces by role, read once
            people.append(people_mod.introduced([x.text for x in sents], country))
        named = people_mod.named_again(s.text, people[0]) if people[0] else []
        return sorted(found + named, key=lambda h: (context.strength_of(h), h.start)) if named else found

    sources = _PerSentence(sents, sources_of)
    by_sentence = _bucket(hits, sents)
    hood_names = places_mod.neighbourhood_names(text)
    not_agent = _PerSentence(sents, lambda s: context.not_an_agent(s.text))  # read once: actors_in and the figures' actors both ask
    actor_hits = _PerSentence(sents, lambda s: _based(context.actors_in(s.text, [], country, not_agent=not_agent[s.index]), s))

    places = _PerSentence(sents, lambda s: places_mod.as_neighbourhoods(
        [p for p in place_mentions(s.text, by_sentence[s.index] if by_sentence is not None else None, country)
         if not _names_a_group(p.text)], hood_names))
    city_cache: list = []

    def main_city():
        if not city_cache:
            city_cache.append(_main_city(sents, places))
        return city_cache[0]

    named_settlements = functools.cache(lambda: _settlements_named(sents, places))  # read when a figure asks

    # abroad, in a story that names no aircraft, a "raid" is men on the ground (gunmen's raids on villages in Mali)
    ground_raids = country not in (None, world.SYRIA) and not _AIRCRAFT_NAMED.search(text)
    weapon_hits = _PerSentence(sents, lambda s: _based(context.weapon_hits(s.text, ground_raids=ground_raids), s))
    drafts: list[_Draft] = []
    lows = [s.text.lower() for s in sents]
    tolls = [("toll" in low or "tally" in low) and bool(_TOLL.search(s.text)) for s, low in zip(sents, lows)]
    for si, sent in enumerate(sents):
        toll_ctx = tolls[si] or (si > 0 and tolls[si - 1])
        if not (toll_ctx or _maybe_figure(lows[si])) or not _ANY_NUMBER.search(sent.text):
            continue
        groups = group_mentions(sent.text)
        if not groups:
            continue
        trigs = triggers(sent.text)
        if not trigs and not any(g.number_rule == "number:suicide-bomber" or g.victims_rule.startswith("victims:of-the-")
                                 for g in groups):  # ("Four of the victims were fishermen": the part names its outcome)
            continue
        # (the figure told just before counts the dead: "Among the victims are 50 children" are dead children)
        dead_before = bool(drafts) and drafts[-1].outcome == "killed" and drafts[-1].sent.index >= si - 2
        paired = pair(sent.text, groups, trigs, toll_context=toll_ctx, victims_dead=dead_before)
        sent_drafts: list[_Draft] = []
        for pi, p in enumerate(paired):
            if _is_speaker(sent.text, p.group):
                continue  # "a police officer told Reuters", "according to two officials": who says it, not who was hurt
            if p.trigger is not None and ("and" in sent.text or " or " in sent.text) and _MIXED_TOLL.match(sent.text, p.trigger.start):
                continue  # "some 154 civilian injuries and deaths": the dead and the hurt together, neither alone
            d = _draft(sent, p, sent_drafts, paired[pi + 1:])
            if d is not None and d.outcome == "displaced" and p.group.number_rule == "number:article":
                continue  # "the attacker then fled": one person running away is no displacement figure
            if d is not None and d.outcome == "displaced" and p.trigger is not None and p.trigger.rule == "outcome:idps" \
                    and "had been" in sent.text and _IDPS_WERE_THERE.match(sent.text, max(p.group.end, p.trigger.end)):
                continue  # "Around 500 IDPs had been sheltering in a camp in the village": who were there when it was hit
            if d is not None and _caused_by_disaster(sent.text, p):
                continue  # "floods caused by torrential rains, affecting over 46,000 people and displacing over 13,000 others"
            if d is not None and d.outcome == "displaced" and d.victims == "combatants":
                continue  # "ten soldiers crossed the border", "injured soldiers were evacuated": troops move, they are not displaced
            if d is not None:
                sent_drafts.append(d)
        drafts.extend(sent_drafts)
    if not drafts:
        return []
    _link_among_dead(drafts)
    _adopt_restated_groups(drafts)
    _civilians_of_a_civilian_count(drafts, sents)
    _revised_toll_keeps_its_group(drafts)
    _bare_count_after_a_group(drafts)
    _countrymen_of_a_force(drafts, text, country)
    in_sentence: dict[int, list[_Draft]] = {}
    for d in drafts:
        in_sentence.setdefault(d.sent.index, []).append(d)
    claims = _PerSentence(sents, lambda s: _CLAIMED.search(s.text) is not None)  # asked for many figures, read once

    @functools.cache
    def stated_place() -> tuple[PlaceMention, Sentence] | None:  # read only for a figure no own sentence places
        return _where_the_attack_occurred(sents, places)

    @functools.cache
    def attack_day() -> dt.date | None:  # read only for a figure nothing else dates
        return one_day(days_in(((s.text, whens[s.index]) for s in sents), published)) if published else None

    @functools.cache
    def title_groups() -> tuple[str, ...]:  # the armed groups the headline names, read only when asked
        return tuple(h.value for h in context.actors_in(doc.title or "", [], country)
                     if not _is_generic_actor(h, country) and not _is_state_force(h))

    @functools.cache
    def headline_source() -> context.Hit | None:  # read only for a figure no sentence near it attributes
        return _headline_source(doc.title, country)

    for i, d in enumerate(drafts):
        _assign_period(d, sents, whens, published, drafts[:i], war, war_over, attack_day)
        _assign_place(d, sents, places, main_city, named_settlements, drafts[i - 1] if i else None, country)
        if ((d.place is None or d.place_inherited)
                and (d.area is None or d.area_sent is not d.sent or d.area.rule == places_mod.DIRECTION_UNIT_RULE)
                and not _is_national_total(d) and (where := stated_place()) is not None):
            # "Several gangs operate in the area around Coatepec Harinas, where the attack occurred"
            d.place, d.place_sent, d.place_inherited = *where, True
        _assign_source(d, sents, sources, doc.outlet, in_sentence, published, country, headline_source)
        _side_in_country(d, country, _sided_before(drafts, i), published)
        _assign_actor_weapon(d, sents, in_sentence, actor_hits, weapon_hits, not_agent, country, claims, title_groups)
        if d.victims == "combatants" and d.side == "government" and d.actors and country in world.countries() \
                and all(a.value == world.countries()[country].government for a in d.actors):
            d.actors = []  # "15 soldiers have been killed ..., the army said. ... the army fought back": not by their own army
        if not d.actors and (enemy := _the_other_state_of_the_war(d, country, published)) is not None:
            d.actors = [enemy]
        if not d.actors and (enemy := _the_other_state_firing(d, country, published)) is not None:
            d.actors = [enemy]
        if not d.actors and (flyer := _the_only_air_force(d, country, published)) is not None:
            d.actors = [flyer]
        if (loser := _country_that_lost(d)) is not None:
            d.country = loser  # "while Israel lost 127 people" in news of Lebanon: Israel's dead
        elif d.period is not None and (d.period.rule in _WAR_WIDE or _since_the_war_began(d, war, published)) \
                and not _placed_in_own_sentence(d):
            d.country = main_country  # (not "780,000 people have been forced to flee El-Fasher" since the war began)
        elif main_country and d.outcome and d.paired.group.n >= 10000 \
                and (_COUNTRY_SCOPE.search(d.sent.text) or d.parent is None and _in_the_country(d.sent.text, country)) \
                and not _placed_in_own_sentence(d):
            d.country = main_country
        if d.country:
            # scoped to a whole country: no settlement, no area, no actor from the sentences around
            d.place = d.area = None
            d.actors = [a for a in d.actors if not a.rule.endswith((":inherited", ":document-lead"))]
        if d.country and d.period is not None and d.period.rule in _WAR_WIDE and (d.source_rule.startswith(("source:inherited", "source:headline")) or d.source_rule in ("source:outlet", "source:publisher")):
            d.source, d.source_rule = None, "source:war-total-unattributed"
    _no_part_of_the_other_side(drafts)
    _each_side_killed_by_the_other(drafts, country)
    _incident_place_of_the_day(drafts, country, named_settlements().upto)
    _the_one_place_named_before(drafts, named_settlements(), country)
    _undated_of_the_place(drafts, published)
    _incident_weapon_of_the_day(drafts)
    _the_articles_one_kind_of_bomb(drafts, doc.title, sents, weapon_hits)
    _incident_actor_of_the_day(drafts)
    for d in drafts:  # (last: a clash's two sides and the day's one attacker come first)
        if not d.actors and (own := _forces_telling_their_kill(d, country)) is not None:
            d.actors = [own]
    return _finish(doc, drafts)


_AIRCRAFT_NAMED = regexes.compile(r"\b(?:air\s*[\s-]?strikes?|airstrikes?|air\s+raids?|warplanes?|jets?|aircraft|helicopters?|air\s*force|aerial|bomb(?:ers|ing\s+runs?)|drones?|planes?)\b", re.I)


def _based(hits: list, sent: Sentence) -> list:
    """``hits`` (Hit or When records) marked with their sentence's start."""
    return [h.rebased(sent.start) for h in hits]


class _PerSentence:
    """A per-sentence value computed the first time it is asked for."""

    def __init__(self, sents: list[Sentence], compute):
        self._sents = sents
        self._compute = compute
        self._cache: dict[int, object] = {}

    def __getitem__(self, i: int):
        if i not in self._cache:
            self._cache[i] = self._compute(self._sents[i])
        return self._cache[i]

    def __len__(self) -> int:
        return len(self._sents)

    def __iter__(self):
        return (self[i] for i in range(len(self._sents)))


def _bucket(hits: list[tuple[int, int, str]] | None, sents: list[Sentence]) -> list[list[tuple[int, int, str]]] | None:
    """Whole-text hits regrouped by sentence, offsets relative to the sentence."""
    if hits is None:
        return None
    import bisect

    out: list[list[tuple[int, int, str]]] = [[] for _ in sents]
    starts = [s.start for s in sents]
    for start, end, surface in hits:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and end <= sents[i].end:
            out[i].append((start - sents[i].start, end - sents[i].start, surface))
    return out


def article_country(doc: Document, hits: list[tuple[int, int, str]] | None) -> str | None:
    """The ISO code of the country ``doc`` is about, from its wording and the
    countries of its toponyms (``hits``: the gazetteer's finds in its text
    that may be where, ``places.hits_that_may_be_where``: not "Hospital
    director Mohamed Abu Salmiya", "Somali troops")."""
    weights, toponyms = _place_countries(doc.text, hits)
    return world.article_country(doc.text, doc.title, weights, toponyms)


def _place_countries(text: str, hits: list[tuple[int, int, str]] | None) -> tuple[Counter[str], Counter[str]]:
    """What the article's toponyms say of its country: per country, their
    votes and how many toponyms.  Only names the gazetteer knows in one
    country count ("Idlib", not "Tripoli").  A name that is only another name
    of its place ("Kallay" for Myanmar's Kalemyo) votes a third, as does a
    village known nowhere else by that very name ("Parachinar"); the
    dateline's place (where the reporter files from: "PESHAWAR -" for a story
    from Kurram) counts only as one more toponym of a country another one
    names."""
    weights: Counter[str] = Counter()
    toponyms: Counter[str] = Counter()
    if not hits:
        return weights, toponyms
    dateline = places_mod.DATELINE.match(text)
    filed_from: list[str] = []
    if dateline is not None:
        filed_from = [h[2] for h in hits if h[0] < dateline.end()]
        hits = [h for h in hits if h[0] >= dateline.end()]
    named = {geo_names.fold(h[2]): h[2] for h in hits}  # text order: ties between countries must not follow the hash seed
    for key in named.values():
        cc, weight = _toponym_country(key)
        if cc:
            weights[cc] += weight
            toponyms[cc] += 1
    for key in dict.fromkeys(k for k in filed_from if geo_names.fold(k) not in named):
        cc, _ = _toponym_country(key)
        if cc and toponyms[cc]:
            toponyms[cc] += 1
    return weights, toponyms


_BY_OTHER_NAME = 1 / 3  # a toponym's vote when the text names its place by another name, or names a village


def _toponym_country(key: str) -> tuple[str | None, float]:
    """The one country a toponym lies in and what its vote weighs (see
    ``_place_countries``); (None, 0) when it names a country or several."""
    gaz = gazetteer.load()  # loaded once (places.gazetteer_hits found these)
    every, _ = gaz.lookup(key)
    found = [e for e in every if e.is_core]  # a village abroad of the same name is no vote against
    if any(e.feature == "country" for e in found):
        return None, 0.0  # a country's own name is read with its wording (world.article_country)
    ccs = {e.cc for e in found}
    if len(ccs) > 1:
        # "Kunduz": the Afghan province and city, over a Turkish village that has it for another name
        found = [e for e in found if e.feature == "admin1" or e.population >= gazetteer.TOWN_POPULATION]
        ccs = {e.cc for e in found}
    if len(ccs) == 1:
        own_name = any(geo_names.skeleton(e.name) == geo_names.skeleton(key) for e in found)
        return ccs.pop(), 1.0 if own_name else _BY_OTHER_NAME
    if not ccs and len(every) == 1 and len(key) >= 6 and geo_names.fold(every[0].name) == geo_names.fold(key):
        return every[0].cc, _BY_OTHER_NAME
    return None, 0.0


_SHARED_NOUN_GAP = regexes.compile(r"^\s*(?:,\s*)?and\s+(?:[a-z]+\s+){1,2}$")


_SPEAKS = regexes.compile(r"\s*(?:,\s*)?(?:there\s+|here\s+|who\s+|which\s+)?(?:has\s+|had\s+)?(?:said|says|told|tells|added|confirmed|spoke|speaking|"
                     r"declined|requested|asked|insisted)\b", re.I)
_ACCORDING_TO = regexes.compile(r"\baccording\s+to\s+$", re.I)


# people who speak to reporters ("a police officer told Reuters"), not the usual victims
# ("including five children said the Observatory": FA-KES drops the comma)
_SPEAKER_HEAD = compile_fast(r"\b(?:officials?|officers?|policem[ae]n|spokes(?:man|woman|person|people|men)|witness(?:es)?|eyewitness(?:es)?|"
                           r"residents?|doctors?|medics?|paramedics?|sources?|commanders?|survivors?|relatives?|journalists?|"
                           r"reporters?|activists?|workers?|nurses?|diplomats?|lawmakers?|elders?|leaders?|heads?|chiefs?|members?|administrators?)\s*$", re.I)


# "some 154 civilian injuries and deaths", "some 20 dead and wounded soldiers": the dead and the hurt counted together
# (the adjective before its noun only: FA-KES's pinned crowd labels count a headline's "48 Killed and Injured in ..." as dead)
_MIXED_TOLL = regexes.compile(r"(?:injuries|deaths|fatalities)\s+and\s+(?:deaths|injuries|fatalities)\b"
                              # "More than 2,500 people were killed or injured in gang violence": one count of both
                              r"|(?:dead|killed)\s+or\s+(?:wounded|injured|hurt)\b|(?:wounded|injured)\s+or\s+(?:dead|killed)\b"
                              r"|(?:dead|killed)\s+(?:and|or)\s+(?:wounded|injured)\s+(?=[a-z])(?!in\b|on\b|at\b|by\b|as\b|after\b|when\b)"
                              r"|(?:wounded|injured)\s+(?:and|or)\s+(?:dead|killed)\s+(?=[a-z])(?!in\b|on\b|at\b|by\b|as\b|after\b|when\b)"
                              # "left more than 100 people killed and injured, officials said": the clause ends on both
                              r"|(?:dead|killed)\s+and\s+(?:wounded|injured)(?=\s*[,.;]|\s*$)", re.I)


def _is_speaker(text: str, g: GroupMention) -> bool:
    if _ACCORDING_TO.search(text, max(0, g.start - 20), g.start):
        return True
    if not _SPEAKER_HEAD.search(text, g.start, g.end):
        return False
    if _SPEAKS.match(text, g.end):
        return True
    # "killing two Iraqi soldiers, an officer from Kirkuk police told Rudaw": whose officer, then the verb
    body = _OF_A_BODY.match(text, g.end)
    if body and _SPEAKS.match(text, body.end()):
        return True
    # "an official from an anti-junta women's organization told Radio Free Asia": a longer description, then the
    # verb (the pattern's look-ahead holds it)
    return _OF_A_DESCRIPTION.match(text, g.end) is not None or _DESCRIBED_BY_WHAT_THEY_DO.match(text, g.end) is not None


# "a health official involved in the response said", "a doctor working at the hospital told AFP"
_DESCRIBED_BY_WHAT_THEY_DO = regexes.compile(r"\s+(?:involved|working|based|familiar|speaking|responsible|close)\s+(?:in|with|at|for|on|to)\s+"
                                             r"(?:[\w'’-]+\s+){0,5}?[\w'’-]+,?(?=\s+(?:said|says|told|tells)\b)")
_OF_A_DESCRIPTION = regexes.compile(r"\s+(?:from|of|with|in|at)\s+(?:the|an?|its|their|a\s+local)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+(?=\s+(?:said|says|told|tells)\b)")
_OF_A_BODY = regexes.compile(r"\s+(?:from|of|with|in)\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]*|police|army|military|security|forces|"
                        r"provincial|district|local)\s*){1,4}(?=\s|,)")


def _draft(sent: Sentence, p: Paired, before: list[_Draft], after: list[Paired] = ()) -> _Draft | None:
    g: GroupMention = p.group
    victims = g.victims
    vrule = g.victims_rule
    prev = before[-1] if before else None
    parent = before[p.parent] if p.parent is not None and p.parent < len(before) else None
    if p.parent is not None and parent is None:
        return None
    if victims is None and prev is None and after and after[0].group.victims is not None:
        # "killed 28 and wounded 30 Daesh militants": the noun serves both numbers
        nxt = after[0].group
        if _SHARED_NOUN_GAP.match(sent.text[g.end: nxt.start]):
            victims, vrule = nxt.victims, "victims:shared-noun"
            if victims == "combatants":
                side, side_rule = side_of(nxt.side_text)
                return _Draft(sent=sent, paired=p, outcome=p.outcome, victims=victims, victims_rule=vrule,
                              side=side, side_rule=side_rule and "side:shared-noun", parent=parent)
    if victims is None:
        if vrule == "victims:of-them" and prev is not None and p.trigger is not prev.paired.trigger \
                and p.outcome == prev.outcome and g.n < prev.paired.group.n and parent is None:
            # "Fifteen soldiers were killed, two of them beheaded": a part with a verb of its own
            return _Draft(sent=sent, paired=p, outcome=p.outcome, victims=prev.victims, victims_rule="victims:of-them-own-verb",
                          side=prev.side, side_rule=prev.side and "side:previous-group", parent=prev)
        if vrule == "victims:of-them" and prev is not None and p.trigger is not prev.paired.trigger \
                and prev.outcome == "injured" and p.outcome == "killed" and g.n < prev.paired.group.n and parent is None:
            # "18 people sustained serious injuries and three of them died on arrival": the wounded who died
            return _Draft(sent=sent, paired=p, outcome=p.outcome, victims=prev.victims, victims_rule="victims:of-the-wounded-died",
                          side=prev.side, side_rule=prev.side and "side:previous-group")
        if vrule == "victims:of-them" and prev is not None:
            return None
        if vrule == "victims:of-them" and (named := _group_named_before(sent.text, g.start)) is not None:
            # "a jeep in which seven security personnel were patrolling ..., killing five of them": the
            # group the sentence named, counted by no figure of its own
            victims, vrule = named[0], "victims:of-them-named-before"
            if victims == "combatants":
                side, side_rule = side_of(named[1])
                return _Draft(sent=sent, paired=p, outcome=p.outcome, victims=victims, victims_rule=vrule,
                              side=side, side_rule=side_rule and "side:of-them-named-before", parent=parent)
        if prev is not None and g.others and prev.victims == "combatants" and parent is None:
            # "the death of 16 soldiers, while another six were wounded": more of the same fighters
            return _Draft(sent=sent, paired=p, outcome=p.outcome, victims="combatants", victims_rule="victims:others-of-combatants",
                          side=prev.side, side_rule=prev.side and "side:others-of-previous", parent=parent)
        if prev is not None and not g.others and p.trigger is not None and p.trigger.rule in _NOUN_TOLLS \
                and p.trigger is not prev.paired.trigger and p.trigger.start > prev.paired.group.end:
            # "the deaths included 4,104 children and 2,641 women, while the injuries rose to 25,408": a toll
            # phrase of its own after the groups before counts everyone, not the last group
            victims, vrule = "people", "victims:own-toll-phrase"
        elif prev is not None and not g.others:
            if prev.parent is not None and parent is None and p.trigger is not prev.paired.trigger:
                # "killed 16 people, including a child, and injured 25": the group of the whole before, not of its part
                prev = prev.parent
            victims, vrule = prev.victims, "victims:previous-group"
            if victims == "combatants" and prev.side:
                return _Draft(sent=sent, paired=p, outcome=p.outcome, victims=victims, victims_rule=vrule,
                              side=prev.side, side_rule="side:previous-group", parent=parent)
        elif (named := _victims_in_toll(sent.text, p)) is not None:
            victims, vrule = named, "victims:toll-phrase"  # "the number of civilians massacred ... is well over 200"
        else:
            victims, vrule = "people", "victims:default-people"
    elif g.others and victims == "people" and prev is not None and prev.victims != "people" and parent is None:
        if prev.victims == "combatants":
            victims, vrule = "combatants", "victims:others-of-combatants"
        elif prev.outcome == p.outcome and prev.victims == "civilians":
            victims, vrule = prev.victims, "victims:others-same-outcome"
        elif prev.parent is not None and prev.parent.victims == "civilians" and prev.parent.sent is sent \
                and prev.parent.outcome != p.outcome:
            # "killed 12 civilians, including one child, three women and eight men, and injured three
            # others": the group the sentence named, not its last part (gold guide: "others")
            victims, vrule = "civilians", "victims:others-of-the-sentence"
    if victims == "people" and parent is not None and parent.victims == "civilians" \
            and vrule in ("victims:members-of-civilian-body", "victims:family-members"):
        # "up to 30 civilians, including 16 members of a single family": civilians too
        victims, vrule = "civilians", vrule + "-of-civilians"
    if victims == "people" and (all_of := _ALL_OF_THEM.match(sent.text, max(g.end, p.trigger.end))):
        # "two people were killed, all men": the group the text then names
        victims, vrule = _ALL_OF_THEM_GROUPS[all_of.group(1).lower()], "victims:all-of-them"
    side = side_rule = None
    if victims == "combatants":
        side, side_rule = side_of(g.side_text)
        if side is None and vrule == "victims:others-of-combatants":
            side, side_rule = prev.side, "side:others-of-previous"
        if side is None and re.search(r"\bopponents\b", g.side_text, re.I):
            last = next((d for d in reversed(before) if d.side), None)
            if last is not None and last.side in _OPPOSITE:
                side, side_rule = _OPPOSITE[last.side], "side:opponents-of-previous"
    return _Draft(sent=sent, paired=p, outcome=p.outcome, victims=victims, victims_rule=vrule,
                  side=side, side_rule=side_rule, parent=parent)


def _group_named_before(text: str, end: int) -> tuple[str, str] | None:
    """The victims group of the last counted group noun before ``end`` in a
    sentence ("seven security personnel"), with the words around it; None
    when it counts none."""
    found = [h for h in lexicon.scan("victims", text[:end]) if _COUNTED_BEFORE.search(text, max(0, h[0] - 30), h[0])]
    if not found:
        return None  # (not "Militants attacked the village, killing ten of them": a group counted, not who attacked)
    start, stop, ent = found[-1]
    return ent.value, text[max(0, start - 30): stop]


_COUNTED_BEFORE = regexes.compile(r"(?:\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
                                  r"scores|hundreds))\s+(?:[\w-]+\s+){0,2}$", re.I)


_ALL_OF_THEM = regexes.compile(r"\s*,\s*(?:all|both)\s+(?:of\s+them\s+)?(men|women|children|civilians|soldiers|fighters)\b", re.I)
_ALL_OF_THEM_GROUPS = {"men": "men", "women": "women", "children": "children", "civilians": "civilians", "soldiers": "combatants",
                       "fighters": "combatants"}


_TOLL_PHRASES = ("outcome:number-killed", "outcome:number-injured")
_NOUN_TOLLS = ("outcome:injuries-rose", "outcome:deaths-reached", "outcome:toll", "outcome:number-killed", "outcome:number-injured")


def _victims_in_toll(text: str, p: Paired) -> str | None:
    """The group a toll phrase names for the bare number it gives ("the number
    of civilians massacred ... is 200", "the number of injured residents has
    increased to 14")."""
    if p.trigger.rule not in _TOLL_PHRASES:
        return None
    found = [ent.value for _, _, ent in lexicon.scan("victims", text[p.trigger.start: p.trigger.end])]
    return found[0] if found and found[0] != "people" else None


def _adopt_restated_groups(drafts: list[_Draft]) -> None:
    """"around 32 have been killed" restates "around 32 civilians": a bare
    number takes the group of the same count and outcome named elsewhere."""
    named = {(d.outcome, d.paired.group.n): d for d in drafts if d.victims_rule not in ("victims:default-people", "victims:previous-group")}
    for d in drafts:
        if d.victims_rule == "victims:default-people":
            other = named.get((d.outcome, d.paired.group.n))
            if other is not None and other is not d:
                d.victims, d.victims_rule, d.side, d.side_rule = other.victims, "victims:restated", other.side, other.side_rule


# a count of civilians announced in words ("the number of civilian victims was particularly high ... with 4,289 deaths",
# "the number of civilians killed ... has increased. ... the number — 1,692 killed in violence")
_CIVILIAN_COUNT = compile_lowered(
    r"\b(?:civilian\s+(?:victims|casualties|deaths|death\s+toll|fatalities|population)|number\s+of\s+civilians|civilians\s+killed)\b")


def _civilians_of_a_civilian_count(drafts: list[_Draft], sents: list[Sentence]) -> None:
    """A bare number in a sentence (or right after one) that says it counts
    civilians is a count of civilians (the UN's civilian casualty reports)."""
    last = None  # the last draft made civilians here: a number borrowing its group ("and 760 fatalities in April") follows it
    for d in drafts:
        if d.victims_rule == "victims:previous-group" and last is not None and last.sent is d.sent and d.victims == "people":
            d.victims, d.victims_rule = "civilians", "victims:civilian-count"
            continue
        if d.victims_rule != "victims:default-people" or d.parent is not None:
            continue
        si = d.sent.index
        before = d.sent.text[: d.paired.group.start]
        if _CIVILIAN_COUNT.search(before) or (si > 0 and _CIVILIAN_COUNT.search(sents[si - 1].text)
                                              and not _ANY_NUMBER_BEFORE.search(before)):
            d.victims, d.victims_rule = "civilians", "victims:civilian-count"
            last = d


_ANY_NUMBER_BEFORE = regexes.compile(r"\d")
# a toll told again with another number ("confirmed the attack but cut the death toll to eight") and the victims
# of a toll counted in part ("six of the victims were killed in a church compound")
_REVISED_TOLL = regexes.compile(r"\b(?:cut|lowered|reduced|revised|raised|put|updated|corrected|brought)\s+(?:\w+\s+){0,2}?"
                                r"(?:death\s+)?toll\b|\btoll\s+(?:was\s+|has\s+been\s+)?(?:cut|lowered|reduced|revised|raised|put|updated)\b", re.I)


def _take_group(d: _Draft, other: _Draft, why: str) -> None:
    """``d`` counts the victim group of ``other`` (and, for fighters, their side)."""
    d.victims, d.victims_rule = other.victims, f"victims:{why}"
    if other.victims == "combatants":
        d.side, d.side_rule = other.side, f"side:{why}"


def _countrymen_of_a_force(drafts: list[_Draft], text: str, country: str | None) -> None:
    """"The bodies of three missing Cambodians were found", "nine Moroccans
    and one Cambodian were also wounded" in a story that counted "Cambodian
    soldiers" and "a Moroccan soldier": people named by their nationality
    alone are the soldiers the story named by it (peacekeepers, a foreign
    army's troops), not people at large."""
    for d in drafts:
        if d.victims != "people" or d.victims_rule not in _NATIONALITY_ALONE:
            continue
        g = d.paired.group
        head = d.sent.text[g.number_end:g.end].split()[-1:] if g.end > g.number_end else []
        if not head or not head[0][:1].isupper():
            continue
        demonym = re.sub(r"(?<=[a-z])s$", "", head[0])
        if world.demonym_as_name(demonym) is None:
            continue
        if (force := re.search(rf"\b{re.escape(demonym)}\s+(?:{_FORCE_MEMBERS})\b", text)) is not None:
            d.victims, d.victims_rule = "combatants", "victims:countrymen-of-a-force"
            if country is not None and d.side is None:
                # their side is that force's, where the story is ("Cambodian soldiers" in the Central African Republic: other)
                d.side, d.side_rule = world.victim_side(force.group(0), country)


_NATIONALITY_ALONE = frozenset({"victims:unknown-plural", "victims:singular-demonym"})
_FORCE_MEMBERS = r"soldiers?|troops|peacekeepers?|servicem[ae]n|marines?|paratroopers?|blue\s+helmets|contingent|battalion|gendarmes?"


def _bare_count_after_a_group(drafts: list[_Draft]) -> None:
    """A count with no noun that opens its sentence right after a figure of
    civilians or fighters ("... killing three members of the security
    forces. Police Chief Farid Mashal says five were wounded") counts that
    group, as "10 civilians killed, 15 injured" does within one sentence
    (gold guide)."""
    for i, d in enumerate(drafts):
        if d.victims_rule != "victims:default-people" or d.parent is not None:
            continue
        further = _FURTHER_BEFORE.search(d.sent.text, max(0, d.paired.group.start - 20), d.paired.group.start) is not None
        if d.paired.group.others and not further:
            continue
        if i == 0 or not _SUBJECT_OF_VERB.match(d.sent.text, d.paired.group.end):
            continue  # ("The last war claimed over 4,000 lives": an object, with a word of its own)
        before = drafts[i - 1]
        if before.victims not in ("civilians", "combatants") or before.parent is not None:
            continue
        if d.paired.group.start <= BARE_COUNT_OPENS and before.sent.index == d.sent.index - 1 and not d.paired.group.others:
            _take_group(d, before, "group-of-the-sentence-before")
        elif further and d.sent.index - 2 <= before.sent.index <= d.sent.index:
            # "In addition to the 23 soldiers who died, a further 17 were wounded": more of that group
            _take_group(d, before, "group-of-a-further-count")


_FURTHER_BEFORE = regexes.compile(r"\b(?:a\s+further|another|an\s+additional|further)\s+(?:at\s+least\s+|some\s+)?$", re.I)
_SUBJECT_OF_VERB = regexes.compile(r"\s+(?:more\s+|others?\s+)?(?:were|was|are|have|had|died|remain(?:ed)?|sustained|suffered)\b", re.I)
BARE_COUNT_OPENS = 60  # characters from its sentence's start within which a bare count is that sentence's subject


def _revised_toll_keeps_its_group(drafts: list[_Draft]) -> None:
    """A toll its sentence revises ("cut the death toll to eight") and a
    count "of the victims" count the group of the figure of the same outcome
    told just before (in that sentence or the two before), when that one
    names a group: "Gunmen killed 12 civilians ... the administrator
    confirmed the attack but cut the death toll to eight": eight civilians."""
    for i, d in enumerate(drafts):
        revised = d.victims_rule == "victims:default-people" and _REVISED_TOLL.search(d.sent.text) is not None
        if not (revised or d.victims_rule == "victims:of-the-victims") or d.parent is not None:
            continue
        before = next((x for x in reversed(drafts[:i]) if x.outcome == d.outcome and x.parent is None
                       and d.sent.index - 2 <= x.sent.index <= d.sent.index), None)
        if before is not None and before.victims not in ("people", None) and (revised or before.paired.group.n >= d.paired.group.n):
            _take_group(d, before, "of-the-toll-before")


_PART_TRIGGERS = ("outcome:among-dead", "outcome:partitive", "outcome:dead-included", "outcome:injured-included")


def _link_among_dead(drafts: list[_Draft]) -> None:
    """"Five children were among those killed", "eleven of the dead were
    women": a part of the figure of that outcome before; so is the next
    group of the same list ("included 342 government security personnel
    and 21 Sunni Bedouin") and "another" group right after it ("Another 15
    government forces were killed")."""
    for i, d in enumerate(drafts):
        if d.parent is not None:
            continue
        if d.paired.trigger.rule in _PART_TRIGGERS:
            for prev in reversed(drafts[:i]):
                if prev.outcome == d.outcome and prev.paired.group.n > d.paired.group.n and prev.parent is None:
                    d.parent = prev
                    break
        else:
            sibling = next((p for p in reversed(drafts[:i]) if p.sent.index >= d.sent.index - 1 and p.parent is not None
                            and p.outcome == d.outcome and p.paired.trigger.rule in _PART_TRIGGERS), None)
            if sibling is not None and _next_part(sibling, d) and sibling.parent.paired.group.n > d.paired.group.n:
                d.parent = sibling.parent


def _next_part(sibling: _Draft, d: _Draft) -> bool:
    """Whether ``d`` continues the list of parts ``sibling`` is in: the next
    group after "and" in its sentence, or "another" group in the next one."""
    if d.sent.index == sibling.sent.index:
        between = d.sent.text[sibling.paired.group.end: d.paired.group.start]
        return re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?", between) is not None
    return d.sent.index == sibling.sent.index + 1 and re.match(r"\s*(?:another|a\s+further)\s", d.sent.text, re.I) is not None


def _pick_when(d: _Draft, ws: list[When]) -> When | None:
    usable = [w for w in ws if not w.reporting]
    if not usable:
        return None
    anchor = d.paired.group.number_start
    text = d.sent.text

    def across_a_clause(w: When) -> bool:  # "Attacks over the past year have killed hundreds: at least 37 ... last month"
        lo, hi = (w.end, anchor) if w.end <= anchor else (anchor, w.start)
        return ":" in text[lo:hi] or ";" in text[lo:hi]

    best = min(usable, key=lambda w: (across_a_clause(w), abs((w.start + w.end) // 2 - anchor)))
    if best.end <= anchor and len(usable) > 1 and _LIST_STEP.fullmatch(d.sent.text, best.end, anchor):
        # "4,289 deaths in March 2022, 840 fatalities in April, and 586 in May": in a list, each count's
        # date follows it; the one before this count is the count before's
        numbers = [n.start for n in find_numbers(d.sent.text)]
        after = next((w for w in usable if w.start >= d.paired.group.number_end
                      and not any(anchor < n < w.start for n in numbers)), None)
        if after is not None and any(n < best.start for n in numbers):
            return after
    return best


def _before_this_incident(came: re.Match[str], earlier: list[_Draft], published: dt.date | None) -> When | None:
    """The days of an earlier attack the sentence recalls ("The incident comes
    a week after a bomb blast ... killed eight people"): as many days before
    this incident's day (the last figure dated by its own day, else the
    publication) as the words say, or within the week before when they do not
    say exactly ("comes days after")."""
    told = next((x.period for x in reversed(earlier) if x.period is not None and x.period.first == x.period.last
                 and x.period_rule in _ATTACK_DAY_RULES), None)
    ref = told.first if told is not None else published
    if ref is None:
        return None
    back = _DAYS_BACK.get(" ".join(came.group(1).lower().split()))
    if back is not None:
        day = ref - dt.timedelta(days=back)
        return When(came.start(), came.end(), day, day, DatePrecision.DAY, 2 if back >= 7 else 1, "when:days-before")
    return When(came.start(), came.end(), ref - dt.timedelta(days=14), ref - dt.timedelta(days=1), DatePrecision.WEEK, 3,
                "when:days-before")


_LIST_STEP = regexes.compile(r"\s*[,;]\s*(?:and\s+|while\s+|with\s+)?")


def _assign_period(d: _Draft, sents: list[Sentence], whens: list[list[When]], published: dt.date | None,
                   earlier: list[_Draft], war: dt.date | None = None, war_over: dt.date | None = None,
                   attack_day=lambda: None) -> None:
    si = d.sent.index
    if d.parent is not None and d.parent.period is not None and d.parent.sent.index == si:
        d.period, d.period_rule = d.parent.period, "when:parent"
        return
    w = _pick_when(d, whens[si])
    anchor = d.paired.group.number_start
    if w is not None and published is not None and w.end <= anchor:
        between = d.sent.text[w.end: anchor]
        if (after := _DAYS_AFTER.search(between)) is not None:
            # "resumed Wednesday, days after a bombing killed 120": the figure is older than that date; "on Tuesday
            # (Jan 31) ... a day after a suicide bombing ... killing 100 people": exactly a day older
            back = _DAYS_BACK.get(" ".join(after.group(1).lower().split()))
            if back is not None:
                day = w.first - dt.timedelta(days=back)
                w = When(w.start, w.end, day, day, DatePrecision.DAY, 1, "when:days-before")
            else:
                w = When(w.start, w.end, w.first - dt.timedelta(days=7), w.first - dt.timedelta(days=1),
                         DatePrecision.WEEK, 3, "when:days-before")
    if w is None and (came := _CAME_AFTER.search(d.sent.text, 0, anchor)) is not None:
        w = _before_this_incident(came, earlier, published)
    since_event = [x for x in whens[si] if x.rule.startswith("when:since-event:")]
    if since_event and w is not None and not w.rule.startswith("when:since-event:") and w.rule in ("when:ago", "when:published"):
        w = since_event[0]  # "since the assault began two months ago": the assault's own date is better
    rule = w.rule if w else ""
    if w is not None and w.rule.startswith("when:since-event:"):
        thing = w.rule.rsplit(":", 1)[1]
        found = resolve_since_event(thing, [(s.text, whens[s.index]) for s in sents if s.index != si])
        if found is not None:
            w = When(w.start, w.end, found.first, published or found.last, DatePrecision.MONTHS, max(found.tolerance, 10), "when:since-event")
            rule = "when:since-event"
        else:
            w = None
    if w is not None and w.anaphoric:
        prior = None
        for j in range(si - 1, max(-1, si - 1 - CONTEXT_BACK), -1):
            cands = [x for x in whens[j] if not x.reporting and not x.anaphoric and x.first != x.last]
            if cands:
                prior = cands[-1]
                break
        w = When(w.start, w.end, prior.first, prior.last, prior.precision, prior.tolerance, "when:that-period") if prior else None
        rule = "when:that-period" if prior else ""
    if w is None:
        # "said the 544 civilians killed ... include 130 children": a figure the article
        # gave before keeps the period it was given with
        same = next((x for x in earlier if x.period is not None and x.paired.group.n >= SMALL_RESTATED
                     and x.period_rule not in ("when:published",)
                     and (x.outcome, x.paired.group.n, x.victims) == (d.outcome, d.paired.group.n, d.victims)), None)
        if same is not None:
            w, rule = same.period, "when:restated"
    if w is None and not _is_national_total(d):
        # "the suspected attack": the day that attack was told with, sentences before
        found = _that_incident_day(d, sents, whens)
        if found is not None:
            w, rule = found, "when:that-incident"
        elif _incident_patterns()[1].search(d.sent.text):
            # "... a day after a suicide bombing ripped through a crowded mosque ..., killing 100 people. [...] At
            # least 170 people were wounded in the blast": the day of the attack's first figure, one day
            told = next((x for x in earlier if x.period is not None and x.period.first == x.period.last
                         and x.period_rule in _ATTACK_DAY_RULES), None)
            if told is not None:
                w, rule = told.period, "when:that-incident"

    if w is None and not _is_national_total(d):
        # the period of a figure in the sentences just before
        for prev in reversed(earlier):
            # (two sentences back when the one between counts nobody and dates nothing: "An Israeli strike ... early
            # Saturday killed at least 10 ... The strike is among the deadliest since ... Among the dead were a woman")
            reach = 2 if si >= 2 and not any(e.sent.index == si - 1 for e in earlier) and not _dates_an_event(sents[si - 1], whens[si - 1]) else 1
            if (prev.period is not None and prev.sent.index >= si - reach
                    and prev.period_rule not in ("when:published", "when:parent", *_WAR_WIDE)):
                # not from a war-wide total ("the war, which has claimed 400,000 lives"):
                # the next sentence's "five children were killed" is one incident
                w, rule = prev.period, "when:previous-figure"
                break
    if w is not None and _is_national_total(d) and w.first == w.last and rule not in ("when:date", "when:year-end"):
        w = None  # "more than 280,000 killed" dated by a weekday in its sentence: a war-wide total still
        # (not "the UN estimated at the end of 2023 that nearly seven million people were displaced": a count on that day)
    if w is None and d.outcome and _is_national_total(d):
        if war is not None and published is not None:
            w, rule = When(0, 0, war, war_over or published, DatePrecision.YEARS, 180, "when:national-total"), "when:national-total"
    if w is None and not _is_national_total(d):
        # "Separatist fighters killed six people in a raid on an army post, the government said
        # Saturday. The dawn raid on Friday ...": the very next sentence, about the same attack, dates it
        for j in range(si + 1, min(len(sents), si + 2)):
            if _same_incident_after(sents[j].text):
                text_j = sents[j].text
                days = [x for x in whens[j] if not x.reporting and not x.anaphoric
                        and (x.first == x.last or x.rule == "when:weekday-night"  # ("This happened late Tuesday night")
                             # ("the casualties occurred between Nov. 14 to Nov. 17"): a few days the sentence spans
                             or x.rule in _DAY_RANGES and (x.last - x.first).days <= INCIDENT_RANGE_DAYS)
                        and x.rule in ("when:weekday", "when:date", "when:yesterday", "when:weekday-night", *_DAY_RANGES)
                        and not _SINCE_BEFORE.search(text_j, max(0, x.start - 70), x.start)
                        # "told Radio Tamazuj on Monday that the clashes erupted last Friday": the day it was told
                        and not _TOLD_BEFORE.search(text_j, max(0, x.start - 40), x.start)]
                if days:
                    w, rule = days[0], "when:same-incident-after"
                break
    if w is None:
        # an attack its own sentence tells ("War jets struck Urum al Kubra town where five civilians
        # were killed") is no tally over the "last year" of the sentence before
        one_attack = _ONE_ATTACK.search(d.sent.text) is not None and not _is_running_total(d)
        running = _is_running_total(d)
        for j in range(si - 1, max(-1, si - 1 - 2), -1):
            background = not running and not any(e.sent.index == j for e in earlier)
            cands = [x for x in whens[j] if not x.reporting and not x.anaphoric and not x.rule.startswith("when:since-event")
                     # "since the militant group and the army started trading strikes on Oct. 8": when a war began
                     and not (background and x.first == x.last and _in_since_clause(sents[j].text, x))
                     and x.rule not in _WAR_WIDE  # "a rebellion which has claimed 5,500 lives" dates no incident after it
                     and not (one_attack and (x.last - x.first).days > INCIDENT_DAYS)
                     # "The army has fought Fano since April last year. [...] 18 people sustained injuries": the
                     # open-ended "since" of a sentence that counts no one dates only a running total
                     and not (background and x.rule.startswith(_OPEN_SINCE))
                     # "armed violence has claimed the lives of thousands in the last year. [...] eight bodies
                     # were retrieved": a long span that dates a vague toll dates no figure after it
                     and not (background and (x.last - x.first).days > INCIDENT_DAYS
                              and _VAGUE_TOLL.search(sents[j].text, max(0, x.start - 60), x.end + 60))]
            if cands:
                w, rule = cands[-1], "when:previous-sentence"
                break
    if w is not None and w.rule.startswith("when:n-old:"):
        # "the two-month-old campaign": the day the text says the campaign began, if near
        thing = w.rule.rsplit(":", 1)[1]
        found = resolve_since_event(thing, [(s.text, whens[s.index]) for s in sents if s.index != si])
        near = found is not None and abs((found.first - w.first).days) <= max(7, (w.last - w.first).days // 3)
        w = dataclasses.replace(w, first=found.first if near else w.first, rule="when:n-old",
                                tolerance=found.tolerance if near else w.tolerance)
        rule = rule if rule.startswith(("when:previous", "when:that")) else "when:n-old"
    if (w is not None and published is not None and rule in ("when:previous-sentence", "when:previous-figure")
            and w.first == w.last < published and _is_running_total(d)):
        # "the toll has climbed to 96" after "clashes that began on August 26": a running
        # total counts from the day the events began to the day it was reported
        w = When(w.start, w.end, w.first, published, DatePrecision.DAYS if (published - w.first).days < 8 else DatePrecision.MONTH,
                 max(w.tolerance, 1), "when:running-since", base=w.base)
        rule = "when:running-since"
    if w is None and published is not None and _is_running_total(d):
        # no date of its own: a running total counts from the earliest event the article dated before it
        began = [x for j in range(si) for x in whens[j] if not x.reporting and not x.anaphoric
                 and x.first == x.last and 0 < (published - x.first).days <= RUNNING_BACK_DAYS]
        if began:
            first = min(began, key=lambda x: x.first)
            w = When(first.start, first.end, first.first, published, DatePrecision.DAYS if (published - first.first).days < 8 else DatePrecision.MONTH,
                     max(first.tolerance, 1), "when:running-since", base=first.base)
            rule = "when:running-since"
    if published is not None and _is_running_total(d) and (
            w is None or w.first == w.last and rule in _DAY_RULES and d.paired.trigger.rule in _RUNNING_TRIGGERS
            # "has reached 14" after "two bodies each in the last two days": a toll is not the last figure's span
            or rule in ("when:previous-figure", "when:previous-sentence") and _GROWN_TO.search(d.sent.text)):
        # "The toll ... on Monday rose to 62" ... "Violence first erupted in Manipur on Wednesday",
        # "Tripoli has witnessed deadly clashes since August 26th": a running total counts from
        # when the violence began, wherever the article says it
        began = _violence_began(sents, whens, published)
        if began is not None and (w is None or began.first < w.first):
            last = w.last if w is not None else published
            w = When(began.start, began.end, began.first, last, DatePrecision.DAYS if (last - began.first).days < 8 else DatePrecision.MONTH,
                     max(began.tolerance, 1), "when:running-since", base=began.base)
            rule = "when:running-since"
    if w is not None and rule == "when:running-since" and w.first == attack_day() and not _is_national_total(d):
        # "the January 30 mosque blast ... the confirmed number of martyrs stood at 84": the toll of the one
        # attack the article tells, dated by its day, not a running total since then
        w, rule = When(w.start, w.end, w.first, w.first, DatePrecision.DAY, 1, "when:attack-day-toll", base=w.base), "when:attack-day-toll"
    if w is None and published is not None and not _is_national_total(d) and (day := attack_day()) is not None:
        # "Last Saturday, gunmen attacked the village of Seytenga. [...] 50 bodies had been found so far":
        # the one day the article says its attack happened (extract/attack_day.py)
        w = When(0, 0, day, day, DatePrecision.DAY, 1, "when:attack-day")
        rule = "when:attack-day"
    if w is None and published is not None:
        w = When(0, 0, published, published, DatePrecision.DAY, 1, "when:published")
        rule = "when:published"
    d.period, d.period_rule = w, rule


def _dates_an_event(sentence: Sentence, whens_of_sentence) -> bool:
    """Whether a sentence gives a day or a span of its own (not when it was said, not "since ...")."""
    return any(not x.reporting and not x.anaphoric and not x.rule.startswith(("when:since", *_OPEN_SINCE))
               and not _in_since_clause(sentence.text, x) for x in whens_of_sentence)


_SINCE_CLAUSE = regexes.compile(r"\bsince\b[^.;,]{0,100}$", re.I)


def _in_since_clause(text: str, x) -> bool:
    """"since the militant group and the army started trading strikes on Oct. 8": the day a war began."""
    return _SINCE_CLAUSE.search(text, max(0, x.start - 110), x.start) is not None


_VAGUE_TOLL = regexes.compile(r"\b(?:thousands|hundreds|dozens|scores|many|countless)\b", re.I)
# a toll in the present perfect has grown since the violence began ("has reached 14", "have been reported")
_GROWN_TO = regexes.compile(r"\b(?:has|have)\s+(?:now\s+|so\s+far\s+)?(?:reached|risen|climbed|increased|grown|been\s+(?:reported|recorded|registered))\b", re.I)
_DAY_RULES = ("when:weekday", "when:today", "when:published", "when:date")
_BEGAN = regexes.compile(r"\b(?:violence|fighting|clashes|unrest|attacks?|offensive|hostilities|war|conflict|escalation)\b[^.;]{0,40}?\b(?:first\s+)?"
                    r"(?:erupted|broke\s+out|began|started|flared)\b", re.I)
_VIOLENCE_THEN = regexes.compile(r"\b(?:clashes|fighting|violence|attacks?|offensive)\b", re.I)
_SINCE_RULES = ("when:since-date", "when:since-weekday", "when:since-began-on")


def _violence_began(sents: list[Sentence], whens, published: dt.date) -> When | None:
    """The earliest day the article says the violence began ("since August
    26th", "violence first erupted ... on Wednesday"), within RUNNING_BACK_DAYS."""
    found = []
    for s in sents:
        for x in whens[s.index]:
            if not (0 < (published - x.first).days <= RUNNING_BACK_DAYS):
                continue
            if x.rule in _SINCE_RULES or (x.first == x.last and not x.reporting and _BEGAN.search(s.text)):
                found.append(x)
            elif x.rule in ("when:last-week", "when:this-week") and _VIOLENCE_THEN.search(s.text):
                found.append(x)  # "following inter-communal clashes last week": they began that week
    return min(found, key=lambda x: x.first) if found else None


RUNNING_BACK_DAYS = 60  # a running total with no date of its own counts from an event dated at most this long before


_RUNNING_TRIGGERS = ("outcome:toll", "outcome:toll-brought", "outcome:number-killed", "outcome:number-injured", "outcome:toll-update")
_SO_FAR = compile_lowered(r"\b(?:so\s+far|to\s+date)\b")
_PERFECT = compile_lowered(r"\b(?:has|have)\s+(?:now\s+|so\s+far\s+|since\s+)?(?:been\s+)?(?:\w+ly\s+)?$|\b(?:so\s+far|to\s+date|in\s+total|overall)\b")


def _is_running_total(d: _Draft) -> bool:
    """A count that grows while events go on: a toll ("the death toll rose to
    62") or a perfect ("have been displaced", "has killed")."""
    t = d.paired.trigger
    if t is None:
        return False
    if t.rule in _RUNNING_TRIGGERS:
        # "The previous death toll was four soldiers": an earlier count of the same attack, not a running total
        return not ("toll" in d.sent.text and _EARLIER_TOLL.search(d.sent.text, max(0, t.start - 25), t.end))
    before = d.sent.text[max(0, t.start - 40): t.start]
    if d.outcome == "displaced" and _DISPLACED_NOW.search(d.sent.text):
        return True  # "97,825 people are displaced", "57,800 IDPs are sheltering in 55 schools": a stock
    return bool(_PERFECT.search(before)) or bool(_SO_FAR.search(d.sent.text))


_DISASTER_GATE = ("flood", "rain", "quake", "tremor", "cyclone", "hurricane", "typhoon", "slide", "drought", "storm", "tsunami", "wildfire", "volcan")
_CONFLICT_WORDS = regexes.compile(
    r"\b(?:attack|attacks|attacked|clash|clashes|fighting|fighters|strikes?|airstrikes?|shell(?:s|ing|ed)?|bomb(?:s|ing|ed)?|war|violence|gunmen|"
    r"militants?|rebels?|insurgen\w+|armed|troops|soldiers|conflict|offensive|raids?|militias?|gangs?)\b", re.I)


def _caused_by_disaster(text: str, p) -> bool:
    """Whether the harm in the figure's sentence is a natural hazard's ("floods caused by torrential rains ...
    displacing over 13,000 others"), in a sentence that names nothing of armed conflict."""
    low = text.lower()
    if not any(w in low for w in _DISASTER_GATE):
        return False
    return _cue_in("disaster", text) and not _CONFLICT_WORDS.search(text)


def _cue_in(kind: str, text: str) -> bool:
    return any(e.values[0] == kind and e.searcher.search(text) for e in lexicon.entries("cues"))


_IDPS_WERE_THERE = regexes.compile(r"\s*(?:\([A-Z]+\)\s*)?had\s+been\s+(?:sheltering|living|staying|housed|camped)\b", re.I)
_EARLIER_TOLL = regexes.compile(r"\b(?:previous|earlier|initial|first|preliminary|provisional)\s+(?:death\s+)?toll\b", re.I)
_DISPLACED_NOW = regexes.compile(r"\b(?:are|is|remain|remains)\s+(?:now\s+|still\s+|currently\s+)?(?:displaced|sheltering|staying|living|"
                            r"hosted|gathering|taking\s+shelter)\b", re.I)


INCIDENT_BACK = 8  # sentences searched for the attack that "the attack" refers to


@functools.cache
def _incident_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(an incident noun, a definite reference to one) from the ``incident``
    cues of lexicon ``cues``."""
    nouns = "|".join(f"(?:{e.pattern})" for e in lexicon.entries("cues") if e.value == "incident")
    return (regexes.compile(rf"\b(?:{nouns})\b", re.I),
            regexes.compile(rf"\b(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b", re.I))


_THAT_ONE = regexes.compile(r"\b(?:in|by|during)\s+that\s+(?:attack|assault|bombing|strike|air\s*strike|raid|massacre|incident|ambush|explosion|blast)\b", re.I)


def _that_incident_day(d: _Draft, sents: list[Sentence], whens) -> When | None:
    """When a figure's sentence names no date but refers to an attack told
    before ("died in the suspected attack", "the attack killed more than
    100"), the single day given with that attack in one of the sentences
    before: right after its noun ("a sarin attack on Khan Sheikhun on the
    4th of April") or just before it ("Tuesday's massacre")."""
    noun, definite = _incident_patterns()
    if not definite.search(d.sent.text):
        return None
    si = d.sent.index
    if si > 0 and "that" in d.sent.text and _THAT_ONE.search(d.sent.text):
        # "... since the bombing of a wedding in Kan Lay in October last year. More than 40 people were
        # killed in that attack": the attack the sentence before recalls, with the time it gives it
        told = [w for w in whens[si - 1] if not w.reporting and not w.anaphoric and (w.last - w.first).days <= 31]
        if told:
            return told[-1]
    for j in range(si - 1, max(-1, si - 1 - INCIDENT_BACK), -1):
        text = sents[j].text
        days = [w for w in whens[j] if not w.reporting and not w.anaphoric and w.first == w.last
                and not _TOLD_BEFORE.search(text, max(0, w.start - 40), w.start)]  # (not the day it was told)
        if not days:
            continue
        for m in noun.finditer(text):
            for w in days:
                if (m.end() <= w.start <= m.end() + 60 and "." not in text[m.end():w.start]) or 0 <= m.start() - w.end <= 12:
                    return w
    return None


_WAR_WIDE = ("when:since-war", "when:war-total", "when:national-total")


def _the_other_state_of_the_war(d: _Draft, country: str | None, published: dt.date | None) -> context.Hit | None:
    """In a war of two states (data/world/conflicts.tsv), the dead or hurt one
    side's demonym names ("the total number of Palestinian deaths in Gaza",
    "41 Azerbaijani civilians") were hit by the other state's forces, when no
    sentence names who did it; None when the other side is no state with
    forces of its own (Palestine) or the war is not of two states."""
    war = _war_of_two_states(country, published)
    if war is None:
        return None
    g, t = d.paired.group, d.paired.trigger
    spans = [(max(0, g.start - DEMONYM_REACH), g.end + DEMONYM_REACH)]
    if t is not None:
        spans.append((max(0, t.start - DEMONYM_REACH), t.start))
    found = {iso for start, end, iso, as_name in world.country_words(d.sent.text)
             if not as_name and iso in war.countries and any(a <= start and end <= b for a, b in spans)}
    if len(found) != 1:
        return None
    return _forces_of_the_other_state(war, found.pop(), country, "other-side-of-the-war")


def _war_of_two_states(country: str | None, published: dt.date | None) -> world.Conflict | None:
    """The war of the article's country (data/world/conflicts.tsv) when two
    states fight it and it had not ended by publication; else None."""
    war = world.the_war(country, published)
    if war is None or len(war.countries) != 2 or (war.end is not None and published is not None and war.end < published):
        return None
    return war


def _forces_of_the_other_state(war: world.Conflict, side: str, country: str | None, why: str) -> context.Hit | None:
    """The forces of the state ``side`` fights in ``war``, as an actor of
    news of ``country``; None when that side is no state with forces of its
    own (Palestine)."""
    other = next(iso for iso in war.countries if iso != side)
    if other == world.PALESTINE or other not in world.countries():
        return None
    return context.Hit(0, 0, world.state_force_actor(other, country), f"actor:state:{other}:{why}")


_FIRED_FROM_AFAR = frozenset({"air", "ground"})  # weapon families (data/event_types.tsv) fired across a front line


def _the_other_state_firing(d: _Draft, country: str | None, published: dt.date | None) -> context.Hit | None:
    """In a war of two states, a strike, drone, missile or shelling that hit
    the article's country, with nobody named as firing it, came from the
    other state ("three people were killed ... as a result of today's
    shelling" in news of Ukraine: Russia; a drone strike on Kursk in news of
    Russia: Ukraine); None when the other side is no state with forces of its
    own (Palestine) or the weapon is no stand-off weapon (gunfire, bombs)."""
    if d.weapon is None or tables.event_types().family.get(d.weapon.value) not in _FIRED_FROM_AFAR:
        return None
    war = _war_of_two_states(country, published)  # (the_war gives a war fought in the article's country)
    return None if war is None else _forces_of_the_other_state(war, country, country, "fired-across-the-front")


_WARPLANE_WEAPONS = frozenset({"airstrike", "barrel bomb"})  # dropped from warplanes (drones: armed groups fly them too)


def _the_only_air_force(d: _Draft, country: str | None, published: dt.date | None) -> context.Hit | None:
    """An air strike nobody is named for, in a war where one party alone
    bombs from warplanes (data/world/conflicts.tsv, air_strikes_by): that
    party ("civilians killed in an air strike in Ethiopia's Tigray region":
    the Ethiopian government's; in Lebanon, Israel's); a drone strike, where
    one party alone flies armed drones (drone_strikes_by: Ethiopia's)."""
    if d.weapon is None or d.weapon.value not in _WARPLANE_WEAPONS | {"drone"}:
        return None
    war = world.the_war(country, published)
    if war is None or (war.end is not None and published is not None and published > war.end + dt.timedelta(days=365)):
        return None
    flyer = war.drone_strikes_by if d.weapon.value == "drone" else war.air_strikes_by
    return None if flyer is None else context.Hit(0, 0, flyer, "actor:air-force-of-the-war")


DEMONYM_REACH = 25  # characters around the number (and before the outcome word) where the victims' demonym stands


def _since_the_war_began(d: _Draft, war: dt.date | None, published: dt.date | None) -> bool:
    """A count from the day the article's war began to publication ("Since April 15, 2023, the RSF has
    been battling the army ... More than 20,000 people have been killed so far"): the war's toll."""
    return (war is not None and published is not None and d.period is not None and d.period.first == war
            and 0 <= (published - d.period.last).days <= AS_OF_DAYS and (published - war).days > WAR_WIDE_MIN_DAYS)


AS_OF_DAYS = 31  # "from Feb. 24, 2022, to May 7" in news of May 12: the war's toll as of a recent day


WAR_WIDE_MIN_DAYS = 60  # a war younger than this is still mostly one offensive: its toll is not scoped to the country


def _is_national_total(d: _Draft) -> bool:
    n = d.paired.group.n
    return (d.outcome == "killed" and n >= 50_000) or (d.outcome == "displaced" and n >= 1_000_000)


_DAYS = r"((?:a\s+few|several|two|three|four|five|\d+)\s+days|a\s+day|one\s+day|days|a\s+week|weeks)"  # how long before
_DAYS_AFTER = regexes.compile(rf"\b{_DAYS}\s+after\b", re.I)
_ATTACK_DAY_RULES = ("when:days-before", "when:weekday", "when:date", "when:yesterday", "when:weekday-night",
                     "when:attack-day", "when:attack-day-toll")  # a figure's own day, stated by its text
_DAYS_BACK = {"a day": 1, "one day": 1, "two days": 2, "three days": 3, "a week": 7}  # how many days "... after" says exactly
# "The incident comes a week after a bomb blast ... killed eight people": the sentence recalls an earlier attack
_CAME_AFTER = regexes.compile(r"\b(?:comes?|came|coming)\s+(?:just\s+|only\s+|barely\s+|nearly\s+|almost\s+|less\s+than\s+)?"
                              rf"{_DAYS}\s+after\b", re.I)
_LOCATIVE_BEFORE = regexes.compile(r"\b(?:in|of|at|near|on|outside|around)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_THE_CITY = regexes.compile(r"\b(?:the\s+(?:city|town|district|neighbou?rhood|village)(?:'?s)?)\b", re.I)
_SAME_PLACE = compile_fast(
    r"\b(?:in|at|near|around)\s+the\s+same\s+(?:region|area|town|city|village|place|district|neighbou?rhood|province|spot)\b", re.I)
_REGION_OF_COUNTRY = regexes.compile(
    r"\b(?:in|across)\s+(?:the\s+)?(?:north|south|east|west|northern|southern|eastern|western|north-?eastern|"
    r"north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest|central)\s+"
    r"(?:Syria|Iraq|Yemen|Afghanistan|Pakistan|Nigeria|Somalia|Libya|Mali|Turkey|Lebanon)\b", re.I)
_SAME_INCIDENT = regexes.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:casualties|deaths|victims|attack|assault|strike|raid|bombing|blast|"
    r"explosion|ambush|clashes|fighting|offensive|convoy|patrol|checkpoint)\b|\btargeted\b", re.I)
# ("in a troubled anglophone region of Cameroon", "stormed a UN base in ...": the next sentences name it)
_UNNAMED_PLACE = regexes.compile(r"\b(?:a|one)\s+(?:[\w-]+\s+){0,3}(?P<kind>town|village|city|district|neighbou?rhood|area|part|region|base|camp|outpost)\b", re.I)


def _called_a_place(text: str, p: PlaceMention, kind: str | None = None) -> bool:
    """Whether the text calls ``p`` a town, village, city, district or area
    ("Atarib district", "the village of Kwatas"); with ``kind``, that kind."""
    after = _KIND_AFTER.match(text, p.end)
    before = _KIND_OF_BEFORE.search(text, max(0, p.start - 20), p.start)
    if kind is None:
        return bool(after or before)
    return any(m is not None and m.group().split()[0].lower() == kind for m in (after, before))


_CLAUSE_BREAK = compile_fast(r"\b(?:while|whereas|but|meanwhile)\b|;", re.I)
_FRONTED_PLACE = regexes.compile(r"^\W*(?:in|at)\s+(?:the\s+(?:town|village|city)\s+of\s+)?$", re.I)


_REFERENCE_POINT = places_mod.REFERENCE_POINT_BEFORE


def _place_score(text: str, anchor: int):
    """Lower is likelier: a place right after the number ("killed five in X"),
    named with a locative word; not one that a new clause places something
    else in ("At Kazarahoyo, the attackers killed five civilians while in
    Bulongo, two ..."), where the sentence's fronted place counts."""
    def score(p: PlaceMention) -> int:
        value = abs(p.start - anchor) + (0 if p.start > anchor else 40)
        if _LOCATIVE_BEFORE.search(text[max(0, p.start - 30): p.start]):
            value -= 20
        if p.start > anchor and _CLAUSE_BREAK.search(text, anchor, p.start):
            value += 80
        if p.start < anchor and _FRONTED_PLACE.match(text[: p.start]) and text[p.end: p.end + 1] == ",":
            value -= 40
        if p.start < anchor and _PARTICIPLE_AFTER.match(text, p.end):
            value -= 30  # "shot at houses in Nyaung Kone village, killing 10 villagers": where the killing was
        if p.rule == places_mod.UNIT_AS_PLACE_RULE and _HOLDS_THE_ONE_BEFORE.search(text, max(0, p.start - 60), p.start):
            value += 100  # "in the town of Kheret, located in Enarj Enawga Woreda": the unit holds the town
        if places_mod.speaks_for(text, p):
            value += 60  # "according to a Pale Township people's administration spokesman": who tells it
        return value

    return score


_OUTSIDE_BEFORE = regexes.compile(r"\boutside\s+(?:of\s+)?(?:the\s+)?$", re.I)
_FROM_BEFORE = regexes.compile(r"\bfrom\s+[^,;.]*$", re.I)
# a sentence about another time, whose places are not those of the figure after it
# (not "last month" of a lead: "After Kurdish militia expelled jihadists in Ras al-Ain last month Al-Qaeda counters by killing 17")
_BACKGROUND = regexes.compile(r"\brecall(?:s|ed)\s+that\b|\b(?:weeks|months|years)\s+ago\b", re.I)
_HOLDS_THE_ONE_BEFORE = regexes.compile(r"[A-Z][\w'’-]+(?:\s+(?:[Vv]illage|[Tt]own|[Cc]ity))?\s*,?\s+(?:located\s+|situated\s+|which\s+is\s+)?(?:in|of)\s+(?:the\s+)?$")
# (also "the village of al-Ghabshan al-Maramrah, an agricultural community in North Kordofan province")
_HELD_IN_GAP = regexes.compile(r"^(?:\s+(?:village|town|city|township|district))?(?:\s*,\s*(?:an?\s+(?:[\w'’-]+\s+){0,3}(?:in|of)\s+)?|\s+(?:in|of)\s+)"
                               r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
_PARTICIPLE_AFTER = regexes.compile(r"(?:\s+(?:village|town|city|township|district|area|camp|market))?\s*,\s+(?:killing|leaving|wounding|injuring)\b", re.I)
_HOLDER_GAP = regexes.compile(r"^\s*,\s+an?\s+(?:[\w-]+\s+)?(?:neighbou?rhood|district|suburb|quarter|village|part|area|locality)\s+"
                              r"(?:in|of|near|outside)\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?$", re.I)


_NEAR_GAP = regexes.compile(r"^\s*,?\s+(?:near|outside|close\s+to|not\s+far\s+from)\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?$", re.I)


def _reference_point(text: str, p: PlaceMention) -> bool:
    """Whether a settlement is named only to say where something else lies
    ("in Quezon province just south of the capital Manila", "10 km from
    Goma"): a point measured from, not where it happened."""
    return (_REFERENCE_POINT.search(text, max(0, p.start - 50), p.start) is not None
            and not _PART_OF_BEFORE.search(text, max(0, p.start - 50), p.start))


# "to encircle the rebel-held east of Aleppo": a part of the town, not a point measured from
_PART_OF_BEFORE = regexes.compile(r"\bthe\s+(?:[\w-]+\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest|"
                                  r"north-east|north-west|south-east|south-west)(?:ern)?\s+(?:part\s+|side\s+)?of\s+(?:the\s+)?$", re.I)


def _measured_from(text: str, first: PlaceMention, second: PlaceMention) -> bool:
    """Whether ``second`` only tells where ``first`` lies ("the village of
    Kfarjouz near Nabatieh", "Bab Ezzouar, east of Algiers")."""
    return bool(_NEAR_GAP.match(text[first.end: second.start]) or _REFERENCE_POINT.search(text, first.end, second.start))


_RESPECTIVELY = regexes.compile(r"\brespectively\b", re.I)
_DIGITS = regexes.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w])")
_LIST_GAP = regexes.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?:more\s+than|at\s+least|about|some|over|nearly|almost)\s+)?$", re.I)


def _respective_place(text: str, anchor: int, own: list[PlaceMention]) -> PlaceMention | None:
    """The place of a list that "respectively" pairs with a list of numbers,
    in the rank of the figure's number ("in the Chiùre and Macomia
    districts, leading to the displacement of 54,534 and 2,626 people,
    respectively"; "killed 5 and 7 people in Kidal and Gao respectively");
    None when the text pairs none or the lists differ in length."""
    if "espectively" not in text:
        return None
    r = _RESPECTIVELY.search(text, anchor)
    if r is None:
        return None
    nums = [m for m in _DIGITS.finditer(text, 0, r.start())]
    run = next((i for i, m in enumerate(nums) if m.start() == anchor), None)
    if run is None:
        return None
    lo = hi = run  # the run of numbers joined by "and" or commas around the figure's
    while lo > 0 and _LIST_GAP.match(text[nums[lo - 1].end(): nums[lo].start()]):
        lo -= 1
    while hi + 1 < len(nums) and _LIST_GAP.match(text[nums[hi].end(): nums[hi + 1].start()]):
        hi += 1
    if hi == lo:
        return None
    listed = [p for p in own if p.kind in ("settlement", "area") and p.rule != "place:direction-unit"
              and not places_mod.speaks_for(text, p)]
    before = [p for p in listed if p.end <= nums[lo].start()]
    after = [p for p in listed if nums[hi].end() <= p.start < r.start()]
    group = after if len(after) == hi - lo + 1 else before[-(hi - lo + 1):] if len(before) >= hi - lo + 1 else []
    if len(group) != hi - lo + 1:
        return None
    for a, b in zip(group, group[1:]):
        if not _LIST_GAP.match(text[a.end: b.start]):
            return None  # not one list of places ("X and Y")
    return group[run - lo]


_LIST_AND = regexes.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)$")


def _innermost(text: str, cands: list[PlaceMention]) -> PlaceMention:
    """The last settlement a sentence names, unless it only holds the one
    before ("the village of Egbekaw, a neighbourhood in the town of Mamfe"),
    or names the one who tells it ("in Nyaung Kone village, ... according
    to a Pale Township ... spokesman")."""
    cands = [p for p in cands if not places_mod.speaks_for(text, p)] or cands
    last = cands[-1]
    while len(cands) > 1 and _LIST_AND.match(text, cands[-2].end, last.start):
        # "in the villages of Mbingi and Mapasana": a list, none inside another; the first named
        cands, last = cands[:-1], cands[-2]
    if len(cands) > 1 and (_HOLDER_GAP.match(text[cands[-2].end: last.start]) or _measured_from(text, cands[-2], last)
                           or last.start - cands[-2].end < 40 and places_mod.named_as_unit(text, last)):
        # ("hit the village of Kfarjouz near Nabatieh", "in Husseiniyah, about 60 miles north of Baghdad":
        # the last one tells where the first lies)
        return cands[-2]
    return last


def _placed_in_own_sentence(d: _Draft) -> bool:
    """Whether the figure's own sentence names the settlement its people fled
    ("780,000 people have been forced to flee El-Fasher" since the war began):
    a total of the war that is that town's, not the country's."""
    return (d.outcome == "displaced" and d.place is not None and not d.place_inherited and d.place_sent is d.sent
            and _FLED_FROM.search(d.sent.text, max(0, d.place.start - 30), d.place.start) is not None)


_FLED_FROM = regexes.compile(r"\b(?:flee|fled|fleeing|leave|left|escaped|from)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I)


def _assign_place(d: _Draft, sents: list[Sentence], places, main_city, named_settlements, prev: _Draft | None = None,
                  country: str | None = None) -> None:
    si = d.sent.index
    if d.parent is not None and d.parent.sent.index == si and (d.parent.place or d.parent.area):
        d.place, d.place_sent, d.area, d.area_sent = d.parent.place, d.parent.place_sent, d.parent.area, d.parent.area_sent
        d.place_inherited, d.place_of_part = d.parent.place_inherited, d.parent.place_of_part
        return
    anchor = d.paired.group.number_start
    own = places[si]
    settlements = [p for p in own if p.kind == "settlement" and not places_mod.speaks_for(d.sent.text, p)]
    # "in Eastern Ghouta ... in the rebel enclave outside Damascus": the city tells where the place named before lies
    settlements = [p for p in settlements if not (_OUTSIDE_BEFORE.search(d.sent.text, max(0, p.start - 12), p.start)
                                                  and any(o.end <= p.start for o in own if o is not p))]
    if not settlements and d.outcome == "displaced":
        settlements = [p for p in own if p.kind == "destination"]  # "forcing 13,000 people to flee to Chiùre town"
    areas = [p for p in own if p.kind == "area"]
    hoods = [p for p in own if p.kind == "neighbourhood"]
    # (not a country's part named by a direction: "southern Lebanon" holds Nabatieh in common speech)
    # (nor where people came from: "evacuees ... from the villages of Foua and Kefraya in the province of Idlib")
    own_area = min((p for p in areas if p.rule != "place:direction-unit" and not _FROM_BEFORE.search(d.sent.text, max(0, p.start - 80), p.start)),
                   key=_place_score(d.sent.text, anchor), default=None)

    def fits(p: PlaceMention) -> bool:
        # a settlement taken from elsewhere in the text lies in the unit the figure's own sentence
        # names ("88 people were killed ... in central Baghdad", not Baquba of the sentence before)
        return own_area is None or not places_mod.lies_outside(p.text, own_area.text, country)

    respective = _respective_place(d.sent.text, anchor, own)
    if respective is not None:
        # "in the Chiùre and Macomia districts, leading to the displacement of 54,534 and 2,626 people,
        # respectively": the place in the same rank as the figure's number
        d.place, d.place_sent = respective, d.sent
    elif settlements:
        d.place = min(settlements, key=_place_score(d.sent.text, anchor))
        d.place = next((p for p in settlements if p.end <= d.place.start and d.place.start - p.end < 40
                        and _measured_from(d.sent.text, p, d.place)),
                       d.place)  # "the village of Kafr Nabl near Maarat al-Numan", "Bab Ezzouar, east of Algiers": the first
        d.place_sent = d.sent
        if len(settlements) == 1 and _REFERENCE_POINT.search(d.sent.text, max(0, d.place.start - 50), d.place.start):
            # "a massacre northwest of Port-au-Prince ... left at least 70 dead. Carried out in the town of
            # Pont Sonde, ...": a place named only to tell where the attack was from it is no place of it
            ahead = _place_ahead(si, sents, places, lambda text, p: _KIND_OF_BEFORE.search(text[max(0, p.start - 20): p.start]),
                                 pick=lambda text, p: p.text != d.place.text
                                 and bool(_KIND_OF_BEFORE.search(text[max(0, p.start - 20): p.start])))
            if ahead is not None:
                d.place, d.place_sent, d.place_inherited = *ahead, True
        elif _UNNAMED_PART_BEFORE.search(d.sent.text, max(0, d.place.start - 90), d.place.start):
            # "assaults on residents of a neighborhood in the Haitian capital, Port-au-Prince. [...] the
            # Carrefour-Feuilles district": the part of the town the next sentences name
            city = d.place
            ahead = _place_ahead(si, sents, places, lambda text, p: _PART_KIND_AFTER.match(text, p.end),
                                 pick=lambda text, p: p.text != city.text and bool(_PART_KIND_AFTER.match(text, p.end)),
                                 kinds=("settlement", "neighbourhood"))
            if ahead is not None:
                d.place, d.place_sent, d.place_inherited = *ahead, True
                d.place_of_part = True
    if areas:
        d.area = min(areas, key=_place_score(d.sent.text, anchor))
        d.area_sent = d.sent
    if d.place is None and prev is not None and prev.place is not None and _SAME_PLACE.search(d.sent.text) and fits(prev.place):
        # "... killed in clashes in the same region": where the figure before happened
        d.place, d.place_sent, d.place_inherited = prev.place, prev.place_sent, True
        if d.area is None:
            d.area, d.area_sent = prev.area, prev.area_sent
    if d.place is None and _THE_CITY.search(d.sent.text) and not hoods:
        # "the town": the one named just before
        for j in range(si - 1, max(-1, si - 1 - 2), -1):
            cands = [p for p in places[j] if p.kind == "settlement" and fits(p)]
            if cands:
                d.place, d.place_sent, d.place_inherited = cands[-1], sents[j], True
                break
    if d.place is None and (hoods or _THE_CITY.search(d.sent.text)):
        # a neighbourhood, or "the city": the figure's place is the article's city
        city = main_city()
        if city is not None and fits(city[0]):
            d.place, d.place_sent = city
            d.place_inherited = True
    if d.place is None and (unnamed := _UNNAMED_PLACE.search(d.sent.text)) is not None:
        # "struck a town in northern Aleppo province": the next sentences name it, the
        # one the text calls a town or village first ("Aleppos opposition-held Atarib district"),
        # what the figure's sentence called it first ("hit a village ... in the village of Kwatas in
        # Bokkos local government area")
        kind = unnamed.group("kind").lower()
        # (not a sentence that puts its places in another province: "Meanwhile in southern Zabul province ... in
        # Shahjoy District", after "a security outpost in eastern Ghazni province")
        ahead = _place_ahead(si, sents, places, _called_a_place, last=True,
                             pick=lambda text, p: fits(p) and not _names_another_unit(text, own_area),
                             prefer=lambda text, p: _called_a_place(text, p, kind))
        if ahead is not None:
            d.place, d.place_sent, d.place_inherited = *ahead, True
    if d.place is None:
        for j in range(si - 1, max(-1, si - 1 - 2), -1):
            if _NEW_INCIDENT.search(sents[j + 1].text) and (j + 1 < si or areas):
                break  # "In another report from the western Herat province, ...": not the town of the report before
            if prev is not None and prev.sent.index == j and prev.place is not None and prev.place_of_part:
                # the place the figure just before was given from further on ("a neighborhood in the capital,
                # Port-au-Prince ... the Carrefour-Feuilles district"), not the town its sentence names
                d.place, d.place_sent, d.place_inherited, d.place_of_part = prev.place, prev.place_sent, True, True
                break
            if _BACKGROUND.search(sents[j].text):
                continue  # "Concise News recalls that Barkin Ladi was one of the worst-hit councils ... some months ago"
            cands = [p for p in places[j] if p.kind == "settlement" and fits(p) and not places_mod.speaks_for(sents[j].text, p)
                     and not _reference_point(sents[j].text, p)]
            if cands:
                d.place, d.place_sent, d.place_inherited = _innermost(sents[j].text, cands), sents[j], True
                break
    if d.place is None and _REGION_OF_COUNTRY.search(d.sent.text):
        # "killed ... in an attack in northern Syria. ... the casualties came after a rocket
        # attack ... south of the town of al-Rai": the next sentences place the same attack
        ahead = _place_ahead(si, sents, places, lambda text, p: _KIND_OF_BEFORE.search(text[max(0, p.start - 20): p.start]),
                             sentence_ok=_SAME_INCIDENT.search, pick=lambda text, p: fits(p))
        if ahead is not None:
            d.place, d.place_sent, d.place_inherited = *ahead, True
    if d.place is None and not hoods and _is_incident(d):
        # "An Israeli air strike in southern Lebanon has killed 10 people. The building
        # hit, in the city of Nabatieh, ...": the next sentence that speaks of the same
        # attack names where it was
        ahead = _place_ahead(si, sents, places, lambda text, p: _LOCATIVE_BEFORE.search(text[max(0, p.start - 30): p.start]),
                             sentence_ok=_same_incident_after, pick=lambda text, p: fits(p))
        if ahead is not None and not _another_named_before(si, ahead, named_settlements()):
            d.place, d.place_sent, d.place_inherited = *ahead, True
    holder = d.place if d.place is not None and not d.place_inherited else d.area if d.place is None else None
    if holder is not None and not hoods and _is_incident(d):
        # "killed in the mountainous Kishtwar district ... an operation in Chatroo area of the
        # Kishtwar district": a place the next sentences name as a part of the figure's
        within = _place_ahead(si, sents, places, lambda text, p: False,
                              sentence_ok=lambda text: places_mod.held_by_any(text, holder.text),
                              pick=lambda text, p: places_mod.held_by(text, p, holder.text))
        if within is None:
            # "massacred in Tole Kebele of Gimbi ... a resident of the Gimbi area where the incident took
            # place: 'I have counted 230 bodies'": the part of it the text named before
            within = next(((p, sents[j]) for j in range(si - 1, -1, -1) if holder.text in sents[j].text
                           for p in places[j]  # (a sentence without the holder's name needs no place mentions read)
                           if p.kind == "settlement" and places_mod.held_by(sents[j].text, p, holder.text)), None)
        if within is not None:
            if holder is d.place:  # the place that holds it is the figure's area
                d.area, d.area_sent = d.place, d.place_sent
            d.place, d.place_sent, d.place_inherited = *within, True
    if d.place is not None and not d.place_inherited and _is_incident(d) and places_mod.named_as_unit(d.sent.text, d.place):
        # "five villagers in Barkin Ladi local government area ... the incident happened on Wednesday
        # at Pugu village": the village the next sentence about the same attack names
        unit = d.place
        village = _place_ahead(si, sents, places, lambda text, p: False, sentence_ok=_same_incident_after,
                               pick=lambda text, p: not places_mod.named_as_unit(text, p)
                               and not places_mod.in_another_admin1(p.text, unit.text, country))
        if village is not None:
            d.place, d.place_sent, d.place_inherited = *village, True
    if d.place is None and hoods:
        d.place, d.place_sent = hoods[0], d.sent
    if d.place is not None and d.place_sent is not None and (d.area is None or d.area_sent is not d.sent):
        # "hit the village of Kfarjouz near Nabatieh": a village the gazetteer may not know lies in the
        # unit of the town it is near
        text = d.place_sent.text
        owner = next((p for p in places[d.place_sent.index] if p.kind == "area" and p.end <= d.place.start
                      and _OWNER_GAP.match(text[p.end: d.place.start])), None)
        near = next((p for p in places[d.place_sent.index] if p.kind == "settlement" and p.start >= d.place.end
                     and _NEAR_GAP.match(text[d.place.end: p.start])), None)
        if owner is not None:
            d.area, d.area_sent = owner, d.place_sent  # "Kharkiv Oblast's front-line village of Cherneshchyna"
        elif near is not None:
            d.area, d.area_sent = near, d.place_sent
    if (d.area is None or d.area.rule == places_mod.DIRECTION_UNIT_RULE) and d.place is not None \
            and d.place_sent is not None and d.place_sent is not d.sent:
        # (over "southern Lebanon" of the figure's own sentence: "The strike on Wadi al-Kfour in Nabatieh province")
        # "... in a troubled anglophone region. ... attacked the village of Obonyi II in the Southwest
        # Region": the unit the sentence that names the place gives it
        text = d.place_sent.text
        held = [p for p in places[d.place_sent.index] if p.kind == "area" and p.start >= d.place.end
                and _HELD_IN_GAP.match(text[d.place.end: p.start]) and not places_mod.lies_outside(d.place.text, p.text, country)]
        if held:
            d.area, d.area_sent = held[0], d.place_sent
    if d.area is None and d.place is not None and prev is not None and prev.place is not None \
            and prev.place.text == d.place.text and prev.area is not None and prev.area.rule != places_mod.DIRECTION_UNIT_RULE:
        d.area, d.area_sent = prev.area, prev.area_sent  # the unit of the figure before, in the same place
    if d.area is None:
        for j in range(si - 1, max(-1, si - 1 - CONTEXT_BACK), -1):
            cands = [p for p in places[j] if p.kind == "area"]
            if cands:
                d.area, d.area_sent = cands[-1], sents[j]
                break


_KIND_AFTER = regexes.compile(r"\s+(?:town|village|city|district|area)\b", re.I)
# "Kharkiv Oblast's front-line village of ", "Kherson Oblast’s ": the unit that owns the place after it
_OWNER_GAP = regexes.compile(r"\s*(?:oblast|province|region|governorate|state|district)?\s*['’]s\s+(?:[\w-]+\s+){0,3}?"
                             r"(?:(?:village|town|city|settlement|community|hromada)\s+of\s+)?$", re.I)
_UNNAMED_PART_BEFORE = compile_fast(r"\b(?:a|one)\s+(?:[\w-]+\s+)?(?:neighbou?rhood|district|suburb|quarter)\s+(?:in|of)\s+"
                                    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:[\w'’-]+\s*,\s*)?$", re.I)
_PART_KIND_AFTER = regexes.compile(r"\s+(?:neighbou?rhood|district|suburb|quarter)\b", re.I)
_NEW_INCIDENT = regexes.compile(r"^\W*(?:separately|elsewhere|meanwhile|in\s+(?:another|a\s+separate|an\s+earlier|a\s+later)|earlier|later|also|"
                           r"last\s+(?:week|month|year)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)
_SAME_INCIDENT_AFTER = regexes.compile(
    r"\b(?:took\s+place|occurred|happened|unfolded|erupted|broke\s+out|ambushed|targeted|struck|bombed|shelled|stormed|raided)\b|"
    r"\bcame\s+under\s+(?:[\w-]+\s+){0,2}?(?:attack|fire|assault)\b|"
    r"\b(?:the|this|that|[\w-]+['’]s|an?)\s+(?:[\w-]+\s+){0,2}?(?:attack|assault|strike|airstrike|raid|bombing|blast|explosion|ambush|"
    r"clashes|fighting|massacre|shooting|gun\s+battles?|building\s+hit)\b", re.I)


def _same_incident_after(text: str) -> bool:
    """Whether a sentence after a figure's goes on about the same attack
    ("Thursday's attack in Madjoari", "Gun battles took place all day in
    Patikul") rather than opening another ("Separately, ...")."""
    return not _NEW_INCIDENT.search(text) and bool(_SAME_INCIDENT_AFTER.search(text))


INCIDENT_DAYS = 7  # a figure over a longer period is a tally, whose place is not one attack's


def _is_incident(d: _Draft) -> bool:
    """Whether a figure counts one attack's victims rather than a tally over weeks or a war."""
    return d.period is None or d.period.rule not in _WAR_WIDE and (d.period.last - d.period.first).days <= INCIDENT_DAYS
_KIND_OF_BEFORE = regexes.compile(r"\b(?:town|village|city)\s+of\s+$", re.I)


def _place_ahead(si: int, sents: list[Sentence], places, named, *, last: bool = False,
                 sentence_ok=lambda text: True, pick=None, kinds=("settlement",),
                 prefer=None) -> tuple[PlaceMention, Sentence] | None:
    """The settlement the next two sentences name for a figure placed only
    vaguely: in the first of them that names one (and that ``sentence_ok``
    accepts), the first that the text calls a town or village (``named``;
    of those, the first that ``prefer`` accepts), else the last (``last``)
    or the first one it names; with ``pick``, only one that ``pick``
    accepts.  A settlement named right before it as lying in it ("in
    Gumhang, Tinoc town") is taken instead."""
    for j in range(si + 1, min(len(sents), si + 3)):
        if not sentence_ok(sents[j].text):
            continue  # (asked first: a sentence it refuses needs no place mentions read)
        # a settlement, else one the text calls a neighbourhood ("The attack occurred in the Bara neighbourhood")
        cands = [p for p in places[j] if p.kind in kinds] or [
            p for p in places[j] if p.kind == "neighbourhood" and places_mod.called_neighbourhood(sents[j].text, p)]
        if pick is not None:
            cands = [p for p in cands if pick(sents[j].text, p)]
        if cands:
            text = sents[j].text
            kinds = [p for p in cands if named(text, p)]
            if prefer is not None:
                kinds = [p for p in kinds if prefer(text, p)] or kinds
            chosen = kinds[0] if kinds else cands[-1] if last else cands[0]
            inner = next((p for p in places[j] if p.kind == "settlement" and p.end <= chosen.start
                          and _INNER_GAP.match(text, p.end, chosen.start) and _KIND_AFTER.match(text, chosen.end)), None)
            return inner or chosen, sents[j]
    return None


_INNER_GAP = regexes.compile(r"\s*,\s*$")  # "in Gumhang, Tinoc town": the first lies in the second


_WHERE_IT_OCCURRED = regexes.compile(
    r",?\s+where\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?(?:attacks?|ambush|killings?|massacre|bombings?|blast|"
    r"explosion|shooting|clashes|fighting|incident|strike|airstrike|raid)\s+(?:had\s+|has\s+)?(?:occurred|took\s+place|"
    r"happened|was\s+carried\s+out|unfolded)\b", re.I)


def _where_the_attack_occurred(sents: list[Sentence], places) -> tuple[PlaceMention, Sentence] | None:
    """The one settlement the article says its attack happened in ("the area
    around Coatepec Harinas, where the attack occurred"), or None (none, or
    two different ones)."""
    found = {}
    for s in sents:
        if "where" not in s.text:
            continue
        for p in places[s.index]:
            if p.kind == "settlement" and _WHERE_IT_OCCURRED.match(s.text, p.end):
                found.setdefault(p.text, (p, s))
    return next(iter(found.values())) if len(found) == 1 else None


def _main_city(sents: list[Sentence], places) -> tuple[PlaceMention, Sentence] | None:
    """The settlement the article names most (the first of equals)."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[PlaceMention, Sentence]] = {}
    for s in sents:
        for p in places[s.index]:
            if p.kind == "settlement":
                counts[p.text] += 1
                first.setdefault(p.text, (p, s))
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], -first[k][1].index))
    return first[best]


BACKGROUND_DAYS = 14  # a figure older than this at publication, with no source of its own, is background
# "since the 7 October attack", "since a U.S.-Russian brokered cease-fire collapsed Monday evening": when
# something began, not the incident's day
_SINCE_BEFORE = regexes.compile(r"\bsince\b[^.;,]{0,60}$", re.I)
_TOLD_BEFORE = regexes.compile(r"\b(?:told|said|says|announced|reported|confirmed)\b[^,.;]{0,30}$", re.I)
_ONE_ATTACK = compile_fast(r"\b(?:struck|hit|attacked|bombed|shelled|targeted|stormed|raided|ambushed)\b"
                           # "A Myanmar military air strike on a village killed ten civilians": one attack, in the singular
                           r"|\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:air\s*strike|airstrike|strike|attack|bombing|raid|ambush|blast|explosion)"
                           r"\s+(?:on|in|at|against|near)\b", re.I)
_OPEN_SINCE = ("when:since-month", "when:since-year", "when:since-start-of", "when:since-early-month", "when:since-mid-month",
               "when:since-late-month", "when:since-end-month", "when:since-weekday")
_DAY_RANGES = ("when:between-days", "when:between-weekdays")
INCIDENT_RANGE_DAYS = 14  # a range of days the next sentence gives an incident ("between Nov. 14 and Nov. 17") at most this long
_BORROWED_DATES = ("when:previous-figure", "when:previous-sentence", "when:published", "when:parent", "when:that-incident")


def _assign_source(d: _Draft, sents: list[Sentence], sources: list[list[context.Hit]], outlet: str | None,
                   in_sentence: dict[int, list[_Draft]], published: dt.date | None = None,
                   country: str | None = None, headline_source=lambda: None) -> None:
    si = d.sent.index
    # ("the agency said" with no agency named before: nobody the text names)
    own = [h for h in sources[si] if not _unnamed_kind(h, si, sents, sources)]
    anchor = d.paired.group.number_start
    if own:
        # "according to the ombudsman ..., two civilians were killed, reports Interfax": the agency relays
        # the words of the source it names beside it
        # ("The US intelligence community has estimated ..., according to excerpts of a document seen by AFP": the
        # document is the body's words, not a source of its own)
        # (only beside one who speaks: "in the United States airstrikes ..., reported Associated Press" names no
        # other source than the agency)
        # (nor a speaker after the number when the outlet says it before: "Al Masirah TV said 126 people were also
        # wounded in the strikes on Ras Isa, which the US military said aimed to ...")
        said_before = [h for h in own if context.is_news(h) and h.end <= anchor and context.strength_of(h) < 2]
        own = [h for h in own if not (context.is_news(h) or h.rule.startswith(context.DOCUMENT_RULE))
               and context.strength_of(h) < 2 and not (said_before and h.start > anchor)] or own
        # "NUG reported that 168 people were killed ..., however, locals claim that 174 people died": each
        # number is told by the one who speaks in its own clause
        own = _in_clause_of(anchor, own, d.sent.text)
        h = min(own, key=lambda h: (context.strength_of(h), abs(h.start - anchor)))
        # "The Iraqi Interior Ministry and al-Yarmuk hospital officials said": two who tell it together, the
        # first named
        h = next((x for x in own if x.end <= h.start and _JOINED_SOURCES.match(d.sent.text[x.end: h.start])), h)
        si_h = si
        if (named := _official_named_next(d, h, sents, sources) or _official_named_before(d.sent.index, h, sents, sources, outlet)) is not None:
            # "..., a local official said Saturday. [...], according to Willy Malikidogo, chief of
            # Kilya locality": the unnamed official of the lead, named in the next sentence
            h, si_h = named
        h, si_h = _the_body_meant(h, si_h, sents, sources)
        d.source, d.source_rule, d.source_span = h.value, h.rule.split("#")[0], (sents[si_h].start + h.start, sents[si_h].start + h.end)
    elif (closing := _quote_closes(sents, si)) is not None and sources[closing]:
        # "“... Fifteen bodies were buried this morning. There are also wounded,” a local official
        # said": a figure inside a quotation is the words of whoever the quotation ends with
        h = min(sources[closing], key=context.strength_of)
        d.source, d.source_rule = h.value, f"source:quoted:{h.rule.split(':', 1)[1].split('#')[0]}"
        d.source_span = (sents[closing].start + h.start, sents[closing].start + h.end)
    elif (speaker := _quoted_on(sents, si, sources)) is not None:
        # "“Al Shabaab attacked our forces at 3 a.m.,” military officer Aden Nur told Reuters. “They killed 10
        # soldiers.”": a quotation standing alone goes on quoting whoever the sentence before quoted
        h = speaker
        d.source, d.source_rule = h.value, f"source:quoted-on:{h.rule.split(':', 1)[1].split('#')[0]}"
        d.source_span = (sents[si - 1].start + h.start, sents[si - 1].start + h.end)
    elif (reports := _UNNAMED_REPORTS.search(d.sent.text)) is not None:
        # "Some initial unconfirmed reports put the death toll at about 100": reports nobody is named for, in
        # the sentence's own words, not a source named in the sentences around
        d.source, d.source_rule = reports.group("who").lower(), "source:unnamed-reports"
        d.source_span = (d.sent.start + reports.start("who"), d.sent.start + reports.end("who"))
    elif _CAME_AFTER.search(d.sent.text, 0, anchor) is not None:
        # "The incident comes a week after a bomb blast ... killed eight people": the outlet recalling an earlier
        # attack, not the words of whoever told this one's toll
        d.source, d.source_rule = "outlet", "source:outlet"
    elif country in (None, world.SYRIA) and _UNNAMED_SPEAKER.search(d.sent.text) and len(_SAYS.findall(d.sent.text)) == 1:
        # "..., witnesses said" (the sentence's one speaker): no organisation, the outlet's
        # reporting, not a source named sentences away
        d.source, d.source_rule = "outlet", "source:unnamed-speaker"
    else:
        window = [j for j in list(range(si - 1, si - 1 - CONTEXT_BACK, -1)) + list(range(si + 1, si + 1 + CONTEXT_FORWARD)) if 0 <= j < len(sents)]
        if _NEW_INCIDENT.search(d.sent.text):
            # "Earlier, a bomb killed one police officer in Ghazni. Ghazni's police chief says ...":
            # a sentence that opens another incident takes its source from its own paragraph first
            window.sort(key=lambda j: sents[j].paragraph != d.sent.paragraph)
        # a sentence that reports the same outcome is the likelier origin
        # (of a like size: a war's toll of 14,815 wounded two sentences on is not where "wounding a woman" came from)
        same = [j for j in window if j > si and sources[j] and any(
            x.outcome == d.outcome and x.paired.group.n <= max(10 * d.paired.group.n, _LIKE_SIZE) for x in in_sentence.get(j, ()))]
        for j in same + window:
            # the outlet recalling another figure itself ("Concise News recalls that ... killed at least
            # 100") lends that sentence no source; its reporter telling this one's number does
            recalls_other = _RECALLS.search(sents[j].text) is not None and \
                not any(x.paired.group.n == d.paired.group.n for x in in_sentence.get(j, ()))
            named = [h for h in sources[j] if not (outlet and recalls_other and _same_name(h.value, outlet))
                     and not _unnamed_kind(h, j, sents, sources)]
            if named and not in_sentence.get(j) and _CLAIMED_THE_ATTACK.search(sents[j].text):
                # "Hizbullah announced that it fired Raad-2 rockets at Haifa": the group owns the attack and
                # counts nobody; the toll sentences around are not its words
                named = [h for h in named if not h.rule.startswith(context.GROUP_RULE)]
            if named:
                h = min(named, key=context.strength_of)
                if (before := _official_named_before(j, h, sents, sources, outlet)) is not None:
                    h, j = before  # "The spokesman said ...": the spokesman named before
                h, j = _the_body_meant(h, j, sents, sources)  # "the statement said": of the ministry the text named before
                d.source, d.source_rule = h.value, f"source:inherited:{h.rule.split(':', 1)[1].split('#')[0]}"
                d.source_span = (sents[j].start + h.start, sents[j].start + h.end)
                break
        else:
            d.source, d.source_rule = "outlet", "source:outlet"
            if (body := headline_source()) is not None and not _is_background(d, published):
                # "Ukraine: more than 10,000 civilians killed ... in 2 years, says UN": an article about one
                # body's report gives the report's numbers on its authority, sentences away from its name
                d.source, d.source_rule = body.value, f"source:headline:{body.rule.split(':', 1)[1].split('#')[0]}"
    if d.source and context.is_role(d.source):
        d.source = _official_where(d, country)
    if outlet and d.source and d.source != "outlet" and _same_name(d.source, outlet):
        d.source, d.source_rule = "outlet", "source:is-the-outlet"
    if d.source_rule.startswith("source:inherited") and _is_background(d, published):
        # "the district was targeted before, including on June 19 when six were
        # killed": an older event the article recalls on its own authority
        d.source, d.source_rule, d.source_span = "outlet", "source:outlet-background", None
    if d.source == "outlet" and (body := context.publisher_source(outlet)) is not None:
        # an ACAPS or OCHA report: what it tells on its own authority is the body's figure
        d.source, d.source_rule = body, "source:publisher"


_LIKE_SIZE = 50  # counts up to this size are alike enough to come from one source's report


# where a sentence turns to another speaker's account: "..., while a Taliban spokesperson cited", "..., however,
# locals claim", "..., but the army said", "...; police said"
_CONTRAST = regexes.compile(r"\s[-–—]\s+while\b|,\s*(?:while|whereas|but)\b|,?\s*however,|;\s", re.I)


def _in_clause_of(anchor: int, hits: list[context.Hit], sentence: str) -> list[context.Hit]:
    """The ``hits`` in the clause that holds the number at ``anchor``, when
    the sentence's sources stand in more than one clause (``_CONTRAST``);
    else all of them."""
    if len(hits) < 2 or (cuts := [m.start() for m in _CONTRAST.finditer(sentence)]) == []:
        return hits
    clause = lambda at: bisect.bisect_right(cuts, at)
    if len({clause(h.start) for h in hits}) < 2:
        return hits
    return [h for h in hits if clause(h.start) == clause(anchor)] or hits


_JOINED_SOURCES = regexes.compile(r"^\s*(?:,\s*)?and\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}$")


def _headline_source(title: str | None, country: str | None) -> context.Hit | None:
    """The one body a headline says its news comes from ("..., says UN",
    "UN says ...", ": UN report"), or None: a role ("police"), a person, or
    several names are no body the article's numbers all come from."""
    if not title:
        return None
    found = [h for h in context.sources_in(title, country) if not context.is_role(h.value)]
    return found[0] if len({h.value for h in found}) == 1 else None


def _is_background(d: _Draft, published: dt.date | None) -> bool:
    """A figure the article dates long before publication: history it recalls, not its news."""
    return (published is not None and d.period is not None and d.period_rule not in (*_WAR_WIDE, *_BORROWED_DATES)
            and (published - d.period.last).days > BACKGROUND_DAYS)


def _unnamed_kind(h: context.Hit, si: int, sents: list[Sentence], sources) -> bool:
    """Whether ``h`` is a body named by its kind alone in lower case ("the
    agency said") that no source before names (``_body_named_before``)."""
    return h.rule.split("#")[0] == context.BARE_KIND_RULE and _body_named_before(h, si, sents, sources) is None


# "ministry spokesman", "the agency's spokeswoman": the spokesperson of a body the text names by its kind alone
_BODY_SPOKESMAN = regexes.compile(r"^(?:\{where\}\s+)?(?:the\s+)?(ministry|agency|directorate|department|office|commission)(?:['’]s)?\s+spokes(?:man|woman|person)$", re.I)


def _the_body_meant(h: context.Hit, si: int, sents: list[Sentence], sources) -> tuple[context.Hit, int]:
    """The source a body named by its head word alone ("the Ministry added") or a spokesperson of a body named by
    its kind ("ministry spokesman Ashraf al-Qudra" after "the Gaza Health Ministry said") stands for, with its
    sentence: the body named before; ``h`` and ``si`` themselves when none is."""
    if h.rule.startswith(context.BARE_HEAD_RULE):
        return _body_named_before(h, si, sents, sources) or (h, si)
    if (kind := _BODY_SPOKESMAN.match(h.value)) is not None:
        return _body_named_before(context.Hit(h.start, h.end, kind.group(1), h.rule), si, sents, sources) or (h, si)
    return h, si


def _body_named_before(h: context.Hit, si: int, sents: list[Sentence], sources) -> tuple[context.Hit, int] | None:
    """For a body named by its head word alone ("Agency spokesman Mahmud
    Bassal said", "the Ministry added"): the nearest source before whose
    words hold that head ("Gaza's civil defence agency said"), with its
    sentence; None when none does."""
    head = h.value.casefold()
    for j in range(si - 1, -1, -1):
        for x in sources[j]:
            if not x.rule.startswith(context.BARE_HEAD_RULE) and head in sents[j].text[x.start:x.end].casefold():
                return x, j
    return None


_WHOLLY_QUOTED = regexes.compile(r'^\W{0,3}[“"][^“”"]+[”"]\W{0,3}$')
_QUOTE_ENDS = regexes.compile(r'[,.?!]?[”"]\s*,?\s+[^“”"]{2,120}$')


def _quoted_on(sents: list[Sentence], si: int, sources) -> context.Hit | None:
    """For a sentence that is one quotation and nothing else, the speaker the
    sentence before names right after a quotation of its own; None otherwise."""
    if si == 0 or not _WHOLLY_QUOTED.match(sents[si].text):
        return None
    before = sents[si - 1].text
    m = _QUOTE_ENDS.search(before)
    if m is None:
        return None
    said = [h for h in sources[si - 1] if h.start >= m.start() and context.strength_of(h) < 2]
    return min(said, key=context.strength_of) if said else None


_AN_OFFICIAL = regexes.compile(r"\ban?\s+(?:[\w-]+\s+)?official$", re.I)


def _official_named_next(d: _Draft, h: context.Hit, sents: list[Sentence], sources) -> tuple[context.Hit, int] | None:
    """For "a local official said": the official by role the very next
    sentence names ("according to Willy Malikidogo, chief of Kilya
    locality"), with its sentence; None if it names none."""
    si = d.sent.index
    if h.rule.split("#")[0] != "source:officials" or si + 1 >= len(sents):
        return None
    if not _AN_OFFICIAL.search(d.sent.text, 0, h.end):
        return None
    for j in range(si + 1, min(len(sents), si + 1 + OFFICIAL_NAMED_AHEAD)):
        # "..., a local official [...] said on Friday. [a sentence on the attackers] The mayor of Oicha [...] told
        # Reuters that ...": the one official by role and place the next sentences give voice to
        placed = [x for x in sources[j] if x.rule.split(":")[1].split("#")[0] in _PLACED_ROLES and context.strength_of(x) < 2]
        if placed:
            return (placed[0], j) if len(placed) == 1 else None
    return None


OFFICIAL_NAMED_AHEAD = 2  # sentences after "a local official said" searched for that official's role and place
OFFICIAL_NAMED_BACK = 4  # sentences before "the official said" searched for the official it refers to
_THE_OFFICIAL = regexes.compile(r"\b(?:the|this)\s+(?:official|spokes(?:man|woman|person))$", re.I)


def _official_named_before(si: int, h: context.Hit, sents: list[Sentence], sources,
                           outlet: str | None = None) -> tuple[context.Hit, int] | None:
    """For "the official said", "the spokesman added": the one who spoke in
    the sentences just before, by role or by name ("acting regional governor
    Aleksey Smirnov revealed on Monday", "Spokesman of the Plateau State
    Police Command, Mathias Tyopev, said"), with its sentence; None when
    none or several."""
    if h.rule.split("#")[0] not in ("source:officials", "source:spokesperson") or not _THE_OFFICIAL.search(sents[si].text, 0, h.end):
        return None
    for j in range(si - 1, max(-1, si - 1 - OFFICIAL_NAMED_BACK), -1):
        spoke = [x for x in sources[j] if context.strength_of(x) < 2 and x.rule.split(":")[1].split("#")[0] not in _GENERIC_ROLES
                 and not _THE_OFFICIAL.search(sents[j].text, 0, x.end) and not (outlet and _same_name(x.value, outlet))]
        if spoke:
            return (spoke[0], j) if len({x.value for x in spoke}) == 1 else None
    return None


_RECALLS = compile_lowered(r"\brecall(?:s|ed)\b")
QUOTE_FORWARD = 4  # sentences a quotation may run on after a figure inside it


def _quote_closes(sents: list[Sentence], si: int) -> int | None:
    """The index of the sentence that ends the quotation sentence ``si`` is
    inside of (opened earlier in its paragraph, or in it, and not closed
    there), or None when it is inside none."""
    open_quotes = 0
    for j in range(si, -1, -1):
        if sents[j].paragraph != sents[si].paragraph:
            break
        open_quotes += sents[j].text.count("“") - sents[j].text.count("”")
        if j < si and open_quotes > 0:
            break
    if open_quotes <= 0 or "”" in sents[si].text:
        return None
    for j in range(si + 1, min(len(sents), si + 1 + QUOTE_FORWARD)):
        if sents[j].paragraph != sents[si].paragraph:
            return None
        if "”" in sents[j].text:
            return j
    return None


# roles (source lexicon ids) whose "{where}" is the country they serve, not the place of the figure
_NATIONAL_ROLES = frozenset({"health-ministry", "health-minister", "defence-ministry", "defence-minister", "interior-ministry", "army", "government",
                             "civil-defence"})


_PROVINCIAL = regexes.compile(r"\b(?:provincial|regional|oblast|state|province)\b", re.I)
_TYPE_WORDS = regexes.compile(r"\s+(?:[Rr]egion|[Pp]rovince|[Ss]tate|[Oo]blast|[Gg]overnorate|[Dd]istrict|[Cc]ounty)$")


def _source_entry(d: _Draft) -> str:
    """The id of the sources lexicon entry a figure's source was read by
    ("army" of "source:inherited:army#1")."""
    return context.role_id_of(d.source_rule)


def _official_where(d: _Draft, country: str | None) -> str:
    """An official by role that the text names no place for: a ministry, the
    government or the army are the article's country's ("Lebanon Health
    Ministry", "Colombian army", as news names them); a local official stays
    the role alone."""
    value = d.source or ""
    role = _source_entry(d)
    if role not in _NATIONAL_ROLES:
        rest = value.replace("{where}", "").strip()
        # (not a unit borrowed from sentences before when the figure's own sentence names its place: "A Russian strike
        # against the city of Zaporizhzhia killed two ..., according to Governor Ivan Fedorov", after Sumy Oblast)
        borrowed = d.area_sent is not d.sent and d.place is not None and d.place_sent is d.sent
        if d.area is not None and not borrowed and (role == "governor" or _PROVINCIAL.search(rest)) and d.area.text not in rest:
            # "the provincial police chief" of a figure in Ghazni province: the province's ("Ghazni police",
            # "Kharkiv regional governor": gold guide, officials by role and place)
            return f"{_TYPE_WORDS.sub('', d.area.text)} {rest}"
        # a local official the text names no place for: the role alone ("mayor"), not a guess
        return rest
    known = world.countries().get(country or "")
    where = "" if known is None else known.demonym if role == "army" else known.name
    return value.replace("{where}", where).strip()


_GROUP_BORROWED = ("victims:previous-group", "victims:shared-noun", "victims:others-of-combatants", "victims:restated")


def _sided_before(drafts: list[_Draft], i: int) -> _Draft | None:
    """The draft a borrowed group takes its side from: the one before it, or
    if that one names no side, the last fighters of the same sentence that
    do ("Five rangers are dead, including the commander ..., updating the
    death toll from four")."""
    if not i:
        return None
    prev = drafts[i - 1]
    if prev.side or prev.victims != "combatants":
        return prev
    d = drafts[i]
    return next((x for x in reversed(drafts[:i]) if x.sent.index == d.sent.index and x.victims == "combatants" and x.side), prev)


def _side_in_country(d: _Draft, country: str | None, prev: _Draft | None = None, published: dt.date | None = None) -> None:
    """Outside Syria, a combatant's side is relative to the government of the
    article's country (gold guide, "Beyond Syria"); a number that borrows its
    group ("killed three soldiers and injured 28") borrows its side too."""
    if d.victims != "combatants" or country == world.SYRIA:
        return
    if country is None:
        # no country to be relative to: only what the head noun says, where the Syrian cues said nothing
        if d.side is None:
            d.side, d.side_rule = world.head_side(d.paired.group.side_text)
        return
    side, rule = world.victim_side(d.paired.group.side_text, country, published)
    if side is None and d.victims_rule in _GROUP_BORROWED and prev is not None and prev.victims == "combatants" and prev.side:
        side, rule = prev.side, "side:previous-group"
    if side is not None:
        d.side, d.side_rule = side, rule


_SAYS = regexes.compile(r"\b(?:said|says|say|told)\b", re.I)
# reports told as others', by no name ("initial unconfirmed reports put the toll at", "local media reports said"); not
# "earlier reports put the toll at 27", an earlier count of whoever gives the article's
_UNNAMED_REPORTS = compile_lowered(
    r"\b(?P<who>(?:(?:unconfirmed|unverified|conflicting|local|media|press|news|other)\s+){1,3}"
    r"reports?)\s+(?:have\s+|had\s+)?(?:said|say|says|put|puts|suggested|suggest|suggests|indicated|indicate|indicates|"
    r"claimed|claim|claims|spoke\s+of|speak\s+of)\b")
_UNNAMED_SPEAKER = compile_lowered(
    r"\b(?:witnesses|residents|locals|survivors|villagers|relatives|neighbou?rs|bystanders|eyewitnesses|an?\s+(?:witness|resident|eyewitness|survivor|relative))\s+(?:said|say|says|told)\b")


def _same_name(a: str, b: str) -> bool:
    fa = re.sub(r"[^a-z]", "", a.lower())
    fb = re.sub(r"[^a-z]", "", b.lower())
    return bool(fa) and bool(fb) and (fa == fb or (len(fb) > 3 and fb in fa) or (len(fa) > 3 and fa in fb))


def _tagged(h, suffix: str):
    """A hit (or date) taken over from elsewhere, its rule marked with how."""
    return dataclasses.replace(h, rule=h.rule + suffix)


@functools.cache
def _state_side() -> frozenset[str]:
    """The actors on the government's side (lexicon ``actors``, column side)."""
    return frozenset(e.value for e in lexicon.entries("actors") if e.values[1] == "government")


_CLASH = compile_fast(r"\b(?:clash(?:es|ed)?|fighting|gunfights?|gun\s*battles?|firefights?|encounters?|battles?|shootouts?|"
                      r"exchanges?\s+of\s+fire|skirmish(?:es)?)\b", re.I)


def _no_part_of_the_other_side(drafts: list[_Draft]) -> None:
    """Fighters of one side are no part of a count of the other's ("Eighteen
    soldiers, including an officer, and five Abu Sayyaf bandits")."""
    for d in drafts:
        if d.parent is not None and d.victims == d.parent.victims == "combatants" and d.side and d.parent.side \
                and d.side != d.parent.side:
            d.parent = None


def _each_side_killed_by_the_other(drafts: list[_Draft], country: str | None) -> None:
    """"Eighteen soldiers ... and five Abu Sayyaf bandits were killed in a
    10-hour clash": when one sentence counts the dead of both sides of a
    clash in the article's country and says by whom neither died, each side
    died at the other's hands: the state's forces killed the group's
    fighters, and the group (by the name its fighters are counted with, else
    "opposition") killed the state's."""
    if country not in world.countries():
        return
    by_sentence: dict[int, list[_Draft]] = {}
    for d in drafts:
        if d.victims == "combatants" and not d.actors and d.parent is None:
            by_sentence.setdefault(d.sent.index, []).append(d)
    for ds in by_sentence.values():
        state = [d for d in ds if d.side == "government"]
        group = [d for d in ds if d.side == "opposition"]
        if not state or not group or not _CLASH.search(ds[0].sent.text):
            continue
        text = ds[0].sent.text
        g = group[0].paired.group
        named = [e.value for _, _, e in lexicon.scan("actors", text[g.start: g.end]) if e.value not in ("opposition", "terrorist")]
        for d in group:
            d.actors = [context.Hit(d.paired.group.start, d.paired.group.end, world.state_force_actor(country, country),
                                    "actor:other-side-of-the-clash")]
        for d in state:
            d.actors = [context.Hit(g.start, g.end, named[0] if named else "opposition", "actor:other-side-of-the-clash")]


# a state's forces and their spokesmen: "According to the army, more than forty terrorists have been neutralized"
_STATE_FORCE_SOURCES = frozenset({"army", "defence-ministry", "defence-minister", "ispr", "task-force", "police"})


def _forces_telling_their_kill(d: _Draft, country: str | None) -> context.Hit | None:
    """The state's own forces as the actor of fighters of the other side
    whose death those forces report and nobody else is said to have caused
    ("Six terrorists were killed in an exchange of fire in North Waziristan,
    the ISPR said"): who else fought them is left unsaid because it is the
    teller (gold guide: a state's forces in their own country)."""
    if d.victims != "combatants" or d.side != "opposition" or country not in world.countries() or not d.source_rule:
        return None
    if _source_entry(d) not in _STATE_FORCE_SOURCES:
        return None
    g = d.paired.group
    return context.Hit(g.start, g.end, world.state_force_actor(country, country), "actor:state:its-own-report")


def _is_generic_actor(h: context.Hit, country: str | None = None) -> bool:
    """"terrorists" (state media's word for any armed group) and, outside
    Syria, "militants", "jihadists", "insurgents": no group's name."""
    kind = h.rule.split(":")[1]
    return kind == "terrorist" or (kind == "opposition" and country not in (None, world.SYRIA))


@functools.lru_cache(maxsize=4096)
def _names_a_group(name: str) -> bool:
    """Whether a toponym's words are, whole, the name of an armed group
    ("the La Linea gang": a village's name too): who did it, not where."""
    return any(s == 0 and e == len(name) and ent.values[1] == "opposition" and ent.id not in _ANY_GROUP
               for s, e, ent in lexicon.scan_each("actors", name))


_ANY_GROUP = frozenset({"gang", "opposition", "terrorist"})  # words for any armed group


def _is_state_force(h: context.Hit) -> bool:
    return h.value in _state_side() or h.rule.startswith(("actor:state", "actor:syr-gov"))


def _name_the_terrorists(actors: list[context.Hit], si: int, actor_hits, country: str | None,
                         sents: list[Sentence], claims, title_groups=lambda: ()) -> list[context.Hit]:
    """State media call every armed group "terrorists", and news outside
    Syria calls a named group "militants" or "jihadists" once it has named
    it: when the figure's own actors, the two sentences before or the
    article's lead name one armed group ("ISIS targeted ...", "fired by ISIS
    terrorists"), the generic word means that group."""
    generic = [h for h in actors if _is_generic_actor(h, country)]
    if not generic:
        return actors
    if any(not _is_generic_actor(h, country) and not _is_state_force(h) for h in actors):
        return [h for h in actors if not _is_generic_actor(h, country)]
    window = list(range(si, max(-1, si - 3), -1))
    if country not in (None, world.SYRIA):
        window += [j for j in range(0, min(si, LEAD_SENTENCES)) if j not in window]
    for j in window:
        named = _unique([h for h in actor_hits[j] if not _is_generic_actor(h, country) and not _is_state_force(h)])
        if len(named) == 1:
            rest = [h for h in actors if not _is_generic_actor(h, country)]
            return _unique(rest + [_tagged(named[0], ":named-nearby")])
        if named:
            break
    else:
        # "Suspected militants killed at least 14 people ... The assailants are believed to be rebels from the
        # Allied Democratic Forces (ADF)": the one group the next sentences say the attackers were
        for j in range(si + 1, min(len(actor_hits), si + 1 + BELIEVED_FORWARD)):
            if (staged := _STAGED.search(sents[j].text)) is not None:
                # "... said the National Liberation Army (ELN) had staged the attack": the group named right before
                named = [h for h in actor_hits[j] if sents[j].start + staged.start() - STAGED_REACH <= h.base + h.start
                         and h.base + h.end <= sents[j].start + staged.start() and not _is_generic_actor(h, country)
                         and not _is_state_force(h)]
                if len({h.value for h in named}) == 1:
                    rest = [h for h in actors if not _is_generic_actor(h, country)]
                    return _unique(rest + [_tagged(named[-1], ":staged")])
            believed = _BELIEVED_TO_BE.search(sents[j].text)
            if believed is None:
                continue
            # the first group named after the words, in their clause ("..., a Ugandan armed group that has
            # pledged allegiance to Islamic State": who the group is, not who the attackers were)
            clause_end = sents[j].start + believed.end() + BELIEVED_REACH
            named = [h for h in actor_hits[j] if h.base + h.start >= sents[j].start + believed.end() and h.base + h.start < clause_end
                     and not _is_generic_actor(h, country) and not _is_state_force(h)]
            if named:
                rest = [h for h in actors if not _is_generic_actor(h, country)]
                return _unique(rest + [_tagged(named[0], ":believed")])
            break
        # "The Islamic State (IS) has claimed responsibility for recent attacks": the one group the
        # article says claimed them, when nothing nearer names one
        claimed = {h.value: h for j in range(len(sents)) if claims[j]
                   for h in actor_hits[j] if not _is_generic_actor(h, country) and not _is_state_force(h)}
        if len(claimed) == 1:
            rest = [h for h in actors if not _is_generic_actor(h, country)]
            return _unique(rest + [_tagged(next(iter(claimed.values())), ":claimed")])
        if country not in (None, world.SYRIA):
            # "At least 40 people ... killed by Islamist militants near ... Monguno" and, later, "Boko Haram
            # attackers descended on the village": the one armed group the article names, named more than
            # once (a group named once is mostly background: "violence linked to the Islamic State group")
            mentions = [h for hits in actor_hits for h in hits if not _is_generic_actor(h, country)
                        and not _is_state_force(h) and h.value != "gang"]
            # the headline ("Boko Haram goes on rampage in Borno") names it too; of several groups, one named at
            # least twice as often as any other ("the ADF" four times, the Islamic State that designated it once)
            counts = Counter([h.value for h in mentions] + [v for v in title_groups() if v != "gang"])
            ranked = counts.most_common(2)
            if ranked and (len(ranked) == 1 and ranked[0][1] >= ONLY_NAMED_MENTIONS
                           or len(ranked) == 2 and ranked[0][1] > ONLY_NAMED_MENTIONS and ranked[0][1] >= 2 * ranked[1][1]):
                top = next((h for h in mentions if h.value == ranked[0][0]), None)  # (None: named in the headline only)
                if top is not None:
                    rest = [h for h in actors if not _is_generic_actor(h, country)]
                    return _unique(rest + [_tagged(top, ":only-named")])
    return actors


ONLY_NAMED_MENTIONS = 2  # times the article must name its one armed group for "militants" to mean it


def _claimants(sent: Sentence, hits: list[context.Hit], country: str | None) -> list[context.Hit]:
    """Who a sentence that claims an attack says did it: the groups it names,
    also as the one who speaks ("Hizbullah announced that it fired rockets
    at Haifa": the speaker is the attacker); a state's forces claim nothing
    here (they announce whom they killed)."""
    hits = hits or context.actors_in(sent.text, [], country, not_agent=[])
    # (a group on a government's side claims as a group: Hezbollah's rockets on Haifa)
    return [h for h in _unique(hits) if not h.rule.startswith(("actor:state", "actor:syr-gov"))]


CLAIM_FORWARD = 2  # sentences after a figure searched for who claimed the attack
BELIEVED_FORWARD = 2  # sentences after a figure searched for whom the attackers are believed to be
STAGED_REACH = 60  # characters before "had staged the attack" where the group said to have staged it is named
_STAGED = regexes.compile(r"\b(?:had\s+|has\s+|have\s+)?(?:staged|carried\s+out|mounted|launched|was\s+behind|were\s+behind)\s+"
                          r"(?:the|this|that|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's)\s+"
                          r"(?:\w+\s+)?(?:attack|ambush|assault|raid|bombing|massacre|killings)\b", re.I)
BELIEVED_REACH = 60  # characters after "are believed to be" where the group they are believed to be is named
_BELIEVED_TO_BE = compile_fast(r"\b(?:assailants|attackers|gunmen|militants|killers|perpetrators|raiders|suspects)\s+(?:are|were)\s+"
                               r"(?:\w+\s+)?(?:believed|thought|suspected|said|reported|understood|presumed)\s+to\s+(?:be|have\s+been)\b"
                               # "eliminated all five militants linked to the Indian proxy group, Fitna al Khwarij"
                               r"|\b(?:assailants|attackers|gunmen|militants|terrorists|insurgents|fighters)\s+(?:linked|affiliated|belonging|loyal)\s+(?:to|with)\b", re.I)
_SAYS_IT = r"\b(?:said|says|announced)\s+(?:that\s+)?it\s+(?:had\s+)?"  # "Hizbullah announced that it ..."
_CLAIMED = compile_lowered(r"\bclaim(?:ed|s|ing)\s+(?:responsibility|the\s+(?:attack|bombing|killing|assault)|credit)|"
                      rf"{_SAYS_IT}(?:carried\s+out|was\s+behind|staged|conducted|fired|launched)|"
                      # "the attack was apparently carried out by the La Linea gang", "blamed on the ELN"
                      r"\b(?:attacks?|ambush|assaults?|bombings?|killings?|massacres?)\s+(?:(?:in|on|at|of|near)\s+(?:[\w-]+\s+){1,3}?)?(?:was|were)\s+(?:\w+ly\s+)?(?:carried\s+out|"
                      r"committed|perpetrated|staged)\s+by\b|\b(?:was|were)\s+(?:\w+ly\s+)?blamed\s+on\b"
                      # "It was claimed by the Sunni jihadist Jaish al-Adl group"
                      r"|\b(?:was|were|been)\s+(?:\w+ly\s+)?claimed\s+by\b")
CLAIM_FAR = 12  # further sentences searched when nobody near a figure is named: a claim of "the attack" only
_CLAIMED_THE_ATTACK = compile_fast(r"\bclaim(?:ed|s|ing)\s+(?:responsibility|credit)\s+for\s+(?:the|Thursday's|Friday's|Saturday's|"
                                 r"Sunday's|Monday's|Tuesday's|Wednesday's|this|that)\s+(?:[\w-]+\s+){0,2}?(?:attack|bombing|blast|"
                                 r"assault|ambush|raid|killings?|massacre|explosion)\b"
                                 # "Hizbullah announced that it fired Raad-2 rockets at Haifa": a group owning the attack
                                 rf"|{_SAYS_IT}(?:fired|launched)\b"
                                 # "posters left on police vehicles signed "CJNG"": the killers' signature
                                 r"|\b(?:posters?|banners?|messages?|notes?|leaflets?|graffiti|placards?)\b[^.;]{0,60}?\bsigned\b", re.I)
REFINE_AHEAD = 2  # sentences after a figure that may say what kind of air strike it was
GENERIC_WEAPONS = frozenset({"bombardment"})  # lexicon ids that name no kind of weapon (air or artillery?)
_KINDS_OF_BOMB = frozenset({"car-bomb", "suicide"})  # lexicon ids that say what a bare "bomb" or "blast" was
_BOMBARDING = frozenset({"airstrike", "barrel bomb", "shelling", "rocket", "mortar", "missile", "drone"})


# lexicon ids of words that name an attack only vaguely ("the strike", "bombs"), and the weapons an
# earlier sentence of the article may have named them by
_ANAPHORIC_WEAPONS = {"strike-generic": frozenset({"missile", "drone", "rocket"}),
                      "bomb-blast": frozenset({"airstrike", "drone"})}
_FROM_THE_AIR = regexes.compile(r"\bbombs?\b[^.;]{0,40}?\b(?:fell|struck|dropped|hit|landed)\b|\bdropp(?:ed|ing)\b", re.I)


def _named_before_for(weapon: context.Hit, si: int, sents: list[Sentence], weapon_hits) -> context.Hit | None:
    """For a word that names a strike or a bomb only ("the strike", "a bomb
    fell"), the weapon of its kinds (``_ANAPHORIC_WEAPONS``) the sentences
    before sentence ``si`` named; None for any other weapon, or none named."""
    kinds = _ANAPHORIC_WEAPONS.get(weapon.rule.split(":")[1])
    return _weapon_named_before(si, sents, weapon_hits, kinds) if kinds else None


def _weapon_named_before(si: int, sents: list[Sentence], weapon_hits, kinds: frozenset[str]) -> context.Hit | None:
    """The weapon of one of ``kinds`` the nearest earlier sentence (of the last
    few, or the lead) names; for bombs, only ones that fell from the air."""
    if "airstrike" in kinds and not _FROM_THE_AIR.search(sents[si].text):
        return None
    for j in [*range(si - 1, max(-1, si - 1 - CONTEXT_BACK), -1), *range(min(si, LEAD_SENTENCES) - 1, -1, -1)]:
        found = [w for w in context.rank_weapons(weapon_hits[j]) if w.value in kinds]
        if found:
            if found[0].value == "missile" and (jets := [w for w in weapon_hits[j] if w.rule == "weapon:airstrike"]):
                return jets[0]  # "fighter jets launched missiles at the palace ... a raid hit a house": an air strike
            return found[0]
    return None


def _weapon_ahead(si: int, sents: list[Sentence], weapon_hits) -> context.Hit | None:
    """The weapon the next sentence about the same attack names, if it names one."""
    for j in range(si + 1, min(len(sents), si + 3)):
        if _same_incident_after(sents[j].text):
            found = context.rank_weapons(weapon_hits[j])
            return _tagged(found[0], ":next-sentence") if found else None
    return None


_LOSER_BEFORE = regexes.compile(r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:has\s+|had\s+|have\s+)?$")


def _country_that_lost(d: _Draft) -> str | None:
    """The country a "<Country> lost N people" figure counts the dead of."""
    if d.paired.trigger.rule != "outcome:lost":
        return None
    m = _LOSER_BEFORE.search(d.sent.text, max(0, d.paired.trigger.start - 40), d.paired.trigger.start)
    if m is None or not world.is_country_word(m.group("who")):
        return None
    cc = world.state_of(m.group("who"))
    return world.countries()[cc].name if cc in world.countries() else None


def _of_the_day(drafts: list[_Draft], value_of, key_of, give) -> None:
    """An article about one attack names its village, its weapon or its
    attacker once: an incident figure with none of its own takes the one
    every figure of the same day that has one shares, never one of two."""
    by_day: dict[tuple, dict] = {}
    for d in drafts:
        if (v := value_of(d)) and d.period is not None and _is_incident(d) and not d.country:
            by_day.setdefault((d.period.first, d.period.last), {}).setdefault(key_of(v), (d, v))
    for d in drafts:
        if not value_of(d) and d.period is not None and _is_incident(d) and not d.country:
            found = by_day.get((d.period.first, d.period.last), {})
            if len(found) == 1:
                give(d, *next(iter(found.values())))


DAY_SLACK = 1  # "late Monday" in a report dated by "said Tuesday": the same attack
UNDATED_DAYS = 2  # a figure with no date of its own (the publication date) may be of the days before


def _incident_days(d: _Draft) -> tuple:
    """The days an incident figure may fall on: its period, a day either
    side, and for a figure the text gives no date (its period is the
    publication date) the days before publication too."""
    first, last = d.period.first, d.period.last
    if d.period_rule == "when:published":
        first -= dt.timedelta(days=UNDATED_DAYS)
    return first - dt.timedelta(days=DAY_SLACK), last + dt.timedelta(days=DAY_SLACK)


def _another_named_before(si: int, ahead: tuple[PlaceMention, Sentence], named: _NamedSettlements) -> bool:
    """Whether the text names, up to sentence ``si``, a settlement other than
    the one a later sentence gives (``ahead``), which that sentence does not
    name: "a graduation ceremony for officers in the Syrian city of Homs ...
    At least 70 ... were killed", then "In the northeast, Turkish drones
    targeted oil facilities near Qamishli": the lead's place, not the next
    attack's."""
    place, sent = ahead
    others = named.upto[si] - {place.text}
    return bool(others) and not any(n in sent.text for n in others)


def _the_one_place_named_before(drafts: list[_Draft], named: _NamedSettlements, country: str | None) -> None:
    """An incident figure still without a place, in an article that has
    named one settlement only up to its sentence, happened there ("A drone
    attack struck a graduation ceremony ... in the Syrian city of Homs. ...
    At least 60 officers and civilians were killed, according to the
    Syrian Observatory"), unless its own sentence opens another incident or
    names an area that does not hold it."""
    for d in drafts:
        if d.place is not None or d.period is None or d.country or not _is_incident(d) or _NEW_INCIDENT.search(d.sent.text):
            continue
        if len(named.upto[d.sent.index]) != 1:
            continue
        place, sent = named.first[next(iter(named.upto[d.sent.index]))]
        if d.area is not None and places_mod.lies_outside(place.text, d.area.text, country):
            continue
        d.place, d.place_sent, d.place_inherited = place, sent, True


@dataclass(frozen=True, slots=True)
class _NamedSettlements:
    """The settlements a text names, sentence by sentence: ``upto[i]`` the
    names up to sentence ``i`` and in it, ``first[name]`` the mention and
    sentence that name it first."""

    upto: tuple[frozenset[str], ...]
    first: dict[str, tuple[PlaceMention, Sentence]]


def _settlements_named(sents: list[Sentence], places) -> _NamedSettlements:
    upto, first = [], {}
    for s in sents:
        for p in places[s.index]:
            if p.kind == "settlement":
                first.setdefault(p.text, (p, s))
        upto.append(frozenset(first))
    return _NamedSettlements(tuple(upto), first)


def _incident_place_of_the_day(drafts: list[_Draft], country: str | None = None,
                               named_up_to: tuple[frozenset[str], ...] | None = None) -> None:
    """An article about one attack names its village once: an incident figure
    with no settlement of its own takes the one every placed figure of the
    same days shares ("The ministry initially tweeted that 14 officers had been
    killed" after "... the municipality of Aguililla"), never one of two; and
    not one only later figures give when the text named another settlement
    before the figure ("a graduation ceremony ... in the Syrian city of Homs
    ... at least 60 officers and civilians were killed", then, paragraphs on,
    "Turkish drone attacks targeted ... Qamishli ..., killing six members of
    their security forces"), unless that figure's sentence names it too;
    ``named_up_to``: ``_NamedSettlements.upto``."""
    # (not where the displaced fled to: "3,000 people who fled the attack have arrived in Dori", nor an attack
    # the text recalls: "Concise News recalls that Barkin Ladi was one of the worst-hit councils ...")
    placed = [d for d in drafts if d.place is not None and d.period is not None and _is_incident(d) and not d.country
              and d.place.kind != "destination" and not _BACKGROUND.search(d.sent.text)]
    for d in drafts:
        if d.place is None and d.period is not None and _is_incident(d) and not d.country:
            lo, hi = _incident_days(d)
            near = [p for p in placed if p.period.first <= hi and p.period.last >= lo]
            if d.area is not None and d.area_sent is not None and near \
                    and all(p.place_sent is not None and p.place_sent.index < d.area_sent.index for p in near):
                # "In another report from the western Herat province, gunmen ... killing six": a province named
                # after the day's village, that does not hold it, is another attack's (a village the gazetteer
                # lacks may lie in it: "said a police officer from Afgoye in Lower Shabelle region")
                near = [p for p in near if (p.area is not None and p.area.text == d.area.text)
                        or not places_mod.lies_outside(p.place.text, d.area.text, country)]
            if len({p.place.text for p in near}) > 1 and d.area is not None:
                # "killed 10 policemen in northern Kunduz province" in an article that also places an
                # attack in Ghazni: the one of the day's places that lies in the figure's area
                near = [p for p in near if places_mod.lies_in(p.place.text, d.area.text, country)]
            if d.area is not None and d.area_sent is d.sent and d.area.rule != "place:direction-unit":
                # "two smaller bomb attacks also targeted security officers in Pattani province": not the
                # village of the day's attack in Narathiwat
                near = [p for p in near if not places_mod.lies_outside(p.place.text, d.area.text, country)
                        and not _in_another_named_unit(p, d.area)]
            if d.area is not None and d.area.rule != places_mod.DIRECTION_UNIT_RULE and d.area_sent is not None \
                    and d.area_sent.index == d.sent.index - 1 and not any(p.place_sent is d.area_sent for p in near):
                # (a unit the figure took from the sentence just before, where no village of the day is named:
                # "... in eastern Ghazni province ... [next sentence] killing 20 Taliban", not the Zabul village of a
                # later paragraph)
                near = [p for p in near if not _in_another_named_unit(p, d.area)]
            if len({p.place.text for p in near}) == 1:
                src = near[0]
                if named_up_to is not None and all(p.sent.index > d.sent.index for p in near) and (
                        others := named_up_to[d.sent.index] - {src.place.text}) and src.place_sent is not None \
                        and not any(o in src.place_sent.text for o in others):
                    continue  # (a later place its sentence puts in the one named before stays: "El Aguaje, a town in
                    # the municipality of Aguililla")
                d.place, d.place_sent, d.place_inherited = src.place, src.place_sent, True
                if src.area is not None and (d.area is None or d.area_sent is not d.sent
                                             and src.area.rule != places_mod.DIRECTION_UNIT_RULE):
                    # (the unit that holds it, for a village the gazetteer lacks; over a unit only sentences before name)
                    d.area, d.area_sent = src.area, src.area_sent


_A_UNIT_NAMED = regexes.compile(r"\b((?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)\s+(?:province|region|state|oblast|governorate)\b",
                                re.I)


def _unit_name(text: str) -> str:
    """A unit's name without its type word, lower case ("Ghazni province" -> "ghazni")."""
    return _TYPE_WORDS.sub("", text).strip().lower()


def _names_another_unit(text: str, area: PlaceMention | None) -> bool:
    """Whether ``text`` names a province, region, state, oblast or
    governorate other than ``area``."""
    if area is None:
        return False
    own = _unit_name(area.text)
    return any(m.group(1).lower() != own for m in _A_UNIT_NAMED.finditer(text))


def _in_another_named_unit(p: _Draft, area: PlaceMention) -> bool:
    """Whether the figure ``p``'s own sentence puts its place in another
    unit than ``area`` ("... in southern Zabul province ... in Shahjoy
    District", a village the gazetteer lacks, is no place of a figure in
    Ghazni province)."""
    return (p.area is not None and p.area_sent is p.place_sent and p.area.rule != places_mod.DIRECTION_UNIT_RULE
            and _unit_name(p.area.text) != _unit_name(area.text))


def _undated_of_the_place(drafts: list[_Draft], published: dt.date | None) -> None:
    """A figure the text gives no date (the publication date stands in) at
    the place of the one attack the article dates ("on Sunday in Niaktire ...
    the FDS mourned the loss of five soldiers"): that attack's day, when
    every dated incident figure there shares it."""
    if published is None:
        return
    dated = [x for x in drafts if x.period is not None and x.period_rule not in ("when:published", "") and _is_incident(x)
             and x.period.first == x.period.last and 0 < (published - x.period.first).days <= INCIDENT_DAYS and x.place is not None]
    for d in drafts:
        if d.period_rule != "when:published" or d.place is None or not _is_incident(d) or d.country:
            continue
        told_before = [x for x in dated if x.sent.index < d.sent.index]  # (the attack told and dated first)
        there = {x.period.first for x in told_before if x.place.text == d.place.text}
        if len(there) == 1 and not any(x.place.text != d.place.text for x in dated):
            day = next(x for x in told_before if x.place.text == d.place.text)
            d.period, d.period_rule = day.period, "when:that-place"


def _incident_weapon_of_the_day(drafts: list[_Draft]) -> None:
    """The bodies found after "a drone destroyed over the region fell on
    homes": the day's one weapon."""
    def give(d: _Draft, src: _Draft, weapon) -> None:
        d.weapon, d.weapon_inherited = _tagged(weapon, ":same-day"), True
    _of_the_day(drafts, lambda d: d.weapon, lambda w: w.value, give)


def _the_articles_one_kind_of_bomb(drafts: list[_Draft], title: str | None, sents: list[Sentence], weapon_hits) -> None:
    """A bare "blast" or "bombing" of an article that names one kind of bomb
    and no other, in its headline or anywhere in its text ("Car bomb in
    Somali capital kills eight" ... "he had seen nine bodies", "these
    bombings were carried out by suicide bombers"): that kind."""
    bare = [d for d in drafts if d.weapon is not None and d.weapon.rule.split(":")[1] == "bomb-blast"]
    if not bare:
        return
    kinds = [h for h in context.weapon_hits(title or "") if h.rule.split(":")[1] in _KINDS_OF_BOMB]
    kinds += [h for s in sents for h in weapon_hits[s.index] if h.rule.split(":")[1] in _KINDS_OF_BOMB]
    if len({h.value for h in kinds}) != 1:
        return  # none, or a car bomb here and a suicide bomber there: which was which is not said
    for d in bare:
        d.weapon = _tagged(kinds[0], ":article-kind")


def _incident_actor_of_the_day(drafts: list[_Draft]) -> None:
    """... and the day's one attacker ("an attempted Ukrainian drone attack" for
    the bodies found in the destroyed home)."""
    def give(d: _Draft, src: _Draft, actors) -> None:
        d.actors = [_tagged(a, ":same-day") for a in actors]
    _of_the_day(drafts, lambda d: tuple(d.actors), lambda a: frozenset(h.value for h in a), give)


_THE_STRIKES = regexes.compile(r"\bthe\s+(?:air\s*)?(?:strikes?|airstrikes?|attacks?|raids?|bombings?|shelling)\b", re.I)
_BLAMED_FOR = regexes.compile(r"\bblam(?:ed|es|ing)\s+(?P<who>(?:the\s+)?[^,;]{2,60}?)\s+for\s+(?:the\s+)?(?:air\s*)?"
                              r"(?:strikes?|airstrikes?|attacks?|raids?|bombings?|shelling|killings?)\b", re.I)


def _claimed_attack_figures(j: int, in_sentence: dict[int, list[_Draft]]) -> list[_Draft]:
    """The figures of the attack sentence ``j`` claims: its own, or else the lead's."""
    return list(in_sentence.get(j, ())) or [x for k in range(LEAD_SENTENCES) for x in in_sentence.get(k, ())]


def _claim_of_another_day(d: _Draft, claimed_figures) -> bool:
    """Whether the sentence that claims an attack counts that attack's dead on another day than the figure's
    ("A massive bomb blast claimed by the Daesh terror group killed at least 44 people ... on Wednesday"; "56
    civilians were killed in strikes ... on July 19"): another incident, another attacker."""
    if d.period is None:
        return False
    return any(x.period is not None and x.period.first == x.period.last and d.period.first == d.period.last
               and x.period.first != d.period.first for x in claimed_figures)


def _victims_in(in_sentence: dict[int, list[_Draft]], j: int) -> list[tuple[int, int]]:
    """The spans of the victims' own words in sentence ``j`` ("Thirteen Mexican police officers were
    killed"): who died there, never who killed anyone else."""
    return [(x.paired.group.start, x.paired.group.end) for x in in_sentence.get(j, ()) if not _attackers_dead(x)]


def _attackers_dead(d: _Draft) -> bool:
    """"3 Boko Haram suicide bombers detonated their explosives": the dead
    are the attackers, whose words say who attacked and with what."""
    return d.paired.group.number_rule == "number:suicide-bomber" or (
        d.paired.trigger is not None and d.paired.trigger.rule == "outcome:blew-up")


# an assault on a post: "their checkpoint came under attack", "gunmen stormed a police station"
_POST_ASSAULT = regexes.compile(
    r"\b(?:attack(?:ed|s|ing)?|stormed|storming|assault(?:ed)?|raid(?:ed)?|overran|came\s+under\s+(?:an?\s+)?attack)\b"
    r"[^.;]{0,60}?\b(?:checkpoints?|check\s+posts?|police\s+(?:station|post)s?|outposts?|security\s+posts?|army\s+posts?)\b"
    r"|\b(?:checkpoints?|check\s+posts?|police\s+(?:station|post)s?|outposts?|security\s+posts?|army\s+posts?)\s+"
    r"(?:came|was|were)\s+(?:under\s+(?:an?\s+)?attack|attacked|stormed|overrun)\b", re.I)


def _post_assaulted(sents: list[Sentence], si: int) -> bool:
    """Whether the figure's sentence (or the one before) tells of an armed assault on a post."""
    for j in (si, si - 1):
        if j >= 0:
            low = sents[j].text.lower()
            if ("checkpoint" in low or "post" in low or "station" in low) and _POST_ASSAULT.search(sents[j].text):
                return True
    return False


# the state's forces saying they killed the group: "The army said Monday it killed seven"
_FORCES_SAY_THEY_KILLED = regexes.compile(
    r"\b(?P<who>(?:the\s+)?(?:army|military|armed\s+forces|security\s+forces|troops))\s+(?:said|says|announced|claimed)"
    r"\s+(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?(?:it|they|its\s+(?:troops|soldiers|forces))\s+(?:had\s+|have\s+)?"
    r"(?P<verb>killed|neutrali[sz]ed|eliminated)\b", re.I)


# "Cameroon's army said five separatists were neutralised": the forces' own word for their own kills, in the passive
_FORCES_SAY_NEUTRALISED = regexes.compile(
    r"\b(?P<who>(?:the\s+)?(?:army|military|armed\s+forces|security\s+forces|troops))\s+(?:said|says|announced|claimed)"
    r"\b[^.;]{0,60}?\s(?:were|was|had\s+been|have\s+been|being)\s+(?:also\s+)?(?P<verb>neutrali[sz]ed|eliminated|killed)\b", re.I)


# a background sentence: "The army has been engaged in combat with Fano since April last year" (lends no weapon)
_ONGOING_SINCE = regexes.compile(r"\b(?:has|have)\s+been\s+(?:\w+\s+){0,4}?(?:in|engaged|fighting|battling|waging)\b[^.;]{0,80}\bsince\b", re.I)


# a background clause after the figure: "..., amid ongoing exchanges of fire between Israel and Hezbollah"
_AMID = regexes.compile(r"\b(?:amid|amidst)\b[^,;]*", re.I)


def _amid_clause(text: str, after: int) -> list[tuple[int, int]]:
    """Spans of "amid ..." clauses after position ``after`` of a sentence: the setting, not who or how."""
    if "amid" not in text:
        return []
    return [(m.start(), m.end()) for m in _AMID.finditer(text, after)]


def _restates_number(d: _Draft, sent: Sentence) -> bool:
    """Whether ``sent`` writes the figure's number again, in the same words ("Eleven" ... "eleven")."""
    words = d.sent.text[d.paired.group.number_start: d.paired.group.number_end].strip()
    return bool(words) and re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", sent.text, re.I) is not None


def _assign_actor_weapon(d: _Draft, sents: list[Sentence], in_sentence: dict[int, list[_Draft]], actor_hits, weapon_hits,
                         not_agent, country: str | None, claims, title_groups=lambda: ()) -> None:
    """``claims``: whether each sentence says who claimed an attack (``_CLAIMED``),
    read once a document."""
    si = d.sent.index
    here = in_sentence.get(si, ())
    exclude = [(x.paired.group.start, x.paired.group.end) for x in here if x is d or not _attackers_dead(x)]
    for x in here:
        if x.source_span:
            exclude.append((x.source_span[0] - d.sent.start, x.source_span[1] - d.sent.start))
    attackers_hit = d.victims == "combatants" and d.side == "opposition"
    background = _amid_clause(d.sent.text, d.paired.group.start)
    if background and context.outside(actor_hits[si], exclude + not_agent[si] + background):
        exclude = exclude + background  # "killed in an Israeli strike ..., amid exchanges of fire between Israel and Hezbollah"
    d.actors = _unique([h for h in context.outside(actor_hits[si], exclude + not_agent[si])
                        if attackers_hit or not h.rule.startswith(context.RESPONSE_RULE)])
    if (d.victims == "combatants" and country in world.countries() and "said" in d.sent.text
            and ((own := _FORCES_SAY_THEY_KILLED.search(d.sent.text, 0, d.paired.group.start + 1)) is not None
                 or (d.side == "opposition" and (own := _FORCES_SAY_NEUTRALISED.search(d.sent.text)) is not None))
            and d.paired.trigger is not None and d.paired.trigger.start >= own.start("verb")):
        # "The army said Monday it killed seven from the attacking side": the forces that speak killed them
        # (whose forces: "the Turkish military said" in news of Syria is Turkey's, not the article's country's)
        whose = world.state_of(d.sent.text[max(0, own.start() - 25): own.end("who")]) or country
        d.actors = [context.Hit(own.start(), own.end("who"), world.state_force_actor(whose, country), "actor:state:says-it-killed")]
    if not d.actors and d.parent is not None:
        d.actors = d.parent.actors
    # "One militant was killed ... The Balochistan Liberation Front claimed responsibility for the attack": a group
    # claiming the attack by a name no lexicon knows did not kill its own fighters
    own_fighters = d.victims == "combatants" and d.side == "opposition"

    def _claimed_by(j: int) -> list[context.Hit]:
        return [h for h in _claimants(sents[j], actor_hits[j], country)
                if not (own_fighters and h.rule.startswith(context.NAMED_GROUP_RULE))]
    if not d.actors:
        # "... killed four police officers. The Balochistan Liberation Army claimed responsibility."
        for j in range(si + 1, min(len(sents), si + 1 + CLAIM_FORWARD)):
            if claims[j] and not _claim_of_another_day(d, _claimed_attack_figures(j, in_sentence)):
                claimed = _claimed_by(j)
                if claimed:
                    d.actors = [_tagged(h, ":claimed") for h in claimed]
                    break
    if not d.actors and _THE_STRIKES.search(d.sent.text):
        # "Residents blamed the U.S.-led coalition for the strikes ... [the SDF has been trying to capture Manbij] ...
        # 56 civilians were killed in the strikes": whom the text blamed for those strikes, sentences before
        for j in range(si - 1, max(-1, si - 1 - CONTEXT_BACK), -1):
            blamed = _BLAMED_FOR.search(sents[j].text)
            if blamed is not None:
                hits = [h for h in actor_hits[j] if blamed.start("who") <= h.start and h.end <= blamed.end("who")]
                if hits:
                    d.actors = [_tagged(h, ":blamed") for h in _unique(hits)]
                    break
    if not d.actors:
        # the actor of the sentences just before ("nine civilians were killed in Qaterji"); a sentence of figures
        # that names none gives the actors its figures were given ("Among the dead were a woman and her two
        # children ... Five others were wounded": the strike's, not a group named further back)
        for j in range(si - 1, max(-1, si - 1 - CONTEXT_BACK), -1):
            hits = _unique(context.outside(actor_hits[j], not_agent[j] + _victims_in(in_sentence, j)))
            if hits:
                d.actors = [_tagged(h, ":inherited") for h in hits]
                break
            given = next((x.actors for x in in_sentence.get(j, ()) if x.actors and x.period is not None), None)
            if given:
                d.actors = [h if h.rule.endswith(":inherited") else _tagged(h, ":inherited") for h in given]
                break
    if not d.actors and not _is_national_total(d):
        # no actor in or near its sentence: the actors of the article's lead
        lead = [h for j in range(0, min(si, 3)) for h in context.outside(actor_hits[j], not_agent[j] + _victims_in(in_sentence, j))]
        d.actors = [_tagged(h, ":document-lead") for h in _unique(lead)]
    if not d.actors and _is_incident(d):
        # "... killing at least four police officers. [six sentences on the attack] The outlawed
        # Tehreek-e-Taliban Pakistan claimed responsibility for the attack": nobody else named
        # (or, for a later report of the toll, before it)
        for j in [*range(si + 1 + CLAIM_FORWARD, min(len(sents), si + 1 + CLAIM_FAR)), *range(si - 1, max(-1, si - 1 - CLAIM_FAR), -1)]:
            if _CLAIMED_THE_ATTACK.search(sents[j].text) and not _claim_of_another_day(d, _claimed_attack_figures(j, in_sentence)):
                claimed = _claimed_by(j)
                if claimed:
                    d.actors = [_tagged(h, ":claimed") for h in claimed]
                    break
    d.actors = _name_the_terrorists(d.actors, si, actor_hits, country, sents, claims, title_groups)
    if not attackers_hit:
        d.actors = [a for a in d.actors if not a.rule.startswith(context.RESPONSE_RULE)]
    else:
        d.actors = _not_their_own(d.actors, country, d.sent.text)
    own_cc = _own_forces_of(d, country)
    if own_cc is not None:
        # "four soldiers sustained injuries" after "the fire was returned by the troops", "two Israeli
        # soldiers were injured" in news of Lebanon: a state's soldiers were not hit by that state's
        # forces, but by whoever the sentences before name besides them
        own = ("actor:syr-gov",) if own_cc == world.SYRIA else (f"actor:state:{own_cc}", *(("actor:state-generic",) if own_cc == country else ()))
        state = world.countries()[own_cc].name if own_cc in world.countries() else None

        def is_own(h: context.Hit) -> bool:
            return h.rule.startswith(own) or (state is not None and h.value == state)
        kept = [a for a in d.actors if not is_own(a)]
        if len(kept) < len(d.actors) and not kept and si > 0:
            kept = [_tagged(h, ":inherited") for j in range(si - 1, max(-1, si - 1 - CONTEXT_BACK), -1)
                    for h in _unique(context.outside(actor_hits[j], not_agent[j] + _victims_in(in_sentence, j)))
                    if not is_own(h)][:1]
        if len(kept) < len(d.actors) and not kept and si + 1 < len(sents) and _restates_number(d, sents[si + 1]):
            # "Eleven government soldiers have been killed in an attack on government forces. [...] the funeral
            # of eleven soldiers, which it said were killed in a Houthi attack": the next sentence, telling the
            # same dead again, says who attacked them
            kept = [_tagged(h, ":restated-next") for h in _unique(context.outside(actor_hits[si + 1], not_agent[si + 1]))
                    if not is_own(h) and not _is_state_force(h)][:1]
        d.actors = kept
    anchor = d.paired.trigger.start if d.paired.trigger else d.paired.group.start
    if background and not context.outside(weapon_hits[si], exclude):
        exclude = [x for x in exclude if x not in background]  # the background's weapon when the sentence names no other
    weapons = context.rank_weapons(context.outside(weapon_hits[si], exclude), anchor, d.sent.text if d.paired.trigger else None)
    if weapons:
        d.weapon = weapons[0]
        if d.weapon.rule.split(":")[1] in GENERIC_WEAPONS and si + 1 < len(sents):
            # "intense bombardment killed over 80 ... raids by Russian aircraft and regime
            # helicopters": the next sentence says what the bombardment was
            specific = [w for w in context.rank_weapons(weapon_hits[si + 1])
                        if w.rule.split(":")[1] not in GENERIC_WEAPONS and w.value in _BOMBARDING]
            if specific:
                d.weapon = _tagged(specific[0], ":next-sentence")
        elif (earlier := _named_before_for(d.weapon, si, sents, weapon_hits)) is not None:
            # "13 Russian missiles hit an airfield ... 19 people had been wounded in the strike", "junta
            # airstrikes ... Two bombs struck the village": the strike or bomb the article named before
            d.weapon = _tagged(earlier, ":earlier-sentence")
        elif d.weapon.value == "airstrike":
            # "killed in an Israeli air strike ... Eyewitnesses said a drone fired a missile at a
            # crowd": the sentences after say the strike was a drone's
            drone = next((w for j in range(si + 1, min(len(sents), si + 1 + REFINE_AHEAD)) for w in weapon_hits[j] if w.value == "drone"), None)
            if drone is not None:
                d.weapon = _tagged(drone, ":next-sentence")
        if d.weapon.rule.split(":")[1] == "bomb-blast" and not d.weapon.rule.endswith(":earlier-sentence"):
            # "Shabab Bomb ... Kills Seven" (a headline), then "a car bomb explosion ... killed at least
            # seven": the sentences after say what kind of bomb it was
            kind = next((w for j in range(si + 1, min(len(sents), si + 1 + REFINE_AHEAD)) for w in weapon_hits[j]
                         if w.rule.split(":")[1] in _KINDS_OF_BOMB), None)
            if kind is not None:
                d.weapon = _tagged(kind, ":next-sentence")
    elif d.parent is not None and d.parent.weapon is not None:
        d.weapon = d.parent.weapon
    else:
        back = [j for j in range(si - 1, max(-1, si - 1 - (6 if d.victims == "combatants" else 3)), -1)
                if not ("since" in sents[j].text and _ONGOING_SINCE.search(sents[j].text))]
        back = back[:6 if d.victims == "combatants" else 2]
        if d.victims == "combatants":
            found = [(j, w) for j in back for w in context.rank_weapons(weapon_hits[j])]
        else:  # only the nearest sentence that names a weapon counts: look no further back
            found = next(([(j, w) for w in ws] for j in back if (ws := context.rank_weapons(weapon_hits[j]))), [])
        if d.victims == "combatants":
            # fighters killed with no weapon named died in the clashes reported around them
            clashes = [(j, w) for j, w in found if w.value == "clashes"]
            found = clashes or [(j, w) for j, w in found if j >= si - 2]
        if found:
            d.weapon, d.weapon_inherited = found[0][1], True
            if (earlier := _named_before_for(d.weapon, found[0][0], sents, weapon_hits)) is not None:
                # "air force planes bombed the village ... “A third bomb hit a clinic ... A man and a woman were
                # wounded”": the bombs of the sentence before were the planes'
                d.weapon = _tagged(earlier, ":earlier-sentence")
        elif d.victims == "combatants":
            # "five security forces were killed after their checkpoint came under attack by insurgents":
            # an armed assault on a post, with no weapon named, is gunfire (not a battle of two sides)
            d.weapon = (context.Hit(0, 0, "gunfire", "weapon:post-assault-default") if _post_assaulted(sents, si)
                        else context.Hit(0, 0, "clashes", "weapon:combatants-default"))
            d.weapon_inherited = True
            # "... in an attack by the group. ... the casualties came after a rocket attack on two of its tanks"
            for j in range(si + 1, min(len(sents), si + 3)):
                # (or the sentence right after a lead that names no weapon: "Militants killed 12 soldiers ...
                # A suicide bomber detonated at the base before gunmen stormed in")
                if _SAME_INCIDENT.search(sents[j].text) or (
                        j == si + 1 and si < LEAD_SENTENCES and not _NEW_INCIDENT.search(sents[j].text)):
                    later = context.rank_weapons(weapon_hits[j])
                    if later:
                        d.weapon = _tagged(later[0], ":next-sentence")
                        break
        elif _is_incident(d) and (ahead := _weapon_ahead(si, sents, weapon_hits)) is not None:
            # "... the death of an officer and a civilian in an attack in Garissa County. [The two
            # victims were aboard] a police vehicle that struck an improvised explosive device"
            d.weapon, d.weapon_inherited = ahead, True
            if (earlier := _named_before_for(ahead, si, sents, weapon_hits)) is not None:
                # "Drone strikes in the town of Kheret ... [the toll] ... Local authorities claimed the strike
                # targeted ...": the strike after is the drone strike the lead named
                d.weapon = _tagged(earlier, ":earlier-sentence")
        elif si > 1:
            # no weapon near it: the one the headline and lead name, when they name one kind
            lead = {h.value: h for j in range(0, min(si, LEAD_SENTENCES)) for h in weapon_hits[j]}
            if len(lead) == 1:
                d.weapon = _tagged(next(iter(lead.values())), ":document-lead")
                d.weapon_inherited = True
    if not d.actors and d.weapon is not None and _is_incident(d) and country not in (None, world.SYRIA):
        # "Debris from a drone ... killed three people. [...] an attempted Ukrainian drone attack in
        # the Belgorod region had been thwarted": whose weapon it was, the article says once
        owner = _weapon_owner(d.weapon.value, sents, actor_hits, weapon_hits, country)
        if owner is not None:
            d.actors = [_tagged(owner, ":weapon-owner")]


WEAPON_OWNER_GAP = 2  # characters between an attacker's adjective and its weapon ("Ukrainian drone")


def _weapon_owner(weapon: str, sents: list[Sentence], actor_hits, weapon_hits, country: str | None) -> context.Hit | None:
    """The one attacker the article names right before a weapon of this kind
    ("Ukrainian drone", "Israeli air strike"), or None when it names none or
    several."""
    owners: dict[str, context.Hit] = {}
    for j in range(len(sents)):
        ws = [w for w in weapon_hits[j] if w.value == weapon]
        if not ws:
            continue
        for h in actor_hits[j]:
            if _is_generic_actor(h, country):
                continue
            if any(h.start < w.start and w.start - h.end <= WEAPON_OWNER_GAP for w in ws):  # the adjective may hold the weapon
                owners.setdefault(h.value, h)
    return next(iter(owners.values())) if len(owners) == 1 else None


def _on_opposition(h: context.Hit, country: str) -> bool:
    return h.value == "opposition" or world.group_side(h.rule.split(":")[1], country) == "opposition"


def _not_their_own(actors: list[context.Hit], country: str | None, sentence: str = "") -> list[context.Hit]:
    """Fighters of the armed opposition killed or hurt ("a gunbattle in which
    five insurgents were killed" after "the Taliban attacked a post") were
    not hit by their own side: the state's forces did it.  Where two named
    groups of the opposition are about (fighting each other), left alone."""
    if not actors or country in (None, world.SYRIA) or country not in world.countries():
        return actors
    theirs = [a for a in actors if _on_opposition(a, country)]
    named = {a.rule.split(":")[1] for a in theirs if a.value != "opposition"}
    # only a group named, and fighting the government of the article's country (the Taliban in Afghanistan,
    # Boko Haram in Niger): militants killed by "militants" (rival factions) or a group abroad say nothing
    # of who fought them; unnamed, they count only when borrowed from the sentences before ("jihadis
    # targeting a base ... aerial support killed 15 attackers") or when the sentence names the state's
    # forces ("five militants were killed when terrorists attacked a security forces' post"), never alone
    # with the dead ("clashes between militant factions")
    borrowed = all(a.rule.endswith((":inherited", ":document-lead")) for a in theirs)
    if named and (len(named) != 1 or world.group_side(next(iter(named)), country) != "opposition") \
            or not named and not borrowed and not _STATE_FORCES_NAMED.search(sentence):
        return actors
    kept = [a for a in actors if not _on_opposition(a, country)]
    if kept:
        return kept
    first = theirs[0]
    return [context.Hit(first.start, first.end, world.countries()[country].government, "actor:state-generic:other-side")]


_STATE_FORCES_NAMED = regexes.compile(r"\b(?:security\s+forces|troops|army|armed\s+forces|soldiers|military|police|gendarmes|gendarmerie)\b", re.I)


def _own_forces_of(d: _Draft, country: str | None) -> str | None:
    """The state whose own soldiers a combatant figure counts: the article's
    country for its government's side, or the state its words name
    ("two Israeli soldiers")."""
    if d.victims != "combatants":
        return None
    if d.side == "government" and country:
        return country
    return world.state_of(d.paired.group.side_text or "")


def _unique(hits: list[context.Hit]) -> list[context.Hit]:
    out: list[context.Hit] = []
    for h in hits:
        if h.value not in [o.value for o in out]:
            out.append(h)
    return out


def _place_record(doc: Document, p: PlaceMention | None, sent: Sentence | None) -> Place | None:
    if p is None or sent is None:
        return None
    s = sent.start + p.start
    # (the span quotes the text; the mention is the name to look up: "Haiti's capital" is Port-au-Prince)
    return Place(mention=p.text, span=Span(doc.id, s, sent.start + p.end, sent.text[p.start: p.end], p.rule))


def _source_rank(doc: Document, d: _Draft) -> int:
    """How well a figure's attribution names its source: 0 a name in its own
    sentence ("the Syrian Network for Human Rights said"), 1 a description
    in its own sentence ("rescuers said", "the monitor said"), 2 officials
    no more precise than that ("Lebanese officials say"), 3 inherited from
    the sentences around, 4 none (the outlet)."""
    if d.source_rule in ("source:outlet", "source:is-the-outlet", "source:publisher") or not d.source_rule:
        return 4
    if d.source_rule.startswith("source:inherited"):
        return 3
    if d.source_rule.split(":")[1] in _GENERIC_ROLES:
        return 2
    if d.source_span:
        words = doc.text[d.source_span[0]: d.source_span[1]]
        # an official by role and place ("the mayor of Bankass") or of the article's country ("the health
        # ministry" of news from Lebanon) is as precise as a name
        placed_role = d.source_rule.split(":")[1] in _PLACED_ROLES | _NATIONAL_ROLES and (d.source or "")[:1].isupper()
        if (words[:1].islower() or re.match(r"(?:the|a|an)\s", words, re.I)) and not placed_role:
            return 1  # "local authorities said", not "the mayor of the commune of Bankass"
    return 0


_GENERIC_ROLES = frozenset({"officials", "named-sources"})
_PLACED_ROLES = frozenset({"governor", "military-administration", "mayor", "local-chief", "police", "prosecutor", "hospital"})


def _weaker_source(doc: Document, kept: _Draft, other: _Draft) -> bool:
    return _source_rank(doc, other) < _source_rank(doc, kept)


LEAD_SENTENCES = 2  # the headline and the lead, where a story's figures are first stated


def _other_incident(kept: _Draft, d: _Draft) -> bool:
    """Whether two drafts with the same outcome, number and victims are two
    figures after all: small numbers ("a woman", "two civilians") recur for
    different incidents, so they restate one another only when one is in
    the headline or lead, or both give the same day.  In one sentence, two
    groups on different sides are two figures ("another ranger was killed
    alongside a suspected militant")."""
    if d.sent.index == kept.sent.index:
        return (kept.side is not None and d.side is not None and kept.side != d.side
                and kept.paired.group.start != d.paired.group.start)
    if d.paired.group.n >= SMALL_RESTATED:
        return False
    if min(d.sent.index, kept.sent.index) < LEAD_SENTENCES:
        return False
    if _placed_apart(kept, d):
        return True  # "In Myrnohrad, ... 1 wounded. In Kurakhove, one person was killed and one wounded" (the same day)
    if _in_other_settlements(kept, d):
        return True  # "wounded a woman" in Kostiantynivka, then "wounding a woman" in the Darivka district
    same_day = (kept.period is not None and d.period is not None
                and (kept.period.first, kept.period.last) == (d.period.first, d.period.last))
    return not same_day


def _placed_apart(a: _Draft, b: _Draft) -> bool:
    """Whether two drafts each open their own sentence with a different
    settlement ("In Myrnohrad, ... In Kurakhove, ..."; neither name holding
    the other): two incidents, however alike their counts."""
    if a.place is None or b.place is None or a.place_inherited or b.place_inherited:
        return False
    if a.place_sent is not a.sent or b.place_sent is not b.sent or a.place.kind != "settlement" or b.place.kind != "settlement":
        return False
    if not (_OPENS_WITH_ITS_PLACE.match(a.sent.text) and _OPENS_WITH_ITS_PLACE.match(b.sent.text)
            and a.place.start < PLACE_OPENING and b.place.start < PLACE_OPENING):
        return False  # (a summary and its details name a city, then its quarter: one incident)
    x, y = a.place.text.casefold(), b.place.text.casefold()
    return x not in y and y not in x


def _in_other_settlements(a: _Draft, b: _Draft) -> bool:
    """Whether two small counts are placed in two different settlements,
    neither named where the other is (two incidents of one day's report)."""
    if a.place is None or b.place is None:
        return False
    x, y = a.place.text.casefold(), b.place.text.casefold()
    if x in y or y in x or _places_told_together(a, b):
        return False
    if a.place.kind == b.place.kind == "settlement":
        return True
    return places_mod.in_another_admin1(a.place.text, b.place.text)  # a town in Donetsk Oblast, a district of Kherson Oblast


_OPENS_WITH_ITS_PLACE = regexes.compile(r"^\W*(?:In|At)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?[A-Z]")
PLACE_OPENING = 30  # characters from a sentence's start within which "In Myrnohrad, ..." names its place


_GENERIC_PEOPLE = regexes.compile(r"\b(?:people|persons?|individuals|victims|others|dead|bodies)\b", re.I)


def _people_restating_civilians(drafts: list[_Draft]) -> None:
    """"378 civilians killed in attack" (headline) restated as "Three-hundred and
    seventy eight people were killed": the same count of the same outcome
    under the generic noun is the civilians figure, not a second one."""
    civilians = {(d.outcome, d.paired.group.n): d for d in drafts if d.victims == "civilians" and d.parent is None}
    for d in drafts:
        other = civilians.get((d.outcome, d.paired.group.n)) if d.victims == "people" and d.victims_rule == "victims:people" else None
        if other is None or d.parent is not None or _other_incident(other, d):
            continue
        if not _GENERIC_PEOPLE.search(d.sent.text, d.paired.group.start, d.paired.group.end):
            continue  # "killing four police officers" (people by trade) restates no "four civilians"
        if d.place is not None and other.place is not None and d.place.text != other.place.text \
                and not _places_told_together(d, other):
            continue  # "another five people were wounded" in Ghazni, "five civilians were wounded" in Kunduz
        d.victims, d.victims_rule = "civilians", "victims:restated"


def _places_told_together(a: _Draft, b: _Draft) -> bool:
    """Whether one figure's place is named in the sentence that names the
    other's ("a camp near the town of Gulu" ... "in Pagaka camp, about 16km
    southwest of Gulu"): one place told two ways, not two places."""
    return (a.place_sent is not None and b.place.text in a.place_sent.text
            or b.place_sent is not None and a.place.text in b.place_sent.text)


def _finish(doc: Document, drafts: list[_Draft]) -> list[Figure]:
    # merge repeats of the same (outcome, n, victims): the first mention
    # stays, empty fields are filled from later ones
    _people_restating_civilians(drafts)
    keep: dict[tuple, _Draft] = {}
    alias: dict[int, _Draft] = {}
    for d in drafts:
        key = (d.outcome, d.paired.group.n, d.victims)
        if d.paired.group.number_rule == "number:article":
            # "a candidate, his driver and a guard" are three people
            key = (*key, d.victims_rule)
        if key in keep and _other_incident(keep[key], d):
            key = (*key, id(d))  # "a woman was killed" here and "a child and a woman" there: two figures
        if key in keep:
            k = keep[key]
            if k.place is None or (k.place_inherited and d.place is not None and not d.place_inherited):
                k.place, k.place_sent, k.place_inherited = d.place, d.place_sent, d.place_inherited
            if k.area is None and d.area is not None:
                k.area, k.area_sent = d.area, d.area_sent
            if _weaker_source(doc, k, d):
                k.source, k.source_rule, k.source_span = d.source, d.source_rule, d.source_span
            k.actors = _unique(k.actors + [a for a in d.actors if not a.rule.endswith(":inherited")] if k.actors else d.actors)
            if k.weapon is None or (k.weapon_inherited and d.weapon is not None and not d.weapon_inherited):
                k.weapon, k.weapon_inherited = d.weapon, d.weapon_inherited
            if k.side is None:
                k.side, k.side_rule = d.side, d.side_rule
            if k.qualifier_from is None and k.paired.group.qualifier == "exact" and d.paired.group.qualifier != "exact":
                # a headline's "Kill 16" restated as "killed at least 16": the qualifier the text states
                k.qualifier_from = d
            if k.parent is None and d.parent is not None:
                k.parent = d.parent
            if (k.period is None or k.period_rule in ("when:published", "when:previous-sentence")) and d.period is not None and d.period_rule not in ("when:published", "when:previous-sentence"):
                k.period, k.period_rule = d.period, d.period_rule
            if d.country and not k.country:
                k.country, k.period, k.period_rule = d.country, d.period, d.period_rule
            alias[id(d)] = k
        else:
            keep[key] = d
    _siblings_share_what_restatements_told(doc, drafts, list(keep.values()), alias)
    for d in keep.values():
        if d.country:
            # a country-wide figure, however often restated, has no settlement or area
            d.place = d.area = None
        parent = alias.get(id(d.parent), d.parent) if d.parent is not None else None
        if parent is not None and (not d.actors or all(a.rule.endswith(":inherited") for a in d.actors)) and parent.actors:
            d.actors = parent.actors
    figures: list[Figure] = []
    for d in keep.values():
        g = d.paired.group
        num_start = d.sent.start + g.number_start
        d.figure_id = Figure.make_id(doc.id, doc.content_hash, num_start, d.outcome, d.victims)
    for d in keep.values():
        figures.append(_figure(doc, d, alias))
    return figures


def _siblings_share_what_restatements_told(doc: Document, drafts: list[_Draft], kept: list[_Draft],
                                           alias: dict[int, _Draft]) -> None:
    """"Five paramilitary rangers were killed and one other wounded ..., local police said" ... "Five rangers
    are dead," Sergeant Montri Prommee of Saiburi police told AFP: what a later restatement told of one
    figure (its place, a more precise source) holds for the figure coordinated with it in the same clause."""
    merged = [(m, alias[id(m)]) for m in drafts if id(m) in alias] + [(k, k) for k in kept]
    for m, k in merged:
        for d in kept:
            if d is k or d.sent is not m.sent or d.paired.how != "coordinated" and d.victims_rule != "victims:previous-group":
                continue
            if d.place is None and k.place is not None and not d.country:
                d.place, d.place_sent, d.place_inherited = k.place, k.place_sent, True
                if d.area is None:
                    d.area, d.area_sent = k.area, k.area_sent
            if _source_rank(doc, k) < _source_rank(doc, d) and d.source_rule.split(":")[-1] == k.source_rule.split(":")[-1]:
                d.source, d.source_rule, d.source_span = k.source, k.source_rule, k.source_span


_PASSED_A_MARK = regexes.compile(r"\b(?:exceed|surpass|top|pass)(?:ed|es|s|ing)?\s*$", re.I)


def _beyond_a_mark(qualifier: Qualifier, trigger: str) -> Qualifier:
    """"the death toll has exceeded 40", "surpassed 100": a toll past the
    number, at least it."""
    return Qualifier.AT_LEAST if qualifier == Qualifier.EXACT and _PASSED_A_MARK.search(trigger) else qualifier


def _qualifier_span(doc: Document, d: _Draft) -> Span:
    g, base = d.paired.group, d.sent.start
    return Span(doc.id, base + g.start, base + g.number_start, doc.text[base + g.start: base + g.number_start], g.qualifier_rule)


def _figure(doc: Document, d: _Draft, alias: dict[int, _Draft]) -> Figure:
    g = d.paired.group
    base = d.sent.start
    t = d.paired.trigger
    q_start = min(g.start, t.start) if t else g.start
    q_end = max(g.end, t.end) if t else g.end
    quote = doc.text[base + q_start: base + q_end]
    prov = [
        Span(doc.id, base + g.number_start, base + g.number_end, doc.text[base + g.number_start: base + g.number_end], g.number_rule),
        Span(doc.id, base + t.start, base + t.end, doc.text[base + t.start: base + t.end], t.rule),
        Span(doc.id, base + g.start, base + g.end, doc.text[base + g.start: base + g.end], d.victims_rule),
        _qualifier_span(doc, d.qualifier_from or d),
    ]
    if d.side_rule:
        at = doc.text.find(g.side_text, base + g.start) if g.side_text else -1
        s0, s1 = (at, at + len(g.side_text)) if at >= 0 else (base + g.start, base + g.end)
        prov.append(Span(doc.id, s0, s1, doc.text[s0:s1], d.side_rule))
    period = Period()
    if d.period is not None:
        w = d.period
        wb = base if w.base is None else w.base
        wspan = Span(doc.id, wb + w.start, wb + w.end, doc.text[wb + w.start: wb + w.end], d.period_rule or w.rule) if w.end > w.start else None
        period = Period(start=w.first, end=w.last, precision=w.precision, tolerance_days=w.tolerance, span=wspan)
        prov.append(wspan or Span(doc.id, base, base, "", d.period_rule or w.rule))
    if d.source_span:
        s, e = d.source_span
        prov.append(Span(doc.id, s, e, doc.text[s:e], d.source_rule))
    else:
        prov.append(Span(doc.id, base, base, "", d.source_rule))
    for a in d.actors:
        ab = base if a.base is None else a.base
        prov.append(Span(doc.id, ab + a.start, ab + a.end, doc.text[ab + a.start: ab + a.end], a.rule))
    if d.weapon is not None:
        rule = d.weapon.rule + (":inherited" if d.weapon_inherited and not d.weapon.rule.endswith(":document-lead") else "")
        w = d.weapon
        if w.end > w.start:
            wb = base if w.base is None else w.base
            prov.append(Span(doc.id, wb + w.start, wb + w.end, doc.text[wb + w.start: wb + w.end], rule))
        else:  # a default with no words behind it ("clashes" for fighters)
            prov.append(Span(doc.id, base, base, "", rule))
    place = _place_record(doc, d.place, d.place_sent)
    area = _place_record(doc, d.area, d.area_sent)
    parent = d.parent
    if parent is not None:
        parent = alias.get(id(parent), parent)
    return Figure(
        id=d.figure_id,
        doc_id=doc.id,
        outcome=Outcome(d.outcome),
        n=g.n,
        qualifier=_beyond_a_mark(Qualifier((d.qualifier_from or d).paired.group.qualifier),
                                 doc.text[base + t.start: base + t.end] if t else ""),
        victims=Victims(d.victims),
        quote=re.sub(r"\s+", " ", quote).strip(),
        number_span=prov[0],
        sentence_start=d.sent.start,
        sentence_end=d.sent.end,
        side=Side(d.side) if d.side else None,
        part_of=parent.figure_id if parent is not None and parent.figure_id else None,
        place=place,
        area=area,
        country=d.country,
        period=period,
        source=d.source,
        actor=tuple(a.value for a in d.actors),
        weapon=d.weapon.value if d.weapon else None,
        provenance=tuple(prov),
    )
