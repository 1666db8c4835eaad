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
from wartally.store.samples import gold_figures, ocha_locator


@pytest.fixture(scope="module")
def seeded(shared, tmp_path_factory):
    """The five seeds with their gold figures (no events)."""
    path = tmp_path_factory.mktemp("export") / "seeds.duckdb"
    locate = ocha_locator(shared / "data" / "geo")
    docs = {d["id"]: Document.make(d["id"], d["text"], published=d["published"], outlet=d["outlet"])
            for d in map(json.loads, open(shared / "corpus" / "seeds.jsonl", encoding="utf-8"))}
    with Store(path) as store:
        for line in open(shared / "gold" / "seeds.gold.jsonl", encoding="utf-8"):
            g = json.loads(line)
            store.write_document(docs[g["id"]], gold_figures(docs[g["id"]], g["figures"], locate))
    return path


@pytest.fixture(scope="module")
def linked(seeded, tmp_path_factory):
    """The same store with two events: Qalaat al-Madiq (one report) and a
    Maharda attack reported by two documents that disagree on the count."""
    path = tmp_path_factory.mktemp("linked") / "linked.duckdb"
    path.write_bytes(seeded.read_bytes())
    with Store(path) as store:
        figs = store.read_figures("004_a8106be745b31416.txt")
        maharda = [f for f in figs if f.place and f.place.mention == "Maharda"]
        madiq = [f for f in figs if f.place and f.place.mention == "Qalaat al-Madiq"]
        other = Document.make("reuters-maharda", "Rebel shelling killed 12 people, including six children, in "
                              "Maharda on Friday, state media said.", published="2018-09-07", outlet="Reuters")
        g = [{"outcome": "killed", "n": 12, "victims": "people", "quote": "killed 12 people", "place": "Maharda",
              "admin1": "Hama", "start": "2018-09-07", "end": "2018-09-07", "source": "SANA", "actor": "opposition",
              "weapon": "shelling"},
             {"outcome": "killed", "n": 8, "victims": "combatants", "side": "government", "quote": "Rebel shelling",
              "place": "Maharda", "admin1": "Hama", "start": "2018-09-07", "end": "2018-09-07"}]
        extra = gold_figures(other, g)
        store.write_document(other, extra)
        e1_figs = [f.id for f in maharda] + [f.id for f in extra]
        e1 = Event(Event.make_id(e1_figs), tuple(e1_figs), ("004_a8106be745b31416.txt", other.id),
                   dt.date(2018, 9, 7), dt.date(2018, 9, 7), DatePrecision.DAY, located(maharda[0]),
                   "Explosions/Remote violence", "Shelling/artillery/missile attack", ("opposition",),
                   (Count(Outcome.KILLED, Victims.PEOPLE, 10, 12, 12, "largest"),
                    Count(Outcome.KILLED, Victims.CHILDREN, 5, 5, 5, "only"),
                    Count(Outcome.KILLED, Victims.COMBATANTS, 8, 8, 8, "only")))
        e2_figs = [f.id for f in madiq]
        e2 = Event(Event.make_id(e2_figs), tuple(e2_figs), ("004_a8106be745b31416.txt",), dt.date(2018, 9, 8),
                   dt.date(2018, 9, 8), DatePrecision.DAY, located(madiq[0]), None, None, ("Syrian government",),
                   (Count(Outcome.KILLED, Victims.MEN, 2, 2, 2, "only"),
                    Count(Outcome.INJURED, Victims.PEOPLE, 5, 5, 5, "only")))
        store.write_events([e1, e2], [Link(e1.id, maharda[0].id, extra[0].id, 0.9, ("same place",))], [],
                           {f: "incident" for f in e1_figs + e2_figs})
    return path


def located(fig):
    """The figure's place with the coordinates of its governorate where the
    sample locator knows only that (as the geocoder would fall back)."""
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
    assert n == total == len(got) >= 36
    assert [r["id"] for r in got] == [r["id"] for r in rows]
    assert [int(r["n"]) for r in got] == [r["n"] for r in rows]
    assert [r["quote"] for r in got] == [r["quote"] for r in rows]


def test_export_parquet_read_by_duckdb(seeded, tmp_path):
    out = tmp_path / "it's figures.parquet"  # a quote in the name: the path travels as a parameter
    with Store(seeded, read_only=True) as store:
        n = export(store.con, "parquet", out, FigureFilter(admin1="Idlib"))
        rows, total = select_figures(store.con, FigureFilter(admin1="Idlib"))
    con = duckdb.connect()
    got = con.execute("SELECT id, n, admin1, start_date FROM read_parquet(?) ORDER BY id", [str(out)]).fetchall()
    assert n == total == len(got) > 10
    assert got == sorted((r["id"], r["n"], r["admin1"], dt.date.fromisoformat(r["start_date"])
                          if r["start_date"] else None) for r in rows)


def test_export_parquet_events(linked, tmp_path):
    out = tmp_path / "events.parquet"
    with Store(linked, read_only=True) as store:
        assert export(store.con, "parquet", out, records="events") == 2
    got = duckdb.connect().execute("SELECT killed_low, killed_best, killed_high, n_documents FROM read_parquet(?) "
                                   "ORDER BY start_date", [str(out)]).fetchall()
    assert got == [(13, 13, 13, 2), (2, 2, 2, 1)]  # max(people, children + combatants)


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
    assert all(35 < f["geometry"]["coordinates"][1] < 36 for f in events["features"])  # Hama latitudes


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
    # monthly tallies ("948 people killed in a month") are not events
    assert not any(figs[a["event_id_cnty"]]["n"] == 948 for a in acled)
    mhambil = next(a for a in acled if a["location"] == "Mhambil")
    assert (mhambil["event_type"], mhambil["sub_event_type"], mhambil["actor1"], mhambil["fatalities"]) == \
        ("Explosions/Remote violence", "Air/drone strike", "Syrian government", "15")


def test_export_acled_and_ucdp_from_linked_events(linked, tmp_path):
    with Store(linked, read_only=True) as store:
        export(store.con, "acled", tmp_path / "a.csv")
        export(store.con, "ucdp", tmp_path / "u.csv", FigureFilter(admin1="Hama"))
    acled, ucdp = read_csv(tmp_path / "a.csv"), read_csv(tmp_path / "u.csv")
    assert [a["location"] for a in acled] == ["Maharda", "Qalaat al-Madiq"]
    maharda, madiq = ucdp
    # people 12 (10-12) vs civilians (5 children) + combatants 8 = 13: best 13, low max(10, 5+8)=13, high 13
    assert (maharda["low"], maharda["best"], maharda["high"]) == ("13", "13", "13")
    assert (maharda["deaths_a"], maharda["deaths_b"], maharda["deaths_civilians"], maharda["deaths_unknown"]) == \
        ("8", "0", "5", "0")
    assert maharda["number_of_sources"] == "2" and "Reuters" in maharda["source_article"]
    assert maharda["adm_1"] == "Hama governorate" and maharda["date_prec"] == "1"
    assert acled[0]["fatalities"] == "13" and acled[0]["source"] == "Al Jazeera; Reuters; SANA; SOHR"
    assert (madiq["best"], madiq["deaths_civilians"]) == ("2", "2")
    assert acled[1]["actor2"] == "Civilians (Syria)" and acled[1]["sub_event_type"] == "Shelling/artillery/missile attack"


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
