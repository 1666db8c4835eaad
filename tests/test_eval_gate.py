"""The eval gate: the eval's scores on the gold files of ../shared/gold must
not fall below the pins in tests/eval_baseline.json.

To lower a pin deliberately, change tests/eval_baseline.json in the same
commit and say why in its "reason" field (or run ``wartally eval --suite
../shared --write-baseline tests/eval_baseline.json --lower --reason TEXT``).
To raise pins after an improvement: the same command without --lower.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from wartally.eval.baseline import HOW_TO_LOWER, check_pins
from wartally.eval.report import markdown_table
from wartally.eval.score import FIELDS
from wartally.eval.suite import Suite, discover_suites, run_suites

from conftest import need_shared

BASELINE = Path(__file__).with_name("eval_baseline.json")


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


SAMPLE_BASELINE = Path(__file__).parent / "data" / "sample" / "eval_baseline.json"


@pytest.mark.parametrize("path", [BASELINE, SAMPLE_BASELINE], ids=["shared", "sample"])
def test_eval_gate_baseline_has_reason_and_every_metric(path):
    baseline = json.loads(path.read_text(encoding="utf-8"))
    assert baseline.get("reason", "").strip(), f'{path.name} needs a "reason" for its current pins'
    for name, entry in baseline["suites"].items():
        if entry["kind"] == "gold":
            want = {"precision", "recall", "f1", *(f"field.{f}" for f in FIELDS)}
            assert want <= set(entry["min"]), f"{name}: pins missing for {sorted(want - set(entry['min']))}"
        for metric, pin in entry["min"].items():
            assert 0.0 <= float(pin) <= 1.0, f"{name} {metric}: pin {pin} is not a share"


@pytest.mark.slow  # runs the product over every corpus (~700 documents)
def test_eval_gate_scores_not_below_pins(baseline, output_dir):
    """Every suite of ../shared is pinned, and none scores below its pins."""
    shared = need_shared("the gold suites of ../shared/gold that tests/eval_baseline.json pins")
    missing = [s.name for s in discover_suites(shared) if s.name not in baseline["suites"]]
    assert not missing, f"suites in ../shared with no pins: {missing}; run wartally eval --suite ../shared --write-baseline {BASELINE.name}"
    suites = [Suite.from_json(name, entry, shared) for name, entry in baseline["suites"].items()]
    problems = []
    results = run_suites(suites, problems)
    unread = [str(p) for p in problems if str(shared / "gold") in p.where]
    assert not unread, "gold or label lines could not be read:\n  " + "\n  ".join(unread)
    measured = {name: r.metrics() for name, r in results.items()}
    # the run's scores and the README tables, kept as CI artefacts
    (output_dir / "eval-report.json").write_text(json.dumps({n: r.to_json() for n, r in results.items()}, indent=1, default=str))
    (output_dir / "eval-scores.md").write_text(markdown_table(results))
    failures = check_pins(baseline, measured)
    assert not failures, "eval scores fell below their pins:\n  " + "\n  ".join(failures) + "\n" + HOW_TO_LOWER


def test_eval_gate_sample_scores_not_below_pins():
    """The gate on tests/data/sample, which every clone has (the FA-KES dev
    gold articles and every eighth Wikipedia incident)."""
    sample = json.loads(SAMPLE_BASELINE.read_text(encoding="utf-8"))
    assert sample["reason"].strip() and {"fakes-dev", "fakes-dev-labels", "wiki-incidents"} <= set(sample["suites"])
    suites = [Suite.from_json(name, entry, SAMPLE_BASELINE.parent) for name, entry in sample["suites"].items()]
    problems = []
    results = run_suites(suites, problems)
    assert not problems, problems
    failures = check_pins(sample, {name: r.metrics() for name, r in results.items()})
    assert not failures, "eval scores on tests/data/sample fell below their pins:\n  " + "\n  ".join(failures)
