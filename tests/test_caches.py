"""The user's cache folder (wartally.caches) and what the gazetteer keeps
there: a gazetteer read back from the cache is the one parsed from the
shipped file, the cache is keyed by the file's bytes, and a missing,
damaged or switched-off cache only means parsing the file as usual."""
from __future__ import annotations

import os
import time

import pytest

from wartally import caches
from wartally.geo import gazetteer


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTALLY_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTALLY_CACHE_DIR", str(tmp_path / "here"))
    assert caches.folder() == tmp_path / "here"
    monkeypatch.setenv("WARTALLY_CACHE_DIR", "")
    assert caches.folder() is None
    monkeypatch.delenv("WARTALLY_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert caches.folder() == tmp_path / "xdg" / "wartally"


def test_write_then_read_gives_the_value_back(cache_dir):
    value = ({"a": "1"}, ["x", "y"], frozenset({"k"}), "text")
    assert caches.write("thing-1.marshal", value)
    assert caches.read("thing-1.marshal") == value
    assert not list(cache_dir.glob("*.tmp"))  # written through a temporary file, renamed


def test_damaged_or_missing_file_reads_as_nothing(cache_dir):
    assert caches.read("absent.marshal") is None
    (cache_dir / "broken.marshal").write_bytes(b"\x00not marshal")
    assert caches.read("broken.marshal") is None


def test_nothing_is_kept_when_switched_off(monkeypatch):
    monkeypatch.setenv("WARTALLY_CACHE_DIR", "")
    assert caches.write("thing.marshal", [1]) is False
    assert caches.read("thing.marshal") is None


def test_unwritable_folder_keeps_nothing_quietly(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("WARTALLY_CACHE_DIR", str(blocker / "below"))
    assert caches.write("thing.marshal", [1]) is False


def test_tag_changes_with_every_part():
    assert caches.tag(b"abc", "1") == caches.tag(b"abc", "1")
    assert caches.tag(b"abc", "1") != caches.tag(b"abd", "1")
    assert caches.tag(b"abc", "1") != caches.tag(b"abc", "2")
    assert caches.tag(b"ab", b"c") != caches.tag(b"a", b"bc")  # parts are kept apart


def test_prune_spares_the_newest_others(cache_dir):
    now = time.time()
    for i in range(6):
        f = cache_dir / f"regexes-{i}.marshal"
        f.write_bytes(b"x")
        os.utime(f, (now - 100 + i, now - 100 + i))  # regexes-5 is the newest
    (cache_dir / "gazetteer-0.marshal").write_bytes(b"x")
    caches.prune("regexes-", "regexes-0.marshal", spare=2)
    left = sorted(f.name for f in cache_dir.iterdir())
    assert left == ["gazetteer-0.marshal", "regexes-0.marshal", "regexes-4.marshal", "regexes-5.marshal"]


def _same(a: gazetteer.Gazetteer, b: gazetteer.Gazetteer) -> None:
    assert len(a) == len(b)
    assert a._rows == b._rows and a._names == b._names and a._skeletons == b._skeletons
    assert a.findable.core == b.findable.core and a.stoplist == b.stoplist
    assert a.findable_skeletons == b.findable_skeletons and a.admins == b.admins and a.meta == b.meta
    for name in ("Aleppo", "Zaporizhzhia", "Kabul", "Mogadishu"):
        assert a.lookup(name)[0] and [e.id for e in a.lookup(name)[0]] == [e.id for e in b.lookup(name)[0]]


def test_gazetteer_from_the_cache_is_the_parsed_one(cache_dir):
    first = gazetteer.read()  # parses the shipped file and keeps its indexes
    kept = list(cache_dir.glob("gazetteer-*.marshal"))
    assert len(kept) == 1
    again = gazetteer.read()  # read back from the cache
    _same(first, again)
    assert again.lookup("Aleppo")[0][0].cc == "SY"
    assert again.admin1_row("UA.26") == again.id_index().get("geonames-admin1:UA.26")


def test_damaged_gazetteer_cache_means_parsing_the_file(cache_dir):
    gazetteer.read()
    kept = next(cache_dir.glob("gazetteer-*.marshal"))
    kept.write_bytes(b"damaged")
    got = gazetteer.read()
    assert got.lookup("Aleppo")[0] and len(got) > 100_000


def test_only_the_shipped_gazetteer_is_kept(cache_dir, tmp_path):
    copy = tmp_path / "copy.tsv.gz"
    copy.write_bytes(gazetteer.data_path().read_bytes())
    gazetteer.read(copy)  # a file the caller names: read as it is, nothing kept
    assert not list(cache_dir.glob("gazetteer-*"))


def test_unreadable_gazetteer_still_fails_loudly(tmp_path, cache_dir):
    bad = tmp_path / "bad.tsv.gz"
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(Exception) as err:
        gazetteer.read(bad)
    assert "gazetteer" in str(err.value) and "build_gazetteer" in str(err.value)
