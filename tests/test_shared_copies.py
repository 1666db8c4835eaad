"""What the repository copies or builds from ../shared still matches
../shared, so the copies cannot drift from their source:

- the shipped sample (tests/data/sample) and tests/data/seeds.figures.jsonl
  are what tests/data/sample/cut.py cuts from ../shared today;
- every row of the sentence tables of test_extract_figures.py and
  test_extract_world.py is real text of ../shared/corpus (the seed articles
  and world-dev may not be copied here, so only ../shared can tell);
- the shipped gazetteer was built from the current geo sources of
  ../shared/data/geo, and its curated supplement rebuilds from them.

Every test here is about ../shared itself, so a clone without it skips this
module as a whole (one skip naming what it needs); under CI it fails."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, need_shared

SHARED = need_shared("the corpora, gold and geo sources this repository's copies are cut or built from", module=True)

from test_extract_figures import ROWS  # noqa: E402  (the tables are checked only where ../shared is)
from test_extract_world import NOT_ACTORS, TABLES, WEAPONS  # noqa: E402
from wartally.geo.gazetteer import load  # noqa: E402
from wartally.geo.names import fold  # noqa: E402

DATA = ROOT / "tests" / "data"
GEO = ROOT / "src" / "wartally" / "data" / "geo"


def _fold_space(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _corpus_blob(*names: str, titles: bool = False) -> str:
    texts = []
    for name in names:
        with open(SHARED / "corpus" / name, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    texts += [d["text"], (d.get("title") or "") if titles else ""]
    return _fold_space("\n".join(texts))


def test_sample_copies_match_a_fresh_cut_of_shared(tmp_path):
    subprocess.run([sys.executable, str(DATA / "sample" / "cut.py"), str(tmp_path)], check=True)
    cut = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert Path("seeds.figures.jsonl") in cut and Path("sample/gold/GUIDE.md") in cut and len(cut) == 7
    # compared as booleans: pytest's diff of two large texts takes many minutes
    differ = [str(rel) for rel in cut if (tmp_path / rel).read_bytes() != (DATA / rel).read_bytes()]
    assert not differ, f"{differ} differ from a fresh cut: rerun tests/data/sample/cut.py"


def test_figures_rows_are_real_text():
    blob = _corpus_blob("seeds.jsonl", "fakes-dev.jsonl", "wiki-incidents.jsonl")
    missing = [r.id for r in ROWS if _fold_space(r.values[0]) not in blob]
    assert not missing, f"rows of test_extract_figures.py whose text is not in ../shared/corpus: {missing}"


def test_world_rows_are_real_text():
    blob = _corpus_blob("world-dev.jsonl", "wiki-incidents.jsonl", titles=True)
    missing = [p.id for table in [*TABLES.values(), NOT_ACTORS, WEAPONS] for p in table
               if _fold_space(p.values[1]) not in blob or (p.values[3] and p.values[3] not in blob)]
    assert not missing, f"rows of test_extract_world.py whose text or title is not in ../shared/corpus: {missing}"


def test_gazetteer_built_from_the_current_shared_sources(builder):
    files = load().meta["files"]
    geo = SHARED / "data" / "geo"
    for path in sorted(geo.rglob("*.json*")):
        assert files[f"shared/data/geo/{path.relative_to(geo)}"] == builder.sha256(path), path


def test_gazetteer_supplement_rebuilds_to_the_shipped_entries(builder):
    """Rebuild the supplement slice: each new place is in the index under its
    name, at its coordinates, in the sub-district point-in-polygon gives."""
    admins, polygons = builder.load_admins(SHARED)
    locator = builder.Locator(polygons)
    gaz = load()
    ids = gaz.id_index()
    with open(GEO / "supplement.jsonl", encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    for s in lines:
        if "of" in s:
            # a rename: the place is found by its new name, in its first-level unit or country
            assert any(e.name == s["name"] and e.a1 == s.get("admin1", e.a1) and e.cc == s.get("country", "SY")
                       for e in gaz.by_key(fold(s["name"]))), s
            assert s["source"]
            continue
        e = gaz.entry(ids[f"supplement:{fold(s['name'])}"])
        assert (e.name, e.lat, e.lon, e.feature) == (s["name"], s["lat"], s["lon"], s["feature"])
        a3 = locator.locate(s["lat"], s["lon"])
        assert a3 is not None, f"{s['name']} lies outside Syria's sub-districts"
        assert (e.a3, e.a2, e.a1) == (a3, a3[:6], a3[:4])
        for alias in [s["name"], *s.get("aliases", [])]:
            assert e in gaz.by_key(fold(alias)), alias
        assert s["source"]
