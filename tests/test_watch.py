"""``Watcher`` rounds against a real HTTP server on 127.0.0.1 whose feed
changes during the test and whose pages misbehave: every good article is
stored exactly once, every bad one is reported with its URL and reason, and
the round goes on."""
from __future__ import annotations

import pytest

from watchsite import Route, RunningSite, sample_articles
from wartally.store import Store
from wartally.watch import Fetcher, Watcher
from wartally.watch import state

ARTICLES = sample_articles()


def quick_fetcher(**kw) -> Fetcher:
    """Polite in kind, but with test-sized waits."""
    return Fetcher(**{"timeout": 0.5, "retries": 2, "backoff": 0.05, "min_interval": 0.0, **kw})


def stored_ids(store: Store) -> set[str]:
    return {r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()}


# (path, how it misbehaves, the problem code watch must report for it)
MISBEHAVING = [
    ("/bad/always-500", Route(b"x", status=500), "http"),
    ("/bad/stall", Route(b"<html></html>", stall=2.0), "timeout"),
    ("/bad/huge", Route(stream_mb=50), "too-large"),
    ("/bad/loop-a", Route(status=302, location="/bad/loop-b"), "redirect-loop"),
    ("/bad/not-found", None, "http"),
    ("/bad/empty-page", Route(b"<html><body><nav>Home</nav></body></html>"), "no-text"),
]


@pytest.fixture
def site():
    with RunningSite() as s:
        yield s


def test_watch_stores_every_good_article_once_and_reports_every_bad_one(site, tmp_path):
    good = {f"/news/{i}": ARTICLES[i] for i in range(4)}
    for path, article in good.items():
        site.publish(path, article)
    site.routes["/news/0"].fail_first = 2  # two 500s, then the page: retried within the fetch
    site.routes["/news/1"].fail_first, site.routes["/news/1"].retry_after = 1, 1  # a 429 with Retry-After
    site.routes["/bad/loop-b"] = Route(status=301, location=site.base + "/bad/loop-a")
    for path, route, _ in MISBEHAVING:
        if route is not None:
            site.routes[path] = route
        site.list_link(path)
    site.publish("/wire/copy-of-2", ARTICLES[2], outlet="Other Wire")  # the same story under a second URL
    site.routes["/broken.xml"] = Route(b"<rss><channel><item><title>cut sh", "application/rss+xml")
    said: list[str] = []
    feed, broken = site.base + "/feed.xml", site.base + "/broken.xml"
    with Store(tmp_path / "w.duckdb") as store:
        watcher = Watcher(store, [feed, broken], fetcher=quick_fetcher(), say=said.append)
        first = watcher.round()

        assert stored_ids(store) == {site.base + p for p in good}
        for path, _, code in MISBEHAVING:
            line = next((s for s in said if s.startswith(site.base + path + ": ")), None)
            assert line is not None, (path, said)
            assert line.split(": ")[1] == code, line
        assert any(s.startswith(broken + ": feed: malformed XML") for s in said), said
        assert first.stored == 4 and first.duplicates == 1 and first.failed == len(MISBEHAVING)
        assert first.events is not None and first.events > 0
        # exactly once: the flaky pages took retries, each good page one successful answer
        assert site.routes["/news/0"].hits == 3 and site.routes["/news/1"].hits == 2
        assert site.routes["/news/2"].hits == site.routes["/news/3"].hits == 1

        # the copy is one set of figures with two outlets
        original = site.base + "/news/2"
        assert state.outlets_of(store.con, original) == [
            {"url": original, "outlet": "Example News", "status": "stored"},
            {"url": site.base + "/wire/copy-of-2", "outlet": "Other Wire", "status": "duplicate"}]
        figures = store.read_figures(original)
        assert figures and all(f.doc_id == original for f in figures)

        # the feed changes: only the new articles are fetched, with a conditional GET of the feed
        site.publish("/news/new-1", ARTICLES[10])
        site.publish("/news/new-2", ARTICLES[11])
        second = watcher.round()
        assert second.stored == 2 and site.routes["/news/new-1"].hits == 1
        assert site.requests_to("/feed.xml")[-1].get("If-None-Match")
        assert all(site.routes[p].hits == 1 for p in ("/news/2", "/news/3", "/wire/copy-of-2"))
        assert site.routes["/bad/huge"].hits == 1 and site.routes["/bad/loop-a"].hits == 1  # not retried
        assert site.routes["/bad/always-500"].hits == 2 * 3  # retryable: tried again next round
        assert len(stored_ids(store)) == 6

        # nothing changed: the feed answers 304, no page is requested
        before = len(site.log)
        third = watcher.round()
        assert third.not_modified >= 1 and third.queued == 0 and third.stored == 0
        pages = [p for p, _ in site.log[before:] if p.startswith(("/news/", "/wire/"))]
        assert pages == []
        rows = {r["source"]: r for r in state.source_rows(store.con)}
        assert rows[feed]["stored"] == 6 and rows[feed]["duplicates"] == 1 and rows[feed]["kind"] == "feed"
        assert rows[broken]["last_error"].startswith(broken + ": feed: malformed XML")


def test_watch_near_duplicate_with_other_headline_and_footer_is_one_document(site, tmp_path):
    article = ARTICLES[5]
    site.publish("/a/original", article)
    retold = dict(article, title="UPDATE: " + article["title"])
    site.publish("/b/retold", retold, outlet="Wire Two", extra="<p>Reporting by the wire desk; editing by the night desk.</p>")
    with Store(tmp_path / "w.duckdb") as store:
        summary = Watcher(store, [site.base + "/feed.xml"], fetcher=quick_fetcher(), say=lambda s: None).round()
        assert summary.stored == 1 and summary.duplicates == 1
        assert stored_ids(store) == {site.base + "/a/original"}
        assert [o["outlet"] for o in state.outlets_of(store.con, site.base + "/a/original")] == ["Example News", "Wire Two"]


def test_watch_sitemap_lists_articles(site, tmp_path):
    site.publish("/s/1", ARTICLES[20])
    site.publish("/s/2", ARTICLES[21])
    with Store(tmp_path / "w.duckdb") as store:
        watcher = Watcher(store, [site.base + "/sitemap.xml"], fetcher=quick_fetcher(), say=lambda s: None)
        assert watcher.round().stored == 2
        assert watcher.round().not_modified == 1
        assert state.source_rows(store.con)[0]["kind"] == "sitemap"


def test_watch_folder_reads_new_and_changed_files_only(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLES[0]["title"] + "\n\n" + ARTICLES[0]["text"], encoding="utf-8")
    said: list[str] = []
    with Store(tmp_path / "w.duckdb") as store:
        watcher = Watcher(store, [str(inbox)], say=said.append)
        assert watcher.round().stored == 1
        (inbox / "b.txt").write_text(ARTICLES[1]["title"] + "\n\n" + ARTICLES[1]["text"], encoding="utf-8")
        again = watcher.round()
        assert again.queued == 1 and again.stored == 1  # a.txt is not read again
        (inbox / "a.txt").write_text(ARTICLES[2]["title"] + "\n\n" + ARTICLES[2]["text"] + "\n", encoding="utf-8")
        assert watcher.round().queued == 1
        texts = dict(store.con.execute("SELECT id, text FROM documents").fetchall())
        assert set(texts) == {"a.txt", "b.txt"} and ARTICLES[2]["text"][:40] in texts["a.txt"]
        assert watcher.round().queued == 0
    assert said == []


@pytest.mark.parametrize("spec, reason", [
    ("no/such/place", "neither an http(s) URL, a file of URLs nor a folder"),
    ("ftp://127.0.0.1/feed", "neither an http(s) URL, a file of URLs nor a folder"),
])
def test_watch_bad_source_is_reported_and_the_rest_goes_on(site, tmp_path, spec, reason):
    site.publish("/n/1", ARTICLES[3])
    said: list[str] = []
    with Store(tmp_path / "w.duckdb") as store:
        summary = Watcher(store, [spec, site.base + "/feed.xml"], fetcher=quick_fetcher(), say=said.append).round()
    assert said == [f"{spec}: source: {reason}"] and summary.stored == 1


def test_watch_hostile_links_in_a_feed_are_never_fetched(site, tmp_path):
    site.publish("/n/1", ARTICLES[3])
    site.list_link("file:///etc/passwd")
    site.list_link("javascript:alert(1)")
    said: list[str] = []
    with Store(tmp_path / "w.duckdb") as store:
        summary = Watcher(store, [site.base + "/feed.xml"], fetcher=quick_fetcher(), say=said.append).round()
        urls = [r["url"] for r in state.item_rows(store.con)]
    assert summary.stored == 1 and urls == [site.base + "/n/1"]
    assert sum("bad-url" in s for s in said) == 2


def test_watch_file_of_urls_expands_to_its_sources(site, tmp_path):
    site.publish("/n/1", ARTICLES[4])
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# my feeds\n{site.base}/feed.xml\n\nnot a url\n", encoding="utf-8")
    said: list[str] = []
    with Store(tmp_path / "w.duckdb") as store:
        summary = Watcher(store, [str(listing)], fetcher=quick_fetcher(), say=said.append).round()
    assert summary.stored == 1
    assert said == [f"{listing}:4: source: 'not a url' is not an http(s) URL"]


def _retold(i: int) -> str:
    a = ARTICLES[i]
    return f"UPDATE: {a['title']}\n\nBy the wire desk\n\n{a['text']}\n\nReporting by the night desk; editing by the day desk."


def _figures_of(text: str, published: str = "2016-07-16"):
    from wartally.pipeline import process_document
    from wartally.records import Document
    from wartally.watch.duplicates import signature

    return signature(process_document(Document.make("x", text, published=published)))


def _two_stories(i: int, j: int) -> str:
    """A scrape that carries one story and then another (FA-KES has such pages)."""
    return ARTICLES[j]["text"] + " " + ARTICLES[i]["text"]


@pytest.mark.parametrize("a, b, copy", [
    (ARTICLES[16]["text"], ARTICLES[16]["text"], True),  # the same story
    (ARTICLES[16]["title"] + "\n\n" + ARTICLES[16]["text"], _retold(16), True),  # another headline, byline, footer
    (ARTICLES[39]["text"], _retold(39), True),
    (ARTICLES[16]["text"], ARTICLES[24]["text"], False),  # two Aleppo tolls from July 2016: different stories
    (ARTICLES[3]["text"], ARTICLES[23]["text"], False),  # two rocket attacks on Aleppo, same agency style
    (ARTICLES[36]["text"], _two_stories(36, 31), False),  # mostly the same text, but one more story's figures
])
def test_watch_duplicates_tell_copies_from_other_stories(a, b, copy):
    from wartally.watch.duplicates import Seen, sketch

    seen = Seen({}, {"first": sketch(a)}, figures_of=lambda doc_id: _figures_of(a))
    assert seen.original_of("second", "another-hash", sketch(b), _figures_of(b)) == ("first" if copy else None)


def test_watch_duplicates_short_texts_only_by_hash():
    from wartally.watch.duplicates import Seen, sketch

    short = "Two people were killed in Idlib on Monday, activists said."
    assert sketch(short) == ()
    seen = Seen({"first": "h1"}, {})
    assert seen.original_of("second", "h1", ()) == "first"
    assert seen.original_of("first", "h1", ()) is None  # a document is no copy of itself


def test_watch_stop_ends_the_round_after_the_item_in_hand(site, tmp_path):
    for i in range(5):
        site.publish(f"/s/{i}", ARTICLES[25 + i])
    with Store(tmp_path / "w.duckdb") as store:
        watcher = Watcher(store, [site.base + "/feed.xml"], fetcher=quick_fetcher(), batch_size=1, say=lambda s: None)
        watcher.on_change = watcher.stop.set  # stop once the first item is committed
        first = watcher.round()
        assert first.stored == 1 and len(stored_ids(store)) == 1
        statuses = [r["status"] for r in state.item_rows(store.con)]
        assert statuses == ["stored"] + ["pending"] * 4
        rest = Watcher(store, [site.base + "/feed.xml"], fetcher=quick_fetcher(), say=lambda s: None).round()
        assert rest.stored == 4 and rest.not_modified == 1 and len(stored_ids(store)) == 5
        assert all(site.routes[f"/s/{i}"].hits == 1 for i in range(5))


@pytest.mark.parametrize("listed, item", [
    ("http://127.0.0.1/a?utm_source=rss&utm_medium=feed", "http://127.0.0.1/a"),
    ("http://127.0.0.1/a?id=7&fbclid=xyz#comments", "http://127.0.0.1/a?id=7"),
    ("http://127.0.0.1/a?page=2&id=7", "http://127.0.0.1/a?page=2&id=7"),
    ("http://127.0.0.1/a?q", "http://127.0.0.1/a?q="),
])
def test_watch_listed_urls_lose_tracking_parameters(listed, item):
    from wartally.watch.sources import canonical_url

    assert canonical_url(listed) == item
