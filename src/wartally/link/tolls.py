"""Disagreements about one incident's toll.

The tally view (link/disagreement.py) compares running totals.  This one
compares the counts sources give for **one incident**: the figures of one
event the linker made (several articles, or the figures of one article
about one attack).  A *toll claim* is one source's number for one outcome
and victim group of that event, with every figure and article that carried
it and the days those articles were published.  Two toll claims disagree
when

* their sources differ (case folded; an article's unattributed count is its
  outlet's, and an outlet never disagrees with a source it quotes in the
  same article);
* they count the same outcome and the same victim group (civilians are not
  "people"; a number the text gives as a part of, or an addition to, a toll,
  "including 5 children", "40 others", "another 5", is no side at all:
  patterns.json "toll_part"; and a figure is never set against its whole);
* the incident days their figures give lie at most ``max_days_apart``
  apart (data/link/disagreement.json "incident");
* read as ranges ("at least 30": 30 or more; "about 30": within
  ``rounding_share`` of 30; "at most 30": up to 30) they do not meet, and
  the numbers are at most ``incident.max_ratio`` apart (narrower than the tally view's);
* and one is not a later report of a growing toll: a count first reported
  on a day after the other was last reported, and higher, is growth; so is
  a higher count against a lower one that an article of the event names as
  an earlier toll ("it was initially reported that more than 30 people were
  killed"; patterns.json earlier_count), whoever gave it.  Kind
  ``rival``: both reported on a common day; ``later_lower``: the later report
  is lower.

The text decides what a number counts (data/link/patterns.json ``toll_*``,
data/link/disagreement.json ``incident``): an age, a plan or another
time's toll is no count; "at least" before the number loosens it; the
smaller of two counts is a part, not a rival, when its own sentence says it
is one site's (what a hospital received), a trade among the victims ("four
nurses"), or one town's against a count over several cities or
governorates; a piece of a toll its sentence splits among places is
comparable only with another piece; counts on two sides of a front line
("rebel-held east", "government-held west") are two incidents; a sentence
telling a correction ("initially said 14 ... later confirmed 13") is one
count replacing another.  Two articles of one day whose lower count's
article says the toll is still being made, neither naming the other's
number, are growth; so is a later, lower count whose own sentence says so.
A sentence setting the counts against each other ("had earlier said 40"),
or an article carrying both that challenges a count ("challenging the
initial casualty figure released by NEMA"), leaves an "at least" no room
for the other's number and makes neither an earlier toll of the other.  A
fighters' word in quotation marks after the number ('203 "terrorists"') is
the source's label for the dead: that count is compared with another
source's count of people, civilians or men.

Every row says why in words ("same airstrike in Douma on 2018-04-07 ...;
SOHR 45 vs White Helmets 70; reported within 1 day; ...").
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from wartally.extract.world import country_mentions
from wartally.link.claims import area_of, asserted, canonical_source
from wartally.link.disagreement import OUTLET, days_between, own_losses
from wartally.link.lexicon import load, patterns, reads_around, search
from wartally.link.unit import (AREA_FEATURES, _admin1_name, date_rules, governorates_named, named_earlier, named_keys,
                                told_sentences)
from wartally.records import (ANALYST_PICKED, DatePrecision, Disagreement, Document, Event, Figure, Outcome, Period,
                              Qualifier, Victims, stable_id)

AMONG_THE_DEAD = "outcome:among-dead"  # the extractor's rule for "were among the dead" (lexicons/outcomes.tsv)


@dataclass(frozen=True, slots=True)
class TollClaim:
    """One source's number for one outcome and victim group of one event."""

    id: str
    event_id: str
    source: str
    outcome: Outcome
    victims: Victims
    n: int
    qualifier: Qualifier
    days: tuple[dt.date, dt.date]  # the incident days its figures give
    reported: tuple[dt.date, dt.date]  # first and last day an article carrying it was published
    figure: str  # the figure it is shown by: the earliest reported
    quote: str
    figures: tuple[str, ...]
    docs: tuple[str, ...]
    parents: frozenset[str]  # the wholes its figures are parts of (part_of)
    own_voice: bool  # an outlet's unattributed count
    areas: frozenset[tuple[str, str]]  # the (level, key) of every area its figures name (claims.area_of)
    updating: bool  # a sentence of it says the toll is still being updated ("raised the death toll")
    said_by: str  # its figures' sentences, lower case: who an outlet's count is quoted from
    within: frozenset[str] = frozenset()  # the governorates (admin1 keys) its figures' towns and villages lie in
    unsettled: bool = False  # no figure of it is placed at a town or village (a governorate at most)
    # how the text reads the count (patterns.json toll_*, read in _claim):
    site: bool = False  # what one hospital received, who died in hospital: one site's count
    group: bool = False  # a trade or membership group among the victims ("five medics")
    piece: bool = False  # its sentence splits this outcome's toll among places or times
    spots: frozenset[str] = frozenset()  # a piece's place keys: the name right after its number ("70 dead in Tchoma Bangou")
    wide: bool = False  # its sentence counts over several towns or cities
    contrast: bool = False  # its sentence sets it against another source's count ("had earlier said")
    provisional: bool = False  # an article of it says its toll is still being made
    counting: bool = False  # a sentence of it says so ("with defence teams still looking under rubble")
    corrected: bool = False  # a sentence of it tells a correction ("initially tweeted 14 ... later confirmed 13")
    sides: frozenset[str] = frozenset()  # the sides of a front line its sentences name (incident.sides)
    mentioned: frozenset[int] = frozenset()  # every number its articles name
    rising: bool = False  # an article of it (title or text) tells a toll rising ("had increased to six")
    named: str = ""  # "|key|key|": the place keys of the names its sentences give (unit.named_keys)
    quarters: frozenset[str] = frozenset()  # the place keys of the city quarters its sentences name (toll_quarter)
    challenged: frozenset[str] = frozenset()  # its articles whose text challenges a count ("challenging the initial casualty figure")
    labelled: bool = False  # its victims word is the source's, in quotation marks ('203 "terrorists"')
    # the days its incident may have been on: ``days``, or for a count no sentence dates (the extractor dated it by
    # its publication) whose sentence recalls the attack ("buried 34 people killed in a recent attack"; patterns.json
    # recalled), the comparison.json dates.recalled_days_before before publication, as its report unit spans them
    open_days: tuple[dt.date, dt.date] | None = None


def _settings() -> dict:
    return load("disagreement")


def is_toll_part(fig: Figure, text: str | None) -> bool:
    """Whether the text around the number gives it as a part of, or an
    addition to, a toll ("wounded 40 others", "another 5", "including
    children and two hospital staffers"; patterns.json "toll_part")."""
    if any(p.rule == AMONG_THE_DEAD for p in fig.provenance):
        return True  # "five sub-inspectors and the mosque's prayer leader were among the dead"
    if not text:
        return False
    start, end = fig.number_span.start, fig.number_span.end
    if text[start:end].strip().lower() in _settings()["incident"]["part_number_words"]:
        return True  # "injuring another"
    window = f"{text[max(0, start - 30):start]}#{text[end:end + 15]}"
    if search("toll_part", window) is None:
        return False
    # "killed 16 ... and 20 other tourists & locals injured": others than the dead, all the injured there are, when
    # "others" (or "more") is the only cue and the words before the number in its sentence name only another outcome
    return search("toll_part", _OTHERS.sub("#", window)) is not None or not _after_another_outcome(fig, text)


_OTHERS = re.compile(r"#\s+(?:others?|more)\b|\banother\s+#", re.IGNORECASE)


def _after_another_outcome(fig: Figure, text: str) -> bool:
    """Whether the words of the figure's sentence before its number name an
    outcome (incident.outcome_words) and every one they name is another
    than the figure's ("killed 16 ... 20 other tourists injured")."""
    words = _settings()["incident"]["outcome_words"]
    lo = fig.sentence_start if fig.sentence_start <= fig.number_span.start else 0

    def named_in(chunk: str) -> set[str]:
        return {o for w in re.findall(r"[a-z]+", chunk.lower()) for o, ws in words.items() if w in ws}

    named = named_in(text[lo:fig.number_span.start])
    if not named and lo > 0:
        # "The death toll ... has risen to 85 ... Another 147 wounded people were wounded": the sentence before
        stop = len(text[:lo].rstrip()) - 1  # (the sentence before's full stop)
        named = named_in(text[text.rfind(".", 0, max(0, stop)) + 1:stop])
    return bool(named) and str(fig.outcome) not in named


def _published(fig: Figure, documents: Mapping[str, Document]) -> dt.date | None:
    doc = documents.get(fig.doc_id)
    return getattr(doc, "published", None) or fig.period.end or fig.period.start


def _source_of(fig: Figure, documents: Mapping[str, Document]) -> tuple[str, bool] | None:
    """(source, own voice): the figure's source, or for the outlet's own
    count the outlet's name; None when neither is known."""
    src = canonical_source(fig.source)
    if src and src.lower() != OUTLET:
        return src, False
    outlet = canonical_source(getattr(documents.get(fig.doc_id), "outlet", None))
    return (outlet, True) if outlet else None


def is_not_count(fig: Figure, text: str | None) -> bool:
    """Whether the number is no count of this incident's victims: an age,
    a plan, a toll of another time (patterns.json "toll_not_count")."""
    return reads_around(fig, text, "toll_not_count")


def _usable(fig: Figure, documents: Mapping[str, Document]) -> bool:
    text = getattr(documents.get(fig.doc_id), "text", None)
    return fig.n > 0 and not is_toll_part(fig, text) and not is_not_count(fig, text) and asserted(fig, text)


def _qualifier(fig: Figure, documents: Mapping[str, Document]) -> Qualifier:
    """The figure's qualifier, or "at least" when the words before its
    number say so (patterns.json "toll_at_least": "killing at least one")."""
    if fig.qualifier == Qualifier.EXACT and reads_around(fig, getattr(documents.get(fig.doc_id), "text", None),
                                                   "toll_at_least"):
        return Qualifier.AT_LEAST
    return fig.qualifier


def splits(sentence: str, outcome: Outcome) -> bool:
    """Whether the sentence splits ``outcome``'s toll among places or times:
    a split cue (patterns.json "toll_split": "and two others", "another 39
    were") whose next outcome word (incident.outcome_words) is ``outcome``'s."""
    words = _settings()["incident"]["outcome_words"]
    for m in patterns("toll_split").finditer(sentence):
        # (the cue's own word first: "and injured more than 200" tells the injured, no split of the dead)
        named = _first_outcome(re.findall(r"[a-z]+", sentence[m.start():m.end() + 80].lower()), words)
        # (none named: the outcome before it, left out: "30 militants were killed around the town of Shadadi ...
        # and another five outside the embattled town of Kobane")
        if named is None:
            named = _first_outcome(reversed(re.findall(r"[a-z]+", sentence[:m.start()].lower())), words)
        if named == str(outcome):
            return True
    return False


def _first_outcome(tokens: Iterable[str], words: dict) -> str | None:
    """The outcome the first of ``tokens`` that is an outcome word names
    (incident.outcome_words)."""
    return next((o for w in tokens for o, ws in words.items() if w in ws), None)


@functools.lru_cache(maxsize=1 << 12)
def _article_reading(title: str, text: str) -> tuple[bool, frozenset[int], bool]:
    """(the article says its toll is still being made, every number it
    names from incident.mention_min up, its title or text tells a toll
    rising: patterns.json "update")."""
    words = _settings()["incident"]["number_words"]
    least = _settings()["incident"]["mention_min"]
    numbers = {int(n.replace(",", "")) for n in re.findall(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b", text)}
    numbers |= {words[w] for w in re.findall(r"[a-z]+", text.lower()) if w in words}
    return (search("toll_provisional", text) is not None, frozenset(n for n in numbers if n >= least),
            search("update", f"{title}. {text}") is not None)


def _sides(sentence: str) -> set[str]:
    low = sentence.lower()
    return {side for side, words in _settings()["incident"]["sides"].items() if any(w in low for w in words)}


@functools.lru_cache(maxsize=1 << 12)  # (asked for every pair of an event's claims)
def _source_words(source: str) -> frozenset[str]:
    """The words that name a source, lower case, less its affiliation
    ("Hamas-run") and filler words (disagreement.json incident.source_fold)."""
    fold = _settings()["incident"]["source_fold"]
    affiliation = re.compile(rf"^([\w.']+)-(?:{'|'.join(map(re.escape, fold['affiliation_suffixes']))})$")
    words = re.findall(r"[\w.'-]+", source.lower().replace("\u2019", "'"))
    owners = fold["outlet_owners"]
    if (owned := [owners[w] for w in words if w in owners]) and all(w in owners or w in fold["media_words"] for w in words):
        words = owned[0].split()  # "Al-Masirah TV": the Houthis' channel speaks for them
    elif len(words) >= 2 and (m := affiliation.match(words[0])) is not None and all(w in fold["media_words"] for w in words[1:]):
        words = [m.group(1)]  # "Houthi-controlled media": the group speaking through its media
    return frozenset(_singular(w.removesuffix("'s")) for w in words
                     if not affiliation.match(w) and w.removesuffix("'s") not in fold["filler_words"])


def _singular(word: str) -> str:
    """A word without a plural -s ("houthis" / "houthi"), so two spellings of one name are one."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def same_source(a: str, b: str) -> bool:
    """Whether two source names of one incident name one body: equal once
    case, affiliation and filler words are folded, or the words of one are
    all in the other's ("Health Ministry" of "Gaza Health Ministry", "Ministry
    of Internal" of "Ministry of Internal Affairs of Ukraine")."""
    if a.lower() == b.lower():
        return True
    wa, wb = _source_words(a), _source_words(b)
    if bool(wa and wb) and (wa <= wb or wb <= wa):
        return True
    (ca, ra), (cb, rb) = _country_and_body(a), _country_and_body(b)
    return bool(ca and ca == cb and ra and ra == rb)  # "the Gazan Health Ministry", "Gaza Health Ministry"


@functools.lru_cache(maxsize=1 << 12)
def _country_and_body(source: str) -> tuple[frozenset[str], frozenset[str]]:
    """The countries a source's name names, by name or demonym ("Gazan",
    "Gaza": PS; data/world/countries.tsv), and the words of the rest
    (``_source_words``)."""
    source = re.sub(r"\b[A-Z]{3,}\b", lambda m: m.group(0).title(), source)  # "THE GAZAN Health Ministry"
    mentions = country_mentions(source)
    rest = source
    for m in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:m.start] + " " + rest[m.end:]
    return frozenset(m.iso2 for m in mentions), _source_words(rest)


def toll_claims(event: Event, figures: Sequence[Figure], documents: Mapping[str, Document]) -> list[TollClaim]:
    """The toll claims of one event: its figures of one source, outcome,
    victims and number, each group one claim; names of one body
    (``same_source``) are one source."""
    groups: dict[tuple, list[tuple[str, list[tuple[Figure, dt.date, bool]]]]] = {}
    for f in figures:
        source = _source_of(f, documents)
        published = _published(f, documents)
        if source is None or published is None or not _usable(f, documents):
            continue
        bucket = groups.setdefault((f.outcome, f.victims, f.n), [])
        members = next((m for name, m in bucket if same_source(name, source[0])), None)
        if members is None:
            members = []
            bucket.append((source[0], members))
        members.append((f, published, source[1]))
    return [_claim(event.id, members, documents) for bucket in groups.values() for _, members in bucket]


_LOOSENESS = (Qualifier.AT_LEAST, Qualifier.ABOUT, Qualifier.AT_MOST, Qualifier.EXACT)


def _claim(event_id: str, members: list[tuple[Figure, dt.date, bool]],
           documents: Mapping[str, Document]) -> TollClaim:
    # shown by the loosest reading any article gives ("at least 58" over "58"), then the earliest
    members.sort(key=lambda m: (_LOOSENESS.index(m[0].qualifier) if m[0].qualifier in _LOOSENESS else 9,
                                m[1], m[0].id))
    shown, published, own = members[0]
    source = _source_of(shown, documents)[0]
    days = [d for f, p, _ in members for d in (f.period.start or p, f.period.end or p)]
    ids = tuple(sorted(f.id for f, _, _ in members))
    sentences = [_sentence(f, documents) for f, _, _ in members]
    texts = {f.doc_id: t for f, _, _ in members if (t := getattr(documents.get(f.doc_id), "text", None))}
    articles = [_article_reading(getattr(documents.get(d), "title", None) or "", t) for d, t in texts.items()]
    areas = [(f, a) for f, _, _ in members if (a := area_of(f)) is not None]
    # read as the most precise count any article gives it: one article's "56" and another's "at least 56" of one
    # source are the source's 56 (SOHR's 56 civilians at Tokhar, July 2016), not room for any larger number
    qualifier = max((_qualifier(f, documents) for f, _, _ in members),
                    key=lambda q: _LOOSENESS.index(q) if q in _LOOSENESS else 9)
    wide = any(search("toll_wide", x) or len(governorates_named(x)) > 1 for x in sentences)
    rules = date_rules(f for f, _, _ in members)
    open_days = None
    if all(rules[f.id] == "when:published" for f, _, _ in members) and any(search("recalled", x) for x in sentences):
        back = dt.timedelta(days=int(load("comparison")["dates"]["recalled_days_before"]))
        open_days = (min(days) - back, max(days))
    return TollClaim(
        id=stable_id("toll-claim", event_id, *ids), event_id=event_id, source=source, outcome=shown.outcome,
        victims=shown.victims, n=shown.n, qualifier=qualifier, days=(min(days), max(days)),
        reported=(min(p for _, p, _ in members), max(p for _, p, _ in members)), figure=shown.id,
        quote=shown.quote, figures=ids, docs=tuple(sorted({f.doc_id for f, _, _ in members})),
        parents=frozenset(f.part_of for f, _, _ in members if f.part_of), own_voice=own,
        areas=frozenset((a.level, a.key) for _, a in areas),
        within=frozenset(k for f, a in areas if a.level == "place" and (k := _admin1_name(f.admin1))),
        unsettled=all(f.place is None or f.place.feature in AREA_FEATURES for f, _, _ in members),
        updating=any(search("update", _sentence(f, documents)) for f, _, _ in members),
        said_by=" ".join(x.lower() for x in sentences),
        site=any(search("toll_site", x) for x in sentences),
        group=any(reads_around(f, texts.get(f.doc_id), "toll_group") for f, _, _ in members),
        piece=(piece := any(splits(x, shown.outcome) for x in sentences)),
        spots=frozenset(k for f, _, _ in members for k in _spot_keys(f, texts.get(f.doc_id))) if piece else frozenset(),
        wide=wide,
        contrast=any(search("toll_contrast", x) for x in sentences),
        challenged=frozenset(d for d, t in texts.items() if search("toll_challenge", t)),
        provisional=any(a[0] for a in articles),
        counting=any(search("toll_provisional", x) for x in sentences),
        corrected=any(search("toll_correction", x) for x in sentences),
        sides=frozenset(side for x in sentences for side in _sides(x)),
        mentioned=frozenset(n for a in articles for n in a[1]),
        rising=any(a[2] for a in articles),
        labelled=any(reads_around(f, texts.get(f.doc_id), "toll_label_quoted") for f, _, _ in members),
        # (what the text names does not overrule a place an analyst picked)
        named="" if any(f.place is not None and (f.place.reason or "").startswith(ANALYST_PICKED) for f, _, _ in members)
        else named_keys(" ".join(told_sentences([f], texts[f.doc_id]) if f.doc_id in texts else _sentence(f, documents)
                                  for f, _, _ in members)) or "",
        # (a count over "several neighborhoods" is no one quarter's, whatever quarters its sentences go on to name)
        quarters=frozenset() if wide else frozenset(k for x in sentences for k in _quarters(x)),
        open_days=open_days)


_SPOT = re.compile(r"^[^.;:#\d]{0,40}?\b(?:in|at)\s+(?:the\s+(?:village|town|city|district|camp|commune|hamlet)s?\s+of\s+)?"
                   r"((?-i:[A-Z])[\w'\u2019-]+(?:\s+(?-i:[A-Z])[\w'\u2019-]+)?)", re.IGNORECASE)


def _spot_keys(f: Figure, text: str | None) -> tuple[str, ...]:
    """The place keys of the name right after a figure's number, within its
    sentence ("up to 70 dead in Tchoma Bangou", "30 others in
    Zaroumdareye"): where a piece of a split toll was counted."""
    if not text:
        return ()
    end = f.sentence_end if f.sentence_end >= f.number_span.end else len(text)
    m = _SPOT.match(text[f.number_span.end:end])
    return _keys_of(m.group(1)) if m else ()


def _quarters(sentence: str) -> tuple[str, ...]:
    """The place keys of the city quarters a sentence names ("targeted Saif
    al-Dawleh neighborhood", "the neighborhoods of al-Furqan and al-Azamiyah":
    the first name after "of", and one before the word)."""
    if "neighbo" not in sentence.lower():
        return ()
    keys: list[str] = []
    for m in patterns("toll_quarter").finditer(sentence):
        name = m.group("before") or m.group("after")
        keys.extend(_keys_of(name))
    return tuple(keys)


def _keys_of(name: str) -> tuple[str, ...]:
    """The place keys of one name as ``named_keys`` reads them."""
    return tuple(k for k in (named_keys(name) or "").strip("|").split("|") if k)


def _sentence(f: Figure, documents: Mapping[str, Document]) -> str:
    """The figure's sentence (its quote when the document text is missing)."""
    text = getattr(documents.get(f.doc_id), "text", None)
    return text[f.sentence_start:f.sentence_end] if text else f.quote


def set_against_each_other(a: TollClaim, b: TollClaim) -> bool:
    """Whether the text sets two claims against each other: either's sentence
    ("had earlier said 40"; patterns.json toll_contrast), or an article
    carrying both that challenges a count ("... at least 77 bodies in each
    of the mass graves, challenging the initial casualty figure released by
    NEMA", of NEMA's 85 and Amnesty's 120; toll_challenge)."""
    return a.contrast or b.contrast or bool(a.challenged & b.challenged)


def same_dead(a: TollClaim, b: TollClaim) -> bool:
    """Whether two claims count one group of dead or wounded: the same victim
    group, or one source's "terrorists" in quotation marks (its label for
    the dead, which the writer sets apart: Mali's defence ministry's 203
    "terrorists" at Moura) against another's count of people, civilians or
    men."""
    if a.victims == b.victims:
        return True
    whole = (Victims.PEOPLE, Victims.CIVILIANS, Victims.MEN)
    return any(x.victims == Victims.COMBATANTS and x.labelled and y.victims in whole for x, y in ((a, b), (b, a)))


def count_range(n: int, qualifier: Qualifier) -> tuple[float, float]:
    """The numbers a count allows: "at least 30" is 30 or more, "about 30"
    within ``rounding_share`` of 30, "at most 30" up to 30."""
    share = _settings()["rounding_share"]
    if qualifier == Qualifier.AT_LEAST:
        return n, float("inf")
    if qualifier == Qualifier.AT_MOST:
        return 0, n
    if qualifier == Qualifier.ABOUT:
        return n * (1 - share), n * (1 + share)
    return n, n


def _comparable(a: TollClaim, b: TollClaim) -> bool:
    """Two sources' counts of one thing on days close enough to be one
    incident, neither a part of the other."""
    if same_source(a.source, b.source) or a.outcome != b.outcome or not same_dead(a, b):
        return False
    if set(a.figures) & b.parents or set(b.figures) & a.parents:
        return False
    if (a.own_voice or b.own_voice) and set(a.docs) & set(b.docs):
        return False  # an article does not disagree with the source it quotes
    if _quotes_outlet(a, b) or _quotes_outlet(b, a):
        return False
    if a.areas and b.areas and not a.areas & b.areas and not _names_other(a, b) and not _placed_within(a, b):
        return False  # counts of two places (a neighbourhood and its city, two towns): parts, not rivals
    if a.quarters and b.quarters and not a.quarters & b.quarters:
        return False  # "the neighborhoods of al-Furqan" and "the Sulaymaniyah neighborhood": two attacks in one city
    if own_losses(a, b):
        return False
    if a.sides and b.sides and not a.sides & b.sides:
        return False  # "rebel-held east" and "government-held west": two incidents
    if _part_of_other(a, b):
        return False
    if a.corrected or b.corrected:
        return False  # "initially said 14 ... later confirmed 13": a correction, told as one
    return days_between(a.open_days or a.days, b.open_days or b.days) <= _settings()["incident"]["max_days_apart"]


def _names_other(a: TollClaim, b: TollClaim) -> bool:
    """Whether one claim's sentences name the place the other's figures are
    placed at ("The bombings at the Mugunga and Lac Vert camps killed at
    least 18", placed at the dateline's Goma, against 35 at Mugunga): one
    place under two geocodings, not two places."""
    return any(f"|{key}|" in other.named for one, other in ((a, b), (b, a))
               for level, key in one.areas if level == "place")


def _placed_within(a: TollClaim, b: TollClaim) -> bool:
    """Whether one claim is placed only at a governorate and the other at a
    town or village in it: one event's toll told at two levels ("11
    civilians were killed in airstrikes in Chin State", placed at the state,
    and "at least nine killed in Webula village", a village of Chin State),
    unless the governorate's count is the wider one by its own sentence
    (``TollClaim.wide``, checked apart).  A count placed at a city the
    governorate is reduced to (Goma, North Kivu's seat) is that city's, not
    the governorate's: a camp near it is another place."""
    return any(one.unsettled and all(level == "admin1" for level, _ in one.areas) and {k for _, k in one.areas} & other.within
               for one, other in ((a, b), (b, a)))


def _part_of_other(a: TollClaim, b: TollClaim) -> bool:
    """Whether one count is, by its own sentence, one site's (a hospital's)
    and the other not (they count other things, whichever is larger), or the
    smaller is a part of what the larger counts: a trade among the victims
    ("five medics"; fighters are counted as members of their group), or one
    town's against a count over several cities or governorates, while the
    larger is none of these; and a piece of a toll its sentence splits
    among places is comparable only with another such piece."""
    if a.n == b.n:
        return False
    small, big = sorted((a, b), key=lambda c: c.n)
    if a.piece != b.piece:
        return True  # a piece of a split toll is another place's or time's count than a whole toll
    if a.spots and b.spots and not a.spots & b.spots:
        return True  # pieces of a toll counted at two places ("70 in Tchombangou and 30 others in Zaroumdareye")
    trade = small.group and not big.group and small.victims != Victims.COMBATANTS  # "two NDF members" are fighters
    quarter = bool(small.quarters) and not big.quarters  # "three civilians ... in Saif al-Dawleh neighborhood" of a city's five
    # (one site's count is another count than the incident's, larger or smaller: "35 people were brought in dead"
    # to two hospitals against the governor's 22)
    return (small.site != big.site) or trade or (big.wide and not small.wide) or quarter


def _quotes_outlet(own: TollClaim, other: TollClaim) -> bool:
    """Whether ``other`` is quoted from the outlet that gives ``own`` in its
    own voice (al-Manar's headline and "according to Hezbollah's al-Manar"):
    one source."""
    return own.own_voice and re.search(rf"\b{re.escape(own.source.lower())}\b", other.said_by) is not None


def _conflict(a: TollClaim, b: TollClaim) -> bool:
    """The counts cannot both be right: their ranges do not meet, and they
    are at most ``incident.max_ratio`` apart (further apart they count other things)."""
    lo, hi = sorted((a.n, b.n))
    if hi > _settings()["incident"]["max_ratio"] * lo:
        return False
    set_against = set_against_each_other(a, b)  # "had earlier said 40": no room for the other's number
    ra, rb = (count_range(c.n, Qualifier.EXACT if set_against and c.qualifier == Qualifier.AT_LEAST else c.qualifier)
              for c in (a, b))
    return ra[1] < rb[0] or rb[1] < ra[0]


def _kind(a: TollClaim, b: TollClaim) -> str | None:
    """``rival`` when reported on a common day, ``later_lower`` when the
    later report is lower; None for growth (the later report higher)."""
    if a.reported[1] < b.reported[0]:
        early, late = a, b
    elif b.reported[1] < a.reported[0]:
        early, late = b, a
    elif set_against_each_other(a, b) and set(a.docs) & set(b.docs):
        return "rival"  # "... increased to 101. However, the police today said ... stood at 84": set against each other
    elif a.updating or b.updating:
        return None  # the same day, while one of them says the toll is still rising: growth in progress
    elif _still_counting(a, b):
        return None
    else:
        return "rival"
    # a later count its own sentence says is still being made is no revision downward
    return "later_lower" if late.n < early.n and not late.counting else None


def _still_counting(a: TollClaim, b: TollClaim) -> bool:
    """Two articles of the same day, neither naming the other's number,
    where either count's article says its toll is still being made
    ("rescue workers were still retrieving victims"; the higher one's too:
    "171 people were injured ..., according to preliminary figures, with
    rescue teams continuing efforts to search", a toll still rising that
    day, which a lower count of the same day preceded), or either article
    tells the toll rising ("the death toll had increased to six", "Death
    toll in Uman rises to 23"): the same toll growing through the day, not
    two sources at odds."""
    if set(a.docs) & set(b.docs):
        return False
    low, high = sorted((a, b), key=lambda c: c.n)
    if high.n in low.mentioned or low.n in high.mentioned:
        return False
    if low.reported[1] > high.reported[1]:
        return False  # the lower count was still told after the higher: no toll growing through the day explains it
    return low.provisional or high.provisional or low.rising or high.rising


def grown_from(a: TollClaim, b: TollClaim, earlier: frozenset[int]) -> bool:
    """Whether the lower count is one an article of the event names as an
    earlier toll of it ("it was initially reported that more than 30 people
    were killed", "up from 25 reported the previous day"; ``earlier``), and
    the higher was reported no earlier than it and the text does not set the
    two against each other: the toll grew from it, whoever gave it."""
    low, high = sorted((a, b), key=lambda c: c.n)
    # (both named as earlier tolls, "Earlier reports ... had 26 killed and at least 16 dead": two sources' earlier
    # counts side by side, neither grown from the other)
    return (low.n < high.n and low.n in earlier and high.n not in earlier and high.reported[1] >= low.reported[0]
            and not set_against_each_other(a, b))


def judge(a: TollClaim, b: TollClaim, earlier: frozenset[int] = frozenset(),
          stages: frozenset[str] = frozenset(), early_docs: frozenset[str] = frozenset()) -> str | None:
    """The kind of disagreement between two toll claims of one event, or
    None; ``earlier``: the numbers the event's articles name as earlier
    tolls of it (``grown_from``); ``stages``: the claims that are stages of
    their source's rising toll (``rising_stages``); ``early_docs``: the
    articles told at an earlier hour (``earlier_hour_articles``)."""
    if (not _comparable(a, b) or not _conflict(a, b) or grown_from(a, b, earlier)
            or _told_earlier(a, b, early_docs, earlier)):
        return None
    low = min((a, b), key=lambda c: c.n)
    if low.id in stages and days_between(a.reported, b.reported) == 0 and not set_against_each_other(a, b):
        return None  # the lower is a stage of a toll its own source was still raising that day: growth
    return _kind(a, b)


def _told_earlier(a: TollClaim, b: TollClaim, early_docs: frozenset[str], earlier: frozenset[int]) -> bool:
    """Whether the lower count comes only from articles told at an earlier
    hour of the incident and the higher from none of them, and is itself no
    earlier toll, reported no earlier and not set against it: the toll grew
    between the two reports."""
    low, high = sorted((a, b), key=lambda c: c.n)
    return (low.n < high.n and set(low.docs) <= early_docs and not set(high.docs) & early_docs
            and high.n not in earlier
            and high.reported[1] >= low.reported[0] and not set_against_each_other(a, b))


def earlier_hour_articles(claims: Sequence[TollClaim], earlier_by_doc: Mapping[str, frozenset[int]]) -> frozenset[str]:
    """The articles of an event told at an earlier hour of it: those giving,
    as their own count, a number another article of the event names as an
    earlier toll (incident.mention_min up: "Earlier reports by spokesmen
    from the Health Ministry and the Interior Ministry had 26 killed" makes
    the article of the health chief's 26 dead an earlier report, so its 90
    wounded are no rival of the later 105)."""
    least = _settings()["incident"]["mention_min"]
    out = set()
    for c in claims:
        if c.n < least:
            continue
        namers = {d for d, ns in earlier_by_doc.items() if c.n in ns}
        out.update(d for d in c.docs if namers and d not in namers)
    return frozenset(out)


def rising_stages(claims: Sequence[TollClaim]) -> frozenset[str]:
    """The claims whose source had given, in another article, a lower count
    of the same outcome and victims of the event by the day it gave this
    one: stages of a toll rising (state media's 22, then 44, of the
    Qamishli bombing of 27 July 2016, the Observatory's 48 the same day),
    not a count to set against another source's higher one of that day.
    (Two counts of one source in one article are parts or places, not
    stages.)"""
    return frozenset(c.id for c in claims
                     if any(o.n < c.n and o.outcome == c.outcome and o.victims == c.victims and not set(o.docs) & set(c.docs)
                            and o.reported[0] <= c.reported[1] and same_source(o.source, c.source) for o in claims))


_QUALIFIER_WORDS = {Qualifier.AT_LEAST: "at least ", Qualifier.AT_MOST: "at most ", Qualifier.ABOUT: "about "}


def _said(c: TollClaim) -> str:
    n = len(c.docs)
    return (f"{c.source} {_QUALIFIER_WORDS.get(c.qualifier, '')}{c.n:,} ({n} article{'' if n == 1 else 's'}, "
            f"reported {_range(c.reported)})")


def _range(r: tuple[dt.date, dt.date]) -> str:
    return str(r[0]) if r[0] == r[1] else f"{r[0]} to {r[1]}"


def _incident(event: Event, figures: Sequence[Figure]) -> str:
    weapon = next((f.weapon for f in figures if f.weapon), None)
    place = event.place.name or event.place.mention if event.place else None
    day = _range((event.start, event.end or event.start)) if event.start else None
    return " ".join(p for p in ("same", weapon or "incident", f"in {place}" if place else None,
                                f"on {day}" if day else None) if p)


def evidence(kind: str, a: TollClaim, b: TollClaim, event: Event, figures: Sequence[Figure]) -> str:
    """Why two toll claims disagree, in words a reviewer can check."""
    gap = days_between(a.reported, b.reported)
    when = "reported the same day" if gap == 0 else f"reported {gap} day{'' if gap == 1 else 's'} apart"
    lo, hi = sorted((a, b), key=lambda c: c.n)
    ratio = f"{hi.n:,} is {hi.n / lo.n:.1f}x {lo.n:,}"
    why = ("the later report is lower: a toll does not fall" if kind == "later_lower"
           else "two counts of the same time that cannot both be right")
    if set_against_each_other(a, b):
        why += "; the text sets them against each other"
    return (f"{_incident(event, figures)} (event {event.id[:12]}); {a.outcome} {a.victims}: {_said(a)} vs "
            f"{_said(b)}; {when}; incident days {days_between(a.days, b.days)} apart; {ratio}; {why}")


def _period(c: TollClaim) -> Period:
    return Period(start=c.days[0], end=c.days[1], precision=DatePrecision.DAY if c.days[0] == c.days[1]
                  else DatePrecision.DAYS)


def _record(kind: str, a: TollClaim, b: TollClaim, why: str, place: str | None) -> Disagreement:
    pa, pb = _period(a), _period(b)
    overlap = (min(pa.end, pb.end) - max(pa.start, pb.start)).days + 1
    return Disagreement(
        id=stable_id("disagreement", "incident", *sorted((a.id, b.id))), outcome=a.outcome, victims=a.victims,
        area=place, figure_a=a.figure, source_a=a.source, n_a=a.n, qualifier_a=a.qualifier, period_a=pa,
        figure_b=b.figure, source_b=b.source, n_b=b.n, qualifier_b=b.qualifier, period_b=pb,
        difference=b.n - a.n, overlap_days=max(0, overlap), kind=kind, figures_a=a.figures, docs_a=a.docs,
        figures_b=b.figures, docs_b=b.docs, evidence=why, scope="incident", event_id=a.event_id)


def _order(c: TollClaim) -> tuple:
    return (c.reported[0], c.source.lower(), c.n, c.id)


def event_disagreements(event: Event, figures: Sequence[Figure], documents: Mapping[str, Document]
                        ) -> list[Disagreement]:
    """The disagreements about one event's toll, once per pair of claims;
    ``a`` is the claim reported first."""
    sources = {(f.source or OUTLET).lower() for f in figures}
    if len(sources) < 2 and OUTLET not in sources:
        return []  # one source: nobody to disagree with
    claims = sorted(toll_claims(event, figures, documents), key=_order)
    place = (event.place.name or event.place.mention) if event.place else None
    # the counts its articles name as earlier tolls of it: a count it grew from, not a rival
    earlier_by_doc = {d: named_earlier(getattr(documents.get(d), "text", None)) for d in {f.doc_id for f in figures}}
    earlier = frozenset(n for ns in earlier_by_doc.values() for n in ns)
    stages = rising_stages(claims)
    early_docs = earlier_hour_articles(claims, earlier_by_doc)
    out = []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            kind = judge(a, b, earlier, stages, early_docs)
            if kind:
                out.append(_record(kind, a, b, evidence(kind, a, b, event, figures), place))
    return out


def find_toll_disagreements(events: Iterable[Event], figures: Mapping[str, Figure],
                            documents: Mapping[str, Document]) -> list[Disagreement]:
    """The disagreements about each event's toll (``figures``: by id, every
    figure of the events), sorted by the first report's incident day."""
    out: list[Disagreement] = []
    for event in events:
        if len(event.figure_ids) < 2:
            continue
        out.extend(event_disagreements(event, [figures[i] for i in event.figure_ids if i in figures], documents))
    return sorted(out, key=lambda d: (d.period_a.start, d.source_a, d.source_b, d.id))
