"""The JSON API over a real store (wartally.store.Store) filled from the
FA-KES articles of tests/data/sample and their gold figures (plus one
hostile document), served by the real application in-process (HTTP through
httpx's ASGI transport).  Every clone has the sample, so every test runs;
the expected totals are counted from the sample's gold."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wartally.records import stable_id

# Approximate coordinates (lat, lon) of the places the gold files name.
COORDS = {
    "Idlib": (35.93, 36.63), "Mhambil": (35.80, 36.44), "Maarrat al-Numan": (35.65, 36.67),
    "Qalaat al-Madiq": (35.41, 36.39), "Maharda": (35.25, 36.57), "Qamishli": (37.05, 41.22),
    "Aleppo": (36.20, 37.16), "Al-Quriyah": (34.96, 40.50), "al-Rai": (36.61, 37.47),
    "Manbij": (36.53, 37.95), "Homs": (34.73, 36.71), "Atarib": (36.14, 36.83),
    "Deir ez-Zor": (35.33, 40.14), "Raqqa": (35.95, 39.01), "Ras al-Ain": (36.85, 40.07),
    "Hama": (35.13, 36.75), "Al-Hasakah": (36.50, 40.75), "Rif Dimashq": (33.60, 36.60),
    "Ar-Raqqa": (35.90, 38.90),
}
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1"> Maharda <script>window.__pwned=2</script>'
HOSTILE_TEXT = (
    "Shelling killed 10 people in Maharda on Friday, the Syrian Observatory for Human Rights said. "
    '<script>window.__pwned=3</script> <img src=x onerror="window.__pwned=4"> '
    '<a href="javascript:window.__pwned=5">read more</a>'
)


def _find(text: str, quote: str) -> tuple[int, int] | None:
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    s = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return s, (min(ends) + 1 if ends else len(text))


def build_store(path: Path, docs: list[dict], gold: list[dict]) -> Path:
    """A real store file: documents, their gold figures placed on the map,
    events grouping figures of the same place and day, links and one
    disagreement.  Returns ``path``."""
    from wartally.store import Store

    store = Store(path)
    con = store.con
    texts = {}
    for d in docs:
        texts[d["id"]] = d["text"]
        con.execute(
            "INSERT INTO documents (id, content_hash, title, published, outlet, url, text) VALUES (?,?,?,?,?,?,?)",
            [d["id"], stable_id(d["text"]), d.get("title"), d.get("published"), d.get("outlet"), d.get("url"), d["text"]],
        )
    groups: dict[tuple, list[tuple[str, dict]]] = {}
    for g in gold:
        text, ids = texts.get(g["id"]), []
        for i, f in enumerate(g["figures"]):
            at = _find(text or "", f["quote"])
            if at is None:
                continue
            num = re.search(r"\d[\d,]*", f["quote"])
            n_start = at[0] + (num.start() if num else 0)
            n_end = at[0] + (num.end() if num else len(f["quote"]))
            s, e = _sentence(text, *at)
            fid = stable_id("figure", g["id"], i)
            ids.append(fid)
            lat, lon = COORDS.get(f.get("place") or f.get("admin1") or "", (None, None))
            parent = ids[f["part_of"]] if isinstance(f.get("part_of"), int) and f["part_of"] < len(ids) else None
            con.execute(
                """INSERT INTO figures (id, doc_id, outcome, n, qualifier, victims, side, part_of, place, place_mention,
                   lat, lon, admin1, start_date, end_date, source, actor, weapon, quote, number_start, number_end,
                   sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                [fid, g["id"], f["outcome"], f["n"], f["qualifier"], f["victims"], f.get("side"), parent,
                 f.get("place"), f.get("place"), lat, lon, f.get("admin1"), f.get("start"), f.get("end"),
                 f.get("source"), f.get("actor"), f.get("weapon"), text[at[0]:at[1]], n_start, n_end, s, e],
            )
            if f.get("place") and f.get("start") == f.get("end"):
                groups.setdefault((f["place"], f["start"]), []).append((fid, g["id"], f))
    for (place, day), members in groups.items():
        eid = stable_id("event", *sorted(m[0] for m in members))
        lat, lon = COORDS.get(place, (None, None))
        f0 = members[0][2]
        etype = "Explosions/Remote violence" if f0.get("weapon") in ("airstrike", "shelling", "barrel bomb", "rocket") else "Violent events"
        con.execute(
            """INSERT INTO events (id, start_date, end_date, date_precision, place, lat, lon, country, admin1,
               where_prec, event_type, actors, n_documents, n_reports) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            [eid, day, day, "day", place, lat, lon, "Syria", f0.get("admin1"), 1, etype, f0.get("actor"),
             len({m[1] for m in members}), len({m[1] for m in members})],
        )
        best: dict[tuple, list[int]] = {}
        for fid, doc, f in members:
            con.execute("INSERT INTO event_figures (event_id, figure_id, doc_id) VALUES (?,?,?)", [eid, fid, doc])
            best.setdefault((f["outcome"], f["victims"]), []).append(f["n"])
        for (outcome, victims), ns in best.items():
            con.execute("INSERT INTO event_counts (event_id, outcome, victims, low, best, high, rule) VALUES (?,?,?,?,?,?,?)",
                        [eid, outcome, victims, min(ns), max(ns), max(ns), "max of reports"])
        for (fa, da, a), (fb, db, b) in zip(members, members[1:]):
            if da != db:
                evidence = [f"same place {place}", "dates 0 days apart", f"counts {a['n']} vs {b['n']}"]
                con.execute("INSERT INTO links (event_id, figure_a, figure_b, score, evidence) VALUES (?,?,?,?,?)", [eid, fa, fb, 0.97, json.dumps(evidence)])
    # Aleppo, 5 June 2016 (fakes-1923102958): local activists count about 32
    # civilians killed by the air strikes, SOHR at least 16
    tallies = {(r[1], r[2]): r[0] for r in con.execute("SELECT id, source, n FROM figures WHERE victims = 'civilians'").fetchall()}
    if ("local activists", 32) in tallies and ("SOHR", 16) in tallies:
        con.execute(
            """INSERT INTO disagreements (id, outcome, victims, area, figure_a, source_a, n_a, qualifier_a, start_a,
               end_a, figure_b, source_b, n_b, qualifier_b, start_b, end_b, difference, overlap_days)
               VALUES ('dis1', 'killed', 'civilians', 'Aleppo', ?, 'local activists', 32, 'about',
               '2016-06-05', '2016-06-05', ?, 'SOHR', 16, 'at_least', '2016-06-05', '2016-06-05', 16, 1)""",
            [tallies[("local activists", 32)], tallies[("SOHR", 16)]],
        )
    store.close()
    return path


def sample_inputs(root: Path) -> tuple[list[dict], list[dict]]:
    """The FA-KES gold articles of the sample (``root`` is tests/data/sample)
    and their gold, plus a hostile report of Maharda."""
    load = lambda p: [json.loads(line) for line in open(p, encoding="utf-8") if line.strip()]  # noqa: E731
    gold = load(root / "gold" / "fakes-dev.gold.jsonl")
    annotated = {g["id"] for g in gold}
    docs = [d for d in load(root / "corpus" / "fakes-dev.jsonl") if d["id"] in annotated]
    docs.append({"id": "hostile-1", "title": HOSTILE_TITLE, "text": HOSTILE_TEXT, "published": "2018-09-08",
                 "outlet": "<b>Evil</b> Wire", "url": "javascript:window.__pwned=6"})
    gold.append({"id": "hostile-1", "figures": [{
        "outcome": "killed", "n": 10, "qualifier": "exact", "victims": "people", "quote": "Shelling killed 10 people in Maharda",
        "place": "Maharda", "admin1": "Hama", "source": "SOHR", "weapon": "shelling", "start": "2018-09-07", "end": "2018-09-07"}]})
    return docs, gold


@pytest.fixture(scope="module")
def inputs(sample) -> tuple[list[dict], list[dict]]:
    return sample_inputs(sample)


@pytest.fixture(scope="module")
def store(inputs, tmp_path_factory) -> Path:
    docs, gold = inputs
    return build_store(tmp_path_factory.mktemp("serve") / "seeds.duckdb", docs, gold)


@pytest.fixture(scope="module")
def client(store):
    from fastapi.testclient import TestClient

    from wartally.serve.app import create_app

    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c


# counted in tests/data/sample/gold/fakes-dev.gold.jsonl (69 figures whose
# quotes are all in their articles) plus the hostile report (killed, people,
# Maharda, Hama, SOHR, 2018-09-07)
@pytest.mark.parametrize(
    "query, expect_total",
    [
        ("", 70),
        ("outcome=killed", 54),
        ("outcome=injured", 14),
        ("outcome=displaced", 2),
        ("admin1=Aleppo", 32),
        ("admin1=aleppo", 32),
        ("admin1=Idleb", 8),  # OCHA's spelling of Idlib
        ("place=Al-Quriyah", 7),
        ("source=SANA", 5),
        ("source=sana&outcome=injured", 3),
        ("victims=children", 6),
        ("actor=Russia", 10),  # "Russia" 3, "Russia; Syrian government" 7
        ("start=2016-09-01", 20),
        ("start=2016-06-25&end=2016-06-25", 12),  # the day's 7 and 5 periods that hold it
        ("end=2014-12-31", 14),
    ],
)
def test_serve_figures_filters(client, query, expect_total):
    r = client.get(f"/api/figures?{query}")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == expect_total
    assert len(body["items"]) == min(expect_total, 100)


def stored_gold(inputs) -> list[dict]:
    """The gold figures ``build_store`` stores: those whose quote is in their text."""
    docs, gold = inputs
    texts = {d["id"]: d["text"] for d in docs}
    return [f for g in gold for f in g["figures"] if _find(texts.get(g["id"], ""), f["quote"])]


def _matches(f: dict, params: dict[str, str]) -> bool:
    """The API's filters, as the gold reads: a period that overlaps
    start/end, a source's id in any case."""
    first, last = f.get("start") or f.get("end"), f.get("end") or f.get("start")
    return (f["outcome"] == params.get("outcome", f["outcome"])
            and f["victims"] == params.get("victims", f["victims"])
            and (f.get("source") or "").lower() == params.get("source", f.get("source") or "").lower()
            and ("start" not in params or (last is not None and last >= params["start"]))
            and ("end" not in params or (first is not None and first <= params["end"])))


@pytest.mark.parametrize("query", [
    "", "outcome=killed", "outcome=injured", "victims=civilians", "victims=children", "source=sohr",
    "source=SOHR&outcome=killed", "start=2016-01-01", "end=2015-12-31", "start=2014-01-01&end=2016-12-31",
])
def test_serve_figures_filters_agree_with_the_gold(client, inputs, query):
    params = dict(p.split("=") for p in query.split("&") if p)
    want = sum(_matches(f, params) for f in stored_gold(inputs))
    assert want or query != "outcome=killed", "the data holds no killed figure?"
    body = client.get(f"/api/figures?{query}&limit=1000").json()
    assert body["total"] == want and len(body["items"]) == want


def test_serve_figures_pagination_is_disjoint_and_complete(client):
    pages = [client.get(f"/api/figures?limit=10&offset={o}").json() for o in range(0, 80, 10)]
    ids = [f["id"] for p in pages for f in p["items"]]
    assert len(ids) == len(set(ids)) == pages[0]["total"] == 70
    assert pages[-1]["items"] == []


@pytest.mark.parametrize(
    "url, status, code",
    [
        ("/api/figures?start=not-a-date", 422, "invalid_parameter"),
        ("/api/figures?end=2019-02-30", 422, "invalid_parameter"),
        ("/api/figures?start=1546300800", 422, "invalid_parameter"),
        ("/api/events?start=2019-1-1", 422, "invalid_parameter"),
        ("/api/figures?outcome=maimed", 422, "invalid_parameter"),
        ("/api/figures?limit=0", 422, "invalid_parameter"),
        ("/api/events?start=2020-01-02&end=2020-01-01", 400, "bad_request"),
        ("/api/events/nope", 404, "not_found"),
        ("/api/documents/nope.txt", 404, "not_found"),
        ("/api/nothing-here", 404, "not_found"),
        ("/api/boundaries/9", 404, "not_found"),
    ],
)
def test_serve_errors_share_one_shape(client, url, status, code):
    r = client.get(url)
    assert r.status_code == status
    err = r.json()["error"]
    assert err["status"] == status and err["code"] == code and err["message"]
    assert "Traceback" not in r.text


def test_serve_wrong_method_is_405_in_the_same_shape(client):
    r = client.post("/api/figures")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_serve_internal_error_hides_the_trace(inputs, tmp_path):
    from fastapi.testclient import TestClient
    from wartally.store import Store

    from wartally.serve.app import create_app

    docs, gold = inputs
    db = build_store(tmp_path / "broken.duckdb", docs, gold)
    with Store(db) as store:
        event_id = store.con.execute("SELECT min(id) FROM events").fetchone()[0]
        store.con.execute("DROP TABLE links")  # a damaged store
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.get(f"/api/events/{event_id}")
    assert r.status_code == 500
    assert r.json() == {"error": {"status": 500, "code": "internal_error",
                                  "message": "the server failed to answer this request"}}
    assert "Traceback" not in r.text and "links" not in r.text


def test_serve_bad_date_names_the_parameter(client):
    err = client.get("/api/figures?start=not-a-date").json()["error"]
    assert err["message"] == "query.start: 'not-a-date' is not an ISO date (YYYY-MM-DD)"


# Al-Quriyah, 25 June 2016, in two reports: fakes-1923848262 (47 people,
# 31 civilians and 16 others of them) and fakes-1923102948 (25 children;
# 47 people, later 82, 58 civilians of them)
QURIYAH_REPORTS = {"fakes-1923848262", "fakes-1923102948"}


def test_serve_events_have_counts_and_deaths(client):
    body = client.get("/api/events?admin1=Deir%20ez-Zor").json()
    quriyah = [e for e in body["items"] if e["place"] == "Al-Quriyah"]
    assert len(quriyah) == 1 and quriyah[0]["killed"] == 82 and quriyah[0]["n_documents"] == 2
    assert {(c["outcome"], c["victims"]) for c in quriyah[0]["counts"]} == {
        ("killed", "people"), ("killed", "civilians"), ("killed", "children")}


def test_serve_event_detail_links_reports_with_evidence(client):
    eid = next(e["id"] for e in client.get("/api/events?place=Al-Quriyah").json()["items"])
    event = client.get(f"/api/events/{eid}").json()
    assert {f["doc_id"] for f in event["figures"]} == QURIYAH_REPORTS
    assert event["links"] and "same place Al-Quriyah" in event["links"][0]["evidence"]


def test_serve_document_has_text_figures_and_related_reports(client):
    doc = client.get("/api/documents/hostile-1").json()
    assert doc["title"] == HOSTILE_TITLE and doc["text"] == HOSTILE_TEXT  # stored as given, escaped by the page
    fig = doc["figures"][0]
    assert doc["text"][fig["number_start"]:fig["number_end"]] == "10"
    doc = client.get("/api/documents/fakes-1923848262").json()
    assert doc["related"] and {r["doc_id"] for r in doc["related"]} == QURIYAH_REPORTS - {"fakes-1923848262"}


def test_serve_disagreements_side_by_side(client):
    body = client.get("/api/disagreements?source=SOHR").json()
    assert body["total"] == 1
    d = body["items"][0]
    assert (d["source_a"], d["n_a"], d["source_b"], d["n_b"]) == ("local activists", 32, "SOHR", 16)
    assert "32 civilians" in d["quote_a"]
    assert client.get("/api/disagreements?outcome=injured").json()["total"] == 0


def test_serve_timeline_counts_incidents_per_day(client):
    items = client.get("/api/timeline?outcome=killed&admin1=Deir%20ez-Zor").json()["items"]
    days = {(i["day"], i["victims"]): i["n"] for i in items}
    assert days[("2016-06-25", "people")] == 47 + 47 + 82  # both reports, not yet deduplicated
    assert ("2016-06-25", "civilians") not in days  # part_of subsets are not stacked


def test_serve_stats_and_openapi(client):
    s = client.get("/api/stats").json()
    assert s["documents"] == 17 and s["figures"] == 70 and s["disagreements"] == 1
    assert "SOHR" in s["source_names"] and "Hama" in s["admin1"] and "Russia" in s["actors"]
    injured = client.get("/api/stats?outcome=injured").json()
    assert injured["figures"] == 14 and injured["by_outcome"] == {"injured": 14}
    schema = client.get("/openapi.json").json()
    for path in ("/api/figures", "/api/events", "/api/events/{event_id}", "/api/disagreements", "/api/stats"):
        assert path in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/figures"]["get"]["parameters"]}
    assert {"place", "admin1", "start", "end", "outcome", "victims", "source", "actor", "limit", "offset"} <= params


def test_serve_boundaries_from_the_geo_package(client):
    r = client.get("/api/boundaries/1", headers={"accept-encoding": "identity"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/geo+json"
    names = {f["properties"]["name"] for f in r.json()["features"]}
    assert len(names) == 14 and {"Idlib", "Hama", "Rif Dimashq"} <= names
    assert client.get("/api/boundaries/1").json() == r.json()  # gzip when asked, same content


@pytest.mark.parametrize(
    "tiles, img_src",
    [
        (None, "img-src 'self' data:;"),
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "img-src 'self' data: https://tile.openstreetmap.org;"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "img-src 'self' data: https://*.tile.example.org;"),
    ],
)
def test_serve_content_policy_allows_only_the_chosen_tiles(tiles, img_src):
    from wartally.serve.app import security_headers

    assert img_src in security_headers(tiles)["content-security-policy"]


def test_serve_page_is_sent_with_a_strict_content_policy(client):
    r = client.get("/")
    assert r.status_code == 200 and "<div id=\"map\"" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200


def test_serve_vendored_leaflet_matches_web_package():
    root = Path(__file__).resolve().parent.parent
    wanted = json.loads((root / "web" / "package.json").read_text())["dependencies"]["leaflet"]
    vendor = root / "src" / "wartally" / "serve" / "static" / "vendor" / "leaflet"
    assert f"Leaflet {wanted}" in (vendor / "leaflet.js").read_text(encoding="utf-8")[:200]
    assert "BSD" in (vendor / "LICENSE.txt").read_text() or "Redistribution" in (vendor / "LICENSE.txt").read_text()
