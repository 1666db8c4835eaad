"""Places an analyst can pick: the gazetteer's entries for a name."""
from __future__ import annotations

from wartally.records import ANALYST_PICKED, Place
from wartally.geo.resolver import parse, to_place
from wartally.geo.gazetteer import load


def candidates(name: str, limit: int = 10) -> list[Place]:
    """Gazetteer places called ``name`` (or spelled alike), most populous
    first."""
    name = " ".join(str(name or "").split())[:100]
    if len(name) < 2:
        return []
    gaz = load()
    found, how = gaz.lookup(name)
    found = sorted(found, key=lambda e: (-e.population, e.name))[:limit]
    return [to_place(name, e, parse(name), f"{ANALYST_PICKED} ({how})", gaz) for e in found]


def place_by_id(gazetteer_id: str, mention: str = "") -> Place | None:
    """The place of one gazetteer entry."""
    gaz = load()
    index = gaz.id_index().get(gazetteer_id)
    if index is None:
        return None
    e = gaz.entry(index)
    mention = mention or e.name
    return to_place(mention, e, parse(mention), ANALYST_PICKED, gaz)
