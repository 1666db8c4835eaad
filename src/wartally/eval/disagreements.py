"""Scoring disagreements against a hand-labelled file.

A labels file (tests/data/disagreements_labels.jsonl) holds one pair of
tallies a line, as a reader judged it after reading both sentences:
``{"outcome", "victims", "a": SIDE, "b": SIDE, "true": bool, "why": str}``
where SIDE is ``{"doc", "n", "source"?, "quote"?}``, and ``"scope"``
(``tally``, the default, or ``incident``: one incident's toll, link/tolls.py)
says which rows the file labels: only rows of that scope are scored.  A
label is keyed by its outcome, victims and the two sides' (document,
number), in either order.

A disagreement the link stage gives is a pair of claims, each carried by one
or more articles; it covers every (article of a, article of b) pair.  It is
**true** when the labels it covers are mostly true, **false** when they are
mostly false, and **unlabelled** when it covers none (counted as not true:
label it).  Precision = true rows / rows; recall = true labels covered by
some row / true labels.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from wartally.errors import InputError
from wartally.extract.document import process_document
from wartally.link import link_figures
from wartally.link.evaluate import read_documents

Key = tuple[str, str, frozenset]


def _key(outcome: str, victims: str, a: tuple[str, int], b: tuple[str, int]) -> Key:
    return (str(outcome), str(victims), frozenset((a, b)))


def read_labels(path: Path) -> list[dict[str, Any]]:
    """The labels of ``path``; a malformed line raises ``InputError`` naming
    the file and line."""
    labels = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                label = json.loads(line)
                for side in ("a", "b"):
                    str(label[side]["doc"]), int(label[side]["n"])
                if not isinstance(label["true"], bool) or not str(label.get("why", "")).strip():
                    raise ValueError("'true' must be true or false and 'why' must say why")
                label["outcome"], label["victims"]
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(f"BAD_LABEL: not a disagreement label ({exc})", where=f"{path}:{lineno}") from None
            labels.append(label)
    return labels


def label_key(label: dict[str, Any]) -> Key:
    return _key(label["outcome"], label["victims"], (label["a"]["doc"], int(label["a"]["n"])),
                (label["b"]["doc"], int(label["b"]["n"])))


def covered_keys(row: Any) -> set[Key]:
    """Every labelled pair a disagreement (record or dict) stands for."""
    get = row.get if isinstance(row, dict) else lambda k, d=None: getattr(row, k, d)
    docs_a = get("docs_a") or ()
    docs_b = get("docs_b") or ()
    return {_key(get("outcome"), get("victims"), (da, int(get("n_a"))), (db, int(get("n_b"))))
            for da in docs_a for db in docs_b}


def _claim_pair(row: Any) -> tuple:
    """What a reader sees as one pair of claims: outcome, victims, area and
    each side's source and number."""
    get = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
    sides = frozenset(((get("source_a") or "").lower(), get("n_a"), (get("source_b") or "").lower(), get("n_b"))
                      [i:i + 2] for i in (0, 2))
    return (str(get("outcome")), str(get("victims")), get("area"), sides)


def score_rows(rows: Sequence[Any], labels: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Precision of ``rows`` (disagreements) and recall of the true labels."""
    truth: dict[Key, bool] = {}
    for label in labels:
        truth[label_key(label)] = bool(label["true"])
    verdicts = []
    covered: set[Key] = set()
    for row in rows:
        keys = covered_keys(row)
        covered |= keys
        said = [truth[k] for k in keys if k in truth]
        verdict = None if not said else sum(said) * 2 > len(said)
        verdicts.append(verdict)
    true_rows = sum(1 for v in verdicts if v)
    true_labels = {k for k, v in truth.items() if v}
    found = true_labels & covered
    get = lambda r, k: r.get(k) if isinstance(r, dict) else getattr(r, k)  # noqa: E731
    return {
        "rows": len(rows),
        "true": true_rows,
        "false": sum(1 for v in verdicts if v is False),
        "unlabelled": sum(1 for v in verdicts if v is None),
        "precision": round(true_rows / len(rows), 4) if rows else 1.0,
        "true_labels": len(true_labels),
        "recall": round(len(found) / len(true_labels), 4) if true_labels else 1.0,
        "repeated_pairs": len(rows) - len({_claim_pair(r) for r in rows}),
        "not_true": [
            {"verdict": "unlabelled" if v is None else "false", "kind": get(r, "kind"),
             "a": [get(r, "source_a"), get(r, "n_a"), list(get(r, "docs_a") or ())],
             "b": [get(r, "source_b"), get(r, "n_b"), list(get(r, "docs_b") or ())],
             "evidence": get(r, "evidence")}
            for r, v in zip(rows, verdicts) if not v],
        "missed": sorted([sorted(k[2]), k[0], k[1]] for k in true_labels - covered),
    }


def score_disagreement_labels(labels_path: Path, docs_paths: Sequence[Path]) -> dict[str, Any]:
    """Extract and link every document of ``docs_paths`` (as ``wartally
    ingest`` does) and score the disagreements against ``labels_path``."""
    labels = read_labels(Path(labels_path))
    docs = read_documents([Path(p) for p in docs_paths])
    figures = [f for doc in docs.values() for f in process_document(doc)]
    result = link_figures(figures, docs)
    scope = labels_scope(labels)
    out = score_rows([d for d in result.disagreements if d.scope == scope], labels)
    out["labels"] = len(labels)
    out["scope"] = scope
    return out


def labels_scope(labels: Sequence[dict[str, Any]]) -> str:
    """The scope a labels file is about (``tally`` unless its labels say
    ``incident``); one file, one scope."""
    scopes = {str(label.get("scope", "tally")) for label in labels}
    if len(scopes) > 1:
        raise InputError(f"BAD_LABEL: labels of several scopes in one file ({sorted(scopes)})")
    return scopes.pop() if scopes else "tally"


def disagreement_metrics(result: dict[str, Any]) -> dict[str, float]:
    """The scores tests/eval_baseline.json pins for a labels file (its
    "disagreements" section): precision, recall of the true labels, and
    ``shown_once`` (1.0 when no pair of claims is shown twice, else 0.0)."""
    return {"precision": result["precision"], "recall": result["recall"],
            "shown_once": 1.0 if result["repeated_pairs"] == 0 else 0.0}


def labels_name(path: str | Path) -> str:
    """A labels file's name in the baseline: its file name less .jsonl."""
    return Path(path).name.removesuffix(".jsonl")


def format_disagreements(result: dict[str, Any], name: str, details: bool = True) -> str:
    lines = [f"disagreements ({name}): {result['rows']} rows, {result['true']} true, {result['false']} false, "
             f"{result['unlabelled']} unlabelled; precision {result['precision']:.2f}, recall of the "
             f"{result['true_labels']} true labels {result['recall']:.2f}; claim pairs shown twice: "
             f"{result['repeated_pairs']}"]
    if details:
        for r in result["not_true"]:
            lines.append(f"  {r['verdict']}: {r['a'][0]} {r['a'][1]} vs {r['b'][0]} {r['b'][1]} ({r['kind']}): "
                         f"{r['evidence']}")
        for m in result["missed"]:
            lines.append(f"  missed: {m}")
    return "\n".join(lines)
