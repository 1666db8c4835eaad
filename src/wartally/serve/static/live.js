"use strict";
/* Live updates: poll the cheap /api/changes endpoint; when the record's
   version moves on (a `wartally watch --serve` stored new articles), redraw
   the table, map, timeline and summary with app.js's refresh(), without a
   reload.  Shows when the record was last updated.  See docs/live.md. */
(function () {
  const POLL_MS = 3000;
  const MAX_BACKOFF_MS = 30000;
  let version = null;
  let delay = POLL_MS;

  function badge() {
    let node = document.getElementById("live-status");
    if (!node) {
      node = document.createElement("p");
      node.id = "live-status";
      node.className = "live-status";
      node.setAttribute("aria-live", "polite");
      const top = document.querySelector("header.top");
      if (top) top.append(node);
    }
    return node;
  }

  function show(state) {
    const node = badge();
    const when = state.updated_at ? state.updated_at.replace("T", " ").replace("Z", " UTC") : "never";
    node.textContent = `Last updated ${when}` + (state.watching ? " · watching sources" : "");
    node.dataset.version = String(state.version);
    if (state.updated_at) node.title = state.updated_at;
  }

  /* new governorates, sources and actors join the filter lists (app.js fills them once) */
  async function addNewChoices() {
    const stats = await api("/api/stats");  // eslint-disable-line no-undef -- from app.js
    const lists = { admin1: stats.admin1, source: stats.source_names, actor: stats.actors };
    for (const [name, values] of Object.entries(lists)) {
      const sel = document.querySelector(`#filters [name=${name}]`);
      if (!sel || !values) continue;
      const have = new Set([...sel.options].map((o) => o.value));
      fillSelect(name, values.filter((v) => !have.has(v)));  // eslint-disable-line no-undef -- from app.js
    }
  }

  async function poll() {
    try {
      const q = version === null ? "" : `?since=${encodeURIComponent(version)}`;
      const r = await fetch(`/api/changes${q}`, { headers: { accept: "application/json" }, cache: "no-store" });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const state = await r.json();
      const first = version === null;
      show(state);
      if (!first && state.changed && typeof refresh === "function" && document.body.dataset.ready === "1") {
        await refresh();  // eslint-disable-line no-undef -- from app.js
        await addNewChoices();
        document.body.dataset.liveVersion = String(state.version);
      }
      version = state.version;
      delay = POLL_MS;
    } catch (e) {
      delay = Math.min(MAX_BACKOFF_MS, delay * 2);  // the server may be restarting: wait, try again
    }
    if (version !== null && !document.body.dataset.liveVersion) document.body.dataset.liveVersion = String(version);
    setTimeout(poll, delay);
  }

  document.addEventListener("DOMContentLoaded", () => setTimeout(poll, 0));
})();
