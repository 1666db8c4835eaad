"""The embedded store: one DuckDB file with documents, figures, places,
events and sources, and the migrations applied to it.

Writes go in transactions: a batch of documents is all there or not there,
so a run killed at any moment leaves the file consistent, and running the
same command again completes it (documents already stored with the same
content hash are skipped).
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from wartally.errors import StoreError
from wartally.records import Disagreement, Document, Event, Figure, Link
from wartally.store import codec, rows
from wartally.store.migrations import LATEST, MIGRATIONS, sql_of
from wartally.store.review.apply import after_events
from wartally.store.review.apply import adjust_events
from wartally.store.review.apply import apply_figures

DEFAULT_PATH = "wartally.duckdb"

# tables written by the link stage (replaced wholesale by write_events)
EVENT_TABLES = ("events", "event_counts", "event_figures", "links", "disagreements")
TABLES = ("documents", "sources", "figures") + EVENT_TABLES


class StoreLocked(StoreError):
    code = "store-locked"


class StoreCorrupt(StoreError):
    code = "store-corrupt"


class StoreTooNew(StoreError):
    code = "store-too-new"


class StoreNoSpace(StoreError):
    code = "store-no-space"


class StoreReadOnly(StoreError):
    code = "store-read-only"


def explain(exc: BaseException, path: str | os.PathLike[str], action: str) -> StoreError:
    """A StoreError that says, in words, why DuckDB refused."""
    msg = str(exc)
    low = msg.lower()
    where = str(path)
    if "could not set lock" in low or "conflicting lock" in low:
        pid = re.search(r"PID (\d+)", msg)
        holder = f"process {pid.group(1)}, " if pid else ""
        return StoreLocked(f"{action}: the database is in use by another process ({holder}a `wartally serve` or "
                           "another `wartally ingest`?); stop it, or use another --db", where=where)
    if "no space left" in low or "file too large" in low or "disk full" in low:
        return StoreNoSpace(f"{action}: the disk is full (or a file size limit was reached); "
                            "nothing of this batch was kept", where=where)
    if "permission denied" in low or "read-only file system" in low or "read only" in low:
        return StoreReadOnly(f"{action}: cannot write here (read-only file or directory)", where=where)
    if ("not a valid duckdb" in low or "corrupt" in low or "invalid" in low and "database" in low
            or "serialization" in low or "could not read enough bytes" in low or "checksum" in low or "magic bytes" in low):
        return StoreCorrupt(f"{action}: the file is not a readable wartally/DuckDB database ({msg.splitlines()[0]})",
                            where=where)
    return StoreError(f"{action}: {msg.splitlines()[0] if msg else type(exc).__name__}", where=where)


def _insert(con: Any, table: str, data: Sequence[dict[str, Any]]) -> None:
    """Insert rows (dicts keyed by column) into one of the store's own tables."""
    if not data:
        return
    import pyarrow as pa

    assert table in TABLES, table  # never a user-supplied name
    con.register("_wartally_batch", pa.Table.from_pylist(list(data)))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _wartally_batch")
    finally:
        con.unregister("_wartally_batch")


# figures an analyst rejected stay in the table (with their machine values)
# but are not part of the record: not linked, listed or exported
NOT_REJECTED = "review_status IS DISTINCT FROM 'rejected'"


def _apply_review(con: Any, doc_ids: list[str]) -> None:
    """Re-apply the analysts' corrections to the figures just written."""
    if doc_ids and con.execute("SELECT EXISTS (SELECT 1 FROM corrections WHERE doc_id IN (SELECT unnest(?)))",
                               [doc_ids]).fetchone()[0]:
        apply_figures(con, doc_ids)


def _review_events(con: Any, events: list[Event], links: list[Link], doc_ids: set[str] | None = None
                   ) -> tuple[list[Event], list[Link], set[str]]:
    """The link stage's events with the analysts' merges and splits."""
    if not con.execute("SELECT EXISTS (SELECT 1 FROM corrections)").fetchone()[0]:
        return events, links, set()

    return adjust_events(con, events, links, doc_ids)


def _review_after_events(con: Any, reviewed: set[str]) -> None:
    if reviewed or con.execute("SELECT EXISTS (SELECT 1 FROM corrections WHERE kind = 'verdict')").fetchone()[0]:
        after_events(con, reviewed)


class Store:
    """A wartally database file.  Use as a context manager::

        with Store("wartally.duckdb") as store:
            store.write_document(doc, figures)
    """

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_PATH, *, read_only: bool = False):
        import duckdb

        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError("no database here (run `wartally ingest` first)", where=str(self.path))
        if not self.path.parent.exists():
            raise StoreError(f"the directory {self.path.parent} does not exist", where=str(self.path))
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise explain(exc, self.path, "cannot open the database") from None
        try:
            self._migrate()
        except BaseException:
            self.con.close()
            raise

    # -- lifecycle -------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.con.close()
        except Exception:  # an invalidated database cannot checkpoint; its WAL stays
            pass

    # -- schema ----------------------------------------------------------
    @property
    def schema_version(self) -> int:
        found = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()[0]
        if not found:
            return 0
        return self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]

    def _migrate(self) -> None:
        import duckdb

        try:
            version = self.schema_version
        except duckdb.Error as exc:
            raise explain(exc, self.path, "cannot read the schema version") from None
        if version > LATEST:
            raise StoreTooNew(
                f"the database has schema version {version}, newer than this wartally knows "
                f"({LATEST}); upgrade wartally to use it (the file was left as it is)",
                where=str(self.path),
            )
        if version == LATEST:
            return
        if self.read_only:
            raise StoreError(f"the database has schema version {version}, older than {LATEST}; "
                             "open it once for writing to upgrade it", where=str(self.path))
        for m in MIGRATIONS:
            if m.version <= version:
                continue
            try:
                self.con.execute("BEGIN TRANSACTION")
                self.con.execute(sql_of(m))
                self.con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                                 [m.version, m.name])
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self._rollback()
                raise explain(exc, self.path, f"cannot apply migration {m.version}") from None

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except Exception:
            pass

    # -- writing documents -----------------------------------------------
    def write_document(self, doc: Document, figures: Sequence[Figure]) -> bool:
        """Store one document and its figures; True when something changed."""
        return self.write_batch([(doc, list(figures))]) > 0

    def write_batch(self, items: Iterable[tuple[Document, Sequence[Figure]]], *, extractor: str | None = None,
                    replace: bool = False) -> int:
        """Store documents with their figures in one transaction.

        A document already stored with the same content hash is skipped
        (unless ``replace``: figures a newer extractor made from the same
        text); one stored with another hash has its old figures (and their
        event links) replaced.  ``extractor``: the fingerprint of the
        extractor that made the figures, kept with each document.  The
        analysts' corrections of the documents written are applied again.
        Returns how many documents were written.
        """
        import duckdb

        latest: dict[str, tuple[Document, Sequence[Figure]]] = {}
        for doc, figs in items:
            latest.pop(doc.id, None)
            latest[doc.id] = (doc, figs)  # the last version of an id wins, as in a sequential run
        if not latest:
            return 0
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            stored = dict(con.execute(
                "SELECT id, content_hash FROM documents WHERE id IN (SELECT unnest(?))",
                [list(latest)],
            ).fetchall())
            todo = [(d, f) for d, f in latest.values() if replace or stored.get(d.id) != d.content_hash]
            changed = [d.id for d, _ in todo if d.id in stored]
            if changed:
                self._delete_documents(changed)
            fig_rows: list[dict[str, Any]] = []
            seen: set[str] = set()
            for doc, figs in todo:
                for fig in figs:
                    if fig.id in seen:
                        continue
                    seen.add(fig.id)
                    fig_rows.append(rows.figure_row(fig))
            _insert(con, "documents", [rows.document_row(d) | {"extractor": extractor} for d, _ in todo])
            _insert(con, "figures", fig_rows)
            _apply_review(con, [d.id for d, _ in todo])
            self._refresh_sources({r["source"] for r in fig_rows if r["source"]}, prune=bool(changed))
            con.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise explain(exc, self.path, "cannot write documents") from None
        return len(todo)

    def _delete_documents(self, doc_ids: list[str]) -> None:
        con = self.con
        old = "SELECT id FROM figures WHERE doc_id IN (SELECT unnest(?))"
        con.execute(f"DELETE FROM links WHERE figure_a IN ({old}) OR figure_b IN ({old})", [doc_ids, doc_ids])
        con.execute(f"DELETE FROM disagreements WHERE figure_a IN ({old}) OR figure_b IN ({old})",
                    [doc_ids, doc_ids])
        con.execute(f"DELETE FROM event_figures WHERE figure_id IN ({old})", [doc_ids])
        con.execute("DELETE FROM event_counts WHERE event_id NOT IN (SELECT event_id FROM event_figures)")
        con.execute("DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_figures)")
        con.execute("DELETE FROM figures WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
        con.execute("DELETE FROM documents WHERE id IN (SELECT unnest(?))", [doc_ids])

    def _refresh_sources(self, new: set[str], *, prune: bool) -> None:
        con = self.con
        if prune:
            con.execute("DELETE FROM sources WHERE id NOT IN "
                        "(SELECT DISTINCT source FROM figures WHERE source IS NOT NULL)")
        if not new:
            return
        have = {r[0] for r in con.execute("SELECT id FROM sources WHERE id IN (SELECT unnest(?))",
                                          [sorted(new)]).fetchall()}
        names = rows.source_names()
        _insert(con, "sources", [rows.source_row(s, names) for s in sorted(new - have)])

    # -- writing events (the link stage) ---------------------------------
    def write_events(
        self,
        events: Iterable[Event],
        links: Iterable[Link],
        disagreements: Iterable[Disagreement],
        figure_kinds: dict[str, str] | None = None,
    ) -> None:
        """Replace events, their counts and figures, links and disagreements,
        and set each figure's kind (incident | tally), in one transaction."""
        import duckdb

        events, links = list(events), list(links)
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            events, links, reviewed = _review_events(con, events, links)
            for table in EVENT_TABLES:
                con.execute(f"DELETE FROM {table}")
            con.execute("UPDATE figures SET kind = NULL WHERE kind IS NOT NULL")
            self._insert_events(events, links, disagreements, figure_kinds, reviewed)
            con.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise explain(exc, self.path, "cannot write events") from None

    def write_events_of(
        self,
        doc_ids: Iterable[str],
        events: Iterable[Event],
        links: Iterable[Link],
        disagreements: Iterable[Disagreement] | None,
        figure_kinds: dict[str, str] | None = None,
        *,
        incidents: Iterable[Disagreement] = (),
    ) -> None:
        """Replace the events of the documents ``doc_ids`` only (a part of
        the store linked again: every event with a figure of them, their
        links, their figures' kinds, the disagreements about their tolls,
        ``incidents``), and the disagreements between tallies unless None, in
        one transaction.  The events given must be all those of the link
        stage over these documents' figures, and no stored event may join
        them to another document (``store.relink`` sees to both)."""
        import duckdb

        docs = sorted(set(doc_ids))
        events, links = list(events), list(links)
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            events, links, reviewed = _review_events(con, events, links, set(docs))
            old = "SELECT DISTINCT event_id FROM event_figures WHERE doc_id IN (SELECT unnest(?))"
            figs = "SELECT id FROM figures WHERE doc_id IN (SELECT unnest(?))"
            con.execute(f"DELETE FROM links WHERE event_id IN ({old}) OR figure_a IN ({figs}) OR figure_b IN ({figs})",
                        [docs, docs, docs])
            for table in ("event_counts", "events"):
                key = "event_id" if table == "event_counts" else "id"
                con.execute(f"DELETE FROM {table} WHERE {key} IN ({old})", [docs])
            con.execute(f"DELETE FROM event_figures WHERE event_id IN ({old})", [docs])
            con.execute(f"DELETE FROM disagreements WHERE scope = 'incident' AND (figure_a IN ({figs}) "
                        f"OR figure_b IN ({figs}))", [docs, docs])
            if disagreements is not None:
                con.execute("DELETE FROM disagreements WHERE scope IS DISTINCT FROM 'incident'")
            con.execute("UPDATE figures SET kind = NULL WHERE doc_id IN (SELECT unnest(?)) AND kind IS NOT NULL",
                        [docs])
            kept = [d for d in disagreements or () if d.scope != "incident"]
            self._insert_events(events, links, [*kept, *incidents], figure_kinds, reviewed)
            con.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise explain(exc, self.path, "cannot write events") from None

    def _insert_events(self, events: list[Event], links: list[Link], disagreements: Iterable[Disagreement],
                       figure_kinds: dict[str, str] | None, reviewed: set[str]) -> None:
        con = self.con
        _insert(con, "events", [rows.event_row(e) for e in events])
        _insert(con, "event_counts", [r for e in events for r in rows.count_rows(e)])
        pairs = {(e.id, f) for e in events for f in e.figure_ids}
        if pairs:
            import pyarrow as pa

            con.register("_wartally_pairs", pa.Table.from_pylist(
                [{"event_id": e, "figure_id": f} for e, f in sorted(pairs)]))
            try:
                con.execute(
                    "INSERT INTO event_figures SELECT p.event_id, p.figure_id, coalesce(f.doc_id, '') "
                    "FROM _wartally_pairs p LEFT JOIN figures f ON f.id = p.figure_id")
            finally:
                con.unregister("_wartally_pairs")
        link_rows = {(l.figure_a, l.figure_b): rows.link_row(l) for l in links}
        _insert(con, "links", list(link_rows.values()))
        dis_rows = {d.id: rows.disagreement_row(d) for d in disagreements}
        _insert(con, "disagreements", list(dis_rows.values()))
        if figure_kinds:
            import pyarrow as pa

            con.register("_wartally_kinds", pa.Table.from_pylist(
                [{"id": k, "kind": str(v)} for k, v in figure_kinds.items()]))
            try:
                con.execute("UPDATE figures SET kind = k.kind FROM _wartally_kinds k WHERE figures.id = k.id")
            finally:
                con.unregister("_wartally_kinds")
        _review_after_events(con, reviewed)

    # -- reading records back --------------------------------------------
    def document_hashes(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT id, content_hash FROM documents").fetchall())

    def document_ids(self, *, extractor_not: str | None = None) -> list[str]:
        """Ids of the stored documents (those whose figures an extractor
        other than ``extractor_not`` made, or one not recorded, if given)."""
        if extractor_not is None:
            return [r[0] for r in self.con.execute("SELECT id FROM documents ORDER BY id").fetchall()]
        return [r[0] for r in self.con.execute("SELECT id FROM documents WHERE extractor IS DISTINCT FROM ? "
                                               "ORDER BY id", [extractor_not]).fetchall()]

    def read_document(self, doc_id: str) -> Document | None:
        cur = self.con.execute(
            "SELECT id, text, content_hash, title, published, outlet, url, origin, language "
            "FROM documents WHERE id = ?", [doc_id])
        row = cur.fetchone()
        if row is None:
            return None
        names = [d[0] for d in cur.description]
        return Document(**dict(zip(names, row)))

    def read_documents(self) -> list[Document]:
        cur = self.con.execute(
            "SELECT id, text, content_hash, title, published, outlet, url, origin, language "
            "FROM documents ORDER BY id")
        names = [d[0] for d in cur.description]
        return [Document(**dict(zip(names, row))) for row in cur.fetchall()]

    def read_figures(self, doc_id: str | None = None) -> list[Figure]:
        if doc_id is None:
            got = self.con.execute(f"SELECT record FROM figures WHERE {NOT_REJECTED} "
                                   "ORDER BY doc_id, number_start, id").fetchall()
        else:
            got = self.con.execute(f"SELECT record FROM figures WHERE doc_id = ? AND {NOT_REJECTED} "
                                   "ORDER BY number_start, id", [doc_id]).fetchall()
        return [codec.loads(Figure, r[0]) for r in got if r[0]]

    def read_events(self) -> list[Event]:
        got = self.con.execute("SELECT record FROM events ORDER BY start_date NULLS LAST, id").fetchall()
        return [codec.loads(Event, r[0]) for r in got if r[0]]

    def read_links(self) -> list[Link]:
        cur = self.con.execute("SELECT event_id, figure_a, figure_b, score, evidence, candidate FROM links "
                               "ORDER BY figure_a, figure_b")
        names = [d[0] for d in cur.description]
        return [rows.link_from_row(dict(zip(names, r))) for r in cur.fetchall()]

    def read_disagreements(self) -> list[Disagreement]:
        got = self.con.execute("SELECT record FROM disagreements ORDER BY id").fetchall()
        return [codec.loads(Disagreement, r[0]) for r in got if r[0]]

    def figure_kinds(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT id, kind FROM figures WHERE kind IS NOT NULL").fetchall())

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
