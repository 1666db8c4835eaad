"""Running the product for an evaluation: reading gold, label and prediction
files, and extracting figures from documents with ``process_document``.

Bad lines are reported as ``Problem``s naming the file and line; the rest of
the file is read.  A document the extractor fails on is reported by id and
skipped.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wartally.errors import InputError, Problem
from wartally.extract.document import process_document
from wartally.ingest import read_documents as ingest_read
from wartally.eval.score import group_by_doc


def read_jsonl(path: str | Path, problems: list[Problem]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each JSON object line of ``path``; bad lines
    are added to ``problems``.  A missing file raises ``InputError``."""
    path = Path(path)
    try:
        f = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), where=str(path)) from exc
    with f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(Problem(f"{path}:{number}", "input", f"not JSON: {exc.msg} at column {exc.colno}"))
                continue
            if not isinstance(obj, dict):
                problems.append(Problem(f"{path}:{number}", "input", "not a JSON object"))
                continue
            yield number, obj


_FIGURE_NEEDS = ("outcome", "n", "victims")


def _check_figure(fig: Any, where: str) -> str | None:
    if not isinstance(fig, dict):
        return f"{where}: a figure is not an object"
    missing = [k for k in _FIGURE_NEEDS if fig.get(k) in (None, "")]
    if missing:
        return f"{where} lacks {', '.join(missing)}"
    try:
        int(fig["n"])
    except (TypeError, ValueError):
        return f"{where}: n is not an integer: {fig['n']!r}"
    return None


def load_gold(path: str | Path, problems: list[Problem]) -> dict[str, list[dict[str, Any]]]:
    """A gold file (``{"id", "figures": [...]}`` a line) as document id →
    gold figures.  Lines with a malformed figure are reported and skipped."""
    gold: dict[str, list[dict[str, Any]]] = {}
    for number, obj in read_jsonl(path, problems):
        where = f"{path}:{number}"
        figs = obj.get("figures")
        if obj.get("id") is None or not isinstance(figs, list):
            problems.append(Problem(where, "input", 'a gold line needs "id" and a "figures" list'))
            continue
        reasons = [r for i, f in enumerate(figs) if (r := _check_figure(f, f"figure {i}"))]
        reasons += [
            f"figure {i}: part_of {f['part_of']!r} is not an index into this line's figures"
            for i, f in enumerate(figs)
            if isinstance(f, dict) and f.get("part_of") is not None
            and not (isinstance(f["part_of"], int) and 0 <= f["part_of"] < len(figs) and f["part_of"] != i)
        ]
        if reasons:
            problems.append(Problem(where, "input", "; ".join(reasons)))
            continue
        gold[str(obj["id"])] = figs
    return gold


# the store's column names (``wartally figures --format jsonl``) → the guide's
_STORE_NAMES = {"doc_id": "doc", "start_date": "start", "end_date": "end"}


def load_predictions(path: str | Path, problems: list[Problem]) -> dict[str, list[dict[str, Any]]]:
    """An extractor output file (one figure a line, with ``doc``; or the
    store's rows, with ``doc_id``) as document id → figures."""
    figs = []
    for number, obj in read_jsonl(path, problems):
        for store_name, name in _STORE_NAMES.items():
            if store_name in obj and name not in obj:
                obj[name] = obj.pop(store_name)
        reason = _check_figure(obj, "figure") or (None if obj.get("doc") is not None else 'figure lacks "doc"')
        if reason:
            problems.append(Problem(f"{path}:{number}", "input", reason))
            continue
        figs.append(obj)
    return group_by_doc(figs)


def load_rows(path: str | Path, problems: list[Problem], *, need: str) -> list[dict[str, Any]]:
    """Label rows (FA-KES labels, incident totals) that have ``id`` and ``need``."""
    rows = []
    for number, obj in read_jsonl(path, problems):
        if obj.get("id") is None or need not in obj:
            problems.append(Problem(f"{path}:{number}", "input", f'a label line needs "id" and "{need}"'))
            continue
        rows.append(obj)
    return rows


def read_documents(paths: Iterable[str | Path], problems: list[Problem]) -> Iterator[Any]:
    """Documents through the ingest stage's readers; problems are collected."""
    for item in ingest_read([Path(p) for p in paths]):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            yield item


def predict(
    docs_paths: Iterable[str | Path],
    problems: list[Problem],
    *,
    only: set[str] | None = None,
    skip: set[str] | frozenset[str] = frozenset(),
    progress: bool = False,
) -> dict[str, list[dict[str, Any]]]:
    """Run the product (``process_document``) on the documents of
    ``docs_paths`` (only those whose id is in ``only``, when given; none in
    ``skip``) and return document id → figures in the guide's output shape.
    A document the extractor fails on is reported and has no figures."""
    out: dict[str, list[dict[str, Any]]] = {}
    done = 0
    for doc in read_documents(docs_paths, problems):
        if (only is not None and doc.id not in only) or doc.id in skip:
            continue
        try:
            figs = [f.to_json() for f in process_document(doc)]
        except Exception as exc:  # one bad document must not stop the batch
            problems.append(Problem(doc.id, "extract", f"{type(exc).__name__}: {exc}"))
            figs = []  # scored as a document with no figures
        for f in figs:
            f.setdefault("doc", doc.id)
        out[doc.id] = figs
        done += 1
        if progress and done % 25 == 0:
            print(f"\reval: {done} documents", end="", file=sys.stderr, flush=True)
    if progress and done >= 25:
        print(file=sys.stderr)
    return out
