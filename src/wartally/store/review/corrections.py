"""Corrections: append-only rows of who changed what, when, from what to
what, and why.  Nothing here updates or deletes a correction; a later
correction of the same target supersedes an earlier one when they are
applied (see ``apply``)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from wartally.errors import WartallyError
from wartally.store.review.keys import dumps


class Kind(StrEnum):
    ACCEPT = "accept"  # the figure is right as it stands
    REJECT = "reject"  # not a figure (or not this one)
    EDIT = "edit"  # one field changed
    ADD = "add"  # a figure the extractor missed, from words selected in the article
    MERGE = "merge"  # these figures are one event
    SPLIT = "split"  # these figures are an event of their own
    VERDICT = "verdict"  # a disagreement is real, or not


FIGURE_KINDS = frozenset({Kind.ACCEPT, Kind.REJECT, Kind.EDIT, Kind.ADD})
EVENT_KINDS = frozenset({Kind.MERGE, Kind.SPLIT})


class ReviewError(WartallyError):
    """A correction that cannot be made: ``code`` is one of not_found,
    conflict (someone changed it first), invalid."""

    def __init__(self, code: str, reason: str, *, where: str | None = None, current: Any = None):
        super().__init__(reason, where=where)
        self.code = code
        self.current = current  # for a conflict: the target as it is now


@dataclass(frozen=True, slots=True)
class Correction:
    kind: Kind
    editor: str
    target_id: str
    target: dict[str, Any]
    doc_id: str | None = None
    field: str | None = None
    before: Any = None
    after: Any = None
    reason: str | None = None
    seq: int | None = None  # set by the store
    at: dt.datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "at": self.at.isoformat() if self.at else None, "editor": self.editor,
            "kind": str(self.kind), "doc_id": self.doc_id, "target_id": self.target_id, "target": self.target,
            "field": self.field, "before": self.before, "after": self.after, "reason": self.reason,
        }


COLUMNS = ("seq", "at", "editor", "kind", "doc_id", "target_id", "target", "field", "before", "after", "reason")
SELECT_COLUMNS = ", ".join(f'"{c}"' for c in COLUMNS)


def append(con: Any, c: Correction) -> int:
    """Add one correction (in the caller's transaction); its sequence number."""
    row = con.execute(
        "INSERT INTO corrections (editor, kind, doc_id, target_id, target, field, \"before\", after, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
        [c.editor, str(c.kind), c.doc_id, c.target_id, dumps(c.target), c.field,
         dumps(c.before), dumps(c.after), c.reason]).fetchone()
    return int(row[0])


def version(con: Any, target_id: str) -> int:
    """How many corrections a target has had: the version an editor saw."""
    return int(con.execute("SELECT count(*) FROM corrections WHERE target_id = ?", [target_id]).fetchone()[0])


def versions(con: Any, target_ids: list[str]) -> dict[str, int]:
    if not target_ids:
        return {}
    got = con.execute("SELECT target_id, count(*) FROM corrections WHERE target_id IN (SELECT unnest(?)) "
                      "GROUP BY 1", [sorted(set(target_ids))]).fetchall()
    return dict(got)


def read_log(con: Any, *, doc_ids: list[str] | None = None, kinds: frozenset[Kind] | None = None,
             target_id: str | None = None, limit: int | None = None) -> list[Correction]:
    """Corrections in the order they were made (filtered by documents,
    kinds, target)."""
    conds, params = [], []
    if doc_ids is not None:
        conds.append("doc_id IN (SELECT unnest(?))")
        params.append(list(doc_ids))
    if kinds is not None:
        conds.append("kind IN (SELECT unnest(?))")
        params.append(sorted(str(k) for k in kinds))
    if target_id is not None:
        conds.append("target_id = ?")
        params.append(target_id)
    sql = (f"SELECT {SELECT_COLUMNS} FROM corrections WHERE {' AND '.join(conds) or 'TRUE'} ORDER BY seq")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    out = []
    for r in con.execute(sql, params).fetchall():
        d = dict(zip(COLUMNS, r))
        out.append(Correction(kind=Kind(d["kind"]), editor=d["editor"], target_id=d["target_id"],
                              target=_json(d["target"]), doc_id=d["doc_id"], field=d["field"],
                              before=_json(d["before"]), after=_json(d["after"]), reason=d["reason"],
                              seq=d["seq"], at=d["at"]))
    return out


def has_any(con: Any) -> bool:
    return con.execute("SELECT EXISTS (SELECT 1 FROM corrections)").fetchone()[0]


def _json(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else v
