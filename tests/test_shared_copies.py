"""The copies of ../shared that the repository ships (tests/data/sample and
tests/data/seeds.figures.jsonl) are what tests/data/sample/cut.py cuts from
../shared today, so that they cannot drift from it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, need_shared

DATA = ROOT / "tests" / "data"


def test_sample_copies_match_a_fresh_cut_of_shared(tmp_path):
    need_shared("the corpora and gold the sample is cut from")
    subprocess.run([sys.executable, str(DATA / "sample" / "cut.py"), str(tmp_path)], check=True)
    cut = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.jsonl"))
    assert Path("seeds.figures.jsonl") in cut and len(cut) == 6
    # compared as booleans: pytest's diff of two large texts takes many minutes
    differ = [str(rel) for rel in cut if (tmp_path / rel).read_bytes() != (DATA / rel).read_bytes()]
    assert not differ, f"{differ} differ from a fresh cut: rerun tests/data/sample/cut.py"
