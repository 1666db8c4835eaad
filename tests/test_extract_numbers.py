"""Numbers as news writes them: ``wartally.extract.numbers``.

Table-driven cases from the seed and FA-KES texts, and property tests: any
integer written with thousands separators, and any integer below a million
written out in English words, reads back as itself.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wartally.extract.numbers import find_numbers, words_to_int

# (text, [(value, raw text)]) — every number mention find_numbers must return
NUMBERS = [
    ("Fifty-one pro-government fighters had been killed", [(51, "Fifty-one")]),
    ("two hundred and eighty-eight civilians", [(288, "two hundred and eighty-eight")]),
    ("a dozen people were wounded", [(12, "a dozen")]),
    ("half a dozen fighters", [(6, "half a dozen")]),
    ("more than a quarter of a million people have been killed", [(250_000, "a quarter of a million")]),
    ("1.5 million people have fled", [(1_500_000, "1.5 million")]),
    ("more than 10 million displaced across the war-battered country", [(10_000_000, "10 million")]),
    ("Another 2,117 people have been injured", [(2117, "2,117")]),
    ("Almost 1,000 people reported dead", [(1000, "1,000")]),
    ("roughly 270,000 people have been displaced", [(270_000, "270,000")]),
    ("around 400000 people have been killed", [(400_000, "400000")]),
    ("Seventeen government troops and allied militia", [(17, "Seventeen")]),
    ("twenty-eight heads of the Ahrar al-Sham militant group", [(28, "twenty-eight")]),
    ("killed two men and wounded five others, including two children", [(2, "two"), (5, "five"), (2, "two")]),
    ("10 civilians killed 15 injured", [(10, "10"), (15, "15")]),
    ("the 544 civilians killed in the hundreds of attacks", [(544, "544")]),
    ("one hundred thousand", [(100_000, "one hundred thousand")]),
    # thousands spaced as UN and French-style copy writes them; a decimal comma before a scale word
    ("nearly 90 000 people fled days of fighting", [(90_000, "90 000")]),
    ("had displaced 1 250 000 residents", [(1_250_000, "1 250 000")]),
    ("at about 1,4 million", [(1_400_000, "1,4 million")]),
    # ... but a list stays a list, and a year stays a year
    ("children aged 3, 4 and 5", [(3, "3"), (4, "4"), (5, "5")]),
    ("in 2019 100 people", [(2019, "2019"), (100, "100")]),
    ("killed 12, wounded 30", [(12, "12"), (30, "30")]),
]

# text with no number in it that counts anything
NOT_NUMBERS = [
    "Dozens of fighters and civilians were killed",
    "hundreds of thousands who have already flooded out",
    "the 30th facility to be bombed",
    "thousands of people",
    "several others wounded",
    "a 3.5 magnitude tremor",
    "Nearly 90% of the displaced are staying with relatives",  # a share, no count (gold guide)
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS, ids=[t for t, _ in NUMBERS])
def test_numbers_find_numbers_reads_news_numbers(text, expected):
    found = find_numbers(text)
    assert [(n.value, n.text) for n in found] == expected
    for n in found:
        assert text[n.start:n.end] == n.text  # offsets point at the raw text


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_numbers_find_numbers_skips_vague_amounts_and_ordinals(text):
    assert find_numbers(text) == []


WORDS = [
    ("Fifty-one", 51),
    ("two hundred and eighty-eight", 288),
    ("Seventeen", 17),
    ("twenty-eight", 28),
    ("one thousand", 1000),
    ("three million", 3_000_000),
    ("nine hundred ninety-nine thousand nine hundred ninety-nine", 999_999),
    ("one million two hundred thousand and five", 1_200_005),
    ("zero", 0),
    ("hundred", 100),
]
NOT_WORDS = ["dozens", "hundreds", "twelve three", "five twenty", "", "and", "several"]


@pytest.mark.parametrize(("text", "value"), WORDS)
def test_numbers_words_to_int_values(text, value):
    assert words_to_int(text) == value


@pytest.mark.parametrize("text", NOT_WORDS)
def test_numbers_words_to_int_rejects_non_numbers(text):
    assert words_to_int(text) is None


def test_numbers_find_numbers_never_raises_on_junk():
    for junk in ["", "   ", ",,,", "1,2,3", "$", "12:30", "No. 5", "\u200b", "9" * 40]:
        find_numbers(junk)  # must not raise


# --- properties -------------------------------------------------------------

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _below_thousand(n: int, *, and_: bool, hyphen: bool) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [_UNITS[hundreds], "hundred"]
        if rest and and_:
            words.append("and")
    if rest >= 20:
        tens, unit = divmod(rest, 10)
        if unit:
            words += [f"{_TENS[tens]}-{_UNITS[unit]}"] if hyphen else [_TENS[tens], _UNITS[unit]]
        else:
            words.append(_TENS[tens])
    elif rest:
        words.append(_UNITS[rest])
    return words


def english(n: int, *, and_: bool = True, hyphen: bool = True) -> str:
    """``n`` (0..999,999) in English words: 288 → "two hundred and eighty-eight"."""
    if n == 0:
        return "zero"
    thousands, rest = divmod(n, 1000)
    words: list[str] = []
    if thousands:
        words += _below_thousand(thousands, and_=and_, hyphen=hyphen) + ["thousand"]
    words += _below_thousand(rest, and_=and_, hyphen=hyphen)
    return " ".join(words)


def test_numbers_english_renderer_sanity():
    # the renderer itself, so that a bug in it cannot hide one in the parser
    assert english(288) == "two hundred and eighty-eight"
    assert english(51) == "fifty-one"
    assert english(100_017) == "one hundred thousand seventeen"
    assert english(999_999, and_=False, hyphen=False) == "nine hundred ninety nine thousand nine hundred ninety nine"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_numbers_digits_with_commas_round_trip(n):
    text = f"{n:,}"
    found = find_numbers(f"at least {text} people were killed")
    assert [(m.value, m.text) for m in found] == [(n, text)]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999), st.booleans(), st.booleans(), st.booleans())
def test_numbers_words_round_trip(n, and_, hyphen, capital):
    text = english(n, and_=and_, hyphen=hyphen)
    if capital:
        text = text[0].upper() + text[1:]
    assert words_to_int(text) == n
    # and find_numbers sees the whole run as one number
    found = find_numbers(f"{text} people")
    assert [(m.value, m.text) for m in found] == [(n, text)]


@pytest.mark.parametrize("text,counts", [
    ("On the 3rd of March 10 people were killed.", [10]),   # the day is already given: 10 counts people
    ("On 3 March 10 people were killed.", [10]),
    ("On March 10 people were killed.", []),                # "March 10" reads as a date
    ("killed on March 10 and 12 others", [12]),
])
def test_numbers_after_a_month_are_a_day_unless_the_day_came_first(text, counts):
    from wartally.extract.mentions import group_mentions

    assert [g.n for g in group_mentions(text)] == counts
