"""Corrections as data over a real store: each kind of correction is applied,
kept through re-ingest of changed texts, listed for a second look when its
text is gone, and refused when someone changed the figure first."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from wartally.review import actions
from wartally.store.review.apply import orphans
from wartally.store.review.corrections import Kind, ReviewError, read_log
from wartally.store import Store
from wartally.ingestion import ingest, read_inputs

DOCS = Path(__file__).parent / "data" / "review_docs.jsonl"
NOTE = "Editor's note: this article was updated with new figures.\n\n"


def altered_docs(tmp: Path, change: dict[str, tuple[str, str]] | None = None) -> Path:
    """The review documents with a note put before every text (so every
    offset moves) and, per document, one (old, new) replacement."""
    out = tmp / "altered.jsonl"
    with open(out, "w", encoding="utf-8") as f:
        for line in open(DOCS, encoding="utf-8"):
            d = json.loads(line)
            d["text"] = NOTE + d["text"]
            if change and d["id"] in change:
                old, new = change[d["id"]]
                assert old in d["text"]
                d["text"] = d["text"].replace(old, new)
            f.write(json.dumps(d) + "\n")
    return out


def fill(db: Path, source: Path = DOCS) -> Path:
    with Store(db) as store:
        summary = ingest(store, read_inputs([source]))
    assert not summary.problems
    return db


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return fill(tmp_path_factory.mktemp("review") / "built.duckdb")


@pytest.fixture
def db(built, tmp_path) -> Path:
    copy = tmp_path / "review.duckdb"
    shutil.copy(built, copy)
    return copy


def figure(store: Store, doc: str, n: int) -> dict:
    cur = store.con.execute("SELECT * FROM figures WHERE doc_id = ? AND n = ? ORDER BY number_start", [doc, n])
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    assert len(rows) == 1, rows
    return rows[0]


def reingest(db: Path, tmp: Path, change: dict | None = None) -> None:
    with Store(db) as store:
        summary = ingest(store, read_inputs([altered_docs(tmp, change)]))
    assert summary.written == 5 and not summary.problems


def test_review_reject_is_kept_through_reingest_of_changed_texts(db, tmp_path):
    with Store(db) as store:
        fid = figure(store, "ariha-1", 20)["id"]
        actions.decide(store, fid, "reject", editor="amal", reason="the wounded are counted elsewhere")
        assert figure(store, "ariha-1", 20)["review_status"] == "rejected"
        listed = [f.id for f in store.read_figures()]
        assert fid not in listed and len(listed) == 6
    reingest(db, tmp_path)
    with Store(db) as store:
        row = figure(store, "ariha-1", 20)
        assert row["id"] != fid  # a new text, a new machine id ...
        assert row["review_status"] == "rejected" and row["reviewed"]  # ... and the same decision
        assert row["number_start"] == figure_start_in(store, "ariha-1", "20")
        assert not orphans(store.con)


def figure_start_in(store: Store, doc: str, number: str) -> int:
    text = store.read_document(doc).text
    return text.index(f" {number} ") + 1


PLACE_KAFRANBEL = "geonames:"  # filled from the gazetteer in the test


def _kafr_nabl_id() -> str:
    from wartally.review.places import candidates

    found = [p for p in candidates("Kafranbel") if p.admin1 == "Idlib"]
    assert found, "the gazetteer knows Kafranbel"
    return found[0].gazetteer_id


# field, value given, column, value stored
EDITS = [
    ("n", 14, "n", 14),
    ("n", "15", "n", 15),
    ("qualifier", "at_least", "qualifier", "at_least"),
    ("victims", "people", "victims", "people"),
    ("outcome", "injured", "outcome", "injured"),
    ("side", "government", "side", "government"),
    ("source", "Syrian Observatory for Human Rights", "source", "Syrian Observatory for Human Rights"),
    ("actor", "Russia; Syrian government", "actor", "Russia; Syrian government"),
    ("weapon", "airstrike", "weapon", "airstrike"),
    ("period", {"start": "2019-06-02", "end": "2019-06-03"}, "end_date", "2019-06-03"),
]


@pytest.mark.parametrize("field,value,column,stored", EDITS, ids=[f"{e[0]}-{e[1]}" for e in EDITS])
def test_review_edit_sets_the_field_keeps_machine_value_and_survives(db, tmp_path, field, value, column, stored):
    with Store(db) as store:
        before = figure(store, "ariha-1", 12)
        actions.edit(store, before["id"], field, value, editor="amal", reason="checked the article",
                     relink=False)  # events are not what this checks; the re-ingest links
        after = figure(store, "ariha-1", 12 if field != "n" else stored)
        assert str(after[column]) == str(stored)
        assert after["reviewed"] and after["review_status"] == "corrected"
        machine = json.loads(after["machine_record"])
        assert machine["n"] == 12 and machine["id"] == before["id"]  # the machine's values stay queryable
        (c,) = read_log(store.con)
        assert (c.editor, c.kind, c.field, c.reason) == ("amal", Kind.EDIT, field, "checked the article")
    reingest(db, tmp_path)
    with Store(db) as store:
        again = figure(store, "ariha-1", 12 if field != "n" else stored)
        assert str(again[column]) == str(stored) and again["id"] != before["id"]


def test_review_place_from_gazetteer_sets_coordinates_and_admin(db, tmp_path):
    gid = _kafr_nabl_id()
    with Store(db) as store:
        fid = figure(store, "ariha-2", 13)["id"]
        actions.edit(store, fid, "place", {"gazetteer_id": gid, "mention": "Kafranbel"}, editor="amal")
        row = figure(store, "ariha-2", 13)
        assert row["admin1"] == "Idlib" and row["place"] != "Ariha" and row["lat"] and row["lon"]
        with pytest.raises(ReviewError) as bad:
            actions.edit(store, fid, "place", {"gazetteer_id": "geonames:does-not-exist"}, editor="amal")
        assert bad.value.code == "invalid"
    reingest(db, tmp_path)
    with Store(db) as store:
        assert figure(store, "ariha-2", 13)["place"] == row["place"]


def test_review_part_of_points_at_the_new_parent_after_reingest(db, tmp_path):
    with Store(db) as store:
        child = figure(store, "ariha-2", 3)
        parent = figure(store, "ariha-2", 13)
        assert child["part_of"] == parent["id"]
        actions.edit(store, child["id"], "part_of", None, editor="amal", reason="separate count")
        assert figure(store, "ariha-2", 3)["part_of"] is None
        actions.edit(store, child["id"], "part_of", parent["id"], editor="amal")
    reingest(db, tmp_path)
    with Store(db) as store:
        assert figure(store, "ariha-2", 3)["part_of"] == figure(store, "ariha-2", 13)["id"]


@pytest.mark.parametrize("field,value", [
    ("n", -3), ("n", "twelve"), ("n", True), ("qualifier", "roughly"), ("victims", "cats"),
    ("period", {"start": "2019-06-05", "end": "2019-06-01"}), ("period", {"start": "June 5"}),
    ("source", "x" * 201), ("source", "two\nlines"), ("colour", "red"), ("part_of", "not-a-figure"),
])
def test_review_edit_refuses_bad_values(db, field, value):
    with Store(db) as store:
        fid = figure(store, "ariha-1", 12)["id"]
        with pytest.raises(ReviewError) as bad:
            actions.edit(store, fid, field, value, editor="amal")
        assert bad.value.code == "invalid" and str(field) in bad.value.reason
        assert not read_log(store.con)


def test_review_add_missed_figure_from_selected_words(db, tmp_path):
    with Store(db) as store:
        text = store.read_document("ariha-1").text
        words = "4 men never made it out"
        start = text.index(words)
        assert not store.con.execute("SELECT count(*) FROM figures WHERE doc_id = 'ariha-1' AND n = 4").fetchone()[0]
        actions.add(store, "ariha-1", start, start + len(words), {"outcome": "killed", "victims": "men"},
                    editor="amal", reason="they died in the strike")
        row = figure(store, "ariha-1", 4)
        assert (row["outcome"], row["victims"], row["review_status"]) == ("killed", "men", "added")
        assert text[row["number_start"]:row["number_end"]] == "4"
        assert "never made it out of the market" in row["quote"]
        with pytest.raises(ReviewError):  # the same words again: already a figure
            actions.add(store, "ariha-1", start, start + len(words), {"outcome": "killed", "victims": "men"},
                        editor="amal")
        kinds = dict(store.con.execute("SELECT id, kind FROM figures WHERE doc_id = 'ariha-1'").fetchall())
        assert kinds[row["id"]] is not None  # linked like any figure
    reingest(db, tmp_path)
    with Store(db) as store:
        again = figure(store, "ariha-1", 4)
        assert again["review_status"] == "added" and store.read_document("ariha-1").text[again["number_start"]] == "4"


def events_of(store: Store) -> dict[str, set[str]]:
    got = store.con.execute("SELECT ef.event_id, f.doc_id FROM event_figures ef JOIN figures f ON f.id = ef.figure_id"
                            ).fetchall()
    out: dict[str, set[str]] = {}
    for e, d in got:
        out.setdefault(e, set()).add(d)
    return out


def test_review_merge_and_split_events_survive_relink_and_reingest(db, tmp_path):
    from wartally.link import link_store

    with Store(db) as store:
        before = events_of(store)
        assert sorted(map(sorted, before.values())) == [["ariha-1", "ariha-2"], ["kafranbel-1"]]
        actions.merge(store, list(before), editor="amal", reason="one campaign day")
        (merged,) = events_of(store).values()
        assert merged == {"ariha-1", "ariha-2", "kafranbel-1"}
        assert store.con.execute("SELECT reviewed FROM events").fetchone()[0]
        (event_id,) = events_of(store)
        off = [figure(store, "ariha-2", 13)["id"], figure(store, "ariha-2", 3)["id"]]
        actions.split(store, event_id, off, editor="amal", reason="a different market")
        after = sorted(map(sorted, events_of(store).values()))
        assert after == [["ariha-1", "kafranbel-1"], ["ariha-2"]]
        link_store(store)  # `wartally link` again: the decisions stay
        assert sorted(map(sorted, events_of(store).values())) == after
        counts = dict(store.con.execute("SELECT DISTINCT c.victims, c.best FROM event_counts c JOIN event_figures ef "
                                        "ON ef.event_id = c.event_id JOIN figures f ON f.id = ef.figure_id "
                                        "WHERE f.doc_id = 'ariha-2' AND c.outcome = 'killed'").fetchall())
        assert counts == {"civilians": 13, "children": 3}
    reingest(db, tmp_path)
    with Store(db) as store:
        assert sorted(map(sorted, events_of(store).values())) == after


def test_review_disagreement_verdict(db, tmp_path):
    verdicts = "SELECT scope, verdict FROM disagreements ORDER BY scope, id"
    with Store(db) as store:
        # the running totals' row (incident rows, rival tolls of one attack, are judged the same way)
        (dis_id,) = [r[0] for r in store.con.execute("SELECT id FROM disagreements WHERE scope = 'tally'").fetchall()]
        others = store.con.execute("SELECT count(*) FROM disagreements WHERE id <> ?", [dis_id]).fetchone()[0]
        actions.verdict(store, dis_id, False, editor="amal", reason="SNHR counts the whole province")
        judged = store.con.execute(verdicts).fetchall()
        assert ("tally", "not_real") in judged and sum(v is not None for _, v in judged) == 1
    reingest(db, tmp_path)
    with Store(db) as store:
        assert store.con.execute(verdicts).fetchall() == judged  # the verdict stays, on that row only
        assert store.con.execute("SELECT count(*) FROM disagreements").fetchone()[0] == others + 1


def test_review_correction_whose_sentence_is_gone_is_listed_not_dropped(db, tmp_path):
    with Store(db) as store:
        fid = figure(store, "kafranbel-1", 7)["id"]
        actions.edit(store, fid, "n", 8, editor="amal")
    reingest(db, tmp_path, {"kafranbel-1": ("killed seven civilians", "killed nine civilians")})
    with Store(db) as store:
        row = figure(store, "kafranbel-1", 9)
        assert not row["reviewed"]  # the text says something else now: not overwritten
        (o,) = orphans(store.con)
        assert o.doc_id == "kafranbel-1" and "no longer in the text" in o.reason
        assert [c.after for c in o.corrections] == [8]
        assert len(read_log(store.con)) == 1  # the correction itself is kept


def test_review_second_editor_sees_the_first_change_instead_of_overwriting(db):
    with Store(db) as store:
        fid = figure(store, "ariha-1", 12)["id"]
        seen = actions.figure_state(store.con, fid)["version"]  # both editors open the figure
        actions.edit(store, fid, "n", 11, editor="amal", version=seen)
        with pytest.raises(ReviewError) as late:
            actions.edit(store, fid, "n", 10, editor="badr", version=seen)
        assert late.value.code == "conflict"
        now = late.value.current() if callable(late.value.current) else late.value.current
        assert now["n"] == 11 and now["version"] == seen + 1
        assert figure(store, "ariha-1", 11)["n"] == 11
        actions.edit(store, fid, "n", 10, editor="badr", version=now["version"])  # after a look: allowed
        assert [c.editor for c in read_log(store.con)] == ["amal", "badr"]


def test_review_log_is_append_only_and_says_who_what_before_after_why(db):
    with Store(db) as store:
        fid = figure(store, "ariha-1", 12)["id"]
        actions.decide(store, fid, "reject", editor="amal", reason="duplicate")
        actions.decide(store, fid, "accept", editor="badr", reason="not a duplicate")
        log = read_log(store.con)
        assert [(c.seq, c.editor, c.kind, c.before, c.after, c.reason) for c in log] == [
            (1, "amal", Kind.REJECT, None, "rejected", "duplicate"),
            (2, "badr", Kind.ACCEPT, "rejected", "accepted", "not a duplicate")]
        assert all(c.at is not None for c in log)
        assert figure(store, "ariha-1", 12)["review_status"] == "accepted"


@pytest.mark.parametrize("old,new,found", [
    ("", "", True),  # only the note before the text: every offset moved
    ("in the strikes, it said", "in the air raids, it said", True),  # the sentence edited far from the number
    ("Another 20 people were", "Another 20 civilians were", False),  # the words next to the number changed
    ("Another 20 people", "Another 21 people", False),  # the number itself changed
])
def test_review_key_finds_its_number_again_in_an_edited_text(old, new, found):
    from wartally.store.review.keys import FigureKey

    text = ("Air strikes killed 12 civilians in the town of Ariha on Monday. "
            "Another 20 people were wounded in the strikes, it said.")
    start = text.index("20")
    sentence_start = text.index("Another")
    key = FigureKey("d", start, start + 2, "20", text[sentence_start:], sentence_start, "injured")
    edited = NOTE + (text.replace(old, new) if old else text)
    span = key.locate(edited)
    assert (span is not None) == found
    if found:
        assert edited[span[0]:span[1]] == "20" and edited[span[0] - 8:span[0]] == "Another "


def test_review_event_corrections_refuse_stale_or_bad_targets(db):
    with Store(db) as store:
        events = sorted(events_of(store))
        actions.merge(store, events, editor="amal")
        with pytest.raises(ReviewError) as stale:  # a second editor merging the events as they were
            actions.merge(store, events, editor="badr")
        assert stale.value.code == "conflict"
        (merged,) = events_of(store)
        members = [r[0] for r in store.con.execute("SELECT figure_id FROM event_figures").fetchall()]
        for bad in ([], members, ["not-a-figure"]):
            with pytest.raises(ReviewError) as e:
                actions.split(store, merged, bad, editor="amal")
            assert e.value.code == "invalid"
        with pytest.raises(ReviewError) as e:
            actions.verdict(store, "no-such-disagreement", True, editor="amal")
        assert e.value.code == "not_found"
        with pytest.raises(ReviewError):
            actions.merge(store, [merged], editor="amal")
        assert [c.editor for c in read_log(store.con)] == ["amal"]


def test_review_queue_puts_unreviewed_disagreements_and_large_numbers_first(db):
    from wartally.review.queue import queue

    with Store(db) as store:
        first, total = queue(store.con, limit=100)
        assert total == 7
        assert {f["n"] for f in first[:2]} == {544, 606}  # the two sides of a disagreement
        assert all(f["sentence"] and str(f["n"]) in f["sentence"].replace("seven", "7") for f in first)
        actions.decide(store, first[0]["id"], "reject", editor="amal")
        actions.decide(store, first[1]["id"], "accept", editor="amal")
        after, _ = queue(store.con, limit=100)
        assert after[-1]["id"] == first[0]["id"] and after[-2]["id"] == first[1]["id"]  # reviewed, then rejected
        assert [f["id"] for f in after[:5]] == [f["id"] for f in first[2:]]
        left, n = queue(store.con, unreviewed_only=True)
        assert n == 5 and all(not f["reviewed"] for f in left)
