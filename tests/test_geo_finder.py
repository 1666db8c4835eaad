"""find_places and is_place: gazetteer toponyms in running text, and
English words that are also place names somewhere left alone."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from wartally.geo import find_places, is_place
from wartally.geo.names import skeleton


FOUND = [
    ("Airstrikes hit Hama and Maarat al-Numan on Monday.", ["Hama", "Maarat al-Numan"]),
    ("One hospital in the village of Hass in southern Idlib was destroyed.", ["Hass", "Idlib"]),
    ("Turkish-backed fighters entered al-Rai on Sunday.", ["al-Rai"]),
    ("Shelling of Deir ez-Zor and Ras al-Ain continued.", ["Deir ez-Zor", "Ras al-Ain"]),
    ("Clashes near Khan Sheikhoun and Kafranbel killed 12.", ["Khan Sheikhoun", "Kafranbel"]),
    ("the city of Salhab further west", ["Salhab"]),
    ("Rebels shelled Khan Tuman and Handarat.", ["Khan Tuman", "Handarat"]),
    ("A car bomb in Kabul killed 40 people.", ["Kabul"]),
    ("HAMA, Syria (Reuters) - Government forces", ["HAMA", "Syria"]),
    ("Deir Ezzor and Hasakeh", ["Deir Ezzor", "Hasakeh"]),
    # a short particle inside a hyphenated name (HT, HT)
    ("Gangs have killed 150 people in Port-au-Prince.", ["Port-au-Prince"]),
    ("Armed groups attacked Saint-Louis-du-Nord.", ["Saint-Louis-du-Nord"]),
]

NOT_FOUND = [
    "He has just one of the answers.",
    "Has the army withdrawn? Just as before, no.",
    "Of the 20 killed, most were civilians.",
    "Al and his friend left.",
    "President Bashar al-Assad said on Monday.",
    "The White House said it was not clear.",
    "Police said the officer was shot in May.",
    "The NGO said the toll had risen.",
    "Google and Reuters reported it.",
    "a well-to-do merchant and a mother-in-law were hurt",
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[t for t, _ in FOUND])
def test_finder_flags_toponyms_with_offsets(text, expected):
    found = find_places(text)
    assert [s for _, _, s in found] == expected
    for start, end, surface in found:
        assert text[start:end] == surface


@pytest.mark.parametrize("text", NOT_FOUND)
def test_finder_leaves_english_words_and_names_alone(text):
    assert find_places(text) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Hama", True), ("Idlib", True), ("Maaret al-Numan", True), ("Hass", True), ("Has", False),
     ("Just", False), ("Of", False), ("Al", False), ("Assad", False), ("", False), ("Hama province", False),
     ("Kilis", True), ("Syria", True)],
)
def test_finder_is_place(name, expected):
    assert is_place(name) is expected


def gold_places_not_found(corpus: Path, gold: Path) -> tuple[int, list[tuple[str, str]]]:
    """How many gold figures of ``gold`` name a place, and those whose place
    ``find_places`` does not find in the article's text (gold spells some
    places otherwise than the text: same skeleton)."""
    with open(corpus, encoding="utf-8") as f:
        docs = {d["id"]: d["text"] for d in map(json.loads, f) if d}
    placed, missing = 0, []
    with open(gold, encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            found = {skeleton(s) for _, _, s in find_places(docs[g["id"]])}
            for fg in g["figures"]:
                if fg.get("place"):
                    placed += 1
                    if skeleton(fg["place"]) not in found:
                        missing.append((g["id"], fg["place"]))
    return placed, missing


def test_finder_flags_gold_places_in_their_articles(gold_root):
    """Every place the FA-KES dev gold names is found in its article (the
    seed articles' gold: tests/test_seed_articles.py)."""
    placed, missing = gold_places_not_found(gold_root / "corpus" / "fakes-dev.jsonl",
                                            gold_root / "gold" / "fakes-dev.gold.jsonl")
    assert placed >= 20
    assert missing == []
