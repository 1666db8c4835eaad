"""How the scorer compares names: places across transliterations, governorates
across OCHA and common spellings, sources and actors without case, spacing,
hyphens, apostrophes and Arabic articles.  Pure functions of strings."""
from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources
from difflib import SequenceMatcher
from functools import cache

from wartally.data.tables import governorates
from wartally.extract import world

# Arabic article before a word: "al-", "el-", "Al ", sun-letter forms "ar-", "ash-", ...
_ARTICLE = re.compile(r"(?<![a-z])(?:al|el|a[dnrstz]|ash|adh|ath)[-\u2010\u2011'’](?=[a-z])|(?<![a-z])(?:al|el) (?=[a-z])")
_NOT_LETTER = re.compile(r"[^a-z0-9]+")
_VOWELS = re.compile(r"[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")
# consonant spellings that transliterations swap
_CONSONANTS = (("kh", "k"), ("q", "k"), ("dh", "d"), ("th", "t"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("ou", "u"), ("w", "u"), ("j", "g"), ("z", "s"))


def fold(text: str) -> str:
    """Lower case, accents removed, curly apostrophes made straight."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().replace("’", "'").replace("‘", "'").replace("ʿ", "'").replace("ʾ", "'").strip()


def squash(name: str) -> str:
    """A name without case, spaces, hyphens, apostrophes, punctuation and
    Arabic articles: "Aleppo local authorities" → "aleppolocalauthorities"."""
    return _NOT_LETTER.sub("", _ARTICLE.sub("", fold(name)))


def skeleton(name: str) -> str:
    """The consonant skeleton of a transliterated name: "Maaret al-Numan" and
    "Maarrat al-Numan" both → "mrtnmn"."""
    words = [w for w in _NOT_LETTER.split(_ARTICLE.sub("", fold(name))) if w]
    out = []
    for word in words:
        for a, b in _CONSONANTS:
            word = word.replace(a, b)
        word = _REPEATS.sub(r"\1", word)
        out.append(word[0] + _VOWELS.sub("", word[1:]))
    return "".join(out)


def same_place(gold: str | None, pred: str | None) -> bool:
    """True when two place names differ only in transliteration."""
    if not gold or not pred:
        return False
    g, p = squash(gold), squash(pred)
    if not g or not p:
        return False
    if g == p or skeleton(gold) == skeleton(pred):
        return True
    return SequenceMatcher(None, g, p).ratio() >= 0.85


@cache
def _admin1_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for g in governorates():
        for name in (g.name, g.pcode, *g.spellings):
            table[squash(name)] = g.name
    return table


def canonical_admin1(name: str | None) -> str | None:
    """The gold guide's name of a governorate given any spelling of it
    ("Idleb" → "Idlib", "Rural Damascus" → "Rif Dimashq"); None if unknown."""
    if not name:
        return None
    key = squash(re.sub(r"(?i)\bgovernorate\b|\bprovince\b", "", name))
    return _admin1_table().get(key)


@cache
def _world_admin1_english() -> dict[str, str]:
    """Beyond Syria: a first-level unit's source spelling -> its common English name, squashed
    (data/geo/admin1_english.json: "Hudaydah" -> "Hodeidah", "Ninawa" -> "Nineveh")."""
    raw = json.loads(resources.files("wartally.data").joinpath("geo", "admin1_english.json").read_text(encoding="utf-8"))
    return {squash(alias): squash(english) for cc, names in raw.items() if not cc.startswith("_")
            for alias, english in names.items()}


def same_admin1(gold: str | None, pred: str | None) -> bool:
    """Equal governorates, or (gold guide, Beyond Syria) the usual variants of a
    unit's name: "Al Hudaydah" ~ "Hodeidah", "Ninawa" ~ "Nineveh"."""
    if not gold or not pred:
        return False
    g, p = canonical_admin1(gold), canonical_admin1(pred)
    if g and p:
        return g == p
    sg, sp = squash(re.sub(r"(?i)\b(?:governorate|province|region|state|oblast)\b", "", gold)), \
        squash(re.sub(r"(?i)\b(?:governorate|province|region|state|oblast)\b", "", pred))
    if sg == sp or squash(gold) == squash(pred):
        return True
    english = _world_admin1_english()
    return english.get(sg, sg) == english.get(sp, sp)


def _words(name: str) -> list[str]:
    text = re.sub(r"'s\b", "", fold(name)).replace("'", "")  # possessive, then apostrophes
    return [w for w in _NOT_LETTER.split(_ARTICLE.sub("", text)) if w]


def _contains(longer: list[str], shorter: str) -> bool:
    """Whether whole words of ``longer`` in a row squash to ``shorter``
    (so "UN" is not found inside "municipality")."""
    for i in range(len(longer)):
        joined = ""
        for word in longer[i:]:
            joined += word
            if joined == shorter:
                return True
            if len(joined) >= len(shorter):
                break
    return False


def same_source(gold: str | None, pred: str | None) -> bool:
    """Names equal without case, spaces, hyphens, apostrophes and Arabic
    articles, or one containing the other in whole words: "Aleppo local
    authorities" ~ "local authorities"."""
    if not gold or not pred:
        return False
    g, p = squash(gold), squash(pred)
    if not g or not p:
        return False
    if g == p or _contains(_words(pred), g) or _contains(_words(gold), p) or _holds_most_words(gold, pred):
        return True
    fg, fp = _country_folded(gold), _country_folded(pred)
    if fg == gold and fp == pred:
        return False
    # a state's body by its country's name or its adjective ("Cameroon army", gold guide) ~ "Cameroonian army
    # spokesman"; "Congo's military" ~ "Congolese military": the same body; and a state's army, military
    # and armed forces are one ("Pakistan army" ~ "Pakistani military": a state's forces speaking for themselves)
    fg, fp = _FORCES.sub("army", fg), _FORCES.sub("army", fp)
    g, p = squash(fg), squash(fp)
    return g == p or _contains(_words(fp), g) or _contains(_words(fg), p) or _holds_most_words(fg, fp)


_FORCES = re.compile(r"\b(?:military|armed\s+forces)\b", re.I)


def _country_folded(name: str) -> str:
    """``name`` with each country's name or demonym written as its ISO code."""
    if not any(c.isupper() for c in name):
        return name
    out = name
    for start, end, iso, _ in reversed(world.country_words(name)):
        out = out[:start] + iso + out[end:]
    return out


def _holds_most_words(gold: str, pred: str) -> bool:
    """The gold guide's rule for officials named by role: a source whose words
    hold most of gold's ("regional governor Oleh Syniehubov" for "Kharkiv
    regional governor": two of three)."""
    wanted = set(_words(gold))
    return len(wanted) >= 2 and len(wanted & set(_words(pred))) * 2 > len(wanted)


def split_actors(actors: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if not actors:
        return []
    if isinstance(actors, str):
        actors = actors.split(";")
    return [a.strip() for a in actors if a and a.strip()]


def names_every_actor(gold: str | None, pred: str | list[str] | None) -> bool:
    """True when every ``;``-separated gold actor is among the predicted ones."""
    wanted = split_actors(gold)
    named = split_actors(pred)
    return bool(wanted) and all(any(same_source(w, n) for n in named) for w in wanted)


def same_word(gold: str | None, pred: str | None) -> bool:
    """Categories (weapon, qualifier, side, country) compared without case,
    spacing, hyphens or a plural ``s``: "barrel-bombs" ~ "barrel bomb"."""
    if gold is None or pred is None:
        return False
    g, p = squash(str(gold)), squash(str(pred))
    return bool(g) and g.rstrip("s") == p.rstrip("s")
