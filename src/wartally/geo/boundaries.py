"""Boundaries shipped in the package (built by scripts/build_gazetteer.py)
for offline maps in reports and the web page: the world's countries
(Natural Earth 1:110m, level 0) and Syria's simplified OCHA admin units
(levels 1-3)."""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

from wartally.errors import GeoError

LEVELS = (0, 1, 2, 3)


@lru_cache(maxsize=3)
def _read(level: int) -> str:
    path = resources.files("wartally") / "data" / "geo" / f"boundaries_admin{level}.geojson.gz"
    with path.open("rb") as f:
        return gzip.decompress(f.read()).decode("utf-8")


def boundaries_geojson(level: int) -> dict:
    """A GeoJSON FeatureCollection: the world's countries at level 0 (each
    feature's properties: name, iso_n3), Syria's admin units at levels 1
    governorates, 2 districts, 3 sub-districts (properties: name (common
    English), name_ocha, name_ar, pcode and the parent P-codes).  A fresh
    copy on each call."""
    if level not in LEVELS:
        raise GeoError(f"admin level must be one of {LEVELS}, not {level!r}", where="boundaries_geojson")
    return json.loads(_read(level))
