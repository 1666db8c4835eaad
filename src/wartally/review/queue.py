"""The review queue: the figures that most need a second look first.

Order: figures nobody has reviewed before reviewed ones; then by priority,
the sum of: 3 when the figure is one side of a disagreement between
tallies, 2 when it was linked into an event by a link whose score (log2
Bayes factor) is less than ``LOW_LINK_MARGIN`` above the link stage's
threshold (the linker was unsure), and log10 of the number (so a toll of
1,000 weighs 3, a toll of 10 weighs 1).  Rejected figures stay in the queue,
at the end, so that a decision can be taken back."""
from __future__ import annotations

from typing import Any

from wartally.store.queries import as_dicts
from wartally.link import settings

LOW_LINK_MARGIN = 2.5
QUEUE_FIELDS = ("id", "doc_id", "outcome", "n", "qualifier", "victims", "side", "place", "admin1", "start_date",
                "end_date", "source", "actor", "weapon", "number_start", "number_end", "sentence_start",
                "sentence_end", "reviewed", "review_status")


def queue(con: Any, *, limit: int = 50, offset: int = 0, unreviewed_only: bool = False) -> tuple[list[dict], int]:
    """A page of the queue and its length."""
    where = "WHERE NOT coalesce(f.reviewed, FALSE)" if unreviewed_only else ""
    low_link = _threshold() + LOW_LINK_MARGIN
    total = con.execute(f"SELECT count(*) FROM figures f {where}").fetchone()[0]
    cur = con.execute(f"""
        WITH dis AS (SELECT figure_a AS id FROM disagreements UNION SELECT figure_b FROM disagreements),
             weak AS (SELECT figure_a AS id, score FROM links UNION ALL SELECT figure_b, score FROM links)
        SELECT {', '.join('f.' + c for c in QUEUE_FIELDS)},
               f.id IN (SELECT id FROM dis) AS in_disagreement,
               (SELECT min(score) FROM weak WHERE weak.id = f.id) AS link_score,
               (SELECT event_id FROM event_figures ef WHERE ef.figure_id = f.id LIMIT 1) AS event_id,
               substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence,
               d.title, d.outlet, d.published
        FROM figures f JOIN documents d ON d.id = f.doc_id {where}
        ORDER BY coalesce(f.review_status = 'rejected', FALSE), coalesce(f.reviewed, FALSE),
                 (CASE WHEN f.id IN (SELECT id FROM dis) THEN 3 ELSE 0 END
                  + CASE WHEN coalesce((SELECT min(score) FROM weak WHERE weak.id = f.id), 1) < ? THEN 2 ELSE 0 END
                  + log10(greatest(f.n, 1))) DESC,
                 f.n DESC, f.doc_id, f.number_start
        LIMIT ? OFFSET ?""", [low_link, int(limit), int(offset)])
    return as_dicts(cur), total


def _threshold() -> float:
    return float(settings().get("threshold", 0.0))
