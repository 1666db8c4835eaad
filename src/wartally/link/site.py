"""The site an article is about: "Ras Isa fuel port", "Zamzam camp".

Reports of one attack on a camp, a port or a hospital name that site, but
the extractor may give their tolls no place, the dateline's city ("Port
Sudan") or the province, and the gazetteer rarely holds a camp or a port.
A capitalised name right before a site noun ("Zamzam camp", "Yemen's Ras
Isa fuel port") or right after one ("an oil port, called Ras Isa")
names a site (patterns.json ``site_nouns``); less country names and
demonyms ("Sudan refugee camp" names no site).  The site an article names
most, its title counting twice, is its site; its key is transliteration-
blind (the caller's key, ``unit.place_key``: "Zam Zam" = "Zamzam").
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Collection

from wartally.extract.lexicon import compile_fast
from wartally.extract.world import country_words
from wartally.link.lexicon import load

_NAME = r"((?:[A-Z][\w'’-]*|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]*|al-[\w'’-]+)){0,2})"
_LEADING = re.compile(r"^(?:The|A|An|In|At|On|Near|From|Of)\s+")
_ONLY_LEADING = re.compile(r"^(?:The|A|An|In|At|On|Near|From|Of)$")  # "The hotel's manager" names no site
_POSSESSIVE = re.compile(r"^.*(?:'s|’s)\s+")


@functools.cache
def _site_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a site noun, a name right before one, a name after "called"): the
    nouns are found first, then the names around each, so that the text is
    scanned once for the nouns rather than tried for a name at every word."""
    nouns = "|".join(load("patterns")["site_nouns"])
    # (the nouns with compile_fast's look-ahead for their first letters: the same matches, found faster)
    # (nouns in any case: a site's own name is often written with it, "the Hayat Hotel", "Al-Shifa Hospital")
    return (compile_fast(rf"\b(?:{nouns})\b", re.IGNORECASE),
            re.compile(rf"(?<![\w'’-]){_NAME}(?:'s|’s)?\s+$"),
            re.compile(rf",?\s+(?:called|named|known\s+as|of)\s+{_NAME}"))


NAME_REACH = 60  # characters before a site noun searched for the name that ends right before it


def site_names(text: str) -> list[str]:
    """The site names ``text`` gives, in order ("Ras Isa", "Zamzam")."""
    noun, name_before, name_after = _site_patterns()
    out = []
    for m in noun.finditer(text):
        before = name_before.search(text, max(0, m.start() - NAME_REACH), m.start())
        after = None if before else name_after.match(text, m.end())
        found = before or after
        if found is None:
            continue
        name = _LEADING.sub("", _POSSESSIVE.sub("", found.group(1) or ""))
        words = country_words(name)
        # a country or a people before the noun is no site ("Sudan refugee camp", "Yemeni port")
        if not name or _ONLY_LEADING.match(name) or (words and words[0][0] == 0):
            continue
        out.append(name)
    return out


def main_site(title: str | None, text: str | None, place_key: Callable[[str], str | None],
              cities: Collection[str] = ()) -> str | None:
    """The site the article names most (its title's names count twice; ties
    to the first named), as ``place_key`` of its name; None when it names
    none.  ``cities``: keys of the cities the article's counts are placed
    at: a name among them before a site noun is the city's ("Mogadishu
    hotel"), so when the article also names a site of its own ("the Hayat
    Hotel") that one is its site."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for weight, part in ((2, title or ""), (1, text or "")):
        for name in site_names(part):
            key = place_key(name)
            if key:
                counts[key] += weight
                first.setdefault(key, len(first))
    if not counts:
        return None
    own = [k for k in counts if k not in cities] or list(counts)
    return max(own, key=lambda k: (counts[k], -first[k]))
