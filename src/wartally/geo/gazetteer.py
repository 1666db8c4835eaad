"""The prebuilt gazetteer shipped in wartally/data/geo (built by
scripts/build_gazetteer.py): places, OCHA admin units, and name indexes.

Loaded once per process (``load()``), lazily: the name indexes are split
into dicts of strings on load and a place row is parsed the first time it is
asked for, so that loading takes well under a second.
"""
from __future__ import annotations

import gzip
import json
import threading
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from wartally import caches
from wartally.errors import GeoError
from wartally.geo.names import fold, skeleton

DATA_FILE = "gazetteer.tsv.gz"
FORMAT_VERSION = 2
_LOCK = threading.Lock()
_CORE_COUNTRIES = frozenset({"SY", "TR", "IQ", "LB", "JO", "IL", "PS"})
_CACHE: dict[str, "Gazetteer"] = {}
_ADMIN1_ID = "geonames-admin1:"


# a town this big may be meant by its name alone, and its country outweighs its namesakes' elsewhere
TOWN_POPULATION = 15_000


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    index: int
    id: str
    name: str
    lat: float | None
    lon: float | None
    cc: str
    feature: str  # city, town, village, neighbourhood, admin1..3, country
    population: int
    a1: str | None  # OCHA P-code (Syria) or GeoNames "CC.code"
    a2: str | None
    a3: str | None
    capital: int | None  # OCHA admin capital level (0 = national), if one
    city: str | None  # for a neighbourhood: its city

    @property
    def is_core(self) -> bool:
        """Syria, its neighbours, countries, first-level units, towns of
        15,000 or more and curated places: the places a name alone may point
        to; the world's villages and second-level units need context."""
        return (self.cc in _CORE_COUNTRIES or self.feature in ("country", "admin1") or self.population >= TOWN_POPULATION
                or not self.id.startswith("geonames"))

    @property
    def admin_level(self) -> int | None:
        return int(self.feature[-1]) if self.feature.startswith("admin") else None


@dataclass(frozen=True, slots=True)
class Admin:
    """One OCHA admin unit of Syria."""

    pcode: str
    level: int
    name_ocha: str
    name: str  # common English name (for governorates, the gold guide's)
    name_ar: str
    lat: float
    lon: float


class Findable:
    """The names find_places flags: a set for the core index, and a ``*``
    before the places of a findable name in the rest."""

    __slots__ = ("core", "world")

    def __init__(self, core: frozenset[str], world: dict[str, str]) -> None:
        self.core, self.world = core, world

    def __contains__(self, key: object) -> bool:
        if key in self.core:
            return True
        if not isinstance(key, str):
            return False
        hit = self.world.get(key)
        return hit is not None and hit.startswith("*")


def _pairs(section: str) -> dict[str, str]:
    """``key<TAB>value`` lines as a dict (the fast way: one split)."""
    it = iter(section.replace("\n", "\t").split("\t"))
    return dict(zip(it, it))


def _parts(raw: str) -> tuple:
    """A gazetteer file's text split into its header and indexes (values
    marshal can keep: ``read`` keeps them for the shipped file)."""
    sections = raw.split("\n\f\n")
    header = json.loads(sections[0])
    if header.get("format") != FORMAT_VERSION:
        raise GeoError(f"format {header.get('format')}, expected {FORMAT_VERSION}; rebuild it", where=DATA_FILE)
    body = dict(zip(header["sections"], sections[1:]))
    flat = body["names"].replace("\n", "\t").split("\t")
    # the core name index lists the findable names first
    rows = body["places"].split("\n")
    countries = {c[4]: c[1] for c in (row.split("\t") for row in rows if "\tcountry\t" in row)}
    admin1_rows = {row[len(_ADMIN1_ID):row.index("\t")]: i for i, row in enumerate(rows) if row.startswith(_ADMIN1_ID)}
    return (header, rows, dict(zip(flat[0::2], flat[1::2])), _pairs(body["names_world"].strip("\n")),
            _pairs(body["skeletons"]), frozenset(flat[0:2 * header["findable"]:2]),
            frozenset(body["stoplist"].split("\n")), frozenset(body["findable_skeletons"].split("\n")), countries,
            admin1_rows)


def data_path() -> Path:
    return Path(str(resources.files("wartally") / "data" / "geo" / DATA_FILE))


class Gazetteer:
    """Places and their name indexes.  Use ``load()`` for the shared one."""

    def __init__(self, raw: str):
        self._take(_parts(raw))

    @classmethod
    def from_parts(cls, parts: tuple) -> "Gazetteer":
        """A gazetteer from what ``_parts`` read from a file's text."""
        gaz = cls.__new__(cls)
        gaz._take(parts)
        return gaz

    def _take(self, parts: tuple) -> None:
        header, rows, names, world, skeletons, findable, stoplist, findable_skeletons, countries, admin1_rows = parts
        self.meta: dict = header["meta"]
        self.admin1_names: dict[str, str] = header.get("admin1_names", {})
        self.admins: dict[str, Admin] = {
            k: Admin(k, v[0], v[1], v[2], v[3], v[4], v[5]) for k, v in header["admins"].items()
        }
        self._rows: list[str] = rows
        self.admin2_names: dict[str, str] = header.get("admin2_names", {})
        self._names: dict[str, str] = names
        self._world: dict[str, str] = world  # the world's villages and second-level units: "*" marks a findable name
        self._skeletons: dict[str, str] = skeletons
        self.findable = Findable(findable, self._world)
        self.stoplist: frozenset[str] = stoplist
        self.findable_skeletons: frozenset[str] = findable_skeletons
        self._entries: dict[int, Entry] = {}
        self._countries: dict[str, str] = countries  # ISO code -> name, from the country rows
        self._admin1_rows: dict[str, int] = admin1_rows  # a first-level unit abroad's GeoNames code -> its row

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, index: int) -> Entry:
        e = self._entries.get(index)
        if e is None:
            c = self._rows[index].split("\t")
            e = Entry(
                index=index,
                id=c[0],
                name=c[1],
                lat=float(c[2]) if c[2] else None,
                lon=float(c[3]) if c[3] else None,
                cc=c[4],
                feature=c[5],
                population=int(c[6] or 0),
                a1=c[7] or None,
                a2=c[8] or None,
                a3=c[9] or None,
                capital=int(c[10]) if c[10] else None,
                city=c[11] or None,
            )
            self._entries[index] = e
        return e

    def by_key(self, key: str) -> list[Entry]:
        """Places with a name whose fold is ``key``."""
        hit = self._names.get(key) or self._world.get(key)
        return [self.entry(int(i)) for i in hit.lstrip("*").split(",")] if hit else []

    def by_skeleton(self, skel: str) -> list[Entry]:
        hit = self._skeletons.get(skel)
        return [self.entry(int(i)) for i in hit.split(",")] if hit else []

    def lookup(self, name: str) -> tuple[list[Entry], str]:
        """Candidates for a name and how they were found ("name" or
        "skeleton"); empty when none."""
        found = self.by_key(fold(name))
        if found:
            return found, "name"
        found = self.by_skeleton(skeleton(name))
        return (found, "skeleton") if found else ([], "")

    def admin(self, pcode: str | None) -> Admin | None:
        return self.admins.get(pcode) if pcode else None

    def country_name(self, cc: str | None) -> str | None:
        """A country's name from its ISO code."""
        if not cc:
            return None
        return self._countries.get(cc, cc)

    def id_index(self) -> "IdIndex":
        return _id_index(self)

    def admin1_row(self, code: str) -> int | None:
        """The row of a first-level unit abroad by its GeoNames code ("UA.26"),
        from an index of those rows only (the whole id index costs ten times
        more, and the geocoder asks for a few in every batch)."""
        return self._admin1_rows.get(code)


class IdIndex:
    """A place's row by its id (``get``, ``[]``, ``in``).  The first
    ``INDEX_AFTER`` ids asked are searched in the rows' text (a batch that
    geocodes one first-level unit abroad does not build a dict of every
    place id: 0.13 s); then a dict is built.  Where an id is on several
    rows, the last one, as the dict has it."""

    INDEX_AFTER = 20

    def __init__(self, rows: list[str]) -> None:
        self._rows = rows
        self._text: str | None = None
        self._dict: dict[str, int] | None = None
        self._asked = 0

    def get(self, key: str, default: int | None = None) -> int | None:
        if self._dict is None:
            self._asked += 1
            if self._asked <= self.INDEX_AFTER:
                found = self._search(key)
                return default if found is None else found
            with _LOCK:
                if self._dict is None:
                    self._dict = {row.split("\t", 1)[0]: i for i, row in enumerate(self._rows)}
                    self._text = None
        return self._dict.get(key, default)

    def __getitem__(self, key: str) -> int:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def _search(self, key: str) -> int | None:
        if not isinstance(key, str) or "\n" in key or "\t" in key:
            return None
        text = self._text
        if text is None:
            text = self._text = "\n" + "\n".join(self._rows)
        at = text.rfind(f"\n{key}\t")
        return None if at < 0 else text.count("\n", 0, at + 1) - 1


@lru_cache(maxsize=1)
def _id_index(gaz: Gazetteer) -> IdIndex:
    return IdIndex(gaz._rows)


def read(path: Path | str | None = None) -> Gazetteer:
    """Read a gazetteer file (the shipped one by default).  The shipped
    file's parsed indexes are kept in the user's cache folder
    (``wartally.caches``), keyed by the file's bytes and this module's
    source: the next process reads them back instead of decompressing and
    splitting 18 MB of text."""
    shipped = path is None
    path = Path(path) if path else data_path()
    try:
        packed = path.read_bytes()
    except OSError as exc:
        raise GeoError(f"cannot read the gazetteer ({exc}); run scripts/build_gazetteer.py", where=str(path)) from exc
    name = f"gazetteer-{caches.tag(packed, caches.source_of(__file__), str(FORMAT_VERSION))}.marshal" if shipped else ""
    kept = caches.read(name) if name else None
    if isinstance(kept, tuple) and len(kept) == 10:
        return Gazetteer.from_parts(kept)
    try:
        raw = gzip.decompress(packed).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError, zlib.error) as exc:
        raise GeoError(f"cannot read the gazetteer ({exc}); run scripts/build_gazetteer.py", where=str(path)) from exc
    parts = _parts(raw)
    if name and caches.write(name, parts):
        caches.prune("gazetteer-", name)
    return Gazetteer.from_parts(parts)


def load() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    gaz = _CACHE.get("default")
    if gaz is None:
        with _LOCK:
            gaz = _CACHE.get("default")
            if gaz is None:
                gaz = _CACHE["default"] = read()
    return gaz
