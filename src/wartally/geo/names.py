"""Name keys for transliteration-aware toponym matching.

Two keys are made from a name:

``fold``
    lower case, diacritics and ʿayn/hamza marks removed, Arabic articles
    (al-, el-, ash-, as-, an-, ...) dropped, words run together, doubled
    letters collapsed, and the common transliteration variants mapped to one
    spelling (ou/oo → u, ee → i, q → k, ch → sh, kh → h, Kfar/Kafar → kafr,
    a final -ah/-eh → -a/-e).  "Maarat al-Numan", "Ma'arrat an-Nu'man" and
    "Maaret al-Numan" differ only in vowels after folding.

``skeleton``
    the fold with the inner vowels (and w, y) removed: "maratnuman",
    "maretnuman" → "mrtnmn".  Looser; used only when no fold key matches,
    and candidates found through it are ranked by edit distance on the fold.

Arabic-script names get their own fold (hamza forms of alif unified, ta
marbuta → ha, the article ال dropped, diacritics removed).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ARTICLES = frozenset(
    "al el il ul as es ash esh an en ad ed ar er az ez at et ath eth adh edh".split()
)
_MARKS = dict.fromkeys(map(ord, "ʿʾʻʼʽ'`’‘´ʹ′"), None)
_SPECIAL = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "æ": "ae", "đ": "d", "ł": "l", "ð": "d", "þ": "th"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_KAFR = {"kfar": "kafr", "kafar": "kafr", "kefr": "kafr", "kfr": "kafr", "kefar": "kafr", "kufr": "kafr"}
_SUN = "tdrzslnsh"
_SKELETON_MAP = (("th", "t"), ("dh", "d"), ("gh", "g"), ("ph", "f"), ("sh", "s"), ("c", "k"), ("j", "g"))
_VOWELS = re.compile(r"[aeiouyw]+")
_AR_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_AR_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})


_DOUBLE = re.compile(r"(.)\1", re.S)
_RUN = re.compile(r"(.)\1+", re.S)


def _undouble(word: str) -> str:
    """Doubled letters collapsed: "maarrat" → "marat"."""
    return _RUN.sub(_first, word) if _DOUBLE.search(word) else word


def _first(m: re.Match[str]) -> str:
    return m.group(1)


def is_arabic(text: str) -> bool:
    """Whether the text contains Arabic script."""
    return bool(_ARABIC.search(text))


def ascii_fold(text: str) -> str:
    """Lower-case ASCII: diacritics and apostrophe-like marks removed."""
    text = text.translate(_MARKS)
    if text.isascii():  # nothing to decompose (the common case, and a hot path)
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """The folded words of a name, Arabic articles removed (a name that is
    only an article keeps it)."""
    if text.isascii() and text.isalpha():  # one plain word (the hot path): nothing to split
        low = text.lower()
        return [_KAFR.get(low, low)]
    toks = [t for t in _NON_ALNUM.split(ascii_fold(text)) if t]
    out: list[str] = []
    for i, tok in enumerate(toks):
        if tok in ARTICLES and i + 1 < len(toks):
            continue
        if i > 0 and len(tok) > 4 and tok[0] in "ae" and tok[1] in _SUN and tok[2] == tok[1]:
            tok = tok[2:]  # "Deir Ezzor" → "zzor", "Ras Ennaqoura"
        out.append(_KAFR.get(tok, tok))
    return out or toks


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    """One folded word (memoised: the same words recur in every article)."""
    word = word.replace("ou", "u").replace("oo", "u").replace("ee", "i")
    word = word.replace("kh", "h").replace("ch", "sh").replace("q", "k")
    word = _undouble(word)
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]
    return word


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """The fold key of a name (see the module docstring)."""
    if text.isascii() and text.isalpha():
        # one plain word (most candidate mentions): what words() would give, without its regexes
        low = text.lower()
        return _fold_word(_KAFR.get(low, low))
    if is_arabic(text):
        return arabic_fold(text)
    return "".join(_fold_word(w) for w in words(text))


@lru_cache(maxsize=262144)
def skeleton(text: str) -> str:
    """The consonant skeleton of a name: its fold without inner vowels."""
    key = fold(text)
    if not key or is_arabic(key):
        return key
    for a, b in _SKELETON_MAP:
        key = key.replace(a, b)
    head, rest = key[0], key[1:]
    if head in "aeiouyw":
        head = "a"
    return _undouble(head + _VOWELS.sub("", rest))


def arabic_fold(text: str) -> str:
    """The fold key of an Arabic-script name."""
    text = _AR_DIACRITICS.sub("", unicodedata.normalize("NFKC", text)).translate(_AR_MAP)
    out = []
    for w in re.split(r"[\s\-_/]+", text):
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        if w:
            out.append(w)
    return "".join(out)


@lru_cache(maxsize=65536)
def distance(a: str, b: str) -> int:
    """Levenshtein distance between two short strings."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
