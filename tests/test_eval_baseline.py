"""Pins of the eval gate: checked with a tiny epsilon, raised freely, lowered
only on request with a reason."""
from __future__ import annotations

import datetime as dt

import pytest

from wartally.errors import UsageError
from wartally.eval.baseline import check_pins, floor_pin, load_baseline, save_baseline, update_pins

BASE = {
    "reason": "first pins",
    "epsilon": 1e-6,
    "suites": {"seeds": {"kind": "gold", "truth": "gold/seeds.gold.jsonl", "docs": ["corpus/seeds.jsonl"], "min": {"precision": 0.5, "recall": 0.4, "field.place": 0.75}}},
    "history": [],
}
SUITES = {"seeds": BASE["suites"]["seeds"], "wiki-incidents": {"kind": "incidents", "truth": "gold/wiki-incidents.labels.jsonl", "docs": ["corpus/wiki-incidents.jsonl"]}}


@pytest.mark.parametrize(
    "measured,failures",
    [
        ({"precision": 0.5, "recall": 0.4, "field.place": 0.75}, []),
        ({"precision": 0.5 - 1e-9, "recall": 0.4, "field.place": 0.75}, []),  # float noise passes
        ({"precision": 0.49, "recall": 0.4, "field.place": 0.75}, ["seeds precision: 0.4900 < pin 0.5000"]),
        ({"precision": 0.9, "recall": 0.9, "field.place": None}, ["seeds field.place: 0.0000 < pin 0.7500"]),
    ],
)
def test_baseline_check_pins_fails_below_pin(measured, failures):
    assert check_pins(BASE, {"seeds": measured}) == failures


def test_baseline_check_pins_reports_unmeasured_suite():
    assert check_pins(BASE, {}) == ["seeds: pinned but not measured"]


def test_baseline_update_only_raises_without_lower():
    measured = {"seeds": {"precision": 0.61239, "recall": 0.3, "field.place": 0.75}}
    new, raised, below = update_pins(BASE, measured, SUITES, today=dt.date(2026, 11, 24))
    pins = new["suites"]["seeds"]["min"]
    assert pins == {"precision": 0.6123, "recall": 0.4, "field.place": 0.75}
    assert raised == ["seeds precision: 0.5000 → 0.6123"]
    assert below == ["seeds recall: 0.3000 < pin 0.4000"]
    assert new["history"][-1] == {"date": "2026-11-24", "reason": "pins raised to measured scores", "raised": raised, "lowered": []}
    assert BASE["suites"]["seeds"]["min"]["precision"] == 0.5  # input untouched


def test_baseline_lower_needs_reason():
    with pytest.raises(UsageError):
        update_pins(BASE, {"seeds": {"recall": 0.1}}, SUITES, lower=True, reason="  ")


def test_baseline_lower_with_reason_lowers_and_records_it():
    measured = {"seeds": {"precision": 0.5, "recall": 0.3, "field.place": 0.8}}
    new, raised, below = update_pins(BASE, measured, SUITES, lower=True, reason="stricter victims rule", today=dt.date(2026, 11, 24))
    assert new["suites"]["seeds"]["min"] == {"precision": 0.5, "recall": 0.3, "field.place": 0.8}
    assert new["reason"] == "stricter victims rule"
    assert new["history"][-1]["lowered"] == ["seeds recall: 0.3000 < pin 0.4000"]


def test_baseline_new_suite_is_pinned_with_its_files():
    new, _, _ = update_pins(BASE, {"wiki-incidents": {"dead": 0.42, "overall": 0.42}}, SUITES)
    entry = new["suites"]["wiki-incidents"]
    assert entry["truth"] == "gold/wiki-incidents.labels.jsonl"
    assert entry["min"] == {"dead": 0.42, "overall": 0.42}


@pytest.mark.parametrize("value,pin", [(None, 0.0), (0.0, 0.0), (1.0, 1.0), (0.8, 0.8), (2 / 3, 0.6666), (0.123456, 0.1234)])
def test_baseline_floor_pin_rounds_down(value, pin):
    assert floor_pin(value) == pin


def test_baseline_round_trip(tmp_path):
    path = tmp_path / "baseline.json"
    assert load_baseline(path)["suites"] == {}
    save_baseline(path, BASE)
    assert load_baseline(path) == BASE
    path.write_text('{"reason": "x"}')
    with pytest.raises(UsageError, match="baseline.json"):
        load_baseline(path)
