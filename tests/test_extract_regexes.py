"""The compiled-regex cache (wartally.extract.regexes): what it returns is
what ``re.compile`` returns, across processes, and a missing, damaged or
unwritable cache only means compiling as usual."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from wartally.extract import lexicon, regexes

PATTERNS = [
    (r"(?<![\w-])(?:killed|dead)(?![\w])", re.IGNORECASE),
    (r"(?P<n>\d+)\s+(?P<what>people|civilians)", 0),
    (r"(?-i:IS)\s+fighters|Daesh", re.IGNORECASE),
    (r"[^\W\d_]+(?:['’][^\W\d_]+)?", 0),
    (r"(a)(b)?(?P<c>c)\1", re.IGNORECASE | re.MULTILINE),
]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """A fresh cache folder, and the module's table forgotten around the test."""
    monkeypatch.setenv("WARTALLY_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexes, "_table", None)
    monkeypatch.setattr(regexes, "_added", 0)
    return tmp_path


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_compile_equals_re_compile(pattern, flags, cache_dir):
    first = regexes.compile(pattern, flags)
    assert first == re.compile(pattern, flags)
    regexes.save()
    saved = list(cache_dir.glob("regexes-*.marshal"))
    assert len(saved) == 1
    # a new table read from the file: the pattern is built from the kept code
    regexes._table = None
    again = regexes.compile(pattern, flags)
    assert (pattern, int(flags)) in regexes._table
    assert again == re.compile(pattern, flags)
    assert again.groupindex == re.compile(pattern, flags).groupindex
    text = "aBca 12 civilians IS fighters daesh killed Dead O’Brien"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in re.finditer(pattern, text, flags)]


def test_a_damaged_cache_file_means_compiling_as_usual(cache_dir):
    regexes.compile(r"killed|dead", re.I)
    regexes.save()
    (path,) = cache_dir.glob("regexes-*.marshal")
    path.write_bytes(b"\x00not marshal")
    regexes._table = None
    assert regexes.compile(r"killed|dead", re.I) == re.compile(r"killed|dead", re.I)


def test_a_kept_entry_that_does_not_build_is_compiled_again(cache_dir):
    regexes._load()[(r"wounded", 0)] = ("not", "a", "code")
    assert regexes.compile(r"wounded") == re.compile(r"wounded")


def test_an_empty_cache_dir_keeps_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("WARTALLY_CACHE_DIR", "")
    monkeypatch.setattr(regexes, "_table", None)
    monkeypatch.setattr(regexes, "_added", 0)
    assert regexes.compile(r"injured", re.I) == re.compile(r"injured", re.I)
    regexes.save()  # nowhere to write: nothing happens
    assert regexes._path() is None


def test_derived_values_are_kept(cache_dir):
    calls = []

    def compute():
        calls.append(1)
        return lexicon.first_chars(r"killed|dead", re.I)

    assert regexes.derived("first_chars", (r"killed|dead", 2), compute) == lexicon.first_chars(r"killed|dead", re.I)
    regexes.save()
    regexes._table = None
    assert regexes.derived("first_chars", (r"killed|dead", 2), compute) == lexicon.first_chars(r"killed|dead", re.I)
    assert calls == [1]  # the second time from the file


def test_extract_in_a_second_process_writes_the_same_figures(tmp_path, gold_root):
    """``wartally extract`` with an empty cache (which it fills) and with the
    filled cache write the same bytes."""
    env = {**os.environ, "WARTALLY_CACHE_DIR": str(tmp_path / "cache"),
           "PYTHONPATH": str(Path(regexes.__file__).parents[2])}
    corpus = gold_root / "corpus" / "wiki-incidents.jsonl"
    outs = []
    for run in range(2):
        out = tmp_path / f"run{run}.jsonl"
        subprocess.run([sys.executable, "-m", "wartally", "extract", str(corpus), "-o", str(out)], env=env, check=True)
        outs.append(out.read_bytes())
    assert list((tmp_path / "cache").glob("regexes-*.marshal"))
    assert outs[0] == outs[1] and outs[0]
