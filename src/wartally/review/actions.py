"""The decisions an analyst makes, as library functions shared by the CLI
and the web API.  Each checks its input, checks that the target is still
as the analyst saw it (``version``), appends one correction and applies it
in one transaction; then the part of the store the change can reach is
linked again (``store.relink``: the same events as linking the whole store).
"""
from __future__ import annotations

import re
from typing import Any

from wartally.records import Figure
from wartally.link import link_store
from wartally.store.review import corrections as log
from wartally.store.review.apply import apply_figures
from wartally.store.review.corrections import Correction, Kind, ReviewError
from wartally.store.review.fields import FIELDS, check, current
from wartally.store.review.keys import FigureKey, keys_id
from wartally.store.relink import before_change, link_part
from wartally.store import codec
from wartally.review.places import place_by_id
from wartally.extract.sentences import split_sentences

FIGURE_COLUMNS = ("id", "doc_id", "outcome", "n", "number_start", "number_end", "sentence_start", "sentence_end",
                  "record", "review_status", "reviewed")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def _figure_rows(con: Any, figure_ids: list[str]) -> dict[str, dict[str, Any]]:
    cur = con.execute(f"SELECT {', '.join('f.' + c for c in FIGURE_COLUMNS)}, d.text FROM figures f "
                      "JOIN documents d ON d.id = f.doc_id WHERE f.id IN (SELECT unnest(?))", [list(figure_ids)])
    return {r[0]: dict(zip(FIGURE_COLUMNS + ("text",), r)) for r in cur.fetchall()}


def _row(con: Any, figure_id: str) -> dict[str, Any]:
    row = _figure_rows(con, [figure_id]).get(figure_id)
    if row is None:
        raise ReviewError("not_found", f"no figure {figure_id[:40]!r} (it may have been re-extracted: reload)")
    return row


def figure_state(con: Any, figure_id: str) -> dict[str, Any]:
    """A figure as an editor sees it: its values, its status, its version
    and the sentence it came from."""
    row = _row(con, figure_id)
    key = FigureKey.of_row(row, row["text"])
    fig = codec.loads(Figure, row["record"])
    out = fig.to_json()
    out.update(reviewed=bool(row["reviewed"]), review_status=row["review_status"],
               version=log.version(con, key.id), sentence=row["text"][row["sentence_start"]:row["sentence_end"]])
    return out


def _check_version(con: Any, target_id: str, version: int | None, state: Any) -> None:
    if version is not None and log.version(con, target_id) != int(version):
        raise ReviewError("conflict", "someone changed this first; here it is as it is now", current=state)


def _touched(c: Correction) -> set[str]:
    """The documents whose links a correction can change."""
    if c.doc_id is not None:
        return {c.doc_id}
    return {k["doc_id"] for k in c.target.get("figures", [])}


def _write(store: Any, c: Correction, *, relink: bool) -> int:
    con = store.con
    docs = _touched(c)
    before, tallies = before_change(con, docs) if relink else ([], frozenset())
    con.execute("BEGIN TRANSACTION")
    try:
        seq = log.append(con, c)
        if c.doc_id is not None:
            apply_figures(con, [c.doc_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    if relink:
        link_part(store, docs, before, tallies_before=tallies)
    return seq


def link_again(store: Any) -> None:
    """Link the whole store again (after bulk decisions made without
    re-linking each; one correction re-links only what it reaches)."""
    link_store(store)


def _editor(editor: str) -> str:
    if not isinstance(editor, str) or not editor.strip():
        raise ReviewError("invalid", "a correction needs the name of who makes it")
    return editor.strip()


def decide(store: Any, figure_id: str, kind: Kind | str, *, editor: str, reason: str | None = None,
           version: int | None = None, relink: bool = True) -> int:
    """Accept or reject a figure; the correction's sequence number."""
    kind = Kind(kind)
    if kind not in (Kind.ACCEPT, Kind.REJECT):
        raise ReviewError("invalid", f"{kind}: decide accepts or rejects")
    row = _row(store.con, figure_id)
    key = FigureKey.of_row(row, row["text"])
    _check_version(store.con, key.id, version, lambda: figure_state(store.con, figure_id))
    after = "rejected" if kind == Kind.REJECT else "accepted"
    return _write(store, Correction(kind, _editor(editor), key.id, key.to_json(), row["doc_id"], None,
                                    row["review_status"], after, _reason(reason)), relink=relink)


def edit(store: Any, figure_id: str, field: str, value: Any, *, editor: str, reason: str | None = None,
         version: int | None = None, relink: bool = True) -> int:
    """Set one field of a figure (see ``fields.FIELDS``)."""
    con = store.con
    row = _row(con, figure_id)
    key = FigureKey.of_row(row, row["text"])
    _check_version(con, key.id, version, lambda: figure_state(con, figure_id))
    after = check(field, value, place_of=_place_of, part_of_key=lambda fid: _sibling_key(con, row, fid))
    fig = codec.loads(Figure, row["record"])
    before = current(fig, field, lambda fid: _sibling_key(con, row, fid, allow_self=True))
    return _write(store, Correction(Kind.EDIT, _editor(editor), key.id, key.to_json(), row["doc_id"], field,
                                    before, after, _reason(reason)), relink=relink)


def add(store: Any, doc_id: str, start: int, end: int, values: dict[str, Any], *, editor: str,
        reason: str | None = None, relink: bool = True) -> int:
    """Add a figure the extractor missed, from the words ``text[start:end]``
    selected in the article (the number in them marks the figure)."""
    con = store.con
    got = con.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    if got is None:
        raise ReviewError("not_found", f"no document {str(doc_id)[:60]!r}")
    text = got[0]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text) and end - start <= 400):
        raise ReviewError("invalid", f"select the words of the figure (1 to 400 characters within the article's "
                                     f"{len(text)})")
    m = _NUMBER.search(text, start, end)
    s, e = (m.start(), m.end()) if m else (start, end)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    checked: dict[str, Any] = {}
    if values.get("n") in (None, "") and m:
        values = dict(values) | {"n": m.group(0).replace(",", "")}
    for need in ("outcome", "n", "victims"):
        if values.get(need) in (None, ""):
            raise ReviewError("invalid", f"a new figure needs {need}")
    fake_row = {"doc_id": doc_id, "text": text}
    for field, value in values.items():
        checked[field] = check(field, value, place_of=_place_of,
                               part_of_key=lambda fid: _sibling_key(con, fake_row, fid))

    sent = next((x for x in split_sentences(text) if x.start <= s < x.end), None)
    ss, se = (sent.start, sent.end) if sent else (s, e)
    key = FigureKey(doc_id, s, e, text[s:e], text[ss:se], ss, checked["outcome"])
    taken = con.execute("SELECT id FROM figures WHERE doc_id = ? AND number_start < ? AND ? < number_end "
                        "AND outcome = ? AND review_status IS DISTINCT FROM 'rejected'",
                        [doc_id, e, s, checked["outcome"]]).fetchone()
    if taken:
        raise ReviewError("invalid", f"{text[s:e]!r} is already a figure ({taken[0]}): correct that one instead")
    return _write(store, Correction(Kind.ADD, _editor(editor), key.id, key.to_json(), doc_id, None, None,
                                    checked, _reason(reason)), relink=relink)


def merge(store: Any, event_ids: list[str], *, editor: str, reason: str | None = None) -> int:
    """These events are one incident."""
    if len(set(event_ids)) < 2:
        raise ReviewError("invalid", "merge needs two events or more")
    keys = _event_keys(store.con, sorted(set(event_ids)))
    target = {"events": sorted(set(event_ids)), "figures": [k.to_json() for k in keys]}
    return _write(store, Correction(Kind.MERGE, _editor(editor), keys_id(keys), target, None, None,
                                    sorted(set(event_ids)), None, _reason(reason)), relink=True)


def split(store: Any, event_id: str, figure_ids: list[str], *, editor: str, reason: str | None = None) -> int:
    """These figures of an event are an incident of their own."""
    members = {r[0] for r in store.con.execute("SELECT figure_id FROM event_figures WHERE event_id = ?",
                                               [event_id]).fetchall()}
    if not members:
        raise ReviewError("conflict", f"no event {str(event_id)[:40]!r} any more (it was changed: reload)")
    chosen = set(figure_ids)
    if not chosen or not chosen < members:
        raise ReviewError("invalid", "split needs some, not all, of the event's figures")
    rows = _figure_rows(store.con, sorted(chosen))
    keys = [FigureKey.of_row(r, r["text"]) for r in rows.values()]
    target = {"event": event_id, "figures": [k.to_json() for k in keys]}
    return _write(store, Correction(Kind.SPLIT, _editor(editor), keys_id(keys), target, None, None,
                                    event_id, None, _reason(reason)), relink=True)


def verdict(store: Any, disagreement_id: str, real: bool, *, editor: str, reason: str | None = None) -> int:
    """Whether two tallies really disagree (or, say, count different things)."""
    got = store.con.execute("SELECT figure_a, figure_b, verdict FROM disagreements WHERE id = ?",
                            [disagreement_id]).fetchone()
    if got is None:
        raise ReviewError("not_found", f"no disagreement {str(disagreement_id)[:40]!r}")
    rows = _figure_rows(store.con, [got[0], got[1]])
    a, b = (FigureKey.of_row(rows[i], rows[i]["text"]) for i in got[:2])
    target = {"a": a.to_json(), "b": b.to_json()}
    after = "real" if real else "not_real"
    c = Correction(Kind.VERDICT, _editor(editor), keys_id([a, b]), target, None, None, got[2], after,
                   _reason(reason))
    seq = _write(store, c, relink=False)
    store.con.execute("UPDATE disagreements SET verdict = ? WHERE id = ?", [after, disagreement_id])
    return seq


def _event_keys(con: Any, event_ids: list[str]) -> list[FigureKey]:
    got = con.execute("SELECT event_id, figure_id FROM event_figures WHERE event_id IN (SELECT unnest(?))",
                      [event_ids]).fetchall()
    found = {e for e, _ in got}
    missing = [e for e in event_ids if e not in found]
    if missing:
        raise ReviewError("conflict", f"no event {missing[0][:40]!r} any more (it was changed: reload)")
    rows = _figure_rows(con, sorted({f for _, f in got}))
    return [FigureKey.of_row(r, r["text"]) for r in rows.values()]


def _sibling_key(con: Any, row: dict[str, Any], figure_id: str, allow_self: bool = False) -> dict | None:
    other = _figure_rows(con, [figure_id]).get(figure_id)
    if other is None or other["doc_id"] != row["doc_id"] or (other["id"] == row.get("id") and not allow_self):
        return None
    return FigureKey.of_row(other, other["text"]).to_json()


def _place_of(gazetteer_id: str, mention: str):
    return place_by_id(gazetteer_id, mention)


def _reason(reason: str | None) -> str | None:
    if reason is None or not str(reason).strip():
        return None
    return " ".join(str(reason).split())[:500]


__all__ = ["FIELDS", "add", "decide", "edit", "figure_state", "merge", "split", "verdict"]
