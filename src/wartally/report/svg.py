"""Inline SVG charts for the report: a bar per day, and a map of events over
admin boundaries (equirectangular, simplified to the drawing's resolution).
Everything is drawn here; no script or network is needed to show them."""
from __future__ import annotations

import datetime as dt
import math
from html import escape
from typing import Any

from wartally.store.queries import admin1_name


def _attr(v: object) -> str:
    return escape(str(v), quote=True)


def timeline(days: dict[dt.date, dict[str, int]], *, width: int = 900, height: int = 220,
             series: tuple[tuple[str, str], ...] = (("killed", "#b2182b"), ("injured", "#ef8a62"))) -> str:
    """Stacked bars per day (killed below injured) from the first day to the last."""
    if not days:
        return '<p class="empty">No dated incidents in this selection.</p>'
    first, last = min(days), max(days)
    n = (last - first).days + 1
    left, right, top, bottom = 48, 10, 10, 36
    w, h = width - left - right, height - top - bottom
    peak = max(sum(v.get(k, 0) for k, _ in series) for v in days.values()) or 1
    step = w / n
    bar = max(1.0, step * 0.8)
    out = [f'<svg class="timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'xmlns="http://www.w3.org/2000/svg" aria-label="people killed and injured per day">']
    for i in range(5):  # horizontal grid and labels
        v = peak * i / 4
        y = top + h - h * i / 4
        out.append(f'<line x1="{left}" x2="{left + w}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{round(v)}</text>')
    for day, vals in sorted(days.items()):
        x = left + (day - first).days * step + (step - bar) / 2
        y0 = top + h
        parts = []
        parts_label = ", ".join(f"{vals.get(k, 0)} {k}" for k, _ in series)
        for key, colour in series:
            v = vals.get(key, 0)
            if not v:
                continue
            bh = h * v / peak
            y0 -= bh
            parts.append(f'<rect x="{x:.1f}" y="{y0:.1f}" width="{bar:.1f}" height="{bh:.1f}" fill="{colour}"/>')
        if parts:
            out.append(f'<a href="#day-{day.isoformat()}"><g><title>{_attr(day.isoformat())}: '
                       f'{_attr(parts_label)}</title>{"".join(parts)}</g></a>')
    ticks = min(n, 8)
    for i in range(ticks):
        d = first + dt.timedelta(days=round(i * (n - 1) / max(1, ticks - 1)))
        x = left + (d - first).days * step + step / 2
        out.append(f'<text x="{x:.1f}" y="{top + h + 16}" text-anchor="middle" class="tick">{d.isoformat()}</text>')
    lx = left
    for key, colour in series:
        out.append(f'<rect x="{lx}" y="{height - 12}" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{lx + 14}" y="{height - 3}" class="tick">{_attr(key)}</text>')
        lx += 90
    out.append("</svg>")
    return "".join(out)


class Projection:
    """Longitude/latitude to drawing coordinates over a bounding box."""

    def __init__(self, bbox: tuple[float, float, float, float], width: int, pad: int = 8):
        self.west, self.south, self.east, self.north = bbox
        self.k = math.cos(math.radians((self.south + self.north) / 2))
        span_x = (self.east - self.west) * self.k or 1.0
        span_y = (self.north - self.south) or 1.0
        self.scale = (width - 2 * pad) / span_x
        self.pad = pad
        self.width = width
        self.height = int(span_y * self.scale + 2 * pad)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (self.pad + (lon - self.west) * self.k * self.scale,
                self.pad + (self.north - lat) * self.scale)


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    t, c = geometry.get("type"), geometry.get("coordinates") or []
    if t == "Polygon":
        return list(c)
    if t == "MultiPolygon":
        return [ring for poly in c for ring in poly]
    return []


def _bbox(features: list[dict[str, Any]]) -> tuple[float, float, float, float] | None:
    xs, ys = [], []
    for f in features:
        for ring in _rings(f.get("geometry") or {}):
            for x, y, *_ in ring:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _path(ring: list[list[float]], proj: Projection, tolerance: float = 0.8) -> str:
    pts: list[tuple[float, float]] = []
    for x, y, *_ in ring:
        p = proj(x, y)
        if pts and abs(p[0] - pts[-1][0]) < tolerance and abs(p[1] - pts[-1][1]) < tolerance:
            continue
        pts.append(p)
    if len(pts) < 3:
        return ""
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z"


def event_map(boundaries: dict[str, Any] | None, points: list[dict[str, Any]], *, highlight: set[str] = frozenset(),
              width: int = 640) -> str:
    """Admin polygons (those named in ``highlight`` shaded) and a circle per
    point (``lat``, ``lon``, ``value``, ``label``, ``href``), area ~ value."""
    features = (boundaries or {}).get("features") or []
    bbox = _bbox(features)
    located = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    if bbox is None:
        if not located:
            return '<p class="empty">No boundaries and no located events to map.</p>'
        lons = [p["lon"] for p in located]
        lats = [p["lat"] for p in located]
        bbox = (min(lons) - 0.5, min(lats) - 0.5, max(lons) + 0.5, max(lats) + 0.5)
    proj = Projection(bbox, width)
    out = [f'<svg class="map" viewBox="0 0 {proj.width} {proj.height}" width="100%" role="img" '
           f'xmlns="http://www.w3.org/2000/svg" aria-label="map of events">']
    for f in features:
        props = f.get("properties") or {}
        name = props.get("adm1_name") or props.get("name") or ""
        common = admin1_name(name) or name
        d = "".join(_path(r, proj) for r in _rings(f.get("geometry") or {}))
        if not d:
            continue
        cls = "unit on" if common in highlight else "unit"
        out.append(f'<path d="{d}" class="{cls}" fill-rule="evenodd"><title>{_attr(common)}</title></path>')
    for f in features:  # labels above the shapes
        props = f.get("properties") or {}
        lat, lon = props.get("center_lat"), props.get("center_lon")
        if lat is None or lon is None:
            continue
        x, y = proj(lon, lat)
        name = admin1_name(props.get("adm1_name") or "") or ""
        out.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" class="label">{_attr(name)}</text>')
    peak = max([p.get("value") or 0 for p in located] + [1])
    for p in sorted(located, key=lambda p: -(p.get("value") or 0)):
        x, y = proj(p["lon"], p["lat"])
        r = 3 + 14 * math.sqrt((p.get("value") or 0) / peak)
        out.append(f'<a href="{_attr(p.get("href", "#"))}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                   f'class="event"><title>{_attr(p.get("label", ""))}</title></circle></a>')
    out.append("</svg>")
    return "".join(out)
