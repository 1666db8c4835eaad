"""Two ways the text tells the toll view (link/tolls.py) that two counts
of one incident are at odds, from real-shaped sentences of the unseen
incident set run through the real extractor and linker: a source's word
for the dead in quotation marks ('203 "terrorists"') is its label, not
another victim group; an article that challenges a count sets the counts
it carries against each other, so neither is an earlier toll of the other."""
from __future__ import annotations

import pytest

from wartally.extract.document import process_document
from wartally.link import link_figures
from wartally.link.tolls import TollClaim, same_dead, set_against_each_other
from wartally.records import Document, Outcome, Qualifier, Victims

MOURA = ("KEY POINTS\n\nThe massacre reportedly took place in the central Malian town of Moura\n"
         "Malian defense ministry said from March 23-31, the army had killed 203 {label}\n\n"
         "The Human Rights Watch (HRW) has accused Malian troops and suspected Russian mercenaries of killing an "
         "estimated 300 civilian men, of which some were believed to be suspected Islamist fighters, in the west "
         "African country's central town of Moura.\n\n"
         "It was believed most of the men killed were those detained during a military operation that began on "
         "March 27.\n\n"
         "In a statement on April 1, the Malian defense ministry said from March 23 to 31, the army had killed 203 "
         "{label} and arrested 51 more.")


def incident_rows(texts: list[tuple[str, str]]) -> list:
    docs = {}
    for i, (text, published) in enumerate(texts):
        doc = Document.make(f"toll-label-{i}", text, published=published, outlet="test outlet")
        docs[doc.id] = doc
    figures = [f for d in docs.values() for f in process_document(d)]
    return [d for d in link_figures(figures, docs).disagreements if d.scope == "incident"]


@pytest.mark.parametrize("label, shown", [
    ('"terrorists"', True),  # the ministry's label, set apart by the writer: the same dead
    ("terrorists", False),   # in the writer's own words: fighters, another group than the civilians
], ids=["quoted-label-same-dead", "unquoted-fighters-other-group"])
def test_tolls_quoted_label_counts_the_same_dead(label, shown):
    rows = [r for r in incident_rows([(MOURA.format(label=label), "2022-04-05")]) if {r.n_a, r.n_b} == {300, 203}]
    assert bool(rows) is shown, [r.evidence for r in rows]


def _claim(source: str, n: int, victims: Victims, docs: tuple[str, ...], **kw) -> TollClaim:
    import datetime as dt
    day = dt.date(2023, 12, 5)
    return TollClaim(id=f"{source}-{n}", event_id="e", source=source, outcome=Outcome.KILLED, victims=victims, n=n,
                     qualifier=Qualifier.EXACT, days=(day, day), reported=(day, day), figure=f"f-{n}", quote="",
                     figures=(f"f-{n}",), docs=docs, parents=frozenset(), own_voice=False,
                     areas=frozenset(), updating=False, said_by="", **kw)


@pytest.mark.parametrize("a, b, same", [
    (dict(victims=Victims.COMBATANTS, labelled=True), dict(victims=Victims.MEN), True),
    (dict(victims=Victims.COMBATANTS, labelled=True), dict(victims=Victims.CIVILIANS), True),
    (dict(victims=Victims.COMBATANTS, labelled=False), dict(victims=Victims.CIVILIANS), False),
    (dict(victims=Victims.COMBATANTS, labelled=True), dict(victims=Victims.CHILDREN), False),  # a part, not the whole
    (dict(victims=Victims.CIVILIANS), dict(victims=Victims.PEOPLE), False),
], ids=["label-vs-men", "label-vs-civilians", "fighters-vs-civilians", "label-vs-children", "civilians-vs-people"])
def test_tolls_same_dead(a, b, same):
    assert same_dead(_claim("Mali army", 203, docs=("x",), **a), _claim("HRW", 300, docs=("x",), **b)) is same


@pytest.mark.parametrize("challenged_a, challenged_b, against", [
    ({"daily-post"}, {"daily-post"}, True),   # one article carries both and challenges a count
    ({"daily-post"}, set(), False),           # the challenging article does not carry the other count
    (set(), set(), False),
], ids=["both-in-challenging-article", "other-not-in-it", "no-challenge"])
def test_tolls_challenging_article_sets_counts_against_each_other(challenged_a, challenged_b, against):
    a = _claim("Amnesty International", 120, Victims.PEOPLE, ("daily-post", "pakistan"), challenged=frozenset(challenged_a))
    b = _claim("NEMA", 85, Victims.PEOPLE, ("daily-post", "nema"), challenged=frozenset(challenged_b))
    assert set_against_each_other(a, b) is against


NEMA = ("The National Emergency Management Agency (NEMA) says 85 people were killed in the air attack by the Nigerian "
        "Army on Tudun Biri village of Igabi, Kaduna State, on Sunday night.")
AMNESTY = ("The death toll in the drone attack on Tudun Biri in the Igabi Local Government Area of Kaduna State has "
           "risen to 120, according to officials from Amnesty International who visited the affected communities."
           "\n\nSurvivors of the bombing also claim that they were bombed twice by the Nigerian Army.\n\n"
           "DAILY POST reports that the air strike targeting terrorists accidentally hit civilians during the Maulud "
           "celebration on Sunday night.\n\n"
           "The National Emergency Management Agency initially reported 85 deaths and 66 injuries.\n\n"
           "Amnesty International's Country Director, Isah Sanusi, confirmed the death toll, stating that over 120 "
           "persons had died in the bombing.\n\n"
           "He mentioned at least 77 bodies in each of the mass graves, {cue} released by NEMA.")


@pytest.mark.parametrize("cue, shown", [
    ("challenging the initial casualty figure", True),   # the article sets 120 against NEMA's 85
    ("adding to the initial casualty figure", False),    # 85 told as the earlier toll: growth
], ids=["challenged-rival", "initially-reported-growth"])
def test_tolls_challenged_earlier_count_is_a_rival(cue, shown):
    rows = incident_rows([(NEMA, "2023-12-05"), (AMNESTY.format(cue=cue), "2023-12-06")])
    rows = [r for r in rows if {r.n_a, r.n_b} == {85, 120} and str(r.outcome) == "killed"]
    assert bool(rows) is shown, [r.evidence for r in rows]



@pytest.mark.parametrize("whole, part, cue, published", [
    ("Zabihullah Mujahid, a spokesman for the Taliban, said 52 people were wounded in the bombing outside Kabul airport "
     "on Thursday.",
     "General Kenneth McKenzie said 12 U.S. service members were killed and 15 wounded in the bombing outside Kabul "
     "airport on Thursday.",
     "General Kenneth McKenzie said 15 people were wounded in the bombing outside Kabul airport on Thursday.",
     "2021-08-27"),
    ("More than 100 people were injured in the missile strike on the railway station in Kramatorsk on Friday, the "
     "regional governor said.",
     "Of the 98 wounded who were taken to medical facilities after the strike on the railway station in Kramatorsk "
     "on Friday, 16 are children, the agency said.",
     "The agency said 98 people were wounded in the strike on the railway station in Kramatorsk on Friday.",
     "2022-04-08"),
], ids=["troops-killed-and-wounded", "taken-to-medical-facilities"])
def test_tolls_group_and_site_counts_are_parts(whole, part, cue, published):
    """Two articles of one day: the second's count is a part (a group among
    the victims, one site's intake); the same count without the cue is a
    rival."""
    assert incident_rows([(whole, published), (part, published)]) == []
    assert len(incident_rows([(whole, published), (cue, published)])) == 1


@pytest.mark.parametrize("low_told_until, still", [
    (5, True),    # the lower count told that day only: the day's toll still rising, growth
    (6, False),   # the lower count still told the next day: no rising toll explains it (Qamishli, 27-28 July 2016)
], ids=["lower-told-the-same-day", "lower-told-after-the-higher"])
def test_tolls_a_provisional_higher_count_explains_only_an_earlier_lower_one(low_told_until, still):
    """State TV's provisional 'at least 170 wounded' ('rescue workers were
    still retrieving victims') and state media's 140, carried on the same day
    and the next: a toll still growing cannot make the count fall afterwards."""
    import dataclasses
    import datetime as dt
    from wartally.link.tolls import _still_counting
    day = dt.date(2023, 12, 5)
    high = dataclasses.replace(_claim("rescue workers", 170, Victims.PEOPLE, ("tv",)), provisional=True)
    low = dataclasses.replace(_claim("SANA", 140, Victims.PEOPLE, ("afp", "reuters")),
                              reported=(day, dt.date(2023, 12, low_told_until)))
    assert _still_counting(high, low) is still
