"""Place mentions in a sentence: which names are places of an event and
which stand for a government or an allegiance (lexicon ``metonyms``)."""
from __future__ import annotations

import pytest

from wartally.extract.places import place_mentions

ROWS = [
    # text, the mentions that are places
    ("Pro-Damascus media outlets said a suicide attacker detonated a car bomb", []),
    ("a war of words between major powers after Washington accused Moscow of responsibility", []),
    ("Moscow has repeatedly demanded that it be disbanded", []),
    ("Damascus denied the claims", []),
    ("a London-based monitor said", []),
    ("Moscow-backed forces shelled Aleppo on Monday", ["Aleppo"]),
    ("anti-Damascus rebels shelled Aleppo", ["Aleppo"]),
    ("residents in Damascus said the shelling killed five", ["Damascus"]),
    ("rockets hit Damascus killing three", ["Damascus"]),
    ("the shelling of Damascus and Aleppo killed 12", ["Damascus", "Aleppo"]),
    ("a car bomb in Baghdad killed 20 people", ["Baghdad"]),
    ("Baghdad said the blast in Mosul killed 20 people", ["Mosul"]),
    ("killed in Russian air strikes the defense ministry in Moscow said", []),
    ("Russia strike Moscow AFP Saturday Some 120 fighters were killed in Mayadeen", ["Russia", "Mayadeen"]),
    ("officials in Ankara said a car bomb in Azaz killed 12", ["Azaz"]),
    ("a car bomb exploded in Ankara killing 12", ["Ankara"]),
]


@pytest.mark.parametrize("text,expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_places_and_names_that_stand_for_governments(text, expected):
    assert [m.text for m in place_mentions(text)] == expected
