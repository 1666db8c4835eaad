"""Plain-text articles, one ``.txt`` file each.  The document id is the
file name.  The publication date (and outlet, title, url) comes from, in
this order:

1. the ``published`` argument (``wartally read --published``);
2. a sidecar ``NAME.json`` beside the file (``NAME`` with or without the
   ``.txt``): ``{"published", "outlet", "title", "url"}``, all optional;
3. ``index.jsonl`` in the file's folder: one object a line with ``id`` (the
   file name) and the same optional fields;
4. ``published.tsv`` in the file's folder: ``FILE<TAB>YYYY-MM-DD[<TAB>OUTLET]``;
5. a dateline near the top of the text: a short line that is a date, maybe
   after "Published", "Updated", "Posted" or "Last updated" and before a
   time ("Published 31 May 2019 14:02 GMT", "2019-05-31", "May 31, 2019").
   Dates inside sentences (photo captions, "on May 20, 2019") are not
   taken: they are seldom the publication date.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from wartally.data.tables import months
from wartally.errors import Problem
from wartally.ingest.decoding import Unreadable, decode_utf8, read_bytes
from wartally.ingest.jsonl import parse_published
from wartally.records import Document

SIDECAR_NAMES = frozenset({"index.jsonl", "published.tsv"})
DATELINE_LINES = 6  # non-blank lines searched for a dateline
_FIELDS = ("published", "outlet", "title", "url")

_MONTHS = months().number  # every form, lower case (data/months.tsv)
_MONTH = rf"(?P<mon>{months().pattern_by_month()})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATES = (
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)"),
    re.compile(rf"{_DAY} {_MONTH},? {_YEAR}", re.I),
    re.compile(rf"{_MONTH} {_DAY},? {_YEAR}", re.I),
)
_PREFIX = r"(?:(?:first )?published|updated|last updated|posted|date)?\s*(?:on|at|:)?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?"
_SUFFIX = r"(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,4}[+-]?\d*\)?)?)?\s*(?:\|.*)?"


def find_dateline(text: str) -> dt.date | None:
    """The date of a dateline among the first few non-blank lines, or None."""
    seen = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > DATELINE_LINES:
            break
        if len(line) > 80:
            continue
        for pattern in _DATES:
            if re.fullmatch(rf"{_PREFIX}(?:{pattern.pattern}){_SUFFIX}", line, re.I):
                m = pattern.search(line)
                month = int(m.group("m")) if "m" in m.groupdict() and m.group("m") else _MONTHS[m.group("mon")[:3].lower()]
                try:
                    return dt.date(int(m.group("year")), month, int(m.group("day")))
                except ValueError:
                    return None
    return None


def _stamp(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _folder_index(folder: Path) -> dict[str, dict]:
    """Metadata by file name from ``index.jsonl`` and ``published.tsv``
    (read once per folder while neither file changes)."""
    return _read_folder_index(folder, _stamp(folder / "index.jsonl"), _stamp(folder / "published.tsv"))


@lru_cache(maxsize=64)
def _read_folder_index(folder: Path, *stamps: int | None) -> dict[str, dict]:
    index: dict[str, dict] = {}
    tsv = folder / "published.tsv"
    if tsv.is_file():
        for line in tsv.read_text("utf-8", errors="replace").splitlines():
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 2 and not line.startswith("#"):
                index.setdefault(cells[0].strip(), {}).update(
                    {"published": cells[1].strip()} | ({"outlet": cells[2].strip()} if len(cells) > 2 else {}))
    jl = folder / "index.jsonl"
    if jl.is_file():
        for line in jl.read_text("utf-8", errors="replace").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict) and rec.get("id"):
                index.setdefault(str(rec["id"]), {}).update({k: rec[k] for k in _FIELDS if rec.get(k)})
    return index


def sidecar_metadata(path: Path) -> tuple[dict, Problem | None]:
    """What the sidecars say about ``path`` (fields of ``_FIELDS``), and a
    Problem if its ``NAME.json`` could not be read."""
    meta = dict(_folder_index(path.parent).get(path.name, {}))
    for side in (path.with_name(path.name + ".json"), path.with_suffix(".json")):
        if side.is_file():
            try:
                rec = json.loads(side.read_text("utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                return meta, Problem(str(side), "sidecar", f"sidecar not read, not UTF-8 JSON ({exc})")
            if not isinstance(rec, dict):
                return meta, Problem(str(side), "sidecar", "sidecar not read, not a JSON object")
            meta.update({k: rec[k] for k in _FIELDS if rec.get(k)})
            break
    return meta, None


def read_text_file(path: Path, *, published: dt.date | None = None) -> Iterator[Document | Problem]:
    """One text file as a Document (text not yet cleaned); a sidecar that
    cannot be read is reported beside it."""
    where = str(path)
    try:
        text = decode_utf8(read_bytes(path))
    except Unreadable as exc:
        yield Problem(where, exc.code, exc.reason)
        return
    if not text.strip():
        yield Problem(where, "empty", "file holds only whitespace")
        return
    meta, problem = sidecar_metadata(path)
    if problem is not None:
        yield problem
    date = published
    if date is None and meta.get("published"):
        try:
            date = parse_published(meta["published"])
        except ValueError:
            yield Problem(where, "sidecar", f"sidecar date {meta['published']!r} is not YYYY-MM-DD; not used")
    if date is None:
        date = find_dateline(text)
    yield Document.make(
        path.name, text, published=date, outlet=meta.get("outlet"), title=meta.get("title"),
        url=meta.get("url"), origin=where,
    )
