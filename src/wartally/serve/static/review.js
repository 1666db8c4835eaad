/* wartally review page: the queue, the figure with its sentence always in
 * view, corrections (accept, reject, edit, place from the gazetteer, add a
 * missed figure from selected words, merge and split events, disagreement
 * verdicts).  Text from the store is untrusted: it only reaches the page as
 * text nodes.  Every write sends the session's CSRF token. */
"use strict";

const R = { me: null, csrf: null, queue: [], index: -1, fig: null, doc: null, selection: null, ticked: new Set() };

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
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
const $ = (id) => document.getElementById(id);
const fmt = new Intl.NumberFormat("en");

function toast(message) {
  const t = $("toast");
  t.textContent = message;
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 6000);
}

async function get(path) {
  const r = await fetch(path, { headers: { accept: "application/json" }, credentials: "same-origin" });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error((body.error && body.error.message) || r.statusText);
  return body;
}

async function post(path, body) {
  const r = await fetch(path, {
    method: "POST", credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json", "x-csrf-token": R.csrf || "" },
    body: JSON.stringify(body || {}),
  });
  const out = await r.json().catch(() => ({}));
  if (!r.ok) {
    const err = out.error || {};
    const e = new Error(err.message || r.statusText);
    e.status = r.status; e.current = err.current;
    throw e;
  }
  return out;
}

async function write(path, body, done) {
  try {
    const out = await post(path, body);
    document.body.dataset.writes = String(Number(document.body.dataset.writes || 0) + 1);
    if (done) await done(out);
    return out;
  } catch (e) {
    if (e.status === 409) {
      toast("Someone changed this first: here it is as it is now. " + e.message);
      if (R.fig) await openFigure(R.fig.id);
    } else if (e.status === 401) {
      toast("Sign in to correct the record.");
      await session();
    } else toast(e.message);
    return null;
  }
}

/* ---- session ---- */
async function session() {
  const s = await get("/api/session");
  R.me = s.user; R.csrf = s.csrf;
  $("login").hidden = !!s.user;
  $("me").hidden = !s.user;
  $("me-name").textContent = s.user || "";
  $("me-role").textContent = s.role || "";
  const canEdit = !!s.user && (s.role === "editor" || s.role === "admin");
  document.body.dataset.user = s.user || "";
  document.body.classList.toggle("can-edit", canEdit);
  R.canEdit = canEdit;
  $("fields").hidden = !canEdit || !R.fig;
  $("place").hidden = !canEdit || !R.fig;
  $("accept").disabled = $("reject").disabled = !canEdit || !R.fig;
  if (!s.writable) toast("This server is read-only: add an account with `wartally users add` to edit.");
  if (s.user) loadOrphans();
}

$("login").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const f = ev.target.elements;
  try {
    const r = await fetch("/api/login", {
      method: "POST", credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: f.name.value, password: f.password.value }),
    });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error((body.error && body.error.message) || r.statusText);
    f.password.value = "";
    await session();
  } catch (e) { toast(e.message); }
});
$("logout").addEventListener("click", () => write("/api/logout", {}, session));

/* ---- queue ---- */
async function loadQueue(keepId) {
  const q = await get("/api/review/queue?limit=200");
  R.queue = q.items;
  $("queue-total").textContent = fmt.format(q.total);
  const list = clear($("queue"));
  q.items.forEach((f, i) => {
    list.append(el("li", { dataset: { id: f.id, index: String(i) }, onclick: () => pick(i) },
      el("span", { class: "n" }, fmt.format(f.n)), " ", f.outcome, " ", f.victims,
      f.place ? ` · ${f.place}` : "", f.review_status ? el("span", { class: `status ${f.review_status}` }, f.review_status) : null,
      el("div", { class: "hint" }, (f.sentence || "").slice(0, 90))));
  });
  if (keepId) {
    const at = R.queue.findIndex((f) => f.id === keepId);
    if (at >= 0) R.index = at;
  }
  markCurrent();
}
function markCurrent() {
  for (const li of $("queue").children) li.classList.toggle("current", Number(li.dataset.index) === R.index);
  const cur = $("queue").children[R.index];
  if (cur) cur.scrollIntoView({ block: "nearest" });
}
async function pick(i) {
  if (!R.queue.length) return;
  R.index = Math.max(0, Math.min(i, R.queue.length - 1));
  markCurrent();
  await openFigure(R.queue[R.index].id);
}

/* ---- one figure ---- */
function withMark(text, start, end) {
  return [text.slice(0, start), el("mark", { class: "number" }, text.slice(start, end)), text.slice(end)];
}
async function openFigure(id) {
  const fig = await get(`/api/review/figures/${encodeURIComponent(id)}`);
  R.fig = fig;
  if (!R.doc || R.doc.id !== fig.doc) R.doc = await get(`/api/documents/${encodeURIComponent(fig.doc)}`);
  else R.doc = await get(`/api/documents/${encodeURIComponent(fig.doc)}`);
  const text = R.doc.text;
  const s = fig.sentence_start, e = fig.sentence_end;
  clear($("sentence")).append(...withMark(text.slice(s, e), fig.number_start - s, fig.number_end - s));
  clear($("article")).append(...withMark(text, fig.number_start, fig.number_end));
  const dl = el("dl", {});
  const rows = [["figure", `${fig.outcome} ${fig.qualifier === "exact" ? "" : fig.qualifier + " "}${fmt.format(fig.n)} ${fig.victims}`],
    ["place", [fig.place, fig.admin1, fig.country].filter(Boolean).join(", ") || "—"],
    ["period", fig.start ? `${fig.start} – ${fig.end || ""}` : "—"], ["source", fig.source || "—"],
    ["actor", fig.actor || "—"], ["weapon", fig.weapon || "—"], ["side", fig.side || "—"],
    ["status", fig.review_status || "not reviewed"], ["version", String(fig.version)],
    ["article", `${R.doc.title || R.doc.id} (${R.doc.outlet || ""} ${R.doc.published || ""})`]];
  for (const [k, v] of rows) dl.append(el("dt", {}, k), el("dd", { dataset: { field: k } }, v));
  clear($("figure")).append(dl);
  fillFields(fig);
  $("fields").hidden = $("place").hidden = !R.canEdit;
  $("accept").disabled = $("reject").disabled = !R.canEdit;
  document.body.dataset.figure = fig.id;
}
function fillFields(fig) {
  const f = $("fields").elements;
  f.n.value = fig.n; f.qualifier.value = fig.qualifier; f.outcome.value = fig.outcome; f.victims.value = fig.victims;
  f.side.value = fig.side || ""; f.source.value = fig.source || ""; f.actor.value = fig.actor || "";
  f.weapon.value = fig.weapon || ""; f.start.value = fig.start || ""; f.end.value = fig.end || ""; f.reason.value = "";
  const parts = clear(f.part_of);
  parts.append(el("option", { value: "" }, "none"));
  for (const other of R.doc.figures) {
    if (other.id === fig.id) continue;
    parts.append(el("option", { value: other.id }, `${other.outcome} ${other.n} ${other.victims}`));
  }
  parts.value = fig.part_of || "";
}
function changedFields() {
  const f = $("fields").elements, fig = R.fig, out = [];
  const same = (a, b) => String(a ?? "") === String(b ?? "");
  for (const k of ["n", "qualifier", "outcome", "victims", "side", "source", "actor", "weapon", "part_of"]) {
    if (!same(f[k].value, fig[k])) out.push([k, k === "n" ? Number(f[k].value) : f[k].value]);
  }
  if (!same(f.start.value, fig.start) || !same(f.end.value, fig.end)) out.push(["period", { start: f.start.value || null, end: f.end.value || null }]);
  return out;
}
$("fields").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const reason = ev.target.elements.reason.value;
  for (const [field, value] of changedFields()) {
    const ok = await write(`/api/review/figures/${encodeURIComponent(R.fig.id)}/edit`, { field, value, version: R.fig.version, reason });
    if (!ok) return;
    R.fig.version += 1;
  }
  await refreshAll(R.fig.id);
  toast("Saved.");
});
async function decide(decision) {
  if (!R.fig || !R.canEdit) return;
  const ok = await write(`/api/review/figures/${encodeURIComponent(R.fig.id)}/decision`, { decision, version: R.fig.version });
  if (ok) { await loadQueue(); await pick(R.index); loadEvents(); loadDisagreements(); toast(decision === "reject" ? "Rejected." : "Accepted."); }
}
$("accept").addEventListener("click", () => decide("accept"));
$("reject").addEventListener("click", () => decide("reject"));

/* ---- place from the gazetteer ---- */
$("place").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const q = ev.target.elements.q.value.trim();
  if (q.length < 2) return;
  const got = await get(`/api/review/places?q=${encodeURIComponent(q)}`);
  const list = clear($("place-results"));
  if (!got.items.length) list.append(el("li", { class: "hint" }, "no such place in the gazetteer"));
  for (const p of got.items) {
    const label = [p.name, p.feature, p.admin2, p.admin1, p.country].filter(Boolean).join(" · ");
    list.append(el("li", {}, el("button", {
      type: "button", dataset: { gid: p.gazetteer_id },
      onclick: async () => {
        const ok = await write(`/api/review/figures/${encodeURIComponent(R.fig.id)}/edit`,
          { field: "place", value: { gazetteer_id: p.gazetteer_id, mention: q }, version: R.fig.version });
        if (ok) { clear(list); await refreshAll(R.fig.id); toast(`Place set to ${p.name}.`); }
      },
    }, label)));
  }
});

/* ---- add a missed figure from selected words ---- */
function offsetIn(container, node, offset) {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}
$("article").addEventListener("mouseup", () => {
  const sel = window.getSelection();
  if (!R.doc || !R.canEdit || !sel || sel.isCollapsed || !$("article").contains(sel.anchorNode)) return;
  const range = sel.getRangeAt(0);
  const a = offsetIn($("article"), range.startContainer, range.startOffset);
  const b = offsetIn($("article"), range.endContainer, range.endOffset);
  if (b <= a || b - a > 400) return;
  R.selection = { start: a, end: b, doc: R.doc.id };
  const words = R.doc.text.slice(a, b);
  $("add-words").textContent = words;
  const digits = words.match(/\d[\d,]*/);
  $("add").elements.n.value = digits ? digits[0].replace(/,/g, "") : "";
  $("add").hidden = false;
});
$("add-cancel").addEventListener("click", () => { $("add").hidden = true; R.selection = null; });
$("add").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  if (!R.selection) return;
  const f = ev.target.elements;
  const body = { start: R.selection.start, end: R.selection.end, outcome: f.outcome.value, victims: f.victims.value, qualifier: f.qualifier.value };
  if (f.n.value !== "") body.n = Number(f.n.value);
  const ok = await write(`/api/review/documents/${encodeURIComponent(R.selection.doc)}/figures`, body);
  if (ok) { $("add").hidden = true; R.selection = null; await refreshAll(R.fig && R.fig.id); toast("Figure added."); }
});

/* ---- events: merge and split ---- */
async function loadEvents() {
  const got = await get("/api/events?limit=200");
  const list = clear($("events"));
  R.ticked = new Set([...R.ticked].filter((id) => got.items.some((e) => e.id === id)));
  for (const e of got.items) {
    const counts = e.counts.map((c) => `${c.outcome} ${fmt.format(c.best)} ${c.victims}`).join(", ");
    const box = el("input", { type: "checkbox", dataset: { event: e.id }, checked: R.ticked.has(e.id),
      onchange: (ev) => { ev.target.checked ? R.ticked.add(e.id) : R.ticked.delete(e.id); $("merge").disabled = R.ticked.size < 2 || !R.canEdit; } });
    const detail = el("ul", { hidden: true });
    const li = el("li", { dataset: { event: e.id } }, box, " ",
      el("button", { type: "button", class: "ghost", onclick: () => openEvent(e.id, detail) },
        `${e.start_date || "?"} ${e.place || e.admin1 || ""}: ${counts}${e.reviewed ? " ✓" : ""} (${e.figure_ids.length} figures)`),
      detail);
    list.append(li);
  }
  $("merge").disabled = R.ticked.size < 2 || !R.canEdit;
  document.body.dataset.events = String(got.total);
}
async function openEvent(id, detail) {
  const ev = await get(`/api/events/${encodeURIComponent(id)}`);
  clear(detail).hidden = false;
  for (const f of ev.figures) {
    detail.append(el("li", {}, el("label", {}, el("input", { type: "checkbox", dataset: { figure: f.id } }), " ",
      `${f.outcome} ${fmt.format(f.n)} ${f.victims} · ${f.doc_id}`)));
  }
  detail.append(el("li", {}, el("button", { type: "button", disabled: !R.canEdit, onclick: async () => {
    const figs = [...detail.querySelectorAll("input[data-figure]:checked")].map((x) => x.dataset.figure);
    if (!figs.length) return toast("Tick the figures to split off.");
    const ok = await write(`/api/review/events/${encodeURIComponent(id)}/split`, { figures: figs });
    if (ok) { await loadEvents(); toast("Split."); }
  } }, "Split ticked figures off")));
}
$("merge").addEventListener("click", async () => {
  const ok = await write("/api/review/events/merge", { events: [...R.ticked] });
  if (ok) { R.ticked.clear(); await loadEvents(); toast("Merged."); }
});

/* ---- disagreements and orphans ---- */
async function loadDisagreements() {
  const got = await get("/api/disagreements?limit=100");
  const list = clear($("disagreements"));
  for (const d of got.items) {
    const verdict = (real) => write(`/api/review/disagreements/${encodeURIComponent(d.id)}/verdict`, { real }, loadDisagreements);
    list.append(el("li", { dataset: { disagreement: d.id } },
      `${d.outcome} ${d.victims} ${d.area || ""}: ${d.source_a} ${fmt.format(d.n_a)} vs ${d.source_b} ${fmt.format(d.n_b)} `,
      d.verdict ? el("span", { class: "status accepted" }, d.verdict.replace("_", " ")) : null, " ",
      el("button", { type: "button", disabled: !R.canEdit, onclick: () => verdict(true) }, "Real"), " ",
      el("button", { type: "button", disabled: !R.canEdit, onclick: () => verdict(false) }, "Not real")));
  }
}
async function loadOrphans() {
  try {
    const got = await get("/api/review/orphans");
    $("orphan-count").textContent = String(got.total);
    const list = clear($("orphans"));
    for (const o of got.items) list.append(el("li", {}, `${o.doc_id || "events"}: ${o.reason}`));
  } catch (e) { /* not signed in */ }
}

async function refreshAll(keepId) {
  await loadQueue(keepId);
  if (keepId && R.queue.some((f) => f.id === keepId)) await openFigure(keepId);
  else if (R.queue.length) await pick(R.index);
  await Promise.all([loadEvents(), loadDisagreements(), loadOrphans()]);
}

/* ---- keyboard ---- */
document.addEventListener("keydown", (ev) => {
  if (ev.target.closest("input, select, textarea") || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const k = ev.key;
  if (k === "j") pick(R.index + 1);
  else if (k === "k") pick(R.index - 1);
  else if (k === "a") decide("accept");
  else if (k === "r") decide("reject");
  else if (k === "p" && R.canEdit) { ev.preventDefault(); $("place").elements.q.focus(); }
  else if (k === "e" && R.canEdit) { ev.preventDefault(); $("fields").elements.n.focus(); }
  else return;
});

(async function start() {
  try {
    await session();
    await loadQueue();
    if (R.queue.length) await pick(0);
    await Promise.all([loadEvents(), loadDisagreements()]);
  } catch (e) { toast(e.message); }
  document.body.dataset.ready = "1";
})();
