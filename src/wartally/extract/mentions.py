"""Group mentions: a number with its qualifier and the noun phrase it counts.

"at least 13 members of the government forces" → n=13, qualifier at_least,
victims combatants, side government.  A number that counts something other
than people ("150 shells", "48 hours", "2019") is not a group mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from wartally.data.tables import months
from wartally.extract import lexicon, world
from wartally.extract.numbers import TENS, UNITS, NumberMention, find_numbers, words_to_int
from wartally.extract.lexicon import compile_fast
from wartally.extract import regexes

_TOKEN = regexes.compile(r"[\w'’]+(?:[-–][\w'’]+)*|[^\w\s]")
_MONTHS = rf"(?:{months().pattern()})\b"
_MONTH_BEFORE = compile_fast(rf"{_MONTHS}\.?\s*$", re.I)
_DAY_THEN_MONTH = regexes.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?\s*$", re.I)
_MONTH_AFTER = regexes.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTHS}", re.I)
_TIME_UNIT = regexes.compile(
    r"^[\s-]*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|km|kilomet(?:er|re)s?|miles?|metres?|meters?|percent|per\s*cent|%|times|am|pm|a\.m|p\.m|GMT|GMT|local\s+time|o'clock)\b|^-\w",
    re.I,
)
# an age, and the numbers listed with it ("aged 8 and 10", "aged between 5 and 12", "ages 6 to 14")
_AGE_BEFORE = regexes.compile(
    r"\b(?:aged|ages?(?:\s+of)?)\s+(?:between\s+)?(?:(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)\s*(?:,|and|to|or|-|–)\s*){0,4}$", re.I)
# words that may stand between a number and the noun it counts
_STOP = {
    "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "will", "would", "could",
    "may", "might", "also", "reportedly", "all", "later", "in", "on", "at", "since", "during", "from",
    "to", "into", "near", "across", "after", "before", "by", "for", "with", "among", "amid", "over",
    "under", "as", "or", "but", "while", "including", "include", "includes", "who", "which", "that",
    "whom", "when", "where", "so", "far", "this", "the", "a", "an", "inside", "outside", "around",
    "according", "said", "says", "there", "last", "yesterday", "today", "tonight", "overnight",
}
_SINGULAR_CIVILIAN = "civilian|citizen|resident|villager|farmer|shepherd|vendor|shopkeeper|merchant|student|pupil|tourist|pedestrian|passenger|bystander|passer-by|worshipper|pilgrim|patient|refugee"
_SINGULAR_CHILD = "schoolboy|schoolgirl"
_SINGULAR_COMBATANT = "suspect|soldier|(?:first\\s+|staff\\s+|master\\s+)?sergeant|corporal|lieutenant|conscript|reservist|security\\s+personnel|ranger|gendarme|fighter|militant|rebel|gunman|attacker|assailant|bomber|suicide\\s+bomber|perpetrator|shooter|terrorist|jihadist|commander|militiaman|insurgent|trooper|paramilitary|peacekeeper|bandit|guardsman|serviceman|marine|sailor|airman|sniper|guerrilla|separatist|jawan"
_SINGULAR_PEOPLE = "person|constable|inspector|sub-inspector|occupant|police\\s+chief|herder|grocer|trader|labou?rer|farmhand|motorcyclist|cyclist|motorist|fisherman|migrant|journalist|photographer|reporter|policeman|police\\s+officer|officer|guard|security\\s+guard|bodyguard|doctor|nurse|paramedic|medic|rescuer|volunteer|worker|aid\\s+worker|employee|driver|pilot|inmate|prisoner|detainee|official|judge|priest|imam|cleric|teacher|candidate|politician|lawmaker|mayor|governor|ambassador|diplomat|cameraman|camerawoman|colleague|interpreter|translator|assistant"
_SINGULAR_FAMILY = "son|daughter|wife|husband|brother|sister|child|mother|father|baby|driver|guard|bodyguard|companion|friend|cameraman|colleague|interpreter|translator|assistant"
# a person named by where they are from ("a Palestinian was shot dead", "an Israeli
# was stabbed to death", "shot dead a Syrian near the border"): a capitalised
# demonym as the head noun, the clause going on right after it
_CLAUSE_GOES_ON = (r"(?=\s+(?:was|were|had|has|is|died|near|in|on|at|and|who|when|while|after|during|by|from|to)\b"
                   r"|\s*[,.;:]|\s*$)")
_DEMONYM = rf"(?P<demonym>[A-Z][a-z]{{2,}}(?:ian|an|i|ese){_CLAUSE_GOES_ON})"
# "wounded a 5-year-old", "a three-year-old was killed": the age as the person
_AGE_NOUN = rf"(?P<age>\d{{1,3}}|[a-z]+(?:-[a-z]+)?)-year-old{_CLAUSE_GOES_ON}"
_ARTICLE_NOUNS = compile_fast(
    r"\b(?P<art>[Aa]n?|[Aa]nother|[Oo]ne|1|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:(?:young|elderly|old|pregnant|little|teenage|local|suspected|lone|female|male|unarmed|off-duty|senior|top|prominent|former|high-ranking|veteran|[A-Z][\w-]+|(?:al|el)-[A-Z][\w-]+|(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-(?:year|month|week|day)s?-old)\s+){0,2}(?:(?!(?:man|woman|child|boy|girl|son|daughter|mother|father|wife|husband|and|but|the|with|for|from|into|one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozens?|hundreds|several|many|some|other|others)\b)[a-z]{3,}\s+){0,2}"
    rf"(?P<noun>woman|child|man|boy|girl|baby|infant|toddler|teenager|mother|father|son|daughter|wife|husband|{_SINGULAR_CIVILIAN}|{_SINGULAR_CHILD}|{_SINGULAR_COMBATANT}|{_SINGULAR_PEOPLE}|{_SINGULAR_FAMILY}"
    # "a National Police Reservist", "a Border Police Officer": a title written in capitals
    rf"|(?=[A-Z][a-z])(?i:{_SINGULAR_COMBATANT}|{_SINGULAR_PEOPLE})"
    rf"|{_DEMONYM}|{_AGE_NOUN})\b(?![-'’]s)"
    # "the Ahrar al-Sham militant group": the noun names a group, no person
    r"(?!\s+(?:group|groups|faction|organi[sz]ation|movement|network|alliance|brigades?|battalions?|militias?|cells?)\b)",
)
_MILITARY_BEFORE = compile_fast(r"\b(?:army|military|regime|rebel|militia|government|security|intelligence|air\s+force|naval|navy|Syrian|Iranian|Russian|Turkish|Kurdish|ISIS|IS|ISIL|opposition)\b", re.I)
_NUMBER_WORDS = frozenset([*UNITS, *TENS, "hundred", "thousand", "million", "dozen", "dozens", "hundreds", "thousands"])
_SUICIDE_BOMBER = regexes.compile(
    r"\b(?P<who>[Aa]|[Tt]he)\s+(?:suspected\s+|lone\s+|female\s+|male\s+|teenage\s+)?suicide\s+bomber\s+(?:has\s+|had\s+|then\s+)?"
    r"(?P<act>blew\s+(?:himself|herself)\s+up|exploded|detonated\s+(?:his|her|an|the)\s+(?:explosive\s+)?(?:vest|belt|explosives|device|bomb|explosion))"
)
_BOTH = regexes.compile(r"\b[Bb]oth(?=\s+(?:of\s+the\s+|the\s+)?(?:[a-z-]+\s+)?[a-z]+s\b)")
_SELF_KILLED = regexes.compile(
    r"\b(?:before|then|and|after)\s+(?P<act>committing\s+suicide|killing\s+(?:himself|herself)|(?:shooting|turning\s+the\s+gun\s+on)\s+(?:himself|herself)|taking\s+(?:his|her)\s+own\s+life)"
)
_ATTACKER_BEFORE = regexes.compile(r"\b(?:gunman|attacker|shooter|assailant|perpetrator|bomber|knifeman)\b", re.I)
_PRONOUN_KILLED = compile_fast(
    r"\b(?:[Hh]e|[Ss]he)(?=\s+(?:was|had\s+been|has\s+been)\s+(?:later\s+|then\s+|also\s+|fatally\s+)?(?:shot\s+dead|killed|pronounced\s+dead|found\s+dead|stabbed\s+to\s+death|beaten\s+to\s+death))"
)
# a rank or title, a name, and what befell him ("Constable Muhammad Tariq was shot and killed", "Sergeant Ali Musa was wounded")
_TITLED_NAME_HURT = regexes.compile(
    r"\b(?:(?:Head|Police|Assistant|Sub|Senior|Lance)[\s-]+)?(?P<rank>Constable|Inspector|Sub-Inspector|Sergeant|Corporal|Private|Lieutenant|Captain|"
    r"Major|Colonel|Sepoy|Havildar|Naik|Trooper|Gendarme|Rifleman|Warrant\s+Officer)\s+(?:[A-Z][\w'’.-]+\s+){1,3}?"
    r"(?=(?:was|had\s+been|has\s+been)\s+(?:later\s+|also\s+|fatally\s+|critically\s+|seriously\s+)?"
    r"(?:shot\s+and\s+killed|shot\s+dead|killed|stabbed\s+to\s+death|beaten\s+to\s+death|martyred|wounded|injured)\b)")
# "another" standing alone for one more person of the group before: "killing one occupant and
# injuring another", "One soldier was killed and another wounded" (not "one another")
_ANOTHER_ALONE = regexes.compile(
    r"\b(?:injuring|wounding|killing|injured|wounded|killed|hurting)\s+(?P<a>another|one\s+other)(?=\s*(?:[,.;]|$|\s+(?:in|on|at|and|while|when|during|by)\b))"
    r"|\band\s+(?P<b>another|one\s+other)(?=\s+(?:was\s+|were\s+|is\s+)?(?:wounded|injured|killed|hurt)\b)"
    # "One person was killed in Maksymilianivka and another in Siversk": the verb of the clause before, left out
    r"|\band\s+(?P<c>another)(?=\s+(?:in|at|near)\s+(?:the\s+)?[A-Z][\w'’-]+\s*[,.;]?\s*$)")
_DEFINITE_OK = regexes.compile(rf"^(?:{_SINGULAR_COMBATANT}|driver|passenger|{_SINGULAR_FAMILY})$")
# "Border Police guard was killed": a headline-style singular noun with no article opens the sentence
_BARE_SINGULAR_KILLED = regexes.compile(
    rf"^\s*(?:[A-Z][\w-]*\s+){{0,3}}(?:{_SINGULAR_PEOPLE}|{_SINGULAR_COMBATANT})"
    r"(?=\s+(?:was|had\s+been|has\s+been)\s+(?:later\s+|then\s+|also\s+|fatally\s+)?(?:shot\s+dead|killed|stabbed\s+to\s+death|beaten\s+to\s+death)\b)"
)
_SINGULAR_TO_VICTIMS = {
    "woman": "women", "mother": "women", "wife": "women", "daughter": "children", "sister": "women",
    "child": "children", "boy": "children", "girl": "children", "son": "children",
    "baby": "children", "infant": "children", "toddler": "children", "teenager": "children",
    "man": "men", "father": "men", "husband": "men", "brother": "men",
}


_CIVILIAN_MODIFIER = regexes.compile(r"\bcivilian\s+(?:[\w-]+\s+)?(?:man|person|driver|worker|employee)\b", re.I)
_POLICE_BEFORE = regexes.compile(r"\bpolice\s+(?:[a-z]+\s+)?(?:reservist|sergeant|corporal|lieutenant|commander|trooper|guardsman)\b", re.I)
_MILITARY_OFFICER = regexes.compile(r"\b(?:military|army|navy|naval|intelligence|air\s+force)\s+(?:[a-z]+\s+)?officer\b", re.I)


def _singular_victims(noun: str) -> str:
    noun = re.sub(r"\s+", " ", noun.lower())
    if noun in _SINGULAR_TO_VICTIMS:
        return _SINGULAR_TO_VICTIMS[noun]
    if re.fullmatch(_SINGULAR_CIVILIAN, noun):
        return "civilians"
    if re.fullmatch(_SINGULAR_CHILD, noun):
        return "children"
    if re.fullmatch(_SINGULAR_COMBATANT, noun):
        return "combatants"
    return "people"


@dataclass(frozen=True, slots=True)
class GroupMention:
    start: int  # start of the qualifier (or number)
    end: int  # end of the noun phrase
    number_start: int
    number_end: int
    n: int
    qualifier: str
    qualifier_rule: str
    victims: str | None  # None: a bare number ("15 injured")
    victims_rule: str
    side_text: str  # the noun phrase text where side cues are looked for
    number_rule: str
    others: bool  # "five others", "another 17": not the previous group
    range_low: int | None = None  # "between 100 and 300": the low end of a range (n is the high end)


@cache
def _qualifier_regexes() -> tuple[tuple[lexicon.Entry, re.Pattern[str]], ...]:
    return tuple((e, regexes.compile(rf"(?<![\w-])(?:{e.pattern})(?:\s+an?)?\s*$", re.I)) for e in lexicon.entries("qualifiers"))


@cache
def _any_qualifier() -> lexicon.Lowered:
    """One search telling whether any qualifier ends right before a number
    (over the lower-cased text: it runs before every number)."""
    return lexicon.compile_lowered(r"(?<![\w-])(?:" + "|".join(f"(?:{e.pattern})" for e in lexicon.entries("qualifiers"))
                                   + r")(?:\s+an?)?\s*$")  # "more than a hundred", "nearly a dozen"


def _qualifier(text: str, start: int) -> tuple[str, str, int]:
    before = text[max(0, start - 40): start]
    if not before.strip() or not _any_qualifier().search(before):
        return "exact", "qualifier:none", start
    for e, rx in _qualifier_regexes():
        m = rx.search(before)
        if m:
            return e.value, f"qualifier:{e.id}", start - (len(before) - m.start())
    return "exact", "qualifier:none", start


# bodies whose members are not fighters ("members of the medical staff")
# volunteers who fight or work for a state's forces (Burkina Faso's VDP auxiliaries): fighters, on its side
_FOR_THE_ARMY = regexes.compile(r"\s+(?:(?:working|fighting|serving|enlisted)\s+)?(?:for|with|alongside)\s+(?:the\s+)?"
                           r"(?:army|military|armed\s+forces|security\s+forces|troops)\b", re.I)
_CIVILIAN_BODY = regexes.compile(
    r"\b(?:medical|health|hospital|staff|civil\s+defen[cs]e|white\s+helmets|rescue|relief|aid|humanitarian|red\s+crescent|"
    r"red\s+cross|press|media|family|families|parliament|council|crew|clergy|church|mosque|school|university|"
    r"journalists?|doctors?|medics?|nurses?|volunteers?|tribes?|clans?|communit(?:y|ies))\b", re.I)


_AID_GROUP_BEFORE = regexes.compile(r"\b(?-i:MSF|ICRC|IFRC|UNICEF|WFP|NRC|IRC|UN|UNRWA|Oxfam)\b")


# "eleven of the dead were women": the word for the whole names the outcome (see pairing)
PARTITIVE_OUTCOMES = {"dead": "killed", "killed": "killed", "fatalities": "killed", "wounded": "injured", "injured": "injured"}


def own_outcome(victims_rule: str) -> str | None:
    """The outcome a group names itself, if it does: a partitive ("eleven of
    the dead were women") or martyrs ("leaving 5 martyrs")."""
    if victims_rule == "victims:martyrs":
        return "killed"
    if victims_rule.startswith("victims:range-"):
        return PARTITIVE_OUTCOMES.get(victims_rule[len("victims:range-"):])  # "from 120 wounded to 140"
    parts = victims_rule.split("-")  # victims:of-the-<whole>-<victims entry>
    if victims_rule.startswith("victims:of-the-") and len(parts) >= 4:
        return "killed" if parts[2] == "victims" else PARTITIVE_OUTCOMES.get(parts[2])
    return None


# a list of nouns after a group's head, with no number of its own: ", police and civilians", " and civilians"
_NOUN_LIST_AFTER = regexes.compile(r"(?:\s*,\s*[A-Za-z-]+)*\s*,?\s+(?:and|or)\s+[A-Za-z-]+\b")


_VERB_NEXT = regexes.compile(r"\s+(?:were|was|are|is|had|have|has)\b", re.I)
_WORD_BEFORE = regexes.compile(r"([A-Za-z]+)\s+$")


def _mixed_list_end(text: str, end: int, victims: str, start: int) -> int | None:
    """Where a list of victim nouns after a group's head ends when it names
    another victim group ("10 soldiers and civilians", "40 soldiers, police
    and civilians": fighters and civilians together are people); None when
    no such list follows.  (Not "killed 12 civilians and soldiers were
    wounded": after a verb's object, a noun with a verb of its own opens
    another clause.)"""
    m = _NOUN_LIST_AFTER.match(text, end)
    if m is None:
        return None
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if _VERB_NEXT.match(text, m.end()) and before is not None and _is_trigger_word(before.group(1)):
        return None
    nouns = [w for w in text[m.start():m.end()].replace(",", " ").split() if w.lower() not in ("and", "or")]
    heads = [_victim_head(w.lower()) for w in nouns]
    if not heads or any(h is None for h in heads):
        return None  # ("five soldiers and wounded ...": a verb, not a noun of the list)
    return m.end() if any(h.value not in (victims, "people") and h.value in ("combatants", "civilians") for h in heads) else None


@lru_cache(maxsize=16384)  # pure functions of one word, asked about the same words in every article
def _victim_head(word: str) -> lexicon.Entry | None:
    for e in lexicon.entries("victims"):
        if e.regex.fullmatch(word):
            return e
    return None


@lru_cache(maxsize=16384)
def _is_trigger_word(word: str) -> bool:
    return bool(re.fullmatch(
        r"kill(?:s|ed|ing|ings)?|dead|died|dies|deaths|fatalities|casualties|injuries|wound(?:s|ed|ing)?|injur(?:e|ed|es|ing)|hurt|displaced|uprooted|fled|lost|slain|massacred|executed|perished|martyred|lives",
        word, re.I))


def group_mentions(text: str) -> list[GroupMention]:
    """Numbers in ``text`` that count people, with their noun phrases."""
    nums: list[NumberMention] = find_numbers(text)
    # (cheap tests first: a word every match of the pattern holds)
    for m in _BOTH.finditer(text) if "oth" in text else ():
        if not any(n.start <= m.start() < n.end for n in nums):
            nums.append(NumberMention(m.start(), m.end(), 2, m.group(0), "words"))
    for m in _SELF_KILLED.finditer(text) if "self" in text or "suicide" in text or "own" in text else ():
        # "a gunman ... killing 9 before committing suicide": the attacker is dead too
        if _ATTACKER_BEFORE.search(text[: m.start()]) and not any(n.start <= m.start() < n.end for n in nums):
            nums.append(NumberMention(m.start("act"), m.end("act"), 1, m.group("act"), "suicide"))
    for m in _SUICIDE_BOMBER.finditer(text) if "suicide" in text else ():
        # "a suicide bomber blew himself up": the bomber is dead too (a combatant)
        if not any(n.start <= m.start() < n.end for n in nums):
            nums.append(NumberMention(m.start(), m.end("who"), 1, m.group("who"), "suicide"))
    articles: dict[int, str] = {}
    for m in _ARTICLE_NOUNS.finditer(text):
        clash = [n for n in nums if n.start <= m.start() < n.end]
        if clash and not (clash[0].value == 1 and clash[0].end == m.end("art") and clash[0].rule != "suicide"):
            continue
        nums = [n for n in nums if n not in clash]
        art = m.group("art").lower()
        noun = m.group("noun")
        if art in ("the", "his", "her", "their") and not _DEFINITE_OK.match(noun.lower()):
            continue
        nums.append(NumberMention(m.start("art"), m.end("art"), 1, m.group("art"), "article"))
        articles[m.start("art")] = m.group(0)
    for m in _BARE_SINGULAR_KILLED.finditer(text):
        if not any(n.start <= m.end() - 1 < n.end or m.start() <= n.start < m.end() for n in nums):
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            nums.append(NumberMention(start, m.end(), 1, text[start:m.end()], "article"))
            articles[start] = text[start:m.end()]
    for m in _ANOTHER_ALONE.finditer(text) if "other" in text else ():
        g = "a" if m.group("a") else "b" if m.group("b") else "c"
        if m.group(g)[0] in "oO":  # "and one other wounded": the number "one" stands for one more of the group before
            nums = [n for n in nums if not (n.start == m.start(g) and n.value == 1)]
        if not any(n.start <= m.start(g) < n.end for n in nums):
            nums.append(NumberMention(m.start(g), m.end(g), 1, m.group(g), "article"))
            articles[m.start(g)] = m.group(g)
    for m in _PRONOUN_KILLED.finditer(text):
        if not any(n.start <= m.start() < n.end for n in nums):
            nums.append(NumberMention(m.start(), m.end(), 1, m.group(0), "article"))
            articles[m.start()] = m.group(0)
    for m in _TITLED_NAME_HURT.finditer(text) if "was" in text or "been" in text else ():
        # "Constable Muhammad Tariq was shot and killed": one person named by rank and name
        if not any(n.start <= m.start() < n.end or m.start() <= n.start < m.end() for n in nums):
            nums.append(NumberMention(m.start(), m.end(), 1, m.group(0), "article"))
            articles[m.start()] = m.group(0)
    nums.sort(key=lambda n: n.start)
    ranges = _ranges(text, nums) if ("to" in text or "and" in text or "-" in text or "–" in text) else {}
    if ranges:
        nums = [n for n in nums if n.start not in ranges.get("low", ())]
    out: list[GroupMention] = []
    for num in nums:
        if num.rule == "suicide":
            m = _SUICIDE_BOMBER.match(text, num.start)
            end = m.end("act") if m else num.end
            out.append(GroupMention(
                start=num.start, end=end, number_start=num.start, number_end=num.end, n=1,
                qualifier="exact", qualifier_rule="qualifier:none", victims="combatants",
                victims_rule="victims:suicide-bomber" if m else "victims:attacker-killed-self",
                side_text=text[num.start:end], number_rule="number:suicide-bomber", others=False,
            ))
            continue
        if num.rule == "article":
            g = _article_group(text, num, articles[num.start])
        else:
            g = _group(text, num)
        if g is not None and num.start in ranges:
            # a range is one figure: its high end, at most (the low end is kept as ``range_low``)
            start, low, word = ranges[num.start]
            if low is not None:
                g = replace(g, start=start, qualifier="at_most", qualifier_rule="qualifier:range", range_low=low)
            if word is not None and g.victims is None:
                g = replace(g, victims="people", victims_rule=f"victims:range-{word}")  # "from 120 wounded to 140"
        if g is not None:
            out.append(g)
    return out


# a range of two numbers: "between 100 and 300 people", "100 to 300 people", "from 120 wounded to 140"
_RANGE_TO = regexes.compile(r"\s*(?:to|–)\s*|-")  # ("100-300 people": the hyphen right between the digits)
_RANGE_AND = regexes.compile(r"\s+and\s+")
_RANGE_FROM_TO = regexes.compile(
    r"\s+(?:[a-z]+\s+){0,2}to\s+(?:(?:more|less|fewer)\s+than\s+|at\s+(?:least|most)\s+|over\s+|nearly\s+|almost\s+|about\s+|around\s+|some\s+)?")
_RANGE_BEFORE = regexes.compile(r"\b(?P<w>between|from)\s+$", re.I)
# "the toll rose from 20 to 35": an update, whose earlier toll is its own figure (gold guide), not a range
_CHANGE_BEFORE = regexes.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbing|increased|increasing|jumped|grew|grown|up|revised|raised|raising|updated|updating|"
    r"lowered|fell|fallen|dropped|doubled|tripled|toll|number|figure)\b[^.;]{0,40}$", re.I)


def _ranges(text: str, nums: list[NumberMention]) -> dict:
    """High ends of ranges -> (where the range starts, its low end), and "low": the low ends' starts."""
    out: dict = {}
    lows: set[int] = set()
    for a, b in zip(nums, nums[1:]):
        if a.rule not in ("digits", "words") or b.rule not in ("digits", "words") or not a.value < b.value:
            continue
        join = text[a.end: b.start]
        if len(join) > 24:
            continue
        qa = _qualifier(text, a.start)[2]  # "from at least 30 dead to more than 60"
        before = text[max(0, qa - 12): qa]
        m = _RANGE_BEFORE.search(before)
        word = m.group("w").lower() if m else None
        if _RANGE_TO.fullmatch(join) or (word == "between" and _RANGE_AND.fullmatch(join)) \
                or (word == "from" and _RANGE_FROM_TO.fullmatch(join)):
            if (word == "from" or not word) and _CHANGE_BEFORE.search(text[max(0, a.start - 60): a.start]):
                continue
            between = join.strip().split()[0].lower() if word == "from" and len(join.split()) > 1 else None
            if between not in PARTITIVE_OUTCOMES:
                between = None  # "from 120 wounded to 140": the high end's outcome is the word between
            if _qualifier(text, b.start)[0] != "exact":
                if between is not None:  # "from at least 30 dead to more than 60": two estimates, each its own
                    out[b.start] = (b.start, None, between)
                continue
            if qa != a.start:
                continue  # "about 20 to 30": a hedged low end
            start = qa - (len(before) - m.start()) if m else a.start
            out[b.start] = (start, a.value, between)
            lows.add(a.start)
    if lows:
        out["low"] = lows
    return out


def _article_group(text: str, num: NumberMention, phrase: str) -> GroupMention:
    if phrase.lower() == "another" or phrase.lower().split() == ["one", "other"]:
        # "killing one occupant and injuring another": one more of the group before (figures)
        return GroupMention(start=num.start, end=num.end, number_start=num.start, number_end=num.end, n=1,
                            qualifier="exact", qualifier_rule="qualifier:none", victims=None, victims_rule="victims:another",
                            side_text=phrase, number_rule="number:article", others=False)
    m = _ARTICLE_NOUNS.match(text, num.start)
    noun = m.group("noun") if m else phrase.split()[-1]
    if m is None and (titled := _TITLED_NAME_HURT.match(text, num.start)) is not None:
        noun = titled.group("rank")  # "Sergeant Ali Musa": a soldier; "Constable Muhammad Tariq": a policeman
    if not m and phrase.lower() in ("he", "she"):
        noun = "person"
    end = num.start + len(phrase)
    victims = _singular_victims(noun)
    if victims == "people" and noun.lower() == "officer" and _MILITARY_OFFICER.search(text, num.start, end):
        victims = "combatants"  # "a senior military intelligence officer": a soldier (police officers are people)
    elif victims in ("men", "people") and _CIVILIAN_MODIFIER.search(text, num.start, end):
        victims = "civilians"  # "A 52-year-old civilian man was injured": the text says what he was
    elif victims == "combatants" and _POLICE_BEFORE.search(text, num.start, end):
        victims = "people"  # "a National Police Reservist", "a police sergeant": police are people (gold guide)
    head = "demonym" if m and m.group("demonym") else re.sub(r"[^a-z]+", "-", noun.lower())
    if m and m.group("age"):
        age = int(m.group("age")) if m.group("age").isdigit() else words_to_int(m.group("age"))
        victims, head = ("children" if age is not None and age < 18 else "people"), "age"
    qualifier, qualifier_rule, start = "exact", "qualifier:none", num.start
    if phrase[:3].lower() == "one":
        qualifier, qualifier_rule, start = _qualifier(text, num.start)  # "killing at least one person"
    return GroupMention(
        start=start, end=end, number_start=num.start, number_end=num.end, n=1,
        qualifier=qualifier, qualifier_rule=qualifier_rule, victims=victims,
        victims_rule=f"victims:singular-{head}", side_text=phrase,
        number_rule="number:article", others=False,
    )


# --- a number that counts something other than people: the rules, in order -------------------
# Each takes the text and the number and says whether the number is a date,
# a time, an age, an id or a year rather than a count of people.

def _is_date(text: str, num: NumberMention) -> bool:
    """"March 10", "10th of March" (not "on the 3rd of March 10 people were killed")."""
    before = text[max(0, num.start - 12): num.start]
    year = num.rule == "digits" and len(num.text) == 4 and 1900 <= num.value <= 2100
    if _MONTH_BEFORE.search(before) and (year or not _DAY_THEN_MONTH.search(text[max(0, num.start - 25): num.start])):
        return True
    return bool(_MONTH_AFTER.search(text[num.end: num.end + 20]))


def _is_measure(text: str, num: NumberMention) -> bool:
    """"48 hours", "10 km", "5 percent"."""
    return bool(_TIME_UNIT.search(text[num.end: num.end + 20]))


def _is_age(text: str, num: NumberMention) -> bool:
    """"two brothers aged 8 and 10", "children aged between 5 and 12": ages, not counts."""
    window = text[max(0, num.start - 40): num.start]
    return "age" in window.lower() and bool(_AGE_BEFORE.search(window))


# an age bound: "children younger than 15", "many of them under 18", "boys over 12" (not counts)
_AGE_BOUND_BEFORE = regexes.compile(
    r"(?:\b(?:younger|older)\s+than|\b(?:children|kids|minors|boys|girls|teenagers|youths?|adolescents|pupils|students|them)"
    r"\s*,?\s*(?:(?:all|mostly|mainly|many|most|some|aged)\s+)*(?:under|below|over|above))\s*$", re.I)


def _is_age_bound(text: str, num: NumberMention) -> bool:
    """"children younger than 15", "children, all under 18": an age bound, not a count."""
    window = text[max(0, num.start - 60): num.start]
    low = window.lower()
    return ("than" in low or "under" in low or "over" in low or "below" in low or "above" in low) \
        and bool(_AGE_BOUND_BEFORE.search(window))


_LABEL_BEFORE = compile_fast(
    r"[$€£#]\s*$|\bNo\.?\s*$|\bnumber\s*$|\b(?:page|article|resolution|route|highway|road|flight|line)\s*$", re.I)


def _is_label(text: str, num: NumberMention) -> bool:
    """"$10", "No. 5", "resolution 2254", "route 4"."""
    return bool(_LABEL_BEFORE.search(text[max(0, num.start - 12): num.start]))


def _is_zero_padded(text: str, num: NumberMention) -> bool:
    """"016": a fragment of an id or a date, not a count."""
    return num.rule == "digits" and len(num.text) > 1 and num.text[0] == "0"


_PEOPLE_AFTER_YEAR = regexes.compile(r"\s+(?:people|civilians|persons|children|fighters|soldiers|troops|others)\b", re.I)


def _is_year(text: str, num: NumberMention) -> bool:
    """"in 2016", unless people follow ("2016 civilians")."""
    return (num.rule == "digits" and 1900 <= num.value <= 2100 and "," not in num.text
            and not _PEOPLE_AFTER_YEAR.match(text[num.end: num.end + 30]))


def _is_ordinal_or_clock(text: str, num: NumberMention) -> bool:
    """"3rd", "10:30", "1.5"."""
    after = text[num.end: num.end + 20]
    return bool(re.match(r"\s*(?:st|nd|rd|th)\b", after) or re.match(r"\s*:\d", after)
                or re.search(r"\d[:.]\s*$", text[max(0, num.start - 12): num.start]))


NOT_A_COUNT = (_is_date, _is_measure, _is_age, _is_age_bound, _is_label, _is_zero_padded, _is_year, _is_ordinal_or_clock)


# --- the noun phrase after the number: rules over its tokens, in order -----------------------
# Each rule looks at the scan's current token and returns BREAK (the phrase
# ends here), NEXT (the rule moved the scan on itself) or None (not this
# rule's case).  A token no rule takes is a word of the phrase.

BREAK, NEXT = "break", "next"


@dataclass(slots=True)
class _Scan:
    """The state of the scan of a noun phrase."""
    num: NumberMention
    rest: str
    tokens: list[re.Match[str]]
    i: int = 0
    words_seen: int = 0
    victims: str | None = None
    vrule: str = "victims:bare"
    head_end: int | None = None

    def found(self, victims: str | None, vrule: str, head_end: int | None) -> None:
        self.victims, self.vrule, self.head_end = victims, vrule, head_end

    def word(self, k: int) -> str:
        return self.tokens[k].group(0).lower() if k < len(self.tokens) else ""


def _rule_and_ing(s: _Scan, w: str, lw: str) -> str | None:
    """"killing 4 and causing numerous injuries": a bare count, the clause goes on."""
    if (s.i == 0 and lw == "and" and len(s.tokens) > 1 and s.num.rule != "article"
            and re.fullmatch(r"[a-z]+ing", s.tokens[1].group(0))):
        return BREAK
    return None


def _rule_article_noun(s: _Scan, w: str, lw: str) -> str | None:
    """"a woman": the noun right after (maybe one adjective)."""
    if s.num.rule != "article":
        return None
    tok = s.tokens[s.i]
    e = _victim_head(lw)
    if e is None and lw in _SINGULAR_TO_VICTIMS:
        s.found(_SINGULAR_TO_VICTIMS[lw], f"victims:{lw}", tok.end())
        return BREAK
    if e is not None:
        s.found("people" if lw in ("person",) else e.value, f"victims:{e.id}", tok.end())
        return BREAK
    s.words_seen += 1
    s.i += 1
    return NEXT


def _rule_punctuation(s: _Scan, w: str, lw: str) -> str | None:
    """A dash or an opening quote right after the number is passed over; other punctuation ends the phrase."""
    if re.match(r"[\w'’]", w):
        return None
    if w in "-–" and s.words_seen == 0:
        s.i += 1
        return NEXT
    if w in "\"“‘" and s.words_seen == 0:
        s.i += 1  # 'killed 203 "terrorists"': the army's word in quotes is still the noun
        return NEXT
    return BREAK


def _one_of_the_dead_was(s: _Scan, k: int) -> tuple[str, int] | None:
    """"(one of the dead) was \"a fighter in Hezbollah\"", "was a Hezbollah fighter": the group a
    singular noun after the copula names (quotes, an article and one modifier may stand before it)."""
    tokens = s.tokens
    while k < len(tokens) and s.word(k) in ('"', "“", "”", "'", "‘", "a", "an"):
        k += 1
    for j in (k, k + 1):
        if j < len(tokens):
            word = s.word(j)
            if word in _SINGULAR_TO_VICTIMS or any(re.fullmatch(p, word) for p in (_SINGULAR_CIVILIAN, _SINGULAR_CHILD, _SINGULAR_COMBATANT)):
                victims = _singular_victims(word)
                end = tokens[j].end()
                if j + 2 < len(tokens) and s.word(j + 1) in ("in", "of", "with", "from") and tokens[j + 2].group(0)[:1].isupper():
                    end = tokens[j + 2].end()  # "a fighter in Hezbollah": whose fighter (his side, not who killed him)
                return (victims, end) if victims != "people" else None
    return None


def _rule_of_the(s: _Scan, w: str, lw: str) -> str | None:
    """"one of the victims", "four of its soldiers"; "one of the injured died":
    the injured are people; "eleven of the dead were women", "four of those
    killed were children": the group the copula names."""
    if not (lw == "of" and s.word(s.i + 1) in ("the", "their", "its", "his", "her", "those", "these") and s.words_seen == 0):
        return None
    tokens, i = s.tokens, s.i
    if i + 2 < len(tokens) and s.word(i + 2) in ("injured", "wounded", "dead", "victims", "hostages", "killed", "fatalities"):
        whole = s.word(i + 2)
        s.found("people", "victims:of-the-" + whole, tokens[i + 2].end())
        k = i + 3
        if (whole in PARTITIVE_OUTCOMES or whole == "victims") and k + 1 < len(tokens) and s.word(k) in ("were", "was", "are") \
                and (e := _victim_head(tokens[k + 1].group(0))) is not None \
                and (e.value != "people" or whole == "victims" and s.word(k + 1) not in ("people", "persons")):
            # "Four of the victims were fishermen": the dead the article told of, those of them the noun names
            s.found(e.value, f"victims:of-the-{whole}-{e.id}", tokens[k + 1].end())
        elif whole in PARTITIVE_OUTCOMES and k + 1 < len(tokens) and s.word(k) == "was" \
                and (one := _one_of_the_dead_was(s, k + 1)) is not None:
            s.found(one[0], f"victims:of-the-{whole}-singular", one[1])  # "one of the dead was \"a fighter in Hezbollah\""
        elif whole == "killed":
            s.found(None, "victims:bare", None)  # "two of those killed in the raid": as before
            s.i += 2
            return NEXT
        return BREAK
    s.i += 2
    return NEXT


def _rule_of_them(s: _Scan, w: str, lw: str) -> str | None:
    """"N of them": a part of a group named before; "two of them children"."""
    if not (lw == "of" and s.word(s.i + 1) in ("them", "whom")):
        return None
    tokens = s.tokens
    s.found(None, "victims:of-them", tokens[s.i + 1].end())
    k = s.i + 2
    if s.word(k) in ("were", "are", "being"):
        k += 1
    if k + 1 < len(tokens) and s.word(k) in ("a", "an") and s.num.value == 1:
        k += 1  # "one of them a woman"
        single = _SINGULAR_TO_VICTIMS.get(s.word(k))
        if single is not None:
            s.found(single, f"victims:of-them-{s.word(k)}", tokens[k].end())
            return BREAK
    if k < len(tokens):
        e = _victim_head(tokens[k].group(0))
        if e is not None and e.value != "people":
            s.found(e.value, f"victims:of-them-{e.id}", tokens[k].end())
    return BREAK


_BOTH_SIDES = regexes.compile(r"on\s+both\s+sides", re.I)


def _rule_both_sides(s: _Scan, w: str, lw: str) -> str | None:
    """"100 on both sides": people."""
    start = s.tokens[s.i].start()
    m = _BOTH_SIDES.match(s.rest[start:]) if lw == "on" else None
    if m is None:
        return None
    s.found("people", "victims:both-sides", start + len(m.group(0)))
    return BREAK


_NUMBER_OR_ARTICLE = regexes.compile(r"\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|another|at|more|some|about)$", re.I)
_CARE_WORDS = frozenset({"health", "care", "medical", "humanitarian", "aid", "relief", "hospital", "healthcare", "emergency"})
_NOT_MODIFIERS = ("people", "men", "women", "children", "police", "personnel", "staff", "dead")


def _rule_person_noun(s: _Scan, w: str, lw: str) -> str | None:
    """The noun that names the people counted, with its compounds ("police
    personnel") and what it belongs to ("members of the medical staff")."""
    tokens, i = s.tokens, s.i
    e = _victim_head(w)
    if e is not None and lw == "members" and i > 0 and tokens[i - 1].group(0).lower() == "family":
        s.found("people", "victims:family-members", tokens[i].end())
        return BREAK
    if e is not None and lw in ("members", "member") and i > 0 and (_CIVILIAN_BODY.search(s.rest[: tokens[i].start()])
                                                                    or _AID_GROUP_BEFORE.search(s.rest[: tokens[i].start()])):
        # "six Nigeria Red Cross members", "five MSF staff members": members of a body that does not fight
        s.found("people", "victims:members-of-civilian-body", tokens[i].end())
        return BREAK
    if e is not None and i + 1 < len(tokens) and (not lw.endswith("s") or lw in ("militias",)) and lw not in _NOT_MODIFIERS:
        nxt = tokens[i + 1].group(0)
        if re.fullmatch(r"[a-z]+", nxt) and nxt not in _STOP and nxt not in ("of", "and", "more") and not _is_trigger_word(nxt):
            e = None  # "two terrorist explosions": the noun was a modifier
    if e is not None and lw in ("officers", "officer") and not _MILITARY_BEFORE.search(s.rest[: tokens[i].start()]):
        e = _victim_head("people")  # officers with no army or rebel word before them: police, officials
    if e is None or (lw in ("dead", "wounded", "injured") and s.words_seen == 0):
        return None
    if lw == "others" and (rest := _others_were(s, i + 1)) is not None:
        # "one of the dead was a fighter and the two others were \"civilians\"": the rest of a toll
        # the sentence divides, as the copula names them (a part of that toll)
        s.found(rest[0], f"victims:others-were-{rest[1]}", rest[2])
        return BREAK
    if lw in ("men", "women") and s.word(i + 1) == "and" and s.word(i + 2) in ("men", "women") and s.word(i + 2) != lw:
        s.found("people", "victims:men-and-women", tokens[i + 2].end())  # "127 elderly men and women": both
        return BREAK
    if lw in ("women", "children") and s.word(i + 1) == "and" and s.word(i + 2) in ("women", "children") and s.word(i + 2) != lw:
        s.found("civilians", "victims:women-and-children", tokens[i + 2].end())  # "five women and children were injured": civilians
        return BREAK
    if lw == "men" and i > 0 and s.word(i - 1) == "our":
        e = _victim_head("fighters")  # "five of our men": an army's or a group's own fighters, in their words
    if lw in ("guards", "guard") and i > 0 and s.word(i - 1) == "security":
        e = _victim_head("people")  # "two security guards": watchmen, not fighters (gold guide: police are people)
    if e is not None and e.value == "combatants" and i > 0 and s.word(i - 1) in ("former", "ex", "demobilised", "demobilized", "retired"):
        e = _victim_head("people")  # "seven former fighters of the FARC": who laid down their arms fight no more
    if lw in ("personnel", "staff") and i > 0 and s.word(i - 1) in _CARE_WORDS:
        e = _victim_head("people")  # "124 health personnel": who care for the wounded, not forces
    s.found(e.value, f"victims:{e.id}", tokens[i].end())
    if lw in ("volunteers", "volunteer") and (army := _FOR_THE_ARMY.match(s.rest, tokens[i].end())) is not None:
        # "volunteers fighting for the army": auxiliaries (the army named with them: their side)
        s.found("combatants", "victims:army-volunteers", army.end())
        return BREAK
    if lw in ("martyrs", "martyr"):
        s.vrule = "victims:martyrs"  # "leaving 5 martyrs": the noun says they died (see own_outcome)
    while i + 1 < len(tokens) and _victim_head(tokens[i + 1].group(0)) is not None and s.word(i + 1) not in ("others", "dead"):
        # a compound: "police personnel", "security officers"
        i += 1
        e2 = _victim_head(tokens[i].group(0))
        if lw.startswith("police") or (s.word(i) in ("members", "member") and s.victims == "people"):
            e2 = _victim_head("police")  # police personnel are people (gold guide); so are "staff members"
        s.found(e2.value, f"victims:{e2.id}", tokens[i].end())
    if lw in ("bodies", "corpses") and s.word(i + 1) == "of":
        _bodies_of(s, i + 2)
        return BREAK
    if lw in ("men", "women", "people", "persons") and (force := _OF_A_FORCE.match(s.rest, tokens[i].end())) is not None:
        # "Three men from South Sudan's armed forces were wounded": who serve in a force are its fighters
        s.found("combatants", "victims:men-of-a-force", force.end())
        return BREAK
    _members_of(s, lw, i + 1)
    return BREAK


# "from South Sudan's armed forces", "of the 3rd Infantry Battalion": a force the people counted serve in
_OF_A_FORCE = regexes.compile(r"\s+(?:from|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:armed\s+forces|army|military|security\s+forces|"
                              r"defen[cs]e\s+forces|brigade|battalion|regiment|militia|gendarmerie)\b", re.I)


def _bodies_of(s: _Scan, k: int) -> None:
    """"eight bodies of civilians killed by these ADF": the dead are who the
    bodies were (the next victim noun within three words), not "people"."""
    tokens = s.tokens
    for j in range(k, min(len(tokens), k + 3)):
        e = _victim_head(tokens[j].group(0))
        if e is not None:
            if s.word(j) in ("men", "women") and s.word(j + 1) == "and" and s.word(j + 2) in ("men", "women", "children"):
                s.found("people", "victims:bodies-of-people", tokens[j + 2].end())  # "21 bodies of men and women": both
            elif e.value != "people":
                s.found(e.value, f"victims:bodies-of-{e.id}", tokens[j].end())
            return
        if s.word(j) not in ("the", "a", "an", "its", "their", "his", "her", "local", "young", "unarmed", "innocent"):
            return


def _others_were(s: _Scan, k: int) -> tuple[str, str, int] | None:
    """(victims, entry id, end) of "(the two others) were \"civilians\"": a
    group other than people that the copula after "others" names."""
    tokens = s.tokens
    if not (k + 1 < len(tokens) and s.word(k) in ("were", "are")):
        return None
    k += 1
    while k < len(tokens) and s.word(k) in ('"', "“", "”", "'", "‘", "all", "also"):
        k += 1
    e = _victim_head(tokens[k].group(0)) if k < len(tokens) else None
    if e is None or e.value == "people":
        return None
    return e.value, e.id, tokens[k].end()


def _members_of(s: _Scan, lw: str, j: int) -> None:
    """"members of the government forces", "heads of the X group": the
    phrase runs to the end of the "of" part; for members, who they belong
    to decides ("members of the medical staff", "of a civil defence team")."""
    tokens = s.tokens
    if not (j < len(tokens) and s.word(j) == "of"):
        return
    k = j + 1
    while k < len(tokens) and k < j + 8:
        t = tokens[k].group(0)
        if not re.match(r"[\w'’]", t) or t.lower() in _STOP - {"the", "a", "an"} or _is_trigger_word(t):
            break
        if t.lower() in ("and", "or") and k + 1 < len(tokens) and _NUMBER_OR_ARTICLE.match(tokens[k + 1].group(0)):
            break  # "five members of the security forces and four civilians": another group, counted
        k += 1
    s.head_end = tokens[k - 1].end()
    if lw in ("members", "member"):
        of_words = [tokens[x].group(0).lower() for x in range(j + 1, k)]
        heads = [h for w2 in of_words if (h := _victim_head(w2)) is not None]
        armed = bool(heads) and heads[-1].value == "combatants"  # "members of a volunteer militia": the militia decides
        if (_CIVILIAN_BODY.search(" ".join(of_words)) and not armed) or (heads and not armed):
            s.victims, s.vrule = ((heads[-1].value, f"victims:members-of-{heads[-1].id}")
                                  if heads and heads[-1].value != "combatants" else ("people", "victims:members-of-civilian-body"))


def _rule_adjective(s: _Scan, w: str, lw: str) -> str | None:
    """"26 displaced people", "wounded civilians", "21 dead civilians": an adjective before the noun."""
    if (lw in ("displaced", "wounded", "injured", "dead") and s.i + 1 < len(s.tokens)
            and _victim_head(s.tokens[s.i + 1].group(0)) is not None and s.word(s.i + 1) not in ("others", "dead")):
        s.i += 1
        return NEXT
    return None


_HEDGES = ("over", "about", "nearly", "almost", "least", "mostly", "mainly", "largely")


def _rule_stop(s: _Scan, w: str, lw: str) -> str | None:
    """Another number, a verb or a stop word ends the phrase; so does "120
    mostly women": the group is not all women."""
    if ((lw in _STOP and not (w.isupper() and len(w) > 1)) or _is_trigger_word(lw) or re.fullmatch(r"\d[\d,.]*", w)
            or lw in _NUMBER_WORDS or lw in _HEDGES):
        return BREAK
    if lw == "internally" and s.word(s.i + 1) == "displaced" and (
            s.i + 2 >= len(s.tokens) or _victim_head(s.tokens[s.i + 2].group(0)) is None):
        return BREAK  # "with 800,000 internally displaced": the outcome, with no noun after it
    return None


NOUN_PHRASE_RULES = (_rule_and_ing, _rule_article_noun, _rule_punctuation, _rule_of_the, _rule_of_them,
                     _rule_both_sides, _rule_person_noun, _rule_adjective, _rule_stop)


def _scan_noun_phrase(num: NumberMention, rest: str) -> _Scan:
    s = _Scan(num, rest, list(_TOKEN.finditer(rest)))
    while s.i < len(s.tokens) and s.words_seen < 7:
        w = s.tokens[s.i].group(0)
        lw = w.lower()
        step = next((step for rule in NOUN_PHRASE_RULES if (step := rule(s, w, lw)) is not None), None)
        if step == BREAK:
            break
        if step == NEXT:
            continue
        if lw not in ("and", "more"):
            s.words_seen += 1
        s.i += 1
    return s


_ATTACKING_SIDE = regexes.compile(
    r"\s+(?:from|of|on)\s+the\s+(?:attacking|attackers['’]?|assailants['’]?|enemy|militants['’]?|insurgents['’]?|rebel|terrorists['’]?)\s+side\b"
    r"|\s+of\s+the\s+(?:attackers|assailants|militants|insurgents|rebels|jihadists|terrorists|gunmen)\b", re.I)


def _group(text: str, num: NumberMention) -> GroupMention | None:
    """The group a number counts, or None when it counts no people."""
    if any(rule(text, num) for rule in NOT_A_COUNT):
        return None
    qualifier, qrule, qstart = _qualifier(text, num.start)
    rest = text[num.end: num.end + 120]
    others = bool(re.search(r"\b(?:another|other)\s*$", text[max(0, qstart - 12): qstart], re.I))
    s = _scan_noun_phrase(num, rest)
    victims, vrule, np_end = s.victims, s.vrule, num.end
    if s.head_end is not None:
        np_end = num.end + s.head_end
    elif num.rule == "article":
        return None
    elif s.words_seen:
        # words between the number and a stop, but no person noun: "150
        # shells" is not a group; "two Shia clerics" is, if the plural noun
        # is not a thing
        head = _unknown_plural(s.tokens)
        if head is None:
            return None
        victims, vrule, np_end = "people", "victims:unknown-plural", num.end + head
    if victims is None and ("side" in rest[:40] or " of the " in rest[:12]) and (side := _ATTACKING_SIDE.match(rest)):
        # "it killed seven from the attacking side", "killing 12 of the attackers": fighters
        victims, vrule, np_end = "combatants", "victims:of-the-attackers", num.end + side.end()
    if victims is None and s.head_end is None and (part := _fronted_partitive(text, num, rest)) is not None:
        victims, vrule, np_end = part  # "Of the total death toll, 1,524 were children and 1,000 were women"
    if num.rule == "article" and victims is None:
        return None
    if victims in ("combatants", "civilians") and (mixed := _mixed_list_end(text, np_end, victims, qstart)) is not None:
        victims, vrule, np_end = "people", "victims:mixed", mixed  # "at least 10 soldiers and civilians"
    if victims == "people" and vrule in ("victims:people",) and re.match(r"\s*others?\b", rest, re.I):
        others = True
    if re.match(r"\s*(?:more\s+)?others?\b", rest, re.I):
        others = True
    side_text = text[qstart: np_end]
    tail = re.match(r"\s+on\s+the\s+[\w\s'’-]{1,40}?\bside\b", text[np_end: np_end + 60], re.I)
    if tail is None and victims == "combatants":
        tail = _OF_THEIR_GROUP.match(text[np_end: np_end + 80])  # "Eight fighters from the Christian anti-Balaka rebel group"
    if tail:
        side_text = text[qstart: np_end + tail.end()]
    return GroupMention(
        start=qstart,
        end=np_end,
        number_start=num.start,
        number_end=num.end,
        n=num.value,
        qualifier=qualifier,
        qualifier_rule=qrule,
        victims=victims,
        victims_rule=vrule,
        side_text=side_text,
        number_rule=f"number:{num.rule}",
        others=others,
    )


# "Of the total death toll, ", "Among the civilian victims, ": a whole fronted, its parts counted after it
_FRONTED_WHOLE = regexes.compile(
    r"(?:^|[.;:!?]\s+|\n)\s*(?:Of|Among)\s+(?:the|those|these|this)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?P<whole>dead|killed|victims|fatalities|wounded|injured|(?:death\s+)?toll|casualties)\b[^,.;:]{0,50},\s*"
    r"(?:(?:\d[\d,]*|[a-z]+)\s+(?:were|was|are)\s+(?:[a-z]+\s+){0,2}?[a-z]+\s*(?:,\s*|\s+and\s+|,\s+and\s+))*$", re.I)
_COPULA_GROUP = regexes.compile(r"\s+(?:were|was|are)\s+(?:all\s+)?(?P<noun>[A-Za-z]+)\b")
_FRONTED_OUTCOME = {"dead": "dead", "killed": "dead", "fatalities": "dead", "toll": "dead", "death toll": "dead",
                    "victims": "victims", "casualties": "victims", "wounded": "wounded", "injured": "wounded"}


def _fronted_partitive(text: str, num: NumberMention, rest: str) -> tuple[str, str, int] | None:
    """"Of the total death toll, 1,524 were children": the group the copula
    names, a part of the whole fronted before it (victims, their rule as
    "victims:of-the-<whole>-<entry>" so that the whole gives the outcome, and
    where the group's phrase ends)."""
    cop = _COPULA_GROUP.match(rest)
    if cop is None or (e := _victim_head(cop.group("noun"))) is None or e.value == "people":
        return None
    front = _FRONTED_WHOLE.search(text, max(0, num.start - 200), num.start)
    if front is None or front.end() != num.start:
        return None
    whole = _FRONTED_OUTCOME[" ".join(front.group("whole").lower().split())]
    return e.value, f"victims:of-the-{whole}-{e.id}", num.end + cop.end()


# the group fighters belong to, after them: whose side they are on
_OF_THEIR_GROUP = regexes.compile(r"\s+(?:from|of)\s+(?:the\s+|an?\s+)?[^,.;:]{0,50}?\b(?:group|forces|movement|militias?|brigades?|faction|"
                                  r"organi[sz]ation|army)\b", re.I)


def _unknown_plural(tokens: list[re.Match[str]]) -> int | None:
    for tok in tokens[:4]:
        w = tok.group(0)
        lw = w.lower()
        if w.endswith("ese") and w[:1].isupper() and world.demonym_as_name(w) is not None:
            return tok.end()  # "six Lebanese, among them two women": a demonym that is its own plural
        if not re.fullmatch(r"[a-z][a-z-]{2,}s", lw):
            if lw in _STOP or not re.match(r"[\w'’]", w) or _is_trigger_word(lw):
                return None
            continue
        if lw in _STOP or _is_trigger_word(lw) or lw.endswith("ss") or lw.endswith("ous"):
            return None
        if _cue_match("nonperson", lw) or lexicon.scan("weapons", lw):
            return None
        return tok.end()
    return None


@lru_cache(maxsize=16384)
def _cue_match(kind: str, word: str) -> bool:
    return any(e.values[0] == kind and e.regex.fullmatch(word) for e in lexicon.entries("cues"))


def side_of(text: str) -> tuple[str | None, str | None]:
    """The side a combatant noun phrase names, and the rule that said so."""
    hits = lexicon.scan("sides", text)
    if not hits:
        return None, None
    # ISIS and Kurdish cues are the most specific ("16 ISIL terrorists");
    # otherwise the longest cue wins
    other = [h for h in hits if h[2].value == "other"]
    start, end, e = other[0] if other else max(hits, key=lambda h: (h[1] - h[0], -h[0]))
    return e.value, f"side:{e.id}"
