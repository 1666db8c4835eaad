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
from wartally.geo.names import ARTICLES, distance, fold, skeleton, words

MAX_WORDS = 6
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’ʿ`](?=[^\W\d_]))*")
_FUNCTION_WORDS = frozenset("a an the this that these those in on at of for by with from to and or but as is was "
                            "are were be it its his her their our my your".split())
_JOIN_CHARS = " -‐"  # two words joined by one or two of these are one name
# a word of _WORD (not the tail of one) that starts with a letter that is not
# ASCII lower-case, or that is an Arabic article; the Python side then keeps
# the capitalised words and the articles
_ARTICLE_ALT = "|".join(sorted(ARTICLES, key=len, reverse=True))
_CANDIDATE = re.compile(
    # the first character first (a cheap test that fails at most positions):
    # a capital, a non-ASCII letter, or the first letter of an article
    r"(?=[A-Z" + "".join(sorted({a[0] for a in ARTICLES})) + r"\u00c0-\U0010ffff])"
    r"(?<![^\W\d_])(?<![^\W\d_]['’ʿ`])"
    rf"(?=[^\W\d_a-z]|(?i:{_ARTICLE_ALT})(?![^\W\d_]|['’ʿ`][^\W\d_]))" + _WORD.pattern)


# (the hyphen before it first: the regex engine then skips to each hyphen instead
# of trying the look-behind at every position; the particle is group 1)
_PARTICLE = re.compile(r"-(?<=[^\W\d_]-)([a-z]{1,3})(?=-[^\W\d_])")
# "Rio de Janeiro", "Ciudad del Este", "Santa Cruz de la Sierra": a Romance
# particle between two capitalised words of a name, spaced (the space before
# it first, for the same reason; the particle is group 1)
_SPACED_PARTICLE = re.compile(r" (?<=[^\W\d_] )(de|da|do|dos|das|del|della|di|du|des|la|le|los|las)(?= (?:la |las |los |le )?[A-Z\u00c0-\u00de])")
_NAME_PARTICLES = frozenset("de da do dos das del della di du des la le los las".split())
_SPACED_GATE = re.compile(r" d[aeiou]| l[ae]")  # every _SPACED_PARTICLE match holds one: a cheap test first


@lru_cache(maxsize=262144)
def _key(surface: str) -> str:
    return fold(surface)


@lru_cache(maxsize=262144)
def _skel(surface: str) -> str:
    return skeleton(surface)


def _near_spelling(key: str, skel: str, gaz) -> bool:
    """A skeleton match counts only when the spelling is close (edit
    distance ≤ 2) to a Syrian place with that skeleton: "Kinsafra" ~
    Kansafra, but "Center" is not Qantara."""
    return any(e.cc == "SY" and distance(key, fold(e.name)) <= 2 for e in gaz.by_skeleton(skel))


def _stopped(surface: str, stop: frozenset[str]) -> bool:
    """A stop-listed surface ("Has", "al-Assad", "White House") or a short
    all-capitals word ("NGO")."""
    low = surface.lower()
    if low in stop or (surface.isupper() and len(surface) <= 3):
        return True
    bare = " ".join(words(surface))
    return bare in stop


@lru_cache(maxsize=262144)
def _stopped_surface(surface: str) -> bool:
    """``_stopped`` against the loaded gazetteer's stop list (a pure function
    of the surface, memoised like the name keys)."""
    return _stopped(surface, load().stoplist)


@lru_cache(maxsize=262144)
def _is_toponym(surface: str, several_words: bool) -> bool:
    """Whether a candidate surface is a findable gazetteer name (by its fold
    key, or by its consonant skeleton when it is long or of several words
    and spelt close to a Syrian place) and not on the stop list; a pure
    function of its arguments and the shipped gazetteer, so memoised."""
    gaz = load()
    key = _key(surface)
    if key not in gaz.findable:
        if not (several_words or len(key) >= 6):
            return False
        skel = _skel(surface)
        if skel not in gaz.findable_skeletons or not _near_spelling(key, skel, gaz):
            return False
    return not _stopped_surface(surface)  # (asked only about a name that would be a hit)


_KIND_WORDS = frozenset("state province region county district city town village oblast governorate division "
                        "municipality camp prefecture department local kebele woreda tehsil township commune "
                        "sub-county subcounty lga".split())
_NEIGHBOURS = frozenset({"TR", "IQ", "LB", "JO", "IL", "PS"})


@lru_cache(maxsize=65536)
def _weak(surface: str) -> bool:
    """Whether every place a one-word name may be is a small place or a
    second-level unit far from Syria: such a name next to another
    capitalised word is more likely part of a person's or an organisation's
    name ("Ivan Fedorov", "Kofi Annan", "Lake Chad") than a place."""
    found = load().by_key(_key(surface))
    if not found and (" " in surface or "-" in surface):
        return False  # several words found by a Syrian place's spelling skeleton ("Khan-Shaikhoun"): never weak
    return all(e.cc != "SY" and e.cc not in _NEIGHBOURS and e.feature not in ("country", "admin1")
               and e.population < 100_000 for e in found)


def _in_name_run(text: str, words: list[tuple[int, int, str]], caps: list[bool], i: int, k: int | None = None) -> bool:
    """Whether the words ``i``..``k`` (``k``: ``i`` when not given) are
    joined by one space to a capitalised word on either side that is
    neither a function word nor a kind word ("Borno State", "Barkin Ladi
    Local Government Area")."""
    k = i if k is None else k
    for j in (i - 1, k + 1):
        if 0 <= j < len(words) and not caps[j] and words[j][2] in _NAME_PARTICLES:
            far = j - 1 if j < i else j + 1  # "Lula da Silva": the name goes on past its particle
            if 0 <= far < len(words) and caps[far]:
                return True
            continue
        if not 0 <= j < len(words) or not caps[j]:
            continue
        a, b = (words[j][1], words[i][0]) if j < i else (words[k][1], words[j][0])
        w = words[j][2].lower()
        if text[a:b] == " " and w not in _FUNCTION_WORDS and w not in _KIND_WORDS:
            return True
    return False


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Gazetteer toponyms in ``text``: (start, end, surface) triples in text
    order, longest match first, not overlapping."""
    if not text:
        return []
    # only the words a toponym can hold (capitalised ones and Arabic articles),
    # found by the regex engine instead of a Python loop over every word:
    # two of them are adjacent in a mention only when the text between them
    # is a join, so skipping the other words changes nothing
    words: list[tuple[int, int, str]] = []
    caps: list[bool] = []
    for m in _CANDIDATE.finditer(text):
        w = m.group(0)
        end = m.end()
        if len(w) > 3 and w[-2] in "'’" and w[-1] == "s":
            w, end = w[:-2], end - 2  # "Libya's": the name without its possessive
        head = w[0]  # a letter: _WORD starts with one
        cap = head.isupper() or not head.isascii() and not head.islower()
        if cap or w.lower() in ARTICLES:
            words.append((m.start(), end, w))
            caps.append(cap)
    particles = [(m.start(1), m.end(1), m.group(1)) for m in _PARTICLE.finditer(text)] if "-" in text else []
    if _SPACED_GATE.search(text):
        particles += [(m.start(1), m.end(1), m.group(1)) for m in _SPACED_PARTICLE.finditer(text)]
    if particles:
        # "Port-au-Prince", "Bandar-e-Abbas", "Rio de Janeiro": a short particle inside a name
        merged = sorted([*zip(words, caps), *((p, False) for p in particles)], key=lambda wc: wc[0][0])
        words, caps = [w for w, _ in merged], [c for _, c in merged]
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(words)
    # whether word k and word k + 1 are joined (by one or two spaces or hyphens), each gap tested once
    # (one or two characters between them, each a space or a hyphen: plain string operations, not a regex a gap)
    joined = [0 < words[k + 1][0] - words[k][1] <= 2 and not text[words[k][1]:words[k + 1][0]].strip(_JOIN_CHARS)
              for k in range(n - 1)]
    while i < n:
        s0, e0, w0 = words[i]
        if not caps[i] and not (i + 1 < n and text[e0:e0 + 1] == "-"):
            i += 1
            continue
        hit = None
        after = i + 1  # where to go on when no toponym starts here
        j = i
        while j + 1 < n and j - i + 1 < MAX_WORDS and joined[j]:
            j += 1
        for k in range(j, i - 1, -1):  # longest first
            last = words[k][2]
            if not caps[k] or (k > i and last.lower() in _FUNCTION_WORDS):
                continue
            if k > i and w0.lower() in _FUNCTION_WORDS:
                continue
            surface = text[s0:words[k][1]]
            if k == i and len(surface) < 3:
                continue
            if _is_toponym(surface, k > i):
                if (k == i or w0.lower() not in ARTICLES) and _in_name_run(text, words, caps, i, k) and _weak(surface):
                    after = k + 1  # the rest of a person's name is no place either ("San" of "Aung San Suu Kyi")
                    break  # "Ivan" of "Ivan Fedorov", "Aung San" of "Aung San Suu Kyi": no place
                hit = (s0, words[k][1], surface, k)
                break
        if hit:
            out.append(hit[:3])
            i = hit[3] + 1
        else:
            i = after
    return out


@lru_cache(maxsize=2)
def _geo_words(name: str) -> dict:
    """One word table of data/geo (not_where.json, mention_words.json), read once."""
    import json
    from importlib import resources
    with (resources.files("wartally") / "data" / "geo" / name).open(encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def _units() -> str:
    """The units of distance of data/geo/not_where.json, as a regex alternation (longest first)."""
    return "|".join(sorted(map(re.escape, _geo_words("not_where.json")["distance_units"]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _distance_unit() -> re.Pattern[str]:
    """Any unit of distance, at a word's end ("30km" too)."""
    return re.compile(rf"(?:{_units()})\b", re.I)


@lru_cache(maxsize=1)
def _distance_before() -> re.Pattern[str]:
    """A distance and a direction right before a name ("30 km north of ",
    "324 kilometers (200 miles) northeast of "), from data/geo/not_where.json
    (distance units and amounts) and data/geo/mention_words.json (directions)."""
    units = _units()
    amounts = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _distance_amounts()), key=len, reverse=True))
    directions = "|".join(sorted(map(re.escape, _geo_words("mention_words.json")["directions"]), key=len, reverse=True))
    # "the capital", "the Central African Republic capital", "the country's capital": up to four words before "capital"
    capital = r"(?:[\w'’.-]+\s+){0,4}?(?:national\s+|state\s+|provincial\s+)?capital\s*,?\s+"
    return re.compile(rf"(?:(?P<n>\d[\d,.]*)|\b(?P<words>{amounts}))\s*(?P<unit>{units})\b(?:\s*\([^()]{{0,30}}\))?\s+"
                      rf"(?:to\s+the\s+)?(?:(?:{directions})\s+)?"
                      rf"(?:of|from|outside)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+|{capital})?$", re.I)


@lru_cache(maxsize=1)
def _distance_amounts() -> dict[str, float]:
    """Spelled and vague amounts of distance ("hundreds of" → 300), from data/geo/not_where.json."""
    table = _geo_words("not_where.json")["distance_amounts"]
    return {" ".join(k.split()): float(v) for k, v in table.items() if not k.startswith("_")}


def measured_from(text: str, start: int) -> float | None:
    """How far, in km, the text puts something from the toponym at
    ``start`` when it is a point a distance is measured from ("about 324
    kilometers (200 miles) northeast of Mandalay" → 324.0); None when it is
    not."""
    window = text[max(0, start - 110): start]
    if _distance_unit().search(window) is None:
        return None  # (no unit of distance: most toponyms, read without the long pattern)
    m = _distance_before().search(window)
    if m is None:
        return None
    if m.group("words"):
        n = _distance_amounts().get(" ".join(m.group("words").lower().split()))
    else:
        try:
            n = float(m.group("n").replace(",", "").rstrip("."))
        except ValueError:
            n = None
    if n is None:
        return None
    return n * 1.609 if m.group("unit").lower().startswith("mi") else n


def by_spelling_only(name: str) -> bool:
    """Whether a name find_places flags is no gazetteer name as written, only
    one spelt close to a Syrian place ("Nasser" ~ Nasra)."""
    return _key(name.strip()) not in load().findable


def is_place(name: str) -> bool:
    """Whether a name (as written) is a gazetteer toponym that find_places
    would flag."""
    if not name or not name.strip():
        return False
    name = name.strip()
    found = find_places(name)
    return bool(found) and found[0][0] == 0 and found[0][1] == len(name)
