"""The link stage's data files (src/wartally/data/link/), loaded once."""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "link"


@functools.cache
def load(name: str) -> dict[str, Any]:
    with open(DATA / f"{name}.json", encoding="utf-8") as f:
        return json.load(f)


@functools.cache
def patterns(group: str) -> re.Pattern[str]:
    """One compiled alternation of the ``group`` phrases of patterns.json."""
    return re.compile("|".join(f"(?:{p})" for p in load("patterns")[group]), re.IGNORECASE)
