"""The corpus of hostile files in tests/data/hostile/ (written by
make_hostile.py there): each is read alone and must give exactly the
documents and problem codes EXPECTED.json lists; all of them together
through the real ``wartally extract`` process give no traceback, one line
per problem, and every document's figures."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wartally.errors import Problem
from wartally.ingest import read_documents

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path("tests/data/hostile")
EXPECTED = {k: v for k, v in json.loads((ROOT / HOSTILE / "EXPECTED.json").read_text("utf-8")).items()
            if not k.startswith("_")}


def test_hostile_corpus_matches_its_expectations_file():
    on_disk = sorted(p.name for p in (ROOT / HOSTILE).iterdir() if p.suffix not in (".py", ".json"))
    assert on_disk == sorted(EXPECTED)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_gives_its_documents_and_problems(name, monkeypatch):
    monkeypatch.chdir(ROOT)  # ids of feed entries name the file as given
    docs, codes = [], []
    for item in read_documents([HOSTILE / name]):
        if isinstance(item, Problem):
            line = str(item)
            assert "\n" not in line and item.where.startswith(str(HOSTILE / name)), line
            codes.append(item.code)
        else:
            docs.append(item.id)
            for planted in ("777", "888", "999", "document.write"):
                assert planted not in item.text, (name, planted)
            item.text.encode("utf-8")  # writable: no lone surrogate left
    assert {"docs": docs, "codes": codes} == EXPECTED[name]


@pytest.mark.slow
def test_hostile_corpus_through_the_extract_command(tmp_path):
    out = tmp_path / "figures.jsonl"
    got = subprocess.run([sys.executable, "-m", "wartally", "extract", str(HOSTILE), "-o", str(out), "--no-geocode"],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert got.returncode == 1 and "Traceback" not in got.stderr
    lines = got.stderr.strip().splitlines()
    # read together, the three archives hold the same first page: its two copies are duplicates
    duplicates = [line for line in lines if ":record 1: duplicate: document id 'https://news.example/0'" in line]
    assert len(duplicates) == 2
    assert len(lines) == sum(len(v["codes"]) for v in EXPECTED.values()) + len(duplicates)
    assert all(line.startswith(str(HOSTILE)) and ": " in line for line in lines)
    figures = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    docs = {f["doc"] for f in figures}
    assert {"after-bomb", "after-nesting", "d4", "n1", "n2", "script-title.html"} <= docs
    assert not {f["n"] for f in figures} & {777, 888, 999}
