"""Each export format read back and checked against the store."""
from __future__ import annotations

import csv
import datetime as dt
import json
import math

import duckdb
import pytest

from wartally.cli import main
from wartally.export import ACLED_COLUMNS, UCDP_COLUMNS, export
from wartally.records import Count, DatePrecision, Document, Event, Link, Outcome, Victims
from wartally.store import Store
from wartally.store.queries import FigureFilter, select_figures
from wartally.store.samples import gold_figures

from conftest import gazetteer_locator

QURIYAH = ("fakes-1923848262", "fakes-1923102948")  # Ahram and Al-Araby on the strikes of 25 June 2016
ATARIB = "fakes-1924058121"  # Daily Sabah: 10 civilians killed, 17 wounded, 2 August 2016


@pytest.fixture(scope="module")
def seeded(sample_articles, sample, tmp_path_factory):
    """The sample's 16 hand-annotated FA-KES articles with their 69 gold
    figures, placed by the shipped gazetteer (no events)."""
    path = tmp_path_factory.mktemp("export") / "sample.duckdb"
    locate = gazetteer_locator()
    docs = {d["id"]: Document.make(d["id"], d["text"], published=d["published"], outlet=d["outlet"])
            for d in map(json.loads, open(sample_articles, encoding="utf-8"))}
    with Store(path) as store:
        for line in open(sample / "gold" / "fakes-dev.gold.jsonl", encoding="utf-8"):
            g = json.loads(line)
            store.write_document(docs[g["id"]], gold_figures(docs[g["id"]], g["figures"], locate))
    return path


@pytest.fixture(scope="module")
def linked(seeded, tmp_path_factory):
    """The same store with two events: Atarib (one report) and the Al-Quriyah
    strikes reported by three documents that disagree on the count (the two
    FA-KES articles and a made-up wire report that adds 8 soldiers killed)."""
    path = tmp_path_factory.mktemp("linked") / "linked.duckdb"
    path.write_bytes(seeded.read_bytes())
    with Store(path) as store:
        quriyah = [f for doc in QURIYAH for f in store.read_figures(doc) if f.place and f.place.mention == "Al-Quriyah"]
        atarib = [f for f in store.read_figures(ATARIB) if f.place and f.place.mention == "Atarib"]
        other = Document.make("wire-quriyah", "Air strikes killed 82 people in Al-Quriyah on Saturday, and militant "
                              "shelling killed 8 soldiers near the town, state media said.", published="2016-06-26",
                              outlet="Reuters")
        g = [{"outcome": "killed", "n": 82, "victims": "people", "quote": "Air strikes killed 82 people",
              "place": "Al-Quriyah", "admin1": "Deir ez-Zor", "start": "2016-06-25", "end": "2016-06-25",
              "source": "SANA", "actor": "Russia; Syrian government", "weapon": "airstrike"},
             {"outcome": "killed", "n": 8, "victims": "combatants", "side": "government", "quote": "shelling killed 8 soldiers",
              "place": "Al-Quriyah", "admin1": "Deir ez-Zor", "start": "2016-06-25", "end": "2016-06-25"}]
        extra = gold_figures(other, g)
        store.write_document(other, extra)
        e1_figs = [f.id for f in quriyah] + [f.id for f in extra]
        e1 = Event(Event.make_id(e1_figs), tuple(e1_figs), (*QURIYAH, other.id),
                   dt.date(2016, 6, 25), dt.date(2016, 6, 25), DatePrecision.DAY, located(quriyah[0]),
                   "Explosions/Remote violence", "Air/drone strike", ("Russia", "Syrian government"),
                   (Count(Outcome.KILLED, Victims.PEOPLE, 47, 82, 82, "largest"),
                    Count(Outcome.KILLED, Victims.CIVILIANS, 31, 58, 58, "largest"),
                    Count(Outcome.KILLED, Victims.CHILDREN, 25, 25, 25, "only"),
                    Count(Outcome.KILLED, Victims.COMBATANTS, 8, 8, 8, "only")))
        e2_figs = [f.id for f in atarib]
        e2 = Event(Event.make_id(e2_figs), tuple(e2_figs), (ATARIB,), dt.date(2016, 8, 2),
                   dt.date(2016, 8, 2), DatePrecision.DAY, located(atarib[0]), None, None, ("Russia",),
                   (Count(Outcome.KILLED, Victims.CIVILIANS, 10, 10, 10, "only"),
                    Count(Outcome.INJURED, Victims.PEOPLE, 17, 17, 17, "only")))
        store.write_events([e1, e2], [Link(e1.id, quriyah[0].id, extra[0].id, 0.9, ("same place",))], [],
                           {f: "incident" for f in e1_figs + e2_figs})
    return path


def located(fig):
    """The figure's place with the coordinates of its governorate where the
    locator knows only that (as the geocoder would fall back)."""
    from dataclasses import replace

    if fig.place.lat is not None:
        return fig.place
    return replace(fig.area, mention=fig.place.mention, name=fig.place.mention)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_export_csv_figures_match_store(seeded, tmp_path):
    out = tmp_path / "f.csv"
    with Store(seeded, read_only=True) as store:
        n = export(store.con, "csv", out)
        rows, total = select_figures(store.con)
    got = read_csv(out)
    assert n == total == len(got) == 69  # the sample's gold figures
    assert [r["id"] for r in got] == [r["id"] for r in rows]
    assert [int(r["n"]) for r in got] == [r["n"] for r in rows]
    assert [r["quote"] for r in got] == [r["quote"] for r in rows]


def test_export_parquet_read_by_duckdb(seeded, tmp_path):
    out = tmp_path / "it's figures.parquet"  # a quote in the name: the path travels as a parameter
    with Store(seeded, read_only=True) as store:
        n = export(store.con, "parquet", out, FigureFilter(admin1="Aleppo"))
        rows, total = select_figures(store.con, FigureFilter(admin1="Aleppo"))
    con = duckdb.connect()
    got = con.execute("SELECT id, n, admin1, start_date FROM read_parquet(?) ORDER BY id", [str(out)]).fetchall()
    assert n == total == len(got) == 32  # the gold's figures in Aleppo
    assert got == sorted((r["id"], r["n"], r["admin1"], dt.date.fromisoformat(r["start_date"])
                          if r["start_date"] else None) for r in rows)


def test_export_parquet_events(linked, tmp_path):
    out = tmp_path / "events.parquet"
    with Store(linked, read_only=True) as store:
        assert export(store.con, "parquet", out, records="events") == 2
    got = duckdb.connect().execute("SELECT killed_low, killed_best, killed_high, n_documents FROM read_parquet(?) "
                                   "ORDER BY start_date", [str(out)]).fetchall()
    # Al-Quriyah: max(people, civilians + combatants) = max(47, 31 + 8) .. max(82, 58 + 8); Atarib: 10 civilians
    assert got == [(47, 82, 82, 3), (10, 10, 10, 1)]


def check_rfc7946(doc: dict) -> None:
    """The structure RFC 7946 requires of a FeatureCollection of Points."""
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc  # removed in RFC 7946
    assert isinstance(doc["features"], list)
    for feat in doc["features"]:
        assert feat["type"] == "Feature"
        assert set(feat) <= {"type", "id", "geometry", "properties", "bbox"}
        assert isinstance(feat.get("id"), (str, int))
        geom = feat["geometry"]
        assert geom["type"] == "Point" and set(geom) == {"type", "coordinates"}
        lon, lat = geom["coordinates"]
        assert all(isinstance(v, (int, float)) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(feat["properties"], dict)


def test_export_geojson_figures_and_events(linked, tmp_path):
    with Store(linked, read_only=True) as store:
        rows, _ = select_figures(store.con)
        located = {r["id"]: r for r in rows if r["lat"] is not None}
        assert export(store.con, "geojson", tmp_path / "f.geojson") == len(located) > 0
        assert export(store.con, "geojson", tmp_path / "e.geojson", records="events") == 2
    figs = json.loads((tmp_path / "f.geojson").read_text())
    check_rfc7946(figs)
    for feat in figs["features"]:
        r = located[feat["id"]]
        assert feat["geometry"]["coordinates"] == pytest.approx([r["lon"], r["lat"]], abs=1e-6)  # lon first
        assert feat["properties"]["n"] == r["n"]
    events = json.loads((tmp_path / "e.geojson").read_text())
    check_rfc7946(events)
    # Al-Quriyah (Deir ez-Zor, 35.0 N) and Atarib (Aleppo, 36.1 N)
    assert sorted(round(f["geometry"]["coordinates"][1]) for f in events["features"]) == [35, 36]


def test_export_acled_and_ucdp_without_events(seeded, tmp_path):
    with Store(seeded, read_only=True) as store:
        export(store.con, "acled", tmp_path / "a.csv")
        export(store.con, "ucdp", tmp_path / "u.csv")
        figs = {r["id"]: r for r in select_figures(store.con)[0]}
    acled, ucdp = read_csv(tmp_path / "a.csv"), read_csv(tmp_path / "u.csv")
    assert tuple(acled[0]) == ACLED_COLUMNS and tuple(ucdp[0]) == UCDP_COLUMNS
    assert len(acled) == len(ucdp) > 5
    for a, u in zip(acled, ucdp):
        root = figs[a["event_id_cnty"]]
        assert root["part_of"] is None and root["start_date"] == a["event_date"] == u["date_start"]
        assert int(u["low"]) <= int(u["best"]) <= int(u["high"])
        assert int(u["deaths_a"]) + int(u["deaths_b"]) + int(u["deaths_civilians"]) + int(u["deaths_unknown"]) \
            == int(u["best"]) == int(a["fatalities"])
        if root["outcome"] == "killed":
            assert int(a["fatalities"]) >= root["n"]
        assert u["number_of_sources"] == "1"
        assert root["quote"].split()[0] in a["notes"]
    # tallies over months ("More than 300 civilians have been killed in Aleppo since April") are not events
    assert not any(figs[a["event_id_cnty"]]["n"] == 300 for a in acled)
    ras_al_ain = next(a for a in acled if a["location"] == "Ras al-Ain")  # 16 IS fighters killed by Kurdish forces
    assert (ras_al_ain["event_type"], ras_al_ain["sub_event_type"], ras_al_ain["actor1"], ras_al_ain["fatalities"]) == \
        ("Battles", "Armed clash", "Kurdish forces", "16")


def test_export_acled_and_ucdp_from_linked_events(linked, tmp_path):
    with Store(linked, read_only=True) as store:
        export(store.con, "acled", tmp_path / "a.csv")
        export(store.con, "ucdp", tmp_path / "u.csv", FigureFilter(actor="russia"))
    acled, ucdp = read_csv(tmp_path / "a.csv"), read_csv(tmp_path / "u.csv")
    assert [a["location"] for a in acled] == ["Al-Quriyah", "Atarib"]
    quriyah, atarib = ucdp
    # people 47-82 vs civilians 31-58 + combatants 8: best max(82, 66) = 82, low max(47, 39) = 47, high 82;
    # the 8 soldiers are side a (the government), the civilians 58, the rest (82 - 8 - 58) unknown
    assert (quriyah["low"], quriyah["best"], quriyah["high"]) == ("47", "82", "82")
    assert (quriyah["deaths_a"], quriyah["deaths_b"], quriyah["deaths_civilians"], quriyah["deaths_unknown"]) == \
        ("8", "0", "58", "16")
    assert quriyah["number_of_sources"] == "3" and "Reuters" in quriyah["source_article"]
    assert quriyah["adm_1"] == "Deir ez-Zor governorate" and quriyah["date_prec"] == "1"
    # outlets, then the sources the figures name
    assert acled[0]["fatalities"] == "82" and acled[0]["source"] == "Reuters; ahram; alaraby; SANA; SOHR; UN"
    assert (atarib["best"], atarib["deaths_civilians"]) == ("10", "10")
    assert acled[1]["actor2"] == "Civilians (Syria)" and acled[1]["sub_event_type"] == "Air/drone strike"


def test_export_cli(linked, tmp_path, capsys):
    for fmt in ("csv", "parquet", "geojson", "acled", "ucdp"):
        out = tmp_path / f"x.{fmt}"
        assert main(["export", "--db", str(linked), "--format", fmt, "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    assert "wrote" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["export", "--db", str(linked), "--format", "xlsx", "-o", str(tmp_path / "x")])
    assert exc.value.code == 2
    assert main(["export", "--db", str(linked), "--format", "csv", "-o", str(tmp_path / "no" / "x.csv")]) == 1
    assert "no" in capsys.readouterr().err
    assert not list(tmp_path.glob(".*.partial"))
