"""geocode_figures over real sentences, the article's main area, the
shipped boundaries and the ``wartally geocode`` command."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from wartally.cli import main
from wartally.errors import GeoError
from wartally.geo import boundaries_geojson, geocode_figures, main_area
from wartally.records import Document, Figure, Outcome, Place, Qualifier, Span, Victims
from wartally.records import WherePrecision as P


TEXT = (
    "Airstrikes killed 12 civilians in the village of Hass in southern Idlib on Monday, the Syrian "
    "Observatory for Human Rights said. Another 5 people were killed in Kafranbel and 3 in Zzyzxville. "
    "Since 30 April, 288 civilians have been killed across Idlib and northern Hama."
)
DOC = Document.make("test-doc", TEXT, published="2019-06-03")


def figure(n: int, place: str | None = None, area: str | None = None, country: str | None = None) -> Figure:
    i = TEXT.index(str(n))
    span = Span(DOC.id, i, i + len(str(n)), str(n), "test")
    pspan = Span(DOC.id, TEXT.index(place), TEXT.index(place) + len(place), place, "test") if place else None
    return Figure(
        id=f"f{n}", doc_id=DOC.id, outcome=Outcome.KILLED, n=n, qualifier=Qualifier.EXACT, victims=Victims.PEOPLE,
        quote=str(n), number_span=span, sentence_start=0, sentence_end=len(TEXT),
        place=Place(mention=place, span=pspan) if place else None,
        area=Place(mention=area) if area else None, country=country,
    )


def test_geocoder_resolves_place_and_area_keeping_spans():
    figs = [figure(12, "Hass", "southern Idlib"), figure(5, "Kafranbel"), figure(3, "Zzyzxville"),
            figure(288, None, "northern Hama")]
    out = geocode_figures(DOC, figs)
    assert [f.id for f in out] == [f.id for f in figs]  # none dropped, same order
    hass, kafr, unknown, total = out
    assert (hass.place.name, hass.place.admin1, hass.area.precision) == ("Hass", "Idlib", P.ADMIN1)
    assert hass.place.span == figs[0].place.span and hass.place.mention == "Hass"
    assert (kafr.place.name, kafr.admin1, kafr.place.precision) == ("Kafr Nabl", "Idlib", P.EXACT)
    assert unknown.place.precision == P.UNKNOWN and unknown.place.mention == "Zzyzxville"
    assert (total.place, total.admin1, total.area.precision) == (None, "Hama", P.ADMIN1)


def test_geocoder_figure_json_carries_coordinates_and_precision():
    d = geocode_figures(DOC, [figure(5, "Kafranbel")])[0].to_json()
    assert (d["place"], d["place_mention"], d["admin1"], d["where_prec"]) == ("Kafr Nabl", "Kafranbel", "Idlib", 1)
    assert abs(d["lat"] - 35.61) < 0.05 and d["admin3_pcode"] == "SY070203" and d["geo_reason"]


def test_geocoder_main_area_for_figures_without_place():
    out = geocode_figures(DOC, [figure(288), figure(12, None, "Syria")])
    assert [f.admin1 for f in out] == ["Idlib", "Idlib"]
    assert "main area" in out[0].area.reason
    assert main_area(DOC).admin1 == "Idlib"


def test_geocoder_country_scoped_figure_keeps_no_admin1():
    out = geocode_figures(DOC, [figure(288, None, "Syria", country="Syria")])
    assert out[0].admin1 is None and out[0].area.precision == P.COUNTRY


def test_geocoder_empty_inputs():
    assert geocode_figures(DOC, []) == []
    assert main_area(Document.make("empty", "")) is None


# the seed articles' main area: tests/test_seed_articles.py


@pytest.mark.parametrize(("level", "count"), [(1, 14), (2, 62), (3, 272)])
def test_boundaries_levels_have_ocha_units(level, count):
    gj = boundaries_geojson(level)
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == count
    props = {f["properties"]["pcode"]: f["properties"] for f in gj["features"]}
    assert all(p["name"] and p["name_ocha"] and p["pcode"].startswith("SY") for p in props.values())
    if level == 1:
        assert (props["SY07"]["name"], props["SY07"]["name_ocha"]) == ("Idlib", "Idleb")
        assert props["SY03"]["name"] == "Rif Dimashq"


def test_boundaries_are_small_and_rounded():
    data = Path(__file__).resolve().parent.parent / "src" / "wartally" / "data" / "geo"
    size = sum(len(gzip.decompress((data / f"boundaries_admin{i}.geojson.gz").read_bytes())) for i in (1, 2))
    assert size < 1_500_000
    def numbers(c):
        return [c] if isinstance(c, float | int) else [x for item in c for x in numbers(item)]

    coords = numbers([f["geometry"]["coordinates"] for f in boundaries_geojson(1)["features"]])
    assert len(coords) > 1000 and all(round(x, 3) == x for x in coords)


def test_boundaries_unknown_level_is_an_error():
    with pytest.raises(GeoError):
        boundaries_geojson(4)


def test_command_geocode_prints_json(capsys):
    assert main(["geocode", "Maaret al-Numan", "--context", "Khan Sheikhoun"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert (d["admin1"], d["admin1_ocha"], d["precision"], d["where_prec"]) == ("Idlib", "Idleb", "exact", 1)
    assert d["reason"] and d["mention"] == "Maaret al-Numan"


def test_command_geocode_unresolved_exits_1(capsys):
    assert main(["geocode", "Hama", "Zzyzxville"]) == 1
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["precision"] for x in lines] == ["exact", "unknown"]


def test_command_geocode_help_has_example(capsys):
    with pytest.raises(SystemExit):
        main(["geocode", "--help"])
    assert "example: wartally geocode" in capsys.readouterr().out
