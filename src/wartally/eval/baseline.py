"""Pinned minimum scores (tests/eval_baseline.json) and the rules for moving
them: checking never passes a score below its pin, and updating only raises
pins unless lowering is asked for with a reason.

The file::

    {"reason": "why the pins last changed",
     "epsilon": 1e-6,
     "suites": {"seeds": {"kind": "gold", "truth": "gold/seeds.gold.jsonl",
                          "docs": ["corpus/seeds.jsonl"],
                          "min": {"precision": 0.5, "field.place": 0.8, ...}}, ...},
     "history": [{"date": ..., "reason": ..., "lowered": [...], "raised": [...]}]}

Paths are relative to the shared folder (../shared from the repository).
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wartally.errors import UsageError

DEFAULT_EPSILON = 1e-6
HOW_TO_LOWER = (
    "If the drop is deliberate, lower the pin in the same commit: edit tests/eval_baseline.json "
    "(set the pin and a \"reason\" field saying why), or run "
    "`wartally eval --suite ../shared --write-baseline tests/eval_baseline.json --lower --reason \"...\"`."
)


def floor_pin(value: float | None) -> float:
    """A measured score as a pin: rounded down to 4 decimals; None → 0."""
    if value is None:
        return 0.0
    return math.floor(value * 10_000 + 1e-9) / 10_000


def load_baseline(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    if not path.exists():
        return {"reason": "", "epsilon": DEFAULT_EPSILON, "suites": {}, "history": []}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data.get("suites"), dict):
        raise UsageError('no "suites" object', where=str(path))
    return data


def save_baseline(path: str | Path, data: Mapping[str, Any]) -> None:
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def check_pins(baseline: Mapping[str, Any], measured: Mapping[str, Mapping[str, float | None]]) -> list[str]:
    """One message per score below its pin (or pinned suite not measured)."""
    eps = float(baseline.get("epsilon", DEFAULT_EPSILON))
    failures = []
    for suite, entry in baseline.get("suites", {}).items():
        got = measured.get(suite)
        if got is None:
            failures.append(f"{suite}: pinned but not measured")
            continue
        for metric, pin in entry.get("min", {}).items():
            value = got.get(metric)
            value = 0.0 if value is None else value
            if value < float(pin) - eps:
                failures.append(f"{suite} {metric}: {value:.4f} < pin {float(pin):.4f}")
    return failures


def update_pins(
    baseline: Mapping[str, Any],
    measured: Mapping[str, Mapping[str, float | None]],
    suites_json: Mapping[str, Mapping[str, Any]],
    *,
    lower: bool = False,
    reason: str | None = None,
    today: dt.date | None = None,
) -> tuple[dict[str, Any], list[str], list[str]]:
    """The baseline with pins moved to the measured scores: raised where a
    score went up; lowered only when ``lower`` (which needs a ``reason``).
    Returns (new baseline, raised, refused-or-lowered) descriptions."""
    if lower and not (reason and reason.strip()):
        raise UsageError("lowering pins needs --reason TEXT")
    new = copy.deepcopy(dict(baseline))
    new.setdefault("epsilon", DEFAULT_EPSILON)
    suites = new.setdefault("suites", {})
    raised: list[str] = []
    below: list[str] = []
    for name, metrics in measured.items():
        entry = suites.setdefault(name, {**suites_json.get(name, {}), "min": {}})
        pins = entry.setdefault("min", {})
        for metric, value in metrics.items():
            pin = floor_pin(value)
            old = pins.get(metric)
            if old is None or pin > float(old):
                if old is not None:
                    raised.append(f"{name} {metric}: {float(old):.4f} → {pin:.4f}")
                pins[metric] = pin
            elif pin < float(old):
                below.append(f"{name} {metric}: {pin:.4f} < pin {float(old):.4f}")
                if lower:
                    pins[metric] = pin
    if raised or (lower and below) or reason:
        note = reason or "pins raised to measured scores"
        new["reason"] = note
        new.setdefault("history", []).append(
            {
                "date": (today or dt.date.today()).isoformat(),
                "reason": note,
                "raised": raised,
                "lowered": below if lower else [],
            }
        )
    return new, raised, below
