"""Disagreements about one incident's toll (link/tolls.py), from real
sentences of FA-KES dev run through the real extractor and linker: two
sources' counts of one event that cannot both be right are one row with
evidence; growth, parts, ranges and one source's own counts are not."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from wartally.eval.disagreements import disagreement_metrics, label_key, labels_name, read_labels
from wartally.extract.document import process_document
from wartally.link import link_figures
from wartally.records import Document

from conftest import need_shared

HOMS = ('"At least 30 children were among 39 people killed in the double bombing at the Akrameh al-Makhzumi school '
        'in Homs today" said Observatory director Rami Abdel Rahman. Speaking to AFP on Wednesday Homs governor '
        'Talal al-Barazi had also reported the deadly attacks giving a toll of 31 killed and 74 wounded.')
ALEPPO_SCD = ("Regime bombing raids in and around the northern Syrian city of Aleppo killed 31 civilians Friday the "
              "civil defence said in a revised toll of casualties. The Syrian Observatory for Human Rights a "
              "British-based monitoring group also reported intense strikes on the road but gave a lower toll of "
              "eight civilians killed.")
GHOUTA_RANGE = ("The rebel Syrian National Coalition said 650 people died in the chemical attack on Ghouta on "
                "Wednesday. Between 500 and 1300 people died on Wednesday from chemical weapons attacks in those "
                "areas which are part of what is known as the Ghouta the activists said.")
ALEPPO_PART = ("Air strikes by Syrian regime war planes in Aleppo on Sunday have killed 32 civilians in a rebel-held "
               "district a human rights monitor said. The Syrian Observatory for Human Rights said nine other "
               "civilians were killed in Qaterji.")


def incident_rows(text: str, published: str = "2016-06-03") -> list:
    doc = Document.make("fakes-test", text, published=published, outlet="test outlet")
    figures = process_document(doc)
    return [d for d in link_figures(figures, {doc.id: doc}).disagreements if d.scope == "incident"]


@pytest.mark.parametrize("text, published, counts", [
    (HOMS, "2014-10-01", {31, 39}),
    (ALEPPO_SCD, "2016-06-03", {31, 8}),
], ids=["homs-school-39-vs-31", "aleppo-scd-31-vs-sohr-8"])
def test_tolls_two_sources_one_incident_disagree_with_evidence(text, published, counts):
    rows = incident_rows(text, published)
    assert len(rows) == 1, [r.evidence for r in rows]
    row = rows[0]
    assert {row.n_a, row.n_b} == counts and row.kind == "rival" and row.event_id
    assert row.source_a.lower() != row.source_b.lower()
    assert "reported the same day" in row.evidence and "cannot both be right" in row.evidence
    assert row.docs_a == row.docs_b == ("fakes-test",)


@pytest.mark.parametrize("text", [GHOUTA_RANGE, ALEPPO_PART], ids=["range-holds-the-count", "a-part-is-no-rival"])
def test_tolls_ranges_and_parts_are_not_disagreements(text):
    assert incident_rows(text, "2013-08-21") == []


def test_tolls_later_higher_is_growth_later_lower_is_shown():
    """Two articles of one strike: a later, higher count is growth; the
    same two counts with the later one lower are a disagreement."""
    early = "An air strike on the market in Ariha on Monday killed 35 people, a civil defence official said."
    late = "The air strike on the market in Ariha on Monday killed 48 people, the Syrian Observatory said."
    lower = "The air strike on the market in Ariha on Monday killed 20 people, the Syrian Observatory said."

    def rows(first: str, second: str) -> list:
        a = Document.make("fakes-a", first, published="2015-08-03", outlet="a")
        b = Document.make("fakes-b", second, published="2015-08-05", outlet="b")
        figures = process_document(a) + process_document(b)
        result = link_figures(figures, {a.id: a, b.id: b})
        assert len({e.id for e in result.events if len(e.doc_ids) == 2}) == 1, "the linker made one event"
        return [d for d in result.disagreements if d.scope == "incident"]

    assert rows(early, late) == []
    shown = rows(early, lower)
    assert [(r.kind, r.n_a, r.n_b) for r in shown] == [("later_lower", 35, 20)]
    assert "reported 2 days apart" in shown[0].evidence


# How the text reads a count (patterns.json toll_*): each row is a whole toll, a second sentence that
# the cue makes a part, another count or a correction, and the same sentence without the cue, which
# must give the row (so each cue, not the extractor, is what keeps the pair out).
READINGS = [
    ("site",  # one hospital's count is a part of the day's toll
     "Shelling on the market in Maarat al-Numan on Tuesday killed 14 people, the civil defence said.",
     "A doctor in the town said the bodies of three people were brought to the town's hospital.",
     "A doctor in the town said three people were killed in the shelling."),
    ("trade",  # a trade among the victims is a part of the toll of everyone
     "An air strike on a field hospital in Kafr Nabl on Monday killed 15 people, the Syrian Observatory for Human "
     "Rights said.",
     "The Union of Medical Care and Relief Organizations said four nurses were killed in the strike.",
     "The Union of Medical Care and Relief Organizations said four people were killed in the strike."),
    ("trade-teachers",  # teachers among a school strike's dead: a part, not the toll
     "Air strikes on a school in the village of Hass on Wednesday killed 28 people, the Syrian Observatory for Human "
     "Rights said.",
     "UNICEF said six teachers were killed in the strikes on the school.",
     "UNICEF said six people were killed in the strikes on the school."),
    ("split",  # a sentence that splits the toll among places gives pieces, not a whole
     "Barrel bombs on Daraya on Friday killed 20 civilians, activists said.",
     "The Syrian Observatory for Human Rights said 11 civilians were killed in the western district and another six "
     "died in the old quarter.",
     "The Syrian Observatory for Human Rights said 11 civilians were killed in the western district."),
    ("several-towns",  # a count over several towns is the whole of one town's
     "The Syrian Observatory for Human Rights said 12 people died in a strike on a bakery in Saraqeb on Sunday.",
     "Air raids on the rebel-held towns of the province killed 35 people on Sunday, the opposition coalition said.",
     "Air raids on the rebel-held town killed 35 people on Sunday, the opposition coalition said."),
    ("another-time",  # a toll of an earlier attack is no count of this one
     "A car bomb in Azaz on Saturday killed nine people, police said.",
     "The attack came two weeks after 30 people were killed by a truck bomb in the town, the Syrian Observatory for "
     "Human Rights said.",
     "The Syrian Observatory for Human Rights said 30 people were killed by the car bomb."),
    ("family",  # one family among the dead is a part of the toll of everyone (Nigeria)
     "A military drone strike on a village in Zamfara State, Nigeria, on Sunday killed 60 people, the state governor "
     "said.",
     "A village chief told Amnesty International that 22 of his family members were killed in the strike.",
     "A village chief told Amnesty International that 22 people were killed in the strike."),
    ("one-family",  # "members of one family": the same, said the other way round (Nigeria)
     "A military drone strike on a village in Zamfara State, Nigeria, on Sunday killed 60 people, the state governor "
     "said.",
     "Amnesty International said 14 members of one family were killed in the strike.",
     "Amnesty International said 14 people were killed in the strike."),
    ("front-line-sides",  # the rebel-held east and the government-held west are two incidents
     "At least 19 people were killed in air strikes on rebel-held eastern Aleppo on Monday, activists said.",
     "State media said seven people were killed in the air strikes on government-held western Aleppo on Monday.",
     "State media said seven people were killed in the air strikes on Aleppo on Monday."),
]


@pytest.mark.parametrize("name, whole, cued, plain", READINGS, ids=[r[0] for r in READINGS])
def test_tolls_a_part_or_another_count_is_no_rival(name, whole, cued, plain):
    assert incident_rows(f"{whole} {cued}", "2016-05-02") == [], name
    shown = incident_rows(f"{whole} {plain}", "2016-05-02")
    assert len(shown) == 1 and shown[0].kind == "rival", (name, [r.evidence for r in shown])


def test_tolls_a_correction_told_as_one_is_no_disagreement():
    """'initially said 16 ... later confirmed 12' in one sentence is one
    count replacing another; the same two counts said apart are rivals."""
    told = ("The governor initially said 16 people were killed in the attack on the bus near Palmyra on Monday, but the "
            "interior ministry later confirmed that 12 people were killed.")
    apart = ("The governor said 16 people were killed in the attack on the bus near Palmyra on Monday. The interior "
             "ministry said 12 people were killed.")
    assert incident_rows(told, "2016-05-02") == []
    assert [(r.n_a, r.n_b) for r in incident_rows(apart, "2016-05-02")] == [(16, 12)]


def test_tolls_at_least_set_against_an_earlier_count_disagrees():
    """'at least 12' leaves room for 30, unless the text sets the two
    against each other ('had earlier said')."""
    base = "The health ministry said at least 12 people were killed in the strike on the displacement camp in Atareb on Tuesday."
    assert incident_rows(f"{base} The civil defence said 30 people were killed in the strike.", "2016-05-02") == []
    rows = incident_rows(f"{base} The civil defence had earlier said 30 people were killed in the strike.", "2016-05-02")
    assert [(r.kind, {r.n_a, r.n_b}) for r in rows] == [("rival", {12, 30})]
    assert rows[0].evidence.endswith("; the text sets them against each other"), rows[0].evidence


def test_tolls_a_rising_count_set_against_another_source_in_one_article_disagrees():
    """Peshawar, February 2023: the health department's toll "increased to
    101" is growth by itself, but the article sets the police's 84 against
    it ("However, ..."): two sources at odds, shown."""
    text = ("On Monday, a suicide blast ripped through a mosque in the police lines of Peshawar.\n\n"
            "The Khyber Pakhtunkhwa Health Department on Wednesday said the death toll in the attack increased to 101 "
            "after another injured person succumbed to his wounds.\n\n"
            "However, the Peshawar police today said that the confirmed number of martyrs stood at 84.")
    rows = incident_rows(text, "2023-02-04")
    assert [(r.kind, {r.n_a, r.n_b}) for r in rows] == [("rival", {84, 101})], [r.evidence for r in rows]


def _two_articles(first: str, second: str, published: tuple[str, str]) -> list:
    a = Document.make("fakes-a", first, published=published[0], outlet="a")
    b = Document.make("fakes-b", second, published=published[1], outlet="b")
    result = link_figures(process_document(a) + process_document(b), {a.id: a, b.id: b})
    return [d for d in result.disagreements if d.scope == "incident"]


@pytest.mark.parametrize("lower, higher, shown", [
    # the lower article says its toll is still being made: the same toll growing through the day
    ("A suicide bombing at a checkpoint in Jableh on Sunday killed 18 people, state television said. Rescue workers "
     "were still pulling bodies from the rubble of nearby shops.",
     "The suicide bombing at the checkpoint in Jableh on Sunday killed 27 people, the Syrian Observatory for Human "
     "Rights said.", False),
    # ... unless an article names the other count: then the two are set side by side
    ("A suicide bombing at a checkpoint in Jableh on Sunday killed 18 people, state television said. Rescue workers "
     "were still pulling bodies from the rubble of nearby shops. Earlier reports put the toll at 27.",
     "The suicide bombing at the checkpoint in Jableh on Sunday killed 27 people, the Syrian Observatory for Human "
     "Rights said.", True),
    # no word of a count still being made: two sources at odds the same day
    ("A suicide bombing at a checkpoint in Jableh on Sunday killed 18 people, state television said.",
     "The suicide bombing at the checkpoint in Jableh on Sunday killed 27 people, the Syrian Observatory for Human "
     "Rights said.", True),
    # the higher article tells the toll rising: the lower one of the same day is an earlier stage (Ukraine)
    ("A missile strike on an apartment block in Kremenchuk, Ukraine, on Sunday killed 18 people, the regional governor "
     "said.",
     "The death toll from the missile strike on the apartment block in Kremenchuk on Sunday rose to 27, the State "
     "Emergency Service said.", False),
    # the lower article tells its own toll rising through the morning: the same (Ukraine)
    ("A missile strike on an apartment block in Kremenchuk, Ukraine, on Sunday killed 18 people, the regional governor "
     "said. Earlier in the morning the toll had increased to 11.",
     "The missile strike on the apartment block in Kremenchuk on Sunday killed 27 people, the State Emergency Service "
     "said.", False),
], ids=["still-counting-is-growth", "named-side-by-side", "no-word-of-counting", "higher-told-as-a-rise",
        "lower-told-rising"])
def test_tolls_same_day_articles_still_counting(lower, higher, shown):
    rows = _two_articles(lower, higher, ("2016-05-01", "2016-05-01"))
    assert [(r.kind, {r.n_a, r.n_b}) for r in rows] == ([("rival", {18, 27})] if shown else [])


@pytest.mark.parametrize("a, b, same", [
    ("Hamas-run Health Ministry", "Gaza Health Ministry", True),  # an affiliation and a place name one ministry
    ("Hamas-controlled Health Ministry", "Health Ministry", True),
    ("Ministry of Internal", "Ministry of Internal Affairs of Ukraine", True),  # a name cut short
    ("officials", "Iranian officials", True),
    ("Ukraine civil defence", "Ukraine government", False),
    ("Syrian Observatory for Human Rights", "Syrian Civil Defence", False),
    ("Cherkasy Oblast Military Administration", "Kharkiv Oblast Military Administration", False),
    # a group's media speak for the group (Ras Isa's Houthi toll rising 20 -> 38 -> 58 is one source's growth)
    ("Al-Masirah", "Houthis", True),
    ("Houthi-controlled media", "Houthis", True),
    ("Houthi-controlled media", "Al-Masirah", True),
    ("Al-Masirah", "US military", False),
    ("Houthi-controlled media", "Hamas-run media", False),
])
def test_tolls_names_of_one_body_are_one_source(a, b, same):
    from wartally.link.tolls import same_source
    assert same_source(a, b) is same and same_source(b, a) is same


def test_tolls_one_ministry_under_two_names_is_no_disagreement():
    """Gaza's health ministry, called 'Hamas-run' by one article and 'Gaza'
    by another, is one source: its 40 the next day is a revision, no row."""
    first = ("An Israeli air strike on a school sheltering displaced families in Deir al-Balah, Gaza, on Monday killed "
             "48 people, the Hamas-run health ministry said.")
    second = ("The Israeli air strike on the school in Deir al-Balah on Monday killed 40 people, the Gaza health "
              "ministry said on Tuesday.")
    assert _two_articles(first, second, ("2024-07-01", "2024-07-02")) == []


@pytest.mark.parametrize("later, shown", [
    ("The civil defence said on Tuesday that 14 people had been killed in the air strike on the bakery in Kafranbel on "
     "Monday.", True),
    ("The civil defence said on Tuesday that 14 people had been killed in the air strike on the bakery in Kafranbel on "
     "Monday, with its teams still searching the rubble for survivors.", False),
], ids=["later-lower", "later-lower-still-counting"])
def test_tolls_a_later_lower_count_still_being_made_is_no_revision(later, shown):
    early = "An air strike on the bakery in Kafranbel on Monday killed 25 people, the Syrian Observatory for Human Rights said."
    rows = _two_articles(early, later, ("2016-05-02", "2016-05-03"))
    assert [(r.kind, r.n_a, r.n_b) for r in rows] == ([("later_lower", 25, 14)] if shown else [])


def test_tolls_text_readings_of_one_number():
    """The windows around a number: an age or a plan is no count, 'at least'
    in the text loosens an exact figure; a split names its outcome."""
    from types import SimpleNamespace

    from wartally.link.tolls import _qualifier, is_not_count, splits
    from wartally.records import Outcome, Qualifier

    text = ("Most of the dead were younger than 15. The deal is set to see more than 30000 people evacuated. "
            "The bombing killed at least one person.")
    docs = {"d": Document.make("d", text, published="2016-05-02", outlet="o")}

    def fig(number: str):  # what the readers look at of a figure: its number and sentence in the text
        start = text.index(number)
        return SimpleNamespace(doc_id="d", qualifier=Qualifier.EXACT, number_span=SimpleNamespace(
            start=start, end=start + len(number)), sentence_start=text.rfind(".", 0, start) + 1,
            sentence_end=text.find(".", start) + 1)
    assert is_not_count(fig("15"), text) and is_not_count(fig("30000"), text)
    things = "The missile destroyed 64 flats and damaged more than 190 in the block in Odesa, Ukraine."
    tdocs = {"d": Document.make("d", things, published="2016-05-02", outlet="o")}
    for number in ("64", "190"):  # a count of flats is no count of the dead
        start = things.index(number)
        f = SimpleNamespace(doc_id="d", qualifier=Qualifier.EXACT, number_span=SimpleNamespace(
            start=start, end=start + len(number)), sentence_start=0, sentence_end=len(things))
        assert is_not_count(f, things), number
    assert tdocs
    assert not is_not_count(fig("one"), text)
    assert _qualifier(fig("one"), docs) == Qualifier.AT_LEAST
    assert _qualifier(fig("15"), docs) == Qualifier.EXACT
    assert splits("nine were killed in Qaterji and two others died in Mayssar", Outcome.KILLED)
    assert not splits("six were killed and 34 others were injured", Outcome.KILLED)


LABELS = Path(__file__).parent / "data"
FILES = {"disagreements_incident_labels.jsonl": ("fakes-dev.jsonl",),
         "disagreements_incident_world_labels.jsonl": ("world-dev.jsonl", "wiki-incidents.jsonl")}


@pytest.mark.parametrize("name", sorted(FILES))
def test_tolls_labels_are_real_sentences_each_with_a_reason(name):
    shared = need_shared("the corpora the incident disagreement labels quote")
    docs = {}
    for corpus in FILES[name]:
        with open(shared / "corpus" / corpus, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                docs[d["id"]] = d["text"]
    labels = read_labels(LABELS / name)
    keys = [label_key(lab) for lab in labels]
    assert len(set(keys)) == len(keys)
    for lab in labels:
        assert lab["scope"] == "incident" and lab["why"].strip()
        for side in ("a", "b"):
            assert lab[side]["quote"] in docs[lab[side]["doc"]], (lab[side]["doc"], lab[side]["quote"])


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FILES))
def test_tolls_meet_their_pins(name, capsys):
    """``wartally eval --disagreements`` on each labels file meets the pins
    of tests/eval_baseline.json ("disagreements"), no pair shown twice."""
    from wartally.cli import main

    shared = need_shared("the corpora the incident disagreement labels are about")
    baseline = json.loads((Path(__file__).with_name("eval_baseline.json")).read_text(encoding="utf-8"))
    pins = baseline["disagreements"][labels_name(name)]["min"]
    docs = [a for corpus in FILES[name] for a in ("--docs", str(shared / "corpus" / corpus))]
    code = main(["eval", "--disagreements", str(LABELS / name), *docs, "--json",
                 "--check", str(Path(__file__).with_name("eval_baseline.json"))])
    result = json.loads(capsys.readouterr().out)["disagreements"]
    assert result["scope"] == "incident" and result["unlabelled"] == 0, result["not_true"]
    measured = disagreement_metrics(result)
    assert all(measured[k] >= v - 1e-6 for k, v in pins.items()), (measured, pins)
    assert code == 0


@pytest.fixture(scope="module")
def scopes_db(tmp_path_factory) -> Path:
    """A store with one incident row (the Homs school bombing, SOHR 39 vs
    the governor's 31) and one tally row (the UN's war toll going down)."""
    from wartally.link import link_store
    from wartally.link.gold import figure_from_gold
    from wartally.store import Store

    homs = Document.make("fakes-homs", HOMS, published="2014-10-01", outlet="wire")
    items = [(homs, process_document(homs))]
    for doc_id, published, n in (("fakes-un-1", "2015-07-08", 230000), ("fakes-un-2", "2015-08-03", 220000)):
        text = f"The United Nations says the war has killed more than {n} people."
        doc = Document.make(doc_id, text, published=published, outlet="wire")
        items.append((doc, [figure_from_gold(doc, {"outcome": "killed", "n": n, "victims": "people",
                                                   "qualifier": "at_least", "quote": text, "country": "Syria",
                                                   "source": "UN", "start": "2011-03-15", "end": published})]))
    db = tmp_path_factory.mktemp("scopes") / "scopes.duckdb"
    with Store(db) as store:
        store.write_batch(items)
        link_store(store)
    return db


@pytest.mark.parametrize("scope, wanted", [
    (None, {"tally"}),  # the default: running totals only (incident rows are candidates to review)
    ("tally", {"tally"}),
    ("incident", {"incident"}),
    ("all", {"tally", "incident"}),
])
def test_cli_lists_the_scope_asked_for(scopes_db, scope, wanted, capsys):
    from wartally.cli import main

    args = ["disagreements", "--db", str(scopes_db), "--format", "jsonl"] + (["--scope", scope] if scope else [])
    assert main(args) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert {r["scope"] for r in rows} == wanted
    if "incident" in wanted:
        (inc,) = [r for r in rows if r["scope"] == "incident"]
        assert {inc["n_a"], inc["n_b"]} == {31, 39} and inc["event_id"]


def test_cli_refuses_an_unknown_scope(scopes_db, capsys):
    from wartally.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["disagreements", "--db", str(scopes_db), "--scope", "everything"])
    assert exit_.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_api_disagreements_scope(scopes_db):
    from fastapi.testclient import TestClient

    from wartally.serve.app import create_app

    client = TestClient(create_app(scopes_db))
    assert {d["scope"] for d in client.get("/api/disagreements").json()["items"]} == {"tally"}
    got = client.get("/api/disagreements", params={"scope": "incident"}).json()
    assert got["total"] == 1 and {got["items"][0]["n_a"], got["items"][0]["n_b"]} == {31, 39}
    assert client.get("/api/disagreements", params={"scope": "all"}).json()["total"] == 2
    bad = client.get("/api/disagreements", params={"scope": "x"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_parameter"
