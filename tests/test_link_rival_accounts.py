"""One article, or two, giving two sources' counts of one attack: the
incident disagreement view must show the pair once, and must not show a part
of a toll, or a count told twice under two spellings of one body, as a
rival (issue 15).  Shapes from the read incident set (Syria, Myanmar,
Afghanistan, Gaza); the sentences are written here with other names and
numbers, through the real extractor and linker."""
from __future__ import annotations

import pytest

from wartally.extract.document import process_document
from wartally.link import link_figures
from wartally.link.tolls import same_source, splits
from wartally.records import Document, Outcome


def incident_rows(*articles: tuple[str, str]) -> list:
    docs = [Document.make(f"doc-{i}", text, published=day, outlet=f"outlet {i}") for i, (text, day) in enumerate(articles)]
    figures = [f for d in docs for f in process_document(d)]
    return [r for r in link_figures(figures, {d.id: d for d in docs}).disagreements if r.scope == "incident"]


def pairs(rows) -> set[tuple[str, frozenset[int]]]:
    return {(str(r.outcome), frozenset((r.n_a, r.n_b))) for r in rows}


# (id, article, the pairs of counts that must be shown; each once)
ONE_ARTICLE = [
    # the article calls the reports conflicting: "at least 60" leaves no room for the radio's 66
    ("conflicting-reports",
     "A drone attack struck a graduation ceremony for officers in the Syrian city of Hama, and the number of casualties "
     "remained unclear, with conflicting reports.\n\nAt least 50 officers and civilians were killed, with about 90 "
     "wounded, according to the Syrian Observatory for Human Rights. Meanwhile, a pro-government radio station "
     "reported 57 deaths and around 140 injuries.",
     {("killed", frozenset({50, 57})), ("injured", frozenset({90, 140}))}),
    # one clause each: the parallel government's count against the villagers'
    ("two-clauses",
     "On May 2, the NUG reported that 52 people were killed in the junta's air strike on Kyauk Pyin village in "
     "Myanmar's Magway Region, however, villagers claim that 61 people died in the attack.",
     {("killed", frozenset({52, 61}))}),
    # several placeless accounts of one drone attack in one province are one incident
    ("placeless-accounts-one-unit",
     "No fewer than 70 people have been killed and 150 wounded in a drone attack on a military college in Syria's "
     "Hama province, a war monitor said.\n\nThe Syrian Observatory for Human Rights said no fewer than 70 people were "
     "killed and 95 injured.\n\nHealth Minister Hassan Al-Ghabash gave a lower figure, telling state television 55 "
     "people had been killed.",
     {("killed", frozenset({55, 70}))}),
]


@pytest.mark.parametrize(("text", "want"), [r[1:] for r in ONE_ARTICLE], ids=[r[0] for r in ONE_ARTICLE])
def test_rival_accounts_in_one_article_are_shown_once(text, want):
    rows = incident_rows((text, "2023-10-06"))
    shown = [(str(r.outcome), frozenset((r.n_a, r.n_b))) for r in rows]
    assert want <= set(shown), [r.evidence for r in rows]
    assert len(shown) == len(set(shown)), [r.evidence for r in rows]


@pytest.mark.parametrize("article, other, part", [
    # "At least 12 of the slain were policemen": a part of the governor's toll, not his toll against the hospital's
    ("The death toll from the suicide bombing at the police mosque in Peshawar rose to 61, hospital officials said on "
     "Tuesday. At least 12 of the slain were policemen, the provincial governor said.",
     "The suicide bombing at the police mosque in Peshawar killed 61 people, police said on Tuesday.", 12),
    ("A suicide bomber killed 40 people at the police mosque in Peshawar on Monday, a police spokesman said. Three "
     "inspectors and the prayer leader were among the dead.",
     "The suicide bombing at the police mosque in Peshawar on Monday killed 40 people, hospital officials said.", 3),
], ids=["of-the-slain", "among-the-dead"])
def test_rival_accounts_a_part_of_the_toll_is_no_side(article, other, part):
    rows = incident_rows((article, "2023-01-31"), (other, "2023-01-31"))
    assert not any(part in (r.n_a, r.n_b) for r in rows), [r.evidence for r in rows]


@pytest.mark.parametrize("a, b, same", [
    ("THE GAZAN Health Ministry", "Gaza Health Ministry", True),  # a demonym and the territory's name
    ("Syrian Health Ministry", "Syria Health Ministry", True),
    ("Afghanistan Health Ministry", "Afghanistan Interior Ministry", False),  # one country, two bodies
    ("Gaza Health Ministry", "Israel Health Ministry", False),  # one body, two countries
], ids=["gazan-gaza", "syrian-syria", "two-ministries", "two-countries"])
def test_rival_accounts_one_body_under_two_spellings(a, b, same):
    assert same_source(a, b) is same


@pytest.mark.parametrize("sentence, outcome, split", [
    # an elided outcome after the split cue is the one before it
    ("The Observatory said 25 militants were killed around the town of Shadadi and another four outside Kobane.",
     Outcome.KILLED, True),
    # "and injured more than 200" tells the injured: no split of the dead
    ("In less than one hour the planes have killed more than 40 people and injured more than 150.",
     Outcome.KILLED, False),
    ("Nine were killed in Qaterji and two others died in Mayssar.", Outcome.KILLED, True),
], ids=["elided", "another-outcome", "named"])
def test_rival_accounts_a_split_toll(sentence, outcome, split):
    assert splits(sentence, outcome) is split


def test_rival_accounts_placeless_groups_of_one_day_weapon_and_province_are_one_unit():
    # three accounts, none naming a town: with several such groups none was "the one group of its day" to join
    from wartally.link.unit import make_units
    text = ("No fewer than 70 people have been killed and 150 wounded in a drone attack on a military college in "
            "Syria's Hama province, a war monitor said.\n\nThe Syrian Observatory for Human Rights disclosed that no "
            "fewer than 70 people were killed and 95 injured.\n\nHealth Minister Hassan Al-Ghabash said 55 people had "
            "been killed.")
    doc = Document.make("d", text, published="2023-10-06", outlet="o")
    figures = process_document(doc)
    assert {f.n for f in figures} == {70, 150, 95, 55}
    units = make_units(figures, {doc.id: doc})
    assert len(units) == 1, [[f.n for f in figures if f.id in u.figure_ids] for u in units]


@pytest.mark.parametrize("unsettled, shown", [
    (True, True),  # "11 civilians were killed in airstrikes in Chin State": the state's count of the village's attack
    (False, False),  # placed at a city the state is reduced to (Goma for North Kivu): the city's, not a camp's
], ids=["state-named", "seat-city"])
def test_rival_accounts_a_village_against_the_governorate_that_holds_it(unsettled, shown):
    import datetime as dt
    from wartally.link.tolls import TollClaim, judge
    from wartally.records import Qualifier, Victims
    day = dt.date(2023, 4, 10)

    def claim(source, n, areas, **kw):
        return TollClaim(id=source, event_id="e", source=source, outcome=Outcome.KILLED, victims=Victims.CIVILIANS, n=n,
                         qualifier=Qualifier.EXACT, days=(day, day), reported=(day, day), figure=f"f-{n}", quote="",
                         figures=(f"f-{n}",), docs=(f"d-{n}",), parents=frozenset(), own_voice=False,
                         areas=frozenset(areas), updating=False, said_by="", **kw)

    state = claim("Chin National Organization", 11, {("admin1", "chin")}, unsettled=unsettled)
    village = claim("local sources", 9, {("place", "wbl")}, within=frozenset({"chin"}))
    assert (judge(state, village) is not None) is shown


def _toll_claim(source, n, docs, reported, **kw):
    import datetime as dt
    from wartally.link.tolls import TollClaim
    from wartally.records import Qualifier, Victims
    day = dt.date(2016, 7, 27)
    return TollClaim(id=f"{source}-{n}", event_id="e", source=source, outcome=Outcome.KILLED, victims=Victims.PEOPLE,
                     n=n, qualifier=Qualifier.EXACT, days=(day, day), reported=(reported, reported), figure=f"f-{n}",
                     quote="", figures=(f"f-{n}",), docs=docs, parents=frozenset(), own_voice=False, areas=frozenset(),
                     updating=False, said_by="", **kw)


def test_rival_accounts_a_stage_of_a_rising_toll_is_no_rival():
    # state media 22 then 44 in two articles of the day, the Observatory 48 that day: the toll rising, not a dispute;
    # one article's two counts of one source are parts or places, not stages
    import datetime as dt
    from wartally.link.tolls import judge, rising_stages
    day = dt.date(2016, 7, 27)
    early = _toll_claim("SANA", 22, ("a",), day)
    later = _toll_claim("SANA", 44, ("b",), day)
    other = _toll_claim("SOHR", 48, ("c",), day)
    stages = rising_stages([early, later, other])
    assert stages == {later.id}
    assert judge(later, other, stages=stages) is None
    assert judge(later, other) == "rival"
    same_article = _toll_claim("SANA", 44, ("a",), day)
    assert rising_stages([early, same_article, other]) == frozenset()


def test_rival_accounts_counts_too_far_apart_count_other_dead():
    # one attack's 140 wounded against 15: other victims (the 15 soldiers of one army), not two sources at odds
    import datetime as dt
    from wartally.link.tolls import judge
    day = dt.date(2021, 8, 26)
    assert judge(_toll_claim("Afghanistan Health Ministry", 140, ("a",), day), _toll_claim("Pentagon", 15, ("b",), day)) is None
    assert judge(_toll_claim("Afghanistan Health Ministry", 60, ("a",), day), _toll_claim("Taliban", 15, ("b",), day)) == "rival"


@pytest.mark.parametrize("docs_b, shown", [
    (("article",), False),  # the article's own total beside the study it quotes: no disagreement
    (("another",), True),  # the same numbers from two articles: two claims that cannot both be right
], ids=["same-article", "two-articles"])
def test_rival_accounts_an_article_does_not_disagree_with_whom_it_quotes(docs_b, shown):
    import datetime as dt
    from wartally.link.claims import Area, Claim
    from wartally.link.disagreement import disagreements_between
    from wartally.records import DatePrecision, Qualifier, Victims
    start, end = dt.date(2023, 4, 15), dt.date(2024, 11, 14)

    def claim(source, n, docs):
        return Claim(id=f"{source}-{n}", source=source, outcome=Outcome.KILLED, victims=Victims.PEOPLE,
                     area=Area("country", "sudan", "Sudan"), n=n, qualifier=Qualifier.EXACT, start=start,
                     as_of=(end, end), precision=DatePrecision.DAY, figure=f"f-{n}", figures=(f"f-{n}",), docs=docs)

    rows = disagreements_between([claim("outlet", 61000, ("article",)), claim("LSHTM", 26000, docs_b)])
    assert bool(rows) is shown, [r.evidence for r in rows]
