"""The faster forms of hot patterns find what their plain forms find.

Patterns rewritten for speed (a literal or class first, the look-behind
after it; a case-insensitive search over the lower-cased text; an
alternation searched with only the parts whose words the text holds) must
give the same matches, offsets and groups as the plain pattern they
replace.  One row a sentence, written for these tests, with the country
its wording is from; the byte-identical extraction of the four corpora is
the main proof, these rows keep the shapes that matter in view.
"""
from __future__ import annotations

import re

import pytest

from wartally.extract import context, figures, lexicon, mentions, numbers, places, when, world
from wartally.geo import finder

SENTENCES = [
    # (country, sentence)
    ("SY", "Air strikes on Maarat al-Numan killed 12 civilians, the Syrian Observatory said on Monday."),
    ("SY", "Rebels, who denied the claim, said 1,250 fighters had been killed so far in Idlib's countryside."),
    ("HT", "Gangs attacked Pont-Sondé, about 100 km northwest of Port-au-Prince, leaving at least 70 dead."),
    ("IR", "Officials in Bandar-e-Abbas said 3.5 million people were affected; 2,000,000 fled, 7:30 a.m. reports said."),
    ("NG", "The headquarters of the ISWAP faction in the Borno State town of Marte was struck, residents said."),
    ("UA", "Ukraine's emergency service said 4 people died in Kharkiv; Russia's army denied it, Kyiv’s mayor said."),
    ("LB", "Hezbollah condemned the Israeli strike, which killed 5 in the neighbourhood of the southern suburbs."),
    ("SO", "Al-Shabaab claimed responsibility for the attack, which was carried out by two suicide bombers."),
    ("ML", "The death toll has been revised to 31 to date, according to a statement posted on Sunday, 12 May 2024."),
    ("CO", "FARC dissidents would threaten to kill 10 more; 1,00 and 12,3456 are not counts, nor is 5/6 or x-5."),
    ("TR", "ſaid the KURDISH forces, who İstanbul officials say killed 3; the Kelvin sign, K, is odd-case too."),
    ("SD", "RSF fighters, the army and local media said, killed 45 in El Fasher; the RSF stronghold of Nyala held."),
]
TEXTS = [s for _, s in SENTENCES]


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("country,text", SENTENCES)
def test_geo_finder_particles_first_hyphen_same_as_look_behind(country: str, text: str) -> None:
    plain = re.compile(r"(?<=[^\W\d_]-)[a-z]{1,3}(?=-[^\W\d_])")
    assert [(m.start(1), m.end(1), m.group(1)) for m in finder._PARTICLE.finditer(text)] == \
        [(m.start(), m.end(), m.group(0)) for m in plain.finditer(text)]


@pytest.mark.parametrize("country,text", SENTENCES)
def test_extract_world_capitalised_words_same_as_look_behind(country: str, text: str) -> None:
    plain = re.compile(r"(?<![\w-])[A-Z][\w.'’-]*")
    assert _spans(world._CAPITALISED.finditer(text)) == _spans(plain.finditer(text))


@pytest.mark.parametrize("word", ["syria's", "syria’s", "syrias", "s", "'s", "’s", "iraq", "ss", "s's", ""])
def test_extract_world_possessive_or_plural_same_as_substitution(word: str) -> None:
    assert world._without_possessive_or_plural(word) == re.sub(r"(?:'s|’s|s)$", "", word)


@pytest.mark.parametrize("country,text", SENTENCES)
def test_extract_numbers_digits_first_digit_same_as_look_behind(country: str, text: str) -> None:
    plain = re.compile(r"(?<![\w.,/:-])(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+)"
                       r"(?:\.(\d+)|,(\d{1,2})(?=\s*(?:million|billion)\b))?(?:\s*(million|billion|thousand|m|bn|k)\b)?"
                       r"(?![\w/:%]|[.,]\d)", re.I)
    assert _spans(numbers._DIGITS_RE.finditer(text)) == _spans(plain.finditer(text))


@pytest.mark.parametrize("country,text", SENTENCES)
def test_extract_context_speaker_clauses_same_as_whole_alternation(country: str, text: str) -> None:
    assert _spans(context._speaker_clauses(text)) == _spans(context._SPEAKER_CLAUSE.finditer(text))


LOWERED = {
    "figures._SO_FAR": figures._SO_FAR,
    "figures._PERFECT": figures._PERFECT,
    "figures._ANY_NUMBER": figures._ANY_NUMBER,
    "figures._RECALLS": figures._RECALLS,
    "figures._UNNAMED_SPEAKER": figures._UNNAMED_SPEAKER,
    "figures._CLAIMED": figures._CLAIMED,
    "places._UNIT_OF_BEFORE": places._UNIT_OF_BEFORE,
    "places._REGION_WORD_BEFORE": places._REGION_WORD_BEFORE,
    "places._HOOD_BEFORE": places._HOOD_BEFORE,
    "places.not_where any-before": places._not_where_patterns()[-1],
    "world._PLACE_CUE_BEFORE": world._PLACE_CUE_BEFORE,
    "when._REPORTING": when._REPORTING,
    "mentions._any_qualifier": mentions._any_qualifier(),
    **{f"cue {e.id}": e.searcher for e in lexicon.entries("cues")},
}


@pytest.mark.parametrize("name", sorted(LOWERED))
def test_extract_lowered_searches_same_as_plain(name: str) -> None:
    rx = LOWERED[name]
    assert isinstance(rx, lexicon.Lowered) and rx._low is not None  # the faster path is taken
    for text in TEXTS:
        # every window a caller searches: whole sentences and the text right before each word
        for window in [text, *(text[max(0, m.start() - 40): m.start()] for m in re.finditer(r"\b\w", text))]:
            got, plain = rx.search(window), rx.regex.search(window)
            assert (got and got.span()) == (plain and plain.span()), (name, window)


@pytest.mark.parametrize("gap", ["", " ", "-", "‐", "  ", " -", "--", "   ", "\t", " \n", ". ", "x", "\u00a0"])
def test_geo_finder_join_same_as_regex(gap: str) -> None:
    """Two words are one name when one or two spaces or hyphens join them ("Deir ez-Zor")."""
    text = f"Deir{gap}Hafer"
    got = finder.find_places(text)
    plain = bool(re.fullmatch(r"[ \-‐]{1,2}", gap))
    assert (0 < len(gap) <= 2 and not gap.strip(finder._JOIN_CHARS)) == plain
    assert got == finder.find_places(text)  # (deterministic)


@pytest.mark.parametrize("country,text", SENTENCES + [("SY", "Shelling hit the Salaheddine neighbourhood and the old quarter.")])
def test_extract_places_neighbourhood_names_same_as_whole_search(country: str, text: str) -> None:
    assert places.neighbourhood_names(text) == frozenset(m.group("name") for m in places._HOOD_NAMED.finditer(text))


@pytest.mark.parametrize("country,text", SENTENCES + [("RU", "Pro-Moscow media said Moscow denied it; MOSCOW AFP, a Kyiv-based NGO.")])
def test_extract_lexicon_case_sensitive_finder_same_as_plain(country: str, text: str) -> None:
    rx = lexicon.combined("metonyms", case_sensitive=True)
    assert rx._low is not None  # the finder is used
    assert [(m.span(), m.lastgroup) for m in rx.finditer(text)] == [(m.span(), m.lastgroup) for m in rx.regex.finditer(text)]
