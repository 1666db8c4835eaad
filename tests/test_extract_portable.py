"""The extractor without CPython's private regex modules (``re._parser``,
``re._constants``, ``re._casefix``), which it uses only to search faster:
on a Python without them it finds the same figures."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = [
    "Airstrikes killed 12 civilians in Ariha on Monday, the Syrian Observatory for Human Rights said.",
    "Government and Russian fire has killed 288 civilians since 30 April, including 67 children, the Syrian "
    "Observatory for Human Rights said.",
    "Regime barrel bombs kill 15 in Daraa activists AFP Sunday 9 Jun 2019",
    "A suicide car bomb killed at least 18 people and wounded dozens in the central city of Homs, SANA said.",
]

RUN = """
import json, re, sys
if sys.argv[1] == "without":
    for name in ("_parser", "_constants", "_casefix"):
        delattr(re, name)
import wartally
from wartally.extract import lexicon
assert (lexicon.sre_parse is None) == (sys.argv[1] == "without")
out = []
for text in json.loads(sys.argv[2]):
    out.append([f.to_json() for f in wartally.extract(text, published="2019-06-10", geocode=False)])
print(json.dumps(out))
"""


def _figures(mode: str) -> list:
    got = subprocess.run([sys.executable, "-c", RUN, mode, json.dumps(SENTENCES)], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert got.returncode == 0, got.stderr[-2000:]
    return json.loads(got.stdout)


def test_extract_same_figures_without_private_regex_modules():
    plain, without = _figures("with"), _figures("without")
    assert all(plain), "every sentence holds a figure"
    assert without == plain
