"""Pairing: which outcome (killed / injured / displaced) each group mention
in a sentence was given, and which mentions are subsets of others.

"15 people were killed" (the trigger follows), "killed 15 people" (it comes
before), "killed two men and wounded five others" (each number takes the
verb right before it), "more than 160 civilians and more than 460 fighters
... have been killed" (coordinated numbers share a verb), "including 67
children" (a subset of the figure before it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from wartally.extract import lexicon
from wartally.extract.mentions import GroupMention, own_outcome
from wartally.extract.lexicon import compile_fast
from wartally.extract import regexes

_PRE_GAP = regexes.compile(
    r"^(?:[\s,]|\b(?:a|an|another|further|additional|total|of|the|some|also|and|reportedly|nearly|estimated|least|at|than|more|over|almost|up|to|as|many|around|about|roughly|approximately|no|fewer|less|including|them|all|both|those|herself|himself|themselves|itself"
    r"|family)\b)*$",  # ("killed a family of five")
    re.I,
)
_POST_BLOCK = compile_fast(
    r"\bin\s+addition\s+to\b|\b(?:he|she|they|it|we)\b|(?<!well )\bas\b(?! well)|\b(?:said|says|say|told|according|when|after|while|but|because|which|who|whom|where|if|whether|although|though|killing|wounding|injuring)\b|[;:?!]|\.\s",
    re.I,
)
_AUX_ONLY = regexes.compile(
    r"^(?:\s|\b(?:more|others?|were|was|have|has|had|been|are|is|being|also|reportedly|all|later|subsequently|now|since|already|confirmed|reported|both|(?-i:[a-z]{3,}ly))\b)*$",  # (and adverbs: "were summarily executed")
    re.I,
)
_SUBSET_BEFORE = compile_fast(
    r"(?:\b(?:including|among\s+them|among\s+whom|of\s+whom|include[sd]?|incl\.|mostly|mainly|most\s+of\s+them|among\s+the\s+\w+\s+were)\s*[-–,:]?\s*|[-–]\s*including\s+)$",
    re.I,
)
# a list of parts in progress between a group and the next one ("25 civilians, including women and a child, were killed")
_SUBSET_LIST = regexes.compile(r"\s*[,(-–]\s*(?:including|among\s+them)\s+[a-z][a-z\s,]{0,40}?\s(?:and|,)\s*", re.I)
_PASSIVE_BEFORE = regexes.compile(r"\b(?:were|was|been|be|being|are|is|get|got)\s+(?:\w+ly\s+|also\s+|all\s+)?$", re.I)
_RELATIVE = regexes.compile(r"(?:,\s*|\s+)(?:who|which|whose)\b[^,]{0,120},")  # (the opening comma may be missing:
# "11 members of one family who were returning from a wedding, lost their lives")
# the same with no commas (FA-KES strips them): "nine members ... who were working in the
# clinic were also killed": the relative clause runs up to the main clause's auxiliary
_RELATIVE_BARE = regexes.compile(r"^\s*(?:who|which)\s+(?:were|was|had|have|are)\b[^,.;]{0,80}?(?=\s(?:were|was|had\s+been|have\s+been)\s)")
# "five soldiers who were wounded": the verb is the relative clause's own (unless the main
# clause goes on with one of its own: "three people who had been injured died")
_WHO_AUX = regexes.compile(r"^\s*(?:who|that)\s+(?=(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?$)")
_DEFINITE_BEFORE = regexes.compile(r"\b(?:the|these|those|among)\s+$", re.I)  # (and "They were among 39 people who died": the parts' whole, told again)
_WHO_FINITE = regexes.compile(r"\s*,?\s*(?:who|that)\s+(?:(?:had|have|has|later|subsequently|also|all|reportedly)\s+)*", re.I)
_COORD_ONLY = regexes.compile(r"^\s*(?:,\s*(?:and\s+)?|(?:and|as\s+well\s+as|plus|or|along\s+with)\s+)(?:(?:his|her|their)\s+)?\s*$", re.I)
# "23 civilians - including nine children - and 16 fighters": the dash closes the subset
_SUBSET_CLOSED = regexes.compile(r"\s[-–—)]\s*(?:and|,|as\s+well\s+as)\s*$", re.I)
_COORD_BEFORE = compile_fast(r"(?:\band|,|\bas\s+well\s+as|\bplus|\balong\s+with)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    outcome: str
    direction: str
    rule: str


@dataclass(slots=True)
class Paired:
    group: GroupMention
    outcome: str
    trigger: Trigger
    parent: int | None  # index into the sentence's paired list
    how: str  # pre | post | coordinated | subset


# a number of people said to live somewhere ("putting the 2.3 million people living in Gaza under a total siege")
POPULATION_MIN = 10_000  # "the 15 people living in the house were killed" is a toll; a town's people are no figure
# ("Some 80,000 people lived in Nyanzale town": who lived there, in the past tense too)
_LIVING_IN = regexes.compile(r"\s*,?\s*(?:who\s+)?(?:(?:had\s+)?liv(?:e|es|ed|ing)|resid(?:e|es|ed|ing)|dwell(?:s|ed|ing)?)\s+(?:in|on|inside|across)\b", re.I)

def triggers(text: str) -> list[Trigger]:
    out = []
    for s, e, entry in lexicon.scan("outcomes", text):
        out.append(Trigger(s, e, entry.values[0], entry.values[1], f"outcome:{entry.id}"))
    return out


def _cue(kind: str, text: str) -> bool:
    for e in lexicon.entries("cues"):
        if e.values[0] == kind and e.searcher.search(text):
            return True
    return False


def pair(text: str, groups: list[GroupMention], trigs: list[Trigger], *, toll_context: bool,
         victims_dead: bool = False) -> list[Paired]:
    """Paired figures in one sentence, in text order; ``victims_dead``: the
    figure told just before counts the dead, so "Among the victims are 50
    children" counts dead children."""
    out: list[Paired] = []
    index_of: dict[int, int] = {}
    among_next: list[int] = []  # "ten children were among at least 48 people killed": paired after the 48
    for gi, g in enumerate(groups):
        if _is_among_next(text, groups, gi):
            among_next.append(gi)
            continue
        if g.victims_rule.startswith(OTHERS_WERE) and (whole := _partitive_before(groups, gi)) is not None:
            # "one of the dead was a fighter and the two others were civilians": two of the dead
            g = replace(g, victims_rule=f"victims:of-the-{whole}-{g.victims_rule[len(OTHERS_WERE):]}")
        paired = _self_paired(g)
        if paired is None:
            if (_cue("population", text[max(0, g.start - 25): g.start]) and not _who_fled(text, g, trigs)) or (
                    g.n >= POPULATION_MIN and _LIVING_IN.match(text, g.end)):
                continue  # "home to 3 million people", "the 2.3 million people living in Gaza": who live there
                # (not "home to another 116,000 people who fled gang violence": who shelter there, displaced)
            paired = _paired_by_verb(text, g, groups, trigs, out, toll_context=toll_context, victims_dead=victims_dead)
        if paired is not None:
            out.append(paired)
            if paired.how != "self":
                index_of[gi] = len(out) - 1
    for gi in among_next:
        whole = index_of.get(gi + 1)
        if whole is not None and groups[gi].n < out[whole].group.n:
            # a part of the figure it is among (appended after it: a part's parent comes first)
            out.append(Paired(groups[gi], out[whole].outcome, out[whole].trigger, whole, "subset"))
            index_of[gi] = len(out) - 1
    return out


OTHERS_WERE = "victims:others-were-"  # (mentions: "the two others were civilians")


def _partitive_before(groups: list[GroupMention], gi: int) -> str | None:
    """The whole ("dead", "victims", ...) a partitive group before this one
    in the sentence divides ("one of the dead was ..."), or None."""
    for h in reversed(groups[:gi]):
        if h.victims_rule.startswith("victims:of-the-") and len(parts := h.victims_rule.split("-")) >= 4:
            return parts[2]
    return None


def _is_among_next(text: str, groups: list[GroupMention], gi: int) -> bool:
    """"ten children were among at least 48 people killed": the group is a
    part of the next one (a part of a part stays where it is)."""
    g = groups[gi]
    return (g.victims is not None and gi + 1 < len(groups) and _AMONG_NEXT.fullmatch(text, g.end, groups[gi + 1].start) is not None
            and not _SUBSET_BEFORE.search(text[max(0, g.start - 30): g.start]))


def _self_paired(g: GroupMention) -> Paired | None:
    """A group that names its own outcome: the suicide bomber's act ("blew
    himself up"), "eleven of the dead were women" (a part of a figure
    before), "leaving 5 martyrs"."""
    if g.number_rule == "number:suicide-bomber":
        return Paired(g, "killed", Trigger(g.start, g.end, "killed", "post", "outcome:suicide-bomber"), None, "self")
    if (named := own_outcome(g.victims_rule)) is not None:
        rule = "outcome:martyrs" if g.victims_rule == "victims:martyrs" else "outcome:partitive"
        return Paired(g, named, Trigger(g.start, g.end, named, "post", rule), None, "self")
    return None


def _pre_trigger(text: str, g: GroupMention, trigs: list[Trigger], victims_dead: bool = False) -> tuple[Trigger, str] | None:
    """The verb right before the group ("killed 15 people"), with the gap between."""
    for t in reversed(trigs):
        # ("Among the victims were 18 children" of a hospital's 56 treated: victims are not always the dead, only
        # after a count of the dead)
        among = (t.rule == "outcome:among-dead" and (victims_dead or not text[t.start: t.end].lower().endswith("victims"))) \
            or _AMONG_BEFORE.search(text, max(0, t.start - 30), t.start) is not None
        if t.end <= g.start and among and t.direction == "post":
            copula = _AMONG_COPULA.match(text, t.end)
            if copula is None or copula.end() > g.start:
                continue
        if t.end <= g.start and (t.direction in ("pre", "both") or among):
            if t.direction == "both" and _PASSIVE_BEFORE.search(text[max(0, t.start - 30): t.start]):
                return None  # "were killed, 7 soldiers ...": a passive verb takes no object
            gap = text[t.end: g.start]
            if (t.rule == "outcome:among-dead" or _AMONG_BEFORE.search(text, max(0, t.start - 30), t.start)) \
                    and (copula := _AMONG_COPULA.match(gap)):
                gap = gap[copula.end():]  # "Among the dead were a woman and her two children", "Among the 1,311 dead are 833 Druze"
            return (t, gap) if _PRE_GAP.match(gap) and len(gap) < 60 else None
    return None


_AMONG_BEFORE = regexes.compile(r"\bamong\s+(?:the\s+|those\s+)?(?:[\d,]+\s+)?$", re.I)
_AMONG_COPULA = regexes.compile(r"(?:\s+(?:in|at|on|from|of)\s+[^,.;:]{1,50}?)?\s*,?\s*(?:were|was|are|is)\b", re.I)


def _post_trigger(text: str, g: GroupMention, groups: list[GroupMention], trigs: list[Trigger]) -> tuple[Trigger, str] | None:
    """The verb after the group ("15 people were killed"), with the gap between;
    a breakdown in brackets right after the group is passed over ("another
    845 (624 men, 179 women and 42 children) were injured")."""
    if "(" in text[g.end: g.end + 3] and (breakdown := _BREAKDOWN.match(text, g.end)) is not None:
        g = replace(g, end=breakdown.end())
    t = next((t for t in trigs if t.start >= g.end and t.direction in ("post", "both")
              and not (text[t.end: t.end + 1] == ")" and _PAREN_OPEN.fullmatch(text, g.end, t.start))), None)
    if t is None:
        return None
    if t.direction == "both" and text[t.start: t.end].lower().endswith("ing"):
        return None  # "A gunman opened fire, killing ...": the group before a participle is its agent
    gap = text[g.end: t.start]
    if "(" in gap:
        gap = _PAREN_ACRONYM.sub("", gap)  # "30 internally displaced persons (IDPs) were killed": the name's short form
    gap = _RELATIVE_BARE.sub(",", _RELATIVE.sub(",", gap))  # ", who succumbed to her wounds ... ,"
    if _WHO_AUX.match(gap) and not any(t2.start >= t.end and re.fullmatch(r"[^,.;]{0,40}", text[t.end: t2.start])
                                       for t2 in trigs if t2 is not t):
        gap = _WHO_AUX.sub(" ", gap)
    if t.outcome == "displaced" and _WHO_FLED.fullmatch(gap) and _FLED_FROM_WHAT.match(text, t.end):
        gap = " "  # "another 116,000 people who fled gang violence in previous months": the displaced, by what they fled
    if _WHO_FINITE.fullmatch(gap) and t.direction == "post" and t.rule != "outcome:lives" \
            and not _DEFINITE_BEFORE.search(text, max(0, g.start - 7), g.start):  # (not "a man who lives in Aleppo")
        # (not "The five persons who lost their lives have since been buried": a figure told before)
        gap = " "  # "eight people who sustained serious wounds", "the 30 people who died": the relative clause's verb is theirs
    if len(gap) > 100 or _POST_BLOCK.search(gap) or _cue("hypothetical", gap):
        return None
    passive = _AUX_ONLY.match(gap) and re.search(r"\b(?:were|was|been|are|is|being|got)\b", gap, re.I)
    if t.direction == "both" and _active(text, t, groups) and not passive:
        return None
    nxt = next((h for h in groups if g.end <= h.start < t.start), None)
    if nxt is not None and not _COORD_ONLY.match(text[g.end: nxt.start]) and not _SUBSET_BEFORE.search(text[g.end: nxt.start]) \
            and not _SUBSET_LIST.fullmatch(text, g.end, nxt.start) and not nxt.victims_rule.startswith("victims:of-them-"):
        return None  # another number stands between, not joined by "and"
    if nxt is not None and not text[nxt.end: t.start].strip() and _FINITE_AFTER.match(text, t.end):
        return None  # "700 people including 47 wounded had crossed": the word is the part's own
    return t, gap


def _who_fled(text: str, g: GroupMention, trigs: list[Trigger]) -> bool:
    """Whether the group is followed by "who fled <violence, their homes ...>"."""
    return any(t.outcome == "displaced" and t.start >= g.end and _WHO_FLED.fullmatch(text, g.end, t.start)
               and _FLED_FROM_WHAT.match(text, t.end) for t in trigs)


_WHO_FLED = regexes.compile(r"\s*,?\s*who\s+(?:had\s+|have\s+|recently\s+)*", re.I)
# what the displaced fled: violence, fighting, their homes ("who fled the attack" is no displacement of its own)
_FLED_FROM_WHAT = regexes.compile(r"\s+(?:the\s+|their\s+|gang\s+|armed\s+|recent\s+|ongoing\s+)*(?:violence|fighting|clashes|war|conflict|homes?|"
                                  r"insecurity|attacks|bombardment|bombing|shelling|offensive|country|region|area|city|town|villages?)\b", re.I)


# a breakdown of a count in brackets, numbers inside ("(624 men, 179 women and 42 children)")
_BREAKDOWN = regexes.compile(r"\s*\((?=[^()]{0,20}\d)[^()]{1,160}\)")
# a short form in brackets right after a group ("displaced persons (IDPs)"): part of its name, not a verb of its own
_PAREN_OPEN = regexes.compile(r"\s*\(\s*")
_PAREN_ACRONYM = regexes.compile(r"^\s*\(\s*[A-Z][A-Za-z]{1,9}\s*\)")

_INSIDE_GAP = regexes.compile(r"\s+(?:(?:more|other|newly|seriously|critically|severely|badly|lightly|slightly)\s+)?", re.I)


def _participle_inside(text: str, g: GroupMention, trigs: list[Trigger], groups: list[GroupMention]) -> Trigger | None:
    """An outcome participle between a group's number and its noun ("16 injured
    people", "20 wounded civilians", "12,000 displaced persons"): the group's own
    (not "an injured woman" in a picture's caption: a number stated as a number)."""
    if g.number_rule == "number:article":
        return None
    for t in trigs:
        if t.end <= g.start and g.start - t.end < 80 and not re.search(r"[.;]", text[t.end: g.start]) \
                and t.direction in ("pre", "both") and not _held_by_another_group(t, g, groups):
            # "claiming the lives of ... a family of six displaced people": a verb before says what befell them
            # (not another group's participle: "three wounded soldiers and two dead rebels")
            return None
        if g.number_end < t.start and t.end <= g.end and _INSIDE_GAP.fullmatch(text, g.number_end, t.start) \
                and (re.fullmatch(r"[\w-]*(?:ed|dead)", text[t.start: t.end], re.I) and t.end < g.end or t.rule == "outcome:idps"):
            return t
    return None


def _choose(g: GroupMention, pre: tuple[Trigger, str] | None, post: tuple[Trigger, str] | None) -> tuple[tuple[Trigger, str] | None, str]:
    """The verb before or the verb after, and which."""
    if pre and post:
        if g.victims is None and re.fullmatch(r"\s*(?:more|others?)?\s*", post[1], re.I):
            return post, "post"  # "10 civilians killed 15 injured": a bare number right before its verb
        if re.search(r"\band\b", pre[1], re.I) and _AUX_ONLY.match(post[1]):
            return post, "post"
        if "," in pre[1] and re.fullmatch(r"\s*,\s*", pre[1]) and _AUX_ONLY.match(post[1]) \
                and re.search(r"\b(?:were|was|had\s+been|have\s+been)\b", post[1], re.I):
            return post, "post"  # "Besides the 13 soldiers killed, 15 were wounded": the next clause's own verb
        return pre, "pre"
    if pre:
        return pre, "pre"
    if post:
        return post, "post"
    return None, ""


def _held_by_another_group(t: Trigger, g: GroupMention, groups: list[GroupMention]) -> bool:
    """Whether the verb is a participle inside another group ("two dead rebels")."""
    return any(h.start <= t.start and t.end <= h.end for h in groups if h is not g)


def _another_group_between(t: Trigger, g: GroupMention, groups: list[GroupMention]) -> bool:
    """Whether another group stands between a group and a verb (or holds the verb)."""
    if _held_by_another_group(t, g, groups):
        return True
    if t.start >= g.end:
        return any(g.end <= h.start <= t.start for h in groups if h is not g)
    return any(t.start <= h.start and h.end <= g.start for h in groups if h is not g)


def _paired_by_verb(text: str, g: GroupMention, groups: list[GroupMention], trigs: list[Trigger], out: list[Paired],
                    *, toll_context: bool, victims_dead: bool = False) -> Paired | None:
    """The group paired with a verb before or after it, as a part of a
    figure before it, or coordinated with the group before it; None when it
    is none of these."""
    subset = bool(_SUBSET_BEFORE.search(text[max(0, g.start - 30): g.start])) or g.victims_rule.startswith("victims:of-them-")
    pre = _pre_trigger(text, g, trigs, victims_dead)
    if pre and pre[0].rule == "outcome:toll-update" and not toll_context:
        pre = None
    chosen, how = _choose(g, pre, _post_trigger(text, g, groups, trigs))
    if (chosen is None or _another_group_between(chosen[0], g, groups)) and (inner := _participle_inside(text, g, trigs, groups)) is not None:
        # "16 injured people", "five dead soldiers"; "left three wounded soldiers and two dead rebels": a
        # participle with another group between is that group's, not this one's
        chosen, how = (inner, ""), "inside"
    if chosen is not None and chosen[0].rule == "outcome:condition" and g.victims_rule.startswith("victims:of-"):
        return None  # "Two of the wounded were in critical condition": the state of some already counted
    parent_idx = None
    if subset and _head_is_no_figure(text, g, groups, out):
        return None  # "six people were missing, including two soldiers": parts of a count that is no figure
    if subset or (out and _COORD_BEFORE.search(text[max(0, g.start - 12): g.start]) and out[-1].how == "subset"
                  and not _SUBSET_CLOSED.search(text[out[-1].group.end: g.start])):
        parent_idx = _parent(out, g)
    if chosen is None:
        return _paired_without_verb(text, g, trigs, out, subset, parent_idx)
    trig, gap = chosen
    hyp_window = text[max(0, trig.start - 30): trig.start] if how == "pre" else gap + " " + text[trig.end: trig.end + 20]
    if _cue("hypothetical", hyp_window):
        return None
    if how == "post" and trig.outcome == "injured" and (died := _LATER_DIED.match(text, trig.end)) is not None:
        # "One other woman, found alive with gunshot wounds, later died under medical care": hurt, then dead
        trig = Trigger(trig.start, trig.end + died.end() - trig.end, "killed", "post", "outcome:later-died")
    if parent_idx is not None and out[parent_idx].outcome != trig.outcome:
        parent_idx = None if trig is not out[parent_idx].trigger else parent_idx
    return Paired(g, trig.outcome, trig, parent_idx, "subset" if parent_idx is not None else how)


# the hurt who died after: "... with gunshot wounds, later died", "was wounded and died later in hospital"
_LATER_DIED = regexes.compile(r"[^.;:!?]{0,40}?\b(?:(?:later|subsequently|eventually|then)\s+(?:died|succumbed)|died\s+(?:later|of\s+(?:his|her|their)\s+(?:wounds|injuries)))\b", re.I)


# ("and 14 people remain missing": a state of their own, not the verb before)
_OWN_VERB = regexes.compile(r"\s+(?:(?:was|were|is|are|has|have|had)\s+(?!been\s+(?:killed|wounded|injured))\w+|"
                            r"(?:still\s+)?remain(?:s|ed)?\s+(?:missing|unaccounted|captive|in\s+captivity|detained|held)\b)", re.I)
# (and a family: "a second mother with her six children")
_ALONGSIDE = regexes.compile(r"\b(?:alongside|together\s+with)\b", re.I)
_COORDINATION = regexes.compile(r"\b(?:and|as\s+well\s+as|plus|along\s+with|together\s+with|alongside)\b|^\s*,\s*$|,\s*$|^\s+with\s+(?:his|her|their)\s+$", re.I)


def _paired_without_verb(text: str, g: GroupMention, trigs: list[Trigger], out: list[Paired], subset: bool,
                         parent_idx: int | None) -> Paired | None:
    """A group with no verb of its own: a part of the figure before it
    ("including 67 children"), a part whose verb came earlier, or a group
    coordinated with the one before it ("... were killed and seven Asayesh
    fighters")."""
    if parent_idx is not None:
        p = out[parent_idx]
        return Paired(g, p.outcome, p.trigger, parent_idx, "subset")
    if subset:
        t = next((t for t in reversed(trigs) if t.end <= g.start and t.direction in ("pre", "both")), None)
        return Paired(g, t.outcome, t, None, "subset") if t is not None and g.start - t.end < 80 else None
    if not out or out[-1].group.end > g.start:
        return None
    gap = text[out[-1].group.end: g.start]
    own_verb = _OWN_VERB.match(text[g.end: g.end + 40])
    if (own_verb and out[-1].how == "pre" and g.number_rule == out[-1].group.number_rule == "number:article"
            and re.fullmatch(r"\s+and\s+", gap, re.I) and own_verb.group(0).split()[0].lower() in ("were", "are", "have", "had")):
        own_verb = None  # "the bodies of a man and a woman were found": one verb for both
    # a list of single people may carry a longer description ("a candidate running for
    # a seat in the provincial assembly, his driver and a guard")
    limit = 70 if g.number_rule == "number:article" and re.search(r"(?:,|\band)\s*$", gap) else 40
    if g.number_rule == "number:article" and _ALONGSIDE.search(gap):
        return None  # "another ranger was killed alongside a suspected militant in a shootout": who he fought beside
    coordinated = len(gap) < limit and not own_verb and _COORDINATION.search(gap) and not _POST_BLOCK.search(gap) \
        and not (("ing" in gap or "ed" in gap) and _OTHER_VERB_BEFORE.search(gap))
    if coordinated or _gapped_verb(text, g, out[-1]):
        p = out[-1]
        return Paired(g, p.outcome, p.trigger, p.parent, "coordinated")
    return None


# "70 people were killed in the village of X and 30 others in Y": the verb of the group before, left out before a place
_PLACE_THEN_AND = regexes.compile(r"\s+(?:in|at|near)\s+[^,.;:\d]{1,60}?\s+and\s+(?:another\s+)?$", re.I)
_OWN_PLACE_AFTER = regexes.compile(r"\s+(?:(?:more|others?|people|civilians|villagers|persons)\s+)?(?:in|at|near)\s+(?:the\s+(?:village|town|city|district|camp)\s+of\s+)?(?-i:[A-Z])",
                                   re.I)


def _gapped_verb(text: str, g: GroupMention, before: Paired) -> bool:
    """Whether ``g`` shares the verb of the group before, told with a place
    of each ("70 people were killed in the village of Tchombangou and 30
    others in Zaroumdareye"): the earlier group's verb follows it, then its
    place, then "and" and this group with a place of its own."""
    t = before.trigger
    return (t is not None and before.how == "post" and before.group.end <= t.start and t.end <= g.start
            and _PLACE_THEN_AND.fullmatch(text, t.end, g.start) is not None and _OWN_PLACE_AFTER.match(text, g.end) is not None)


# a verb of its own, not an outcome, right before a coordinated group: "wounding a resident and abducting three others"
_OTHER_VERB_BEFORE = regexes.compile(
    r"\b(?:abduct|kidnapp|arrest|detain|captur|seiz|tak|hold|rescu|free|releas|sav)(?:ing|ed)\s+(?:at\s+least\s+|some\s+|about\s+)?$",
    re.I)


_AMONG_NEXT = regexes.compile(r"\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?", re.I)


_OBJECT_GAP = regexes.compile(r"^(?:\s|\b(?:a|an|another|further|additional|the|some|at|least|more|than|over|almost|nearly|around|about|up|to|as|many)\b)*$", re.I)


_FINITE_AFTER = regexes.compile(r"\s+(?:had|have|has|were|was|are|is)\b", re.I)
# "and wounded dozens of others": a vague amount as the object (not "killed dozens injured", a list)
_VAGUE_OBJECT = regexes.compile(r"\s+(?:(?:dozens|scores|hundreds|thousands)\s+of|(?:many|several|numerous)\s+(?:others|more|people|civilians))\b", re.I)


def _active(text: str, t: Trigger, groups: list[GroupMention]) -> bool:
    """Is this verb active, with a number right after it as its object
    (or a vague amount: "and wounded dozens of others")?"""
    if _VAGUE_OBJECT.match(text, t.end):
        return True
    for g in groups:
        if g.start >= t.end:
            if g.victims is None and _LIST_NEXT.match(text[g.end: g.end + 30]):
                return False  # "Three people killed five injured": a list, not an object
            return _OBJECT_GAP.match(text[t.end: g.start]) is not None and g.start - t.end < 30
    return False


_LIST_NEXT = compile_fast(r"\s*(?:more\s+|others?\s+)?(?:injured|wounded|hurt|dead|killed|displaced)\b", re.I)


_LIST_GAP = regexes.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)


def _head_is_no_figure(text: str, g: GroupMention, groups: list[GroupMention], out: list[Paired]) -> bool:
    """Whether the parts list ``g`` opens or continues ("..., including two
    soldiers, one policeman and ...") hangs on a count whose state is no
    outcome ("six people were missing", "12 others were abducted"): the
    parts are of that count, not of a figure before it."""
    before = [h for h in groups if h.end <= g.start]
    i = len(before) - 1
    while i > 0 and _LIST_GAP.fullmatch(text, before[i].end, (before[i + 1] if i + 1 < len(before) else g).start):
        i -= 1  # back over the parts listed before this one
    if i < 0:
        return False
    head = before[i]
    nxt = before[i + 1] if i + 1 < len(before) else g
    if head.n <= g.n or nxt.start - head.end > 80:
        return False
    return _NO_FIGURE_STATE.match(text, head.end, nxt.start) is not None and not any(p.group is head for p in out)


# a count's own state that is no outcome, between it and its parts ("six people were missing, including ...")
_NO_FIGURE_STATE = regexes.compile(
    r"\s+(?:others?\s+|more\s+)?(?:were|are|was|is|remain(?:ed|s)?|have\s+been|had\s+been)\s+(?:still\s+)?"
    r"(?:missing|unaccounted\s+for|abducted|kidnapped|arrested|detained|captured|rescued|taken\s+hostage|held)\b"
    r"[^.;!?]{0,40}?,?\s*(?:including|among\s+them|among\s+whom|of\s+whom)\b", re.I)


def _parent(out: list[Paired], g: GroupMention) -> int | None:
    for i in range(len(out) - 1, -1, -1):
        p = out[i]
        if p.how == "subset" and p.parent is not None:
            continue
        if p.group.n > g.n:
            return i
        return None
    return None
