"""``wartally eval --reviewed``: a store's reviewed figures as gold.

A document counts as reviewed when an analyst made any figure correction
in it.  Its gold figures are its figures as corrected, less the rejected
ones: those an analyst accepted, edited or added, and those left as the
machine made them (reviewing a document and leaving a figure alone says it
is right).  The current extractor is run on the stored text of those
documents and scored as against a gold file (../shared/gold/GUIDE.md)."""
from __future__ import annotations

from typing import Any

from wartally.errors import Problem
from wartally.eval.score import Scores, score_figures
from wartally.store import Store
from wartally.extract.document import process_document
from wartally.store.queries import as_dicts


def reviewed_gold(con: Any) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """Document id → gold figures (the guide's shape), and how many of them
    an analyst touched."""
    rows = as_dicts(con.execute(
        "SELECT f.id, f.doc_id, f.outcome, f.n, f.qualifier, f.victims, f.side, f.part_of, f.place, f.admin1, "
        "f.country, f.start_date AS start, f.end_date AS end, f.source, f.actor, f.weapon, f.quote, f.reviewed "
        "FROM figures f WHERE f.doc_id IN (SELECT DISTINCT doc_id FROM corrections "
        "WHERE kind IN ('accept', 'reject', 'edit', 'add')) "
        "AND f.review_status IS DISTINCT FROM 'rejected' ORDER BY f.doc_id, f.number_start, f.id"))
    gold: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        gold.setdefault(r["doc_id"], []).append(r)
    for figs in gold.values():  # part_of: an index into the same document's list, as in gold files
        index = {f["id"]: i for i, f in enumerate(figs)}
        for f in figs:
            f["part_of"] = index.get(f["part_of"]) if f.get("part_of") else None
            f["doc"] = f.pop("doc_id")
    touched = sum(1 for figs in gold.values() for f in figs if f["reviewed"])
    docs = con.execute("SELECT DISTINCT doc_id FROM corrections WHERE kind IN ('accept', 'reject', 'edit', 'add')"
                       ).fetchall()
    for (doc_id,) in docs:
        gold.setdefault(doc_id, [])  # every figure in it rejected: gold says none
    return gold, touched


def score_reviewed(db: str, problems: list[Problem]) -> tuple[Scores, int, int]:
    """The extractor's scores against the store's reviewed figures; the
    number of gold figures and of those an analyst touched."""
    with Store(db, read_only=True) as store:
        gold, touched = reviewed_gold(store.con)
        docs = [store.read_document(d) for d in gold]
    predictions: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        if doc is None:
            continue
        try:
            predictions[doc.id] = [f.to_json() for f in process_document(doc)]
        except Exception as exc:  # noqa: BLE001 - one document must not stop the batch
            problems.append(Problem(doc.id, "extract", f"{type(exc).__name__}: {exc}"))
    return score_figures(gold, predictions), sum(len(v) for v in gold.values()), touched
