"""Bulk decisions from a JSONL file, one a line; a bad line is reported as
``FILE:LINE: CODE: REASON`` and the rest of the file goes on; the store is
linked once at the end."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wartally.errors import Problem
from wartally.review import actions
from wartally.store.review.corrections import ReviewError


def _one(store: Any, d: dict[str, Any], editor: str, reason: str | None) -> int:
    act = d.get("action")
    why = d.get("reason", reason)
    who = d.get("editor") or editor
    if act in ("accept", "reject"):
        return actions.decide(store, str(d["figure"]), act, editor=who, reason=why, relink=False)
    if act == "edit":
        return actions.edit(store, str(d["figure"]), str(d["field"]), d.get("value"), editor=who, reason=why,
                            relink=False)
    if act == "add":
        values = {k: d[k] for k in ("outcome", "n", "victims", "qualifier", "place", "source", "actor", "weapon")
                  if k in d}
        return actions.add(store, str(d["doc"]), int(d["start"]), int(d["end"]), values, editor=who, reason=why,
                           relink=False)
    if act == "merge":
        return actions.merge(store, [str(e) for e in d["events"]], editor=who, reason=why)
    if act == "split":
        return actions.split(store, str(d["event"]), [str(f) for f in d["figures"]], editor=who, reason=why)
    if act == "verdict":
        return actions.verdict(store, str(d["disagreement"]), bool(d["real"]), editor=who, reason=why)
    raise ReviewError("invalid", f"action {str(act)[:20]!r} is not one of accept, reject, edit, add, merge, split, "
                                 "verdict")


def apply_file(store: Any, path: str | Path, *, editor: str, reason: str | None = None) -> tuple[int, list[Problem]]:
    """How many corrections were made, and the lines refused."""
    problems: list[Problem] = []
    done = 0
    try:
        f = open(path, encoding="utf-8")
    except OSError as exc:
        return 0, [Problem(str(path), "input", exc.strerror or str(exc))]
    with f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                d = json.loads(line)
                if not isinstance(d, dict):
                    raise ReviewError("invalid", "not a JSON object")
                _one(store, d, editor, reason)
                done += 1
            except json.JSONDecodeError as exc:
                problems.append(Problem(where, "input", f"not JSON: {exc.msg}"))
            except KeyError as exc:
                problems.append(Problem(where, "invalid", f"lacks {exc.args[0]!r}"))
            except (TypeError, ValueError) as exc:
                problems.append(Problem(where, "invalid", str(exc)[:200]))
            except ReviewError as exc:
                problems.append(Problem(where, exc.code, exc.reason))
    if done:
        actions.link_again(store)
    return done, problems
