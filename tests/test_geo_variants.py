"""Spelling variants of Syrian places, as the articles in ../shared/corpus
write them, each with its governorate and coordinates (within 5 km).

Expected coordinates are the places' published coordinates (English
Wikipedia articles, rounded to 0.01°), independent of the gazetteer.
"""
from __future__ import annotations

import math

import pytest

from wartally.geo import resolve
from wartally.records import WherePrecision

# (mention as written in the corpus, governorate, lat, lon)
VARIANTS = [
    ("Maarat al-Numan", "Idlib", 35.65, 36.67),
    ("Maaret al-Numan", "Idlib", 35.65, 36.67),
    ("Ma'arrat an-Nu'man", "Idlib", 35.65, 36.67),
    ("Maarrat al-Numan", "Idlib", 35.65, 36.67),
    ("Maaret Al Numan", "Idlib", 35.65, 36.67),
    ("Maarat al-Noman", "Idlib", 35.65, 36.67),
    ("Maaret al-Nouman", "Idlib", 35.65, 36.67),
    ("Maaret-al-Numan", "Idlib", 35.65, 36.67),
    ("Khan Sheikhoun", "Idlib", 35.44, 36.65),
    ("Khan Shaykhun", "Idlib", 35.44, 36.65),
    ("Khan Sheikhun", "Idlib", 35.44, 36.65),
    ("Khan Shaikhoun", "Idlib", 35.44, 36.65),
    ("Khan-Shaikhoun", "Idlib", 35.44, 36.65),
    ("Kafranbel", "Idlib", 35.61, 36.56),
    ("Kafr Nabl", "Idlib", 35.61, 36.56),
    ("Kfar Nabl", "Idlib", 35.61, 36.56),
    ("Jisr al-Shughour", "Idlib", 35.81, 36.32),
    ("Jisr ash-Shughur", "Idlib", 35.81, 36.32),
    ("Jisr al-Shaghour", "Idlib", 35.81, 36.32),
    ("Jisr al-Shigour", "Idlib", 35.81, 36.32),
    ("Saraqeb", "Idlib", 35.86, 36.80),
    ("Saraqib", "Idlib", 35.86, 36.80),
    ("Idlib", "Idlib", 35.93, 36.63),
    ("Idleb", "Idlib", 35.93, 36.63),
    ("Hama", "Hama", 35.13, 36.75),
    ("Hamah", "Hama", 35.13, 36.75),
    ("HAMA", "Hama", 35.13, 36.75),
    ("Deir Ezzor", "Deir ez-Zor", 35.33, 40.14),
    ("Deir ez-Zor", "Deir ez-Zor", 35.33, 40.14),
    ("Deir az-Zour", "Deir ez-Zor", 35.33, 40.14),
    ("Deir al-Zor", "Deir ez-Zor", 35.33, 40.14),
    ("Deir el-Zour", "Deir ez-Zor", 35.33, 40.14),
    ("Deir al Zour", "Deir ez-Zor", 35.33, 40.14),
    ("Dayr az-Zawr", "Deir ez-Zor", 35.33, 40.14),
    ("Deir Ezzur", "Deir ez-Zor", 35.33, 40.14),
    ("Hasakeh", "Al-Hasakah", 36.50, 40.75),
    ("Hassakeh", "Al-Hasakah", 36.50, 40.75),
    ("Hasaka", "Al-Hasakah", 36.50, 40.75),
    ("al-Hassakeh", "Al-Hasakah", 36.50, 40.75),
    ("Hassake", "Al-Hasakah", 36.50, 40.75),
    ("Raqqa", "Raqqa", 35.95, 39.01),
    ("Raqa", "Raqqa", 35.95, 39.01),
    ("Raqqah", "Raqqa", 35.95, 39.01),
    ("Al Raqqa", "Raqqa", 35.95, 39.01),
    ("Douma", "Rif Dimashq", 33.57, 36.40),
    ("Duma", "Rif Dimashq", 33.57, 36.40),
    ("Daraya", "Rif Dimashq", 33.46, 36.24),
    ("Darayya", "Rif Dimashq", 33.46, 36.24),
    ("Mhambil", "Idlib", 35.79, 36.47),
    ("Ariha", "Idlib", 35.81, 36.61),
    ("Hass", "Idlib", 35.61, 36.60),
    ("Haas", "Idlib", 35.61, 36.60),
    ("Salhab", "Hama", 35.25, 36.35),
    ("Khan Tuman", "Aleppo", 36.12, 37.05),
    ("Khan Touman", "Aleppo", 36.12, 37.05),
    ("Handarat", "Aleppo", 36.27, 37.17),
    ("Qamishli", "Al-Hasakah", 37.05, 41.22),
    ("al-Qamishli", "Al-Hasakah", 37.05, 41.22),
    ("Manbij", "Aleppo", 36.53, 37.95),
    ("Menbij", "Aleppo", 36.53, 37.95),
    ("Palmyra", "Homs", 34.56, 38.27),
    ("Tadmur", "Homs", 34.56, 38.27),
    ("Kobani", "Aleppo", 36.89, 38.35),
    ("Kobane", "Aleppo", 36.89, 38.35),
    ("Ain al-Arab", "Aleppo", 36.89, 38.35),
    ("Tabqa", "Raqqa", 35.84, 38.55),
    ("Tabaqa", "Raqqa", 35.84, 38.55),
    ("Al Tabqah", "Raqqa", 35.84, 38.55),
    ("Mayadin", "Deir ez-Zor", 35.02, 40.45),
    ("Al Mayadeen", "Deir ez-Zor", 35.02, 40.45),
    ("Albu Kamal", "Deir ez-Zor", 34.45, 40.92),
    ("Abu Kamal", "Deir ez-Zor", 34.45, 40.92),
    ("Al Bukamal", "Deir ez-Zor", 34.45, 40.92),
    ("Azaz", "Aleppo", 36.59, 37.05),
    ("al-Bab", "Aleppo", 36.37, 37.52),
    ("al-Rai", "Aleppo", 36.61, 37.45),
    ("Tal Abyad", "Raqqa", 36.70, 38.95),
    ("Tell Abyad", "Raqqa", 36.70, 38.95),
    ("Ras al-Ain", "Al-Hasakah", 36.85, 40.07),
    ("Atarib", "Aleppo", 36.14, 36.83),
    ("Atareb", "Aleppo", 36.14, 36.83),
    ("Al-Atareb", "Aleppo", 36.14, 36.83),
    ("Qalaat al-Madiq", "Hama", 35.41, 36.39),
    ("Mhardeh", "Hama", 35.25, 36.57),
    ("Maharda", "Hama", 35.25, 36.57),
    ("Latamneh", "Hama", 35.32, 36.62),
    ("Kafr Zita", "Hama", 35.37, 36.60),
    ("Kafr Zeita", "Hama", 35.37, 36.60),
    ("Morek", "Hama", 35.38, 36.69),
    ("Mourek", "Hama", 35.38, 36.69),
    ("Latakia", "Latakia", 35.52, 35.79),
    ("Lattakia", "Latakia", 35.52, 35.79),
    ("Tartus", "Tartus", 34.89, 35.89),
    ("Daraa", "Daraa", 32.62, 36.10),
    ("Deraa", "Daraa", 32.62, 36.10),
    ("Sweida", "As-Suwayda", 32.71, 36.57),
    ("Suwaida", "As-Suwayda", 32.71, 36.57),
    ("Homs", "Homs", 34.73, 36.71),
    ("Homss", "Homs", 34.73, 36.71),
    ("Damascus", "Damascus", 33.51, 36.29),
    ("Aleppo", "Aleppo", 36.20, 37.16),
    ("Alepppo", "Aleppo", 36.20, 37.16),
    ("Zabadani", "Rif Dimashq", 33.72, 36.10),
    ("Madaya", "Rif Dimashq", 33.69, 36.10),
    ("Harasta", "Rif Dimashq", 33.56, 36.37),
    ("Arbin", "Rif Dimashq", 33.54, 36.37),
    ("Arbeen", "Rif Dimashq", 33.54, 36.37),
    ("Kafr Batna", "Rif Dimashq", 33.51, 36.37),
    ("Kafarbatna", "Rif Dimashq", 33.51, 36.37),
    ("Kfar Batna", "Rif Dimashq", 33.51, 36.37),
    ("Saqba", "Rif Dimashq", 33.52, 36.38),
    ("Hammouriya", "Rif Dimashq", 33.53, 36.37),
    ("Hammuriyah", "Rif Dimashq", 33.53, 36.37),
    ("Jobar", "Damascus", 33.53, 36.33),
    ("Binnish", "Idlib", 35.95, 36.71),
    ("Sarmin", "Idlib", 35.90, 36.72),
    ("Sermin", "Idlib", 35.90, 36.72),
    ("Salqin", "Idlib", 36.14, 36.45),
    ("Qusayr", "Homs", 34.51, 36.58),
    ("al-Rastan", "Homs", 34.93, 36.73),
    ("Talbisseh", "Homs", 34.84, 36.73),
    ("Talbisa", "Homs", 34.84, 36.73),
    ("Yabrud", "Rif Dimashq", 33.97, 36.66),
    ("Jaramana", "Rif Dimashq", 33.49, 36.35),
    ("Sednaya", "Rif Dimashq", 33.70, 36.37),
    ("Qardaha", "Latakia", 35.45, 36.06),
    ("Jableh", "Latakia", 35.36, 35.93),
    ("Izraa", "Daraa", 32.86, 36.25),
    ("Bosra", "Daraa", 32.52, 36.48),
    ("Busra", "Daraa", 32.52, 36.48),
    ("Khan al-Assal", "Aleppo", 36.17, 37.04),
    ("Jarablus", "Aleppo", 36.82, 38.01),
    ("Afrin", "Aleppo", 36.51, 36.87),
    ("Tal Rifaat", "Aleppo", 36.47, 37.10),
    ("Deir Hafer", "Aleppo", 36.16, 37.71),
    ("Amuda", "Al-Hasakah", 37.10, 40.93),
    ("Tal Tamr", "Al-Hasakah", 36.65, 40.37),
    ("al-Shadadi", "Al-Hasakah", 36.06, 40.73),
    ("Quneitra", "Quneitra", 33.13, 35.82),
    ("Ain Issa", "Raqqa", 36.39, 38.86),
    ("Kinsafra", "Idlib", 35.65, 36.49),
    ("Kansafra", "Idlib", 35.65, 36.49),
    ("Al-Quriyah", "Deir ez-Zor", 34.96, 40.53),
]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = 0.5 - math.cos((lat2 - lat1) * p) / 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2
    return 12742 * math.asin(math.sqrt(a))


def test_geo_variants_table_is_large_enough():
    assert len(VARIANTS) >= 80
    assert len({v[0] for v in VARIANTS}) == len(VARIANTS)


@pytest.mark.parametrize(("mention", "admin1", "lat", "lon"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_geo_variants_resolve_to_governorate_and_point(mention, admin1, lat, lon):
    place = resolve(mention, context=["Syria"])
    assert place.resolved, place.reason
    assert place.country == "Syria"
    assert place.admin1 == admin1, place.reason
    assert place.precision <= WherePrecision.WITHIN_25KM
    assert km(place.lat, place.lon, lat, lon) < 5.0, (place.name, place.lat, place.lon, place.reason)
    assert place.admin1_pcode and place.admin1_pcode.startswith("SY")
    assert place.admin3_pcode and place.admin3_pcode.startswith(place.admin1_pcode)
