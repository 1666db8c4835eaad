"""Linking mechanisms of round 13 (issue 15, the held-back set inc5 read):
sentences of real reports (Kunduz 2021, the Goma camps 2024, Pazigyi 2023,
Gaza 2024) through the extractor and the real link stage.  Each row failed
before its mechanism."""
from __future__ import annotations

import pytest

from conftest import figures_of
from wartally.extract.document import process_document
from wartally.link import link_figures
from wartally.link.kind import classify
from wartally.link.tolls import is_toll_part
from wartally.link.unit import aftermath_day, make_units
from wartally.records import Document


@pytest.mark.parametrize("text,published,n,expected", [
    # Kunduz, AFP: the burial's day, the attack the day before
    ("Mourners from Afghanistan's minority Shia community buried their dead on Saturday after a suicide attack "
     "claimed by the Islamic State group killed more than 60 people.", "2021-10-09", 60, True),
    # Goma, AP: the ceremony's Monday, borrowed by the next sentence's toll
    ("Families of the victims of last week's bomb attacks on two camps of displaced people in eastern Congo "
     "gathered to mourn their loved ones at a ceremony on Monday evening. The bombings at the Mugunga and Lac Vert "
     "displacement camps killed at least 18 people and injured another 32, according to the United Nations.",
     "2024-05-08", 18, True),
    # Pazigyi, Myanmar Now: the day bodies were found
    ("Three bodies were discovered on the morning of April 14 and their bodies were too disfigured to even "
     "identify whether they were male or female, said an official from Kyunhla Activists Group.",
     "2023-04-14", 3, True),
    # the attack's own day
    ("A suicide bomber killed more than 60 people at a Shia mosque in Kunduz on Friday, officials said.",
     "2021-10-09", 60, False),
    # mourners, but the day is the attack's: its words stand between
    ("Mourners gathered in Kunduz after the attack on Friday that killed 20 people.", "2021-10-09", 20, False),
    ("Rescuers recovered the bodies of 12 people killed in Tuesday's strike on the village.", "2023-04-14", 12, False),
])
def test_link_aftermath_day_is_not_the_attacks(text, published, n, expected):
    (fig,) = [f for f in figures_of(text, published) if f.n == n]
    assert aftermath_day(fig, text) is expected


def _linked(*reports: tuple[str, str, str]) -> bool:
    """Whether the extractor's figures of these (id, text, published)
    reports, geocoded, make one event of them all."""
    docs = {i: Document.make(i, text, published=published, outlet="the outlet") for i, text, published in reports}
    result = link_figures([f for doc in docs.values() for f in process_document(doc)], docs)
    return any(set(e.doc_ids) == set(docs) for e in result.events)


@pytest.mark.parametrize("first,later", [
    # Kunduz, 8 October 2021: the day-of report and AFP's of the burials the next day
    (("A suicide bomber struck a Shia mosque in the northern Afghan city of Kunduz during Friday prayers, "
      "killing at least 50 people, local officials said.", "2021-10-08"),
     ("Mourners from Afghanistan's minority Shia community buried their dead on Saturday after a suicide bombing "
      "in the northern city of Kunduz killed more than 60 people.", "2021-10-09")),
])
def test_link_a_report_dated_by_the_aftermath_joins_the_attack(first, later):
    assert _linked(("first", *first), ("later", *later))


def _units(text: str, published: str):
    """The report units of one article's incident figures, as the linker makes them."""
    doc = Document.make("d", text, published=published, outlet="the outlet")
    figs = [f for f in process_document(doc) if classify(f) == "incident"]
    return make_units(figs, {doc.id: doc})


@pytest.mark.parametrize("text,published,n", [
    # Gaza, A News: "bombing" in the first sentence, read again for the second's count
    ("The Israeli army on Saturday cast doubt on the reported death toll from the bombing of the Al-Taba'een School "
     "in central Gaza, which Palestinian officials say resulted in at least 100 fatalities and numerous injuries.\n\n"
     "In a statement, the Israeli military questioned the accuracy of the reported casualties, claiming that only "
     "20 people were killed.", "2024-08-10", 20),
])
def test_link_a_blast_word_read_from_another_sentence_is_still_generic(text, published, n):
    """A unit whose weapon is a word for the blast, read in its own sentence
    or borrowed from an earlier one, says nothing of the weapon's family
    (level generic_weapon), so an air strike's report of the same school
    is not other_family."""
    units = [u for u in _units(text, published) if u.killed is not None and u.killed >= n]
    assert units and all(u.weapon_generic for u in units)


def _incident_rows(*articles: tuple[str, str]) -> set[tuple[int, int, str]]:
    docs = [Document.make(f"doc-{i}", text, published=day, outlet=f"outlet {i}")
            for i, (text, day) in enumerate(articles)]
    result = link_figures([f for d in docs for f in process_document(d)], {d.id: d for d in docs})
    return {(r.n_a, r.n_b, r.kind) for r in result.disagreements if r.scope == "incident"}


@pytest.mark.parametrize("first,later,row", [
    # Mafa, Yobe, 1 September 2024: the residents' toll on the day after, the state's at the mass burial three days
    # on, whose sentence dates nothing but recalls "a recent attack"
    (("Boko Haram gunmen on motorcycles attacked Mafa village in Yobe State on Sunday afternoon, killing more than "
      "100 people, residents said.", "2024-09-03"),
     ("The Yobe state government has buried 34 people killed in a recent attack by Boko Haram gunmen on Mafa "
      "village, an official said.", "2024-09-04"),
     (100, 34, "later_lower")),
])
def test_link_an_undated_count_recalling_the_attack_is_of_its_days(first, later, row):
    """A count no sentence dates whose sentence recalls the attack may be of
    any day of the weeks before its publication (TollClaim.open_days), so
    the state's 34, told three days on, is set against the residents' 100."""
    assert row in _incident_rows(first, later)


@pytest.mark.parametrize("text,outcome,n,part", [
    # Mogadishu, Lido beach, 2 August 2024: the wounded are others than the dead, and all the wounded there are
    ("At least 15 people were killed and 140 others wounded in a suicide bombing and shootings at restaurants in "
     "Mogadishu's Liido beach.", "injured", 140, False),
    ("Police in Somalia said on August 3 that 32 people died and 63 others were wounded in an attack on a beach hotel "
     "in the capital Mogadishu, on August 2.", "injured", 63, False),
    # others of the same outcome add to its toll
    ("Five people were killed in the market on Monday and 3 more were killed in the village.", "killed", 3, True),
    ("The blast wounded 12 people at the gate and injured 20 others inside the hall.", "injured", 20, True),
    # another cue than "others": still a part
    ("Ten people were killed, and another 4 were wounded, including 2 others in the car.", "injured", 2, True),
])
def test_link_others_after_another_outcome_are_no_part(text, outcome, n, part):
    """"N others" after a count of another outcome ("32 people died and 63
    others were wounded") is that outcome's whole toll, a side in the toll
    view; after a count of its own outcome it adds to it (toll_part)."""
    (fig,) = [f for f in figures_of(text, "2024-08-03") if f.n == n and str(f.outcome) == outcome]
    assert is_toll_part(fig, text) is part
