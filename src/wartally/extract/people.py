"""Officials the text introduces by role and then names by surname alone.

News introduces a speaker once with a role ("said Governor Vyacheslav
Gladkov", "Moulaye Guindo, the mayor of the commune of Bankass", "Willy
Malikidogo, chief of Kilya locality") and afterwards by surname ("according
to Gladkov", "Akech said"): a figure attributed to the surname has the
role as its source.  Roles are the source lexicon's (``sources.tsv``
entries whose value holds ``{where}`` or ``{text}``).
"""
from __future__ import annotations

import re

from wartally.extract import context, lexicon
from wartally.extract import regexes
from wartally.extract.lexicon import compile_fast

_TITLE = r"(?:(?:Gen|Col|Lt|Maj|Capt|Brig|Sgt|Dr|Mr|Mrs|Ms|Prof|Gov)\.?|General|Colonel|Major|Captain|Sergeant|Lieutenant|Brigadier)"
_WORD = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*"  # "Salem", "Al-Qudra", "Abdul-Rahman"
# an office between a body and its officer's name: "WHO Director-General Tedros Adhanom Ghebreyesus"
_OFFICE = (r"(?:(?:Director[\s-]General|Secretary[\s-]General|High\s+Commissioner|[Ss]pokes(?:man|woman|person)|[Cc]hief|[Hh]ead|"
           r"[Dd]irector|[Pp]resident|[Rr]epresentative|[Cc]oordinator|[Ee]nvoy)\s+)")
_NAME_AFTER = regexes.compile(rf"\s*,?\s*{_OFFICE}?(?:{_TITLE}\s+)?(?P<name>{_WORD}(?:\s+{_WORD}){{1,3}})")
_NAME_BEFORE = regexes.compile(rf"(?P<name>{_WORD}(?:\s+{_WORD}){{1,3}}),\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){{0,4}}$")
_NOT_A_NAME = frozenset({"The", "A", "An", "In", "On", "At", "And", "But", "He", "She", "They", "It", "This", "That", "According"})
_SPEAKS_AFTER = (r"(?:\s*,\s*(?:however|meanwhile|though|in\s+turn|for\s+(?:his|her)\s+part)\s*,)?(?:\s+(?:also|later|earlier|further|first|then|(?-i:[a-z]+ly)))?"
                 r"\s+(?:said|says|told|tells|added|adds|stated|confirmed|announced|wrote|posted|reported)\b")


def introduced(sentences: list[str], country: str | None = None) -> dict[str, tuple[str, str]]:
    """Surname -> (role value, role id) for every person named right beside a
    role in ``sentences`` (the value may still hold ``{where}``), the
    lexicon's entries read as in news of ``country``."""
    out: dict[str, tuple[str, str]] = {}
    text = "\n|\n".join(sentences)  # one scan of the whole text; no name or role runs across a "|"
    # (an article of no known country: every entry, as before countries were told apart)
    scanned = lexicon.scan("sources", text, without=context.sources_not_in(country) if country else frozenset())
    for i, (s, e, ent) in enumerate(scanned):
        if context.is_role(ent.value):
            value = None
        elif context.is_body(ent):
            value = ent.value  # "WHO Director-General Tedros Adhanom Ghebreyesus", "UN spokesman Stephane Dujarric"
        else:
            continue
        name = _name_beside(text, s, e) or _speaks_next(text, e)
        if name is None:
            continue
        if ent.id in _MEMBER_ROLES and (body := _body_served(text, e, scanned[i + 1:])) is not None:
            value = body  # "Mohammad Mughayyir, a senior official with the civil defence agency": the agency
        if value is None:
            value = context.role_hit(ent.value, text, s, e, f"source:{ent.id}").value
        if ent.id == "spokesperson" and (body := _body_spoken_for(text, s, scanned[:i])) is not None:
            value = body  # "Ministry spokesman Ashraf Al-Qudra", after "Gaza's health ministry said": the ministry
        out.setdefault(name.split()[-1], (value, ent.id))
    return out


# roles that say only that someone works for a body named right after them ("an official with the civil defence agency",
# "a spokesman for the provincial police"): the body is the source
_MEMBER_ROLES = frozenset({"officials", "spokesperson"})
_OF_THE = regexes.compile(r"\s+(?:with|of|at|from|for|in)\s+(?:the\s+|an?\s+)?", re.I)


def _body_served(text: str, e: int, after: list[tuple[int, int, lexicon.Entry]]) -> str | None:
    """The source named right after a role that ends at ``e``, joined by "with",
    "of", "at", "from" or "for" ("a senior official with the civil defence
    agency" → Gaza civil defence, where the article's place); None when none is."""
    of = _OF_THE.match(text, e)
    if of is None or not after or after[0][0] != of.end():
        return None
    hs, he, ent = after[0]
    if ent.id in _MEMBER_ROLES:
        return None
    return context.role_hit(ent.value, text, hs, he, f"source:{ent.id}").value if context.is_role(ent.value) else ent.value


_HEAD_BEFORE = regexes.compile(r"(?P<head>[A-Z][a-z]+)\s+$")


def _body_spoken_for(text: str, s: int, before: list[tuple[int, int, lexicon.Entry]]) -> str | None:
    """The body a spokesman at ``s`` speaks for when only its head word
    comes before him ("Ministry spokesman"): the last source before
    (``before``: the lexicon's finds ahead of him) whose words hold that
    word ("Gaza's health ministry" → Gaza Health Ministry)."""
    head = _HEAD_BEFORE.search(text, max(0, s - 20), s)
    if head is None or context.BARE_HEAD.fullmatch(head.group("head")) is None:
        return None
    word = head.group("head").lower()
    found = None
    for hs, he, ent in before:
        if he <= head.start() and word in text[hs:he].lower() and ent.id != "spokesperson":
            found = context.role_hit(ent.value, text, hs, he, f"source:{ent.id}").value if context.is_role(ent.value) else ent.value
    return found


# "..., according to Jonglei State Minister of Information. Deng Akech said about twelve others
# have been wounded": a role that ends its sentence unnamed, and a full name that speaks first
# thing in the next one
_ROLE_ENDS = regexes.compile(r"[\s,]*[.!]?\s*\n\|\n")
_SPEAKS_FIRST = regexes.compile(rf"(?:{_TITLE}\s+)?(?P<name>{_WORD}(?:\s+{_WORD}){{1,2}}){_SPEAKS_AFTER}")


def _speaks_next(text: str, e: int) -> str | None:
    end = _ROLE_ENDS.match(text, e)
    if end is None:
        return None
    m = _SPEAKS_FIRST.match(text, end.end())
    if m is None or m.group("name").split()[0] in _NOT_A_NAME:
        return None
    return m.group("name")


def _name_beside(text: str, s: int, e: int) -> str | None:
    after = _NAME_AFTER.match(text, e)
    if after and after.group("name").split()[0] not in _NOT_A_NAME:
        return after.group("name")
    before = _NAME_BEFORE.search(text, max(0, s - 80), s)
    if before and before.group("name").split()[0] not in _NOT_A_NAME:
        return before.group("name")
    return None


_SPEAKING_NAME = compile_fast(rf"\baccording\s+to\s+(?:(?:Mr|Mrs|Ms|Dr|Gen|Col)\.?\s+)?(?P<a>[A-Z][a-z'’-]+)\b|"
                            rf"\b(?P<b>[A-Z][a-z'’-]+){_SPEAKS_AFTER}|\b(?:said|says|told)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<c>[A-Z][a-z'’-]+)\b")


def may_name_again(text: str) -> bool:
    """Whether a text has any capitalised word that speaks ("Akech said",
    "according to Gladkov"): only then is it worth reading who it introduced."""
    return _SPEAKING_NAME.search(text) is not None


def named_again(text: str, people: dict[str, tuple[str, str]]) -> list[context.Hit]:
    """Role hits for the surnames of ``people`` that speak in ``text``
    ("according to Gladkov", "Akech said", "said Mr Hayat")."""
    out = []
    for surname, (value, role_id) in people.items():
        if surname not in text:
            continue
        name = rf"(?:(?:Mr|Mrs|Ms|Dr|Gen|Col)\.?\s+)?{re.escape(surname)}\b"
        for m in re.finditer(rf"\baccording\s+to\s+(?P<n>{name})|(?P<s>{name}){_SPEAKS_AFTER}|\b(?:said|says|told)\s+(?P<t>{name})", text):
            group = next(g for g in ("n", "s", "t") if m.group(g))
            out.append(context.Hit(m.start(group), m.end(group), value, f"source:{role_id}#{0 if group == 'n' else 1}"))
    return sorted(out, key=lambda h: h.start)
