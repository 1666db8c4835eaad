"""Bringing an engine's Parquet output (``DIR/documents/``, ``DIR/figures/``,
``DIR/problems/``) into the DuckDB store, so the CLI, the report and the web
page see it.

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
    problems: list[Problem] = field(default_factory=list)  # recorded by the engine in DIR/problems/

    def text(self) -> str:
        return (f"loaded {self.documents} documents ({self.written} new or changed) and {self.figures} figures; "
                f"{len(self.problems)} problems recorded by the engine")


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
    figures: dict[str, list[Figure]] = defaultdict(list)
    fig_dir = out / "figures" / part
    if has_parquet(fig_dir):
        for r in _query(con, "SELECT record FROM read_parquet(?) ORDER BY doc_id, number_start, id",
                        [str(fig_dir / "*.parquet")]):
            fig = rows.figure_of(r)
            figures[fig.doc_id].append(fig)
    cols = ", ".join(f'"{c}"' for c in rows.DOCUMENT_TYPES)
    for r in _query(con, f"SELECT {cols} FROM read_parquet(?) ORDER BY id",
                    [str(out / "documents" / part / "*.parquet")]):
        doc = rows.document_of(r)
        yield doc, figures.get(doc.id, [])


def load_parquet(out: str | Path, db: str | Path, *, batch_size: int = 256) -> LoadSummary:
    """Load ``out/documents/`` and ``out/figures/`` into the store ``db``."""
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
    return summary
