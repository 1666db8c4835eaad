"""``wartally review``, ``wartally users`` and ``wartally eval --reviewed``
on a real store: scripted bulk decisions with a bad line, the audit trail,
orphans, exports that carry the reviewed flag, and the extractor scored
against a team's own corrections."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys

import pytest

from test_review_corrections import DOCS, altered_docs, fill
from wartally.cli import main
from wartally.store import Store


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return fill(tmp_path_factory.mktemp("review-cli") / "built.duckdb")


@pytest.fixture
def db(built, tmp_path):
    copy = tmp_path / "cli.duckdb"
    shutil.copy(built, copy)
    return copy


def ids(db) -> dict[tuple[str, int], str]:
    with Store(db, read_only=True) as store:
        return {(d, n): i for i, d, n in store.con.execute("SELECT id, doc_id, n FROM figures").fetchall()}


def test_review_cli_bulk_file_reports_bad_lines_and_applies_the_rest(db, tmp_path, capsys):
    fig = ids(db)
    with Store(db, read_only=True) as store:
        text = store.read_document("ariha-1").text
        events = [r[0] for r in store.con.execute("SELECT id FROM events ORDER BY id").fetchall()]
    start = text.index("4 men")
    lines = [
        {"action": "reject", "figure": fig[("ariha-1", 20)], "reason": "restated below"},
        {"action": "edit", "figure": fig[("kafranbel-1", 7)], "field": "weapon", "value": "barrel bomb"},
        "this line is not JSON",
        {"action": "edit", "figure": fig[("ariha-1", 12)], "field": "victims", "value": "cats"},
        {"action": "explode", "figure": "x"},
        {"action": "add", "doc": "ariha-1", "start": start, "end": start + 5, "outcome": "killed", "victims": "men"},
        {"action": "merge", "events": events},
    ]
    path = tmp_path / "decisions.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert main(["review", "apply", str(path), "--db", str(db), "--editor", "amal"]) == 1
    err = capsys.readouterr().err
    assert f"{path}:3: input: not JSON" in err
    assert f"{path}:4: invalid: victims: 'cats' is not one of" in err
    assert f"{path}:5: invalid: action 'explode'" in err
    assert "4 corrections made, 3 refused" in err
    with Store(db, read_only=True) as store:
        got = dict(store.con.execute("SELECT doc_id || ':' || n, coalesce(review_status, '') FROM figures").fetchall())
        assert got["ariha-1:20"] == "rejected" and got["ariha-1:4"] == "added" and got["ariha-1:12"] == ""
        assert store.con.execute("SELECT weapon FROM figures WHERE doc_id = 'kafranbel-1'").fetchone()[0] == "barrel bomb"
        docs = store.con.execute("SELECT e.id, list(DISTINCT ef.doc_id ORDER BY ef.doc_id) FROM events e "
                                 "JOIN event_figures ef ON ef.event_id = e.id GROUP BY 1").fetchall()
        assert ["ariha-1", "ariha-2", "kafranbel-1"] in [d for _, d in docs]  # merged (the added 4 is apart)
    assert main(["review", "log", "--db", str(db), "--format", "jsonl"]) == 0
    log = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(c["kind"], c["editor"]) for c in log] == [("reject", "amal"), ("edit", "amal"), ("add", "amal"),
                                                       ("merge", "amal")]


def test_review_cli_one_by_one_and_orphans_after_reingest(db, tmp_path, capsys):
    fig = ids(db)
    assert main(["review", "reject", fig[("tally-snhr", 606)], "nope", "--db", str(db), "--editor", "amal"]) == 1
    assert "nope: not_found: no figure 'nope'" in capsys.readouterr().err
    assert main(["review", "edit", fig[("kafranbel-1", 7)], "--field", "period", "--value", "2019-06-03..2019-06-04",
                 "--db", str(db), "--editor", "amal"]) == 0
    changed = altered_docs(tmp_path, {"kafranbel-1": ("seven civilians", "seven people")})
    assert main(["ingest", str(changed), "--db", str(db), "-q"]) == 0
    capsys.readouterr()
    assert main(["review", "orphans", "--db", str(db)]) == 0
    out = capsys.readouterr()
    assert "kafranbel-1: the sentence of 'seven' is no longer in the text: edit(period)" in out.out
    assert "1 corrections need a second look" in out.err
    with Store(db, read_only=True) as store:  # the reject of a sentence that did not change still holds
        assert store.con.execute("SELECT review_status FROM figures WHERE n = 606").fetchone()[0] == "rejected"


def test_review_cli_export_and_report_carry_reviewed_and_corrected_values(db, tmp_path, capsys):
    fig = ids(db)
    assert main(["review", "edit", fig[("ariha-2", 13)], "--field", "n", "--value", "14", "--db", str(db),
                 "--editor", "amal", "--reason", "AFP later said 14"]) == 0
    assert main(["review", "reject", fig[("tally-sohr", 544)], "--db", str(db), "--editor", "amal"]) == 0
    out = tmp_path / "figures.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    by = {(r["doc_id"], r["n"]): r for r in rows}
    assert by[("ariha-2", "14")]["reviewed"] == "True" and by[("ariha-2", "14")]["review_status"] == "corrected"
    assert ("ariha-2", "13") not in by and ("tally-sohr", "544") not in by  # corrected value; rejected left out
    assert by[("ariha-1", "12")]["reviewed"] == "False"
    ucdp = tmp_path / "ged.csv"
    assert main(["export", "--db", str(db), "--format", "ucdp", "-o", str(ucdp)]) == 0
    events = list(csv.DictReader(open(ucdp, encoding="utf-8")))
    assert {e["reviewed"] for e in events} == {"True", "False"}
    with Store(db, read_only=True) as store:  # the machine's value is still there to query
        assert store.con.execute("SELECT machine_record->>'$.n' FROM figures WHERE n = 14").fetchone()[0] == "13"
    report = tmp_path / "report.html"
    assert main(["report", "--db", str(db), "-o", str(report)]) == 0
    html = report.read_text(encoding="utf-8")
    assert "14 civilians killed <span class=\"reviewed\">reviewed (corrected)</span>" in html
    assert "<b>1</b>reviewed figures" in html and "At least 544 civilians" not in html  # rejected


def test_review_cli_users_add_reads_password_from_stdin(db):
    run = lambda *a, stdin="": subprocess.run([sys.executable, "-m", "wartally.cli", *a], input=stdin,  # noqa: E731
                                              capture_output=True, text=True)
    ok = run("users", "add", "amal", "--role", "editor", "--password-stdin", "--db", str(db),
             stdin="a long enough password\n")
    assert ok.returncode == 0, ok.stderr
    short = run("users", "add", "badr", "--role", "editor", "--password-stdin", "--db", str(db), stdin="short\n")
    assert short.returncode == 1 and "at least 10 characters" in short.stderr
    again = run("users", "add", "amal", "--role", "admin", "--password-stdin", "--db", str(db),
                stdin="another long password\n")
    assert again.returncode == 1 and "exists already" in again.stderr
    listed = run("users", "list", "--db", str(db))
    assert listed.stdout.split("\t")[:2] == ["amal", "editor"]
    with Store(db, read_only=True) as store:
        (digest,) = store.con.execute("SELECT password_hash FROM users").fetchone()
        assert digest.startswith("$argon2") and "long enough" not in digest
        from wartally.review.accounts import check_password

        assert check_password(store.con, "amal", "a long enough password") == "editor"
        assert check_password(store.con, "amal", "a long enough passwort") is None


def test_review_cli_eval_reviewed_scores_the_extractor_against_corrections(db, capsys):
    fig = ids(db)
    with Store(db, read_only=True) as store:
        text = store.read_document("ariha-1").text
    start = text.index("4 men")
    assert main(["review", "add", "ariha-1", "--start", str(start), "--end", str(start + 5), "--outcome", "killed",
                 "--victims", "men", "--db", str(db), "--editor", "amal"]) == 0
    assert main(["review", "edit", fig[("ariha-1", 12)], "--field", "source", "--value", "Syrian Observatory",
                 "--db", str(db), "--editor", "amal"]) == 0
    capsys.readouterr()
    assert main(["eval", "--reviewed", "--db", str(db), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    m = got["metrics"]["reviewed"]
    # ariha-1: gold 12 civilians, 20 people, 4 men (added); the extractor finds the first two
    assert got["gold_figures"] == 3 and got["touched"] == 2
    assert m["precision"] == 1.0 and m["recall"] == pytest.approx(2 / 3, abs=0.01)
    assert main(["eval", "--reviewed"]) == 2
