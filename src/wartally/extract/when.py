"""When: date and period expressions resolved against the publication date.

``find_periods(text, published)`` returns every date expression in a
sentence with the period it denotes.  Relative expressions ("on Wednesday",
"over 48 hours", "since late April", "since the beginning of the month",
"two months ago") are resolved against the publication date, never against
today.  Expressions that date the reporting rather than the event ("said on
Monday") are marked ``reporting`` so that figures do not take them.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wartally.data.tables import months
from wartally.records import DatePrecision
from wartally.extract.lexicon import Lowered, compile_fast
from wartally.extract import regexes

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = months().number  # "january", "jan", "sept" ... -> 1..12 (data/months.tsv)


_MONTH = rf"(?:{months().pattern()})(?![a-z])\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMWORD = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3,
}
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
_PART = r"(?:(?P<part>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?"


@dataclass(frozen=True, slots=True)
class When:
    start: int  # offsets within the text searched
    end: int
    first: dt.date
    last: dt.date
    precision: DatePrecision
    tolerance: int
    rule: str
    reporting: bool = False  # dates the reporting ("said on Monday"), not the event
    anaphoric: bool = False  # "in that period": refers to an earlier period
    base: int | None = None  # where the text searched starts in the document, once known

    def rebased(self, base: int) -> "When":
        """This When with ``base`` set (cheaper than dataclasses.replace, on a hot path)."""
        return When(self.start, self.end, self.first, self.last, self.precision, self.tolerance, self.rule,
                    self.reporting, self.anaphoric, base)


def _year_for(month: int, day: int, published: dt.date) -> int:
    year = published.year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return year
    if candidate > published + dt.timedelta(days=7):
        year -= 1
    return year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_month(g: dict, pub: dt.date) -> dt.date | None:
    """The date of a "30 April" / "April 30" match (groups d1 m1 / m2 d2,
    optional y), in the publication year unless that is too far ahead."""
    month = MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
    day = int(g["d1"] or g["d2"])
    year = int(g["y"]) if g.get("y") else _year_for(month, day, pub)
    return _safe_date(year, month, day)


def _month_part(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date, int]:
    last_day = calendar.monthrange(year, month)[1]
    p = (part or "").lower()
    if p == "early" or "beginning" in p or "start" in p:
        return dt.date(year, month, 1), dt.date(year, month, 10), 5
    if p == "mid" or "middle" in p:
        return dt.date(year, month, 11), dt.date(year, month, 20), 5
    if p == "late":
        return dt.date(year, month, 21), dt.date(year, month, last_day), 10
    if "end" in p:
        return dt.date(year, month, last_day), dt.date(year, month, last_day), 3
    return dt.date(year, month, 1), dt.date(year, month, last_day), 3


# "since the offensive began", "since the ceasefire collapsed": the event whose date follows
_SINCE_THE_EVENT = (r"\bsince\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,6}?(?:began|started|erupted|broke\s+out|was\s+launched"
                    r"|launched|was\s+(?:declared|imposed|introduced)|went\s+into\s+effect|took\s+effect|came\s+into\s+(?:force|effect)|was\s+signed|collapsed|broke\s+down|ended)")
_DAY_MONTH = (rf"(?:(?P<{{d}}a>\d{{{{1,2}}}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<{{m}}a>{_MONTH})|(?P<{{m}}b>{_MONTH})\s+(?P<{{d}}b>\d{{{{1,2}}}})(?:st|nd|rd|th)?)"
              r"(?:,?\s+(?P<{y}>\d{{4}}))?")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "between 1 <month> and 31 <month>", "from <month> 27 to <month> 11", "since <month> 27 until <month> 11": those days
    ("between-days", regexes.compile(
        rf"\b(?:between|from|since)\s+{_DAY_MONTH.format(d='d1', m='m1', y='y1')},?\s+(?:and|to|until|till|through)\s+"
        rf"{_DAY_MONTH.format(d='d2', m='m2', y='y2')}(?![\d])", re.I)),
    ("between", regexes.compile(
        rf"\b(?:between|from)\s+{_PART}(?P<m1>{_MONTH})(?:\s+(?P<y1>\d{{4}}))?\s+(?:and|to|until|till|through|thru)\s+(?:{_PART.replace('part', 'part2')})(?P<m2>{_MONTH})(?:\s+(?P<y2>\d{{4}}))?",
        re.I)),
    # "in the January-June period", "the July–September months": those months
    ("month-range", regexes.compile(
        rf"\b(?P<m1>{_MONTH})\s*[-–]\s*(?P<m2>{_MONTH})(?:\s+(?P<y2>\d{{4}}))?(?=\s+(?:period|months?|quarter)\b)", re.I)),
    # "between Friday and Sunday", "from Thursday to Saturday": those days, the last ones before publication
    ("between-weekdays", regexes.compile(
        rf"\b(?:between|from)\s+(?:last\s+)?(?P<wd1>{_WEEKDAY})\s+(?:and|to|through|until)\s+(?P<wd2>{_WEEKDAY})\b", re.I)),
    ("since-war", regexes.compile(
        r"\bsince\s+(?:the\s+(?:start|beginning|outbreak)\s+of\s+(?:the\s+)?(?:[\w']+\s+){0,2}(?:war|conflict|uprising|revolt|revolution|crisis|escalation|hostilities|fighting)(?:\s+in\s+(?:March\s+)?2011)?|(?:the|its|it|Syria's|Syrias|the\s+Syrian)\s+(?:war|conflict|uprising|revolt|crisis)?\s*(?:erupted|began|started|broke\s+out)(?:\s+in\s+(?:March\s+)?2011)?|it\s+(?:erupted|began|started|broke\s+out)(?:\s+in\s+(?:March\s+)?2011)?|(?:March\s+)?2011"
        # "since the separatists launched their armed campaign", "since the insurgency began"
        r"|(?:the\s+)?(?:separatists|rebels|insurgents|militants|jihadists|group|Taliban|guerrillas)\s+(?:launched|began|started|took\s+up)\s+"
        r"(?:their|its)\s+(?:armed\s+)?(?:campaign|insurgency|rebellion|uprising|struggle|war|fight|arms)"
        r"|(?:the|its)\s+(?:(?:current|latest|ongoing|jihadist|Islamist|armed|[\w-]+-year-old)\s+){0,2}(?:insurgency|rebellion)\s+(?:erupted|began|started|broke\s+out)"
        r"(?:\s+in\s+(?P<war_y>(?:19|20)\d\d))?)",
        re.I)),
    ("war-total", regexes.compile(
        r"\b(?:(?:a|the)\s+(?:\w+[\s-]+){0,3}(?:war|conflict|insurgency|rebellion)\s+(?:that|which)\s+(?:has|had)|(?:the|Syria's|Syrias)\s+(?:[\w'’-]+\s+){0,3}(?:war|conflict)\s+(?:(?:has|had)\s+(?:so\s+far\s+)?(?:killed|left|claimed)|claimed)|total\s+death\s+toll\s+from\s+(?:the\s+)?(?:war|conflict)"
        # "Israel's offensive has killed more than 40,000", "Russia's full-scale invasion has killed": a state's war by its deed
        r"|(?-i:[A-Z])[\w-]+['’]s\s+(?:(?:military|full-scale|ground|air|war|brutal|ongoing)\s+){0,2}(?:offensive|invasion|war|campaign|bombardment)"
        r"\s+(?:(?:has|had)\s+(?:so\s+far\s+|now\s+)?(?:killed|left|claimed)))",
        re.I)),
    ("since-began-on", regexes.compile(
        rf"{_SINCE_THE_EVENT}\s+(?:on\s+)?(?:{_WEEKDAY}\s*,?\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{{4}}))?",
        re.I)),
    # "since the offensive started in late April": the month part it names, up to publication
    ("since-began-in", regexes.compile(
        rf"{_SINCE_THE_EVENT}\s+in\s+{_PART}(?P<m>{_MONTH})(?:\s+(?P<y>\d{{4}}))?",
        re.I)),
    # "since Tuesday", "since the government offensive began Friday": that day up to publication
    ("since-weekday", regexes.compile(
        rf"(?:{_SINCE_THE_EVENT}\s+(?:on\s+)?|\bsince\s+)(?:(?P<last>last)\s+)?(?P<wd>{_WEEKDAY})\b", re.I)),
    # "in the first three months of 2020", "the first half of 2019"
    ("first-months", regexes.compile(
        rf"\bthe\s+(?P<edge>first|last|final|second)\s+(?:(?P<n>{_NUM})\s+months|(?P<half>half)|(?P<quarter>quarter))\s+of\s+(?:(?P<y>(?:19|20)\d\d)|(?P<this>this|the|last)\s+year)\b",
        re.I)),
    # "in the last quarter of 2023", "the third quarter of this year"
    ("quarter", regexes.compile(
        r"\bthe\s+(?P<which>second|third|fourth|last|final)\s+quarter\s+of\s+(?:(?P<y>(?:19|20)\d\d)|(?P<rel>this|last|the)\s+year)\b", re.I)),
    # before since-deal: "since the offensive began on May 31" carries its own date
    ("since-deal", regexes.compile(
        r"\bsince\s+(?:(?:the|a|an|this|its|their)\s+)?(?:[\w'’-]+\s+){0,3}?(?P<thing>deal|ceasefire|truce|agreement|offensive|assault|operation|campaign|escalation)\s+(?:(?:on|against|in)\s+[^,.;]{0,60}?\s+)?(?:went\s+into\s+effect|took\s+effect|came\s+into\s+(?:force|effect)|began|started|was\s+(?:signed|announced|launched))",
        re.I)),
    # "since the ceasefire until the end of September" (no verb): from the day the war ended
    ("since-truce", regexes.compile(
        rf"\bsince\s+(?:the|a|its|last\s+year's)\s+(?:[\w'’.-]+\s+){{0,2}}?(?:ceasefire|cease-fire|truce|armistice)\b"
        rf"(?:\s+(?:until|till|to|through)\s+the\s+end\s+of\s+(?P<m>{_MONTH})(?:\s+(?P<y>\d{{4}}))?)?",
        re.I)),
    ("since-start-of", regexes.compile(
        r"\bsince\s+(?:the\s+)?(?:beginning|start)\s+of\s+(?:the|this)\s+(?P<unit>month|year|week)",
        re.I)),
    ("earlier-this", regexes.compile(r"\bearlier\s+this\s+(?P<unit>month|year|week)", re.I)),
    ("since-date", regexes.compile(
        rf"\bsince\s+(?:{_WEEKDAY}\s*,?\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{{4}}))?",
        re.I)),
    ("since-month", regexes.compile(rf"\bsince\s+{_PART}(?P<m>{_MONTH})(?:\s+(?P<y>\d{{4}})|\s+(?P<ly>last\s+year))?", re.I)),
    # "since 2020", "since the beginning of 2020", "since early 2020": from the year's first day
    ("since-year", regexes.compile(r"\bsince\s+(?P<early>(?:the\s+)?(?:beginning|start)\s+of\s+|early\s+)?(?P<y>(?:19|20)\d{2})\b", re.I)),
    ("ago", regexes.compile(rf"\b(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    # "gathered on Friday to mark 25 years since the second Markale massacre", "on the 30th anniversary of the
    # massacre": the day that many years before publication
    ("anniversary", regexes.compile(rf"\b(?:mark(?:s|ed|ing)?|commemorat(?:e|es|ed|ing)|observ(?:e|es|ed|ing)|on)\s+(?:the\s+)?"
                                    rf"(?P<n>\d{{1,3}}|{_NUM})(?:st|nd|rd|th)?\s+(?:years?\s+since|anniversary\s+of)\b", re.I)),
    # "over the weekend", "at the weekend", "weekend airstrikes": the Saturday and Sunday last past
    ("weekend", regexes.compile(r"\b(?:(?:over|at|during|on|this|last)\s+(?:the\s+)?weekend|weekend(?=\s+(?:(?-i:[A-Z])[\w-]+\s+|missile\s+|drone\s+|rocket\s+){0,2}(?:attacks?|air\s*strikes?|"
                           r"air\s+raids?|raids?|strikes?|clashes|fighting|violence|shelling|bombings?|killings?)))\b", re.I)),
    ("n-old", regexes.compile(
        rf"\b(?:the|a|an|its|their)\s+(?P<n>{_NUM})[\s-]+(?P<unit>day|week|month|year)s?[\s-]+old\s+(?:[\w'’-]+\s+){{0,2}}?"
        r"(?P<thing>offensive|assault|operation|campaign|siege|escalation)\b", re.I)),
    ("over-hours", regexes.compile(rf"\b(?:over|in|during|within|for)\s+(?:the\s+|these\s+|those\s+)?(?:just\s+|only\s+)?(?:past|last|previous|preceding)?\s*(?P<n>{_NUM})\s+(?P<unit>hour|day|week|month|year)s?\b", re.I)),
    ("n-days-of", regexes.compile(rf"\b(?P<n>{_NUM})\s+(?P<unit>day|week|month)s?\s+of\s+(?:fighting|clashes|violence|bombardment|strikes|air\s*strikes|shelling|battles)", re.I)),
    ("in-a-month", regexes.compile(r"\b(?:in|over|during)\s+(?:a|one|the\s+past|the\s+last|the\s+previous)\s+(?P<unit>month|week|year)\b|\bin\s+(?:a\s+)?(?P<unit2>month)\s+of\b"
                                  r"|\bover\s+the\s+(?P<unit3>week)\b(?!\s*(?:end|-?long))", re.I)),  # "killing 22 insurgents over the week"
    # "in October last year": the month of the year before (before "last year" alone takes the words)
    ("in-month-rel", regexes.compile(rf"\b(?:in|during)\s+{_PART}(?P<m>{_MONTH})\s+(?P<ly>last|this)\s+year\b", re.I)),
    # "in recent weeks", "over the past few months": a few of those units up to publication ("in recent days" is
    # left alone: "as the war escalated in recent days" sets the scene of a dated attack)
    ("recent-units", regexes.compile(r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past\s+few|last\s+few)\s+(?P<unit>weeks|months)\b", re.I)),
    ("last-unit", regexes.compile(r"\b(?:last|this)\s+(?P<unit>week|month|year)\b", re.I)),
    ("that-period", regexes.compile(r"\b(?:in|during|over)\s+(?:that|the\s+same|this)\s+(?:period|time|timeframe|span)\b", re.I)),
    ("date", regexes.compile(
        rf"\b(?:on\s+)?(?:{_WEEKDAY}\s*,?\s+)?(?:\(?\s*)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?![\d])(?:,?\s+(?P<y>\d{{4}}))?\)?",
        re.I)),
    # "June was considered the deadliest month, with 35 civilians ... killed" (YE: unseen news)
    ("month-superlative", regexes.compile(rf"\b(?P<m>{_MONTH})\s+(?:was|has\s+been|had\s+been)\s+(?:\w+\s+){{0,2}}?(?:the\s+)?"
                                          r"(?:deadliest|bloodiest|worst|most\s+violent)\b", re.I)),
    ("in-month", regexes.compile(rf"\b(?:in|during)\s+{_PART}(?P<m>{_MONTH})(?:\s+(?P<y>\d{{4}})|\s+(?P<ly>last|this)\s+year)?\b", re.I)),
    ("weekday", regexes.compile(
        rf"\b(?:(?P<overnight>overnight|late|early)\s+(?:on\s+)?)?(?:on\s+)?(?:(?:the\s+)?(?:night|morning|evening|afternoon)\s+of\s+)?(?:(?P<last>last)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<tod>morning|afternoon|evening|night))?",
        re.I)),
    ("relative-day", regexes.compile(r"\b(?P<w>yesterday|today|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|overnight)\b", re.I)),
    # "The UN estimated at the end of 2023 that nearly seven million people were displaced": a count on that year's last day
    ("year-end", regexes.compile(r"\bat\s+the\s+(?:very\s+)?end\s+of\s+(?:(?P<y>(?:19|20)\d\d)|(?P<rel>last)\s+year)\b(?!['’]s)", re.I)),
    # "In 2021, 22 jawans were killed in a gunfight": that year (last, so any finer date wins where they overlap)
    ("in-year", regexes.compile(r"\b(?:in|during|throughout)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*[-–/]\s*\d|\s+(?:elections?|census|polls?|budget))", re.I)),
]
# each searched over the lower-cased sentence, with the first-character look-ahead (same matches, faster)
_PATTERNS = [(rule, Lowered(compile_fast(rx.pattern, rx.flags))) for rule, rx in _PATTERNS]

# Words that every match of a rule contains (lower case): a cheap test before
# the regular expression.  Rules in _MONTH_RULES also run when a month name is there.
_WEEKDAY_STEMS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_STEMS = months().stems
_NEEDS: dict[str, tuple[str, ...]] = {
    "between-days": ("between", "from", "since"),
    "between": ("between", "from"),
    "month-range": ("period", "month", "quarter"),
    "between-weekdays": ("between", "from"),
    "quarter": ("quarter",),
    "since-war": ("since",),
    "war-total": ("war", "conflict", "insurgency", "rebellion", "offensive", "invasion", "campaign", "bombardment"),
    "since-weekday": ("since",),
    "first-months": ("first", "last", "final", "second"),
    "since-deal": ("since",),
    "since-truce": ("since",),
    "since-began-on": ("since",),
    "since-began-in": ("since",),
    "since-start-of": ("since",),
    "earlier-this": ("earlier",),
    "since-date": ("since",),
    "since-month": ("since",),
    "since-year": ("since",),
    "ago": ("ago",),
    "anniversary": ("since", "anniversary"),
    "weekend": ("weekend",),
    "n-old": ("old",),
    "over-hours": ("hour", "day", "week", "month", "year"),
    "n-days-of": ("day", "week", "month"),
    "in-a-month": ("month", "week", "year"),
    "last-unit": ("week", "month", "year"),
    "in-month-rel": ("year",),
    "recent-units": ("recent", "few"),
    "that-period": ("period", "time", "span"),
    "date": (),
    "in-month": (),
    "month-superlative": ("deadliest", "bloodiest", "worst", "most violent"),
    "weekday": _WEEKDAY_STEMS,
    "relative-day": ("yesterday", "today", "tonight", "night", "morning", "afternoon", "evening", "overnight"),
    "year-end": ("end",),
    "in-year": ("19", "20"),
}
_MONTH_RULES = {"date", "in-month"}  # ("month-superlative" needs its superlative too)
_NEED_WORDS = tuple(dict.fromkeys(k for need in _NEEDS.values() for k in need))
# a period a count is compared with, not the count's own: "up 53% from", "compared with", "down from", "than in"
_COMPARED_WITH_BEFORE = regexes.compile(r"\b(?:(?:up|down|an?\s+(?:increase|rise|drop|decrease|fall)\s+of)\s+(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent|percent)\s+(?:from|on|over)"
                                        r"|(?:compared|comparison)\s+(?:with|to)|(?:up|down)\s+from|than\s+(?:in|during))\s+(?:the\s+)?$", re.I)
_REPORTED_AFTER = regexes.compile(r"\s+(?:said|says|told|reported|announced|confirmed|stated|added|tweeted|wrote)\b", re.I)
_REPORTING = Lowered(compile_fast(  # (over the lower-cased text: it runs before every date)
    r"(?:(?:said|says|say|told|reported|announced|added|stated|according\s+to\s+\w+(?:\s+\w+){0,4}|declared|wrote|tweeted"
    r"|published|date\s+of\s+publication|(?:last\s+)?updated(?:\s+at)?|posted"
    # "the local mayor told AFP on Wednesday", "told reporters on Monday": the day it was told
    r"|told\s+(?:the\s+)?(?:afp|reuters|ap|bbc|cnn|xinhua|anadolu|dpa|rfa|voa|reporters|journalists|the\s+media|media)"
    r"(?:\s+news\s+agency)?)"
    r"(?:\s+(?:in|on|via|through)\s+(?:a|an|its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|report|tweet|post|briefing|interview|update|release|conference|bulletin)s?)?\s*,?\s*$)"
    # "a document seen on Thursday (Oct 20) by AFP", "a statement released on Monday": the day it was read or issued
    r"|\b(?:seen|obtained|released|issued|published)\s+(?:by\s+\w+\s+)?(?:on\s+)?$",
    re.I,
))


def _n(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else _NUMWORD.get(w, 1)


_DATELINE_DATE = regexes.compile(
    rf"^\s*[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){{0,2}}\s*,\s*{_MONTH}\s+\d{{1,2}}(?:\s*,\s*\d{{4}})?\s*"
    r"(?:\([A-Za-z.]+\)\s*)?[-–—:]"
    # "December 1, 2019 (TONJ) –": the date first, the place in brackets
    rf"|^\s*{_MONTH}\s+\d{{1,2}}\s*,\s*\d{{4}}\s*\([A-Za-z .'’-]+\)\s*[-–—:]")
# a clause that says nothing happened: a period in it dates no figure
_A_BEGINNING_BEFORE = regexes.compile(r"\b(?:began|begun|started|erupted|broke\s+out|flared|founded|formed|born|established|created|"
                                     r"launched|elected|seized\s+power|came\s+to\s+power|took\s+power|since|declared|"
                                     r"independence|captured|took\s+control|spread)\b[^.;]{0,25}$|\bsince\b[^.;,]{0,50}$", re.I)
# rules whose words name a count's span, never the day it was said ("the health ministry says the war has killed ...")
_NEVER_REPORTING = frozenset({"n-old", "war-total"})
# "The fighting began in February": a beginning right before a date (not "since", read by the since-rules)
_BEGAN_RIGHT_BEFORE = regexes.compile(r"\b(?:fighting|clashes|violence|offensive|war|conflict|insurgency|crisis|hostilities|"
                                      r"attacks|operation|campaign|unrest)\s+(?:[\w-]+\s+){0,2}?(?:began|started|erupted|broke\s+out|"
                                      r"escalated|flared(?:\s+up)?)\s+(?:(?:on|in)\s+)?(?:(?:early|mid|late)[\s-]+)?$", re.I)
# a count that runs up to the present, later in the same sentence ("have been killed", "has displaced")
_A_COUNT_SO_FAR = regexes.compile(r"\b(?:has|have)\s+(?:so\s+far\s+|now\s+|since\s+)?(?:been\s+)?(?:killed|died|displaced|fled|"
                                  r"wounded|injured|uprooted|forced|left\s+(?:more\s+than\s+|at\s+least\s+|over\s+|some\s+)?[\d,]+)", re.I)
# "the final withdrawal of U.S. troops, set for Tuesday", "a vote scheduled for Sunday": a day planned, not one
# anything happened on
_PLANNED_BEFORE = regexes.compile(r"\b(?:set|scheduled|slated|planned|due|timed)\s+(?:for|on)\s+(?:next\s+)?$|"
                                  r"\bdeadline\s+(?:of|on|for)\s+$", re.I)
_NOTHING_HAPPENED = regexes.compile(
    r"\b(?:no|without(?:\s+any)?|not\s+(?:been\s+)?any)\s+(?:[\w-]+\s+)?(?:fighting|clashes|attacks?|violence|casualties|"
    r"deaths|shelling|strikes|incidents?|hostilities|activity|presence)\b[^.;,]{0,40}$", re.I)


def find_periods(text: str, published: dt.date | None, *, war_start: dt.date | None = None,
                 war_end: dt.date | None = None) -> list[When]:
    """Date expressions in ``text`` with the periods they denote, in order,
    non-overlapping (earlier patterns in the table win on overlaps).
    ``war_start``: the day the war the text is about began (see
    ``world.war_start``), for "since the war began"; without it such phrases
    date nothing.  ``war_end``: the day that war ended, if it has: its tolls
    end there."""
    if published is None:
        return []
    found: list[When] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    has_month = any(m in low for m in _MONTH_STEMS)
    present = {k for k in _NEED_WORDS if k in low}  # each word asked once, not once per rule
    for rule, rx in _PATTERNS:
        need = _NEEDS.get(rule)
        if need is not None and present.isdisjoint(need) and not (rule in _MONTH_RULES and has_month):
            continue  # a word every match of this rule contains is absent: skip the regex
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            w = _resolve(rule, m, published, war_start, war_end)
            if w is None:
                continue
            before = text[max(0, m.start() - 40): m.start()]
            if m.start() < 40 and (line := _DATELINE_DATE.match(text)) is not None and m.end() <= line.end():
                w = When(w.start, w.end, w.first, w.last, w.precision, w.tolerance, w.rule, reporting=True)
                found.append(w)  # "NIAMEY, Sept. 18 (Xinhua) -": the day the wire filed it, not the day of the attack
                taken.append((m.start(), m.end()))
                continue
            if rule == "in-year" and _A_BEGINNING_BEFORE.search(before):
                continue  # "the insurgency, which began in 2009, has killed ...": when something began, not the count's year
            if w.last < published and _BEGAN_RIGHT_BEFORE.search(before) and _A_COUNT_SO_FAR.search(text, m.end()):
                # "The latest fighting began in February and ... at least 45 people have been killed": from
                # that beginning up to publication, not the month alone
                w = When(w.start, w.end, w.first, published, _D.MONTHS if w.precision != _D.DAY else _D.DAYS, w.tolerance,
                         "when:began-so-far")
            if _PLANNED_BEFORE.search(before):
                continue
            if _COMPARED_WITH_BEFORE.search(before):
                continue  # "from January through March, up 53% from the last three months of 2023": the baseline compared with
            if _NOTHING_HAPPENED.search(text, max(0, m.start() - 60), m.start()):
                continue  # "there had been no fighting in the area in the past 20 days": when nothing happened
            if rule not in _NEVER_REPORTING and (_REPORTING.search(before) or _REPORTED_AFTER.match(text, m.end())):
                # "say the two-month-old campaign" dates the campaign; "The Health Department on Wednesday
                # said the death toll increased to 101", "the police today said": the day it was said
                w = When(w.start, w.end, w.first, w.last, w.precision, w.tolerance, w.rule, reporting=True)
            found.append(w)
            taken.append((m.start(), m.end()))
    found.sort(key=lambda w: w.start)
    if has_month and len(found) > 1:
        found = _years_from_before(found, text)
    return found


_YEAR = regexes.compile(r"\b(?:19|20)\d\d\b")
_THIS_OR_LAST_YEAR = regexes.compile(r"\b(?:last|this)\s+year\b", re.I)


def _years_from_before(found: list[When], text: str) -> list[When]:
    """"with 4,289 deaths in March 2022, 840 fatalities in April, and 586 in
    May": a month the sentence names without a year is in the year of the
    month or date named with one before it, not the publication's."""
    out: list[When] = []
    year = None
    for w in found:
        said = text[w.start: w.end]
        if w.rule in _CALENDAR_RULES and _YEAR.search(said):
            year = w.last.year
        elif w.rule == "when:in-month" and year is not None and w.first.year != year and not _THIS_OR_LAST_YEAR.search(said):
            last_day = calendar.monthrange(year, w.last.month)[1]
            w = When(w.start, w.end, dt.date(year, w.first.month, min(w.first.day, calendar.monthrange(year, w.first.month)[1])),
                     dt.date(year, w.last.month, min(w.last.day, last_day) if w.last.day < 28 else last_day),
                     w.precision, w.tolerance, w.rule, w.reporting, w.anaphoric, w.base)
        out.append(w)
    return out


# --- resolvers: one per rule of _PATTERNS, each from the match to the period it denotes -------
# Each takes the match, its named groups, the publication date and the war's
# start and end, and returns the When or None (the match dates nothing).

_Resolver = Callable[[re.Match[str], dict[str, Any], dt.date, dt.date | None, dt.date | None], "When | None"]
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_D = DatePrecision


def _weekday(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    wd = WEEKDAYS[g["wd"].lower()]
    delta = (pub.weekday() - wd) % 7
    if delta == 0 and g.get("last"):
        delta = 7  # "last Friday" in Friday's paper: a week before
    day = pub - dt.timedelta(days=delta)
    if (g.get("overnight") or "").lower() == "overnight" or (g.get("tod") or "").lower() == "night":
        return When(m.start(), m.end(), day, day + dt.timedelta(days=1), _D.DAYS, 1, "when:weekday-night")
    return When(m.start(), m.end(), day, day, _D.DAY, 1, "when:weekday")


def _relative_day(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    s, e, w = m.start(), m.end(), g["w"].lower()
    if w == "yesterday":
        d = pub - dt.timedelta(days=1)
        return When(s, e, d, d, _D.DAY, 1, "when:yesterday")
    if w in ("last night", "overnight"):
        return When(s, e, pub - dt.timedelta(days=1), pub, _D.DAYS, 1, "when:last-night")
    return When(s, e, pub, pub, _D.DAY, 1, "when:today")


def _date(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    d = _day_month(g, pub)
    return When(m.start(), m.end(), d, d, _D.DAY, 1, "when:date") if d else None


def _in_month(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    month = MONTHS[g["m"].lower().rstrip(".")]
    year = int(g["y"]) if g.get("y") else _year_for(month, 1, pub)
    if g.get("ly"):  # "in October last year", "in March this year"
        year = pub.year - 1 if g["ly"].lower() == "last" else pub.year
    first, last, tol = _month_part(year, month, g.get("part"))
    return When(m.start(), m.end(), first, min(last, pub) if last > pub and first <= pub else last, _D.MONTH, tol, "when:in-month")


def _between_weekdays(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    last = pub - dt.timedelta(days=(pub.weekday() - WEEKDAYS[g["wd2"].lower()]) % 7)
    first = last - dt.timedelta(days=(WEEKDAYS[g["wd2"].lower()] - WEEKDAYS[g["wd1"].lower()]) % 7)
    return When(m.start(), m.end(), first, last, _D.DAYS, 1, "when:between-weekdays")


def _between_days(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    m2 = MONTHS[(g["m2a"] or g["m2b"]).lower().rstrip(".")]
    d2 = int(g["d2a"] or g["d2b"])
    y2 = int(g["y2"]) if g.get("y2") else _year_for(m2, d2, pub)
    m1 = MONTHS[(g["m1a"] or g["m1b"]).lower().rstrip(".")]
    d1 = int(g["d1a"] or g["d1b"])
    y1 = int(g["y1"]) if g.get("y1") else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
    first, last = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
    if first is None or last is None or first > last:
        return None
    return When(m.start(), m.end(), first, last, _D.DAYS, 1, "when:between-days")


_QUARTER_OF = {"second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}


def _quarter(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    year = int(g["y"]) if g.get("y") else pub.year - (1 if (g.get("rel") or "").lower() == "last" else 0)
    q = _QUARTER_OF[g["which"].lower()]
    first = dt.date(year, 3 * q - 2, 1)
    last = dt.date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
    return When(m.start(), m.end(), first, last, _D.MONTHS, 3, "when:quarter")


def _between(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    m1 = MONTHS[g["m1"].lower().rstrip(".")]
    m2 = MONTHS[g["m2"].lower().rstrip(".")]
    y2 = int(g["y2"]) if g.get("y2") else _year_for(m2, 1, pub)
    y1 = int(g["y1"]) if g.get("y1") else (y2 if m1 <= m2 else y2 - 1)
    first, _, tol1 = _month_part(y1, m1, g.get("part"))
    _, last, tol2 = _month_part(y2, m2, g.get("part2"))
    if g.get("part") == "late":
        first = dt.date(y1, m1, 25)
    return When(m.start(), m.end(), first, last, _D.MONTHS, max(tol1, tol2), "when:between")


def _war(rule: str) -> _Resolver:
    """"since the war began", "the war's toll": from the war's start (none known: nothing)."""
    def resolve(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
        year = int(g["war_y"]) if g.get("war_y") else None
        if year is not None and (war_start is None or war_start.year != year):
            # "since the current insurgency started in 2009" where the war known began another year: that year
            return When(m.start(), m.end(), dt.date(year, 1, 1), pub, _D.YEARS, 30, "when:since-year") if year <= pub.year else None
        if war_start is None or war_start > pub:
            return None
        return When(m.start(), m.end(), war_start, war_end or pub, _D.YEARS, 180, f"when:{rule}")
    return resolve


def _since_deal(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    # resolved later against the document (see resolve_since_event)
    return When(m.start(), m.end(), pub, pub, _D.UNKNOWN, 10, f"when:since-event:{g['thing'].lower()}")


def _since_truce(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    """"since the ceasefire": from the day the article's war ended, if it has
    (conflicts.tsv); otherwise the date the text gives the ceasefire."""
    if war_end is None:
        return _since_deal(m, {"thing": "ceasefire"}, pub, war_start, war_end)
    last = pub
    if g.get("m"):
        month = MONTHS[g["m"].lower().rstrip(".")]
        year = int(g["y"]) if g.get("y") else _year_for(month, 1, pub)
        last = min(pub, _month_part(year, month, None)[1])
    return When(m.start(), m.end(), war_end, last, _D.MONTHS, 3, "when:since-truce")


def _since_start_of(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    unit = g["unit"].lower()
    if unit == "month":
        first = pub.replace(day=1)
    elif unit == "year":
        first = pub.replace(month=1, day=1)
    else:
        first = pub - dt.timedelta(days=pub.weekday())
    return When(m.start(), m.end(), first, pub, _D.DAYS if unit == "week" else _D.MONTH, 1, "when:since-start-of")


def _earlier_this(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    unit = g["unit"].lower()
    if unit == "week":
        # an incident a few days before publication, not a running tally
        first = pub - dt.timedelta(days=pub.weekday() or 7)
        return When(m.start(), m.end(), first, max(first, pub - dt.timedelta(days=1)), _D.WEEK, 3, "when:earlier-this-week")
    first = pub.replace(day=1) if unit == "month" else pub.replace(month=1, day=1)
    return When(m.start(), m.end(), first, pub, _D.MONTH, 5, "when:earlier-this")


def _since_day(rule: str) -> _Resolver:
    """"since 30 April", "since it began on 30 April": from that day."""
    def resolve(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
        d = _day_month(g, pub)
        return When(m.start(), m.end(), d, pub, _D.DAYS, 1, f"when:{rule}") if d else None
    return resolve


# "since late April", "since mid-April", "since the start of April", "since the
# end of April": (a word the part holds, day of the month (None: its last), tolerance, rule)
_SINCE_PARTS = (
    (lambda part: part == "late", 25, 10, "when:since-late-month"),
    (lambda part: part == "mid" or "middle" in part, 15, 5, "when:since-mid-month"),
    (lambda part: part == "early" or "beginning" in part or "start" in part, 1, 5, "when:since-early-month"),
    (lambda part: "end" in part, None, 3, "when:since-end-month"),
)


def _since_month(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    month = MONTHS[g["m"].lower().rstrip(".")]
    # "since April last year": that month of the year before publication
    year = int(g["y"]) if g.get("y") else pub.year - 1 if g.get("ly") else _year_for(month, 1, pub)
    part = (g.get("part") or "").lower()
    for holds, day, tol, rule in _SINCE_PARTS:
        if holds(part):
            d = dt.date(year, month, day or calendar.monthrange(year, month)[1])
            return When(m.start(), m.end(), d, pub, _D.MONTHS, tol, rule)
    return When(m.start(), m.end(), dt.date(year, month, 1), pub, _D.MONTHS, 5, "when:since-month")


def _since_year(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    y = int(g["y"])
    if y > pub.year:
        return None
    # "since 2014" in a war that began in May 2014 is the war; "since early 2014" is January
    start = war_start if war_start is not None and war_start.year == y and not g.get("early") else dt.date(y, 1, 1)
    return When(m.start(), m.end(), start, pub, _D.YEARS, 180 if start == war_start or y == 2011 else 30, "when:since-year")


def _weekend(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)  # the last Saturday up to the day of publication
    return When(m.start(), m.end(), saturday, min(pub, saturday + dt.timedelta(days=1)), _D.DAYS, 1, "when:weekend")


def _ago(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    unit = g["unit"].lower()
    d = pub - dt.timedelta(days=_UNIT_DAYS[unit] * _n(g["n"]))
    return When(m.start(), m.end(), d, pub, _D.DAY if unit == "day" else _D.MONTH, 1 if unit == "day" else 7, "when:ago")


def _anniversary(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    years = _n(g["n"])
    day = _safe_date(pub.year - years, pub.month, pub.day) or _safe_date(pub.year - years, pub.month, pub.day - 1)
    if day is None or years < 1:
        return None
    return When(m.start(), m.end(), day, day, _D.DAY, ANNIVERSARY_TOLERANCE_DAYS, "when:anniversary")


ANNIVERSARY_TOLERANCE_DAYS = 3  # a commemoration may fall a day or two off the day it marks


def _n_old(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    # "the two-month-old campaign": since about then; resolved against the
    # campaign's own date when the text gives it (see figures._assign_period)
    days = _UNIT_DAYS[g["unit"].lower()] * _n(g["n"])
    return When(m.start(), m.end(), pub - dt.timedelta(days=days), pub, _D.MONTHS if days > 7 else _D.DAYS,
                max(1, days // 8), f"when:n-old:{g['thing'].lower()}")


def _over_hours(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    n = _n(g["n"])
    unit = g["unit"].lower()
    days = {"hour": max(1, n // 24), "day": n, "week": 7 * n, "month": 30 * n, "year": 365 * n}[unit]
    if unit == "hour" and n < 24:
        days = 1
    return When(m.start(), m.end(), pub - dt.timedelta(days=days), pub, _D.DAYS if days < 8 else _D.MONTH, 1, "when:over-n")


def _n_days_of(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    n = _n(g["n"])
    days = {"day": n, "week": 7 * n, "month": 30 * n}[g["unit"].lower()]
    return When(m.start(), m.end(), pub - dt.timedelta(days=days), pub, _D.DAYS, 1, "when:n-days-of")


def _in_a_unit(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    unit = (g.get("unit") or g.get("unit2") or g.get("unit3") or "month").lower()
    days = {"week": 7, "month": 31, "year": 365}[unit]
    return When(m.start(), m.end(), pub - dt.timedelta(days=days), pub, _D.MONTH, 3, "when:in-a-unit")


def _recent_units(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    days = {"weeks": 21, "months": 90}[g["unit"].lower()]
    return When(m.start(), m.end(), pub - dt.timedelta(days=days), pub, _D.WEEK if days < 30 else _D.MONTH, max(3, days // 3),
                "when:recent-units")


def _last_unit(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    s, e = m.start(), m.end()
    unit = g["unit"].lower()
    this = m.group(0).lower().startswith("this")
    if unit == "week":
        if this:
            return When(s, e, pub - dt.timedelta(days=pub.weekday()), pub, _D.WEEK, 2, "when:this-week")
        # "last week": the calendar week (Monday to Sunday) before the one of publication
        monday = pub - dt.timedelta(days=pub.weekday() + 7)
        return When(s, e, monday, monday + dt.timedelta(days=6), _D.WEEK, 2, "when:last-week")
    if unit == "month":
        if this:
            return When(s, e, pub.replace(day=1), pub, _D.MONTH, 3, "when:this-month")
        last_month_end = pub.replace(day=1) - dt.timedelta(days=1)
        return When(s, e, last_month_end.replace(day=1), last_month_end, _D.MONTH, 3, "when:last-month")
    if this:
        return When(s, e, pub.replace(month=1, day=1), pub, _D.YEAR, 10, "when:this-year")
    return When(s, e, dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31), _D.YEAR, 10, "when:last-year")


def _since_weekday(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    wd = WEEKDAYS[g["wd"].lower()]
    delta = (pub.weekday() - wd) % 7 or (7 if g.get("last") else 0)
    return When(m.start(), m.end(), pub - dt.timedelta(days=delta), pub, _D.DAYS, 1, "when:since-weekday")


def _first_months(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    """"the first three months of 2020", "the first half of this year", "the final three months of last year",
    "the second half of 2023": those months of that year."""
    year = int(g["y"]) if g.get("y") else pub.year - (1 if (g.get("this") or "").lower() == "last" else 0)
    months = 6 if g.get("half") else 3 if g.get("quarter") else _n(g["n"])
    edge = g["edge"].lower()
    if not 1 <= months <= 12 or (edge == "second" and not g.get("half")):
        return None  # "the second quarter" is the quarter rule's
    first_month = 1 if edge == "first" else 13 - months
    end = dt.date(year, 12, 31) if edge != "first" else (dt.date(year, months + 1, 1) if months < 12 else dt.date(year + 1, 1, 1)) - dt.timedelta(days=1)
    return When(m.start(), m.end(), dt.date(year, first_month, 1), end, _D.MONTHS, 3, "when:first-months" if edge == "first" else "when:last-months")


def _year_end(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    year = int(g["y"]) if g.get("y") else pub.year - 1
    day = dt.date(year, 12, 31)
    return When(m.start(), m.end(), day, day, _D.MONTH, 15, "when:year-end") if day <= pub else None


def _in_year(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    year = int(g["y"])
    if year > pub.year:
        return None
    return When(m.start(), m.end(), dt.date(year, 1, 1), min(dt.date(year, 12, 31), pub), _D.YEAR, 30, "when:in-year")


def _that_period(m: re.Match[str], g: dict[str, Any], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None) -> When | None:
    return When(m.start(), m.end(), pub, pub, _D.UNKNOWN, 10, "when:that-period", anaphoric=True)


RESOLVERS: dict[str, _Resolver] = {
    "weekday": _weekday, "relative-day": _relative_day, "date": _date, "in-month": _in_month, "month-superlative": _in_month, "between": _between, "between-weekdays": _between_weekdays,
    "since-war": _war("since-war"), "war-total": _war("war-total"), "since-deal": _since_deal,
    "since-start-of": _since_start_of, "earlier-this": _earlier_this,
    "since-date": _since_day("since-date"), "since-began-on": _since_day("since-began-on"),
    "since-month": _since_month, "since-began-in": _since_month, "since-year": _since_year,
    "ago": _ago, "anniversary": _anniversary, "weekend": _weekend, "n-old": _n_old, "over-hours": _over_hours, "n-days-of": _n_days_of,
    "in-a-month": _in_a_unit, "last-unit": _last_unit, "in-month-rel": _in_month, "recent-units": _recent_units, "that-period": _that_period, "in-year": _in_year, "year-end": _year_end,
    "since-weekday": _since_weekday, "first-months": _first_months, "since-truce": _since_truce,
    "between-days": _between_days, "quarter": _quarter, "month-range": _between,
}


def _resolve(rule: str, m: re.Match[str], pub: dt.date, war_start: dt.date | None, war_end: dt.date | None = None) -> When | None:
    resolver = RESOLVERS.get(rule)
    return resolver(m, m.groupdict(), pub, war_start, war_end) if resolver else None


_EVENT_DATE = Lowered(compile_fast(
    r"(?P<thing>deal|ceasefire|truce|agreement|offensive|assault|operation|campaign|escalation)\b[^.]{0,80}?\b(?:went\s+into\s+effect|took\s+effect|came\s+into\s+(?:force|effect)|began|started|was\s+(?:signed|announced|launched)|announced|brokered|agreed)",
    re.I,
))


# dates the text states outright, which may date an event named elsewhere
_CALENDAR_RULES = {"when:date", "when:in-month", "when:between"}
_DEAL = {"deal", "ceasefire", "truce", "agreement"}
_OFFENSIVE = {"offensive", "assault", "operation", "campaign", "escalation"}


def resolve_since_event(thing: str, sentences: list[tuple[str, list[When]]]) -> When | None:
    """For "since the deal went into effect": the date the text gives the
    deal elsewhere ("a ceasefire ... went into effect in late August"), or
    failing that any sentence that dates the same kind of event ("joined
    the army on April 26 in the biggest offensive")."""
    synonyms = _DEAL if thing in _DEAL else _OFFENSIVE if thing in _OFFENSIVE else {thing}
    found = _resolve_with_verb(synonyms, sentences)
    if found is not None:
        return found
    word = re.compile(r"\b(?:%s)\b" % "|".join(synonyms), re.I)
    for text, whens in sentences:
        if not word.search(text):
            continue
        for w in whens:
            if not w.reporting and w.rule in _CALENDAR_RULES and w.precision == DatePrecision.DAY:
                return w
    return None


def _resolve_with_verb(synonyms: set[str], sentences: list[tuple[str, list[When]]]) -> When | None:
    for text, whens in sentences:
        for m in _EVENT_DATE.finditer(text):
            if m.group("thing").lower() not in synonyms:
                continue
            for w in whens:
                if w.reporting or w.rule not in _CALENDAR_RULES:
                    continue
                if abs(w.start - m.end()) < 60 or m.start() <= w.start <= m.end() + 40:
                    return w
    return None
