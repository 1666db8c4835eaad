"""Finding gazetteer toponyms in running text.

Word n-grams (up to six words, joined by spaces or hyphens) that start and
end with a capitalised word are folded and looked up in the gazetteer's set
of findable names, longest first.  Inner words may be lower-case Arabic
articles ("Maarat al-Numan", "Deir ez-Zor"), and a mention may start with
one ("al-Rai").  Single words on the stop list (English words that are also
places somewhere: "Has", "Just", "Of", "Al") are never flagged.
"""
from __future__ import annotations

import re
from functools import lru_cache

from wartally.geo.gazetteer import load
from wartally.geo.names import ARTICLES, fold

MAX_WORDS = 6
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’ʿ`](?=[^\W\d_]))*")
_JOIN = re.compile(r"[ \-‐]{1,2}")


@lru_cache(maxsize=262144)
def _key(surface: str) -> str:
    return fold(surface)


def _capitalised(word: str) -> bool:
    head = word.lstrip("'’ʿ`")
    return bool(head) and (head[0].isupper() or not head[0].isascii() and not head[0].islower())


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Gazetteer toponyms in ``text``: (start, end, surface) triples in text
    order, longest match first, not overlapping."""
    if not text:
        return []
    gaz = load()
    findable, stop = gaz.findable, gaz.stoplist
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(words)
    while i < n:
        s0, e0, w0 = words[i]
        lead_article = w0.lower() in ARTICLES and i + 1 < n and text[e0:e0 + 1] == "-"
        if not (_capitalised(w0) or lead_article):
            i += 1
            continue
        hit = None
        j = i
        while j + 1 < n and j - i + 1 < MAX_WORDS and _JOIN.fullmatch(text[words[j][1]:words[j + 1][0]]):
            j += 1
        for k in range(j, i - 1, -1):  # longest first
            last = words[k][2]
            if not _capitalised(last):
                continue
            inner = words[i + 1:k]
            if any(not _capitalised(w) and w.lower() not in ARTICLES for _, _, w in inner):
                continue
            surface = text[s0:words[k][1]]
            if k == i and (surface.lower() in stop or len(surface) < 3):
                continue
            if surface.lower() in stop:
                continue
            if _key(surface) in findable:
                hit = (s0, words[k][1], surface, k)
                break
        if hit:
            out.append(hit[:3])
            i = hit[3] + 1
        else:
            i += 1
    return out


def is_place(name: str) -> bool:
    """Whether a name (as written) is a gazetteer toponym that find_places
    would flag."""
    if not name or not name.strip():
        return False
    name = name.strip()
    found = find_places(name)
    return bool(found) and found[0][0] == 0 and found[0][1] == len(name)
