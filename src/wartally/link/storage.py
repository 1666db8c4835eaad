"""The link stage over the DuckDB store: read figures and documents, link,
write events, counts, links, disagreements and figure kinds back."""
from __future__ import annotations

import logging
from typing import Any

from wartally.link.linker import LinkResult, link_figures

log = logging.getLogger(__name__)


def link_store(store: Any) -> LinkResult:
    """Link every figure of ``store`` (a ``wartally.store.Store``) and
    replace the events, links and disagreements it holds."""
    documents = {d.id: d for d in store.read_documents()}
    figures = store.read_figures()
    result = link_figures(figures, documents)
    store.write_events(result.events, result.links, result.disagreements, result.kinds)
    write_reports(store.con, result.n_reports)
    log.info("linked %d figures into %d events; %d links, %d disagreements",
             len(figures), len(result.events), len(result.links), len(result.disagreements))
    return result


def write_reports(con: Any, n_reports: dict[str, int]) -> None:
    """events.n_reports: independent reports (wire copies counted once)."""
    if not n_reports:
        return
    import pyarrow as pa

    con.register("_link_reports", pa.table({"id": list(n_reports), "n": list(n_reports.values())}))
    try:
        con.execute("UPDATE events SET n_reports = r.n FROM _link_reports r WHERE events.id = r.id")
    finally:
        con.unregister("_link_reports")


DISAGREEMENT_COLUMNS = ("outcome", "victims", "area", "kind", "source_a", "n_a", "qualifier_a", "start_a", "end_a",
                        "source_b", "n_b", "qualifier_b", "start_b", "end_b", "difference", "overlap_days",
                        "docs_a", "docs_b", "evidence", "figure_a", "figure_b", "scope", "event_id", "id")


SCOPES = ("tally", "incident", "all")
DEFAULT_SCOPE = "tally"  # incident rows are candidates to review (precision 0.49 on FA-KES dev): asked for by name


def scope_condition(scope: str, column: str = "scope") -> tuple[str, list[str]]:
    """SQL keeping the disagreement rows of ``scope`` (tally, incident or
    all), with its parameters; ``column``: the scope column as the query
    names it ("x.scope")."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    return ("TRUE", []) if scope == "all" else (f"coalesce({column}, 'tally') = ?", [scope])


def read_disagreements(con: Any, scope: str = DEFAULT_SCOPE) -> list[dict[str, Any]]:
    """Disagreement rows of the store (each pair of claims once) of
    ``scope``: running totals (``tally``, the default), incidents' tolls
    (``incident``: candidates for a reviewer, many of them a part against its
    whole) or ``all``, tallies first; by outcome, victims, area and date;
    ``docs_a``/``docs_b``: every article behind each side."""
    import json

    cond, params = scope_condition(scope)
    cur = con.execute(f"SELECT {', '.join(DISAGREEMENT_COLUMNS)} FROM disagreements WHERE {cond} "
                      "ORDER BY scope DESC, outcome, victims, area, end_a, source_a, source_b, id", params)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    for r in rows:
        for side in ("docs_a", "docs_b"):
            r[side] = json.loads(r[side]) if isinstance(r[side], str) else list(r[side] or [])
    return rows
