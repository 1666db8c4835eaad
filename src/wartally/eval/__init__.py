"""Scoring against gold files (../shared/gold/GUIDE.md, "Scoring"): figure
precision, recall, F1 and field accuracy; article-level and incident-level
shares; the pinned baseline of the eval gate; the README's accuracy tables."""
from __future__ import annotations

from pathlib import Path

from wartally.eval.baseline import check_pins, load_baseline, update_pins
from wartally.eval.report import markdown_table
from wartally.eval.score import (
    FIELDS,
    Scores,
    Shares,
    merge_predictions,
    score_document,
    score_figures,
    score_incidents,
    score_labels,
)
from wartally.eval.suite import Suite, discover_suites, run_suites

__all__ = [
    "FIELDS",
    "Scores",
    "Shares",
    "Suite",
    "check_pins",
    "discover_suites",
    "load_baseline",
    "merge_predictions",
    "readme_scores",
    "run_suites",
    "score_document",
    "score_figures",
    "score_incidents",
    "score_labels",
    "update_pins",
]


def readme_scores(shared: str | Path = Path(__file__).resolve().parents[3].parent / "shared") -> str:
    """The README's accuracy section as markdown tables, measured now by
    running the product over the standard suite under ``shared``."""
    return markdown_table(run_suites(discover_suites(shared)))
