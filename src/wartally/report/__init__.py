"""Situation reports: one self-contained HTML page (and a PDF of it) for a
place and period.

    >>> from wartally.store import Store
    >>> from wartally.store.queries import FigureFilter
    >>> with Store("wartally.duckdb", read_only=True) as store:   # doctest: +SKIP
    ...     write_report(store.con, FigureFilter(admin1="Idlib"), "idlib.html")
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from wartally.geo import boundaries_geojson as geo_boundaries
from wartally.report.content import gather
from wartally.report.page import render
from wartally.report.pdf import print_pdf
from wartally.store.queries import FigureFilter


def boundaries(level: int = 1) -> dict[str, Any]:
    """Admin boundaries as GeoJSON, from the geo stage's packaged data."""
    return geo_boundaries(level)


def build_report(con: Any, flt: FigureFilter = FigureFilter(), *, title: str | None = None,
                 boundaries_geojson: dict[str, Any] | None = None) -> str:
    """The report's HTML."""
    content = gather(con, flt)
    return render(content, boundaries_geojson if boundaries_geojson is not None else boundaries(1), title=title)


def write_report(con: Any, flt: FigureFilter, path: str | os.PathLike[str], *, title: str | None = None,
                 boundaries_geojson: dict[str, Any] | None = None) -> str:
    """Write the report to ``path``; a one-line summary of what it holds."""
    html = build_report(con, flt, title=title, boundaries_geojson=boundaries_geojson)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, path)
    sentences = html.count('class="sentence"')
    return f"{len(html) // 1024} KiB, {sentences} sentences"


__all__ = ["boundaries", "build_report", "print_pdf", "write_report"]
