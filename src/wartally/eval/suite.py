"""The standard evaluation: every gold file of ../shared/gold scored against
the product's figures on its corpus, plus the article-level (FA-KES labels)
and incident-level (Wikipedia totals) checks.  The eval gate pins these."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wartally.errors import Problem
from wartally.eval.runner import load_gold, load_predictions, load_rows, predict
from wartally.eval.score import Scores, Shares, score_figures, score_incidents, score_labels


class SuiteKind:
    GOLD = "gold"
    LABELS = "labels"
    INCIDENTS = "incidents"


@dataclass(frozen=True, slots=True)
class Suite:
    """One evaluation: a kind, its annotation file and the documents."""

    name: str
    kind: str  # gold | labels | incidents
    truth: Path  # gold, label or incident file
    docs: tuple[Path, ...]

    def to_json(self, root: Path | None = None) -> dict[str, Any]:
        def rel(p: Path) -> str:
            if root is not None:
                try:
                    return p.relative_to(root).as_posix()
                except ValueError:
                    pass
            return str(p)

        return {"kind": self.kind, "truth": rel(self.truth), "docs": [rel(p) for p in self.docs]}

    @classmethod
    def from_json(cls, name: str, d: dict[str, Any], root: Path) -> "Suite":
        return cls(name, d["kind"], root / d["truth"], tuple(root / p for p in d["docs"]))


def discover_suites(shared: str | Path) -> list[Suite]:
    """The standard suites under a shared folder: ``gold/NAME.gold.jsonl``
    with ``corpus/NAME.jsonl``; ``gold/fakes-dev.labels.jsonl`` (article
    level) and ``gold/wiki-incidents.labels.jsonl`` (incident level)."""
    shared = Path(shared)
    suites = []
    for gold in sorted((shared / "gold").glob("*.gold.jsonl")):
        name = gold.name.removesuffix(".gold.jsonl")
        suites.append(Suite(name, SuiteKind.GOLD, gold, (shared / "corpus" / f"{name}.jsonl",)))
    labels = shared / "gold" / "fakes-dev.labels.jsonl"
    if labels.exists():
        suites.append(Suite("fakes-dev-labels", SuiteKind.LABELS, labels, (shared / "corpus" / "fakes-dev.jsonl",)))
    incidents = shared / "gold" / "wiki-incidents.labels.jsonl"
    if incidents.exists():
        suites.append(Suite("wiki-incidents", SuiteKind.INCIDENTS, incidents, (shared / "corpus" / "wiki-incidents.jsonl",)))
    return suites


class Predictions:
    """Figures per document, extracted once per corpus and reused by every
    suite that reads it (or read from an existing output file)."""

    def __init__(self, problems: list[Problem], *, pred_file: str | Path | None = None, progress: bool = False):
        self.problems = problems
        self.progress = progress
        # corpus → (figures per document, whether every document was run)
        self._cache: dict[tuple[Path, ...], tuple[dict[str, list[dict[str, Any]]], bool]] = {}
        self._fixed = load_predictions(pred_file, problems) if pred_file else None

    def for_docs(self, docs: Iterable[str | Path], only: set[str] | None = None) -> dict[str, list[dict[str, Any]]]:
        """Figures of the documents in ``docs`` (only those with an id in
        ``only`` need be run, when given)."""
        if self._fixed is not None:
            return self._fixed
        key = tuple(Path(p) for p in docs)
        done, complete = self._cache.get(key, ({}, False))
        if not complete:
            if only is None:
                done = {**done, **predict(key, self.problems, skip=set(done), progress=self.progress)}
                complete = True
            elif not only <= done.keys():
                done = {**done, **predict(key, self.problems, only=only - done.keys(), progress=self.progress)}
            self._cache[key] = (done, complete)
        return done


def run_suite(suite: Suite, predictions: Predictions) -> Scores | Shares:
    problems = predictions.problems
    if suite.kind == SuiteKind.GOLD:
        gold = load_gold(suite.truth, problems)
        return score_figures(gold, predictions.for_docs(suite.docs, only=set(gold)))
    if suite.kind == SuiteKind.LABELS:
        return score_labels(load_rows(suite.truth, problems, need="nb_civilians"), predictions.for_docs(suite.docs))
    if suite.kind == SuiteKind.INCIDENTS:
        return score_incidents(load_rows(suite.truth, problems, need="dead"), predictions.for_docs(suite.docs))
    raise ValueError(f"unknown suite kind {suite.kind!r}")


def run_suites(
    suites: Iterable[Suite],
    problems: list[Problem] | None = None,
    *,
    pred_file: str | Path | None = None,
    progress: bool = False,
) -> dict[str, Scores | Shares]:
    """Each suite's scores, by suite name."""
    predictions = Predictions([] if problems is None else problems, pred_file=pred_file, progress=progress)
    return {s.name: run_suite(s, predictions) for s in suites}
