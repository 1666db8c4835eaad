"""Bringing an engine's Parquet output (``DIR/documents/``, ``DIR/figures/``,
``DIR/problems/`` and, once linked, ``DIR/events/``, ``DIR/links/``,
``DIR/disagreements/``, ``DIR/kinds/``) into the DuckDB store, so the CLI, the
report and the web page see it.

DuckDB reads the Parquet, one ``published_month`` partition at a time (so
memory is bounded by the largest month), and the documents with their
figures go through ``Store.write_batch``, the store's one write path: loading
twice changes nothing, and a document whose text changed has its figures
replaced, as with ``wartally ingest``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wartally.engines import rows
from wartally.errors import Problem, StoreError
from wartally.records import Document, Figure


@dataclass(slots=True)
class LoadSummary:
    documents: int = 0  # documents read from the Parquet
    written: int = 0  # new or changed documents stored
    figures: int = 0  # figures read
    events: int | None = None  # events loaded or linked here, None when not linked
    problems: list[Problem] = field(default_factory=list)  # recorded by the engine in DIR/problems/
    linked_here: bool = False  # the output held no events: the store's figures were linked by this load

    def text(self) -> str:
        if self.events is None:
            linked = "NOT LINKED: no events (run `wartally link --db DB`)"
        else:
            linked = f"{self.events} events" + (" (linked here)" if self.linked_here else "")
        return (f"loaded {self.documents} documents ({self.written} new or changed) and {self.figures} figures; "
                f"{linked}; {len(self.problems)} problems recorded by the engine")


def has_parquet(folder: Path) -> bool:
    return folder.is_dir() and any(folder.rglob("*.parquet"))


def _query(con, sql: str, params: list) -> list[dict]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def read_problems(out: str | Path) -> list[Problem]:
    """The problems an engine recorded under ``out/problems/``."""
    import duckdb

    folder = Path(out) / "problems"
    if not has_parquet(folder):
        return []
    with duckdb.connect() as con:
        found = con.execute(
            "SELECT file, line, code, reason FROM read_parquet(?) ORDER BY file, line NULLS FIRST, reason",
            [str(folder / "*.parquet")],
        ).fetchall()
    return [Problem(f"{file}:{line}" if line is not None else file, code, reason) for file, line, code, reason in found]


def months(out: Path) -> list[str]:
    """The ``published_month`` partitions of ``out/documents/``."""
    prefix = rows.PARTITION + "="
    folder = out / "documents"
    return sorted(p.name[len(prefix):] for p in folder.glob(prefix + "*") if has_parquet(p))


def read_month(con, out: Path, month: str) -> Iterator[tuple[Document, list[Figure]]]:
    """The documents of one month with their figures, in id order."""
    part = f"{rows.PARTITION}={month}"
    figures: dict[str, dict[str, Figure]] = defaultdict(dict)  # a document read twice has its figures once
    fig_dir = out / "figures" / part
    if has_parquet(fig_dir):
        for r in _query(con, "SELECT record FROM read_parquet(?) ORDER BY doc_id, number_start, id",
                        [str(fig_dir / "*.parquet")]):
            fig = rows.figure_of(r)
            figures[fig.doc_id][fig.id] = fig
    cols = ", ".join(f'"{c}"' for c in rows.DOCUMENT_TYPES)
    for r in _query(con, f"SELECT DISTINCT {cols} FROM read_parquet(?) ORDER BY id",
                    [str(out / "documents" / part / "*.parquet")]):
        doc = rows.document_of(r)
        yield doc, list(figures.get(doc.id, {}).values())


def load_parquet(out: str | Path, db: str | Path, *, batch_size: int = 256, link: bool = True) -> LoadSummary:
    """Load ``out/documents/`` and ``out/figures/`` into the store ``db``;
    the events, links and disagreements of ``out`` when the Spark engine
    linked it, else (``link``) link the store's figures here, as
    ``wartally ingest`` does."""
    import duckdb

    from wartally.store import Store

    out = Path(out)
    if not (out / "documents").is_dir():
        raise StoreError("no documents/ folder here (write one with `wartally ingest --engine spark --out DIR`)",
                         where=str(out))
    summary = LoadSummary(problems=read_problems(out))
    with Store(db) as store, duckdb.connect() as con:
        for month in months(out):
            batch: list[tuple[Document, list[Figure]]] = []
            for item in read_month(con, out, month):
                summary.documents += 1
                summary.figures += len(item[1])
                batch.append(item)
                if len(batch) >= batch_size:
                    summary.written += store.write_batch(batch)
                    batch = []
            summary.written += store.write_batch(batch)
        if (out / "kinds").is_dir():  # written by link_parquet
            summary.events = load_links(store, con, out)
        elif link:
            from wartally.store.ingestion import run_link

            summary.events = run_link(store)
            summary.linked_here = summary.events is not None
    return summary


def _records(con, folder: Path, columns: str = "record") -> list[dict]:
    if not has_parquet(folder):
        return []
    return _query(con, f"SELECT {columns} FROM read_parquet(?)", [str(folder / "*.parquet")])


def load_links(store, con, out: Path) -> int:
    """Events, links, disagreements and figure kinds written by
    ``link_parquet`` into the store (replacing those it held)."""
    from wartally.records import Disagreement, Event, Link
    from wartally.store import codec

    events = [codec.loads(Event, r["record"]) for r in _records(con, out / "events")]
    links = [codec.loads(Link, r["record"]) for r in _records(con, out / "links")]
    disagreements = [codec.loads(Disagreement, r["record"]) for r in _records(con, out / "disagreements")]
    kinds = {r["figure_id"]: r["kind"] for r in _records(con, out / "kinds", "figure_id, kind")}
    store.write_events(events, links, disagreements, kinds)
    n_reports = {r["id"]: r["n_reports"] for r in _records(con, out / "events", "id, n_reports")}
    if n_reports:
        try:
            from wartally.link.storage import _write_reports
        except ImportError:
            _write_reports = None
        if _write_reports is not None:
            _write_reports(store.con, {k: v for k, v in n_reports.items() if v is not None})
    return len(events)
