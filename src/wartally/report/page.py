"""The situation report as one self-contained HTML page: inline CSS and
SVG, no script, no request to the network.  Text from documents is escaped;
every number links to the sentence it came from."""
from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any
from urllib.parse import urlparse

from wartally.export.events import fatalities
from wartally.report import svg
from wartally.report.content import Content, OUTCOME_ORDER, VICTIM_ORDER, _best_figure
from wartally.store.queries import admin1_name

CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --accent: #b2182b; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       margin: 0 auto; max-width: 1000px; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); }
.meta, .note, .empty { color: var(--muted); } .note { font-size: 13px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 14px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 22px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f6f6f8; } td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
a { color: #1a5fb4; } a.num { font-weight: 600; text-decoration: none; border-bottom: 1px dotted #1a5fb4; }
svg .grid { stroke: #eee; } svg .tick { font-size: 11px; fill: var(--muted); }
svg .unit { fill: #f2f2f2; stroke: #999; stroke-width: .7; } svg .unit.on { fill: #fde0dd; stroke: #b2182b; }
svg .label { font-size: 10px; fill: #555; } svg .event { fill: rgba(178, 24, 43, .55); stroke: #fff; stroke-width: 1; }
.reviewed { font-size: 11px; color: #067647; border: 1px solid #067647; border-radius: 8px; padding: 0 5px; }
blockquote { margin: 4px 0; padding: 2px 10px; border-left: 3px solid var(--line); }
.sentence { padding: 6px 0; border-bottom: 1px solid var(--line); }
.sentence:target, tr:target { background: #fff3bf; }
.split { display: grid; grid-template-columns: 3fr 2fr; gap: 20px; align-items: start; }
@media print { body { padding: 0; font-size: 12px; } h2 { break-after: avoid; } .sentence, tr { break-inside: avoid; }
  a { color: inherit; } .split { grid-template-columns: 1fr; } }
"""


def e(v: object) -> str:
    return "" if v is None else escape(str(v), quote=True)


def num(n: int | None, fid: str | None) -> str:
    """A number linked to the sentence of its figure."""
    if n is None:
        return ""
    if not fid:
        return f"{n:,}"
    return f'<a class="num" href="#f-{e(fid)}">{n:,}</a>'


def safe_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return url if urlparse(url).scheme in ("http", "https") else None
    except ValueError:
        return None


def title_of(c: Content) -> str:
    f = c.filter
    where = f.place or f.admin1 or "All places"
    if f.admin1 and not f.place:
        where += " governorate"
    when = ""
    if f.start or f.end:
        when = f", {f.start.isoformat() if f.start else '…'} to {f.end.isoformat() if f.end else '…'}"
    return f"Situation report: {where}{when}"


def _filters(c: Content) -> str:
    f = c.filter
    parts = [f"{k} = {getattr(f, k)}" for k in ("place", "admin1", "start", "end", "outcome", "victims", "source",
                                                "actor") if getattr(f, k)]
    return "; ".join(parts) or "none"


def _cards(c: Content) -> str:
    s = c.stats
    items = [("documents", s["documents"]), ("figures", s["figures"]), ("events" if c.linked else "incidents",
                                                                        len(c.events)),
             ("sources", s["sources"]),
             ("reviewed figures", sum(1 for f in c.figures.values() if f.get("reviewed")))]
    span = f'{s["first_date"] or "?"} – {s["last_date"] or "?"}'
    cards = "".join(f'<div class="card"><b>{v:,}</b>{e(k)}</div>' for k, v in items)
    return f'<div class="cards">{cards}<div class="card"><b>{e(span)}</b>dates covered</div></div>'


def _totals(c: Content) -> str:
    groups = sorted(c.totals, key=lambda g: (OUTCOME_ORDER.index(g[0]) if g[0] in OUTCOME_ORDER else 9,
                                             VICTIM_ORDER.index(g[1]) if g[1] in VICTIM_ORDER else 9))
    if not groups:
        return '<p class="empty">No figures match this selection.</p>'
    rows = []
    breakdowns = []
    for g in groups:
        t = c.totals[g]
        key = f"{g[0]}-{g[1]}"
        if t.parts:
            rng = f" ({t.low:,}–{t.high:,})" if (t.low, t.high) != (t.best, t.best) else ""
            cell = f'<a class="num" href="#sum-{e(key)}">{t.best:,}</a>{rng} <span class="note">in {len(t.parts)}</span>'
            addends = " + ".join(num(b, fid) for _, b, fid in t.parts)
            breakdowns.append(f'<p id="sum-{e(key)}"><b>{e(g[0])} {e(g[1])}</b>: {addends} = {t.best:,}</p>')
        else:
            cell = '<span class="note">–</span>'
        if t.tally:
            f = t.tally
            tally = (f'{num(f["n"], f["id"])} <span class="note">{e(f.get("source") or "unattributed")}, '
                     f'{e(f.get("start_date") or "?")} – {e(f.get("end_date") or "?")}</span>')
        else:
            tally = '<span class="note">–</span>'
        rows.append(f"<tr><td>{e(g[0])}</td><td>{e(g[1])}</td><td class='n'>{cell}</td><td>{tally}</td></tr>")
    unit = "linked events (best, low–high)" if c.linked else "single-report incidents"
    return (f"<table><thead><tr><th>outcome</th><th>victims</th><th>sum over {unit}</th>"
            f"<th>largest tally reported</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f'<p class="note">Sums add the incidents in the selection (a group is counted where the reports give '
            f'it; children are also among civilians). Tallies are cumulative figures over longer periods; they '
            f'overlap, so the largest is shown, not their sum.</p>'
            f'<details><summary>What each sum is made of</summary>{"".join(breakdowns)}</details>')


def _events(c: Content) -> str:
    if not c.events:
        return '<p class="empty">No incidents in this selection.</p>'
    rows = []
    for ev in sorted(c.events, key=lambda v: (v.get("start_date") or "", v["id"])):
        counts = []
        for (o, v), (lo, best, hi) in sorted(ev["counts"].items()):
            rng = f" ({lo:,}–{hi:,})" if (lo, hi) != (best, best) else ""
            counts.append(f"{num(best, _best_figure(ev, (o, v)))}{rng} {e(v)} {e(o)}")
        srcs = sorted({f.get("source") or f.get("outlet") or "?" for f in ev["figures"]})
        rows.append(
            f'<tr id="e-{e(ev["id"])}"><td>{e(ev.get("start_date") or "?")}'
            f'{"" if ev.get("end_date") in (None, ev.get("start_date")) else " – " + e(ev["end_date"])}</td>'
            f'<td>{e(ev.get("place") or ev.get("admin2") or ev.get("admin1") or "?")}'
            f'<br><span class="note">{e(ev.get("admin1") or "")}</span></td>'
            f'<td>{e(ev.get("sub_event_type") or ev.get("event_type") or "")}</td>'
            f'<td>{"<br>".join(counts)}</td><td>{e(", ".join(srcs))}</td></tr>')
    return ("<table><thead><tr><th>date</th><th>place</th><th>type</th><th>counts</th><th>sources</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _days(c: Content) -> str:
    out = []
    by_id = {ev["id"]: ev for ev in c.events}
    for day in sorted(c.day_events):
        links = ", ".join(f'<a href="#e-{e(i)}">{e(by_id[i].get("place") or by_id[i].get("admin1") or "?")}</a>'
                          for i in c.day_events[day])
        vals = c.days.get(day, {})
        out.append(f'<li id="day-{day.isoformat()}">{day.isoformat()}: {vals.get("killed", 0):,} killed, '
                   f'{vals.get("injured", 0):,} injured — {links}</li>')
    return f'<details><summary>Days</summary><ul>{"".join(out)}</ul></details>' if out else ""


def _sources(c: Content) -> str:
    rows = []
    for s in c.sources:
        name, kind = c.source_names.get(s["source"], (None, None))
        label = e(s["source"]) + (f' <span class="note">{e(name)}</span>' if name and name != s["source"] else "")
        first = s["figures"][:8]
        links = " ".join(num(c.figures[f]["n"], f) for f in first) + (" …" if len(s["figures"]) > 8 else "")
        rows.append(f"<tr><td>{label}</td><td>{e(kind or '')}</td><td class='n'>{len(s['figures'])}</td>"
                    f"<td class='n'>{len(s['documents'])}</td><td>{e(', '.join(sorted(s['outlets'])))}</td>"
                    f"<td>{links}</td></tr>")
    return ("<table><thead><tr><th>source</th><th>kind</th><th>figures</th><th>documents</th><th>reported by</th>"
            f"<th>numbers</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _disagreements(c: Content) -> str:
    if not c.disagreements:
        return '<p class="empty">No two sources disagree on an overlapping period in this selection.</p>'
    rows = []
    for d in c.disagreements:
        fa, fb = c.figures.get(d["figure_a"], {}), c.figures.get(d["figure_b"], {})
        rows.append(
            f"<tr><td>{e(d['outcome'])} {e(d['victims'])}<br><span class='note'>{e(d.get('area') or '')}</span></td>"
            f"<td>{e(d['source_a'])}: {num(d['n_a'], d['figure_a'])}<br><span class='note'>"
            f"{e(fa.get('start_date') or '?')} – {e(fa.get('end_date') or '?')}</span></td>"
            f"<td>{e(d['source_b'])}: {num(d['n_b'], d['figure_b'])}<br><span class='note'>"
            f"{e(fb.get('start_date') or '?')} – {e(fb.get('end_date') or '?')}</span></td>"
            f"<td class='n'>{d['difference']:+,}</td><td class='n'>{d.get('overlap_days') or ''}</td></tr>")
    note = ('<p class="note">Computed for this report from tallies of different sources over overlapping periods '
            '(the link stage has not run).</p>' if c.disagreements_computed else "")
    return ("<table><thead><tr><th>what</th><th>one source</th><th>another</th><th>difference</th>"
            f"<th>days in common</th></tr></thead><tbody>{''.join(rows)}</tbody></table>{note}")


def _sentences(c: Content) -> str:
    out = []
    for f in sorted(c.figures.values(), key=lambda f: (f.get("published") or "", f["doc_id"], f["number_start"])):
        url = safe_url(f.get("url"))
        doc = e(f.get("title") or f["doc_id"])
        if url:
            doc = f'<a href="{e(url)}" rel="noreferrer">{doc}</a>'
        what = f'{f["n"]:,} {e(f["victims"])} {e(f["outcome"])}'
        if f.get("qualifier") and f["qualifier"] != "exact":
            what += f' <span class="note">({e(f["qualifier"].replace("_", " "))})</span>'
        where = ", ".join(x for x in (f.get("place"), f.get("admin1")) if x)
        if f.get("reviewed"):
            what += f' <span class="reviewed">reviewed ({e(f.get("review_status") or "")})</span>'
        out.append(
            f'<div class="sentence" id="f-{e(f["id"])}"><b>{what}</b> <span class="note">'
            f'{e(where)} · {e(f.get("start_date") or "?")} – {e(f.get("end_date") or "?")} · '
            f'source: {e(f.get("source") or "unattributed")}</span>'
            f'<blockquote>{e(" ".join(f["quote"].split()))}</blockquote>'
            f'<span class="note">{e(f.get("outlet") or "")}, {e(f.get("published") or "")}: {doc}</span></div>')
    return "".join(out)


def render(c: Content, boundaries: dict[str, Any] | None, *, title: str | None = None,
           generated: dt.datetime | None = None) -> str:
    title = title or title_of(c)
    generated = generated or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    highlight = {c.filter.admin1} if c.filter.admin1 else set()
    highlight = {admin1_name(h) for h in highlight}
    points = []
    for ev in c.events:
        best = fatalities(ev)[1]
        points.append({"lat": ev.get("lat"), "lon": ev.get("lon"), "value": best, "href": f"#e-{ev['id']}",
                       "label": f"{ev.get('start_date') or '?'} {ev.get('place') or ev.get('admin1') or ''}: "
                                f"{best} killed"})
    located = sum(1 for p in points if p["lat"] is not None)
    map_svg = svg.event_map(boundaries, points, highlight=highlight)
    map_note = (f'<p class="note">{located} of {len(points)} incidents have coordinates; circle area follows the '
                f'number killed. Boundaries: OCHA COD-AB (Syria admin 1).</p>' if boundaries else
                '<p class="note">Admin boundaries were not available; events are drawn on a plain background.</p>')
    body = f"""
<header><h1>{e(title)}</h1>
<p class="meta">Generated {e(generated.isoformat())} by wartally from the reports in the store. Filters: {e(_filters(c))}.</p>
</header>
{_cards(c)}
<h2 id="totals">Totals by outcome and victim group</h2>
{_totals(c)}
<h2 id="timeline">Killed and injured per day</h2>
{svg.timeline(c.days)}
{_days(c)}
<div class="split"><div><h2 id="map">Map</h2>{map_svg}{map_note}</div>
<div><h2 id="sources">Sources</h2>{_sources(c)}</div></div>
<h2 id="disagreements">Where sources disagree</h2>
{_disagreements(c)}
<h2 id="events">{"Events" if c.linked else "Incidents"}</h2>
{_events(c)}
<h2 id="sentences">The sentences behind the numbers</h2>
{_sentences(c)}
"""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{e(title)}</title><style>{CSS}</style></head><body>{body}</body></html>\n')
