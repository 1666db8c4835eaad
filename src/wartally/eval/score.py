"""Scoring predicted figures against gold figures, as ../shared/gold/GUIDE.md
("Scoring") defines it.  Pure functions over the JSON dicts of the guide: no
files, no extractor.

Within a document a prediction matches a gold figure when ``outcome``, ``n``
and ``victims`` are equal, one to one, after predictions that repeat an
(outcome, n, victims) are merged.  Precision, recall and F1 are micro over all
figures; each other field is scored over matched pairs where gold has it.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wartally.eval.names import names_every_actor, same_admin1, same_place, same_source, same_word

Key = tuple[str, int, str]

# the fields scored over matched pairs, in report order
FIELDS = ("qualifier", "side", "part_of", "place", "admin1", "country", "source", "dates", "actor", "weapon")


def key_of(fig: Mapping[str, Any]) -> Key:
    """What a match is made on: (outcome, n, victims)."""
    return (str(fig.get("outcome", "")).strip().lower(), int(fig.get("n", -1)), str(fig.get("victims", "")).strip().lower())


@dataclass(frozen=True, slots=True)
class Pair:
    """A matched gold and predicted figure, with the field verdicts."""

    doc: str
    gold: dict[str, Any]
    pred: dict[str, Any]
    verdicts: dict[str, bool]  # field → right, for the fields gold has


@dataclass(frozen=True, slots=True)
class Scores:
    """Figure-level scores over a set of documents."""

    tp: int
    fp: int
    fn: int
    fields: dict[str, tuple[int, int]]  # field → (right, scored)
    misses: tuple[dict[str, Any], ...] = ()  # gold figures with no prediction
    extras: tuple[dict[str, Any], ...] = ()  # predictions with no gold figure
    pairs: tuple[Pair, ...] = field(default=(), repr=False)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        """Share right of a field over matched pairs where gold has it; None
        when no matched pair has it."""
        right, scored = self.fields.get(name, (0, 0))
        return right / scored if scored else None

    def wrong(self, name: str) -> list[Pair]:
        return [p for p in self.pairs if p.verdicts.get(name) is False]

    def metrics(self) -> dict[str, float | None]:
        """Flat metric names → values, as pinned by the eval gate."""
        out: dict[str, float | None] = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        for name in FIELDS:
            out[f"field.{name}"] = self.accuracy(name)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "figures": {"tp": self.tp, "fp": self.fp, "fn": self.fn},
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "fields": {
                name: {"right": r, "scored": s, "accuracy": (r / s if s else None)}
                for name, (r, s) in self.fields.items()
            },
            "misses": list(self.misses),
            "extras": list(self.extras),
            "wrong": [
                {"doc": p.doc, "field": name, "gold": _field_value(p.gold, name), "pred": _field_value(p.pred, name), "quote": p.gold.get("quote")}
                for p in self.pairs
                for name, ok in p.verdicts.items()
                if not ok
            ],
        }


def _field_value(fig: Mapping[str, Any], name: str) -> Any:
    if name == "dates":
        return [fig.get("start"), fig.get("end")]
    return fig.get(name)


def merge_predictions(preds: Iterable[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Key]]:
    """Predictions of one document with repeats of an (outcome, n, victims)
    merged into the first (absent fields filled from the later ones).  Also
    returns every prediction id → its key, so that ``part_of`` ids of merged
    repeats still resolve."""
    merged: dict[Key, dict[str, Any]] = {}
    ids: dict[str, Key] = {}
    for fig in preds:
        k = key_of(fig)
        if fig.get("id") is not None:
            ids[str(fig["id"])] = k
        if k not in merged:
            merged[k] = dict(fig)
            continue
        kept = merged[k]
        for name, value in fig.items():
            if kept.get(name) in (None, "", [], ()) and value not in (None, "", [], ()):
                kept[name] = value
    return list(merged.values()), ids


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def same_dates(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Start and end each within gold's ``date_tolerance_days`` (default 1)."""
    tol = gold.get("date_tolerance_days")
    tol = 1 if tol is None else int(tol)
    for name in ("start", "end"):
        g, p = _date(gold.get(name)), _date(pred.get(name))
        if g is None:
            continue
        if p is None or abs((p - g).days) > tol:
            return False
    return True


def _gold_has(gold: Mapping[str, Any], name: str) -> bool:
    if name == "dates":
        return bool(gold.get("start") or gold.get("end"))
    return gold.get(name) not in (None, "", [])


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "qualifier": same_word,
    "side": same_word,
    "country": same_word,
    "source": same_source,
    "actor": names_every_actor,
    "weapon": same_word,
}


def score_document(
    doc: str,
    gold: list[Mapping[str, Any]],
    preds: Iterable[Mapping[str, Any]],
) -> Scores:
    """Scores of one document's predictions against its gold figures."""
    merged, pred_keys = merge_predictions(preds)
    gold_keys = [key_of(g) for g in gold]

    unmatched: dict[Key, list[dict[str, Any]]] = defaultdict(list)
    for p in merged:
        unmatched[key_of(p)].append(p)
    pairs: list[Pair] = []
    misses: list[dict[str, Any]] = []
    for i, g in enumerate(gold):
        candidates = unmatched.get(gold_keys[i])
        if not candidates:
            misses.append({"doc": doc, **g})
            continue
        p = candidates.pop(0)
        verdicts: dict[str, bool] = {}
        for name in FIELDS:
            if not _gold_has(g, name):
                continue
            if name == "dates":
                verdicts[name] = same_dates(g, p)
            elif name == "part_of":
                verdicts[name] = _same_parent(g, p, gold, pred_keys)
            elif name == "place":  # the gazetteer's spelling or the text's
                verdicts[name] = same_place(g["place"], p.get("place")) or same_place(g["place"], p.get("place_mention"))
            elif name == "admin1":
                verdicts[name] = same_admin1(g["admin1"], p.get("admin1")) or same_admin1(g["admin1"], p.get("admin1_pcode"))
            else:
                verdicts[name] = _COMPARE[name](g.get(name), p.get(name))
        pairs.append(Pair(doc, dict(g), dict(p), verdicts))
    extras = [{"doc": doc, **p} for ps in unmatched.values() for p in ps]

    counts: dict[str, list[int]] = {name: [0, 0] for name in FIELDS}
    for pair in pairs:
        for name, ok in pair.verdicts.items():
            counts[name][0] += ok
            counts[name][1] += 1
    return Scores(
        tp=len(pairs),
        fp=len(extras),
        fn=len(misses),
        fields={k: (v[0], v[1]) for k, v in counts.items()},
        misses=tuple(misses),
        extras=tuple(extras),
        pairs=tuple(pairs),
    )


def _same_parent(gold: Mapping[str, Any], pred: Mapping[str, Any], gold_list: list[Mapping[str, Any]], pred_keys: dict[str, Key]) -> bool:
    """Gold ``part_of`` is an index into the gold list, a prediction's is a
    figure id: right when both parents have the same (outcome, n, victims),
    which (predictions being merged per key) is gold's parent's partner."""
    try:
        index = int(gold["part_of"])
        if index < 0:
            return False
        gold_parent = key_of(gold_list[index])
    except (ValueError, TypeError, IndexError):
        return False
    pid = pred.get("part_of")
    if pid is None:
        return False
    return pred_keys.get(str(pid)) == gold_parent


def combine(parts: Iterable[Scores]) -> Scores:
    """Micro totals of several documents' scores."""
    tp = fp = fn = 0
    fields_: dict[str, list[int]] = {name: [0, 0] for name in FIELDS}
    misses: list[dict[str, Any]] = []
    extras: list[dict[str, Any]] = []
    pairs: list[Pair] = []
    for s in parts:
        tp, fp, fn = tp + s.tp, fp + s.fp, fn + s.fn
        for name, (r, n) in s.fields.items():
            fields_[name][0] += r
            fields_[name][1] += n
        misses.extend(s.misses)
        extras.extend(s.extras)
        pairs.extend(s.pairs)
    return Scores(tp, fp, fn, {k: (v[0], v[1]) for k, v in fields_.items()}, tuple(misses), tuple(extras), tuple(pairs))


def group_by_doc(figures: Iterable[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Prediction dicts (each with ``doc``) grouped by document id."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fig in figures:
        out[str(fig.get("doc"))].append(dict(fig))
    return out


def score_figures(
    gold: Mapping[str, list[Mapping[str, Any]]],
    predictions: Mapping[str, list[Mapping[str, Any]]],
) -> Scores:
    """Scores over the gold documents: ``gold`` maps document id → gold
    figures, ``predictions`` document id → predicted figures.  Predictions for
    documents that have no gold line are not scored."""
    return combine(score_document(doc, list(figs), predictions.get(doc, ())) for doc, figs in gold.items())


# ---------------------------------------------------------------- article-level

# FA-KES crowd label → victim groups whose killed figures may state it
LABEL_GROUPS: dict[str, tuple[str, ...]] = {
    "nb_civilians": ("civilians", "people"),
    "nb_children": ("children",),
    "nb_noncivilians": ("combatants",),
}


@dataclass(frozen=True, slots=True)
class Shares:
    """Hits out of checks, per label (article-level or incident-level)."""

    counts: dict[str, tuple[int, int]]  # label → (hits, checked)
    misses: tuple[dict[str, Any], ...] = ()

    def share(self, label: str) -> float | None:
        hits, n = self.counts.get(label, (0, 0))
        return hits / n if n else None

    @property
    def overall(self) -> float | None:
        hits = sum(h for h, _ in self.counts.values())
        n = sum(c for _, c in self.counts.values())
        return hits / n if n else None

    def metrics(self) -> dict[str, float | None]:
        out = {label: self.share(label) for label in self.counts}
        out["overall"] = self.overall
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": {k: {"hits": h, "checked": n, "share": (h / n if n else None)} for k, (h, n) in self.counts.items()},
            "overall": self.overall,
            "misses": list(self.misses),
        }


def _killed(figs: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [f for f in figs if str(f.get("outcome", "")).lower() == "killed"]


def score_labels(labels: Iterable[Mapping[str, Any]], predictions: Mapping[str, list[Mapping[str, Any]]]) -> Shares:
    """For each article with a non-zero crowd label, is that number among the
    article's killed figures of the label's victim groups?"""
    counts = {label: [0, 0] for label in LABEL_GROUPS}
    misses: list[dict[str, Any]] = []
    for row in labels:
        doc = str(row.get("id"))
        killed = _killed(predictions.get(doc, ()))
        for label, groups in LABEL_GROUPS.items():
            want = row.get(label)
            if not want:
                continue
            counts[label][1] += 1
            found = sorted({int(f["n"]) for f in killed if str(f.get("victims", "")).lower() in groups})
            if int(want) in found:
                counts[label][0] += 1
            else:
                misses.append({"doc": doc, "label": label, "want": int(want), "found": found})
    return Shares({k: (v[0], v[1]) for k, v in counts.items()}, tuple(misses))


def incident_totals(figs: Iterable[Mapping[str, Any]]) -> set[int]:
    """The death totals a document's figures can state: each killed figure's
    number; the sum of the killed figures that are not part of another
    (repeats of an (n, victims) counted once); and the sum, over distinct
    victim groups, of the largest such figure of each group (a revised toll
    is not added to the first)."""
    killed = _killed(figs)
    totals = {int(f["n"]) for f in killed}
    top = [f for f in killed if f.get("part_of") in (None, "")]
    if top:
        distinct = {(int(f["n"]), str(f.get("victims", "")).lower()) for f in top}
        totals.add(sum(n for n, _ in distinct))
        largest: dict[str, int] = {}
        for f in top:
            group = str(f.get("victims", "")).lower()
            largest[group] = max(largest.get(group, 0), int(f["n"]))
        totals.add(sum(largest.values()))
    return totals


def score_incidents(labels: Iterable[Mapping[str, Any]], predictions: Mapping[str, list[Mapping[str, Any]]]) -> Shares:
    """In what share of incidents with deaths is the list's ``dead`` total
    either one of the killed figures or the sum over distinct top-level groups?"""
    hits = checked = 0
    misses: list[dict[str, Any]] = []
    for row in labels:
        dead = row.get("dead")
        if not dead:
            continue
        doc = str(row.get("id"))
        checked += 1
        totals = incident_totals(predictions.get(doc, ()))
        if int(dead) in totals:
            hits += 1
        else:
            misses.append({"doc": doc, "label": "dead", "want": int(dead), "found": sorted(totals)})
    return Shares({"dead": (hits, checked)}, tuple(misses))
