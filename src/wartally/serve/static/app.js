/* wartally page: map, timeline, table, article and disagreement views over
 * the JSON API.  Text from the store (titles, article text, quotes, outlets)
 * is untrusted: it only ever reaches the page as text nodes (el() below) and
 * links only when they are http(s).  No innerHTML with data anywhere. */
"use strict";

const FILTERS = ["outcome", "victims", "admin1", "source", "actor", "place", "start", "end"];
const PAGE = 50;
const VICTIM_COLOURS = {
  civilians: "#e8590c", children: "#f59f00", women: "#d6336c", men: "#7048e8",
  people: "#868e96", combatants: "#1c7ed6",
};
const TYPE_PALETTE = ["#d9480f", "#1971c2", "#2b8a3e", "#862e9c", "#c2255c", "#5c940d", "#0b7285", "#e67700"];

const state = {
  filters: {}, table: "events", offset: 0, side: "article",
  doc: null, fig: null, event: null, tlOutcome: "killed",
};
let map = null, markerLayer = null, focusLayer = null, typeColours = {};

/* ---- small DOM helpers: data only ever becomes text ---- */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
function safeHref(url) {
  try {
    const u = new URL(String(url || ""), location.href);
    return (u.protocol === "http:" || u.protocol === "https:") && /^https?:/i.test(String(url).trim()) ? u.href : null;
  } catch (e) { return null; }
}
const fmt = new Intl.NumberFormat("en");
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
function num(n) { return n === null || n === undefined ? "" : fmt.format(n); }
function period(s, e) { return !s ? "date unknown" : (!e || s === e ? s : `${s} – ${e}`); }
const QUAL = { exact: "", at_least: "at least ", at_most: "up to ", about: "about " };

function toast(message) {
  const t = document.getElementById("toast");
  t.textContent = message;
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 5000);
}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) q.set(k, v);
  const url = path + (q.toString() ? "?" + q : "");
  const r = await fetch(url, { headers: { accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    const msg = (body.error && body.error.message) || r.statusText;
    throw new Error(`${r.status}: ${msg}`);
  }
  return body;
}

/* ---- URL <-> state ---- */
function readURL() {
  const q = new URLSearchParams(location.search);
  state.filters = {};
  for (const k of FILTERS) if (q.get(k)) state.filters[k] = q.get(k);
  state.table = q.get("view") === "figures" ? "figures" : "events";
  state.offset = Math.max(0, parseInt(q.get("offset") || "0", 10) || 0);
  state.doc = q.get("doc"); state.fig = q.get("fig"); state.event = q.get("event");
  state.tlOutcome = ["killed", "injured", "displaced"].includes(q.get("tl")) ? q.get("tl") : "killed";
}
function writeURL() {
  const q = new URLSearchParams();
  for (const k of FILTERS) if (state.filters[k]) q.set(k, state.filters[k]);
  if (state.table !== "events") q.set("view", state.table);
  if (state.offset) q.set("offset", state.offset);
  if (state.tlOutcome !== (state.filters.outcome || "killed")) q.set("tl", state.tlOutcome);
  if (state.doc) q.set("doc", state.doc);
  if (state.fig) q.set("fig", state.fig);
  if (state.event) q.set("event", state.event);
  const url = location.pathname + (q.toString() ? "?" + q : "");
  if (url !== location.pathname + location.search) history.pushState(null, "", url);
}

/* ---- filters form ---- */
function fillSelect(name, values) {
  const sel = document.querySelector(`#filters [name=${name}]`);
  for (const v of values) sel.append(el("option", { value: v }, v));
}
function syncForm() {
  const form = document.getElementById("filters");
  for (const k of FILTERS) {
    const input = form.elements[k];
    const v = state.filters[k] || "";
    if (input.tagName === "SELECT" && v && ![...input.options].some((o) => o.value === v)) input.append(el("option", { value: v }, v));
    input.value = v;
  }
}
function setFilters(changes) {
  for (const [k, v] of Object.entries(changes)) {
    if (v) state.filters[k] = v; else delete state.filters[k];
  }
  state.offset = 0;
  refresh();
}

/* ---- summary ---- */
function renderSummary(stats) {
  const dl = clear(document.getElementById("summary"));
  const items = [["Documents", stats.documents], ["Figures", stats.figures], ["Events", stats.events], ["Disagreements", stats.disagreements]];
  for (const [label, value] of items) dl.append(el("div", {}, el("dt", {}, label), el("dd", {}, num(value))));
}

/* ---- map ---- */
function initMap(config) {
  map = L.map("map", { zoomControl: true, attributionControl: true, zoomSnap: 0.25 }).setView([35.0, 38.5], 6);
  if (config.tiles) L.tileLayer(config.tiles, { maxZoom: 18, attribution: "© OpenStreetMap contributors" }).addTo(map);
  markerLayer = L.featureGroup().addTo(map);
  focusLayer = L.layerGroup().addTo(map);
  if (config.boundaries) {
    api("/api/boundaries/1").then((geo) => {
      const layer = L.geoJSON(geo, {
        style: { color: "#7a8699", weight: 1, fillColor: "#ffffff", fillOpacity: config.tiles ? 0.1 : 0.85 },
        onEachFeature: (f, lyr) => {
          const name = f.properties && (f.properties.adm1_name || f.properties.name);
          if (name) lyr.bindTooltip(el("span", {}, String(name)), { sticky: true, direction: "top", className: "admin-tip" });
          lyr.on("click", () => { if (name) setFilters({ admin1: String(name) }); });
        },
      }).addTo(map);
      layer.bringToBack();
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
      document.body.dataset.boundaries = "1";
    }).catch((e) => toast("Boundaries: " + e.message));
  }
}
function focusOn(lat, lon, label) {
  focusLayer.clearLayers();
  if (lat === null || lat === undefined || lon === null || lon === undefined) return;
  L.circleMarker([lat, lon], { radius: 14, color: "#2f6feb", weight: 3, fill: false, interactive: false, className: "focus-ring" })
    .bindTooltip(el("span", {}, label), { permanent: true, direction: "right", offset: [14, 0] })
    .addTo(focusLayer);
  if (!map.getBounds().pad(-0.1).contains([lat, lon])) map.panTo([lat, lon]);
}
function typeColour(t) {
  const key = t || "not typed";
  if (!(key in typeColours)) typeColours[key] = TYPE_PALETTE[Object.keys(typeColours).length % TYPE_PALETTE.length];
  return typeColours[key];
}
function sizeBy() { return state.filters.outcome || "killed"; }
function radius(killed) { return 4 + Math.min(20, Math.sqrt(killed || 0) * 1.8); }

function renderMap(events, figures) {
  markerLayer.clearLayers();
  const marks = [];
  if (events.length) {
    for (const e of events) {
      if (e.lat === null || e.lon === null || e.lat === undefined) continue;
      marks.push({ lat: e.lat, lon: e.lon, killed: e[sizeBy()], type: e.event_type, event: e,
                   title: e.place || e.admin1 || "event", when: period(e.start_date, e.end_date) });
    }
  } else {
    for (const f of figures) {  // no events linked yet: one marker per located figure
      if (f.lat === null || f.lon === null || f.lat === undefined) continue;
      marks.push({ lat: f.lat, lon: f.lon, killed: f.outcome === sizeBy() ? f.n : 0, type: "figure",
                   figure: f, title: f.place || f.admin1 || "figure", when: period(f.start_date, f.end_date) });
    }
  }
  marks.sort((a, b) => (b.killed || 0) - (a.killed || 0));
  for (const m of marks) {
    const colour = typeColour(m.type);
    const c = L.circleMarker([m.lat, m.lon], {
      radius: radius(m.killed), color: "#ffffff", weight: 1, fillColor: colour, fillOpacity: 0.68,
      className: "event-marker",
    });
    c.bindPopup(() => popupFor(m), { maxWidth: 300 });
    c.bindTooltip(el("span", {}, `${m.title} · ${m.when}`), { direction: "top" });  // a node: Leaflet would parse a string as HTML
    markerLayer.addLayer(c);
  }
  renderLegend();
}
function popupFor(m) {
  const box = el("div", {}, el("div", { class: "popup-title" }, m.title), el("div", { class: "hint" }, m.when));
  if (m.event) {
    const e = m.event;
    if (e.event_type) box.append(el("div", {}, e.event_type));
    const counts = el("div", {});
    for (const c of e.counts || []) {
      counts.append(el("div", {}, numButton(c.best, () => openEvent(e.id, c)), ` ${c.outcome} · ${c.victims}`));
    }
    box.append(counts, el("div", {}, el("button", { type: "button", class: "ghost small", onclick: () => openEvent(e.id) },
      `${e.n_documents || (e.doc_ids || []).length} report(s) →`)));
  } else {
    const f = m.figure;
    box.append(el("div", {}, numButton(f.n, () => openDocument(f.doc_id, f.id)), ` ${f.outcome} · ${f.victims}`),
      el("div", { class: "hint" }, f.source ? `according to ${f.source}` : ""));
  }
  return box;
}
function renderLegend() {
  const box = clear(document.getElementById("legend"));
  box.append(el("strong", {}, "Event type"));
  for (const [t, colour] of Object.entries(typeColours)) {
    box.append(el("span", {}, el("span", { class: "swatch", style: `background:${colour}` }), t));
  }
  box.append(el("span", { class: "hint" }, `Circle area grows with people ${sizeBy()}`));
}

/* ---- timeline: stacked bars of one outcome by victim group, with a brush ---- */
let tlData = [];
function renderTimeline() {
  const node = clear(document.getElementById("timeline"));
  const width = node.clientWidth || 800, height = node.clientHeight || 190;
  const pad = { l: 44, r: 12, t: 10, b: 22 };
  node.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const rows = tlData.filter((r) => r.outcome === state.tlOutcome);
  const legend = clear(document.getElementById("tl-legend"));
  if (!rows.length) {
    node.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" },
      `No ${state.tlOutcome} reported for single days with these filters`));
    return;
  }
  const DAY = 86400000;
  const byDay = new Map();
  for (const r of rows) {
    if (!byDay.has(r.day)) byDay.set(r.day, {});
    byDay.get(r.day)[r.victims] = (byDay.get(r.day)[r.victims] || 0) + r.n;
  }
  const days = [...byDay.keys()].map((d) => Date.parse(d));
  let t0 = Math.min(...days) - DAY, t1 = Math.max(...days) + 2 * DAY;
  const x = (t) => pad.l + ((t - t0) / (t1 - t0)) * (width - pad.l - pad.r);
  const tInv = (px) => t0 + ((px - pad.l) / (width - pad.l - pad.r)) * (t1 - t0);
  const totals = [...byDay.values()].map((g) => Object.values(g).reduce((a, b) => a + b, 0));
  const ymax = Math.max(...totals, 1);
  const y = (v) => height - pad.b - (v / ymax) * (height - pad.t - pad.b);
  const barW = Math.max(2, Math.min(18, ((width - pad.l - pad.r) / ((t1 - t0) / DAY)) * 0.8));
  const groups = Object.keys(VICTIM_COLOURS);
  const axis = svg("g", { class: "axis" });
  axis.append(svg("line", { x1: pad.l, x2: width - pad.r, y1: height - pad.b, y2: height - pad.b }));
  for (let i = 0; i <= 3; i++) {
    const v = (ymax * i) / 3;
    axis.append(svg("text", { x: pad.l - 6, y: y(v) + 3, "text-anchor": "end" }, compact.format(Math.round(v))));
    axis.append(svg("line", { x1: pad.l, x2: width - pad.r, y1: y(v), y2: y(v), "stroke-dasharray": "2,3", opacity: 0.6 }));
  }
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const t = t0 + ((t1 - t0) * i) / ticks;
    axis.append(svg("text", { x: x(t), y: height - 6, "text-anchor": "middle" }, new Date(t).toISOString().slice(0, 10)));
  }
  node.append(axis);
  const bars = svg("g", {});
  for (const [day, g] of byDay) {
    let acc = 0;
    const t = Date.parse(day);
    for (const v of groups) {
      if (!g[v]) continue;
      const rect = svg("rect", { x: x(t) - barW / 2, width: barW, y: y(acc + g[v]), height: Math.max(1, y(acc) - y(acc + g[v])),
                                 fill: VICTIM_COLOURS[v], class: "bar", "data-day": day, "data-victims": v });
      rect.append(svg("title", {}, `${day}: ${num(g[v])} ${v} ${state.tlOutcome}`));
      bars.append(rect);
      acc += g[v];
    }
  }
  node.append(bars);
  for (const v of groups) {
    if (rows.some((r) => r.victims === v)) legend.append(el("span", {}, el("span", { class: "swatch", style: `background:${VICTIM_COLOURS[v]}` }), v));
  }
  // the selected period, and the brush that sets it
  const brush = svg("rect", { class: "brush", y: pad.t, height: height - pad.t - pad.b, x: 0, width: 0, visibility: "hidden" });
  node.append(brush);
  const showSel = (a, b) => {
    const xa = Math.max(pad.l, Math.min(x(a), x(b))), xb = Math.min(width - pad.r, Math.max(x(a), x(b)));
    brush.setAttribute("x", xa); brush.setAttribute("width", Math.max(1, xb - xa)); brush.setAttribute("visibility", "visible");
  };
  if (state.filters.start || state.filters.end) {
    showSel(state.filters.start ? Date.parse(state.filters.start) : t0, state.filters.end ? Date.parse(state.filters.end) + DAY : t1);
  }
  const px = (ev) => {
    const box = node.getBoundingClientRect();
    return ((ev.clientX - box.left) / box.width) * width;
  };
  let from = null;
  node.onpointerdown = (ev) => { from = px(ev); node.setPointerCapture(ev.pointerId); showSel(tInv(from), tInv(from)); };
  node.onpointermove = (ev) => { if (from !== null) showSel(tInv(from), tInv(px(ev))); };
  node.onpointerup = (ev) => {
    if (from === null) return;
    const to = px(ev);
    const a = tInv(Math.min(from, to)), b = tInv(Math.max(from, to));
    from = null;
    const iso = (t) => new Date(t).toISOString().slice(0, 10);
    if (b - a < DAY / 2) { showSel(a, a); setFilters({ start: iso(a), end: iso(a) }); return; }
    setFilters({ start: iso(a), end: iso(b) });
  };
}

/* ---- table ---- */
function pill(outcome) { return el("span", { class: `pill ${outcome}` }, outcome); }
function numButton(n, onclick, label) {
  if (!n) return el("span", { class: "num zero" }, "–");
  return el("button", { type: "button", class: "num", onclick: (ev) => { ev.stopPropagation(); onclick(); },
                        title: label || "open the report" }, num(n));
}
function renderTable(events, figures) {
  const table = clear(document.getElementById("table"));
  const page = state.table === "events" ? events : figures;
  document.getElementById("range").textContent = page.total
    ? `${num(state.offset + 1)}–${num(Math.min(state.offset + PAGE, page.total))} of ${num(page.total)}` : "none";
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = state.offset + PAGE >= page.total;
  if (state.table === "events") {
    table.append(el("thead", {}, el("tr", {}, ["Date", "Place", "Governorate", "Type", "Actors"].map((h) => el("th", {}, h)),
      ["Killed", "Injured", "Displaced", "Reports"].map((h) => el("th", { class: "n" }, h)))));
    const body = el("tbody", {});
    for (const e of events.items) {
      const first = (kind) => (e.counts || []).find((c) => c.outcome === kind && c.best === e[kind]);
      body.append(el("tr", { class: "clickable" + (e.id === state.event ? " selected" : ""), onclick: () => openEvent(e.id), dataset: { id: e.id } },
        el("td", {}, period(e.start_date, e.end_date)), el("td", {}, e.place || ""), el("td", {}, e.admin1 || ""),
        el("td", {}, e.event_type || ""), el("td", {}, e.actors || ""),
        ["killed", "injured", "displaced"].map((k) => el("td", { class: "n" }, numButton(e[k], () => openEvent(e.id, first(k))))),
        el("td", { class: "n" }, num(e.n_documents ?? (e.doc_ids || []).length))));
    }
    if (!events.items.length) body.append(el("tr", {}, el("td", { colspan: 9, class: "hint" }, "No events match these filters.")));
    table.append(body);
  } else {
    table.append(el("thead", {}, el("tr", {}, el("th", {}, "Period"), el("th", {}, "Outcome"), el("th", { class: "n" }, "Number"),
      ["Victims", "Place", "Governorate", "Source", "Outlet", "Quote"].map((h) => el("th", {}, h)))));
    const body = el("tbody", {});
    for (const f of figures.items) {
      body.append(el("tr", { class: "clickable" + (f.id === state.fig ? " selected" : ""), onclick: () => openDocument(f.doc_id, f.id), dataset: { id: f.id } },
        el("td", {}, period(f.start_date, f.end_date)), el("td", {}, pill(f.outcome)),
        el("td", { class: "n" }, numButton(f.n, () => openDocument(f.doc_id, f.id), "read the sentence")),
        el("td", {}, f.victims), el("td", {}, f.place || ""), el("td", {}, f.admin1 || ""), el("td", {}, f.source || ""),
        el("td", {}, f.outlet || ""), el("td", { class: "quote" }, f.quote)));
    }
    if (!figures.items.length) body.append(el("tr", {}, el("td", { colspan: 9, class: "hint" }, "No figures match these filters.")));
    table.append(body);
  }
  for (const b of document.querySelectorAll("[data-table]")) b.classList.toggle("active", b.dataset.table === state.table);
  document.getElementById("n-events").textContent = num(events.total);
  document.getElementById("n-figures").textContent = num(figures.total);
}

/* ---- side panel ---- */
function showSide(which) {
  state.side = which;
  for (const b of document.querySelectorAll("[data-side]")) b.classList.toggle("active", b.dataset.side === which);
  for (const id of ["article", "event", "disagreements"]) document.getElementById("side-" + id).hidden = id !== which;
}
function describe(f) {
  const q = QUAL[f.qualifier] || "";
  return `${q}${num(f.n)} ${f.victims} ${f.outcome}`;
}

async function openDocument(docId, figId) {
  state.doc = docId; state.fig = figId || null; state.event = null;
  writeURL();
  showSide("article");
  const box = clear(document.getElementById("side-article"));
  box.append(el("p", { class: "hint" }, "Loading…"));
  let doc;
  try { doc = await api("/api/documents/" + encodeURIComponent(docId)); } catch (e) { clear(box).append(el("p", { class: "hint" }, e.message)); return; }
  clear(box);
  const fig = doc.figures.find((f) => f.id === figId) || doc.figures[0];
  box.append(el("h2", { class: "article-title", id: "article-title" }, doc.title || doc.id));
  const meta = el("div", { class: "meta" }, el("span", { class: "outlet" }, doc.outlet || "unknown outlet"), el("span", {}, doc.published || "undated"));
  const href = safeHref(doc.url);
  if (href) meta.append(el("a", { href, target: "_blank", rel: "noopener noreferrer nofollow" }, "original ↗"));
  else if (doc.url) meta.append(el("span", { class: "hint" }, "link withheld (not http)"));
  box.append(meta);
  if (fig) {
    box.append(el("div", { class: "figure-card", id: "figure-card" },
      el("div", {}, el("span", { class: "big" }, num(fig.n)), " ", pill(fig.outcome), " ", fig.victims,
        fig.qualifier !== "exact" ? el("span", { class: "hint" }, ` (${fig.qualifier.replace("_", " ")})`) : ""),
      el("dl", {},
        el("dt", {}, "Source"), el("dd", { class: "source" }, fig.source || "not attributed"),
        el("dt", {}, "Outlet"), el("dd", {}, doc.outlet || "unknown"),
        el("dt", {}, "Period"), el("dd", {}, period(fig.start_date, fig.end_date)),
        el("dt", {}, "Where"), el("dd", {}, [fig.place, fig.admin1].filter(Boolean).join(", ") || "not placed"),
        fig.actor ? [el("dt", {}, "Actor"), el("dd", {}, fig.actor)] : null,
        fig.weapon ? [el("dt", {}, "Weapon"), el("dd", {}, fig.weapon)] : null)));
  }
  box.append(articleText(doc.text, fig));
  if (fig) focusOn(fig.lat, fig.lon, fig.place || fig.admin1 || "");
  if (doc.figures.length > 1) {
    box.append(el("h3", { class: "sub" }, `Other figures in this article (${doc.figures.length - 1})`));
    const ul = el("ul", { class: "reports" });
    for (const f of doc.figures) {
      if (fig && f.id === fig.id) continue;
      ul.append(el("li", {}, numButton(f.n, () => openDocument(doc.id, f.id)), " ", `${f.victims} ${f.outcome}`,
        el("div", { class: "quote" }, f.quote)));
    }
    box.append(ul);
  }
  if (fig && fig.event_id) {
    const related = doc.related.filter((r) => r.event_id === fig.event_id);
    box.append(el("h3", { class: "sub" }, `Other reports of the same event (${related.length})`));
    const ul = el("ul", { class: "reports", id: "related" });
    for (const r of related) {
      ul.append(el("li", {}, numButton(r.n, () => openDocument(r.doc_id, r.id)), " ", `${r.victims} ${r.outcome} · `,
        el("span", { class: "outlet" }, r.outlet || r.doc_id), r.source ? ` · according to ${r.source}` : "",
        el("div", { class: "quote" }, r.title || ""), el("div", { class: "quote" }, "“", r.quote, "”")));
    }
    if (!related.length) ul.append(el("li", { class: "hint" }, "No other report was linked to this event."));
    box.append(ul);
    const links = doc.links.filter((l) => l.event_id === fig.event_id);
    if (links.length) {
      box.append(el("h3", { class: "sub" }, "Why they were linked"));
      for (const l of links) box.append(el("ul", { class: "evidence" }, (l.evidence || []).map((e) => el("li", {}, e)),
        l.score !== null && l.score !== undefined ? el("li", {}, `match score ${Number(l.score).toFixed(2)}`) : null));
    }
    box.append(el("p", {}, el("button", { type: "button", class: "ghost small", onclick: () => openEvent(fig.event_id) }, "Open the event →")));
  }
  const mark = box.querySelector("mark.number") || box.querySelector("mark.sentence");
  if (mark) mark.scrollIntoView({ block: "center", behavior: "instant" });
  box.scrollTop = 0;
}

function articleText(text, fig) {
  const div = el("div", { class: "article-text", id: "article-text" });
  if (!fig) { div.append(text); return div; }
  const s = Math.max(0, fig.sentence_start), e = Math.min(text.length, fig.sentence_end);
  const ns = Math.max(s, fig.number_start), ne = Math.min(e, fig.number_end);
  div.append(text.slice(0, s));
  const sentence = el("mark", { class: "sentence", id: "quote" });
  if (ns < ne) sentence.append(text.slice(s, ns), el("mark", { class: "number" }, text.slice(ns, ne)), text.slice(ne, e));
  else sentence.append(text.slice(s, e));
  div.append(sentence, text.slice(e));
  return div;
}

async function openEvent(eventId, count) {
  state.event = eventId; state.doc = null; state.fig = null;
  writeURL();
  showSide("event");
  const box = clear(document.getElementById("side-event"));
  let e;
  try { e = await api("/api/events/" + encodeURIComponent(eventId)); } catch (err) { box.append(el("p", { class: "hint" }, err.message)); return; }
  focusOn(e.lat, e.lon, e.place || e.admin1 || "");
  box.append(el("h2", { class: "article-title" }, [e.place, e.admin1].filter(Boolean).join(", ") || "Event"),
    el("div", { class: "meta" }, el("span", {}, period(e.start_date, e.end_date)), e.event_type ? el("span", {}, e.event_type) : null,
      e.actors ? el("span", {}, e.actors) : null));
  const counts = el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Outcome"), el("th", {}, "Victims"),
    ["Low", "Best", "High"].map((h) => el("th", { class: "n" }, h)))));
  const tb = el("tbody", {});
  for (const c of e.counts) tb.append(el("tr", {}, el("td", {}, pill(c.outcome)), el("td", {}, c.victims),
    el("td", { class: "n" }, num(c.low)), el("td", { class: "n" }, el("strong", {}, num(c.best))), el("td", { class: "n" }, num(c.high))));
  counts.append(tb);
  box.append(counts, el("h3", { class: "sub" }, `Reports (${new Set(e.figures.map((f) => f.doc_id)).size})`));
  const ul = el("ul", { class: "reports" });
  const wanted = count ? e.figures.filter((f) => f.outcome === count.outcome && f.victims === count.victims) : [];
  for (const f of e.figures) {
    ul.append(el("li", {}, numButton(f.n, () => openDocument(f.doc_id, f.id)), " ", `${f.victims} ${f.outcome} · `,
      el("span", { class: "outlet" }, f.outlet || f.doc_id), f.source ? ` · according to ${f.source}` : "",
      el("div", { class: "quote" }, "“", f.quote, "”")));
  }
  box.append(ul);
  if (e.links.length) {
    box.append(el("h3", { class: "sub" }, "Linking evidence"));
    for (const l of e.links) box.append(el("ul", { class: "evidence" }, (l.evidence || []).map((x) => el("li", {}, x)),
      l.score !== null && l.score !== undefined ? el("li", {}, `match score ${Number(l.score).toFixed(2)}`) : null));
  }
  if (wanted.length) openDocument(wanted[0].doc_id, wanted[0].id);
}

function renderDisagreements(dis) {
  document.getElementById("dis-count").textContent = num(dis.total);
  const box = clear(document.getElementById("side-disagreements"));
  box.append(el("p", { class: "hint" }, "Claims that cannot both be right: two sources counting the same thing over the same period, or one source whose total goes down. Each pair once; growth is not disagreement."));
  if (!dis.items.length) { box.append(el("p", { class: "hint" }, "No disagreements match these filters.")); return; }
  const t = el("table", { class: "dis-table" }, el("thead", {}, el("tr", {}, el("th", {}, "What"),
    el("th", { class: "n" }, "Monitor A"), el("th", {}, ""), el("th", { class: "n" }, "Monitor B"), el("th", { class: "n" }, "Δ"))));
  const tb = el("tbody", {});
  for (const d of dis.items) {
    tb.append(el("tr", { class: "dis-row" },
      el("td", {}, el("div", {}, pill(d.outcome), " ", d.victims), el("div", { class: "hint" }, d.area || "")),
      el("td", { class: "n" }, el("div", {}, el("strong", {}, d.source_a)), numButton(d.n_a, () => openDocument(d.doc_a, d.figure_a)),
        el("div", { class: "hint" }, period(d.start_a, d.end_a))),
      el("td", { class: "vs" }, "vs"),
      el("td", { class: "n" }, el("div", {}, el("strong", {}, d.source_b)), numButton(d.n_b, () => openDocument(d.doc_b, d.figure_b)),
        el("div", { class: "hint" }, period(d.start_b, d.end_b))),
      el("td", { class: "n diff" }, (d.difference > 0 ? "+" : "") + num(d.difference))));
    if (d.why) {
      const articles = `${d.articles_a || 1} + ${d.articles_b || 1} articles`;
      tb.append(el("tr", { class: "dis-why" }, el("td", { colspan: 5, class: "hint" }, `${d.kind || ""}: ${d.why} (${articles})`)));
    }
  }
  t.append(tb);
  box.append(t);
}

/* ---- running totals: one line per source's series, a point per date ---- */
const TALLY_COLOURS = ["#b2182b", "#2166ac", "#1b7837", "#762a83", "#e08214", "#35978f", "#555555"];
function renderTallies(tallies) {
  const box = document.getElementById("side-disagreements");
  box.append(el("h3", {}, "Running totals"));
  const series = tallies.items.filter((s) => s.points.length > 1);
  if (!series.length) { box.append(el("p", { class: "hint" }, "No source gives a running total on two dates with these filters.")); return; }
  const width = 360, height = 180, pad = { l: 48, r: 8, t: 8, b: 20 };
  const pts = series.flatMap((s) => s.points);
  const ts = pts.map((p) => Date.parse(p.as_of));
  const t0 = Math.min(...ts), t1 = Math.max(...ts, t0 + 86400000);
  const ymax = Math.max(...pts.map((p) => p.n), 1);
  const x = (t) => pad.l + ((t - t0) / (t1 - t0)) * (width - pad.l - pad.r);
  const y = (v) => height - pad.b - (v / ymax) * (height - pad.t - pad.b);
  const chart = svg("svg", { id: "tallies", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Running totals by source" });
  const axis = svg("g", { class: "axis" });
  axis.append(svg("line", { x1: pad.l, x2: width - pad.r, y1: height - pad.b, y2: height - pad.b }));
  axis.append(svg("text", { x: pad.l - 4, y: y(ymax) + 8, "text-anchor": "end" }, compact.format(ymax)));
  axis.append(svg("text", { x: pad.l, y: height - 4 }, new Date(t0).toISOString().slice(0, 10)));
  axis.append(svg("text", { x: width - pad.r, y: height - 4, "text-anchor": "end" }, new Date(t1).toISOString().slice(0, 10)));
  chart.append(axis);
  const legend = el("div", { class: "tally-legend" });
  series.forEach((s, i) => {
    const colour = TALLY_COLOURS[i % TALLY_COLOURS.length];
    const label = `${s.source}: ${s.outcome} ${s.victims}, ${s.area} since ${s.start}`;
    const line = svg("polyline", { class: "tally-line", fill: "none", stroke: colour, "stroke-width": 2, "data-source": s.source,
      points: s.points.map((p) => `${x(Date.parse(p.as_of))},${y(p.n)}`).join(" ") });
    line.append(svg("title", {}, label));
    chart.append(line);
    for (const p of s.points) {
      const dot = svg("circle", { class: "tally-point", cx: x(Date.parse(p.as_of)), cy: y(p.n), r: 3, fill: colour });
      dot.append(svg("title", {}, `${s.source}: ${num(p.n)} as of ${p.as_of} (${p.docs.length} article${p.docs.length === 1 ? "" : "s"})`));
      chart.append(dot);
    }
    legend.append(el("div", {}, el("span", { class: "swatch", style: `background:${colour}` }), label + (s.falls ? " (goes down)" : "")));
  });
  box.append(chart, legend);
}

/* ---- refresh everything that follows the filters ---- */
let generation = 0;
async function refresh() {
  if (state.filters.outcome) {
    state.tlOutcome = state.filters.outcome;
    for (const o of document.querySelectorAll("[data-outcome]")) o.classList.toggle("active", o.dataset.outcome === state.tlOutcome);
  }
  writeURL();
  syncForm();
  document.getElementById("tl-clear").hidden = !(state.filters.start || state.filters.end);
  const mine = ++generation;
  const f = state.filters;
  const { start, end, ...undated } = f;
  try {
    const [events, figures, mapEvents, tl, dis, stats, tallies] = await Promise.all([
      api("/api/events", { ...f, limit: PAGE, offset: state.table === "events" ? state.offset : 0 }),
      api("/api/figures", { ...f, limit: PAGE, offset: state.table === "figures" ? state.offset : 0 }),
      api("/api/events", { ...f, limit: 1000 }),
      api("/api/timeline", undated),
      api("/api/disagreements", { ...f, limit: 200 }),
      api("/api/stats", f),
      api("/api/tallies", undated),
    ]);
    // nothing linked into events yet: the map shows the located figures instead
    const mapFigures = mapEvents.total ? { items: [] } : await api("/api/figures", { ...f, limit: 1000 });
    if (mine !== generation) return;
    renderSummary({ ...stats, disagreements: dis.total });
    renderTable(events, figures);
    renderMap(mapEvents.items, mapFigures.items);
    tlData = tl.items;
    renderTimeline();
    renderDisagreements(dis);
    renderTallies(tallies);
    document.body.dataset.ready = "1";
  } catch (e) {
    toast(e.message);
  }
}

async function main() {
  readURL();
  const [stats, config] = await Promise.all([api("/api/stats"), api("/api/config")]);
  if (!stats.events && !new URLSearchParams(location.search).get("view")) state.table = "figures";
  renderSummary(stats);
  fillSelect("admin1", stats.admin1 || []);
  fillSelect("source", stats.source_names || []);
  fillSelect("actor", stats.actors || []);
  initMap(config);
  const form = document.getElementById("filters");
  form.addEventListener("change", (ev) => {
    const name = ev.target.name;
    if (FILTERS.includes(name)) setFilters({ [name]: ev.target.value.trim() });
  });
  form.addEventListener("submit", (ev) => ev.preventDefault());
  form.addEventListener("reset", (ev) => { ev.preventDefault(); state.filters = {}; state.offset = 0; refresh(); });
  document.getElementById("tl-clear").addEventListener("click", () => setFilters({ start: "", end: "" }));
  for (const b of document.querySelectorAll("[data-table]")) b.addEventListener("click", () => { state.table = b.dataset.table; state.offset = 0; refresh(); });
  for (const b of document.querySelectorAll("[data-side]")) b.addEventListener("click", () => showSide(b.dataset.side));
  for (const b of document.querySelectorAll("[data-outcome]")) b.addEventListener("click", () => {
    state.tlOutcome = b.dataset.outcome;
    for (const o of document.querySelectorAll("[data-outcome]")) o.classList.toggle("active", o === b);
    writeURL(); renderTimeline();
  });
  for (const o of document.querySelectorAll("[data-outcome]")) o.classList.toggle("active", o.dataset.outcome === state.tlOutcome);
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; refresh(); });
  window.addEventListener("popstate", () => { readURL(); refresh(); reopen(); });
  window.addEventListener("resize", () => renderTimeline());
  await refresh();
  reopen();
}
function reopen() {
  if (state.doc) openDocument(state.doc, state.fig);
  else if (state.event) openEvent(state.event);
}

document.addEventListener("DOMContentLoaded", () => main().catch((e) => toast(e.message)));
