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
