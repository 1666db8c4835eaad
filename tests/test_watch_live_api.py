"""The live part of the API: /api/changes over a store that a writer in the
same process changes (answers cached before a change are not served after
it), over a read-only store, and /api/outlets for a wire story's copies."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from watchsite import sample_articles
from wartally.pipeline import process_document
from wartally.records import Document
from wartally.serve.app import create_app
from wartally.serve.live import Live
from wartally.store import Store
from wartally.watch import state

ARTICLES = sample_articles()


def document(i: int) -> tuple[Document, list]:
    a = ARTICLES[i]
    doc = Document.make(f"http://127.0.0.1/a/{i}", a["title"] + "\n\n" + a["text"], title=a["title"],
                        published=a["published"], outlet="Example News", url=f"http://127.0.0.1/a/{i}")
    return doc, process_document(doc)


def test_watch_live_changes_and_fresh_answers_while_a_writer_commits(tmp_path):
    with Store(tmp_path / "live.duckdb") as store:
        store.write_batch([document(0)])
        state.save_source(store.con, state.SourceState("http://127.0.0.1/feed.xml", "feed"), error=None, found=1)
        live = Live(watching=True, sources=state.source_rows)
        with TestClient(create_app(store.path, store=store, live=live), raise_server_exceptions=False) as client:
            first = client.get("/api/changes").json()
            assert first["version"] == 0 and first["changed"] and first["watching"]
            assert client.get("/api/changes?since=0").json()["changed"] is False
            total = client.get("/api/figures?limit=1").json()["total"]
            assert total > 0 and client.get("/api/figures?limit=1").json()["total"] == total  # cached

            store.write_batch([document(6)])  # the writer commits, then tells the server
            live.bump()
            now = client.get("/api/changes?since=0").json()
            assert now["changed"] and now["version"] == 1 and now["updated_at"].endswith("Z")
            assert client.get("/api/figures?limit=1").json()["total"] > total

            sources = client.get("/api/sources").json()
            assert sources["total"] == 1 and sources["items"][0]["source"] == "http://127.0.0.1/feed.xml"
            assert sources["items"][0]["last_checked"][:2] == "20"

            bad = client.get("/api/changes?since=-1")
            assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_parameter"
        assert store.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2  # the server did not close it


def test_watch_live_read_only_serve_reports_when_the_store_was_written(tmp_path):
    db = tmp_path / "ro.duckdb"
    with Store(db) as store:
        store.write_batch([document(0)])
    with TestClient(create_app(db)) as client:
        got = client.get("/api/changes?since=0").json()
        assert got == {"version": 0, "changed": False, "updated_at": got["updated_at"], "watching": False}
        assert got["updated_at"][:2] == "20"
        assert client.get("/api/outlets?doc_id=x").json() == {"items": [], "total": 0}
        assert client.get("/api/sources").json()["error"]["code"] == "not_found"  # not watching


@pytest.mark.parametrize("query, status", [("", 422), ("?doc_id=", 422), ("?doc_id=" + "x" * 2001, 422)])
def test_watch_live_outlets_validates_its_parameter(tmp_path, query, status):
    db = tmp_path / "o.duckdb"
    Store(db).close()
    with TestClient(create_app(db)) as client:
        r = client.get("/api/outlets" + query)
        assert r.status_code == status and r.json()["error"]["status"] == status


def test_watch_live_outlets_lists_every_copy(tmp_path):
    db = tmp_path / "o.duckdb"
    doc, figures = document(2)
    with Store(db) as store:
        store.write_batch([(doc, figures)])
        state.queue_items(store.con, [state.Item(doc.id, "feed"), state.Item("http://127.0.0.1/wire/2", "feed")])
        state.finish_items(store.con, [state.ItemOutcome(doc.id, "stored", doc.id, "Example News"),
                                       state.ItemOutcome("http://127.0.0.1/wire/2", "duplicate", doc.id, "Other Wire")])
    with TestClient(create_app(db)) as client:
        got = client.get("/api/outlets", params={"doc_id": doc.id}).json()
    assert got["total"] == 2 and [i["outlet"] for i in got["items"]] == ["Example News", "Other Wire"]
