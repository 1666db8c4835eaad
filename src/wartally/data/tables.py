"""Knowledge tables that more than one stage reads, loaded once from the
files beside this module."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from wartally.errors import InputError


def read_tsv(name: str) -> list[dict[str, str]]:
    """The rows of ``data/<name>`` (a header line, '#' comments) as dicts."""
    text = resources.files("wartally.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise InputError(f"row {number} has {len(cells)} cells, the header {len(header)}", where=f"data/{name}")
        rows.append(dict(zip(header, cells)))
    return rows


@functools.cache
def geo_words(name: str) -> dict:
    """A word list of data/geo (``not_where.json``, ``mention_words.json``)."""
    import json

    with resources.files("wartally.data").joinpath("geo", name).open(encoding="utf-8") as f:
        return json.load(f)


def dotted_titles() -> frozenset[str]:
    """Lower-cased one-word titles written with a full stop ("brig", "cmdr",
    "gov") from data/geo/not_where.json: a stop after one ends no sentence."""
    return frozenset(t[:-1].lower() for t in geo_words("not_where.json")["person_titles"] if t.endswith(".") and " " not in t)


@dataclass(frozen=True, slots=True)
class EventTypes:
    """ACLED (event_type, sub_event_type) by weapon, victims and outcome."""

    weapon_order: tuple[str, ...]  # weapons by precedence
    weapon: dict[str, tuple[str, str]]
    family: dict[str, str]  # weapon -> air, ground, bomb, fight, chemical
    victims: dict[str, tuple[str, str]]
    outcome: dict[str, tuple[str, str]]
    default: tuple[str, str]


@functools.cache
def event_types() -> EventTypes:
    """data/event_types.tsv."""
    by_kind: dict[str, dict[str, tuple[str, str]]] = {"weapon": {}, "victims": {}, "outcome": {}, "default": {}}
    family: dict[str, str] = {}
    for row in read_tsv("event_types.tsv"):
        kind, _, value = row["key"].partition(":")
        if kind not in by_kind or value in by_kind[kind]:
            raise InputError(f"unknown or repeated key {row['key']!r}", where="data/event_types.tsv")
        by_kind[kind][value] = (row["event_type"], row["sub_event_type"])
        if kind == "weapon":
            family[value] = row["family"]
    return EventTypes(tuple(by_kind["weapon"]), by_kind["weapon"], family, by_kind["victims"], by_kind["outcome"],
                      by_kind["default"][""])


@dataclass(frozen=True, slots=True)
class Governorate:
    """One of Syria's admin1 units: the gold guide's name, OCHA's P-code,
    other spellings, and regions wholly inside it."""

    name: str
    pcode: str
    spellings: tuple[str, ...]
    regions: tuple[str, ...]


@functools.cache
def governorates() -> tuple[Governorate, ...]:
    """data/admin1.tsv."""
    split = lambda cell: tuple(x for x in cell.split("|") if x)  # noqa: E731
    return tuple(Governorate(r["admin1"], r["pcode"], split(r["spellings"]), split(r["regions"]))
                 for r in read_tsv("admin1.tsv"))


@functools.cache
def lexicon_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of lexicon ``data/lexicons/<name>.tsv`` as cells (id, the
    canonical value and its other columns, pattern), for the stages that read
    a lexicon's values without searching text with it."""
    text = resources.files("wartally.data").joinpath("lexicons", f"{name}.tsv").read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(frozen=True, slots=True)
class Months:
    """data/months.tsv: the month names and their short forms."""

    names: tuple[str, ...]  # "January" ... "December"
    short: tuple[tuple[str, ...], ...]  # each month's short forms, longest first ("Sept", "Sep"); May has none
    number: dict[str, int]  # every form, lower case -> 1..12

    @property
    def stems(self) -> tuple[str, ...]:
        """The first three letters of each name, lower case ("jan" ... "dec")."""
        return tuple(n[:3].lower() for n in self.names)

    @property
    def short_forms(self) -> tuple[str, ...]:
        """Every short form, in month order ("Jan", "Feb", ..., "Sept", "Sep", ...)."""
        return tuple(s for forms in self.short for s in forms)

    def pattern(self) -> str:
        """A regex alternation of every form: the full names, then the short
        forms ("January|...|December|Jan|...|Sept|Sep|...|Dec")."""
        return "|".join((*self.names, *self.short_forms))

    def pattern_by_month(self) -> str:
        """The same forms, lower case, each month's longest first
        ("january|jan|february|feb|...|may|june|jun|...")."""
        return "|".join(f.lower() for name, forms in zip(self.names, self.short) for f in (name, *forms))


@functools.cache
def months() -> Months:
    """data/months.tsv, checked: twelve months numbered 1 to 12 in order, no
    form given twice."""
    rows = read_tsv("months.tsv")
    names = tuple(r["name"] for r in rows)
    short = tuple(tuple(sorted(r["short"].split(), key=len, reverse=True)) for r in rows)
    number: dict[str, int] = {}
    if [int(r["number"]) for r in rows] != list(range(1, 13)):
        raise InputError("the months must be numbered 1 to 12, in order", where="data/months.tsv")
    for i, (name, forms) in enumerate(zip(names, short), 1):
        for form in (name, *forms):
            if not form.isalpha() or form.lower() in number:
                raise InputError(f"month form {form!r} is empty, not a word, or given twice", where="data/months.tsv")
            number[form.lower()] = i
    return Months(names, short, number)
