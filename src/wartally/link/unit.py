"""Report units: the figures one document gives for one incident.

Within a document, incident figures belong to the same unit when one is
``part_of`` the other, when they share a sentence, when they restate the same
number, or when they give the same date and the same place.  A figure with a
date but no place joins the one unit of its document with that date, if
there is exactly one.  Units, not single figures, are compared across
documents, so "58 killed" and "400 injured" from one report link together.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from wartally.data.tables import event_types, governorates, lexicon_rows, months
from wartally.extract.lexicon import compile_fast
from wartally.geo.gazetteer import load as load_gazetteer
from wartally.link.lexicon import load, patterns, reads_around, search
from wartally.link.site import main_site
from wartally.extract.attack_day import stated_attack_day
from wartally.records import DatePrecision, Document, Figure, Outcome, Place, SMALL_RESTATED, Victims

EPOCH = dt.date(1970, 1, 1)
# geocoded features that are areas, not settlements: compared through admin codes
AREA_FEATURES = frozenset({"country", "admin1", "admin2", "admin3", "region", "governorate", "district",
                           "subdistrict"})
_ARTICLE = re.compile(r"\b(?:al|el|ad|ar|as|ash|at|az|an|ad)[-\s']+", re.IGNORECASE)
# the article written onto its word ("Wad Alnoura" = "Wad Al-Noura"; "Albab"): "al" before two consonants or a
# consonant and a vowel that a name would not start with after "al" is dropped when the rest is a word of its own
_GLUED_ARTICLE = re.compile(r"\b(?:al|el)(?=[bcdfghjklmnpqrstvwxz][a-z]{3,})", re.IGNORECASE)
_VOWELS = re.compile(r"[aeiouyw']")
_POSSESSIVE = re.compile(r"['’]s\b")
_LABIAL_N = re.compile(r"n(?=[bp])")  # an n before b or p is said m: spellings differ on it


@functools.lru_cache(maxsize=1 << 18)
def place_key(name: str | None) -> str | None:
    """A transliteration-blind key for a place name: letters only, Arabic
    articles dropped, vowels dropped, doubled letters folded ("Khan
    Sheikhoun", "Khan Shaykhun" -> "khnshkhn"), and an n before b or p
    written m, as it is said ("Fonbita", "Fombita" -> "fmbt"; "Anbar",
    "Ambar")."""
    if not name:
        return None
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = _GLUED_ARTICLE.sub("", _ARTICLE.sub(" ", " " + text))
    letters = _LABIAL_N.sub("m", re.sub(r"[^a-z]", "", text))
    if not letters:
        return None
    head, rest = letters[0], _VOWELS.sub("", letters[1:])
    key = re.sub(r"(.)\1+", r"\1", head + rest)
    return key or None


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z]+", text.replace("'", ""))


@functools.cache
def _admin1_names() -> dict[str, tuple[str, ...]]:
    """Governorate key (lower-case name) -> its name, spellings and the
    regions wholly inside it (data/admin1.tsv)."""
    return {g.name.lower(): (g.name, *g.spellings, *g.regions) for g in governorates()}


@functools.cache
def _admin1_aliases() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(alias words, admin1) pairs, longest alias first."""
    table = _admin1_names()
    pairs = {(tuple(_words(alias)), key) for key, names in table.items() for alias in (*names, key)}
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@functools.cache
def _capital_keys_of(admin1: str) -> frozenset[str]:
    """The place keys of one governorate's own names (``admin1``: its key,
    lower-case): "Daraa" is Daraa's, not Rif Dimashq's Daraya, though both
    keys are "dr"."""
    return frozenset(k for n in _admin1_names().get(admin1, ()) if (k := place_key(n)))


def is_capital(key: str | None, admin1: str | None) -> bool:
    """Whether a place key is its governorate's own name (the city or the
    province); any governorate's when the admin1 is not known."""
    if key is None:
        return False
    return key in (_capital_keys_of(admin1) if admin1 in _admin1_names() else _capital_keys())


@functools.cache
def _capital_keys() -> frozenset[str]:
    """Place keys of the governorates' own names: "Idlib" may be the city or
    the province."""
    return frozenset(k for names in _admin1_names().values() for n in names if (k := place_key(n)))


@functools.cache
def _stopwords() -> frozenset[str]:
    data = load("admin1")
    return frozenset(w.lower() for w in data["stop"] + data["countries"] + list(months().number))  # months: data/months.tsv


@functools.lru_cache(maxsize=1 << 18)
def governorates_named(text: str) -> set[str]:
    """The governorates (data/admin1.tsv, every spelling) a text names:
    "in Daraa countryside Aleppo Damascus" names three."""
    words = _words(text)
    named = set()
    for alias, key in _admin1_aliases():
        n = len(alias)
        if any(words[i:i + n] == list(alias) for i in range(len(words) - n + 1)):
            named.add(key)
    return named


@functools.lru_cache(maxsize=1 << 16)
def read_place(mention: str | None) -> tuple[str | None, str | None]:
    """(admin1, place key) from a place mention with no geocoding: a
    governorate named in it ("Syrias Idlib", "Aleppos Salaheddin") gives the
    admin1, and what is left, less stop words and a possessive ("Kabul's",
    "El Fasher’s"), gives the place key."""
    if not mention:
        return None, None
    words = _words(_POSSESSIVE.sub("", mention))
    admin1 = None
    present = set(words) | {w[:-1] for w in words if w.endswith("s")}
    for alias, key in _admin1_aliases():
        if alias[-1] not in present or (len(alias) > 1 and alias[0] not in present):
            continue  # (a quick test: the alias's first and last words must both be there)
        n = len(alias)
        for i in range(len(words) - n + 1):
            window = words[i:i + n]
            last = window[-1]
            if window[:-1] == list(alias[:-1]) and (last == alias[-1] or last == alias[-1] + "s"):
                admin1 = admin1 or key
                words = words[:i] + words[i + n:]
                break
    rest = [w for w in words if w not in _stopwords()]
    key = place_key(" ".join(rest)) if rest else None
    return admin1, (key if key and len(key) >= 3 else None)


def day_number(day: dt.date | None) -> int | None:
    return None if day is None else (day - EPOCH).days


@dataclass(frozen=True, slots=True)
class Unit:
    """One document's figures about one incident, with what linking compares."""

    id: str
    doc_id: str
    figure_ids: tuple[str, ...]
    day_start: int | None
    day_end: int | None
    place: str | None  # display name of the most specific place
    place_key: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    lat: float | None
    lon: float | None
    weapon: str | None
    weapon_family: str | None
    actors: str | None  # sorted, '; '-separated; only actors the figures' own sentences name
    victims: str | None  # 'civilians', 'combatants' or None when mixed / unknown
    killed: int | None  # the largest killed figure of the unit
    day_exact: bool = False  # every dated figure gives one day the text states
    place_sure: bool = False  # the place key comes from a geocoded place
    updates: bool = False  # a figure of the unit updates an earlier toll
    # its only dated figures tell a toll update ("has risen to 137, authorities said on Sunday"): its day is
    # the day the toll was told, and the attack may have been up to dates.told_days_before days before it
    told_later: bool = False
    capital: bool = False  # the place bears its governorate's name (Idlib, Aleppo): city or province
    actor_side: str | None = None  # the side all its actors fight on (actors lexicon, column side), if one
    big_city: bool = False  # the place is a city of at least comparison.json big_city_population people
    # the key of the place as the text names it, whatever the geocoder made of it ("Tal Rifaat" reduced
    # to Aleppo governorate keeps "tlrft"); None for a governorate's own name
    mention_key: str | None = None
    published_day: int | None = None  # the document's publication day (day_number)
    # the keys of the names its figures' sentences give (runs of one to three words, the first capitalised),
    # as "|key|key|": a report that also names the other's place ("the village of Tokhar, part of the
    # city of Manbij") is scored as naming it (comparison level named_nearby)
    named_keys: str | None = None
    attack_day: bool = False  # dated by the day its article states the attack happened on (extract/attack_day.py)
    # no date, and its sentences recall an attack told before ("The bombings at the camps killed 18"; patterns.json
    # recalled): it spans the dates.recalled_days_before days before publication
    recalled: bool = False
    # the key of the site its article names most ("Ras Isa fuel port", "Zamzam camp"; site.py), when the unit's own
    # place is none, that site, or the article's only unit's
    site_key: str | None = None
    # its weapon is read only from words for the blast ("blast", "explosion"; comparison.json
    # generic_weapons.rules), which any explosive weapon makes
    weapon_generic: bool = False
    # the numbers its article gives as an earlier toll of the same incident, in a sentence that also gives one of
    # its killed counts ("rose to 74, up from 25 reported the previous day"; patterns.json earlier_count), as
    # "|25|": a report that gave one of them is this incident's toll at an earlier hour (level named_earlier)
    earlier_counts: str | None = None


# rules that date a figure by another figure or sentence: with no date words of their own (an empty span) and
# on the publication day, they passed on the publication's day (date_rules)
_BORROWED_NO_WORDS = frozenset({"when:previous-figure", "when:previous-sentence"})


def date_rule(fig: Figure) -> str:
    """The rule that dated a figure (``when:weekday``, ``when:published``...)."""
    return next((s.rule for s in fig.provenance if s.rule.startswith("when:")), "")


def date_rules(figs: Iterable[Figure], published: dt.date | None = None) -> dict[str, str]:
    """Figure id -> the rule that dated it, a part dated by its whole
    ("10 gang members" of "at least 88 people ... dead", ``when:parent``)
    taking its whole's rule when the whole is among ``figs``: a part of a
    toll only the publication dates states no day either.  With
    ``published``, a day borrowed from a figure or sentence that no date
    words dated (the extractor's span is empty), the publication day itself,
    is the publication's (``when:published``): "Recent airstrikes on Pazi
    Gyi village have killed 171 people", dated by the title's 171."""
    figs = list(figs)
    rule = {f.id: date_rule(f) for f in figs}
    if published is not None:
        for f in figs:
            if rule[f.id] in _BORROWED_NO_WORDS and (f.period.end or f.period.start) == f.period.start == published \
                    and all(s.start == s.end for s in f.provenance if s.rule == rule[f.id]):
                rule[f.id] = "when:published"
    parent = {f.id: f.part_of for f in figs}
    for f in figs:
        seen, k = {f.id}, f.id
        while rule[f.id] == "when:parent" and parent[k] in rule and parent[k] not in seen:
            k = parent[k]
            seen.add(k)
            rule[f.id] = rule[k] if rule[k] != "when:parent" else rule[f.id]
    return rule


def tells_update(fig: Figure) -> bool:
    """Whether the figure's quote tells a toll update ("has risen to 137",
    "rose on Wednesday to 143"; patterns.json "update"): its date is the day
    the toll was told, which may be days after the attack."""
    return search("update", fig.quote or "") is not None


def told_on_its_day(fig: Figure, text: str | None) -> bool:
    """Whether the figure's one day is the day its sentence says the count
    was told ("70 were killed in an assault on the hospital, as reported by
    the WHO chief on Sunday", "a hospital official told Reuters on Friday";
    patterns.json "told_on"), not the day of the attack, which may be days
    before it.  A title's count ("70 killed in attack on hospital") is read
    in the sentences that restate its number, one of which dated it."""
    day = fig.period.start
    if not text or day is None or (fig.period.end or day) != day:
        return False
    weekday = day.strftime("%A").lower()
    return any(weekday in sentence.lower() and any(m.group(0).lower().endswith(weekday)
                                                   for m in patterns("told_on").finditer(sentence))
               for sentence in _restating(fig, text))


def aftermath_day(fig: Figure, text: str | None) -> bool:
    """Whether the day the figure is dated by is the day of something done
    after its attack, read around the date in its sentence (patterns.json
    "aftermath": "Mourners ... buried their dead on Saturday after a
    suicide attack ... killed more than 60", "a ceremony on Monday
    evening", "Three bodies were discovered on the morning of April 14"):
    the attack may have been days before it, as for a toll told later."""
    if not text or fig.period.start is None:
        return False
    span = next((s for s in fig.provenance if s.rule.startswith("when:")), None)
    if span is None or not 0 <= span.start < span.end <= len(text):
        return False
    a, b = _sentence_at(text, span.start, span.end)
    lo, hi = max(a, span.start - 80), min(b, span.end + 40)
    return search("aftermath", f"{text[lo:span.start]}#{text[span.end:hi]}") is not None


def _restating(fig: Figure, text: str) -> list[str]:
    """The figure's sentence, and when that is the title (the text's first
    line), the sentences of ``text`` that give its number again ("70" or
    "70,000" written as the figure's number was)."""
    own = text[fig.sentence_start:fig.sentence_end]
    number = re.escape(fig.number_span.text) if fig.number_span.text else None
    if not number or "\n" not in text or fig.sentence_start > text.index("\n"):
        return [own]
    return [own] + [text[a:b] for m in re.finditer(rf"(?<![\d,.]){number}(?![\d,])", text)
                    if not fig.sentence_start <= m.start() < fig.sentence_end
                    for a, b in [_sentence_at(text, m.start(), m.end())]]


def stated_actors(fig: Figure, text: str | None = None) -> tuple[str, ...]:
    """The figure's actors when its own sentence (or its parent's) names
    them; () when they were borrowed from sentences around it or from the
    article's lead, which says little about which incident it is; less an
    actor named only inside the figure's source (the "Hamas" of "the
    Hamas-run health ministry" says who counts, not who killed) or only by
    the name of the figure's place ("Moscow" of "the attack on a Moscow
    concert hall" is where, not who).  With the document's ``text``, an
    actor named in the words that say whose the source is, right after it
    ("a spokesperson from Battalion 4 of the Kanbalu District People's
    Defence Force"; patterns.json ``source_member``), is inside the source
    too: that group counts the dead, it is not said to have killed them."""
    actor_spans = [s for s in fig.provenance if s.rule.startswith("actor:")]
    if not actor_spans:
        return fig.actor  # no actor read from the text: none borrowed, none named only inside a source or place
    if any(s.rule.endswith((":inherited", ":document-lead")) for s in actor_spans):
        return ()
    sources = [s for s in fig.provenance if s.rule.startswith("source:")]
    places = [p for p in (getattr(fig, "place", None), getattr(fig, "area", None)) if p is not None]
    if not sources and not places:
        return fig.actor
    spans = sources + [p.span for p in places if getattr(p, "span", None) is not None]
    names = {n.lower() for p in places for n in (p.mention, p.name) if n}
    inside: set[str] = set()
    outside: set[str] = set()
    for s in actor_spans:
        within = s.text.lower() in names or any(o.start <= s.start and s.end <= o.end for o in spans) or (
            text is not None and any(o.end <= s.start and search("source_member", text[o.end:s.start])
                                     for o in sources))
        (inside if within else outside).add(s.rule.split(":")[1])
    only_source = {_actor_names().get(i) for i in inside - outside}
    return tuple(a for a in fig.actor if a not in only_source) if only_source else fig.actor


@functools.cache
def _actor_names() -> dict[str, str]:
    """Actor id (the extractor's actors lexicon) -> its name as figures carry it."""
    return {row[0]: row[1] for row in lexicon_rows("actors")}


def _admin_key(fig: Figure, level: int) -> str | None:
    for p in (fig.place, fig.area):
        if p is None:
            continue
        code = (p.admin1_pcode, p.admin2_pcode, p.admin3_pcode)[level - 1]
        name = (p.admin1, p.admin2, p.admin3)[level - 1]
        if code or name:
            return code or (place_key(name) if level > 1 else _admin1_name(name))
    return None


@functools.cache
def _admin1_spellings() -> dict[str, str]:
    """Every spelling of a governorate in data/admin1.tsv, lower case -> its
    key (the gold guide's name, lower case): "idleb" -> "idlib"."""
    return {spelling.lower(): key for key, names in _admin1_names().items() for spelling in names}


@functools.lru_cache(maxsize=1 << 12)
def _admin1_name(name: str | None) -> str | None:
    """The key of a governorate named in any of its spellings; any other
    admin1 name (another country's) lower-cased."""
    if not name:
        return None
    low = name.strip().lower()
    return _admin1_spellings().get(low, low)


def _unit_admin1(figs: list[Figure]) -> str | None:
    for f in figs:
        name = f.admin1
        if name:
            return _admin1_name(name)
    for f in figs:
        for p in (f.place, f.area):
            if p is not None:
                admin1, _ = read_place(p.name or p.mention)
                if admin1:
                    return admin1
    return None


def _place_key(p: Place) -> str | None:
    """The key of a place: its gazetteer name when geocoded, else its
    mention less any governorate and stop words."""
    if p.resolved and p.name:
        return None if p.feature in AREA_FEATURES else place_key(p.name)
    return read_place(p.name or p.mention)[1]


def is_remainder(fig: Figure, text: str | None) -> bool:
    """Whether the text around the figure's number says it adds to an
    earlier toll ("24 other people", "another 5"; patterns.json
    "remainder")."""
    if not text:
        return False
    start, end = fig.number_span.start, fig.number_span.end
    return search("remainder", f"{text[max(0, start - 12):start]}#{text[end:end + 12]}") is not None


def opens_another_incident(text: str, sentence_start: int) -> bool:
    """Whether the sentence at ``sentence_start`` opens another incident
    (data/link/patterns.json "another_incident", matched from there)."""
    return patterns("another_incident").match(text, sentence_start) is not None


def _group(figs: list[Figure], text: str | None = None) -> list[list[Figure]]:
    if len(figs) == 1:  # most reports of a large batch: nothing to group
        return [list(figs)]
    parent = {f.id: f.id for f in figs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # the side of the actors each group's own sentences name: a rebel
    # rocket attack and a government barrel bomb on one city and day are two units
    side = {f.id: _actor_side(list(stated_actors(f, text))) for f in figs}

    # a figure whose sentence opens another incident ("Earlier in the day the Nusra Front launched 60 missiles
    # on Aleppo, killing nine people") joins no other unit by day and place
    another = {f.id: bool(text) and f.sentence_start is not None and opens_another_incident(text, f.sentence_start)
               for f in figs}

    def union(a: str, b: str, *, veto: bool = False) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            if veto and side[ra] and side[rb] and side[ra] != side[rb]:
                return
            if veto and (another[ra] or another[rb]):
                return
            keep, gone = min(ra, rb), max(ra, rb)
            parent[gone] = keep
            side[keep] = side[keep] or side[gone]
            another[keep] = another[keep] or another[gone]

    families = event_types().family
    pk_of = {f.id: (_place_key(f.place) if f.place else None) for f in figs}
    fam_of = {f.id: families.get(f.weapon) if f.weapon else None for f in figs}
    # the families the figures' own sentences name (a weapon read from another sentence is the extractor's guess)
    own_fam = {f.id: _own_family(f) for f in figs}
    # a remainder ("24 other people") joins its day and place whatever actors its sentence names
    remainder = {f.id for f in figs if is_remainder(f, text)}
    by: dict[tuple, str] = {}
    for f in figs:
        if f.part_of in parent:
            union(f.id, f.part_of)
        keys = [("sentence", f.sentence_start)]
        if f.n >= SMALL_RESTATED:  # "a woman was injured" twice in one article is two incidents, not a restatement
            keys.append(("restated", f.outcome, f.n, f.victims))
        if f.period.start is not None and pk_of[f.id]:
            keys.append(("day-place", f.period.start, pk_of[f.id], fam_of[f.id]))
        for k in keys:
            if k in by:
                union(f.id, by[k], veto=k[0] == "day-place" and f.id not in remainder)
            else:
                by[k] = f.id

    def groups() -> dict[str, list[Figure]]:
        out: dict[str, list[Figure]] = defaultdict(list)
        for f in figs:
            out[find(f.id)].append(f)
        return out

    # a group that names no place or no weapon joins the one group of its day
    # whose place and weapon it does not contradict; a group with no place
    # looks first among groups that name one (two placeless groups of a day
    # must not keep each other from the placed one), never in another
    # governorate; a figure "in a village in Idlib province" placed at the
    # governorate's name counts as naming no place, within that governorate
    current = groups()
    info = {root: ({f.period.start for f in g if f.period.start},
                   {pk_of[f.id] for f in g} - {None}, {fam_of[f.id] for f in g} - {None},
                   {a for f in g if (a := _admin1_name(f.admin1))})
            for root, g in current.items()}
    own = {root: {own_fam[f.id] for f in g} - {None} for root, g in current.items()}
    unnamed = {root for root, g in current.items()
               if info[root][1] and info[root][1] <= _capital_keys() and any(_in_unnamed_place(f) for f in g)}
    for root, (days, pks, fams, a1s) in info.items():
        if root in unnamed:
            pks = set()
        if pks and fams and own[root]:
            continue
        target = None if pks and fams else _one_fit(root, days, pks, fams, a1s, info, unnamed, find)
        if target is None and fams != own[root]:
            # none fits by every weapon the groups' figures carry: by the weapons their own sentences name, a
            # weapon read from another sentence contradicts none ("killed more than 30" by "an Israeli strike",
            # and "received at least 33 dead from the strike" after "the missiles hit classrooms")
            target = _one_fit(root, days, pks, own[root], a1s, {o: (d, p, own[o], a) for o, (d, p, _, a) in info.items()
                                                                if not another[find(o)]}, unnamed, find)
        if target is not None:
            union(root, target, veto=True)
    _join_alike_placeless(info, unnamed, union)
    # a group no sentence dates ("the attack claimed the lives of 27
    # children", dated by publication only) joins the one dated group of its
    # document in the days before publication that reports the same outcome
    # and whose place and weapon agree
    # a group dated only by when its toll update was told ("has risen to 137, authorities said on Sunday")
    # does the same over the dates.told_days_before days before, whatever outcome the other reports
    rules = date_rules(figs)
    if text:
        _join_region(figs, text, find, union, pk_of, fam_of, rules)
    dates = load("comparison")["dates"]
    back, told_back = int(dates["undated_days_before_publication"]), int(dates["told_days_before"])
    current = groups()
    told = {f.id for f in figs if tells_update(f)}
    undated = {f.id for f in figs if rules[f.id] == "when:published" or f.id in told}
    info = {root: ({f.period.start for f in g if f.period.start and f.id not in undated},
                   {f.period.start for f in g if f.period.start and f.id in undated},
                   {pk_of[f.id] for f in g} - {None}, {fam_of[f.id] for f in g} - {None},
                   {f.outcome for f in g}, all(f.id in told for f in g if f.id in undated))
            for root, g in current.items()}
    names: dict[str, str] = {}  # the place keys a group's sentences name, read when asked

    def names_all(other: str, keys: set[str]) -> bool:
        if other not in names:
            names[other] = (named_keys(told_sentences(current[other], text)) or "") if text else ""
        return all(f"|{k}|" in names[other] for k in keys)

    for root, (dated, undated, pks, fams, outcomes, update) in info.items():
        if dated or not undated:
            continue
        window = {day - dt.timedelta(days=k) for day in undated for k in range((told_back if update else back) + 1)}
        # (places agree: the same key or, for a count that is no toll update, the dated group's sentences name its
        # place: "about 100" placed at Kanbalu and the day's count "in Pa Zi Gyi Village in Kanbalu Township")
        targets = {find(other) for other, (d2, _, p2, f2, o2, _) in info.items()
                   if other != root and d2 & window and (update or outcomes & o2)
                   and (not pks or not p2 or pks & p2 or (not update and names_all(other, pks)))
                   and (not fams or not f2 or fams & f2)}
        targets.discard(find(root))
        if len(targets) == 1:
            union(root, targets.pop(), veto=True)
    _join_retold(figs, text, find, union, pk_of, fam_of)
    return list(groups().values())


def _one_fit(root: str, days: set, pks: set, fams: set, a1s: set, info: dict, unnamed: set[str], find) -> str | None:
    """The one group of ``root``'s ``days`` whose place and weapon it does not
    contradict (a group with no place looks first among groups that name
    one, never in another governorate), or None.  ``info``: root -> (days,
    place keys, weapon families, governorates) of the groups that may take it."""
    fits = [(other, p2) for other, (d2, p2, f2, a2) in info.items()
            if other != root and days & d2 and (not pks or pks <= p2) and (not fams or fams <= f2)
            and (p2 or f2) and not (a1s and a2 and not a1s & a2) and (root not in unnamed or a1s == a2)]
    placed = [other for other, p2 in fits if p2]
    targets = {find(other) for other in (placed if not pks and placed else [o for o, _ in fits])}
    targets.discard(find(root))
    return targets.pop() if len(targets) == 1 else None


def _join_alike_placeless(info: dict, unnamed: set[str], union) -> None:
    """Groups that name no place, of the same days, weapons and governorates
    (at least a weapon or a governorate), are one incident told by several
    sources: "No fewer than 100 people have been killed ..., following a
    drone attack on a military college in Syria's Homs province", "The
    Syrian Observatory ... disclosed that no fewer than 100 people were
    killed and 125 injured", "Health Minister Hassan Al-Ghabash gave a lower
    figure, telling state television 80 people had been killed".  (With
    several such groups none is "the one group of its day" the step before
    joins.)  ``info``: root -> (days, place keys, weapon families,
    governorates) of the groups; ``unnamed``: groups placed only at
    a governorate's name, which name no place."""
    alike: dict[tuple, list[str]] = defaultdict(list)
    for root, (days, pks, fams, a1s) in info.items():
        if days and (not pks or root in unnamed) and (fams or a1s):
            alike[(frozenset(days), frozenset(fams), frozenset(a1s))].append(root)
    for roots in alike.values():
        for other in roots[1:]:
            union(roots[0], other, veto=True)


def _join_region(figs: list[Figure], text: str, find, union, pk_of: dict, fam_of: dict, rules: dict[str, str]) -> None:
    """A group placed only at a place bearing its region's name ("Air Strike
    in Sagaing", geocoded as the town) joins the one group of its day whose
    sentences name that place as a region ("Pa Zi Gyi Village in Kanbalu
    Township of Sagaing Region"; patterns.json region_after), with weapons of
    one family and actors of no two sides: the same incident told at the
    region's level.  ``rules``: each figure's dating rule (``date_rules``)."""
    members: dict[str, list[Figure]] = defaultdict(list)
    for f in figs:
        members[find(f.id)].append(f)
    if len(members) < 2:
        return
    # the days a group's sentences state (publication dates none)
    stated = {root: {f.period.start for f in g if f.period.start and rules[f.id] != "when:published"}
              for root, g in members.items()}
    regional = {}
    for root, group in members.items():
        keys = {pk_of[f.id] for f in group} - {None}
        a1s = {a for f in group if (a := _admin1_name(f.admin1))}
        # (bearing its governorate's name: one of data/admin1.tsv's, or the admin1 the geocoder gave it)
        if keys and all(is_capital(k, next(iter(a1s)) if len(a1s) == 1 else None)
                        or k in {place_key(a) for a in a1s} for k in keys):
            regional[root] = {f.place.mention for f in group if f.place is not None and pk_of[f.id] in keys}
    if not regional:
        return
    region_after = patterns("region_after")
    for root, mentions in regional.items():
        group = members[root]
        fams = {fam for f in group if (fam := fam_of[f.id])}
        targets = []
        for other, g2 in members.items():
            if other == root or other in regional or not stated[root] & stated[other]:
                continue
            f2 = {fam for f in g2 if (fam := fam_of[f.id])}
            if fams and f2 and not fams & f2:
                continue
            told = told_sentences(g2, text)
            if any(region_after.search(told[m.end():m.end() + 30])
                   for name in mentions for m in re.finditer(rf"\b{re.escape(name)}\b", told)):
                targets.append(other)
        if len(targets) == 1:
            union(root, targets[0], veto=True)


# rules that date a figure by no date its own sentence gives: the article's attack day, the day "that incident" was
# told with, a figure's or sentence's before it, publication
_OWN_DAY_LESS = frozenset({"when:attack-day", "when:attack-day-toll", "when:that-incident", "when:previous-figure",
                           "when:previous-sentence", "when:published"})


def retells(fig: Figure, text: str | None) -> bool:
    """Whether the figure's sentence counts "the attack" an article told
    before ("Amnesty International said at least 120 people died in the
    attack"; patterns.json retells)."""
    sentence = text[fig.sentence_start:fig.sentence_end] if text else fig.quote
    return search("retells", sentence or "") is not None


def _join_retold(figs: list[Figure], text: str | None, find, union, pk_of: dict, fam_of: dict) -> None:
    """A group whose figures all retell "the attack" and are dated by no
    date their own sentences give (``_OWN_DAY_LESS``: the article's attack
    day, the day "that incident" was told with, a figure or sentence before,
    publication) joins the article's lead group (the one holding its first figure) when
    its days lie in the lead's, its weapons are of the lead's families (or
    it names none), and its place is the lead's, none, or one the lead's
    sentences name ("120 died in the attack", placed at Kaduna, and "85
    ... in Tudun Biri village of Igabi, Kaduna State")."""
    if not text or len(figs) < 2:
        return
    members: dict[str, list[Figure]] = defaultdict(list)
    for f in figs:
        members[find(f.id)].append(f)
    if len(members) < 2:
        return
    lead = find(min(figs, key=lambda f: (f.number_span.start, f.id)).id)
    retold = [root for root, group in members.items()
              if root != lead and all(date_rule(f) in _OWN_DAY_LESS and retells(f, text) for f in group)]
    if not retold:
        return  # (most articles: the lead's days, places and names are not read)
    lead_days = {d for f in members[lead] if (d := f.period.start)}
    lead_keys = {k for f in members[lead] if (k := pk_of[f.id])}
    lead_fams = {fam for f in members[lead] if (fam := fam_of[f.id])}
    lead_names = named_keys(told_sentences(members[lead], text)) or ""
    for root in retold:
        group = members[root]
        days = {f.period.start for f in group if f.period.start}
        keys = {k for f in group if (k := pk_of[f.id])}
        fams = {fam for f in group if (fam := fam_of[f.id])}
        if not days or not days <= lead_days or (fams and lead_fams and not fams <= lead_fams):
            continue
        if keys and not (keys <= lead_keys or all(f"|{k}|" in lead_names for k in keys)):
            continue
        union(root, lead, veto=True)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b|\b[a-z]+(?:-[a-z]+)?\b", re.IGNORECASE)


@functools.cache
def _number_words() -> dict[str, int]:
    return load("disagreement")["incident"]["number_words"]


def _number(token: str) -> int | None:
    if token[0].isdigit():
        return int(token.replace(",", ""))
    return _number_words().get(token.lower())


def _masked(text: str) -> str:
    """``text`` with every number (digits or a number word) written '#'."""
    return _NUMBER.sub(lambda m: "#" if _number(m.group(0)) is not None else m.group(0), text)


@functools.lru_cache(maxsize=1 << 12)
def _earlier_tolls(text: str) -> tuple[tuple[frozenset[int], frozenset[int]], ...]:
    """Per sentence of ``text`` that names an earlier toll (patterns.json
    earlier_count): (every number it gives, the numbers it gives as an
    earlier toll).  Memoised: every unit of an article asks."""
    if patterns("earlier_count_starts").search(text) is None:
        return ()
    sentences = _SENTENCE_END.split(text)
    # "Earlier reports by spokesmen ... had 26 killed and at least 16 dead": every count of such a sentence
    opens_on_earlier = [search("earlier_sentence", x) is not None for x in sentences]
    if search("earlier_count", _masked(text)) is None and not any(opens_on_earlier):
        return ()
    out = []
    for sentence, all_earlier in zip(sentences, opens_on_earlier):
        numbers, earlier = set(), set()
        for m in _NUMBER.finditer(sentence):
            n = _number(m.group(0))
            if n is None:
                continue
            numbers.add(n)
            if all_earlier and _A_TOLL_AROUND.search(f"{sentence[max(0, m.start() - 12):m.start()]}#{sentence[m.end():m.end() + 25]}") \
                    or search("earlier_count",
                                     f"{sentence[max(0, m.start() - 60):m.start()]}#{sentence[m.end():m.end() + 5]}"):
                earlier.add(n)
        if earlier:
            out.append((frozenset(numbers), frozenset(earlier)))
    return tuple(out)


# a count of the dead or hurt, written '#': "had 14 killed", "at least 9 dead", "the number of dead at 31" (not "the two
# ministries")
_A_TOLL_AROUND = re.compile(r"#\s+(?:[\w-]+\s+){0,2}?(?:killed|dead|died|deaths|wounded|injured|hurt|people|persons|civilians|"
                            r"victims|bodies|casualties)\b|\b(?:at|of|to|toll)\s+#", re.IGNORECASE)


def named_earlier(text: str | None) -> frozenset[int]:
    """Every number ``text`` gives as an earlier toll ("up from 25 reported
    the previous day", "it was initially reported that more than 30 people
    were killed"; patterns.json earlier_count), in any sentence."""
    return frozenset(n for _, earlier in _earlier_tolls(text) for n in earlier) if text else frozenset()


def earlier_counts(text: str | None, tolls: Iterable[int]) -> frozenset[int]:
    """The numbers ``text`` gives as an earlier toll of the incident whose
    ``tolls`` (killed counts) it gives, each in a sentence that also names
    one of those tolls ("the death toll rose to 74, up from 25 reported the
    previous day": 25; patterns.json earlier_count)."""
    tolls = set(tolls)
    if not text or not tolls:
        return frozenset()
    return frozenset(n for numbers, earlier in _earlier_tolls(text) if numbers & tolls for n in earlier
                     if n not in tolls)


def _in_unnamed_place(fig: Figure) -> bool:
    """Whether the figure's quote puts it in a settlement it does not name
    ("killed 22 people in a village in Idlib province"; patterns.json
    "unnamed_place")."""
    return search("unnamed_place", fig.quote or "") is not None


def _generic_weapon(figs: list[Figure]) -> bool:
    """Whether every weapon the figures carry was read from a word for the
    blast, not the weapon ("blast", "explosion"), in their own sentence or
    in one before it or the article's lead (the extractor's tags
    ":inherited", ":earlier-sentence", ":document-lead" after the rule id:
    "the bombing of the Al-Taba'een School" read for the next sentence's
    "only 20 people were killed" is still a word for the blast)."""
    generic = load("comparison")["generic_weapons"]["rules"]
    rules = [":".join(s.rule.split(":")[:2]) for f in figs if f.weapon for s in f.provenance
             if s.rule.startswith("weapon:")]
    return bool(rules) and all(r in generic for r in rules)


def weapon_borrowed(fig: Figure) -> bool:
    """Whether the figure's weapon was read from another sentence, not its
    own (the extractor's tags after the weapon rule id, comparison.json
    borrowed_weapon.tags: "weapon:missile:earlier-sentence" for "at least
    33 dead from the strike" after "the missiles hit classrooms")."""
    tags = load("comparison")["borrowed_weapon"]["tags"]
    return any(s.rule.startswith("weapon:") and any(f":{t}" in s.rule for t in tags) for s in fig.provenance)


def _own_family(fig: Figure) -> str | None:
    """The weapon family of the figure as its own sentence tells it; None
    for no weapon or one borrowed from another sentence, which is the
    extractor's guess and so does not split one report's counts of a day
    and place into two units ("An Israeli strike on a school ... killed more
    than 30" and "received at least 33 dead from the strike", the second
    given the missile of a sentence between)."""
    if not fig.weapon or weapon_borrowed(fig):
        return None
    return event_types().family.get(fig.weapon)


def _weapon(figs: list[Figure]) -> str | None:
    """The unit's weapon: its killed counts' (the toll tells the attack;
    a count of the hurt may be of "the hotel bombing and a second mortar
    strike"), else any figure's; of several, the first in event_types.tsv's
    order."""
    found = ({f.weapon for f in figs if f.weapon and f.outcome == Outcome.KILLED}
             or {f.weapon for f in figs if f.weapon})
    if len(found) <= 1:
        return found.pop() if found else None
    for w in event_types().weapon_order:
        if w in found:
            return w
    return sorted(found)[0]


@functools.lru_cache(maxsize=1 << 14)
def _big_city(gazetteer_id: str | None) -> bool:
    """Whether a geocoded place is a city big enough for many incidents a
    day (Mosul, Kabul, Aleppo): the same name then says less."""
    if not gazetteer_id:
        return False
    gaz = load_gazetteer()
    index = gaz.id_index().get(gazetteer_id)
    return index is not None and gaz.entry(index).population >= int(load("comparison")["big_city_population"])


@functools.cache
def _side_of() -> dict[str, str]:
    """Actor -> the side it fights on (the extractor's actors lexicon, column side:
    the canonical actors are the extractor's, and so are their sides)."""
    return {row[1]: row[2] for row in lexicon_rows("actors")}  # id, actor, side, ...


def _actor_side(actors: list[str]) -> str | None:
    """The side all ``actors`` fight on, or None when unknown or mixed."""
    side_of = _side_of()
    sides = {side_of.get(a) for a in actors}
    return sides.pop() if len(sides) == 1 and None not in sides else None


# (with compile_fast's look-ahead for the capital a name starts with: the same matches, found faster)
_NAME = compile_fast(r"\b[A-Z][A-Za-z'\-]*(?:\s+(?:[A-Z][A-Za-z'\-]*|[a-z]{1,3}-[A-Za-z'\-]+)){0,2}")


def named_keys(text: str | None) -> str | None:
    """``"|key|key|"``: the place keys of every name ``text`` gives, a run
    of one to three words whose first is capitalised and whose others are
    too or are an article joined to a word ("Tokhar", "Maarat al-Numan",
    "Khan Sheikhoun"), and of each part of it that starts capitalised; keys of
    three letters or more (two-letter keys collide: Daraa and Daraya are
    both "dr"); None when there are none."""
    if not text:
        return None
    keys = set()
    for m in _NAME.finditer(text):
        keys.update(_name_keys(m.group(0)))
    return "|" + "|".join(sorted(keys)) + "|" if keys else None


@functools.lru_cache(maxsize=1 << 16)
def _name_keys(name: str) -> tuple[str, ...]:
    """The keys ``named_keys`` reads from one name (a run of one to three
    words): of each part of it that starts capitalised.  Memoised: a
    batch's sentences name the same places, weekdays and sources again and
    again."""
    words = name.split()
    keys = []
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            if words[i][:1].isupper() and (k := place_key(" ".join(words[i:j]))) and len(k) >= 3:
                keys.append(k)
    return tuple(keys)


def _sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence of ``text`` that holds ``start``..``end``
    (a full stop, question or exclamation mark and a space, or a line
    break, ends one)."""
    a = max(text.rfind("\n", 0, start), *(text.rfind(m, 0, start) for m in (". ", "? ", "! ")))
    ends = [k for m in (". ", "? ", "! ", "\n") if (k := text.find(m, end)) >= 0]
    return a + 1, (min(ends) + 1 if ends else len(text))


def told_sentences(figs: Iterable[Figure], text: str) -> str:
    """The sentences that hold the figures, and those their places (not
    their areas) were read from ("An air strike ... in Pazigyi Village, Kanbalu Township,
    Sagaing Region" for a count of the next paragraph placed at Kanbalu):
    where a report says its place, in the words of its article."""
    spans = {(f.sentence_start, f.sentence_end) for f in figs}
    for f in figs:  # (the place's, not the area's: a province's sentence may name its other towns)
        span = getattr(f.place, "span", None)
        if span is not None and 0 <= span.start < span.end <= len(text) and not any(
                a <= span.start and span.end <= b for a, b in spans):
            spans.add(_sentence_at(text, span.start, span.end))
    return " ".join(text[a:b] for a, b in sorted(spans))


def make_unit(doc_id: str, figs: list[Figure], published: dt.date | None = None,
              text: str | None = None) -> Unit:
    """The unit of ``figs`` (all from document ``doc_id``); ``text``: the
    text of the document, whose sentences holding the figures give the
    unit's ``named_keys``."""
    figs = sorted(figs, key=lambda f: (f.number_span.start, f.id))
    dating = load("comparison")["dates"]
    # a figure dated only by its publication happened on or before it
    rule_of = date_rules(figs, published)  # each figure's dating rule, read once (a part's is its whole's)
    told = {f.id for f in figs if tells_update(f)}
    stated = [f for f in figs if f.period.start and rule_of[f.id] != "when:published"]
    # dated by a figure that tells a toll update, every dated figure on its day ("rose on Wednesday to 143 ...
    # 80 injured remained in hospital by Wednesday afternoon"): the day it was told, the attack up to days before
    # or by the day a sentence says its count was told ("a hospital official told Reuters on Friday"), or by a day
    # of the attack's aftermath ("buried their dead on Saturday after a suicide attack"; aftermath_day)
    told_later = len({f.period.start for f in stated}) == 1 and all(
        (f.period.end or f.period.start) == f.period.start for f in stated) and any(
        f.id in told or told_on_its_day(f, text) or aftermath_day(f, text) for f in stated)
    # no sentence dates it and its count is a toll update ("Death toll in junta airstrikes on Sagaing Region
    # village rises to 171"): the toll was told by publication, the attack up to dates.told_days_before before
    told_later = told_later or (not stated and any(f.id in told and f.outcome == Outcome.KILLED for f in figs))
    # a day the text states wins over a vague "earlier this week" of the same unit
    stated = [f for f in stated if rule_of[f.id] not in dating["vague_point_rules"]] or stated
    starts = [f.period.start for f in stated]
    ends = [f.period.end or f.period.start for f in stated]
    # no sentence of its own dates it, or it borrows the day of a sentence that names no attack ("a ceremony
    # unfolded on Wednesday"), but the article states the one day of its attack ("Last Friday, an artillery
    # strike devastated the camp", "The May 3rd attack"; extract/attack_day.py): that day
    recalled = False
    borrowed = bool(stated) and all(rule_of[f.id] in dating["borrowed_period_rules"] for f in stated)
    attack_day = stated_attack_day(text, published) if not starts or borrowed else None
    if attack_day is not None and starts and attack_day >= min(starts):
        attack_day = None
    if attack_day is not None:
        start = end = attack_day
    elif starts:
        start, end = min(starts), max(ends)
    else:
        end = published or next((f.period.end or f.period.start for f in figs if f.period.start), None)
        # a sentence that recalls an attack told before ("The bombings at the Mugunga and Lac Vert camps
        # killed at least 18") may be days after it, not only the last two days
        recalled = bool(text) and published is not None and any(
            search("recalled", text[f.sentence_start:f.sentence_end]) for f in figs)
        back = dating["recalled_days_before" if recalled else "undated_days_before_publication"]
        start = end - dt.timedelta(days=int(back)) if end else None
    # the most specific place with a key: geocoded first, then as mentioned
    located = [p for f in figs for p in (f.place, f.area) if p is not None]
    located.sort(key=lambda p: (int(p.precision), p is not None and p.feature == "admin1",
                                p.name or p.mention))
    keyed = [(p, k) for p in located if (k := _place_key(p))]
    # a place bearing the unit's governorate's name ("Sagaing", the region's town) yields to a settlement its
    # sentences name ("Pa Zi Gyi Village in Kanbalu Township of Sagaing Region")
    namesake = {place_key(a) for f in figs if (a := f.admin1)}
    keyed = [pk for pk in keyed if pk[1] not in namesake] or keyed
    best, best_key = keyed[0] if keyed else (None, None)
    if best is None:
        best = next((f.place for f in figs if f.place), None)
    weapon = _weapon(figs)
    actors = sorted({a for f in figs for a in stated_actors(f, text)})
    groups = {f.victims for f in figs}
    victims = None
    if groups <= {Victims.COMBATANTS}:
        victims = "combatants"
    elif Victims.COMBATANTS not in groups and groups & {Victims.CIVILIANS, Victims.CHILDREN, Victims.WOMEN}:
        victims = "civilians"
    # a number the text gives as things ("destroyed 72 apartments"; patterns.json toll_not_count) counts no dead
    killed = [f.n for f in figs if f.outcome == Outcome.KILLED and not reads_around(f, text, "toll_not_count")]
    coords = next(((p.lat, p.lon) for p in located if p.lat is not None and p.lon is not None
                   and p.feature not in AREA_FEATURES), (None, None))
    ids = tuple(f.id for f in figs)
    admin1 = _unit_admin1(figs)
    mention_key = next((k for f in figs if f.place is not None and (k := read_place(f.place.mention)[1])
                        and k not in _capital_keys()), None)
    return Unit(
        id=min(ids),
        doc_id=doc_id,
        figure_ids=ids,
        day_start=day_number(start),
        day_end=day_number(end),
        place=(best.name or best.mention) if best else None,
        place_key=best_key,
        place_sure=bool(best_key and best is not None and best.resolved),
        updates=any(f.id in told for f in figs if f.outcome == Outcome.KILLED),  # (told: their quotes tell an update)
        told_later=told_later and start is not None,
        capital=is_capital(best_key, admin1),
        big_city=best_key is not None and best is not None and _big_city(best.gazetteer_id),
        admin1=admin1,
        admin2=next((k for f in figs if (k := _admin_key(f, 2))), None),
        admin3=next((k for f in figs if (k := _admin_key(f, 3))), None),
        lat=coords[0],
        lon=coords[1],
        weapon=weapon,
        weapon_family=event_types().family.get(weapon) if weapon else None,
        actors="; ".join(actors) if actors else None,
        actor_side=_actor_side(actors),
        victims=victims,
        killed=max(killed) if killed else None,
        # the day is exact when the figures dated by their own sentence all give one day
        day_exact=bool(own := [f for f in stated if rule_of[f.id] not in dating["inherited_rules"]]) and all(
            f.period.precision == DatePrecision.DAY and f.period.tolerance_days <= 1
            and not search("night", f.quote or "") for f in own),
        mention_key=mention_key,
        published_day=day_number(published),
        attack_day=attack_day is not None,
        recalled=recalled,
        weapon_generic=weapon is not None and _generic_weapon(figs),
        named_keys=named_keys(told_sentences(figs, text)) if text else None,
        earlier_counts="|" + "|".join(map(str, sorted(e))) + "|" if (e := earlier_counts(text, killed)) else None,
    )


def _undated(unit: Unit, figs: list[Figure]) -> bool:
    """Whether no sentence and no stated attack day dates the unit: its days
    are the ones before its article's publication."""
    published = EPOCH + dt.timedelta(days=unit.published_day) if unit.published_day is not None else None
    rule_of = date_rules(figs, published)
    return (unit.day_start is not None and not unit.attack_day and not unit.recalled
            and not any(f.period.start and rule_of[f.id] != "when:published" for f in figs))


def _told_later_with_its_update(units: list[Unit], groups: list[list[Figure]]) -> list[Unit]:
    """One article's units that no sentence dates, when one of them tells a
    toll update ("the death toll from the Bajaur bombing has risen to 63"):
    the article is a later account of its attack, so each of them (the
    "65 persons had died" placed at Khar) was told by publication, the
    attack up to dates.told_days_before days before it (Unit.told_later)."""
    if not any(u.told_later for u in units):
        return units
    undated = [_undated(u, g) for u, g in zip(units, groups)]
    if not any(u.told_later and ok for u, ok in zip(units, undated)):
        return units
    return [dataclasses.replace(u, told_later=True) if ok else u for u, ok in zip(units, undated)]


# how far before a place's mention the words saying the victims were taken or fled there are read
DESTINATION_WINDOW = 80


def at_destination(fig: Figure, text: str | None) -> bool:
    """Whether the figure's place is where its victims were taken, treated or
    fled to, not where the attack was: the words right before the place as
    the text names it (up to ``DESTINATION_WINDOW`` characters; patterns.json
    "destination_place") say so ("The Al-Aqsa Martyrs Hospital in the
    nearby town of Deir al-Balah received at least 33 dead", "Nearly 800
    people have fled to the nearby town of Sebba")."""
    span = fig.place.span if fig.place is not None else None
    if not text or span is None or span.start is None or span.start > len(text):
        return False
    return patterns("destination_place").search(text[max(0, span.start - DESTINATION_WINDOW):span.start]) is not None


def _placed_where_it_happened(figs: list[Figure], text: str | None) -> list[Figure]:
    """The figures, those placed where their victims were taken or fled to
    (``at_destination``) read as placed nowhere (their governorate kept):
    the place says nothing of where the attack was, so it neither splits
    the report's units nor sets the report against the others of the
    attack's place.  Only the units see these copies; events keep the
    figures as the extractor made them."""
    if not text:
        return figs
    return [dataclasses.replace(f, place=None) if at_destination(f, text) else f for f in figs]


def make_units(figures: Iterable[Figure], documents: dict[str, Document]) -> list[Unit]:
    """The report units of incident ``figures``, grouped by document."""
    by_doc: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        by_doc[f.doc_id].append(f)
    units = []
    for doc_id, figs in by_doc.items():
        doc = documents.get(doc_id)
        published = doc.published if doc else None
        figs = _placed_where_it_happened(figs, doc.text if doc else None)
        groups = _group(figs, doc.text if doc else None)
        mine = [make_unit(doc_id, g, published, doc.text if doc else None) for g in groups]
        mine = _told_later_with_its_update(mine, groups)
        # (a city's name before a site noun, "Mogadishu hotel", is the city's, when the article names a site too)
        cities = {u.place_key for u in mine if u.place_key and (u.big_city or u.capital)}
        site = main_site(doc.title, doc.text, place_key, cities) if doc is not None and doc.text else None
        if site is not None:
            # the article's site is its unit's when it has one unit, else only the units that name no other place
            mine = [dataclasses.replace(u, site_key=site) if len(mine) == 1 or u.place_key in (None, site) else u
                    for u in mine]
        units.extend(mine)
    return units

