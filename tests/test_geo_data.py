"""The shipped gazetteer against its generator: checksum, the sources it
was built from, a rebuilt slice (the supplement, assigned to sub-districts
by point-in-polygon), and the name keys of the code that reads it."""
from __future__ import annotations

import gzip
import hashlib
import time
from pathlib import Path

import pytest

from wartally.geo import gazetteer
from wartally.geo.gazetteer import load
from wartally.geo.names import fold


ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "wartally" / "data" / "geo"


def test_data_checksum_matches_the_shipped_file():
    raw = gzip.decompress((DATA / "gazetteer.tsv.gz").read_bytes())
    assert hashlib.sha256(raw).hexdigest()[:16] == (DATA / "gazetteer.sha256").read_text().strip()


def test_data_format_version_matches_builder(builder):
    assert builder.FORMAT_VERSION == gazetteer.FORMAT_VERSION


def test_data_built_from_the_current_curated_files(builder):
    """Editing supplement.jsonl or stoplist.txt without rebuilding fails here."""
    files = load().meta["files"]
    for name in ("supplement.jsonl", "stoplist.txt"):
        assert files[f"data/geo/{name}"] == builder.sha256(DATA / name), f"{name} changed: run scripts/build_gazetteer.py"


# the gazetteer against the geo sources of ../shared (its hashes, the
# supplement rebuilt by point-in-polygon): tests/test_shared_copies.py


def test_data_admin_names_found_under_the_current_fold():
    """Index keys were made by names.fold at build time: a change to fold
    without a rebuild breaks lookups, and fails here."""
    gaz = load()
    for pcode, admin in gaz.admins.items():
        for name in (admin.name, admin.name_ocha, admin.name_ar):
            assert any(e.id == f"ocha:{pcode}" for e in gaz.by_key(fold(name))), (pcode, name)


def test_data_loads_under_a_second():
    """CPU time, not wall time: on a shared CI machine the wall clock
    measures the neighbours (bench/bench_geo.py prints both)."""
    gazetteer._CACHE.clear()
    t = time.process_time()
    gaz = load()
    took = time.process_time() - t
    assert len(gaz) > 30_000 and len(gaz.admins) == 14 + 62 + 272
    assert took < 1.0


@pytest.mark.parametrize("asked_before", [0, gazetteer.IdIndex.INDEX_AFTER])
def test_data_id_index_finds_each_row_by_its_id(asked_before):
    """Searched in the rows' text for the first ids asked, then from a dict:
    either way the row of each id (real ids of each kind), and nothing for
    an id that is not there."""
    rows = load()._rows
    index = gazetteer.IdIndex(rows)
    for _ in range(asked_before):
        index.get("no-such-id")
    picks = {}
    for i, row in enumerate(rows):
        kind = row.split(":", 1)[0]
        picks.setdefault(kind, []).append(i)
    sample = [i for found in picks.values() for i in (found[0], found[len(found) // 2], found[-1])]
    for i in sample:
        key = rows[i].split("\t", 1)[0]
        assert index.get(key) == i and index[key] == i and key in index, key
    assert index.get("geonames-admin1:XX.99") is None and "nope\tx" not in index
    with pytest.raises(KeyError):
        index["geonames-admin1:XX.99"]
    assert (index._dict is not None) == (asked_before + 3 * len(sample) + 2 > gazetteer.IdIndex.INDEX_AFTER)
