"""Watching news feeds, sitemaps and folders: new items are fetched (politely),
read, extracted, geocoded, stored and linked as they appear, and the state
of every source and item is kept in the store so a killed run resumes.

    from wartally.store import Store
    from wartally.watch import Watcher

    with Store("wartally.duckdb") as store:
        Watcher(store, ["https://example.org/feed.xml", "inbox/"]).round()

``wartally watch`` runs rounds every ``--every``; with ``--serve`` the same
process serves the page, which shows new figures as they are stored (see
docs/live.md)."""
from wartally.watch.fetcher import Fetched, Fetcher, FetchFailed
from wartally.watch.runner import RoundSummary, Watcher

__all__ = ["FetchFailed", "Fetched", "Fetcher", "RoundSummary", "Watcher"]
