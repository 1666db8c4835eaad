"""Pairwise scoring of linking against hand-checked report pairs.

A pairs file (tests/data/link_pairs.jsonl) holds one pair a line:
``{"a": FIGURE, "b": FIGURE, "same": bool, "why": str}`` where FIGURE names a
document and a figure in it the way the gold guide does (``doc``,
``outcome``, ``n``, ``victims``, and the quote, date, place, weapon, ...).

Each side is found among the figures the extractor gives for its document
(same outcome and number, preferring the same victims); a side the extractor
misses (or every side, with ``extractor=False``) is built from its
description.  All the figures are linked together, and a pair is predicted
"same" when both figures end up in one event.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from wartally.extract.document import process_document
from wartally.link.gold import figure_from_gold
from wartally.link.linker import link_figures
from wartally.records import Document, Figure

log = logging.getLogger(__name__)


def read_pairs(path: Path) -> list[dict[str, Any]]:
    pairs = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                pair = json.loads(line)
                for side in ("a", "b"):
                    pair[side]["doc"], pair[side]["outcome"], pair[side]["n"]
                bool(pair["same"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{lineno}: not a link pair: {exc}") from exc
            pairs.append(pair)
    return pairs


def read_documents(paths: list[Path], wanted: set[str] | None = None) -> dict[str, Document]:
    """Documents from JSONL files (the corpus shape), optionally only ``wanted`` ids."""
    docs: dict[str, Document] = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    if wanted is None or str(d["id"]) in wanted:
                        docs[str(d["id"])] = Document.make(
                            str(d["id"]), d["text"], title=d.get("title"), published=d.get("published"),
                            outlet=d.get("outlet"), url=d.get("url"), origin=f"{path}:{lineno}")
                except (json.JSONDecodeError, KeyError, ValueError) as exc:
                    log.warning("%s:%d: skipped: %s", path, lineno, exc)
    return docs


def _extract(docs: dict[str, Document]) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for doc in docs.values():
        try:
            out[doc.id] = process_document(doc)
        except Exception as exc:  # the extractor is another stage; report and go on
            log.warning("%s: extraction failed: %s", doc.id, exc)
    return out


def _find(side: dict[str, Any], figures: list[Figure]) -> Figure | None:
    hits = [f for f in figures if str(f.outcome) == side["outcome"] and f.n == int(side["n"])]
    hits.sort(key=lambda f: (str(f.victims) != side.get("victims"), f.number_span.start))
    return hits[0] if hits else None


def score_link_pairs(pairs_path: Path, docs_paths: list[Path], *, extractor: bool = True) -> dict[str, Any]:
    """Pairwise precision, recall and F1 of linking on hand-checked pairs,
    with the number of pairs, how many figures came from the extractor and
    the mistakes (each with its reason and the linking evidence).  With the
    extractor, ``described`` holds the same scores for the linking logic
    alone (every figure built from the pairs' descriptions)."""
    pairs = read_pairs(Path(pairs_path))
    wanted = {p[s]["doc"] for p in pairs for s in ("a", "b")}
    docs = read_documents([Path(p) for p in docs_paths], wanted)
    missing = sorted(wanted - set(docs))
    extracted = _extract(docs) if extractor else {}
    figures: dict[str, Figure] = {f.id: f for figs in extracted.values() for f in figs}
    side_ids: list[tuple[str | None, str | None]] = []
    found = built = 0
    for i, pair in enumerate(pairs):
        ids = []
        for s in ("a", "b"):
            side = pair[s]
            doc = docs.get(side["doc"])
            if doc is None:
                ids.append(None)
                continue
            fig = _find(side, extracted.get(doc.id, []))
            if fig is not None:
                found += 1
            else:
                fig = _find(side, [f for f in figures.values() if f.doc_id == doc.id])
                if fig is None:
                    fig = figure_from_gold(doc, side, index=len(figures))
                    figures[fig.id] = fig
                built += 1
            ids.append(fig.id)
        side_ids.append(tuple(ids))
    result = link_figures(list(figures.values()), docs)
    event_of = {fid: e.id for e in result.events for fid in e.figure_ids}
    links = {(l.figure_a, l.figure_b): l for l in result.links}
    tp = fp = fn = tn = 0
    mistakes = []
    halves: dict[str, list[int]] = {}  # "half" of a pair (tune | check) -> [tp, fp, fn, tn]
    for pair, (a, b) in zip(pairs, side_ids):
        predicted = a is not None and b is not None and a in event_of and event_of.get(a) == event_of.get(b)
        same = bool(pair["same"])
        if pair.get("half"):
            counts = halves.setdefault(str(pair["half"]), [0, 0, 0, 0])
            counts[0 if same and predicted else 1 if predicted else 2 if same else 3] += 1
        tp += same and predicted
        fp += (not same) and predicted
        fn += same and not predicted
        tn += (not same) and not predicted
        if same != predicted:
            link = links.get(tuple(sorted((a or "", b or ""))))
            mistakes.append({
                "why": pair.get("why"), "same": same, "predicted": predicted,
                "a": {k: pair["a"].get(k) for k in ("doc", "outcome", "n", "victims")},
                "b": {k: pair["b"].get(k) for k in ("doc", "outcome", "n", "victims")},
                "kinds": [result.kinds.get(a or ""), result.kinds.get(b or "")],
                "evidence": list(link.evidence) if link else [],
            })
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out = {
        "pairs": len(pairs), "same": tp + fn, "not_same": fp + tn,
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
        "figures_from_extractor": found, "figures_from_pairs": built,
        "missing_documents": missing, "mistakes": mistakes,
    }
    if halves:  # pairs marked tune (looked at while setting rules) or check (not): each half's scores
        out["halves"] = {name: {"tp": c[0], "fp": c[1], "fn": c[2], "tn": c[3],
                                "precision": round(c[0] / (c[0] + c[1]), 4) if c[0] + c[1] else 1.0,
                                "recall": round(c[0] / (c[0] + c[2]), 4) if c[0] + c[2] else 1.0}
                         for name, c in sorted(halves.items())}
    if extractor:
        # the linking logic alone, on the figures as the pairs describe them
        alone = score_link_pairs(pairs_path, docs_paths, extractor=False)
        out["described"] = {k: alone[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn", "tn")}
    return out
