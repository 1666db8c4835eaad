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


FIGURE_PLACES = [
    # text, published, the figure's number, the place it is tied to
    ("Kurdish forces killed at least 16 ISIL terrorists in an attack on Saturday in northeast Syria near the border "
     "with Turkey the UK-based opposing Syrian Observatory. The assault targeted ISIL positions south of the town of "
     "Ras al-Ain in Hasakeh province the group added.", "2014-12-13", 16, "Ras al-Ain"),
    ("The Turkish military has saaid four of its soldiers have been killed and four others have been injured in an "
     "attack by the Daesh Takfiri terrorist group in northern Syria. In a statement carried by Turkeys NTV television "
     "on Tuesday the army said the casualties came after a Daesh rocket attack on two of its tanks south of the town "
     "of al-Rai near the Turkish border.", "2016-09-07", 4, "al-Rai"),
    # "in the same region": where the figure before happened
    ("The Turkish military has saaid four of its soldiers have been killed and four others have been injured in an "
     "attack by the Daesh Takfiri terrorist group in northern Syria. In a statement carried by Turkeys NTV television "
     "on Tuesday the army said the casualties came after a Daesh rocket attack on two of its tanks south of the town "
     "of al-Rai near the Turkish border. The fatalities were the first of Turkeys recent incursion into Syria to be "
     "blamed on Daesh. The Turkish television showed pictures of military helicopters flying across the "
     "Turkish-Syrian border to take the wounded to Turkey for treatment. Separately two pro-Turkey Syria militants "
     "were killed and two others sustained injuries in clashes in the same region the Turkish army statement added.",
     "2016-09-07", 2, "al-Rai"),
    # a later sentence about something else does not place the figure
    ("Five civilians were killed in an air strike in northern Syria. Separately, the army took the town of Manbij.",
     "2016-09-07", 5, None),
]


@pytest.mark.parametrize("text,published,n,place", FIGURE_PLACES, ids=[f"{r[3] or 'none'}-{r[2]}" for r in FIGURE_PLACES])
def test_a_figure_in_a_region_takes_the_place_the_next_sentences_give_its_attack(text, published, n, place):
    import wartally

    figs = [f for f in wartally.extract(text, published=published, geocode=False) if f.n == n]
    assert figs
    assert (figs[0].place.mention if figs[0].place else None) == place


def test_places_unreadable_gazetteer_fails_the_document_loudly(monkeypatch):
    """A gazetteer that cannot be read is an error naming the file, not a
    document quietly left without places (extract.places used to swallow
    every exception in three places)."""
    from wartally import geo
    from wartally.errors import GeoError
    from wartally.extract.document import process_document
    from wartally.records import Document

    def unreadable(text):
        raise GeoError("cannot read the gazetteer (No such file); run scripts/build_gazetteer.py", where="gazetteer.tsv.gz")

    monkeypatch.setattr(geo, "find_places", unreadable)
    doc = Document.make("d1", "Shelling killed 10 people in Maharda on Friday, the Syrian Observatory said.")
    with pytest.raises(GeoError, match="cannot read the gazetteer"):
        process_document(doc)
    with pytest.raises(GeoError):
        place_mentions("a car bomb in Baghdad killed 20 people")
