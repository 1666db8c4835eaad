"""Numbers as news writes them: digits with commas ("2,117"), decimals with
scale words ("1.5 million"), words ("Fifty-one", "two hundred and
eighty-eight", "a dozen", "a quarter of a million") and the article "a"/"one"
before a singular person noun ("a woman", "one child").

``find_numbers`` never raises; it returns every number mention with its
character offsets and value.  Vague amounts ("dozens", "hundreds of
thousands") are not numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from wartally.extract.lexicon import Lowered, compile_fast
from wartally.extract import regexes

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SPECIAL = {"dozen": 12, "a dozen": 12, "half a dozen": 6, "a score": 20}
FRACTION_OF_SCALE = {"a quarter of a": 0.25, "quarter of a": 0.25, "half a": 0.5, "a half": 0.5, "three quarters of a": 0.75}

_WORD = r"(?:%s)" % "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
# a run of number words joined by spaces, hyphens and "and"
_WORDS_RE = Lowered(compile_fast(
    rf"\b{_WORD}(?:(?:[\s-]+|\s+and\s+){_WORD})*\b",
    re.IGNORECASE,
))
# (the first digit first, then the look-behind over it: the regex engine skips to
# each digit instead of trying the look-behind at every position; group 1 is
# "\d{1,3}(?:,\d{3})+|\d+", tried in that order)
_DIGITS_RE = regexes.compile(
    # (the high end of a range written with a hyphen, "100-300 people", after the low end's digits)
    r"(\d(?:(?<![\w.,/:-]\d)|(?<=(?<![\w.,/:-])\d-\d)|(?<=(?<![\w.,/:-])\d\d-\d)|(?<=(?<![\w.,/:-])\d\d\d-\d))"
    # ("90 000 people": a space between thousands, as French and UN copy write them; "1,4 million": a decimal comma)
    r"(?:\d{0,2}(?:,\d{3})+|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d*))(?:\.(\d+)|,(\d{1,2})(?=\s*(?:million|billion)\b))?"
    r"(?:\s*(million|billion|thousand|m|bn|k)\b)?(?![\w/:%]|[.,]\d)",
    re.IGNORECASE,
)
_DIGIT = regexes.compile(r"\d")
_SPECIAL_RE = regexes.compile(
    r"\b(half a dozen|a dozen|a score)\b(?!s)(?:\s+of\b)?",
    re.IGNORECASE,
)
# "two dozen" (24), "nearly three dozen"
_N_DOZEN_RE = regexes.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+dozen\b(?!s)", re.IGNORECASE)
_FRACTION_RE = regexes.compile(
    r"\b(a quarter of a|three quarters of a|half a|a half)\s+(million|thousand|hundred)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    value: int
    text: str
    rule: str  # digits | words | special | fraction | article


def words_to_int(text: str) -> int | None:
    """Value of a run of English number words, or None if it is not one.

    >>> words_to_int("two hundred and eighty-eight")
    288
    >>> words_to_int("Fifty-one")
    51
    """
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    if not tokens:
        return None
    total = 0
    current = 0
    seen = False
    for tok in tokens:
        if tok in UNITS:
            if current % 10 and current % 100 >= 10 and current % 100 < 20:
                return None  # "twelve three"
            current += UNITS[tok]
            seen = True
        elif tok in TENS:
            if current % 100:
                return None  # "five twenty"
            current += TENS[tok]
            seen = True
        elif tok in SCALES:
            scale = SCALES[tok]
            if not seen and current == 0:
                current = 1
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
            seen = True
        else:
            return None
    return total + current


def _scale(word: str | None) -> int:
    if not word:
        return 1
    w = word.lower()
    return {"million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "thousand": 1000, "k": 1000}[w]


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention in ``text``, sorted by position, non-overlapping."""
    found: list[NumberMention] = []
    low = text.lower()  # (cheap tests first: a word every match of a pattern holds)
    for m in _FRACTION_RE.finditer(text) if "half" in low or "quarter" in low else ():
        value = int(FRACTION_OF_SCALE[m.group(1).lower()] * SCALES[m.group(2).lower()])
        found.append(NumberMention(m.start(), m.end(), value, m.group(0), "fraction"))
    for m in _N_DOZEN_RE.finditer(text) if "dozen" in low else ():
        n = m.group(1)
        found.append(NumberMention(m.start(), m.end(), 12 * (int(n) if n.isdigit() else UNITS[n.lower()]), m.group(0), "special"))
    for m in _SPECIAL_RE.finditer(text) if "dozen" in low or "score" in low else ():
        found.append(NumberMention(m.start(), m.start() + len(m.group(1)), SPECIAL[m.group(1).lower()], m.group(1), "special"))
    for m in _DIGITS_RE.finditer(text) if _DIGIT.search(text) else ():
        whole = int(re.sub(r"[,\s]", "", m.group(1)))
        frac = m.group(2) or m.group(3)
        scale = _scale(m.group(4))
        if frac and scale == 1:
            continue  # a decimal without scale ("3.5") is not a head count
        value = int(round((whole + (float("0." + frac) if frac else 0.0)) * scale))
        found.append(NumberMention(m.start(), m.end(), value, m.group(0), "digits"))
    for m in _WORDS_RE.finditer(text):
        raw = m.group(0)
        # trailing "and" is not part of the number
        value = words_to_int(raw)
        if value is None:
            continue
        # plural scale words alone ("hundreds") never match the pattern, but
        # "thousands of" would through "thousand"; guard the suffix
        if text[m.end(): m.end() + 1].lower() == "s":
            continue
        found.append(NumberMention(m.start(), m.end(), value, raw, "words"))
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    result: list[NumberMention] = []
    last_end = -1
    for n in found:
        if n.start >= last_end:
            result.append(n)
            last_end = n.end
    return result
