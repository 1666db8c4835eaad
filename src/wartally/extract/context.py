"""Who said it, who did it, with what, and where: the sentence-level context
a figure takes its source, actor, weapon and place from."""
from __future__ import annotations

import re
from dataclasses import dataclass

from wartally.extract import lexicon

_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|saying|reported|reports|report|according\s+to|told|estimates?|estimated|documented|recorded|counted|confirmed|announced|stated|acknowledged|put\s+the|added|cited|quoted|monitors?|tallied|claimed|accused)\b",
    re.I,
)
_ORG = re.compile(
    r"(?P<org>(?:[A-Z][\w'’.-]*\s+){0,5}(?:Command|Ministry(?:\s+of\s+[A-Z]\w+)?|Agency|Center|Centre|Council|Committee|Network|Organi[sz]ation|Office|Department|Authority|Authorities|Directorate|Police|Hospital|Group|Observatory|Foundation|Association|Union|Society|Commission|Institute|Watch|Media\s+Cent(?:er|re)|News)(?:\s+(?:of|for)\s+(?:[A-Z][\w'’-]*\s*){1,4})?)",
)
_ORG_ATTR = re.compile(
    rf"(?:according\s+to\s+(?:a\s+source\s+(?:at|in|from)\s+)?(?:the\s+)?{_ORG.pattern}|(?:a\s+source\s+(?:at|in|from)\s+)?(?:the\s+)?{_ORG.pattern.replace('org', 'org2')}\s*(?:,[^,]{{0,60}},\s*)?(?:said|says|reported|told|announced|stated))",
)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    value: str
    rule: str


def sources_in(text: str) -> list[Hit]:
    """Attributed sources in a sentence.  A source counts only when the
    sentence attributes something ("said", "according to", "reported")."""
    if not _ATTRIBUTION.search(text):
        return []
    hits = [Hit(s, e, ent.value, f"source:{ent.id}") for s, e, ent in lexicon.scan("sources", text)]
    if hits:
        return _rank_sources(text, hits)
    m = _ORG_ATTR.search(text)
    if m:
        org = (m.group("org") or m.group("org2") or "").strip()
        s = m.start("org") if m.group("org") else m.start("org2")
        return [Hit(s, s + len(org), org, "source:named-organisation")]
    return []


def _rank_sources(text: str, hits: list[Hit]) -> list[Hit]:
    def score(h: Hit) -> tuple[int, int]:
        after = text[h.end: h.end + 70]
        before = text[max(0, h.start - 20): h.start]
        direct = bool(re.match(r"^(?:[^.;]{0,60}?)\b(?:said|says|say|reported|reports|told|estimates|estimated|documented|recorded|confirmed|announced|acknowledged|put|added|stated)\b", after, re.I))
        according = bool(re.search(r"according\s+to\s+(?:the\s+)?$", before, re.I))
        return (0 if (direct or according) else 1, h.start)

    return sorted(hits, key=score)


def actors_in(text: str, exclude: list[tuple[int, int]]) -> list[Hit]:
    out: list[Hit] = []
    for s, e, ent in lexicon.scan("actors", text):
        if any(s < xe and xs < e for xs, xe in exclude):
            continue
        out.append(Hit(s, e, ent.value, f"actor:{ent.id}"))
    return out


def weapons_in(text: str, exclude: list[tuple[int, int]]) -> list[Hit]:
    order = {ent.id: i for i, ent in enumerate(lexicon.entries("weapons"))}
    out = []
    for s, e, ent in lexicon.scan("weapons", text):
        if any(s < xe and xs < e for xs, xe in exclude):
            continue
        out.append(Hit(s, e, ent.value, f"weapon:{ent.id}"))
    out.sort(key=lambda h: order[h.rule.split(":", 1)[1]])
    return out
