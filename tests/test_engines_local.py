"""The local engine (1 and N workers) and the Parquet row shapes."""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from wartally.engines import local, rows
from wartally.errors import Problem
from wartally.records import Document


@pytest.fixture(scope="module")
def fakes(gold_root) -> list[Document]:
    from wartally.ingest import read_documents

    docs = [d for d in read_documents([gold_root / "corpus" / "fakes-dev.jsonl"]) if isinstance(d, Document)]
    assert len(docs) > 90  # 394, in ../shared and in tests/data/sample
    return docs


def figures_json(results) -> list[dict]:
    return [f.to_json() for r in results if not isinstance(r, Problem) for f in r[1]]


def broken(doc_id: str) -> Document:
    """A document no stage can handle: its text is not a string."""
    return Document(id=doc_id, text=None, content_hash="0")  # type: ignore[arg-type]


def test_local_two_workers_give_the_same_results_in_input_order(fakes):
    sample = fakes[:60]
    one = list(local.process_documents(sample, workers=1))
    two = list(local.process_documents(sample, workers=2, chunksize=4))
    assert [r[0].id for r in one] == [d.id for d in sample]
    assert [r[0].id for r in two] == [d.id for d in sample]
    assert figures_json(two) == figures_json(one)
    assert figures_json(one), "no figures at all in 60 FA-KES articles: is the extractor there?"


@pytest.mark.parametrize("workers", [1, 2])
def test_local_failing_document_becomes_a_problem_and_the_rest_goes_on(fakes, workers):
    items = [fakes[0], broken("bad-doc"), Problem("in.jsonl:7", "json", "invalid JSON"), fakes[1]]
    out = list(local.process_documents(items, workers=workers))
    assert len(out) == 4
    assert out[0][0].id == fakes[0].id and out[3][0].id == fakes[1].id
    assert isinstance(out[1], Problem) and out[1].where == "bad-doc" and "TypeError" in out[1].reason
    assert out[2] == Problem("in.jsonl:7", "json", "invalid JSON")  # reader problems pass through in place


def test_local_workers_read_a_stream_lazily(fakes):
    pulled = []

    def stream():
        for doc in itertools.cycle(fakes[:20]):
            pulled.append(doc.id)
            yield doc

    it = local.process_documents(stream(), workers=2, chunksize=2)
    first = list(itertools.islice(it, 5))
    assert len(first) == 5
    assert len(pulled) <= 5 + 2 * 2 * 4 + 2  # at most the in-flight window ahead
    it.close()


def test_rows_types_cover_exactly_the_store_columns():
    from wartally.store import rows as store_rows

    assert tuple(rows.FIGURE_TYPES) == tuple(store_rows.FIGURE_COLUMNS)
    doc = Document.make("d", "text", published="2019-05-02")
    assert tuple(rows.DOCUMENT_TYPES) == tuple(store_rows.document_row(doc))


def test_rows_figure_row_round_trips_the_whole_figure(fakes):
    results = [r for r in local.process_documents(fakes[:40]) if not isinstance(r, Problem) and r[1]]
    assert results
    for doc, figs in results:
        for fig in figs:
            row = dict(zip(rows.FIGURE_COLUMNS, rows.figure_row(doc, fig)))
            assert rows.figure_of(row) == fig
            assert row["published_month"] == (doc.published.strftime("%Y-%m") if doc.published else "unknown")
        back = rows.document_of(dict(zip(rows.DOCUMENT_COLUMNS, rows.document_row(doc))))
        assert back == doc


@pytest.mark.parametrize(
    "where, expected",
    [
        ("/data/in.jsonl:12", ("/data/in.jsonl", 12)),
        ("hdfs://nn:8020/news/a.jsonl:3", ("hdfs://nn:8020/news/a.jsonl", 3)),
        ("/data/page.html", ("/data/page.html", None)),
        ("fakes-1923848170", ("fakes-1923848170", None)),
        ("C:", ("C:", None)),
    ],
)
def test_rows_split_where_gives_file_and_line(where, expected):
    assert rows.split_where(where) == expected


@pytest.mark.parametrize(
    "published, month",
    [(dt.date(2016, 7, 16), "2016-07"), (dt.date(2019, 12, 31), "2019-12"), (None, "unknown")],
)
def test_rows_published_month_names_the_partition(published, month):
    doc = dataclasses.replace(Document.make("d", "x"), published=published)
    assert rows.published_month(doc) == month


SEEDED_RUN = """
import json, sys
from pathlib import Path
from wartally.ingest import read_documents
from wartally.engines.local import process_documents
docs = [d for d in read_documents([Path(sys.argv[1])])]
print(json.dumps(sorted(json.dumps(f.to_json(), sort_keys=True) for r in process_documents(docs) for f in r[1])))
"""


@pytest.mark.slow
def test_local_figures_do_not_depend_on_the_processes_hash_seed(gold_root):
    """Engines run documents in other processes than the caller (workers,
    Spark executors), each with its own string hash seed: the stages must not
    depend on it, or the engines' results drift apart."""
    import json
    import os
    import subprocess
    import sys

    found = []
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", SEEDED_RUN, str(gold_root / "corpus" / "fakes-dev.jsonl")],
            capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        found.append(json.loads(done.stdout))
    assert found[0], "no figures in fakes-dev"
    assert found[0] == found[1]
